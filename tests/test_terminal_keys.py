"""Every key the meeting screen shows works as the terminals send it.

The keys come from the registry (`tui.actions.MEETING`), the bytes from the
table of terminals (`tests/terminal/sequences.py`). A key works in a
terminal when the terminal sends it, the program's input parser reads those
bytes as that key, and the real program, in a pty, shows the action's
effect. Bytes that several terminals share are tried once in the program.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from protokoll.store import Store
from protokoll.tui.actions import MEETING
from protokoll.tui.app import ProtokollApp

from .terminal.harness import Terminal, TerminalError, run
from .terminal.screens import at_rest, footer, key_for, marker, palette_line, rest, sv
from .terminal.sequences import ESC, KEYS, TERMINALS, XTERM, NotSent, TerminalKeys, read_as
from .terminal.stores import long_agenda, meeting_in_progress


@dataclass(frozen=True)
class Shown:
    """A way to an action that the footer, F1 or the F9 menu shows: one key, or
    the menu's key and then a letter."""

    action: str
    keys: tuple[str, ...]

    def __str__(self) -> str:
        return " then ".join(self.keys)


def _split(keys: str) -> list[str]:
    return [k.strip() for k in keys.split(",") if k.strip()]


def shown_keys() -> list[Shown]:
    """Every key of the meeting registry (`tui.actions.MEETING`), F9 (the menu's
    key) then each action's letter, and the application's own keys (Ctrl+P,
    Ctrl+Q) that every footer and the F1 help show."""
    shown = [Shown(a.action, (k,)) for a in MEETING for k in _split(a.keys)]
    menu = next((_split(a.keys) for a in MEETING if a.action == "menu"), [])
    if menu:
        letters = [(a.action, getattr(a, "letter", "")) for a in MEETING]
        shown += [Shown(action, (menu[0], letter)) for action, letter in letters if letter]
    shown += [Shown(b.action, (k,)) for b in ProtokollApp.BINDINGS for k in _split(b.key)]
    return shown


# --- the table -----------------------------------------------------------------------


def test_the_table_says_for_every_terminal_what_each_key_sends():
    for row in TERMINALS:
        assert set(KEYS) <= set(row.keys), row.name
        for key, sent in row.keys.items():
            assert isinstance(sent, NotSent) or (isinstance(sent, bytes) and sent), (row.name, key)


def _sends(row: TerminalKeys, key: str) -> bytes | NotSent | None:
    """What `row` sends for `key`; a letter or digit (the F9 menu's) is sent as
    itself, UTF-8, by every terminal of the table."""
    sent = row[key]
    if sent is None and len(key) == 1 and key.isalnum():
        return key.encode()
    return sent


def _how_each_terminal_sends(
    shown: Shown,
) -> tuple[dict[tuple[bytes, ...], list[str]], list[str]]:
    """The byte sequences that arrive as `shown`'s keys (with the terminals
    sending each), and one line per terminal where a key does not arrive as itself."""
    arrives: dict[tuple[bytes, ...], list[str]] = {}
    problems = []
    for key in shown.keys:
        if not any(_sends(row, key) is not None for row in TERMINALS):
            problems.append(f"no terminal in the table sends {key!r}: it cannot be typed anywhere")
    if problems:
        return {}, problems
    for row in TERMINALS:
        sent: list[bytes] = []
        for key in shown.keys:
            one = _sends(row, key)
            if one is None:
                problems.append(f"{row.name}: {key} not in the table")
            elif isinstance(one, NotSent):
                problems.append(f"{row.name}: {key} never reaches the program: {one.why}")
            elif (got := read_as(one)) != [key]:
                problems.append(
                    f"{row.name}: sends {one!r} for {key}, which the program reads as {got}"
                )
            else:
                sent.append(one)
                continue
            break
        else:
            arrives.setdefault(tuple(sent), []).append(row.name)
    return arrives, problems


def test_every_action_has_a_key_that_arrives_from_every_terminal():
    """The issue's rule: whatever else, one way to each action that no terminal
    of the table keeps, drops, or turns into text or another key."""
    everywhere = {s.action for s in shown_keys() if not _how_each_terminal_sends(s)[1]}
    missing = [a.action for a in MEETING if a.action not in everywhere]
    assert not missing, f"no key or F9 letter of these arrives from every terminal: {missing}"


# --- the program's visible effects -------------------------------------------------------


@dataclass
class Effect:
    """What shows when an action runs, and how to put the screen back after."""

    check: Callable[[Terminal, Callable[[], None]], None]


def shows(key: str, length: int = 22) -> Effect:
    """A dialog or a screen over the meeting, closed with Esc."""

    def check(t: Terminal, press: Callable[[], None]) -> None:
        text = marker(key, length)
        t.wait_gone(text)  # not still there from before
        press()
        t.wait_for(text)
        t.send(ESC)
        t.wait_gone(text)

    return Effect(check)


