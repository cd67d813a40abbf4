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
from ..roster import is_organisation
from ..words import Both, say
from .bodies import GENERIC_BOARDS, may_be_body, names_body
from .entries import FUNCTION_WORDS, parse_entry, split_names
from .names import People, looks_like_name
from .report import Report
from .signatures import says_adjusted
from .source import Line

# Attendance headings: the category they give, and whether those listed came.
# None: a list that does not say (plain "Närvarande").
ATTENDANCE: dict[str, tuple[str | None, bool]] = {}
for _words, _value in (
    (
        "beslutande, beslutande deltagare, beslutande ledamöter, närvarande beslutande, "
        "ledamöter, närvarande ledamöter, ordinarie ledamöter, beslutande medlemmar, "
        "närvarande med rösträtt, röstberättigade, röstberättigade medlemmar, "
        "närvarande ledamöter med rösträtt, ledamöter med rösträtt",
        ("beslutande", True),
    ),
    (
        "tjänstgörande ersättare, ersättare, närvarande ersättare, ej tjänstgörande ersättare, "
        "ersättare ej tjänstgörande, övriga ersättare, "
        # A förening's ersättare: `Närvarande suppleant: Petra Lind`.
        "suppleant, suppleanter, närvarande suppleant, närvarande suppleanter",
        ("ersattare", True),
    ),
    (
        "övriga, övriga deltagare, övriga närvarande, övriga styrelserepresentanter, "
        "tjänstepersoner, tjänstemän, närvarande tjänstepersoner, adjungerade, adjungerad, "
        "dessutom närvarande, gäster, föredragande, övriga deltagande, övriga deltagare, "
        "närvarande utan rösträtt, utan rösträtt",
        ("ovriga", True),
    ),
    (
        "frånvarande, anmält förhinder, förhinder, ej närvarande, frånvarande ledamöter",
        ("beslutande", False),
    ),
    ("närvarande, deltagare, deltagande, närvarolista, närvarande revisorer", (None, True)),
    # English: `Present:` says who came, not who decided; `Absent:`.
    ("present, attendees, in attendance", (None, True)),
    ("absent, apologies", ("beslutande", False)),
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
    "utses att justera": "adjusters",
    "justeringspersoner": "adjusters",
    "justeringsperson": "adjusters",
    "plats och tid": "place_time",
    "tid och plats för justering": "kept",
    "plats och tid för justering": "kept",
    # An e-mail's head, a protocol sent as one: when it was sent is no meeting date.
    "skickat": "kept",
    "sent": "kept",
    "ämne": "kept",
    "subject": "kept",
    # When and where it is to be adjusted: said for the record, no meeting date.
    "justeringens plats och tid": "kept",
    "justeringens tid och plats": "kept",
    "justeringsdatum": "kept",
    "justeringsdag": "kept",
    "tid och plats": "place_time",
    "nämnd/styrelse": "organ",
    "organ och §§": "organ_range",
    "organ och paragrafer": "organ_range",
    "nämnd": "organ",
    "datum för anslags uppsättande": "posted",
    "anslaget uppsatt": "posted",
    "datum då anslaget sätts upp": "posted",
    "datum då anslaget sattes upp": "posted",
    "datum då anslaget tas ned": "kept",
    "datum för anslags nedtagande": "kept",
    "förvaringsplats för protokollet": "archive",
    "förvaringsplats": "archive",
    # An English protocol of a Swedish company's board (`Date: 14 March 2019`).
    "date": "date",
    "time": "time",
    "place": "place",
    "venue": "place",
    "chair": "chair",
    "chairman": "chair",
    "chairperson": "chair",
    "secretary": "secretary",
    "minutes taken by": "secretary",
    "adjusters": "adjusters",
}
# Fields whose value is a date or a time: without a colon, only a value with
# a digit in it (or a period) makes the line a field; "Dag Bergentoft" is a name.
_DATED = {"date", "time", "place_time", "posted"}
_FUNCTIONS = {"chair", "secretary", "adjusters"}
# A function's field in the source's own word for it, which the protocol's
# label (`Ordförande:`) does not print: kept as the person's title.
_OWN_WORD = {"mötesordförande", "mötessekreterare", "protokollförare", "protokolljusterare",
             "justeringsperson"}  # fmt: skip
_LABELLED = re.compile(r"^(?P<label>[^:]{2,40}?)\s*:\s*(?P<value>.*)$")
# The marks protokoll prints under the title of a protocol not yet final.
STATUS_NOTES = {
    say(f"protocol.{key}", lang) for key in ("draft", "not_adjusted") for lang in ("sv", "en")
}

