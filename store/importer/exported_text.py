"""The text protokoll prints (`show`, `export`), known when it is read again.

    PROTOKOLL                          the kind, in capitals
    UTKAST – inte justerat
    …
    Datum:      2026-11-30             its fields, their values aligned
    …
    § 4  Budget 2027                   the mark, two spaces, the title

Its layout says what is what, so nothing is guessed: a decision is what
stands under `Beslut`, never a sentence of the text that reads like one
("Dagordningen godkänns." typed as text came back as a decision); its text
is not Markdown (`# Summa` and `*alla*` are words); and a line was wrapped
only where the next word did not fit in the width it was printed at, so a
line the secretary ended with Enter stays a line of its own.
"""

from __future__ import annotations

import re

from ..render import _KEEP_TOGETHER
from ..words.protocol import WORDS

WIDTH = 72  # what `render_text` wraps at (and `show --width` by default)

_KINDS = {
    text
    for key in ("protokoll", "minnesanteckningar", "arsmotesprotokoll", "stammoprotokoll")
    for text in WORDS[key]
}
_FIELD = re.compile(rf"^({'|'.join(WORDS['date'])}):\s{{2,}}\S")
_ITEM = re.compile(r"^(?:§ \d+|\d+\.)  \S")


def is_exported(text: str) -> bool:
    """Whether `text` is protokoll's own printed protocol: its kind first, its
    fields aligned, and an item headed as it heads them (`§ 4  Title`)."""
    lines = [x for x in text.split("\n") if x.strip()]
    if not lines or lines[0].strip() not in _KINDS:
        return False
    head = lines[1:40]
    return any(_FIELD.match(x) for x in head) and any(_ITEM.match(x) for x in lines)


def wrapped(line: str, following: str, width: int = WIDTH) -> bool:
    """Whether `following` goes on with `line` as the printing wrapped it: the
    next word did not fit on the line (the printing fills each line greedily,
    keeping "§ 12", "1 550 000" and "fr o m" whole as it goes)."""
    words = _KEEP_TOGETHER.sub("\x00", following.strip()).split()
    if not words or not line.strip():
        return False
    return len(line.rstrip()) + 1 + len(words[0]) > width
