"""Every organ kind's standing agenda has the items every protocol needs
(PROTOCOL-REFERENCE.md 2.4, L7): the election of adjusters and the approval
of the agenda, near the start, where the seeds have them."""

from __future__ import annotations

import pytest

from protokoll.store import Store
from protokoll.store.model import STANDARD_AGENDA
from protokoll.store.profiles import PROFILES, apply


def _at(agenda: list[str], word: str) -> int:
    return next(i for i, title in enumerate(agenda) if word in title.casefold())


@pytest.mark.parametrize("key", sorted(PROFILES))
def test_each_kind_elects_adjusters_and_approves_the_agenda_before_its_business(key):
    agenda = PROFILES[key].agenda
    adjusters, order = _at(agenda, "justerare"), _at(agenda, "dagordning")
    assert adjusters < 5 and order < 8
    business = [i for i, t in enumerate(agenda) if "ärende" in t.casefold() or "fråg" in t]
    assert all(adjusters < i and order < i for i in business)


def test_the_standard_agenda_of_an_organ_without_a_kind_has_them_too():
    assert _at(STANDARD_AGENDA, "justerare") == 1
    assert _at(STANDARD_AGENDA, "dagordning") == 2


def test_a_medlemsrad_meeting_starts_with_the_election_of_adjusters(tmp_path):
    store = Store(tmp_path / "s")
    organ = apply(store.add_organ("Medlemsrådet", "Förbundet"), "samrad")
    store.save_organ(organ)
    session = store.create_meeting(organ.id, "2026-03-27", kind="protokoll")
    assert [a.title for a in session.meeting.agenda[:3]] == [
        "Mötets öppnande",
        "Val av justerare",
        "Godkännande av dagordning",
    ]
    session.close()
