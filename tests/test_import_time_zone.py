"""`Time: 18:00 CET`: Sweden's time zone after a time is said and left out.

Two trials' English board minutes had "CET" printed as a line of text of its
own before § 1. Every time of a protocol is Swedish time; another zone is
no such thing, and stays text where it stood.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store.importer import read_protocol
from protokoll.store.render import render_text

BODY = "Place: The office\n\n§ 1 Opening\nThe meeting was opened.\n"


def imp(text: str):
    meeting, report = read_protocol(text.encode("utf-8"), Path("minutes.txt"))
    return meeting, report


@pytest.mark.parametrize(
    ("line", "at"),
    [
        ("Time: 18:00 CET", 3),
        ("Time: 18:00–20:00 CET", 3),
        ("Tid: kl. 18.00 (svensk tid)", 3),
        ("Time: 18:00\nCET", 4),
        ("Date: 14 March 2019 18:00 CET", 2),
    ],
)
def test_the_swedish_time_zone_after_a_time_is_said_and_not_printed_as_text(line, at):
    head = "Minutes of the board meeting\n" + (
        "" if line.startswith("Date") else "Date: 2019-03-14\n"
    )
    m, report = imp(head + line + "\n" + BODY)
    assert (m.date, m.start) == ("2019-03-14", "18:00")
    assert "CET" not in m.intro and "svensk tid" not in m.intro
    assert "CET" not in render_text(m)
    said = [(n.line, n.params["zone"]) for n in report.notices if n.key == "time_zone"]
    assert len(said) == 1 and said[0][0] == at


def test_a_sentence_after_the_zone_stays_text_and_another_zone_stays_as_written():
    m, _ = imp("Minutes\nDate: 2019-03-14\nTime: 18:00 CET. The meeting was held online.\n" + BODY)
    assert m.intro.strip().endswith("The meeting was held online.")
    m, report = imp("Minutes\nDate: 2019-03-14\nTime: 18:00 UTC\n" + BODY)
    assert "UTC" in m.intro
    assert not [n for n in report.notices if n.key == "time_zone"]
