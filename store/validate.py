"""What an imported JSON meeting may hold: known values in every field.

`serial.from_dict` checks the shape (an object where an object belongs, text
where text does); this checks the values, so that a document from elsewhere
cannot bring a date that is no date, a status the program does not know, a §
number of 300 digits or a decision phrase that breaks when it is filled in.
The first problem found refuses the import, named by its place in the document.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterator
from typing import Any

from .errors import StoreError, ValueProblem
from .model import (
    AGENDA_STATUSES,
    CATEGORIES,
    KINDS,
    NOTE_KINDS,
    POLICIES,
    ROLES,
    SCHEMA,
    STATUSES,
    VOTE_CHOICES,
    Meeting,
    Organ,
    Rules,
)
from .words import Both, say

LANGS = ("sv", "en")

MAX_NUMBER = 99_999  # no organ reaches § 100 000 in a year, nor a count of votes
MAX_TEXT = 1_000_000  # characters in one field: a long § is some thousands
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"([01]\d|2[0-3])[:.][0-5]\d")
ATTENDANCE = ("public", "association", "council", "board")


class Invalid(ValueError):
    """A value out of range: its place in the document, and what was expected.

    `key` names the expectation in the message catalogue (messages.invalid_<key>).
    """

    def __init__(self, where: str, key: str, **params: object) -> None:
        super().__init__(f"{where}: {key}")
        self.where = where
        self.key = key
        self.params = params

    def error(self, path: object) -> StoreError:
        detail = Both(*(say(f"messages.invalid_{self.key}", lang, **self.params) for lang in LANGS))
        return StoreError("import_invalid", path=path, where=self.where, detail=detail)


def check_meeting(m: Meeting) -> None:
    """Raise Invalid for the first value in `m` that the program would not make."""
    _one_of("meeting.kind", m.kind, KINDS)
    _one_of("meeting.status", m.status, STATUSES)
    _schema("meeting.schema", m.schema)
    if m.period:
        if not re.fullmatch(r"\d{4}", m.date) and not _is_date(m.date):
            raise Invalid("meeting.date", "year_or_date")
    else:
        _date("meeting.date", m.date)
    for name in ("start", "end"):
        _time(f"meeting.{name}", getattr(m, name))
    for name in ("posted",):
        _date(f"meeting.{name}", getattr(m, name), empty=True)
    _number("meeting.number_from", m.number_from)
    _rules("meeting.rules", m.rules)
    for i, a in enumerate(m.attendees):
        _one_of(f"meeting.attendees[{i}].role", a.role, ROLES)
        _one_of(f"meeting.attendees[{i}].category", a.category, CATEGORIES)
    for i, item in enumerate(m.agenda):
        _one_of(f"meeting.agenda[{i}].status", item.status, AGENDA_STATUSES)
    for i, p in enumerate(m.paragraphs):
        where = f"meeting.paragraphs[{i}]"
        _number(f"{where}.number", p.number)
        _number(f"{where}.decisions_after", p.decisions_after, low=0)
        _time(f"{where}.started", p.started)
        for j, vote in enumerate(p.votes):
            for name in ("yes", "no", "abstain"):
                _number(f"{where}.votes[{j}].{name}", getattr(vote, name), low=0)
            for k, ballot in enumerate(vote.ballots):
                _one_of(f"{where}.votes[{j}].ballots[{k}].vote", ballot.vote, VOTE_CHOICES)
        for j, note in enumerate(p.notes):
            _one_of(f"{where}.notes[{j}].kind", note.kind, NOTE_KINDS)
        for j, task in enumerate(p.tasks):
            _date(f"{where}.tasks[{j}].due", task.due, empty=True)
        for j, f in enumerate(p.followups):
            _number(f"{where}.followups[{j}].number", f.number)
    if m.adjustment is not None:
        _date("meeting.adjustment.date", m.adjustment.date)
    for i, c in enumerate(m.corrections):
        _date(f"meeting.corrections[{i}].date", c.date)
        _number(f"meeting.corrections[{i}].paragraph", c.paragraph)
    titles = m.functions.titles
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in titles.items()):
        raise Invalid("meeting.functions.titles", "titles")
    numbers = m.numbers()
    if len(numbers) != len(set(numbers)):
        raise Invalid("meeting.paragraphs", "same_number")
    _texts("meeting", m)


def stored_dates(m: Meeting) -> Both | None:
    """What is wrong with a stored meeting's own dates, in both languages, or None.

    The deadlines, the order of §§ and the protocol count from them, so a
    meeting file with a date that is no date (hand-edited to "2018-13-02") does
    not read: it is reported by name, with the field and why, like any file
    that does not parse, and left as it is. Cheap: every read of a file asks.
    """
    found = [("date", m.date, bool(m.period))]
    if m.adjustment is not None:
        found.append(("adjustment.date", m.adjustment.date, False))
    if m.posted:
        found.append(("posted", m.posted, False))
    for name, value, year_will_do in found:
        if _is_day(value) or (year_will_do and re.fullmatch(r"\d{4}", value)):
            continue
        said = {
            "field": name,
            "value": value if len(value) <= 40 else value[:40] + "…",
            "why": _why_no_date(value, year_will_do),
        }
        return Both.of(lambda lang, said=said: say("messages.damaged_date", lang, **said))
    return None


def _is_day(value: str) -> bool:
    """YYYY-MM-DD, and a day of the calendar."""
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _why_no_date(value: str, year_will_do: bool) -> Both:
    """"det finns ingen månad 13", as a date typed so is refused; else the form wanted."""
    from .dates import parse_date  # dateutil's parser: only for a file found wrong

    if _DATE.fullmatch(value):
        try:
            parse_date(value)
        except ValueProblem as exc:
            return exc.why
    key = "invalid_year_or_date" if year_will_do else "invalid_date"
    return Both.said(f"messages.{key}")


def check_organ(o: Organ) -> None:
    _one_of("organ.numbering", o.numbering, POLICIES)
    _schema("organ.schema", o.schema)
    _rules("organ.rules", o.rules)
    for i, p in enumerate(o.roster):
        _one_of(f"organ.roster[{i}].role", p.role, ROLES)
        _date(f"organ.roster[{i}].since", p.since, empty=True)
        _date(f"organ.roster[{i}].until", p.until, empty=True)
    _texts("organ", o)


def _rules(where: str, rules: Rules) -> None:
    _one_of(f"{where}.attendance", rules.attendance, ATTENDANCE)
    # The phrase is filled in with str.format: only {organ} may stand in it.
    try:
        parts = list(string.Formatter().parse(rules.decision))
    except ValueError:  # an unmatched { or }
        raise Invalid(f"{where}.decision", "braces") from None
    for _, field, spec, conversion in parts:
        if field is not None and (field != "organ" or spec or conversion):
            raise Invalid(f"{where}.decision", "braces")


def _texts(where: str, obj: Any) -> None:
    for path, value in _strings(where, obj):
        if len(value) > MAX_TEXT:
            raise Invalid(path, "too_long", limit=MAX_TEXT)


def _strings(where: str, obj: Any) -> Iterator[tuple[str, str]]:
    if isinstance(obj, str):
        yield where, obj
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _strings(f"{where}[{i}]", v)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(f"{where}.{k}", v)
    elif hasattr(obj, "__dataclass_fields__"):
        for name in obj.__dataclass_fields__:
            yield from _strings(f"{where}.{name}", getattr(obj, name))


def _one_of(where: str, value: str, known: tuple[str, ...]) -> None:
    if value not in known:
        raise Invalid(where, "one_of", known=", ".join(known))


def _schema(where: str, value: int) -> None:
    if not 1 <= value <= SCHEMA:
        raise Invalid(where, "schema", known=SCHEMA)


def _is_date(value: str) -> bool:
    """A day (`_is_day`) in the years a document may name."""
    return _is_day(value) and 1800 <= int(value[:4]) <= 2200


def _date(where: str, value: str, empty: bool = False) -> None:
    if empty and value == "":
        return
    if not _is_date(value):
        raise Invalid(where, "date")


def _time(where: str, value: str) -> None:
    if value and not _TIME.fullmatch(value):
        raise Invalid(where, "time")


def _number(where: str, value: int | None, low: int = 1) -> None:
    if value is not None and not low <= value <= MAX_NUMBER:
        raise Invalid(where, "number", low=low, high=MAX_NUMBER)
