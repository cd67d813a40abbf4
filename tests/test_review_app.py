"""Reviewing past meetings in the application: the browser, search, the protocol view."""

from __future__ import annotations

from protokoll.store import Store
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.browse import BrowseScreen
from protokoll.tui.screens.preview import PreviewScreen, find_all
from protokoll.tui.screens.search import SearchScreen

from .screen import screen_text, type_text


async def until(pilot, condition, tries: int = 50) -> None:
    """Let workers finish: pause until `condition()` holds."""
    for _ in range(tries):
        await pilot.pause(0.05)
        if condition():
            return
    raise AssertionError("condition never held")


async def on_past_meetings(app, pilot) -> BrowseScreen:
    """Tidigare möten over the start screen, once its list has been read."""
    await pilot.pause()
    app.push_screen(BrowseScreen())
    await until(pilot, lambda: isinstance(app.screen, BrowseScreen) and app.screen.summaries)
    return app.screen


async def test_past_meetings_are_grouped_by_organ_and_year_newest_first(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_past_meetings(app, pilot)
        text = screen_text(app)
        au = text.index("Arbetsutskottet, Samordningsförbundet Norrå · 2025")
        bg = text.index("Beredningsgruppen, Samordningsförbundet Norrå · 2025")
        rows = [text.index(d) for d in ("2025-06-05", "2025-04-10", "2025-02-13")]
        assert au < rows[0] < rows[1] < rows[2] < bg
        assert "§§ 14–20" in text and "justerat" in text and "Minnesanteckningar" in text
        # The cursor starts on the newest meeting, not on a heading.
        assert app.screen.query_one("#meetings").highlighted_id == "20250605-au"
        await pilot.press("ctrl+q")


async def test_tab_goes_to_the_next_organs_newest_meeting(example):
    """10,000 rows had been some 170 PageDowns from one organ to the next (trial 20)."""
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        browse = await on_past_meetings(app, pilot)
        rows = browse.query_one("#meetings")
        newest = list(browse.organ_firsts.values())  # each organ's, in the list's order
        assert len(newest) >= 3 and rows.highlighted_id == newest[0]
        assert "20250605-au" in newest and "20250520-bg" in newest
        assert "tab Nästa organ" in screen_text(app)
        await pilot.press("tab")
        assert rows.highlighted_id == newest[1]
        for _ in newest[1:]:
            await pilot.press("tab")  # round to the first again
        assert rows.highlighted_id == newest[0]
        await pilot.press("shift+tab")
        assert rows.highlighted_id == newest[-1]
        await pilot.press("ctrl+q")


async def test_one_hit_is_said_in_the_singular(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(SearchScreen())
        await pilot.pause()
        await type_text(pilot, "Utvärdera")
        await pilot.press("enter")
        screen = app.screen
        await until(pilot, lambda: screen.hits)
        assert len(screen.hits) == 1
        assert "1 träff" in screen_text(app) and "1 träffar" not in screen_text(app)


async def test_a_search_opens_the_protocol_at_the_paragraph_of_the_hit(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_past_meetings(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "förlängning")
        await pilot.press("enter")
        screen = app.screen
        await until(pilot, lambda: screen.hits)
        assert [(h.meeting, h.paragraph) for h in screen.hits] == [
            ("20250520-bg", None),
            ("20250410-au", 11),
        ]
        assert "2 träffar" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await pilot.pause()
        page = preview.query_one("#page")
        line = preview.text.split("\n").index("§ 11  Ansökan om förlängning av Steg Vidare")
        assert page.scroll_y == line
        assert "§ 11  Ansökan om förlängning" in screen_text(app)
        # The word searched for is marked in the protocol.
        assert preview.matches and preview.query_text.casefold() == "förlängning"
        await pilot.press("escape")
        assert app.screen is screen  # back to the hits, as they were
        await pilot.press("ctrl+q")


async def test_the_search_tells_when_nothing_is_found_and_takes_markup_as_text(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(SearchScreen())
        await pilot.pause()
        await type_text(pilot, "[bold]x[/]")
        await pilot.press("enter")
        await until(pilot, lambda: "Inga träffar" in screen_text(app))
        await pilot.press("ctrl+q")


async def test_find_in_the_protocol_marks_every_match_and_steps_through_them(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PreviewScreen(Store(example).load("20250605-au")))
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash")
        await type_text(pilot, "analysgruppen")
        await pilot.press("enter")
        await pilot.pause()
        expected = find_all(screen.text, "Analysgruppen")
        assert len(expected) == 3 and screen.matches == expected
        assert screen.current == 0
        await pilot.press("n")
        assert screen.current == 1
        await pilot.press("N", "N")
        assert screen.current == len(expected) - 1  # round to the last
        # q typed into the find field is text, not "back".
        await pilot.press("slash", "q")
        assert app.screen is screen and screen.query_one("#find").value.endswith("q")
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")
        assert app.screen is not screen
        await pilot.press("ctrl+q")


def test_find_ignores_case_but_keeps_swedish_letters_apart():
    text = "Ärende och arende. ÄRENDE igen."
    assert find_all(text, "ärende") == [0, 19]
    assert find_all(text, "arende") == [11]
    assert find_all(text, "") == []


async def test_the_next_meeting_follows_up_open_tasks_from_the_agenda(example):
    from protokoll.store.registers import tasks
    from protokoll.tui.screens.followup import AgendaRow
    from protokoll.tui.screens.meeting import MeetingScreen

    store = Store(example)
    organ = next(o for o in store.organs() if o.name == "Arbetsutskottet")
    session = store.create_meeting(organ.id, "2025-08-28", start="13:00")
    session.meeting.status = "open"  # in progress: the application goes straight to it
    session.save()
    session.close()
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await until(pilot, lambda: screen.pending.tasks)
        agenda = screen.query_one("#agenda")
        ids = agenda.refs  # what each row stands for
        titles = [i.title for i in screen.meeting.agenda]
        at = titles.index("Föregående protokoll")
        assert screen.meeting.agenda[at].ref == "20250605-au"
        assert titles[at + 1] == "Uppföljning av uppdrag"
        assert "2025-06-05, §§ 14–20" in screen_text(app)
        rows = [r for r in ids if r.task is not None]
        assert len(rows) == len(screen.pending.tasks) >= 2
        # Follow up the budget task of § 19 as done, with a note.
        budget = next(o for o in screen.pending.tasks if o.number == 19)
        await pilot.press("f8")
        agenda.highlighted = ids.index(AgendaRow(task=budget.task.id))
        await pilot.press("enter")
        await pilot.pause()
        # The question has the keys, not the editor of the § just made for it.
        assert app.focused is not None and app.focused.screen is app.screen
        assert app.screen is not screen
        await pilot.press("enter")  # Slutfört
        await pilot.pause()
        await type_text(pilot, "Utkastet redovisades.")
        await pilot.press("enter")
        await pilot.pause()
        follow = screen.current
        assert follow.title == "Uppföljning av uppdrag" and follow.number == 21
        assert [(f.task, f.done, f.note) for f in follow.followups] == [
            (budget.task.id, True, "Utkastet redovisades.")
        ]
        rows = " ".join(
            str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)
        )
        assert f"✓ {budget.task.text} (Maria Öberg, § 19)" in rows
        await pilot.press("ctrl+q")
    store = Store(example)
    rows = {r.paragraph: r for r in tasks([store.load(s.id) for s in store.summaries()])}
    assert rows[19].done and rows[19].followed_up == "2025-08-28 § 21"


async def test_a_correction_is_made_from_the_protocol_view_and_shown_there(example):
    import datetime as dt

    from protokoll.store.adjust import adjust, verify

    adjust(Store(example), "20250605", dt.date(2025, 6, 12), [])
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PreviewScreen(Store(example).load("20250605-au")))
        await pilot.pause()
        screen = app.screen
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "20 juni 2025")
        await pilot.press("enter")
        await type_text(pilot, "17")
        await pilot.press("enter")
        await type_text(pilot, "Beloppet ska vara 250 000 kronor.")
        await pilot.press("enter")
        await type_text(pilot, "Skrivfel.")
        await pilot.press("enter")
        # Every field named while filled in (the frames), and the keys said.
        flat = " ".join(screen_text(app).replace("█", " ").replace("▔", " ").split())
        for label in ("Datum för rättelsen", "§ (tomt: hela protokollet)", "Vad rättas, och hur"):
            assert label in flat
        assert "Skäl" in flat and "Rättad av" in flat and "sparas rättelsen efter en fråga" in flat
        await pilot.press("enter")  # by: the secretary, as offered
        await pilot.pause()
        # Asked first: a rättelse stays for good. Esc goes back to it, kept.
        assert "Lägga till rättelsen av § 17 i protokollet?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CorrectionDialog"
        assert app.screen.query_one("#what").value == "Beloppet ska vara 250 000 kronor."
        assert Store(example).load("20250605-au").corrections == []
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # yes
        await pilot.pause()
        assert app.screen is screen
        assert "Rättelser efter justering" in screen.text
        assert "2025-06-20, § 17 (Maria Öberg): Beloppet ska vara 250 000" in screen.text
        assert "Rättelser efter justering" in screen_text(app)  # scrolled to it
        await pilot.press("ctrl+q")
    assert verify(Store(example), "20250605")[0]


async def test_f4_on_an_adjusted_protocol_says_it_takes_a_correction(example):
    """A trial pressed F4 (reopen) on an adjusted protocol: nothing happened."""
    from .screen import Notices, wait_until

    app = ProtokollApp(example)
    notices = Notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PreviewScreen(Store(example).load("20250213-au")))  # adjusted
        await pilot.pause()
        await pilot.press("f4")
        said = notices.said
        await wait_until(pilot, lambda: any("rättelse görs med F3" in x for x in said), "F4")
        assert Store(example).load("20250213-au").status == "adjusted"
        await pilot.press("ctrl+q")


