"""The meeting's verbs, without the application: what each changes, and what it refuses."""

from __future__ import annotations

import pytest

from protokoll.store import Ballot, Store, StoreError, Vote, verbs
from protokoll.store.model import FollowUp
from protokoll.store.serial import to_dict
from protokoll.store.verbs import Editor, History, ItemRef

from .conftest import numbers


@pytest.fixture
def session(store: Store, organ):
    s = store.create_meeting(organ.id, "2026-03-02", start="13:00")
    ed = s.editor(history=False)
    for who in ("anna", "bo", "cia"):
        ed.do(verbs.set_present, who, True)
    ed.do(verbs.toggle_function, "anna", "chair")
    return s


def first(session) -> str:
    return session.meeting.paragraphs[0].id


def refused(session, verb, *args, key: str, **kwargs) -> StoreError:
    """The verb refuses with `key` and the meeting is exactly as it was."""
    before = to_dict(session.meeting)
    with pytest.raises(StoreError) as err:
        session.editor(history=False).do(verb, *args, **kwargs)
    assert err.value.key == key
    assert to_dict(session.meeting) == before
    return err.value


# --- agenda and §s ------------------------------------------------------------


def test_taking_an_item_makes_a_numbered_paragraph_and_opens_the_meeting(session):
    m = session.meeting
    item = m.agenda[0]
    change = session.editor().do(verbs.take_item, item.id, started="13:02")
    p = m.paragraph(change.paragraph)
    assert (p.number, p.title, p.started, p.agenda_item) == (1, item.title, "13:02", item.id)
    assert (item.paragraph, item.status, m.status, m.current) == (p.id, "current", "open", p.id)
    # The next one: the first is done, numbering runs on.
    change = session.editor().do(verbs.take_item, m.agenda[1].id)
    assert item.status == "done" and m.paragraph(change.paragraph).number == 2
    # Taking it again only shows it.
    change = session.editor().do(verbs.take_item, item.id)
    assert change.paragraph == p.id and len(m.paragraphs) == 2


def test_renaming_a_paragraph_renames_its_agenda_item(session):
    m = session.meeting
    change = session.editor().do(verbs.take_item, m.agenda[4].id)
    session.editor().do(verbs.rename_paragraph, change.paragraph, "  Ansökan   om medel ")
    assert m.paragraph(change.paragraph).title == "Ansökan om medel"
    assert m.agenda[4].title == "Ansökan om medel"
    refused(session, verbs.rename_paragraph, change.paragraph, "  ", key="empty_title")
    refused(session, verbs.rename_paragraph, "nope", "X", key="unknown_paragraph")


def test_deleting_a_paragraph_renumbers_and_puts_its_item_back(session, store):
    m = session.meeting
    session.editor().do(verbs.set_present, "bo", False)
    ids = [session.editor().do(verbs.take_item, i.id).paragraph for i in m.agenda[:3]]
    session.editor().do(verbs.arrive, "bo", ids[1])
    session.editor().do(verbs.delete_paragraph, ids[1])
    assert [p.number for p in m.paragraphs] == [1, 2]
    assert m.agenda[1].paragraph is None and m.agenda[1].status == "pending"
    # Bo's arrival at the deleted § moves to the § that now follows.
    assert m.attendee("bo").arrived == ids[2]
    assert numbers(store, m.id) == [1, 2]


def test_presence_at_a_deleted_paragraph_with_no_neighbour_is_at_no_paragraph(session):
    """Sara came at § 15, the last; § 15 was deleted, and she stood as present
    from the start, counted in the votes before she came (a trial). Someone
    who came at the last § or left at the first was at none of those left."""
    from protokoll.store.attendance import present_at

    m = session.meeting
    ed = session.editor()
    first, second, last = (ed.do(verbs.add_paragraph, t).paragraph for t in ("A", "B", "C"))
    ed.do(verbs.set_present, "bo", False)
    ed.do(verbs.arrive, "bo", last)
    ed.do(verbs.leave, "cia", second)  # B not decided: present up to and including A
    assert m.attendee("cia").left == first
    change = ed.do(verbs.delete_paragraph, last)
    assert change.text("sv") == (
        "§ 3 C togs bort; Bo Ek var bara med vid den och står nu som frånvarande"
    )
    assert not any(present_at(m.attendee("bo"), m, p.id) for p in m.paragraphs)
    assert not m.attendee("bo").present
    change = ed.do(verbs.delete_paragraph, first)
    assert change.text("en") == "§ 1 A deleted; Cia Dahl attended only that § and are now absent"
    assert not m.attendee("cia").present
    assert [a.name for a in m.attendees if present_at(a, m, m.paragraphs[0].id)] == ["Anna Berg"]
    ed.undo()
    ed.undo()
    assert m.attendee("bo").arrived == last and m.attendee("cia").left == first


