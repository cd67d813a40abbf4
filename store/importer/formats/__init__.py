"""Files as they come: Word, PDF, web pages and text, each turned into text.

The kind of a file is told by its content (its first bytes, the members of
a zip archive), the suffix only where content cannot tell (a web page);
`kind_of` tells it, `refuse` turns away what is not read with one line
saying what to do instead, and `document_text` gives the text of a Word
document or a PDF (or one line saying why it cannot).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ...errors import StoreError
from ..report import Report

# What a file starts with, and its kind.
MAGIC = [
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "doc"),  # the old binary Word format (an OLE container)
    (b"{\\rtf", "rtf"),
]
# Other document packages a secretary may have: named in the refusal.
_PACKAGES = {
    "application/vnd.oasis.opendocument.text": "OpenDocument (.odt)",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument (.ods)",
}
# What reading a damaged or unusual zip archive can raise.
ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)


def kind_of(data: bytes, path: Path) -> str:
    """pdf, docx, doc, rtf, zip (another package), html, or text."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return "docx" if kind == "zip" and _is_docx(data, path) else kind
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head) or path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return "html"
    return "text"


def _is_docx(data: bytes, path: Path) -> bool:
    """A Word package: by its members; a damaged one by its first member names or its name."""
    named = path.suffix.lower() in (".docx", ".docm", ".dotx")
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except ZIP_ERRORS:
        return named or b"word/" in data[:65536]
    return "word/document.xml" in names or (named and "mimetype" not in names)


def refuse(kind: str, data: bytes, path: Path) -> None:
    """Raise the refusal for a kind that is not read, with what to do instead."""
    if kind == "doc":
        raise StoreError("import_old_word", path=path)
    if kind == "rtf":
        raise StoreError("import_rtf", path=path)
    if kind == "zip":
        what = "zip"
        try:
            mimetype = zipfile.ZipFile(io.BytesIO(data)).read("mimetype").decode("ascii", "replace")
            what = _PACKAGES.get(mimetype.strip(), what)
        except (KeyError, *ZIP_ERRORS):
            pass
        raise StoreError("import_other_package", path=path, what=what)


def document_text(kind: str, data: bytes, path: Path, report: Report) -> str:
    """The text of a Word document or a PDF; the report says its lines are converted ones."""
    if kind == "docx":
        from .word import docx_text

        text = docx_text(data, path, report)
        report.warn(None, "docx_lines")
        return text
    from .pdf import pdf_text

    return pdf_text(data, path, report)
