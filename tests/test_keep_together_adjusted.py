"""'fr o m § 7' is kept on one line, and a protocol adjusted before that still
prints and verifies as it was adjusted (its hash is over the lines as they were)."""

from __future__ import annotations

import datetime as dt

from protokoll.store import Store, verbs
from protokoll.store.adjust import adjust, text_hash, verify
from protokoll.store.render import _AS_EARLIER, render_text


def earlier(meeting) -> str:
    token = _AS_EARLIER.set(True)  # as the program printed it before 2026-11-30
    try:
        return render_text(meeting)
    finally:
        _AS_EARLIER.reset(token)


def split_in_the_old_way(store: Store) -> None:
    """Give a § text whose 'fr o m' the earlier wrapping broke across two lines."""
    session = store.open("20250605-au")
    ed = session.editor(history=False)
    ed.do(verbs.reopen_meeting)
    p = session.meeting.paragraphs[2]
    for k in range(1, 72):
        ed.do(verbs.set_text, p.id, "Sammanträdesordningen" + "s" * k + " gäller fr o m § 7 i år.")
        if any(line.rstrip().endswith(" fr") for line in earlier(session.meeting).splitlines()):
            break
    else:
        raise AssertionError("no text broke 'fr o m' in the earlier wrapping")
    ed.do(verbs.close_meeting, "15:00")
    session.close()


def test_a_protocol_adjusted_now_keeps_fr_o_m_together_and_verifies(example):
    store = Store(example)
    split_in_the_old_way(store)
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    m = Store(example).load("20250605-au")
    assert "fr o m § 7" in render_text(m)
    assert verify(store, "20250605")[0]


def test_one_adjusted_before_prints_and_verifies_as_it_was_adjusted(example):
    store = Store(example)
    split_in_the_old_way(store)
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    session = store.open("20250605-au")
    token = _AS_EARLIER.set(True)
    try:
        old_hash, old_text = text_hash(session.meeting), render_text(session.meeting)
    finally:
        _AS_EARLIER.reset(token)
    session.meeting.adjustment.sha256 = old_hash  # as the earlier version adjusted it
    session._amend()
    session.close()
    m = Store(example).load("20250605-au")
    assert render_text(m) == old_text and "fr o m § 7" not in render_text(m)
    assert verify(store, "20250605") == (True, old_hash, old_hash)
