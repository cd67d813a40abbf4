"""What is on disk: whole files, private, versioned, and damage kept local."""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest

from protokoll.store import Store, StoreError
from protokoll.store import storage as storage_module

from .conftest import meeting_with


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_files_and_directories_are_readable_by_the_owner_only(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    assert mode(store.path) == 0o700
    assert mode(store.path / "meetings") == 0o700
    assert mode(store.path / "catalogue.json") == 0o600
    assert mode(store.path / "meetings" / f"{s.meeting.id}.json") == 0o600
    assert mode(store.path / "locks" / f"{s.meeting.id}.lock") == 0o600


def test_permissions_hold_even_with_a_permissive_umask(tmp_path):
    old = os.umask(0)
    try:
        st = Store(tmp_path / "s")
        st.add_organ("AU", "X")
    finally:
        os.umask(old)
    assert mode(st.path) == 0o700
    assert mode(st.path / "catalogue.json") == 0o600


def test_every_document_carries_a_schema_version(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    meeting_doc = json.loads((store.path / "meetings" / f"{s.meeting.id}.json").read_text())
    assert meeting_doc["meeting"]["1"]["schema"] == 1
    catalogue = json.loads((store.path / "catalogue.json").read_text())
    assert all(doc["schema"] == 1 for table in catalogue.values() for doc in table.values())


def test_a_write_that_fails_halfway_leaves_the_previous_file_intact(store, organ, monkeypatch):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    path = store.path / "meetings" / f"{s.meeting.id}.json"
    before = path.read_bytes()

    real_write = os.write

    def full_disk(fd, data):
        real_write(fd, bytes(data[: len(data) // 2]))  # half of it lands, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_module.os, "write", full_disk)
    s.meeting.paragraphs[0].text = "Text som inte får plats" * 100
    with pytest.raises(StoreError) as err:
        s.save()
    monkeypatch.undo()
    assert "disken är full" in str(err.value)  # the system's words, in Swedish
    assert "förra versionen finns kvar" in str(err.value)
    assert path.read_bytes() == before
    json.loads(before)  # still a whole document
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert Store(store.path).load(s.meeting.id).paragraphs[0].text == ""


def test_a_damaged_meeting_file_is_reported_left_alone_and_the_rest_opens(store, organ):
    good = meeting_with(store, organ.id, "2025-02-01", 1)
    bad = meeting_with(store, organ.id, "2025-03-01", 1)
    good.close()
    bad.close()
    path = store.path / "meetings" / f"{bad.meeting.id}.json"
    path.write_text('{"meeting": {"1": {"id": ', encoding="utf-8")
    damaged = path.read_bytes()
    reopened = Store(store.path)
    assert [s.id for s in reopened.summaries()] == [good.meeting.id]
    assert len(reopened.problems) == 1
    message = str(reopened.problems[0])
    assert str(path) in message and "lämnas orörd" in message
    assert path.read_bytes() == damaged
    with pytest.raises(StoreError):
        reopened.open(bad.meeting.id)
    assert path.read_bytes() == damaged


def test_a_hand_edited_file_of_the_wrong_shape_is_reported(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    s.close()
    path = store.path / "meetings" / f"{s.meeting.id}.json"
    doc = json.loads(path.read_text())
    doc["meeting"]["1"]["paragraphs"] = "inte en lista"
    path.write_text(json.dumps(doc))
    reopened = Store(store.path)
    assert reopened.summaries() == []
    # Said in the interface language, as the rest of the message is.
    assert "paragraphs: en lista väntades" in reopened.problems[0].text("sv")
    assert "paragraphs: expected a list" in reopened.problems[0].text("en")


def test_a_damaged_catalogue_is_reported_and_meetings_still_open(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 2)
    s.close()
    catalogue = store.path / "catalogue.json"
    catalogue.write_text("{ not json")
    reopened = Store(store.path)
    assert "catalogue.json" in str(reopened.problems[0])
    assert [x.id for x in reopened.summaries()] == [s.meeting.id]
    assert reopened.load(s.meeting.id).paragraphs[1].number == 2
    with pytest.raises(StoreError) as err:
        reopened.add_organ("Styrelsen", "X")
    assert "katalogen" in str(err.value)
    assert catalogue.read_text() == "{ not json"


def test_a_file_from_a_newer_version_is_refused_and_not_rewritten(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    s.close()
    path = store.path / "meetings" / f"{s.meeting.id}.json"
    doc = json.loads(path.read_text())
    doc["meeting"]["1"]["schema"] = 99
    path.write_text(json.dumps(doc))
    raw = path.read_bytes()
    reopened = Store(store.path)
    assert "schema 99" in str(reopened.problems[0])
    assert path.read_bytes() == raw


def test_a_change_made_by_another_process_is_seen_on_next_open(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    s.meeting.paragraphs[0].title = "Ändrad"
    s.meeting.status = "closed"
    s.save()
    s.close()
    # The index row for it is stale if the catalogue write was lost:
    other = Store(store.path)
    assert other.summaries()[0].status == "closed"
    assert other.load(s.meeting.id).paragraphs[0].title == "Ändrad"


def test_saving_does_not_rewrite_the_catalogue_for_text_edits(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    catalogue = store.path / "catalogue.json"
    stamp = catalogue.stat().st_mtime_ns
    s.meeting.paragraphs[0].text = "Nu skriver sekreteraren."
    s.save()
    assert catalogue.stat().st_mtime_ns == stamp
