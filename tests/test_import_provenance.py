"""Every line of an imported source is accounted for, and nothing appears from nowhere.

For every test document: the words of the source are the words the
provenance map keeps as text plus those it lists as consumed by fields; every
kept word is in the rendered protocol; and every other word of the rendered
protocol is one the fields took in, a date or time as rendered, or one of the
protocol's fixed labels.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from protokoll.store import Store
from protokoll.store.importer import import_protocol, read_protocol
from protokoll.store.importer.provenance import kept_and_consumed, plain_lines, words
from protokoll.store.importer.report import Report
from protokoll.store.importer.source import lines_of
from protokoll.store.model import Meeting
from protokoll.store.render import render_text
from protokoll.store.serial import from_dict, to_dict
from protokoll.store.words import area, template

from . import test_import, test_import_faithful
from .test_cli import run

HERE = Path(__file__).resolve().parent
SEEDS = sorted((HERE / "data" / "seeds").glob("*.txt"))
EXAMPLES = [HERE.parent / "examples" / f"{n}.txt" for n in test_import.PRINTED]
INLINE = {
    name: getattr(test_import_faithful, name)
    for name in ("KF", "MISSPELT", "STAMMA", "ARSMOTE", "MARKDOWN", "X_TABLE")
}
INLINE["PROTOCOL"] = test_import.PROTOCOL
# The documents test_import writes inside its tests, as they write them.
INLINE["NOTES"] = (
    "# Minnesanteckningar\n\nDatum: 2024-09-03\n\n"
    "## Ekonomi\n\nKassören redogjorde för läget.\n\n"
    "## Nästa möte\n\n**Beslut:** Nästa möte hålls den 1 oktober.\n"
)
INLINE["UNDIVIDED"] = (
    "Datum: 2024-01-10\n\nVi pratade om vårens aktiviteter.\n\nAlla var överens.\n"
)
INLINE["PERIOD"] = "Datum: Hösten 2024\n\n1. Verksamhetsplan\n\nVi gick igenom planen.\n"
INLINE["SUBSTITUTES"] = test_import.PROTOCOL.replace(
    "Närvarande: Åsa Öberg, ordf., Björn Ängström, Karin Ek",
    "Beslutande\nÅsa Öberg, ordf.\nBjörn Ängström\nKarin Ek\n\n"
    "Tjänstgörande ersättare\nOlle Berg (S), för Karin Ek fr o m § 3\n"
    "Eva Lund (M), för Björn Ängström fr o m § 9",
)
INLINE["BAD_DATE"] = test_import.PROTOCOL.replace(
    "Datum: 2024-03-14", "Datum: 32 mars 2024\n\nSammanträde 2024-03-14"
)

LABELS = {
    w
    for key in area("protocol")
    for lang in ("sv",)
    for w in words(template(f"protocol.{key}", lang))
}


def documents() -> list[tuple[str, bytes]]:
    docs = [(p.name, p.read_bytes()) for p in SEEDS + EXAMPLES]
    docs += [(f"{name.lower()}.md", text.encode()) for name, text in INLINE.items()]
    docs.append(("styrelse.docx", test_import_faithful.word_table_document()))
    return docs


def _values(m: Meeting) -> set[str]:
    """Words the protocol writes again in its own form, from what the source said.

    Dates and times as it prints them, the §s it holds, the organ named in a
    heading line kept as text, and a task shown under its § as well as in
    the text. A meeting whose source names no organ prints none: no name is
    allowed for it.
    """
    found = [m.date, m.start, m.end, m.posted, m.period, m.organ, m.organisation]
    found += [m.adjustment.date] if m.adjustment else []
    found += [str(n) for n in m.numbers()]
    # Items the source did not number are numbered by their place: `1.`, `2.`.
    found += [str(i) for i, p in enumerate(m.paragraphs, 1) if p.number is None and not p.mark]
    found += [f"{t.owner_name} {t.text}" for p in m.paragraphs for t in p.tasks]
    return {w for v in found for w in words(v.replace(":", "."))}


@pytest.mark.parametrize(
    ("name", "data"), documents(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_word_of_the_source_is_kept_or_consumed_and_nothing_is_added(name, data):
    m, _ = read_protocol(data, Path(name))
    source = Counter()
    for line in plain_lines(lines_of(m.source_text, Report())).values():
        source += Counter(words(line))
    kept, consumed = kept_and_consumed(m)
    assert kept + consumed == source
    assert [t.line for t in m.provenance if t.where == "unplaced"] == []
    rendered = Counter(words(render_text(m)))
    assert kept - rendered == Counter()  # nothing kept is missing from the protocol
    extra = set(rendered - kept) - set(consumed) - LABELS - _values(m)
    assert extra == set()  # nothing appears that the source did not say


HOGSBY = HERE / "data" / "seeds" / "hogsby-kommunfullmaktige-2017-09-04.PARTIAL.txt"


def test_provenance_and_source_are_stored_with_the_meeting(tmp_path):
    store = Store(tmp_path / "store")
    result = import_protocol(store, HOGSBY, HOGSBY.read_bytes())
    again = store.load(result.meeting.id)
    assert again.source_text == HOGSBY.read_text(encoding="utf-8")
    assert again.provenance == result.meeting.provenance
    first = next(t for t in again.provenance if t.line == 3)
    assert first.where == "field" and first.consumed.startswith("Plats och tid Tingssalen")


def test_a_meeting_stored_before_provenance_still_loads():
    m = Meeting("m1", "o1", "Styrelsen", "Föreningen", "2024-01-01")
    data = to_dict(m)
    assert "provenance" not in data and "source_text" not in data  # the shape it always had
    assert from_dict(Meeting, data).provenance == []


def test_explain_prints_each_line_beside_what_it_became_with_guesses_marked(tmp_path, capsys):
    code, out, err = run(capsys, "--store", str(tmp_path / "s"), "import", "--explain", str(HOGSBY))
    assert code == 0 and err == ""
    lines = out.splitlines()
    row = {line.split()[0]: line for line in lines[3:] if line[:4].strip().isdigit()}
    assert "fält: Plats och tid Tingssalen" in row["3"]
    assert "person" in row["7"]
    assert row["45"].rstrip().endswith("rubrik KF § 102 · text KF § 102")
    assert "? rubrik KF § 105" in row["73"]  # the title was cut from the text: a guess
    assert "? underskrift" in row["25"]
    said = lines[lines.index(row["25"]) + 1]
    assert "Marcus Schön | Per-Ola Herdinius" in said and said.lstrip().startswith("?")
    assert "Kommunle" in row["75"] and "text KF § 105" in row["75"]
    assert not (tmp_path / "s").exists()  # explaining writes nothing


def test_an_imported_meeting_has_a_dated_id_and_an_older_import_is_still_found(tmp_path):
    m, _ = read_protocol(HOGSBY.read_bytes(), HOGSBY)
    assert re.fullmatch(r"20170904-[0-9a-f]{6}", m.id)
    store = Store(tmp_path / "store")
    # As an import before dated ids left it: the digest's first eight as its id.
    digest = m.source.rpartition("sha256:")[2]
    m.id, m.organ_id = digest[:8], "o1"
    store.put_meeting(m, HOGSBY)
    again = import_protocol(store, HOGSBY, HOGSBY.read_bytes())
    assert not again.created and again.existing == digest[:8]
    assert store.resolve(digest[:8]) == digest[:8]  # the old id keeps working


def test_explain_says_which_heading_line_gave_the_date(tmp_path, capsys):
    seed = HERE / "data" / "seeds" / "ungpirat-sodertalje-arsmote-2015-12-10.PARTIAL.txt"
    code, out, _ = run(capsys, "--store", str(tmp_path / "s"), "import", "--explain", str(seed))
    row = next(line for line in out.splitlines() if line.strip().startswith("5 "))
    assert "10 december 2015" in row and "mötets datum härifrån: 2015-12-10" in row


def test_an_imported_meetings_explanation_is_had_again_by_its_id(tmp_path, capsys):
    # What the import said once, on stderr, is asked for again without the file.
    store = tmp_path / "s"
    code, _, _ = run(capsys, "--store", str(store), "import", str(HOGSBY))
    assert code == 0
    elsewhere = str(tmp_path / "t")
    _, from_file, _ = run(capsys, "--store", elsewhere, "import", "--explain", str(HOGSBY))
    code, by_id, err = run(capsys, "--store", str(store), "show", "20170904", "--explain")
    assert (code, err) == (0, "")
    # The same lines and guesses; the title names the file as the meeting keeps it.
    assert by_id.splitlines()[1:] == from_file.splitlines()[1:]
    assert by_id.startswith(f"{HOGSBY.name}: ") and "(möte 20170904-" in by_id.splitlines()[0]
    assert "? underskrift" in by_id


def test_a_meeting_taken_in_the_program_has_no_source_to_explain(example, capsys):
    code, out, err = run(capsys, "--store", str(example), "show", "20250605", "--explain")
    assert (code, out) == (1, "") and "ingen importerad källtext" in err
    assert len(err.strip().splitlines()) == 1
