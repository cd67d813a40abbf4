"""Dates and times as secretaries type them."""

from __future__ import annotations

import datetime as dt

import pytest

from protokoll.store import ValueProblem, parse_date, parse_time, parse_time_range, parse_when

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-04-15", "2021-04-15"),
        ("200529", "2020-05-29"),  # dateutil alone reads this as 2029-05-20
        ("20200529", "2020-05-29"),
        ("27 mars 2020", "2020-03-27"),
        ("fredag 27 mars 2020", "2020-03-27"),
        ("Fredag 27 mars 2020", "2020-03-27"),
        ("fredagen den 29 maj 2020", "2020-05-29"),
        ("27/3 2020", "2020-03-27"),
        ("27/3", "2026-03-27"),  # no year: this year
        ("  2 okt. 2024 ", "2024-10-02"),
        ("idag", "2026-11-23"),
        ("i morgon", "2026-11-24"),
    ],
)
def test_swedish_dates_are_read(text, expected):
    assert parse_date(text, TODAY).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("tisdag 27 mars 2020", "är en fredag, inte en tisdag"),
        ("31 april 2020", "april 2020 har ingen dag 31"),
        # Not "ingen dag angiven": dateutil took 32 for a year (a trial).
        ("fredag 32 mars", "mars 2026 har ingen dag 32"),
        ("2021-02-29", "februari 2021 har ingen dag 29"),
        ("201399", "ingen månad 13"),
        ("mars 2020", "ingen dag"),
        ("10-11-12", "tvetydigt"),
        ("0529", "tvetydigt"),
        ("Hösten 2024", "en period, inte ett datum"),
        ("kl 18.30", "förstår inte"),
        ("", "inget datum"),
        ("fredag", "bara en veckodag"),
        ("snart", "förstår inte"),
        # A day too many after a slash is that, not "no day" (found in a trial).
        ("32/5", "ingen dag 32"),
        ("32/5 2020", "maj 2020 har ingen dag 32"),
        ("5/13", "ingen månad 13"),
    ],
)
def test_bad_dates_get_a_message_naming_what_was_wrong(text, says):
    with pytest.raises(ValueProblem) as err:
        parse_date(text, TODAY)
    assert says in str(err.value)
    assert f"'{text}'" in str(err.value)


def test_messages_exist_in_english():
    with pytest.raises(ValueProblem) as err:
        parse_date("tisdag 27 mars 2020", TODAY)
    assert err.value.text("en").endswith("2020-03-27 is a Friday, not a Tuesday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kl. 13.00–14.00", ("13:00", "14:00")),
        ("09.30 – 11.30", ("09:30", "11:30")),
        ("13:00", ("13:00", None)),
        ("kl 18.30", ("18:30", None)),  # a time, not the 18th
        ("klockan 9", ("09:00", None)),
        ("1300-1430", ("13:00", "14:30")),
    ],
)
def test_times_and_time_ranges_are_read(text, expected):
    assert parse_time_range(text) == expected


@pytest.mark.parametrize(
    ("text", "says"), [("25.00", "0–23"), ("14.00-13.00", "före"), ("lunch", "förstår inte")]
)
def test_bad_times_are_refused(text, says):
    with pytest.raises(ValueProblem) as err:
        parse_time_range(text)
    assert says in str(err.value)


def test_a_date_with_a_time_range_after_it():
    when = parse_when("Fredag 27 mars 2020, klockan 09.30 – 11.30", TODAY)
    assert when == (dt.date(2020, 3, 27), "09:30", "11:30")


def test_single_time():
    assert parse_time("kl. 7.05") == "07:05"


@pytest.mark.parametrize(
    ("text", "held", "expected"),
    [
        ("15/1", "2026-11-30", "2027-01-15"),  # said in November: next January
        ("15 januari", "2026-11-30", "2027-01-15"),
        ("30/11", "2026-11-30", "2026-11-30"),  # the day itself
        ("1 dec", "2026-11-30", "2026-12-01"),
        ("30/4", "2020-03-27", "2020-04-30"),  # an old meeting taken afterwards: its year
        ("15/1 2026", "2026-11-30", "2026-01-15"),  # a year written is the year meant
        ("idag", "2020-03-27", "2026-11-23"),
    ],
)
def test_a_deadline_without_a_year_is_the_next_such_day_from_the_meeting(text, held, expected):
    day = parse_date(text, today=TODAY, ahead_of=dt.date.fromisoformat(held))
    assert day.isoformat() == expected
