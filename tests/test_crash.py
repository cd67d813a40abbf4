"""An unexpected error loses nothing: the meeting and the open dialog's text are
saved, a report is written inside the store, the terminal is given back with
one line, and the exit status says it failed.

The errors are put in by the tests (a patched action, a patched worker); the
program itself has no switch for them.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import stat
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from protokoll.store import Store
from protokoll.store.drafts import Drafts
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.decision_dialog import DecisionDialog
from protokoll.tui.screens.meeting import MeetingScreen

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Förbundschefen redogör för läget."
DECISION = "godkänna redovisningen"


def broken(self, *args) -> None:
    raise RuntimeError("a bug in an action")


def check_report(path: Path, report: Path | None, *screens: str) -> str:
    assert report is not None and report.parent == path / "crash"
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE(report.parent.stat().st_mode) == 0o700
    text = report.read_text("utf-8")
    assert "RuntimeError: a bug in an action" in text
    assert "version: protokoll" in text
    for name in screens:
        assert name in text
    # What a developer needs, not the minutes.
    assert TEXT not in text and DECISION not in text
    return text


async def test_an_error_in_a_dialogs_action_keeps_the_meeting_and_the_dialog(meeting, monkeypatch):
    path, meeting_id = meeting
    monkeypatch.setattr(DecisionDialog, "action_save", broken)
    app = ProtokollApp(path)
    with pytest.raises(RuntimeError, match="a bug in an action"):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*TEXT)
            await pilot.press("f3")
            await pilot.pause()
            assert isinstance(app.screen, DecisionDialog)
            await pilot.press(*DECISION)
            await pilot.pause()
            await pilot.press("enter")  # the save that fails
            await pilot.pause()
    assert app.return_code == 1
    assert app.crash is not None and not app.crash.failed
    check_report(path, app.crash.report, "MeetingScreen", "DecisionDialog")
    line = app.crash.line()
    assert "\n" not in line and str(app.crash.report) in line
    assert line.startswith("protokoll stängdes av ett oväntat fel")

    assert Store(path).load(meeting_id).paragraphs[0].text == TEXT
    draft = Drafts(path).read(meeting_id)
    assert draft is not None and draft["fields"]["decision"] == DECISION
    # The meeting is released: the next start writes it, and offers the decision.
    session = Store(path).open(meeting_id)
    assert not session.read_only
    session.close()


async def test_an_error_in_a_screens_action_says_so_in_the_interface_language(meeting, monkeypatch):
    path, meeting_id = meeting
    monkeypatch.setattr(MeetingScreen, "action_help", broken)
    app = ProtokollApp(path, lang="en")
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*TEXT)
            await pilot.press("f1")
            await pilot.pause()
    assert app.return_code == 1
    check_report(path, app.crash.report, "MeetingScreen")
    assert app.crash.line().startswith("protokoll stopped on an unexpected error")
    assert Store(path).load(meeting_id).paragraphs[0].text == TEXT


async def test_an_error_in_a_worker_is_a_crash_too(meeting, monkeypatch):
    path, _ = meeting

    def failing(*args):
        raise RuntimeError("a bug in an action")

    monkeypatch.setattr("protokoll.tui.screens.meeting.pending", failing)
    app = ProtokollApp(path)
    with pytest.raises(Exception):  # noqa: B017 - Textual wraps it: WorkerFailed
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
    assert app.return_code == 1
    check_report(path, app.crash.report, "MeetingScreen")


# --- the real program in a pseudo-terminal -------------------------------------

# Loaded with -c: the product has no test switch, the test patches it from outside.
PATCHED = """
import sys
from protokoll.tui.screens.decision_dialog import DecisionDialog

def broken(self, *args):
    raise RuntimeError("a bug in an action")

DecisionDialog.action_save = broken
from protokoll.tui.cli import main
sys.exit(main(["--store", sys.argv[1]]))
"""

F3 = b"\x1bOR"  # as xterm sends it


def _drain(fd: int, seconds: float, until: bytes | None = None) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (until and until in out):
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            time.sleep(0.02)
            continue
        except OSError:  # the program has gone and the pty is closed
            break
        out += chunk
    return out


def _type(fd: int, text: str) -> None:
    for ch in text:
        os.write(fd, ch.encode())
        time.sleep(0.01)


def test_the_real_program_saves_reports_restores_the_terminal_and_fails(meeting):
    path, meeting_id = meeting
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    before = termios.tcgetattr(slave)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm-256color")
    env.pop("PROTOKOLL_LANG", None)
    proc = subprocess.Popen(
        [sys.executable, "-c", PATCHED, str(path)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.set_blocking(master, False)
    try:
        drawn = _drain(master, 30.0, until="§ 1  Information".encode())
        assert "§ 1  Information".encode() in drawn
        _drain(master, 0.3)
        _type(master, TEXT)
        _drain(master, 0.3)
        os.write(master, F3)
        _drain(master, 1.0, until=b"Beslut")
        _type(master, DECISION)
        _drain(master, 0.2)
        os.write(master, b"\r")  # the save that fails
        out = b""
        end = time.monotonic() + 20
        while proc.poll() is None and time.monotonic() < end:
            out += _drain(master, 0.2)
        out += _drain(master, 0.5)
        proc.wait(5)
        after = termios.tcgetattr(slave)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(slave)
        os.close(master)

    assert proc.returncode == 1
    # The terminal as it was: out of the alternate screen, line mode and echo on.
    assert b"\x1b[?1049l" in out
    assert after[3] & (termios.ICANON | termios.ECHO) == before[3] & (termios.ICANON | termios.ECHO)
    tail = out[out.rindex(b"\x1b[?1049l") :].decode("utf-8", "replace")
    tail = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", tail)  # the modes put back
    assert "Traceback" not in out.decode("utf-8", "replace")
    lines = [x.strip() for x in tail.replace("\r", "\n").split("\n") if "protokoll" in x]
    assert len(lines) == 1 and lines[0].startswith("protokoll stängdes av ett oväntat fel")

    reports = sorted((path / "crash").glob("*.txt"))
    assert len(reports) == 1 and str(reports[0]) in lines[0]
    check_report(path, reports[0], "MeetingScreen", "DecisionDialog")
    assert Store(path).load(meeting_id).paragraphs[0].text == TEXT
    draft = Drafts(path).read(meeting_id)
    assert draft is not None and draft["fields"]["decision"] == DECISION
