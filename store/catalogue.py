"""The catalogue file: organs and their rosters; and what the index says of a meeting.

A `Summary` is what `list` and numbering need of a meeting, so that neither
has to open a thousand meeting files; the summaries are kept per organ and
year in `index/` (meeting_index.py). Each records the size and mtime of the
meeting file it was made from; a file that changed behind the index's back
is read again when the store opens.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import operator
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from .errors import StoreError
from .lock import FileLock
from .model import SCHEMA, Meeting, Organ
from .serial import ShapeError, from_dict, to_dict
from .storage import AtomicJSONStorage

WAIT = 10.0  # seconds to wait for the catalogue before saying who holds it


@dataclass
class Summary:
    id: str
    organ_id: str
    organ: str
    organisation: str
    kind: str
    date: str
    start: str
    end: str
    place: str
    status: str
    first: int | None
    last: int | None
    count: int
    fixed: bool
    number_from: int | None
    created: str
    mtime_ns: int = 0
    size: int = 0
    schema: int = SCHEMA
    period: str = ""  # "Hösten 2024", for a meeting known by no day

    # The fields in the order an index row of this version lists them (below).
    NAMES: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_row(cls, row: dict) -> Summary:
        """A summary from an index row, checked as `from_dict` would check it.

        The index of 10,000 meetings is read at every start. A row with every
        field (as this version writes them) is checked in one pass in C
        (itemgetter, map) and taken as the summary's attributes without
        `__init__`; a loop over the fields and the 20-argument `__init__` took
        most of opening the store. Other rows go the long way.
        """
        if len(row) == len(_FIELDS) and row.keys() == _FIELDS:
            if tuple(map(type, _ROW_VALUES(row))) in _ROW_SHAPES:
                summary = cls.__new__(cls)
                summary.__dict__.update(row)
                return summary
        try:
            summary = cls(**row)
        except TypeError:
            raise ShapeError("Summary", "field") from None
        for name, kinds in _ROW_TYPES:
            if type(getattr(summary, name)) not in kinds:
                raise ShapeError(f"Summary.{name}", "kind")
        return summary

    @classmethod
    def from_values(cls, fields: list[str], rows: Iterable[list | dict]) -> list[Summary]:
        """The summaries of an index file's rows (lists of values in the order
        `fields` names them; an object row as `from_row` takes it); a bad row
        is left out, to be made again from its meeting file.

        Every start makes 10,000 of these: a row of this version's fields, of
        the right types (checked in C, as in `from_row`), becomes the summary's
        attributes at once.
        """
        same = tuple(fields) == _NAMES
        new, shapes, names = cls.__new__, _ROW_SHAPES, _NAMES
        found = []
        for row in rows:
            if same and type(row) is list and tuple(map(type, row)) in shapes:
                summary = new(cls)
                summary.__dict__ = dict(zip(names, row, strict=True))
                found.append(summary)
                continue
            try:
                as_dict = dict(zip(fields, row, strict=True)) if type(row) is list else row
                found.append(cls.from_row(as_dict))
            except ShapeError:
                continue
        return found

    @classmethod
    def from_list(cls, meeting_id: str, row: list) -> Summary | None:
        """The summary of one index row in `NAMES` order, kept unchecked since it
        was read (`rows.Rows`); None if it is not one: of the wrong kinds, or of
        another meeting than the one it is filed under."""
        if tuple(map(type, row)) not in _ROW_SHAPES or row[0] != meeting_id:
            return None
        summary = cls.__new__(cls)
        summary.__dict__ = dict(zip(_NAMES, row, strict=True))
        return summary

    @classmethod
    def of(cls, meeting: Meeting, mtime_ns: int = 0, size: int = 0) -> Summary:
        numbers = meeting.numbers()
        return cls(
            id=meeting.id,
            organ_id=meeting.organ_id,
            organ=meeting.organ,
            organisation=meeting.organisation,
            kind=meeting.kind,
            date=meeting.date,
            start=meeting.start,
            end=meeting.end,
            place=meeting.place,
            status=meeting.status,
            period=meeting.period,
            first=numbers[0] if numbers else None,
            last=max(numbers) if numbers else None,
            count=len(meeting.paragraphs) if meeting.numbered else 0,
            fixed=meeting.fixed_numbers,
            number_from=meeting.number_from,
            created=meeting.created,
            mtime_ns=mtime_ns,
            size=size,
        )

    def same_content(self, other: Summary) -> bool:
        """Equal but for the file stamp."""
        a, b = to_dict(self), to_dict(other)
        for key in ("mtime_ns", "size"):
            a.pop(key)
            b.pop(key)
        return a == b


_KINDS = {"str": (str,), "int": (int,), "bool": (bool,), "int | None": (int, type(None))}
_ROW_TYPES = [(f.name, _KINDS[f.type]) for f in dataclasses.fields(Summary)]
_FIELDS = frozenset(name for name, _ in _ROW_TYPES)
_NAMES = tuple(name for name, _ in _ROW_TYPES)
Summary.NAMES = _NAMES
_ROW_VALUES = operator.itemgetter(*(name for name, _ in _ROW_TYPES))
# Every combination of types a row may have (int | None fields: two each).
_ROW_SHAPES = frozenset(itertools.product(*(kinds for _, kinds in _ROW_TYPES)))


class Catalogue:
    """Organs in `catalogue.json`, and the lock every writer of the store's
    shared files (this one and the meeting index) holds.

    One writer at a time across processes: every change is a read of the file
    from disk, the change, and one atomic write, all under `catalogue.lock`.
    Nothing is remembered between changes (TinyDB keeps the next document id
    per process, which made two processes give out the same id), so a change
    never undoes or collides with another process's. The file keeps TinyDB's
    layout: tables of numbered documents.
    """

    def __init__(self, path: Path, lock_path: Path) -> None:
        self.path = path
        self.lock_path = lock_path
        self.storage = AtomicJSONStorage(path)
        # Re-entrant within this process (a renumbering writes meetings, which
        # write their index rows); the flock keeps other processes out.
        self._mutex = threading.RLock()
        self._depth = 0
        self._flock: FileLock | None = None

    @contextlib.contextmanager
    def writing(self, wait: float = WAIT) -> Iterator[None]:
        """Hold the catalogue for a read-modify-write, or a decision made from it;
        waiting at most `wait` seconds for another process to let go of it."""
        with self._mutex:
            if self._depth == 0:
                lock = FileLock(self.lock_path)
                # Bounded: a process stopped while holding it must not hang us.
                if not lock.acquire_within(wait):
                    raise StoreError("catalogue_busy", path=self.path)
                self._flock = lock
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._flock is not None:
                    self._flock.release(clear=False)
                    self._flock = None

    def _tables(self) -> dict[str, dict[str, dict]]:
        """The file's tables as they are on disk now ("meetings": an earlier
        version's index, read once to fill index/)."""
        data = self.storage.read() or {}
        for name in ("meta", "organs"):
            table = data.setdefault(name, {})
            if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
                raise StoreError("damaged", path=self.path, detail=f"table {name}")
        return data

    def load(self) -> tuple[list[Organ], list[Summary]]:
        """Organs and index, from one read of the file.

        Raises a StoreError if the file is damaged or from a newer version.
        """
        data = self._tables()
        meta = list(data["meta"].values())
        found = max((m.get("schema", 0) for m in meta), default=SCHEMA)
        if not isinstance(found, int) or found > SCHEMA:
            raise StoreError("newer_schema", path=self.path, found=found, known=SCHEMA)
        if not meta:
            self._update(lambda d: d["meta"] or _put(d["meta"], {"schema": SCHEMA}, key=None))
        return self._organs_of(data), self._summaries_of(data) if "meetings" in data else []

    def _organs_of(self, data: dict) -> list[Organ]:
        try:
            return [from_dict(Organ, doc) for doc in data["organs"].values()]
        except ShapeError as exc:
            raise StoreError("damaged", path=self.path, detail=str(exc)) from None

    @staticmethod
    def _summaries_of(data: dict) -> list[Summary]:
        summaries = []
        table = data["meetings"]
        if not isinstance(table, dict):
            return []
        for doc in table.values():
            if not isinstance(doc, dict):
                continue
            try:
                summaries.append(Summary.from_row(doc))
            except ShapeError:
                continue  # a bad index row is rebuilt from its meeting file
        return summaries

    def organs(self) -> list[Organ]:
        """The organs as they are on disk now."""
        return self._organs_of(self._tables())

    def organ(self, organ_id: str) -> Organ | None:
        """One organ as it is on disk now (None: not there)."""
        return next((o for o in self.organs() if o.id == organ_id), None)

    def _update(self, change: Callable[[dict], object]) -> None:
        with self.writing():
            data = self._tables()
            change(data)
            self.storage.write(data)

    def put_organ(self, organ: Organ) -> None:
        self._update(lambda d: _put(d["organs"], to_dict(organ)))

    def organ_like(self, organ: Organ, same: Callable[[Organ], bool]) -> Organ:
        """The organ on disk for which `same` holds, or `organ`, added now.

        Decided under the lock, so that processes importing at once into a new
        organ make one organ, not one each.
        """
        with self.writing():
            for found in self.organs():
                if same(found):
                    return found
            self.put_organ(organ)
            return organ

    def drop_index(self) -> None:
        """Take out the meeting index an earlier version kept here (now in index/)."""

        def drop(data: dict) -> None:
            data.pop("meetings", None)

        self._update(drop)


def _put(table: dict[str, dict], doc: dict, key: str | None = "id") -> None:
    """Replace the document with the same `key`, or add it under a new number."""
    found = next((k for k, d in table.items() if d.get(key) == doc.get(key)), None) if key else None
    if found is None:
        found = str(max((int(k) for k in table if k.isdigit()), default=0) + 1)
    table[found] = doc
