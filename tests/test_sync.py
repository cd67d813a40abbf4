"""protokoll sync between three machines and one bare repository."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from protokoll.store import StoreError, verbs
from protokoll.store.adjust import adjust
from protokoll.tui.cli import main

from .conftest import ROSTER
from .sync_machines import Machine, git_out, new_meeting, shared_remote, three_machines


@pytest.fixture
def remote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return shared_remote(tmp_path, monkeypatch)


@pytest.fixture
def machines(tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch) -> list[Machine]:
    return three_machines(tmp_path, remote, monkeypatch)


def test_meetings_taken_on_each_machine_reach_every_other(machines) -> None:
    a, b, c = machines
    made = [new_meeting(a, "2026-02-01", 2), new_meeting(b, "2027-03-01", 1)]
    for m in (a, b, c, a, b):
        m.sync()
    for m in (a, b, c):
        assert {*made} <= set(m.store().by_id())


def test_numbering_collision_is_refused_before_anything_is_pushed(machines, remote) -> None:
    a, b, _ = machines
    first = new_meeting(a, "2026-02-01", 2)
    assert a.sync().pushed
    second = new_meeting(b, "2026-03-01", 1)  # offline: its § 1 is a's § 1 too
    before = git_out(remote, "rev-parse", "main")
    report = b.sync()
    assert not report.pushed
    assert git_out(remote, "rev-parse", "main") == before
    [hit] = report.collisions
    assert (hit.here, hit.there, hit.number, hit.fix) == (second, first, 1, second)


def edit_title(m, meeting: str, title: str) -> None:
    with m.on():
        s = m.store().open(meeting)
        s.editor(history=False).do(verbs.rename_paragraph, s.meeting.paragraphs[0].id, title)
        s.close()


def commit_time(m, when: int) -> None:
    """The machine's clock for its next commits (the later change wins)."""
    for role in ("AUTHOR", "COMMITTER"):
        m.monkeypatch.setenv(f"GIT_{role}_DATE", f"@{when} +0100")


def test_the_same_meeting_edited_on_two_machines_loses_nothing(machines) -> None:
    a, b, c = machines
    meeting = new_meeting(a, "2026-05-01", 2)
    a.sync(), b.sync()
    commit_time(a, 1_800_000_000)
    edit_title(a, meeting, "Version från A")
    commit_time(b, 1_800_000_100)  # b's change is the later one
    edit_title(b, meeting, "Version från B")
    a.sync()
    report = b.sync()
    [conflict] = report.conflicts
    # Named by person and computer: one person's two computers are told apart.
    assert (conflict.meeting, conflict.kept_by, conflict.other_by) == (
        meeting,
        "Bo Sekreterare (laptop-b)",
        "Anna Sekreterare (laptop-a)",
    )
    assert report.pushed
    a.sync(), c.sync()
    for m in (a, b, c):
        assert titles(m, meeting) == ["Version från B", "Punkt 2"]
        copy = json.loads((m.store_path / conflict.copy).read_bytes())["meeting"]["1"]
        assert copy["paragraphs"][0]["title"] == "Version från A"
    # The secretary chooses A's version after all: B's becomes the copy.
    assert main(["sync", "--keep", conflict.copy, "--store", str(c.store_path)]) == 0
    assert titles(c, meeting)[0] == "Version från A"
    [left] = list((c.store_path / "conflicts").iterdir())
    assert json.loads(left.read_bytes())["meeting"]["1"]["paragraphs"][0]["title"] == (
        "Version från B"
    )


def titles(m, meeting: str) -> list[str]:
    return [p.title for p in m.store().load(meeting).paragraphs]


def adjusted_on_a(machines) -> str:
    """A closed meeting both machines have, then adjusted on A (not yet synced)."""
    a, b, _ = machines
    meeting = new_meeting(a, "2026-05-01", 2, close=True)
    a.sync(), b.sync()
    commit_time(a, 1_800_000_000)
    with a.on():
        adjust(a.store(), meeting, dt.date(2026, 5, 8), ["Anna Berg"])
    return meeting


