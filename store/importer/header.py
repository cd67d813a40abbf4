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

import datetime as dt
import re
from dataclasses import dataclass, field

from ..dates import is_period, parse_date, parse_time_range, parse_when
from ..errors import ValueProblem
from ..model import Attendee, new_id
from ..words import Both
from .entries import parse_entry, split_names
from .names import People, looks_like_name
from .report import Report
from .source import Line

# Attendance headings: the category they give, and whether those listed came.
# None: a list that does not say (plain "Närvarande").
ATTENDANCE: dict[str, tuple[str | None, bool]] = {}
for _words, _value in (
    (
        "beslutande, beslutande deltagare, beslutande ledamöter, närvarande beslutande, "
        "ledamöter, närvarande ledamöter, ordinarie ledamöter, beslutande medlemmar",
        ("beslutande", True),
    ),
    (
        "tjänstgörande ersättare, ersättare, närvarande ersättare, ej tjänstgörande ersättare, "
        "ersättare ej tjänstgörande, övriga ersättare",
        ("ersattare", True),
    ),
    (
        "övriga, övriga deltagare, övriga närvarande, övriga styrelserepresentanter, "
        "tjänstepersoner, tjänstemän, närvarande tjänstepersoner, adjungerade, "
        "dessutom närvarande, gäster, föredragande, övriga deltagande",
        ("ovriga", True),
    ),
    (
        "frånvarande, anmält förhinder, förhinder, ej närvarande, frånvarande ledamöter",
        ("beslutande", False),
    ),
    ("närvarande, deltagare, deltagande, närvarolista", (None, True)),
):
    for _word in _words.split(", "):
        ATTENDANCE[_word] = _value
ATTENDANCE["ersättare, ej tjänstgörande"] = ("ersattare", True)  # as protokoll prints it

FIELDS = {
    "datum": "date",
    "dag": "date",
    "sammanträdesdatum": "date",
    "mötesdatum": "date",
    "tid": "time",
    "klockan": "time",
    "tidpunkt": "time",
    "sammanträdestid": "time",
    "plats": "place",
    "lokal": "place",
    "mötesplats": "place",
    "sammanträdesplats": "place",
    "organ": "organ",
    "omfattning": "range",
    "paragrafer": "range",
    "ordförande": "chair",
    "mötesordförande": "chair",
    "sekreterare": "secretary",
    "protokollförare": "secretary",
    "mötessekreterare": "secretary",
    "justerare": "adjusters",
    "justerande": "adjusters",
    "protokolljusterare": "adjusters",
}
_FUNCTIONS = {"chair", "secretary", "adjusters"}
_LABELLED = re.compile(r"^(?P<label>[^:]{2,40}?)\s*:\s*(?P<value>.*)$")
_TITLE = re.compile(
    r"^(?P<kind>protokoll|minnesanteckningar|minnesanteckning|mötesanteckningar|anteckningar)\b",
    re.I,
)
_TITLE_ORGAN = re.compile(
    r"\b(?:sammanträde|möte|mötet|sammanträdet)\s+med\s+(?P<organ>[^,]+?)"
    r"(?:\s+för\s+|\s*,\s*|\s+i\s+)(?P<org>.+?)"
    r"(?:\s+(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b.*"
    r"|\s+den\s+\d.*|\s+\d{4}-\d{2}-\d{2}.*)?\.?$",
    re.I,
)
_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_TEXT_DATE = re.compile(
    r"(?:(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\s+)?(?:den\s+)?"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
    re.I,
)
_STAFF = re.compile(
    r"förbundschef|sekreterare|tjänste|handläggare|samordnare|kanslichef|controller|ekonom|"
    r"förvaltningschef|verksamhetschef|utvecklingsledare|strateg|projektledare",
    re.I,
)


