"""§ numbers are given by the store and run on through the organ's year."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from protokoll.store import Store, StoreError, verbs
from protokoll.store.numbering import Slot, plan

from .conftest import meeting_with, numbers


def test_first_meeting_of_the_year_starts_at_one_and_the_next_continues(store, organ):
    a = meeting_with(store, organ.id, "2025-02-01", 3)
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    assert numbers(store, a.meeting.id) == [1, 2, 3]
    assert numbers(store, b.meeting.id) == [4, 5]


def test_a_new_calendar_year_starts_again_at_one(store, organ):
    meeting_with(store, organ.id, "2024-12-10", 4)
    b = meeting_with(store, organ.id, "2025-01-15", 2)
    assert numbers(store, b.meeting.id) == [1, 2]


def test_per_meeting_policy_starts_every_meeting_at_one(store):
    o = store.add_organ("Styrelsen", "Föreningen", numbering="meeting")
    meeting_with(store, o.id, "2025-02-01", 3)
    b = meeting_with(store, o.id, "2025-03-01", 2)
    assert numbers(store, b.meeting.id) == [1, 2]


def test_never_reset_policy_runs_on_across_years(store):
    o = store.add_organ("Styrelsen", "Föreningen", numbering="never")
    meeting_with(store, o.id, "2024-12-01", 3)
    b = meeting_with(store, o.id, "2025-01-10", 2)
    assert numbers(store, b.meeting.id) == [4, 5]


def test_organs_number_independently(store, organ):
    other = store.add_organ("Styrelsen", "Samordningsförbundet Test")
    meeting_with(store, organ.id, "2025-02-01", 3)
    b = meeting_with(store, other.id, "2025-03-01", 2)
    assert numbers(store, b.meeting.id) == [1, 2]


def test_inserting_a_paragraph_renumbers_the_rest_and_later_meetings(store, organ):
    a = meeting_with(store, organ.id, "2025-02-01", 3)
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    b.close()
    inserted = a.add_paragraph("Extra", position=1)
    assert [p.number for p in a.meeting.paragraphs] == [1, 2, 3, 4]
    assert inserted.number == 2
    assert numbers(store, b.meeting.id) == [5, 6]


def test_deleting_a_paragraph_renumbers_the_rest_and_later_meetings(store, organ):
    a = meeting_with(store, organ.id, "2025-02-01", 3)
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    a.delete_paragraph(a.meeting.paragraphs[0].id)
    assert numbers(store, a.meeting.id) == [1, 2]
    # b is open in this same process: its in-memory copy follows too.
    assert [p.number for p in b.meeting.paragraphs] == [3, 4]
    assert numbers(store, b.meeting.id) == [3, 4]


def test_an_adjusted_meeting_is_never_renumbered_and_a_collision_is_refused(store, organ):
    a = meeting_with(store, organ.id, "2025-02-01", 3)
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    b.meeting.status = "adjusted"
    b.save()
    b.close()
    with pytest.raises(StoreError) as err:
        a.add_paragraph("För sent")
    assert "justerade" in str(err.value) and b.meeting.id in str(err.value)
    assert "§ 4" in str(err.value)
    # Nothing changed, in memory or on disk.
    assert [p.number for p in a.meeting.paragraphs] == [1, 2, 3]
    assert numbers(store, a.meeting.id) == [1, 2, 3]
    assert numbers(store, b.meeting.id) == [4, 5]


def close(session) -> None:
    session.editor(history=False).do(verbs.close_meeting, "23.00")


def test_a_closed_protocol_is_not_renumbered_until_it_is_reopened(store, organ):
    """A meeting typed in before others had silently renumbered 88 closed
    protocols, some already sent to their adjusters (trial 6)."""
    a = meeting_with(store, organ.id, "2025-02-01", 3)
    close(a)
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    close(b)
    assert numbers(store, b.meeting.id) == [4, 5]
    later = meeting_with(store, organ.id, "2025-04-01", 1)
    assert numbers(store, later.meeting.id) == [6]
    # Refused when made: made all the same, it could take no § and was resumed
    # at every start (trial 9).
    with pytest.raises(StoreError) as err:
        store.create_meeting(organ.id, "2025-02-15")
    assert err.value.key == "no_room_closed" and b.meeting.id in str(err.value)
    assert "öppnas igen" in err.value.text("sv")
    assert numbers(store, b.meeting.id) == [4, 5] and numbers(store, later.meeting.id) == [6]
    b.editor(history=False).do(verbs.reopen_meeting)  # the secretary's decision
    typed_after = store.create_meeting(organ.id, "2025-02-15")
    typed_after.add_paragraph("Glömt ärende")
    assert numbers(store, typed_after.meeting.id) == [4]
    assert numbers(store, b.meeting.id) == [5, 6]
    assert numbers(store, later.meeting.id) == [7]
    assert numbers(store, a.meeting.id) == [1, 2, 3]


def test_a_gap_in_the_series_is_said_on_both_sides(store, organ):
    """Feb §§ 1–7, March §§ 9–13 and § 8 nowhere, after a § was deleted from a
    reopened February before a closed March; nothing said so (trial 8)."""
    from protokoll.store.series import gaps

    feb = meeting_with(store, organ.id, "2025-02-01", 3)
    close(feb)
    march = meeting_with(store, organ.id, "2025-03-01", 2)
    close(march)
    assert gaps(store, feb.meeting) == [] and gaps(store, march.meeting) == []
    feb.editor(history=False).do(verbs.reopen_meeting)
    feb.delete_paragraph(feb.meeting.paragraphs[-1].id)
    assert numbers(store, march.meeting.id) == [4, 5]  # closed: kept
    assert [x.text() for x in gaps(store, feb.meeting)] == [
        "§ 3 finns inte i något protokoll: § 2 följs av § 4 (2025-03-01)"
    ]
    assert [x.text() for x in gaps(store, march.meeting)] == [
        "§ 3 finns inte i något protokoll: § 2 följs av § 4 (2025-03-01)"
    ]


def test_closed_protocols_numbered_against_the_rule_are_left_and_followed(store, organ):
    """An archive whose closed protocols all ran §§ 1–3 (made by another
    program): a new meeting after them goes on after them, one between them
    is refused, and none of them moves (trial 6: 88 were renumbered)."""
    closed = []
    for month in ("01", "02", "03"):
        s = meeting_with(store, organ.id, f"2025-{month}-10", 3)
        close(s)
        closed.append(s.meeting.id)
        s.close()
    for meeting_id in closed:
        path = store.path / "meetings" / f"{meeting_id}.json"
        doc = json.loads(path.read_text("utf-8"))
        for k, p in enumerate(doc["meeting"]["1"]["paragraphs"]):
            p["number"] = k + 1  # §§ 1–3 in every one
        path.write_text(json.dumps(doc), "utf-8")
    store = Store(store.path)
    with pytest.raises(StoreError) as err:
        store.create_meeting(organ.id, "2025-02-20")
    assert err.value.key == "no_room_closed" and closed[2] in str(err.value)
    after = store.create_meeting(organ.id, "2025-04-01")
    after.add_paragraph("Nytt")
    assert numbers(store, after.meeting.id) == [4]
    assert [numbers(store, m) for m in closed] == [[1, 2, 3]] * 3


def test_deleting_before_an_adjusted_meeting_leaves_its_numbers(store, organ):
    a = meeting_with(store, organ.id, "2025-02-01", 3)
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    b.meeting.status = "adjusted"
    b.save()
    a.delete_paragraph(a.meeting.paragraphs[-1].id)
    assert numbers(store, a.meeting.id) == [1, 2]
    assert numbers(store, b.meeting.id) == [4, 5]
    # The next § after the gap must not reuse 3... it can: 3 is free again.
    a.add_paragraph("Igen")
    assert numbers(store, a.meeting.id) == [1, 2, 3]


def test_a_meeting_dated_before_others_pushes_them_on(store, organ):
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    a = meeting_with(store, organ.id, "2025-02-01", 2)
    assert numbers(store, a.meeting.id) == [1, 2]
    assert [p.number for p in b.meeting.paragraphs] == [3, 4]


def test_moving_a_meeting_to_another_year_renumbers_both_years(store, organ):
    a = meeting_with(store, organ.id, "2025-01-10", 2)
    b = meeting_with(store, organ.id, "2025-02-10", 2)
    a.set_date("2024-12-20")
    assert numbers(store, a.meeting.id) == [1, 2]
    assert [p.number for p in b.meeting.paragraphs] == [1, 2]


def test_a_store_begun_mid_year_can_start_at_a_given_number(store, organ):
    a = store.create_meeting(organ.id, "2021-04-15", number_from=20)
    for title in ("Öppnande", "Dagordning", "Justerare"):
        a.add_paragraph(title)
    b = meeting_with(store, organ.id, "2021-05-20", 1)
    assert numbers(store, a.meeting.id) == [20, 21, 22]
    assert numbers(store, b.meeting.id) == [23]


def test_minnesanteckningar_have_no_numbers_and_take_none(store, organ):
    notes = meeting_with(store, organ.id, "2025-02-01", 2, kind="minnesanteckningar")
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    assert numbers(store, notes.meeting.id) == [None, None]
    assert numbers(store, b.meeting.id) == [1, 2]


def test_no_number_is_used_twice_in_an_organ_year_under_random_edits(store, organ):
    rng = random.Random(7)
    sessions = [meeting_with(store, organ.id, f"2025-0{m}-01", 2) for m in (2, 4, 6)]
    for _ in range(60):
        s = rng.choice(sessions)
        if s.meeting.paragraphs and rng.random() < 0.4:
            s.delete_paragraph(rng.choice(s.meeting.paragraphs).id)
        else:
            s.add_paragraph("x", position=rng.randint(0, len(s.meeting.paragraphs)))
    used = [n for s in sessions for n in numbers(store, s.meeting.id)]
    assert len(used) == len(set(used))
    assert used == list(range(1, len(used) + 1))


def test_renumbering_is_refused_when_a_later_meeting_is_open_elsewhere(store, organ, tmp_path):
    a = meeting_with(store, organ.id, "2025-02-01", 2)
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    b.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from protokoll.store import Store;"
            " s = Store(sys.argv[1]).open(sys.argv[2]);"
            "print('ready', flush=True); sys.stdin.read()",
            str(store.path),
            b.meeting.id,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as err:
            a.add_paragraph("Ny")
        assert "annan process" in str(err.value) and f"pid {holder.pid}" in str(err.value)
        assert numbers(store, b.meeting.id) == [3, 4]
    finally:
        holder.stdin.close()
        holder.wait(10)


def slot(i, date, count, fixed=False, first=None, last=None, number_from=None):
    return Slot(i, "o", date, "", "", count, fixed, first, last, number_from)


def test_plan_skips_past_fixed_meetings_and_keeps_their_numbers():
    result = plan(
        [
            slot("a", "2025-01-01", 3),
            slot("b", "2025-02-01", 2, True, 4, 5),
            slot("c", "2025-03-01", 2),
        ]
    )
    assert result == {"a": 1, "c": 6}


def test_plan_leaves_overlapping_imported_numbers_alone():
    # Two imported protocols that both used § 24: not ours to fix, not a refusal.
    result = plan(
        [
            slot("a", "2021-04-15", 7, True, 20, 25),
            slot("b", "2021-05-01", 3, True, 24, 26),
            slot("c", "2021-06-01", 1),
        ]
    )
    assert result == {"c": 27}


def test_moving_a_paragraph_keeps_the_numbers_in_order(store, organ):
    a = meeting_with(store, organ.id, "2025-02-01", 3)
    last = a.meeting.paragraphs[-1]
    a.move_paragraph(last.id, 0)
    assert [p.title for p in Store(store.path).load(a.meeting.id).paragraphs] == [
        "Punkt 3",
        "Punkt 1",
        "Punkt 2",
    ]
    assert numbers(store, a.meeting.id) == [1, 2, 3]
    assert last.number == 1


def test_setting_the_first_number_renumbers_and_refuses_a_taken_one(store, organ):
    meeting_with(store, organ.id, "2025-02-01", 3)
    b = meeting_with(store, organ.id, "2025-03-01", 2)
    b.set_number_from(10)
    assert numbers(store, b.meeting.id) == [10, 11]
    with pytest.raises(StoreError) as err:
        b.set_number_from(2)  # §§ 1–3 are the February meeting's
    assert "§ 3 är redan använd" in str(err.value)
    assert b.meeting.number_from == 10
    assert numbers(store, b.meeting.id) == [10, 11]
