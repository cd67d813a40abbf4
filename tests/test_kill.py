"""A kill -9 while typing loses at most about the last second."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from protokoll.store import Store

from .conftest import store_with_meeting_in_progress
from .typist import TEXT

ROOT = Path(__file__).resolve().parent.parent


def test_sigkill_while_typing_keeps_all_but_the_last_second(tmp_path):
    path = tmp_path / "store"
    meeting_id = store_with_meeting_in_progress(path)

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "typist.py"), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    typed: list[tuple[int, float]] = []
    try:
        assert proc.stdout.readline().strip() == "ready"
        start = None
        for line in proc.stdout:
            count, stamp = line.split()
            typed.append((int(count), float(stamp)))
            start = start or float(stamp)
            if float(stamp) - start > 4.0:
                break
        killed_at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(10)

    saved = Store(path).load(meeting_id).paragraphs[0].text
    # Everything typed up to about a second before the kill is on disk.
    before = max((n for n, stamp in typed if stamp <= killed_at - 1.1), default=0)
    assert before > 10, "the typist did not get going"
    print(
        f"typed {typed[-1][0]}, {before} of them over 1.1 s before the kill; on disk {len(saved)}"
    )
    assert TEXT.startswith(saved), "what is on disk is what was typed"
    assert len(saved) >= before, f"lost {before - len(saved)} characters typed over a second ago"
