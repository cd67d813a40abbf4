"""What asking "is this adjusted protocol still as adjusted?" costs `show`,
`export`, `check` and the preview, beside the rendering they do anyway.

In one run, on a copy of the example store: the median of 21 runs (with the
fastest and slowest) of rendering each adjusted protocol (the baseline: what
`show` did before), of the test itself on the sound protocol, and of the test
on the same protocol with a decision edited in its file (a changed one is
rendered twice more: as it is printed now and as it was printed before text
was made safe). Run: python bench/bench_adjusted_check.py
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from protokoll.store import Store, render_text
from protokoll.store.adjust import changed_warning

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "store"
RUNS = 21


def timed(work: Callable[[], object]) -> str:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return f"{statistics.median(times):6.2f} ms (min {min(times):.2f}, max {max(times):.2f})"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        shutil.copytree(EXAMPLES, path)
        store = Store(path)
        for s in store.summaries():
            if s.status != "adjusted":
                continue
            sound = store.load(s.id)
            changed = Store(path).load(s.id)
            first = next(p for p in changed.paragraphs if p.decisions)
            first.decisions[0].text += " Ändrat för hand."
            assert changed_warning(sound, "sv") is None
            assert changed_warning(changed, "sv") is not None
            print(f"{s.id} ({len(sound.paragraphs)} §§, {RUNS} runs each)")
            for name, work in (
                ("render_text (baseline)", lambda m=sound: render_text(m)),
                ("the test, sound protocol", lambda m=sound: changed_warning(m, "sv")),
                ("the test, changed protocol", lambda m=changed: changed_warning(m, "sv")),
            ):
                print(f"  {name:28s}{timed(work)}")


if __name__ == "__main__":
    main()
