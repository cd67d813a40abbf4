"""Signatures as protocols nobody here wrote print them: general rules.

A block head and its signer on one line, signers side by side in columns
with what each signs as under them, a name with "d.y.", and the line that
says the protocol was adjusted, with a day or without one. None of them may
become a person the source does not name, a title it does not give, or a
day it does not state; the ersättare of a list headed only "Ersättare" are
not said to have served or not.
"""

from __future__ import annotations

from pathlib import Path

from protokoll.store.importer import read_protocol
from protokoll.store.model import Meeting
from protokoll.store.render import render_text


def imp(text: str) -> Meeting:
    meeting, _ = read_protocol(text.encode("utf-8"), Path("protokoll.txt"))
    return meeting


HEAD = """\
Protokoll fört vid sammanträde med styrelsen för Samordningsförbundet Test
Datum: 2024-03-05

Beslutande: Gunilla Ek, Fatima Al-Sayed, Rasmus Holm

§ 1 Öppnande
Mötet öppnades.
"""


def test_a_block_head_and_its_signer_on_one_line_name_the_function_not_a_person():
    m = imp(
        HEAD
        + "\nUnderskrifter\nSekreterare .......... Rasmus Holm\n"
        + "Ordförande\tGunilla Ek\nJusterande: Fatima Al-Sayed\n"
    )
    names = [a.name for a in m.attendees]
    assert sorted(names) == ["Fatima Al-Sayed", "Gunilla Ek", "Rasmus Holm"]
    f = m.functions
    assert (m.name_of(f.secretary), m.name_of(f.chair)) == ("Rasmus Holm", "Gunilla Ek")
    assert [m.name_of(a) for a in f.adjusters] == ["Fatima Al-Sayed"]


def test_signers_in_columns_take_what_is_written_under_each():
    m = imp(
        HEAD
        + "\nVid protokollet\n\nRasmus Holm\n\nJusteras\n\n"
        + "Gunilla Ek                      Fatima Al-Sayed\n"
        + "ordförande                      ledamot\n"
    )
    f = m.functions
    assert m.name_of(f.chair) == "Gunilla Ek"
    assert [m.name_of(a) for a in f.adjusters] == ["Fatima Al-Sayed"]
    text = render_text(m)
    assert "Gunilla Ek, ordförande" in text
    assert "Fatima Al-Sayed, ledamot" in text
    assert len(m.attendees) == 3  # no one made of the two names together


def test_a_dated_adjustment_after_the_signatures_is_the_adjustment_not_a_title():
    m = imp(
        HEAD
        + "\nVid protokollet\n\nRasmus Holm\n\nJusteras\n\nFatima Al-Sayed\n\nJusterat 2024-03-12\n"
    )
    assert m.status == "adjusted"
    assert m.adjustment is not None and m.adjustment.date == "2024-03-12"
    assert not any("Justerat" in (a.name + a.title) for a in m.attendees)
    assert "Fatima Al-Sayed, Justerat" not in render_text(m)


def test_said_adjusted_without_a_day_is_kept_as_written_and_no_day_is_made():
    m = imp(
        HEAD
        + "\nVid protokollet\nRasmus Holm\n\nJusteras\nGunilla Ek\n\nProtokollet är justerat.\n"
    )
    assert m.status != "adjusted" and m.adjustment is None
    assert m.said_adjusted
    text = render_text(m)
    assert "Protokollet är justerat." in text
    assert "Gunilla Ek, Protokollet" not in text
    assert "ska justeras senast" not in text


def test_a_name_with_d_y_is_one_person_and_signs_beside_another():
    m = imp(
        HEAD.replace("Gunilla Ek,", "Axel Holm d.y., ordförande\nGunilla Ek,")
        + "\nJusteras\nAxel Holm d.y.                  Fatima Al-Sayed\n"
    )
    assert "Axel Holm d.y." in [a.name for a in m.attendees]
    assert m.name_of(m.functions.chair) == "Axel Holm d.y."
    assert [m.name_of(a) for a in m.functions.adjusters] == ["Fatima Al-Sayed"]


def test_a_paragraph_numbered_with_its_year_keeps_the_number_and_the_title():
    m = imp(HEAD.replace("§ 1 Öppnande", "§ 1/2024 Öppnande") + "\n§ 2/2024 Ekonomi\nRapport.\n")
    assert [(p.number, p.title) for p in m.paragraphs] == [(1, "Öppnande"), (2, "Ekonomi")]
    assert "§ 1/2024  Öppnande" in render_text(m)


def test_arenden_numbered_are_the_items():
    m = imp(
        HEAD.replace(
            "§ 1 Öppnande\nMötet öppnades.\n",
            "Ärende 1 Öppnande\nMötet öppnades.\n\nÄrende 2 Ekonomi\nRapport.\n",
        )
    )
    assert [p.title for p in m.paragraphs] == ["Öppnande", "Ekonomi"]


