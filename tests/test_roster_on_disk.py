"""Members added from the command line while the application runs are kept.

A trial: with the application open, 14 members were added with `protokoll
organ edit --add-member`; a new meeting made in the application with a place
the organ had not used before saved the organ's roster as the application
had read it at its start, and the 14 were gone. A meeting made or resumed
afterwards had only the members of that old reading.
"""

from __future__ import annotations

import functools

from protokoll.store import Store, verbs
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.meeting import MeetingScreen

from .screen import Notices, wait_until


def add_from_the_command_line(path, organ_id: str, line: str) -> None:
    """What `protokoll organ edit --add-member` does: another process, another Store."""
    verbs.change_organ(Store(path), organ_id, functools.partial(verbs.add_member, line=line))


def test_a_new_meeting_at_a_new_place_keeps_members_added_meanwhile(store: Store, organ):
    add_from_the_command_line(store.path, organ.id, "Lena Forsberg (S)")
    session = store.create_meeting(organ.id, "2026-12-01", place="Annat rum")
    assert "Lena Forsberg" in [a.name for a in session.meeting.attendees]
    session.close()
    on_disk = Store(store.path).organ(organ.id)
    assert "Lena Forsberg" in [p.name for p in on_disk.roster]
    assert len(on_disk.roster) == 6
    assert on_disk.place == "Annat rum"  # still remembered


async def test_a_meeting_resumed_takes_in_members_added_since(store: Store, organ):
    session = store.create_meeting(organ.id, "2026-12-01", start="13.00")
    session.editor(history=False).do(verbs.open_meeting)
    session.save()
    session.close()
    add_from_the_command_line(store.path, organ.id, "Lena Forsberg (S)")
    app = ProtokollApp(store.path)
    notices = Notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        screen = app.screen
        await wait_until(
            pilot,
            lambda: "Lena Forsberg" in [a.name for a in screen.meeting.attendees],
            "the new member on the meeting",
        )
        assert any("Lena Forsberg" in x for x in notices.said)
        await pilot.press("ctrl+q")
    again = Store(store.path).load(session.meeting.id)
    lena = next(a for a in again.attendees if a.name == "Lena Forsberg")
    assert not lena.present  # on the list, not marked present
