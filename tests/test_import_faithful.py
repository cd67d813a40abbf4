"""Import never invents and never drops: general rules, shown on small documents.

Each document below is written the way real protocols are (the forms the
seeds show and others like them); no file name carries a date, so every date
must come from the text.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from protokoll.store.importer import read_protocol
from protokoll.store.model import Meeting
from protokoll.store.render import render_text


def imp(text: str, name: str = "protokoll.txt") -> tuple[Meeting, list]:
    meeting, report = read_protocol(text.encode("utf-8"), Path(name))
    return meeting, report.notices


def flat(text: str) -> str:
    return " ".join(text.split())


KF = """\
Protokoll fört vid sammanträde med kommunfullmäktige i Exempelby kommun den 3 mars 2022.

Beslutande: Anna Ek (S), ordförande
Bo Lund (M)
Cia Berg (C)

Utses att justera Bo Lund (M) och Cia Berg (C)

§ 12 Ny renhållningstaxa

Kommunstyrelsens förslag till beslut

Kommunfullmäktige beslutar att anta taxan.

Kommunstyrelsen föreslår kommunfullmäktige att anta taxan från den 1 juli.

Kommunfullmäktiges beslut

Kommunfullmäktige beslutar att anta taxan enligt förslaget.

§ 13 Avslutning

Ordföranden avslutar mötet.
"""


def test_a_quoted_proposal_stays_a_proposal_and_the_decision_stays_in_its_paragraph():
    m, _ = imp(KF)
    p12 = m.paragraphs[0]
    assert [d.text for d in p12.decisions] == [
        "Kommunfullmäktige beslutar att anta taxan enligt förslaget."
    ]
    assert "Kommunfullmäktige beslutar att anta taxan." in p12.text
    assert "Kommunstyrelsen föreslår kommunfullmäktige att anta taxan" in p12.text
    assert m.paragraphs[1].decisions == []


def test_a_header_line_naming_adjusters_is_no_decision():
    m, _ = imp(KF)
    assert [m.name_of(a) for a in m.functions.adjusters] == ["Bo Lund", "Cia Berg"]
    assert all("justera" not in d.text for p in m.paragraphs for d in p.decisions)
    assert m.name_of(m.functions.chair) == "Anna Ek"


MISSPELT = """\
Protokoll fört vid sammanträde med styrelsen för Föreningen Exempel den 4 maj 2021.

Närvarande: Jacob Sandström, ordförande
Karin Nord
Lena Öst

§ 1 Mötets öppnande

Mötet öppnades.

Vid protokollet

Lena Öst

Justeras

Jacob Sandgren

Karin Nord
"""


def test_a_misspelt_signer_is_linked_to_the_person_present_with_both_readings():
    m, notices = imp(MISSPELT)
    assert [a.name for a in m.attendees] == ["Jacob Sandström", "Karin Nord", "Lena Öst"]
    assert m.name_of(m.functions.chair) == "Jacob Sandström"
    said = [n for n in notices if n.key == "likely_misspelling"]
    assert len(said) == 1
    text = said[0].text("sv")
    assert "Jacob Sandgren" in text and "Jacob Sandström" in text
    assert "rad 17" in text and "rad 3" in text


def test_several_people_with_titles_on_one_line_are_several_people():
    m, _ = imp(
        "Protokoll fört vid sammanträde med nämnden för Exempelby kommun den 2 februari 2022.\n\n"
        "Beslutande: Anna Ek (S), ordförande\n\n"
        "Övriga deltagande: Per Ås, kommunchef, Eva Holm, ekonom, Ola Berg, "
        "nämndsekreterare, Siv Lind, controller\n\n"
        "§ 1 Mötets öppnande\n\nMötet öppnades.\n"
    )
    staff = [(a.name, a.title) for a in m.attendees if a.category == "ovriga"]
    assert staff == [
        ("Per Ås", "kommunchef"),
        ("Eva Holm", "ekonom"),
        ("Ola Berg", "nämndsekreterare"),
        ("Siv Lind", "controller"),
    ]


STAMMA = """\
STÄMMOPROTOKOLL

Föreningsstämma för Exempelby samfällighetsförening

Datum: 2023-04-20

Närvarande: Anna Ek, Bo Lund, Cia Berg

§ 1 Stämmans öppnande

Till ordförande för stämman valdes Anna Ek.

§ 2 Ansvarsfrihet

Stämman beviljade styrelsen ansvarsfrihet.

§ 3 Budget

