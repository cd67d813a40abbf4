"""Ids that become file names: one pattern, checked wherever an id reaches a path.

A meeting's id names its file, its locks, its undo history and its drafts;
an organ's id names the draft of its form. An id read from a document (an
import, a hand-edited file) is therefore checked before it is used, so that
`../x`, an empty name, a dot-file, a NUL or a slash never becomes a path.
"""

from __future__ import annotations

import re

from .errors import StoreError

# ASCII letters and digits, then also - and _; at most 64 characters. Every id
# the program makes fits (`20251120-3f9a2c`, `de607283`), and so do the
# readable ids of the examples (`20251120-sn`).
PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def valid(value: object) -> bool:
    return isinstance(value, str) and PATTERN.fullmatch(value) is not None


def checked(value: object) -> str:
    """`value` if it is a valid id, else a StoreError that shows it harmlessly."""
    if not valid(value):
        raise StoreError("bad_id", id=shown(value))
    return value  # type: ignore[return-value]


def shown(value: object) -> str:
    """An id as it can be printed in a message: quoted, controls escaped, cut short."""
    text = value if isinstance(value, str) else repr(value)
    escaped = text.encode("unicode_escape").decode("ascii")
    if len(escaped) > 40:
        escaped = escaped[:40] + "…"
    return f'"{escaped}"'
