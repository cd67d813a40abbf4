"""Keys that arrive together end up where they would have gone typed slowly.

A secretary typing ahead of a slow SSH link, or a terminal flushing its
buffer, delivers "F2 F3 the decision Enter" in one read. The real program in
a pty (tests/terminal) gets such bursts in one write, with the function keys
as xterm, PuTTY and the Linux console send them; what is on disk afterwards
must be what slow typing would have made.
"""

from __future__ import annotations

import pytest

from protokoll.store import Store

from .terminal.harness import WAIT, TerminalError, run
from .terminal.screens import burst, finish, key_for, marker, rest, sv
from .terminal.sequences import XTERM, terminal
from .terminal.stores import long_agenda, meeting_in_progress

# Function keys encoded three ways: SS3 (xterm and its kin, tmux, screen),
# ESC[n~ (PuTTY), ESC[[A (the Linux console).
# How many bursts each: the issue saw 3 misrouted in 5 (xterm over tmux); the
# other encodings of the same keys are tried fewer times.
TERMINALS = [
    pytest.param(terminal("xterm (metaSendsEscape"), 5, id="xterm"),
    pytest.param(terminal("PuTTY"), 2, id="PuTTY"),
    pytest.param(terminal("Linux console"), 2, id="Linux console"),
]


def minutes(path, meeting_id: str, tasks: bool = False) -> list[tuple]:
    """Each § as on disk: title, text, the decisions as typed (without the organ's
    lead phrase, "Arbetsutskottet beslutar att"), and with `tasks` the tasks."""
    m = Store(path).load(meeting_id)
    lead = m.rules.decision.format(organ=m.organ) + " "
    return [
        (p.title, p.text, [d.text.removeprefix(lead) for d in p.decisions])
        + (([x.text for x in p.tasks],) if tasks else ())
        for p in m.paragraphs
    ]


@pytest.mark.parametrize(("keys", "tries"), TERMINALS)
def test_new_paragraph_and_decision_in_one_burst_land_on_the_new_paragraph(tmp_path, keys, tries):
    path = tmp_path / "store"
    agenda = long_agenda()
    meeting_id = meeting_in_progress(path, agenda=agenda, present=True)  # no quorum warnings
    new, decide, enter = key_for("new_paragraph", keys), key_for("decision", keys), keys["enter"]
    with run(path, term=keys.term, ready="§ 1  Information") as t:
        for n in range(1, tries + 1):
            t.send(new + decide + f"Beslut {n}.".encode() + enter)  # one write
            # Slowly typed, this makes § n+1 with its decision: wait for it, and go on.
            try:
                t.wait_for(f"§ {n + 1}  {agenda[n]}")
            finally:
                rest(t)
        finish(t)

    expected = [("Information", "", [])] + [
        (agenda[n], "", [f"Beslut {n}."]) for n in range(1, tries + 1)
    ]
    assert minutes(path, meeting_id) == expected


def test_a_long_burst_of_text_keys_and_dialogs_lands_in_order(tmp_path):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    new, decide, task = key_for("new_paragraph"), key_for("decision"), key_for("task")
    enter = XTERM["enter"]
    pieces = [
        "Första texten.",
        new,
        "Andra texten.",
        decide,
        "Beslut två.",
        enter,
        task,
        "Uppgift två.",
        enter,  # to the owner
        enter,  # to the date
        enter,  # saved
        new,
        "Tredje texten.",
        decide,
        "Beslut tre.",
        enter,
        "Mer text i tredje.",
    ]
    waited = None
    with run(path, ready="§ 1  Information") as t:
        t.send(burst(*pieces))
        try:
            # A failure bound for the whole burst, not one effect's WAIT: its
            # three dialogs, one after another, took 14 s with five programs
            # on one core (2.9 s unloaded); a key trace of that run found the
            # keys held and late, none lost. WAIT ran out so once in CI.
            t.wait_for("Mer text i tredje.", timeout=3 * WAIT)
        except TerminalError as e:
            # Where the keys went is on disk: compared below, with the screen.
            waited = e
        finish(t)

    assert minutes(path, meeting_id, tasks=True) == [
        ("Information", "Första texten.", [], []),
        ("Ekonomi", "Andra texten.", ["Beslut två."], ["Uppgift två."]),
        ("Verksamhetsplan", "Tredje texten.Mer text i tredje.", ["Beslut tre."], []),
    ], waited


def test_tab_between_a_dialogs_fields_in_one_burst(tmp_path):
    # Typed ahead over SSH: the task, Tab to the owner, the owner, Enter to the
    # date, the date, Enter. Each field's keys land in that field ("testaAnna"
    # with no owner was seen in a trial).
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    task, enter = key_for("task"), XTERM["enter"]
    typed = burst("Skicka kallelsen\tAnna Berg", enter, "2026-02-01", enter)
    with run(path, ready="§ 1  Information") as t:
        # The dialog opened first, the rest in one read once it shows: keys that
        # reach an open dialog are not held by the opening's gate.
        t.send(task)
        t.wait_for(marker("a_task"))
        t.settle()
        t.send(typed)

        def tasks() -> list:
            return [p for p in Store(path).load(meeting_id).paragraphs if p.tasks]

        # The task on disk, not its text on screen: the dialog's own field shows
        # it while the keys after the Tab may still wait, and a quiet moment on a
        # busy machine then let finish's Esc close the dialog unsaved.
        try:
            t.wait_until(lambda _s: tasks(), "the task saved")
        finally:
            finish(t)
    (p,) = tasks()
    (saved,) = p.tasks
    assert (saved.text, saved.owner_name or saved.owner, saved.due) in {
        ("Skicka kallelsen", "Anna Berg", "2026-02-01"),
        ("Skicka kallelsen", "anna", "2026-02-01"),
    }


def test_a_field_cleared_and_typed_again_in_one_burst_keeps_what_was_typed(tmp_path):
    # "Ctrl+U 15.30 Enter" typed ahead into the close dialog's prefilled time:
    # Ctrl+U is a binding of the field, run after the characters queued behind
    # it, and cleared them; the meeting closed with no time (seen in a trial).
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    with run(path, ready="§ 1  Information") as t:
        t.send(key_for("close_meeting"))
        t.wait_for(marker("d_close_confirm"))
        t.settle()
        t.send(XTERM["ctrl+u"] + b"15.30" + XTERM["enter"])
        preview = marker("preview_title")  # closing shows the protocol
        try:
            t.wait_until(lambda s: preview in s or sv("closed") in t.lines()[0], "closed")
        finally:
            finish(t)
    assert Store(path).load(meeting_id).end == "15:30"
