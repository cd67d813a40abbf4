"""Looking things up during a meeting, without leaving it.

Search, past meetings and the task list open over whatever is shown (the
meeting screen, usually). A § found there is read in the protocol view and
can be quoted: the lookup closes every screen it opened and hands the
reference ("Se AU 2025-04-10 § 11") to whoever asked, who puts it where the
cursor was. Esc all the way back hands over nothing.

The screens are the ordinary ones, given a `Lookup`: with it, nothing they
open is opened for writing — the meeting in progress is shown from memory,
every other meeting read with `store.load`, never locked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import App
from textual.screen import Screen

from protokoll.store import Meeting, StoreError
from protokoll.store.references import reference

from ..i18n import lang, t

KINDS = ("search", "meetings", "tasks")


@dataclass(frozen=True)
class Quote:
    text: str  # e.g. "Se AU 2025-04-10 § 11"


class Lookup:
    """One lookup: the screen it was opened over, the meeting in progress, whom to tell."""

    def __init__(self, app: App, current: Meeting, done: Callable[[Quote | None], None]) -> None:
        self.app = app
        self.current = current
        self.done = done
        self.base = app.screen  # everything above it is the lookup's own
        self.finished = False

    def meeting(self, meeting_id: str) -> Meeting | None:
        """A meeting to read: the one in progress as it is now, any other from its file."""
        if meeting_id == self.current.id:
            return self.current
        try:
            return self.app.store.load(meeting_id)
        except StoreError as exc:  # damaged or removed since it was listed
            self.app.notify(exc.text(lang()), severity="error", timeout=10, markup=False)
            return None

    def show(self, meeting_id: str, at: int | None = None, query: str = "") -> None:
        """The protocol read-only, at the § of index `at`: the lookup's `show_protocol`."""
        from .preview import PreviewScreen

        meeting = self.meeting(meeting_id)
        if meeting is None:
            return
        if at is not None and not 0 <= at < len(meeting.paragraphs):
            at = None  # the index was made before a § was deleted
        self.app.push_screen(PreviewScreen(meeting, at=at, query=query, lookup=self))

    def back(self) -> None:
        """Esc on one of the lookup's screens: one screen back; off the last, nothing quoted."""
        self.app.pop_screen()
        if self.app.screen is self.base:
            self._finish(None)

    def quote(self, meeting: Meeting, index: int) -> None:
        """Quote the § at `index` of `meeting` and go back to where the lookup was opened."""
        text = reference(meeting, meeting.paragraphs[index], lang(), within=self.current.id)
        while self.app.screen is not self.base and self.base in self.app.screen_stack:
            self.app.pop_screen()
        self._finish(Quote(text))

    def _finish(self, quote: Quote | None) -> None:
        if not self.finished:  # told once, however the screens went
            self.finished = True
            self.done(quote)


def first_screen(kind: str, lookup: Lookup) -> Screen:
    if kind == "search":
        from .search import SearchScreen

        return SearchScreen(lookup=lookup)
    if kind == "meetings":
        from .browse import BrowseScreen

        return BrowseScreen(lookup=lookup)
    if kind == "tasks":
        from .registers import TasksScreen

        return TasksScreen(lookup=lookup)
    raise ValueError(f"no lookup of kind {kind!r}; one of {', '.join(KINDS)}")


def open_lookup(
    app: App, kind: str, current: Meeting, done: Callable[[Quote | None], None]
) -> None:
    """kind: "search", "meetings" or "tasks". Pushes the screen over whatever is shown;
    Esc all the way back calls done(None); quoting a § calls done(Quote(...)) and pops
    every screen the lookup pushed."""
    lookup = Lookup(app, current, done)
    app.push_screen(first_screen(kind, lookup))


def quote_hint(meeting: Meeting, index: int | None, within: str | None = None) -> str:
    """What `c` would put in the § of the meeting `within`, for a screen's title line."""
    if index is None or not 0 <= index < len(meeting.paragraphs):
        return ""
    ref = reference(meeting, meeting.paragraphs[index], lang(), within=within)
    return t("lookup_quotes", ref=ref)
