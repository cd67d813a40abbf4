"""A § number as OCR misreads it (`§ l`, `§ I`, `§ 1O`), read as digits and said.

A trial's scanned hembygdsförening protocol had `§ l Sammanträdet öppnades …`
for § 1: no § was read there, and its sentence became text before § 2.
"""

from __future__ import annotations

from pathlib import Path

from protokoll.store.importer import read_protocol


def imp(text: str):
    meeting, report = read_protocol(text.encode("utf-8"), Path("skannat.txt"))
    return meeting, report


HEAD = "Protokoll fört vid styrelsesammanträde\nDatum: 2024-03-03\n\n"


def test_a_misread_one_in_a_headings_number_is_read_as_the_digit_and_reported():
    m, report = imp(
        HEAD
        + "§ l Sammanträdet öppnades av ordföranden.\n"
        + "§ 2 Till att justera protokollet valdes Tore Wall.\n"
        + "§ I0 Ekonomi\nKassan redovisades.\n"
        + "KF § I Val av justerare\nTore Wall valdes.\n"
        + "l2 § Övrigt\nInget.\n"
    )
    assert [p.number for p in m.paragraphs] == [1, 2, 10, 1, 12]
    assert m.paragraphs[2].title == "Ekonomi"
    said = [(n.line, n.text("sv")) for n in report.notices if n.key == "ocr_number"]
    assert [line for line, _ in said] == [4, 6, 8, 10]
    assert said[0][1] == (
        "§-numret 'l' läses som 1: en skanning (OCR) läser ofta 1 som l eller I och 0 som O; "
        "kontrollera det"
    )
    assert any(t.line == 4 and t.guess for t in m.provenance)


def test_a_line_that_is_no_heading_keeps_its_letters():
    m, report = imp(
        HEAD + "§ 1 Öppnande\nEnligt stadgarna\n§ I enlighet med beslutet\n§ Inledning\n" + "§ O\n"
    )
    assert [p.number for p in m.paragraphs] == [1]
    assert "§ I enlighet med beslutet" in m.paragraphs[0].text
    assert not [n for n in report.notices if n.key == "ocr_number"]


TITLE = "Protokoll fört vid styrelsesammanträde\n"
BODY = "\n§ 1 Öppnande\nMötet öppnades.\n"


def test_a_misread_date_in_a_date_field_is_read_and_reported_with_its_line():
    # A trial's scanned hembygdsförening protocol had `den 3 mars 2O24`: no
    # date was read, and the file was refused for want of one.
    for written, day in (
        ("2O24-03-12", "2024-03-12"),
        ("12 mars 2O24", "2024-03-12"),
        ("l2 mars 2O24", "2024-03-12"),
        ("2024-O3-l2", "2024-03-12"),
        ("3/3 2OI9", "2019-03-03"),
    ):
        m, report = imp(TITLE + f"Datum: {written}\n" + BODY)
        assert m.date == day
        said = [n for n in report.notices if n.key == "ocr_date"]
        assert [(n.line, n.params["written"]) for n in said] == [(2, written)]
        assert report.lines("skannat.txt")[0] == (
            f"skannat.txt:2: datumet '{written}' läses som {day}: en skanning (OCR) läser "
            "ofta 1 som l eller I och 0 som O; kontrollera det"
        )
        assert any(t.line == 2 and t.guess for t in m.provenance)


def test_a_misread_date_in_a_heading_line_dates_the_meeting_and_is_said():
    m, report = imp(
        "BRÄNNA HEMBYGDSFÖRENING\n" + TITLE.strip() + "\nden 3 mars 2O24 i Hembygdsgården\n" + BODY
    )
    assert m.date == "2024-03-03"
    assert [n.line for n in report.notices if n.key == "ocr_date"] == [3]


def test_what_is_no_date_then_keeps_its_letters():
    # `I mars 2024`: a sentence's "I", not the first; `2O24-l3-12`: no month 13;
    # a § keeps its text as written (only the head is where the date is read).
    m, report = imp(
        TITLE + "Datum: 2024-03-12\nI mars 2O24 beslutades\nRapport 2O24-l3-12\n"
        + "\n§ 1 Öppnande\nMötet öppnades den 12 mars 2O24.\n"
    )  # fmt: skip
    assert m.date == "2024-03-12"
    assert not [n for n in report.notices if n.key == "ocr_date"]
    assert "den 12 mars 2O24." in m.paragraphs[0].text
