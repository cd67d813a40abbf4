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
