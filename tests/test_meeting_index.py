"""The meeting index, one file per organ and year: writes proportional to the change."""

from __future__ import annotations

import json
import os
from pathlib import Path

from protokoll.store import Store
from tests.conftest import meeting_with, set_index_value


def stamps(path: Path) -> dict[str, int]:
    """mtime of every file of the store but the meetings' own, locks and history."""
    found = {}
    for p in path.rglob("*"):
        rel = p.relative_to(path).as_posix()
        if p.is_file() and not rel.startswith(("meetings/", "locks/", "history/", "spill/")):
            found[rel] = p.stat().st_mtime_ns
    return found


def test_an_earlier_versions_index_in_the_catalogue_moves_to_index_files(example):
    before = json.loads((example / "catalogue.json").read_text("utf-8"))
    assert before.get("meetings")  # the examples are kept in the earlier layout
    listed = [(s.id, s.first, s.last) for s in Store(example).summaries()]
    after = json.loads((example / "catalogue.json").read_text("utf-8"))
    assert "meetings" not in after and after["organs"] == before["organs"]
    assert sorted(
        p.relative_to(example / "index").as_posix() for p in (example / "index").rglob("*.json")
    ) == [
        "au-norra/2025.json",
        "bg-norra/2025.json",
        "sn-sydstad/2025.json",
    ]
    assert [(s.id, s.first, s.last) for s in Store(example).summaries()] == listed


def test_opening_the_store_after_typing_writes_nothing(store, organ):
    session = meeting_with(store, organ.id, "2025-02-01", 2)
    session.meeting.paragraphs[0].text = "Text skriven efter sista ändringen av §§."
    session.save()
    session.close()
    Store(store.path).summaries()  # the list of unfinished meetings, made at a first look
    before = stamps(store.path)
    again = Store(store.path)
    assert again.load(session.meeting.id).paragraphs[0].text.startswith("Text skriven")
    assert [s.id for s in again.summaries()] == [session.meeting.id]  # every meeting looked over
    assert stamps(store.path) == before


def test_a_new_paragraph_rewrites_only_its_organ_year(store, organ):
    other = store.add_organ("Styrelsen", "Förbundet", organ_id="styrelsen")
    for organ_id, date in (
        (organ.id, "2024-05-01"),
        (organ.id, "2025-02-01"),
        (other.id, "2025-03-01"),
    ):
        meeting_with(store, organ_id, date, 2).close()
    session = meeting_with(store, organ.id, "2025-04-01", 1)
    before = stamps(store.path)
    session.add_paragraph("Ännu en punkt")
    changed = {k for k, v in stamps(store.path).items() if before.get(k) != v}
    assert changed == {f"index/{organ.id}/2025.json"}
    session.close()


def test_a_meeting_moved_to_another_year_moves_its_row(store, organ):
    session = meeting_with(store, organ.id, "2024-12-30", 2)
    session.set_date("2025-01-08")
    session.close()
    index = store.path / "index" / organ.id
    assert not (index / "2024.json").exists()
    rows = json.loads((index / "2025.json").read_text("utf-8"))["meetings"]
    assert list(rows) == [session.meeting.id]
    assert Store(store.path).summaries()[0].date == "2025-01-08"


def test_a_damaged_index_file_is_reported_and_made_again_from_the_meetings(store, organ):
    session = meeting_with(store, organ.id, "2025-02-01", 3)
    session.close()
    shard = store.path / "index" / organ.id / "2025.json"
    shard.write_text("{ trasig", encoding="utf-8")
    again = Store(store.path)
    assert any(str(shard) in p.text("en") for p in again.problems)
    summary = again.summaries()[0]
    assert (summary.first, summary.last) == (1, 3)
    data = json.loads(shard.read_text("utf-8"))
    row = dict(zip(data["fields"], data["meetings"][session.meeting.id], strict=True))
    assert row["last"] == 3


def test_a_row_of_a_deleted_meeting_file_goes_when_the_store_opens(store, organ):
    session = meeting_with(store, organ.id, "2025-02-01", 1)
    session.close()
    os.unlink(store.path / "meetings" / f"{session.meeting.id}.json")
    assert Store(store.path).summaries() == []
    assert not (store.path / "index" / organ.id / "2025.json").exists()


def test_a_store_whose_files_were_all_touched_is_read_once_not_at_every_start(
    store, organ, monkeypatch
):
    # A copied or restored store, or a git checkout: every file's stamp is new,
    # nothing in them changed. Read again at every start, 10,000 took seconds.
    from protokoll.store import store as store_module

    made = [meeting_with(store, organ.id, f"2025-{m:02d}-01", 1) for m in range(1, 13)]
    made += [meeting_with(store, organ.id, f"2024-{m:02d}-01", 1) for m in range(1, 13)]
    for session in made:
        session.close()
    later = 1_900_000_000_000_000_000
    for n, f in enumerate(sorted((store.path / "meetings").glob("*.json"))):
        os.utime(f, ns=(later + n, later + n))
    reads: list[str] = []
    read = store_module.read_meeting

    def counted(path: Path, meeting_id: str):
        reads.append(meeting_id)
        return read(path, meeting_id)

    monkeypatch.setattr(store_module, "read_meeting", counted)
    first = Store(store.path)
    first.summaries()
    assert len(reads) == len(made)  # each read once, to see that only its stamp changed
    reads.clear()
    again = Store(store.path)
    again.summaries()
    assert reads == []
    assert [(s.id, s.first) for s in again.summaries()] == [
        (s.id, s.first) for s in first.summaries()
    ]


