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
    # In the footer, in this order where it is narrow (widgets/footer.py): what
    # does not fit is left out whole, and F9 ("Mer …") is always there, last.
    show: bool = False
    letter: str = ""  # in the F9 menu: F9 then this letter
    # Keys that some terminals keep or change (F1 is GNOME Terminal's help,
    # F10 its menu; Alt is a character on a Mac): bound, not shown.
    extra: str = ""
    # Changes the meeting: left out of the footer and the F9 menu where the
    # meeting cannot be changed (closed, adjusted, held elsewhere), whose
    # footer had gone on offering "f2 Ny §" to refuse it (three trials).
    writes: bool = False
    # Changes the § shown: left out, and said why, where that § was adjusted
    # at once (its words are the ones signed): F3 had opened the decision
    # dialog there and dropped what was typed into it (a trial).
    of_paragraph: bool = False


# The key map, from what terminals send (tests/terminal/sequences.py):
# - `keys` arrive intact from every terminal of the table: xterm and its
#   descendants, PuTTY, the Linux console, tmux and screen, locally and over
#   SSH. They are what the footer and F1 show. F11 is taken by most terminals
#   for full screen, F1 and F10 by GNOME Terminal.
# - Every action is also F9 and a letter, which arrive from every terminal.
# - `extra` are shortcuts where the terminal lets them through: F1 and F10,
#   and Alt+letter where Alt is sent as ESC and the letter. ESC b and ESC f
#   are word movement (iTerm sends them for Option+arrows) and Alt+digits
#   type ¡™£ on a Mac: neither is bound.
MEETING: tuple[Action, ...] = (
    Action("new_paragraph", "a_new", "f2", show=True, letter="n", extra="alt+n", writes=True),
    Action("decision", "a_decision", "f3", show=True, letter="b", writes=True, of_paragraph=True),
    Action(
        "task", "a_task", "f4", show=True, letter="u", extra="alt+u", writes=True, of_paragraph=True
    ),
    Action("menu", "a_menu", "f9", show=True),
    Action("focus('attendance')", "a_attendance", "f5", show=True, letter="1"),
    Action("undo", "a_undo", "f6", show=True, letter="z"),
    Action("redo", "a_redo", "f7", show=True, letter="w"),
    Action("focus('agenda')", "a_agenda", "f8", show=True, letter="2"),
    Action("lookup('search')", "a_lookup", "f12", show=True, letter="s"),
    Action("help", "a_help", "", letter="h", extra="f1"),
    Action("preview", "a_preview", "", letter="g", extra="f10,alt+g"),
    Action("focus('text')", "a_text", "", letter="3"),  # and Esc, everywhere
    Action("focus('log')", "a_earlier", "ctrl+o", show=True, letter="4"),
    Action("phrase", "a_phrase", "", letter="f", writes=True, of_paragraph=True),
    Action("new_free", "a_new_free", "", letter="t", extra="alt+t", writes=True),
    Action("rename", "a_rename", "", letter="e", extra="alt+e", writes=True, of_paragraph=True),
    Action("delete_paragraph", "a_delete", "", letter="x", writes=True, of_paragraph=True),
    Action("proposal", "a_proposal", "", letter="y", extra="alt+y", writes=True, of_paragraph=True),
    Action("order", "a_order", "", letter="o", extra="alt+o", writes=True, of_paragraph=True),
    Action("vote", "a_vote", "", letter="v", extra="alt+v", writes=True, of_paragraph=True),
    Action(
        "reservation", "a_reservation", "", letter="r", extra="alt+r", writes=True,
        of_paragraph=True,
    ),  # fmt: skip
    Action("jav", "a_jav", "", letter="j", extra="alt+j", writes=True, of_paragraph=True),
    Action("note", "a_note", "", letter="p", extra="alt+p", writes=True, of_paragraph=True),
    Action("immediate", "a_immediate", "", letter="i", extra="alt+i", writes=True),
    Action("mask", "a_mask", "", letter="m", extra="alt+m", writes=True, of_paragraph=True),
    Action("checks", "a_checks", "", letter="k", extra="alt+k"),
    Action("lookup('meetings')", "a_lookup_meetings", "", letter="l"),
    Action("lookup('tasks')", "a_lookup_tasks", "", letter="q"),
    Action("edit_organ", "a_edit_organ", "", letter="c"),
    Action("close_meeting", "a_close", "", letter="a", extra="alt+a"),
    Action("reopen", "a_reopen", "", letter="ö"),
    # The meeting's date, start and place, put right (Ä for "ändra").
    Action("details", "a_details", "", letter="ä", writes=True),
    # Out of the meeting to the menu (another meeting, the archive): a closed
    # meeting had no way back but Ctrl+Q (a trial). Å for "åter".
    Action("app.start_menu", "a_start_menu", "", letter="å"),
    # The app's, not the meeting's: the whole store is synced (protokoll sync).
    Action("app.sync", "a_sync", "", letter="d"),
    # Ctrl+T: a control character every terminal sends as it is, unused by the editor.
    Action("take_over", "a_take_over", "ctrl+t"),
)


# The changes a closed, adjusted or read-only meeting leaves out, and their keys.
WRITES = frozenset(a.action for a in MEETING if a.writes)
WRITE_KEYS = frozenset(
    k for a in MEETING if a.writes for k in f"{a.keys},{a.extra}".split(",") if k
)
# The changes of the § shown, and their keys: none where it was adjusted at once.
OF_PARAGRAPH = frozenset(a.action for a in MEETING if a.of_paragraph)
OF_PARAGRAPH_KEYS = frozenset(
    k for a in MEETING if a.of_paragraph for k in f"{a.keys},{a.extra}".split(",") if k
)


# `protokoll follow`: reading along, nothing to change. Letters are safe here:
# there is no text to type into.
FOLLOW: tuple[Action, ...] = (
    Action("toggle_follow", "a_follow_current", "f", show=True),
    Action("current", "a_to_current", "c", show=True),
    Action("seen", "a_seen", "space", show=True),
    Action("app.quit", "a_quit", "q", show=True),
)


def bindings(actions: tuple[Action, ...]) -> list[Binding]:
    """Priority bindings: in a real terminal an Alt key arrives as the key and the
    letter, and the editor would type the letter instead."""
    shown = [
        Binding(a.keys, a.action, a.label, show=a.show, priority=True) for a in actions if a.keys
    ]
    extras = [
        Binding(a.extra, a.action, a.label, show=False, priority=True)
        for a in actions
        if a.extra
    ]
    return shown + extras
