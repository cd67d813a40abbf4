"""How soon a reader sees a save: `protokoll follow` in a pty, `protokoll serve` over SSE.

For each run, another process records a decision through the verb layer
(`protokoll decide`); the time counted is from the moment the meeting file
was replaced (its mtime, the save) to:

- baseline: the saving command having returned and this script seeing the
  file's new stamp (mostly the command's own exit after its save: the
  readers may see the save before it);
- follow: the decision's words on the screen of `protokoll follow`, running
  in an 80×24 pseudo-terminal, read through pyte (polled every 10 ms);
- serve: the update carrying the words arriving on an open event stream.

Both readers look at the file every `store.live.POLL` seconds (0.25), so
they should be within about that plus a render of the floor.

    python bench/bench_follow.py [--runs 7]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.terminal.harness import Terminal  # noqa: E402
from tests.terminal.stores import meeting_in_progress  # noqa: E402


def save(path: Path, meeting_id: str, text: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "protokoll.tui.cli", "decide", meeting_id, "1", text, "--store", str(path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def saved_at(path: Path, meeting_id: str) -> float:
    return (path / "meetings" / f"{meeting_id}.json").stat().st_mtime_ns / 1e9


class Stream(threading.Thread):
    """An open event stream of `protokoll serve`: when each text first arrived."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        parts = urlsplit(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        self.conn.request("GET", parts.path + "events")
        self.response = self.conn.getresponse()
        self.arrived: dict[str, float] = {}

    def run(self) -> None:
        while line := self.response.readline():
            now = time.time()
            for text in re.findall(r"att ta beslut nummer \d+", line.decode()):
                self.arrived.setdefault(text, now)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        meeting_id = meeting_in_progress(path, present=True)
        follow = Terminal(
            path, argv=[sys.executable, "-m", "protokoll.tui.cli", "follow", "--store", str(path)]
        ).start()
        serve = subprocess.Popen(
            [sys.executable, "-m", "protokoll.tui.cli", "serve", "--store", str(path), "--address", ":0"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        try:
            follow.wait_for("Läser med", 60)
            follow.send("f")  # following the current §: the decision is on screen
            stream = Stream(re.search(r"http://\S+", serve.stdout.readline()).group(0))
            stream.start()
            floor, seen, pushed = [], [], []
            for run in range(args.runs):
                text = f"att ta beslut nummer {run}"
                before = saved_at(path, meeting_id)
                save(path, meeting_id, text)
                # The save is done when `save` returns; the floor is the first
                # look after it that finds the new stamp (at most 10 ms late).
                while saved_at(path, meeting_id) == before:
                    time.sleep(0.01)
                at = saved_at(path, meeting_id)
                floor.append(time.time() - at)
                while text not in follow.screen_text():
                    time.sleep(0.01)
                seen.append(time.time() - at)
                while text not in stream.arrived:
                    time.sleep(0.01)
                pushed.append(stream.arrived[text] - at)
                time.sleep(0.3)  # the next save is another poll later
        finally:
            follow.close()
            serve.kill()
            serve.wait()

    def show(name: str, xs: list[float]) -> None:
        ms = [x * 1000 for x in xs]
        print(f"  {name:<9} {statistics.median(ms):6.0f} ms  ({min(ms):.0f}–{max(ms):.0f})")

    print(f"save to seen, median of {args.runs} saves (min–max):")
    show("baseline", floor)
    show("follow", seen)
    show("serve", pushed)


if __name__ == "__main__":
    main()
