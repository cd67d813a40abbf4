"""What the look over every meeting needs of each index file, kept in one file.

    STORE/index/stamps
        {"schema": 2, "files": {"<organ>/<year>": [ino, mtime_ns, size,
            ids, organ_ids, dates, starts, createds, statuses, mtimes, sizes]}}

(the columns tab-joined; mtimes and sizes base64 of 64-bit little-endian
integers: 20,000 numbers parsed one by one were half the file's parse)

The look compares every meeting file's stamp with its index row's; parsing
the hundred index files of 10,000 meetings (20 values a row) for the two
numbers was a third of it. This file keeps, for each index file as it was
when read (its inode, time and size, taken before it was read), its rows'
ids, stamps and the few fields a start filters by, each column one string
(tab-joined) or one list: one small document to parse. An index file whose
stamp differs is read as before, and this file written anew.

Derived from derived files, so nothing here is trusted beyond a guess: a row
whose stamp agrees with its meeting file's was made from that file as it is
(rows are stamped from the file they describe), so a stale entry costs at
most a meeting file read again, and a summary is always made from the index
file itself (`rows.Rows`). Written without fsync and without the lock: a
torn or missing file is only ignored.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import sys
from array import array
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from . import platform
from .platform import BINARY, FILE_MODE

FILE_NAME = "stamps"
SCHEMA = 2
# The columns kept as tab-joined strings: a value of another kind, or holding
# a tab, leaves its file out of this one (it is read at every look).
TEXT_FIELDS = ("id", "organ_id", "date", "start", "created", "status")


class Segment(NamedTuple):
    """What is kept of one index file."""

    stamp: tuple[int, int, int]  # inode, mtime_ns, size of the index file
    columns: tuple[str, ...]  # TEXT_FIELDS, each tab-joined
    mtimes: list[int] | array  # of each row, in the order of the ids
    sizes: list[int] | array

    def ids(self) -> list[str]:
        return self.column("id")

    def column(self, field: str) -> list[str]:
        """One field of every row (a file of no rows keeps "" for each)."""
        return self.columns[TEXT_FIELDS.index(field)].split("\t") if self.mtimes else []


def stamp_of(st: os.stat_result) -> tuple[int, int, int]:
    return st.st_ino, st.st_mtime_ns, st.st_size


def segment_of(
    stamp: tuple[int, int, int], rows: dict[str, list], names: tuple[str, ...]
) -> Segment | None:
    """The segment of an index file's rows (lists in `names` order, keyed by
    id); None if a value cannot be kept (then the file is read at every look)."""
    values = rows.values()
    columns = []
    for field in TEXT_FIELDS:
        found = list(map(itemgetter(names.index(field)), values))
        if not set(map(type, found)) <= {str}:
            return None
        text = "\t".join(found)
        if text.count("\t") != max(len(found) - 1, 0):
            return None
        columns.append(text)
    if rows and columns[0].split("\t") != list(rows):
        return None  # a row filed under another id than its own
    mtimes = list(map(itemgetter(names.index("mtime_ns")), values))
    sizes = list(map(itemgetter(names.index("size")), values))
    if not set(map(type, mtimes)) | set(map(type, sizes)) <= {int}:
        return None
    return Segment(stamp, tuple(columns), mtimes, sizes)


def read(directory: Path) -> dict[str, Segment]:
    """The kept segments by index file ("organ/year"); none if the file is
    missing, torn or not as this version writes it."""
    try:
        with open(directory / FILE_NAME, "rb") as f:
            data = json.loads(f.read())
        if data.get("schema") != SCHEMA:
            return {}
        found = {}
        for key, (ino, mtime, size, *columns, packed_mtimes, packed_sizes) in data[
            "files"
        ].items():
            if len(columns) != len(TEXT_FIELDS) or not all(type(c) is str for c in columns):
                continue
            mtimes, sizes = _unpacked(packed_mtimes), _unpacked(packed_sizes)
            count = len(mtimes)
            if count != len(sizes):
                continue
            if not all(c.count("\t") + 1 == count if count else c == "" for c in columns):
                continue
            found[key] = Segment((ino, mtime, size), tuple(columns), mtimes, sizes)
        return found
    except (OSError, ValueError, TypeError, AttributeError, KeyError, RecursionError):
        return {}


def _packed(numbers: list[int]) -> str:
    found = array("q", numbers)
    if sys.byteorder != "little":
        found.byteswap()
    return base64.b64encode(found.tobytes()).decode("ascii")


def _unpacked(text: str) -> array:
    """The numbers `_packed` wrote (ValueError, TypeError: not such a text)."""
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError("not base64") from None
    found = array("q")
    found.frombytes(raw)  # ValueError: not a whole number of them
    if sys.byteorder != "little":
        found.byteswap()
    return found


def write(directory: Path, segments: Iterable[tuple[str, Segment]]) -> None:
    """Keep these segments (best effort: a store one may only read keeps none)."""
    data = {
        "schema": SCHEMA,
        "files": {
            key: [*s.stamp, *s.columns, _packed(s.mtimes), _packed(s.sizes)]
            for key, s in segments
        },
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tmp = directory / f".{FILE_NAME}.{os.getpid()}.tmp"
    with contextlib.suppress(OSError):
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | BINARY, FILE_MODE)
            try:
                view = memoryview(raw)
                while view:
                    view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
            platform.replace(tmp, directory / FILE_NAME)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
