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


def shown_line(text: str) -> Content:
    """`shown`, on one line: a line break in the text becomes a space."""
    return Content(safe_line(text))
