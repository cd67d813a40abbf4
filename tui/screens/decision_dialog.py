"""A decision: its lead phrase (the organ's, changeable here) and its words on many lines."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static, TextArea

from protokoll.store.verbs.items import with_lead

from ..i18n import t
from ..widgets.fields import DataInput, WrappingField
from ..widgets.shown import shown
from .dialogs import TypingDialog


@dataclass(frozen=True)
class DecisionText:
    lead: str  # "Arbetsutskottet föreslår styrelsen besluta att"
    text: str


class DecisionDialog(TypingDialog):
    """The words wrap over as many lines as they need; Enter saves, as in every
    dialog, so a secretary typing ahead of a slow link ends up where expected.
    Each att-sats is a decision of its own (F3 again)."""

    BINDINGS = [Binding("enter", "save", "save"), Binding("f3", "next_lead", "d_next_lead")]
    # The words, not the lead phrase above them, take the focus from the start:
    # left to Textual's default (the first field), a key typed ahead in a burst
    # could reach the lead phrase before on_mount moved the focus
    # ("Arbetsutskottet beslutar attB" and "eslut 1.", seen under load).
    AUTO_FOCUS = "#decision"

    def __init__(self, lead: str, text: str = "", leads: list[str] | None = None) -> None:
        """`leads`: those F3 goes through (`store.phrases.decision_leads`)."""
        super().__init__()
        self.lead = lead
        self.text = text
        self.leads = list(leads or [])
        # A new decision, or an edit of one: drafts of the two are kept apart.
        self.title_text = t("d_decision") if not text else t("a_edit_item")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(shown(t("d_decision")), classes="dialog-title")
            yield DataInput(value=self.lead, id="lead", select_on_focus=False)
            yield WrappingField(self.text, id="decision", soft_wrap=True, tab_behavior="focus")
            yield Static("", id="error", classes="error")
            yield Static(shown(t("d_decision_keys")), classes="hint")

    def on_mount(self) -> None:
        area = self.query_one("#decision", TextArea)
        area.move_cursor(area.document.end)
        area.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_lead":
            return len(self.leads) > 1  # with one, F3 has nothing to go to
        return True

    def action_next_lead(self) -> None:
        """F3 again: the next of the organ's leads ("… föreslår styrelsen att").
        A lead typed by hand is one of them from then on, not lost."""
        field = self.query_one("#lead", Input)
        now = field.value.strip()
        if now and now not in self.leads:
            self.leads.append(now)
        at = self.leads.index(now) if now in self.leads else -1
        field.value = self.leads[(at + 1) % len(self.leads)]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in the lead phrase saves too, as the hint says.
        event.stop()
        self.action_save()

    def on_wrapping_field_submitted(self, event: WrappingField.Submitted) -> None:
        event.stop()
        self.action_save()

    def draft_summary(self) -> str:
        """The offer's words for a decision kept as a draft: as it will read,
        the lead before the words (it had offered "mötet avslutades kl. 14.00 ·
        Arbetsutskottet noterar att", the words before their lead: a trial)."""
        lead = self.query_one("#lead", Input).value
        text = " ".join(self.query_one("#decision", TextArea).text.split())
        return with_lead(lead, text).strip()  # as it is saved: "att" once after "… att"

    def action_save(self) -> None:
        text = self.query_one("#decision", TextArea).text.strip()
        if not text:
            self.query_one("#error", Static).update(shown(t("d_decision_empty")))
            return
        self.dismiss(DecisionText(self.query_one("#lead", Input).value.strip(), text))
