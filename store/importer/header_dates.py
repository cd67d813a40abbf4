"""Dates and times in a heading line, not a field: `## 6 oktober 2021`,
`18 05 02 kl. 10-11`, `Thursday, 14th March 2019`; and a file name's date."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import parse_date, parse_time_range
from ..errors import ValueProblem
from ..words import Both
from .header_model import Header
from .source import Line

# `18 05 02`: a date as some write it, year first, two digits each.
_SHORT_DATE = re.compile(r"(?<!\d)(\d{2}) (\d{2}) (\d{2})(?!\d)")
# `kl. 10.00` or `kl. 18.30–20.45`: a time, or two.
CLOCK_ANY = re.compile(
    r"\bkl(?:ockan)?\.?\s*(\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?)", re.I
)
# `… protokoll från styrelsemöte tisdagen den 12 mars 2024 …`: a long line's own day.
_PROTOCOL_OF_DAY = re.compile(r"\bprotokoll\s+(?:från|fört\s+vid|över)\b.{0,80}", re.I)
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
# `14th March`: the day's number, as the date reader takes it.
ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)


def heading_date(text: str) -> tuple[str, str] | None:
    """(iso, as written) of a date written in a heading line, in the usual Swedish forms."""
    d = _TEXT_DATE.search(text)
    if d:
        try:
            return parse_date(ORDINAL.sub(r"\1", d[0])).isoformat(), d[0]
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


def heading_date_problem(text: str) -> tuple[str, Both] | None:
    """(as written, what is wrong) of a date in a heading line that is none
    (`styrelsemöte 2021-02-30`): said as a field's would be, not as "no date
    found" (a trial)."""
    d = _TEXT_DATE.search(text)
    if d is None:
        return None
    try:
        parse_date(ORDINAL.sub(r"\1", d[0]))
    except ValueProblem as exc:
        return d[0], exc.why
    return None


def _heading(h: Header, text: str, no: int) -> None:
    """The heading's date, or the first date-shaped words in it that are none."""
    found = heading_date(text)
    if found:
        h.heading_date = (*found, no)
    elif h.bad_date is None and (wrong := heading_date_problem(text)) is not None:
        h.bad_date = (no, *wrong)


def dated(h: Header, line: Line) -> None:
    """A date (and a time) in a heading line: `## 6 oktober 2021`, `18 05 02 kl. 10-11`."""
    text = line.text.strip()
    if len(text.split()) > 12:
        # A long line that names itself the protocol of a meeting on a day
        # (`… – protokoll från styrelsemöte tisdagen den 12 mars 2024 kl.
        # 19.00 …`, a protocol sent in an e-mail's body): that day.
        said = _PROTOCOL_OF_DAY.search(text)
        if said and not h.heading_date:
            _heading(h, said[0], line.no)
        return
    if not h.heading_date:
        _heading(h, text, line.no)
    clock = CLOCK_ANY.search(text)  # `… 2024-03-03 kl. 18.30`: a start alone too
    if clock and not h.start:
        try:
            h.start, end = parse_time_range(clock[1])
            h.end = end or ""
        except ValueProblem:
            pass


def date_in(text: str) -> dt.date | None:
    """A date written in a file name: kalmar-au-2020-05-29.txt."""
    m = re.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", text)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
