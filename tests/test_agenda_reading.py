"""While the follow-up is read from earlier meetings, the agenda says so.

Found in a trial on 10,000 meetings: the first reading took 12 s after a
copy of the archive, and an empty follow-up looked like one with nothing open.
"""

from __future__ import annotations

import threading

from protokoll.tui.app import ProtokollApp
from tests.conftest import store_with_meeting_in_progress
from tests.screen import screen_text, wait_until


async def test_the_agenda_says_it_is_reading_until_the_follow_up_is_there(tmp_path, monkeypatch):
    from protokoll.tui.screens import meeting as meeting_screen

    store_with_meeting_in_progress(tmp_path)
    let_go = threading.Event()
    read = meeting_screen.pending

    def slow(store, meeting, *more):
        let_go.wait(10)
        return read(store, meeting, *more)

    monkeypatch.setattr(meeting_screen, "pending", slow)
    app = ProtokollApp(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "läses in" in screen_text(app), "the reading row")
        let_go.set()
        await wait_until(pilot, lambda: "läses in" not in screen_text(app), "the row gone")
        assert "Föregående protokoll" in screen_text(app)
        await pilot.press("ctrl+q")
