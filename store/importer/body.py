"""The §s of a protocol: where each begins, its title, its text.

A § begins at `§ 12 Title` (also `§12`, `§ 12.`, a Markdown heading, or a row
of a table of §s). What lies between two §s is the first one's text, except
for two things that belong elsewhere: a letterhead or page footer caught in
the middle (kept as a note on the §, and reported) and a section heading
such as `Beslutsärenden` just before the next § (the agenda's section).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .source import Line

HEADING = re.compile(r"^\s*§\s*(?P<number>\d+)\s*[.:]?\s*(?:[-–—]\s+)?(?P<title>.*)$")
_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,2})[.)]\s+(?P<title>\S.*)$")
_ADDRESS = re.compile(
    r"\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ]|\S@\S|\bwww\.|https?://"
    r"|^(tel|telefon|fax|org\.?\s?nr|organisationsnummer|box|besöksadress|postadress)\b"
    r"|^sida\s+\d+|^\d+\s*\(\d+\)$",
    re.I,
)
_SECTION_WORD = re.compile(
    r"(ärenden|frågor|informationspunkter|beslutspunkter|diskussionspunkter|rapporter)$", re.I
)
_NEGATION = re.compile(r"^(inga|inget|ingen)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?]$")


@dataclass
class Item:
    """One § as the file has it, before its text is read for decisions."""

    number: int | None
    title: str
    line: int
    chunks: list[list[Line]] = field(default_factory=list)
    section: str = ""
    letterheads: list[list[Line]] = field(default_factory=list)


def chunks_of(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines between blank lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _title_ok(text: str) -> bool:
    return 0 < len(text.split()) <= 14 and not _SENTENCE_END.search(text)


def starts(lines: list[Line]) -> tuple[list[int], bool]:
    """Where the items begin, and whether they are numbered §s.

    § headings if there are any; else Markdown headings; else short numbered
    lines (`1. Mötets öppnande`), as minnesanteckningar are often written.
    """
    found = [i for i, line in enumerate(lines) if HEADING.match(line.text)]
    if found:
        return found, True
    levels = Counter(line.heading for line in lines if line.heading and line.text.strip())
    if levels:
        # The level used most is the items'; one `#` above them is the title.
        level = max(levels, key=lambda n: (levels[n], n))
        return [i for i, line in enumerate(lines) if line.heading == level], False
    found = [
        i
        for i, line in enumerate(lines)
        if (m := _NUMBERED.match(line.text)) and _title_ok(m["title"])
    ]
    return found, False


def is_letterhead(chunk: list[Line]) -> bool:
    """Short lines with an address, a web address or a page number among them."""
    if not all(len(x.text.split()) <= 6 and not x.text.strip().endswith(".") for x in chunk):
        return False
    return any(_ADDRESS.search(x.text.strip()) for x in chunk)


def is_section(chunk: list[Line]) -> bool:
    """`Beslutsärenden`, `Övriga frågor.`: one short line naming a kind of item."""
    if len(chunk) != 1:
        return False
    text = chunk[0].text.strip().rstrip(".")
    return (
        len(text.split()) <= 4
        and text[:1].isupper()
        and not _NEGATION.match(text)
        and bool(_SECTION_WORD.search(text))
    )


def items(lines: list[Line], at: list[int], numbered: bool, section: str = "") -> list[Item]:
    """The items that begin at `at`; `section` is the heading just before the first."""
    out: list[Item] = []
    bounds = [*at, len(lines)]
    for k, start in enumerate(at):
        head = lines[start]
        m = (HEADING if numbered else _NUMBERED).match(head.text)
        number = int(m["number"]) if m and numbered else None
        title = (m["title"] if m else head.text).strip()
        body = chunks_of(lines[start + 1 : bounds[k + 1]])
        if not title and body and len(body[0]) == 1 and _title_ok(body[0][0].text.strip()):
            title = body.pop(0)[0].text.strip()  # `§ 4` with its title on the next line
        item = Item(number, title, head.no)
        after_letterhead = False
        for chunk in body:
            if is_letterhead(chunk):
                # An address and the web address under it are one letterhead.
                if after_letterhead:
                    item.letterheads[-1] += chunk
                else:
                    item.letterheads.append(chunk)
                after_letterhead = True
            else:
                item.chunks.append(chunk)
                after_letterhead = False
        out.append(item)
    # A section heading at the end of one item names the section of the next.
    for k in range(len(out) - 1):
        chunks = out[k].chunks
        if len(chunks) > 1 and is_section(chunks[-1]):
            out[k + 1].section = chunks.pop()[0].text.strip()
    for item in out:
        section = item.section or section
        item.section = section
    return out


def leading_section(intro: list[Line]) -> tuple[str, list[Line]]:
    """A section heading just before the first §, taken out of the text before it."""
    chunks = chunks_of(intro)
    if len(chunks) > 1 and is_section(chunks[-1]):
        heading = chunks[-1][0]
        return heading.text.strip(), [x for x in intro if x is not heading]
    return "", intro
