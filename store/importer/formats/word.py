"""A Word document (.docx) as lines of text, in the order Word shows them.

Headings (Word's `Rubrik 1`/`Heading 1` styles and `Rubrik`/`Title`) become
Markdown `#` headings; list paragraphs become list items, with the number
Word computes for them (which is not in the text: the import says so);
tables become rows `| cell | cell |`, one row a line; text boxes and content
controls are read where they stand. The headers and footers often carry the
organisation, the kind of protocol and the date: header text is put first,
once, and the import says so. Footer text is the page's (signature boxes,
page numbers) and is left out, the report quoting it.

The package is unpacked only if what it unpacks to stays within the size
limit: a "zip bomb" of a few KB can unpack to gigabytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ...errors import StoreError
from ...intake import Limits
from ...words import Both
from ..report import Report
from . import ZIP_ERRORS
from .blocks import Blocks
from .numbers import Numbering

_HEADING = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.I)
_TITLE = re.compile(r"^(?:title|rubrik|subtitle|underrubrik)$", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MEMBERS = 10_000  # a .docx has tens of members; more is not a Word document


def check_package(data: bytes, path: Path, limit: int = Limits().size) -> zipfile.ZipFile:
    """The zip archive, refused if it is damaged or unpacks beyond `limit` bytes.

    Python's zipfile stops a member at its declared size, so the declared
    sizes bound what unpacking can produce.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except ZIP_ERRORS as exc:
        raise StoreError("docx_damaged", path=path, detail=_detail(exc)) from None
    unpacked = sum(m.file_size for m in members)
    if len(members) > _MEMBERS or unpacked > limit:
        raise StoreError("docx_too_large", path=path, size=_mb(unpacked), limit=_mb(limit))
    return archive


def docx_text(data: bytes, path: Path, report: Report) -> str:
    """The document's text, laid out as `Blocks` lays it out."""
    import docx  # python-docx: imported on first use, as the importer itself is

    check_package(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
        return _Writer(document, report).text()
    except StoreError:
        raise
    except Exception as exc:  # a damaged package can fail anywhere in python-docx or lxml
        raise StoreError("docx_damaged", path=path, detail=_detail(exc)) from None


class _Writer:
    def __init__(self, document, report: Report) -> None:
        self.document = document
        self.report = report
        self.numbering = Numbering(document)
        self.out = Blocks()
        self._styles: dict[str | None, object] = {}

    def text(self) -> str:
        header = self._parts("header")
        if header:
            for line in header:
                self.out.paragraph(line)
            self.out.empty()
            self.report.warn(1, "docx_header")
        self._content(self.document.element.body)
        # The footer is the page's, repeated on each: put last in the text it
        # was read as the signatures' ("Jacob Sandgren, Justerandes sign: ____
        # Sida 1" as his title and signature: a trial). Left out, and said.
        footer = [line for line in self._parts("footer") if line.strip()]
        if footer:
            said = " | ".join(" ".join(line.split()) for line in footer)
            self.report.warn(None, "docx_footer", lines=said)
        if self.numbering.computed:
            first = self.numbering.first_line or 1
            self.report.warn(first, "docx_numbering", count=self.numbering.computed)
        return self.out.text()

    def _parts(self, which: str) -> list[str]:
        """The text of every header (or footer) of every section, each text once."""
        seen: list[str] = []
        for section in self.document.sections:
            for kind in ("first_page_", "", "even_page_"):
                part = getattr(section, f"{kind}{which}")
                if part.is_linked_to_previous:
                    continue
                for t in self._lines_of(part):
                    if t and t not in seen:
                        seen.append(t)
        return seen

    def _lines_of(self, part) -> list[str]:
        """A header's lines: its paragraphs, and its tables a row a line, cells apart by tabs.

        (A municipal template keeps organ, date and page in a table in the header.)
        """
        from docx.table import Table

        lines = []
        for block in part.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells = [self._cell_text(c).replace("\n", " ") for c in _unique(row.cells)]
                    lines.append("\t".join(c.strip() for c in cells if c.strip()))
            else:
                lines.append(block.text.strip())
        return lines

    def _content(self, element) -> None:
        """Paragraphs and tables under `element`, in document order."""
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in element.iterchildren():
            if child.tag == f"{_W}p":
                self._paragraph(Paragraph(child, self.document.part))
            elif child.tag == f"{_W}tbl":
                self._table(Table(child, self.document.part))
            elif child.tag == f"{_W}sdt":  # a content control: its content stands here
                for content in child.iterchildren(f"{_W}sdtContent"):
                    self._content(content)

    def _paragraph(self, p) -> None:
        text = p.text
        style = self._style(p)
        name = (style.name or "") if style is not None else ""
        level = _HEADING.match(name)
        computed = self.numbering.computed
        marker, depth = self.numbering.marker(p, style)
        if level or (_TITLE.match(name) and text.strip()):
            self.out.heading(int(level[1]) if level else 1, text)
        elif marker is not None:
            self.out.item(marker, text, depth)
        elif text.strip():
            self.out.paragraph(text)
        else:
            self.out.empty()
        if self.numbering.computed > computed and self.numbering.first_line is None:
            self.numbering.first_line = len(self.out.lines)
        for box in self._text_boxes(p):
            self._content(box)

    def _style(self, p):
        """The paragraph's style, looked up once per style: python-docx searches every time."""
        style_id = p._p.style  # None: the default paragraph style
        if style_id not in self._styles:
            self._styles[style_id] = p.style
        return self._styles[style_id]

    @staticmethod
    def _text_boxes(p) -> list:
        """Text boxes anchored in the paragraph (once: Word stores a fallback copy)."""
        boxes = []
        for box in p._p.iter(f"{_W}txbxContent"):
            if not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
                boxes.append(box)
        return boxes

    def _table(self, table) -> None:
        from docx.table import _Cell

        rows = []
        for tr in table._tbl.tr_lst:
            cells = []
            for tc in tr.tc_lst:
                # A cell merged with the one above it repeats nothing: its text is there.
                merged = tc.vMerge not in (None, "restart")
                cells.append("" if merged else self._cell_text(_Cell(tc, table)))
            rows.append(cells)
        self.out.table(rows)

    def _cell_text(self, cell) -> str:
        parts = [p.text for p in cell.paragraphs]
        for inner in cell.tables:  # a table in a cell: its rows, in the cell
            for row in inner.rows:
                parts.append(" ".join(self._cell_text(c) for c in _unique(row.cells)))
        return "\n".join(parts)


def _unique(cells: list) -> list:
    out = []
    for c in cells:
        if not out or c._tc is not out[-1]._tc:
            out.append(c)
    return out


def _detail(exc: BaseException) -> Both:
    """What is wrong, in both languages: the library's own words are English
    ("File is not a zip file" had stood inside a Swedish line, a trial)."""
    if isinstance(exc, zipfile.BadZipFile):
        return Both.said("messages.docx_not_a_package")
    return Both.said("messages.docx_contents")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
