"""A masked § says so in the full protocol the chair signs.

A trial: the full text, PDF and Markdown printed a masked § ("Klienten bor på
Kvarnbacken 12 …") with nothing to say that the public copy would leave it
out, so the chair signed without seeing which § would not be published. It is
the fifth generation of the printed form (`render.CURRENT`): a protocol
adjusted before prints, and verifies, as it was adjusted.
"""

from __future__ import annotations

import datetime as dt

from protokoll.store import Store, render_markdown, render_text, verbs
from protokoll.store.adjust import adjust, text_hash, verify
from protokoll.store.pdf import render_pdf
from protokoll.store.render import printed_as

from .test_pdf import read_pdf

REASON = "Sekretess enligt OSL 26 kap. 1 §"
NOTE = f"Maskeras i publiceringsversionen: {REASON}"


def masked(example) -> Store:
    store = Store(example)
    session = store.open("20250605-au")
    ed = session.editor(history=False)
    ed.do(verbs.reopen_meeting)
    ed.do(verbs.set_masked, session.meeting.paragraphs[3].id, REASON)
    ed.do(verbs.close_meeting, "15:00")
    session.close()
    return store


def test_the_full_protocol_says_which_paragraph_is_masked_and_the_public_one_does_not(example):
    m = masked(example).load("20250605-au")
    p = m.paragraphs[3]
    full = render_text(m)
    heading = f"§ {p.number}  {p.title}"
    after = full[full.index(heading) + len(heading) :].lstrip("\n")
    assert after.startswith(NOTE)  # right under its heading
    assert full.count("Maskeras i publiceringsversionen") == 1
    assert NOTE in render_markdown(m)
    pdf = " ".join(" ".join(page.body + [page.slanted]) for page in read_pdf(render_pdf(m)))
    assert "Maskeras i publiceringsversionen" in " ".join(pdf.split())
    public = render_text(m, publish=True)
    assert NOTE not in public and f"§ {p.number} — {REASON}" in public


def test_a_protocol_adjusted_before_prints_and_verifies_as_it_was(example):
    store = masked(example)
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    session = store.open("20250605-au")
    with printed_as(4):  # as the program printed it before the note
        earlier = text_hash(session.meeting)
        as_then = render_text(session.meeting)
    session.meeting.adjustment.sha256 = earlier
    session._amend()
    session.close()
    m = Store(example).load("20250605-au")
    assert verify(store, "20250605") == (True, earlier, earlier)
    assert render_text(m) == as_then and NOTE not in as_then
