"""Many processes writing one store at once, some killed on the way: is anything lost?

Each round starts WRITERS processes on one store at once, each importing
FILES protocols of one organ (each with its own date and its own §§), while
one more process adds §§ to a meeting of the same organ and year; after
a random short delay KILLS of the importers get SIGKILL. Then it checks what
the store says against what was asked of it:

- every meeting file parses, and no file is a stub or a temporary left over;
- one organ, however many processes made it at once;
- no § number twice in the organ's year (read from the files, not the index);
- every import that said it was done is in the store; the killed ones are
  either wholly there or wholly absent;
- the catalogue's index agrees with the files when the store is opened.

    python bench/attack_store.py [--rounds 10] [--writers 8] [--files 20] [--kills 2]

It prints the figures for the README's section on safety.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from protokoll.store import Store  # noqa: E402

ADDER = """
import sys
from protokoll.store import Store, StoreError
store = Store(sys.argv[1])
organ = next(o for o in store.organs() if o.name == "Styrelsen")
session = store.create_meeting(organ.id, "2024-01-01")
done = 0
for i in range(int(sys.argv[2])):
    try:
        session.add_paragraph(f"Punkt {i}")
        done += 1
    except StoreError:
        pass  # a refusal (a number taken, a meeting held): said, nothing half-done
session.close()
print(done)
"""


def protocol(date: str, first: int) -> str:
    body = "\n\n".join(
        f"§ {n} Punkt {n}\n\nStyrelsen beslutar att godkänna punkt {n}."
        for n in (first, first + 1)
    )
    return (
        "PROTOKOLL fört vid sammanträde med styrelsen för Föreningen Åbo Ängar\n\n"
        f"Datum: {date}\nTid: 18.30 – 20.00\n\n"
        "Närvarande: Åsa Öberg, ordf., Björn Ängström, Karin Ek\n\n"
        f"Sekreterare: Karin Ek\n\n{body}\n"
    )


def one_round(work: Path, writers: int, files: int, kills: int, rng: random.Random) -> dict:
    store_dir = work / "store"
    Store(store_dir).add_organ("Styrelsen", "Föreningen Åbo Ängar")
    batches: list[list[str]] = []
    for b in range(writers):
        batch = []
        for i in range(files):
            k = b * files + i
            day = f"2024-{1 + k // 28 % 11:02d}-{1 + k % 28:02d}"
            f = work / f"p{k:04d}.txt"
            f.write_text(protocol(day, 1000 + 2 * k), encoding="utf-8")
            batch.append(str(f))
        batches.append(batch)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "protokoll.tui", "--store", str(store_dir), "import", *batch],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for batch in batches
    ]
    adder = subprocess.Popen(
        [sys.executable, "-c", ADDER, str(store_dir), "30"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    victims = rng.sample(range(writers), kills)
    time.sleep(rng.uniform(0.5, 2.5))
    for v in victims:
        procs[v].send_signal(signal.SIGKILL)
    said_done: set[str] = set()
    errors = 0
    for i, p in enumerate(procs):
        out, err = p.communicate(timeout=600)
        if i not in victims and (p.returncode != 0 or "Traceback" in err):
            errors += 1
            print("   ", err.strip().splitlines()[-1] if err.strip() else p.returncode)
        said_done.update(line.strip() for line in out.splitlines() if line.strip())
    add_out, add_err = adder.communicate(timeout=600)
    errors += adder.returncode != 0 or "Traceback" in add_err
    seconds = time.perf_counter() - start

    # What the store says, read afresh.
    problems = []
    leftovers = [
        n for n in os.listdir(store_dir / "meetings") if n.startswith(".") or n.endswith(".tmp")
    ]
    numbers: Counter = Counter()
    stubs = 0
    for name in os.listdir(store_dir / "meetings"):
        if not name.endswith(".json") or name.startswith("."):
            continue
        data = json.loads((store_dir / "meetings" / name).read_text("utf-8"))
        doc = data.get("meeting", {}).get("1")
        if not doc:
            stubs += 1
            continue
        if doc["kind"] == "protokoll":
            numbers.update(
                (doc["organ_id"], doc["date"][:4], p["number"])
                for p in doc["paragraphs"]
                if p["number"] is not None
            )
    store = Store(store_dir)
    problems = [p.text("en") for p in store.problems]
    ids = {s.id for s in store.summaries()}
    return {
        "seconds": seconds,
        "meetings": len(ids),
        "organs": len(store.organs()),
        "duplicates": sum(1 for c in numbers.values() if c > 1),
        "missing": len(said_done - ids),
        "stubs": stubs,
        "leftovers": len(leftovers),
        "problems": len(problems),
        "errors": errors,
        "added": int(add_out.strip() or 0),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--writers", type=int, default=8)
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--kills", type=int, default=2)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    totals: Counter = Counter()
    for r in range(args.rounds):
        with tempfile.TemporaryDirectory() as tmp:
            result = one_round(Path(tmp), args.writers, args.files, args.kills, rng)
        print(
            f"round {r + 1:2d}: {result['seconds']:5.1f} s, {result['meetings']:3d} meetings, "
            f"{result['organs']} organ(s), {result['added']} §§ added alongside, "
            f"duplicate §§ {result['duplicates']}, missing {result['missing']}, "
            f"stubs {result['stubs']}, left-over files {result['leftovers']}, "
            f"unreadable {result['problems']}, errors {result['errors']}"
        )
        totals.update({k: v for k, v in result.items() if k != "seconds"})
        totals["rounds"] += 1
        totals["organ_rounds_not_one"] += result["organs"] != 1
    print(
        f"\n{totals['rounds']} rounds, {args.writers} importing processes each "
        f"({args.writers * args.files} protocols) plus one adding §§, "
        f"{args.kills} importers killed with SIGKILL per round "
        f"({args.kills * totals['rounds']} kills): "
        f"{totals['meetings']} meetings written; duplicate §§ {totals['duplicates']}, "
        f"imports said done but missing {totals['missing']}, stub files {totals['stubs']}, "
        f"left-over temporary files {totals['leftovers']}, unreadable files "
        f"{totals['problems']}, rounds with more than one organ "
        f"{totals['organ_rounds_not_one']}, errors {totals['errors']}"
    )


if __name__ == "__main__":
    main()