def test_ersattare_under_a_heading_that_does_not_say_they_served_are_printed_under_it():
    m = imp(
        HEAD.replace(
            "Beslutande: Gunilla Ek, Fatima Al-Sayed, Rasmus Holm",
            "Beslutande: Gunilla Ek, Fatima Al-Sayed, Bo Lund\n"
            "Ersättare: Rasmus Holm, Tove Rask, Ola Persson",
        )
    )
    text = render_text(m)
    assert "ej tjänstgörande" not in text
    assert "Ersättare\n    Rasmus Holm\n    Tove Rask\n    Ola Persson\n" in text
    said_not = imp(
        HEAD.replace(
            "Beslutande: Gunilla Ek, Fatima Al-Sayed, Rasmus Holm",
            "Beslutande: Gunilla Ek, Fatima Al-Sayed, Bo Lund\n"
            "Ej tjänstgörande ersättare: Rasmus Holm",
        )
    )
    assert "Ersättare, ej tjänstgörande\n    Rasmus Holm" in render_text(said_not)


def test_signers_in_a_tables_row_take_the_title_in_the_cell_under_them():
    # A Word table: the names in a row, what each signs as in the row under it.
    m = imp(
        HEAD
        + "\nVid protokollet\nRasmus Holm\n\nJusteras\n"
        + "| Gunilla Ek | Fatima Al-Sayed |\n| mötesordförande | justerare |\n"
    )
    f = m.functions
    assert m.name_of(f.chair) == "Gunilla Ek" and m.name_of(f.secretary) == "Rasmus Holm"
    assert [m.name_of(a) for a in f.adjusters] == ["Fatima Al-Sayed"]
    assert "| Gunilla Ek" not in render_text(m)


def test_justerat_with_the_day_and_the_names_after_it_is_the_adjustment():
    # Trial 15: the line had become the right-hand signer's title, and the
    # protocol was left "stängt" (and could be reopened).
    m = imp(
        HEAD
        + "\nVid protokollet\n\nRasmus Holm\n\nJusteras\n\n"
        + "Gunilla Ek                      Fatima Al-Sayed\n"
        + "ordförande                      justerare\n\n"
        + "Justerat 2024-03-12 Gunilla Ek, Fatima Al-Sayed\n"
        + "Anslaget på föreningens anslagstavla 2024-03-13\n"
    )
    assert m.status == "adjusted" and m.adjustment.date == "2024-03-12"
    assert m.adjustment.by == ["Gunilla Ek", "Fatima Al-Sayed"]
    text = render_text(m)
    assert "Fatima Al-Sayed, justerare" in text
    assert "Anslaget på föreningens anslagstavla 2024-03-13" in text  # kept, as written
    assert all("Anslaget" not in a.title + a.organisation for a in m.attendees)


def test_no_signature_is_printed_that_the_source_does_not_have():
    # Trial 15: a chair read from the attendance ("(ordf)") was printed under
    # "Justeras" with a line to sign on, in a protocol only its secretary signed.
    m = imp(HEAD.replace("Gunilla Ek,", "Gunilla Ek (ordf),") + "\nVid protokollet: Rasmus Holm\n")
    assert m.name_of(m.functions.chair) == "Gunilla Ek"
    assert m.name_of(m.functions.secretary) == "Rasmus Holm"
    text = render_text(m)
    assert "Rasmus Holm, sekreterare" in text
    assert "Justeras" not in text and "Gunilla Ek, ordförande" not in text


def test_columns_of_names_with_what_each_signs_as_after_a_comma():
    m = imp(HEAD + "\nRasmus Holm, sekr          Gunilla Ek, ordf\n")
    f = m.functions
    assert (m.name_of(f.secretary), m.name_of(f.chair)) == ("Rasmus Holm", "Gunilla Ek")


def test_a_list_of_names_under_justeras_is_a_signer_each_and_an_organisation_is_not():
    # Names the attendance does not have (a stämma's röstlängd is an annex).
    m = imp(
        HEAD
        + "\nJusteras:\nGunilla Ek, stämmans ordförande\nHassan Jaber\nKerstin Wiik\n"
        + "\nVid protokollet\nRasmus Holm\nFörbundschef\nSamordningsförbundet Test\n"
    )
    assert m.name_of(m.functions.chair) == "Gunilla Ek"
    assert [m.name_of(a) for a in m.functions.adjusters] == ["Hassan Jaber", "Kerstin Wiik"]
    assert len(m.attendees) == 5  # no one named "Samordningsförbundet Test"
    assert "Rasmus Holm, Förbundschef" in render_text(m)


