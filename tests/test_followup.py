"""The task life-cycle across meetings and the follow-up items of the next meeting."""

from __future__ import annotations

import datetime as dt

from protokoll.store import Store, Task, render_text
from protokoll.store.adjust import adjust
from protokoll.store.followup import add_items, pending, previous_reference
from protokoll.store.registers import tasks

from .conftest import meeting_with


def closed_meeting_with_task(store, organ, date="2025-02-01"):
    s = meeting_with(store, organ.id, date, 2)
    s.meeting.paragraphs[1].tasks.append(
        Task("t-report", "Ta fram en rapport om lokalerna", owner_name="Eva Holm", due="2025-03-01")
    )
    s.meeting.status = "closed"
    s.save()
    s.close()
    return s.meeting


def test_the_next_meeting_lists_open_tasks_and_the_previous_protocol(store, organ):
    first = closed_meeting_with_task(store, organ)
    s = store.create_meeting(organ.id, "2025-03-10")
    state = pending(store, s.meeting)
    assert [(o.meeting, o.number, o.owner) for o in state.tasks] == [(first.id, 2, "Eva Holm")]
    assert state.previous is not None and state.previous.id == first.id
    assert add_items(s.meeting, state)
    titles = [(i.title, i.kind) for i in s.meeting.agenda]
    # The standard agenda's item is made to refer to the protocol, and the
    # follow-up of tasks comes right after it.
    at = titles.index(("Föregående protokoll", "previous"))
    assert s.meeting.agenda[at].ref == first.id
    assert previous_reference(state.previous) == (
        "Protokollet från sammanträdet 2025-02-01, §§ 1–2"
    )
    assert titles[at + 1] == ("Uppföljning av uppdrag", "followup")
    assert not add_items(s.meeting, state)  # once only


def test_follow_up_as_done_closes_the_task_for_later_meetings(store, organ):
    first = closed_meeting_with_task(store, organ)
    second = store.create_meeting(organ.id, "2025-03-10")
    state = pending(store, second.meeting)
    add_items(second.meeting, state)
    item = next(i for i in second.meeting.agenda if i.kind == "previous")
    p = second.add_paragraph("Föregående protokoll", agenda_item=item.id)
    item.paragraph = p.id
    follow = second.add_paragraph("Uppföljning av uppdrag")
    follow.followups.append(state.tasks[0].follow_up(done=True, note="Rapporten redovisades."))
    second.meeting.status = "closed"
    second.save()
    second.close()

    rows = tasks([Store(store.path).load(m) for m in (first.id, second.meeting.id)])
    (row,) = rows
    assert row.done
    assert row.followed_up == "2025-03-10 § 4" and row.done_note == "Rapporten redovisades."
    assert tasks([first, Store(store.path).load(second.meeting.id)], open_only=True) == []

    third = store.create_meeting(organ.id, "2025-04-10")
    later = pending(Store(store.path), third.meeting)
    assert later.tasks == []
    # The first protocol was reported; the second is the one to report now.
    assert later.previous is not None and later.previous.id == second.meeting.id

    text = render_text(Store(store.path).load(second.meeting.id))
    assert "Uppföljning av uppdrag" in text
    assert (
        "Eva Holm: Ta fram en rapport om lokalerna (från § 2, 2025-02-01): slutfört. "
        "Rapporten redovisades."
    ) in " ".join(text.split())


def test_a_task_reported_on_but_ongoing_stays_open(store, organ):
    closed_meeting_with_task(store, organ)
    second = store.create_meeting(organ.id, "2025-03-10")
    state = pending(store, second.meeting)
    p = second.add_paragraph("Uppföljning")
    p.followups.append(state.tasks[0].follow_up(done=False, note="Klar till maj."))
    second.meeting.status = "closed"
    second.save()
    second.close()
    third = store.create_meeting(organ.id, "2025-04-10")
    assert [o.task.id for o in pending(store, third.meeting).tasks] == ["t-report"]
    assert "pågår. Klar till maj." in " ".join(render_text(store.load(second.meeting.id)).split())


def test_a_task_of_an_adjusted_meeting_is_followed_up_without_touching_it(store, organ):
    first = closed_meeting_with_task(store, organ)
    adjust(store, first.id, dt.date(2025, 2, 5), ["Anna Berg"])
    second = store.create_meeting(organ.id, "2025-03-10")
    state = pending(store, second.meeting)
    p = second.add_paragraph("Uppföljning")
    p.followups.append(state.tasks[0].follow_up())
    second.save()
    from protokoll.store.adjust import verify

    assert verify(Store(store.path), first.id)[0]  # the adjusted text is unchanged
    assert tasks([store.load(first.id), second.meeting], open_only=True) == []


