"""`tjänstgörande ersättare för X`: what the import states about X.

A tjänstgörande ersättare serves for a member who is not there, so X is
printed under "Frånvarande"; when no line of the source names X otherwise,
that is the importer's reading, and the report says so at the ersättare's
line (a trial's protocol had X printed absent without a word).
"""

from __future__ import annotations

from pathlib import Path

from protokoll.store.importer import read_protocol
from protokoll.store.render import render_text


def imp(text: str):
    meeting, report = read_protocol(text.encode("utf-8"), Path("protokoll.txt"))
    return meeting, report


HEAD = "SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\nEksjö kommun\n\nDatum: 2024-03-05\n\n"
BODY = "\n§ 1 Öppnande\nMötet öppnades.\n"


def test_a_member_named_only_as_the_one_served_for_is_read_absent_and_that_is_said():
    m, report = imp(
        HEAD
        + "Beslutande\nEva Holm (S), ordförande\nBo Lund (M)\n"
        + "Per Ek (S), tjänstgörande ersättare för Anna Lund (S)\n"
        + BODY
    )
    people = {a.name: a for a in m.attendees}
    anna = people["Anna Lund"]
    assert people["Per Ek"].replaces == anna.id
    assert not anna.present and anna.party == "S"  # her party, as the line gives it
    said = [(n.line, n.text("sv")) for n in report.notices if n.key == "replaced_absent"]
    assert said == [
        (
            10,
            "Anna Lund nämns bara som den Per Ek tjänstgör för; läst som att Anna Lund "
            "var frånvarande och skrivs under 'Frånvarande': kontrollera det",
        )
    ]
    assert "Frånvarande\n    Anna Lund (S)" in render_text(m)
    # Marked as a guess in `--explain`, at the ersättare's line.
    assert any(t.line == 10 and t.guess for t in m.provenance)


def test_a_member_the_source_lists_as_absent_is_no_guess():
    m, report = imp(
        HEAD
        + "Beslutande\nEva Holm (S), ordförande\nBo Lund (M)\n"
        + "Per Ek (S), tjänstgörande ersättare för Anna Lund (S)\n\n"
        + "Frånvarande\nAnna Lund (S)\n"
        + BODY
    )
    people = {a.name: a for a in m.attendees}
    assert people["Per Ek"].replaces == people["Anna Lund"].id
    assert [a.name for a in m.attendees].count("Anna Lund") == 1
    assert not [n for n in report.notices if n.key == "replaced_absent"]
