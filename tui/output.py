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
from pathlib import Path
from typing import Any

from protokoll.store.export_target import write_export
from protokoll.store.safe_text import json_text, safe, safe_line
from protokoll.store.words import say

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
    """`json_text(row, indent=2)` indented once more (a row of an array), for
    text, whole numbers, truth values, None, lists and dicts of them; None for
    anything else (a float), which takes json_text's way.

    The same text, made with json's C string encoder: with an indent, json.dumps
    encodes in Python, at 30 µs a row. An encoded string that is all printable
    holds nothing `json_text` would escape; one that is not takes its way.
    """
    try:
        return _encoded(row, 1)
    except _Unusual:
        return None


class _Unusual(Exception):
    """Something `_flat` leaves to json_text."""


def _encoded(value: Any, level: int) -> str:
    if isinstance(value, str):
        text = _encode(value)
        if not text.isprintable():
            raise _Unusual
        return text
    if value is None or isinstance(value, bool):
        return _SCALARS[value]
    if type(value) is int:
        return int.__repr__(value)
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [_encoded(v, level + 1) for v in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + "  " * level + "]"
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        if not value:
            return "{}"
        items = [f"{_encoded(k, 0)}: {_encoded(v, level + 1)}" for k, v in value.items()]
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * level + "}"
    raise _Unusual


def write(text: str) -> None:
    """Write `text` (a rendered protocol) to stdout as it is, but safe."""
    sys.stdout.write(safe(text))


def write_to(output: str | None, text: str, force: bool, lang: str) -> None:
    """`text` to the file `output` (an ordinary file, replaced only with `force`),
    saying where it went; without `output`, or `-`, to stdout (`-o -` had
    made a file named "-")."""
    if output and output != "-":
        written = write_export(Path(output), text.encode("utf-8"), force=force)
        emit(say("cli.exported", lang, path=written), err=True)
    else:
        sys.stdout.write(text)
