"""A command on one meeting does not look over the whole archive; one that lists
or checks does, and says which files do not read.

At 10,000 meetings the look over every meeting (each file's stamp, every index
file) was most of opening the store for `show ID`, `export ID` or `adjust ID`.
What they save must leave the index as the look over every file would make it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from protokoll.store import Store
from protokoll.store.meeting_index import MeetingIndex
from protokoll.tui.cli import main
from tests.conftest import meeting_with


def run(capsys, store: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--store", str(store)])
    out, err = capsys.readouterr()
    return code, out, err


def index_rows(path: Path) -> dict[str, dict]:
    """Every index row by meeting id (and the list of unfinished meetings)."""
    rows: dict[str, dict] = {}
    for file in sorted((path / "index").rglob("*.json")):
        data = json.loads(file.read_text("utf-8"))
        for meeting_id, values in data["meetings"].items():
            assert meeting_id not in rows, f"{meeting_id} in two index files"
            row = dict(zip(data["fields"], values, strict=True))
            rows[meeting_id] = {k: v for k, v in row.items() if k not in ("mtime_ns", "size")}
    listed = path / "index" / "unfinished"
    if listed.exists():  # a missing list only means a look-over comes first
        rows["unfinished"] = json.loads(listed.read_text("utf-8"))["meetings"]
    return rows


def agree(path: Path) -> bool:
    """The index says what the look over every file makes of the files."""
    now = index_rows(path)
    afresh = made_afresh(path)
    if "unfinished" not in now:
        afresh.pop("unfinished")
    return now == afresh


def made_afresh(path: Path) -> dict[str, dict]:
    """The index as the meeting files alone make it."""
    shutil.rmtree(path / "index")
    Store(path).problems  # noqa: B018  the look over every file writes it
    return index_rows(path)


@pytest.fixture
def archive(store, organ) -> tuple[Path, str]:
    """Three meetings, one of them left for the commands below; one damaged file."""
    meeting_with(store, organ.id, "2025-01-10", 2).close()
    target = meeting_with(store, organ.id, "2025-03-10", 2)
    target.close()
    meeting_with(store, organ.id, "2025-05-10", 1).close()
    (store.meetings_dir / "20250601-trasig.json").write_text("{ inte json", "utf-8")
    return store.path, target.meeting.id


def test_commands_on_one_meeting_do_not_look_over_the_others(capsys, archive, looked_over):
    path, mid = archive
    steps = [
        ["decide", mid, "3", "Att bifalla förslaget."],
        ["rename", mid, "3", "Budget"],
        ["close", mid, "--end", "15:00"],
        ["adjust", mid, "--date", "2025-03-12"],
        ["post", mid, "--date", "2025-03-13"],
        ["verify", mid],
        ["show", mid],
        ["show", mid[:10]],  # a unique beginning of its id
        ["export", mid, "--format", "json"],
        ["extract", mid, "3"],
        ["correct", mid, "--date", "2025-03-14", "--text", "Rättelse av namn."],
    ]
    for argv in steps:
        code, _out, err = run(capsys, path, *argv)
        assert code == 0, (argv, err)
        assert "trasig" not in err  # not looked at: not its business
    assert looked_over == []
    # What they saved is what the look over every file makes of the files.
    assert index_rows(path)[mid]["status"] == "adjusted"
    assert agree(path)


def test_listing_and_checking_commands_still_say_which_file_does_not_read(capsys, archive):
    path, mid = archive
    for argv in (["list"], ["tasks"], ["decisions"], ["search", "Punkt"], ["check", mid]):
        _code, _out, err = run(capsys, path, *argv)
        assert "20250601-trasig.json" in err, argv


def test_a_damaged_meeting_named_by_a_command_is_said_to_be_damaged(capsys, archive):
    path, _ = archive
    code, _out, err = run(capsys, path, "show", "20250601-trasig")
    assert code == 1 and "20250601-trasig.json" in err
    code, _out, err = run(capsys, path, "show", "20250601-tr")
    assert code == 1 and "20250601-trasig.json" in err


def test_a_structural_change_looks_over_every_meeting_first(capsys, archive, looked_over):
    """Numbers are given out knowing every file: a meeting copied in by hand
    keeps its §§, as when the store was looked over at every command."""
    path, mid = archive
    code, _out, err = run(capsys, path, "add", mid, "Ny punkt")
    assert code == 0, err
    assert looked_over
    assert agree(path)


def test_a_save_after_typing_keeps_its_row_right_without_a_look_over(store, organ, looked_over):
    session = meeting_with(store, organ.id, "2025-02-01", 2)
    session.meeting.paragraphs[0].text = "Text skriven efter sista ändringen av §§."
    session.save()  # the row keeps its stamp: text is not what the index shows
    session.close()
    looked_over.clear()
    fresh = Store(store.path)
    again = fresh.open(session.meeting.id)
    again.meeting.status = "closed"
    again.save()
    again.close()
    assert looked_over == []
    assert index_rows(store.path)[session.meeting.id]["status"] == "closed"
    assert agree(store.path)


def test_a_row_the_file_no_longer_agrees_with_asks_for_the_look_over(store, organ, looked_over):
    """A meeting file moved to another year behind the index's back: the save
    takes its row out of the year the index had it in, as the look-over would."""
    session = meeting_with(store, organ.id, "2025-02-01", 1)
    session.close()
    file = store.meetings_dir / f"{session.meeting.id}.json"
    data = json.loads(file.read_text("utf-8"))
    data["meeting"]["1"]["date"] = "2024-11-01"
    file.write_text(json.dumps(data), "utf-8")
    looked_over.clear()
    fresh = Store(store.path)
    again = fresh.open(session.meeting.id)
    again.meeting.paragraphs[0].text = "Ändrad."
    again.save()
    again.close()
    assert looked_over  # the row could not be trusted alone
    assert not (store.path / "index" / organ.id / "2025.json").exists()
    assert agree(store.path)


def test_a_new_meeting_reads_the_index_file_of_its_year_only(
    store, organ, looked_over, monkeypatch
):
    # Writes in proportion to the change: before, a new meeting (created or
    # imported) read every index file of its organ, a third of the archive's
    # rows at 10,000 meetings, to learn that it had no row yet.
    for year in range(2015, 2025):
        meeting_with(store, organ.id, f"{year}-03-01", 1).close()
    read: list[tuple[str, str]] = []
    real = MeetingIndex._read

    def counted(self, key):
        read.append(key)
        return real(self, key)

    monkeypatch.setattr(MeetingIndex, "_read", counted)
    fresh = Store(store.path)
    looked_over.clear()
    fresh.create_meeting(organ.id, "2026-05-04").close()
    assert looked_over == []
    assert {year for _folder, year in read} == {"2026"}
    assert agree(store.path)
