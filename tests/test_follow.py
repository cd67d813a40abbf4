"""`protokoll follow`: a second terminal reads along, and touches nothing.

The real programs in pseudo-terminals (tests/terminal): the application
where the secretary types, `protokoll follow` where the chair reads. What
the secretary types shows in the reader's terminal once it is saved, also
after the application was closed and started again; the reader's scroll
position stays unless they press f; changed lines are marked until Space;
and no file of the store is written, nor the meeting's lock taken.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from protokoll.store import Store, StoreError, verbs
from protokoll.store.live import Reader, Watch, changed_lines, current_paragraph

from .screen import wait_until
from .terminal.harness import ROOT, STARTUP, Terminal, run
from .terminal.stores import meeting_in_progress

TYPED = "Ordföranden redogör för läget."
AGAIN = "Efter omstarten: budgeten antas."
TYPING = 0.01


def follow(path: Path, *extra: str, rows: int = 24) -> Terminal:
    argv = [sys.executable, "-m", "protokoll.tui.cli", "follow", "--store", str(path), *extra]
    t = Terminal(path, argv=argv, rows=rows).start()
    try:
        t.wait_for("Läser med", timeout=STARTUP)
    except BaseException:
        t.close()
        raise
    return t


def files(path: Path) -> dict[str, tuple[int, bytes]]:
    """Every file and directory under the store: its modification time, a
    file's bytes (a directory's time changes when a file is made in it)."""
    return {
        str(f.relative_to(path)): (f.stat().st_mtime_ns, f.read_bytes() if f.is_file() else b"")
        for f in sorted([path, *path.rglob("*")])
    }


def cli(path: Path, *args: str) -> None:
    """A save by another process, through the verb layer (the command line)."""
    subprocess.run(
        [sys.executable, "-m", "protokoll.tui.cli", *args, "--store", str(path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


# --- the reading, without a terminal ------------------------------------------------


def test_in_progress_is_the_open_meeting_the_application_would_resume(tmp_path):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    store = Store(path)
    organ = store.organs()[0]
    closed = store.create_meeting(organ.id, "2026-02-01")  # a draft, later: not in progress
    closed.close()
    assert Reader(path).in_progress() == meeting_id


def test_no_meeting_in_progress_is_said_not_guessed(tmp_path):
    path = tmp_path / "store"
    store = Store(path)
    organ = store.add_organ("Styrelsen", "Föreningen")
    store.create_meeting(organ.id, "2026-02-01").close()
    with pytest.raises(StoreError) as caught:
        Reader(path).in_progress()
    assert caught.value.key == "none_in_progress"


def test_a_watch_gives_a_view_only_when_the_file_changed(tmp_path):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    watch = Watch(Reader(path), meeting_id)
    first = watch.poll()
    assert first is not None and first.changed == set()
    assert watch.poll() is None
    store = Store(path)
    session = store.open(meeting_id)
    session.editor(history=False).do(verbs.set_text, session.meeting.paragraphs[0].id, TYPED)
    session.close()
    view = watch.poll()
    assert view is not None
    assert [view.lines[i] for i in view.changed] == [TYPED]


def test_changed_lines_are_the_new_and_the_rewritten():
    assert changed_lines(["a", "b", "c"], ["a", "B", "c", "d"]) == {1, 3}
    assert changed_lines(["a", "b"], ["a"]) == set()
    assert changed_lines(["a"], ["a", "", "b"]) == {2}  # a blank line has nothing to mark


def test_the_current_paragraph_is_the_one_the_application_saved_as_written(tmp_path):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    store = Store(path)
    session = store.open(meeting_id)
    first = session.meeting.paragraphs[0]
    second = session.add_paragraph("Ekonomi")
    assert session.meeting.current == second.id
    assert current_paragraph(None, session.meeting) == 1
    session.meeting.current = None  # an older file: the § last changed is current
    before = Reader(path).read(meeting_id)
    first.text = "ändrad"
    assert current_paragraph(before, session.meeting) == 0
    session.close()


# --- the real programs --------------------------------------------------------------


def test_follow_shows_what_the_application_types_also_after_a_restart(tmp_path):
    path = tmp_path / "store"
    meeting_in_progress(path)
    with follow(path) as reader:
        reader.wait_for("§ 1  Information")
        with run(path, ready="§ 1  Information") as app:
            app.type(TYPED, delay=TYPING)
            reader.wait_for(TYPED)
            app.send("\x11")  # Ctrl+Q: the secretary closes the application
            app.wait_exit()
        with run(path, ready="§ 1  Information") as app:
            app.send("\x05")  # Ctrl+E: the end of the § text
            app.type(" " + AGAIN, delay=TYPING)
            reader.wait_for(AGAIN)
        assert reader.alive


def test_follow_sees_a_paragraph_saved_by_a_command_from_another_process(tmp_path):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    with follow(path, meeting_id[:10]) as reader:
        reader.send("f")  # follow the current §: the new one, wherever it is
        reader.wait_for("följer aktuell §")
        cli(path, "add", meeting_id, "Budget 2027")
        reader.wait_for("§ 2  Budget 2027")
        cli(path, "decide", meeting_id, "2", "att anta budgeten")
        reader.wait_for("att anta budgeten")


def test_follow_writes_no_file_and_takes_no_lock(tmp_path):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path, text=TYPED)
    before = files(path)
    with follow(path) as reader:
        reader.wait_for(TYPED)
        reader.send("f")  # following, marking as seen, scrolling: still nothing written
        reader.send(" ")
        reader.wait_for("följer aktuell §")
        assert files(path) == before
        session = Store(path).open(meeting_id)
        try:
            assert not session.read_only, "follow holds the meeting's lock"
        finally:
            session.close()
        reader.send("q")
        assert reader.wait_exit() == 0


def _reversed(t: Terminal, text: str) -> bool:
    """Whether the line showing `text` is drawn in reverse video (marked as changed)."""
    with t._lock:
        for y, line in enumerate(t.screen.display):
            x = line.find(text)
            if x >= 0:
                return all(t.screen.buffer[y][x + i].reverse for i in range(len(text)))
    raise AssertionError(f"{text!r} is not on the screen\n{t.dump()}")


def test_the_reader_keeps_their_place_unless_they_follow_and_sees_what_changed(tmp_path):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    for title in ("Ekonomi", "Verksamhetsplan", "Övriga frågor", "Nästa möte"):
        cli(path, "add", meeting_id, title)
    with follow(path, rows=16) as reader:
        reader.wait_for("§ 5  Nästa möte")  # it opens at the current §, the last
        reader.send("\x1b[H")  # Home: the reader goes back to the top
        reader.wait_for("PROTOKOLL")
        cli(path, "decide", meeting_id, "5", "att nästa möte hålls den 12 mars")
        reader.wait_until(
            lambda s: "aktuell § 5" in s and "rader ändrade" in s, "the change to be counted"
        )
        assert "att nästa möte" not in reader.screen_text()  # still where the reader was
        reader.send("f")
        reader.wait_for("att nästa möte hålls")
        assert _reversed(reader, "att nästa möte hålls")
        reader.send(" ")  # seen
        reader.wait_until(lambda s: "rader ändrade" not in s, "the marks to go")
        assert not _reversed(reader, "att nästa möte hålls")


def test_the_current_paragraph_ends_where_it_ends_not_at_the_signatures(tmp_path):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path, text=TYPED)
    view = Watch(Reader(path), meeting_id).poll()
    start, end = view.current_lines
    assert view.lines[start] == "§ 1  Information"
    assert view.lines[end] == TYPED
    assert end < len(view.lines) - 1  # the signatures follow, outside the §


def test_the_publication_copy_shows_a_masked_paragraph_by_number_and_reason(tmp_path):
    """A masked § had been shown in full on the projector and in follow (trial 5):
    `--publish` reads along in the publication copy, as `export --publish` prints."""
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path, text=TYPED)
    session = Store(path).open(meeting_id)
    ed = session.editor(history=False)
    ed.do(verbs.set_masked, session.meeting.paragraphs[0].id, "Sekretess enligt OSL 26:1")
    ed.do(verbs.add_paragraph, "Ekonomi")
    session.close()
    full = Watch(Reader(path), meeting_id).poll()
    public = Watch(Reader(path), meeting_id, publish=True).poll()
    assert TYPED in full.lines
    assert TYPED not in public.text
    assert public.lines[public.anchors[0]] == "§ 1 — Sekretess enligt OSL 26:1"
    # The § being written is held back on a public screen until the secretary
    # goes on: masked after it was typed, it had stood there in full (a trial).
    assert public.lines[public.anchors[1]] == "§ 2 — skrivs; visas när sekreteraren går vidare"
    assert public.current_lines == (public.anchors[1], public.anchors[1])
    assert "§ 2  Ekonomi" in full.lines
    session = Store(path).open(meeting_id)
    session.editor(history=False).do(verbs.add_paragraph, "Budget")
    session.close()
    public = Watch(Reader(path), meeting_id, publish=True).poll()
    assert public.lines[public.anchors[1]] == "§ 2  Ekonomi"  # left: shown
    assert "Budget" not in public.text


def test_a_watch_of_the_meeting_in_progress_moves_on_to_the_next(tmp_path, monkeypatch):
    """follow and serve had stayed on an adjusted meeting, "aktuell § 12", while
    the next meeting was written (trial 5)."""
    from protokoll.store import live

    monkeypatch.setattr(live, "NEXT_LOOK", 0.0)
    path = tmp_path / "store"
    first = meeting_in_progress(path, text=TYPED)
    named = Watch(Reader(path), first)
    watch = Watch(Reader(path), first, in_progress=True)
    assert watch.poll().meeting.id == first and named.poll().meeting.id == first
    store = Store(path)
    session = store.open(first)
    session.editor(history=False).do(verbs.close_meeting, "15.00")
    session.close()
    assert watch.poll().meeting.status == "closed"  # shown closed until another begins
    assert watch.poll() is None
    nxt = store.create_meeting(store.organs()[0].id, "2026-02-12", start="13:00")
    nxt.editor(history=False).do(verbs.open_meeting)
    nxt.add_paragraph("Nästa mötes första ärende")
    nxt.close()
    view = watch.poll()
    assert view.meeting.id == nxt.meeting.id and view.changed == set()
    assert "§ 2  Nästa mötes första ärende" in view.lines
    named.poll()
    assert named.meeting_id == first  # a meeting named stays


def test_the_meeting_in_progress_is_the_one_written_last(tmp_path):
    """After a dropped connection the application opened another meeting left
    open, dated 2099, and said nothing of the one being typed (trial 6). Among
    several open meetings it resumes, and the readers show, the one written last."""
    import asyncio
    import os

    from protokoll.tui.app import ProtokollApp

    path = tmp_path / "store"
    typed = meeting_in_progress(path, text=TYPED)
    store = Store(path)
    later = store.create_meeting(store.organs()[0].id, "2099-01-15", start="13:00")
    later.editor(history=False).do(verbs.open_meeting)
    later.close()
    for meeting_id, when in ((later.meeting.id, 1_000), (typed, 2_000)):
        os.utime(store.path / "meetings" / f"{meeting_id}.json", ns=(when, when * 10**9))
    assert Reader(path).in_progress() == typed

    async def resumed() -> str:
        app = ProtokollApp(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = app.screen.meeting.id
            await pilot.press("ctrl+q")
        return shown

    assert asyncio.run(resumed()) == typed


def test_follow_started_before_the_meeting_waits_for_it(tmp_path):
    """The chair started follow before the secretary began, and it refused:
    it had to be started again (trial 8). It now waits, and shows the meeting."""
    path = tmp_path / "store"
    store = Store(path)
    organ = store.add_organ("Styrelsen", "Föreningen")
    argv = [sys.executable, "-m", "protokoll.tui.cli", "follow", "--store", str(path)]
    t = Terminal(path, argv=argv).start()
    try:
        t.wait_for("väntar på att ett börjar", timeout=STARTUP)
        s = store.create_meeting(organ.id, "2026-11-30", start="18:00")
        s.editor(history=False).do(verbs.open_meeting)
        s.add_paragraph("Mötets öppnande")
        s.close()
        t.wait_for("Läser med", timeout=STARTUP)
        t.wait_for("Mötets öppnande", timeout=STARTUP)
    finally:
        t.close()


def test_saved_is_when_the_file_was_written_also_by_a_save_that_shows_nothing_new(tmp_path):
    """A trial: `serve` said "sparat" of the minute the page was asked for, and
    `follow` kept the time of the save before a § was masked."""
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path)
    file = path / "meetings" / f"{meeting_id}.json"
    written = 1_800_000_000
    os.utime(file, (written, written))
    watch = Watch(Reader(path), meeting_id)
    view = watch.poll()
    assert view is not None and view.saved == watch.saved == written
    # Written again with nothing printed changed (the time a § was left, say).
    session = Store(path).open(meeting_id)
    session.save()
    session.close()
    later = written + 95
    os.utime(file, (later, later))
    assert watch.poll() is None  # the full text is as it was
    assert watch.saved == later


async def test_follow_shows_the_next_meeting_from_its_head_not_from_the_place_before(
    tmp_path, monkeypatch
):
    """A trial: when follow moved on to the next meeting, it opened mid-page, at
    that meeting's "Frånvarande", where the reader had been in the one before."""
    from protokoll.store import live
    from protokoll.tui.follow import FollowApp

    monkeypatch.setattr(live, "NEXT_LOOK", 0.0)
    path = tmp_path / "store"
    first = meeting_in_progress(path, text=TYPED)
    for title in ("Ekonomi", "Verksamhetsplan", "Övriga frågor", "Nästa möte", "Avslutning"):
        cli(path, "add", first, title)
    app = FollowApp(Watch(Reader(path), first, in_progress=True))
    async with app.run_test(size=(80, 16)) as pilot:
        page = app.screen.query_one("#page")
        await wait_until(pilot, lambda: app.screen.view is not None, "the first meeting")
        page.scroll_end(animate=False)
        await wait_until(pilot, lambda: page.scroll_y > 5, "scrolled down")
        store = Store(path)
        session = store.open(first)
        session.editor(history=False).do(verbs.close_meeting, "15.00")
        session.close()
        nxt = store.create_meeting(store.organs()[0].id, "2026-02-12", start="13:00")
        nxt.editor(history=False).do(verbs.open_meeting)
        nxt.close()
        await wait_until(
            pilot,
            lambda: app.screen.view is not None and app.screen.view.meeting.id == nxt.meeting.id,
            "the next meeting",
            timeout=10,
        )
        await wait_until(pilot, lambda: page.scroll_y == 0, "its head")
        await pilot.press("q")
