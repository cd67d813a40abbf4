"""An organ: its name, organisation, roster and numbering.

The same form makes a new organ and edits one; an edit is saved through the
organ verbs (`store.verbs.organ`), all of it or nothing. A member who leaves
keeps their line with `t.o.m. DATUM` at the end, so the meetings of their
term still name them and new meetings do not.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from protokoll.store import Organ, StoreError, verbs
from protokoll.store.model import Rules
from protokoll.store.profiles import PROFILES, profile
from protokoll.store.roster import format_person, parse_roster
from protokoll.store.verbs.organ import decision_template
from protokoll.store.words import template

from ..i18n import lang, t
from ..widgets.fields import DataArea, DataInput
from ..widgets.footer import SteadyFooter
from ..widgets.shown import shown
from .form import FormScreen


class OrganScreen(FormScreen):
    """Dismissed with the organ's id when saved, None when cancelled."""

    FIRST_FIELD = "#name"
    # Esc dismisses (not only pops), so whoever opened the form hears of it.
    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(self, organ: Organ | None = None) -> None:
        super().__init__()
        self.organ = organ
        # The organ as the form shows it: saved over a change made meanwhile by
        # another program, the form's roster had dropped its members (a trial).
        self._opened = copy.deepcopy(organ) if organ is not None else None
        # The profile the form was opened with: the Select reports it as a
        # change when it mounts, which filled the organ's own agenda, rules
        # and decision phrase in with the profile's, and a save without a
        # word kept that (a trial lost two agenda items so).
        self._profile = organ.rules.profile if organ and organ.rules.profile in PROFILES else None

    def draft_key(self) -> str:
        return f"organ-{self.organ.id}" if self.organ else "organ-new"

    def compose(self) -> ComposeResult:
        o = self.organ
        with VerticalScroll(classes="form"):
            yield Label(t("organ_name"))
            yield DataInput(value=o.name if o else "", id="name")
            yield Label(t("organisation"))
            yield DataInput(value=o.organisation if o else "", id="organisation")
            yield Label(t("profile"))
            # A profile fills in the settings below; each can still be changed.
            yield Select(
                [(p.label if lang() == "sv" else p.label_en, key) for key, p in PROFILES.items()],
                value=self._profile or Select.NULL,
                prompt=t("profile_none"),
                id="profile",
                type_to_search=False,
            )
            rules = o.rules if o else Rules()
            # Yes/no as words, not a check mark: readable in 16 colours over SSH.
            for key, value, widget_id in (
                ("posts_notices", rules.posts_notices, "posts-notices"),
                ("check_quorum", rules.quorum, "quorum"),
                ("chair_elected", rules.chair_elected, "chair-elected"),
            ):
                yield Label(t(key))
                yield Select(
                    [(t("yes"), True), (t("no"), False)],
                    value=value,
                    allow_blank=False,
                    id=widget_id,
                    type_to_search=False,
                )
            yield Label(t("archive"))
            yield DataInput(value=rules.archive, id="archive")
            yield Label(t("decision_phrase"))
            # A new organ: empty, meaning "{organ} beslutar att" with its name.
            phrase = rules.lead(o.name) if o else ""
            yield DataInput(value=phrase, id="decision")
            yield Label(t("numbering"))
            yield Select(
                [
                    (t("numbering_year"), "year"),
                    (t("numbering_meeting"), "meeting"),
                    (t("numbering_never"), "never"),
                ],
                value=o.numbering if o else "year",
                allow_blank=False,
                id="numbering",
                type_to_search=False,
            )
            yield Static(shown(t("roster_help")), classes="hint")
            yield Static(shown(t("roster_terms_help")), classes="hint", id="roster-terms")
            yield DataArea(
                "\n".join(format_person(p) for p in o.roster) if o else "",
                id="roster",
                soft_wrap=True,
                tab_behavior="focus",
            )
            yield Label(t("agenda_template"))
            yield DataArea(
                # A new organ's: the standing agenda in the interface's language.
                "\n".join(o.agenda_template)
                if o
                else template("protocol.standard_agenda", self.app.lang),
                id="agenda",
                soft_wrap=True,
                tab_behavior="focus",
            )
            yield Static("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("save") + " (F2)", id="save", variant="primary")
                yield Button(t("cancel"), id="cancel")
        yield SteadyFooter()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "profile" or not isinstance(event.value, str):
            return
        if event.value == self._profile:
            return  # the profile it has: its own settings stay as they are
        self._profile = event.value
        chosen = profile(event.value)
        self.query_one("#posts-notices", Select).value = chosen.rules.posts_notices
        self.query_one("#quorum", Select).value = chosen.rules.quorum
        self.query_one("#chair-elected", Select).value = chosen.rules.chair_elected
        self.query_one("#numbering", Select).value = chosen.numbering
        self.query_one("#agenda", TextArea).load_text("\n".join(chosen.agenda))
        name = self.query_one("#name", Input).value.strip()
        self.query_one("#decision", Input).value = chosen.rules.lead(name)

    def _rules(self) -> Rules:
        chosen = self.query_one("#profile", Select).value
        key = chosen if isinstance(chosen, str) else ""
        base = profile(key).rules if key else (self.organ.rules if self.organ else Rules())
        return dataclasses.replace(
            base,
            # An organ keeps the language of its record; a new one takes the
            # interface's, in which its agenda and phrases were written.
            language=self.organ.rules.language if self.organ else self.app.lang,
            profile=key,
            posts_notices=self.query_one("#posts-notices", Select).value is True,
            quorum=self.query_one("#quorum", Select).value is True,
            chair_elected=self.query_one("#chair-elected", Select).value is True,
            archive=self.query_one("#archive", Input).value.strip(),
            decision=decision_template(
                self.query_one("#decision", Input).value,
                self.query_one("#name", Input).value.strip(),
            ),
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        organisation = self.query_one("#organisation", Input).value.strip()
        if not name or not organisation:
            self._error(t("need_name"), "#name" if not name else "#organisation")
            return
        text = self.query_one("#roster", TextArea).text
        numbering = str(self.query_one("#numbering", Select).value)
        store = self.app.store
        try:
            lines = self.query_one("#agenda", TextArea).text.splitlines()
            agenda = verbs.standing_agenda(lines)
            if self.organ is None:
                self.organ = store.add_organ(
                    name,
                    organisation,
                    numbering=numbering,
                    roster=parse_roster(text),
                    rules=self._rules(),
                    agenda_template=agenda,
                )
            else:
                # The verbs check and change; people already on the roster keep
                # their ids, so the meetings they attended still find them.
                verbs.change_organ(
                    store,
                    self.organ.id,
                    functools.partial(
                        verbs.edit_organ,
                        name=name,
                        organisation=organisation,
                        numbering=numbering,
                        rules=self._rules(),
                        agenda=agenda,
                    ),
                    functools.partial(verbs.set_roster, text=text),
                    expected=self._opened,
                )
        except StoreError as exc:
            self._error(exc.text(lang()))
            return
        self.notify(t("organ_saved", name=name), markup=False)
        self.dismiss(self.organ.id)


def edit_organ(app: App, organ_id: str, done: Callable[[bool], None]) -> None:
    """The form for an organ already made; `done(True)` once it is saved, `done(False)` if not."""
    try:
        app.store.refresh()  # type: ignore[attr-defined]  # as other programs left it
        organ = app.store.organ(organ_id)  # type: ignore[attr-defined]
    except StoreError as exc:
        app.notify(exc.text(lang()), severity="error", markup=False)
        done(False)
        return
    app.push_screen(OrganScreen(organ), lambda organ_id: done(organ_id is not None))


def pick_organ(app: App, done: Callable[[str | None], None]) -> None:
    """Choose an organ (at once when there is one); `done` gets its id, or None."""
    from protokoll.store.labels import organ_title

    from .dialogs import PickDialog

    organs = app.store.organs()  # type: ignore[attr-defined]
    if len(organs) == 1:
        done(organs[0].id)
        return
    choices = [(o.id, organ_title(o.name, o.organisation)) for o in organs]
    app.push_screen(PickDialog(t("pick_organ"), choices), done)
