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

from .exported_text import wrapped
from .sentences import is_label, reads_as_sentence
from .source import Line, split_title

# `§ 12`, `§12.`, `KF § 102`, `KS §12` (an organ's letters before the sign),
# `12 §` (the sign after the number, as some kommuner write it), and
# `Paragraf 12`.
# `§ 12/2024`: the number with the year it runs in (a stiftelse's, a förening's).
# `OMN AU § 21`: an organ's letters in more than one word before the sign.
HEADING = re.compile(
    r"^\s*(?P<mark>(?:[A-ZÅÄÖ]{1,5}\s+){0,2}(?:[A-ZÅÄÖ]{1,5}\s*)?§\s*(?P<number>\d+)(?:\s*/\s*(?:19|20)?\d{2}(?!\d))?)"
    r"\s*[.:]?\s*(?:[-–—]\s+)?(?P<title>.*)$"
)
_AFTER = re.compile(r"^\s*(?P<mark>(?P<number>\d{1,4})\s*§)\s*[.:]?\s*(?:[-–—]\s+)?(?P<title>.*)$")
# `Paragraf 12` (the word for the sign): a protocol of them had been read as
# one item, its decisions run together (a trial).
_WORD = re.compile(
    r"^\s*(?P<mark>[Pp]aragraf\s+(?P<number>\d{1,4}))\s*[.:]?\s*(?:[-–—]\s+)?(?P<title>.*)$"
)
# Points: `11.`, `11)`, `Punkt 11`, `Punkt 11:`, `Ärende 4` (a skolråd's, a kommun's).
_NUMBERED = re.compile(
    r"^\s*(?P<mark>(?P<number>\d{1,2})[.)]|(?:[Pp]unkt|[ÄäAa]rende)\s+(?P<pnumber>\d{1,2})[.:]?)"
    r"\s+(?:[-–—]\s+)?(?P<title>\S.*)$"  # `Ärende 1 – Öppnande`: the dash is no word of it
)
# `DNR: KU.2017.3` after a § number: the case's register number, text of the §.
_DNR = re.compile(r"^(dnr|diarienummer|diarienr)\b", re.I)


def heading(text: str) -> re.Match | None:
    """The § a line begins, in any of the forms above; None if it begins none."""
    return HEADING.match(text) or _AFTER.match(text) or _WORD.match(text)


# `Punkt 3` alone on its line, its title on the next (a samfällighet's stämma).
_WORD_ALONE = re.compile(r"^\s*(?P<mark>(?:[Pp]unkt|[ÄäAa]rende)\s+(?P<number>\d{1,2})[.:]?)\s*$")


def point(text: str) -> tuple[str, int, str] | None:
    """(mark as written, number, title) of a numbered point."""
    alone = _WORD_ALONE.match(text)
    if alone:
        return alone["mark"].strip(), int(alone["number"]), ""
    m = _NUMBERED.match(text)
    if not m:
        return None
    number = int(m["number"] or m["pnumber"])
    return m["mark"].strip(), number, m["title"].strip()