def test_a_substitute_who_served_only_at_a_deleted_paragraph_serves_no_longer(session):
    m = session.meeting
    ed = session.editor()
    ed.do(verbs.add_paragraph, "A")
    last = ed.do(verbs.add_paragraph, "B").paragraph
    ed.do(verbs.leave, "cia", m.paragraphs[0].id)
    ed.do(verbs.set_present, "dan", True)
    ed.do(verbs.substitute, "dan", "cia", last)
    change = ed.do(verbs.delete_paragraph, last)
    said = change.text("sv")
    assert said.endswith("Dan Falk tjänstgjorde bara vid den och tjänstgör inte längre")
    assert m.attendee("dan").replaces is None and m.attendee("dan").present


def test_f2_takes_the_first_item_not_yet_taken(session):
    """A meeting begun at its follow-up item, or gone ahead to
    "Beslutsärenden", had F2 go on from there and leave the opening items to
    the end (trials 6 and 9)."""
    m = session.meeting
    ed = session.editor()
    agenda = [i.id for i in m.agenda]
    ed.do(verbs.take_item, agenda[4])  # begun in the middle
    assert verbs.next_item(m).id == agenda[0]
    for k in (0, 1, 2):
        ed.do(verbs.take_item, agenda[k])
    assert verbs.next_item(m).id == agenda[3]  # back to the one skipped
    for item in m.agenda[3:]:
        if not item.paragraph:
            ed.do(verbs.take_item, item.id)
    assert verbs.next_item(m) is None


def test_a_roll_call_has_each_ersattare_in_the_seat_they_hold(session):
    """The omröstningslista had the ersättare last, after the whole roster (trial 7)."""
    from protokoll.store.attendance import in_seat_order

    m = session.meeting
    ed = session.editor()
    pid = ed.do(verbs.add_paragraph, "Val").paragraph
    ed.do(verbs.set_present, "bo", False)
    ed.do(verbs.substitute, "dan", "bo", pid)
    assert [a.id for a in in_seat_order(m, pid)] == ["anna", "dan", "cia"]


def test_an_arrival_before_any_paragraph_says_present_from_the_start(session):
    # A trial pressed A before § 1 and read "Maria Lööf kom till", and nothing more.
    ed = session.editor()
    ed.do(verbs.set_present, "cia", False)
    said = ed.do(verbs.arrive, "cia", None).text("sv")
    assert said == "Cia Dahl är närvarande från mötets början (ingen § ännu)"
    assert session.meeting.attendee("cia").present
    with pytest.raises(StoreError) as again:
        ed.do(verbs.arrive, "cia", None)
    assert again.value.text("sv") == "Cia Dahl är redan närvarande från mötets början"


def test_an_arrival_of_someone_marked_present_from_the_start_is_recorded(session):
    """After the upprop's *, A on a member who came at § 2 said "kom till § 2"
    and recorded nothing: she was counted from § 1 (trial 9)."""
    from protokoll.store.attendance import present_at

    m = session.meeting
    ed = session.editor()
    first = ed.do(verbs.add_paragraph, "Öppnande").paragraph
    ed.do(verbs.add_decision, first, "förklara mötet öppnat")
    second = ed.do(verbs.add_paragraph, "Ärende").paragraph
    assert ed.do(verbs.arrive, "cia", second).text("sv") == "Cia Dahl kom till § 2"
    cia = m.attendee("cia")
    assert cia.arrived == second and not present_at(cia, m, first)
    refused(session, verbs.arrive, "cia", second, key="already_present")
    refused(session, verbs.arrive, "bo", first, key="already_present")  # the first §
    # One who voted before it did not come after it.
    roll = [Ballot("anna", "ja"), Ballot("bo", "ja")]
    ed.do(verbs.add_vote, first, Vote("ja för förslaget, nej för avslag", ballots=roll))
    refused(session, verbs.arrive, "anna", second, key="voted_before_arrival")


