"""The task list read a part at a time: closed or switched while a part is on
its way, it neither mixes two listings nor stops the application."""

from __future__ import annotations

from protokoll.store import Store, Task
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.registers import FIRST, TasksScreen

from .conftest import meeting_with
from .test_review_app import until


def with_tasks(store: Store, organ_id: str, date: str, tasks: list[Task], **kw) -> str:
    """A meeting of the organ whose one § gives `tasks`; its id."""
    session = meeting_with(store, organ_id, date, 1, **kw)
    session.meeting.paragraphs[0].tasks = tasks
    session.save()
    session.close()
    return session.meeting.id


def styrelsen(tmp_path) -> Store:
    store = Store(tmp_path / "store")
    store.add_organ("Styrelsen", "Föreningen", organ_id="styrelsen")
    return store


def long_list(tmp_path, count: int) -> ProtokollApp:
    tasks = [
        Task(f"t{i}", f"Uppdrag nummer {i}", owner_name="Ada", done=i % 3 == 0)
        for i in range(count)
    ]
    with_tasks(styrelsen(tmp_path), "styrelsen", "2025-03-01", tasks)
    return ProtokollApp(tmp_path / "store")


async def task_list(app: ProtokollApp, pilot, ready) -> TasksScreen:
    """The task list opened over the start, once `ready(screen)` holds."""
    await pilot.pause()
    screen = TasksScreen()
    app.push_screen(screen)
    await until(pilot, lambda: ready(screen))
    return screen


async def test_closing_the_list_while_it_reads_leaves_the_application_running(tmp_path):
    app = long_list(tmp_path, FIRST * 5)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        start = app.screen
        for _ in range(3):
            app.push_screen(TasksScreen())
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause(0.2)
            assert app.screen is start and app.is_running
        screen = TasksScreen()
        app.push_screen(screen)
        await until(pilot, lambda: len(screen.rows) == FIRST)
        await pilot.press("ctrl+q")


async def test_toggling_twice_quickly_gives_one_listing_of_the_open_tasks(tmp_path):
    count = FIRST * 3
    app = long_list(tmp_path, count)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await task_list(app, pilot, lambda s: s.rows)
        await pilot.press("o", "o")
        await until(pilot, lambda: len(screen.rows) == FIRST)
        await pilot.pause(0.3)
        table = screen.query_one("#tasks")
        assert table.row_count == len(screen.rows) == FIRST
        assert not any(r.done for r in screen.rows)
        texts = [r.text for r in screen.rows]
        assert len(set(texts)) == len(texts)  # no row twice
        await pilot.press("ctrl+q")


async def test_at_80_columns_a_three_digit_paragraph_and_a_long_name_read_right(tmp_path):
    """'§ 100' read '§ 10', and 'Pernilla Knutsson' 'Pernilla Knutsso' (a trial)."""
    from .screen import screen_text

    store = Store(tmp_path / "store")
    organ = store.add_organ("Nämnden", "Kommunen", organ_id="n")
    owner = "Pernilla Knutsson-Lindberg"
    tasks = [Task("t1", "Redovisa kostnaderna", owner_name=owner)]
    with_tasks(store, organ.id, "2026-10-15", tasks, number_from=100)
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        await task_list(app, pilot, lambda s: len(s.rows) == 1)
        await pilot.pause()
        row = next(x for x in screen_text(app).splitlines() if "Redovisa" in x)
        assert "2026-10-15 § 100" in row
        assert "Pernilla Knuts…" in row
        await pilot.press("ctrl+q")


