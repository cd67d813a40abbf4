"""Kommer and går at a §: with no § chosen, the screen asks for one.

A meeting imported and reopened for corrections has its §s and none chosen.
F5 then L made the person absent for the whole meeting (the verbs read "no §"
as "before the first"), found in a trial. The last § would be a guess put
into the legal record, so A, L and E refuse in one line until a § is chosen;
chosen, they act at it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Store, verbs
from protokoll.store.importer import import_protocol
from protokoll.tui.app import ProtokollApp
from protokoll.tui.i18n import t
from protokoll.tui.screens.meeting import MeetingScreen

from .screen import Notices, screen_text, wait_until

SEED = Path(__file__).parent / "data" / "seeds" / "rar-sormland-au-2021-04-15.txt"


def reopened_import(path: Path) -> str:
    """The seed imported (closed, §§ 20–26) and reopened, as `protokoll reopen` does."""
    store = Store(path)
    meeting = import_protocol(store, SEED, SEED.read_bytes()).meeting
    session = store.open(meeting.id)
    session.editor().do(verbs.reopen_meeting)
    session.close()
    return meeting.id


def first_attendee(path: Path, meeting_id: str):
    return Store(path).load(meeting_id).attendees[0]


async def opened(app: ProtokollApp, pilot) -> MeetingScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
    screen = app.screen
    assert screen.shown is None and screen.meeting.paragraphs, "no § chosen (else no test)"
    return screen


@pytest.mark.parametrize("key", ["l", "a", "e"])
async def test_with_no_paragraph_chosen_the_key_asks_for_one_and_changes_nothing(tmp_path, key):
    path = tmp_path / "store"
    meeting_id = reopened_import(path)
    before = first_attendee(path, meeting_id)
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        notices = Notices(app)
        await opened(app, pilot)
        # Said where the § would be: none chosen, and how to choose one.
        assert t("no_paragraph_chosen")[:30] in screen_text(app).replace("\n", " ")
        await pilot.press("f5", key)
        await wait_until(pilot, lambda: notices.said, "a message")
        assert notices.said == [t("n_choose_paragraph")]
        await pilot.press("ctrl+q")
    assert first_attendee(path, meeting_id) == before


async def test_with_a_paragraph_chosen_leaving_is_at_that_paragraph(tmp_path):
    path = tmp_path / "store"
    meeting_id = reopened_import(path)
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(app, pilot)
        # Ctrl+O to the §s, down to the third (§ 22), Enter: chosen.
        await pilot.press("ctrl+o", "down", "down", "enter")
        third = screen.meeting.paragraphs[2]
        await wait_until(pilot, lambda: screen.shown == third.id, "§ 22 chosen")
        await pilot.press("f5", "l")
        await wait_until(pilot, lambda: screen.meeting.attendees[0].left, "the leaving")
        await pilot.press("ctrl+q")
    left = first_attendee(path, meeting_id)
    # Present up to a § of the meeting, not absent from it all.
    assert left.present and left.left in {p.id for p in Store(path).load(meeting_id).paragraphs}
