"""The rendered protocol carries every element, where it should."""

from __future__ import annotations

import re

import pytest

from protokoll.store import (
    Attendee,
    Ballot,
    Decision,
    Functions,
    Jav,
    Meeting,
    Note,
    Paragraph,
    Reservation,
    Task,
    Vote,
    render_markdown,
    render_text,
)
from protokoll.store.model import Adjustment


@pytest.fixture
def meeting() -> Meeting:
    people = [
        Attendee("anna", "Anna Berg", "", "Åby kommun", "S", present=True),
        Attendee("bo", "Bo Ek", "", "Försäkringskassan", present=True, left="p2"),
        Attendee("cia", "Cia Dahl", "", "Region Mitt", "M", present=False),
        Attendee(
            "dan",
            "Dan Falk",
            "",
            "Region Mitt",
            "C",
            role="ersattare",
            present=True,
            category="ersattare",
            replaces="cia",
            arrived="p2",
        ),
        Attendee(
            "eva", "Eva Holm", "förbundschef", role="tjansteperson", present=True, category="ovriga"
        ),
    ]
    p1 = Paragraph("p1", "Mötets öppnande", 20, "Ordföranden öppnar mötet.")
    p2 = Paragraph(
        "p2",
        "Budget 2026",
        21,
        "Förbundschefen presenterar budgeten.\n\nDiskussion följer om nivån på 1 450 000 kronor.",
        decisions=[Decision("Arbetsutskottet föreslår styrelsen att fastställa budgeten.")],
        votes=[
            Vote(
                "förslaget",
                2,
                1,
                0,
                [Ballot("anna", "ja"), Ballot("dan", "ja"), Ballot("bo", "nej")],
                "Bifall till förslaget.",
            )
        ],
        reservations=[Reservation("bo", "Nivån är för hög.", "eget yrkande")],
        jav=[Jav("eva")],
        notes=[Note("cia", "Regionen återkommer.")],
        tasks=[Task("t1", "skicka budgeten till medlemmarna", owner="eva", due="2026-02-01")],
        immediate=True,
    )
    p3 = Paragraph("p3", "Mötets avslutande", 22)
    return Meeting(
        id="m1",
        organ_id="au",
        organ="Arbetsutskottet",
        organisation="Förbundet Test",
        date="2026-01-15",
        start="13:00",
        end="14:30",
        place="Teams",
        status="closed",
        attendees=people,
        functions=Functions("anna", "eva", ["bo"]),
        paragraphs=[p1, p2, p3],
    )


def test_heading_has_kind_organ_date_time_place_and_range(meeting):
    text = render_text(meeting)
    # Closed, not adjusted: a draft, as its PDF's watermark says.
    assert text.startswith(
        "PROTOKOLL\n\nUTKAST – inte justerat\n\nArbetsutskottet\nFörbundet Test\n"
    )
    meeting.status = "adjusted"
    assert render_text(meeting).startswith("PROTOKOLL\n\nArbetsutskottet\nFörbundet Test\n")
    meeting.status = "closed"
    assert re.search(r"Datum: +2026-01-15", text)
    assert re.search(r"Tid: +13\.00–14\.30", text)
    assert re.search(r"Plats: +Teams", text)
    assert re.search(r"Paragrafer: +§§ 20–22", text)


def test_attendance_is_grouped_with_party_organisation_and_partial_presence(meeting):
    text = render_text(meeting)
    beslutande = text[text.index("Beslutande") : text.index("Tjänstgörande ersättare")]
    assert "Anna Berg (S), Åby kommun" in beslutande
    assert "Bo Ek, Försäkringskassan, t o m § 21" in beslutande
    ersattare = text[text.index("Tjänstgörande ersättare") : text.index("Övriga närvarande")]
    assert "Dan Falk (C), Region Mitt, för Cia Dahl, fr o m § 21" in ersattare
    assert "Eva Holm, förbundschef" in text[text.index("Övriga närvarande") :]
    assert "Cia Dahl (M), Region Mitt" in text[text.index("Frånvarande") :]


def test_functions_are_named(meeting):
    text = render_text(meeting)
    assert re.search(r"Ordförande: +Anna Berg", text)
    assert re.search(r"Sekreterare: +Eva Holm", text)
    assert re.search(r"Justerare: +Bo Ek", text)


