"""Who serves at a given §, and whether the meeting is beslutför there."""

from __future__ import annotations

from .model import Attendee, Meeting


def _index(meeting: Meeting, paragraph_id: str | None) -> int | None:
    for i, p in enumerate(meeting.paragraphs):
        if p.id == paragraph_id:
            return i
    return None


def present_at(a: Attendee, meeting: Meeting, paragraph_id: str | None) -> bool:
    """Present at that § (at the start of the meeting when it is None)."""
    if not a.present:
        return False
    here = _index(meeting, paragraph_id)
    arrived, left = _index(meeting, a.arrived), _index(meeting, a.left)
    if here is None:  # before the first §: the late ones are not there yet
        return arrived is None
    if arrived is not None and here < arrived:
        return False
    return left is None or here <= left


def serving(meeting: Meeting, paragraph_id: str | None = None) -> list[Attendee]:
    """Voting members and serving substitutes present at the §, less those with jäv."""
    p = meeting.paragraph(paragraph_id)
    jav = {j.person for j in p.jav} if p else set()
    return [
        a
        for a in meeting.attendees
        if a.id not in jav
        and present_at(a, meeting, paragraph_id)
        and (a.role == "ledamot" and a.category == "beslutande" or a.replaces)
    ]


def members(meeting: Meeting) -> list[Attendee]:
    """The voting members on the roster (ledamöter), present or not."""
    return [a for a in meeting.attendees if a.role == "ledamot" and not a.guest]


def quorum(meeting: Meeting, paragraph_id: str | None = None) -> tuple[int, int, bool]:
    """(serving, seats, beslutför): more than half of the seats must be filled."""
    seats = len(members(meeting))
    count = len(serving(meeting, paragraph_id))
    return count, seats, seats > 0 and count * 2 > seats
