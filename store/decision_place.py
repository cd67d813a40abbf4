"""Where in a §'s text its decisions stand.

An imported § keeps its text and its decisions apart (`Paragraph.text`,
`Paragraph.decisions`); when the source wrote the decision before some of
the text ("Medlemmarna beslutar … 2021." and then the reasons), the §
records how many of the text's blocks came first (`decisions_after`). The
text is only ever cut between blocks (paragraphs between blank lines), so a
decision never lands in the middle of a sentence and no word is dropped:
when the text no longer has a block after that place (the secretary has
since shortened it), the decisions go after the whole text, as usual.
"""

from __future__ import annotations

import re

from .model import Paragraph

# A blank line, or a run of them: where the protocol starts a new paragraph.
_BREAK = re.compile(r"\n\s*\n")


def text_blocks(text: str) -> list[str]:
    """The text's paragraphs as the protocol prints them, blank ones left out."""
    return [b for b in _BREAK.split(text.strip("\n")) if b.strip()]


def place(p: Paragraph) -> int | None:
    """How many blocks of `p.text` print before its decisions, or None for after all."""
    after = p.decisions_after
    if after is None or after < 0 or not p.decisions:
        return None
    return after if after < len(text_blocks(p.text)) else None


def around(p: Paragraph) -> tuple[str, str]:
    """The § text before its decisions and the text after them ("" when none)."""
    at = place(p)
    if at is None:
        return p.text, ""
    blocks = text_blocks(p.text)
    return "\n\n".join(blocks[:at]), "\n\n".join(blocks[at:])


def follow(old: str, new: str, after: int | None) -> int | None:
    """The place after the text was edited from `old` to `new`.

    The decisions stay before the block they stood before, wherever it went;
    when that block was changed or is gone the place stays as it was: the
    protocol prints the decisions after the whole text while the text has
    no block after the place (`place`), and a text retyped block by block
    gets them back where they were.
    """
    if after is None or after < 0:
        return after
    before = text_blocks(old)
    now = text_blocks(new)
    if after < len(before):
        anchor = before[after]
        found = [i for i, b in enumerate(now) if b == anchor]
        if found:
            return min(found, key=lambda i: abs(i - after))
    return after
