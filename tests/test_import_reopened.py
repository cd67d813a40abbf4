"""A protocol read from a file, reopened to mend its import, stays the record of
a meeting held then: no follow-up items planned into it (none from other
bodies filed under "Okänt organ"), closed again without an end its source
does not give, and not reopened at all when its source says it is adjusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Store, StoreError, verbs
from protokoll.store.followup import pending, pending_by_reading
from protokoll.store.importer import import_protocol
from protokoll.tui.cli import main

# Two bodies that name no organ, each with a task: both go under "Okänt organ".
FIRST = """\
Protokoll hyresgästföreningen Solbacken
Datum: 2024-03-03

Närvarande: Siv Öhman, Kjell Ek, Lena Berg

§ 1 Lokalbokning
Siv Öhman får i uppgift att boka lokalen.
"""
SECOND = """\
Protokoll styrelsemöte i Brf Linden
Datum: 2024-03-05
Tid: 18.30

Närvarande: Gunilla Ek, Rasmus Holm, Bo Nyberg

§ 1 Öppnande
Ordföranden öppnade mötet.
"""


def imported(store: Store, text: str, name: str) -> str:
    done = import_protocol(store, Path(name), text.encode("utf-8"))
    return done.meeting.id


def test_a_reopened_import_gets_no_follow_up_from_another_body(tmp_path):
    store = Store(tmp_path / "s")
    imported(store, FIRST, "a.txt")
    second = imported(store, SECOND, "b.txt")
    m = store.load(second)
    assert m.organ == "" and m.imported
    # What the meeting screen plans into the agenda when the meeting opens.
    for found in (pending(store, m), pending_by_reading(store, m)):
        assert found.tasks == [] and found.previous is None


def test_a_reopened_import_without_an_end_closes_again_without_one(tmp_path, capsys):
    store = Store(tmp_path / "s")
    meeting_id = imported(store, SECOND, "b.txt")
    argv = ["--store", str(tmp_path / "s")]
    assert main(["reopen", meeting_id, *argv]) == 0
    assert main(["close", meeting_id, *argv]) == 0
    out = capsys.readouterr().out
    assert "källan anger inte när det slutade" in out
    m = Store(tmp_path / "s").load(meeting_id)
    assert m.status == "closed" and m.end == ""


def test_a_meeting_taken_in_the_program_still_needs_its_end(tmp_path):
    store = Store(tmp_path / "s")
    organ = store.add_organ("Styrelsen", "Föreningen")
    m = store.create_meeting(organ.id, "2026-01-15", start="13:00").meeting
    with pytest.raises(StoreError):
        verbs.close_meeting(m, "")


def test_an_import_whose_source_says_it_is_adjusted_is_not_reopened(tmp_path, capsys):
    store = Store(tmp_path / "s")
    said = SECOND + "\nVid protokollet\nRasmus Holm\n\nProtokollet är justerat.\n"
    meeting_id = imported(store, said, "c.txt")
    assert store.load(meeting_id).said_adjusted
    assert main(["reopen", meeting_id, "--store", str(tmp_path / "s")]) == 1
    err = capsys.readouterr().err
    assert "justerat enligt källan" in err
    assert Store(tmp_path / "s").load(meeting_id).status == "closed"


def test_verify_of_an_import_its_source_says_is_adjusted_does_not_say_it_is_not(tmp_path, capsys):
    # Högsby's protocol says "Protokollet är justerat." with no day: `verify`
    # had answered "är inte justerat", against the source.
    store = Store(tmp_path / "s")
    said = SECOND + "\nVid protokollet\nRasmus Holm\n\nProtokollet är justerat.\n"
    meeting_id = imported(store, said, "c.txt")
    assert main(["verify", meeting_id, "--store", str(tmp_path / "s")]) == 1
    (err,) = capsys.readouterr().err.splitlines()
    assert "justerat enligt källan" in err and "ingen justerad text" in err
    assert "inte justerat" not in err
