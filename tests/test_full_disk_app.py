"""A full disk in the application: nothing typed is lost, and the status stays in sight.

The disk is made full in this process (tests/full_disk.py): every write of
the meeting fails with ENOSPC until the test frees it.
"""

from __future__ import annotations

import time

import pytest
from textual.widgets import Static
from textual.widgets._toast import Toast

from protokoll.store import Store, spill
from protokoll.tui.app import ProtokollApp
from protokoll.tui.drafts import SpillOffer
from protokoll.tui.screens.unsaved import UnsavedQuit

from .full_disk import FullDisk

TEXT = "Förbundschefen redogör för läget"
WAIT = 15.0  # seconds: a failure timeout only, never a measure


@pytest.fixture
def disk(monkeypatch, tmp_path) -> FullDisk:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # a spill never lands in the real home
    (tmp_path / "home").mkdir()
    return FullDisk(monkeypatch)


async def until(pilot, condition, what: str) -> None:
    end = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"waited {WAIT} s for {what}")
        await pilot.pause(0.05)


def on_disk(path, meeting_id) -> str:
    return Store(path).load(meeting_id).paragraphs[0].text


def top_right(app) -> str:
    return str(app.screen.query_one("#top-right", Static).render())


async def test_a_full_disk_shows_one_status_and_saves_by_itself_once_there_is_room(meeting, disk):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    # notifications=True: Pilot leaves the toasts out unless asked.
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        disk.full = True
        await pilot.press(*TEXT)
        await until(pilot, lambda: disk.tries >= 4, "the autosaver to try again and again")
        await pilot.pause()
        assert "EJ SPARAT" in top_right(app)
        failures = [n for n in app._notifications if "disken är full" in n.message]
        assert len(failures) == 1, "one message for the failure, not one per retry"
        await until(pilot, lambda: list(app.screen.query(Toast)), "the message on screen")
        toasts = list(app.screen.query(Toast))
        assert len(toasts) == 1
        assert all(t.region.y >= 1 for t in toasts), "a toast over the top bar at 80×24"
        assert on_disk(path, meeting_id) == ""

        disk.full = False
        await until(pilot, lambda: on_disk(path, meeting_id) == TEXT, "the text on disk")
        await until(pilot, lambda: "EJ SPARAT" not in top_right(app), "EJ SPARAT to go")
        assert "sparat" in top_right(app)


async def test_ctrl_q_on_a_full_disk_asks_and_saves_once_there_is_room(meeting, disk):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        disk.full = True
        await pilot.press(*TEXT)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, UnsavedQuit), "the question")
        assert app.is_running
        await pilot.press("enter")  # try again: still full
        await pilot.pause()
        await until(pilot, lambda: isinstance(app.screen, UnsavedQuit), "the question again")
        assert app.is_running
        disk.full = False
        await pilot.press("enter")
        await until(pilot, lambda: not app.is_running, "the program to end")
    assert app.return_value == 0  # what run_app returns as the exit status
    assert on_disk(path, meeting_id) == TEXT
    assert app.outcomes == []


async def test_quit_anyway_spills_and_the_text_is_offered_back_on_reopening(meeting, disk):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        disk.full = True
        await pilot.press(*TEXT)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, UnsavedQuit), "the question")
        await pilot.press("ctrl+q")  # quit anyway
        await until(pilot, lambda: not app.is_running, "the program to end")
    [outcome] = app.outcomes
    assert outcome.spill is not None and outcome.spill.parent == path / spill.DIR
    assert on_disk(path, meeting_id) == ""
    assert str(outcome.spill) in outcome.line("sv")

    disk.full = False
    again = ProtokollApp(path)
    async with again.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(again.screen, SpillOffer), "the spill offered")
        shown = str(again.screen.query_one("#spill-text", Static).render())
        assert TEXT in shown
        await pilot.press("enter")
        await until(pilot, lambda: on_disk(path, meeting_id) == TEXT, "the text back on disk")
        assert not outcome.spill.exists()


async def test_a_hang_up_on_a_full_disk_spills_releases_the_meeting_and_exits(meeting, disk):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        disk.full = True
        await pilot.press(*TEXT)
        app.hang_up()  # what SIGHUP and SIGTERM call
        await until(pilot, lambda: not app.is_running, "the program to end")
    [found] = spill.found(path, meeting_id)
    assert found.doc["paragraphs"][0]["text"] == TEXT
    session = Store(path).open(meeting_id)  # released: another process may write it
    assert not session.read_only
    session.close()


async def test_with_no_room_even_for_a_spill_the_text_is_handed_back_to_print(meeting, disk):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        disk.full = disk.spill_full = True
        await pilot.press(*TEXT)
        app.hang_up()
        await until(pilot, lambda: not app.is_running, "the program to end")
    [outcome] = app.outcomes
    assert outcome.spill is None
    assert TEXT in outcome.text()
    assert "kunde inte sparas någonstans" in outcome.line("sv")
    assert app.return_value == 1  # some text is nowhere but in this line