async def test_a_protocol_not_adjusted_is_not_corrected_but_edited(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PreviewScreen(Store(example).load("20250410-au")))
        await pilot.pause()
        screen = app.screen
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+q")
    assert Store(example).load("20250410-au").corrections == []


async def test_the_task_list_shows_open_tasks_and_opens_the_protocol_at_their_paragraph(example):
    from protokoll.tui.screens.registers import TasksScreen

    app = ProtokollApp(example)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TasksScreen())
        screen = app.screen
        await until(pilot, lambda: screen.rows)
        await pilot.pause()
        assert all(not r.done for r in screen.rows)
        assert [r.date for r in screen.rows] == sorted((r.date for r in screen.rows), reverse=True)
        text = screen_text(app)
        assert "Maria Öberg" in text and "2025-06-05 § 19" in text
        open_count = len(screen.rows)
        await pilot.press("o")  # the done ones too, read anew
        await until(pilot, lambda: len([r for r in screen.rows if not r.done]) == open_count)
        budget = next(i for i, r in enumerate(screen.rows) if r.paragraph == 19)
        screen.query_one("#tasks").move_cursor(row=budget)
        await pilot.press("enter")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await pilot.pause()
        assert "§ 19  Budget 2026" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_the_task_under_the_cursor_is_shown_whole_and_the_title_says_which_are_listed(
    tmp_path,
):
    # At 80 columns the task's column shows some twenty characters (a trial).
    from protokoll.store import Task
    from protokoll.tui.screens.registers import TasksScreen

    store = Store(tmp_path / "store")
    store.add_organ("Arbetsutskottet", "Förbundet", organ_id="au")
    session = store.create_meeting("au", "2021-04-15")
    session.add_paragraph("Informationsärenden")
    long = "tillsammans med förbundschefen utveckla och förtydliga dessa stycken"
    session.meeting.paragraphs[0].tasks = [
        Task("t1", long, owner_name="Micke", due="2021-06-30"),
        Task("t2", "göra förändringarna", owner_name="Förbundschefen", done=True),
    ]
    session.save()
    session.close()
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TasksScreen())
        screen = app.screen
        await until(pilot, lambda: screen.rows)
        await pilot.pause()
        text = screen_text(app)
        assert long not in text.splitlines()[2]  # cut in its column ...
        flat = " ".join(text.split())
        below = f"Arbetsutskottet 2021-04-15 § 1 · senast 2021-06-30 Micke: {long}"
        assert below in flat  # ... whole below
        assert "Uppdrag, de ej klara" in text and "o visar alla" in text
        await pilot.press("o")
        await until(pilot, lambda: len(screen.rows) == 2)
        await pilot.pause()
        assert "Uppdrag, alla" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_at_80_columns_the_line_below_says_where_a_task_was_followed_up(tmp_path):
    """Its column is left out at 80 columns, and a trial never saw the
    follow-up in the list (`protokoll tasks` showed it)."""
    from protokoll.store import Task, verbs
    from protokoll.store.model import FollowUp
    from protokoll.tui.screens.registers import TasksScreen

    store = Store(tmp_path / "store")
    store.add_organ("Socialnämnden", "Sydstads kommun", organ_id="sn")
    first = store.create_meeting("sn", "2026-11-05")
    first.add_paragraph("Budget")
    task = Task("t1", "ta fram ett utkast", owner_name="Elin Strand")
    first.meeting.paragraphs[0].tasks = [task]
    first.meeting.status = "closed"
    first.save()
    first.close()
    later = store.create_meeting("sn", "2026-11-26")
    pid = later.add_paragraph("Uppföljning av uppdrag").id
    number = first.meeting.paragraphs[0].number
    followed = FollowUp(
        "t1", first.meeting.id, "2026-11-05", number, task.text, "Elin Strand", done=False
    )
    later.editor(history=False).do(verbs.follow_up, pid, followed)
    later.save()
    later.close()
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TasksScreen())
        screen = app.screen
        await until(pilot, lambda: screen.rows and screen.rows[0].followed_up)
        await pilot.pause()
        flat = " ".join(screen_text(app).split())
        assert f"uppföljt {screen.rows[0].followed_up}" in flat
        assert "2026-11-26" in screen.rows[0].followed_up
        await pilot.press("ctrl+q")


