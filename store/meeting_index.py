"""The index of meetings: one small file per organ and year.

    STORE/index/<organ id>/<year>.json
        {"schema": 2, "fields": [name, ...], "meetings": {id: [value, ...]}}

`list` and numbering need a summary of every meeting (dates, § numbers,
status) without opening every meeting file. Kept in one file, every new
meeting or moved § rewrote the summaries of the whole archive (287 ms at
10,000 meetings, and an import of 2,000 protocols grew with the square).
Kept per organ and year — the sequence § numbers run in — a change rewrites
the dozen or so meetings of one organ-year, whatever the archive's size.

Every write happens under the catalogue's lock (the caller holds it), so
these files are what the other processes last decided: numbering reads its
organ's files afresh under that lock. A row stays while its meeting file is
there, also when the file has been damaged, so that its §§ stay reserved.
A damaged index file is reported and rebuilt from the meeting files.

A row is a list of values in the order `fields` names them (schema 2): every
start reads every row, and JSON objects of 20 named fields were a third of that
look (the same keys parsed 10,000 times, a dict made of each). Rows of schema
1 (objects) are still read; a file is written in schema 2.
"""

from __future__ import annotations

import contextlib
import json
import operator
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from . import ids, index_stamps, storage
from .errors import StoreError, os_detail
from .serial import ShapeError, to_dict
from .storage import encode, make_private_dir, parse_json

SCHEMA = 2
OTHER = "_"  # the folder for an organ id that cannot name one (from an old store)
# The ids of the meetings not yet closed (drafts and meetings in progress), so
# that the application can resume one or list them without reading the whole
# index first. Derived like the rest: kept by every write below, made again
# from the meeting files whenever the store is looked over; a missing or
# damaged one only means that look comes first.
UNFINISHED_FILE = "unfinished"  # JSON, named apart from the organ-year files
UNFINISHED = ("draft", "open")

Key = tuple[str, str]  # (organ folder, year)
_NAME = operator.attrgetter("name")


def key_of(summary: object) -> Key:
    organ_id: str = summary.organ_id  # type: ignore[attr-defined]
    date: str = summary.date  # type: ignore[attr-defined]
    folder = organ_id if ids.valid(organ_id) else OTHER
    year = date[:4] if date[:4].isdigit() else "0000"
    return folder, year


