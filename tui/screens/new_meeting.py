"""A new meeting: organ, kind, date, time, place, agenda."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from protokoll.store import StoreError, parse_date, parse_time, verbs
from protokoll.store.dates import format_time
from protokoll.store.errors import os_detail
from protokoll.store.labels import organ_title
from protokoll.store.model import Organ
from protokoll.store.profiles import default_kind

from ..i18n import lang, t
from ..widgets.fields import DataInput
from ..widgets.footer import SteadyFooter
from ..widgets.shown import shown
from .form import FormScreen

# The kinds the form offers (an årsmöte's or stämma's protocol is its profile's).
OFFERED_KINDS = ("protokoll", "minnesanteckningar")


class NewMeetingScreen(FormScreen):
    BINDINGS = [
        Binding("f2", "save", "start_meeting"),
        Binding("f3", "new_organ", "new_organ_short"),
    ]
    FIRST_FIELD = "#date"

    def draft_key(self) -> str:
        return "new-meeting"

    def compose(self) -> ComposeResult:
        organs = self.app.store.organs()
        now = dt.datetime.now()
        with VerticalScroll(classes="form"):
            yield Label(t("organ"))
            # Organ names are data: Content keeps them from being read as markup.
            yield Select(
                [(shown(organ_title(o.name, o.organisation)), o.id) for o in organs],
                value=organs[0].id if organs else Select.NULL,
                id="organ",
                type_to_search=False,
            )
            yield Label(t("kind"))
            yield Select(
                [(t(f"kind_{kind}"), kind) for kind in OFFERED_KINDS],
                value=self._kind_for(organs[0]) if organs else "protokoll",
                allow_blank=False,
                id="kind",
                type_to_search=False,
            )
            yield Label(t("date"))
            yield DataInput(value=now.date().isoformat(), id="date")
            yield Label(t("start_time"))
            # In the interface's way, as every time shown is ("20.53"; it had
            # proposed "20:53", trial 21); either is read.
            yield DataInput(value=format_time(now.strftime("%H:%M"), lang()), id="start-time")
            yield Label(t("place"))
            yield DataInput(value=organs[0].place if organs else "", id="place")
            yield Label(t("agenda_file"))
            yield DataInput(id="agenda-file")
            yield Label(t("first_number"))
            yield DataInput(id="first", type="integer")
            yield Static("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("start_meeting") + " (F2)", id="save", variant="primary")
                yield Button(t("new_organ_short") + " (F3)", id="organ")
                yield Button(t("cancel"), id="cancel")
        yield SteadyFooter()

    def on_select_changed(self, event: Select.Changed) -> None:
        # Organ ids are text; anything else is the "nothing chosen" marker.
        if event.select.id == "organ" and isinstance(event.value, str):
            organ = self.app.store.organ(str(event.value))
            self.query_one("#place", Input).value = organ.place
            self.query_one("#kind", Select).value = self._kind_for(organ)

    def _kind_for(self, organ: Organ) -> str:
        """The kind of the organ's newest meeting, else its profile's: a trial
        took a medlemsråd's Protokoll and was offered Minnesanteckningar for its
        next meeting. Known without a look over every meeting only once the
        start's look is done: not made to wait for it on the screen's thread."""
        store = self.app.store
        if store.looked_over:
            newest = next(store.newest_first(organ.id), None)
            if newest is not None and newest.kind in OFFERED_KINDS:
                return newest.kind
        return default_kind(organ)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.prevent_default()  # instead of FormScreen's handler, not as well
        if event.input.id == "first":
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "organ":
            event.prevent_default()  # not FormScreen's: this one opens a form
            self.action_new_organ()

    def action_new_organ(self) -> None:
        """An organ not in the catalogue yet: make it, then come back to choose it."""
        from .organ import OrganScreen

        def made(organ_id: str | None) -> None:
            if organ_id is None:
                return
            select = self.query_one("#organ", Select)
            select.set_options(
                [
                    (shown(organ_title(o.name, o.organisation)), o.id)
                    for o in self.app.store.organs()
                ]
            )
            select.value = organ_id

        self.app.push_screen(OrganScreen(), made)

    def action_save(self) -> None:
        organ_id = self.query_one("#organ", Select).value
        if not isinstance(organ_id, str):
            self._error(t("no_organ"), "#organ")
            return
        try:
            date = parse_date(self.query_one("#date", Input).value).isoformat()
        except StoreError as exc:
            self._error(exc.text(lang()), "#date")
            return
        try:
            start = parse_time(self.query_one("#start-time", Input).value)
        except StoreError as exc:
            self._error(exc.text(lang()), "#start-time")
            return
        agenda = None
        agenda_path = self.query_one("#agenda-file", Input).value.strip()
        if agenda_path:
            path = Path(agenda_path).expanduser()
            try:
                # Indented lines are kept indented: the items of the heading above.
                agenda = [
                    line.rstrip() for line in path.read_text("utf-8").splitlines() if line.strip()
                ]
            except (OSError, UnicodeDecodeError) as exc:
                bad = isinstance(exc, UnicodeDecodeError)
                detail = t("not_utf8") if bad else os_detail(exc)
                self._error(t("agenda_unreadable", path=path, detail=detail), "#agenda-file")
                return
        first = self.query_one("#first", Input).value.strip()
        kind = str(self.query_one("#kind", Select).value)
        try:
            session = self.app.store.create_meeting(
                str(organ_id),
                date,
                kind=kind,
                start=start,
                place=self.query_one("#place", Input).value.strip(),
                agenda=agenda,
                number_from=int(first) if first else None,
            )
            session.editor().do(verbs.open_meeting)
        except StoreError as exc:
            self._error(exc.text(lang()))
            return
        self.drop_draft()  # the meeting is made: what was typed is in it
        self.app.show_meeting(session)
