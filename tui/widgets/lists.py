"""The meeting screen's lists: attendance, agenda, earlier §s and § items.

Each is an OptionList (it draws only the rows on screen, so it stays fast as
the meeting grows). Keys are declared here, on the list that owns them; a
key posts a typed `Command` up to the screen, which changes the meeting and sends
the new rows down with `show`.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from enum import Enum

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..keys import Translated
from .shown import shown

Row = tuple[Hashable, str]  # what a row stands for, and its text


class RowList(Translated, OptionList):
    """An OptionList of rows that stand for things; its keys become `Command` messages.

    Not named CommandList: Textual's command palette styles a widget of that
    name `visibility: hidden`, and CSS type selectors match by class name, so
    opening the palette once hid every list on the meeting screen.

    A row's reference (an attendee id, an `ItemRef`, an `AgendaRow`) travels
    with the command as it is, so the screen never decodes a row's text id.
    """

    class Command(Message):
        def __init__(self, sender: RowList, command: Enum, ref: Hashable | None) -> None:
            super().__init__()
            self.sender = sender
            self.command = command
            self.ref = ref

    COMMANDS: type[Enum]
    # The commands that change the meeting: off, and out of the footer, when
    # the screen's meeting cannot be changed (closed, adjusted, read-only); a
    # trial saw "⏎ Ändra del Ta bort" and the attendance keys on a closed one.
    WRITES: frozenset[str] = frozenset()

    def __init__(self, rows: list[Row] = (), **kwargs) -> None:  # type: ignore[assignment]
        self.rows: list[Row] = list(rows)
        self.refs: list[Hashable] = [ref for ref, _ in rows]
        super().__init__(*_options(rows), **kwargs)

    def action_cursor_down(self) -> None:
        # ↓ on the last row stays there, as ↑ on the first: Textual's lists go
        # round, and an agenda item added after the row under the cursor (n)
        # went in after item 1, unseen (a trial).
        if not self._at_end(below=True):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._at_end(below=False):
            super().action_cursor_up()

    def _at_end(self, below: bool) -> bool:
        """Whether no row that can be chosen lies below (or above) the highlighted one."""
        at = self.highlighted
        if at is None:
            return False
        beyond = self.options[at + 1 :] if below else self.options[:at]
        return all(o.disabled for o in beyond)

    def show(self, rows: list[Row], keep: Hashable | None = None) -> None:
        """Replace the rows. Text is data, never markup."""
        current = keep if keep is not None else self.current_ref
        at = self.highlighted  # cleared with the options
        self.rows = list(rows)
        self.refs = [ref for ref, _ in rows]
        # One replacement, not clear then add: each of those measured the list
        # again and took its scrollbar away and back, a layout of the screen each.
        self.set_options(_options(rows))
        if current in self.refs:
            self.highlighted = self.refs.index(current)
        elif self.refs:
            # Its row gone (a § deleted, the follow-up's "… N äldre" read in):
            # the cursor stays in its place, not back at the top.
            self.highlighted = min(at or 0, len(self.refs) - 1)

    @property
    def current_ref(self) -> Hashable | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self.refs):
            return None
        return self.refs[self.highlighted]

    def action_command(self, name: str) -> None:
        self.post_message(self.Command(self, self.COMMANDS(name), self.current_ref))

    def _unchangeable(self) -> bool:
        return not getattr(self.screen, "editable", True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "command" and parameters and parameters[0] in self.WRITES:
            return not self._unchangeable()
        return True

    def on_key(self, event: events.Key) -> None:
        """A change's key left out of the footer still says why, as the screen's keys do."""
        if self._unchangeable() and event.key in self._write_keys():
            event.stop()
            event.prevent_default()
            said = getattr(self.screen, "_writable", None)
            if said is not None:
                said()

    @classmethod
    def _write_keys(cls) -> frozenset[str]:
        """The keys bound to changes only: Enter, which on an agenda item taken
        goes to its §, stays the look it is there."""
        writes, looks = set(), set()
        for b in cls.BINDINGS:
            name = _COMMAND.fullmatch(b.action)
            keys = {k.strip() for k in b.key.split(",")}
            (writes if name and name[1] in cls.WRITES else looks).update(keys)
        return frozenset(writes - looks)


_COMMAND = re.compile(r"command\('(\w+)'\)")


def _options(rows: list[Row]) -> list[Option]:
    return [Option(shown(text), id=str(i)) for i, (_, text) in enumerate(rows)]


class AttendanceCommand(Enum):
    TOGGLE = "toggle"
    ALL = "all"
    SUBSTITUTE = "substitute"
    ARRIVE = "arrive"
    LEAVE = "leave"
    GUEST = "guest"
    CHAIR = "chair"
    SECRETARY = "secretary"
    ADJUSTER = "adjuster"
    SIGNS_AS = "signs_as"


class AgendaCommand(Enum):
    TAKE = "take"
    GOTO = "goto"  # Enter on an item taken: its §
    FOLLOW = "follow"  # Enter on an earlier meeting's task
    MORE = "more"  # Enter on "… N äldre"
    ADD = "add"
    DEFER = "defer"
    DROP = "drop"  # an item not taken struck from the agenda
    UP = "up"
    DOWN = "down"


class LogCommand(Enum):
    JUMP = "jump"
    DELETE = "delete"


class ItemCommand(Enum):
    EDIT = "edit"
    REMOVE = "remove"
    WITHDRAW = "withdraw"  # a yrkande is withdrawn, not removed: kept, and not printed


# Letters work in either case: a secretary with Caps Lock on, or who reads
# "O" in the help, gets the same.


class AttendanceList(RowList):
    COMMANDS = AttendanceCommand
    WRITES = frozenset(c.value for c in AttendanceCommand)
    BINDINGS = [
        Binding("space", "command('toggle')", "a_toggle"),
        Binding("asterisk", "command('all')", "a_all_present", show=False),
        Binding("e,E", "command('substitute')", "a_substitute"),
        Binding("a,A", "command('arrive')", "a_arrive"),
        Binding("l,L", "command('leave')", "a_leave"),
        Binding("g,G", "command('guest')", "a_guest"),
        Binding("o,O", "command('chair')", "a_chair", show=False),
        Binding("s,S", "command('secretary')", "a_secretary", show=False),
        Binding("j,J", "command('adjuster')", "a_adjuster", show=False),
        Binding("t,T", "command('signs_as')", "a_signs_as", show=False),
    ]


class AgendaList(RowList):
    """The agenda, with an earlier meeting's open tasks beneath its follow-up item.

    Enter does what the row under the cursor stands for, and the footer says
    which: it had said "Ta som §" on a task, where Enter follows the task up.
    """

    COMMANDS = AgendaCommand
    # Enter on an item taken goes to its § (`goto`): a look, left on. The
    # footer had said "Ta som §" there, and on a closed meeting too.
    WRITES = frozenset({"take", "follow", "add", "defer", "drop", "up", "down"})
    BINDINGS = [
        Binding("enter", "command('take')", "a_take"),
        Binding("enter", "command('goto')", "a_goto_paragraph"),
        Binding("enter", "command('follow')", "a_follow_task"),
        Binding("enter", "command('more')", "a_read_older"),
        # On a heading ("Beslutsärenden:"), Enter adds an item under it: the
        # other Enters are off there, so this one is the key's (check_action).
        Binding("enter", "command('add')", "a_add_under"),
        Binding("n,N", "command('add')", "a_add_item"),
        Binding("d,D", "command('defer')", "a_defer"),
        Binding("delete", "command('drop')", "a_drop_item"),
        Binding("shift+up,k,K", "command('up')", "a_up", show=False),
        Binding("shift+down,j,J", "command('down')", "a_down", show=False),
    ]
    _ITEM_ONLY = ("take", "defer", "drop", "up", "down")  # what an agenda item's row alone does

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        if action != "command" or not parameters:
            return True
        # An AgendaRow (screens.followup): a task's row, the row of older ones, an item's.
        row = self.current_ref
        if getattr(row, "section", False):  # a heading: an item is added under it
            return parameters[0] in ("add", "drop", "up", "down")
        kind = "more" if getattr(row, "more", False) else "take"
        if getattr(row, "task", None) is not None:
            kind = "follow"
        name = parameters[0]
        if kind == "take":
            taken = self._item_taken()
            if name in ("take", "goto"):
                return name == ("goto" if taken else "take")
            if name == "drop":  # a § is struck by deleting it (F9 x), not its item
                return not taken
            if name == "defer" and taken:  # left out; pressed, it says why (`on_key`)
                return False
            return name not in ("follow", "more")
        return name == kind or name not in (*self._ITEM_ONLY, "goto", "follow", "more")

    def on_key(self, event: events.Key) -> None:
        """Keys left out of the footer that still say why not: Enter on an item
        not taken where the meeting may not change (as the other keys of a
        change do), and D on an item that is a § already (the screen says so;
        "Bordlägg" had been offered in the footer there, a trial)."""
        taken = self._item_taken()
        if event.key == "enter" and taken is False and self._unchangeable():
            event.stop()
            event.prevent_default()
            said = getattr(self.screen, "_writable", None)
            if said is not None:
                said()
            return
        if event.key in ("d", "D") and taken and not self._unchangeable():
            event.stop()
            event.prevent_default()
            self.action_command("defer")
            return
        super().on_key(event)

    def _item_taken(self) -> bool | None:
        """Whether the row under the cursor is an agenda item that is a § already;
        None where it is no item's (a heading, a task, the row of older ones)."""
        row = self.current_ref
        if (
            not isinstance(getattr(row, "item", None), str)
            or getattr(row, "section", False)
            or getattr(row, "task", None) is not None
            or getattr(row, "more", False)
        ):
            return None
        return bool(getattr(self.screen, "item_taken", lambda item: False)(row.item))

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self.refresh_bindings()  # the footer's Enter follows the row


