"""A meeting that cannot be saved at the end goes to a spill, and comes back from it."""

from __future__ import annotations

import os

import pytest

from protokoll.store import Store, StoreError, spill
from protokoll.store.serial import to_dict

from .full_disk import FullDisk

TEXT = "Ordföranden redogör för läget."


@pytest.fixture
def session(meeting):
    path, meeting_id = meeting
    s = Store(path).open(meeting_id)
    yield s
    s.close()


def _typed(session) -> dict:
    session.meeting.paragraphs[0].text = TEXT  # what the autosaver could not write
    return to_dict(session.meeting)


def test_a_spill_goes_into_the_store_and_is_found_for_its_meeting(session, tmp_path):
    store = session.store
    where = spill.keep(store.path, store._file(session.meeting.id), _typed(session))
    assert where.parent == store.path / spill.DIR
    assert oct(where.stat().st_mode & 0o777) == "0o600"
    [found] = spill.found(store.path, session.meeting.id, elsewhere=tmp_path / "home")
    assert found.path == where
    assert found.doc["paragraphs"][0]["text"] == TEXT
    assert found.follows(store._file(session.meeting.id))
    assert spill.found(store.path, "20990101-other", elsewhere=tmp_path) == []


def test_the_reserve_is_real_space_and_is_given_back_for_the_spill(session, monkeypatch):
    store = session.store
    assert spill.make_reserve(store.path)
    reserve = spill.reserve_path(store.path)
    st = reserve.stat()
    assert st.st_size == spill.RESERVE
    assert st.st_blocks * 512 >= spill.RESERVE  # blocks, not a hole
    real = spill.atomic_write

    def full_until_reserve_gone(path, data, guard=None):
        if reserve.exists():
            raise StoreError("write_failed", path=path, detail="no space")
        real(path, data, guard)

    monkeypatch.setattr(spill, "atomic_write", full_until_reserve_gone)
    where = spill.keep(store.path, store._file(session.meeting.id), _typed(session))
    assert not reserve.exists()
    assert where.parent == store.path / spill.DIR


def test_with_no_room_in_the_store_the_spill_goes_to_the_home_directory(
    session, monkeypatch, tmp_path
):
    home = tmp_path / "home"
    home.mkdir()
    store = session.store
    real = spill.atomic_write

    def store_full(path, data, guard=None):
        if store.path in path.parents:
            raise StoreError("write_failed", path=path, detail="no space")
        real(path, data, guard)

    monkeypatch.setattr(spill, "atomic_write", store_full)
    where = spill.keep(store.path, store._file(session.meeting.id), _typed(session), home)
    assert where.parent == home and where.name.startswith("protokoll-unsaved-")
    [found] = spill.found(store.path, session.meeting.id, elsewhere=home)
    assert found.doc["paragraphs"][0]["text"] == TEXT


def test_with_no_room_anywhere_keep_says_which_file(session, monkeypatch, tmp_path):
    disk = FullDisk(monkeypatch)
    disk.spill_full = True
    store = session.store
    with pytest.raises(StoreError) as caught:
        spill.keep(store.path, store._file(session.meeting.id), _typed(session), tmp_path)
    assert caught.value.key == "write_failed"
    assert "protokoll-unsaved-" in str(caught.value.params["path"])


def test_a_spill_of_a_meeting_written_since_does_not_follow_it(session, tmp_path):
    store = session.store
    spill.keep(store.path, store._file(session.meeting.id), _typed(session))
    session.meeting.paragraphs[0].text = "Skrivet efteråt."
    session.save()
    [found] = spill.found(store.path, session.meeting.id, elsewhere=tmp_path)
    assert not found.follows(store._file(session.meeting.id))


def test_recover_puts_the_spill_back_through_the_editor(session, tmp_path):
    store = session.store
    doc = _typed(session)
    spill.keep(store.path, store._file(session.meeting.id), doc)
    session.meeting.paragraphs[0].text = ""  # as it is on disk, reopened
    [found] = spill.found(store.path, session.meeting.id, elsewhere=tmp_path)
    editor = session.editor(history=False)
    change = editor.do(spill.recover, found.doc, found.time)
    assert session.meeting.paragraphs[0].text == TEXT
    assert "tillbaka i mötet" in change.text("sv")
    assert Store(store.path).load(session.meeting.id).paragraphs[0].text == TEXT


def test_recover_refuses_another_meetings_spill(session):
    doc = dict(to_dict(session.meeting), id="20990101-other")
    with pytest.raises(StoreError):
        session.editor(history=False).do(spill.recover, doc)


def test_a_damaged_spill_is_left_alone(session, tmp_path):
    folder = session.store.path / spill.DIR
    folder.mkdir(exist_ok=True)
    bad = folder / f"{session.meeting.id}-20260101T000000.json"
    bad.write_text("{not json")
    assert spill.found(session.store.path, session.meeting.id, elsewhere=tmp_path) == []
    assert os.path.exists(bad)


def test_undo_history_compacted_on_a_full_disk_does_not_refuse_the_change(session, monkeypatch):
    from protokoll.store import storage
    from protokoll.store.verbs import Editor, History, history, set_text

    disk = FullDisk(monkeypatch)
    monkeypatch.setattr(history, "atomic_write", storage.atomic_write)  # the full one
    monkeypatch.setattr(history, "COMPACT_AT", 0)  # compact at the first change
    # As in the application: the autosaver writes the meeting, not the editor.
    editor = Editor(session, saved=lambda: None, history=History(session.store.path, "m"))
    disk.full = True
    editor.do(set_text, session.meeting.paragraphs[0].id, TEXT)
    assert session.meeting.paragraphs[0].text == TEXT
    assert disk.tries >= 1  # the compaction was tried, and failed quietly
