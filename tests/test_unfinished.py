"""The meetings not yet closed are known without looking over the whole archive.

The application resumes the meeting in progress, or lists the drafts and
meetings in progress on its start menu, from `index/unfinished`; every
meeting is looked over after the first screen. The answers must be the ones
the whole look-over gives, whatever happened to the file.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from protokoll.store import Store, verbs
from protokoll.store.meeting_index import MeetingIndex
from protokoll.tui import app as tui_app
from tests.conftest import meeting_with, store_with_meeting_in_progress
from tests.screen import Notices, screen_text, wait_until


def both_ways(path: Path, statuses=("draft", "open")) -> tuple[list[str], list[str]]:
    """What `unfinished` says on a fresh store, and what the whole look-over says."""
    quick = [s.id for s in Store(path).unfinished(statuses)]
    whole = [s.id for s in Store(path).summaries(statuses)]
    return quick, whole


def test_drafts_and_meetings_in_progress_are_found_without_a_look_over(store, organ, looked_over):
    closed = meeting_with(store, organ.id, "2025-01-10", 2)
    closed.editor().do(verbs.close_meeting, "15:00")
    closed.close()
    draft = meeting_with(store, organ.id, "2025-02-10", 0)  # no § yet: a draft
    draft.close()
    going = meeting_with(store, organ.id, "2025-03-10", 1)  # a § taken down: in progress
    going.close()
    looked_over.clear()
    fresh = Store(store.path)
    assert [s.id for s in fresh.unfinished(("open",))] == [going.meeting.id]
    assert [s.id for s in fresh.unfinished()] == [going.meeting.id, draft.meeting.id]
    assert looked_over == []
    assert both_ways(store.path) == ([going.meeting.id, draft.meeting.id],) * 2


def test_closing_reopening_and_moving_keep_the_list_true(store, organ):
    a = meeting_with(store, organ.id, "2025-01-10", 1)
    b = meeting_with(store, organ.id, "2025-02-10", 0)
    assert both_ways(store.path)[0] == [b.meeting.id, a.meeting.id]
    a.editor().do(verbs.close_meeting, "15:00")
    assert both_ways(store.path) == ([b.meeting.id],) * 2
    a.editor().do(verbs.reopen_meeting)
    assert both_ways(store.path) == ([b.meeting.id, a.meeting.id],) * 2
    b.set_date("2026-05-01")  # another organ-year: its row moves, it stays unfinished
    assert both_ways(store.path) == ([b.meeting.id, a.meeting.id],) * 2
    a.close()
    b.close()


def test_a_meeting_closed_behind_the_stores_back_is_not_resumed(store, organ):
    s = meeting_with(store, organ.id, "2025-01-10", 1)
    s.close()
    path = store.path / "meetings" / f"{s.meeting.id}.json"
    doc = json.loads(path.read_text("utf-8"))
    doc["meeting"]["1"]["status"] = "closed"  # by hand, or by another program
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert both_ways(store.path, ("open",)) == ([], [])


@pytest.mark.parametrize("content", [None, b"{not json", b'{"meetings": [1]}', b"[]"])
def test_a_missing_or_damaged_list_means_the_look_over_comes_first_and_makes_it_again(
    store, organ, content
):
    s = meeting_with(store, organ.id, "2025-01-10", 1)
    s.close()
    Store(store.path).summaries()  # the list made, as any earlier run of the program leaves it
    listed = store.path / "index" / "unfinished"
    if content is None:
        listed.unlink()
    else:
        listed.write_bytes(content)
    assert both_ways(store.path, ("open",)) == ([s.meeting.id],) * 2
    assert MeetingIndex(store.path / "index").unfinished() == [s.meeting.id]


def test_an_id_in_the_list_that_names_no_file_is_passed_over(store, organ):
    s = meeting_with(store, organ.id, "2025-01-10", 1)
    s.close()
    listed = store.path / "index" / "unfinished"
    listed.write_text(
        json.dumps({"schema": 1, "meetings": ["../../etc/passwd", "20990101-ffffff", s.meeting.id]})
    )
    assert [x.id for x in Store(store.path).unfinished()] == [s.meeting.id]


async def test_the_application_resumes_its_meeting_and_looks_over_the_rest_off_its_thread(
    tmp_path, looked_over
):
    from protokoll.tui.app import ProtokollApp

    meeting_id = store_with_meeting_in_progress(tmp_path)
    Store(tmp_path).summaries()  # the list made, as any earlier run of the program leaves it
    looked_over.clear()
    app = ProtokollApp(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(
            pilot, lambda: type(app.screen).__name__ == "MeetingScreen", "the meeting screen"
        )
        assert app.screen.meeting.id == meeting_id
        await wait_until(pilot, lambda: bool(looked_over), "every meeting looked over")
        assert threading.main_thread().name not in looked_over
        await pilot.press("ctrl+q")


async def test_a_damaged_meeting_file_is_still_reported_at_start(tmp_path):
    from protokoll.tui.app import ProtokollApp

    store_with_meeting_in_progress(tmp_path)
    Store(tmp_path).summaries()
    (tmp_path / "meetings" / "20250101-aaaaaa.json").write_text("{broken", encoding="utf-8")
    app = ProtokollApp(tmp_path)
    notices = Notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(
            pilot, lambda: any("20250101-aaaaaa" in n for n in notices.said), "the damage said"
        )
        await pilot.press("ctrl+q")


def test_without_index_files_only_the_look_over_can_say(tmp_path, looked_over):
    """A store copied without its index/ (or from an earlier version): the quick
    answer is 'not known', never a guess; after the look it is the look's."""
    import shutil

    meeting_id = store_with_meeting_in_progress(tmp_path)
    shutil.rmtree(tmp_path / "index")
    store = Store(tmp_path)
    assert store.unfinished_at_once(("open",)) is None
    assert looked_over == []
    assert [s.id for s in store.unfinished(("open",))] == [meeting_id]
    assert [s.id for s in store.unfinished_at_once(("open",))] == [meeting_id]
    assert len(looked_over) == 1


