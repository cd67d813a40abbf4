"""What a protocol says before its first §: heading, fields and attendance.

    Protokoll fört vid sammanträde med arbetsutskottet för … den 29 maj 2020.
    Datum: 200529                     Dag **Fredag 27 mars 2020, klockan 09.30 – 11.30**
    Tid 13.00 – 14.00                 Plats: Teams
    Beslutande deltagare: Jonas Erlandsson, ordf.
    Madeleine Rosenqvist …
    Sekreterare: Charlotta Skålen     Omfattning §§ 1-8

A field may have its label with or without a colon, and its value on the
same line or the next. Lines that are none of these are kept, as the text
that stood before the first §.
"""

from __future__ import annotations

import re

from ..errors import ValueProblem
from .entries import parse_entry
from .header_dates import dated
from .header_fields import ATTENDANCE, FIELDS, FUNCTIONS, OWN_WORD, label_of
from .header_model import Header
from .header_tables import TableReading, column_headings, is_row
from .header_title import MEETING_OF, TITLE, TitleReading
from .header_values import LOCAL_ZONE, TIMED, set_value, value_and_rest
from .names import People
from .report import Report
from .signatures import says_adjusted
from .source import Line


class HeaderReader(TitleReading, TableReading):
    """Reads the lines before the first §: the title, the fields and the
    attendance (the parts of it in header_title, header_tables, header_people)."""

    def read(self) -> Header:
        while self.i < len(self.lines):
            line = self.lines[self.i]
            text = line.text.strip()
            labelled = label_of(text) if text else None
            if is_row(text) and self._table():
                continue
            if column_headings(line.text):
                self._columns(line)
                self.i += 1
                continue
            lone_heading = line.heading and not labelled[1] if labelled else False
            if labelled and not (lone_heading and labelled[0] not in ATTENDANCE):
                self._field(line, *labelled)
            elif text and TITLE.match(text) and not self.h.organ and not self.h.kind:
                self._title(line)
            elif text and (m := MEETING_OF.match(text)) and not self.h.organ:
                self._meeting_of(line, m)
            elif says_adjusted(text):
                self.h.said_adjusted = True
                self.h.intro.append(line)
            else:
                self.h.intro.append(line)
                dated(self.h, line)
            self.i += 1
        return self.h

    def _field(self, line: Line, label: str, value: str, colon: bool) -> None:
        if label in ATTENDANCE:
            category, present = ATTENDANCE[label]
            # The list goes on to the next blank line, and past it while
            # every line after it still names a person (`Övriga deltagande`
            # with one person a paragraph).
            # `Sekreterare Cia Dahl` in the list is a person and her title,
            # not the field: it had ended the list, and the next ones became text.
            if value:
                block = [Line(line.no, value), *self._continuation(people=True)]
            else:
                block = self._next_block(people=True)
            if block and not value and column_headings(block[0].text):
                # `Beslutande` over `Ledamöter<TAB>Tjänstgörande ersättare`: the columns say.
                self.h.consumed.append((line.no, line.text))
                self._columns(block[0], block[1:])
                return
            if block and not value and is_row(block[0].text.strip()):
                # `Närvarande revisorer:` over a table of them (Namn | Parti | Uppdrag).
                self.h.consumed.append((line.no, line.text))
                self._people_table(block, label, category, present, (line.no, line.text))
                return
            block += self._more_people()
            head = line.text[: len(line.text) - len(value)] if value else line.text
            self.h.consumed.append((line.no, head))
            self._attendance(block, label, category, present, (line.no, head))
            return
        kind = FIELDS[label]
        if kind == "kept":
            self.h.intro.append(line)  # said for the record; nothing to compute from it
            return
        taken = [line]
        if value:
            # The value's wrapped lines stand under its first, as the text
            # protocol prints them (`Plats:      Solhem … Lokal,` / `Avsikten)`).
            more = self._under(len(line.text.rstrip()) - len(value))
            taken += more
            value = " ".join([value, *(x.text.strip() for x in more)])
        else:
            block = self._next_block()
            if not block:
                self.h.intro.append(line)
                return
            taken += block
            value = " ".join(x.text.strip() for x in block)
        value, rest = value_and_rest(kind, value)
        if kind in TIMED:
            value, rest = self._time_zone(line, taken, value, rest)
        try:
            set_value(self.h, kind, value, line.no)
            if kind in FUNCTIONS and label in OWN_WORD:
                for name, at in self.h.functions[kind]:
                    if at == line.no:
                        self.h.said_as.setdefault(name, label)
            for x in taken:
                text = x.text
                if rest and x is taken[-1] and text.rstrip().endswith(rest):
                    text = text.rstrip()[: -len(rest)]
                self.h.consumed.append((x.no, text))
            if rest:
                self.h.intro.append(Line(taken[-1].no, rest))
        except ValueProblem as exc:
            problem = exc.why
            self.report.warn(line.no, "bad_field", text=line.text.strip(), problem=problem)
            self.h.intro.append(line)
            if kind in ("date", "place_time") and self.h.bad_date is None:
                self.h.bad_date = (line.no, line.text.strip(), problem)

    def _time_zone(self, line: Line, taken: list[Line], value: str, rest: str) -> tuple[str, str]:
        """`Time: 18:00 CET`, `kl. 18.00 (svensk tid)`, or `CET` alone on the
        line after the time: Swedish time, which every time of the protocol
        is, said and left out (it had been printed as a line of text of its
        own). The value and what is left after it."""
        last = re.search(rf"\s+({LOCAL_ZONE.pattern})$", value, re.I)
        if last:
            self.report.warn(line.no, "time_zone", zone=last[1])
            return value[: last.start()], rest
        nxt = self.lines[self.i + 1] if self.i + 1 < len(self.lines) else None
        if not rest and nxt is not None and LOCAL_ZONE.fullmatch(nxt.text.strip()):
            taken.append(nxt)
            self.i += 1
            rest, line = nxt.text.strip(), nxt
        zone = LOCAL_ZONE.match(rest)
        if not zone:
            return value, rest
        self.report.warn(line.no, "time_zone", zone=zone[0])
        return value, rest[zone.end() :].lstrip(" .,;")


def read_header(lines: list[Line], people: People, report: Report) -> Header:
    return HeaderReader(lines, people, report).read()


def attendance_in_body(
    lines: list[Line], people: People, report: Report
) -> tuple[list[Line], Header]:
    """Attendance lists inside a § or point (`3. Justering av röstlängd`), read.

    `Närvarande med rösträtt:` and the names under it become people; their
    lines are blanked in what is returned, so the item keeps the rest of its
    text. The Header returned holds what was found (functions, consumption).
    """
    reader = HeaderReader(lines, people, report)
    out = list(lines)
    i = 0
    while i < len(lines):
        text = lines[i].text.strip()
        labelled = label_of(text) if text.endswith(":") or text.casefold() in ATTENDANCE else None
        if not labelled or labelled[0] not in ATTENDANCE or labelled[1]:
            i += 1
            continue
        block: list[int] = []
        j = i + 1
        while j < len(lines):
            t = lines[j].text.strip()
            if t and (label_of(t) or not parse_entry(t, None)):
                break
            if t:
                block.append(j)
            j += 1
        if not block:
            i += 1
            continue
        category, present = ATTENDANCE[labelled[0]]
        reader.h.consumed.append((lines[i].no, lines[i].text))
        at = (lines[i].no, lines[i].text)
        reader._attendance([lines[k] for k in block], labelled[0], category, present, at)
        for k in [i, *block]:
            out[k] = Line(lines[k].no, "")
        i = block[-1] + 1
    return out, reader.h
