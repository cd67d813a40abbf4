"""In a real pseudo-terminal, a meeting's text never reaches the terminal as
control (issue 12): the bytes `protokoll show` and the application write
hold no title change (OSC 0), no clipboard write (OSC 52) and no
cursor-position query (DSR, which makes the terminal type its answer into
the shell), whatever the meeting holds. The raw bytes are read, not only
the emulated screen."""

from __future__ import annotations

import sys

from .terminal.harness import STARTUP, Terminal, run
from .terminal.sequences import XTERM
from .test_app_shows_data import hostile_meeting

# What the hostile meeting would make a terminal do, as bytes on the wire.
PAYLOADS = [b"\x1b]0;", b"Hacked", b"\x1b]52;", b"cm0gLXJm", b"\x1b[6n", b"\x1b[2J"]
PAYLOADS.append("\u202e".encode())  # the right-to-left override


def test_show_writes_no_control_to_the_terminal(tmp_path):
    path = tmp_path / "store"
    meeting_id = hostile_meeting(path)
    argv = [sys.executable, "-m", "protokoll.tui.cli", "--store", str(path), "show", meeting_id]
    with Terminal(path, argv=argv) as t:
        assert t.wait_exit(timeout=STARTUP) == 0
        output = bytes(t.output)
        screen = t.screen_text()
    # `show` writes text only: not one escape byte, 7-bit or 8-bit.
    assert b"\x1b" not in output and "\x9b".encode() not in output
    assert [p for p in PAYLOADS if p in output] == []
    # The lone CR was a line break: both words are on the terminal's screen.
    assert "Beslutet BIFALLS" in screen and "Beslutet AVSLÅS" in screen


def test_the_application_writes_none_of_the_meetings_controls(tmp_path):
    path = tmp_path / "store"
    hostile_meeting(path)
    with run(path, ready="Ekonomi", cols=100, rows=30) as t:
        t.wait_for("AVSLÅS")
        t.settle()
        output = bytes(t.output)
        screen = t.screen_text()
        t.send(XTERM["ctrl+q"])
        t.wait_exit()
    assert [p for p in PAYLOADS if p in output] == [], screen
    assert "BIFALLS" in screen and "\ufffd" in screen
