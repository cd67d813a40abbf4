"""When and where a meeting was held: its date, start and place, put right.

A meeting begun with the wrong day (the form's default is today, and a
meeting minuted the day after kept it) or the wrong room had no way to be
corrected but deleting it, which the record refuses (a trial). The date moves
the meeting among the organ's others, so its §s are numbered again, and a
change that would renumber a closed or adjusted meeting is refused
(`Store.renumber`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ..dates import format_time, parse_date, parse_time
from ..errors import StoreError
from ..model import Meeting
from .change import Change
from .paragraphs import _writable


@contextlib.contextmanager
def _about(field: str) -> Iterator[None]:
    """An error raised inside is about `field` (`StoreError.field`)."""
    try:
        yield
    except StoreError as exc:
        exc.field = field
        raise


def set_details(
    m: Meeting, date: str | None = None, start: str | None = None, place: str | None = None
) -> Change:
    """The meeting's date, start (as typed; empty for none) and place, each
    when given; what changed is said, in the order of the protocol's head."""
    _writable(m)
    with _about("date"):
        new_date = m.date if date is None else parse_date(date).isoformat()
    with _about("start"):
        new_start = m.start if start is None else (parse_time(start) if start.strip() else "")
        if m.end and new_start and m.end <= new_start:
            raise StoreError("start_after_end", end=format_time(m.end))
    new_place = m.place if place is None else " ".join(place.split())
    said = []
    if new_date != m.date:
        said.append(new_date)
    if new_start != m.start:
        said.append(format_time(new_start) if new_start else "–")
    if new_place != m.place:
        said.append(new_place or "–")
    if not said:
        raise StoreError("details_unchanged")
    moved = new_date != m.date
    m.date, m.start, m.place = new_date, new_start, new_place
    return Change("v_details", {"what": ", ".join(said)}, renumber=moved)
