"""The meeting's date, start and place, put right (F9 ä).

The three fields start as the meeting has them. Enter moves to the next
field and, on the last, makes the change through `check` (the screen's verb):
a date that does not read, a start after the end, or a move that would
renumber a closed meeting keeps the dialog open with the reason, everything
typed still in its field.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from protokoll.store import Meeting, StoreError
from protokoll.store.dates import format_time

from ..i18n import lang, t
from ..widgets.fields import DataInput
from ..widgets.shown import shown
from .dialogs import TypingDialog

FIELDS = (("date", "d_details_date"), ("start", "d_details_start"), ("place", "d_details_place"))


class DetailsDialog(TypingDialog):
    """When and where the meeting was held; `check` makes the change or says why not."""

    def __init__(
        self, meeting: Meeting, check: Callable[[dict[str, str]], StoreError | None]
    ) -> None:
        super().__init__()
        self.title_text = t("d_details")
        start = format_time(meeting.start, lang()) if meeting.start else ""
        self.values = {"date": meeting.date, "start": start, "place": meeting.place}
        self.check = check
        self.wrong: str | None = None  # the field the error line is about

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(shown(self.title_text), classes="dialog-title")
            date, start, place = (self._field(name, key) for name, key in FIELDS)
            with Horizontal(classes="fields"):
                yield date
                yield start
            yield place
            yield Static("", id="error", classes="error")
            yield Static(shown(t("d_details_hint")), classes="hint")

    def _field(self, name: str, key: str) -> DataInput:
        field = DataInput(value=self.values[name], id=name)
        field.border_title = t(key)  # named on its frame: a value hides a placeholder
        return field

    def draft_at(self) -> None:
        """The meeting's own, of no §: its draft is offered without one."""
        return None

    def on_mount(self) -> None:
        self.query_one("#error", Static).display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id != "place":
            self.focus_next()
            return
        typed = {i.id or "": i.value for i in self.query(Input)}
        changed = {k: v for k, v in typed.items() if v.strip() != self.values[k].strip()}
        if not changed:
            self.dismiss(None)  # nothing put right: nothing to say
            return
        problem = self.check(changed)
        if problem is not None:
            error = self.query_one("#error", Static)
            error.update(shown(problem.text(lang())))
            error.display = True
            # In the field to put right: the cursor had stayed in the place,
            # under a message about the date (a trial). Else the first changed
            # (a move that would renumber a closed meeting: the date).
            where = problem.field if problem.field in changed else next(iter(changed))
            self.query_one(f"#{where}", Input).focus()
            self.wrong = where
            return
        self.dismiss(changed)

    def on_input_changed(self, event: Input.Changed) -> None:
        # Put right, or being put right: the error goes. It had stood under
        # the place while the date was typed anew (a trial).
        if event.input.id == self.wrong:
            self.query_one("#error", Static).display = False
            self.wrong = None
