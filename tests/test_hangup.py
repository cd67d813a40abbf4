"""Closing the terminal (SIGHUP) loses nothing: the real program in a pty."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from protokoll.store import Store

from .conftest import store_with_meeting_in_progress

ROOT = Path(__file__).resolve().parent.parent


def _drain(fd: int, seconds: float, until: bytes | None = None) -> bytes:
    """Read what the program draws for `seconds`, or until `until` shows."""
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (until and until in out):
        try:
            chunk = os.read(fd, 65536)
        except (BlockingIOError, OSError):
            time.sleep(0.02)
            continue
        out += chunk
    return out


def test_sighup_right_after_typing_keeps_every_character(tmp_path):
    path = tmp_path / "store"
    meeting_id = store_with_meeting_in_progress(path)

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm-256color")
    proc = subprocess.Popen(
        [sys.executable, "-m", "protokoll.tui", "--store", str(path)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    os.set_blocking(master, False)
    try:
        # Wait until the § being written is on screen (a slow machine may take a while).
        drawn = _drain(master, 30.0, until="§ 1  Information".encode())
        assert "§ 1  Information".encode() in drawn
        _drain(master, 0.3)
        text = "Sista meningen före avbrottet."
        for ch in text:
            os.write(master, ch.encode())
            time.sleep(0.01)
        _drain(master, 0.15)  # well inside the autosave interval
        os.kill(proc.pid, signal.SIGHUP)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    saved = Store(path).load(meeting_id).paragraphs[0].text
    assert saved == text
