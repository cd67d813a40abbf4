"""What the importer reads into its source but the source does not say: each a warning
with the file and the line, so the secretary can check it against the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Store
from protokoll.store.importer import read_protocol
from tests.test_cli import run

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
RAR = SEEDS / "rar-sormland-au-2021-04-15.txt"


def notices(path: Path) -> list[tuple[int | None, str, str]]:
    _, report = read_protocol(path.read_bytes(), path)
    return [(n.line, n.key, n.text()) for n in report.notices]


def line_of(path: Path, words: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, t in enumerate(lines, 1) if words in t)


# --- tasks read out of running text


def test_each_task_read_out_of_a_sentence_is_a_warning_at_its_line():
    tasks = [(no, text) for no, key, text in notices(RAR) if key == "task_from_text"]
    assert [no for no, _ in tasks] == [
        line_of(RAR, "Micke får i uppgift"),
        line_of(RAR, "Förbundschefen får i uppgift"),
    ]
    assert "'Micke får i uppgift att …'" in tasks[0][1]
    assert "'Förbundschefen: göra förändringarna'" in tasks[1][1]


def test_a_task_sentence_wrapped_over_lines_is_placed_where_it_begins(tmp_path):
    text = (
        "Protokoll styrelsen\n\nDatum: 2024-03-14\n\nNärvarande: Åsa Öberg, Karin Ek\n\n"
        "§ 1 Kallelse\n\nStyrelsen diskuterar årsmötet. Karin\nEk får i uppgift att skicka\n"
        "kallelsen.\n"
    )
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    (task,) = [(no, t) for no, key, t in notices(path) if key == "task_from_text"]
    assert task[0] == 9  # the line `Karin` begins the sentence on
    assert "'Karin Ek: skicka kallelsen'" in task[1]


def test_a_task_given_in_a_clause_is_its_subjects_not_the_whole_sentences(tmp_path):
    """"… läggs till handlingarna samt att ordföranden får i uppgift att meddela
    styrelsen" had given the task to "Arbetsutskottet beslutar att
    styrelseprotokollet läggs till handlingarna samt att ordföranden" (trial 10)."""
    text = (
        "Protokoll styrelsen\n\nDatum: 2024-03-14\n\nNärvarande: Åsa Öberg, Karin Ek\n\n"
        "§ 1 Protokoll\n\nStyrelsen beslutar att protokollet läggs till handlingarna\n"
        "samt att ordföranden får i uppgift att meddela\nmedlemmarna.\n"
    )
    path = tmp_path / "p.txt"
    path.write_text(text, encoding="utf-8")
    m, _ = read_protocol(path.read_bytes(), path)
    (task,) = [t for p in m.paragraphs for t in p.tasks]
    assert (task.owner_name, task.text) == ("ordföranden", "meddela medlemmarna")


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("name", ["20250410-au", "20250520-bg", "20250605-au"])
def test_tasks_listed_under_uppdrag_are_read_back_without_a_guess(example, name):
    path = EXAMPLES / f"{name}.txt"
    m, report = read_protocol(path.read_bytes(), path)
    original = Store(example, create=False).load(name)

    def tasks(meeting):
        return [
            (p.number, meeting.name_of(t.owner) or t.owner_name, t.text, t.due)
            for p in meeting.paragraphs
            for t in p.tasks
        ]

    assert tasks(m) == tasks(original) != []
    assert report.notices == []


def test_an_uppdrag_heading_over_other_text_stays_text(tmp_path):
    path = protocol(tmp_path, "Beslutande: Anna Ek")
    text = path.read_text().replace("Öppnat.", "Uppdrag\n    att se över stadgarna")
    path.write_text(text, encoding="utf-8")
    m, _ = read_protocol(path.read_bytes(), path)
    assert m.paragraphs[0].tasks == []
    assert "att se över stadgarna" in m.paragraphs[0].text


def test_a_dry_run_says_the_tasks_it_would_make(tmp_path, capsys):
    code, _, err = run(capsys, "--store", str(tmp_path / "s"), "import", "--dry-run", str(RAR))
    assert code == 0
    assert f"{RAR}:{line_of(RAR, 'Micke får i uppgift')}: § 24: uppdraget 'Micke: " in err


# --- a list of those present is not a list of those who decided

SENIORNET = SEEDS / "seniornet-internet-styrelse-skypemote-2018-05-02.txt"


def test_a_plain_narvarande_heading_is_said_to_be_printed_under_its_own_word():
    said = [(no, text) for no, key, text in notices(SENIORNET) if key == "present_as_voting"]
    assert said == [
        (
            5,  # the line `Närvarande` stands on, alone, above the first names
            "'Närvarande' säger inte vilka som var beslutande; de 4 som står där skrivs "
            "under 'Närvarande' i protokollet, inte som beslutande",
        )
    ]


def protocol(tmp_path: Path, attendance: str) -> Path:
    path = tmp_path / "p.txt"
    path.write_text(
        "PROTOKOLL fört vid sammanträde med styrelsen för Föreningen X\n\nDatum: 2024-03-14"
        f"\n\n{attendance}\n\n§ 1 Öppnande\n\nÖppnat.\n",
        encoding="utf-8",
    )
    return path


