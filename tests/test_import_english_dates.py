"""An English protocol's day in the forms it is written: `Date: 14 March 2019`
was read, but `14 March 2019` or `March 14, 2019` on a line of its own, and
`14th March 2019` anywhere, left a board's minutes without a date (refused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store.importer import read_protocol

BODY = "\n§ 1 Opening\nThe meeting was opened.\n"


def imp(text: str):
    meeting, report = read_protocol(text.encode("utf-8"), Path("minutes.txt"))
    return meeting, report


@pytest.mark.parametrize(
    "line",
    [
        "Date: 14 March 2019",
        "Date: March 14, 2019",
        "Date: 14th March 2019",
        "14 March 2019",
        "March 14, 2019",
        "Thursday, 14th of March 2019",
        "Board meeting, Thursday 14 March 2019",
    ],
)
def test_an_english_day_is_the_meetings_date(line):
    m, report = imp(f"Minutes of the board meeting of Nordvik AB\n{line}\nTime: 18:00\n" + BODY)
    assert m.date == "2019-03-14"
    assert not [n for n in report.notices if n.key in ("date_from_name", "bad_field")]


def test_a_line_without_its_year_gives_no_date():
    with pytest.raises(Exception, match="mötesdatum"):
        imp("Minutes of the board meeting\nMarch 14\n" + BODY)