def test_other_organs_and_later_meetings_are_not_followed_up(store, organ):
    other = store.add_organ("Styrelsen", "Förbundet", organ_id="st")
    # Made before the later one was closed: a meeting before a closed protocol
    # that follows on at once is refused when made (store._room_for_numbers).
    early = store.create_meeting(organ.id, "2025-01-10")
    closed_meeting_with_task(store, organ, date="2025-02-01")
    s = store.create_meeting(other.id, "2025-03-10")
    assert pending(store, s.meeting).tasks == []
    assert pending(store, s.meeting).previous is None
    assert pending(store, early.meeting).tasks == []


def test_a_first_meeting_keeps_its_agenda_as_it_was(store, organ):
    s = store.create_meeting(organ.id, "2025-03-10")
    before = [i.title for i in s.meeting.agenda]
    assert not add_items(s.meeting, pending(store, s.meeting))
    assert [i.title for i in s.meeting.agenda] == before


def test_the_newest_open_tasks_first_and_how_many_more_the_rest_on_asking(tmp_path):
    """`pending(newest=k)` gives the k latest open tasks (and every task followed
    up here), in the order the full list has them, and counts the rest; with
    every_task, the full list: what reading every earlier meeting gives."""
    from protokoll.store.followup import pending_by_reading

    from .test_archive_index import generated

    store = generated(tmp_path / "store", 21, count=60)
    cut = 0
    for s in store.summaries():
        meeting = store.load(s.id)
        full = pending_by_reading(store, meeting).tasks
        assert pending(store, meeting, every_task=True).tasks == full
        assert pending(store, meeting, every_task=True).more == 0
        here = {f.task for p in meeting.paragraphs for f in p.followups}
        for k in (1, 2, 5):
            part = pending(store, meeting, newest=k)
            assert part.tasks == [o for o in full if o in part.tasks]  # in the same order
            assert {o.task.id for o in full if o.task.id in here} <= {
                o.task.id for o in part.tasks
            }
            if not here:  # every listed task is open: the k latest, and a count
                assert part.tasks == full[-k:]
                assert part.more == max(len(full) - k, 0)
                cut += part.more > 0
    assert cut  # the store has meetings with more open tasks than shown


def tasks_then_a_meeting_in_progress(path, tasks: int) -> tuple[Store, str]:
    """A closed meeting of `tasks` §s, a task in each (t-0 …), and the organ's
    next meeting in progress; the store and that meeting's id."""
    store = Store(path)
    organ = store.add_organ("Arbetsutskottet", "Förbundet", organ_id="au")
    first = meeting_with(store, organ.id, "2025-02-01", tasks)
    for k, p in enumerate(first.meeting.paragraphs):
        p.tasks.append(Task(f"t-{k}", f"Uppdrag nummer {k}", owner_name="Eva Holm"))
    first.meeting.status = "closed"
    first.save()
    first.close()
    going = store.create_meeting(organ.id, "2025-03-10")
    going.meeting.status = "open"
    going.add_paragraph("Information")
    going.close()
    return store, going.meeting.id


async def test_the_newest_open_tasks_are_shown_and_enter_shows_the_rest(tmp_path, monkeypatch):
    import asyncio

    from protokoll.store import followup
    from protokoll.tui.app import ProtokollApp
    from protokoll.tui.screens.followup import AgendaRow

    from .screen import screen_text, wait_until

    monkeypatch.setattr(followup, "FIRST", 2)
    tasks_then_a_meeting_in_progress(tmp_path / "store", 4)
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "pending_read", False), "follow-up")
        screen = app.screen
        agenda = screen.query_one("#agenda")
        tasks = [r.task for r in agenda.refs if r.task]
        assert tasks == ["t-2", "t-3"]  # the newest two, oldest first
        assert "   … 2 äldre (Enter)" in screen_text(app)
        agenda.focus()
        more = next(i for i, r in enumerate(agenda.refs) if r.more)
        agenda.highlighted = more
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: len([r for r in agenda.refs if r.task]) == 4, "every open task"
        )
        assert [r.task for r in agenda.refs if r.task] == ["t-0", "t-1", "t-2", "t-3"]
        assert not any(isinstance(r, AgendaRow) and r.more for r in agenda.refs)
        # The cursor stays where the row was, on the oldest task it brought in,
        # not at the top of the agenda (seen at 80x24 with 6,624 tasks).
        assert agenda.highlighted == more and agenda.refs[more].task == "t-0"
        await asyncio.sleep(0)
        await pilot.press("ctrl+q")