@dataclass
class Header:
    kind: str = ""  # as the heading says; "" when it does not
    organ: str = ""
    organisation: str = ""
    date: str = ""
    period: str = ""
    heading_date: tuple[str, str, int] | None = None  # (iso, as written, line)
    start: str = ""
    end: str = ""
    place: str = ""
    declared: tuple[str, int] | None = None  # "§§ 1-8", line
    functions: dict[str, list[tuple[str, int]]] = field(
        default_factory=lambda: {"chair": [], "secretary": [], "adjusters": []}
    )
    presence: list[tuple[Attendee, int | None, int | None, int]] = field(default_factory=list)
    undivided: list[Attendee] = field(default_factory=list)  # from a list without categories
    # (ersättare, för, its § range, line)
    replacing: list[tuple[Attendee, str, tuple[int | None, int | None], int]] = field(
        default_factory=list
    )
    intro: list[Line] = field(default_factory=list)


def _label(text: str) -> tuple[str, str, bool] | None:
    """(label, value, had colon) for a line that starts with a known label."""
    m = _LABELLED.match(text)
    if m and (m["label"].casefold() in FIELDS or m["label"].casefold() in ATTENDANCE):
        return m["label"].casefold(), m["value"].strip(), True
    key = text.strip().casefold().rstrip(":")
    if key in FIELDS or key in ATTENDANCE:
        return key, "", False
    first, _, rest = text.strip().replace("\t", " ").partition(" ")
    if first.casefold() in FIELDS and rest and not re.search(r"[.!?]$", rest):
        if len(rest.split()) <= 12:
            return first.casefold(), rest.strip(), False
    return None


def _names(value: str) -> list[str] | None:
    parts = [p.strip() for p in re.split(r",|\boch\b|\bsamt\b", value) if p.strip()]
    return parts if parts and all(looks_like_name(p) for p in parts) else None


