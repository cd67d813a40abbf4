"""The command line's one door to the terminal.

Every line a command prints goes through `emit`, so that user text in it (a
name, a title, a § text, a file name in an error) is data and never terminal
control: see `store.safe_text`. JSON goes through `emit_json`, which escapes
the same characters instead, so that it reads back to the exact text.
"""

from __future__ import annotations

import sys
from typing import Any

from store.safe_text import json_text, safe, safe_line


def emit(text: object = "", err: bool = False, one_line: bool = False) -> None:
    """Print `text` on stdout, or stderr with `err`; with `one_line` (a row of a
    listing, one record a line for scripts) a line break in it becomes a space."""
    said = safe_line(str(text)) if one_line else safe(str(text))
    print(said, file=sys.stderr if err else sys.stdout)


def emit_json(value: Any) -> None:
    """Print `value` as indented JSON, controls and invisible characters escaped."""
    print(json_text(value, indent=2))


def write(text: str) -> None:
    """Write `text` (a rendered protocol) to stdout as it is, but safe."""
    sys.stdout.write(safe(text))