def test_an_adjusted_meeting_wins_over_a_later_unadjusted_edit(machines) -> None:
    a, b, _ = machines
    meeting = adjusted_on_a(machines)
    commit_time(b, 1_800_009_000)  # later, yet unadjusted
    with b.on():
        s = b.store().open(meeting)
        s.editor(history=False).do(verbs.reopen_meeting)
        s.close()
    edit_title(b, meeting, "Ändrat efteråt")
    a.sync()
    [conflict] = b.sync().conflicts
    assert conflict.kept_by == "Anna Sekreterare (laptop-a)" and not conflict.adjusted_twice
    kept = b.store().load(meeting)
    assert kept.status == "adjusted" and kept.paragraphs[0].title == "Punkt 1"
    edited = json.loads((b.store_path / conflict.copy).read_bytes())["meeting"]["1"]
    assert edited["paragraphs"][0]["title"] == "Ändrat efteråt"


def test_renumbering_fixes_a_refused_sync(machines, capsys) -> None:
    a, b, c = machines
    first = new_meeting(a, "2026-02-01", 2)
    a.sync()
    second = new_meeting(b, "2026-03-01", 2)
    store_b = ["--store", str(b.store_path), "--lang", "en"]
    with b.on():
        assert main(["sync", *store_b]) == 4
        err = capsys.readouterr().err
        assert f"{second} (here) and {first} (shared)" in err
        assert f"protokoll sync --renumber {second}" in err
        assert main(["sync", "--renumber", second, *store_b]) == 0
    c.sync()
    numbers = {m: c.store().by_id()[m] for m in (first, second)}
    assert (numbers[first].first, numbers[first].last) == (1, 2)
    assert (numbers[second].first, numbers[second].last) == (3, 4)


def test_a_meeting_in_progress_elsewhere_opens_read_only_until_taken_over(machines) -> None:
    a, b, _ = machines
    meeting = new_meeting(a, "2026-06-01", 1)
    with a.on():
        held = a.store().open(meeting)  # the secretary is writing it on laptop A
        assert not held.read_only
    a.sync()
    b.sync()
    with b.on():
        there = b.store().open(meeting)
        assert there.read_only
        assert "in progress on laptop-a by" in there.notice.text("en")
        there.close()
        taken = b.store().take_over(meeting)
        assert not taken.read_only
    held.close()  # A stops writing; B writes on
    b.sync()
    a.sync()
    with a.on():
        assert "laptop-b" in a.store().open(meeting).notice.text("en")
    taken.close()
    b.sync()  # B let go: its marker goes
    a.sync()
    with a.on():
        assert not a.store().open(meeting).read_only


def test_an_existing_store_is_converted_and_its_meetings_added(machines, tmp_path, remote) -> None:
    a = machines[0]
    new_meeting(a, "2026-02-01", 1)
    a.sync()
    old = Machine("gamla-datorn", "Dan Sekreterare", tmp_path / "old", a.monkeypatch)
    with old.on():
        store = old.store()
        store.add_organ("Revisorerna", "Förbundet", roster=ROSTER, organ_id="rev")
        s = store.create_meeting("rev", "2025-11-01")
        s.add_paragraph("Granskning")
        s.close()
    report = old.sync(str(remote))
    assert report.pushed
    a.sync()
    assert {o.id for o in a.store().organs()} == {"styr", "rev"}
    assert s.meeting.id in a.store().by_id()
    assert len(old.store().by_id()) == 2


def test_a_sync_killed_during_push_loses_nothing_and_completes_next_time(
    machines, remote, tmp_path
) -> None:
    a, b, _ = machines
    meeting = new_meeting(a, "2026-09-01", 3, close=True)
    # The shared repository stops in the middle of receiving: the push is under way.
    reached = tmp_path / "push-reached"
    hook = remote / "hooks" / "pre-receive"
    hook.write_text(f"#!/bin/sh\ntouch {reached}\nsleep 60\n")
    hook.chmod(0o755)
    code = f"from protokoll.store.sync import sync; sync({str(a.store_path)!r})"
    with a.on():
        proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    try:
        for _ in range(600):  # waiting for the push to begin, not measuring it
            if reached.exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert reached.exists()
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    hook.unlink()
    assert meeting not in git_out(remote, "ls-tree", "-r", "--name-only", "main")
    assert a.store().load(meeting).status == "closed"  # nothing lost here
    assert a.sync().pushed  # the next run completes it
    b.sync()
    assert [p.title for p in b.store().load(meeting).paragraphs] == [
        "Punkt 1",
        "Punkt 2",
        "Punkt 3",
    ]


