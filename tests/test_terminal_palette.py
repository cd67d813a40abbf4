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
from .terminal.screens import at_rest, key_for, marker, palette_line, sv
from .terminal.sequences import ESC, XTERM
from .terminal.stores import examples, meeting_in_progress

DOWN, ENTER, BACKSPACE, HOME = XTERM["down"], XTERM["enter"], XTERM["backspace"], XTERM["home"]
CTRL_P = XTERM["ctrl+p"]


def _start(path: Path) -> Terminal:
    examples(path)  # no meeting in progress: the start screen
    return run(path, ready=sv("new_meeting"))


def _meeting(path: Path) -> Terminal:
    meeting_in_progress(path)
    return run(path, ready="§ 1  Information")


def _at_start(t: Terminal) -> bool:
    return sv("new_meeting") in t.screen_text() and palette_line(t) is None


# Each screen: the program it is reached from (one per kind, shared by the
# tests), the keys that lead there, and what shows it is there.
# The start menu of the examples: Nytt möte, Tidigare möten, Sök i alla möten, ...
# (Home first: the menu may keep the choice highlighted when it was left.)
SCREENS: dict[str, tuple[str, list[bytes], Callable[[], str]]] = {
    "start": ("start", [], lambda: sv("past_meetings")),
    "past meetings": ("start", [HOME, DOWN, ENTER], lambda: marker("browse_title")),
    # Longer than the menu's own "Sök i alla möten", which is on the start screen.
    "search": ("start", [HOME, DOWN, DOWN, ENTER], lambda: marker("search_title", 40)),
    "meeting": ("meeting", [], lambda: "§ 1  Information"),
    "preview": ("meeting", [key_for("preview")], lambda: marker("preview_title")),
    "lookup": ("meeting", [key_for("lookup('search')")], lambda: marker("lookup_search_title")),
    "decision dialog": ("meeting", [key_for("decision")], lambda: marker("d_decision_keys", 60)),
    "tasks": ("start", [HOME, DOWN, DOWN, DOWN, ENTER], lambda: marker("tasks_title", 30)),
    "task dialog": ("meeting", [key_for("task")], lambda: marker("d_task_text", 30)),
    "F9 menu": ("meeting", [key_for("menu")], lambda: marker("menu_title", 30)),
    "help": ("meeting", [key_for("help")], lambda: marker("help_title")),
    "checks": ("meeting", [key_for("checks")], lambda: marker("checks_title")),
}
HOME: dict[str, tuple[Callable[[Path], Terminal], Callable[[Terminal], bool]]] = {
    "start": (_start, _at_start),
    "meeting": (_meeting, at_rest),
}


@pytest.fixture(scope="module")
def program(tmp_path_factory):
    """One program per kind of store, back at its first screen for each test."""
    running: dict[str, Terminal] = {}

    def get(kind: str) -> Terminal:
        start, home = HOME[kind]
        t = running.get(kind)
        if t is not None and t.alive:
            for _ in range(4):
                if home(t):
                    t.settle()
                    return t
                t.send(ESC)
                t.settle(0.15, timeout=2)
            t.close()
        t = running[kind] = start(tmp_path_factory.mktemp(kind.replace(" ", "-")) / "store")
        return t

    yield get
    for t in running.values():
        t.close()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_ctrl_p_opens_the_palette_and_typing_in_it_is_safe(program, screen):
    kind, keys, shown = SCREENS[screen]
    t = program(kind)
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


@pytest.mark.parametrize("screen", ["past meetings", "search"])
def test_ctrl_p_the_moment_a_screen_from_the_start_menu_opens_opens_the_palette(tmp_path, screen):
    """A fresh program, idle at the start screen; Ctrl+P as soon as the chosen
    screen shows, as a secretary who knows the way presses it."""
    kind, keys, shown = SCREENS[screen]
    with _start(tmp_path / "store") as t:
        t.settle()
        for key in keys:
            t.send(key)
        t.wait_for(shown())
        t.send(CTRL_P)
        t.wait_until(lambda _s: palette_line(t) is not None, f"the palette over the {screen}")
