"""A meeting file hand-edited to a date that is no date ("2018-13-02") does not
read: everything counts from that date (deadlines, the order of §§, the
protocol's head), so it is reported by name with the field and why, left as it
is on disk, and the rest of the store still opens (DESIGN.md's rule for a file
that does not parse)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from protokoll.store import Store, StoreError
from protokoll.tui.cli import main

MEETING = "20250410-au"


def dated(example: Path, value: str, field: str = "date") -> tuple[Path, bytes]:
    path = example / "meetings" / f"{MEETING}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    target = doc["meeting"]["1"]
    for part in field.split(".")[:-1]:
        if target.get(part) is None:  # not adjusted yet: as if it were
            target[part] = {"date": "2025-04-17", "by": []}
        target = target[part]
    target[field.split(".")[-1]] = value
    raw = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    return path, raw


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_refuses_it_naming_the_file_the_field_and_why(example, capsys):
    path, raw = dated(example, "2018-13-02")
    code, out, err = run(capsys, "show", MEETING, "--store", str(example))
    assert code == 1 and out == ""
    assert str(path) in err and 'fältet date är "2018-13-02": det finns ingen månad 13' in err
    assert path.read_bytes() == raw  # left as it is
    _, _, err = run(capsys, "show", MEETING, "--lang", "en", "--store", str(example))
    assert 'the field date is "2018-13-02": there is no month 13' in err


def test_list_warns_and_lists_the_rest_without_the_impossible_date(example, capsys):
    path, _ = dated(example, "2018-13-02")
    code, out, err = run(capsys, "list", "--store", str(example))
    assert code == 0
    assert "2018-13-02" not in out and "20250605-au" in out
    assert len([x for x in err.splitlines() if str(path) in x]) == 1


def test_check_says_what_is_wrong_not_that_there_is_no_meeting(example, capsys):
    dated(example, "2018-13-02")
    code, _, err = run(capsys, "check", "20250410", "--store", str(example))
    assert code == 1 and "det finns ingen månad 13" in err.splitlines()[-1]


@pytest.mark.parametrize(
    ("field", "value", "why"),
    [
        ("date", "2025-02-30", "februari 2025 har ingen dag 30"),
        ("date", "10 april", "ett datum ÅÅÅÅ-MM-DD väntades"),
        ("adjustment.date", "2025-04-31", "april 2025 har ingen dag 31"),
        ("posted", "2025-00-01", "det finns ingen månad 0"),
    ],
)
def test_each_date_the_deadlines_count_from_is_checked(example, field, value, why):
    dated(example, value, field)
    with pytest.raises(StoreError) as err:
        Store(example).load(MEETING)
    assert err.value.key == "damaged" and why in err.value.text("sv")
    assert f'fältet {field} är "{value}"' in err.value.text("sv")


def test_a_period_may_hold_a_year_and_sound_dates_still_read(example):
    path = example / "meetings" / f"{MEETING}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["meeting"]["1"].update(period="Våren 2025", date="2025")
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert Store(example).load(MEETING).period == "Våren 2025"
    doc["meeting"]["1"]["date"] = "våren"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StoreError) as err:
        Store(example).load(MEETING)
    assert "ett år eller ett datum ÅÅÅÅ-MM-DD väntades" in err.value.text("sv")
    store = Store(example)
    assert [p.key for p in store.problems] == ["damaged"]  # the rest opens
    assert len(store.summaries()) == 4
