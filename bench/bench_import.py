"""Importing text protocols: reading one file, a folder into a store, and the command.

Prints, measured in the same run:

1. reading each protocol in `examples/*.txt` (and the seeds in
   ../shared/seeds, if there) into a meeting, median of `--repeat` runs with
   min-max; a file that is not a protocol the importer takes is listed as
   skipped, with the importer's reason;
2. importing `--files` distinct protocols (one organ, each on its own day
   with its own §§, so that none is a copy of another) into a fresh store,
   `--runs` times, per file, beside importing the same meetings as JSON
   exports into a fresh store (the baseline: the same store writes, no
   reading of text). Every import is checked to have made a meeting;
   refusals are counted and printed apart, never timed as imports;
3. `protokoll import` run as the command, in batches of `--batch` files into
   one fresh store until it holds `--cli-files`: ms a file for the batch
   that ends at 100, 500 and 2,000 meetings (and the last), so that growth
   with the store's size shows; then one file into a fresh store, beside
   `python -c pass`. The commands run with bytecode cached, as installed.

    python bench/bench_import.py [--files 200] [--runs 5] [--repeat 20]
                                 [--cli-files 2000] [--batch 100]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from protokoll.store import Store, StoreError  # noqa: E402
from protokoll.store.exchange import export_document, import_document  # noqa: E402
from protokoll.store.importer import import_protocol, read_protocol  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
TEMPLATE = ROOT / "examples" / "20250213-au.txt"
PER_YEAR = 24  # meetings a year in the generated folder: 2 a month


def fig(xs: list[float], digits: int = 2) -> str:
    """Median (min-max), in ms."""
    return (
        f"{statistics.median(xs) * 1000:.{digits}f} ms "
        f"({min(xs) * 1000:.{digits}f}-{max(xs) * 1000:.{digits}f})"
    )


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def protocols(folder: Path, n: int, first: int = 0) -> list[Path]:
    """`n` distinct protocols: the template on its own day, with its own §§.

    Meeting k of a year is on the 10th or 20th of its month and has
    §§ 6k+1 to 6k+6, so that no two share a day or a § of their year: none
    is a copy of another, none collides with another's numbers.
    """
    template = TEMPLATE.read_text(encoding="utf-8")
    last = max(int(x) for x in re.findall(r"^§ (\d+)", template, re.M))
    paths = []
    for i in range(first, first + n):
        year, k = 1900 + i // PER_YEAR, i % PER_YEAR
        day = dt.date(year, 1 + k // 2, 10 + 10 * (k % 2))
        offset = k * last
        text = re.sub(r"^§ (\d+)", lambda m, o=offset: f"§ {int(m[1]) + o}", template, flags=re.M)
        text = re.sub(
            r"§§ (\d+)–(\d+)", lambda m, o=offset: f"§§ {int(m[1]) + o}–{int(m[2]) + o}", text
        )
        text = text.replace("2025-02-13", day.isoformat())
        path = folder / f"au-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def read_each(repeat: int) -> None:
    files = sorted(ROOT.glob("examples/*.txt")) + sorted(SEEDS.glob("*.txt"))
    print(f"1. reading one protocol, {repeat} runs, median (min-max):")
    for path in files:
        data = path.read_bytes()
        try:
            read_protocol(data, path)
        except StoreError as exc:
            # Not a protocol the importer takes (a publication notice, an extract
            # without a date): what the command would say, not a crash.
            reason = exc.text("en").removeprefix(f"{path}: ")
            print(f"  {path.name:52} skipped: {reason}")
            continue
        times = timed(lambda d=data, p=path: read_protocol(d, p), repeat)
        print(f"  {path.name:52} {len(data) / 1024:5.1f} KiB  {fig(times)}")


def import_folder(tmp: Path, n: int, runs: int) -> None:
    folder = tmp / "in"
    folder.mkdir()
    paths = protocols(folder, n)
    texts = [(p, p.read_bytes()) for p in paths]
    text_times, json_times = [], []
    refused: collections.Counter[str] = collections.Counter()
    docs: list[dict] = []
    for run in range(runs):
        store = Store(tmp / f"text-{run}")  # fresh each run: nothing is ever "already there"
        made = 0
        t = time.perf_counter()
        for path, data in texts:
            try:
                result = import_protocol(store, path, data)
            except StoreError as exc:
                refused[exc.key] += 1
                continue
            if result.created:
                made += 1
                if run == 0:
                    docs.append(export_document(result.meeting, None))
            else:
                refused["already in the store"] += 1
        text_times.append((time.perf_counter() - t) / max(made, 1))
        if made != n:
            print(f"  run {run + 1}: {made} of {n} imported")

        baseline = Store(tmp / f"json-{run}")
        made_json = 0
        t = time.perf_counter()
        for path, doc in zip(paths, docs, strict=False):
            import_document(baseline, path, json.loads(json.dumps(doc)))
            made_json += 1
        json_times.append((time.perf_counter() - t) / max(made_json, 1))
        if len(baseline.summaries()) != made_json:
            print(f"  run {run + 1}: the JSON baseline holds {len(baseline.summaries())}")
    print(f"2. importing {n} distinct protocols into a fresh store, {runs} runs, a file:")
    print(f"  as text   {fig(text_times)}")
    print(f"  as JSON   {fig(json_times)}  (baseline: the same meetings, no text to read)")
    print(f"  ratio     {statistics.median(text_times) / statistics.median(json_times):.2f}x")
    print(f"  refused   {sum(refused.values())} ({dict(refused) or 'none'}), not in the times")


def import_command(tmp: Path, total: int, batch: int) -> None:
    folder = tmp / "cli-in"
    folder.mkdir()
    paths = protocols(folder, total)
    store = tmp / "cli"
    cmd = [sys.executable, "-m", "protokoll.tui.cli", "--store", str(store), "import"]
    # Bytecode cached, as an installed program has it (see bench_app.run_child);
    # filled by one import into a throwaway store, not counted.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    warm = [*cmd[:4], str(tmp / "warm"), "import", str(paths[0])]
    subprocess.run(warm, capture_output=True, cwd=ROOT, env=env)
    marks = {100, 500, 2000, total}
    print(f"3. `protokoll import`, {batch} files a command, into one store up to {total}:")
    print(f"  {'meetings after':>14}  {'ms a file':>9}  {'refused':>7}")
    failed = 0
    start = time.perf_counter()
    for i in range(0, total, batch):
        chunk = paths[i : i + batch]
        t = time.perf_counter()
        out = subprocess.run(
            [*cmd, *map(str, chunk)], capture_output=True, text=True, cwd=ROOT, env=env
        )
        per_file = (time.perf_counter() - t) / len(chunk)
        refused = out.stderr.count("\n")
        failed += refused
        if i + len(chunk) in marks:
            print(f"  {i + len(chunk):>14}  {per_file * 1000:>9.1f}  {refused:>7}")
    print(f"  all {total}: {time.perf_counter() - start:.1f} s, {failed} refused")
    held = len(Store(store).summaries())
    if held != total - failed:
        print(f"  the store holds {held} meetings, not {total - failed}")
    bare = timed(lambda: subprocess.run([sys.executable, "-c", "pass"], env=env), 5)
    fresh = iter(range(5))
    one = timed(
        lambda: subprocess.run(
            [*cmd[:4], str(tmp / f"one-{next(fresh)}"), "import", str(paths[0])],
            capture_output=True,
            cwd=ROOT,
            env=env,
        ),
        5,
    )
    print(f"  one file into a fresh store {fig(one, 0)}; python -c pass {fig(bare, 0)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--cli-files", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=100)
    args = ap.parse_args()
    read_each(args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        import_folder(Path(tmp), args.files, args.runs)
        if args.cli_files:
            import_command(Path(tmp), args.cli_files, args.batch)


if __name__ == "__main__":
    main()