def test_agenda_items_are_added_moved_and_deferred(session):
    m = session.meeting
    ed = session.editor()
    ed.do(verbs.add_item, "Extra punkt", after=m.agenda[0].id)
    assert m.agenda[1].title == "Extra punkt"
    ed.do(verbs.move_item, m.agenda[1].id, -1)
    assert m.agenda[0].title == "Extra punkt"
    ed.do(verbs.move_item, m.agenda[0].id, -1)  # at the top already: stays
    assert m.agenda[0].title == "Extra punkt"
    taken = ed.do(verbs.take_item, m.agenda[0].id)
    refused(session, verbs.defer_item, m.agenda[0].id, key="item_taken_defer")
    assert taken.paragraph
    refused(session, verbs.add_item, " ", key="empty_title")
    refused(session, verbs.move_item, "nope", 1, key="unknown_item")


def test_moving_a_paragraph_renumbers(session):
    ed = session.editor()
    a = ed.do(verbs.add_paragraph, "A").paragraph
    ed.do(verbs.add_paragraph, "B")
    ed.do(verbs.move_paragraph, a, 1)
    assert [(p.number, p.title) for p in session.meeting.paragraphs] == [(1, "B"), (2, "A")]


# --- attendance -----------------------------------------------------------------


def test_attendance_and_functions(session):
    m = session.meeting
    ed = session.editor()
    p1 = ed.do(verbs.add_paragraph, "Ett").paragraph
    ed.do(verbs.add_paragraph, "Två")
    ed.do(verbs.leave, "cia", m.current)
    assert m.attendee("cia").left == p1
    refused(session, verbs.arrive, "cia", m.current, key="reentry")
    change = ed.do(verbs.substitute, "dan", "cia", m.current)
    assert m.attendee("dan").replaces == "cia"
    # Both of Region Mitt: its seat, whatever their parties (a förbund's seats).
    assert change.text("sv") == "Dan Falk tjänstgör för Cia Dahl"
    ed.do(verbs.set_present, "bo", False)
    assert not m.attendee("bo").present
    # Who signs must be there: an absent justerare printed as both (trial 5).
    for function in ("adjuster", "chair", "secretary"):
        refused(session, verbs.toggle_function, "bo", function, key="function_absent")
    said = refused(session, verbs.toggle_function, "bo", "adjuster", key="function_absent")
    assert said.text("sv") == (
        "Bo Ek är inte närvarande och kan inte vara justerare: markera närvaron först"
    )
    ed.do(verbs.set_present, "bo", True)
    ed.do(verbs.set_present, "eva", True)
    ed.do(verbs.toggle_function, "bo", "adjuster")
    ed.do(verbs.toggle_function, "eva", "secretary")
    assert m.functions.adjusters == ["bo"] and m.functions.secretary == "eva"
    ed.do(verbs.set_present, "bo", False)  # absent later: the check says so
    ed.do(verbs.toggle_function, "bo", "adjuster")  # and taking it off is never refused
    assert m.functions.adjusters == []
    refused(session, verbs.toggle_function, "bo", "kassör", key="unknown_function")
    refused(session, verbs.set_present, "nobody", True, key="unknown_attendee")
    ed.do(verbs.add_guest, "Gäst Gästsson", "revisor", "PwC", at=p1)
    guest = m.attendees[-1]
    assert (guest.name, guest.guest, guest.category, guest.arrived) == (
        "Gäst Gästsson",
        True,
        "ovriga",
        p1,
    )
    refused(session, verbs.add_guest, "  ", key="empty_name")


def test_taking_another_partys_or_organisations_seat_is_allowed_and_said(store):
    """An (M) ersättare took an (SD) seat unseen (trial 7); in a förbund the
    seats are the member organisations' (trial 8)."""
    from protokoll.store import Person

    roster = [
        Person("kent", "Kent Ek", party="SD"),
        Person("rolf", "Rolf Qvist", party="M", role="ersattare"),
        Person("sofia", "Sofia Lantz", organisation="Försäkringskassan"),
        Person("jonas", "Jonas Ryhr", organisation="Arbetsförmedlingen", role="ersattare"),
    ]
    organ = store.add_organ("Styrelsen", "Förbundet", roster=roster)
    s = store.create_meeting(organ.id, "2026-03-02")
    ed = s.editor(history=False)
    pid = ed.do(verbs.add_paragraph, "Ärende").paragraph
    said = ed.do(verbs.substitute, "rolf", "kent", pid).text("sv")
    assert said == "Rolf Qvist (M) tjänstgör för Kent Ek (SD), ett annat partis plats"
    said = ed.do(verbs.substitute, "jonas", "sofia", pid).text("sv")
    assert said == (
        "Jonas Ryhr (Arbetsförmedlingen) tjänstgör för Sofia Lantz (Försäkringskassan), "
        "en annan organisations plats"
    )


