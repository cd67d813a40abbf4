"""What running a change through the verbs costs, beside making it by hand.

On a meeting of N §s (each with text and a decision), the median time to
record one decision:

- baseline: the autosaver's snapshot of the meeting (`session.snapshot()`),
  which the application takes after every change anyway: one copy of the
  meeting, the same work the undo snapshot does;
- verb: `Editor.do(verbs.add_decision, …)` without a history file (the
  snapshot for undo, the check, the change);
- verb + history: the same with the undo history appended to disk, as the
  application runs it;
- undo: taking the decision back again.

Saving to disk is left out of all four: the application's autosaver writes
the meeting in its own thread either way. Same starting meeting, same
decision, medians of --runs runs of --edits changes, with the spread.

    python bench/bench_verbs.py [--sizes 10,60,200] [--runs 7] [--edits 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from protokoll.store import Person, Store, verbs  # noqa: E402
from protokoll.store.verbs import Editor, History  # noqa: E402

WORDS = (
    "Förbundschefen redogör för läget i insatserna och arbetsutskottet diskuterar "
    "hur uppföljningen ska göras under hösten. "
) * 4


def meeting_of(path: Path, size: int):
    store = Store(path)
    roster = [Person(f"p{k}", f"Ledamot {k}") for k in range(9)]
    organ = store.add_organ("Arbetsutskottet", "Förbundet", roster=roster)
    session = store.create_meeting(organ.id, "2026-03-02", start="13:00", agenda=[])
    ed = session.editor(history=False)
    for k in range(9):
        ed.do(verbs.set_present, f"p{k}", True)
    for n in range(size):
        pid = ed.do(verbs.add_paragraph, f"Ärende {n}").paragraph
        ed.quietly(verbs.set_text, pid, WORDS)
        ed.do(verbs.add_decision, pid, "Arbetsutskottet beslutar att lägga informationen.")
    return session


def per_change(run, edits: int) -> float:
    start = time.perf_counter()
    for _ in range(edits):
        run()
    return (time.perf_counter() - start) / edits * 1000


def one_run(size: int, edits: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        session = meeting_of(Path(tmp) / "store", size)
        pid = session.meeting.paragraphs[-1].id
        text = "Arbetsutskottet beslutar att bevilja medel."
        bare = Editor(session, saved=lambda: None)
        kept = Editor(
            session, saved=lambda: None, history=History(session.store.path, session.meeting.id)
        )
        figures = {
            "baseline": per_change(session.snapshot, edits),
            "verb": per_change(partial(bare.do, verbs.add_decision, pid, text), edits),
            "history": per_change(partial(kept.do, verbs.add_decision, pid, text), edits),
            "undo": per_change(kept.undo, edits),
        }
        session.close()
        return figures


def measure(size: int, runs: int, edits: int) -> dict[str, list[float]]:
    results = [one_run(size, edits) for _ in range(runs)]
    return {key: [r[key] for r in results] for key in results[0]}


def cell(xs: list[float]) -> str:
    return f"{statistics.median(xs):7.3f} ({min(xs):.3f}–{max(xs):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,60,200")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    print(f"one decision recorded, ms per change; median of {args.runs} runs (min–max)")
    print("ratio: verb+history / baseline (the autosaver's copy of the meeting)")
    print(f"{'§s':>5} {'baseline':>18} {'verb':>18} {'verb+history':>18} {'undo':>18} {'ratio':>6}")
    for size in (int(x) for x in args.sizes.split(",")):
        f = measure(size, args.runs, args.edits)
        ratio = statistics.median(f["history"]) / statistics.median(f["baseline"])
        print(
            f"{size:>5} {cell(f['baseline']):>18} {cell(f['verb']):>18} {cell(f['history']):>18} "
            f"{cell(f['undo']):>18} {ratio:6.1f}"
        )


if __name__ == "__main__":
    main()
