"""The text of a running app's screen, for assertions and golden files.

Read through Textual's public `App.export_screenshot` (the screen as drawn,
dialogs over the screens beneath them), whose SVG places every run of text
at its cell: Rich writes `x` as cell × 12.2 and names the line in the
clip path. Runs of blanks are not written, so the gaps are blanks.
"""

from __future__ import annotations

import asyncio
import html
import re
import time
import unicodedata
from collections.abc import Callable

from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.keys import ASCII_KEY_NAMES, KEY_NAME_REPLACEMENTS
from textual.pilot import Pilot

# Rich's export_svg: font size 20, a cell 0.61 of it wide.
_CELL = 20 * 0.61
_TEXT = re.compile(r'<text [^>]*?x="([0-9.e+]+)"[^>]*?-line-(\d+)\)">(.*?)</text>', re.S)

WAIT = 10.0  # seconds anything awaited may take on a loaded 2-core machine


def screen_text(app: App) -> str:
    width, height = app.size
    rows: list[list[tuple[int, str]]] = [[] for _ in range(height)]
    for x, line, text in _TEXT.findall(app.export_screenshot(simplify=True)):
        row = int(line)
        if row < height:
            rows[row].append((round(float(x) / _CELL), html.unescape(text)))
    lines = []
    for runs in rows:
        out, at = [], 0
        for col, text in sorted(runs):
            if col > at:
                out.append(" " * (col - at))
                at = col
            out.append(text)
            at += cell_len(text)
        lines.append("".join(out).replace("\xa0", " ").rstrip())
    return "\n".join(lines) + "\n"


async def wait_until(
    pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = WAIT
) -> None:
    """Let the app run until `condition()` holds; fail naming `what` after `timeout` s.

    A wait on the effect itself, not a fixed pause: it returns as soon as the
    effect is there, and a loaded machine only makes it wait longer."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"waited {timeout} s for {what}\n{screen_text(pilot.app)}")
        await pilot.pause()
        await asyncio.sleep(0.02)


async def wait_for_text(pilot: Pilot, text: str, timeout: float = WAIT) -> str:
    """Wait until `text` is on the screen; the screen's text."""
    await wait_until(pilot, lambda: text in screen_text(pilot.app), f"{text!r} on screen", timeout)
    return screen_text(pilot.app)


class Notices:
    """What the app has said in toasts and not cleared since, read through its
    public `notify` and `clear_notifications` (every screen's notify goes to the app's)."""

    def __init__(self, app: App) -> None:
        self.said: list[str] = []
        notify, clear = app.notify, app.clear_notifications

        def noted(message, *args, **kwargs):
            self.said.append(str(message))
            return notify(message, *args, **kwargs)

        def cleared() -> None:
            self.said.clear()
            clear()

        app.notify = noted  # type: ignore[method-assign]
        app.clear_notifications = cleared  # type: ignore[method-assign]


def key_for(character: str) -> events.Key:
    """The key event a terminal's input parser makes of one typed character
    (Textual names a non-alphanumeric key by its Unicode name: "full_stop")."""
    if character.isalnum():
        name = character
    else:
        try:
            name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            name = ASCII_KEY_NAMES.get(character, character)
    return events.Key(KEY_NAME_REPLACEMENTS.get(name, name), character)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type `text` as a fast typist's terminal delivers it: key events one
    after another, as the driver posts a read's keys, then wait until the app
    has handled them. `Pilot.press` waits for idle twice after every key
    (40 ms or more each), which is most of a typing test's time."""
    for character in text:
        pilot.app.post_message(key_for(character))
    await pilot.pause()
