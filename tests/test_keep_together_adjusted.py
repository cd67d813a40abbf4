"""'fr o m § 7' is kept on one line, and a protocol adjusted before that still
prints and verifies as it was adjusted (its hash is over the lines as they were)."""

from __future__ import annotations

import datetime as dt

from protokoll.store import Store, verbs
from protokoll.store.adjust import adjust, text_hash, verify
from protokoll.store.render import printed_as, render_text

# After the adjustment dates below: the run's clock is not theirs.
LATER = dt.date(2030, 1, 1)


def earlier(meeting) -> str:
    with printed_as(0):  # as the program printed it before 2026-11-30
        return render_text(meeting)


def adjusted_in(store: Store, meeting_id: str, generation: int) -> tuple[str, str]:
    """The adjusted meeting's hash set to its text as `generation` printed it,
    as that version would have adjusted it; (that hash, that text)."""
    session = store.open(meeting_id)
    with printed_as(generation):
        old_hash, old_text = text_hash(session.meeting), render_text(session.meeting)
    session.meeting.adjustment.sha256 = old_hash
    session._amend()
    session.close()
    return old_hash, old_text


def split_in_the_old_way(store: Store) -> None:
    """Give a § text whose 'fr o m' the earlier wrapping broke across two lines."""
    session = store.open("20250605-au")
    ed = session.editor(history=False)
    ed.do(verbs.reopen_meeting)
    p = session.meeting.paragraphs[2]
    for k in range(1, 72):
        ed.do(verbs.set_text, p.id, "Sammanträdesordningen" + "s" * k + " gäller fr o m § 7 i år.")
        if any(line.rstrip().endswith(" fr") for line in earlier(session.meeting).splitlines()):
            break
    else:
        raise AssertionError("no text broke 'fr o m' in the earlier wrapping")
    ed.do(verbs.close_meeting, "15:00")
    session.close()


def test_a_protocol_adjusted_now_keeps_fr_o_m_together_and_verifies(example):
    store = Store(example)
    split_in_the_old_way(store)
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    m = Store(example).load("20250605-au")
    assert "fr o m § 7" in render_text(m)
    assert verify(store, "20250605")[0]


def test_one_adjusted_before_prints_and_verifies_as_it_was_adjusted(example):
    store = Store(example)
    split_in_the_old_way(store)
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    old_hash, old_text = adjusted_in(store, "20250605-au", 0)
    m = Store(example).load("20250605-au")
    assert render_text(m) == old_text and "fr o m § 7" not in render_text(m)
    assert verify(store, "20250605") == (True, old_hash, old_hash)


def _ersattare_from_the_second_paragraph(tmp_path, **settings):
    from protokoll.store import Person

    store = Store(tmp_path / "s")
    roster = [
        Person("ann", "Ann Ek", party="S"),
        Person("bo", "Bo Lind", party="C"),
        Person("ivar", "Ivar Ödman", party="C", role="ersattare"),
    ]
    organ = store.add_organ("Kommunfullmäktige", "Kommunen", roster=roster, **settings)
    s = store.create_meeting(organ.id, "2026-11-30")
    ed = s.editor(history=False)
    for who in ("ann", "bo"):
        ed.do(verbs.set_present, who, True)
    first = ed.do(verbs.add_paragraph, "Ärende").paragraph
    ed.do(verbs.add_decision, first, "godkänna")
    second = ed.do(verbs.add_paragraph, "Val").paragraph
    ed.do(verbs.leave, "bo", second)
    ed.do(verbs.substitute, "ivar", "bo", second)  # came to serve from § 2
    ed.do(verbs.close_meeting, "15.00")
    s.close()
    return store, s.meeting.id


def test_an_ersattare_who_came_to_serve_is_said_to_serve_from_the_paragraph_once(tmp_path):
    """"Ivar Ödman (C), för Göran Sjöberg fr o m § 112, fr o m § 112": his
    presence and his service had the same range, printed twice (trial 7)."""
    store, meeting_id = _ersattare_from_the_second_paragraph(tmp_path)
    m = store.load(meeting_id)
    assert "    Ivar Ödman (C), för Bo Lind fr o m § 2\n" in render_text(m)
    with printed_as(1):
        assert "Ivar Ödman (C), för Bo Lind fr o m § 2, fr o m § 2" in render_text(m)