_TITLE = re.compile(
    r"^(?P<kind>protokoll|mötesprotokoll|årsmötesprotokoll|stämmoprotokoll|styrelseprotokoll|"
    r"sammanträdesprotokoll|"
    r"minnesanteckningar|minnesanteckning|mötesanteckningar|anteckningar)\b",
    re.I,
)
# `Årsmöte för Ung Pirat Södertälje, Björklundsgatan 4`: an organ that is a
# meeting of the members, the association, and (after a comma) where.
_MEETING_OF = re.compile(
    r"^(?P<organ>(?:extra\s+|ordinarie\s+)?(?:årsmöte|årsmötet|föreningsstämma|föreningsstämman|"
    r"stämma|stämman|medlemsmöte|medlemsmötet|styrelsemöte|styrelsesammanträde))\s+"
    r"(?:för|i|med)\s+(?P<org>[^,]+?)(?:\s*,\s*(?P<place>[^,]+))?\.?$",
    re.I,
)
# `18 05 02`: a date as some write it, year first, two digits each.
_SHORT_DATE = re.compile(r"(?<!\d)(\d{2}) (\d{2}) (\d{2})(?!\d)")
_CLOCK = re.compile(
    r"\bkl(?:ockan)?\.?\s*(\d{1,2}(?:[.:]\d{2})?\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)", re.I
)
_WHEN_AFTER = (
    r"(?:\s+(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b.*"
    r"|\s+den\s+\d.*|\s+\d{4}-\d{2}-\d{2}.*)?\.?$"
)
# `kl. 10.00` or `kl. 18.30–20.45`: a time, or two.
_CLOCK_ANY = re.compile(
    r"\bkl(?:ockan)?\.?\s*(\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?)", re.I
)
_TITLE_ORGAN = re.compile(
    r"\b(?:sammanträde|möte|mötet|sammanträdet)\s+med\s+(?P<organ>[^,]+?)"
    r"(?:\s+för\s+|\s*,\s*|\s+i\s+)(?P<org>.+?)" + _WHEN_AFTER,
    re.I,
)
# `Protokoll fört vid sammanträde med Kommunstyrelsen`: the organ, no organisation.
_TITLE_ORGAN_ALONE = re.compile(
    r"\b(?:sammanträde|sammanträdet)\s+med\s+(?P<organ>[A-ZÅÄÖ][^,]*?)" + _WHEN_AFTER
)
# `PROTOKOLL fört vid styrelsemöte i Brf Linden`, `… vid årsmöte för IK Stjärnan`:
# the kind of meeting names the organ, what follows the association.
_HELD_AT = re.compile(r"\b(?:fört\s+vid|från|(?<=^protokoll\s)vid)\s+(?P<rest>.+)$", re.I)
# `styrelsemöte den 3 mars 2024`: the board's meeting, and its day after it.
_BOARD_DAY = re.compile(r"^(?P<kind>\w+)(?:\s+(?:den\s+)?\d.*)?$")
# `Protokoll – Regionstyrelsen, Region Västerlanda`
_TITLE_DASH = re.compile(r"^\S+\s+[–-]\s+(?P<organ>[^,]+?)\s*,\s*(?P<org>[^,]+?)\.?$")
# `KÅRFULLMÄKTIGES SAMMANTRÄDE`, `nämndens sammanträde`: the organ's genitive.
_PROTOCOL_OF_DAY = re.compile(r"\bprotokoll\s+(?:från|fört\s+vid|över)\b.{0,80}", re.I)
_ORGANS_MEETING = re.compile(r"^(?P<organ>[\wåäöÅÄÖ-]{4,}s)\s+(?:sammanträde|möte)\b", re.I)
# A board's meeting by its name: the organ is the board.
_BOARD_MEETING = {"styrelsemöte": "Styrelsen", "styrelsesammanträde": "Styrelsen"}
# A line that names an organ (`Kultur- och fritidsnämnden`), and one that names a body.
_ORGAN_WORD = re.compile(
    r"(nämnden|nämnd|styrelsen|styrelse|utskottet|utskott|fullmäktige|direktionen|rådet"
    r"|beredningen|beredningsgruppen|medlemsrådet)$",
    re.I,
)
_KIND_FIRST = re.compile(
    r"^(?:protokoll|styrelsemöte|styrelsesammanträde|årsmöte|medlemsmöte)\b\s*[,:–-]?\s*", re.I
)


def _as_name(words: str) -> str:
    """`HALLSBERGS KOMMUN` as `Hallsbergs kommun`; other spellings as written."""
    if not words.isupper():
        return words
    named = words.title()
    first, _, rest = named.partition(" ")
    rest = re.sub(
        r"\b(Kommun|Region|Län|Landsting|Pastorat|Församling|Och|För|I|Av)\b",
        lambda m: m[0].lower(),
        rest,
    )
    return f"{first} {rest}".strip()


_SENTENCE_END = re.compile(r"[.!?]$")
_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
_WEEKDAY_EN = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
_TEXT_DATE = re.compile(
    r"(?:(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\s+)?(?:den\s+)?"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|\b\d{1,2}/\d{1,2}\s+\d{4}\b"  # `Protokoll 3/3 2024`: day/month and the year
    # An English protocol's heading: `14 March 2019`, `Thursday, 14th March
    # 2019`, `March 14, 2019` (a board's minutes had been refused for no date).
    rf"|\b{_WEEKDAY_EN}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS_EN})\s+\d{{4}}\b"
    rf"|\b{_WEEKDAY_EN}(?:{_MONTHS_EN})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    re.I,
)
# Sweden's time zone after a time (`18:00 CET`): what every time here is.
_LOCAL_ZONE = re.compile(r"\(?(?:(?-i:CET|CEST)|svensk tid|swedish time)\)?(?=[\s.,;]|$)", re.I)
_TIMED = {"time", "date", "place_time"}
# `14th March`: the day's number, as the date reader takes it.
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)
# A mötessekreterare is elected by the meeting, not employed: no staff.
_STAFF = re.compile(
    r"förbundschef|(?<!mötes)sekreterare|tjänste|handläggare|samordnare|kanslichef|controller|ekonom|"
    r"förvaltningschef|verksamhetschef|utvecklingsledare|strateg|projektledare",
    re.I,
)


@dataclass
class Undivided:
    """A list of people present under a heading that gives no category."""

    line: int
    heading: str  # as written: `Närvarande`
    people: list[Attendee] = field(default_factory=list)


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
    # Lists that do not say who decided (a plain `Närvarande`): the heading's
    # line and words, and the people under it (counted as beslutande).
    undivided: list[Undivided] = field(default_factory=list)
    # Ersättare under a heading that does not say whether they served
    # (`Ersättare`): printed under it, not as "ej tjänstgörande".
    service_unsaid: list[Undivided] = field(default_factory=list)
    # (ersättare, för, its § range, line)
    replacing: list[tuple[Attendee, str, tuple[int | None, int | None], int]] = field(
        default_factory=list
    )
    intro: list[Line] = field(default_factory=list)
    # (line, the words it gave to fields): what the fields took in.
    consumed: list[tuple[int, str]] = field(default_factory=list)
    persons: dict[int, list[str]] = field(default_factory=dict)  # line: the people it names
    parties: dict[str, str] = field(default_factory=dict)  # `Marcus Schön (M)` in a field
    said_as: dict[str, str] = field(default_factory=dict)  # `Mötessekreterare: X`: X's title
    guesses: set[int] = field(default_factory=set)  # lines read by a guess
    said_adjusted: bool = False  # "Protokollet är justerat."
    # (line, the line as written, why it is no date): a date field that does
    # not read, so that a file without any other date says so, not "no date"
    bad_date: tuple[int, str, Both] | None = None
    title_line: int | None = None  # `Protokoll fört vid …`: where the organ is looked for
    posted: str = ""
    archive: str = ""


