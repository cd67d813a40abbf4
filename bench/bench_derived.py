"""The derived database's rows of `bench_scale.py` alone, at each size, in one table.

The same measurements as bench_scale's rows for the index (first build
beside reading every meeting file, size, one meeting changed), the
registers on the command line, search, the task list screen and the
follow-up when a meeting opens, on stores made by the same builder; without
the writes and the application's start, which take most of that run.

    python bench/bench_derived.py [--sizes 10,1000,10000] [--runs 5] [--store-dir DIR]

With `--store-dir`, a store already built there as DIR/store{n} is used
(copied first is up to the caller: the run changes one meeting and indexes).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from archive_store import build  # noqa: E402
from bench_scale import derived_rows, print_table  # noqa: E402

COMMANDS = (
    ("tasks --json", ["tasks", "--json"]),
    ("tasks --open --limit 50", ["tasks", "--open", "--limit", "50"]),
    ("decisions --json", ["decisions", "--json"]),
    ("search förbundet --json", ["search", "förbundet", "--json"]),
    ("search förbundet --limit 50", ["search", "förbundet", "--limit", "50"]),
    ('search "och att" --limit 50', ["search", '"och att"', "--limit", "50"]),
)


def measure(path: Path, n: int, runs: int) -> dict[str, dict]:
    if not (path / "meetings").exists():
        t = time.perf_counter()
        size = build(path, n)
        print(f"({n:,} meetings, {size / 1e6:.1f} MB, written in {time.perf_counter() - t:.1f} s)")
        sys.stdout.flush()
    return derived_rows(path, runs, COMMANDS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store-dir", type=Path)
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores; medians of {args.runs} runs")
    results: dict[int, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = args.store_dir or Path(tmp)
        for n in sizes:
            results[n] = measure(base / f"store{n}", n, args.runs)
    print_table(results, sizes)


if __name__ == "__main__":
    main()