def test_a_few_files_saved_since_are_read_at_start_without_writing_the_index(store, organ):
    sessions = [meeting_with(store, organ.id, f"2025-{m:02d}-01", 1) for m in (1, 2, 3)]
    for session in sessions:
        session.meeting.paragraphs[0].text = "Skrivet efter sista ändringen av §§."
        session.save()
        session.close()
    Store(store.path).summaries()  # the list of unfinished meetings, made at a first look
    before = stamps(store.path)
    assert len(Store(store.path).summaries()) == 3
    assert len(Store(store.path).summaries()) == 3
    assert stamps(store.path) == before


def test_rows_are_lists_of_values_under_their_field_names(store, organ):
    session = meeting_with(store, organ.id, "2025-02-01", 2)
    session.close()
    data = json.loads((store.path / "index" / organ.id / "2025.json").read_text("utf-8"))
    assert data["schema"] == 2 and data["fields"][:2] == ["id", "organ_id"]
    row = dict(zip(data["fields"], data["meetings"][session.meeting.id], strict=True))
    assert (row["id"], row["first"], row["last"], row["status"]) == (
        session.meeting.id,
        1,
        2,
        "open",
    )


def test_an_index_file_of_objects_is_read_as_it_is_and_written_as_lists(store, organ, monkeypatch):
    """An index written by an earlier version (schema 1) costs no meeting file read."""
    first = meeting_with(store, organ.id, "2025-02-01", 2)
    first.close()
    shard = store.path / "index" / organ.id / "2025.json"
    data = json.loads(shard.read_text("utf-8"))
    rows = {i: dict(zip(data["fields"], v, strict=True)) for i, v in data["meetings"].items()}
    reads: list[str] = []
    read = Store._read
    monkeypatch.setattr(Store, "_read", lambda self, i: reads.append(i) or read(self, i))
    Store(store.path).summaries()
    as_lists, reads[:] = list(reads), []  # files saved since their rows: read either way
    shard.write_text(json.dumps({"schema": 1, "meetings": rows}), "utf-8")
    again = Store(store.path)
    assert [(s.id, s.last) for s in again.summaries()] == [(first.meeting.id, 2)]
    assert again.problems == [] and reads == as_lists
    monkeypatch.undo()
    meeting_with(again, organ.id, "2025-03-01", 1).close()  # its organ-year written again
    data = json.loads(shard.read_text("utf-8"))
    assert data["schema"] == 2 and all(type(v) is list for v in data["meetings"].values())
    assert [s.last for s in Store(store.path).summaries()] == [3, 2]


def test_a_row_of_the_wrong_kinds_is_made_again_from_its_meeting_file(store, organ):
    session = meeting_with(store, organ.id, "2025-02-01", 2)
    session.close()
    # A number that is text.
    set_index_value(store, organ.id, session.meeting.id, "last", "två")
    shard = store.path / "index" / organ.id / "2025.json"
    again = Store(store.path)
    assert [(s.id, s.last) for s in again.summaries()] == [(session.meeting.id, 2)]
    # Made again from its file in every process that reads it, whether or not
    # the look wrote it back (it does when its file's stamp sends it there) ...
    assert [(s.id, s.last) for s in Store(store.path).summaries()] == [(session.meeting.id, 2)]
    # ... and the next write of its index file holds it made right.
    meeting_with(again, organ.id, "2025-03-01", 1).close()
    data = json.loads(shard.read_text("utf-8"))
    assert data["meetings"][session.meeting.id][data["fields"].index("last")] == 2


def test_a_file_of_a_bad_name_is_reported_and_a_hidden_one_left_alone(store, organ):
    """A Mac's '._x.json' beside a copied meeting is no meeting and no damage;
    a file named as no meeting can be is said, by its path."""
    session = meeting_with(store, organ.id, "2025-02-01", 1)
    session.close()
    (store.meetings_dir / f"._{session.meeting.id}.json").write_bytes(b"\x00\x05\x16\x07")
    (store.meetings_dir / "möte 1.json").write_text("{}", "utf-8")
    again = Store(store.path)
    assert [s.id for s in again.summaries()] == [session.meeting.id]
    assert [(p.key, p.params["path"].name) for p in again.problems] == [
        ("bad_file_name", "möte 1.json")
    ]
