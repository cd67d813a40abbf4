"""Importing text protocols: reading one file, and a year's folder into a store.

Prints, measured in the same run:

- reading each protocol in `examples/*.txt` (and the seeds, if present)
  into a meeting, median of `--repeat` runs;
- importing N of them (distinct texts, one organ) into an empty store, per
  file, beside importing the same N meetings as JSON exports (the baseline:
  the same writes, no reading of text);
- the whole `protokoll import` command on one file, beside `python -c pass`.

    python bench/bench_import.py [--files 200] [--repeat 20]
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Store  # noqa: E402
from store.exchange import export_document, import_document  # noqa: E402
from store.importer import import_protocol, read_protocol  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()

    files = sorted(ROOT.glob("examples/*.txt")) + sorted(SEEDS.glob("*.txt"))
    print("reading one protocol (median):")
    for path in files:
        data = path.read_bytes()
        ms = median_ms(lambda d=data, p=path: read_protocol(d, p), args.repeat)
        print(f"  {path.name:40} {len(data) / 1024:5.1f} KiB  {ms:6.2f} ms")

    # N distinct texts: the same protocol on N different days.
    template = (ROOT / "examples" / "20250213-au.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = []
        for i in range(args.files):
            day = f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}"
            text = template.replace("2025-02-13", day).replace("2025-02-20", day)
            path = folder / f"au-{i:04d}.txt"
            path.write_text(text + f"\nLöpnummer {i}.\n", encoding="utf-8")
            paths.append(path)

        store = Store(Path(tmp) / "text")
        t = time.perf_counter()
        meetings = [import_protocol(store, p, p.read_bytes()).meeting for p in paths]
        text_s = time.perf_counter() - t

        docs = [export_document(m, None) for m in meetings]
        baseline = Store(Path(tmp) / "json")
        t = time.perf_counter()
        for i, doc in enumerate(docs):
            import_document(baseline, paths[i], json.loads(json.dumps(doc)))
        json_s = time.perf_counter() - t
        print(f"importing {args.files} protocols into an empty store:")
        print(f"  as text   {text_s * 1000 / args.files:6.2f} ms a file  ({text_s:.2f} s)")
        print(f"  as JSON   {json_s * 1000 / args.files:6.2f} ms a file  ({json_s:.2f} s)")
        print(f"  ratio     {text_s / json_s:6.2f}x")

        one = paths[0]
        cmd = [sys.executable, "-m", "tui.cli", "--store", str(Path(tmp) / "cli"), "import"]
        cli_ms = median_ms(
            lambda: subprocess.run([*cmd, str(one)], capture_output=True, cwd=ROOT), 5
        )
        bare_ms = median_ms(lambda: subprocess.run([sys.executable, "-c", "pass"]), 5)
        print(f"protokoll import of one file: {cli_ms:.0f} ms (python -c pass: {bare_ms:.0f} ms)")


if __name__ == "__main__":
    main()
