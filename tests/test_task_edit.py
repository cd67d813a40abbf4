"""A task's words, owner and due date are edited together, through the verb
`edit_task`, in the application's task dialog, and refused whole when the date
cannot be read."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from protokoll.store import Store, StoreError, verbs
from protokoll.store.serial import to_dict
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.task_dialog import TaskDialog

from .screen import type_text, wait_until


@pytest.fixture
def session(store: Store, organ):
    s = store.create_meeting(organ.id, "2026-03-02", start="13:00")
    ed = s.editor(history=False)
    ed.do(verbs.set_present, "bo", True)
    ed.do(verbs.add_paragraph, "Budget")
    ed.do(verbs.add_task, s.meeting.paragraphs[0].id, "ta fram en budget", owner="bo")
    return s


def task_of(session):
    return session.meeting.paragraphs[0].tasks[0]


def edit(session, **kwargs):
    pid = session.meeting.paragraphs[0].id
    return session.editor(history=False).do(verbs.edit_task, pid, 0, **kwargs)


def test_a_free_name_and_a_swedish_date_replace_the_attendee_owner(session):
    edit(session, text="ta fram en budget för 2027", owner="Kassören Lisa", due="31 mars 2026")
    task = task_of(session)
    assert (task.text, task.owner, task.owner_name, task.due) == (
        "ta fram en budget för 2027",
        None,
        "Kassören Lisa",
        "2026-03-31",
    )


def test_an_attendee_named_or_by_id_becomes_the_owner_and_follows_that_person(session):
    edit(session, text="x", owner="cia dahl")
    assert (task_of(session).owner, task_of(session).owner_name) == ("cia", "Cia Dahl")
    edit(session, text="x", owner="anna")
    assert (task_of(session).owner, task_of(session).owner_name) == ("anna", "Anna Berg")


def test_owner_and_due_are_taken_away_when_left_empty(session):
    edit(session, text="ta fram en budget", owner="bo", due="2026-04-01")
    edit(session, text="ta fram en budget", owner="", due="")
    task = task_of(session)
    assert (task.owner, task.owner_name, task.due) == (None, "", "")


def test_a_malformed_due_date_is_refused_in_one_line_and_changes_nothing(session):
    before = to_dict(session.meeting)
    with pytest.raises(StoreError) as err:
        edit(session, text="något annat", owner="Lisa", due="31/2")
    assert "31/2" in err.value.text("sv") and "\n" not in err.value.text("sv")
    assert "31/2" in err.value.text("en") and "\n" not in err.value.text("en")
    assert to_dict(session.meeting) == before


def test_an_added_task_with_a_malformed_due_date_is_refused_too(session):
    pid = session.meeting.paragraphs[0].id
    with pytest.raises(StoreError):
        session.editor(history=False).do(verbs.add_task, pid, "y", due="den trettionde")
    assert len(session.meeting.paragraphs[0].tasks) == 1


def test_an_edit_is_undone_whole(session):
    ed = session.editor(history=False)
    ed.do(verbs.edit_task, session.meeting.paragraphs[0].id, 0, "z", owner="Lisa", due="1/4 2026")
    ed.undo()
    task = task_of(session)
    assert (task.text, task.owner, task.due) == ("ta fram en budget", "bo", "")


# --- the application ------------------------------------------------------------


async def test_the_task_dialog_edits_owner_and_due_and_keeps_typing_on_a_bad_date(meeting):
    path, meeting_id = meeting
    session = Store(path).open(meeting_id)
    session.editor(history=False).do(
        verbs.add_task, session.meeting.paragraphs[0].id, "ta fram en budget", owner_name="Bo Ek"
    )
    session.close()
    app = ProtokollApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.screen.query("#items"), "the meeting screen")
        screen = app.screen
        screen.query_one("#items").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TaskDialog), "the task dialog")
        dialog = app.screen
        fields = {f: dialog.query_one(f"#{f}", Input) for f in ("text", "owner", "due")}
        assert [f.value for f in fields.values()] == ["ta fram en budget", "Bo Ek", ""]
        # Filled in, the fields show no placeholder: their names stand above them.
        names = [str(n.render()) for n in dialog.query(".field-name")]
        assert names == [str(f.placeholder) for f in fields.values()]
        fields["owner"].value = "Cia Dahl"
        fields["due"].focus()
        await type_text(pilot, "31/2")
        await pilot.press("enter")
        await pilot.pause()
        # Refused: the dialog stays, with the reason, and everything typed.
        assert app.screen is dialog
        assert "31/2" in str(dialog.query_one("#error", Static).render())
        assert [f.value for f in fields.values()] == ["ta fram en budget", "Cia Dahl", "31/2"]
        fields["due"].value = ""
        await type_text(pilot, "30 april 2026")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is screen, "the dialog closed")
        await pilot.press("ctrl+q")
    task = Store(path).load(meeting_id).paragraphs[0].tasks[0]
    assert (task.text, task.owner, task.owner_name, task.due) == (
        "ta fram en budget",
        "cia",
        "Cia Dahl",
        "2026-04-30",
    )


# --- the command line -------------------------------------------------------------


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    from protokoll.tui.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_reassign_changes_only_what_is_given_and_says_so(capsys, meeting):
    path, meeting_id = meeting
    at = ("--store", str(path))
    assert cli(capsys, "assign", meeting_id, "1", "ta fram en budget", "--owner", "Bo", *at)[0] == 0
    code, out, _ = cli(capsys, "reassign", meeting_id, "1", "--due", "15 januari 2026", *at)
    assert code == 0 and out == f"{meeting_id}: Uppgift i § 1 ändrades\n"
    task = Store(path).load(meeting_id).paragraphs[0].tasks[0]
    assert (task.text, task.owner, task.due) == ("ta fram en budget", "bo", "2026-01-15")
    code, _, _ = cli(capsys, "reassign", meeting_id, "1", "1", "--owner", "Lisa Ström", *at)
    task = Store(path).load(meeting_id).paragraphs[0].tasks[0]
    assert (task.owner, task.owner_name, task.due) == (None, "Lisa Ström", "2026-01-15")
    code, _, _ = cli(capsys, "reassign", meeting_id, "1", "--owner", "", "--due", "", *at)
    task = Store(path).load(meeting_id).paragraphs[0].tasks[0]
    assert (task.owner, task.owner_name, task.due) == (None, "", "")


def test_reassign_refuses_a_bad_date_or_a_missing_task_in_one_line(capsys, meeting):
    path, meeting_id = meeting
    at = ("--store", str(path))
    cli(capsys, "assign", meeting_id, "1", "ta fram en budget", "--due", "2026-02-01", *at)
    before = Store(path).load(meeting_id)
    code, out, err = cli(capsys, "reassign", meeting_id, "1", "--due", "31/2", *at)
    assert code == 1 and out == "" and "31/2" in err and err.count("\n") == 1
    code, _, err = cli(capsys, "--lang", "en", "reassign", meeting_id, "1", "2", *at)
    assert code == 1 and "no entry § 1 #2 here" in err
    assert Store(path).load(meeting_id) == before


def test_a_due_day_without_a_year_is_the_next_one_after_the_meeting(store, organ):
    """`15/1` set at a meeting of 30 November had become the January gone,
    printed as "senast 2026-01-15" and never overdue (a trial)."""
    s = store.create_meeting(organ.id, "2026-11-30", start="13:00")
    ed = s.editor(history=False)
    ed.do(verbs.add_paragraph, "Budget")
    pid = s.meeting.paragraphs[0].id
    ed.do(verbs.add_task, pid, "ta fram en budget", owner_name="Lisa", due="15/1")
    assert task_of(s).due == "2027-01-15"
    ed.do(verbs.edit_task, pid, 0, "ta fram en budget", due="28 feb")
    assert task_of(s).due == "2027-02-28"