Stämman antog budgeten.
"""


def test_no_legal_deadline_for_an_imported_stamma():
    m, _ = imp(STAMMA)
    assert m.kind == "stammoprotokoll"
    assert render_text(m).startswith("STÄMMOPROTOKOLL\n")
    assert "ska justeras senast" not in render_text(m)


def test_elections_and_decision_wordings_in_the_text():
    m, _ = imp(STAMMA)
    assert m.name_of(m.functions.chair) == "Anna Ek"
    assert [[d.text for d in p.decisions] for p in m.paragraphs] == [
        ["Till ordförande för stämman valdes Anna Ek."],
        ["Stämman beviljade styrelsen ansvarsfrihet."],
        ["Stämman antog budgeten."],
    ]


def test_no_deadline_when_the_source_says_it_is_adjusted():
    m, _ = imp(
        KF.replace("Ordföranden avslutar mötet.", "Ordföranden avslutar mötet.\n\nJusteras\n\n")
        + "\nANSLAG/BEVIS\n\nProtokollet är justerat. Justeringen har tillkännagivits genom anslag."
        "\n\nDatum för anslags uppsättande 2022-03-10\n"
    )
    text = render_text(m)
    assert "ska justeras senast" not in text
    assert "Protokollet är justerat" in text


ARSMOTE = """\
ÅRSMÖTESPROTOKOLL

Årsmöte för Föreningen Exempel

## 6 oktober 2021

11. Budget.

Mötet beslutade att anta budgeten.

13. Val av styrelse.

Mötet valde Anna Ek till ordförande.

14. Val av revisor.

Mötet valde Bo Lund till revisor.

15. Val av valberedning.

Mötet beslutade att vakantsätta valberedningen.

16. Mötets avslutande.

Mötet avslutades.
"""


def test_numbered_points_keep_their_numbers_and_decisions():
    m, _ = imp(ARSMOTE)
    assert m.kind == "arsmotesprotokoll" and m.date == "2021-10-06"
    assert [p.mark for p in m.paragraphs] == ["11.", "13.", "14.", "15.", "16."]
    text = render_text(m)
    for mark in ("11.  Budget.", "13.  Val av styrelse.", "16.  Mötets avslutande."):
        assert mark in text
    assert "\n1.  Budget." not in text
    # Electing the association's chair is no election of the meeting's chair.
    assert m.functions.chair is None


def test_dates_anywhere_in_the_heading():
    for heading, day in (
        ("# Möte 2023-03-24", "2023-03-24"),
        ("## 6 oktober 2021", "2021-10-06"),
        ("Sammanträde 2011-06-16", "2011-06-16"),
        ("Styrelsemöte den 1 december 2007", "2007-12-01"),
    ):
        m, notices = imp(f"{heading}\n\n§ 1 Öppnande\n\nMötet öppnades.\n")
        assert m.date == day, heading
        assert "date_from_name" not in [n.key for n in notices]


def test_a_period_under_the_time_field():
    m, _ = imp("Protokoll\n\nStyrelsen\n\nTid: Hösten 2024\n\n§ 1 Öppnande\n\nMötet öppnades.\n")
    assert m.period == "Hösten 2024"


def test_a_name_after_a_field_word_is_no_field():
    m, _ = imp(
        "Protokoll\n\nStyrelsen\n\nDatum: 2024-02-02\n\n**Dag** Bergentoft hälsade alla välkomna\n"
        "\n§ 1 Öppnande\n\nMötet öppnades.\n"
    )
    assert m.date == "2024-02-02"
    assert "Dag Bergentoft hälsade alla välkomna" in render_text(m)


# --- never drop


def test_a_time_on_the_line_after_the_date_is_kept():
    m, _ = imp(
        "Protokoll\n\nStyrelsen\n\nDatum: 2024-03-05\nKlockan 15:00\n\n§ 1 Öppnande\n\nÖppnat.\n"
    )
    assert (m.date, m.start) == ("2024-03-05", "15:00")


MARKDOWN = """\
# Styrelsemöte 2023-03-24

## Närvarande

- Anna Ek
- Bo Lund
- Cia Berg

Mötesordförande: Anna Ek

Organ och §§: Styrelsen §§ 1-2

## 1. Öppnande

Mötet öppnades.

## 2. Ekonomi

- Kassan
  - banken 100 kr
  - kontant 5 kr
- Skulder

