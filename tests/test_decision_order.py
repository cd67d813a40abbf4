"""An imported § prints its decisions and its text in its source's order.

A trial found the Sjuhärad protocol's § 7 decision ("Medlemmarna beslutar
… 2021.", the first paragraph of the §) printed after the three paragraphs
that followed it, and Ung Pirat's "Se bilaga 1." printed before the
decision it followed. The § keeps text and decisions apart; it now also
keeps where the decisions stood (`Paragraph.decisions_after`), and every
output made from the protocol's outline (text, Markdown, PDF, extracts)
prints them there. Meetings taken in the program, and imported §s whose
decisions came last, carry no place and print as they always did.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from protokoll.store import Store, StoreError, verbs
from protokoll.store.adjust import still_as_adjusted
from protokoll.store.decision_place import follow, text_blocks
from protokoll.store.exchange import read_document
from protokoll.store.importer import import_protocol, read_protocol
from protokoll.store.model import Decision, Meeting, Paragraph
from protokoll.store.pdf import render_pdf
from protokoll.store.render import paragraph_block, render_text, to_text
from protokoll.store.render_md import render_markdown
from protokoll.store.serial import from_dict, to_dict

from .conftest import copy_examples
from .test_pdf import read_pdf

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
SJUHARAD = SEEDS / "sjuharad-medlemsrad-2020-03-27.txt"
UNGPIRAT = SEEDS / "ungpirat-sodertalje-arsmote-2015-12-10.PARTIAL.txt"
# Ung Pirat's points whose decision came before "Se bilaga N." in one paragraph.
BILAGOR = {7: 1, 8: 2, 9: 3, 11: 4, 12: 5}


def _read(path: Path, name: str | None = None) -> Meeting:
    return read_protocol(path.read_bytes(), Path(name or path.name))[0]


def _flat(text: str) -> str:
    # Output wraps lines anew; the order of the words is what is compared.
    return " ".join(text.split())


def _in_order(text: str, *parts: str) -> bool:
    at = [_flat(text).find(_flat(p)) for p in parts]
    return -1 not in at and at == sorted(at)


def _pdf_text(m: Meeting) -> str:
    return " ".join(line for page in read_pdf(render_pdf(m)) for line in page.body)


def _section(text: str, start: str, end: str) -> str:
    flat = _flat(text)
    begin = flat.index(_flat(start))
    return flat[begin : flat.index(_flat(end), begin + 1)]


SJU_DECISION = "Medlemmarna beslutar i enlighet med tidigare år"
SJU_TEXT = (
    "Kommunerna i Sjuhärad tillsammans med region",
    "Om staten skjuter till extra medel",
    "Om staten tillskjuter mer medel",
)


def test_sjuharad_7_prints_its_decision_first_as_its_source_has_it() -> None:
    m = _read(SJUHARAD)
    (p,) = [p for p in m.paragraphs if p.number == 7]
    assert p.decisions_after == 0
    for out in (render_text(m), render_markdown(m), _pdf_text(m)):
        body = _section(out, "§ 7", "§ 8")
        assert _in_order(body, SJU_DECISION, *SJU_TEXT), body


def test_ung_pirat_prints_each_bilaga_after_the_decision_it_followed() -> None:
    m = _read(UNGPIRAT)
    placed = {int(p.mark.rstrip(".")): p.decisions_after for p in m.paragraphs}
    assert {n: at for n, at in placed.items() if at is not None} == dict.fromkeys(BILAGOR, 0)
    title = {int(p.mark.rstrip(".")): p.title for p in m.paragraphs}
    outputs = {"text": render_text(m), "md": render_markdown(m), "pdf": _pdf_text(m)}
    for fmt, out in outputs.items():
        for n, bilaga in BILAGOR.items():
            body = _section(out, title[n], title[n + 1])
            assert _in_order(body, "Mötet beslutade att", f"Se bilaga {bilaga}."), (fmt, body)


def test_the_other_seeds_print_as_before_their_decisions_came_last() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        if path in (SJUHARAD, UNGPIRAT):
            continue
        m = _read(path)
        assert [p.decisions_after for p in m.paragraphs] == [None] * len(m.paragraphs)
        assert not any("decisions_after" in p for p in to_dict(m)["paragraphs"]), path.name


def test_an_extract_prints_the_paragraph_in_its_source_order_too() -> None:
    m = _read(SJUHARAD)
    (p,) = [p for p in m.paragraphs if p.number == 7]
    assert _in_order(to_text([paragraph_block(m, p, "sv")]), SJU_DECISION, *SJU_TEXT)


# --- meetings taken in the program, and files written before ----------------


def test_a_meeting_taken_in_the_program_prints_exactly_as_before(tmp_path: Path) -> None:
    store = Store(copy_examples(tmp_path / "store"))
    meetings = [store.load(s.id) for s in store.summaries()]
    adjusted = [m for m in meetings if m.adjustment and m.adjustment.sha256]
    # The adjusted examples' hash is over their text as printed when they
    # were adjusted: byte for byte the same protocol.
    assert len(adjusted) >= 2
    for m in adjusted:
        assert still_as_adjusted(m)[0], m.id
    for m in meetings:
        assert all(p.decisions_after is None for p in m.paragraphs), m.id


def test_text_written_in_the_program_comes_before_its_decisions(store: Store, organ) -> None:
    s = store.create_meeting(organ.id, "2026-03-02", start="13:00")
    ed = s.editor(history=False)
    a = ed.do(verbs.add_paragraph, "Budget").paragraph
    ed.quietly(verbs.set_text, a, "Första stycket.\n\nAndra stycket.\n\nTredje stycket.")
    ed.do(verbs.add_decision, a, "Budgeten fastställs")
    p = s.meeting.paragraph(a)
    assert p.decisions_after is None
    assert "decisions_after" not in json.dumps(to_dict(s.meeting))
    out = render_text(s.meeting)
    assert _in_order(out, "Första", "Andra", "Tredje", "Beslut", "Budgeten fastställs.")


def test_a_file_without_the_place_reads_and_writes_back_unchanged(tmp_path: Path) -> None:
    for path in sorted((copy_examples(tmp_path / "ex") / "meetings").glob("*.json")):
        written = to_dict(from_dict(Meeting, json.loads(path.read_text())["meeting"]["1"]))
        assert "decisions_after" not in json.dumps(written), path.name
        assert to_dict(from_dict(Meeting, written)) == written, path.name
    # An import stored before the place was kept: read as it was, printed as then.
    store = Store(tmp_path / "store")
    done = import_protocol(store, SJUHARAD, SJUHARAD.read_bytes())
    doc = to_dict(store.load(done.meeting.id))
    for p in doc["paragraphs"]:
        p.pop("decisions_after", None)
    old = from_dict(Meeting, doc)
    assert to_dict(old) == doc
    assert _in_order(_section(render_text(old), "§ 7", "§ 8"), *SJU_TEXT, SJU_DECISION)


def test_the_place_before_all_the_text_is_written_as_0_and_read_back() -> None:
    m = _read(SJUHARAD)
    doc = to_dict(m)
    (p,) = [p for p in doc["paragraphs"] if p["number"] == 7]
    assert p["decisions_after"] == 0
    assert render_text(from_dict(Meeting, json.loads(json.dumps(doc)))) == render_text(m)


def test_an_imported_json_meeting_with_a_place_below_zero_is_refused(tmp_path: Path) -> None:
    m = _read(SJUHARAD)
    doc = {"format": "protokoll-meeting", "schema": 1, "meeting": to_dict(m)}
    doc["meeting"]["paragraphs"][6]["decisions_after"] = -1
    with pytest.raises(StoreError) as refused:
        read_document(tmp_path / "m.json", doc)
    assert "decisions_after" in str(refused.value.params)


# --- the export reads back with the same place --------------------------------


@pytest.mark.parametrize("render, suffix", [(render_text, ".txt"), (render_markdown, ".md")])
@pytest.mark.parametrize("seed", [SJUHARAD, UNGPIRAT], ids=["sjuharad", "ungpirat"])
def test_an_exported_protocol_imports_back_with_the_same_place(seed, render, suffix) -> None:
    m = _read(seed)
    again = read_protocol(render(m).encode(), Path("export" + suffix))[0]
    assert [p.decisions_after for p in again.paragraphs] == [
        p.decisions_after for p in m.paragraphs
    ]
    assert render(again).count("Se bilaga") == render(m).count("Se bilaga")


# --- a reopened import edited in the program ----------------------------------


def _reopened(store: Store) -> tuple:
    done = import_protocol(store, SJUHARAD, SJUHARAD.read_bytes())
    s = store.open(done.meeting.id)
    ed = s.editor(history=False)
    ed.do(verbs.reopen_meeting)
    (p,) = [p for p in s.meeting.paragraphs if p.number == 7]
    return s, ed, p


def test_text_cut_short_puts_the_decisions_last_and_keeps_every_word(store: Store) -> None:
    s, ed, p = _reopened(store)
    ed.quietly(verbs.set_text, p.id, "")
    assert _in_order(render_text(s.meeting), "§ 7", SJU_DECISION, "§ 8")
    # A text with no block after the place: the decisions after all of it.
    p.decisions_after = 3
    ed.quietly(verbs.set_text, p.id, "Ett stycke.\n\nEtt till, som slutar här.")
    body = _section(render_text(s.meeting), "§ 7", "§ 8")
    assert _in_order(body, "Ett stycke.", "Ett till, som slutar här.", SJU_DECISION)


def test_editing_keeps_the_decisions_before_the_paragraph_they_stood_before(
    store: Store,
) -> None:
    s, ed, p = _reopened(store)
    ed.quietly(verbs.set_text, p.id, "Bakgrund som lades till.\n\n" + p.text)
    assert p.decisions_after == 1
    body = _section(render_text(s.meeting), "§ 7", "§ 8")
    assert _in_order(body, "Bakgrund som lades till.", SJU_DECISION, *SJU_TEXT)
    # A word changed inside that paragraph: the place stays where it was.
    ed.quietly(verbs.set_text, p.id, p.text.replace("Kommunerna i", "Kommunerna inom"))
    assert p.decisions_after == 1
    # Undoing another change keeps the text, and the place that goes with it.
    ed.do(verbs.add_decision, p.id, "Ännu ett beslut")
    ed.quietly(verbs.set_text, p.id, "Först.\n\nSedan.\n\n" + p.text)
    assert p.decisions_after == 3
    ed.undo()
    assert p.decisions_after == 3 and p.text.startswith("Först.")


def test_follow_puts_the_place_by_the_block_nearest_it_and_never_drops_it() -> None:
    assert follow("a\n\nb\n\nc", "a\n\nx\n\nb\n\nc", 1) == 2
    assert follow("b\n\na\n\nb", "b\n\na\n\nb", 2) == 2  # the same block twice
    assert follow("a\n\nb", "a\n\nchanged", 1) == 1
    assert follow("a\n\nb", "", 1) == 1  # kept: retyped, it is where it was
    assert follow("a", "b", None) is None  # a meeting taken here gets no place


@given(
    st.lists(st.text("ab .\n", min_size=1).filter(str.strip), min_size=0, max_size=5),
    st.integers(-2, 7),
)
def test_any_place_prints_every_word_of_the_text_and_cuts_between_blocks(
    pieces: list[str], after: int
) -> None:
    text = "\n\n".join(pieces)
    m = Meeting("m", "o", "Styrelsen", "", "2020-01-01", imported=True)
    p = Paragraph("p", "T", number=1, text=text, decisions=[Decision("Beslutet")])
    p.decisions_after = after
    m.paragraphs = [p]
    texts = [c.items[0] for c in paragraph_block(m, p, "sv").children if c.kind == "text"]
    assert _flat(" ".join(texts)) == _flat(text)
    # Each printed piece of text is whole blocks of the §'s text.
    blocks = text_blocks(text)
    printed = [b for t in texts for b in text_blocks(t)]
    assert printed == blocks
