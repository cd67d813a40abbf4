"""What the provenance map costs an import, and that it grows with the file, not its square.

Reads one generated protocol whose single § has N lines (N = 1,000, 4,000,
16,000), median of `--runs` runs with min-max, beside the same read with the
provenance map left out (the baseline, measured in the same run), and the
seeds in tests/data/seeds likewise.

    python bench/bench_provenance.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from protokoll.store.importer import provenance, read_protocol  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))


def fig(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:.1f} ms ({min(xs) * 1000:.1f}-{max(xs) * 1000:.1f})"


def timed(data: bytes, name: str, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        read_protocol(data, Path(name))
        out.append(time.perf_counter() - t)
    return out


def long_paragraph(n: int) -> bytes:
    body = "\n\n".join(f"Rad {i} med lite text om ärendet nummer {i}." for i in range(n))
    return f"Protokoll\n\nStyrelsen\n\nDatum: 2024-01-01\n\n§ 1 Stort ärende\n\n{body}\n".encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = [(f"one § of {n} lines", long_paragraph(n), "x.txt") for n in (1000, 4000, 16000)]
    cases += [(p.name, p.read_bytes(), p.name) for p in SEEDS]
    real = provenance.trace
    for label, data, name in cases:
        with_map = timed(data, name, args.runs)
        provenance.trace = lambda *a, **k: []  # the baseline: no map made
        try:
            without = timed(data, name, args.runs)
        finally:
            provenance.trace = real
        print(f"{label:<58} {fig(with_map):>26}   without the map {fig(without):>26}")


if __name__ == "__main__":
    main()