_ADDRESS = re.compile(
    r"\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ]|\S@\S|\bwww\.|https?://"
    r"|^(tel|telefon|fax|org\.?\s?nr|organisationsnummer|box|besöksadress|postadress)\b"
    r"|^sida\s+\d+|^\d+\s*\(\d+\)$|^\(\d+\)$"
    r"|\bsida\s+\d+\s*(?:\(\d+\)|av\s+\d+)\s*$",  # `… 2024-02-27   Sida 2 (3)`
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
    mark: str = ""  # the number as written: "KF § 102", "11."
    split: int | None = None  # the line whose start was taken as the title


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


def _under(line: Line, column: int) -> bool:
    """A line that starts at `column` exactly, and is not a § of its own."""
    text = line.text
    return bool(text.strip()) and len(text) - len(text.lstrip(" ")) == column and not heading(text)


def _title_ok(text: str) -> bool:
    return 0 < len(text.split()) <= 14 and not _SENTENCE_END.search(text)


def starts(lines: list[Line]) -> tuple[list[int], bool]:
    """Where the items begin, and whether they are numbered §s.

    § headings if there are any; else Markdown headings; else short numbered
    lines (`1. Mötets öppnande`), as minnesanteckningar are often written.
    """
    found = [i for i, line in enumerate(lines) if heading(line.text)]
    if found:
        return found, True
    points = [i for i, line in enumerate(lines) if _is_point(lines, i)]
    from .header_fields import is_label  # the heading's labels are no items (`## Närvarande`)

    heads = [line for line in lines if line.heading and line.text.strip()]
    levels = Counter(line.heading for line in heads if not is_label(line.text))
    if levels:
        # The level used most is the items'; one `#` above them is the title.
        level = max(levels, key=lambda n: (levels[n], n))
        found = [
            i for i, line in enumerate(lines) if line.heading == level and not is_label(line.text)
        ]
        # `## 6 oktober 2021` over numbered points: the heading is the date's.
        if len(found) >= len(points):
            return found, False
    return points, False


def _alone(lines: list[Line], i: int) -> bool:
    before = i == 0 or not lines[i - 1].text.strip()
    after = i + 1 >= len(lines) or not lines[i + 1].text.strip()
    return before and after


def _is_point(lines: list[Line], i: int) -> bool:
    """`1. Mötets öppnande` or, on a line of its own, `1. Mötets öppnande.`."""
    p = point(lines[i].text)
    if not p:
        return False
    title = p[2]
    if not title:  # `Punkt 3` alone: its title on the next line
        return True
    if _title_ok(title):
        return True
    # A short title with a full stop, standing alone: how årsmöten write points.
    return len(title.split()) <= 10 and title.endswith(".") and _alone(lines, i)


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
        number, mark, title = None, "", head.text.strip()
        if numbered:
            m = heading(head.text)
            if m:
                number, mark, title = int(m["number"]), " ".join(m["mark"].split()), m["title"]
        elif p := point(head.text):
            mark, _, title = p
        title = title.strip()
        # A long title wraps onto lines that start under its first word, as
        # the text protocol prints it (`§ 58  Våge framhöll …` / `      ringa runt..`).
        after = start + 1
        column = len(head.text.rstrip()) - len(title)
        # Only a line that was full was wrapped (its next word did not fit in
        # the width the text protocol prints): under a shorter one (a Markdown
        # list's `1. **Mötets öppnande**`), the indented lines are the point's
        # text, which had all become its title (a trial).
        before = head.text
        while (
            title
            and column > 0
            and after < bounds[k + 1]
            and _under(lines[after], column)
            and wrapped(before, lines[after].text)
        ):
            title += " " + lines[after].text.strip()
            before = lines[after].text
            after += 1
        body = chunks_of(lines[after : bounds[k + 1]])
        dnr = None
        if _DNR.match(title):
            # `KF § 102 DNR: KU.2017.3`: the register number is text; the title follows.
            dnr, title = [Line(head.no, title)], ""
        split = None
        first = body[0][0].text.strip() if body else ""
        if not title and body and len(body[0]) > 1 and _title_ok(first) and not is_label(first):
            # `KS § 112` / `Godkännande av dagordning` / `Kommunstyrelsens beslut`:
            # the title on the line under the number, the text right under it.
            title, split = first, body[0][0]
            body[0] = body[0][1:]
        elif not title and body and len(body[0]) == 1:
            if _title_ok(first):
                title = body.pop(0)[0].text.strip()  # `§ 4` with its title on the next line
            else:
                t, rest = split_title(first)
                # `Stämman beslutade att välja` / `Anneli Roos …`: a sentence cut
                # at a name is no title (its decision had been lost, a trial).
                if t and not reads_as_sentence(t):
                    title, split = t, body[0][0]
                    body[0] = [Line(split.no, rest)]
        if dnr:
            body.insert(0, dnr)
        item = Item(number, title, head.no, mark=mark, split=split.no if split else None)
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
