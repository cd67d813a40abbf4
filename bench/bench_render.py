"""Printing protocols: the text and the PDF of every example meeting, this code
beside another version, in the same run.

Each sample is a process of its own, as `protokoll export` is: it imports,
opens a copy of the example store, and times the text (`render_text`) and
then the PDF (`render_pdf`) of each meeting, one after the other (CPU time
of the process). The two codes alternate sample by sample. An adjusted
meeting is printed in the generation it was adjusted in, which is part of
the work timed.

    python bench/bench_render.py [--against DIR] [--runs 7]

`--against DIR`: a directory holding the other version as the package
`protokoll` (`mkdir -p DIR/protokoll; git archive REV store tui | tar -x -C
DIR/protokoll; touch DIR/protokoll/__init__.py`). Medians of `--runs`
samples with half the spread.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(store: str) -> None:
    from protokoll.store import Store
    from protokoll.store.pdf import render_pdf
    from protokoll.store.render import render_text

    s = Store(store)
    meetings = [s.load(x.id) for x in s.summaries()]
    times: dict[str, float] = {}
    start = time.process_time()
    for m in meetings:
        render_text(m)
    times["text"] = time.process_time() - start
    start = time.process_time()
    for m in meetings:
        render_pdf(m)
    times["pdf"] = time.process_time() - start
    times["meetings"] = len(meetings)
    times["adjusted"] = sum(1 for m in meetings if m.adjustment is not None)
    print(json.dumps(times))


def sample(code: Path | None, tmp: Path) -> dict[str, float]:
    store = tmp / "store"
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(ROOT / "examples" / "store", store)
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)  # found before the installed (editable) protokoll
    argv = [sys.executable, __file__, "--child", str(store)]
    out = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def fig(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:.0f} ms ±{(max(xs) - min(xs)) * 500:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    codes: list[tuple[str, Path | None]] = [("this", None)]
    if args.against:
        codes.append(("against", args.against))
    found: dict[str, list[dict[str, float]]] = {name: [] for name, _ in codes}
    print(time.strftime("%Y-%m-%d %H:%M"), f"{os.cpu_count()} cores, load {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            for name, code in codes:
                found[name].append(sample(code, Path(tmp)))
    first = found["this"][0]
    print(f"{first['meetings']:.0f} example meetings ({first['adjusted']:.0f} adjusted), CPU")
    for what in ("text", "pdf"):
        row = {name: [s[what] for s in samples] for name, samples in found.items()}
        line = f"{what:>5}: this {fig(row['this'])}"
        if "against" in row:
            ratio = statistics.median(row["against"]) / statistics.median(row["this"])
            line += f", against {fig(row['against'])} ({ratio:.2f}× faster)"
        print(line)
    print("load at the end", os.getloadavg())


if __name__ == "__main__":
    main()
