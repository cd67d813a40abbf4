"""What the organ and new-meeting forms share."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Input, Select, Static

from ..drafts import DraftedForm
from ..i18n import t
from ..keys import Translated
from ..notices import warn_now_and_then
from ..toolkit import localise_selects
from ..widgets.shown import shown


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

    def on_key(self, event: events.Key) -> None:
        """Letters typed on a drop-down: said, once in a moment. Its choices are
        made with the arrows only (`type_to_search=False`): a roster typed one
        field too far, onto "Numrering", had changed it unsaid (a trial)."""
        focused = self.focused
        if focused is None or not (event.is_printable and (event.character or " ").strip()):
            return
        if any(isinstance(x, Select) for x in focused.ancestors_with_self):
            warn_now_and_then(self, "n_select_keys")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def _error(self, text: str, field: str | None = None) -> None:
        """Said on the form's #error line and as a message on top, the field at
        fault focused: at 80x24 a form's last line is below the fold, and a
        refused F2 that showed nothing looked like a key that did not work."""
        error = self.query_one("#error", Static)
        error.update(shown(text))
        self.notify(text, severity="error", markup=False)
        if field is not None:
            self.query_one(field).focus()
        else:
            error.scroll_visible()

    def action_cancel(self) -> None:
        """Esc: the form and its draft are gone, as the secretary asked; asked
        first when something was typed (an Esc meant to close a drop-down had
        gone one step too far and thrown a whole roster away: a trial)."""
        origin = getattr(self, "_draft_origin", None)
        if origin is not None and self.draft() != origin:
            from .dialogs import ConfirmDialog

            def answered(yes: bool | None) -> None:
                if yes:
                    self._leave()

            self.app.push_screen(ConfirmDialog(t("d_discard_form")), answered)
            return
        self._leave()

    def _leave(self) -> None:
        self.drop_draft()
        self.app.pop_screen()

    def action_save(self) -> None:
        raise NotImplementedError
