"""Existing protocols, written as plain text or Markdown, into the store.

`read_protocol` reads one file into a Meeting and a Report of what was
irregular in it; `import_protocol` puts that meeting into the store, under
its organ (found by name or a near form of it, or made: `organs`). Nothing
is written when reading fails, and a file imported before, or another file
of a meeting imported before (`same`), is not imported again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..adjust import put_imported
from ..labels import organ_shown
from ..model import Meeting
from ..numbering import span
from ..store import Store
from ..words import say
from .build import former_id, read_protocol
from .organs import organ_for
from .report import Report
from .same import same_meeting

__all__ = ["Imported", "import_protocol", "items_of", "read_protocol"]


def items_of(m: Meeting, lang: str) -> str:
    """What an imported meeting holds, as a line about it says: `§§ 1–17`, or
    `4 punkter` when its items are not numbered."""
    numbers = m.numbers()
    if numbers:
        return span(min(numbers), max(numbers))
    return say("imports.items", lang, n=len(m.paragraphs))


@dataclass
class Imported:
    meeting: Meeting
    report: Report
    created: bool  # False: already in the store (or a dry run)
    existing: str | None = None  # the id it already has in the store
    # True: not this file but the same meeting from another one (`same`)
    same: bool = False

    def same_text(self, path: Path, lang: str) -> str:
        """Why nothing was imported: which meeting of the store this one is."""
        m = self.meeting
        return say(
            "imports.same_meeting",
            lang,
            path=path,
            organ=organ_shown(m.organ, m.organisation, lang),
            date=m.period or m.date,
            span=items_of(m, lang),
            id=self.existing,
        )


def import_protocol(
    store: Store, path: Path, data: bytes, dry_run: bool = False, organ: str = ""
) -> Imported:
    """Read one protocol file and, unless `dry_run`, add its meeting to the store.

    `organ` names the organ of a file that names none (`import --organ`)."""
    meeting, report = read_protocol(data, path, organ)
    # Imported before, under today's id or the undated one older imports gave.
    for known in (meeting.id, former_id(meeting)):
        if known and store.has(known):
            return Imported(meeting, report, created=False, existing=known)
    meeting.organ_id = organ_for(store, meeting, report, (data, path), dry_run)
    # Another file of a meeting already here: a second copy would list every
    # decision and task twice, and nothing removes an imported meeting.
    twin = same_meeting(store, meeting, path)
    if twin:
        return Imported(meeting, report, created=False, existing=twin, same=True)
    organ = next((o for o in store.organs() if o.id == meeting.organ_id), None)
    if organ and organ.rules.posts_notices:
        # The organ's profile says it posts notices: its deadlines apply
        # (unless the source says it is adjusted; see deadlines.computes).
        meeting.rules.posts_notices = True
    if dry_run:
        return Imported(meeting, report, created=False)
    meeting.created = dt.datetime.now().isoformat(timespec="seconds")

    def alone() -> None:
        # Asked again under the catalogue's lock, from the rows on disk then:
        # another process may have imported a copy since this one looked.
        if twin := same_meeting(store, meeting, path):
            raise _Twin(twin)

    try:
        put_imported(store, meeting, path, check=alone)
    except _Twin as found:
        return Imported(meeting, report, created=False, existing=found.id, same=True)
    return Imported(meeting, report, created=True)


class _Twin(Exception):
    """The meeting is in the store already, from another file (`same`)."""

    def __init__(self, meeting_id: str) -> None:
        super().__init__(meeting_id)
        self.id = meeting_id
