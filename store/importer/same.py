"""Whether a protocol read from a file is a meeting the store already has.

The id comes from the text, so the same file twice is found by it; a
different file of the same meeting (a copy printed by protokoll itself, one
saved as Word and as PDF, a corrected typo) has another text and another id.
The same meeting is the same organ, day, period and kind with the same §§:
the same numbers in the same order, each with the same title (case and
spacing aside). Two meetings of one organ on one day differ in their §§,
so both import.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import StoreError
from ..model import Meeting
from ..render import render_text
from ..store import Store, adjusted_copy


def _title(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", " ", text).strip(" .:")


def _items(m: Meeting) -> list[tuple[int | None, str]]:
    return [(p.number, _title(p.title)) for p in m.paragraphs]


def same_meeting(store: Store, meeting: Meeting, path: Path) -> str | None:
    """The id of a meeting in the store that is `meeting` read from another file.

    One that is adjusted is refused as the store refuses it on writing (another
    version of an adjusted protocol: an error), so a dry run says so too.
    """
    items = _items(meeting)
    if not items or not any(title for _, title in items):
        return None  # no titles to tell two meetings of that day apart: not judged
    # The organ's meetings of that day only, newest first from the day's end:
    # not a summary made of every meeting in the store for each file imported.
    day_end = (meeting.date, "\U0010ffff", "", "")
    for s in store.newest_first(meeting.organ_id, before=day_end):
        if s.date < meeting.date:
            break
        if (s.date, s.period, s.kind) != (meeting.date, meeting.period, meeting.kind):
            continue
        try:
            stored = store.load(s.id)
        except StoreError:
            continue  # a damaged meeting: reported where the store is looked over
        if _items(stored) == items:
            # The same protocol word for word (a copy saved with other line
            # ends) is the one already there, adjusted or not; it had been
            # refused as another version of its adjusted protocol (a trial).
            if s.status == "adjusted" and render_text(stored) != render_text(meeting):
                raise adjusted_copy(s, path)
            return s.id
    return None
