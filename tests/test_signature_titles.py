"""What signers sign as: a title set for the meeting, or the function's own word."""

from __future__ import annotations

from pathlib import Path

from protokoll.store import Attendee, Decision, Meeting, Paragraph, Store
from protokoll.store.adjust import verify
from protokoll.store.extract import render_extract
from protokoll.store.importer import import_protocol, read_protocol
from protokoll.store.render import render_text, signer_line

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


def förbund() -> Meeting:
    m = Meeting(
        "m1",
        "st",
        "Styrelsen",
        "Samordningsförbundet RAR Sörmland",
        "2026-04-15",
        status="closed",
    )
    m.attendees = [
        Attendee("jacob", "Jacob Sandgren", present=True),
        Attendee("mats", "Mats Karlsson", present=True),
        Attendee("lena", "Lena Ek", present=True),
        Attendee(
            "charlotta",
            "Charlotta Skålén",
            title="Förbundschef",
            role="tjansteperson",
            category="ovriga",
            present=True,
        ),
    ]
    m.functions.chair = "jacob"
    m.functions.secretary = "charlotta"
    m.functions.adjusters = ["mats", "lena"]
    p = Paragraph("p1", "Mötets öppnande", 1, immediate=True)
    p.decisions.append(Decision("Styrelsen beslutar att öppna mötet."))
    m.paragraphs = [p]
    return m


def signature_block(text: str) -> list[str]:
    """The signers' lines after "Vid protokollet", without the room to sign."""
    lines = text[text.index("Vid protokollet") :].splitlines()
    return [x for x in lines if x.strip() and not x.startswith("_")][:6]


def test_without_titles_the_block_uses_the_functions_words():
    m = förbund()
    assert signature_block(render_text(m)) == [
        "Vid protokollet",
        "Charlotta Skålén, sekreterare",
        "Justeras",
        "Jacob Sandgren, ordförande",
        "Mats Karlsson, justerare",
        "Lena Ek, justerare",
    ]
    english = render_text(m, lang="en")
    assert "Charlotta Skålén, secretary" in english
    assert "Jacob Sandgren, chair" in english
    assert "Mats Karlsson, adjuster" in english


def test_a_title_set_for_the_meeting_is_what_the_person_signs_as():
    m = förbund()
    m.functions.titles = {
        "charlotta": "Förbundschef",
        "jacob": "Förbundsordförande",
        "lena": "1:a vice ordförande",
    }
    assert signature_block(render_text(m)) == [
        "Vid protokollet",
        "Charlotta Skålén, Förbundschef",
        "Justeras",
        "Jacob Sandgren, Förbundsordförande",
        "Mats Karlsson, justerare",
        "Lena Ek, 1:a vice ordförande",
    ]
    # A title is the person's own words, in English too; the rest is translated.
    english = render_text(m, lang="en")
    assert "Charlotta Skålén, Förbundschef" in english
    assert "Mats Karlsson, adjuster" in english
    assert signer_line(m, "mats", "adjuster", "sv") == "Mats Karlsson, justerare"


def test_a_title_of_someone_who_signs_nothing_is_not_printed():
    m = förbund()
    m.functions.adjusters = ["mats"]
    m.functions.titles = {"lena": "1:a vice ordförande"}
    assert "1:a vice ordförande" not in render_text(m)


def test_the_immediate_adjustment_of_a_paragraph_carries_the_titles():
    m = förbund()
    m.functions.titles = {"jacob": "Förbundsordförande"}
    text = render_extract(m, [1], immediate=True)
    assert "Jacob Sandgren, Förbundsordförande" in text
    assert "Mats Karlsson, justerare" in text


def test_the_titles_survive_printing_and_importing_again(tmp_path):
    m = förbund()
    m.functions.titles = {"charlotta": "Förbundschef", "lena": "1:a vice ordförande"}
    path = tmp_path / "styrelsen.txt"
    path.write_text(render_text(m), encoding="utf-8")
    again, _ = read_protocol(path.read_bytes(), path)
    assert {again.name_of(k): v for k, v in again.functions.titles.items()} == {
        "Charlotta Skålén": "Förbundschef",
        "Lena Ek": "1:a vice ordförande",
    }
    assert signature_block(render_text(again)) == signature_block(render_text(m))




def test_the_importer_keeps_what_the_seed_signers_signed_as():
    path = SEEDS / "kalmar-au-2020-05-29.txt"
    m, _ = read_protocol(path.read_bytes(), path)
    titles = {m.name_of(k): v for k, v in m.functions.titles.items()}
    # "Ordförande" under the chair's name is the function's own word: no title.
    assert titles == {
        "Joakim Ivarsson": "Förbundschef",
        "Madeleine Rosenqvist": "1:e vice ordförande",
    }
    text = render_text(m)
    assert "Joakim Ivarsson, Förbundschef" in text
    assert "Jonas Erlandsson, ordförande" in text
    path = SEEDS / "rar-sormland-au-2021-04-15.txt"
    m, _ = read_protocol(path.read_bytes(), path)
    assert signature_block(render_text(m))[1:5] == [
        "Charlotta Skålen, Förbundschef",
        "Justeras",
        "Jacob Sandgren, Förbundsordförande",
        "Mats Karlsson, Styrelserepresentant",
    ]


def test_an_adjusted_import_with_titles_verifies(tmp_path):
    store = Store(tmp_path / "store")
    path = SEEDS / "kalmar-au-2020-05-29.txt"
    result = import_protocol(store, path, path.read_bytes())
    assert result.meeting.status == "adjusted" and result.meeting.functions.titles
    assert verify(store, result.meeting.id)[0]
