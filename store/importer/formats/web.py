"""A web page (.html) as lines of text, its block structure kept.

`h1`–`h6` become Markdown headings, `p`, `div`, `li` and `br` end lines,
table rows become `| cell | cell |` rows, entities are decoded, and what a
browser does not show as text (`script`, `style`, `head` apart from its
title) is left out. Uses the standard library's html.parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .blocks import Blocks

_HEADING = re.compile(r"^h([1-6])$")
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "hr",
    "ul",
    "ol",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "form",
    "fieldset",
    "body",
}
_HIDDEN = {"script", "style", "template", "noscript", "svg", "math", "object", "iframe"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Blocks()
        self.buffer: list[str] = []
        self.hidden = 0
        self.heading = 0
        self.lists: list[list[int | None]] = []  # per open list: [next number or None]
        self.item: str | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.rows: list[list[str]] = []  # of the table being read
        self.title: list[str] | None = None
        self.titles: list[str] = []
        self.pre = 0

    # --- text ------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.title is not None:
            self.title.append(data)
        elif self.cell is not None:
            self.cell.append(re.sub(r"\s+", " ", data))  # its lines come from <p> and <br>
        else:
            self.buffer.append(data if self.pre else re.sub(r"\s+", " ", data))

    def _flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if not text.strip():
            return
        if self.heading:
            self.out.heading(self.heading, text)
        elif self.item is not None:
            depth = max(0, len(self.lists) - 1)
            self.out.item(self.item, text, depth)
            self.item = ""  # the rest of the item (after a nested list) runs on
        else:
            self.out.paragraph(text)

    # --- tags ------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if self.hidden:
            return
        if tag == "title":
            self.title = []
        elif tag in ("td", "th"):
            self._end_cell()  # a cell left open ends where the next begins
            self._flush()
            self.cell = []
        elif tag == "tr":
            self._end_row()
            self._flush()
            self.row = []
        elif self.cell is not None:
            if tag in ("br", "p", "div", "li"):
                self.cell.append("\n")
        elif tag == "br":
            self.buffer.append("\n")
        elif _HEADING.match(tag):
            self._flush()
            self.heading = int(tag[1])
        elif tag in ("ul", "ol"):
            self._flush()
            start = dict(attrs).get("start") or "1"
            self.lists.append([int(start) if tag == "ol" and start.isdigit() else None])
        elif tag == "li":
            self._flush()
            if self.lists and self.lists[-1][0] is not None:
                self.item = f"{self.lists[-1][0]}."
                self.lists[-1][0] += 1
            else:
                self.item = "-"
        elif tag in _BLOCK:
            self._flush()
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", "img", "meta", "link", "input"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if self.hidden:
            return
        if tag == "title" and self.title is not None:
            self.titles.append(" ".join("".join(self.title).split()))
            self.title = None
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()
            if tag == "table":
                self._end_table()
        elif self.cell is not None:
            return
        elif _HEADING.match(tag):
            self._flush()
            self.heading = 0
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
            self.item = None
        elif tag == "li":
            self._flush()
            self.item = None
        elif tag in _BLOCK:
            self._flush()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def _end_cell(self) -> None:
        if self.cell is not None:
            if self.row is None:
                self.row = []
            self.row.append("".join(self.cell))
            self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def _end_table(self) -> None:
        if self.rows:
            self.out.table(self.rows)
        self.rows = []

    def text(self) -> str:
        self._flush()
        self._end_row()
        self._end_table()
        body = self.out.text()
        # The page's title is kept if the page does not show it anyway.
        shown = " ".join(body.split())
        titles = [t for t in self.titles if t and t not in shown]
        return "\n\n".join([*titles, body]) if titles else body


def html_text(text: str) -> str:
    """The text of an HTML document, one block a line."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.text()