def test_signature_titles_default_from_the_roster_and_can_be_set(session):
    m = session.meeting
    ed = session.editor()
    # Eva is förbundschef on the roster and signs as such when she keeps the minutes.
    ed.do(verbs.set_present, "eva", True)
    ed.do(verbs.toggle_function, "eva", "secretary")
    # Anna is "ordförande" on the roster: a chair's title, kept; Bo's none.
    assert m.functions.titles == {"eva": "förbundschef", "anna": "ordförande"}
    ed.do(verbs.toggle_function, "bo", "chair")  # Bo chairs: Anna no longer signs so
    assert m.functions.titles == {"eva": "förbundschef"}
    ed.do(verbs.toggle_function, "anna", "chair")
    ed.do(verbs.set_signature_title, "anna", "1:a vice ordförande")
    assert m.functions.titles["anna"] == "1:a vice ordförande"
    ed.do(verbs.set_signature_title, "anna", "")
    assert "anna" not in m.functions.titles
    ed.do(verbs.toggle_function, "eva", "secretary")  # off: the default title goes too
    assert m.functions.titles == {}


# --- what is recorded in a § ---------------------------------------------------------


def test_an_att_sats_after_a_lead_ending_in_att_says_att_once(session):
    # Typed as an att-sats is written, after "… beslutar att": a trial printed "att att".
    ed = session.editor()
    pid = ed.do(verbs.add_paragraph, "Budget").paragraph
    lead = "Styrelsen beslutar att"
    ed.do(verbs.add_decision, pid, "att fastställa budgeten", lead=lead)
    ed.do(verbs.add_decision, pid, "attestera fakturan", lead=lead)
    ed.do(verbs.add_decision, pid, "att godkänna", lead="Mötet beslutade")
    assert [d.text for d in session.meeting.paragraph(pid).decisions] == [
        "Styrelsen beslutar att fastställa budgeten",
        "Styrelsen beslutar att attestera fakturan",
        "Mötet beslutade att godkänna",
    ]


def test_entries_are_added_edited_and_removed_by_reference(session):
    m = session.meeting
    ed = session.editor()
    pid = ed.do(verbs.add_paragraph, "Ärende").paragraph
    p = m.paragraph(pid)
    ed.do(verbs.add_decision, pid, "bevilja medel", lead="AU föreslår styrelsen besluta att")
    assert p.decisions[0].text == "AU föreslår styrelsen besluta att bevilja medel"
    lead = "Arbetsutskottet beslutar att"
    ed.do(verbs.add_decision, pid, f"{lead} tacka", lead=lead)
    assert p.decisions[1].text == "Arbetsutskottet beslutar att tacka"  # lead not doubled
    refused(session, verbs.add_decision, pid, "  ", key="empty_text")
    ed.do(verbs.add_task, pid, "skriva brev", owner="bo", due="2026-04-01")
    assert (p.tasks[0].owner, p.tasks[0].owner_name) == ("bo", "Bo Ek")
    refused(session, verbs.add_task, pid, "x", owner="nobody", key="unknown_attendee")
    ed.do(verbs.edit_item, pid, ItemRef("decision", 0), "nytt beslut")
    assert p.decisions[0].text == "nytt beslut"
    refused(session, verbs.edit_item, pid, ItemRef("decision", 0), " ", key="empty_text")
    refused(session, verbs.edit_item, pid, ItemRef("decision", 5), "x", key="unknown_item")
    ed.do(verbs.remove_item, pid, ItemRef("decision", 0))
    assert [d.text for d in p.decisions] == ["Arbetsutskottet beslutar att tacka"]
    ed.do(verbs.remove_item, pid, ItemRef("task", 0))
    assert p.tasks == []


