"""A person's title as the source wrote it, and the name as only the name.

A trial's årsmöte had `Sara Nilsson, mötessekreterare` and `mötesordförande`
under its signatures printed as "sekreterare" and "ordförande": words the
source did not write. The word the protocol prints for a function anyway
(`ordförande`, `ordf.`) is no title of its own; any other is kept.
"""

from __future__ import annotations

from pathlib import Path

from protokoll.store.importer import read_protocol
from protokoll.store.render import render_text


def imp(text: str):
    meeting, report = read_protocol(text.encode("utf-8"), Path("protokoll.txt"))
    return meeting, [n.text("sv") for n in report.notices]


HEAD = "Protokoll fört vid årsmöte för IK Eken\nDatum: 2024-03-03\n"
BODY = "\n1. Mötets öppnande\nMötet öppnades.\n"


def test_a_signers_compound_title_is_printed_as_written():
    m, _ = imp(
        HEAD
        + "Närvarande: Sara Nilsson, Tomas Grahn, Ebba Lund, Hussein Farah\n"
        + BODY
        + "\nVid protokollet\nSara Nilsson, mötessekreterare\n\nJusteras\n"
        + "Tomas Grahn               Ebba Lund\nmötesordförande           justeringsperson\n"
    )
    f = m.functions
    assert m.name_of(f.chair) == "Tomas Grahn" and m.name_of(f.secretary) == "Sara Nilsson"
    assert [m.name_of(a) for a in f.adjusters] == ["Ebba Lund"]
    text = render_text(m)
    assert "Sara Nilsson, mötessekreterare\n" in text
    assert "Tomas Grahn, mötesordförande\n" in text
    assert "Ebba Lund, justeringsperson" in text
    assert "Sara Nilsson, sekreterare" not in text and "Tomas Grahn, ordförande" not in text


def test_the_plain_function_word_under_a_signer_is_no_title_of_its_own():
    m, _ = imp(
        HEAD + "Närvarande: Anna Ek, Bo Lund, Cia Berg\n" + BODY
        + "\nVid protokollet\nBo Lund\nsekreterare\n\nJusteras\nAnna Ek\nordf.\n"
    )  # fmt: skip
    assert m.functions.titles == {}
    assert "Anna Ek, ordförande" in render_text(m)


def test_a_compound_title_in_the_attendance_gives_the_function_and_stays_the_title():
    m, said = imp(
        HEAD
        + "Närvarande: Sara Nilsson, mötessekreterare, Tomas Grahn, mötesordförande, "
        + "Ebba Lund, justeringsperson, Hussein Farah\n"
        + BODY
    )
    people = {a.name: a for a in m.attendees}
    assert people["Sara Nilsson"].title == "mötessekreterare"
    assert people["Ebba Lund"].title == "justeringsperson"
    assert not people["Ebba Lund"].organisation
    f = m.functions
    assert (m.name_of(f.chair), m.name_of(f.secretary)) == ("Tomas Grahn", "Sara Nilsson")
    assert [m.name_of(a) for a in f.adjusters] == ["Ebba Lund"]
    # Elected by the meeting, not employed: not among the others present.
    assert people["Sara Nilsson"].category != "ovriga"
    assert not [x for x in said if "övriga närvarande" in x]


def test_a_function_field_in_the_sources_own_word_keeps_the_word_as_the_title():
    m, _ = imp(
        HEAD
        + "Närvarande: Tomas Grahn, Sara Nilsson, Ebba Lund\n"
        + "Mötesordförande: Tomas Grahn\nProtokollförare: Sara Nilsson\n"
        + "Justeringsperson: Ebba Lund\n"
        + BODY
    )
    f = m.functions
    assert (m.name_of(f.chair), m.name_of(f.secretary)) == ("Tomas Grahn", "Sara Nilsson")
    assert [m.name_of(a) for a in f.adjusters] == ["Ebba Lund"]
    text = render_text(m)
    assert "Tomas Grahn, mötesordförande\n" in text
    assert "Sara Nilsson, protokollförare\n" in text
    assert "Ebba Lund, justeringsperson\n" in text