_KNOWN = {**{k: k for k in FIELDS}, **{k: k for k in ATTENDANCE}}


def is_label(text: str) -> bool:
    """A line that is a field or an attendance heading, not an item of the protocol."""
    return _label(text.strip()) is not None


def _label(text: str) -> tuple[str, str, bool] | None:
    """(label, value, had colon) for a line that starts with a known label."""
    m = _LABELLED.match(text)
    if m and (m["label"].casefold() in FIELDS or m["label"].casefold() in ATTENDANCE):
        return m["label"].casefold(), m["value"].strip(), True
    key = text.strip().casefold().rstrip(":")
    if key in FIELDS or key in ATTENDANCE:
        return key, "", False
    # A label without a colon, its value after it: `Plats och tid Tingssalen, …`.
    words = text.strip().replace("\t", " ").split()  # a tab after a label, as Word
    for n in range(min(5, len(words) - 1), 0, -1):
        label = " ".join(words[:n]).casefold()
        rest = " ".join(words[n:])
        if label not in _KNOWN:
            continue
        kind = FIELDS.get(label)
        if kind in _DATED and not (re.search(r"\d", rest) or is_period(rest)):
            return None  # "Dag Bergentoft": a name, not the day
        if kind in _DATED and m and not re.search(r"[\d,]", m["label"]):
            # `Datum då anslaget tas ned: 2024-04-03`: a label of its own before
            # its colon, not `Datum` with "då anslaget …" for its value.
            return None
        if (
            label in ATTENDANCE
            or n > 1
            or (len(rest.split()) <= 12 and not re.search(r"[.!?]$", rest))
        ):
            return label, rest.strip(), False
    return None


def _titled_person(text: str) -> bool:
    """`Sekreterare Cia Dahl`: a function's word, no colon, one name after it
    (a row of a list of people, where `Sekreterare: Cia Dahl` is the field)."""
    found = _label(text)
    if found is None or found[2] or FIELDS.get(found[0]) not in _FUNCTIONS:
        return False
    names = _names(found[1])
    return names is not None and len(names) == 1