def test_proposals_order_vote_reservation_note_and_jav_follow_the_rules(session):
    m = session.meeting
    ed = session.editor()
    pid = ed.do(verbs.add_paragraph, "Ärende").paragraph
    p = m.paragraph(pid)
    ed.do(verbs.add_proposal, pid, "bo", "bifall")
    ed.do(verbs.add_proposal, pid, "cia", "avslag")
    refused(session, verbs.add_proposal, pid, "eva", "x", key="proposal_not_serving")
    ed.do(verbs.set_order, pid, [p.proposals[0].id, p.proposals[1].id], p.proposals[0].id)
    assert p.carried == p.proposals[0].id
    refused(session, verbs.set_order, pid, ["x"], None, key="bad_order")
    prop = "ja för förslaget, nej för avslag"
    refused(session, verbs.add_vote, pid, Vote(yes=2, no=1), key="vote_no_proposition")
    short = Vote(prop, ballots=[Ballot("anna", "ja")])
    refused(session, verbs.add_vote, pid, short, key="roll_mismatch")
    ed.do(verbs.add_vote, pid, Vote(prop, yes=2, no=1))
    assert (p.votes[0].yes, p.votes[0].no) == (2, 1)
    # Corrected in its place, checked as a new vote; a wrong correction leaves it.
    refused(session, verbs.replace_vote, pid, 0, Vote(prop, yes=3, no=1), key="tally_mismatch")
    refused(session, verbs.replace_vote, pid, 1, Vote(prop, yes=1, no=2), key="unknown_item")
    ed.do(verbs.replace_vote, pid, 0, Vote(prop, yes=1, no=2))
    assert [(v.yes, v.no) for v in p.votes] == [(1, 2)]
    ed.do(verbs.add_reservation, pid, "cia", p.proposals[1].id, "", True)
    assert p.reservations[0].pending
    refused(session, verbs.add_reservation, pid, "cia", key="reservation_twice")
    ed.do(verbs.edit_item, pid, ItemRef("reservation", 0), "skälen")
    assert p.reservations[0].reason == "skälen" and not p.reservations[0].pending
    ed.do(verbs.set_present, "dan", True)  # a substitute present, not serving
    ed.do(verbs.add_note, pid, "dan", "en anteckning", "protokollsanteckning")
    refused(session, verbs.add_note, pid, "eva", "x", "protokollsanteckning", key="note_not_member")
    # Withdrawing keeps the proposal and takes it out of the beslutsgång.
    ed.do(verbs.remove_item, pid, ItemRef("proposal", 1))
    assert p.proposals[1].withdrawn and p.order == [p.proposals[0].id]
    other = ed.do(verbs.add_paragraph, "Jäv").paragraph
    ed.do(verbs.declare_jav, other, "anna", None, "bo")
    assert m.paragraph(other).chair == "bo"
    refused(session, verbs.declare_jav, other, "anna", key="jav_twice")
    ed.do(verbs.remove_item, other, ItemRef("jav", 0))
    assert m.paragraph(other).jav == [] and m.paragraph(other).chair is None


def test_follow_up_mask_and_immediate(session):
    m = session.meeting
    ed = session.editor()
    pid = ed.do(verbs.add_paragraph, "Uppföljning").paragraph
    f = FollowUp("t1", "old", "2026-01-10", 4, "ringa", "Bo Ek", True, "klart")
    ed.do(verbs.follow_up, pid, f)
    ed.do(verbs.follow_up, pid, f)  # again: once per task
    assert len(m.paragraph(pid).followups) == 1
    ed.do(verbs.unfollow, "t1")
    assert m.paragraph(pid).followups == []
    refused(session, verbs.unfollow, "t1", key="unknown_item")
    ed.do(verbs.set_masked, pid, " sekretess  ")
    assert m.paragraph(pid).masked == "sekretess"
    ed.do(verbs.set_immediate, pid, True)
    assert m.paragraph(pid).immediate
    ed.do(verbs.remove_item, pid, ItemRef("mask"))
    assert m.paragraph(pid).masked == ""


# --- closing, reopening ----------------------------------------------------------


def test_close_refuses_changes_until_reopened(session):
    m = session.meeting
    ed = session.editor()
    pid = ed.do(verbs.add_paragraph, "Ärende").paragraph
    refused(session, verbs.close_meeting, "12.00", key="end_before_start")
    refused(session, verbs.close_meeting, "sent", key="bad_value")
    ed.do(verbs.close_meeting, "kl. 15")
    assert (m.status, m.end) == ("closed", "15:00")
    for verb, args in (
        (verbs.add_decision, (pid, "x")),
        (verbs.rename_paragraph, (pid, "x")),
        (verbs.set_present, ("bo", False)),
        (verbs.set_text, (pid, "x")),
    ):
        refused(session, verb, *args, key="closed")
    refused(session, verbs.close_meeting, "16:00", key="closed")
    ed.do(verbs.reopen_meeting)
    assert m.status == "open"
    refused(session, verbs.reopen_meeting, key="not_closed_reopen")
    ed.do(verbs.rename_paragraph, pid, "Rättat")


