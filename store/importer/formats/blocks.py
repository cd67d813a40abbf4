"""Text laid out as the importer reads it: lines, and blank lines between paragraphs.

A Word document, a PDF and a web page all come as blocks (paragraphs,
headings, list items, table rows); the importer reads plain lines, where a
blank line ends a paragraph and consecutive lines run on (a list of names
one a line, a paragraph wrapped at 72 columns). A blank line therefore goes
after a heading, around a table, and after a paragraph that ends a sentence;
a short line that does not (a name, a field) runs on into the next, as it
would in a text file typed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*$")
_NUMBER = re.compile(r"^(?:§\s*)?(\d{1,4})(?:\s*§)?\.?$")


def _is_head(row: list[str]) -> bool:
    """The head row of a table of §s (`§§ | Ärenden`): short cells, no number."""
    return len(row) == 2 and all(len(c.split()) <= 3 for c in row)


@dataclass
class Blocks:
    lines: list[str] = field(default_factory=list)
    _kind: str = "blank"  # of the last block: blank, para, heading, item, row

    def _blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self._kind = "blank"

    def _open(self, kind: str) -> None:
        """A blank line before a block that does not run on from the last one."""
        if self._kind in ("item", "row") and kind != self._kind:
            self._blank()
        if kind == "heading":
            self._blank()

    def empty(self) -> None:
        """An empty paragraph: the writer's own blank line."""
        self._blank()

    def paragraph(self, text: str) -> None:
        lines = [t.strip() for t in text.split("\n") if t.strip()]
        if not lines:
            return
        self._open("para")
        self.lines += lines
        self._kind = "para"
        if _SENTENCE_END.search(lines[-1]):
            self._blank()

    def heading(self, level: int, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self._open("heading")
        self.lines.append("#" * max(1, min(level, 6)) + " " + text)
        self._blank()

    def item(self, marker: str, text: str, depth: int = 0) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self._open("item")
        self.lines.append("  " * depth + (f"{marker} {text}" if marker else text))
        self._kind = "item"

    def row(self, cells: list[str]) -> None:
        if not any(c.strip() for c in cells):
            return
        self._open("row")
        self.lines.append("| " + " | ".join(cell_text(c) for c in cells) + " |")
        self._kind = "row"

    def table(self, rows: list[list[str]]) -> None:
        """A table: rows `| a | b |`, or, for a table of §s, each § as a paragraph.

        A table whose rows are a § number and the §'s text (a title, then
        paragraphs) is how many protocols lay out their §s in Word: such a
        row is written `12<TAB>Title` with the text after it, as a text file
        copied out of the table has it. Any other table keeps its rows.
        """
        self._blank()
        rows = [r for r in rows if any(c.strip() for c in r)]
        body = [r for r in rows if len(r) == 2 and _NUMBER.match(r[0].strip())]
        prose = any("\n" in r[1].strip() or len(r[1]) > 100 for r in body)
        if body and prose and all(r in body or _is_head(r) for r in rows):
            for r in rows:
                if r in body:
                    first, *rest = [p for p in r[1].split("\n") if p.strip()] or [""]
                    number = _NUMBER.match(r[0].strip())[1]
                    self.paragraph(f"{number}\t{first.strip()}")
                    for p in rest:
                        self._blank()
                        self.paragraph(p)
                    self._blank()
                else:
                    self.paragraph("\t".join(c.strip() for c in r))
                    self._blank()
        else:
            for r in rows:
                self.row(r)
        self._blank()

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines)


def cell_text(text: str) -> str:
    """A cell's paragraphs on one line: `<br>` between them, as Markdown tables write it."""
    parts = [" ".join(p.split()) for p in text.split("\n")]
    return " <br> ".join(p for p in parts if p).replace("|", "\\|")
