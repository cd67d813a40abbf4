"""Index rows read the quick way give the summaries the checked way gives.

`Summary.from_row` takes a complete, well-typed row without `__init__` (the
index of 10,000 meetings is read at every start); every other row goes through
`__init__` and the field-by-field check, as before.
"""

from __future__ import annotations

import dataclasses

import pytest

from protokoll.store import Store
from protokoll.store.catalogue import Summary
from protokoll.store.serial import ShapeError

ROW = {
    "id": "a1b2c3d4", "organ_id": "o1", "organ": "Arbetsutskottet", "organisation": "Förbundet",
    "kind": "protokoll", "date": "2026-01-15", "start": "13:00", "end": "", "place": "",
    "status": "open", "first": 1, "last": 3, "count": 3, "fixed": False, "number_from": None,
    "created": "2026-01-15T09:00:00", "mtime_ns": 17, "size": 4, "schema": 1, "period": "",
}  # fmt: skip


def test_a_complete_row_reads_as_the_summary_init_makes():
    quick = Summary.from_row(dict(ROW))
    assert quick == Summary(**ROW)
    assert dataclasses.asdict(quick) == ROW
    assert quick.same_content(Summary(**{**ROW, "mtime_ns": 99}))


def test_the_row_read_is_not_shared_with_the_summary():
    row = dict(ROW)
    summary = Summary.from_row(row)
    row["status"] = "closed"
    assert summary.status == "open"


@pytest.mark.parametrize(
    "change",
    [
        {"count": "3"},  # a string for a number
        {"fixed": 0},  # a number for a truth value
        {"count": True},  # a truth value for a number
        {"first": 1.5},
        {"date": None},
    ],
)
def test_a_row_of_the_wrong_kinds_is_refused(change):
    with pytest.raises(ShapeError):
        Summary.from_row({**ROW, **change})


def test_a_row_with_a_field_missing_or_unknown_is_refused_or_defaulted():
    with pytest.raises(ShapeError):
        Summary.from_row({k: v for k, v in ROW.items() if k != "status"})
    with pytest.raises(ShapeError):
        Summary.from_row({**ROW, "extra": 1})
    # An earlier version's row, without the fields added since: their defaults.
    old = Summary.from_row({k: v for k, v in ROW.items() if k != "period"})
    assert old.period == "" and old == Summary(**ROW)


def test_the_store_reads_every_meeting_back_from_its_index(store, organ):
    for day in ("2025-03-01", "2026-01-15", "2026-02-12"):
        store.create_meeting(organ.id, day).close()
    again = Store(store.path)
    assert [dataclasses.asdict(s) for s in again.summaries()] == [
        dataclasses.asdict(s) for s in store.summaries()
    ]


def test_the_meetings_of_some_statuses_are_the_whole_list_filtered(store, organ):
    # The start asks for the meetings in progress only: the same ones, in the same order.
    for day, status in (("2025-03-01", "open"), ("2026-01-15", "draft"), ("2026-01-15", "open")):
        s = store.create_meeting(organ.id, day)
        s.meeting.status = status
        s.save()
        s.close()
    assert [s.status for s in store.summaries(("open",))] == ["open", "open"]
    for statuses in (("open",), ("draft", "open"), ("closed",)):
        assert store.summaries(statuses) == [s for s in store.summaries() if s.status in statuses]


@pytest.mark.parametrize(
    "content", [b"{not json", b"\xff\xfe", b'{"meetings": []}', b'{"meetings": {"x": 1}}', b"[]"]
)
def test_a_damaged_index_file_read_at_opening_is_reported_by_its_path(store, organ, content):
    store.create_meeting(organ.id, "2026-01-15").close()
    (path,) = (store.path / "index").rglob("*.json")
    path.write_bytes(content)
    again = Store(store.path)
    assert [p.params.get("path") for p in again.problems] == [path]
    # ...and the meeting is still listed, read from its own file.
    assert [s.date for s in again.summaries()] == ["2026-01-15"]
