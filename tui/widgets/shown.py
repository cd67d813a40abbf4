"""Text for a widget, as data.

Content keeps text from being read as markup ("[bold]" stays "[bold]");
`safe` keeps it from acting on the terminal (escape sequences, lone CR, C1,
bidi overrides: see store.safe_text). Every widget that shows a name, a
title or a § text builds it with `shown`.
"""

from __future__ import annotations

from textual.content import Content

from protokoll.store.safe_text import safe, safe_line


def shown(text: str) -> Content:
    """`text` as a widget shows it: never markup, never terminal control."""
    return Content(safe(text))


def fit(text: str, width: int) -> str:
    """`text`, or its beginning and "…" when it is longer than `width`: a name
    or label cut at a column's edge reads as whole ("Pernilla Knutsso")."""
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def shown_line(text: str) -> Content:
    """`shown`, on one line: a line break in the text becomes a space."""
    return Content(safe_line(text))


# Seconds a list may take before its screen says it is reading the archive
# ("Läser in ur arkivet …"): long enough that a quick answer shows no flash.
READING_SAID_AFTER = 0.5
