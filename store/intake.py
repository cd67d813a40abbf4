"""Reading a file to import, within limits.

An import reads what it is given; without limits a 200 MB file took 1.3 GB
to import and minutes to show, and `/dev/zero` never ended. A file is read
only if it is a regular file no larger than `Limits.size`, its lines no
longer than `Limits.line`, and a JSON document is parsed only if it nests no
deeper than `Limits.depth` and has no number longer than `Limits.digits`. The
defaults are far above any protocol; `protokoll import` can raise them. A
Word document is unpacked only up to `Limits.size` (store.importer.formats).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import StoreError, os_detail
from .storage import parse_json

_PACKED = (b"%PDF", b"PK\x03\x04")


@dataclass(frozen=True)
class Limits:
    size: int = 20 * 1024 * 1024  # bytes: a long protocol in Word is some hundred KB
    line: int = 100_000  # characters in one line (a paragraph saved as one line)
    depth: int = 64  # levels of nesting in a JSON document (an export has 6)
    digits: int = 18  # digits in one JSON number


def read_source(path: Path, limits: Limits = Limits()) -> bytes:
    """The bytes of the file at `path`, or a one-line StoreError saying why not."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise StoreError("unreadable", path=path, detail=os_detail(exc)) from None
    try:
        info = os.fstat(fd)
        # A FIFO, a device or a directory has no end to read to, or no text.
        if not stat.S_ISREG(info.st_mode):
            raise StoreError("import_not_a_file", path=path)
        if info.st_size > limits.size:
            raise StoreError(
                "import_too_large", path=path, size=_mb(info.st_size), limit=_mb(limits.size)
            )
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limits.size + 1)
    except OSError as exc:
        raise StoreError("unreadable", path=path, detail=os_detail(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limits.size:  # it grew while being read
        raise StoreError("import_too_large", path=path, size=_mb(len(data)), limit=_mb(limits.size))
    # A PDF or a Word document is packed binary, not lines: its text is
    # checked once unpacked (store.importer.source.decode).
    if data.startswith(_PACKED):
        return data
    longest = max((len(line) for line in data.split(b"\n")), default=0)
    if longest > limits.line * 4:  # UTF-8 takes at most four bytes a character
        raise StoreError("import_line_too_long", path=path, limit=limits.line)
    return data


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(rb"[\[\]{}]")


def parse_document(path: Path, raw: bytes, limits: Limits = Limits()) -> Any:
    """A JSON document to import, parsed within the limits."""
    depth = deepest = 0
    for m in _BRACKET.finditer(_STRING.sub(b'""', raw)):
        depth += 1 if m.group() in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    if deepest > limits.depth:
        raise StoreError("import_too_deep", path=path, limit=limits.depth)

    def number(text: str) -> int:
        if len(text.lstrip("-")) > limits.digits:
            raise ValueError(f"a number of {len(text)} digits")
        return int(text)

    return parse_json(path, raw, parse_int=number)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
