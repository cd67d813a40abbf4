"""An imported protocol whose organ is a near form of one in the store (Medlemsråd,
Medlemsrådet) goes under that organ, with a warning; never a silent second organ."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Store
from protokoll.store.importer import import_protocol
from protokoll.store.importer.organs import near_form
from protokoll.tui.cli import main

SEEDS = Path(__file__).parent / "data" / "seeds"
SJUHARAD = SEEDS / "sjuharad-medlemsrad-2020-03-27.txt"  # "Organ **Medlemsråd för …" on line 3


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Medlemsråd", "Medlemsrådet"),
        ("Styrelsen", "Styrelse"),
        ("Nämnd", "Nämnden"),
        ("Arbetsutskott", "arbetsutskottet"),
        ("Socialnämnd", "SOCIALNÄMNDEN"),
        ("Kommunstyrelsens  arbetsutskott", "kommunstyrelsens arbetsutskottet"),
        ("Presidium", "Presidiet"),
    ],
)
def test_the_definite_and_indefinite_form_of_one_noun_are_near_forms(a, b):
    assert near_form(a, b) and near_form(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Styrelsen", "Styrelsen"),  # the same name: found as it is, no warning
        ("Styrelsen", "Styrelserna"),  # plural: not one body
        ("Nämnden", "Nämnder"),
        ("Råd", "Rådgivare"),
        ("Arbetsutskottet", "Beredningsgruppen"),
        ("Socialnämnden", "Kulturnämnden"),
        ("Kommunstyrelsens arbetsutskott", "Regionstyrelsens arbetsutskottet"),
    ],
)
def test_other_names_are_not_near_forms(a, b):
    assert not near_form(a, b)


def imported(store: Store, path: Path = SJUHARAD, dry_run: bool = False):
    return import_protocol(store, path, path.read_bytes(), dry_run=dry_run)


def test_a_near_form_goes_under_the_existing_organ_with_a_warning_at_its_line(tmp_path):
    store = Store(tmp_path / "store")
    store.add_organ("Medlemsrådet", "Sjuhärads samordningsförbund", organ_id="mr")
    result = imported(store)
    assert result.meeting.organ_id == "mr"
    assert [o.id for o in Store(store.path).organs()] == ["mr"]
    lines = result.report.lines("sjuharad.txt", "sv")
    said = [line for line in lines if "Medlemsrådet" in line]
    assert said == [
        "sjuharad.txt:3: organet 'Medlemsråd' är samma namn som det befintliga "
        "'Medlemsrådet' (mr) i annan form; mötet lades under 'Medlemsrådet'"
    ]
    assert any("in another form" in line for line in result.report.lines("x", "en"))


def test_a_dry_run_says_the_same_and_makes_nothing(tmp_path):
    store = Store(tmp_path / "store")
    store.add_organ("Medlemsrådet", "Sjuhärads samordningsförbund", organ_id="mr")
    result = imported(store, dry_run=True)
    assert result.meeting.organ_id == "mr"
    assert any(n.key == "organ_near_form" for n in result.report.notices)
    assert len(Store(store.path).organs()) == 1


def test_the_organ_written_the_same_way_is_taken_before_a_near_form(tmp_path):
    store = Store(tmp_path / "store")
    store.add_organ("Medlemsrådet", "Sjuhärads Samordningsförbund", organ_id="definite")
    store.add_organ("Medlemsråd", "Sjuhärads Samordningsförbund", organ_id="same")
    result = imported(store)
    assert result.meeting.organ_id == "same"
    assert not any(n.key == "organ_near_form" for n in result.report.notices)


def test_a_near_form_of_another_organisation_is_another_organ(tmp_path):
    store = Store(tmp_path / "store")
    store.add_organ("Medlemsrådet", "Samordningsförbundet Norrå", organ_id="norra")
    result = imported(store)
    assert result.meeting.organ_id != "norra"
    assert len(Store(store.path).organs()) == 2
    assert not any(n.key == "organ_near_form" for n in result.report.notices)


def test_the_command_line_prints_the_warning_with_file_and_line(tmp_path, capsys):
    store = Store(tmp_path / "store")
    store.add_organ("Medlemsrådet", "Sjuhärads samordningsförbund", organ_id="mr")
    code = main(["import", str(SJUHARAD), "--store", str(store.path)])
    err = capsys.readouterr().err
    assert code == 0
    assert f"{SJUHARAD}:3: organet 'Medlemsråd' är samma namn som det befintliga" in err
    assert [o.id for o in Store(store.path).organs()] == ["mr"]


def _import_text(store: Store, name: str, text: str):
    path = Path(name)
    return import_protocol(store, path, text.encode())


BOARD = "Protokoll fört vid styrelsesammanträde\nDatum: {date}\n\n§ 1 Öppnande\nMötet öppnades.\n"


def test_a_board_of_no_named_body_joining_another_such_board_is_said(tmp_path):
    # Trial 16: a brf, a vägförening and a fiskevårdsområdesförening, none naming
    # itself beside "Styrelsen", shared one organ, registers and follow-ups.
    store = Store(tmp_path / "s")
    first = _import_text(store, "a.txt", BOARD.format(date="2024-03-05"))
    assert not [n for n in first.report.notices if n.key == "organ_of_no_body"]
    second = _import_text(store, "b.txt", BOARD.format(date="2024-04-05"))
    said = [n.text("sv") for n in second.report.notices if n.key == "organ_of_no_body"]
    assert len(said) == 1 and "ange organet med --organ" in said[0]
    # A board whose body stands above its heading is that body's, another organ.
    third = _import_text(
        store,
        "c.txt",
        "LJUSNANS NEDRE FISKEVÅRDSOMRÅDESFÖRENING\n\n" + BOARD.format(date="2024-05-05"),
    )
    # Its case is a reading too: the source wrote it in capitals.
    assert third.meeting.organisation.casefold() == "ljusnans nedre fiskevårdsområdesförening"
    assert len({s.organ_id for s in store.summaries()}) == 2
