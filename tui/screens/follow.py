"""Reading along: the protocol as it will print, as another process writes it.

The reader's scroll position stays where they put it; `f` makes the view
follow the § the secretary is on. Lines that changed since the reader last
pressed Space are marked, so a glance away from the screen costs nothing.
Nothing here writes: the meeting is read through `store.live`.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from protokoll.store.labels import organ_shown
from protokoll.store.live import POLL, View, Watch, changed_lines
from protokoll.store.render import paragraph_mark
from protokoll.store.safe_text import safe, safe_line

from ..actions import FOLLOW, bindings
from ..i18n import lang, t
from ..keys import Translated
from ..widgets.footer import SteadyFooter
from ..widgets.shown import shown_line

CHANGED = "reverse"  # a changed line; reverse reads in 16 colours and on a projector


class FollowScreen(Translated, Screen):
    ACTIONS = FOLLOW
    BINDINGS = bindings(FOLLOW)

    def __init__(self, watch: Watch) -> None:
        super().__init__()
        self.watch_ = watch
        self.view: View | None = None
        self.following = False
        # The lines as the reader last acknowledged them (Space): what differs is marked.
        self.seen: list[str] | None = None
        self.saved_at = ""
        self.marked = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="follow-title", classes="screen-title")
        with VerticalScroll(id="page"):
            yield Static("", id="protocol")
        yield Static("", id="follow-status")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#page").focus()
        self.look()
        if self.view is not None:
            # The first look: at the § being written, then where the reader scrolls.
            self._after_layout(self._to_current)
        self.set_interval(POLL, self.look)

    # --- looking at the file -------------------------------------------------

    def look(self) -> None:
        view = self.watch_.poll()
        if view is not None:
            other = self.view is not None and self.view.meeting.id != view.meeting.id
            self.view = view
            if self.seen is None or other:  # another meeting: nothing in it is "changed"
                self.seen = view.lines
            self._paint()
            if self.following or other:
                # Another meeting: from its current §, or its top; the place in
                # the one before means nothing in it (a trial's reader landed at
                # the next meeting's "Frånvarande").
                self._after_layout(self._to_current)
        if self.watch_.saved:  # the file's time, also of a save that changed nothing shown
            self.saved_at = dt.datetime.fromtimestamp(self.watch_.saved).strftime("%H:%M:%S")
        self._status()

    def _paint(self) -> None:
        view = self.view
        assert view is not None and self.seen is not None
        marked = changed_lines(self.seen, view.lines)
        lines = [safe(line).replace("\n", " ") for line in view.lines]
        content = Content("\n".join(lines))
        at = 0
        for i, line in enumerate(lines):
            if i in marked:
                content = content.stylize(CHANGED, at, at + len(line))
            at += len(line) + 1
        self.query_one("#protocol", Static).update(content)
        self.marked = len(marked)

    def _status(self) -> None:
        view = self.view
        error = self.watch_.error
        heading = ""
        if view is not None:
            m = view.meeting
            heading = f"{organ_shown(m.organ, m.organisation, lang())} {m.date}"
        self.query_one("#follow-title", Static).update(
            shown_line(t("follow_title", meeting=heading))
        )
        parts = []
        if view is not None and view.meeting.status in ("closed", "adjusted"):
            parts.append(t(f"status_{view.meeting.status}"))  # not a meeting going on
        if view is not None and view.current is not None:
            p = view.meeting.paragraphs[view.current]
            parts.append(t("follow_current", paragraph=paragraph_mark(view.meeting, p)))
        if self.marked:
            parts.append(t("follow_changed", n=self.marked))
        parts.append(t("follow_on") if self.following else t("follow_off"))
        if self.saved_at:
            parts.append(t("follow_saved", time=self.saved_at))
        if error is not None:
            parts.append(t("follow_waiting", error=error.text(self.app.lang)))
        self.query_one("#follow-status", Static).update(shown_line(safe_line(" · ".join(parts))))

    # --- the reader's keys ---------------------------------------------------

    def _after_layout(self, callback) -> None:
        # Once the new text has its height: the refresh after the update lays
        # it out, the one after that knows how far the page scrolls.
        self.call_after_refresh(self.call_after_refresh, callback)

    def _to_current(self) -> None:
        view = self.view
        if view is None:
            return
        page = self.query_one("#page", VerticalScroll)
        if view.current_lines is None:  # no § yet: the head of the protocol
            page.scroll_home(animate=False)
            return
        start, end = view.current_lines
        height = max(page.scrollable_content_region.height, 1)
        # The § from its heading; where it is taller than the screen, its end,
        # which is where the secretary writes.
        y = start if end - start < height else end - height + 1
        page.scroll_to(y=y, animate=False)

    def action_toggle_follow(self) -> None:
        self.following = not self.following
        if self.following:
            self._to_current()
        self._status()

    def action_current(self) -> None:
        self._to_current()

    def action_seen(self) -> None:
        if self.view is not None:
            self.seen = self.view.lines
            self._paint()
        self._status()