def _names(value: str) -> list[str] | None:
    value = re.sub(r"\s*\([^)]*\)", "", value)  # `Marcus Schön (M)`: the party aside
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

    def _run(self, j: int, stop_at_label: bool = True, people: bool = False) -> list[Line]:
        """The lines from `j` up to a blank line (or a line with a label of its
        own; in a list of `people`, not a function's title before a name)."""
        block = []
        while j < len(self.lines) and self.lines[j].text.strip():
            text = self.lines[j].text.strip()
            if stop_at_label and _label(text) and not (people and _titled_person(text)):
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

    def read(self) -> Header:
        while self.i < len(self.lines):
            line = self.lines[self.i]
            text = line.text.strip()
            labelled = _label(text) if text else None
            if _is_row(text) and self._table():
                continue
            if _column_headings(line.text):
                self._columns(line)
                self.i += 1
                continue
            lone_heading = line.heading and not labelled[1] if labelled else False
            if labelled and not (lone_heading and labelled[0] not in ATTENDANCE):
                self._field(line, *labelled)
            elif text and _TITLE.match(text) and not self.h.organ and not self.h.kind:
                self._title(line)
            elif text and (m := _MEETING_OF.match(text)) and not self.h.organ:
                self._meeting_of(line, m)
            elif says_adjusted(text):
                self.h.said_adjusted = True
                self.h.intro.append(line)
            else:
                self.h.intro.append(line)
                self._dated(line)
            self.i += 1
        return self.h

    def _table(self) -> bool:
        """An attendance table, one person a row and an X in a column that says what.

            | Namn     | Närvarande | Frånvarande |
            |----------|------------|-------------|
            | Anna Ek  | X          |             |

        Columns headed by an attendance word give category and presence; a
        column `Parti` the party, `Roll`/`Titel`/`Funktion` the title. Returns
        False (and reads nothing) for a table that is not one of people.
        """
        start = self.i
        rows = []
        j = start
        while j < len(self.lines) and _is_row(self.lines[j].text.strip()):
            rows.append(self.lines[j])
            j += 1
        cells = [_cells(x.text) for x in rows]
        # Markdown has a rule under the head row; a Word table arrives without.
        ruled = len(rows) > 1 and bool(_RULE_ROW.match(rows[1].text.strip()))
        body = 2 if ruled else 1
        if len(cells) <= body:
            return False
        head = [_COLUMN.get(h, h) for h in (c.casefold().rstrip(":.") for c in cells[0])]
        marks = {k: ATTENDANCE[h] for k, h in enumerate(head) if k and h in ATTENDANCE}
        if not marks:
            return False
        # `Ersättare | Närv. | Frånv.`: the name column's heading gives the category.
        base = ATTENDANCE.get(head[0], (None, True))[0]
        self.h.consumed += [(x.no, x.text) for x in rows[:body]]
        for row, cell in zip(rows[body:], cells[body:], strict=False):
            cell += [""] * (len(head) - len(cell))
            name = cell[0]
            ticked = [marks[k] for k in marks if cell[k].strip().casefold() in _TICKS]
            if not looks_like_name(name) or len(ticked) != 1:
                # No one clear X: the row stays as it was written.
                self.h.intro.append(row)
                self.report.warn(row.no, "table_row", text=row.text.strip())
                continue
            category, present = ticked[0]
            category = base if category is None or not present else category
            extra = {head[k]: cell[k] for k in range(1, len(head)) if k not in marks}
            notes = []
            for h, value in extra.items():
                if h in ("parti", *_TITLE_COLUMNS) or not value:
                    continue
                for part in re.split(r"\s*<br>\s*|,\s*", value):
                    function = FUNCTION_WORDS.get(part.casefold().rstrip("."))
                    if function:
                        key = "adjusters" if function == "adjuster" else function
                        self.h.functions[key].append((name, row.no))
                    elif part:
                        notes.append(part)
            a = self.people.add(
                Attendee(
                    new_id(),
                    name,
                    party=extra.get("parti", ""),
                    title=next((v for h, v in extra.items() if h in _TITLE_COLUMNS and v), ""),
                    role={"ersattare": "ersattare", "ovriga": "tjansteperson"}.get(
                        category or "", "ledamot"
                    ),
                    present=present,
                    category=category or "beslutande",
                    note=", ".join(notes),
                ),
                row.no,
            )
            column = next(k for k in marks if cell[k].strip().casefold() in _TICKS)
            if category is None:
                self._undivided(rows[0].no, cells[0][column]).append(a)
            elif category == "ersattare" and "ej " not in head[column]:
                self._service_unsaid(rows[0].no, cells[0][column]).append(a)
            self.h.consumed.append((row.no, row.text))
            self.h.persons.setdefault(row.no, []).append(a.name)
        self.i = j
        return True

    def _dated(self, line: Line) -> None:
        """A date (and a time) in a heading line: `## 6 oktober 2021`, `18 05 02 kl. 10-11`."""
        text = line.text.strip()
        if len(text.split()) > 12:
            # A long line that names itself the protocol of a meeting on a day
            # (`… – protokoll från styrelsemöte tisdagen den 12 mars 2024 kl.
            # 19.00 …`, a protocol sent in an e-mail's body): that day.
            said = _PROTOCOL_OF_DAY.search(text)
            if said and not self.h.heading_date:
                found = _heading_date(said[0])
                if found:
                    self.h.heading_date = (*found, line.no)
            return
        if not self.h.heading_date:
            found = _heading_date(text)
            if found:
                self.h.heading_date = (*found, line.no)
        clock = _CLOCK_ANY.search(text)  # `… 2024-03-03 kl. 18.30`: a start alone too
        if clock and not self.h.start:
            try:
                self.h.start, end = parse_time_range(clock[1])
                self.h.end = end or ""
            except ValueProblem:
                pass

    def _meeting_of(self, line: Line, m: re.Match) -> None:
        organ = m["organ"].strip()
        self.h.organ = _BOARD_MEETING.get(organ.casefold(), organ[:1].upper() + organ[1:])
        self.h.organisation = m["org"].strip()
        if m["place"]:
            # What follows the comma is taken as the place: the line does not say so.
            self.h.place = m["place"].strip()
            self.h.guesses.add(line.no)
            self.report.warn(line.no, "place_guess", place=self.h.place, text=line.text.strip())
        self.h.consumed.append((line.no, line.text))

    def _letterhead_organ(self, title: Line) -> None:
        """`HALLSBERGS KOMMUN` / `Kultur- och fritidsnämnden` / `PROTOKOLL`: an organ
        named on a short line above the heading, its body on another; a reading
        (the lines do not say so), reported with the line."""
        above = [x for x in self.h.intro if x.no < title.no and x.text.strip()]
        short = [x for x in above if len(x.text.split()) <= 6 and not _SENTENCE_END.search(x.text)]
        organ = next((x for x in short if _ORGAN_WORD.search(x.text.strip())), None)
        if organ is None:
            return
        body = next((x for x in short if x is not organ and names_body(x.text)), None)
        said = organ.text.strip()
        self.h.organ = said[:1].upper() + said[1:]
        of = ""
        if body is not None and not self.h.organisation:
            self.h.organisation = _as_name(body.text.strip())
            of = f" ({self.h.organisation})"
        self.h.guesses.add(organ.no)
        self.report.warn(organ.no, "organ_from_letterhead", organ=self.h.organ, of=of)

    def _organisation_beside_organ(self, title: Line) -> None:
        """`Kårfullmäktige, Teknologkåren vid …` above the heading: the organ as
        read, and after its comma the body it is of (reported as a reading)."""
        for x in self.h.intro:
            if x.no >= title.no:
                break
            said = x.text.strip()
            for between in (", ", " i ", " för "):
                organ, sep, body = said.partition(between)
                if sep and organ.casefold() == self.h.organ.casefold() and body:
                    self._organisation_read(x, body.strip().rstrip("."))
                    return

    def _letterhead_body(self, title: Line) -> None:
        """`STIFTELSEN GRETA OCH AXEL HOLMS MINNESFOND` above `Protokoll fört vid
        styrelsesammanträde`: the body whose board it is, read so and reported."""
        above = [x for x in self.h.intro if x.no < title.no and x.text.strip()]
        body = next(
            (
                x
                for x in above
                if len(x.text.split()) <= 8
                and not _SENTENCE_END.search(x.text)
                and names_body(x.text)
            ),
            None,
        )
        if body is None and self.h.organ.casefold() in GENERIC_BOARDS:
            # A board's protocol under one line of a name (`Solgläntans Vänner`):
            # whose board it is, as a letterhead says it; one line only.
            named = [x for x in above if not _label(x.text.strip())]
            if len(named) == 1 and may_be_body(named[0].text.strip()):
                body = named[0]
        if body is not None:
            # `Styrelsemöte Björnåsens vägförening`: the body, not the meeting's kind.
            words = _KIND_FIRST.sub("", body.text.strip())
            self._organisation_read(body, _as_name(words))

    def _organisation_read(self, line: Line, organisation: str) -> None:
        """The organisation taken from a line above the heading: a reading, reported."""
        self.h.organisation = organisation
        self.h.guesses.add(line.no)
        self.report.warn(
            line.no, "organisation_from_letterhead", organisation=organisation, organ=self.h.organ
        )

    def _title(self, line: Line) -> None:
        text = line.text.strip()
        self.h.title_line = line.no
        kind = _TITLE.match(text)["kind"].casefold()  # type: ignore[index]
        self.h.kind = _KIND_WORDS.get(
            kind, "protokoll" if kind.endswith("protokoll") else "minnesanteckningar"
        )
        m = _TITLE_ORGAN.search(text) or _TITLE_DASH.match(text)
        if m:
            self.h.organ = m["organ"].strip()[:1].upper() + m["organ"].strip()[1:]
            self.h.organisation = self.h.organisation or m["org"].strip().rstrip(".")
        elif alone := _TITLE_ORGAN_ALONE.search(text):
            self.h.organ = alone["organ"].strip()
            m = alone
        elif (held := _HELD_AT.search(text)) and (of := _MEETING_OF.match(held["rest"])):
            organ = of["organ"].strip()
            self.h.organ = _BOARD_MEETING.get(organ.casefold(), organ[:1].upper() + organ[1:])
            self.h.organisation = self.h.organisation or of["org"].strip()
            m = of
        elif held and (own := _ORGANS_MEETING.match(held["rest"])):
            # `PROTOKOLL FÖRT VID KÅRFULLMÄKTIGES SAMMANTRÄDE`: the organ, in its genitive.
            name = own["organ"][:-1]
            name = name.lower() if name.isupper() else name
            self.h.organ = name[:1].upper() + name[1:]
            self._organisation_beside_organ(line)
            if not self.h.organisation:
                self._letterhead_body(line)
        elif (
            held
            and (board := _BOARD_DAY.match(held["rest"].strip(" .")))
            and (board["kind"].casefold() in _BOARD_MEETING)
        ):
            # `Protokoll fört vid styrelsesammanträde`, `Protokoll vid styrelsemöte
            # den 3 mars 2024`: the board's, of no body named here.
            self.h.organ = _BOARD_MEETING[board["kind"].casefold()]
        if not self.h.organ:
            self._letterhead_organ(line)
        elif not self.h.organisation:
            self._letterhead_body(line)
        found = _heading_date(text)
        if found and not self.h.heading_date:
            self.h.heading_date = (*found, line.no)
        if len(text.split()) > 1:
            self.h.intro.append(line)  # the protocol's own opening sentence
            self._dated(line)
        elif not m:
            self.h.consumed.append((line.no, line.text))
            self._organ_lines()
        else:
            self.h.consumed.append((line.no, line.text))

    def _organ_lines(self) -> None:
        """`PROTOKOLL` alone, then the organ and the organisation on lines of their own.

        This is how protokoll itself prints a protocol, so that a printed
        protocol can be imported again.
        """
        j = self._after_blanks(self.i + 1)
        # protokoll's own mark of a draft between the title and the organ: looked
        # past for the organ, and kept as the source's text (it says the
        # protocol was not final, which the import must not drop).
        notes = []
        while j < len(self.lines) and self.lines[j].text.strip() in STATUS_NOTES:
            notes.append(self.lines[j])
            j = self._after_blanks(j + 1)
        run = self._run(j, stop_at_label=False)
        block = [x.text.strip() for x in run]
        if len(block) == 2 and _heading_date(block[1]) and not _heading_date(block[0]):
            # `Ekhagens samfällighetsförening` / `Ordinarie föreningsstämma 3/3 2024`:
            # the second line dates the meeting; it names no organisation.
            self._dated(run[1])
            block = block[:1]
        fits = all(len(x.split()) <= 8 and not re.search(r"[.!?:]$", x) for x in block)
        if 1 <= len(block) <= 2 and fits and not any(_label(x) for x in block):
            if _MEETING_OF.match(block[0]) or _heading_date(block[0]):
                return  # read as what it is on its own
            self.h.organ = block[0]
            self.h.organisation = block[1] if len(block) == 2 else self.h.organisation
            self.h.intro += notes
            for k in range(len(block)):
                self.h.consumed.append((self.lines[j + k].no, self.lines[j + k].text))
            self.i = j + len(block) - 1
            if not self.h.organisation:
                # `LINDESBY KOMMUN` above `SAMMANTRÄDESPROTOKOLL` / `Valnämnden`.
                self._letterhead_body(self.lines[j])

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
            if block and not value and _column_headings(block[0].text):
                # `Beslutande` over `Ledamöter<TAB>Tjänstgörande ersättare`: the columns say.
                self.h.consumed.append((line.no, line.text))
                self._columns(block[0], block[1:])
                return
            if block and not value and _is_row(block[0].text.strip()):
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
        value, rest = _value_and_rest(kind, value)
        if kind in _TIMED:
            value, rest = self._time_zone(line, taken, value, rest)
        try:
            self._value(kind, value, line.no)
            if kind in _FUNCTIONS and label in _OWN_WORD:
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
            problem = Both(exc.params["detail"], exc.detail_en)
            self.report.warn(line.no, "bad_field", text=line.text.strip(), problem=problem)
            self.h.intro.append(line)
            if kind in ("date", "place_time") and self.h.bad_date is None:
                self.h.bad_date = (line.no, line.text.strip(), problem)

    def _time_zone(self, line: Line, taken: list[Line], value: str, rest: str) -> tuple[str, str]:
        """`Time: 18:00 CET`, `kl. 18.00 (svensk tid)`, or `CET` alone on the
        line after the time: Swedish time, which every time of the protocol
        is, said and left out (it had been printed as a line of text of its
        own). The value and what is left after it."""
        last = re.search(rf"\s+({_LOCAL_ZONE.pattern})$", value, re.I)
        if last:
            self.report.warn(line.no, "time_zone", zone=last[1])
            return value[: last.start()], rest
        nxt = self.lines[self.i + 1] if self.i + 1 < len(self.lines) else None
        if not rest and nxt is not None and _LOCAL_ZONE.fullmatch(nxt.text.strip()):
            taken.append(nxt)
            self.i += 1
            rest, line = nxt.text.strip(), nxt
        zone = _LOCAL_ZONE.match(rest)
        if not zone:
            return value, rest
        self.report.warn(line.no, "time_zone", zone=zone[0])
        return value, rest[zone.end() :].lstrip(" .,;")

    def _under(self, column: int) -> list[Line]:
        """The lines after this one that start exactly at `column` (> 0)."""
        out: list[Line] = []
        j = self.i + 1
        while j < len(self.lines) and column > 0 and _indent(self.lines[j].text) == column:
            if not self.lines[j].text.strip() or _label(self.lines[j].text.strip()):
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

    def _value(self, kind: str, value: str, no: int) -> None:
        h = self.h
        if kind == "time" and is_period(value):
            kind = "date"  # `Tid: Hösten 2024`: a period, under whichever field it stands
        if kind == "place_time":
            try:
                place, day, start, end = _place_and_when(value)
            except ValueProblem:
                timed = _place_and_times(value)
                if timed is None:
                    raise
                h.place, h.start, end = timed
                h.end = end or ""
                return
            h.place, h.date = place, day.isoformat()
            if start:
                h.start, h.end = start, end or ""
            return
        if kind == "posted":
            h.posted = parse_date(value).isoformat()
            return
        if kind == "organ_range":
            # `Styrelsen §§ 1-2`: the organ, then the §s the protocol holds.
            organ, sep, rest = value.partition("§")
            h.organ = organ.strip() or h.organ
            if sep:
                h.declared = (sep + rest, no)
            return
        if kind == "archive":
            h.archive = value
            return
        if kind == "date":
            if is_period(value):
                year = re.search(r"\b(19|20)\d{2}\b", value)
                h.period, h.date = value, year[0] if year else ""
                return
            day, start, end = parse_when(_ORDINAL.sub(r"\1", value))
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
            for name, party in re.findall(r"([^,()]+?)\s*\(([A-ZÅÄÖ]{1,4})\)", value):
                h.parties[name.split(" och ")[-1].strip()] = party

    def _first_names(
        self, line: Line, heading: str, category: str | None, present: bool, alone: bool = False
    ) -> bool:
        """`LilliAnn, IngBritt, Björn, Våge`: people named by first name only.

        `alone`: the line is one of a list of first names, one a line.
        """
        parts = [p.strip() for p in re.split(r",|\boch\b", line.text) if p.strip()]
        if len(parts) < (1 if alone else 2) or not all(_FIRST_NAME.match(p) for p in parts):
            return False
        self.h.consumed.append((line.no, line.text))
        self.h.persons.setdefault(line.no, []).extend(parts)
        for part in parts:
            self.people.add(
                Attendee(new_id(), part, present=present, category=category or "beslutande"),
                line.no,
            )
        self.report.warn(line.no, "first_names", names=", ".join(parts), heading=heading)
        return True

    def _undivided(self, no: int, heading: str) -> list[Attendee]:
        """The people of the list without categories headed at line `no`."""
        for u in self.h.undivided:
            if u.line == no:
                return u.people
        self.h.undivided.append(Undivided(no, heading.strip().rstrip(":").strip()))
        return self.h.undivided[-1].people

    def _service_unsaid(self, no: int, heading: str) -> list[Attendee]:
        """The ersättare of the list headed at line `no` by words that do not
        say whether they served (`Ersättare`)."""
        for u in self.h.service_unsaid:
            if u.line == no and u.heading == heading.strip().rstrip(":").strip():
                return u.people
        self.h.service_unsaid.append(Undivided(no, heading.strip().rstrip(":").strip()))
        return self.h.service_unsaid[-1].people

    def _people_table(
        self,
        rows: list[Line],
        label: str,
        category: str | None,
        present: bool,
        at: tuple[int, str],
    ) -> None:
        """A table of people under an attendance heading: a name column and,
        beside it, party and title (`| Kjell Ohlsson | S | ordförande |`), each
        row a person of the heading's kind. It had stayed text (a trial)."""
        cells = [_cells(x.text) for x in rows]
        head = [c.casefold().rstrip(":.") for c in cells[0]]
        body = rows[2:] if len(rows) > 1 and _RULE_ROW.match(rows[1].text.strip()) else rows[1:]
        names = ("namn", "name", "ledamot", "ledamöter", "ersättare")
        name_at = next((k for k, h in enumerate(head) if h in names), None)
        if name_at is None:
            self._attendance(rows, label, category, present, at)
            return
        self.h.consumed.append((rows[0].no, rows[0].text))
        party_at = next((k for k, h in enumerate(head) if h == "parti"), None)
        before = len(self.people.attendees)
        for row in body:
            cell = _cells(row.text) + [""] * len(head)
            parts = [cell[name_at]]
            if party_at is not None and cell[party_at]:
                parts[0] += f" ({cell[party_at]})"
            # Every other column as the entry's words after the name, read as a
            # list's line is (`Anmärkning`: `ordförande`, `§§ 1–11`, `tjänstgörande
            # ersättare för Eva Lund (S)`), which had been dropped (a trial).
            parts += [cell[k] for k in range(len(head)) if k not in (name_at, party_at) and cell[k]]
            self._person(row, ", ".join(parts), label, category, present, at)
        if category is None:  # `Närvarande revisorer`: present, not said to decide
            self._undivided(*at).extend(self.people.attendees[before:])

    def _columns(self, head: Line, block: list[Line] | None = None) -> None:
        """Attendance lists side by side, their headings on one line:

            Ledamöter<TAB>Tjänstgörande ersättare
            Hans-Erik Dahl (M), ordförande<TAB>Ulla Sandin (S) för Ali Rahimi (S)
            <TAB>Johanna Ståhl, nämndsekreterare

        Each line's parts go to the heading above them (a kommun's two-column
        form had its ersättare read as the ledamot's organisation)."""
        if block is None:
            block = self._run(self.i + 1, stop_at_label=False)
            self.i += len(block)
        headings = _column_headings(head.text) or []
        per: list[list[Line]] = [[] for _ in headings]
        for line in block:
            for k, part in enumerate(_column_parts(line.text)[: len(headings)]):
                if part.strip():
                    per[k].append(Line(line.no, part.strip()))
        self.h.consumed.append((head.no, head.text))
        for (label, written), lines in zip(headings, per, strict=True):
            category, present = ATTENDANCE[label]
            self._attendance(lines, label, category, present, (head.no, written))

    def _attendance(
        self,
        block: list[Line],
        heading: str,
        category: str | None,
        present: bool,
        at: tuple[int, str] | None = None,
    ) -> None:
        """The people of one list; `at`: its heading's line and words, as written."""
        before = len(self.people.attendees)
        # A line that ends in a comma goes on on the next one, and so does a
        # line indented further than an indented entry's first (a wrapped
        # entry, as the text protocol prints it).
        joined: list[Line] = []
        for line in block:
            if joined and (joined[-1].text.rstrip().endswith(",") or _goes_on(joined[-1], line)):
                joined[-1] = Line(joined[-1].no, joined[-1].text.rstrip() + " " + line.text.strip())
            else:
                joined.append(line)
        # A list of first names alone, one a line (as the text protocol prints
        # `LilliAnn, IngBritt, Björn`), is read as that list written in a row.
        alone = len(joined) > 1 and all(_FIRST_NAME.match(x.text.strip()) for x in joined)
        for line in joined:
            if self._first_names(line, heading, category, present, alone):
                continue
            role = _ROLE_FIRST.match(line.text.strip())
            if role and _label(line.text.strip()) is None:
                # `Rektor: Annika Strömqvist`, `Föräldrarepresentanter: Hanna Ekdahl
                # (åk 2), Mehmet Yilmaz (åk 4)`: what they are there as, then who.
                said = role["role"].strip()
                # Under a role, names apart by commas are people, not a name and
                # its organisation: "Föräldrarepresentanter" are more than one.
                parts = [x.strip() for x in re.split(r",|\boch\b", role["names"]) if x.strip()]
                bare = [re.sub(r"\s*\([^)]*\)", "", x) for x in parts]
                every = parts if all(looks_like_name(x) for x in bare) else None
                people = every or split_names(role["names"]) or [role["names"]]
                if all(parse_entry(x, category) for x in people):
                    for text in people:
                        before_one = len(self.people.attendees)
                        self._person(line, text, heading, category, present, at)
                        for a in self.people.attendees[before_one:]:
                            a.title = ", ".join(x for x in (said.lower(), a.title) if x)
                    continue
            parts = [x.strip() for x in line.text.split(";") if x.strip()]
            if len(parts) > 1 and all(looks_like_name(x.partition(",")[0].strip()) for x in parts):
                # `Birgit Holm, ordförande; Åke Sjöberg, vice ordförande; …`: one
                # person a part (the row had become two people, the rest lost).
                for text in parts:
                    self._person(line, text, heading, category, present, at)
                continue
            names = split_names(line.text)
            texts = names if names else [line.text]
            for text in texts:
                self._person(line, text, heading, category, present, at)
        if category is None and at is not None:
            self._undivided(*at).extend(self.people.attendees[before:])
        elif category == "ersattare" and at is not None and "ej " not in heading.casefold():
            self._service_unsaid(*at).extend(self.people.attendees[before:])

    def _person(
        self,
        line: Line,
        text: str,
        heading: str,
        category: str | None,
        present: bool,
        at: tuple[int, str] | None = None,
    ) -> None:
        entry = parse_entry(text, category)
        if entry is None:
            self.report.warn(line.no, "not_a_person", text=text.strip(), heading=heading)
            kept = text.strip()
            if at is not None and at[0] == line.no:
                # On the heading's line (`Beslutande Se bilaga`): kept with the
                # heading, without which "Se bilaga" says nothing of whom.
                kept = f"{at[1].strip()} {kept}"
            self.h.intro.append(Line(line.no, kept))
            return
        org = entry.organisation
        if not entry.party and looks_like_name(org) and not is_organisation(org):
            # `Anna Ek, Bo Lund`: an organisation by its place, but written as a
            # person is and no word of it says organisation; the line does not say which.
            self.h.guesses.add(line.no)
            self.report.warn(
                line.no,
                "organisation_or_person",
                text=text.strip(),
                name=entry.name,
                organisation=entry.organisation,
            )
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
            ),
            line.no,
        )
        self.h.consumed.append((line.no, text))
        self.h.persons.setdefault(line.no, []).append(a.name)
        if entry.replaces:
            self.h.replacing.append((a, entry.replaces, entry.serves, line.no))
            if entry.replaces_party:
                self.h.parties.setdefault(entry.replaces, entry.replaces_party)
        for function in entry.functions:
            key = "adjusters" if function == "adjuster" else function
            self.h.functions[key].append((entry.name, line.no))
        if entry.since is not None or entry.until is not None:
            self.h.presence.append((a, entry.since, entry.until, line.no))


