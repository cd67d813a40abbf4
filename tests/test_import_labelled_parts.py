"""A § in parts under their own words, and words in angle brackets: general rules.

Kommuner print a § as its number, its title on the line under it, and parts
each under a word on a line of its own (`Kommunstyrelsens beslut`,
`Ärendet`, `Yrkanden`, `Reservation`); others write `Beslut: …` right under
the text. The decision is what the label labels, never the label or the
title, and never a sentence about how it went. Text in angle brackets that
is no HTML tag is words, kept.
"""

from __future__ import annotations

from pathlib import Path

from protokoll.store.importer import read_protocol
from protokoll.store.importer.explain import explained
from protokoll.store.model import Meeting
from protokoll.store.render import render_text


def imp(body: str) -> tuple[Meeting, list]:
    text = (
        "Protokoll fört vid sammanträde med kommunstyrelsen i Exempelby kommun\n"
        "Datum: 2024-03-05\n\nBeslutande: Anna Ek (S), Bo Lund (M), Cia Berg (C)\n\n" + body
    )
    meeting, report = read_protocol(text.encode("utf-8"), Path("protokoll.txt"))
    return meeting, report


def test_the_title_under_the_number_and_the_decision_under_its_label():
    m, report = imp(
        "KS § 112\nGodkännande av dagordning\nKommunstyrelsens beslut\n"
        "Dagordningen godkänns med ett tillägg.\n"
    )
    p = m.paragraphs[0]
    assert (p.number, p.title) == (112, "Godkännande av dagordning")
    assert [d.text for d in p.decisions] == ["Dagordningen godkänns med ett tillägg."]
    assert p.text == ""
    # Taken from the line under the number: said, with the line.
    assert any(n.line == 7 and "Godkännande av dagordning" in n.text("sv") for n in report.notices)


def test_a_part_after_the_decision_is_the_case_not_the_decision():
    m, _ = imp(
        "KS § 113 Årsredovisning 2023\nKommunstyrelsens beslut\n"
        "Kommunstyrelsen föreslår kommunfullmäktige att godkänna årsredovisningen.\n"
        "Ärendet\nEkonomichefen redogör för årets resultat.\n"
    )
    p = m.paragraphs[0]
    assert [d.text for d in p.decisions] == [
        "Kommunstyrelsen föreslår kommunfullmäktige att godkänna årsredovisningen."
    ]
    assert p.text == "Ärendet\nEkonomichefen redogör för årets resultat."


def test_a_beslut_line_under_the_text_is_the_decision_and_the_text_stays_text():
    m, _ = imp(
        "§ 1 Ekonomisk rapport\nRapporten finns i bilagan och godkänns.\n"
        "Beslut: att lägga rapporten till handlingarna\n"
    )
    p = m.paragraphs[0]
    assert [d.text for d in p.decisions] == ["att lägga rapporten till handlingarna"]
    assert p.text == "Rapporten finns i bilagan och godkänns."


def test_a_reservation_written_on_under_the_decision_is_not_part_of_it():
    m, _ = imp(
        "§ 5 Placeringspolicy\nBeslut: Andelen aktier får uppgå till högst 60 procent.\n"
        "Bo Lund reserverade sig mot beslutet.\n"
    )
    p = m.paragraphs[0]
    assert [d.text for d in p.decisions] == ["Andelen aktier får uppgå till högst 60 procent."]
    assert p.text == "Bo Lund reserverade sig mot beslutet."
    # Printed in the source's order: the decision, then the reservation under it.
    text = render_text(m)
    assert text.index("högst 60 procent") < text.index("Bo Lund reserverade sig")


def test_words_in_angle_brackets_are_kept_and_html_tags_are_not():
    m, report = imp(
        "§ 1 Rapport\nRapporten finns på G:\\Ekonomi <se bilaga 2>, frågor till "
        "<anna@exempel.se>; <b>viktigt</b> och <5 % avvikelse.\n"
    )
    assert m.paragraphs[0].text == (
        "Rapporten finns på G:\\Ekonomi <se bilaga 2>, frågor till <anna@exempel.se>; "
        "viktigt och <5 % avvikelse."
    )
    assert "<se bilaga 2>" in render_text(m)


def test_explain_shows_each_line_as_the_source_wrote_it():
    m, report = imp("§ 1 Rapport\nSe **bilaga** <b>2</b>.\n")
    rows, _ = explained(m, report)
    assert [r.text for r in rows if r.line == 7] == ["Se **bilaga** <b>2</b>."]
    assert m.paragraphs[0].text == "Se bilaga 2."


def test_a_paragraph_the_source_marks_secret_is_masked_in_the_publication_copy():
    # Trial 15: an LSS-utskott's §§ marked "SEKRETESS enligt 26 kap. 1 § OSL"
    # were printed in full by `show --publish`; its "OMN AU § 21" were no §s.
    m, report = imp(
        "OMN AU § 21 Val av justerare\nBo Lund utses att justera protokollet.\n\n"
        "OMN AU § 22 Ansökan om bostad enligt 9 § 9 LSS\n"
        "SEKRETESS enligt 26 kap. 1 § OSL\nÄrendet avser person född 1998.\n"
        "Kommunstyrelsen beslutar att bevilja insatsen.\n"
    )
    assert [(p.number, p.mark) for p in m.paragraphs] == [(21, "OMN AU § 21"), (22, "OMN AU § 22")]
    assert m.paragraphs[1].masked == "SEKRETESS enligt 26 kap. 1 § OSL"
    public = render_text(m, publish=True)
    assert "född 1998" not in public and "bevilja insatsen" not in public
    assert "född 1998" in render_text(m)  # the protocol itself keeps it
    assert any(n.line == 10 and "maskeras" in n.text("sv") for n in report.notices)