class ParagraphLog(RowList):
    COMMANDS = LogCommand
    WRITES = frozenset({"delete"})
    BINDINGS = [
        Binding("enter", "command('jump')", "a_jump"),
        Binding("delete,x,X", "command('delete')", "a_delete"),
    ]


class ItemList(RowList):
    """Decisions, tasks, votes and the rest of the § being written."""

    COMMANDS = ItemCommand
    WRITES = frozenset(c.value for c in ItemCommand)
    BINDINGS = [
        Binding("enter", "command('edit')", "a_edit_item"),
        Binding("delete,backspace,x,X", "command('remove')", "a_remove_item"),
        # The same keys on a yrkande, said as what they do there: a trial found
        # no way to withdraw one ("del Ta bort" did it, unsaid).
        Binding("delete,backspace,x,X", "command('withdraw')", "a_withdraw_item"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        if action != "command" or parameters[:1] not in (("remove",), ("withdraw",)):
            return True
        proposal = getattr(self.current_ref, "kind", "") == "proposal"
        return (parameters[0] == "withdraw") == proposal

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self.refresh_bindings()  # the footer's Delete follows the row

    def show(self, rows: list[Row], keep: Hashable | None = None) -> None:
        """The rows; one that is new (an entry just made or changed) is scrolled
        into view. The list is three rows high: two decisions made after a vote
        and a jäv had stood below its edge, unseen (a trial)."""
        before = set(self.rows)
        new = next((i for i, row in enumerate(rows) if row not in before), None)
        if new is None or not before:
            super().show(rows, keep)
            return
        super().show(rows, rows[new][0])
        self.scroll_to_highlight()
