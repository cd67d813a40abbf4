"""Reading a meeting as it is written, from another process: never a write, never a lock.

`protokoll follow` and `protokoll serve` show the meeting a secretary is
writing elsewhere. Opening a `Store` may write (the index of meetings, an
organ it adopts, the catalogue's schema row), and opening a meeting claims
its lock; a reader must do neither. So this module reads the files
directly: the meeting file is replaced by an atomic rename on every save,
so a read always finds a whole meeting, the one before a save or the one
after.

"In progress" is what the application itself resumes: a meeting whose
status is "open" (begun, not closed), the one written last of them
(`numbering.last_written`), as `ProtokollApp.on_mount` picks it.
"""

from __future__ import annotations

import copy
import difflib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import ids, numbering
from .catalogue import Summary
from .errors import StoreError
from .labels import labels
from .meeting_index import MeetingIndex
from .model import Meeting, Paragraph
from .render import Block, anchors, masked_paragraph, paragraph_block, render_text, to_text
from .serial import to_dict
from .store import read_meeting

POLL = 0.25  # seconds between looks at the meeting file: a save shows within about that
# Seconds between looks for the next meeting in progress, once the one shown
# is closed: a look reads every meeting's row, not one file.
NEXT_LOOK = 2.0


class Reader:
    """A store, looked at only: file names, index rows and meeting files are read."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path).expanduser()
        self.meetings_dir = self.path / "meetings"
        if not self.meetings_dir.is_dir():
            raise StoreError("no_store", path=self.path)

    def file(self, meeting_id: str) -> Path:
        return self.meetings_dir / f"{ids.checked(meeting_id)}.json"

    def meeting_ids(self) -> list[str]:
        names = (n for n in os.listdir(self.meetings_dir) if n.endswith(".json"))
        return sorted(i for i in (n[: -len(".json")] for n in names) if ids.valid(i))

    def resolve(self, ref: str) -> str:
        """A meeting id from an id or a unique prefix of one (as `Store.resolve`)."""
        ref = ref.strip()
        known = self.meeting_ids()
        if ref in known:
            return ref
        matches = [i for i in known if i.startswith(ref)] if ref else []
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise StoreError("unknown_meeting", meeting=ref)
        raise StoreError("ambiguous_meeting", meeting=ref, matches=", ".join(matches[:5]))

    def summaries(self) -> Iterator[Summary]:
        """Every readable meeting's summary: the index's row where it is still
        true of the file (same stamp), else the file itself, read."""
        rows, _problems = MeetingIndex(self.path / "index").load_all(Summary)
        known = {s.id: s for s in rows}
        for meeting_id in self.meeting_ids():
            try:
                st = self.file(meeting_id).stat()
            except OSError:
                continue  # removed since it was listed
            row = known.get(meeting_id)
            if row is not None and (row.mtime_ns, row.size) == (st.st_mtime_ns, st.st_size):
                yield row
                continue
            try:
                yield Summary.of(self.read(meeting_id), st.st_mtime_ns, st.st_size)
            except StoreError:
                continue  # damaged: not a meeting to follow

    def in_progress(self) -> str:
        """The meeting the application resumes: open, the latest of them."""
        open_ = [s for s in self.summaries() if s.status == "open"]
        if not open_:
            raise StoreError("none_in_progress", path=self.path)
        return max(open_, key=numbering.last_written).id

    def read(self, meeting_id: str) -> Meeting:
        return read_meeting(self.file(meeting_id), meeting_id)


@dataclass
class View:
    """One meeting as it prints, and what changed since the view before it."""

    meeting: Meeting
    text: str
    lines: list[str]
    changed: set[int]  # indexes into `lines` new or different since the view before
    current: int | None  # index of the current § in `meeting.paragraphs`
    anchors: list[int]  # the line where each § begins
    ends: list[int]  # the last line of each §
    saved: float = 0.0  # when the meeting file read was written (seconds, as time.time)

    @property
    def current_lines(self) -> tuple[int, int] | None:
        """The first and last line of the current §."""
        if self.current is None:
            return None
        return self.anchors[self.current], self.ends[self.current]


def changed_lines(before: list[str], after: list[str]) -> set[int]:
    """The lines of `after` that are not in `before` where they stood (a diff's
    inserts); blank ones left out, there being nothing in them to mark."""
    changed: set[int] = set()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, _a1, _a2, b1, b2 in matcher.get_opcodes():
        if op in ("replace", "insert"):
            changed.update(i for i in range(b1, b2) if after[i].strip())
    return changed


def current_paragraph(before: Meeting | None, after: Meeting) -> int | None:
    """The § the secretary is on: the one the application saved as being
    written (`Meeting.current`); else the last § whose content changed since
    `before`; else the last §."""
    paragraphs = after.paragraphs
    if not paragraphs:
        return None
    where = {p.id: i for i, p in enumerate(paragraphs)}
    if after.current in where:
        return where[after.current]
    if before is not None:
        old = {p.id: _content(p) for p in before.paragraphs}
        touched = [i for i, p in enumerate(paragraphs) if old.get(p.id) != _content(p)]
        if touched:
            return touched[-1]
    return len(paragraphs) - 1


def _content(paragraph: object) -> dict:
    doc = to_dict(paragraph)
    doc.pop("number", None)  # renumbering alone is not writing in a §
    return doc


def _ends(
    meeting: Meeting, starts: list[int], width: int, lang: str, publish: bool = False
) -> list[int]:
    """The last line of each §: where it begins and as many lines as it takes
    alone (what follows the last is the signatures, not the §)."""

    def block(p: Paragraph) -> Block:
        if publish and p.masked:
            return masked_paragraph(meeting, p)
        return paragraph_block(meeting, p, lang)

    return [
        start + to_text([block(p)], width).rstrip("\n").count("\n")
        for start, p in zip(starts, meeting.paragraphs, strict=True)
    ]


def held_back(meeting: Meeting, lang: str) -> Meeting:
    """The meeting as a public screen may show it while it is written: the §
    being written held back, by its number only, until the secretary goes on.

    A § masked once its text was typed had stood in full on the public page
    meanwhile ("Anställningsärende: Maria Holm sjukskriven …": a trial); held
    back, a § masked before the secretary leaves it is never shown."""
    p = meeting.paragraph(meeting.current) if meeting.current else None
    if meeting.status != "open" or p is None or p.masked:
        return meeting
    shown = copy.deepcopy(meeting)
    shown.paragraph(p.id).masked = labels(lang)["held_back"]  # type: ignore[union-attr]
    return shown


class Watch:
    """One meeting file, looked at again and again: a new `View` when it changed.

    The file's stamp (mtime, size, inode) tells whether to read it: a save
    replaces the file, so the inode changes even where the clock is coarse.
    Across a restart of the application the file is the same path, so the
    watch simply goes on.

    `in_progress`: no meeting was named, so the watch follows the meeting in
    progress: once the one shown is closed and another is begun, it shows
    that one (the readers had stayed on an adjusted meeting, "aktuell § 12",
    while the next was written: trial 5). `publish`: the publication copy,
    a masked § by its number and reason only, for a screen the public sees.
    """

    def __init__(
        self,
        reader: Reader,
        meeting_id: str,
        width: int = 72,
        lang: str = "sv",
        publish: bool = False,
        in_progress: bool = False,
    ) -> None:
        self.reader = reader
        self.meeting_id = meeting_id
        self.width = width
        self.lang = lang
        self.publish = publish
        self.in_progress = in_progress
        self._next_look = 0.0
        self._stamp: tuple[int, int, int] | None = None
        self.view: View | None = None
        self.error: StoreError | None = None  # the last read's, while the last good view stays
        # When the meeting file was last written, as last read: also a save that
        # changed nothing shown (a § masked, in the full text) is a save.
        self.saved: float = 0.0

    def _stamp_now(self) -> tuple[int, int, int] | None:
        try:
            st = self.reader.file(self.meeting_id).stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size, st.st_ino

    def _to_next_meeting(self) -> None:
        """Over to the meeting in progress, once the one shown is no longer."""
        shown = self.view.meeting if self.view is not None else None
        if not self.in_progress or shown is None or shown.status == "open":
            return
        if time.monotonic() < self._next_look:
            return
        self._next_look = time.monotonic() + NEXT_LOOK
        try:
            found = self.reader.in_progress()
        except StoreError:
            return  # none begun yet: the closed one stays
        if found != self.meeting_id:
            self.meeting_id, self._stamp, self.view = found, None, None

    def poll(self) -> View | None:
        """The new view if the file changed since the last look, else None."""
        self._to_next_meeting()
        stamp = self._stamp_now()
        if stamp == self._stamp and (self.view is not None or self.error is not None):
            return None
        self._stamp = stamp
        try:
            meeting = self.reader.read(self.meeting_id)
        except StoreError as exc:
            self.error = exc
            return None
        self.error = None
        self.saved = stamp[0] / 1e9 if stamp else time.time()
        if self.publish:
            meeting = held_back(meeting, self.lang)
        text = render_text(meeting, width=self.width, lang=self.lang, publish=self.publish)
        lines = text.split("\n")
        starts = anchors(meeting, text)
        before = self.view
        if before is not None and before.text == text and before.meeting.current == meeting.current:
            return None
        view = View(
            meeting=meeting,
            text=text,
            lines=lines,
            changed=changed_lines(before.lines, lines) if before else set(),
            current=current_paragraph(before.meeting if before else None, meeting),
            anchors=starts,
            ends=_ends(meeting, starts, self.width, self.lang, self.publish),
            saved=self.saved,
        )
        self.view = view
        return view
