"""F9: every action of the meeting screen, each a letter away.

The F-keys and a letter arrive intact from every terminal, so F9 and a
letter is a way to every action where an Alt key does not arrive (macOS
without "Option as Meta") or arrives as another key.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..actions import Action
from ..i18n import t
from ..widgets.shown import shown
from .help import key_name


class ActionMenu(ModalScreen[str | None]):
    BINDINGS = [Binding("escape,f9", "cancel", show=False)]

    def __init__(self, actions: list[Action]) -> None:
        super().__init__()
        self.actions = [a for a in actions if a.letter]

    def compose(self) -> ComposeResult:
        # Two columns, so that every action shows at once on 80x24.
        cells = []
        for a in self.actions:
            keys = key_name(a.keys).split(" / ")[0] if a.keys else ""
            cells.append(f"{a.letter}  {_fit(t(a.label), 24):<24} {keys:<6}")
        half = (len(cells) + 1) // 2
        lines = [
            "   ".join(x for x in (cells[i], cells[i + half] if i + half < len(cells) else "") if x)
            for i in range(half)
        ]
        with Vertical(classes="dialog wide"):
            yield Label(shown(t("menu_title")), classes="dialog-title")
            yield Static(shown("\n".join(lines)), id="actions")

    def on_key(self, event: events.Key) -> None:
        # A letter chooses at once; case and Caps Lock do not matter.
        letter = (event.character or "").lower()
        chosen = next((a for a in self.actions if a.letter == letter), None)
        if chosen is not None:
            event.stop()
            event.prevent_default()
            self.dismiss(chosen.action)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
