"""Changes to who serves, as they happen during the meeting.

Each function records one event at a § (the one being written) and refuses
what the rules do not allow, with a one-line StoreError that says why:

- changes of who serves happen between §s: not into a § that already has a
  vote, nor one with a decision unless asked to count from its start (the
  secretary typed the decision before the change, as fast minutes go);
- a member who has left is not set to serve again at the same meeting
  (växeltjänstgöring); jäv is recorded per § and is not leaving;
- a seat is held by one person at a time.
"""

from __future__ import annotations

from .attendance import (
    decided,
    ever_serves,
    index_of,
    is_member,
    present_at,
    seat_holder,
    serving,
    substitutes_at,
)
from .errors import StoreError
from .model import Attendee, Jav, Meeting, Paragraph


def label(meeting: Meeting, paragraph_id: str | None) -> str:
    """`§ 12`, or `punkt 3` for unnumbered notes."""
    p = meeting.paragraph(paragraph_id)
    if p is None:
        return ""
    if p.number is not None:
        return f"§ {p.number}"
    return f"punkt {meeting.paragraphs.index(p) + 1}"


def attendee(meeting: Meeting, attendee_id: str) -> Attendee:
    """The attendee, or a refusal naming the id that is not on the list."""
    a = meeting.attendee(attendee_id)
    if a is None:
        raise StoreError("unknown_attendee", attendee=attendee_id)
    return a


def _previous(meeting: Meeting, paragraph_id: str | None) -> str | None:
    i = index_of(meeting, paragraph_id)
    return meeting.paragraphs[i - 1].id if i else None


def _between(
    meeting: Meeting, paragraph_id: str | None, name: str, from_start: bool = False
) -> None:
    """Refuse a change of who serves in a § already decided on.

    `from_start`: the change counts from the §'s start, its decisions taken
    with the person serving. Never into a vote, whose roll call is set.
    """
    p = meeting.paragraph(paragraph_id)
    if p is None:
        return
    where = label(meeting, paragraph_id)
    if p.votes:
        raise StoreError("between_paragraphs_vote", name=name, paragraph=where)
    if p.decisions and not from_start:
        raise StoreError("between_paragraphs", name=name, paragraph=where)


def _has_left(a: Attendee, meeting: Meeting, paragraph_id: str | None) -> bool:
    here, left = index_of(meeting, paragraph_id), index_of(meeting, a.left)
    return a.present and left is not None and (here is None or here > left)


def arrive(
    meeting: Meeting, attendee_id: str, paragraph_id: str | None, from_start: bool = False
) -> None:
    """Present from this § on. A member whose seat a substitute holds takes it back.
    `from_start`: also in a § already decided on (`_between`)."""
    a = attendee(meeting, attendee_id)
    if _has_left(a, meeting, paragraph_id):
        raise StoreError("reentry", name=a.name, paragraph=label(meeting, a.left))
    if present_at(a, meeting, paragraph_id):
        # Marked present for the whole meeting (the upprop's *) and said to come
        # now: present from this §. It had said "kom till § 2" and recorded
        # nothing, counting her from § 1 (a trial).
        here = index_of(meeting, paragraph_id)
        earlier = meeting.paragraphs[:here] if here else []
        if any(j.person == a.id for p in earlier for j in p.jav):
            return  # back in the room after a jäv, which is per §: nothing to record
        if a.arrived is not None or not here:
            where = label(meeting, paragraph_id)
            if not where:
                raise StoreError("already_present_start", name=a.name)
            raise StoreError("already_present", name=a.name, paragraph=where)
        for p in earlier:
            if any(b.person == a.id for v in p.votes for b in v.ballots):
                where = label(meeting, p.id)
                raise StoreError("voted_before_arrival", name=a.name, paragraph=where)
        a.arrived = paragraph_id
        return
    _between(meeting, paragraph_id, a.name, from_start)
    a.present, a.left = True, None
    a.arrived = paragraph_id
    if is_member(a):
        holder = seat_holder(meeting, a.id, paragraph_id)
        if holder is not None:
            _stop(meeting, holder, _previous(meeting, paragraph_id))


