"""The § series of an organ across its meetings: where it has a gap.

Closed protocols keep their numbers (`Meeting.fixed_numbers`), so a § deleted
from a reopened protocol before a closed one leaves a number that no protocol
has: Feb §§ 1–7, March §§ 9–13, § 8 nowhere, and nothing said so (a trial).
Said, not mended: the later protocol may be with its adjusters.
"""

from __future__ import annotations

from .checks import Problem
from .errors import StoreError
from .model import NUMBERED_KINDS, Meeting
from .numbering import chronological, scope_key
from .store import Store


def gaps(store: Store, meeting: Meeting) -> list[Problem]:
    """A gap between `meeting`'s §s and those of the meetings on either side of it
    in its numbering series (a store begun mid-year, `number_from`, is none)."""
    numbers = meeting.numbers()
    if not numbers or not meeting.numbered:
        return []
    try:
        policy = store.organ(meeting.organ_id).numbering
    except StoreError:  # an organ not in the catalogue: numbered per year
        policy = "year"
    if policy == "meeting":
        return []
    scope = scope_key(policy, meeting.organ_id, meeting.date, meeting.id)
    series = [
        s
        for s in store.newest_first(meeting.organ_id)
        if s.id != meeting.id
        and s.kind in NUMBERED_KINDS
        and s.first is not None
        and scope_key(policy, s.organ_id, s.date, s.id) == scope
    ]
    mine = chronological(meeting)
    before = max((s for s in series if chronological(s) < mine), key=chronological, default=None)
    after = min((s for s in series if chronological(s) > mine), key=chronological, default=None)
    out = []
    first, last = min(numbers), max(numbers)
    if before is not None and before.last is not None and first > before.last + 1:
        if meeting.number_from is None:
            out.append(_gap(before.last, first, meeting.date))
    if after is not None and after.first > last + 1 and after.number_from is None:
        out.append(_gap(last, after.first, after.date))
    return out


def _gap(last: int, first: int, date: str) -> Problem:
    missing = f"§ {last + 1}" if first == last + 2 else f"§§ {last + 1}–{first - 1}"
    return Problem("series_gap", {"missing": missing, "last": last, "first": first, "date": date})
