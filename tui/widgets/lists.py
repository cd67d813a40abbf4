"""The meeting screen's lists: attendance, agenda, earlier §s and § items.

Each is an OptionList (it draws only the rows on screen, so it stays fast as
the meeting grows). Keys are declared here, on the list that owns them; a
key posts a `Command` up to the screen, which changes the meeting and sends
the new rows down with `show`.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..keys import Translated


def options(rows: list[tuple[str, str]]) -> list[Option]:
    """Rows (id, text) as options; the text is data, never markup."""
    return [Option(Content(text), id=row_id) for row_id, text in rows]


class CommandList(Translated, OptionList):
    """An OptionList whose keys become `Command` messages for the screen."""

    class Command(Message):
        def __init__(self, sender: CommandList, name: str, item: str | None) -> None:
            super().__init__()
            self.sender = sender
            self.name = name
            self.item = item

    def show(self, rows: list[tuple[str, str]], keep: str | None = None) -> None:
        """Replace the rows: (id, text). Text is data, never markup."""
        current = keep or self.current_id
        self.clear_options()
        self.add_options(options(rows))
        ids = [row_id for row_id, _ in rows]
        if current in ids:
            self.highlighted = ids.index(current)
        elif ids:
            self.highlighted = min(self.highlighted or 0, len(ids) - 1)

    @property
    def current_id(self) -> str | None:
        if self.highlighted is None or self.option_count == 0:
            return None
        return self.get_option_at_index(self.highlighted).id

    def _command(self, name: str) -> None:
        self.post_message(self.Command(self, name, self.current_id))

    def action_command(self, name: str) -> None:
        self._command(name)


class AttendanceList(CommandList):
    BINDINGS = [
        Binding("space", "command('toggle')", "a_toggle"),
        Binding("e", "command('substitute')", "a_substitute"),
        Binding("a", "command('arrive')", "a_arrive"),
        Binding("l", "command('leave')", "a_leave"),
        Binding("g", "command('guest')", "a_guest"),
        Binding("o", "command('chair')", "a_chair", show=False),
        Binding("s", "command('secretary')", "a_secretary", show=False),
        Binding("j", "command('adjuster')", "a_adjuster", show=False),
    ]


class AgendaList(CommandList):
    BINDINGS = [
        Binding("enter", "command('take')", "a_take"),
        Binding("n", "command('add')", "a_add_item"),
        Binding("d", "command('defer')", "a_defer"),
        Binding("shift+up,K", "command('up')", "a_up", show=False),
        Binding("shift+down,J", "command('down')", "a_down", show=False),
    ]


class ParagraphLog(CommandList):
    BINDINGS = [Binding("enter", "command('jump')", "a_jump")]


class ItemList(CommandList):
    """Decisions, tasks, votes and the rest of the § being written."""

    BINDINGS = [
        Binding("enter", "command('edit')", "a_edit_item"),
        Binding("delete,backspace,x", "command('remove')", "a_remove_item"),
    ]
