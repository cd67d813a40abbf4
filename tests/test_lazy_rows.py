"""The look over every meeting compares stamps and makes a summary only of the
rows a caller reads; what it answers is what making every summary answered."""

from __future__ import annotations

import json
import os

from protokoll.store import Store, index_stamps
from protokoll.store.catalogue import Summary
from protokoll.store.numbering import chronological
from tests.conftest import meeting_with, set_index_value


def _archive(store, organ, other):
    days = ("2025-02-01", "2025-03-01", "2025-09-12", "2026-01-15", "2026-02-12")
    for n, day in enumerate(days):
        session = meeting_with(store, (organ if n % 2 else other).id, day, 1 + n % 3)
        session.meeting.status = "open" if n == 3 else "closed"
        session.save()
        session.close()
    _restamp(store)


def _restamp(store):
    """Every row's stamp as its file has it now (a save since leaves it older):
    the look then reads no meeting file."""
    for shard in (store.path / "index").glob("*/*.json"):
        data = json.loads(shard.read_text("utf-8"))
        at = data["fields"].index("mtime_ns"), data["fields"].index("size")
        for meeting_id, values in data["meetings"].items():
            st = os.stat(store.meetings_dir / f"{meeting_id}.json")
            values[at[0]], values[at[1]] = st.st_mtime_ns, st.st_size
        shard.write_text(json.dumps(data), "utf-8")


def _count_made(monkeypatch) -> list[str]:
    made: list[str] = []
    real = Summary.from_list.__func__

    def counted(cls, meeting_id, row):
        made.append(meeting_id)
        return real(cls, meeting_id, row)

    monkeypatch.setattr(Summary, "from_list", classmethod(counted))
    return made


def test_looking_over_every_meeting_makes_no_summary_nobody_reads(store, organ, monkeypatch):
    other = store.add_organ("Styrelsen", "Samordningsförbundet Test", organ_id="st")
    _archive(store, organ, other)
    made = _count_made(monkeypatch)
    again = Store(store.path)
    assert again.problems == [] and made == []
    # The meetings in progress: their rows only.
    (open_,) = again.summaries(("open",))
    assert made == [open_.id]
    # The whole list: every row, the same summaries as the checked way makes them.
    listed = again.summaries()
    assert len(listed) == 5 and sorted(made) == sorted(s.id for s in listed)
    checked = {s.id: s for s in Store(store.path).index.load_all(Summary)[0]}
    assert listed == sorted(checked.values(), key=chronological, reverse=True)


def test_stamps_and_an_organs_meetings_are_told_without_a_summary_of_each(
    store, organ, monkeypatch
):
    other = store.add_organ("Styrelsen", "Samordningsförbundet Test", organ_id="st")
    _archive(store, organ, other)
    every = Store(store.path).summaries()
    made = _count_made(monkeypatch)
    again = Store(store.path)
    assert again.stamps() == sorted((s.id, s.mtime_ns, s.size) for s in every)
    assert made == []
    newest = next(again.newest_first(organ.id))
    assert made == [newest.id]
    assert [s.id for s in again.newest_first(organ.id)] == [
        s.id for s in every if s.organ_id == organ.id
    ]


def test_a_saved_meeting_is_seen_in_the_stamps_at_once(store, organ):
    session = meeting_with(store, organ.id, "2025-02-01", 1)
    store.summaries()  # looked over
    session.meeting.paragraphs[0].text = "Ändrad text"
    session.save()
    st = os.stat(store.meetings_dir / f"{session.meeting.id}.json")
    assert store.stamps() == [(session.meeting.id, st.st_mtime_ns, st.st_size)]
    session.close()


def test_a_bad_row_whose_stamp_agrees_is_made_from_its_meeting_file_when_read(store, organ):
    """A row edited by hand after its stamp was written: not compared at the look
    (its stamp agrees with the file), it gives the file's summary when read."""
    session = meeting_with(store, organ.id, "2025-02-01", 2)
    session.close()
    _restamp(store)
    before = set_index_value(store, organ.id, session.meeting.id, "last", "två")
    st = os.stat(store.meetings_dir / f"{session.meeting.id}.json")
    assert before["mtime_ns"] == st.st_mtime_ns  # the look reads no file
    again = Store(store.path)
    assert again.problems == []
    assert [(s.id, s.last) for s in again.summaries()] == [(session.meeting.id, 2)]


