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
from .help import key_names


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
        left, right = self.actions[:half], self.actions[half:]
        widths = _widths(_natural(left), _natural(right))
        columns = [_column(left, widths[0]), _column(right, widths[1])]
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


WIDTH = 68  # the two columns of the menu, in the wide dialog, less the gap


def _keys(actions: list[Action]) -> list[str]:
    return [key_names(a.keys)[0] if a.keys else "" for a in actions]


def _natural(actions: list[Action]) -> int:
    """The columns that `actions` take with every label whole."""
    room = max((len(k) for k in _keys(actions)), default=0)
    labels = max((len(t(a.label)) for a in actions), default=0)
    return 3 + labels + (room + 1 if room else 0)


def _widths(left: int, right: int) -> tuple[int, int]:
    """The room of each column: what it needs where both fit, else the one
    that fits in half keeps its width and the other has the rest. Halves
    alike had cut a closed meeting's "Slå upp bland uppgifter…" while the
    column beside it had room to spare (a trial)."""
    if left + right <= WIDTH:
        return left, right
    half = WIDTH // 2
    if left <= half:
        return left, WIDTH - left
    if right <= half:
        return WIDTH - right, right
    return half, WIDTH - half


def _column(actions: list[Action], width: int) -> list[str]:
    """Each action's line: its letter, its label and its key (the first, F2),
    `width` columns wide."""
    keys = _keys(actions)
    room = max((len(k) for k in keys), default=0)
    label = width - 3 - (room + 1 if room else 0)
    return [
        f"{a.letter}  {fit(t(a.label), label):<{label}}" + (f" {k:<{room}}" if room else "")
        for a, k in zip(actions, keys, strict=True)
    ]
