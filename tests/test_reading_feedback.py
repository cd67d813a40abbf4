"""A list that is slow to read says so, and never holds the screen.

After a store is copied or moved, the first look reads every meeting: 16-22 s
at 10,000 meetings, when "Uppdrag i alla möten" stood empty as if there were no
open tasks, the search blank, and "Tidigare möten" left the start menu on the
screen (trial 6). The slowness is made here by a read that waits.
"""

from __future__ import annotations

import threading

from textual.widgets import DataTable, OptionList, Static

from protokoll.store import Store
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.browse import BrowseScreen
from protokoll.tui.screens.registers import TasksScreen
from protokoll.tui.screens.search import SearchScreen
from protokoll.tui.widgets.long_list import LongList

from .screen import screen_text, type_text, wait_until

READING = "Läser in ur arkivet"
SEARCHING = "Söker …"


def held(monkeypatch, owner: object, name: str) -> threading.Event:
    """`owner.name` waits until the returned event is set, then does its work."""
    original = getattr(owner, name)
    go = threading.Event()

    def waiting(*args, **kwargs):
        go.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, waiting)
    return go


async def test_past_meetings_show_at_once_and_say_they_are_read(example, monkeypatch):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the start's own look over the store
        go = held(monkeypatch, Store, "summaries")
        app.push_screen(BrowseScreen())
        rows = await _list(pilot, app)
        said = lambda: rows.row_count and READING in rows.rows[0].text  # noqa: E731
        await wait_until(pilot, said, "said")
        assert READING in screen_text(app)
        go.set()
        await wait_until(pilot, lambda: rows.row_count > 1, "the meetings")
        assert READING not in "".join(r.shown for r in rows.rows)
        await pilot.press("ctrl+q")


async def _list(pilot, app) -> LongList:
    await wait_until(
        pilot, lambda: isinstance(app.screen, BrowseScreen) and app.screen.query("#meetings"), "it"
    )
    return app.screen.query_one("#meetings", LongList)


async def test_the_task_list_says_it_is_reading_not_that_there_are_none(example, monkeypatch):
    from protokoll.tui.screens import registers

    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        go = held(monkeypatch, registers, "task_rows")
        app.push_screen(TasksScreen())
        await wait_until(
            pilot, lambda: isinstance(app.screen, TasksScreen) and app.screen.query("#tasks"), "it"
        )
        detail = app.screen.query_one("#task-detail", Static)
        await wait_until(pilot, lambda: READING in str(detail.render()), "said")
        go.set()
        table = app.screen.query_one("#tasks", DataTable)
        await wait_until(pilot, lambda: table.row_count > 0, "the tasks")
        assert READING not in str(detail.render())
        await pilot.press("ctrl+q")


async def test_a_search_says_it_is_searching_until_the_hits_come(example, monkeypatch):
    """It said "Läser in ur arkivet" of every slow search, though the archive
    had been read long before (trial 20)."""
    from protokoll.tui.screens import search

    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        go = held(monkeypatch, search, "search_counted")
        app.push_screen(SearchScreen())
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "the screen")
        await type_text(pilot, "budget")
        status = app.screen.query_one("#search-status", Static)
        await wait_until(pilot, lambda: SEARCHING in str(status.render()), "said")
        assert READING not in str(status.render())
        go.set()
        await wait_until(pilot, lambda: "träff" in str(status.render()), "the hits")
        assert SEARCHING not in str(status.render())
        await pilot.press("ctrl+q")


async def test_one_letter_is_searched_on_enter_not_as_it_is_typed(example, monkeypatch):
    """A search of "a" took 3 s at 10,000 meetings while the next letter was
    being typed (trial 20): one letter begins most words."""
    from protokoll.tui.screens import search

    asked: list[str] = []
    real = search.search_counted

    def counted(store, query, *args, **kwargs):
        asked.append(query)
        return real(store, query, *args, **kwargs)

    monkeypatch.setattr(search, "search_counted", counted)
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(SearchScreen())
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "the screen")
        await type_text(pilot, "b")
        status = app.screen.query_one("#search-status", Static)
        await wait_until(pilot, lambda: "Enter söker" in str(status.render()), "the hint")
        await pilot.pause(search.DEBOUNCE * 2)
        assert asked == []
        await pilot.press("enter")
        await wait_until(pilot, lambda: "träff" in str(status.render()), "the hits")
        assert asked == ["b"]
        app.screen.query_one("#query").focus()  # Enter had gone on to the hits
        await pilot.press("end")
        await type_text(pilot, "u")  # two letters: searched as typed again
        await wait_until(pilot, lambda: asked == ["b", "bu"], "the search of bu")
        await pilot.press("ctrl+q")


async def test_back_on_the_start_menu_the_cursor_is_where_it_was(example):
    """After Esc the cursor went back to "Nytt möte", and the next Enter opened
    the new-meeting form (trial 6)."""
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "StartScreen", "start")
        menu = app.screen.query_one("#menu", OptionList)
        menu.highlighted = [o.id for o in menu.options].index("tasks")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TasksScreen), "the tasks")
        await pilot.press("escape")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "StartScreen", "back")
        assert menu.highlighted_option.id == "tasks"
        await pilot.press("ctrl+q")


async def test_after_the_first_organ_the_cursor_is_on_a_new_meeting(tmp_path):
    """After the first organ was saved the cursor stayed on "Nytt organ", and
    Enter opened a second empty organ form (trial 8)."""
    from textual.widgets import Input

    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: type(app.screen).__name__ == "StartScreen", "start")
        menu = app.screen.query_one("#menu", OptionList)
        assert menu.highlighted_option.id == "organ"
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.query("#organisation"), "the form")
        app.screen.query_one("#name", Input).value = "Styrelsen"
        app.screen.query_one("#organisation", Input).value = "Föreningen"
        await pilot.press("f2")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "StartScreen", "back")
        await wait_until(pilot, lambda: menu.option_count > 3, "the menu of a store")
        assert menu.highlighted_option.id == "new"
        await pilot.press("ctrl+q")
