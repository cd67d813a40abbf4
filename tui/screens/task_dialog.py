"""The task dialog: what, who (completed from the meeting), by when.

The same dialog adds a task and edits one: given a task, its three fields
start as they are. A date that cannot be read keeps the dialog open with the
reason, everything typed still in its field.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from protokoll.store import Meeting, StoreError, Task, verbs

from ..i18n import lang, t
from ..widgets.fields import DataInput
from ..widgets.shown import shown
from .dialogs import TypingDialog


class TaskDialog(TypingDialog):
    """A task: what, who (completed from the meeting), by when; `task` to edit one."""

    def __init__(self, meeting: Meeting, task: Task | None = None) -> None:
        super().__init__()
        # The title names the dialog for drafts (`tui.drafts.OPENERS`): an
        # unfinished new task comes back as a new task, an edit does not.
        self.title_text = t("a_task") if task is None else t("a_edit_item")
        self.names = [a.name for a in meeting.attendees]
        self.meeting = meeting
        owner = (meeting.name_of(task.owner) or task.owner_name) if task else ""
        self.start = (task.text, owner, task.due) if task else ("", "", "")
        self.editing = task is not None

    def compose(self) -> ComposeResult:
        text, owner, due = self.start

        def named(key: str) -> ComposeResult:
            # A field filled in hides its placeholder: an edit names its fields
            # above them (a trial could not tell the owner from the date).
            if self.editing:
                yield Label(t(key), classes="field-name")

        with Vertical(classes="dialog"):
            yield Label(shown(self.title_text), classes="dialog-title")
            yield from named("d_task_text")
            yield DataInput(value=text, placeholder=t("d_task_text"), id="text")
            yield from named("d_task_owner")
            yield DataInput(
                value=owner,
                placeholder=t("d_task_owner"),
                id="owner",
                suggester=SuggestFromList(self.names, case_sensitive=False),
            )
            yield from named("d_task_due")
            yield DataInput(value=due, placeholder=t("d_task_due"), id="due")
            yield Static("", id="error", classes="error")
            yield Static(shown(t("d_fields_hint")), classes="hint")

    def _completed(self, owner: str) -> str:
        """The roster's name the owner typed begins, where one alone does: the
        field showed "Olle Björk" and Tab kept "Olle" as the owner (a trial)."""
        typed = owner.strip()
        if not typed or typed.casefold() in (n.casefold() for n in self.names):
            return typed
        found = [n for n in self.names if n.casefold().startswith(typed.casefold())]
        return found[0] if len(found) == 1 else typed

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        field = event.widget
        if isinstance(field, Input) and field.id == "owner":
            completed = self._completed(field.value)
            if completed != field.value.strip():
                field.value = completed

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
                due = verbs.due_date(due, self.meeting)
            except StoreError as exc:
                # Stay open: the secretary mends the date, nothing else is retyped.
                self.query_one("#error", Static).update(shown(exc.text(lang())))
                return
        owner = self._completed(self.query_one("#owner", Input).value)
        self.dismiss({"text": text, "owner": owner, "due": due})
