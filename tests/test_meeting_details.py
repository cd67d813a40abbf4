"""A meeting's date, start and place put right, through the verb the
application and the command line share: numbers follow the date, undo puts
everything back, and what cannot be changed is refused with nothing changed."""

from __future__ import annotations

import pytest

from protokoll.store import Store, StoreError, verbs

from .conftest import meeting_with, numbers


def test_a_meeting_dated_wrongly_moves_and_its_numbers_follow(store, organ):
    feb = meeting_with(store, organ.id, "2026-02-10", 2)
    wrong = meeting_with(store, organ.id, "2026-01-05", 2)  # meant for 5 March
    assert numbers(store, wrong.meeting.id) == [1, 2]
    assert numbers(store, feb.meeting.id) == [3, 4]
    ed = wrong.editor(history=False)
    change = ed.do(verbs.set_details, date="5 mars 2026")
    assert change.text("sv") == "mötesuppgifterna ändrade: 2026-03-05"
    assert Store(store.path).load(wrong.meeting.id).date == "2026-03-05"
    assert numbers(store, feb.meeting.id) == [1, 2]
    assert numbers(store, wrong.meeting.id) == [3, 4]
    ed.undo()
    assert Store(store.path).load(wrong.meeting.id).date == "2026-01-05"
    assert numbers(store, wrong.meeting.id) == [1, 2]
    assert numbers(store, feb.meeting.id) == [3, 4]


def test_moved_to_another_year_the_year_it_left_closes_up(store, organ):
    wrong = meeting_with(store, organ.id, "2025-12-01", 2)  # meant for 2026
    later = meeting_with(store, organ.id, "2025-12-15", 3)
    assert numbers(store, later.meeting.id) == [3, 4, 5]
    wrong.editor(history=False).do(verbs.set_details, date="2026-01-12")
    assert numbers(store, wrong.meeting.id) == [1, 2]
    assert numbers(store, later.meeting.id) == [1, 2, 3]  # not 3–5 with a gap


def test_start_and_place_change_without_moving_a_number(store, organ):
    s = meeting_with(store, organ.id, "2026-02-10", 2, start="13:00")
    change = s.editor(history=False).do(
        verbs.set_details, start="13.15", place="  Kommunhuset,   sal B "
    )
    assert change.text("sv") == "mötesuppgifterna ändrade: 13.15, Kommunhuset, sal B"
    again = Store(store.path).load(s.meeting.id)
    assert (again.start, again.place) == ("13:15", "Kommunhuset, sal B")
    assert numbers(store, s.meeting.id) == [1, 2]


def test_a_place_put_right_is_the_one_the_next_meeting_proposes(store, organ):
    """The organ remembers the place of its newest meeting for the next one's
    form: put right, the form had still proposed the wrong room (a trial)."""
    s = store.create_meeting(organ.id, "2026-02-10", place="Skypemöte")
    assert store.organ_on_disk(organ.id).place == "Skypemöte"
    ed = s.editor(history=False)
    ed.do(verbs.set_details, place="Skype")
    assert Store(store.path).organ(organ.id).place == "Skype"
    ed.undo()
    assert Store(store.path).organ(organ.id).place == "Skypemöte"
    # A place the organ no longer remembers (another meeting's since) stays its.
    store.create_meeting(organ.id, "2026-03-10", place="Kommunhuset")
    ed.do(verbs.set_details, place="Rum 2")
    assert Store(store.path).organ(organ.id).place == "Kommunhuset"


@pytest.mark.parametrize(
    ("fields", "said", "field"),
    [
        ({"date": "31/2 2026", "place": "Rum 2"}, "datum", "date"),
        ({"start": "25.70", "place": "Rum 2"}, "25.70", "start"),
        ({"date": "2026-02-10", "place": ""}, "inget ändrades", None),
    ],
)
def test_what_does_not_read_is_refused_and_nothing_changes(store, organ, fields, said, field):
    s = meeting_with(store, organ.id, "2026-02-10", 1, start="13:00")
    before = s.meeting.date, s.meeting.start, s.meeting.place
    with pytest.raises(StoreError) as caught:
        s.editor(history=False).do(verbs.set_details, **fields)
    assert said in caught.value.text("sv")
    assert caught.value.field == field  # where a dialog puts the cursor
    assert (s.meeting.date, s.meeting.start, s.meeting.place) == before


def test_a_start_after_the_meetings_end_is_refused(store, organ):
    s = meeting_with(store, organ.id, "2026-02-10", 1, start="13:00")
    ed = s.editor(history=False)
    ed.do(verbs.close_meeting, "15:00")
    ed.do(verbs.reopen_meeting)
    with pytest.raises(StoreError, match="före sluttiden 15.00") as caught:
        ed.do(verbs.set_details, start="16:00")
    assert caught.value.field == "start"
    assert s.meeting.start == "13:00"


def test_a_closed_meeting_is_reopened_first(store, organ):
    s = meeting_with(store, organ.id, "2026-02-10", 1)
    ed = s.editor(history=False)
    ed.do(verbs.close_meeting, "15:00")
    with pytest.raises(StoreError) as caught:
        ed.do(verbs.set_details, date="2026-02-11")
    assert caught.value.key == "closed"
    assert s.meeting.date == "2026-02-10"


def test_a_move_that_would_renumber_a_closed_meeting_is_refused(store, organ):
    closed = meeting_with(store, organ.id, "2026-02-10", 2)
    closed.editor(history=False).do(verbs.close_meeting, "15:00")
    later = meeting_with(store, organ.id, "2026-03-10", 1)
    with pytest.raises(StoreError):
        later.editor(history=False).do(verbs.set_details, date="2026-01-20")
    assert Store(store.path).load(later.meeting.id).date == "2026-03-10"
    assert numbers(store, closed.meeting.id) == [1, 2]
    assert numbers(store, later.meeting.id) == [3]
