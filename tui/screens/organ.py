"""An organ: its name, organisation, roster and numbering."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea

from store import Organ, StoreError
from store.roster import format_person, parse_roster

from ..i18n import lang, t
from .form import FormScreen


class OrganScreen(FormScreen):
    FIRST_FIELD = "#name"

    def __init__(self, organ: Organ | None = None) -> None:
        super().__init__()
        self.organ = organ

    def compose(self) -> ComposeResult:
        o = self.organ
        with VerticalScroll(classes="form"):
            yield Label(t("organ_name"))
            yield Input(value=o.name if o else "", id="name")
            yield Label(t("organisation"))
            yield Input(value=o.organisation if o else "", id="organisation")
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
            )
            yield Static(Content(t("roster_help")), classes="hint")
            yield TextArea(
                "\n".join(format_person(p) for p in o.roster) if o else "",
                id="roster",
                soft_wrap=True,
                tab_behavior="focus",
            )
            yield Static("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("save") + " (F2)", id="save", variant="primary")
                yield Button(t("cancel"), id="cancel")
        yield Footer()

    def action_save(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        organisation = self.query_one("#organisation", Input).value.strip()
        if not name or not organisation:
            self.query_one("#error", Static).update(Content(t("need_name")))
            return
        roster = parse_roster(self.query_one("#roster", TextArea).text)
        if self.organ is not None:
            # Keep the ids of people already on the roster, so meetings still find them.
            known = {p.name: p.id for p in self.organ.roster}
            for p in roster:
                p.id = known.get(p.name, p.id)
        numbering = self.query_one("#numbering", Select).value
        store = self.app.store
        try:
            if self.organ is None:
                self.organ = store.add_organ(
                    name, organisation, numbering=str(numbering), roster=roster
                )
            else:
                self.organ.name, self.organ.organisation = name, organisation
                self.organ.numbering, self.organ.roster = str(numbering), roster
                store.save_organ(self.organ)
        except StoreError as exc:
            self.query_one("#error", Static).update(Content(exc.text(lang())))
            return
        self.notify(t("organ_saved", name=name), markup=False)
        self.dismiss(self.organ.id)
