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
    letter: str = ""  # in the F9 menu: F9 then this letter


# The key map, from what terminals send (see tests/terminal/sequences.py):
# - F1-F10 and F12, Ctrl+letters and Esc arrive intact everywhere: xterm and
#   its descendants, PuTTY, the Linux console, tmux and screen. F11 is taken
#   by most terminals for full screen.
# - Alt+letter arrives as ESC letter where the terminal sends Meta so, and
#   as a character ("√" for Option+v) in macOS terminals without "Option as
#   Meta": a shortcut, never the only way. ESC b and ESC f are word movement
#   (iTerm's natural editing sends them for Option+←/→), and Option+digits
#   type ¡™£¢: neither is bound.
# - Every action is also F9 and a letter, which arrives in every terminal.
MEETING: tuple[Action, ...] = (
    Action("help", "a_help", "f1", show=True, letter="h"),
    Action("new_paragraph", "a_new", "f2,alt+n", show=True, letter="n"),
    Action("decision", "a_decision", "f3", show=True, letter="b"),
    Action("task", "a_task", "f4,alt+u", show=True, letter="u"),
    Action("focus('attendance')", "a_attendance", "f5", show=True, letter="1"),
    Action("undo", "a_undo", "f6", show=True, letter="z"),
    Action("redo", "a_redo", "f7", letter="w"),
    Action("focus('agenda')", "a_agenda", "f8", show=True, letter="2"),
    Action("menu", "a_menu", "f9", show=True),
    Action("preview", "a_preview", "f10,alt+g", show=True, letter="g"),
    Action("lookup('search')", "a_lookup", "f12", show=True, letter="s"),
    Action("focus('text')", "a_text", "", letter="3"),  # and Esc, everywhere
    Action("focus('log')", "a_earlier", "ctrl+o", letter="4"),
    Action("phrase", "a_phrase", "", letter="f"),
    Action("new_free", "a_new_free", "alt+t", letter="t"),
    Action("rename", "a_rename", "alt+e", letter="e"),
    Action("delete_paragraph", "a_delete", "", letter="x"),
    Action("proposal", "a_proposal", "alt+y", letter="y"),
    Action("order", "a_order", "alt+o", letter="o"),
    Action("vote", "a_vote", "alt+v", letter="v"),
    Action("reservation", "a_reservation", "alt+r", letter="r"),
    Action("jav", "a_jav", "alt+j", letter="j"),
    Action("note", "a_note", "alt+p", letter="p"),
    Action("immediate", "a_immediate", "alt+i", letter="i"),
    Action("mask", "a_mask", "alt+m", letter="m"),
    Action("checks", "a_checks", "alt+k", letter="k"),
    Action("lookup('meetings')", "a_lookup_meetings", "", letter="l"),
    Action("lookup('tasks')", "a_lookup_tasks", "", letter="q"),
    Action("edit_organ", "a_edit_organ", "", letter="c"),
    Action("close_meeting", "a_close", "alt+a", letter="a"),
    Action("reopen", "a_reopen", "", letter="ö"),
    # Ctrl+T: a control character every terminal sends as it is, unused by the editor.
    Action("take_over", "a_take_over", "ctrl+t"),
)


def bindings(actions: tuple[Action, ...]) -> list[Binding]:
    """Priority bindings: in a real terminal an Alt key arrives as the key and the
    letter, and the editor would type the letter instead."""
    return [
        Binding(a.keys, a.action, a.label, show=a.show, priority=True) for a in actions if a.keys
    ]
