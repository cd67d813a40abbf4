"""No Alt (Meta) key that protokoll does not bind changes the minutes.

Sent as the terminals of tests/terminal/sequences.py send Alt: ESC before
the key (GNOME Terminal, Konsole, Windows Terminal, PuTTY, the Linux console,
tmux, screen, xterm with metaSendsEscape, iTerm2 "Esc+", Terminal with
"Option as Meta"), and as 8-bit meta: the key's byte with the high bit set,
which xterm sends with eightBitMeta in an 8-bit locale and the Linux console
with `setmetamode metabit` (a byte that is not UTF-8).

Not tested: the UTF-8 form of 8-bit meta (xterm's Alt+q as "ñ") and the Mac's
Option characters ("œ", "¡"): those are the letters a secretary types on
purpose, and a program cannot tell them from Alt.
"""

from __future__ import annotations

import string
import time

import pytest

from protokoll.store import Store
from protokoll.tui.app import ProtokollApp

from .terminal.harness import run
from .terminal.sequences import ESC, XTERM
from .terminal.stores import meeting_in_progress

TEXT = "Ordföranden hälsar välkommen."


def _bound() -> set[str]:
    from protokoll.tui.actions import MEETING

    keys = {k.strip() for a in MEETING for k in a.keys.split(",") if k.strip()}
    return keys | {k.strip() for b in ProtokollApp.BINDINGS for k in b.key.split(",")}


def _unbound(chars: str) -> list[str]:
    return [c for c in chars if f"alt+{c}" not in _bound()]


FORMS = {
    "ESC and a letter": lambda: [ESC + c.encode() for c in _unbound(string.ascii_lowercase)],
    "ESC and a digit": lambda: [ESC + c.encode() for c in _unbound(string.digits)],
    # Over a slow link key presses arrive together: several in one read.
    "ESC and a letter, in one read": lambda: [b"".join(ESC + c.encode() for c in _unbound("qzxw"))],
    "8-bit meta byte": lambda: [bytes([ord(c) | 0x80]) for c in _unbound("qzx9")],
}

# Between two presses: longer than the program waits after ESC for the rest of
# a sequence (Textual's ESCDELAY, 100 ms), as a person's keys are apart.
PRESS_GAP = 0.15


@pytest.mark.parametrize("form", list(FORMS))
def test_an_unbound_alt_key_changes_nothing_in_the_minutes(tmp_path, form):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path, text=TEXT)
    before = Store(path).load(meeting_id)
    sent = FORMS[form]()
    assert sent, "every Alt key of this form is bound: nothing to try"

    with run(path, ready="§ 1  Information") as t:
        t.wait_for(TEXT)
        for keys in sent:
            t.send(keys)  # one key press, one write
            time.sleep(PRESS_GAP)
        t.settle()
        alive = t.alive
        screen = t.dump()
        if alive:
            t.send(XTERM["ctrl+q"])
            t.wait_exit()

    after = Store(path).load(meeting_id)
    pressed = " ".join(repr(k) for k in sent)
    assert alive, f"the program ended on the keys {pressed}\n{screen}"
    assert [(p.title, p.text) for p in after.paragraphs] == [
        (p.title, p.text) for p in before.paragraphs
    ], f"the keys {pressed} changed the minutes: § 1 is now {after.paragraphs[0].text!r}"
    assert after.paragraphs[0].decisions == before.paragraphs[0].decisions
