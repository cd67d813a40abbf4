"""A meeting's course: closed when it ends, reopened for corrections before adjustment."""

from __future__ import annotations

from ..dates import format_time, parse_time
from ..errors import StoreError
from ..model import Meeting
from .change import Change
from .paragraphs import _writable


def close_meeting(m: Meeting, end: str) -> Change:
    """The meeting ended at `end` (HH:MM, or as typed): the protocol is ready for adjustment.

    An imported protocol whose source gives no end closes again without one,
    reopened to mend its import: a time would be one the source does not state.
    """
    _writable(m)
    if not end.strip() and m.imported and not m.end:
        m.status = "closed"
        return Change("v_closed_no_end", {})
    end = parse_time(end)
    if m.start and end <= m.start:
        raise StoreError("end_before_start", start=format_time(m.start))
    m.end = end
    m.status = "closed"
    for item in m.agenda:
        if item.status == "current":
            item.status = "done"
    return Change("v_closed", {"time": format_time(end)})


def reopen_meeting(m: Meeting) -> Change:
    """A closed meeting open again, for the corrections the adjusters send back.

    The protocol is a draft until it is closed again; an adjusted one is never
    reopened (a rättelse is made instead).
    """
    if m.status == "adjusted":
        raise StoreError("adjusted_reopen", meeting=m.id)
    if m.said_adjusted and m.adjustment is None:
        # `Protokollet är justerat.` in the source, without a day: adjusted all the same.
        raise StoreError("said_adjusted_reopen", meeting=m.id)
    if m.status != "closed":
        raise StoreError("not_closed_reopen", meeting=m.id)
    m.status = "open"
    # Named as the secretary knows it, not by its id ("Mötet 20261130-3815aa
    # öppnat igen" on the screen: a trial); the command line adds the id.
    return Change("v_reopened", {"meeting": f"{m.organ} {m.date}".strip()})


def open_meeting(m: Meeting) -> Change:
    """The meeting is under way: the application returns to it until it is closed."""
    if m.status != "draft":
        raise StoreError("not_draft", meeting=m.id)
    m.status = "open"
    return Change("v_opened", {"meeting": f"{m.organ} {m.date}".strip()})
