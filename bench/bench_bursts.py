"""How long a burst of keys takes to land when editing keys in it hold the rest.

A key that runs by a binding (Backspace, an arrow, Enter in a dialog) holds
the keys behind it, which are then replayed one at a time, each handled to
the end before the next (tui/keygate.py). That is what keeps a burst in
order; this measures what it costs. The real program in an 80x24 pty
(tests/terminal), a meeting open at § 1, one burst written at once into the
§ editor, timed from the write until its last characters show:

- baseline: `--chars` characters of plain text, which are never held;
- one Backspace first: everything after it is held and replayed;
- a Backspace every 20 characters.

Each run is a fresh program. Printed: median ms with min-max over `--runs`,
and ms a key.

    python bench/bench_bursts.py [--chars 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.terminal.harness import run  # noqa: E402
from tests.terminal.sequences import XTERM  # noqa: E402
from tests.terminal.stores import meeting_in_progress  # noqa: E402

BS = XTERM["backspace"]
WORDS = "sammanträdet beslutar att godkänna redovisningen och lägga den till handlingarna "


def text(n: int) -> str:
    return (WORDS * (n // len(WORDS) + 1))[:n]


def bursts(n: int) -> dict[str, tuple[bytes, str]]:
    """Each case: the bytes written, and the text its last line ends with."""
    plain = text(n)
    every = b"".join(
        BS + plain[i : i + 20].encode() for i in range(0, n, 20)
    )  # each Backspace takes the character before it back
    kept = "".join(plain[i + 1 : i + 20] for i in range(0, n, 20))
    return {
        "baseline (plain text)": (plain.encode() + b"|", plain + "|"),
        "Backspace first": (BS + plain.encode() + b"|", plain + "|"),
        "Backspace every 20": (every + b"|", kept[1:] + "|"),
    }


def once(data: bytes, tail: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        meeting_in_progress(path, agenda=["Information"])
        with run(path, ready="§ 1  Information") as t:
            t.settle(quiet=0.5)
            end = tail[-12:]
            start = time.perf_counter()
            t.send(data)
            t.wait_until(lambda s: end in s.replace("\n", ""), "the burst", timeout=120)
            return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"a burst of {args.chars} characters into the § editor, {args.runs} runs each")
    for name, (data, tail) in bursts(args.chars).items():
        times = [once(data, tail) for _ in range(args.runs)]
        median = statistics.median(times)
        print(
            f"  {name:<24} {median:8.0f} ms  (min {min(times):.0f}, max {max(times):.0f})"
            f"  {median / len(data):6.2f} ms a byte"
        )


if __name__ == "__main__":
    main()
