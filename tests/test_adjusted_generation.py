"""An adjusted protocol prints in the printed form (generation) its hash was
taken in. The adjustment records which; a protocol adjusted by an earlier
version, which did not, is found by trying each form, once per process for
the same content. Printing it again must not cost a rendering per generation
since (a protocol adjusted in the first form was rendered 24 times at every
showing), and must never take a changed protocol for a sound one."""

from __future__ import annotations

import datetime as dt
import json

from protokoll.store import Store, adjust
from protokoll.store import render as render_module
from protokoll.store.adjust import text_hash
from protokoll.store.model import Adjustment, Rules
from protokoll.store.render import CURRENT, adjusted_generation, printed_as, render_text
from protokoll.store.timeline import declare_jav

from .test_legal_record import nämnd


def adjusted_in(generation: int, recorded: bool = True):
    """A förening's stämma with a jäv (printed differently before generation 10),
    adjusted while the printed form was `generation`."""
    m = nämnd()
    m.rules = Rules(profile="forening")
    declare_jav(m, m.paragraphs[0], "bo")
    m.status = "adjusted"
    m.adjustment = Adjustment("2026-11-30", ["Ann Ek"])
    with printed_as(generation):
        m.adjustment.sha256 = text_hash(m)
    m.adjustment.generation = generation if recorded else None
    return m


def counting_hashes(monkeypatch) -> list[int]:
    """How many times the protocol's text is rendered and hashed."""
    calls: list[int] = []
    real = adjust.text_hash

    def counted(meeting):
        calls.append(1)
        return real(meeting)

    monkeypatch.setattr(adjust, "text_hash", counted)
    return calls


def test_adjusting_records_the_printed_form_of_the_hash(example):
    day = dt.date(2025, 6, 12)
    adjust.adjust(Store(example), "20250605-au", day, [], today=dt.date(2026, 1, 1))
    meeting = Store(example).load("20250605-au")
    assert meeting.adjustment.generation == CURRENT
    on_disk = json.loads((example / "meetings" / "20250605-au.json").read_text("utf-8"))
    assert on_disk["meeting"]["1"]["adjustment"]["generation"] == CURRENT
    # Not written where it is not known (an earlier version's adjustment).
    assert "generation" not in json.dumps(
        json.loads((example / "meetings" / "20250213-au.json").read_text("utf-8"))
    )


def test_a_protocol_adjusted_in_an_older_form_prints_in_it_recorded_or_not():
    for recorded in (True, False):
        m = adjusted_in(9, recorded)
        assert adjusted_generation(m) == 9
        text = render_text(m)
        assert "deltar inte i handläggningen" in text and "Bo Lind (M), ej § 1" in text
        assert text_hash(m) == m.adjustment.sha256  # sound, as adjusted


def test_a_recorded_form_is_found_with_one_rendering(monkeypatch):
    m = adjusted_in(9)
    calls = counting_hashes(monkeypatch)
    assert adjusted_generation(m) == 9
    assert len(calls) == 1


def test_an_unrecorded_form_is_searched_once_for_the_same_protocol(monkeypatch):
    m = adjusted_in(9, recorded=False)
    render_module._FOUND.clear()
    calls = counting_hashes(monkeypatch)
    assert adjusted_generation(m) == 9
    assert len(calls) >= CURRENT - 9 + 1  # tried from the newest down
    calls.clear()
    assert adjusted_generation(m) == 9
    assert calls == []


def test_a_changed_protocol_is_not_taken_for_its_remembered_or_recorded_form():
    for recorded in (True, False):
        m = adjusted_in(9, recorded)
        assert adjusted_generation(m) == 9  # remembered, if searched
        m.paragraphs[0].text += " Tillagt efteråt."
        assert adjusted_generation(m) == CURRENT  # none matches: it says it changed
        assert text_hash(m) != m.adjustment.sha256


def test_a_wrong_recorded_form_is_not_believed():
    m = adjusted_in(9)
    m.adjustment.generation = CURRENT  # the jäv prints otherwise there
    assert adjusted_generation(m) == 9
    m.adjustment.generation = CURRENT + 5  # from a later version: tried, not trusted
    assert adjusted_generation(m) == 9