# The kinds a heading names; `Mötesprotokoll` and `Styrelseprotokoll` are protocols.
_KIND_WORDS = {"årsmötesprotokoll": "arsmotesprotokoll", "stämmoprotokoll": "stammoprotokoll"}
_ROW = re.compile(r"^\|.*\|$")
_RULE_ROW = re.compile(r"^\|(\s*:?-{2,}:?\s*\|)+$")
_TICKS = {"x", "✓", "✔", "ja", "*"}
# Column headings as tables shorten them.
_COLUMN = {
    "närv": "närvarande",
    "närvaro": "närvarande",
    "frånv": "frånvarande",
    "ej närv": "frånvarande",
    "tjg ers": "tjänstgörande ersättare",
    "tjänstg": "tjänstgörande ersättare",
}
_TITLE_COLUMNS = {"roll", "titel", "funktion", "uppdrag", "befattning"}


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _goes_on(entry: Line, line: Line) -> bool:
    """`line` continues `entry`: both indented, `line` further (a wrapped entry)."""
    return 0 < _indent(entry.text) < _indent(line.text)


def _is_row(text: str) -> bool:
    return bool(_ROW.match(text))


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


_ROLE_FIRST = re.compile(r"^(?P<role>[A-ZÅÄÖ][\w -]{1,40}?)\s*:\s+(?P<names>\S.*)$")
_FIRST_NAME = re.compile(r"^[A-ZÅÄÖ][a-zåäöéü]+(?:[A-ZÅÄÖ][a-zåäöéü]+)?$")


