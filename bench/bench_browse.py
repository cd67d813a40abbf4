""""Tidigare möten" (the past meetings) opened to its rows drawn, this code
beside another version, in the same run.

Each code gets its own copy of each store (the two may keep the index in
different forms); a sample is a process of its own (`bench_archive`'s child
`browse`: the application started at 80x24, its start's work waited for,
then the screen opened `--openings` times). The two codes alternate sample
by sample.

    python bench/bench_browse.py --store 10=DIR --store 10000=DIR --against DIR [--runs 5]

A store is one `bench/archive_store.py` built. `--against DIR`: a directory
holding the other version as the package `protokoll` (see bench_startup).
Medians of every opening timed, with half the spread.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_archive  # noqa: E402


def fig(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:.0f} ms ±{(max(xs) - min(xs)) * 500:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", action="append", required=True, help="NAME=DIR")
    parser.add_argument("--against", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--openings", type=int, default=2)
    args = parser.parse_args()
    print(time.strftime("%Y-%m-%d %H:%M"), f"{os.cpu_count()} cores, load {os.getloadavg()}")
    codes = {"this": ROOT, "against": args.against}
    with tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as tmp:
        for spec in args.store:
            name, _, source = spec.partition("=")
            copies = {}
            for code in codes:
                copies[code] = Path(tmp) / f"{name}-{code}"
                skip = shutil.ignore_patterns("search.sqlite*")
                shutil.copytree(source, copies[code], ignore=skip)
            found: dict[str, list[float]] = {code: [] for code in codes}
            for _ in range(args.runs):
                for code, path in codes.items():
                    found[code] += bench_archive.child(path, "browse", copies[code], args.openings)
            ratio = statistics.median(found["against"]) / statistics.median(found["this"])
            print(
                f"{name:>6} meetings: this {fig(found['this'])}, "
                f"against {fig(found['against'])} ({ratio:.2f}x)"
            )
    print("load at the end", os.getloadavg())


if __name__ == "__main__":
    main()
