"""Sync from the application: F9 then D (or the palette), in a worker, told in notifications."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.tui.app import ProtokollApp
from protokoll.tui.cli import main
from protokoll.tui.screens.meeting import MeetingScreen

from .screen import screen_text, type_text
from .sync_machines import Machine, new_meeting, shared_remote, three_machines
from .test_legal_app import messages as said


@pytest.fixture
def remote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return shared_remote(tmp_path, monkeypatch)


@pytest.fixture
def machines(tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch) -> list[Machine]:
    return three_machines(tmp_path, remote, monkeypatch)


async def test_f9_d_syncs_the_open_store_and_says_what_came_in(machines) -> None:
    a, b, _ = machines
    theirs = new_meeting(b, "2027-01-20", 1)
    b.sync()
    with a.on():
        mine = new_meeting(a, "2026-01-15", 1)
        store = a.store()
        s = store.open(mine)
        s.meeting.status = "open"  # under way: the application opens it
        s.save()
        s.close()
        app = ProtokollApp(a.store_path)
        messages = said(app)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            await pilot.press("f9", "d")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "möten som kom in eller ändrades: 1" in messages
            assert any(m.startswith("synkat med ") for m in messages)
            assert theirs in app.store.by_id()  # the lists know it
            await pilot.press("ctrl+q")
    b.sync()
    assert mine in b.store().by_id()


async def test_ctrl_t_takes_over_a_meeting_in_progress_on_another_computer(machines) -> None:
    a, b, _ = machines
    with a.on():
        meeting = new_meeting(a, "2026-01-15", 1)
        s = a.store().open(meeting)
        s.meeting.status = "open"
        s.save()  # still held: laptop A is writing it
    a.sync()
    b.sync()
    with b.on():
        app = ProtokollApp(b.store_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MeetingScreen)
            assert screen.session.read_only
            assert screen.session.notice.key == "in_progress_elsewhere"
            await pilot.press("ctrl+t")
            await pilot.pause()
            # Asked first: laptop A may be writing it still (a trial's took it at once).
            assert "Ta över det här?" in " ".join(screen_text(app).split())
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen and screen.session.read_only
            await pilot.press("ctrl+t")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert not app.screen.session.read_only
            await pilot.press("ctrl+q")
    s.close()


async def test_closing_a_meeting_syncs_when_this_computer_asked_for_it(machines) -> None:
    a, b, _ = machines
    with a.on():
        assert main(["sync", "--after-close", "yes", "--store", str(a.store_path)]) == 0
        meeting = new_meeting(a, "2026-01-15", 1)
        s = a.store().open(meeting)
        s.meeting.status = "open"
        s.save()
        s.close()
        app = ProtokollApp(a.store_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("f9", "a")  # close the meeting
            await pilot.pause()
            await type_text(pilot, "23.59")  # a meeting of another day: no time is offered
            await pilot.press("enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("ctrl+q")
    b.sync()
    assert b.store().load(meeting).status == "closed"


async def test_a_member_added_on_another_computer_joins_the_open_meeting_at_f9_d(
    machines,
) -> None:
    """A trial: the chief added a member and synced; the laptop's sync said nothing
    of it, and its open meeting went on with the old list ("EJ beslutför 0/4")."""
    a, b, _ = machines
    with a.on():
        mine = new_meeting(a, "2026-01-15", 1)
        s = a.store().open(mine)
        s.meeting.status = "open"
        s.save()
        s.close()
    a.sync()
    b.sync()
    with b.on():
        assert main(["organ", "edit", "styr", "--add-member", "Nils Dahl (S)",
                     "--store", str(b.store_path)]) == 0
    b.sync()
    with a.on():
        app = ProtokollApp(a.store_path)
        messages = said(app)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MeetingScreen)
            assert "Nils Dahl" not in [x.name for x in screen.meeting.attendees]
            await pilot.press("f9", "d")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "Nils Dahl" in [x.name for x in screen.meeting.attendees]
            assert any("Nils Dahl" in m for m in messages)
            await pilot.press("ctrl+q")
