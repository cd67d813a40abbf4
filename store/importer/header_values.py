"""The value of a field of the head, read into the Header: a date, a time, a
place and time together, an organ, a range of §s, the names of a function."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import is_period, parse_date, parse_time_range, parse_when
from ..errors import ValueProblem
from .header_dates import CLOCK_ANY, ORDINAL
from .header_fields import FUNCTIONS, names_in
from .header_model import Header

# Sweden's time zone after a time (`18:00 CET`): what every time here is.
LOCAL_ZONE = re.compile(r"\(?(?:(?-i:CET|CEST)|svensk tid|swedish time)\)?(?=[\s.,;]|$)", re.I)
TIMED = {"time", "date", "place_time"}


def set_value(h: Header, kind: str, value: str, no: int) -> None:
    """The field of `kind` at line `no`, its `value` as written; raises
    ValueProblem for a value that does not read as one."""
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
        day, start, end = parse_when(ORDINAL.sub(r"\1", value))
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
    elif kind in FUNCTIONS:
        names = names_in(value)
        if names is None:
            raise ValueProblem.said("what_value", "not_a_name", text=value)
        h.functions[kind] += [(n, no) for n in names]
        for name, party in re.findall(r"([^,()]+?)\s*\(([A-ZÅÄÖ]{1,4})\)", value):
            h.parties[name.split(" och ")[-1].strip()] = party


def _place_and_times(value: str) -> tuple[str, str, str | None] | None:
    """`Församlingshemmet, Västra Ny, kl. 18.30–20.45`: the place and the times
    of a `Plats och tid` that gives no day (the day stands elsewhere); None
    when there are no times either."""
    clock = CLOCK_ANY.search(value)
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


def value_and_rest(kind: str, value: str) -> tuple[str, str]:
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