def test_organs_merge_field_by_field_and_conflicts_are_reported(machines) -> None:
    a, b, _ = machines
    with a.on():
        verbs.change_organ(a.store(), "styr", lambda o: verbs.edit_organ(o, place="Rådhuset"))
    with b.on():
        verbs.change_organ(
            b.store(), "styr", lambda o: verbs.edit_organ(o, name="Förbundsstyrelsen")
        )
    a.sync()
    assert b.sync().organ_conflicts == []
    a.sync()
    for m in (a, b):
        organ = m.store().organ("styr")
        assert (organ.name, organ.place) == ("Förbundsstyrelsen", "Rådhuset")
    with a.on():
        verbs.change_organ(a.store(), "styr", lambda o: verbs.edit_organ(o, place="Kansliet"))
    with b.on():
        verbs.change_organ(b.store(), "styr", lambda o: verbs.edit_organ(o, place="Stadshuset"))
    a.sync()
    [found] = b.sync().organ_conflicts
    assert (found.field, found.kept, found.other) == ("place", "Kansliet", "Stadshuset")


def test_the_indexes_take_in_what_a_sync_brought(machines) -> None:
    from protokoll.store.search import SearchIndex

    a, b, _ = machines
    with b.on():
        SearchIndex(b.store()).search("Punkt")  # b has a search index already
    meeting = new_meeting(a, "2026-10-01", 1)
    with a.on():
        s = a.store().open(meeting)
        s.editor(history=False).do(verbs.rename_paragraph, s.meeting.paragraphs[0].id, "Budget")
        s.close()
    a.sync(), b.sync()
    # Read as they are on disk, with nothing bringing them up to date first.
    with sqlite3.connect(b.store_path / "search.sqlite") as db:
        assert meeting in {row[0] for row in db.execute("SELECT id FROM indexed")}
        assert db.execute("SELECT count(*) FROM docs WHERE docs MATCH 'Budget'").fetchone()[0]
    rows = json.loads((b.store_path / "index" / "styr" / "2026.json").read_bytes())
    assert meeting in rows["meetings"]


def test_a_failed_sync_names_the_address_and_the_cause_and_keeps_the_old_address(
    machines, remote, tmp_path
) -> None:
    """A trial: `sync nosuchhost.invalid:/x.git` failed, the mistyped address was
    remembered, and every later sync said only "… and the repository exists."."""
    a, _, _ = machines
    a.sync()
    wrong = tmp_path / "no-such-store.git"
    with pytest.raises(StoreError) as failed:
        a.sync(str(wrong))
    said = failed.value.text("sv")
    assert said.startswith(f"kunde inte hämta från {wrong}: ")
    assert "det finns inget delat arkiv där" in said
    assert "and the repository exists" not in said
    assert git_out(a.store_path, "remote", "get-url", "origin").strip() == str(remote)
    assert a.sync().remote == str(remote)  # the next plain sync works


def test_git_words_for_a_failure_to_reach_the_other_computer_are_the_cause() -> None:
    from protokoll.store.git_history import cause

    boilerplate = (
        "fatal: Could not read from remote repository.\n\n"
        "Please make sure you have the correct access rights\nand the repository exists.\n"
    )
    for first, sv in (
        ("ssh: Could not resolve hostname nosuch.invalid: Name or service not known",
         "datorn nosuch.invalid hittades inte"),
        ("root@127.0.0.1: Permission denied (publickey).",
         "åtkomst nekades: nyckeln eller lösenordet godtogs inte"),
        ("Connection closed by 127.0.0.1 port 22", "anslutningen bröts"),
    ):
        assert cause(f"{first}\n{boilerplate}").sv == sv
    assert cause("fatal: something else\n") == "fatal: something else"


