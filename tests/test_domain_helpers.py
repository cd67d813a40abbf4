"""Roster lines, who serves at a §, quorum, and the standard phrases."""

from __future__ import annotations

from protokoll.store import Attendee, Functions, Jav, Meeting, Paragraph
from protokoll.store.attendance import present_at, quorum, serving
from protokoll.store.phrases import decision_leads, phrases
from protokoll.store.roster import format_person, parse_person, parse_roster


def test_roster_lines_are_read_as_protocols_write_them():
    p = parse_person("Karin Lindqvist (S), Lövstads kommun, ordförande")
    assert (p.name, p.party, p.organisation, p.title, p.role) == (
        "Karin Lindqvist",
        "S",
        "Lövstads kommun",
        "ordförande",
        "ledamot",
    )
    e = parse_person("ers: Lars Wiklund (S), Region Norrå")
    assert (e.name, e.party, e.organisation, e.role) == (
        "Lars Wiklund",
        "S",
        "Region Norrå",
        "ersattare",
    )
    t = parse_person("tj: Maria Öberg, förbundschef")
    assert (t.name, t.title, t.organisation, t.role) == (
        "Maria Öberg",
        "förbundschef",
        "",
        "tjansteperson",
    )
    assert parse_person("Peter Hemlin (M) Bollebygd").organisation == "Bollebygd"


def test_a_roster_survives_writing_and_reading_back():
    text = (
        "Karin Lindqvist (S), Lövstads kommun, ordförande\n\n"
        "ers: Lars Wiklund (S), Region Norrå\ntj: Maria Öberg, förbundschef\n"
    )
    people = parse_roster(text)
    assert len(people) == 3
    assert [format_person(p) for p in people] == [line for line in text.splitlines() if line]


def meeting() -> Meeting:
    people = [
        Attendee("a", "Anna", present=True),
        Attendee("b", "Bo", present=True, left="p2"),
        Attendee("c", "Cia", present=False),
        Attendee("f", "Fia", present=True, arrived="p2"),
        Attendee("d", "Dan", role="ersattare", category="ersattare", present=True, replaces="c"),
        Attendee("e", "Eva", role="tjansteperson", category="ovriga", present=True),
    ]
    paragraphs = [
        Paragraph("p1", "Ett", 1),
        Paragraph("p2", "Två", 2),
        Paragraph("p3", "Tre", 3, jav=[Jav("a")]),
    ]
    return Meeting(
        "m",
        "o",
        "Arbetsutskottet",
        "Förbundet",
        "2026-01-15",
        attendees=people,
        paragraphs=paragraphs,
        functions=Functions("a", "e", ["b"]),
    )


def names(people) -> list[str]:
    return [p.name for p in people]


def test_who_serves_follows_arrivals_departures_substitutes_and_jav():
    m = meeting()
    assert names(serving(m, None)) == ["Anna", "Bo", "Dan"]  # Fia not yet arrived
    assert names(serving(m, "p1")) == ["Anna", "Bo", "Dan"]
    assert names(serving(m, "p2")) == ["Anna", "Bo", "Fia", "Dan"]  # Bo leaves after § 2
    assert names(serving(m, "p3")) == ["Fia", "Dan"]  # Bo gone, Anna has jäv
    assert not present_at(m.attendee("c"), m, "p2")
    assert present_at(m.attendee("e"), m, "p3")  # present, though not voting


def test_quorum_is_more_than_half_of_the_members_serving():
    m = meeting()
    # Four ledamöter on the roster (Anna, Bo, Cia, Fia); Dan serves for Cia.
    assert quorum(m, "p2") == (4, 4, True)
    assert quorum(m, "p1") == (3, 4, True)
    assert quorum(m, "p3") == (2, 4, False)  # half is not more than half


def test_the_leads_of_a_decision_are_the_organs_own_then_its_proposal():
    m = meeting()
    assert decision_leads(m) == [
        "Arbetsutskottet beslutar att", "Arbetsutskottet föreslår styrelsen att"
    ]  # fmt: skip
    m.rules.profile = "namnd"  # to the council, not a board
    assert decision_leads(m)[1] == "Arbetsutskottet föreslår kommunfullmäktige att"
    m.rules.profile = "forening"  # a stämma proposes to nobody: F3 has one lead
    assert decision_leads(m) == ["Arbetsutskottet beslutar att"]
    # The same words as the phrase F9 f offers.
    m.rules.profile = "arbetsutskott"
    assert decision_leads(m)[1] + " " in dict(phrases(m)).values()


def test_phrases_take_names_from_the_functions():
    texts = dict(phrases(meeting()))
    assert texts["val av justerare"] == "Till justerare väljs Bo."
    assert texts["öppnande"].startswith("Ordförande Anna hälsar")
    assert texts["beslutar att"] == "Arbetsutskottet beslutar att "
    assert dict(phrases(meeting(), "en"))["opening"].startswith("The chair, Anna, welcomes")


def test_a_namnd_proposes_to_the_council_and_a_board_committee_to_the_board():
    # A trial's socialnämnd was offered "föreslår styrelsen att".
    m = meeting()
    assert dict(phrases(m))["föreslår styrelsen att"] == "Arbetsutskottet föreslår styrelsen att "
    m.rules.profile = "namnd"
    m.organ = "Socialnämnden"
    texts = dict(phrases(m))
    assert "föreslår styrelsen att" not in texts
    proposes = texts["föreslår kommunfullmäktige att"]
    assert proposes == "Socialnämnden föreslår kommunfullmäktige att "


def test_a_stammas_phrases_decide_with_its_own_lead_and_propose_nothing():
    # Trial 19: F9 f offered "Föreningsstämma beslutar att" and "Föreningsstämma
    # föreslår styrelsen att" where the organ's lead is "Mötet beslutade att".
    m = meeting()
    m.organ = "Föreningsstämma"
    m.rules.profile = "forening"
    m.rules.decision = "Mötet beslutade att"
    texts = dict(phrases(m))
    assert texts["beslutar att"] == "Mötet beslutade att "
    assert not any("föreslår" in label for label in texts)


def test_with_no_chair_named_the_phrases_name_the_office():
    """"Ordförande ordföranden hälsar alla välkomna …" with no chair named (trial 9)."""
    m = meeting()
    m.functions.chair = None
    texts = dict(phrases(m))
    assert texts["öppnande"] == "Ordföranden hälsar alla välkomna och förklarar mötet öppnat."
    assert dict(phrases(m, "en"))["closing"].startswith("The chair thanks those present")
