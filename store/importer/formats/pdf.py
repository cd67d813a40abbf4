"""A text PDF as lines of text, page by page, in reading order.

pypdf's layout mode keeps each printed line whole: a field's label and its
value printed in two columns (`Datum      2020-03-27`) stay on one line, and
two names signed side by side stay apart. pdfminer.six, tried on the same
file, reads such columns one after the other ("Organ / Dag / Plats", then
their values), and installs six times as much (26 MB with cryptography,
against pypdf's 4 MB and no dependencies).

A gap much wider than the line's other gaps is a column: it becomes a tab.
A line of running text that reaches the right margin runs on into the next,
so that a paragraph is one line as in Word; a vertical gap stays one blank
line; pages are separated by a form feed. A PDF with no text at all is a
scan, and is refused with advice.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from pathlib import Path

from ...errors import StoreError
from ..report import Report

_GAP = re.compile(r"(?<=\S) +(?=\S)")
_STARTS_BLOCK = re.compile(r"^([-•*–]|\d{1,3}[.)]|§|\d{1,4}\t)\s*")  # a list item, a §
_FULL = 0.85  # of the page's widest line: a line this long was wrapped by the layout


def pdf_text(data: bytes, path: Path, report: Report) -> str:
    """The text of every page; pages apart by a form feed."""
    pages = _pages(data, path)
    if not any(p.strip() for p in pages):
        raise StoreError("pdf_no_text", path=path)
    pages, furniture = _without_furniture(pages)
    if furniture:
        shown = " | ".join(furniture[:3]) + (" | …" if len(furniture) > 3 else "")
        report.warn(None, "pdf_furniture", n=len(furniture), lines=shown)
    text = ""
    starts = []
    for page in pages:
        if text:
            text += "\x0c"
        starts.append(text.count("\n") + text.count("\x0c") + 1)
        text += page
    report.warn(None, "pdf_lines", pages=len(pages))
    if len(starts) > 1:
        report.warn(None, "pdf_pages", starts=", ".join(map(str, starts[1:])))
    return text


_EDGE = 4  # lines at the top and at the foot of a page where furniture stands
_DIGITS = re.compile(r"\d+")


def _without_furniture(pages: list[str]) -> tuple[list[str], list[str]]:
    """The pages without their running heads and feet, and those lines, once each.

    A line at the same place at the top or foot of most pages, the same but
    for its numbers ("Sida 2 av 4"), is the page's furniture, not the
    protocol's: read as text it had become a § text, a title and a signature
    ("Cecilia Andersson, Justerandes signatur Utdragsbestyrkande", from
    protokoll's own PDF: a trial). Only where a document has two pages or
    more: one page has none to tell it by.
    """
    if len(pages) < 2:
        return pages, []
    split = [p.split("\n") for p in pages]

    def places(lines: list[str]) -> dict[int, tuple[str, str]]:
        """Line index -> (its place: the nth filled line from the top or foot, its shape)."""
        filled = [i for i, line in enumerate(lines) if line.strip()]
        out = {}
        for rank, i in enumerate(filled[:_EDGE]):
            out[i] = (f"top{rank}", _shape(lines[i]))
        for rank, i in enumerate(reversed(filled[-_EDGE:])):
            out.setdefault(i, (f"foot{rank}", _shape(lines[i])))
        return out

    counts: dict[tuple, int] = {}
    for lines in split:
        for key in set(places(lines).values()):
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, -(-3 * len(pages) // 5))  # three pages in five, two at least
    furniture = {key for key, n in counts.items() if n >= needed}
    if not furniture:
        return pages, []
    kept_pages: list[str] = []
    seen: dict[str, str] = {}  # each line left out, as on its first page
    for lines in split:
        at = places(lines)
        kept = []
        for i, line in enumerate(lines):
            if at.get(i) in furniture:
                seen.setdefault(_shape(line), line.strip())
                # A blank line in its place: what came before and after it stay
                # apart as they were (a reservation after a page's head had run
                # into the decision before it).
                if not kept or kept[-1]:
                    kept.append("")
                continue
            kept.append(line)
        kept_pages.append("\n".join(kept))
    return kept_pages, list(seen.values())


# A running head that names the § going on from the page before ("§ 133
# forts.", "§ 12 (forts)", "§ 4 cont."): the same furniture as on other pages.
_GOING_ON = re.compile(
    r"\s*§\s*#\s*\(?(?:forts(?:ättning)?|cont(?:inued)?)\b\.?\)?", re.IGNORECASE
)


def _shape(line: str) -> str:
    """A line as furniture repeats it: numbers (pages, dates) alike, spacing
    alike, a § going on from the page before left out."""
    return " ".join(_GOING_ON.sub(" ", _DIGITS.sub("#", line)).split())


def _pages(data: bytes, path: Path) -> list[str]:
    import pypdf  # imported on first use, as the importer itself is

    # pypdf reports what it repairs through logging (errors too) and warnings;
    # the import has its own report, and the terminal must not get pypdf's.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise StoreError("pdf_encrypted", path=path)
            return [_lines(_page_text(page)) for page in reader.pages]
        except StoreError:
            raise
        except Exception as exc:  # a damaged file can fail anywhere inside pypdf
            detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:120]
            if "crypt" in detail.lower() or "crypt" in type(exc).__name__.lower():
                raise StoreError("pdf_encrypted", path=path) from None
            raise StoreError("pdf_damaged", path=path, detail=detail) from None
        finally:
            logger.setLevel(level)


def _page_text(page) -> str:
    try:
        return page.extract_text(extraction_mode="layout")
    except Exception:  # layout mode fails on some fonts; plain mode still has the words
        return page.extract_text() or ""


def _lines(text: str) -> str:
    """Layout text as lines: no margins, column gaps as tabs, wrapped lines joined."""
    raws = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    right = max((len(r.rstrip()) for r in raws), default=0)
    out: list[str] = []
    full = False  # the line before reached the right margin: it wraps into this one
    for raw in raws:
        line = _columns(raw.strip())
        if line and out and out[-1] and full and not _STARTS_BLOCK.match(line):
            out[-1] += " " + line
        elif line or (out and out[-1]):
            out.append(line)
        full = len(raw.rstrip()) >= _FULL * right and _prose(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _prose(line: str) -> bool:
    """A line of running text that may wrap: words, no columns, no full stop at its end.

    (A § number in its margin column may stand before it.)
    """
    text = re.sub(r"^\d{1,4}\t", "", line)
    return "\t" not in text and len(text.split()) >= 6 and not re.search(r"[.!?:]$", text)


def _columns(line: str) -> str:
    """Gaps much wider than the line's usual gap as tabs, the others as one space.

    Justified text widens every gap of a line alike; the gap between a label
    and its value, or a § number and its text, is wider than the rest.
    """
    gaps = sorted(len(g) for g in _GAP.findall(line))
    if not gaps:
        return line
    rest = gaps[:-1] or [1]  # the widest gap is the one in question, not the usual one
    usual = rest[(len(rest) - 1) // 2]
    wide = max(3, 2 * usual + 2)
    return _GAP.sub(lambda m: "\t" if len(m[0]) >= wide else " ", line)