async def test_an_open_task_past_its_due_date_is_marked_late(tmp_path):
    """An overdue task looked like any other open one in the list (a trial)."""
    import datetime as dt

    from textual.widgets import DataTable

    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    tasks = [
        Task("late", "Sent uppdrag", owner_name="Ada", due="2025-04-01"),
        Task("soon", "Uppdrag i tid", owner_name="Ada", due=later),
        Task("none", "Uppdrag utan datum", owner_name="Ada"),
        Task("done", "Klart uppdrag", owner_name="Ada", due="2025-04-01", done=True),
    ]
    with_tasks(styrelsen(tmp_path), "styrelsen", "2025-03-01", tasks)
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await task_list(app, pilot, lambda s: len(s.rows) == 3)  # the open ones
        await pilot.press("o")  # and all
        await until(pilot, lambda: len(screen.rows) == 4)
        table = screen.query_one("#tasks", DataTable)
        states = {r.id: str(table.get_row_at(i)[0]) for i, r in enumerate(screen.rows)}
        assert states == {"late": "sent", "soon": "öppet", "none": "öppet", "done": "klart"}
        await pilot.press("ctrl+q")


async def test_the_task_under_the_cursor_says_its_organ(tmp_path):
    """"Från 2047-11-14 § 22" with no organ: three organs meeting on following
    days read alike (trial 6). The line under the list names it."""
    from textual.widgets import Static

    app = long_list(tmp_path, 3)
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await task_list(app, pilot, lambda s: len(s.rows) == 2)  # the open ones
        await pilot.pause()
        detail = str(screen.query_one("#task-detail", Static).render())
        assert detail.startswith("Styrelsen 2025-03-01 § 1\nAda: Uppdrag nummer "), detail
        await pilot.press("ctrl+q")


async def test_home_and_end_go_to_the_first_task_and_the_last_of_the_whole_list(tmp_path):
    """Home and End left the cursor where it was, and Ctrl+End reached the end
    of the part read so far, some 400 tasks a press (trial 20)."""
    from textual.widgets import DataTable

    count = FIRST * 12  # read a part at a time, as a large archive's are
    app = long_list(tmp_path, count)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await task_list(app, pilot, lambda s: len(s.rows) >= FIRST)
        await pilot.press("o")  # every task, not only the open ones
        await until(pilot, lambda: len(screen.rows) >= FIRST and not screen.rows[0].done)
        table = screen.query_one("#tasks", DataTable)
        assert len(screen.rows) < count
        await pilot.press("end")
        await until(pilot, lambda: len(screen.rows) == count and table.cursor_row == count - 1)
        assert screen.rows[-1].text == "Uppdrag nummer 0"  # newest first: the oldest last
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("ctrl+end")
        assert table.cursor_row == count - 1
        await pilot.press("ctrl+q")


async def test_at_80_columns_the_detail_says_where_a_long_task_was_followed_up(tmp_path):
    """'… § 22 · uppföljt 2044-07-12 §' lost its § under a long task (trial 20)."""
    from textual.widgets import Static

    from protokoll.store.model import FollowUp

    store = styrelsen(tmp_path)
    long_text = "Utreda och redovisa " + "samverkan med kommunens förvaltningar " * 6
    tasks = [Task("t1", long_text, owner_name="Ada Lind")]
    first = with_tasks(store, "styrelsen", "2025-03-01", tasks)
    second = meeting_with(store, "styrelsen", "2025-04-01", 1)
    second.meeting.paragraphs[0].followups = [
        FollowUp("t1", first, "2025-03-01", 1, long_text, done=False, note="pågår")
    ]
    second.save()
    second.close()
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await task_list(app, pilot, lambda s: len(s.rows) == 1)
        await pilot.pause()
        from .screen import screen_text

        text = screen_text(app)
        assert "Styrelsen 2025-03-01 § 1 · uppföljt 2025-04-01 § 2" in text, text
        # In its column, cut with "…" as the owner is, not as if it were whole (trial 21).
        row = next(x for x in text.splitlines() if "Ada Lind" in x and "öppet" in x)
        assert "Utreda och redovisa…" in row, row
        assert str(screen.query_one("#task-detail", Static).render()).count("\n") == 1
        await pilot.press("ctrl+q")
