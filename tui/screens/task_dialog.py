"""The task dialog: what, who (completed from the meeting), by when."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from protokoll.store import Meeting, StoreError, parse_date

from ..i18n import t
from ..widgets.fields import DataInput
from ..widgets.shown import shown
from .dialogs import TypingDialog


class TaskDialog(TypingDialog):
    """A task: what, who (completed from the meeting), by when."""

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.title_text = t("a_task")
        self.names = [a.name for a in meeting.attendees]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("a_task"), classes="dialog-title")
            yield DataInput(placeholder=t("d_task_text"), id="text")
            yield DataInput(
                placeholder=t("d_task_owner"),
                id="owner",
                suggester=SuggestFromList(self.names, case_sensitive=False),
            )
            yield DataInput(placeholder=t("d_task_due"), id="due")
            yield Static("", id="error", classes="error")
            yield Static(shown(t("d_enter_esc")), classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id != "due":
            self.focus_next()
            return
        text = self.query_one("#text", Input).value.strip()
        due = self.query_one("#due", Input).value.strip()
        if not text:
            self.query_one("#text", Input).focus()
            return
        if due:
            try:
                due = parse_date(due).isoformat()
            except StoreError as exc:
                self.query_one("#error", Static).update(shown(str(exc)))
                return
        self.dismiss(
            {"text": text, "owner": self.query_one("#owner", Input).value.strip(), "due": due}
        )
