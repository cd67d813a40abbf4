"""The catalogue file: organs, their rosters, and an index of the meetings.

The index holds a summary of every meeting (what `list` and numbering need),
so that neither has to open a thousand meeting files. Each summary records
the size and mtime of the meeting file it was made from; a file that changed
behind the index's back is read again when the store opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tinydb import Query, TinyDB

from .errors import StoreError
from .lock import locked
from .model import SCHEMA, Meeting, Organ
from .serial import ShapeError, from_dict, to_dict
from .storage import AtomicJSONStorage


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


class Catalogue:
    """organs and the meeting index in `catalogue.json`.

    Every change is a read-modify-write under a lock file, so two processes
    adding organs or meetings at once do not lose each other's change.
    """

    def __init__(self, path: Path, lock_path: Path) -> None:
        self.path = path
        self.lock_path = lock_path
        self.db = TinyDB(path, storage=AtomicJSONStorage)
        # No query cache: another process may have written since.
        self.organ_table = self.db.table("organs", cache_size=0)
        self.index_table = self.db.table("meetings", cache_size=0)
        self.meta_table = self.db.table("meta", cache_size=0)

    def load(self) -> tuple[list[Organ], list[Summary]]:
        """Organs and index, from one read of the file (it is parsed once, not per table).

        Raises a StoreError if the file is damaged or from a newer version.
        """
        data = self.db.storage.read() or {}
        tables = {}
        for name in ("meta", "organs", "meetings"):
            table = data.get(name, {})
            if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
                raise StoreError("damaged", path=self.path, detail=f"table {name}")
            tables[name] = list(table.values())
        self._check_schema(tables["meta"])
        try:
            organs = [from_dict(Organ, doc) for doc in tables["organs"]]
        except ShapeError as exc:
            raise StoreError("damaged", path=self.path, detail=str(exc)) from None
        summaries = []
        for doc in tables["meetings"]:
            try:
                summaries.append(from_dict(Summary, doc))
            except ShapeError:
                continue  # a bad index row is rebuilt from its meeting file
        return organs, summaries

    def _check_schema(self, meta: list[dict]) -> None:
        found = max((m.get("schema", 0) for m in meta), default=SCHEMA)
        if found > SCHEMA:
            raise StoreError("newer_schema", path=self.path, found=found, known=SCHEMA)
        if not meta:
            with locked(self.lock_path):
                if not self.meta_table.all():
                    self.meta_table.insert({"schema": SCHEMA})

    def put_organ(self, organ: Organ) -> None:
        with locked(self.lock_path):
            self.organ_table.upsert(to_dict(organ), Query().id == organ.id)

    def put_summaries(self, summaries: list[Summary]) -> None:
        if not summaries:
            return
        with locked(self.lock_path):
            if len(summaries) == 1:
                self.index_table.upsert(to_dict(summaries[0]), Query().id == summaries[0].id)
                return
            # Many at once (a rescan, a renumbering): one rewrite of the index,
            # not one per meeting. The index is derived from the meeting files,
            # so a crash between the two writes costs only a rescan.
            rows = {doc["id"]: dict(doc) for doc in self.index_table.all() if "id" in doc}
            rows.update({s.id: to_dict(s) for s in summaries})
            self.index_table.truncate()
            self.index_table.insert_multiple(rows.values())

    def remove_summaries(self, ids: list[str]) -> None:
        if not ids:
            return
        with locked(self.lock_path):
            self.index_table.remove(Query().id.one_of(ids))
