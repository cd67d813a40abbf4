"""A text PDF as lines of text, page by page, in reading order.

pypdf's layout mode keeps each printed line whole: a field's label and its
value printed in two columns (`Datum      2020-03-27`) stay on one line, and
two names signed side by side stay apart. pdfminer.six, tried on the same
files, reads such columns one after the other (all labels, then all
values), and weighs fifteen times as much with its dependencies. A gap of
three spaces or more inside a line becomes a tab; a vertical gap (a blank
line in the layout) stays one blank line; pages are separated by a form
feed. A PDF with no text at all is a scan, and is refused with advice.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from pathlib import Path

from ...errors import StoreError
from ..report import Report

_GAP = re.compile(r"(?<=\S)\s{3,}(?=\S)")


def pdf_text(data: bytes, path: Path, report: Report) -> str:
    """The text of every page; pages apart by a form feed."""
    pages = _pages(data, path)
    if not any(p.strip() for p in pages):
        raise StoreError("pdf_no_text", path=path)
    text = ""
    starts = []
    for page in pages:
        if text:
            text += "\x0c"
        starts.append(text.count("\n") + text.count("\x0c") + 1)
        text += page
    report.warn(None, "pdf_lines", pages=len(pages), starts=", ".join(map(str, starts[1:])) or "–")
    return text


def _pages(data: bytes, path: Path) -> list[str]:
    import pypdf  # imported on first use, as the importer itself is

    # pypdf reports what it repairs through logging and warnings; the import
    # has its own report, and the terminal must not get pypdf's.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
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
            if "decrypt" in detail.lower() or "crypt" in type(exc).__name__.lower():
                raise StoreError("pdf_encrypted", path=path) from None
            raise StoreError("pdf_damaged", path=path, detail=detail) from None


def _page_text(page) -> str:
    try:
        return page.extract_text(extraction_mode="layout")
    except Exception:  # layout mode fails on some fonts; plain mode still has the words
        return page.extract_text() or ""


def _lines(text: str) -> str:
    """Layout text as lines: no margins, wide gaps as tabs, one blank line at most."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _GAP.sub("\t", raw.strip())
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
