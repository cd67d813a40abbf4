"""A store one may only read (a read-only mount, another user's files).

A meeting's lock cannot be made there. The application crashed on start when
such a store held a meeting in progress ("protokoll stängdes av ett oväntat
fel"); it now opens the meeting read-only and says why, and a command says in
one line that nothing was changed.
"""

from __future__ import annotations

import errno

import pytest

from protokoll.store import Store, StoreError, verbs
from protokoll.store.lock import FileLock
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.meeting import MeetingScreen

from .screen import Notices, wait_until
from .test_cli import run


def read_only(*_args, **_kwargs):
    raise OSError(errno.EROFS, "Read-only file system")


@pytest.fixture
def in_progress(store: Store, organ) -> str:
    session = store.create_meeting(organ.id, "2026-11-30", start="13.00")
    editor = session.editor(history=False)
    editor.do(verbs.open_meeting)
    editor.do(verbs.add_paragraph, "Mötets öppnande")
    session.save()
    session.close()
    return session.meeting.id


def test_a_meeting_opens_read_only_and_says_the_store_cannot_be_written(
    store: Store, in_progress: str, monkeypatch
):
    monkeypatch.setattr(FileLock, "acquire", read_only)
    session = Store(store.path).open(in_progress)
    assert session.read_only and session.lock is None
    assert session.notice.key == "store_read_only"
    said = session.notice.text("sv")
    assert "går inte att skriva i (filsystemet är skrivskyddat)" in said
    assert "öppnas skrivskyddat" in said
    assert session.meeting.paragraphs[0].title == "Mötets öppnande"


def test_a_command_says_in_one_line_that_nothing_was_changed(
    capsys, store: Store, in_progress: str, monkeypatch
):
    monkeypatch.setattr(FileLock, "acquire", read_only)
    code, out, err = run(capsys, "add", in_progress, "Budget", "--store", str(store.path))
    assert code != 0 and out == ""
    assert err.strip().splitlines() == [
        f"protokoll: fel: arkivet {store.path} går inte att skriva i "
        "(filsystemet är skrivskyddat); inget ändrades"
    ]
    assert [p.title for p in Store(store.path).load(in_progress).paragraphs] == [
        "Mötets öppnande"
    ]


async def test_the_application_resumes_the_meeting_read_only_instead_of_crashing(
    store: Store, in_progress: str, monkeypatch
):
    monkeypatch.setattr(FileLock, "acquire", read_only)
    app = ProtokollApp(store.path)
    notices = Notices(app)

    def said(words: str) -> bool:
        return any(words in x for x in notices.said)

    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await wait_until(pilot, lambda: said("går inte att skriva i"), "why")
        assert app.screen.session.read_only
        await pilot.press("f2")
        await wait_until(pilot, lambda: said("Mötet är skrivskyddat"), "F2 refused")
        assert len(app.screen.meeting.paragraphs) == 1
        await pilot.press("ctrl+q")
    assert app.return_code == 0


def test_search_reads_the_index_as_it_stands_and_says_when_it_is_out_of_date(
    example, monkeypatch
):
    from protokoll.store.search import SearchIndex

    store = Store(example)
    hits, total = SearchIndex(store).search("budget")  # the index, made while one may write
    assert total > 0
    monkeypatch.setattr(SearchIndex, "_connect", read_only)
    again, again_total = SearchIndex(Store(example)).search("budget")
    assert (again, again_total) == (hits, total)
    # A meeting changed since the index was made: its words cannot be searched.
    meeting_id = hits[0].meeting
    path = example / "meetings" / f"{meeting_id}.json"
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(StoreError) as refused:
        SearchIndex(Store(example)).search("budget")
    said = refused.value.text("sv")
    assert refused.value.key == "search_read_only"
    assert "går inte att skriva i (filsystemet är skrivskyddat)" in said
    assert "inte aktuellt för 1 av mötena" in said
    assert "byggs om" not in said  # it is not, in a store one may only read
