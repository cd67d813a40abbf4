"""A form that refuses what was typed says so where it is seen, at 80x24.

Found in a trial over SSH: F2 on the new-meeting form with the date "32 maj
2020" changed nothing on screen; the reason was on the form's last line,
below the fold, and the secretary typed the date again blind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Store
from protokoll.tui.app import ProtokollApp
from tests.conftest import ROSTER
from tests.screen import Notices, type_text, wait_until


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    Store(path).add_organ("Arbetsutskottet", "Förbundet Test", roster=ROSTER, organ_id="au")
    return path


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("#date", "32 maj 2020", "maj 2020 har ingen dag 32"),
        ("#start-time", "25.99", "25.99"),
    ],
)
async def test_a_bad_date_or_time_is_said_and_its_field_focused(store_path, field, typed, said):
    app = ProtokollApp(store_path)
    notices = Notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "StartScreen", "start")
        await pilot.press("enter")  # Nytt möte
        await wait_until(pilot, lambda: type(app.screen).__name__ == "NewMeetingScreen", "form")
        app.screen.query_one(field).focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, typed)
        await pilot.press("f2")
        await wait_until(pilot, lambda: any(said in n for n in notices.said), "the reason said")
        assert type(app.screen).__name__ == "NewMeetingScreen"
        assert app.focused is app.screen.query_one(field)
        assert app.focused.value == typed  # nothing typed is lost
        await pilot.press("ctrl+q")


async def test_the_end_time_proposed_on_closing_is_typed_over(tmp_path):
    from tests.conftest import store_with_meeting_in_progress

    meeting_id = store_with_meeting_in_progress(tmp_path / "s")
    app = ProtokollApp(tmp_path / "s")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", "meeting")
        await pilot.press("alt+a")  # close the meeting: the time now is proposed
        await wait_until(pilot, lambda: type(app.screen).__name__ == "TextDialog", "dialog")
        await type_text(pilot, "14.30")
        await pilot.press("enter")
        await wait_until(pilot, lambda: type(app.screen).__name__ != "TextDialog", "closed")
        await pilot.press("ctrl+q")
    meeting = Store(tmp_path / "s").load(meeting_id)
    assert (meeting.status, meeting.end) == ("closed", "14:30")


async def test_the_organ_form_says_a_missing_name_and_focuses_it(store_path):
    from protokoll.tui.screens.organ import OrganScreen

    app = ProtokollApp(store_path)
    notices = Notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "StartScreen", "start")
        app.push_screen(OrganScreen())
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, OrganScreen) and app.screen.query("#organisation"),
            "the organ form",
        )
        app.screen.query_one("#organisation").focus()
        await type_text(pilot, "Förbundet")
        await pilot.press("f2")
        await wait_until(pilot, lambda: bool(notices.said), "the reason said")
        assert isinstance(app.screen, OrganScreen)
        assert app.focused is app.screen.query_one("#name")
        assert app.screen.query_one("#organisation").value == "Förbundet"
        await pilot.press("ctrl+q")
