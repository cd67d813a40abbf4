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
from ..keys import Translated
from ..widgets.footer import OwnFooter
from ..widgets.shown import fit, shown
from .help import key_name


class ActionMenu(OwnFooter, Translated, ModalScreen[str | None]):
    # Its own keys at the foot: the meeting's (F2 Ny §, F6 Ångra) showed
    # through, and did nothing here (a trial).
    BINDINGS = [Binding("escape,f9", "cancel", "k_close")]

    def __init__(self, actions: list[Action]) -> None:
        super().__init__()
        self.actions = [a for a in actions if a.letter]

    def compose(self) -> ComposeResult:
        # Two columns, so that every action shows at once on 80x24. A column
        # without keys gives their room to its labels ("Maskera § vid
        # publicering" was cut).
        half = (len(self.actions) + 1) // 2
        columns = [_column(self.actions[:half]), _column(self.actions[half:])]
        # Two spaces between: with keys in both columns (a closed meeting's
        # "Tidigare §§ Ctrl+O") three made 71 columns in the dialog's 70, and
        # "Ctrl+O" went to a line of its own (trial 21).
        lines = [
            "  ".join(x for x in (left, columns[1][i] if i < len(columns[1]) else "") if x)
            for i, left in enumerate(columns[0])
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


COLUMN = 34  # columns a column of the menu takes: two fit the wide dialog


def _column(actions: list[Action]) -> list[str]:
    """Each action's line: its letter, its label and its key (the first, F2)."""
    keys = [key_name(a.keys).split(" / ")[0] if a.keys else "" for a in actions]
    room = max((len(k) for k in keys), default=0)
    label = COLUMN - 3 - (room + 1 if room else 0)
    return [
        f"{a.letter}  {fit(t(a.label), label):<{label}}" + (f" {k:<{room}}" if room else "")
        for a, k in zip(actions, keys, strict=True)
    ]
