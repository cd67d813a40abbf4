"""`protokoll follow`: the application that reads along, in a terminal of its own.

A small application of its own rather than a screen of ProtokollApp: that
one opens the store (which may write) and claims meetings; this one only
reads (`store.live`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from protokoll.store.live import Reader, Watch
from protokoll.store.words import language

from .i18n import set_lang, t
from .keys import translate_bindings

WAIT_FOR_MEETING = 2.0  # seconds between looks for a meeting begun


class FollowApp(App):
    CSS_PATH = "screens/follow.tcss"
    TITLE = "protokoll follow"
    BINDINGS = [
        Binding("ctrl+p", "command_palette", "a_palette", show=False, priority=True),
        Binding("ctrl+q", "quit", "a_quit", show=False, priority=True),
    ]

    def __init__(self, watch: Watch, lang: str = "sv") -> None:
        super().__init__()
        self.lang = language(lang)
        self.watch_ = watch
        with self._context():  # not running yet: t() finds the app here
            translate_bindings(self)
        if self.console.color_system in ("standard", "windows"):
            self.theme = "ansi-dark"

    def on_mount(self) -> None:
        from .screens.follow import FollowScreen

        self.push_screen(FollowScreen(self.watch_))

    def action_command_palette(self) -> None:
        # Textual's palette in our words, as in the application.
        from .toolkit import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(self.lang))

    def action_help_quit(self) -> None:
        self.exit()  # Ctrl+C: there is nothing here to lose

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # The screen's actions (tui/actions.py FOLLOW), the keys beneath the names.
        from .screens.help import key_name

        for a in getattr(screen, "ACTIONS", ()):
            keys = key_name(a.keys) + (" / Ctrl+Q" if a.action == "app.quit" else "")
            yield SystemCommand(t(a.label), keys, partial(screen.run_action, a.action))


def run_follow(store_path: Path, meeting: str | None, lang: str, publish: bool = False) -> int:
    """Follow `meeting` (an id or a prefix; None: the one in progress, and the
    next) until the reader quits; `publish`: the publication copy."""
    set_lang(lang)
    reader = Reader(store_path)
    meeting_id = reader.resolve(meeting) if meeting else _in_progress(reader, lang)
    if meeting_id is None:
        return 1  # Ctrl+C while waiting
    reader.read(meeting_id)  # a damaged file is said now, as one line, not in a blank screen
    watch = Watch(reader, meeting_id, lang=lang, publish=publish, in_progress=meeting is None)
    FollowApp(watch, lang).run()
    return 0


def _in_progress(reader: Reader, lang: str) -> str | None:
    """The meeting in progress; with none begun yet, waited for: the chair can
    start reading before the secretary begins (it had refused, and had to be
    started again: a trial). None if Ctrl+C ends the wait."""
    from protokoll.store import StoreError
    from protokoll.store.words import say

    from .output import emit

    said = False
    try:
        while True:
            try:
                return reader.in_progress()
            except StoreError as exc:
                if exc.key != "none_in_progress":
                    raise
            if not said:
                emit(say("cli.follow_waiting", lang, path=reader.path), err=True)
                said = True
            time.sleep(WAIT_FOR_MEETING)
    except KeyboardInterrupt:
        return None
