"""A hang-up saves the keys the program had read before it, not only those handled.

SIGHUP reaches the application as a callback of its event loop, ahead of the
keys Textual read from the terminal just before and still carries in its
queues. Saved at once, the last word typed before an SSH link dropped was
lost (CI: "… läget i verksam" for "… läget i verksamheten.").
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.meeting import MeetingScreen

from .conftest import store_with_meeting_in_progress
from .screen import wait_until
from .terminal.stores import paragraphs

WORD = "verksamheten"  # letters only: each key's name is its character


async def test_keys_read_before_a_hang_up_are_in_the_text_it_saves(tmp_path):
    path = tmp_path / "store"
    meeting_id = store_with_meeting_in_progress(path)
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, MeetingScreen) and isinstance(app.focused, TextArea),
            "the § text, focused",
        )
        for ch in WORD:
            # As Textual's input thread hands them on: queued, none handled yet.
            app.post_message(events.Key(ch, ch))
        app._signalled("hangup")  # what SIGHUP runs, before any of them
        await app._signal
    assert paragraphs(path, meeting_id)[0][1] == WORD
