"""What the organ and new-meeting forms share."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Input

from ..drafts import DraftedForm
from ..keys import Translated
from ..toolkit import localise_selects


class FormScreen(DraftedForm, Translated, Screen):
    """Fields top to bottom; Enter moves on, F2 saves, Esc cancels.

    What is typed is kept as a draft (`tui.drafts`) until the form is saved
    or cancelled, and fills the form in when it is opened again.
    """

    BINDINGS = [
        Binding("escape", "cancel", "cancel"),
        Binding("f2", "save", "save"),
    ]
    FIRST_FIELD = ""

    def on_mount(self) -> None:
        # Compact fields (no borders), so the whole form fits on 80x24.
        for widget in self.query("Input, Select, TextArea, Button"):
            widget.compact = True
        localise_selects(self, self.app.lang)  # the drop-downs' "Dismiss menu"
        self.query_one(self.FIRST_FIELD, Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        """Esc: the form and its draft are gone, as the secretary asked."""
        self.drop_draft()
        self.app.pop_screen()

    def action_save(self) -> None:
        raise NotImplementedError