def test_undoing_the_close_keeps_the_end_typed_as_reopening_does(session):
    """F6 after closing at 19.40 had dropped the end, and closing again offered
    the time of day: the protocol said 10.27–10.31 (trial 5)."""
    m = session.meeting
    ed = Editor(session)
    ed.do(verbs.add_paragraph, "Ärende")
    ed.do(verbs.close_meeting, "19.40")
    ed.undo()
    assert (m.status, m.end) == ("open", "19:40")
    ed.redo()
    assert (m.status, m.end) == ("closed", "19:40")
    ed.undo()
    ed.do(verbs.close_meeting, "19.45")  # closed again, at another time
    ed.undo()
    assert m.end == "19:45"


def test_the_editor_says_when_an_undo_would_reopen_the_closed_meeting(session):
    # Asked first by the application and the command line alike: one rule, here.
    ed = Editor(session)
    ed.do(verbs.add_paragraph, "Ärende")
    assert not ed.undo_reopens  # open: an undo reopens nothing
    ed.do(verbs.close_meeting, "19.40")
    assert ed.undo_reopens
    ed.undo()
    assert not ed.undo_reopens  # open again
    ed.redo()
    assert ed.undo_reopens


def test_an_adjusted_meeting_refuses_the_verbs(example):
    import datetime as dt

    from protokoll.store.adjust import adjust

    store = Store(example)
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    session = store.open("20250605-au")
    with pytest.raises(StoreError) as err:
        session.editor().do(verbs.reopen_meeting)
    assert err.value.key == "adjusted"  # a read-only session: adjusted, nothing to do


def test_the_reopen_verb_itself_refuses_an_adjusted_meeting(session):
    session.meeting.status = "adjusted"  # as the store would have it
    with pytest.raises(StoreError) as err:
        verbs.reopen_meeting(session.meeting)
    assert err.value.key == "adjusted_reopen"


# --- undo and redo ------------------------------------------------------------------


def test_undo_and_redo_every_kind_of_change_and_keep_the_text(session):
    m = session.meeting
    ed = Editor(session)
    a = ed.do(verbs.add_paragraph, "A").paragraph
    ed.do(verbs.add_paragraph, "B")
    ed.do(verbs.add_decision, a, "beslut")
    ed.quietly(verbs.set_text, a, "typed after the decision")
    change = ed.undo()
    assert change.text("sv") == "Ångrat: beslut i § 1"
    assert m.paragraph(a).decisions == []
    assert m.paragraph(a).text == "typed after the decision"  # the editor's text stays
    ed.redo()
    assert [d.text for d in m.paragraph(a).decisions] == ["beslut"]
    ed.do(verbs.delete_paragraph, a)
    assert [p.title for p in m.paragraphs] == ["B"] and m.paragraphs[0].number == 1
    ed.undo()
    assert [(p.number, p.title) for p in m.paragraphs] == [(1, "A"), (2, "B")]
    assert m.paragraph(a).text == "typed after the decision"
    ed.undo()
    ed.undo()
    ed.undo()
    assert m.paragraphs == [] and ed.undo() is None
    assert not ed.can_undo and ed.can_redo


def test_a_new_change_forgets_what_was_undone(session):
    ed = Editor(session)
    ed.do(verbs.add_paragraph, "A")
    ed.undo()
    ed.do(verbs.add_paragraph, "B")
    assert ed.redo() is None


def test_the_undo_history_survives_a_restart(store: Store, session):
    meeting_id = session.meeting.id
    ed = Editor(session, history=History(store.path, meeting_id))
    ed.do(verbs.add_paragraph, "A")
    pid = ed.do(verbs.add_paragraph, "B").paragraph
    ed.do(verbs.add_decision, pid, "beslut")
    ed.undo()
    session.close()
    again = Store(store.path).open(meeting_id)
    ed = Editor(again, history=History(store.path, meeting_id))
    assert ed.can_undo and ed.can_redo
    ed.redo()
    assert [d.text for d in again.meeting.paragraph(pid).decisions] == ["beslut"]
    ed.undo()
    ed.undo()
    assert [p.title for p in again.meeting.paragraphs] == ["A"]
    # The history file is the owner's alone.
    path = store.path / "history" / f"{meeting_id}.jsonl"
    assert path.stat().st_mode & 0o077 == 0