def test_a_source_without_signatures_gets_no_signature_lines():
    # Trial 10 (Sjuhärad's medlemsråd): its chair and justerare, named in the
    # text, had lines to sign on in a protocol whose source has none.
    m = imp(HEAD + "\n§ 2 Val av justerare\nFatima Al-Sayed utses att justera protokollet.\n")
    assert [m.name_of(a) for a in m.functions.adjusters] == ["Fatima Al-Sayed"]
    text = render_text(m)
    assert "Justeras" not in text and "____" not in text


def test_a_name_read_as_an_organisation_is_a_person_when_the_source_has_them_sign():
    # Trial 14: "Närvarande: Anna Ek, Bo Ek" was Anna Ek of the organisation "Bo
    # Ek", and Bo Ek, who signs, a second entry beside her.
    m, report = read_protocol(
        (
            "Protokoll fört vid sammanträde med styrelsen för Föreningen Test\n"
            "Datum: 2024-03-05\n\nNärvarande: Anna Ek, Bo Ek\n\n§ 1 Öppnande\nMötet öppnades.\n"
            "\nVid protokollet\n\nAnna Ek\n\nJusteras\n\nBo Ek\n"
        ).encode(),
        Path("p.txt"),
    )
    assert [(a.name, a.organisation, a.present) for a in m.attendees] == [
        ("Anna Ek", "", True),
        ("Bo Ek", "", True),
    ]
    said = [n.text("sv") for n in report.notices]
    assert any("är en person, inte en organisation" in x for x in said)
    assert not any("finns inte bland de närvarande" in x for x in said)


def test_an_anslag_form_without_colons_is_no_signer_and_justerat_before_the_signatures():
    # Trial 16: "Organ                    Gymnasienämnden" became a person and a
    # justerare; "Justerat 2024-03-12 …" right after the last § was its text.
    m = imp(
        HEAD
        + "\nJusterat 2024-03-12 Gunilla Ek, Fatima Al-Sayed\n\nJusteras\n\n"
        + "Gunilla Ek                      Fatima Al-Sayed\n\nANSLAG/BEVIS\n"
        + "Organ                    Styrelsen\nSammanträdesdatum        2024-03-05\n"
    )
    assert m.status == "adjusted" and m.adjustment.date == "2024-03-12"
    assert sorted(a.name for a in m.attendees) == ["Fatima Al-Sayed", "Gunilla Ek", "Rasmus Holm"]
    assert "Justerat 2024-03-12" not in m.paragraphs[-1].text


def test_signatures_in_a_word_table_one_filled_cell_a_row():
    # Trial 16's bolagsstämma: "| Linda Strid | |" under "Vid protokollet:" was
    # left as text and the secretary taken from the Justeras row.
    m = imp(
        HEAD
        + "\nVid protokollet:\n\n| Rasmus Holm | |\n| Justeras: | |\n"
        + "| Gunilla Ek | Fatima Al-Sayed |\n"
    )
    f = m.functions
    assert m.name_of(f.secretary) == "Rasmus Holm"
    assert [m.name_of(a) for a in f.adjusters] == ["Gunilla Ek", "Fatima Al-Sayed"]
    assert "| Rasmus Holm" not in render_text(m)


def test_a_word_table_of_signatures_headed_by_its_blocks():
    # Trial 16's fiskevårdsområde: "| Vid protokollet | Justeras |" over the names
    # was printed as raw table text, and no one signed.
    m = imp(
        HEAD
        + "\n| Vid protokollet | Justeras |\n| Rasmus Holm | Gunilla Ek |\n| | Fatima Al-Sayed |\n"
    )
    f = m.functions
    assert m.name_of(f.secretary) == "Rasmus Holm"
    assert [m.name_of(a) for a in f.adjusters] == ["Gunilla Ek", "Fatima Al-Sayed"]
    text = render_text(m)
    assert "| Vid protokollet" not in text and "Fatima Al-Sayed, justerare" in text


def test_another_signing_at_the_protocol_than_the_named_secretary_is_said_with_its_line():
    # `Protokollförare: Anna Berg` in the head, `Vid protokollet / Cia Dahl`
    # at the end: Cia Dahl's signature was left out without a word.
    text = (
        "PROTOKOLL\n\nStyrelsen, Brf Eken\nDatum: 2024-03-12\n\n"
        "Närvarande: Bo Lund (ordförande), Anna Berg, Dan Falk\nProtokollförare: Anna Berg\n\n"
        "§ 1 Mötets öppnande\n\nOrdföranden öppnar mötet.\n\n"
        "Vid protokollet\nCia Dahl\n\nJusteras\nBo Lund          Dan Falk\n"
    )
    meeting, report = read_protocol(text.encode("utf-8"), Path("eken.txt"))
    said = [(n.line, n.text("sv")) for n in report.notices if n.key == "secretary_signer_differs"]
    assert said == [
        (
            14,  # the line of her name
            "Cia Dahl skriver under vid protokollet, men källan anger Anna Berg som sekreterare; "
            "protokollet anger Anna Berg och skrivs utan Cia Dahls underskrift: kontrollera",
        )
    ]
    assert meeting.name_of(meeting.functions.secretary) == "Anna Berg"
    # The same person in both places is nothing to say.
    same = text.replace("Vid protokollet\nCia Dahl", "Vid protokollet\nAnna Berg")
    _, report = read_protocol(same.encode("utf-8"), Path("eken.txt"))
    assert not [n for n in report.notices if n.key == "secretary_signer_differs"]


