"""§ numbers: which meetings share a sequence, and what each one's first § is.

Pure functions over summaries of meetings, so the rules can be tested without
a store. The store asks `plan` for the first number of every meeting in a
scope after any change, and renumbers the meetings whose first number moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import StoreError


def chronological(m: Any) -> tuple[str, str, str, str]:
    """The order of meetings in time; anything with date, start, created and id.

    Numbering, the list of meetings and the registers all order by it.
    """
    return (m.date, m.start, m.created, m.id)


@dataclass(frozen=True)
class Slot:
    """What numbering needs to know of one meeting."""

    id: str
    organ_id: str
    date: str  # YYYY-MM-DD
    start: str  # HH:MM or ""
    created: str
    count: int  # number of §s
    fixed: bool  # adjusted or imported: its numbers never change
    first: int | None = None
    last: int | None = None
    number_from: int | None = None



def last_written(summary: Any) -> tuple:
    """The order in which the meeting in progress is chosen among several open
    ones: the one whose file was written last, the secretary's; then the
    latest by date. By date alone, a start after a dropped connection opened
    another meeting left open, dated 2099, and said nothing (trial 6)."""
    return (summary.mtime_ns, chronological(summary))

def scope_key(policy: str, organ_id: str, date: str, meeting_id: str) -> tuple[str, str]:
    """The sequence a meeting's §s belong to under a numbering policy."""
    if policy == "meeting":
        return (organ_id, "meeting:" + meeting_id)
    if policy == "never":
        return (organ_id, "all")
    return (organ_id, date[:4])


def span(first: int | None, last: int | None) -> str:
    if first is None:
        return ""
    return f"§ {first}" if first == last or last is None else f"§§ {first}–{last}"


def plan(slots: list[Slot], start: int = 1) -> dict[str, int]:
    """The first § number of every meeting in one scope whose numbers may move.

    Meetings are taken in date order. Each free meeting continues after the
    highest number used before it (or at its `number_from`); a fixed meeting
    keeps its numbers. If a free meeting would reach into the numbers of a
    fixed one after it, nothing is planned and a StoreError names the fixed
    meeting. Numbers of two fixed meetings that overlap each other (imported
    from documents that had them so) are left as they are.
    """
    result: dict[str, int] = {}
    highest = start - 1  # highest number used so far
    free_highest = start - 1  # highest number given to a free meeting
    for slot in sorted(slots, key=chronological):
        if slot.fixed:
            if slot.first is None:
                continue
            if slot.first <= free_highest:
                raise StoreError(
                    "collision",
                    number=slot.first,
                    meeting=slot.id,
                    date=slot.date,
                    span=span(slot.first, slot.last),
                )
            highest = max(highest, slot.last if slot.last is not None else slot.first)
            continue
        first = highest + 1
        if slot.number_from is not None:
            if slot.number_from < first:
                raise StoreError(
                    "number_from_taken", meeting=slot.id, number=slot.number_from, last=highest
                )
            first = slot.number_from
        result[slot.id] = first
        if slot.count:
            highest = first + slot.count - 1
            free_highest = highest
        elif slot.number_from is not None:
            highest = first - 1
    return result