def says(key: str) -> Effect:
    """A message (a toast): one more of it on the screen."""

    def check(t: Terminal, press: Callable[[], None]) -> None:
        text = marker(key)
        before = t.screen_text().count(text)
        press()
        t.wait_until(lambda s: s.count(text) > before, f"the message {text!r}")

    return Effect(check)


def shows_or_says(dialog: str, message: str) -> Effect:
    def check(t: Terminal, press: Callable[[], None]) -> None:
        a, b = marker(dialog), marker(message)
        before = t.screen_text().count(b)
        press()
        t.wait_until(lambda s: a in s or s.count(b) > before, f"{a!r} or the message {b!r}")
        if a in t.screen_text():
            t.send(ESC)
            t.wait_gone(a)

    return Effect(check)


def focuses(key: str) -> Effect:
    """A list takes the focus: the footer shows the list's own keys; Esc gives it back."""

    def check(t: Terminal, press: Callable[[], None]) -> None:
        text = sv(key)
        press()
        t.wait_until(lambda _s: text in footer(t), f"{text!r} in the footer")
        t.send(ESC)
        t.wait_until(lambda _s: text not in footer(t), f"{text!r} to leave the footer")

    return Effect(check)


def _new_paragraph(t: Terminal, press: Callable[[], None]) -> None:
    """A new §, on disk and shown: its number and title above the editor."""
    n = _count(t)
    press()
    _count_becomes(t, n + 1, "a new §")
    t.wait_until(lambda s: f"§ {n + 1}  " in s, f"§ {n + 1} shown")


def _count(t: Terminal) -> int:
    """How many §s the meeting has on disk (the autosaver writes within a second)."""
    return len(Store(t.store).load(t.meeting_id).paragraphs)


def _count_becomes(t: Terminal, n: int, what: str) -> None:
    t.wait_until(lambda _s: _count(t) == n, f"{what}: {n} §s on disk")


def _undo(t: Terminal, press: Callable[[], None]) -> None:
    n = _count(t)
    t.send(key_for("new_paragraph"))
    _count_becomes(t, n + 1, "a new § to undo")
    rest(t)
    press()
    _count_becomes(t, n, "the new § undone")


def _redo(t: Terminal, press: Callable[[], None]) -> None:
    n = _count(t)
    t.send(key_for("new_paragraph"))
    _count_becomes(t, n + 1, "a new § to undo")
    rest(t)
    t.send(key_for("undo"))
    _count_becomes(t, n, "the new § undone, to redo")
    press()
    _count_becomes(t, n + 1, "the new § back")


def _delete(t: Terminal, press: Callable[[], None]) -> None:
    n = _count(t)
    t.send(key_for("new_paragraph"))
    _count_becomes(t, n + 1, "a new § to delete")
    rest(t)
    press()
    _count_becomes(t, n, "the new § deleted")


def _reopen(t: Terminal, press: Callable[[], None]) -> None:
    """Close the meeting (at 23:59, after any start), then reopen it."""
    closed = sv("closed")
    t.send(key_for("close_meeting"))
    t.wait_for(marker("d_close_confirm"))
    t.send(XTERM["backspace"] * 8 + b"23:59" + XTERM["enter"])
    preview = marker("preview_title")
    t.wait_until(lambda s: preview in s or closed in t.lines()[0], "the meeting closed")
    rest(t)  # from the preview that closing shows
    t.wait_until(lambda _s: closed in t.lines()[0], f"{closed!r}: the meeting closed")
    press()
    t.wait_for(marker("d_reopen_confirm"))  # asked first, as the preview's F4 asks
    t.send(XTERM["enter"])
    t.wait_until(lambda _s: closed not in t.lines()[0], "the meeting open again")


def _start_menu(t: Terminal, press: Callable[[], None]) -> None:
    """Out to the start menu, and back into the meeting from it (its "Fortsätt" row)."""
    past = sv("past_meetings")
    t.wait_gone(past)
    press()
    t.wait_for(past)
    t.send(XTERM["down"] + XTERM["enter"])  # Fortsätt: the meeting, under "Nytt möte"
    t.wait_gone(past)


def _text(t: Terminal, press: Callable[[], None]) -> None:
    take = sv("a_add_item")  # the agenda's own key, whatever its row
    t.send(key_for("focus('agenda')"))
    t.wait_until(lambda _s: take in footer(t), "the agenda focused, to leave")
    press()
    t.wait_until(lambda _s: at_rest(t), "the § text focused")


def _immediate(t: Terminal, press: Callable[[], None]) -> None:
    # On a § of its own: a second press takes the marking away again.
    _new_paragraph(t, lambda: t.send(key_for("new_paragraph")))
    rest(t)
    shows("d_immediate_confirm").check(t, press)  # asked first; Esc leaves it


def _palette(t: Terminal, press: Callable[[], None]) -> None:
    press()
    t.wait_until(lambda _s: palette_line(t) is not None, "the command palette")
    t.send(ESC)
    t.wait_until(lambda _s: palette_line(t) is None, "the command palette to close")


def _quit(t: Terminal, press: Callable[[], None]) -> None:
    press()
    status = t.wait_exit()
    if status != 0:
        raise TerminalError(f"the program ended with exit status {status}, not 0")


