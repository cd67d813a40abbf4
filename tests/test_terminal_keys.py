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

from store import Store
from tui.actions import MEETING
from tui.app import ProtokollApp

from .terminal.harness import Terminal, TerminalError, run
from .terminal.screens import at_rest, footer, key_for, marker, palette_line, rest, sv
from .terminal.sequences import ESC, KEYS, TERMINALS, NotSent, read_as
from .terminal.stores import long_agenda, meeting_in_progress


def registry_keys() -> list[tuple[str, str]]:
    """(action, key) for every key of every action in the meeting registry."""
    return [
        (a.action, k.strip()) for a in MEETING for k in a.keys.split(",") if a.keys and k.strip()
    ]


def shown_keys() -> list[tuple[str, str]]:
    """The registry's keys, and the application's own (Ctrl+P, Ctrl+Q) that every
    footer and the F1 help show."""
    own = [(b.action, k.strip()) for b in ProtokollApp.BINDINGS for k in b.key.split(",")]
    return registry_keys() + own


# --- the table -----------------------------------------------------------------------


def test_the_table_says_for_every_terminal_what_each_key_sends():
    for row in TERMINALS:
        assert set(KEYS) <= set(row.keys), row.name
        for key, sent in row.keys.items():
            assert isinstance(sent, NotSent) or (isinstance(sent, bytes) and sent), (row.name, key)


def _how_each_terminal_sends(key: str) -> tuple[dict[bytes, list[str]], list[str]]:
    """The byte sequences that arrive as `key` (with the terminals sending each),
    and one line per terminal where the key does not arrive as itself."""
    arrives: dict[bytes, list[str]] = {}
    problems = []
    if not any(key in row.keys for row in TERMINALS):
        return {}, [f"no terminal in the table sends {key!r}: it cannot be typed anywhere"]
    for row in TERMINALS:
        sent = row[key]
        if sent is None:
            problems.append(f"{row.name}: not in the table")
        elif isinstance(sent, NotSent):
            problems.append(f"{row.name}: never reaches the program: {sent.why}")
        else:
            got = read_as(sent)
            if got == [key]:
                arrives.setdefault(sent, []).append(row.name)
            else:
                problems.append(f"{row.name}: sends {sent!r}, which the program reads as {got}")
    return arrives, problems


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


def _text(t: Terminal, press: Callable[[], None]) -> None:
    take = sv("a_take")
    t.send(key_for("focus('agenda')"))
    t.wait_until(lambda _s: take in footer(t), "the agenda focused, to leave")
    press()
    t.wait_until(lambda _s: at_rest(t), "the § text focused")


def _immediate(t: Terminal, press: Callable[[], None]) -> None:
    # On a § of its own: a second press takes the marking away again.
    _new_paragraph(t, lambda: t.send(key_for("new_paragraph")))
    rest(t)
    shows("immediate_title").check(t, press)


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
    "focus('agenda')": focuses("a_take"),
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


@pytest.mark.parametrize(("action", "key"), shown_keys(), ids=lambda x: x)
def test_a_meeting_key_does_its_action_in_every_terminal(meeting, action, key):
    arrives, problems = _how_each_terminal_sends(key)
    effect = EFFECTS.get(action)
    if effect is None:
        pytest.fail(
            f"{key} runs {action!r}, whose visible effect this test does not know: "
            "add it to EFFECTS"
        )
    for sent, names in arrives.items():
        t = meeting()
        try:
            effect.check(t, lambda sent=sent, t=t: t.send(sent))
        except TerminalError as exc:
            problems.append(f"{', '.join(names)}: {sent!r} did not {action}: {exc}")
            continue
    assert not problems, f"{key} ({action}) does not work in:\n  " + "\n  ".join(problems)