async def test_the_footer_says_what_enter_does_on_the_row_under_the_cursor(
    tmp_path, monkeypatch
):
    """On a task's row the footer had said "⏎ Ta som §", where Enter follows the
    task up, and D (bordlägg) on it did nothing (a trial)."""
    from textual.widgets import Footer

    from protokoll.store import followup
    from protokoll.tui.app import ProtokollApp
    from protokoll.tui.screens.followup import AgendaRow

    from .screen import wait_until

    monkeypatch.setattr(followup, "FIRST", 1)
    store, meeting_id = tasks_then_a_meeting_in_progress(tmp_path / "store", 2)
    app = ProtokollApp(tmp_path / "store")

    def footer() -> dict[str, str]:
        keys = app.screen.query_one(Footer).query("FooterKey")
        return {k.key: k.description for k in keys}

    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "pending_read", False), "follow-up")
        agenda = app.screen.query_one("#agenda")
        agenda.focus()
        rows = {
            "task": next(i for i, r in enumerate(agenda.refs) if r.task),
            "more": next(i for i, r in enumerate(agenda.refs) if r.more),
            "item": next(i for i, r in enumerate(agenda.refs) if r.item and not r.more),
        }
        says = {"task": "Följ upp", "more": "Visa äldre", "item": "Ta som §"}
        for kind, at in rows.items():
            agenda.highlighted = at
            await wait_until(pilot, lambda k=kind: footer().get("enter") == says[k], says[kind])
            assert ("d" in footer()) == (kind == "item"), footer()
        agenda.highlighted = rows["task"]
        await pilot.pause()
        await pilot.press("d")  # not an item: nothing deferred, no § made
        await pilot.pause()
        assert not [p for p in app.screen.meeting.paragraphs if p.title != "Information"]
        await pilot.press("enter")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "PickDialog", "asked")
        await pilot.press("escape")
        agenda.highlighted = rows["more"]
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: not any(isinstance(r, AgendaRow) and r.more for r in agenda.refs),
            "the older ones read",
        )
        await pilot.press("ctrl+q")


async def test_a_meeting_resumed_with_its_follow_up_items_in_place_is_not_written_again(tmp_path):
    """The first start puts the items in and saves; a later start finds them
    there and writes nothing (each save came to the derived database as a
    changed meeting, compared and taken in again at every start)."""
    from protokoll.tui.app import ProtokollApp

    from .screen import wait_until

    store, going = tasks_then_a_meeting_in_progress(tmp_path / "store", 1)
    path = store.meetings_dir / f"{going}.json"
    stamps = []
    for _ in range(2):
        app = ProtokollApp(tmp_path / "store")
        async with app.run_test(size=(100, 40)) as pilot:
            read = lambda app=app: getattr(app.screen, "pending_read", False)  # noqa: E731
            await wait_until(pilot, read, "follow-up")
            assert [i.kind for i in app.screen.meeting.agenda if i.kind] == ["previous", "followup"]
            await pilot.press("ctrl+q")
        stamps.append(path.stat().st_mtime_ns)
    items = [i.kind for i in Store(tmp_path / "store").load(going).agenda if i.kind]
    assert items == ["previous", "followup"] and stamps[1] == stamps[0]


def test_a_follow_up_item_on_the_standing_agenda_is_the_one_used(store, organ):
    """A nämnd with "Uppföljning av uppdrag" on its standing agenda had it
    twice in every meeting with open tasks (a trial)."""
    closed_meeting_with_task(store, organ)
    organ.agenda_template = [
        "Mötets öppnande", "Föregående protokoll", "Uppföljning av uppdrag", "Övriga frågor"
    ]
    store.save_organ(organ)
    s = store.create_meeting(organ.id, "2025-03-10")
    assert add_items(s.meeting, pending(store, s.meeting))
    titles = [(i.title, i.kind) for i in s.meeting.agenda]
    assert titles == [
        ("Mötets öppnande", ""),
        ("Föregående protokoll", "previous"),
        ("Uppföljning av uppdrag", "followup"),
        ("Övriga frågor", ""),
    ]


