"""The command line's one door to the terminal.

Every line a command prints goes through `emit`, so that user text in it (a
name, a title, a § text, a file name in an error) is data and never terminal
control: see `store.safe_text`. JSON goes through `emit_json`, which escapes
the same characters instead, so that it reads back to the exact text.
"""

from __future__ import annotations

import json.encoder
import sys
from collections.abc import Iterable
from typing import Any

from store.safe_text import json_text, safe, safe_line

# What json.dumps(ensure_ascii=False) writes for a string, in C.
_encode = json.encoder.encode_basestring


def emit(text: object = "", err: bool = False, one_line: bool = False) -> None:
    """Print `text` on stdout, or stderr with `err`; with `one_line` (a row of a
    listing, one record a line for scripts) a line break in it becomes a space."""
    said = safe_line(str(text)) if one_line else safe(str(text))
    print(said, file=sys.stderr if err else sys.stdout)


def emit_json(value: Any) -> None:
    """Print `value` as indented JSON, controls and invisible characters escaped."""
    print(json_text(value, indent=2))


def emit_json_rows(rows: Iterable[Any], lines: bool = False) -> None:
    """Print `rows` as they come: as one indented JSON array, the same text
    `emit_json(list(rows))` prints, or with `lines` one compact object a line.
    Each is escaped as `emit_json` does; none is held after it is printed."""
    if lines:
        for row in rows:
            print(json_text(row))
        return
    held = _NOTHING
    for row in rows:
        # One row held back, so that the last one is written without a comma.
        if held is not _NOTHING:
            print(f"  {held},")
        else:
            print("[")
        held = _flat(row) or json_text(row, indent=2).replace("\n", "\n  ")
    print("[]" if held is _NOTHING else f"  {held}\n]")


_NOTHING = object()
_SCALARS = {None: "null", True: "true", False: "false"}


def _flat(row: Any) -> str | None:
    """`json_text(row, indent=2)` indented once more, for a flat dict of text,
    whole numbers, truth values and None; None for anything else.

    The same text, made by json's C string encoder: with an indent, json.dumps
    encodes in Python, at 30 µs a row. An encoded part that is all printable
    holds nothing `json_text` would escape; one that is not takes its way.
    """
    if not isinstance(row, dict) or not row:
        return None
    parts = []
    for key, value in row.items():
        if isinstance(value, str):
            text = _encode(value)
        elif value is None or isinstance(value, bool):
            text = _SCALARS[value]
        elif type(value) is int:
            text = int.__repr__(value)
        else:
            return None
        part = f"{_encode(key)}: {text}" if isinstance(key, str) else ""
        if not part.isprintable():
            return None
        parts.append(part)
    return "{\n    " + ",\n    ".join(parts) + "\n  }"


def write(text: str) -> None:
    """Write `text` (a rendered protocol) to stdout as it is, but safe."""
    sys.stdout.write(safe(text))