Mötet beslutade att godkänna rapporten.
"""


def test_markdown_minutes_keep_their_attendance_fields_nesting_and_decisions():
    m, _ = imp(MARKDOWN, "styrelse.md")
    assert [a.name for a in m.attendees if a.present] == ["Anna Ek", "Bo Lund", "Cia Berg"]
    assert m.name_of(m.functions.chair) == "Anna Ek"
    assert m.organ == "Styrelsen" and m.date == "2023-03-24"
    assert [(p.mark, p.title) for p in m.paragraphs] == [("1.", "Öppnande"), ("2.", "Ekonomi")]
    ekonomi = m.paragraphs[1]
    assert ekonomi.text == "- Kassan\n  - banken 100 kr\n  - kontant 5 kr\n- Skulder"
    assert [d.text for d in ekonomi.decisions] == ["Mötet beslutade att godkänna rapporten."]
    assert "\n  - banken 100 kr" in render_text(m)


X_TABLE = """\
Protokoll

Styrelsen för Föreningen X

Datum: 2024-01-10

| Namn | Roll | Närvarande | Frånvarande |
|---|---|---|---|
| Anna Ek | ordförande | X | |
| Bo Lund | kassör | | X |
| Cia Berg | ledamot | X | |
| Dan Ås | | | |

§ 1 Öppnande