EFFECTS: dict[str, Effect] = {
    "help": shows("help_title"),
    "new_paragraph": Effect(_new_paragraph),
    "decision": shows("d_decision_keys", 60),
    "task": shows("d_task_text"),
    "focus('attendance')": focuses("a_toggle"),
    "undo": Effect(_undo),
    "redo": Effect(_redo),
    "focus('agenda')": focuses("a_add_item"),
    "phrase": shows("d_phrase"),
    "preview": shows("preview_title"),
    "lookup('search')": shows("lookup_search_title"),
    "lookup('meetings')": shows("lookup_browse_title"),
    "lookup('tasks')": shows("lookup_tasks_title"),
    "focus('text')": Effect(_text),
    "focus('log')": focuses("a_jump"),
    "new_free": shows("d_title"),
    "proposal": shows("d_pick_proposer"),
    "order": shows_or_says("d_pick_first", "n_no_proposals"),
    "vote": shows("d_vote_prop"),
    "reservation": shows("d_pick_reserving"),
    "jav": shows("d_pick_jav"),
    "note": shows("d_pick_note"),
    "immediate": Effect(_immediate),
    "mask": shows("d_mask"),
    "checks": shows("checks_title"),
    "rename": shows("d_rename"),
    "close_meeting": shows("d_close_confirm"),
    "take_over": says("n_take_over_not_needed"),
    "app.sync": says("n_sync_started"),
    "menu": shows("menu_title"),
    "delete_paragraph": Effect(_delete),
    "edit_organ": shows("organ_name"),
    "reopen": Effect(_reopen),
    "details": shows("d_details_hint"),
    "app.start_menu": Effect(_start_menu),
    "command_palette": Effect(_palette),
    "quit": Effect(_quit),
}


@pytest.fixture(scope="module")
def meeting(tmp_path_factory):
    """One program for the module, at a meeting with everyone present and agenda
    items to spare; each test starts from the § text, or a new program."""
    holder: dict[str, Terminal] = {}

    def program() -> Terminal:
        t = holder.get("t")
        if t is not None and t.alive:
            try:
                rest(t)
                return t
            except TerminalError:
                t.close()
        path = tmp_path_factory.mktemp("keys") / "store"
        meeting_id = meeting_in_progress(path, agenda=long_agenda(), present=True)
        t = holder["t"] = run(path, ready="§ 1  Information")
        t.meeting_id = meeting_id
        rest(t)
        return t

    yield program
    if "t" in holder:
        holder["t"].close()


def _press(t: Terminal, sent: tuple[bytes, ...]) -> None:
    """One key; or the menu's key, and the letter once the menu shows, as a person would."""
    t.send(sent[0])
    for more in sent[1:]:
        t.wait_for(marker("menu_title"))
        t.send(more)


@pytest.mark.parametrize("shown", shown_keys(), ids=lambda s: f"{s.action}-{s}")
def test_a_meeting_key_does_its_action_in_every_terminal(meeting, shown):
    arrives, problems = _how_each_terminal_sends(shown)
    effect = EFFECTS.get(shown.action)
    if effect is None:
        pytest.fail(
            f"{shown} runs {shown.action!r}, whose visible effect this test does not know: "
            "add it to EFFECTS"
        )
    for sent, names in arrives.items():
        t = meeting()
        try:
            effect.check(t, lambda sent=sent, t=t: _press(t, sent))
        except TerminalError as exc:
            shown_as = " ".join(repr(b) for b in sent)
            problems.append(f"{', '.join(names)}: {shown_as} did not {shown.action}: {exc}")
    assert not problems, f"{shown} ({shown.action}) does not work in:\n  " + "\n  ".join(problems)


def extra_keys() -> list[Shown]:
    """The shortcuts some terminals let through (F1, F10, Alt+letter): bound, not shown."""
    return [Shown(a.action, (k,)) for a in MEETING for k in _split(a.extra)]


def test_no_shown_key_is_a_shortcut_only_some_terminals_send():
    """What the footer and F1 show as an action's key arrives from every terminal;
    the others are extras, listed as such."""
    shown = {k for s in shown_keys() for k in s.keys}
    assert not shown & {k for s in extra_keys() for k in s.keys}
    assert "f1" not in shown and "f10" not in shown  # GNOME Terminal keeps them


@pytest.mark.parametrize("extra", extra_keys(), ids=lambda s: f"{s.action}-{s}")
def test_a_shortcut_does_its_action_where_the_terminal_lets_it_through(meeting, extra):
    arrives, _elsewhere = _how_each_terminal_sends(extra)
    assert arrives, f"{extra} arrives from no terminal of the table: why bind it?"
    effect = EFFECTS[extra.action]
    sent, names = next(iter(arrives.items()))  # one of the byte forms that arrive
    t = meeting()
    try:
        effect.check(t, lambda: _press(t, sent))
    except TerminalError as exc:
        pytest.fail(f"{', '.join(names)}: {sent!r} did not {extra.action}: {exc}")
