"""The task life-cycle across meetings and the follow-up items of the next meeting."""

from __future__ import annotations

import datetime as dt

from protokoll.store import Store, Task, render_text
from protokoll.store.adjust import adjust
from protokoll.store.followup import add_items, pending, previous_reference
from protokoll.store.registers import tasks

from .conftest import meeting_with


def closed_meeting_with_task(store, organ, date="2025-02-01"):
    s = meeting_with(store, organ.id, date, 2)
    s.meeting.paragraphs[1].tasks.append(
        Task("t-report", "Ta fram en rapport om lokalerna", owner_name="Eva Holm", due="2025-03-01")
    )
    s.meeting.status = "closed"
    s.save()
    s.close()
    return s.meeting


def test_the_next_meeting_lists_open_tasks_and_the_previous_protocol(store, organ):
    first = closed_meeting_with_task(store, organ)
    s = store.create_meeting(organ.id, "2025-03-10")
    state = pending(store, s.meeting)
    assert [(o.meeting, o.number, o.owner) for o in state.tasks] == [(first.id, 2, "Eva Holm")]
    assert state.previous is not None and state.previous.id == first.id
    assert add_items(s.meeting, state)
    titles = [(i.title, i.kind) for i in s.meeting.agenda]
    # The standard agenda's item is made to refer to the protocol, and the
    # follow-up of tasks comes right after it.
    at = titles.index(("Föregående protokoll", "previous"))
    assert s.meeting.agenda[at].ref == first.id
    assert previous_reference(state.previous) == (
        "Protokollet från sammanträdet 2025-02-01, §§ 1–2"
    )
    assert titles[at + 1] == ("Uppföljning av uppdrag", "followup")
    assert not add_items(s.meeting, state)  # once only


def test_follow_up_as_done_closes_the_task_for_later_meetings(store, organ):
    first = closed_meeting_with_task(store, organ)
    second = store.create_meeting(organ.id, "2025-03-10")
    state = pending(store, second.meeting)
    add_items(second.meeting, state)
    item = next(i for i in second.meeting.agenda if i.kind == "previous")
    p = second.add_paragraph("Föregående protokoll", agenda_item=item.id)
    item.paragraph = p.id
    follow = second.add_paragraph("Uppföljning av uppdrag")
    follow.followups.append(state.tasks[0].follow_up(done=True, note="Rapporten redovisades."))
    second.meeting.status = "closed"
    second.save()
    second.close()

    rows = tasks([Store(store.path).load(m) for m in (first.id, second.meeting.id)])
    (row,) = rows
    assert row.done
    assert row.followed_up == "2025-03-10 § 4" and row.done_note == "Rapporten redovisades."
    assert tasks([first, Store(store.path).load(second.meeting.id)], open_only=True) == []

    third = store.create_meeting(organ.id, "2025-04-10")
    later = pending(Store(store.path), third.meeting)
    assert later.tasks == []
    # The first protocol was reported; the second is the one to report now.
    assert later.previous is not None and later.previous.id == second.meeting.id

    text = render_text(Store(store.path).load(second.meeting.id))
    assert "Uppföljning av uppdrag" in text
    assert (
        "Eva Holm: Ta fram en rapport om lokalerna (från § 2, 2025-02-01): slutfört. "
        "Rapporten redovisades."
    ) in " ".join(text.split())


def test_a_task_reported_on_but_ongoing_stays_open(store, organ):
    closed_meeting_with_task(store, organ)
    second = store.create_meeting(organ.id, "2025-03-10")
    state = pending(store, second.meeting)
    p = second.add_paragraph("Uppföljning")
    p.followups.append(state.tasks[0].follow_up(done=False, note="Klar till maj."))
    second.meeting.status = "closed"
    second.save()
    second.close()
    third = store.create_meeting(organ.id, "2025-04-10")
    assert [o.task.id for o in pending(store, third.meeting).tasks] == ["t-report"]
    assert "pågår. Klar till maj." in " ".join(render_text(store.load(second.meeting.id)).split())


def test_a_task_of_an_adjusted_meeting_is_followed_up_without_touching_it(store, organ):
    first = closed_meeting_with_task(store, organ)
    adjust(store, first.id, dt.date(2025, 2, 5), ["Anna Berg"])
    second = store.create_meeting(organ.id, "2025-03-10")
    state = pending(store, second.meeting)
    p = second.add_paragraph("Uppföljning")
    p.followups.append(state.tasks[0].follow_up())
    second.save()
    from protokoll.store.adjust import verify

    assert verify(Store(store.path), first.id)[0]  # the adjusted text is unchanged
    assert tasks([store.load(first.id), second.meeting], open_only=True) == []


def test_other_organs_and_later_meetings_are_not_followed_up(store, organ):
    other = store.add_organ("Styrelsen", "Förbundet", organ_id="st")
    closed_meeting_with_task(store, organ, date="2025-02-01")
    s = store.create_meeting(other.id, "2025-03-10")
    assert pending(store, s.meeting).tasks == []
    assert pending(store, s.meeting).previous is None
    early = store.create_meeting(organ.id, "2025-01-10")
    assert pending(store, early.meeting).tasks == []


def test_a_first_meeting_keeps_its_agenda_as_it_was(store, organ):
    s = store.create_meeting(organ.id, "2025-03-10")
    before = [i.title for i in s.meeting.agenda]
    assert not add_items(s.meeting, pending(store, s.meeting))
    assert [i.title for i in s.meeting.agenda] == before