Mötet öppnades.
"""


def test_an_attendance_table_with_x_columns():
    m, notices = imp(X_TABLE)
    assert [(a.name, a.title, a.present) for a in m.attendees] == [
        ("Anna Ek", "ordförande", True),
        ("Bo Lund", "kassör", False),
        ("Cia Berg", "ledamot", True),
    ]
    # A row without an X says nothing of Dan Ås: kept as written, and said.
    assert "| Dan Ås | | | |" in m.intro
    # An X under `Närvarande` does not say who decided: said at the table's head row.
    assert [(n.key, n.line) for n in notices] == [("table_row", 12), ("present_as_voting", 7)]
    assert notices[1].params == {"heading": "Närvarande", "count": 2}


# --- the forms §s and points take


def test_paragraph_numbers_in_the_forms_kommuner_write_them():
    for heading, mark in (
        ("§ 12 Budget", "§ 12"),
        ("12 § Budget", "12 §"),
        ("KF § 12 Budget", "KF § 12"),
        ("KS §12 Budget", "KS §12"),
        ("Paragraf 12 Budget", "Paragraf 12"),  # read as one item before (trial 10)
    ):
        m, _ = imp(f"Protokoll\n\nStyrelsen\n\nDatum: 2024-05-05\n\n{heading}\n\nText.\n")
        assert [(p.number, p.mark, p.title) for p in m.paragraphs] == [(12, mark, "Budget")]


def test_points_in_the_forms_associations_write_them():
    for first, second, marks in (
        ("11) Budget", "12) Val", ["11)", "12)"]),
        ("Punkt 11 Budget", "Punkt 12 Val", ["Punkt 11", "Punkt 12"]),
    ):
        m, _ = imp(
            f"Mötesprotokoll\n\nÅrsmöte för Föreningen X\n\n2024-05-05\n\n{first}\n\n"
            f"Mötet beslutade att anta budgeten.\n\n{second}\n\nMötet valde Anna Ek till kassör.\n"
        )
        assert [p.mark for p in m.paragraphs] == marks
        assert [len(p.decisions) for p in m.paragraphs] == [1, 1]
        assert f"{marks[0]}  Budget" in render_text(m)


def test_a_list_in_the_text_is_no_run_of_points():
    m, _ = imp(
        "Protokoll\n\nStyrelsen\n\nDatum: 2024-05-05\n\n§ 1 Rapporter\n\n"
        "Följande rapporterades:\n1. Kassan är god.\n2. Medlemmarna är fler.\n"
    )
    assert [p.number for p in m.paragraphs] == [1]
    assert "1. Kassan är god.\n2. Medlemmarna är fler." in m.paragraphs[0].text


def test_decomposed_text_reads_as_composed_and_gets_the_same_id():
    composed = STAMMA
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    m, _ = imp(decomposed)
    assert m.name_of(m.functions.chair) == "Anna Ek"
    assert [p.title for p in m.paragraphs][0] == "Stämmans öppnande"
    assert m.id == imp(composed)[0].id


def test_deadlines_of_an_imported_meeting_follow_its_organs_profile(tmp_path):
    from protokoll.store import Organ, Store
    from protokoll.store.importer import import_protocol
    from protokoll.store.model import Rules

    text = KF.replace("Ordföranden avslutar mötet.", "Ordföranden avslutar mötet.\n\nJusteras\n")
    path = tmp_path / "kf.txt"
    path.write_text(text, encoding="utf-8")
    plain = import_protocol(Store(tmp_path / "a"), path, path.read_bytes(), dry_run=True)
    assert "ska justeras senast" not in render_text(plain.meeting)
    store = Store(tmp_path / "b")
    store.save_organ(
        Organ("kf", "kommunfullmäktige", "Exempelby kommun", rules=Rules(posts_notices=True))
    )
    posting = import_protocol(store, path, path.read_bytes(), dry_run=True)
    assert posting.meeting.organ_id == "kf"
    assert "Protokollet ska justeras senast 2022-03-17." in render_text(posting.meeting)


def test_two_spellings_are_reported_with_the_line_of_each():
    m, notices = imp(
        "Protokoll\n\nStyrelsen\n\nDatum: 2024-05-05\n\nNärvarande: Charlotta Skålen, Bo Lund, "
        "Cia Berg\n\n§ 1 Öppnande\n\nCharlotta Skålén hälsade välkomna.\n\nVid protokollet\n\n"
        "Charlotta Skålén\n"
    )
    said = [n.text("sv") for n in notices if n.key == "spelling"]
    assert said == [
        "namnet skrivs på flera sätt: 'Charlotta Skålen' (rad 7) och 'Charlotta Skålén' "
        "(rad 15); 'Charlotta Skålen' används"
    ]
    assert [a.name for a in m.attendees] == ["Charlotta Skålen", "Bo Lund", "Cia Berg"]


def test_two_names_side_by_side_on_a_signature_line_are_two_signers():
    m, notices = imp(
        "Protokoll\n\nStyrelsen\n\nDatum: 2024-05-05\n\n"
        "Närvarande: Anna Ek, Bo Lund, Cia Berg, Per-Ola Ås\n\n§ 1 Öppnande\n\nÖppnat.\n\n"
        "Vid protokollet\n\nCia Berg\n\nJusteras\n\nBo Lund Per-Ola Ås\n"
    )
    assert [m.name_of(a) for a in m.functions.adjusters] == ["Bo Lund", "Per-Ola Ås"]
    assert len(m.attendees) == 4  # nobody called "Bo Lund Per-Ola Ås"
    assert [n.key for n in notices] == ["side_by_side", "present_as_voting"]


def word_table_document() -> bytes:
    """A Word document with its attendance as a table (written with python-docx)."""
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("Protokoll fört vid sammanträde med styrelsen för Föreningen X 2024-03-14")
    rows = [
        ("Ledamot", "Närv.", "Frånv.", "Anm."),
        ("Åsa Öberg", "X", "", "ordf."),
        ("Björn Ängström", "", "X", ""),
        ("Cia Berg", "X", "", "tom § 1"),
    ]
    table = d.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.rows[r].cells[c].text = value
    d.add_paragraph("§ 1 Mötets öppnande")
    d.add_paragraph("Mötet öppnades.")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_word_attendance_table_gives_people_presence_and_functions():
    m, _ = read_protocol(word_table_document(), Path("styrelse.docx"))
    assert [(a.name, a.present, a.note) for a in m.attendees] == [
        ("Åsa Öberg", True, ""),
        ("Björn Ängström", False, ""),
        ("Cia Berg", True, "tom § 1"),
    ]
    assert m.name_of(m.functions.chair) == "Åsa Öberg"
    assert (m.organ, m.date) == ("Styrelsen", "2024-03-14")


def test_a_serving_substitute_without_a_colon_serves_for_the_member_named():
    m, _ = imp(
        "Protokoll fört vid sammanträde med nämnden för Exempelby kommun den 2 februari 2022.\n\n"
        "Beslutande Anna Ek (S), ordförande\nBo Lund (M)\n\n"
        "Tjänstgörande ersättare Lars Wiklund (S), för Birgitta Sandell (S)\n\n"
        "§ 1 Mötets öppnande\n\nMötet öppnades.\n"
    )
    lars = next(a for a in m.attendees if a.name == "Lars Wiklund")
    assert (lars.category, lars.party, m.name_of(lars.replaces)) == (
        "ersattare",
        "S",
        "Birgitta Sandell",
    )
    birgitta = next(a for a in m.attendees if a.name == "Birgitta Sandell")
    assert not birgitta.present  # named as the one he serves for, not as present