def leave(meeting: Meeting, attendee_id: str, paragraph_id: str | None) -> None:
    """Gone from this §: present up to its decision if it has one, else up to the § before."""
    a = attendee(meeting, attendee_id)
    if not present_at(a, meeting, paragraph_id):
        raise StoreError("not_present", name=a.name, paragraph=label(meeting, paragraph_id))
    p = meeting.paragraph(paragraph_id)
    last = paragraph_id if decided(p) else _previous(meeting, paragraph_id)
    arrived = index_of(meeting, a.arrived)
    if last is None or (arrived is not None and index_of(meeting, last) < arrived):
        # Gone before taking part in anything: not present at all.
        a.present, a.arrived, a.left = False, None, None
        if a.replaces:
            a.replaces = a.serves_from = a.serves_until = None
        return
    a.left = last


def substitute(
    meeting: Meeting,
    substitute_id: str,
    member_id: str,
    paragraph_id: str | None,
    from_start: bool = False,
) -> None:
    """The ersättare serves for the member from this § on (`from_start`: also
    in a § already decided on, `_between`)."""
    sub, member = attendee(meeting, substitute_id), attendee(meeting, member_id)
    if sub.role != "ersattare":
        raise StoreError("not_substitute", name=sub.name)
    if not is_member(member):
        raise StoreError("not_member", name=member.name)
    _between(meeting, paragraph_id, sub.name, from_start)
    if present_at(member, meeting, paragraph_id):
        raise StoreError("member_serving", name=member.name, substitute=sub.name)
    holder = seat_holder(meeting, member.id, paragraph_id)
    if holder is not None and holder is not sub:
        raise StoreError("seat_taken", name=member.name, holder=holder.name)
    if holder is sub:
        return
    if sub.replaces and ever_serves(sub, meeting):
        raise StoreError("substitute_used", name=sub.name, member=meeting.name_of(sub.replaces))
    if _has_left(sub, meeting, paragraph_id):
        raise StoreError("reentry", name=sub.name, paragraph=label(meeting, sub.left))
    if not sub.present:
        sub.present, sub.arrived, sub.left = True, paragraph_id, None
    sub.replaces, sub.category = member.id, "ersattare"
    sub.serves_from = paragraph_id if index_of(meeting, paragraph_id) else None
    sub.serves_until = None


def _stop(meeting: Meeting, sub: Attendee, last: str | None) -> None:
    """The substitute's service ends after `last` (never served: no substitution)."""
    first = index_of(meeting, sub.serves_from)
    end = index_of(meeting, last)
    if end is None or (first is not None and end < first):
        sub.replaces = sub.serves_from = sub.serves_until = None
    else:
        sub.serves_until = last


def stop_substituting(meeting: Meeting, substitute_id: str, paragraph_id: str | None) -> None:
    """The substitute stops serving: after this § if it is decided, else after the one before."""
    sub = attendee(meeting, substitute_id)
    if not substitutes_at(sub, meeting, paragraph_id):
        raise StoreError("not_serving", name=sub.name, paragraph=label(meeting, paragraph_id))
    p = meeting.paragraph(paragraph_id)
    _stop(meeting, sub, paragraph_id if decided(p) else _previous(meeting, paragraph_id))


def declare_jav(
    meeting: Meeting,
    p: Paragraph,
    person_id: str,
    substitute_id: str | None = None,
    chair_id: str | None = None,
    note: str = "",
) -> Jav:
    """The person has jäv in the § and takes no part in it.

    An ersättare may serve in the member's place for the §; when the person
    is the chair, `chair_id` names who chairs the § instead.
    """
    a = attendee(meeting, person_id)
    where = label(meeting, p.id)
    if not present_at(a, meeting, p.id):
        raise StoreError("not_present", name=a.name, paragraph=where)
    if any(j.person == a.id for j in p.jav):
        raise StoreError("jav_twice", name=a.name, paragraph=where)
    if any(b.person == a.id for v in p.votes for b in v.ballots):
        raise StoreError("jav_voted", name=a.name, paragraph=where)
    taking_part = serving(meeting, p.id)
    if substitute_id:
        sub = attendee(meeting, substitute_id)
        if sub.role != "ersattare" or not present_at(sub, meeting, p.id):
            raise StoreError("not_substitute", name=sub.name)
        if sub in taking_part:
            raise StoreError("already_serving", name=sub.name, paragraph=where)
        if a not in taking_part:
            raise StoreError("no_seat", name=a.name, paragraph=where)
    if chair_id:
        chair = attendee(meeting, chair_id)
        if chair.id == a.id or chair not in taking_part:
            raise StoreError("chair_not_serving", name=chair.name, paragraph=where)
    jav = Jav(a.id, note.strip(), substitute_id or None)
    p.jav.append(jav)
    if chair_id:
        p.chair = chair_id
    return jav