async def test_the_follow_up_question_names_the_task_and_shows_the_choice_as_chosen(tmp_path):
    """The status dialog showed only the task's text, and "Slutfört" dimly while
    the filter had the focus: ↓ went past it, and the follow-up was recorded as
    the opposite of what was meant (trial 6)."""
    from textual.widgets import OptionList

    from protokoll.tui.app import ProtokollApp
    from protokoll.tui.screens.dialogs import PickDialog

    from .screen import wait_until

    tasks_then_a_meeting_in_progress(tmp_path / "store", 1)
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "pending_read", False), "follow-up")
        agenda = app.screen.query_one("#agenda")
        agenda.focus()
        agenda.highlighted = next(i for i, r in enumerate(agenda.refs) if r.task)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PickDialog), "asked")
        dialog = app.screen
        title = str(dialog.query_one(".dialog-title").render())
        assert title == "Uppföljning: Eva Holm: Uppdrag nummer 0 (§ 1, 2025-02-01)"
        choices = dialog.query_one("#choices", OptionList)
        await pilot.pause()
        assert not choices.has_focus  # the filter has it

        def background(line: int) -> object:
            return {s.style.bgcolor for s in choices.render_line(line) if s.text.strip()}

        chosen, other = background(0), background(1)
        choices.focus()
        await pilot.pause()
        assert chosen == background(0) and chosen != other  # as when the list has focus
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_what_the_program_writes_into_a_record_is_in_the_records_language(tmp_path):
    """An English session had put "The minutes of the meeting of …" and "Follow-up
    of tasks" into a Swedish organ's record (trial 8): what the program writes
    into a record is in the organ's language, whatever the interface speaks."""
    from protokoll.tui.app import ProtokollApp

    from .screen import wait_until

    store, meeting_id = tasks_then_a_meeting_in_progress(tmp_path / "store", 1)
    app = ProtokollApp(tmp_path / "store", lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "pending_read", False), "follow-up")
        screen = app.screen
        titles = [i.title for i in screen.meeting.agenda]
        assert "Uppföljning av uppdrag" in titles and "Follow-up of tasks" not in titles
        previous = next(i for i in screen.meeting.agenda if i.kind == "previous")
        screen.take_item(previous.id)
        await pilot.pause()
        assert screen.meeting.paragraph(previous.paragraph).text.startswith(
            "Protokollet från sammanträdet 2025-02-01"
        )
        await pilot.press("ctrl+q")


def test_a_paragraph_reporting_a_protocol_no_longer_the_previous_is_said(tmp_path, capsys):
    """May's § said "Protokollet från sammanträdet 2026-02-12 …" after a March
    meeting was typed in between, and nothing said so (trial 8)."""
    from protokoll.store import verbs
    from protokoll.store.followup import pending, previous_moved
    from protokoll.tui.cli import main

    store = Store(tmp_path / "store")
    organ = store.add_organ("Styrelsen", "Förbundet", organ_id="st")
    feb = meeting_with(store, organ.id, "2026-02-12", 2)
    feb.editor(history=False).do(verbs.close_meeting, "15.00")
    feb.close()
    may = store.create_meeting(organ.id, "2026-05-14")
    ed = may.editor(history=False)
    ed.do(verbs.open_meeting)
    ed.do(verbs.plan_followups, pending(store, may.meeting), "sv")
    previous = next(i for i in may.meeting.agenda if i.kind == "previous")
    ed.do(verbs.take_item, previous.id, text="Protokollet från sammanträdet 2026-02-12. ")
    assert previous_moved(store, may.meeting) == []
    march = meeting_with(store, organ.id, "2026-03-12", 1)  # typed in afterwards
    march.close()
    found = previous_moved(store, may.meeting)
    assert [x.text() for x in found] == [
        "§ 4 anmäler protokollet från 2026-02-12, men föregående protokoll är nu det från "
        "2026-03-12"
    ]
    assert found[0].paragraph == previous.paragraph and not found[0].serious
    may.close()
    main(["check", may.meeting.id, "--store", str(store.path)])  # (it lacks a quorum, too)
    assert "föregående protokoll är nu det från 2026-03-12" in capsys.readouterr().out


def test_a_follow_up_row_begins_with_the_task_not_its_owner():
    """In the agenda's 26 columns at 80x24, twenty rows of "○ Ledamot3
    Efternamn:…" read alike (trial 20): the task's text comes first."""
    from protokoll.store.followup import OpenTask
    from protokoll.store.model import Meeting
    from protokoll.tui.screens.followup import task_rows

    meeting = Meeting("m2", "au", "AU", "Förbundet", "2025-03-01")
    tasks = [
        OpenTask("m1", "2025-02-01", 4, Task("t1", "Ta fram en rapport"), "Ledamot3 Efternamn"),
        OpenTask("m1", "2025-02-01", None, Task("t2", "Boka lokal"), ""),
    ]
    rows = [text for _, text in task_rows(tasks, meeting)]
    assert rows == [
        "   ○ Ta fram en rapport (Ledamot3 Efternamn, § 4)",
        "   ○ Boka lokal (2025-02-01)",
    ]
