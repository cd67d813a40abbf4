"""Ctrl+P opens the command palette in every screen, and typing in it is safe.

The real program in a pty (tests/terminal): Ctrl+P as every terminal sends
it (^P, 0x10), then a secretary's typing, Swedish letters, Backspace and an
arrow; the program must stay alive, show the palette with what was typed,
and give the screen back on Esc.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .terminal.harness import Terminal, run
from .terminal.screens import key_for, marker, palette_line, sv
from .terminal.sequences import ESC, XTERM
from .terminal.stores import examples, meeting_in_progress

DOWN, ENTER, BACKSPACE = XTERM["down"], XTERM["enter"], XTERM["backspace"]
CTRL_P = XTERM["ctrl+p"]


def _start(path: Path) -> Terminal:
    examples(path)  # no meeting in progress: the start screen
    return run(path, ready=sv("new_meeting"))


def _meeting(path: Path) -> Terminal:
    meeting_in_progress(path)
    return run(path, ready="§ 1  Information")


# Each screen: how to start, the keys that lead there, and what shows it is there.
# The start menu of the examples: Nytt möte, Tidigare möten, Sök i alla möten, ...
SCREENS: dict[str, tuple[Callable[[Path], Terminal], list[bytes], Callable[[], str]]] = {
    "start": (_start, [], lambda: sv("past_meetings")),
    "past meetings": (_start, [DOWN, ENTER], lambda: marker("browse_title")),
    "search": (_start, [DOWN, DOWN, ENTER], lambda: marker("search_title")),
    "meeting": (_meeting, [], lambda: "§ 1  Information"),
    "preview": (_meeting, [key_for("preview")], lambda: marker("preview_title")),
    "lookup": (_meeting, [key_for("lookup('search')")], lambda: marker("lookup_search_title")),
    "decision dialog": (_meeting, [key_for("decision")], lambda: marker("d_decision_keys", 60)),
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_ctrl_p_opens_the_palette_and_typing_in_it_is_safe(tmp_path, screen):
    start, keys, shown = SCREENS[screen]
    with start(tmp_path / "store") as t:
        for key in keys:
            t.send(key)
        there = shown()
        t.wait_for(there)

        t.send(CTRL_P)
        t.wait_until(lambda _s: palette_line(t) is not None, f"the palette over the {screen}")
        t.type("ångra", delay=0.02)
        t.send(BACKSPACE)
        t.send(DOWN)
        t.wait_until(
            lambda _s: "ångr" in (palette_line(t) or "") and "ångra" not in palette_line(t),
            "what was typed in the palette",
        )
        t.settle()
        assert t.alive, f"the program ended after typing in the palette\n{t.dump()}"

        t.send(ESC)
        t.wait_until(lambda _s: palette_line(t) is None, "the palette to close on Esc")
        t.wait_for(there)
        assert t.alive