def test_a_title_before_the_name_is_the_persons_title_not_part_of_the_name():
    m, _ = imp(
        "Protokoll fört vid sammanträde med kyrkorådet i Eke pastorat\nDatum: 2024-03-05\n\n"
        "Närvarande ledamöter\nKyrkoherde Anna Ek\nBo Lund (S), ordförande\nOrdf. Cia Berg\n\n"
        "Övriga närvarande\nRektor Per Lund\nKamrer Eva Holm, Eksjö kommun\n" + BODY
    )
    people = {a.name: a for a in m.attendees}
    assert set(people) == {"Anna Ek", "Bo Lund", "Cia Berg", "Per Lund", "Eva Holm"}
    assert people["Anna Ek"].title == "kyrkoherde"
    assert people["Per Lund"].title == "rektor"
    assert (people["Eva Holm"].title, people["Eva Holm"].organisation) == ("kamrer", "Eksjö kommun")
    assert m.name_of(m.functions.chair) == "Bo Lund"  # `Ordf. Cia Berg` is a mark, listed last
    assert "Cia Berg" in people and not people["Cia Berg"].title
    text = render_text(m)
    assert "Anna Ek, kyrkoherde\n" in text and "Per Lund, rektor\n" in text


def test_people_in_a_row_each_with_a_title_before_the_name():
    m, _ = imp(
        HEAD
        + "Närvarande utan rösträtt: Kårordförande Gustav Ekman, Vice kårordförande Ebba "
        + "Tornberg, Inspektor prof. Lars-Göran Wester\n"
        + BODY
    )
    titles = {a.name: a.title for a in m.attendees}
    assert titles == {
        "Gustav Ekman": "kårordförande",
        "Ebba Tornberg": "vice kårordförande",
        "Lars-Göran Wester": "inspektor prof.",
    }


def test_a_name_of_three_words_is_no_title():
    m, _ = imp(HEAD + "Närvarande\nAnna Maria Holm\nPer Ek Lund\n" + BODY)
    assert [(a.name, a.title) for a in m.attendees] == [
        ("Anna Maria Holm", ""),
        ("Per Ek Lund", ""),
    ]


def test_a_function_before_a_name_in_the_list_is_a_person_and_the_list_goes_on():
    # `Sekreterare Cia Dahl` inside the list had been read as the field
    # `Sekreterare:`, which ended the list: Dan Falk after her was printed
    # as a line of text, not as present (a helper's trial).
    m, _ = imp(
        HEAD
        + "\nNärvarande:\nOrdförande Bo Lund\nKassör Anna Berg\nSekreterare Cia Dahl\n"
        + "Ledamot Dan Falk\n"
        + BODY
    )
    present = [a.name for a in m.attendees if a.present]
    assert present == ["Bo Lund", "Anna Berg", "Cia Dahl", "Dan Falk"]
    assert m.name_of(m.functions.secretary) == "Cia Dahl"
    assert m.name_of(m.functions.chair) == "Bo Lund"
    assert "Ledamot Dan Falk" not in render_text(m)
    # With its colon it is the field, as before.
    m, _ = imp(HEAD + "\nNärvarande:\nBo Lund\nAnna Berg\nSekreterare: Cia Dahl\n" + BODY)
    assert [a.name for a in m.attendees if a.present][:2] == ["Bo Lund", "Anna Berg"]
    assert m.name_of(m.functions.secretary) == "Cia Dahl"


def test_a_function_and_what_is_said_of_it_after_the_comma_is_no_organisation():
    # `Johan Wessel, ledamot enligt 4 kap. 2 § kyrkoordningen` (a kyrkoråd's
    # roll-call) had "ledamot enligt …" for his organisation: the place after
    # the comma is the organisation's only when no function's word begins it.
    m, _ = imp(
        HEAD
        + "Beslutande:\nKyrkoherde Johan Wessel, ledamot enligt 4 kap. 2 § kyrkoordningen\n"
        + "Eva Lund (S), ordförande i kyrkorådet\nPer Ås, 1:e vice ordförande i Marks kommun\n"
        + "Anna Holm, ersättare enligt ordningen\nBo Berg, Marks kommun\n"
        + BODY
    )
    people = {a.name: (a.organisation, a.title) for a in m.attendees}
    assert people == {
        "Johan Wessel": ("", "kyrkoherde, ledamot enligt 4 kap. 2 § kyrkoordningen"),
        "Eva Lund": ("", "ordförande i kyrkorådet"),
        "Per Ås": ("", "1:e vice ordförande i Marks kommun"),
        "Anna Holm": ("", "ersättare enligt ordningen"),
        "Bo Berg": ("Marks kommun", ""),  # an organisation's name stays one
    }
    assert "Johan Wessel, kyrkoherde, ledamot enligt 4 kap. 2 § kyrkoordningen" in render_text(m)
