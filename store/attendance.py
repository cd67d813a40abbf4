"""Who serves at a given §, who chairs it, and whether the meeting is beslutför there.

Attendance is a timeline over the §s: an attendee is present from `arrived`
to `left` (both paragraph ids, both included); a substitute serves for the
member in `replaces` from `serves_from` to `serves_until`; jäv takes a person
out of one § and may bring an ersättare in for it. Everything here is
computed from those records, so it follows renumbering and edits.
"""

from __future__ import annotations

from .model import Attendee, Meeting, Paragraph


def index_of(meeting: Meeting, paragraph_id: str | None) -> int | None:
    for i, p in enumerate(meeting.paragraphs):
        if p.id == paragraph_id:
            return i
    return None


def _within(here: int | None, first: int | None, last: int | None) -> bool:
    """`here` between first and last (None: open at that end; here None: before § 1)."""
    if here is None:
        return first is None
    return (first is None or here >= first) and (last is None or here <= last)


def present_at(a: Attendee, meeting: Meeting, paragraph_id: str | None) -> bool:
    """Present at that § (at the start of the meeting when it is None)."""
    if not a.present:
        return False
    return _within(
        index_of(meeting, paragraph_id),
        index_of(meeting, a.arrived),
        index_of(meeting, a.left),
    )


def substitutes_at(a: Attendee, meeting: Meeting, paragraph_id: str | None) -> bool:
    """A substitute serving for `a.replaces` at that § (jäv aside)."""
    if not a.replaces or not present_at(a, meeting, paragraph_id):
        return False
    return _within(
        index_of(meeting, paragraph_id),
        index_of(meeting, a.serves_from),
        index_of(meeting, a.serves_until),
    )


def is_member(a: Attendee) -> bool:
    """A ledamot with a seat (not a guest, not an ersättare)."""
    return a.role == "ledamot" and a.category == "beslutande" and not a.guest


def seated(meeting: Meeting, paragraph_id: str | None) -> list[Attendee]:
    """Who holds a seat at the §, before jäv: members present and serving substitutes."""
    return [
        a
        for a in meeting.attendees
        if (is_member(a) and present_at(a, meeting, paragraph_id))
        or substitutes_at(a, meeting, paragraph_id)
    ]


def serving(meeting: Meeting, paragraph_id: str | None = None) -> list[Attendee]:
    """Who takes part in the § and may vote: seated, less jäv, plus jäv substitutes."""
    p = meeting.paragraph(paragraph_id)
    jav = {j.person for j in p.jav} if p else set()
    extra = {j.substitute for j in p.jav if j.substitute} if p else set()
    seats = {a.id for a in seated(meeting, paragraph_id)}
    return [a for a in meeting.attendees if (a.id in seats and a.id not in jav) or a.id in extra]


def in_seat_order(meeting: Meeting, paragraph_id: str | None = None) -> list[Attendee]:
    """Those serving in the §, each ersättare in the place of the member whose
    seat they hold: a roll call's order (they had come last, after the whole
    roster: a trial)."""
    p = meeting.paragraph(paragraph_id)
    place = {a.id: n for n, a in enumerate(meeting.attendees)}
    holds = {j.substitute: j.person for j in p.jav if j.substitute} if p else {}

    def seat(a: Attendee) -> int:
        return place.get(holds.get(a.id) or a.replaces, place[a.id])

    return sorted(serving(meeting, paragraph_id), key=seat)


def seat_basis(a: Attendee, b: Attendee) -> str:
    """What tells whose seat one holds for another: "organisation" where both sit
    for one (a samordningsförbund's seats are its members'), else "party" where
    both have one; "" where neither says."""
    if a.organisation and b.organisation:
        return "organisation"
    return "party" if a.party and b.party else ""


def members(meeting: Meeting) -> list[Attendee]:
    """The voting members on the roster (ledamöter), present or not: the seats."""
    return [a for a in meeting.attendees if a.role == "ledamot" and not a.guest]


def quorum(meeting: Meeting, paragraph_id: str | None = None) -> tuple[int, int, bool]:
    """(serving, seats, beslutför): more than half of the seats must be filled."""
    seats = len(members(meeting))
    count = len(serving(meeting, paragraph_id))
    return count, seats, seats > 0 and count * 2 > seats


def judges_quorum(meeting: Meeting) -> bool:
    """Whether beslutförhet is judged: in protocols of bodies that check it
    (Rules.quorum), and never from people a source named only as present
    (`Meeting.present_only`): they are not known to be members. (Ersättare
    kept under their source's heading are no such doubt: they count as serving
    only where the meeting says they serve.)"""
    unsure = any(
        a is not None and a.category != "ersattare"
        for x in meeting.present_only
        for a in map(meeting.attendee, x.people)
    )
    return meeting.numbered and meeting.rules.quorum and not unsure


def decided(p: Paragraph | None) -> bool:
    """Whether the § has a decision or a vote: who took part in it is settled."""
    return p is not None and bool(p.decisions or p.votes)


def decided_without_quorum(meeting: Meeting, p: Paragraph) -> tuple[int, int] | None:
    """(serving, seats) when the § has a decision but too few serve; None otherwise.

    Only where the quorum is judged (`judges_quorum`).
    """
    if not (judges_quorum(meeting) and decided(p)):
        return None
    n, seats, ok = quorum(meeting, p.id)
    return None if ok or not seats else (n, seats)


def chair_at(meeting: Meeting, p: Paragraph | None) -> str | None:
    """Who chairs the § (attendee id): the § chair named for jäv, else the meeting's."""
    if p is not None and p.chair:
        return p.chair
    return meeting.functions.chair


def seat_holder(meeting: Meeting, member_id: str, paragraph_id: str | None) -> Attendee | None:
    """The substitute serving for a member at the §, if one does."""
    return next(
        (
            a
            for a in meeting.attendees
            if a.replaces == member_id and substitutes_at(a, meeting, paragraph_id)
        ),
        None,
    )


def jav_paragraphs(a: Attendee, meeting: Meeting) -> list[Paragraph]:
    """The §s in which the person had jäv."""
    return [p for p in meeting.paragraphs if any(j.person == a.id for j in p.jav)]


def jav_service(a: Attendee, meeting: Meeting) -> list[tuple[str, Paragraph]]:
    """(member id, §) for each § the person served in for a member with jäv."""
    return [(j.person, p) for p in meeting.paragraphs for j in p.jav if j.substitute == a.id]


def ever_serves(a: Attendee, meeting: Meeting) -> bool:
    """A substitute who served in at least one §, or for the whole meeting."""
    if jav_service(a, meeting):
        return True
    if not a.replaces:
        return False
    if not meeting.paragraphs:
        return True
    return any(substitutes_at(a, meeting, p.id) for p in meeting.paragraphs)


def decided_with_changed(meeting: Meeting, a: Attendee) -> list[Paragraph]:
    """The §s already decided in (a decision or a vote) in which marking member
    `a` present or absent for the whole meeting would change who took part:
    Space after the upprop had taken a member out of four decisions unasked
    (a trial). Empty for a non-member, whose presence decides nothing."""
    if not is_member(a):
        return []
    settled = [p for p in meeting.paragraphs if decided(p)]
    if a.present:  # to absent: the §s she was there for
        return [p for p in settled if present_at(a, meeting, p.id)]
    return settled  # to present: every one of them
