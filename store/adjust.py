"""Justering: record that a protocol was adjusted, freeze it, and verify it.

After adjustment the store refuses every change to the meeting (its session
opens read-only, renumbering treats it as fixed, an import cannot replace
it). The SHA-256 of the rendered text is kept with the adjustment; `verify`
renders the meeting again and compares, so an edited file is found.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from .errors import StoreError
from .model import Adjustment, Meeting
from .render import render_text
from .store import Store

DEADLINE_DAYS = 14  # kommunallagen: justering within 14 days of the meeting


def text_hash(meeting: Meeting) -> str:
    """The hash of the text as it is kept: 72 columns, Swedish labels."""
    return hashlib.sha256(render_text(meeting).encode("utf-8")).hexdigest()


def adjust(store: Store, meeting_ref: str, date: dt.date, by: list[str]) -> tuple[str, list[str]]:
    """Adjust a closed meeting; returns its hash and any warnings."""
    session = store.open(meeting_ref)
    try:
        m = session.meeting
        if m.status == "adjusted":
            raise StoreError("adjusted", meeting=m.id)
        if session.read_only:  # held by another process
            raise session.notice
        if m.status != "closed":
            raise StoreError("not_closed", meeting=m.id)
        meeting_day = dt.date.fromisoformat(m.date)
        if date < meeting_day:
            raise StoreError("adjusted_before", meeting=m.id, date=date, day=m.date)
        warnings = []
        if (date - meeting_day).days > DEADLINE_DAYS:
            warnings.append(
                StoreError(
                    "late_adjustment",
                    date=date,
                    days=(date - meeting_day).days,
                    limit=DEADLINE_DAYS,
                ).text()
            )
        if not by:
            by = [m.name_of(x) for x in [m.functions.chair, *m.functions.adjusters] if x]
            by = list(dict.fromkeys(n for n in by if n))
        m.adjustment = Adjustment(date.isoformat(), by)
        m.status = "adjusted"
        # The hash covers the text with its adjustment line, as it is signed
        # (the hash itself is not part of the rendered text).
        m.adjustment.sha256 = text_hash(m)
        session.save()
        return m.adjustment.sha256, warnings
    finally:
        session.close()


def verify(store: Store, meeting_ref: str) -> tuple[bool, str, str]:
    """(matches, stored hash, hash of the text now)."""
    m = store.load(store.resolve(meeting_ref))
    if m.adjustment is None:
        raise StoreError("not_adjusted", meeting=m.id)
    if not m.adjustment.sha256:
        raise StoreError("no_hash", meeting=m.id)
    stored, now = m.adjustment.sha256, text_hash(m)
    return now == stored, stored, now