def test_one_adjusted_with_the_range_twice_keeps_it_and_verifies(tmp_path):
    store, meeting_id = _ersattare_from_the_second_paragraph(tmp_path)
    adjust(store, meeting_id, dt.date(2026, 12, 1), ["Ann Ek"], today=LATER)
    # as the version of the morning of 2026-11-30 adjusted it
    old_hash, old_text = adjusted_in(store, meeting_id, 1)
    m = Store(store.path).load(meeting_id)
    assert render_text(m) == old_text and "fr o m § 2, fr o m § 2" in old_text
    assert verify(store, meeting_id) == (True, old_hash, old_hash)
    # And one adjusted in the earliest generation still reads as it did.
    with printed_as(0):
        oldest = text_hash(m)
    assert oldest != old_hash  # decisions as typed: "godkänna" without its full stop


def test_the_anslag_says_which_paragraphs_and_an_earlier_one_prints_without(tmp_path):
    """The ANSLAG/BEVIS block names the organ and the §§ (PROTOCOL-REFERENCE F7,
    the förbund's own); it had no "Paragrafer" line."""
    from protokoll.store.model import Rules

    store, meeting_id = _ersattare_from_the_second_paragraph(
        tmp_path, rules=Rules(posts_notices=True)
    )
    adjust(store, meeting_id, dt.date(2026, 12, 1), ["Ann Ek"], today=LATER)
    m = Store(store.path).load(meeting_id)
    anslag = render_text(m).split("ANSLAG/BEVIS")[1]
    assert "Paragrafer:" in anslag and "§§ 1–2" in anslag
    assert verify(store, meeting_id)[0]
    with printed_as(2):
        assert "Paragrafer:" not in render_text(m).split("ANSLAG/BEVIS")[1]


def test_a_forenings_beslutsgang_says_the_meeting_decides(tmp_path):
    """"… finner att årsmöte beslutar enligt …": a förening's stämma decides as
    "mötet", as its decisions say ("Mötet beslutade att"; trial 5)."""
    from protokoll.store import Person
    from protokoll.store.profiles import PROFILES

    store = Store(tmp_path / "s")
    roster = [Person("elin", "Elin Andersson"), Person("david", "David Klarlund")]
    organ = store.add_organ(
        "Årsmöte", "Föreningen Ljus", roster=roster, rules=PROFILES["forening"].rules
    )
    s = store.create_meeting(organ.id, "2026-11-30")
    ed = s.editor(history=False)
    for who in ("elin", "david"):
        ed.do(verbs.set_present, who, True)
    pid = ed.do(verbs.add_paragraph, "Motion om stadgarna").paragraph
    ed.do(verbs.add_proposal, pid, "elin", "bifall")
    ed.do(verbs.add_proposal, pid, "david", "avslag")
    p = s.meeting.paragraph(pid)
    ed.do(verbs.set_order, pid, [x.id for x in p.proposals], p.proposals[0].id)
    text = " ".join(render_text(s.meeting).split())
    # In the past tense of its decisions since generation 11 (trial 19).
    assert "och fann att mötet beslutat enligt Elin Anderssons yrkande" in text
    with printed_as(10):
        earlier = " ".join(render_text(s.meeting).split())
        assert "och finner att mötet beslutar enligt Elin Anderssons yrkande" in earlier
    with printed_as(3):
        assert "finner att årsmöte beslutar" in " ".join(render_text(s.meeting).split())
    s.close()