def test_a_row_filed_under_another_meetings_id_is_not_taken_for_it(store, organ):
    first = meeting_with(store, organ.id, "2025-02-01", 1)
    first.close()
    second = meeting_with(store, organ.id, "2025-03-01", 1)
    second.close()
    _restamp(store)
    # Its row names the other meeting.
    set_index_value(store, organ.id, second.meeting.id, "id", first.meeting.id)
    again = Store(store.path)
    assert sorted((s.id, s.date) for s in again.summaries()) == [
        (first.meeting.id, "2025-02-01"),
        (second.meeting.id, "2025-03-01"),
    ]


def test_a_row_whose_stamp_is_not_two_numbers_is_read_again(store, organ):
    session = meeting_with(store, organ.id, "2025-02-01", 2)
    session.close()
    _restamp(store)
    # Equal as a number, not a stamp.
    set_index_value(store, organ.id, session.meeting.id, "size", float)
    again = Store(store.path)
    assert again.problems == []
    assert [(s.id, type(s.size)) for s in again.summaries()] == [(session.meeting.id, int)]
    data = json.loads((store.path / "index" / organ.id / "2025.json").read_text("utf-8"))
    at = data["fields"].index("size")
    assert type(data["meetings"][session.meeting.id][at]) is int  # written again


def _count_index_reads(monkeypatch) -> list[str]:
    from protokoll.store.meeting_index import MeetingIndex

    read: list[str] = []
    real = MeetingIndex._rows_at

    def counted(path):
        read.append("/".join(str(path).split("/")[-2:]))
        return real(path)

    monkeypatch.setattr(MeetingIndex, "_rows_at", staticmethod(counted))
    return read


def test_index_files_unchanged_since_the_last_look_are_not_read(store, organ, monkeypatch):
    other = store.add_organ("Styrelsen", "Samordningsförbundet Test", organ_id="st")
    _archive(store, organ, other)
    Store(store.path).problems  # noqa: B018  the stamps file written
    read = _count_index_reads(monkeypatch)
    again = Store(store.path)
    assert again.problems == [] and read == []
    assert [s.status for s in again.summaries(("open",))] == ["open"]
    (open_,) = again.summaries(("open",))
    assert read == [f"{open_.organ_id}/{open_.date[:4]}.json"]  # its file, for its row
    monkeypatch.undo()
    meeting_with(Store(store.path), other.id, "2026-03-01", 1).close()
    read = _count_index_reads(monkeypatch)
    third = Store(store.path)
    assert third.problems == [] and read == [f"{other.id}/2026.json"]  # the one file changed
    listed = third.summaries()
    (store.path / "index" / "stamps").unlink()  # every index file read: the same answer
    assert len(listed) == 6 and listed == Store(store.path).summaries()


def test_a_damaged_stamps_file_is_passed_over_and_written_anew(store, organ):
    other = store.add_organ("Styrelsen", "Samordningsförbundet Test", organ_id="st")
    _archive(store, organ, other)
    expected = Store(store.path).summaries()
    kept = store.path / "index" / "stamps"
    schema = index_stamps.SCHEMA
    short = {"schema": schema, "files": {"au/2025": [1, 2]}}
    # Every field as written but the numbers, which are not base64.
    written = json.loads(kept.read_bytes())
    for entry in written["files"].values():
        entry[-1] = "*not base64*"
    damages = [b"", b"{not json", b"[]", *(json.dumps(d).encode() for d in (short, written))]
    for damage in damages:
        kept.write_bytes(damage)
        again = Store(store.path)
        assert again.problems == [] and again.summaries() == expected
        assert json.loads(kept.read_bytes())["schema"] == index_stamps.SCHEMA