def test_a_meeting_with_a_pending_conflict_copy_is_checked_and_not_adjusted(
    machines, capsys
) -> None:
    """A trial adjusted a protocol whose laptop's changes lay only in a
    conflict copy; `check` had found nothing wrong."""
    a, b, _ = machines
    meeting = new_meeting(a, "2026-05-01", 2)
    a.sync(), b.sync()
    commit_time(a, 1_800_000_000)
    edit_title(a, meeting, "Version från A")
    commit_time(b, 1_800_000_100)
    edit_title(b, meeting, "Version från B")
    a.sync()
    [conflict] = b.sync().conflicts
    with b.on():
        s = b.store().open(meeting)
        s.editor(history=False).do(verbs.close_meeting, "15:00")
        s.close()
    store = str(b.store_path)
    capsys.readouterr()
    assert main(["check", meeting, "--store", store]) == 3
    out = capsys.readouterr().out
    assert f"en annan dators version av mötet väntar i {conflict.copy}" in out
    assert main(["adjust", meeting, "--date", "2026-05-02", "--store", store]) != 0
    err = capsys.readouterr().err
    assert f"justeras inte: en annan dators version av mötet väntar i {conflict.copy}" in err
    assert b.store().load(meeting).status == "closed"
    # The copy is read before deciding on it, as a protocol.
    assert main(["show", conflict.copy, "--store", store]) == 0
    shown = capsys.readouterr().out
    assert "§ 1  Version från A" in shown and "Version från B" not in shown
    outside = ("conflicts/../meetings/x.y.json", "conflicts/a/../b.c.json")
    for name in ("conflicts/nothing.json", *outside):
        assert main(["show", name, "--store", store]) != 0
        assert f"{name} är ingen konfliktkopia" in capsys.readouterr().err  # nothing outside
    assert main(["sync", "--drop", conflict.copy, "--store", store]) == 0
    assert main(["adjust", meeting, "--date", "2026-05-02", "--store", store]) == 0
    assert b.store().load(meeting).status == "adjusted"


def test_two_different_adjustments_of_one_meeting_are_an_error_naming_both(
    machines, capsys
) -> None:
    """A trial: adjusted on the laptop and on the chief's computer with
    different texts; the sync said only what any conflict says, and exited 0."""
    a, b, _ = machines
    meeting = adjusted_on_a(machines)
    commit_time(b, 1_800_000_100)
    with b.on():
        adjust(b.store(), meeting, dt.date(2026, 5, 9), ["Anna Berg"])
    a.sync()
    capsys.readouterr()
    with b.on():
        code = main(["sync", "--store", str(b.store_path)])
    err = capsys.readouterr().err
    assert code == 3
    [line] = [x for x in err.splitlines() if "justerades på två datorer" in x]
    assert line.startswith(f"protokoll: fel: {meeting} justerades på två datorer med olika text:")
    assert "Bo Sekreterare (laptop-b)" in line and "Anna Sekreterare (laptop-a)" in line
    assert "conflicts/" in line and "innan det anslås" in line


def test_a_meeting_closed_on_another_computer_is_not_held_there_any_more(machines) -> None:
    """A trial: the chief closed a meeting in the application, which still showed
    it; on the laptop `reopen` said "pågår på chef-dator … skrivskyddat" until
    that application quit and synced."""
    a, b, _ = machines
    meeting = new_meeting(a, "2026-06-01", 1)
    with a.on():
        held = a.store().open(meeting)  # on screen on laptop A, closed there
        held.editor(history=False).do(verbs.close_meeting, "15:00")
        held.save()
    a.sync()
    b.sync()
    with b.on():
        there = b.store().open(meeting)
        assert not there.read_only  # closed there: reopened here if need be
        there.close()
        assert main(["reopen", meeting, "--store", str(b.store_path)]) == 0
        assert b.store().load(meeting).status == "open"
    held.close()