def test_a_reservations_reasons_end_as_a_sentence_and_one_adjusted_before_verifies(tmp_path):
    # A trial's reservation printed "… inom nämndens ram" without its full
    # stop, where decisions get theirs; a protocol adjusted before that rule
    # still prints, and verifies, as it was adjusted.
    store, meeting_id = _ersattare_from_the_second_paragraph(tmp_path)
    session = store.open(meeting_id)
    ed = session.editor(history=False)
    ed.do(verbs.reopen_meeting)
    first = session.meeting.paragraphs[0].id
    ed.do(verbs.add_reservation, first, "bo", reason="Kostnaden ska rymmas inom nämndens ram")
    ed.do(verbs.close_meeting, "15.00")
    session.close()
    m = Store(store.path).load(meeting_id)
    assert "Kostnaden ska rymmas inom nämndens ram." in " ".join(render_text(m).split())
    # With her party, as the vote's list names her (generation 9; a trial).
    assert "Bo Lind (C) reserverar sig mot beslutet." in render_text(m)
    with printed_as(8):
        assert "Bo Lind reserverar sig mot beslutet." in render_text(m)
    adjust(store, meeting_id, dt.date(2026, 12, 1), ["Ann Ek"], today=LATER)
    # as the code before this rule adjusted it
    old_hash, old_text = adjusted_in(store, meeting_id, 5)
    m = Store(store.path).load(meeting_id)
    assert render_text(m) == old_text
    assert "nämndens ram." not in " ".join(old_text.split())
    assert verify(store, meeting_id) == (True, old_hash, old_hash)


def _ersattare_there_all_along(tmp_path):
    """Three §s: Cia, an ersättare there from the start, serves § 2 for Ann
    (jäv); Ivar, there from the start too, takes Bo's seat from § 3."""
    from protokoll.store import Person

    store = Store(tmp_path / "s")
    roster = [
        Person("ann", "Ann Ek", party="S"),
        Person("bo", "Bo Lind", party="C"),
        Person("cia", "Cia Dahl", party="S", role="ersattare"),
        Person("ivar", "Ivar Ödman", party="C", role="ersattare"),
    ]
    organ = store.add_organ("Nämnden", "Kommunen", roster=roster)
    s = store.create_meeting(organ.id, "2026-11-30", agenda=[])
    ed = s.editor(history=False)
    for who in ("ann", "bo", "cia", "ivar"):
        ed.do(verbs.set_present, who, True)
    first = ed.do(verbs.add_paragraph, "A").paragraph
    ed.do(verbs.add_decision, first, "godkänna")
    second = ed.do(verbs.add_paragraph, "B").paragraph
    ed.do(verbs.declare_jav, second, "ann", "cia")
    ed.do(verbs.add_decision, second, "godkänna")
    third = ed.do(verbs.add_paragraph, "C").paragraph
    ed.do(verbs.leave, "bo", third)
    ed.do(verbs.substitute, "ivar", "bo", third)
    ed.do(verbs.add_decision, third, "godkänna")
    ed.do(verbs.close_meeting, "15.00")
    s.close()
    return store, s.meeting.id


def test_an_ersattare_there_beyond_the_paragraphs_served_is_said_to_be_there(tmp_path):
    # A trial: Lena Strand, there all meeting, served one § for the chair
    # (jäv) and was listed only as serving it; her protokollsanteckning in
    # another § was by someone the protocol did not say was there.
    store, meeting_id = _ersattare_there_all_along(tmp_path)
    text = render_text(store.load(meeting_id))
    ej = text[text.index("Ersättare, ej tjänstgörande") :].split("\n\n")[0]
    assert "Cia Dahl (S), §§ 1, 3" in ej
    assert "Ivar Ödman (C), §§ 1–2" in ej
    serving_block = text[text.index("Tjänstgörande ersättare") :].split("\n\n")[0]
    assert "Cia Dahl (S), för Ann Ek § 2" in serving_block
    # Adjusted before this rule: printed, and verified, as it was.
    adjust(store, meeting_id, dt.date(2026, 12, 1), ["Ann Ek"], today=LATER)
    old_hash, old_text = adjusted_in(store, meeting_id, 7)
    m = Store(store.path).load(meeting_id)
    assert render_text(m) == old_text and "Ersättare, ej tjänstgörande" not in old_text
    assert verify(store, meeting_id) == (True, old_hash, old_hash)
