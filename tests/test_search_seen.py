"""The derived database remembers the meetings' stamps it was last brought up
to date with (a digest of each bucket of ids), so that a look with nothing
changed compares a few values, not every meeting's stamp, and a look after
one meeting changed compares the stamps of its bucket only; and it remembers
them only when it holds exactly what they name."""

from __future__ import annotations

import sqlite3

import pytest

from protokoll.store import Store
from protokoll.store.search import _BUCKET, FILE_NAME, SearchIndex, search

from .conftest import meeting_with


@pytest.fixture
def indexed(store: Store, organ) -> Store:
    for day in ("2025-01-10", "2025-02-10", "2025-03-10"):
        s = meeting_with(store, organ.id, day, 2)
        s.meeting.paragraphs[0].text = f"Mötet den {day} om budgeten."
        s.save()
        s.close()
    search(store, "budgeten")
    return Store(store.path)


def statements(store: Store) -> list[str]:
    """The SQL one look (sync) at the database runs."""
    index = SearchIndex(store)
    with index.synced() as db:
        seen: list[str] = []
        db.set_trace_callback(seen.append)
        index.sync(db)
        db.set_trace_callback(None)
    return seen


def kept_digest(store: Store) -> dict[str, bytes] | None:
    """The digests kept, by bucket; None if none is."""
    with sqlite3.connect(store.path / FILE_NAME) as db:
        return dict(db.execute("SELECT bucket, digest FROM seen")) or None


def test_nothing_changed_compares_no_stamps(indexed):
    assert kept_digest(indexed) is not None
    assert not any("FROM indexed" in sql for sql in statements(indexed))


def test_a_changed_meeting_is_seen_and_taken_in(indexed):
    first = indexed.summaries()[-1]
    s = indexed.open(first.id)
    s.meeting.paragraphs[1].text = "Kvittrande snöflingor."
    s.save()
    s.close()
    fresh = Store(indexed.path)
    assert [h.meeting for h in search(fresh, "snöflingor")] == [first.id]
    assert not any("FROM indexed" in sql for sql in statements(fresh))


def test_another_writer_between_the_look_and_the_writes_leaves_no_digest(indexed, monkeypatch):
    """What another process wrote meanwhile is not what this one compared: the
    next look compares every stamp again."""
    s = indexed.open(indexed.summaries()[0].id)
    s.meeting.paragraphs[1].text = "Ändrad text."
    s.save()
    s.close()
    fresh = Store(indexed.path)
    worn = SearchIndex._worn

    def another_writer(db: sqlite3.Connection) -> bool:
        with sqlite3.connect(indexed.path / FILE_NAME) as other:
            other.execute("UPDATE state SET writes = writes + 1")
        return worn(db)

    monkeypatch.setattr(SearchIndex, "_worn", staticmethod(another_writer))
    assert search(fresh, "ändrad")
    assert kept_digest(fresh) is None
    monkeypatch.undo()
    assert any("FROM indexed" in sql for sql in statements(fresh))
    assert kept_digest(fresh) is None  # nothing was left to take in: no write, no digest
    s = fresh.open(fresh.summaries()[0].id)
    s.meeting.paragraphs[1].text = "Ändrad igen."
    s.save()
    s.close()
    again = Store(indexed.path)
    assert search(again, "igen")
    assert kept_digest(again) is not None


def test_a_meeting_left_out_leaves_no_digest(indexed, monkeypatch):
    s = indexed.open(indexed.summaries()[0].id)
    s.meeting.paragraphs[1].text = "Ändrad text."
    s.save()
    s.close()
    fresh = Store(indexed.path)
    monkeypatch.setattr(SearchIndex, "derived", lambda self, meeting_id, made=None: None)
    with SearchIndex(fresh).synced():
        pass
    assert kept_digest(fresh) is None


def test_a_changed_meeting_has_the_stamps_of_its_bucket_compared_only(indexed, organ):
    """Meetings of two years: one changed has its year's stamps read from the
    database, not every meeting's."""
    earlier = meeting_with(Store(indexed.path), organ.id, "2023-05-10", 1)
    earlier.close()
    with SearchIndex(Store(indexed.path)).synced():
        pass  # as every meeting's file is now (the fixture's store had a stamp of before)
    assert sorted(kept_digest(indexed)) == ["2023", "2025"]
    changed = indexed.summaries()[-1]
    assert changed.id.startswith("2023")
    s = indexed.open(changed.id)
    s.meeting.paragraphs[0].text = "Ändrad text."
    s.save()
    s.close()
    fresh = Store(indexed.path)
    index = SearchIndex(fresh)
    db = index._connect()  # the look that finds the change, traced
    seen: list[str] = []
    db.set_trace_callback(seen.append)
    assert index.sync(db) == 1
    db.close()
    compared = [sql for sql in seen if "SELECT id, mtime_ns, size FROM indexed" in sql]
    assert compared == [
        "SELECT id, mtime_ns, size FROM indexed WHERE id >= "
        "'2023' AND id < '2023\x7f'"
    ]
    assert [h.meeting for h in search(fresh, "ändrad")] == [changed.id]
    assert sorted(kept_digest(fresh)) == ["2023", "2025"]


def test_a_meeting_deleted_or_added_alone_in_its_bucket_is_seen(indexed, organ):
    """The bucket of a deleted meeting has no meeting left to digest: compared
    all the same, its rows go; a meeting in a new bucket is taken in."""
    alone = meeting_with(Store(indexed.path), organ.id, "2023-05-10", 1)
    alone.meeting.paragraphs[0].text = "Mötet i maj om budgeten."
    alone.save()
    alone.close()
    with SearchIndex(Store(indexed.path)).synced():
        pass
    assert sorted(kept_digest(indexed)) == ["2023", "2025"]
    gone = Store(indexed.path).summaries()[-1]
    assert gone.id == alone.meeting.id
    (indexed.meetings_dir / f"{gone.id}.json").unlink()
    added = meeting_with(Store(indexed.path), organ.id, "2027-06-10", 1)
    added.meeting.paragraphs[0].text = "Mötet i juni om budgeten."
    added.save()
    added.close()
    fresh = Store(indexed.path)
    found = sorted(h.meeting for h in search(fresh, "budgeten"))
    assert gone.id not in found and added.meeting.id in found and len(found) == 4
    assert sorted(kept_digest(fresh)) == sorted({s.id[:_BUCKET] for s in fresh.summaries()})
    with sqlite3.connect(fresh.path / FILE_NAME) as db:
        ids = sorted(i for (i,) in db.execute("SELECT id FROM indexed"))
    assert ids == sorted(s.id for s in fresh.summaries())