def test_a_small_store_without_index_files_is_looked_over_at_once(tmp_path, looked_over):
    import shutil

    meeting_id = store_with_meeting_in_progress(tmp_path)
    shutil.rmtree(tmp_path / "index")
    store = Store(tmp_path)
    assert store.unfinished_at_once(("open",), look_up_to=0) is None
    found = store.unfinished_at_once(("open",), look_up_to=1)
    assert [s.id for s in found] == [meeting_id] and len(looked_over) == 1


def _without_index_and_a_slow_look(path: Path, monkeypatch) -> tuple[str, threading.Event]:
    """A store with a meeting in progress and no index files, whose look over
    every meeting waits for the event returned (20 s at 10,000 meetings)."""
    import shutil

    meeting_id = store_with_meeting_in_progress(path)
    shutil.rmtree(path / "index")
    done = threading.Event()
    look = Store._look_over

    def slow(self):
        assert threading.current_thread() is not threading.main_thread()
        done.wait(10)
        return look(self)

    monkeypatch.setattr(Store, "_look_over", slow)
    monkeypatch.setattr(tui_app, "LOOK_AT_ONCE", 0)  # as if it held thousands
    return meeting_id, done


async def test_with_no_index_the_start_menu_comes_at_once_and_then_the_meeting(
    tmp_path, monkeypatch
):
    """The first start on a store with no index files had looked over every
    meeting before its first frame: 20 s of a blank screen at 10,000."""
    from protokoll.tui.app import ProtokollApp
    from tests.screen import wait_for_text

    meeting_id, done = _without_index_and_a_slow_look(tmp_path, monkeypatch)
    app = ProtokollApp(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Läser in ur arkivet")
        assert type(app.screen).__name__ == "StartScreen"
        assert "Nytt möte" in screen_text(app)
        done.set()
        await wait_until(pilot, lambda: getattr(app.screen, "meeting", None), "the meeting")
        assert app.screen.meeting.id == meeting_id
        await pilot.press("ctrl+q")


async def test_a_choice_made_while_the_archive_is_read_is_not_taken_away(tmp_path, monkeypatch):
    from protokoll.tui.app import ProtokollApp
    from tests.screen import wait_for_text

    _, done = _without_index_and_a_slow_look(tmp_path, monkeypatch)
    app = ProtokollApp(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Läser in ur arkivet")
        await pilot.press("enter")  # Nytt möte
        await wait_until(pilot, lambda: type(app.screen).__name__ == "NewMeetingScreen", "form")
        done.set()
        reading = [w for w in app.workers if w.group == "start-look"]
        await wait_until(pilot, lambda: all(w.is_finished for w in reading), "the look")
        assert type(app.screen).__name__ == "NewMeetingScreen"  # still the secretary's form
        await pilot.press("escape")
        await wait_for_text(pilot, "Fortsätt: 2026-01-15 Arbetsutskottet")
        assert "Läser in ur arkivet" not in screen_text(app)
        await pilot.press("ctrl+q")


async def test_the_cursor_stays_where_it_was_when_the_reading_row_goes(tmp_path, monkeypatch):
    import shutil

    from protokoll.tui.app import ProtokollApp
    from tests.screen import wait_for_text

    store = Store(tmp_path)
    organ = store.add_organ("Arbetsutskottet", "Förbundet")
    store.create_meeting(organ.id, "2026-01-15").close()  # a draft: not resumed
    shutil.rmtree(tmp_path / "index")
    done = threading.Event()
    look = Store._look_over
    monkeypatch.setattr(Store, "_look_over", lambda self: done.wait(10) and look(self))
    monkeypatch.setattr(tui_app, "LOOK_AT_ONCE", 0)
    app = ProtokollApp(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Läser in ur arkivet")
        await pilot.press("down")  # past the reading row, to "Tidigare möten"
        menu = app.screen.query_one("#menu")
        assert menu.highlighted_option.id == "browse"
        done.set()
        await wait_for_text(pilot, "Fortsätt: 2026-01-15")
        assert menu.highlighted_option.id == "browse"
        await pilot.press("ctrl+q")


def test_a_look_stopped_by_the_programs_end_gives_up_and_keeps_nothing_half_read(
    tmp_path, monkeypatch
):
    """Ctrl+Q during the first look over 10,000 meetings had waited for it,
    20 s on a blank screen: the look stops at its next file, and what it had
    read is not taken for the whole (the next start looks again)."""
    import shutil

    from protokoll.store.errors import Stopped

    store = Store(tmp_path)
    organ = store.add_organ("Arbetsutskottet", "Förbundet")
    for day in range(1, 11):
        store.create_meeting(organ.id, f"2026-01-{day:02d}").close()
    shutil.rmtree(tmp_path / "index")
    store = Store(tmp_path)
    read = Store._read
    reads = []

    def reading(self, meeting_id):
        reads.append(meeting_id)
        if len(reads) == 3:
            self.stop()  # the program ends while the third is read
        return read(self, meeting_id)

    monkeypatch.setattr(Store, "_read", reading)
    with pytest.raises(Stopped):
        store.summaries()
    assert len(reads) == 3
    assert store._looked_over is None
    assert not (tmp_path / "index" / "unfinished").exists()
    monkeypatch.setattr(Store, "_read", read)
    assert len(Store(tmp_path).summaries()) == 10  # the next start: all of them


async def test_ctrl_q_while_the_archive_is_read_ends_without_waiting_for_it(
    tmp_path, monkeypatch
):
    """The look in the start menu's worker stops when the program ends; it is
    no error (exit status 0, no crash report)."""
    from protokoll.store.errors import Stopped
    from protokoll.tui.app import ProtokollApp
    from tests.screen import wait_for_text

    _, done = _without_index_and_a_slow_look(tmp_path, monkeypatch)
    look = Store._look_over  # the slow one: waits for `done`, then reads
    ended: list[BaseException] = []

    def watched(self):
        try:
            return look(self)
        except BaseException as exc:
            ended.append(exc)
            raise

    monkeypatch.setattr(Store, "_look_over", watched)
    app = ProtokollApp(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_text(pilot, "Läser in ur arkivet")
        await pilot.press("ctrl+q")
        done.set()  # the look goes on to its first file, and finds the end
        await wait_until(pilot, lambda: ended, "the look to end")
    assert all(isinstance(e, Stopped) for e in ended)
    assert app.return_code == 0 and app.crash is None


def test_the_derived_databases_build_stops_between_batches_and_goes_on_next_time(
    tmp_path, monkeypatch
):
    from protokoll.store import search as search_module
    from protokoll.store.errors import Stopped

    store = Store(tmp_path)
    organ = store.add_organ("Arbetsutskottet", "Förbundet")
    for day in range(1, 13):
        s = store.create_meeting(organ.id, f"2026-01-{day:02d}")
        s.add_paragraph(f"Ärende om budgeten dag {day}")
        s.close()
    monkeypatch.setattr(search_module, "_BATCH", 5)
    take_in = search_module.SearchIndex._take_in
    batches = []

    def taking(self, db, batch):
        batches.append(len(batch))
        self.store.stop()  # the program ends during the first batch
        return take_in(self, db, batch)

    monkeypatch.setattr(search_module.SearchIndex, "_take_in", taking)
    stopping = Store(tmp_path)
    with pytest.raises(Stopped):
        search_module.search(stopping, "budgeten")
    assert batches == [5]  # the first batch kept, the rest left
    monkeypatch.setattr(search_module.SearchIndex, "_take_in", take_in)
    assert len(search_module.search(Store(tmp_path), "budgeten")) == 12