def test_each_paragraph_has_its_number_text_and_marked_decision(meeting):
    text = render_text(meeting)
    body = text[text.index("§ 21  Budget 2026") : text.index("§ 22")]
    assert "Förbundschefen presenterar budgeten.\n\nDiskussion" in body
    assert "Beslut\n    Arbetsutskottet föreslår styrelsen att fastställa budgeten." in body
    assert "Omröstning\n    Proposition: förslaget\n    Omröstningslista:" in body
    assert re.search(
        r"Omröstningslista:\n +Anna Berg \(S\) +ja\n +Dan Falk \(C\), för Cia Dahl +ja\n"
        r" +Bo Ek +nej\n    Ja 2, nej 1, avstår 0",
        body,
    )
    # The usual order of a §: omröstning, then beslut, then reservationer.
    assert body.index("Omröstning") < body.index("Beslut\n") < body.index("Reservation")
    assert "Resultat: Bifall till förslaget." in body
    flat = " ".join(body.split())  # sentences may wrap
    assert "Bo Ek reserverar sig mot beslutet till förmån för eget yrkande. Nivån" in flat
    assert "Eva Holm anmäler jäv och deltar inte i handläggningen." in flat
    assert "Protokollsanteckning\n    Cia Dahl: Regionen återkommer." in body
    assert "Uppdrag\n    Eva Holm: skicka budgeten till medlemmarna (senast 2026-02-01)" in body
    assert "Paragrafen justerades omedelbart." in body


def test_signature_block_and_adjustment_date(meeting):
    text = render_text(meeting)
    tail = text[text.index("Vid protokollet") :]
    assert "Eva Holm, sekreterare" in tail
    justeras = tail[tail.index("Justeras") :]
    assert "Anna Berg, ordförande" in justeras and "Bo Ek, justerare" in justeras
    assert "justerades" not in tail
    meeting.status = "adjusted"
    meeting.adjustment = Adjustment("2026-01-20", ["Anna Berg", "Bo Ek"])
    assert "Protokollet justerades 2026-01-20 av Anna Berg och Bo Ek." in render_text(meeting)


def test_a_draft_says_so(meeting):
    meeting.status = "open"
    assert "UTKAST" in render_text(meeting).splitlines()[2]


def test_minnesanteckningar_have_no_paragraph_numbers_and_no_justering(meeting):
    meeting.kind = "minnesanteckningar"
    for p in meeting.paragraphs:
        p.number = None
    text = render_text(meeting)
    assert text.startswith("MINNESANTECKNINGAR")
    assert "§" not in text
    assert "1.  Mötets öppnande" in text and "2.  Budget 2026" in text
    assert "Justeras" not in text and "Antecknat av" in text
    assert "Bo Ek, Försäkringskassan, t o m 2" in text


def test_english_labels(meeting):
    text = render_text(meeting, lang="en")
    for label in (
        "MINUTES",
        "Voting members",
        "Serving substitutes",
        "Others present",
        "Decision",
        "Vote",
        "Yes 2, no 1, abstaining 0",
        "Reservation",
        "Tasks",
        "Minutes taken by",
        "Adjusted by",
        "until § 21",
    ):
        assert label in text
    assert "Beslut" not in text


@pytest.mark.parametrize("width", [40, 60, 72, 100])
def test_wrapped_to_the_width_and_amounts_are_not_split(meeting, width):
    meeting.paragraphs[1].text = "ord " * 80 + "och 1 450 000 kronor " * 5
    text = render_text(meeting, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "1 450\n" not in text and "1\n450" not in text


@pytest.mark.parametrize("width", range(30, 73))
def test_fr_o_m_and_t_o_m_with_their_paragraph_stay_on_one_line(meeting, width):
    # Found in a trial: "fr" ended one line and "o m § 7" began the next.
    meeting.paragraphs[1].text = "Ordet " * width + "närvarande fr o m § 7 och t o m § 15."
    lines = render_text(meeting, width=width).splitlines()
    assert not any(line.rstrip().endswith(("fr", "fr o", " t", "t o", "o m")) for line in lines)
    assert any("fr o m § 7" in line for line in lines)
    assert any("t o m § 15" in line for line in lines)


def test_rendering_is_deterministic(meeting):
    assert render_text(meeting) == render_text(meeting)
    assert render_markdown(meeting) == render_markdown(meeting)


def test_user_markup_is_text_in_markdown(meeting):
    meeting.paragraphs[0].text = "Se *punkt* [1](http://x) och <b>fet</b>\n# inte rubrik"
    md = render_markdown(meeting)
    assert r"Se \*punkt\* \[1\](http://x) och \<b\>fet\</b\>" in md
    assert "\n\\# inte rubrik" in md
    assert "## § 20 Mötets öppnande" in md
    assert "**Beslut**" in md
