"""Ctrl+Q while the meeting cannot be saved: say so, and let the secretary choose."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..i18n import t
from ..keys import Translated
from ..widgets.footer import OwnFooter
from ..widgets.shown import shown


class UnsavedQuit(OwnFooter, Translated, ModalScreen):
    """Enter tries again, Ctrl+Q quits anyway (the text goes to a spill), Esc goes back.

    Dismissed with "retry", "quit" or None.
    """

    BINDINGS = [
        Binding("enter", "retry", "quit_retry", priority=True),
        Binding("escape", "back", "quit_back"),
    ]

    def __init__(self, error: str, where: str) -> None:
        super().__init__()
        self.error = error
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(shown(t("quit_unsaved", error=self.error)), classes="dialog-title")
            yield Static(shown(t("quit_unsaved_keys", where=self.where)), classes="hint")

    def action_retry(self) -> None:
        self.dismiss("retry")

    def action_back(self) -> None:
        self.dismiss(None)

    def quit_anyway(self) -> None:
        """Ctrl+Q again (the application's binding comes here)."""
        self.dismiss("quit")