def test_any_heading_that_gives_no_category_is_said_at_its_line(tmp_path):
    for heading in ("Deltagare:", "Närvarolista", "NÄRVARANDE:"):
        path = protocol(tmp_path, f"{heading}\nAnna Ek\nBo Lund\nCia Berg")
        said = [(no, key) for no, key, _ in notices(path)]
        assert said == [(5, "present_as_voting")], heading


def test_a_heading_that_says_who_decided_gives_no_such_warning(tmp_path):
    for heading in ("Beslutande:", "Närvarande ledamöter:", "Ledamöter:"):
        path = protocol(tmp_path, f"{heading} Anna Ek, Bo Lund, Cia Berg")
        assert notices(path) == [], heading


def test_staff_in_a_plain_list_are_said_at_the_list(tmp_path):
    path = protocol(tmp_path, "Närvarande:\nAnna Ek\nBo Lund\nCia Berg, förbundschef")
    said = [(no, key) for no, key, _ in notices(path)]
    # The staff warning says the others were counted as deciding: one warning, not two.
    assert said == [(5, "staff_not_voting")]


# --- a date that is none is not a missing date


def test_an_impossible_date_is_named_with_its_line_and_what_is_wrong(tmp_path, capsys):
    path = protocol(tmp_path, "Beslutande: Anna Ek")
    path.write_text(path.read_text().replace("2024-03-14", "2021-02-30"), encoding="utf-8")
    code, out, err = run(capsys, "--store", str(tmp_path / "s"), "import", "--dry-run", str(path))
    assert (code, out) == (1, "")
    assert err == (
        f"protokoll: fel: {path}:3: 'Datum: 2021-02-30' är inget datum: februari 2021 har "
        "ingen dag 30; rätta raden; inget importerades\n"
    )
    code, _, err = run(capsys, "--store", str(tmp_path / "s"), "--lang", "en", "import", str(path))
    assert code == 1 and "'Datum: 2021-02-30' is not a date: February 2021 has no day 30" in err
    _, out, _ = run(capsys, "--store", str(tmp_path / "s"), "list")
    assert out == ""  # nothing was imported


def test_a_date_from_the_file_name_says_the_texts_date_did_not_read(tmp_path):
    path = protocol(tmp_path, "Beslutande: Anna Ek")
    named = tmp_path / "styrelsen-2021-02-28.txt"
    named.write_text(path.read_text().replace("2024-03-14", "2021-02-30"), encoding="utf-8")
    m, report = read_protocol(named.read_bytes(), named)
    assert m.date == "2021-02-28"
    said = [(n.line, n.key) for n in report.notices]
    assert said == [(3, "bad_field"), (3, "date_from_name_bad")]
    assert "går inte att läsa" in report.notices[1].text()


# --- every warning the importer can place has its line

HOGSBY = SEEDS / "hogsby-kommunfullmaktige-2017-09-04.PARTIAL.txt"
# Said of the whole file: there is no one line they are about.
WHOLE_FILE = {"encoding", "date_from_name", "no_paragraphs", "docx_lines", "pdf_lines"}


def test_the_chair_not_voting_is_said_at_the_line_of_the_name():
    said = [(no, text) for no, key, text in notices(HOGSBY) if key == "chair_not_voting"]
    assert said == [
        (line_of(HOGSBY, "Anders Ek"), "ordföranden Anders Ek står inte bland de beslutande")
    ]


def test_no_organ_is_said_at_the_heading_it_was_looked_for_in():
    said = [no for no, key, _ in notices(SENIORNET) if key == "no_organ"]
    assert said == [line_of(SENIORNET, "Protokoll fört vid Skypemöte")]


def test_no_organ_and_no_heading_is_said_at_the_first_line(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("\n\nDatum: 2024-03-14\n\n§ 1 Öppnande\n\nÖppnat.\n", encoding="utf-8")
    assert [no for no, key, _ in notices(path) if key == "no_organ"] == [3]


def test_control_characters_are_said_at_the_first_line_with_one(tmp_path):
    path = protocol(tmp_path, "Beslutande: Anna Ek")
    text = path.read_text().replace("Öppnat.", "Öppnat.\x1b[2J")
    path.write_text(text, encoding="utf-8")
    said = [no for no, key, _ in notices(path) if key == "controls"]
    assert said == [text.splitlines().index("Öppnat.\x1b[2J") + 1]


def test_no_seed_gives_a_warning_without_a_line_it_could_have():
    for path in sorted(SEEDS.glob("*.txt")):
        unplaced = [key for no, key, _ in notices(path) if no is None]
        assert [k for k in unplaced if k not in WHOLE_FILE] == [], path.name


# --- a second name after a comma is not silently an organisation


def test_a_name_after_a_comma_taken_as_an_organisation_is_said(tmp_path):
    path = protocol(tmp_path, "Beslutande: Anna Ek, Bo Lund")
    said = [(no, key, text) for no, key, text in notices(path)]
    assert said == [
        (
            5,
            "organisation_or_person",
            "'Anna Ek, Bo Lund': 'Bo Lund' togs som organisationen Anna Ek företräder; det är "
            "skrivet som ett namn och kan vara en person till",
        )
    ]


def test_an_organisation_that_says_so_or_follows_a_party_is_no_guess(tmp_path):
    for line in (
        "Beslutande: Anna Ek, Västra Götalandsregionen",
        "Beslutande: Anna Ek, Borås Stad",
        "Beslutande: Anna Ek (S), Region Norrå",
    ):
        assert notices(protocol(tmp_path, line)) == [], line