async def test_a_long_task_list_is_read_a_part_at_a_time_as_it_is_scrolled(tmp_path):
    """More tasks than a screenful: only a part is read until the user comes near
    its end; scrolled to the end, all come, in order, and 'o' starts again cleanly."""
    from protokoll.store import Task
    from protokoll.tui.screens.registers import CHUNK, FIRST, TasksScreen

    store = Store(tmp_path / "store")
    organ = store.add_organ("Styrelsen", "Föreningen", organ_id="styrelsen")
    session = store.create_meeting(organ.id, "2025-03-01")
    session.add_paragraph("Uppdrag")
    count = CHUNK * 2 + 50
    session.meeting.paragraphs[0].tasks = [
        Task(f"t{i}", f"Uppdrag nummer {i}", owner_name="Ada", done=i % 2 == 0)
        for i in range(count)
    ]
    session.save()
    session.close()
    app = ProtokollApp(tmp_path / "store")

    async def scrolled_to_the_end(pilot, table, rows: int) -> None:
        # The view scrolled, then the cursor taken, to the last row read so far.
        for k in range(40):
            if k % 2:
                table.move_cursor(row=table.row_count - 1)
            else:
                table.scroll_end(animate=False)
            await pilot.pause(0.05)
            if table.row_count == rows:
                return
        raise AssertionError(f"{table.row_count} rows of {rows}")

    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TasksScreen())
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#tasks")
        await until(pilot, lambda: screen.rows)
        await pilot.pause(0.3)
        assert table.row_count == FIRST  # a screenful and some, not the whole list
        open_ones = [i for i in range(count) if i % 2]
        await scrolled_to_the_end(pilot, table, len(open_ones))
        assert not any(r.done for r in screen.rows)
        await pilot.press("o")  # all of them, done ones too
        await until(pilot, lambda: table.row_count == FIRST)
        await scrolled_to_the_end(pilot, table, count)
        assert [str(table.get_row_at(i)[2]) for i in (0, count - 1)] == [
            screen.rows[0].text,
            screen.rows[-1].text,
        ]


async def test_question_mark_on_an_imported_protocol_shows_how_its_source_was_read(
    tmp_path, example
):
    # What the import guessed was said once, on stderr (a trial): "?" shows it again.
    from pathlib import Path

    from protokoll.store.importer import import_protocol
    from protokoll.tui.screens.explain import ExplainScreen

    seeds = Path(__file__).parent / "data" / "seeds"
    seed = seeds / "hogsby-kommunfullmaktige-2017-09-04.PARTIAL.txt"
    store = Store(tmp_path / "store")
    done = import_protocol(store, seed, seed.read_bytes())
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.show_protocol(done.meeting.id)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ExplainScreen)
        shown = app.screen.text
        assert shown.startswith(seed.name)
        assert "  5  Beslutande Se bilaga" in shown and "? fält: Beslutande" in shown
        assert "→ person" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        await pilot.press("ctrl+q")
    # A protocol taken in the program has no source: "?" is not offered.
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.show_protocol("20250605-au")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        await pilot.press("ctrl+q")