def test_a_stamps_file_that_lies_costs_a_look_not_a_wrong_answer(store, organ):
    """Kept stamps that no longer agree with the meeting files (edited by hand)
    have those files read; a kept row gone from its index file is made from
    its meeting file."""
    other = store.add_organ("Styrelsen", "Samordningsförbundet Test", organ_id="st")
    _archive(store, organ, other)
    expected = Store(store.path).summaries()
    where = store.path / "index"
    segments = index_stamps.read(where)
    index_stamps.write(
        where,
        [  # every stamp a nanosecond off, and a size
            (key, s._replace(mtimes=[m + 1 for m in s.mtimes], sizes=[0, *s.sizes[1:]]))
            for key, s in segments.items()
        ],
    )
    again = Store(store.path)
    assert again.problems == [] and again.summaries() == expected
    # A row the stamps file keeps, taken out of its index file behind its back
    # (the index file's stamp put back as kept): made from its meeting file.
    Store(store.path).problems  # noqa: B018  kept afresh
    victim = expected[0]
    shard = store.path / "index" / victim.organ_id / f"{victim.date[:4]}.json"
    st = shard.stat()
    rows = json.loads(shard.read_text("utf-8"))
    del rows["meetings"][victim.id]
    shard.write_text(json.dumps(rows), "utf-8")
    os.utime(shard, ns=(st.st_atime_ns, st.st_mtime_ns))
    segments = index_stamps.read(where)
    name = f"{victim.organ_id}/{victim.date[:4]}"
    stamp = (shard.stat().st_ino, st.st_mtime_ns, shard.stat().st_size)
    segments[name] = segments[name]._replace(stamp=stamp)
    index_stamps.write(where, segments.items())
    third = Store(store.path)
    assert third.problems == [] and third.summaries() == expected


def test_files_in_the_meetings_folder_not_named_as_meetings_are_sorted_out(store, organ):
    """Beside the meeting files: one being written (.tmp), one of another kind,
    a hidden one (none of the store's business), and one named as no meeting
    can be (said, by its path)."""
    session = meeting_with(store, organ.id, "2025-02-01", 1)
    session.close()
    (store.meetings_dir / f".{session.meeting.id}.json.123.tmp").write_text("{", "utf-8")
    (store.meetings_dir / "anteckningar.txt").write_text("x", "utf-8")
    (store.meetings_dir / "._x.json").write_text("x", "utf-8")
    (store.meetings_dir / "möte 1.json").write_text("{}", "utf-8")
    again = Store(store.path)
    assert [s.id for s in again.summaries()] == [session.meeting.id]
    assert [(p.key, p.params["path"].name) for p in again.problems] == [
        ("bad_file_name", "möte 1.json")
    ]


def test_an_organs_meetings_newest_first_whatever_form_each_row_is_in(store, organ):
    """Rows unread (a year at a time), read and made in this process, of
    several years: in the order of every summary sorted."""
    other = store.add_organ("Styrelsen", "Samordningsförbundet Test", organ_id="st")
    for day in ("2023-03-01", "2023-09-01", "2024-02-01", "2025-01-10", "2025-06-01"):
        meeting_with(store, organ.id, day, 1).close()
        meeting_with(store, other.id, day, 1).close()
    _restamp(store)
    Store(store.path).problems  # noqa: B018  the stamps file written
    shard = store.path / "index" / organ.id / "2024.json"
    shard.write_text(shard.read_text("utf-8") + " ", "utf-8")  # 2024 read, not kept
    again = Store(store.path)
    again.problems  # noqa: B018
    later = again.create_meeting(organ.id, "2024-11-20")  # made here
    later.close()
    every = [s for s in Store(store.path).summaries() if s.organ_id == organ.id]
    expected = [s.id for s in every]
    assert [s.id for s in again.newest_first(organ.id)] == expected
    assert len(expected) == 6
    # Before a meeting: the earlier ones only, the later ones not made.
    middle = chronological(every[2])
    assert [s.id for s in again.newest_first(organ.id, before=middle)] == expected[3:]