def test_a_title_before_a_signers_name_is_the_title_not_part_of_the_name():
    # `Kyrkoherde Anna Ek` under `Vid protokollet` had signed as a person
    # "Kyrkoherde Anna Ek", added beside the Anna Ek of the roll-call (who
    # reads the same line as Anna Ek, kyrkoherde: commit 6fcacbe).
    m = imp(
        HEAD.replace("Gunilla Ek", "Anna Ek")
        + "\nVid protokollet\nKyrkoherde Anna Ek\n\nJusteras\nOrdförande Fatima Al-Sayed\n"
        + "\nVice ordförande Rasmus Holm\n"
    )
    assert [a.name for a in m.attendees] == ["Anna Ek", "Fatima Al-Sayed", "Rasmus Holm"]
    f = m.functions
    assert m.name_of(f.secretary) == "Anna Ek" and m.name_of(f.chair) == "Fatima Al-Sayed"
    # `Ordförande` before the name made a block of its own: the justerare
    # after it was the chair's block's, and no justerare.
    assert [m.name_of(a) for a in f.adjusters] == ["Rasmus Holm"]
    people = {a.name: a for a in m.attendees}
    assert people["Anna Ek"].title == "kyrkoherde"
    assert people["Rasmus Holm"].title == "vice ordförande"
    assert not people["Fatima Al-Sayed"].title  # the word printed for the function anyway
    text = render_text(m)
    assert "Anna Ek, kyrkoherde" in text and "Kyrkoherde Anna Ek" not in text
    assert "Fatima Al-Sayed, ordförande" in text


def test_a_title_before_a_name_in_signature_columns_is_the_title():
    m = imp(
        HEAD
        + "\nJusteras\nOrdförande Gunilla Ek          Kassör Fatima Al-Sayed\n"
    )
    assert [a.name for a in m.attendees] == ["Gunilla Ek", "Fatima Al-Sayed", "Rasmus Holm"]
    assert m.name_of(m.functions.chair) == "Gunilla Ek"
    assert [m.name_of(a) for a in m.functions.adjusters] == ["Fatima Al-Sayed"]
    assert "Fatima Al-Sayed, kassör" in render_text(m)


def test_a_body_after_a_title_under_a_signer_is_no_signer():
    # `Styrelseordförande Brf Linden` under a name: what she signs as and
    # for whom, not a person "Brf Linden".
    m = imp(HEAD + "\nJusteras\nGunilla Ek\nStyrelseordförande Brf Linden\n")
    assert "Brf Linden" not in [a.name for a in m.attendees]


def test_block_heads_side_by_side_give_each_column_its_block():
    # `Vid protokollet      Justeras` over the names in their columns had been
    # kept as text of the last §, and no one signed the imported protocol.
    text = (
        "PROTOKOLL\n\nStyrelsen, Brf Eken\nDatum: 2024-03-12\n\n"
        "Närvarande: Bo Lund (ordförande), Anna Berg, Dan Falk, Cia Dahl\n\n"
        "§ 1 Budget\n\nStyrelsen beslutar att anta budgeten.\n\n"
        "Vid protokollet                    Justeras\n\n"
        "Cia Dahl                           Bo Lund                  Dan Falk\n"
        "sekreterare                        ordförande               justerare\n"
    )
    meeting, report = read_protocol(text.encode("utf-8"), Path("eken.txt"))
    f = meeting.functions
    assert meeting.name_of(f.secretary) == "Cia Dahl"
    assert meeting.name_of(f.chair) == "Bo Lund"
    assert [meeting.name_of(a) for a in f.adjusters] == ["Dan Falk"]
    assert meeting.unsigned == []
    printed = render_text(meeting)
    assert "Vid protokollet                    Justeras" not in printed
    assert "Justeras" in printed and "Cia Dahl, sekreterare" in printed
    said = [n.text("sv") for n in report.notices if n.key == "side_by_side"]
    assert said and "läses som 3 namn sida vid sida" in said[0]