class HeaderReader:
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

    def _run(self, j: int, stop_at_label: bool = True) -> list[Line]:
        """The lines from `j` up to a blank line (or a line with a label of its own)."""
        block = []
        while j < len(self.lines) and self.lines[j].text.strip():
            if stop_at_label and _label(self.lines[j].text.strip()):
                break
            block.append(self.lines[j])
            j += 1
        return block

    def _next_block(self) -> list[Line]:
        """The lines after a lone label: blank lines skipped, then up to a blank line."""
        j = self._after_blanks(self.i + 1)
        block = [self.lines[j], *self._run(j + 1)] if j < len(self.lines) else []
        self.i = j + len(block) - 1
        return block

    def _continuation(self) -> list[Line]:
        """The lines that follow `Label: value` up to a blank line or another label."""
        block = self._run(self.i + 1)
        self.i += len(block)
        return block

    def read(self) -> Header:
        while self.i < len(self.lines):
            line = self.lines[self.i]
            text = line.text.strip()
            labelled = _label(text) if text else None
            if labelled and not (line.heading and not labelled[1]):
                self._field(line, *labelled)
            elif text and _TITLE.match(text) and not self.h.organ:
                self._title(line)
            else:
                self.h.intro.append(line)
            self.i += 1
        return self.h

    def _title(self, line: Line) -> None:
        text = line.text.strip()
        kind = _TITLE.match(text)["kind"].casefold()  # type: ignore[index]
        self.h.kind = "protokoll" if kind == "protokoll" else "minnesanteckningar"
        m = _TITLE_ORGAN.search(text)
        if m:
            self.h.organ = m["organ"].strip()[:1].upper() + m["organ"].strip()[1:]
            self.h.organisation = self.h.organisation or m["org"].strip().rstrip(".")
        d = _TEXT_DATE.search(text)
        if d:
            try:
                self.h.heading_date = (parse_date(d[0]).isoformat(), d[0], line.no)
            except ValueProblem:
                pass
        if len(text.split()) > 1:
            self.h.intro.append(line)  # the protocol's own opening sentence
        elif not m:
            self._organ_lines()

    def _organ_lines(self) -> None:
        """`PROTOKOLL` alone, then the organ and the organisation on lines of their own.

        This is how protokoll itself prints a protocol, so that a printed
        protocol can be imported again.
        """
        j = self._after_blanks(self.i + 1)
        block = [x.text.strip() for x in self._run(j, stop_at_label=False)]
        fits = all(len(x.split()) <= 8 and not re.search(r"[.!?:]$", x) for x in block)
        if 1 <= len(block) <= 2 and fits and not any(_label(x) for x in block):
            self.h.organ = block[0]
            self.h.organisation = block[1] if len(block) == 2 else self.h.organisation
            self.i = j + len(block) - 1

    def _field(self, line: Line, label: str, value: str, colon: bool) -> None:
        if label in ATTENDANCE:
            category, present = ATTENDANCE[label]
            # The list goes on to the next blank line.
            block = [Line(line.no, value), *self._continuation()] if value else self._next_block()
            self._attendance(block, label, category, present)
            return
        kind = FIELDS[label]
        if not value:
            block = self._next_block()
            if not block:
                self.h.intro.append(line)
                return
            value = " ".join(x.text.strip() for x in block)
        try:
            self._value(kind, value, line.no)
        except ValueProblem as exc:
            self.report.warn(
                line.no,
                "bad_field",
                text=line.text.strip(),
                problem=Both(exc.params["detail"], exc.detail_en),
            )
            self.h.intro.append(line)

    def _value(self, kind: str, value: str, no: int) -> None:
        h = self.h
        if kind == "date":
            if is_period(value):
                year = re.search(r"\b(19|20)\d{2}\b", value)
                h.period, h.date = value, year[0] if year else ""
                return
            day, start, end = parse_when(value)
            h.date = day.isoformat()
            if start:
                h.start, h.end = start, end or ""
        elif kind == "time":
            h.start, end = parse_time_range(value)
            h.end = end or ""
        elif kind == "place":
            h.place = value
        elif kind == "organ":
            organ, sep, org = value.partition(" för ")
            h.organ, h.organisation = organ.strip(), org.strip() if sep else h.organisation
        elif kind == "range":
            h.declared = (value, no)
        elif kind in _FUNCTIONS:
            names = _names(value)
            if names is None:
                raise ValueProblem.said("what_value", "not_a_name", text=value)
            h.functions[kind] += [(n, no) for n in names]

    def _attendance(
        self, block: list[Line], heading: str, category: str | None, present: bool
    ) -> None:
        # A line that ends in a comma goes on on the next one.
        joined: list[Line] = []
        for line in block:
            if joined and joined[-1].text.rstrip().endswith(","):
                joined[-1] = Line(joined[-1].no, joined[-1].text.rstrip() + " " + line.text.strip())
            else:
                joined.append(line)
        for line in joined:
            names = split_names(line.text)
            texts = names if names else [line.text]
            for text in texts:
                self._person(line, text, heading, category, present)

    def _person(
        self, line: Line, text: str, heading: str, category: str | None, present: bool
    ) -> None:
        entry = parse_entry(text, category)
        if entry is None:
            self.report.warn(line.no, "not_a_person", text=text.strip(), heading=heading)
            self.h.intro.append(Line(line.no, text.strip()))
            return
        role = {"ersattare": "ersattare", "ovriga": "tjansteperson"}.get(category or "", "ledamot")
        if category == "ovriga" and entry.party:
            role = "ledamot"
        a = self.people.add(
            Attendee(
                new_id(),
                entry.name,
                title=entry.title,
                organisation=entry.organisation,
                party=entry.party,
                role=role,
                present=present,
                category=category or "beslutande",
                note=entry.note,
            )
        )
        if category is None:
            self.h.undivided.append(a)
        if entry.replaces:
            self.h.replacing.append((a, entry.replaces, entry.serves, line.no))
        for function in entry.functions:
            key = "adjusters" if function == "adjuster" else function
            self.h.functions[key].append((entry.name, line.no))
        if entry.since is not None or entry.until is not None:
            self.h.presence.append((a, entry.since, entry.until, line.no))


def read_header(lines: list[Line], people: People, report: Report) -> Header:
    return HeaderReader(lines, people, report).read()


def is_staff(title: str) -> bool:
    return bool(_STAFF.search(title))


def date_in(text: str) -> dt.date | None:
    """A date written in a file name: kalmar-au-2020-05-29.txt."""
    m = re.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", text)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
