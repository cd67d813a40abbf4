"""The rules by which two computers' versions of the store become one (protokoll sync).

Pure functions over file contents; store.sync runs them on what git holds.

- A meeting changed on one side only: that side's version.
- A meeting changed on both: one is kept as the meeting and the other as a
  conflict copy, so that nothing is lost. An adjusted version wins over an
  unadjusted one; one held open for writing on this computer wins (it is
  being written now); otherwise the later change wins.
- The catalogue: organs, and members of a roster, merge field by field; a
  field both sides changed differently keeps the shared (remote) value and
  is reported with the value that was not kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .storage import encode


@dataclass(frozen=True)
class Side:
    """One side's version of a file: its bytes, when it last changed, and by whom."""

    data: bytes | None
    time: int = 0  # the commit time of its last change, seconds
    who: str = ""
    held_here: bool = False  # a live process on this computer writes it


@dataclass(frozen=True)
class FieldConflict:
    organ: str  # the organ's name
    field: str  # "name", or "roster: Anna Berg: title"
    kept: str
    other: str


def status_of(data: bytes | None) -> str:
    """A meeting file's status ("" when it does not read as one)."""
    try:
        doc = json.loads(data or b"")["meeting"]["1"]
    except (ValueError, KeyError, TypeError):
        return ""
    return doc.get("status", "") if isinstance(doc, dict) else ""


def pick_meeting(ours: Side, theirs: Side) -> str:
    """Which version of a meeting changed on both sides is kept: "ours" or "theirs"."""
    if ours.data is None:
        return "theirs"  # deleted here, changed there: nothing is lost
    if theirs.data is None:
        return "ours"
    ours_adjusted = status_of(ours.data) == "adjusted"
    theirs_adjusted = status_of(theirs.data) == "adjusted"
    if ours_adjusted != theirs_adjusted:
        return "ours" if ours_adjusted else "theirs"
    if ours.held_here:
        return "ours"
    if ours.time != theirs.time:
        return "ours" if ours.time > theirs.time else "theirs"
    # The same second: decided the same way on every computer.
    return "ours" if ours.data > theirs.data else "theirs"


def _organs(data: bytes | None) -> tuple[dict[str, Any], dict[str, dict]]:
    """(meta table, organs by id) of a catalogue file; empty when absent or unreadable."""
    try:
        tables = json.loads(data) if data else {}
    except ValueError:
        tables = {}
    if not isinstance(tables, dict):
        tables = {}
    meta = tables.get("meta") if isinstance(tables.get("meta"), dict) else {}
    organs = tables.get("organs") if isinstance(tables.get("organs"), dict) else {}
    by_id = {d["id"]: d for d in organs.values() if isinstance(d, dict) and "id" in d}
    return meta, by_id


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _fields(
    base: dict, ours: dict, theirs: dict, where: str, organ: str, out: list[FieldConflict]
) -> dict:
    """Three-way, field by field; the roster member by member."""
    merged: dict = {}
    for key in [*ours, *(k for k in theirs if k not in ours)]:
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        if key == "roster" and isinstance(o, list) and isinstance(t, list):
            merged[key] = _roster(b if isinstance(b, list) else [], o, t, organ, out)
        elif o == t or key not in theirs:
            merged[key] = o
        elif o == b or key not in ours:
            merged[key] = t
        elif t == b:
            merged[key] = o
        else:
            merged[key] = t
            out.append(FieldConflict(organ, f"{where}{key}", _shown(t), _shown(o)))
    return merged


def _roster(base: list, ours: list, theirs: list, organ: str, out: list[FieldConflict]) -> list:
    def by_id(people: list) -> dict[str, dict]:
        return {p["id"]: p for p in people if isinstance(p, dict) and "id" in p}

    b, o, t = by_id(base), by_id(ours), by_id(theirs)
    merged = []
    for pid in [*o, *(i for i in t if i not in o)]:
        if pid in o and pid in t:
            name = o[pid].get("name", pid)
            merged.append(_fields(b.get(pid, {}), o[pid], t[pid], f"roster: {name}: ", organ, out))
        else:
            merged.append(o.get(pid) or t[pid])  # added on one side (none is ever deleted)
    return merged


def merge_catalogue(
    base: bytes | None, ours: bytes | None, theirs: bytes | None
) -> tuple[bytes, list[FieldConflict]]:
    """The catalogue both sides changed, merged organ by organ and field by field."""
    _, b = _organs(base)
    ours_meta, o = _organs(ours)
    theirs_meta, t = _organs(theirs)
    conflicts: list[FieldConflict] = []
    organs = []
    for oid in [*o, *(i for i in t if i not in o)]:
        if oid in o and oid in t:
            name = t[oid].get("name", oid)
            organs.append(_fields(b.get(oid, {}), o[oid], t[oid], "", name, conflicts))
        else:
            organs.append(o.get(oid) or t[oid])
    tables = {
        "meta": {**theirs_meta, **ours_meta},
        "organs": {str(n): doc for n, doc in enumerate(organs, 1)},
    }
    return encode(tables), conflicts