def _heading_date(text: str) -> tuple[str, str] | None:
    """(iso, as written) of a date written in a heading line, in the usual Swedish forms."""
    d = _TEXT_DATE.search(text)
    if d:
        try:
            return parse_date(_ORDINAL.sub(r"\1", d[0])).isoformat(), d[0]
        except ValueProblem:
            pass
    short = _SHORT_DATE.search(text)
    if short:
        try:
            day = dt.date(2000 + int(short[1]), int(short[2]), int(short[3]))
        except ValueError:
            return None
        return day.isoformat(), short[0]
    return None


_COLUMN_GAP = re.compile(r"\t+| {2,}")


def _column_parts(text: str) -> list[str]:
    """A line's parts apart by a tab or spaces, an empty first one where it
    begins with the gap (a name in the second column only)."""
    return _COLUMN_GAP.split(text.rstrip())


def _column_headings(text: str) -> list[tuple[str, str]] | None:
    """(label, as written) of each attendance heading on a line of two or more."""
    parts = [p.strip() for p in _column_parts(text) if p.strip()]
    if len(parts) < 2:
        return None
    keys = [p.casefold().rstrip(":") for p in parts]
    if not all(k in ATTENDANCE for k in keys):
        return None
    return list(zip(keys, parts, strict=True))


