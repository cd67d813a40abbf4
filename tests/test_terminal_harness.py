"""The terminal tests' programs, forked from a server that has imported them,
behave as the program started by exec does: the same screen, typing, the
same exit on Ctrl+Q and on a hang-up, a process group and controlling
terminal of their own. Were they to drift apart, every pty test would test
something a secretary never runs."""

from __future__ import annotations

import os
import re
import signal

import pytest

from .terminal.harness import FORKS, PROGRAM, Forked, Terminal, server_key
from .terminal.stores import meeting_in_progress, paragraphs

READY = "§ 1  Information"
# Where there is no fork server (no pidfds: not Linux), nothing here differs.
pytestmark = pytest.mark.skipif(not FORKS, reason="programs are started by exec here")
CLOCK = re.compile(r"\b\d\d:\d\d:\d\d\b")


def _both(tmp_path) -> dict[str, Terminal]:
    programs = {}
    for how in ("exec", "fork"):
        path = tmp_path / how / "store"
        meeting_in_progress(path)
        t = Terminal(path, fork=how == "fork").start()
        t.wait_for(READY, timeout=30)
        t.wait_gone("läses in")  # the earlier meetings' rows, read after the first frame
        programs[how] = t
    return programs


def test_a_forked_program_has_a_session_and_a_controlling_terminal_of_its_own(tmp_path):
    path = tmp_path / "store"
    meeting_in_progress(path)
    with Terminal(path) as t:
        assert t.argv[: len(PROGRAM)] == PROGRAM and isinstance(t.proc, Forked)
        pid = t.proc.pid
        # Its own session and process group, led by itself, as start_new_session gives.
        assert os.getsid(pid) == pid == os.getpgid(pid)
        # The pty is its controlling terminal, its group the terminal's foreground:
        # a hang-up reaches it (tests/test_terminal_hangup.py relies on it).
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        tty_nr, foreground = int(fields[4]), int(fields[5])
        assert tty_nr != 0 and foreground == pid
        t.wait_for(READY, timeout=30)


def test_the_programs_of_every_test_share_one_fork_server(tmp_path, monkeypatch):
    # Each test has its own store, home and PYTEST_CURRENT_TEST; keyed by any of
    # them, every test started (and imported everything in) a server of its own.
    first = Terminal(tmp_path / "a" / "store")
    monkeypatch.setenv("PYTEST_CURRENT_TEST", "tests/test_other.py::test_other (call)")
    second = Terminal(tmp_path / "b" / "store")
    assert first.env != second.env
    assert server_key(first.env) == server_key(second.env)
    # What modules read when imported still gets a server of its own.
    linux = Terminal(tmp_path / "c" / "store", term="linux")
    slow = Terminal(tmp_path / "d" / "store", env={"ESCDELAY": "9"})
    for other in (linux, slow):
        assert server_key(other.env) != server_key(first.env)


@pytest.mark.parametrize("end", ["ctrl+q", "hang-up"])
def test_a_forked_program_draws_types_and_ends_as_one_started_by_exec(tmp_path, end):
    programs = _both(tmp_path)
    try:
        # Once both have drawn the meeting (a start saves nothing when the
        # follow-up finds nothing to add: no save time to wait for).
        for t in programs.values():
            t.wait_for("Dagordning")
        screens = {how: CLOCK.sub("hh:mm:ss", t.settle()) for how, t in programs.items()}
        assert screens["fork"] == screens["exec"]
        for t in programs.values():
            t.send("Lika i båda.")
            t.wait_for("Lika i båda.")
        statuses = {}
        for how, t in programs.items():
            if end == "ctrl+q":
                t.send(b"\x11")
                statuses[how] = t.wait_exit(20)
            else:
                statuses[how] = t.hangup(20)
        assert statuses["fork"] == statuses["exec"]
        if end == "ctrl+q":
            assert statuses["fork"] == 0
        for how in programs:
            (meeting,) = os.listdir(tmp_path / how / "store" / "meetings")
            text = paragraphs(tmp_path / how / "store", meeting.removesuffix(".json"))[0][1]
            assert text == "Lika i båda.", how
    finally:
        for t in programs.values():
            t.close()


def test_a_signal_ends_a_forked_program_with_that_signal_as_its_status(tmp_path):
    path = tmp_path / "store"
    meeting_in_progress(path)
    with Terminal(path).start() as t:
        t.wait_for(READY, timeout=30)
        t.kill(signal.SIGKILL)
        assert t.wait_exit() == -signal.SIGKILL
        assert not t.alive


def test_a_forked_command_writes_what_one_started_by_exec_writes_to_its_end(tmp_path):
    """Every byte of a command's output, and nothing more: a forked one had
    written runpy's warning that the module was imported already, and a screen
    read as the command exited had held only its first line."""
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    written = {}
    for how in ("exec", "fork"):
        argv = [*PROGRAM, "--store", str(path), "show", meeting_id]
        with Terminal(path, argv=argv, fork=how == "fork") as t:
            assert t.wait_exit(timeout=30) == 0
            written[how] = bytes(t.output)
    assert written["fork"] == written["exec"]
    # Its last line, the adjustment's deadline, read too.
    assert written["fork"].rstrip().splitlines()[-1].startswith(b"Protokollet ska justeras")