def test_a_meeting_changed_without_history_starts_with_an_empty_one(store: Store, session):
    ed = session.editor()
    ed.do(verbs.add_paragraph, "A")
    assert session.editor().can_undo
    session.editor().quietly(verbs.set_text, session.meeting.paragraphs[0].id, "typed")
    assert session.editor().can_undo  # typing is not a change the history must see
    session.editor(history=False).do(verbs.add_paragraph, "B")  # a script kept none
    assert not session.editor().can_undo  # an undo would take back what it never saw


def test_a_damaged_history_line_is_skipped(store: Store, session):
    history = History(store.path, session.meeting.id)
    ed = Editor(session, history=history)
    ed.do(verbs.add_paragraph, "A")
    with history.path.open("a", encoding="utf-8") as f:
        f.write('{"op": "do", "key": "v_te')  # cut short by a kill
    done, undone = History(store.path, session.meeting.id).load()
    assert len(done) == 1 and undone == []


def test_a_long_history_is_compacted_and_still_reads_back(store: Store, session, monkeypatch):
    from protokoll.store.verbs import history as history_module

    monkeypatch.setattr(history_module, "COMPACT_AT", 6)
    history = History(store.path, session.meeting.id)
    ed = Editor(session, history=history)
    for i in range(5):
        ed.do(verbs.add_paragraph, f"P{i}")
    ed.undo()
    ed.undo()
    done, undone = History(store.path, session.meeting.id).load()
    assert [s.params["title"] for s in done] == ["P0", "P1", "P2"]
    assert [s.params["title"] for s in undone] == ["P4", "P3"]
    assert len(history.path.read_text().splitlines()) <= 7


def test_a_paragraph_adjusted_at_once_keeps_its_number(store: Store, session):
    # Found in a trial: deleting an earlier § renumbered a § signed at once.
    ed = session.editor(history=False)
    a = ed.do(verbs.add_paragraph, "A").paragraph
    b = ed.do(verbs.add_paragraph, "B").paragraph
    ed.do(verbs.set_immediate, b, True)
    refused(session, verbs.delete_paragraph, a, key="immediate_moves")
    # Moved itself: refused before any renumbering, as every change of it is.
    refused(session, verbs.move_paragraph, b, 0, key="adjusted_at_once")
    assert [p.number for p in session.meeting.paragraphs] == [1, 2]
    ed.do(verbs.add_paragraph, "C")  # after it: nothing moves
    # In a later meeting too: an earlier meeting's new § would move it.
    later = store.create_meeting(session.meeting.organ_id, "2026-04-01")
    c = later.editor(history=False).do(verbs.add_paragraph, "D").paragraph
    later.editor(history=False).do(verbs.set_immediate, c, True)
    assert later.meeting.paragraph(c).number == 4
    with pytest.raises(StoreError) as err:
        ed.do(verbs.add_paragraph, "E")
    assert err.value.key == "immediate_moves"
    assert [p.title for p in session.meeting.paragraphs] == ["A", "B", "C"]


def test_an_item_not_taken_is_struck_from_the_agenda_and_undo_brings_it_back(session):
    """Trial 21: an organ's first meeting offered "Föregående protokoll" from the
    standing agenda, no key took it away, and F2 took it as a § twice."""
    from protokoll.store.model import SECTION, AgendaItem

    m = session.meeting
    ed = session.editor()
    before = [i.title for i in m.agenda]
    item = next(i for i in m.agenda if i.title == "Föregående protokoll")
    change = ed.do(verbs.drop_item, item.id)
    assert change.text("sv") == "punkten Föregående protokoll togs bort från dagordningen"
    assert "Föregående protokoll" not in [i.title for i in m.agenda]
    assert verbs.next_item(m).title != "Föregående protokoll"
    ed.undo()
    assert [i.title for i in m.agenda] == before
    # A § taken is struck by deleting the §, not its item.
    taken = ed.do(verbs.take_item, m.agenda[0].id)
    refused(session, verbs.drop_item, m.agenda[0].id, key="item_taken")
    assert m.paragraph(taken.paragraph) is not None
    # A heading goes only when nothing is under it: its items print beneath it.
    m.agenda.append(AgendaItem("h", "Ärenden till styrelsen:", kind=SECTION))
    m.agenda.append(AgendaItem("u", "SIKTA", section="Ärenden till styrelsen:"))
    refused(session, verbs.drop_item, "h", key="heading_has_items")
    ed.do(verbs.drop_item, "u")
    ed.do(verbs.drop_item, "h")
    assert [i.id for i in m.agenda if i.id in ("h", "u")] == []
    refused(session, verbs.drop_item, "nope", key="unknown_item")
    # An item the follow-up planned comes back whenever the meeting opens:
    # refused, not struck and silently put back.
    m.agenda.append(AgendaItem("p", "Föregående protokoll", kind="previous", ref="m0"))
    refused(session, verbs.drop_item, "p", key="item_planned")