def _place_and_times(value: str) -> tuple[str, str, str | None] | None:
    """`Församlingshemmet, Västra Ny, kl. 18.30–20.45`: the place and the times
    of a `Plats och tid` that gives no day (the day stands elsewhere); None
    when there are no times either."""
    clock = _CLOCK_ANY.search(value)
    if clock is None:
        return None
    try:
        start, end = parse_time_range(clock[1])
    except ValueProblem:
        return None
    place = value[: clock.start()].strip().rstrip(",").strip()
    if not place:  # `kl. 10.00, jaktstugan vid Knösö gård`: the time first
        place = value[clock.end() :].strip().lstrip(",").strip()
    return (place, start, end) if place else None


def _place_and_when(value: str) -> tuple[str, dt.date, str | None, str | None]:
    """`Kommunhuset, sal Ängen, tisdagen den 5 mars 2024 kl. 08.30–12.10`: the
    place (commas and all), the day and the times; the day may come first
    (`5 mars 2024 kl. 18.30, Folkets hus`). The place's own commas had made
    "sal Ängen, tisdagen den 5 mars 2024" the date, which did not read (a trial)."""
    parts = value.split(",")
    if len(parts) < 2:
        raise ValueProblem.said("what_date", "date_empty", text=value)
    splits = [(",".join(parts[:k]), ",".join(parts[k:])) for k in range(len(parts) - 1, 0, -1)]
    splits += [(",".join(parts[k:]), ",".join(parts[:k])) for k in range(1, len(parts))]
    problem = None
    for place, when in splits:
        try:
            day, start, end = parse_when(when.strip())
        except ValueProblem as exc:
            problem = problem or exc
            continue
        return place.strip(), day, start, end
    assert problem is not None
    raise problem


