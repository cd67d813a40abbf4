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
    pdf = " ".join(" ".join(page.body + [page.slanted_text]) for page in read_pdf(render_pdf(m)))
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


def test_a_follow_up_paragraph_does_not_say_its_own_title_again(tmp_path):
    """A trial's "§ 155 Uppföljning av uppdrag" printed "Uppföljning av uppdrag"
    again under itself, above the follow-ups (generation 5; 4 printed it)."""
    from protokoll.store import render_markdown
    from protokoll.store.model import FollowUp

    store = Store(tmp_path / "store")
    organ = store.add_organ("Socialnämnden", "Sydstads kommun")
    session = store.create_meeting(organ.id, "2026-11-26")
    ed = session.editor(history=False)
    own = ed.do(verbs.add_paragraph, "Uppföljning av uppdrag").paragraph
    other = ed.do(verbs.add_paragraph, "Budget").paragraph
    done = FollowUp("t1", "m0", "2026-11-05", 140, "ta fram ett utkast", "Elin Strand")
    ed.do(verbs.follow_up, own, done)
    ed.do(verbs.follow_up, other, FollowUp("t2", "m0", "2026-11-05", 141, "räkna", "Bo Ek"))
    m = session.meeting
    text = render_text(m)
    assert text.count("Uppföljning av uppdrag") == 2  # § 1's heading, and § 2's label
    lines = text.splitlines()
    at = lines.index("§ 1  Uppföljning av uppdrag")
    assert "Elin Strand: ta fram ett utkast" in lines[at + 2]  # right beneath the heading
    assert "Uppföljning av uppdrag" in lines[lines.index("§ 2  Budget") + 2]  # its label
    assert render_markdown(m).count("Uppföljning av uppdrag") == 2
    pdf = " ".join(" ".join(page.body) for page in read_pdf(render_pdf(m)))
    assert pdf.count("Uppföljning av uppdrag") == 2
    with printed_as(4):
        assert render_text(m).count("Uppföljning av uppdrag") == 3  # as adjusted before
    session.close()