class MeetingIndex:
    def __init__(self, directory: Path) -> None:
        self.dir = directory
        # Rows found bad when read and made again from their meeting files
        # (`rows.Rows`): written with the next change of the index, not at
        # the moment they are read, which may be under the rows' lock.
        self._mended: dict[str, object] = {}

    def mend(self, summary: object) -> None:
        """A row made again from its meeting file, for the next `put` to write."""
        self._mended[summary.id] = summary  # type: ignore[attr-defined]

    def _path(self, key: Key) -> Path:
        return self.dir / key[0] / f"{key[1]}.json"

    def _read(self, key: Key) -> dict[str, dict]:
        """The rows of one file as plain dicts (missing: none)."""
        path = self._path(key)
        try:
            raw = path.read_bytes()  # no stat first: 840 of them at 10,000 meetings
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise StoreError("damaged", path=path, detail=os_detail(exc)) from None
        fields, rows = _table(parse_json(path, raw), path)
        if fields is None:
            return rows
        return {
            i: dict(zip(fields, r, strict=True)) if type(r) is list else r for i, r in rows.items()
        }

    @staticmethod
    def _rows_at(path: str) -> tuple[list[str] | None, dict[str, list | dict]]:
        """The fields and rows of one file by its path as a string: read at every
        start for every organ-year, where building a Path for each took a tenth."""
        with open(path, "rb") as f:
            data = json.loads(f.read().decode("utf-8-sig"))
        return _table(data, path)

    def load_all(self, cls: type) -> tuple[list, list[StoreError]]:
        """Every summary in every file, and the files that could not be read."""
        summaries, problems = [], []
        if not self.dir.is_dir():
            return summaries, problems
        for key, _ in self._listed():
            try:
                fields, rows = self._table_of(key)
            except StoreError as exc:
                problems.append(exc)  # rebuilt from the meeting files
                continue
            summaries += _summaries(cls, fields, rows)
        return summaries, problems

    def _table_of(self, key: Key) -> tuple[list[str] | None, dict[str, list | dict]]:
        """One file's fields and rows; a file that does not read raises the
        StoreError `_read` says it with (a missing file has no rows)."""
        try:
            return self._rows_at(str(self._path(key)))
        except (OSError, ValueError, RecursionError, StoreError):
            return None, self._read(key)

    def load_raw(
        self, cls: type
    ) -> tuple[dict[str, list], list, dict[Key, index_stamps.Segment], list[StoreError]]:
        """Every row in every file as `load_all` reads them, but the rows of this
        version's fields (`cls.NAMES`) kept as the lists they were read as, by
        meeting id, unchecked (`rows.Rows` makes a summary of one when it is
        read); the other rows as summaries; the files not read at all, as the
        stamps file keeps them (`index_stamps`: unchanged since); and the files
        that could not be read.

        The look over every meeting reads 10,000 rows at every start and needs
        only their stamps: a summary made of each was a quarter of the look,
        parsing them a third.
        """
        raw: dict[str, list] = {}
        made: list = []
        unread: dict[Key, index_stamps.Segment] = {}
        problems: list[StoreError] = []
        if not self.dir.is_dir():
            return raw, made, unread, problems
        names = tuple(cls.NAMES)
        kept = index_stamps.read(self.dir)
        keep: dict[str, index_stamps.Segment] = {}
        for key, st in self._listed():
            name = f"{key[0]}/{key[1]}"
            stamp = index_stamps.stamp_of(st)  # before the file is read
            segment = kept.get(name)
            if segment is not None and segment.stamp == stamp:
                unread[key] = keep[name] = segment
                continue
            try:
                fields, rows = self._table_of(key)
            except StoreError as exc:
                problems.append(exc)  # rebuilt from the meeting files
                continue
            if _as_listed(fields, rows, names):
                raw.update(rows)
                segment = index_stamps.segment_of(stamp, rows, names)
                if segment is not None:
                    keep[name] = segment
                continue
            made += _summaries(cls, fields, rows)
        if keep.keys() != kept.keys() or len(unread) != len(keep):
            index_stamps.write(self.dir, keep.items())
        return raw, made, unread, problems

    def _listed(self) -> list[tuple[Key, os.stat_result]]:
        """Every index file's key and stat, in order of organ folder and year."""
        found = []
        with os.scandir(self.dir) as top:
            folders = sorted(e.name for e in top if e.is_dir() and not e.name.startswith("."))
        for folder in folders:
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                with os.scandir(self.dir / folder) as it:
                    for entry in sorted(it, key=_NAME):
                        name = entry.name
                        if not name.endswith(".json") or name.startswith("."):
                            continue
                        with contextlib.suppress(FileNotFoundError):
                            found.append(((folder, name[: -len(".json")]), entry.stat()))
        return found

    def listed_rows(self, key: Key, names: tuple[str, ...]) -> dict[str, list] | None:
        """The rows of one file as `load_raw` keeps them (lists in `names`
        order), read now; None if it is not such a file any more."""
        try:
            fields, rows = self._rows_at(str(self._path(key)))
        except (OSError, ValueError, RecursionError, StoreError):
            return None
        return rows if _as_listed(fields, rows, names) else None

    def rows(self, cls: type, organ_id: str, years: Iterable[str] | None = None) -> list:
        """The summaries of one organ (of `years` only, if given), read afresh."""
        folder = organ_id if ids.valid(organ_id) else OTHER
        where = self.dir / folder
        if years is None:
            names = os.listdir(where) if where.is_dir() else []
            years = [n[: -len(".json")] for n in names if n.endswith(".json")]
        found = []
        for year in years:
            try:
                rows = self._read((folder, year))
            except StoreError:
                continue  # damaged: the store reported it when it opened
            for row in rows.values():
                try:
                    found.append(cls.from_row(row))
                except ShapeError:
                    continue
        return [s for s in found if s.organ_id == organ_id]

    def put(self, summaries: Iterable, before: dict[str, object] | None = None) -> None:
        """Write these summaries; a meeting that moved to another organ or year
        (`before` holds its earlier summary) leaves the file it was in."""
        before = before or {}
        summaries = list(summaries)
        mended, self._mended = self._mended, {}
        given = {s.id for s in summaries}
        summaries = [m for i, m in mended.items() if i not in given] + summaries
        changes: dict[Key, list[tuple[str, dict | None]]] = defaultdict(list)
        for s in summaries:
            key = key_of(s)
            changes[key].append((s.id, to_dict(s)))
            old = before.get(s.id)
            if old is not None and key_of(old) != key:
                changes[key_of(old)].append((s.id, None))
        self._apply(changes)

    def remove(self, summaries: Iterable) -> None:
        changes: dict[Key, list[tuple[str, dict | None]]] = defaultdict(list)
        for s in summaries:
            changes[key_of(s)].append((s.id, None))
        self._apply(changes)

    def unfinished(self) -> list[str] | None:
        """The ids of the unfinished meetings as last written; None if unknown."""
        path = self.dir / UNFINISHED_FILE
        try:
            data = parse_json(path, path.read_bytes())
        except (OSError, StoreError):
            return None
        found = data.get("meetings") if isinstance(data, dict) else None
        if not isinstance(found, list) or not all(isinstance(i, str) for i in found):
            return None
        return found

    def note_unfinished(self, meeting_ids: Iterable[str]) -> None:
        """Write the unfinished meetings (the callers compare with `unfinished()`
        first, outside the lock where they can)."""
        make_private_dir(self.dir)
        data = {"schema": SCHEMA, "meetings": sorted(set(meeting_ids))}
        storage.atomic_write(self.dir / UNFINISHED_FILE, encode(data))

    def _apply(self, changes: dict[Key, list[tuple[str, dict | None]]]) -> None:
        # A meeting that moved has its row put in one file, taken out of another.
        status = {i: None for rows in changes.values() for i, row in rows}
        status.update({i: row["status"] for rows in changes.values() for i, row in rows if row})
        known = self.unfinished()
        if known is not None:
            now = set(known) - set(status) | {i for i, s in status.items() if s in UNFINISHED}
            if now != set(known):
                self.note_unfinished(now)
        for key, rows in changes.items():
            try:
                current = self._read(key)
            except StoreError:
                current = {}  # damaged: written anew with what is known now
            for meeting_id, row in rows:
                if row is None:
                    current.pop(meeting_id, None)
                else:
                    current[meeting_id] = row
            path = self._path(key)
            if not current:
                if path.exists():
                    path.unlink()
                continue
            make_private_dir(self.dir)
            make_private_dir(path.parent)
            storage.atomic_write(path, encode(_compact(current)))


