"""The meeting screen's actions: one registry feeds its bindings, the palette and the help.

Each action names what it does (a key into the interface's words), the
screen action it runs, and its keys. Declared once, so a key shown in the
footer is the key bound, and the palette lists exactly what the keys do.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Action:
    action: str  # the screen's action, as Textual runs it: "decision", "focus('agenda')"
    label: str  # key into the interface's words
    keys: str = ""  # Textual key names, comma-separated; "" for the palette only
    show: bool = False  # in the footer


MEETING: tuple[Action, ...] = (
    Action("help", "a_help", "f1", show=True),
    Action("new_paragraph", "a_new", "f2,alt+n", show=True),
    Action("decision", "a_decision", "f3,alt+b", show=True),
    Action("task", "a_task", "f4,alt+u", show=True),
    Action("focus('attendance')", "a_attendance", "f5,alt+1", show=True),
    Action("undo", "a_undo", "f6", show=True),
    Action("redo", "a_redo", "f7"),
    Action("focus('agenda')", "a_agenda", "f8,alt+2", show=True),
    Action("phrase", "a_phrase", "f9,alt+f"),
    Action("preview", "a_preview", "f10,alt+g", show=True),
    Action("lookup('search')", "a_lookup", "f12", show=True),
    Action("lookup('meetings')", "a_lookup_meetings"),
    Action("lookup('tasks')", "a_lookup_tasks"),
    Action("focus('text')", "a_text", "alt+3"),
    Action("focus('log')", "a_earlier", "ctrl+o,alt+4"),
    Action("new_free", "a_new_free", "alt+t"),
    Action("proposal", "a_proposal", "alt+y"),
    Action("order", "a_order", "alt+o"),
    Action("vote", "a_vote", "alt+v"),
    Action("reservation", "a_reservation", "alt+r"),
    Action("jav", "a_jav", "alt+j"),
    Action("note", "a_note", "alt+p"),
    Action("immediate", "a_immediate", "alt+i"),
    Action("mask", "a_mask", "alt+m"),
    Action("checks", "a_checks", "alt+k"),
    Action("rename", "a_rename", "alt+e"),
    Action("delete_paragraph", "a_delete"),
    Action("edit_organ", "a_edit_organ"),
    Action("close_meeting", "a_close", "alt+a"),
    Action("reopen", "a_reopen"),
    # Ctrl+T: a control character every terminal sends as it is, unused by the editor.
    Action("take_over", "a_take_over", "ctrl+t"),
)


def bindings(actions: tuple[Action, ...]) -> list[Binding]:
    """Priority bindings: in a real terminal an Alt key arrives as the key and the
    letter, and the editor would type the letter instead."""
    return [
        Binding(a.keys, a.action, a.label, show=a.show, priority=True) for a in actions if a.keys
    ]
