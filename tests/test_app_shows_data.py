"""The application shows user text as data and stores none of it as control
(issue 12): what it draws holds no escape sequence, whatever the meeting
holds, and a paste with one stores a mark in its place."""

from __future__ import annotations

from pathlib import Path

from textual import events

from protokoll.store import Store
from protokoll.store.model import Decision, Task
from protokoll.store.safe_text import MARK
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.browse import BrowseScreen
from protokoll.tui.screens.registers import TasksScreen
from protokoll.tui.screens.search import SearchScreen

from .conftest import store_with_meeting_in_progress
from .screen import screen_text, type_text
from .test_lookup import until
from .test_safe_text import forbidden

ATTACK = "\x1b]0;Hacked\x07\x1b]52;c;cm0gLXJm\x07\x1b[6n\x1b[2J\u202e"
VERDICT = "Beslutet BIFALLS\rBeslutet AVSLÅS"


def hostile_meeting(path: Path) -> str:
    """A meeting in progress whose every shown field carries ATTACK."""
    meeting_id = store_with_meeting_in_progress(path)
    store = Store(path)
    organ = store.organs()[0]
    organ.name = f"AU{ATTACK}"
    store.save_organ(organ)
    session = store.open(meeting_id)
    m = session.meeting
    m.organ, m.place = f"AU{ATTACK}", f"Lokal{ATTACK}"
    m.attendees[0].name = f"Anna{ATTACK}"
    m.attendees[0].present = True
    p = m.paragraphs[0]
    p.title = f"Ekonomi{ATTACK}"
    p.text = f"Kvartal\x1b[31mett{ATTACK}\n{VERDICT}"
    p.decisions = [Decision(f"{VERDICT}{ATTACK}")]
    p.tasks = [Task("t1", f"Ring{ATTACK}", owner_name=f"Bo{ATTACK}")]
    m.agenda[0].title = f"Ekonomi{ATTACK}"
    session.save()
    session.close()
    return meeting_id


def drawn(app: ProtokollApp, where: str) -> str:
    shown = screen_text(app)
    assert forbidden(shown) == [], f"{where}: {forbidden(shown)} in\n{shown}"
    assert "Hacked" not in shown and "52;" not in shown and "[6n" not in shown, where
    return shown


async def test_no_screen_draws_a_control_from_the_meetings_text(tmp_path):
    path = tmp_path / "store"
    meeting_id = hostile_meeting(path)
    before = Store(path).load(meeting_id).paragraphs[0].text
    app = ProtokollApp(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        shown = drawn(app, "meeting")
        assert MARK in shown and "Kvartal" in shown and "ett" in shown
        # The lone CR is a line break in the editor: both words are there.
        assert "BIFALLS" in shown and "AVSLÅS" in shown
        app.notify(f"Ändrat: {ATTACK}Ekonomi")  # a toast that names user text
        await pilot.pause()
        assert "Ändrat" in drawn(app, "toast")
        app.push_screen(TasksScreen())
        await until(pilot, lambda: "Ring" in screen_text(app))
        drawn(app, "tasks")
        app.pop_screen()
        app.push_screen(SearchScreen())
        await pilot.pause()
        await type_text(pilot, "Kvartal")
        await until(pilot, lambda: "Kvartal" in screen_text(app).split("\n", 4)[-1])
        drawn(app, "search")
        app.pop_screen()
        app.push_screen(BrowseScreen())
        await pilot.pause()
        drawn(app, "past meetings")
        app.pop_screen()
        app.show_protocol(meeting_id)
        await pilot.pause()
        shown = drawn(app, "preview")
        assert "BIFALLS" in shown and "AVSLÅS" in shown
        app.pop_screen()
        await pilot.pause()
        await pilot.press("ctrl+q")
    # Showing the § in the editor, cleaned, did not rewrite it.
    assert Store(path).load(meeting_id).paragraphs[0].text == before


async def test_a_paste_with_escape_sequences_stores_marks_not_controls(tmp_path):
    path = tmp_path / "store"
    meeting_id = store_with_meeting_in_progress(path)
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        area = app.screen.query_one("#text")
        assert area.has_focus
        # A bracketed paste, as the driver hands it to the app.
        app.post_message(events.Paste("Se \x1b[31mröd\x1b[0m\x1b]0;t\x07 text\rny rad\u202e."))
        await pilot.pause()
        await pilot.press("ctrl+q")
    text = Store(path).load(meeting_id).paragraphs[0].text
    # The colours go (they only styled "röd"); the window title's sequence and
    # the bidi override leave marks.
    assert text == f"Se röd{MARK} text\nny rad{MARK}."
