"""Reading protokoll's screens from the emulated terminal: words, markers, states."""

from __future__ import annotations

import re

from .harness import WAIT, Terminal, TerminalError
from .sequences import ESC, XTERM, TerminalKeys, read_as

PALETTE = "🔎"  # the command palette's search field (Textual's icon; its words may change)


def sv(key: str) -> str:
    """The Swedish interface's words for `key`, as the program shows them; a
    template is cut before its first field, so it is found whatever fills it."""
    from protokoll.tui.i18n import STRINGS

    if key not in STRINGS:
        raise TerminalError(f"the interface has no words {key!r} (tui/i18n.py) to look for")
    return STRINGS[key][0].split("{")[0].strip()


def has_words(key: str) -> bool:
    from protokoll.tui.i18n import STRINGS

    return key in STRINGS


def marker(key: str, length: int = 22) -> str:
    """The start of `key`'s words: short enough not to be wrapped in a dialog."""
    words = sv(key)
    if len(words) <= length:
        return words
    cut = words[:length]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def footer(t: Terminal) -> str:
    return t.lines()[-1]


_NUMBER = re.compile(r"§ (\d+)")


def last_paragraph(t: Terminal) -> int:
    """The highest § number on the screen (the log of §s and the § title)."""
    return max((int(n) for n in _NUMBER.findall(t.screen_text())), default=0)


# The footer when a list, not the text, has focus (the agenda's Enter says
# "Ta som §" or "Gå till §" as the item is: its "Ny punkt" is always there).
FOCUS_WORDS = ("a_toggle", "a_add_item", "a_jump")


def at_rest(t: Terminal) -> bool:
    """The meeting screen with nothing over it, the § text focused."""
    lines = t.lines()
    top = lines[1] if len(lines) > 1 else ""
    # A dialog's thick frame anywhere (it may sit low, below the top line).
    framed = any("█▀▀" in line or "▄▄█" in line for line in lines)
    covered = framed or "█" in top or "▀" in top or "│" not in top
    return not covered and not any(sv(w) in lines[-1] for w in FOCUS_WORDS)


def burst(*pieces: str | bytes) -> bytes:
    """Text and key sequences as one write: keys typed ahead, in one read."""
    return b"".join(p.encode() if isinstance(p, str) else p for p in pieces)


def finish(t: Terminal) -> None:
    """Everything on disk: back to the § text, then quit as a secretary would (Ctrl+Q)."""
    t.settle()
    rest(t)
    t.send(XTERM["ctrl+q"])
    assert t.wait_exit() == 0


def rest(t: Terminal, timeout: float = WAIT) -> None:
    """Back to the meeting screen's § text: Esc, as a secretary would, until it is."""
    for _ in range(4):
        try:
            t.wait_until(lambda _s: at_rest(t), "the meeting screen", timeout=1.5)
            return
        except TerminalError:
            if not t.alive:
                raise
            t.send(ESC)
    t.wait_until(lambda _s: at_rest(t), "the meeting screen, after Esc", timeout=timeout)


def palette_line(t: Terminal) -> str | None:
    return next((line for line in t.lines() if PALETTE in line), None)


def key_for(action: str, terminal: TerminalKeys = XTERM) -> bytes:
    """How a test gets a meeting-screen `action` done on the way to what it tests:
    the first of the registry's keys for it that `terminal` sends and the program
    reads as that key."""
    from protokoll.tui.actions import MEETING

    for a in MEETING:
        for key in filter(None, (k.strip() for k in a.keys.split(","))):
            sent = terminal[key]
            if a.action == action and isinstance(sent, bytes) and read_as(sent) == [key]:
                return sent
    # Else F9 and the action's letter, in one write: the program holds the
    # letter until the menu F9 opens has the focus.
    menu = terminal["f9"]
    letter = next((a.letter for a in MEETING if a.action == action and a.letter), "")
    if letter and isinstance(menu, bytes) and read_as(menu) == ["f9"]:
        return menu + letter.encode()
    raise AssertionError(
        f"no key of {action!r} arrives from {terminal.name}, so no test can use it"
    )