def test_a_page_head_after_a_form_feed_is_a_note_not_the_paragraphs_text():
    # Trial 15: "Sammanträdesdatum 2024-02-27   Sida 2 (3)" stood in § 22's text.
    m, report = imp(
        "§ 22 Ansökan\nÄrendet avser en ansökan.\n\f\nMälarviks kommun\n"
        "Omsorgsnämndens arbetsutskott\nSammanträdesdatum 2024-02-27   Sida 2 (3)\n\n"
        "Kommunstyrelsen beslutar att bevilja ansökan.\n"
    )
    p = m.paragraphs[0]
    assert "Sida 2" not in p.text and "Mälarviks" not in p.text
    assert any("sidhuvud" in n.text("sv") for n in report.notices)


def test_a_markdown_list_of_points_keeps_each_points_text_out_of_its_title():
    # Trial 15's partiförening: each list item and its indented lines had become
    # one point title, and every decision and election was lost.
    text = (
        "# Medlemsmöte\n\n**Datum:** 2024-03-03\n\n## Närvarande\n\n- Nils Carlgren\n"
        "- Maja Lindh\n- Rosa Almqvist\n\n## Dagordning\n\n"
        "1. **Mötets öppnande**\n   Nils Carlgren öppnade mötet.\n"
        "2. **Val av mötesordförande, sekreterare och justerare**\n"
        "   Mötet valde Nils Carlgren till mötesordförande och Rosa Almqvist till justerare.\n"
        "3. **Godkännande av dagordningen**\n   Dagordningen godkändes.\n\n"
        "Sekreterare: Maja Lindh\nJusteras: Nils Carlgren, Rosa Almqvist\n"
    )
    m, _ = read_protocol(text.encode("utf-8"), Path("moote.md"))
    assert [p.title for p in m.paragraphs] == [
        "Mötets öppnande",
        "Val av mötesordförande, sekreterare och justerare",
        "Godkännande av dagordningen",
    ]
    assert [d.text for d in m.paragraphs[2].decisions] == ["Dagordningen godkändes."]
    f = m.functions
    assert (m.name_of(f.chair), m.name_of(f.secretary)) == ("Nils Carlgren", "Maja Lindh")
    assert [m.name_of(a) for a in f.adjusters] == ["Rosa Almqvist"]  # the chair is not one


def test_a_reservation_under_a_beslut_heading_is_not_part_of_the_decision():
    # Trial 16: under a lone "Beslut", "Ove Nordh (SD) reserverar sig mot beslutet."
    m, _ = imp(
        "BN § 47 Bygglov\nAnsökan avser nybyggnad.\n\nBeslut\n"
        "Bygglov beviljas enligt 9 kap. 31 b § PBL.\n"
        "Ove Nordh (SD) reserverar sig mot beslutet.\n"
    )
    p = m.paragraphs[0]
    assert [d.text for d in p.decisions] == ["Bygglov beviljas enligt 9 kap. 31 b § PBL."]
    assert "Ove Nordh (SD) reserverar sig mot beslutet." in p.text


def test_a_sentence_is_not_cut_into_a_title_at_a_name():
    # Trial 16: "§ 8 Stämman beslutade att välja" / "Anneli Roos till …": the
    # decision lost; "Stämman öppnades av styrelsens ordförande" / "Per Hallgren."
    m, _ = imp(
        "§ 1\nStämman öppnades av styrelsens ordförande Per Hallgren.\n\n"
        "§ 8\nStämman beslutade att välja Anneli Roos till ny styrelseledamot.\n"
    )
    assert [p.title for p in m.paragraphs] == ["", ""]
    assert m.paragraphs[0].text == "Stämman öppnades av styrelsens ordförande Per Hallgren."
    assert [d.text for d in m.paragraphs[1].decisions] == [
        "Stämman beslutade att välja Anneli Roos till ny styrelseledamot."
    ]


def test_a_list_items_mark_is_no_word_of_a_decision_or_a_task_owner():
    # Trial 16's bygdegård (Markdown): "– Öppnande" as the title, "- Styrelsen
    # beslutade …" as the decision, "- Kent Åberg" as the task's owner.
    text = (
        "# Styrelsemöte\n\n**Datum:** 2024-03-03\n\n### Ärende 3 – Ekonomi\n\n"
        "- Styrelsen beslutade att byta ut oljepannan.\n"
        "- Kent Åberg får i uppgift att begära in offerter.\n"
    )
    m, _ = read_protocol(text.encode(), Path("mote.md"))
    (p,) = m.paragraphs
    assert p.title == "Ekonomi"
    assert [d.text for d in p.decisions] == ["Styrelsen beslutade att byta ut oljepannan."]
    assert [t.owner_name for t in p.tasks] == ["Kent Åberg"]
