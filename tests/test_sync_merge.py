"""The rules of integration, on file contents alone (store/sync_merge.py)."""

from __future__ import annotations

import json

from protokoll.store.storage import encode
from protokoll.store.sync_merge import Side, merge_catalogue, pick_meeting


def meeting(status: str, title: str = "Punkt") -> bytes:
    return encode({"meeting": {"1": {"status": status, "paragraphs": [{"title": title}]}}})


def catalogue(*organs: dict) -> bytes:
    return encode({"meta": {}, "organs": {str(n): o for n, o in enumerate(organs, 1)}})


def test_the_later_change_is_kept() -> None:
    assert pick_meeting(Side(meeting("open", "a"), 10), Side(meeting("open", "b"), 20)) == "theirs"
    assert pick_meeting(Side(meeting("open", "a"), 30), Side(meeting("open", "b"), 20)) == "ours"


def test_adjusted_wins_over_a_later_unadjusted_edit_either_way() -> None:
    assert pick_meeting(Side(meeting("adjusted"), 10), Side(meeting("open"), 99)) == "ours"
    assert pick_meeting(Side(meeting("closed"), 99), Side(meeting("adjusted"), 10)) == "theirs"


def test_a_meeting_being_written_here_is_kept_and_a_deleted_one_comes_back() -> None:
    held = Side(meeting("open", "a"), 1, held_here=True)
    assert pick_meeting(held, Side(meeting("open", "b"), 99)) == "ours"
    assert pick_meeting(Side(None, 50), Side(meeting("open"), 1)) == "theirs"


def test_the_same_second_is_decided_alike_on_both_computers() -> None:
    a, b = Side(meeting("open", "a"), 5), Side(meeting("open", "b"), 5)
    kept = {pick_meeting(a, b), pick_meeting(b, a)}
    assert kept == {"ours", "theirs"}  # the same version, seen from each side


def test_organs_and_roster_members_merge_field_by_field() -> None:
    anna = {"id": "anna", "name": "Anna Berg", "title": "", "party": "S"}
    base = catalogue({"id": "styr", "name": "Styrelsen", "place": "", "roster": [anna]})
    ours = catalogue(
        {
            "id": "styr",
            "name": "Styrelsen",
            "place": "Rådhuset",
            "roster": [{**anna, "title": "ordförande"}],
        },
        {"id": "rev", "name": "Revisorerna", "place": "", "roster": []},
    )
    theirs = catalogue(
        {
            "id": "styr",
            "name": "Förbundsstyrelsen",
            "place": "",
            "roster": [{**anna, "party": "V"}, {"id": "bo", "name": "Bo Ek"}],
        },
    )
    merged, conflicts = merge_catalogue(base, ours, theirs)
    organs = {o["id"]: o for o in json.loads(merged)["organs"].values()}
    assert conflicts == []
    assert set(organs) == {"styr", "rev"}
    styr = organs["styr"]
    assert (styr["name"], styr["place"]) == ("Förbundsstyrelsen", "Rådhuset")
    assert styr["roster"] == [
        {**anna, "title": "ordförande", "party": "V"},
        {"id": "bo", "name": "Bo Ek"},
    ]


def test_a_field_changed_differently_on_both_keeps_the_shared_value_and_says_so() -> None:
    anna = {"id": "anna", "name": "Anna Berg", "title": ""}
    base = catalogue({"id": "styr", "name": "Styrelsen", "roster": [anna]})
    ours = catalogue({"id": "styr", "name": "Styrelsen", "roster": [{**anna, "title": "vice"}]})
    theirs = catalogue({"id": "styr", "name": "Styrelsen", "roster": [{**anna, "title": "ordf"}]})
    merged, [conflict] = merge_catalogue(base, ours, theirs)
    assert (conflict.organ, conflict.field, conflict.kept, conflict.other) == (
        "Styrelsen",
        "roster: Anna Berg: title",
        "ordf",
        "vice",
    )
    assert json.loads(merged)["organs"]["1"]["roster"][0]["title"] == "ordf"
