"""A decision prints as a sentence, ending in a full stop, in every form of the
protocol; the stored decision stays as it was typed, and a protocol adjusted
before this rule keeps printing (and verifying) as it was adjusted."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader

from protokoll.store import Store, verbs
from protokoll.store.adjust import adjust, text_hash, verify
from protokoll.store.render import as_sentence, printed_as, render_text
from protokoll.store.render_md import render_markdown

TYPED = "Arbetsutskottet beslutar att godkänna rapporten"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        (TYPED, TYPED + "."),
        (TYPED + "  ", TYPED + "."),
        ("Styrelsen beslutar att godkänna.", "Styrelsen beslutar att godkänna."),
        ("Ska frågan bordläggas?", "Ska frågan bordläggas?"),
        ("Mötet förklaras avslutat!", "Mötet förklaras avslutat!"),
        ('att kalla projektet "Framåt"', 'att kalla projektet "Framåt".'),
        ('att anta uttalandet "Vi står fast."', 'att anta uttalandet "Vi står fast."'),
        ("att godkänna rapporten (bilaga 2)", "att godkänna rapporten (bilaga 2)."),
        ("att godkänna rapporten (se bilaga 2.)", "att godkänna rapporten (se bilaga 2.)"),
        (
            "Styrelsen beslutar\natt anta planen,\natt ge uppdrag",
            "Styrelsen beslutar\natt anta planen,\natt ge uppdrag.",
        ),
        ("Styrelsen beslutar följande:", "Styrelsen beslutar följande:"),  # no ":." ever
        ("att anta planen och", "att anta planen och."),
        ("", ""),
    ],
)
def test_a_decision_is_printed_as_a_sentence_unless_it_already_ends_one(typed, printed):
    assert as_sentence(typed) == printed


@pytest.fixture
def with_decision(example):
    """The example's closed AU meeting, with a decision typed without a full stop."""
    store = Store(example)
    session = store.open("20250605-au")
    ed = session.editor(history=False)
    ed.do(verbs.reopen_meeting)
    ed.do(verbs.add_decision, session.meeting.paragraphs[2].id, TYPED)
    ed.do(verbs.close_meeting, "15:00")
    session.close()
    return store


def test_text_markdown_and_pdf_end_the_decision_with_a_full_stop(with_decision):
    m = with_decision.load("20250605-au")
    assert TYPED + "." in " ".join(render_text(m, width=200).split())
    assert TYPED + "." in render_markdown(m)
    from protokoll.store.pdf import render_pdf

    pdf = " ".join(page.extract_text() for page in PdfReader(BytesIO(render_pdf(m))).pages)
    assert TYPED + "." in " ".join(pdf.split())
    # The record is what was typed: the full stop is the rendering's.
    assert m.paragraphs[2].decisions[-1].text == TYPED
    assert Store(with_decision.path).load("20250605-au").paragraphs[2].decisions[-1].text == TYPED


def test_a_protocol_adjusted_now_verifies_with_its_full_stops(with_decision):
    adjust(with_decision, "20250605", dt.date(2025, 6, 12), [])
    m = Store(with_decision.path).load("20250605-au")
    assert TYPED + "." in " ".join(render_text(m, width=200).split())
    assert verify(with_decision, "20250605")[0]


def test_a_protocol_adjusted_before_the_rule_still_prints_and_verifies_as_adjusted(
    with_decision,
):
    adjust(with_decision, "20250605", dt.date(2025, 6, 12), [])
    session = with_decision.open("20250605-au")
    # As the earlier version adjusted it: the hash over the decisions as typed.
    with printed_as(0):
        before_the_rule = text_hash(session.meeting)
        typed_text = render_text(session.meeting, width=200)
    session.meeting.adjustment.sha256 = before_the_rule
    session._amend()
    session.close()
    m = Store(with_decision.path).load("20250605-au")
    assert verify(with_decision, "20250605") == (True, before_the_rule, before_the_rule)
    assert render_text(m, width=200) == typed_text
    assert TYPED + "." not in render_text(m, width=200)
