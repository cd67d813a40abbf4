"""The §§ adjusted at once have an anslag of their own.

A trial's § 148, adjusted at the meeting of 2026-11-16, got the whole
protocol's anslag and appeal (adjusted 2026-11-27, appeal until 2026-12-18),
and there was no way to record when its own notice went up. A § adjusted at
once is announced within two days of the meeting and appealed three weeks
from its own anslag (PROTOCOL-REFERENCE L8, L10, L11).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from protokoll.store import Person, Store, StoreError, verbs
from protokoll.store.adjust import adjust, post_immediate, verify
from protokoll.store.checks import problems
from protokoll.store.extract import render_extract
from protokoll.store.profiles import PROFILES
from protokoll.store.render import render_text
from protokoll.tui.cli import main

from .test_keep_together_adjusted import adjusted_in

LATER = dt.date(2030, 1, 1)  # after every date below: the run's clock is not theirs
HELD = "2026-11-16"  # a Monday


@pytest.fixture
def nämnd(tmp_path) -> tuple[Store, str]:
    """A nämnd's closed meeting of three §s, § 2 adjusted at once."""
    store = Store(tmp_path / "store")
    roster = [Person("ann", "Ann Ek", party="S"), Person("bo", "Bo Lind", party="M")]
    organ = store.add_organ(
        "Socialnämnden", "Kommunen", roster=roster, rules=PROFILES["namnd"].rules
    )
    s = store.create_meeting(organ.id, HELD, agenda=[])
    ed = s.editor(history=False)
    ed.do(verbs.open_meeting)
    for who in ("ann", "bo"):
        ed.do(verbs.set_present, who, True)
    ed.do(verbs.toggle_function, "ann", "chair")
    ed.do(verbs.toggle_function, "bo", "adjuster")
    for title in ("Budget", "Brådskande", "Lokaler"):
        p = ed.do(verbs.add_paragraph, title).paragraph
        ed.do(verbs.add_decision, p, "godkänna")
    ed.do(verbs.set_immediate, s.meeting.paragraphs[1].id, True)
    ed.do(verbs.close_meeting, "15.00")
    s.close()
    return store, s.meeting.id


def anslag_of(text: str) -> str:
    return text[text.index("ANSLAG/BEVIS") :]


def test_the_protocol_gives_the_paragraph_adjusted_at_once_its_own_dates(nämnd):
    store, meeting_id = nämnd
    block = anslag_of(render_text(store.load(meeting_id)))
    assert "Paragrafer:                      §§ 1, 3" in block
    at_once = block[block.index("Omedelbart justerade paragrafer: § 2") :]
    assert "Justerade vid sammanträdet: 2026-11-16" in at_once
    assert "Anslag senast:              2026-11-18" in at_once  # two days after the meeting
    assert "Sista dag för överklagande:\n" in at_once  # blank until it is posted


def test_its_anslag_is_recorded_and_its_appeal_runs_from_it(nämnd):
    store, meeting_id = nämnd
    with pytest.raises(StoreError) as future:
        post_immediate(store, meeting_id, dt.date(2026, 11, 17), today=dt.date(2026, 11, 16))
    assert future.value.key == "posted_in_future"
    with pytest.raises(StoreError) as early:
        post_immediate(store, meeting_id, dt.date(2026, 11, 15), today=LATER)
    assert early.value.key == "posted_before_meeting"
    assert post_immediate(store, meeting_id, dt.date(2026, 11, 17), today=LATER) == []
    m = store.load(meeting_id)
    at_once = anslag_of(render_text(m)).split("Omedelbart justerade paragrafer")[1]
    assert "Anslaget uppsatt:           2026-11-17" in at_once
    assert "Sista dag för överklagande: 2026-12-08" in at_once  # three weeks from its own
    with pytest.raises(StoreError) as again:
        post_immediate(store, meeting_id, dt.date(2026, 11, 18), today=LATER)
    assert again.value.key == "already_posted_immediate"
    said = post_immediate(store, meeting_id, dt.date(2026, 11, 20), replace=True, today=LATER)
    assert len(said) == 2  # replaced, and late: two days after the meeting was the 18th
    assert "sista dag var 2026-11-18" in said[1]
    # The whole protocol, adjusted later, still verifies: its anslag dates
    # come after the adjusted text, as the ordinary anslag's do.
    adjust(store, meeting_id, dt.date(2026, 11, 27), ["Ann Ek", "Bo Lind"], today=LATER)
    post_immediate(store, meeting_id, dt.date(2026, 11, 19), replace=True, today=LATER)
    assert verify(store, meeting_id)[0]


def test_check_says_when_its_anslag_is_due_and_its_own_dates(nämnd, capsys):
    store, meeting_id = nämnd
    keys = [p.key for p in problems(store.load(meeting_id))]
    assert "post_due_immediate" in keys
    args = ["--store", str(store.path)]
    assert main(["check", meeting_id, "--json", *args]) in (0, 3)
    found = json.loads(capsys.readouterr().out)
    assert found["dates"]["immediate"] == {"post_by": "2026-11-18"}
    assert main(["post", meeting_id, "--immediate", "--date", "2026-11-17", *args]) == 0
    capsys.readouterr()
    assert "post_due_immediate" not in [p.key for p in problems(store.load(meeting_id))]
    assert main(["post", "--immediate", meeting_id, "--date", "2026-11-17", *args]) == 0
    capsys.readouterr()


def test_the_document_of_the_paragraph_adjusted_at_once_carries_its_anslag(nämnd):
    store, meeting_id = nämnd
    text = render_extract(store.load(meeting_id), [2], immediate=True)
    tail = text[text.index("ANSLAG/BEVIS") :]
    assert "Omedelbart justerade paragrafer: § 2" in tail
    assert "Anslag senast:              2026-11-18" in tail


def test_a_protocol_adjusted_before_prints_and_verifies_as_it_was(nämnd):
    store, meeting_id = nämnd
    adjust(store, meeting_id, dt.date(2026, 11, 27), ["Ann Ek", "Bo Lind"], today=LATER)
    # as the code before this rule adjusted it
    old_hash, old_text = adjusted_in(store, meeting_id, 6)
    m = Store(store.path).load(meeting_id)
    assert render_text(m) == old_text and "Omedelbart justerade" not in old_text
    assert "§§ 1–3" in anslag_of(old_text)
    assert verify(store, meeting_id) == (True, old_hash, old_hash)


def test_the_other_paragraphs_are_said_in_ranges():
    # § 148 adjusted at once among §§ 141–149: the rest had been listed one by
    # one ("§§ 141, 142, 143, 144, 145, 146, 147, 149").
    from protokoll.store.render import numbers_said

    assert numbers_said([141, 142, 143, 144, 145, 146, 147, 149]) == "§§ 141–147, 149"
    assert numbers_said([1, 3]) == "§§ 1, 3" and numbers_said([148]) == "§ 148"
    assert numbers_said([141, 142, 143]) == "§§ 141–143"
