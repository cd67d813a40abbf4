"""Boards of different bodies are different organs; one body's board is one.

`Protokoll fört vid styrelsemöte` names a board, not whose. Under letterheads
the importer did not know as a body's (`Brf Eken`, `IK Stjärnan`, `PRO
Sandvikens Norra`, `Knösö jaktlag`, `Solgläntans Vänner`) every such
protocol went under one `Styrelsen`, numbering, registers and follow-ups
together; two of one day with the same § titles were even refused as "the
same meeting".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Store
from protokoll.store.importer import import_protocol


def board(letterhead: str, day: str) -> bytes:
    return (
        f"{letterhead}\n\nProtokoll fört vid styrelsemöte\nDatum: {day}\n\n"
        "Närvarande: Anna Ek, Bo Lund, Cia Berg\n\n§ 1 Öppnande\nMötet öppnades.\n"
    ).encode()


@pytest.mark.parametrize(
    "letterheads",
    [
        ("Brf Eken", "IK Stjärnan"),
        ("PRO Sandvikens Norra", "Nordvik AB"),
        ("Knösö jaktlag", "Ekhagens vägsamfällighet"),
        ("Solgläntans Vänner", "Stjärnans skytteklubb"),
    ],
)
def test_two_bodies_boards_are_two_organs_and_each_reading_is_said(tmp_path, letterheads):
    store = Store(tmp_path / "s")
    done = [
        import_protocol(store, Path(f"{n}.txt"), board(head, "2024-03-05"))
        for n, head in enumerate(letterheads)
    ]
    assert all(x.created for x in done)
    organs = {o.id: (o.name, o.organisation) for o in store.organs()}
    assert sorted(organs.values()) == sorted(("Styrelsen", h) for h in letterheads)
    for x in done:
        said = [n for n in x.report.notices if n.key == "organisation_from_letterhead"]
        assert [n.line for n in said] == [1]


def test_one_bodys_boards_are_one_organ(tmp_path):
    store = Store(tmp_path / "s")
    first = import_protocol(store, Path("a.txt"), board("Brf Eken", "2024-03-05"))
    second = import_protocol(store, Path("b.txt"), board("BRF EKEN", "2024-04-09"))
    assert first.created and second.created
    assert first.meeting.organ_id == second.meeting.organ_id
    assert [(o.name, o.organisation) for o in store.organs()] == [("Styrelsen", "Brf Eken")]


def test_a_letterhead_of_more_lines_than_a_name_is_not_guessed_at(tmp_path):
    m = import_protocol(
        Store(tmp_path / "s"), Path("a.txt"), board("Solgläntans Vänner\nStorgatan", "2024-03-05")
    ).meeting
    assert m.organisation == ""


def test_protokoll_vid_styrelsemote_with_its_day_names_the_board(tmp_path):
    # A PRO förening's heading (trial 16): it had named no organ at all.
    data = (
        "PRO Sandvikens Norra\nProtokoll vid styrelsemöte den 3 mars 2024\n\n"
        "§ 1 Öppnande\nMötet öppnades.\n"
    ).encode()
    m = import_protocol(Store(tmp_path / "s"), Path("pro.txt"), data).meeting
    assert (m.organ, m.organisation, m.date) == ("Styrelsen", "PRO Sandvikens Norra", "2024-03-03")
