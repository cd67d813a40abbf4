"""A protocol file as plain lines: its encoding, and the markup it may carry.

Protocols come as Word documents, PDFs and web pages (turned into text by
store.importer.formats), or as text in UTF-8, UTF-16 or an old code page,
with Markdown emphasis, links, and HTML table rows in them.
This turns bytes into plain lines that each remember their line number in
the file, so that every warning can point at the source.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from ..intake import Limits
from ..safe_text import MARK, clean
from ..words import Both
from . import exported_md, exported_text
from .formats import MAGIC, document_text, kind_of, refuse
from .formats.encoding import guess as guess_encoding
from .formats.web import html_text
from .report import Report

# What a file starts with, and its kind: store.importer.formats reads them.
_MAGIC = MAGIC

@dataclass(frozen=True)
class Line:
    no: int  # 1-based, in the file
    text: str
    heading: int = 0  # the level of a Markdown heading (`## Ekonomi`: 2), or 0


def decode(data: bytes, path: Path, report: Report) -> str:
    """The text of a file: a Word document, a PDF, a web page or text in any usual encoding.

    The text is in Unicode's composed form (NFC): "Närvarande" typed on a Mac
    or copied from a PDF may come with "a" and a combining diaeresis, and must
    read as the same word.
    """
    kind = kind_of(data, path)
    refuse(kind, data, path)
    if kind in ("docx", "pdf"):
        text = document_text(kind, data, path, report)
    else:
        text = _text(data, path, report)
        if kind == "html":
            text = html_text(text)
    # A form feed (a page break from a word processor) is a line break here.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = text.replace("\u00a0", " ")
    # Escape sequences, controls, bidi overrides and invisible characters would
    # act on a terminal the protocol is shown in, or hide what it says: each
    # is stored as a visible mark, and counted.
    marks = text.count(MARK)
    before = text
    text = clean(text)
    controls = text.count(MARK) - marks
    if controls > max(8, len(text) // 100):
        detail = Both.said("messages.not_text_controls", n=controls)
        if kind in ("docx", "pdf"):  # its text came out garbled: the file is damaged
            raise StoreError(f"{kind}_damaged", path=path, detail=detail)
        raise StoreError("not_text", path=path, detail=detail)
    if controls:
        report.warn(_first_marked(before, text), "controls", count=controls)
    text = unicodedata.normalize("NFC", text)
    if kind in ("docx", "pdf"):  # a text file's lines were checked as it was read (intake)
        longest = max((len(line) for line in text.split("\n")), default=0)
        if longest > Limits().line:
            raise StoreError("import_line_too_long", path=path, limit=Limits().line)
    if not text.strip():
        raise StoreError("empty_file", path=path)
    return text


def _first_marked(before: str, after: str) -> int | None:
    """The first line where `clean` put a mark: where the warning points."""
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        return None  # a line break was among what went: the lines do not pair
    pairs = enumerate(zip(old, new, strict=True), start=1)
    return next((no for no, (a, b) in pairs if b.count(MARK) > a.count(MARK)), None)


def _text(data: bytes, path: Path, report: Report) -> str:
    """Bytes of text: UTF-8, UTF-16 with its BOM, or the likeliest Swedish code page."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            detail = Both.said("messages.not_text_utf16")
            raise StoreError("not_text", path=path, detail=detail) from None
    if b"\x00" in data:
        raise StoreError("not_text", path=path, detail=Both.said("messages.not_text_binary"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, encoding = guess_encoding(data)
        report.warn(None, "encoding", encoding=encoding)
        return text


# --- markup ------------------------------------------------------------------

_TABLE_ROW = re.compile(r"^\s*(\d{1,3})\s*\t\s*(\S.*)$")
_TABLE_HEAD = re.compile(r"^§§?\s*\t?\s*(ärende|ärenden|rubrik|ärenderubrik)\s*$", re.I)
_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p[^>]*>|<br\s*/?>|</?p[^>]*>", re.I)
# The tags of HTML a text carries (a Word or web copy): taken away. Anything
# else in angle brackets is words (`<se bilaga 2>`, `<anna@exempel.se>`), kept.
_TAG_NAMES = (
    "a|abbr|b|big|blockquote|body|br|caption|center|code|col|colgroup|dd|del|div|dl|dt|em|"
    "font|h[1-6]|head|hr|html|i|img|ins|li|mark|meta|ol|p|pre|s|small|span|strike|strong|"
    "sub|sup|table|tbody|td|tfoot|th|thead|title|tr|tt|u|ul"
)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?=[\s/>])[^<>]*>", re.I)
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]*)\)")
# Emphasis opens before, and closes after, a character that is no blank and
# no mark (CommonMark's flanking rule): a line of underscores is a line, drawn.
_EMPHASIS = re.compile(r"\*\*(?=[^*\s])(.+?)(?<=[^*\s])\*\*|__(?=[^_\s])(.+?)(?<=[^_\s])__")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_SENTENCE_END = re.compile(r"[.!?:]$")


