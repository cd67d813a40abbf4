"""Dates and times as secretaries type them, in Swedish.

dateutil does the calendar work with Swedish month and weekday names. Around
it sit the rules it does not know: `200529` is YYMMDD (dateutil reads it as
2029-05-20), `kl 18.30` is a time and not the 18th, a weekday must agree with
the date, and a value that could be read two ways is refused, not guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Any

from .errors import ValueProblem
from .words import Both

WEEKDAYS_SV = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_SV = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


class SwedishNames:
    """The words of dateutil's `parserinfo` (made in `_parser`)."""

    MONTHS = [
        ("jan", "januari", "january"),
        ("feb", "februari", "february"),
        ("mar", "mars", "march"),
        ("apr", "april"),
        ("maj", "may"),
        ("jun", "juni", "june"),
        ("jul", "juli", "july"),
        ("aug", "augusti", "august"),
        ("sep", "sept", "september"),
        ("okt", "oktober", "oct", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ]
    # Weekdays are taken out before dateutil sees the text (it ignores a
    # weekday that contradicts the date); these only let it skip them.
    WEEKDAYS = [
        ("mån", "måndag", "måndagen", "monday"),
        ("tis", "tisdag", "tisdagen", "tuesday"),
        ("ons", "onsdag", "onsdagen", "wednesday"),
        ("tor", "tors", "torsdag", "torsdagen", "thursday"),
        ("fre", "fredag", "fredagen", "friday"),
        ("lör", "lördag", "lördagen", "saturday"),
        ("sön", "söndag", "söndagen", "sunday"),
    ]
    JUMP = [" ", ".", ",", ";", "-", "/", "'", "den", "the", "of"]


@functools.cache
def _parser() -> tuple[Any, Any]:
    """dateutil's parser and the Swedish names for it.

    Imported when the first date is read, not with this module: the
    application's start reads none, and dateutil's parser took 25 ms of it.
    """
    from dateutil import parser as du

    info = type("SwedishInfo", (SwedishNames, du.parserinfo), {})
    return du, info(dayfirst=True)


_WEEKDAY_WORDS = {word: i for i, names in enumerate(SwedishNames.WEEKDAYS) for word in names}
_PERIOD = re.compile(r"\b(hösten|våren|sommaren|vintern|höst|vår|sommar|vinter)\b")
_RELATIVE = {
    "idag": 0,
    "i dag": 0,
    "today": 0,
    "igår": -1,
    "i går": -1,
    "imorgon": 1,
    "i morgon": 1,
    "tomorrow": 1,
    "yesterday": -1,
}


def is_period(text: str) -> bool:
    """'Hösten 2024': a time of year, not a day."""
    return bool(_PERIOD.search(text.casefold()))


def _problem(text: str, detail: str, **params: object) -> ValueProblem:
    """A date that cannot be read; `detail` names the catalogue's "messages.date_<detail>"."""
    return ValueProblem.said("what_date", f"date_{detail}", text=text, **params)


def _time_problem(text: str, detail: str) -> ValueProblem:
    return ValueProblem.said("what_time", f"time_{detail}", text=text)


def _make(text: str, year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise _problem(text, "no_month", month=month)
    try:
        return dt.date(year, month, day)
    except ValueError:
        name = Both(MONTHS_SV[month - 1], f"{dt.date(year, month, 1):%B}")
        raise _problem(text, "no_day_in_month", month=name, year=year, day=day) from None


def parse_date(
    text: str, today: dt.date | None = None, ahead_of: dt.date | None = None
) -> dt.date:
    """Read a date as a Swedish secretary writes it; raise ValueProblem otherwise.

    A day written without its year is in `today`'s year, or, given `ahead_of`
    (a deadline set at a meeting), the first such day on or after that date:
    `15/1` said on 30 November is next January, not the January gone."""
    today = today or dt.date.today()
    s = " ".join(text.strip().lower().replace("\u00a0", " ").split()).strip(" .,")
    if not s:
        raise _problem(text, "empty")
    if s in _RELATIVE:
        return today + dt.timedelta(days=_RELATIVE[s])
    if _PERIOD.search(s):
        raise _problem(text, "period")
    m = re.fullmatch(r"(\d{2})(\d{2})(\d{2})", s)
    if m:  # YYMMDD, as in "Datum: 200529"
        return _make(text, 2000 + int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m:
        return _make(text, int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        return _make(text, int(m[1]), int(m[2]), int(m[3]))
    if re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2}", s) or re.fullmatch(r"\d{3,5}", s):
        raise _problem(text, "ambiguous")
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?: (\d{4}))?", s)
    if m:  # 27/3, 27/3 2020: day and month, read here so that "32/5" is a day too many,
        # not (as dateutil reads it) the year 2032 with no day
        if m[3]:
            return _make(text, int(m[3]), int(m[2]), int(m[1]))
        day = _make(text, (ahead_of or today).year, int(m[2]), int(m[1]))
        return _ahead(text, day, ahead_of)

    weekday = None
    words = []
    for word in s.replace(",", " ").split():
        if word in _WEEKDAY_WORDS:
            if weekday is not None:
                raise _problem(text, "two_weekdays")
            weekday = _WEEKDAY_WORDS[word]
        else:
            words.append(word)
    rest = " ".join(w for w in words if w not in ("den", "the"))
    if not rest:
        raise _problem(text, "weekday_only")

    du, info = _parser()
    # A day the month does not have, before a month's name: dateutil takes
    # "32" for a year, and "fredag 32 mars" was said to give no day (a trial).
    named = re.fullmatch(r"(\d{1,2})\.?\s+([^\W\d]+)\.?(?:\s+(\d{4}))?", rest)
    if named and info.month(named[2]) is not None:
        month, day = info.month(named[2]), int(named[1])
        year = int(named[3]) if named[3] else (ahead_of or today).year
        # Without a year, any year's month: "29 feb" is read below, as before.
        if not 1 <= day <= calendar.monthrange(year if named[3] else 2000, month)[1]:
            _make(text, year, month, day)  # refuses it, naming the month and the day
    # Parsing twice with different defaults shows which parts were missing.
    # Both defaults are leap years, so that "29 feb" without a year can be read.
    first = dt.datetime(2000, 1, 1)
    second = dt.datetime(2004, 2, 2)
    try:
        a = du.parse(rest, parserinfo=info, default=first)
        b = du.parse(rest, parserinfo=info, default=second)
    except du.ParserError as exc:
        detail = str(exc)
        if "out of range" in detail or "must be in" in detail:
            raise _problem(text, "no_such_day") from None
        raise _problem(text, "unreadable") from None
    except (OverflowError, ValueError):
        raise _problem(text, "unreadable") from None
    if (a.hour, a.minute) != (0, 0):
        raise _problem(text, "holds_time")
    if a.day != b.day:
        raise _problem(text, "no_day")
    if a.month != b.month:
        raise _problem(text, "no_month_given")
    given = a.year == b.year
    year = a.year if given else (ahead_of or today).year
    try:
        result = dt.date(year, a.month, a.day)
    except ValueError:  # 29 februari in a year taken from today
        raise _problem(text, "not_that_year") from None
    if not given:
        result = _ahead(text, result, ahead_of)
    if weekday is not None and result.weekday() != weekday:
        raise _problem(
            text,
            "wrong_weekday",
            date=result.isoformat(),
            is_=Both(WEEKDAYS_SV[result.weekday()], WEEKDAYS_EN[result.weekday()]),
            said=Both(WEEKDAYS_SV[weekday], WEEKDAYS_EN[weekday]),
        )
    return result


def _ahead(text: str, day: dt.date, ahead_of: dt.date | None) -> dt.date:
    """`day`, a year later if it falls before `ahead_of` (a year not written)."""
    if ahead_of is None or day >= ahead_of:
        return day
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February: the next year has none
        raise _problem(text, "not_that_year") from None


_TIME = re.compile(r"(\d{1,2})(?:[.:](\d{2})|(\d{2}))?")
_KL = re.compile(r"^(?:kl(?:ockan)?\.?|at)\s*")


def parse_time(text: str) -> str:
    """Read `13:00`, `13.00`, `kl. 13`, `1300`; return HH:MM."""
    s = _KL.sub("", text.strip().lower()).strip()
    m = _TIME.fullmatch(s)
    if not m:
        raise _time_problem(text, "unreadable")
    hour = int(m[1])
    minute = int(m[2] or m[3] or 0)
    if hour > 23 or minute > 59:
        raise _time_problem(text, "range")
    return f"{hour:02d}:{minute:02d}"


_RANGE_SPLIT = re.compile(r"\s*(?:–|—|-|\btill\b|\bto\b)\s*")


def parse_time_range(text: str) -> tuple[str, str | None]:
    """Read `kl. 13.00–14.00`, `09.30 – 11.30` or a single time."""
    s = _KL.sub("", text.strip().lower()).strip()
    parts = [p for p in _RANGE_SPLIT.split(s) if p]
    if len(parts) == 1:
        return parse_time(parts[0]), None
    if len(parts) != 2:
        raise _time_problem(text, "unreadable")
    start, end = parse_time(parts[0]), parse_time(parts[1])
    if end <= start:
        raise _time_problem(text, "end_before_start")
    return start, end


_WHEN_TIME = re.compile(
    r"[,\s]*(?:\bkl(?:ockan)?\.?\s*)?(\d{1,2}[.:]\d{2}(?:\s*(?:–|—|-|till)\s*\d{1,2}[.:]\d{2})?)\s*$"
)


def parse_when(text: str, today: dt.date | None = None) -> tuple[dt.date, str | None, str | None]:
    """Read a date with an optional time range after it.

    `Fredag 27 mars 2020, klockan 09.30 – 11.30` gives the date, 09:30, 11:30.
    """
    m = _WHEN_TIME.search(text)
    if m and m.start() > 0:
        start, end = parse_time_range(m[1])
        return parse_date(text[: m.start()], today), start, end
    return parse_date(text, today), None, None


def format_time(hhmm: str, lang: str = "sv") -> str:
    """Swedish protocols write 13.00; English ones 13:00."""
    return hhmm.replace(":", ".") if lang == "sv" else hhmm


def format_time_range(start: str, end: str, lang: str = "sv") -> str:
    if start and end:
        return f"{format_time(start, lang)}–{format_time(end, lang)}"
    return format_time(start or end, lang)