def _summaries(cls: type, fields: list[str] | None, rows: dict[str, list | dict]) -> list:
    """The summaries of one file's rows (lists under `fields`, or objects of
    schema 1); a bad row is left out, to be rebuilt from its meeting file."""
    if fields is not None:
        return cls.from_values(fields, rows.values())
    found = []
    for row in rows.values():
        with contextlib.suppress(ShapeError):
            found.append(cls.from_row(row))
    return found


def _compact(rows: dict[str, dict]) -> dict:
    """A file's rows as lists, in the order of the fields of its longest row
    (the rows this version makes all have the same; one kept from an earlier
    version with other fields stays an object, read as schema 1 reads it)."""
    fields = list(max(rows.values(), key=len))
    return {
        "schema": SCHEMA,
        "fields": fields,
        "meetings": {
            i: [row[f] for f in fields] if list(row) == fields else row for i, row in rows.items()
        },
    }


def _table(data: object, path: str | Path) -> tuple[list[str] | None, dict]:
    """The fields (None: rows are objects, schema 1) and the rows of one file's
    parsed JSON; a damaged file is a StoreError."""
    rows = data.get("meetings") if isinstance(data, dict) else None
    fields = data.get("fields") if isinstance(data, dict) else None
    if isinstance(rows, dict) and fields is None:
        if all(isinstance(r, dict) for r in rows.values()):
            return None, rows
    elif (
        isinstance(rows, dict)
        and isinstance(fields, list)
        and all(isinstance(f, str) for f in fields)
        and _shaped(rows.values(), len(fields))
    ):
        return fields, rows
    raise StoreError("damaged", path=Path(path), detail="meetings")


def _shaped(rows: Iterable, width: int) -> bool:
    """Whether every row is a list of `width` values or an object; checked in C
    when all are lists (every start checks 10,000 rows)."""
    if set(map(type, rows)) <= {list}:
        return set(map(len, rows)) <= {width}
    return all((type(r) is list and len(r) == width) or isinstance(r, dict) for r in rows)


def _as_listed(fields: list[str] | None, rows: dict, names: tuple[str, ...]) -> bool:
    """Whether a file's rows are all lists of this version's fields, in order
    (checked in C): kept as read, a summary made of one only when asked."""
    if fields is None or tuple(fields) != names:
        return False
    values = rows.values()
    return set(map(type, values)) <= {list} and set(map(len, values)) <= {len(names)}
