"""What a change costs as the archive grows: writes proportional to the change.

For archives of 1,000 and 10,000 meetings (30 organs, a meeting a month,
25 §s each), the median and spread of --runs runs of:

- add a § to the newest meeting of an organ, and delete it again (both
  renumber and write the index);
- create a meeting;
- open the store after a text save in one meeting;
- save one edit (`session.save()`), beside the floor: writing the same bytes
  durably (temporary file, fsync, rename) with `atomic_write`.

The same script runs the same operations on the same archive with the code
of another checkout (`--before DIR`, e.g. a `git worktree` of the commit
before the change), in a child process, so both columns come from one run.

    python bench/bench_catalogue.py [--sizes 1000,10000] [--runs 5] [--before DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
TEXT = (
    "Förbundschefen redogör för läget i insatserna och arbetsutskottet diskuterar "
    "hur uppföljningen ska göras under hösten. "
)


def make_archive(path: Path, size: int) -> None:
    from protokoll.store import Decision, Meeting, Paragraph, Store
    from protokoll.store.model import Attendee
    from protokoll.store.serial import to_dict
    from protokoll.store.storage import encode

    store = Store(path)
    organs = [
        store.add_organ(f"Organ {k}", "Förbundet", organ_id=f"organ{k:02d}") for k in range(30)
    ]
    people = [Attendee(f"a{k}", f"Ledamot {k}", present=True) for k in range(7)]
    for i in range(size):
        organ = organs[i % 30]
        n = i // 30  # the organ's n:th meeting: a meeting a month
        year, month = 2000 + n // 12, n % 12 + 1
        first = (n % 12) * 25 + 1
        paragraphs = [
            Paragraph(
                f"p{i}-{k}",
                f"Ärende {k}",
                first + k,
                TEXT,
                decisions=[Decision("Organet beslutar att lägga informationen till handlingarna.")],
            )
            for k in range(25)
        ]
        m = Meeting(
            id=f"m{i:05d}",
            organ_id=organ.id,
            organ=organ.name,
            organisation=organ.organisation,
            date=f"{year}-{month:02d}-15",
            start="13:00",
            # Each organ's newest meeting is in progress; the rest are closed.
            status="open" if i >= size - 30 else "closed",
            attendees=people,
            paragraphs=paragraphs,
            created=f"{year}-{month:02d}-15T13:00:00",
        )
        (path / "meetings" / f"{m.id}.json").write_bytes(encode({"meeting": {"1": to_dict(m)}}))
    Store(path)  # the first open reads every file once and makes the index


def timed(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure(path: Path, runs: int) -> dict[str, list[float]]:
    from protokoll.store import Store
    from protokoll.store.serial import to_dict
    from protokoll.store.storage import atomic_write, encode

    store = Store(path)
    newest = max((s for s in store.summaries() if s.organ_id == "organ00"), key=lambda s: s.date)
    session = store.open(newest.id)
    added: list[str] = []

    def add() -> None:
        added.append(session.add_paragraph("Tillägg").id)

    def delete() -> None:
        session.delete_paragraph(added.pop())

    results = {}
    adds, deletes = [], []
    for _ in range(runs):
        adds += timed(add, 1)
        deletes += timed(delete, 1)
    results["add a §"] = adds
    results["delete a §"] = deletes

    def save() -> None:
        session.meeting.paragraphs[0].text += " x"
        session.save()

    results["save one edit"] = timed(save, runs * 4)
    raw = encode({"meeting": {"1": to_dict(session.meeting)}})
    floor = path / "floor.json"
    results["write the same bytes durably"] = timed(lambda: atomic_write(floor, raw), runs * 4)
    session.close()
    floor.unlink()

    day = iter(range(1, 10_000))

    def create() -> None:
        s = store.create_meeting("organ01", f"2030-01-{next(day) % 28 + 1:02d}")
        s.close()

    results["create a meeting"] = timed(create, runs)

    def reopen() -> None:
        s = Store(path).open(newest.id)
        s.meeting.paragraphs[0].text += " y"
        s.save()
        s.close()

    opens = []
    for _ in range(runs):
        reopen()
        opens += timed(lambda: Store(path), 1)
    results["open the store after a save"] = opens
    return results


def child(args: argparse.Namespace) -> None:
    """Run in a child process, with the code of --code first on the path."""
    sys.path.insert(0, args.code)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        start = time.perf_counter()
        make_archive(path, args.size)
        built = time.perf_counter() - start
        results = measure(path, args.runs)
        results["(writing and indexing the archive)"] = [built * 1000]
    print(json.dumps(results))


def run(code: Path, size: int, runs: int) -> dict[str, list[float]]:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            "--code",
            str(code),
            "--size",
            str(size),
            "--runs",
            str(runs),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def fmt(values: list[float]) -> str:
    med = statistics.median(values)
    return f"{med:8.1f} ms ({min(values):.1f}–{max(values):.1f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--before", help="a checkout of the code to compare with")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--code", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    for size in (int(s) for s in args.sizes.split(",")):
        now = run(HERE, size, args.runs)
        before = run(Path(args.before), size, args.runs) if args.before else None
        print(f"\n{size:,} meetings (medians of {args.runs}+ runs, min–max)")
        for name, values in now.items():
            line = f"  {name:32s} now {fmt(values)}"
            if before and name in before:
                b = before[name]
                ratio = statistics.median(b) / statistics.median(values)
                line += f"   before {fmt(b)}   before/now {ratio:5.1f}"
            print(line)
        saves = statistics.median(now["save one edit"])
        floor = statistics.median(now["write the same bytes durably"])
        print(f"  a save costs {saves / floor:.2f}× the floor")


if __name__ == "__main__":
    main()