def test_a_deferred_item_is_a_paragraph_saying_so_and_undo_takes_it_back(session):
    """Bordläggning is a decision: the protocol had gone from the § before to the
    one after without a word of it (a trial)."""
    from protokoll.store.render import render_text

    m = session.meeting
    ed = session.editor()
    ed.do(verbs.add_item, "Revisionsberättelse", after=m.agenda[0].id)
    item = m.agenda[1]
    change = ed.do(verbs.defer_item, item.id, started="13:40")
    p = m.paragraph(change.paragraph)
    assert (p.title, [d.text for d in p.decisions], p.started) == (
        "Revisionsberättelse", ["Ärendet bordläggs."], "13:40"
    )
    assert (item.status, item.paragraph) == ("deferred", p.id)
    assert f"§ {p.number}  Revisionsberättelse" in render_text(m)
    assert "Ärendet bordläggs." in render_text(m)
    assert change.text("sv") == "punkten Revisionsberättelse bordlades"
    refused(session, verbs.defer_item, item.id, key="item_taken_defer")
    ed.undo()
    item = m.agenda[1]  # the meeting as it was: made again from before the change
    assert (item.title, item.status, m.paragraph(p.id)) == ("Revisionsberättelse", "pending", None)
    # The words, as the secretary's language has them.
    en = ed.do(verbs.defer_item, item.id, decision="The item is deferred.")
    assert [d.text for d in m.paragraph(en.paragraph).decisions] == ["The item is deferred."]


def test_a_paragraph_adjusted_at_once_does_not_change_and_is_taken_back_only_in_the_meeting(
    session,
):
    """A trial reopened a meeting and changed a § adjusted at once, unsaid."""
    m = session.meeting
    ed = session.editor(history=False)
    pid = ed.do(verbs.add_paragraph, "Brådskande", text="Som det sades.").paragraph
    ed.do(verbs.add_decision, pid, "att gälla från och med 2027-01-01")
    ed.do(verbs.set_immediate, pid, True)
    for verb, args in (
        (verbs.set_text, ("Ändrad text.",)),
        (verbs.rename_paragraph, ("Annan rubrik",)),
        (verbs.add_decision, ("och 2027-08-01",)),
        (verbs.edit_item, (verbs.ItemRef("decision", 0), "att gälla senare")),
        (verbs.remove_item, (verbs.ItemRef("decision", 0),)),
        (verbs.delete_paragraph, ()),
    ):
        refused(session, verb, pid, *args, key="adjusted_at_once")
    p = m.paragraph(pid)
    assert (p.title, p.text, [d.text for d in p.decisions]) == (
        "Brådskande", "Som det sades.", ["att gälla från och med 2027-01-01"]
    )
    ed.do(verbs.set_text, pid, "Som det sades.")  # the same text saved again: no change
    ed.do(verbs.set_masked, pid, "sekretess")  # the publication copy is not the §
    # While the meeting goes on it can be taken back (and then changed) ...
    ed.do(verbs.remove_item, pid, verbs.ItemRef("immediate"))
    ed.do(verbs.add_decision, pid, "och 2027-08-01")
    ed.do(verbs.set_immediate, pid, True)
    # ... not once it has ended: it was signed at the meeting.
    ed.do(verbs.close_meeting, "23:59")
    ed.do(verbs.reopen_meeting)
    refused(session, verbs.set_immediate, pid, False, key="adjusted_at_once_final")
    assert m.paragraph(pid).immediate