def _link(m: re.Match) -> str:
    target = m[2].strip()
    return m[1] if target in ("", "#") else f"{m[1]} ({target})"


def plain(text: str) -> str:
    """One line without its Markdown or HTML markup; the words are kept."""
    text = _MD_HEADING.sub("", text)
    text = _EMPHASIS.sub(lambda m: m[1] or m[2], text)
    text = _LINK.sub(_link, text)
    text = _TAG.sub("", text)
    return html.unescape(text).rstrip()


def _html_paragraphs(text: str) -> list[str]:
    parts = [plain(p).strip() for p in _PARAGRAPH_BREAK.split(text)]
    return [p for p in parts if p]


def split_title(first: str) -> tuple[str, str]:
    """A title run into its text ("Val av justerare Tomas Johansson utses …").

    The title ends before the first capitalised word that follows a word in
    lower case, within the first twelve words. Returns (title, rest).
    """
    words = first.split()
    for i in range(2, min(len(words), 13)):
        if words[i][0].isupper() and not words[i - 1][0].isupper():
            if words[i - 1].casefold() in _BINDING:
                continue  # `vägar i Högsby kommun`: a name inside the title
            return " ".join(words[:i]).rstrip("."), " ".join(words[i:])
    return "", first


# Words after which a capitalised word goes on with the title rather than begin the text.
_BINDING = {
    "i", "för", "av", "på", "till", "med", "om", "från", "vid", "och", "hos", "mot", "inom",
    "enligt", "under", "över", "samt", "kring", "inför",
}  # fmt: skip


def _table_row(no: int, number: str, cells: str, report: Report) -> list[Line]:
    """`8<TAB><p>Title</p> <p>Text</p>`: a § of a protocol kept as a table."""
    paragraphs = _html_paragraphs(cells) or [""]
    first, rest = paragraphs[0], paragraphs[1:]
    if not _SENTENCE_END.search(first) and len(first.split()) <= 14:
        title = first
    else:
        title, remainder = split_title(first)
        rest = [remainder, *rest]
        report.warn(no, "title_split", number=number, title=title)
    out = [Line(no, f"§ {number} {title}".rstrip())]
    for p in rest:
        out += [Line(no, ""), Line(no, p)]
    return out


def lines_of(text: str, report: Report) -> list[Line]:
    """The file's lines, markup taken away, each with its own line number."""
    if exported_md.is_exported(text):
        # protokoll's own Markdown: its markup is known, and read as exactly that.
        return [Line(no, t, level) for no, t, level in exported_md.lines(text)]
    if exported_text.is_exported(text):
        # protokoll's own text: no markup in it, every character the secretary's.
        return [Line(no, t.rstrip()) for no, t in enumerate(text.split("\n"), start=1)]
    out: list[Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        if _TABLE_HEAD.match(raw.strip()):
            continue  # the head of a table of §s: its rows say what it said
        row = _TABLE_ROW.match(raw)
        if row:
            out += _table_row(no, row[1], row[2], report)
            continue
        if _PARAGRAPH_BREAK.search(raw):
            for i, p in enumerate(_html_paragraphs(raw)):
                out += [Line(no, "")] * bool(i) + [Line(no, p)]
            continue
        level = _MD_HEADING.match(raw)
        out.append(Line(no, plain(raw), heading=level[0].count("#") if level else 0))
    return out
