"""A running app under Pilot, through Textual's public API only.

`screen_text` reads the screen from `App.export_screenshot` (the screen as
drawn, dialogs over the screens beneath them): Rich's SVG places each run of
text at its cell (`x` is the column times the cell's width, the line is named
in the clip path) and leaves runs of blanks out. `wait_until` waits for a
condition instead of a fixed time; `Notices` records what the app says in
toasts; `type_text` types as a terminal delivers a burst of keys.
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

_TEXT = re.compile(r'<text [^>]*?x="([0-9.e+]+)"[^>]*?-line-(\d+)\)">(.*?)</text>', re.S)
# A line's clip rectangle is the screen's width in cells times the cell's width.
_LINE = re.compile(r'-line-0">\s*<rect x="0" y="[^"]*" width="([0-9.e+]+)"')

WAIT = 20.0  # seconds: a failure bound for a loaded machine; a passing wait ends at once


def screen_text(app: App) -> str:
    width, height = app.size
    svg = app.export_screenshot(simplify=True)
    line = _LINE.search(svg)
    if line is None and "-line-" not in svg:
        # Nothing drawn (a screen between its mount and its first frame): blank.
        return "\n" * height
    assert line, "export_screenshot's SVG no longer has the layout read here"
    cell = float(line.group(1)) / width
    rows: list[list[tuple[int, str]]] = [[] for _ in range(height)]
    for x, row, text in _TEXT.findall(svg):
        if int(row) < height:
            rows[int(row)].append((round(float(x) / cell), html.unescape(text)))
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
            shown = screen_text(pilot.app) + _why(pilot.app)
            raise AssertionError(f"waited {timeout} s for {what}\n{shown}")
        await pilot.pause(0.01)


def _why(app: App) -> str:
    """What a failed wait may hinge on beyond the screen: why its meeting is
    read-only, and the messages said, where the test keeps them (`app.said`)."""
    lines = []
    notice = getattr(getattr(app.screen, "session", None), "notice", None)
    if notice is not None:
        lines.append(f"read-only: {notice.key} {notice.params}")
    lines += [f"said: {m}" for m in getattr(app, "said", [])]
    return "".join(f"{line}\n" for line in lines)


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


async def exports_written(pilot: Pilot) -> None:
    """Until the preview's exports have been written (in a worker's thread) and
    said: a test that reads the file, or what was said of it, waits for this."""
    from protokoll.tui.screens.preview import EXPORT_GROUP

    app = pilot.app
    await pilot.pause()  # the dialog's answer given, and the export begun
    running = [w for w in app.workers if w.group == EXPORT_GROUP]
    await asyncio.wait_for(app.workers.wait_for_complete(running), WAIT)
    await pilot.pause()
