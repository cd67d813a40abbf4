"""How the program last left a meeting is told when it opens again (store.exits)."""

from __future__ import annotations

import datetime as dt
import stat

from protokoll.store.exits import DIR, Exit, note_exit, take_exit
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.meeting import MeetingScreen

from .conftest import store_with_meeting_in_progress
from .screen import Notices, wait_until


def test_an_exit_is_told_once_and_is_private(tmp_path):
    note_exit(tmp_path, "20260115-abc123", "hangup", at=dt.datetime(2026, 1, 15, 9, 6, 42))
    path = tmp_path / DIR / "20260115-abc123.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert take_exit(tmp_path, "20260115-abc123") == Exit("hangup", "2026-01-15T09:06:42")
    assert not path.exists() and take_exit(tmp_path, "20260115-abc123") is None


def test_a_damaged_note_or_a_bad_id_says_nothing_and_writes_nowhere_else(tmp_path):
    (tmp_path / DIR).mkdir()
    (tmp_path / DIR / "20260115-abc123.json").write_text("{not json")
    assert take_exit(tmp_path, "20260115-abc123") is None
    assert not (tmp_path / DIR / "20260115-abc123.json").exists()  # not told again either
    note_exit(tmp_path, "../../x", "hangup")  # an id that is no id: nothing written
    assert sorted(p.name for p in tmp_path.rglob("*")) == [DIR]


async def test_a_meeting_left_by_a_hang_up_says_so_when_it_opens_again(tmp_path):
    path = tmp_path / "store"
    meeting_id = store_with_meeting_in_progress(path)
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        app.hang_up()
        await pilot.pause()
    assert (path / DIR / f"{meeting_id}.json").exists()
    for told in (True, False):  # the next start says it; the one after does not
        again = ProtokollApp(path)
        notices = Notices(again)  # before it starts: the meeting opens as it mounts
        async with again.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda a=again: isinstance(a.screen, MeetingScreen), "reopened")
            await pilot.pause()
            assert any("Anslutningen bröts" in n for n in notices.said) is told
            await pilot.press("ctrl+q")
    # Left with Ctrl+Q: nothing to tell.
    assert not (path / DIR / f"{meeting_id}.json").exists()