def _value_and_rest(kind: str, value: str) -> tuple[str, str]:
    """A value and the sentence after it that is no part of it.

    `Tingssalen, … kl 18.30-19.55. Ajournering mellan …` and `2017-09-12 Datum
    för anslags nedtagande 2017-10-04`: the rest is kept as text where it stood.
    """
    if kind == "posted":
        m = re.match(r"^(\d{4}-\d{2}-\d{2})\s+(\S.*)$", value)
        return (m[1], m[2]) if m else (value, "")
    if kind in ("place_time", "date", "time"):
        m = re.match(r"^(.*?\d)\.\s+([A-ZÅÄÖ].*)$", value)
        if m:
            return m[1], m[2]
        # `… kl. 08.30–12.10 Ajournering 10.00–10.15`: a new sentence after the times.
        after_times = r"^(.*?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?)\s+([A-ZÅÄÖ].*)$"
        m = re.match(after_times, value)
        if m:
            return m[1], m[2]
    return value, ""


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
        labelled = _label(text) if text.endswith(":") or text.casefold() in ATTENDANCE else None
        if not labelled or labelled[0] not in ATTENDANCE or labelled[1]:
            i += 1
            continue
        block: list[int] = []
        j = i + 1
        while j < len(lines):
            t = lines[j].text.strip()
            if t and (_label(t) or not parse_entry(t, None)):
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
