"""How the reader of a protocol's head walks its lines: the reader's state,
and the runs of lines a label's value or a list takes."""

from __future__ import annotations

from .entries import parse_entry
from .header_fields import label_of, titled_person
from .header_model import Header
from .names import People
from .report import Report
from .source import Line


def indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


class LineRuns:
    """The lines, where the reader is in them, and what it found so far."""

    def __init__(self, lines: list[Line], people: People, report: Report) -> None:
        self.lines = lines
        self.people = people
        self.report = report
        self.h = Header()
        self.i = 0

    def _after_blanks(self, j: int) -> int:
        while j < len(self.lines) and not self.lines[j].text.strip():
            j += 1
        return j

    def _run(self, j: int, stop_at_label: bool = True, people: bool = False) -> list[Line]:
        """The lines from `j` up to a blank line (or a line with a label of its
        own; in a list of `people`, not a function's title before a name)."""
        block = []
        while j < len(self.lines) and self.lines[j].text.strip():
            text = self.lines[j].text.strip()
            if stop_at_label and label_of(text) and not (people and titled_person(text)):
                break
            block.append(self.lines[j])
            j += 1
        return block

    def _next_block(self, people: bool = False) -> list[Line]:
        """The lines after a lone label: blank lines skipped, then up to a blank line."""
        j = self._after_blanks(self.i + 1)
        block = [self.lines[j], *self._run(j + 1, people=people)] if j < len(self.lines) else []
        self.i = j + len(block) - 1
        return block

    def _continuation(self, people: bool = False) -> list[Line]:
        """The lines that follow `Label: value` up to a blank line or another label."""
        block = self._run(self.i + 1, people=people)
        self.i += len(block)
        return block

    def _under(self, column: int) -> list[Line]:
        """The lines after this one that start exactly at `column` (> 0)."""
        out: list[Line] = []
        j = self.i + 1
        while j < len(self.lines) and column > 0 and indent(self.lines[j].text) == column:
            if not self.lines[j].text.strip() or label_of(self.lines[j].text.strip()):
                break
            out.append(self.lines[j])
            j += 1
        self.i = j - 1
        return out

    def _more_people(self) -> list[Line]:
        out: list[Line] = []
        while True:
            j = self._after_blanks(self.i + 1)
            block = self._run(j) if j < len(self.lines) else []
            if not block or not all(parse_entry(x.text, None) and "," in x.text for x in block):
                return out
            out += block
            self.i = j + len(block) - 1
