"""Importing protocols from text files: encodings, bad files, re-import, numbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Store, StoreError
from protokoll.store.attendance import jav_service
from protokoll.store.importer import import_protocol, read_protocol
from protokoll.store.render import render_text
from tests.test_cli import run

PROTOCOL = """\
PROTOKOLL fört vid sammanträde med styrelsen för Föreningen Åbo Ängar

Datum: 2024-03-14
Tid: 18.30 – 20.00
Plats: Föreningslokalen, Örby

Närvarande: Åsa Öberg, ordf., Björn Ängström, Karin Ek

Sekreterare: Karin Ek

§ 1 Mötets öppnande

Ordföranden förklarade mötet öppnat.

§ 2 Val av justerare

Björn Ängström valdes att justera dagens protokoll.

§ 3 Årsmöte

Styrelsen beslutar att kalla till årsmöte den 20 april – i Örby.
Karin Ek får i uppgift att skicka kallelsen.

§ 4 Mötets avslutande

Vid protokollet

Karin Ek

Justeras

Åsa Öberg

Björn Ängström
"""


# PROTOCOL's own readings, each a warning: § 3 gives Karin Ek a task in a
# sentence that no line marks as one, and `Närvarande` does not say who decided.
TASK = "task_from_text"
PRESENT = "present_as_voting"
OWN = [TASK, PRESENT]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def imported(tmp_path: Path, data: bytes, name: str = "protokoll.txt"):
    path = write(tmp_path, name, data)
    return read_protocol(path.read_bytes(), path)


def test_a_plain_protocol_is_read_whole(tmp_path):
    m, report = imported(tmp_path, PROTOCOL.encode())
    assert (m.organ, m.organisation, m.date, m.start, m.end) == (
        "Styrelsen",
        "Föreningen Åbo Ängar",
        "2024-03-14",
        "18:30",
        "20:00",
    )
    assert [a.name for a in m.attendees] == ["Åsa Öberg", "Björn Ängström", "Karin Ek"]
    assert m.name_of(m.functions.chair) == "Åsa Öberg"
    assert [m.name_of(a) for a in m.functions.adjusters] == ["Björn Ängström"]
    assert [p.number for p in m.paragraphs] == [1, 2, 3, 4]
    p3 = m.paragraphs[2]
    assert [d.text for d in p3.decisions] == [
        "Styrelsen beslutar att kalla till årsmöte den 20 april – i Örby."
    ]
    assert [(t.owner_name, t.text) for t in p3.tasks] == [("Karin Ek", "skicka kallelsen")]
    assert m.name_of(p3.tasks[0].owner) == "Karin Ek"  # a task owner among those present
    # The task is read out of a sentence, no line marks it: the one warning, at its line.
    task_line = PROTOCOL.splitlines().index("Karin Ek får i uppgift att skicka kallelsen.") + 1
    listed = next(i for i, x in enumerate(PROTOCOL.splitlines(), 1) if x.startswith("Närvarande"))
    assert [(n.key, n.line) for n in report.notices] == [(TASK, task_line), (PRESENT, listed)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_every_usual_encoding_gives_the_same_meeting(tmp_path, encoding):
    text = PROTOCOL if encoding != "latin-1" else PROTOCOL.replace("–", "-")
    m, report = imported(tmp_path, text.encode(encoding))
    reference, _ = imported(tmp_path, text.encode("utf-8"), "reference.txt")
    assert render_text(m) == render_text(reference)
    assert m.id == reference.id  # the same text is the same meeting, whatever its bytes
    assert "Åsa Öberg" in render_text(m)
    said = [n.key for n in report.notices]
    assert said == (["encoding"] if encoding in ("cp1252", "latin-1") else []) + OWN


@pytest.mark.parametrize(
    "data, detail",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binära data"),
        # PDF and zip/docx: tests/test_import_formats.py
        (bytes(range(1, 32)) * 20, "styrtecken"),
        (b"\xff\xfeA\x00\x00\xd8", "UTF-16"),  # a lone surrogate after the BOM
    ],
)
def test_a_binary_file_is_refused_and_nothing_is_created(tmp_path, data, detail):
    store = Store(tmp_path / "store")
    path = write(tmp_path, "bild.txt", data)
    with pytest.raises(StoreError) as caught:
        import_protocol(store, path, data)
    assert caught.value.key == "not_text"
    # Said in words, in the interface's language: "(NUL)" had said it (a trial).
    assert detail in caught.value.text("sv")
    assert "NUL" not in caught.value.text("sv") and "control" not in caught.value.text("sv")
    assert store.summaries() == [] and store.organs() == []


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", b"\xef\xbb\xbf\n"])
def test_an_empty_file_is_refused(tmp_path, data):
    store = Store(tmp_path / "store")
    path = write(tmp_path, "tom.txt", data)
    with pytest.raises(StoreError) as caught:
        import_protocol(store, path, data)
    assert caught.value.key == "empty_file"
    assert store.summaries() == []


def test_text_that_is_no_protocol_is_refused(tmp_path):
    path = write(tmp_path, "inköpslista.txt", "mjölk\nsmör\nägg\n".encode())
    with pytest.raises(StoreError) as caught:
        read_protocol(path.read_bytes(), path)
    assert caught.value.key == "not_a_protocol"


def test_importing_the_same_file_twice_makes_one_meeting(tmp_path):
    store = Store(tmp_path / "store")
    first = write(tmp_path, "a.txt", PROTOCOL.encode())
    copy = write(tmp_path, "kopia av a.txt", PROTOCOL.encode("cp1252"))
    one = import_protocol(store, first, first.read_bytes())
    two = import_protocol(store, first, first.read_bytes())
    three = import_protocol(store, copy, copy.read_bytes())
    assert one.created and not two.created and not three.created
    assert two.existing == three.existing == one.meeting.id
    assert [s.id for s in store.summaries()] == [one.meeting.id]
    assert len(store.organs()) == 1


def test_an_imported_meeting_is_closed_with_its_numbers_fixed(tmp_path):
    store = Store(tmp_path / "store")
    path = write(tmp_path, "a.txt", PROTOCOL.replace("§ 1 ", "§ 11 ").encode())
    result = import_protocol(store, path, path.read_bytes())
    m = store.load(result.meeting.id)
    assert m.imported and m.status == "closed"
    assert [p.number for p in m.paragraphs] == [11, 2, 3, 4]  # as written, even when wrong
    assert m.source.startswith("a.txt sha256:")


def test_new_meetings_continue_after_imported_numbers(tmp_path):
    store = Store(tmp_path / "store")
    path = write(tmp_path, "a.txt", PROTOCOL.encode())  # 2024-03-14, §§ 1–4
    organ_id = import_protocol(store, path, path.read_bytes()).meeting.organ_id
    later = store.create_meeting(organ_id, "2024-05-02")
    later.add_paragraph("Mötets öppnande")
    assert later.meeting.paragraphs[0].number == 5
    later.close()
    # An older protocol imported afterwards (§§ 1–5, in April, before May but
    # after March: its numbers as written) moves the later, free meeting on.
    text = PROTOCOL.replace("2024-03-14", "2024-04-11").replace("§ 4 ", "§ 4 Ekonomi\n\n§ 5 ")
    older = write(tmp_path, "b.txt", text.encode())
    import_protocol(store, older, older.read_bytes())
    assert store.load(later.meeting.id).paragraphs[0].number == 6


def test_an_import_that_clashes_with_numbers_in_use_writes_nothing(tmp_path):
    store = Store(tmp_path / "store")
    path = write(tmp_path, "a.txt", PROTOCOL.encode())
    organ = store.add_organ("Styrelsen", "Föreningen Åbo Ängar")
    earlier = store.create_meeting(organ.id, "2024-02-01")
    for title in ("Öppnande", "Ekonomi"):
        earlier.add_paragraph(title)  # §§ 1–2, before the import's §§ 1–4
    earlier.close()
    with pytest.raises(StoreError) as caught:
        import_protocol(store, path, path.read_bytes())
    # The message names the meeting that holds the numbers, not the file.
    assert caught.value.key == "import_overlap"
    assert caught.value.params["meeting"] == earlier.meeting.id
    assert [s.id for s in store.summaries()] == [earlier.meeting.id]


def test_irregular_numbers_are_kept_and_reported(tmp_path):
    text = PROTOCOL.replace("§ 3 Årsmöte", "§ 5 Årsmöte").replace("§ 4 Möte", "§ 5 Möte")
    text = text.replace("Sekreterare: Karin Ek", "Sekreterare: Karin Ek\n\nParagrafer: §§ 1-4")
    m, report = imported(tmp_path, text.encode())
    assert [p.number for p in m.paragraphs] == [1, 2, 5, 5]
    said = {n.key: n for n in report.notices}
    assert set(said) == {"skipped_number", "duplicate_number", "declared_range", *OWN}
    assert "§§ 3–4 saknas mellan § 2 och § 5" in [n.text() for n in report.notices]
    assert said["duplicate_number"].line == text.splitlines().index("§ 5 Årsmöte") + 1


def test_a_period_is_kept_as_written_and_no_day_is_invented(tmp_path):
    text = PROTOCOL.replace("Datum: 2024-03-14", "Datum: Hösten 2024")
    m, _ = imported(tmp_path, text.encode())
    assert (m.period, m.date) == ("Hösten 2024", "2024")
    assert "Datum:      Hösten 2024" in render_text(m)


def test_a_malformed_date_is_reported_and_kept(tmp_path):
    text = PROTOCOL.replace("Datum: 2024-03-14", "Datum: 32 mars 2024")
    path = write(tmp_path, "styrelsen-2024-03-14.txt", text.encode())
    m, report = read_protocol(path.read_bytes(), path)
    assert [n.key for n in report.notices] == ["bad_field", "date_from_name_bad", *OWN]
    assert m.date == "2024-03-14"
    assert "Datum: 32 mars 2024" in m.intro  # nothing dropped
    bare = write(tmp_path, "styrelsen.txt", text.encode())
    with pytest.raises(StoreError) as caught:
        read_protocol(bare.read_bytes(), bare)
    # Not "no date": the line that is none, and why.
    assert caught.value.key == "bad_date"
    assert caught.value.text() == (
        f"{bare}:3: 'Datum: 32 mars 2024' är inget datum: mars 2024 har ingen dag 32; "
        "rätta raden; inget importerades"
    )


@pytest.mark.parametrize(
    ("heading", "said"),
    [
        ("Protokoll fört vid styrelsemöte 2021-02-30", "'2021-02-30' är inget datum: februari"),
        ("Styrelsemöte den 31 april 2021", "'den 31 april 2021' är inget datum: april"),
    ],
)
def test_a_date_in_a_heading_that_is_none_is_said_as_a_fields_is(tmp_path, heading, said):
    # It had said "hittar inget mötesdatum", where `Datum: 2021-02-30` said
    # which day was wrong (a trial).
    text = f"{heading}\n\n§ 1 Öppnande\nMötet öppnades.\n"
    path = write(tmp_path, "styrelsen.txt", text.encode())
    with pytest.raises(StoreError) as caught:
        read_protocol(path.read_bytes(), path)
    assert caught.value.key == "bad_date"
    assert caught.value.text().startswith(f"{path}:1: {said}"), caught.value.text()


def test_escape_sequences_go_and_markup_stays_text(tmp_path):
    text = PROTOCOL.replace(
        "Ordföranden förklarade mötet öppnat.",
        "Ordföranden förklarade [bold]mötet[/bold] öppnat.\x1b[2J\x1b]0;title\x07",
    )
    m, report = imported(tmp_path, text.encode())
    # Each sequence goes whole and leaves one mark; no "[2J" debris is stored.
    assert m.paragraphs[0].text == "Ordföranden förklarade [bold]mötet[/bold] öppnat.\ufffd\ufffd"
    assert [(n.key, n.params.get("count")) for n in report.notices] == [
        ("controls", 2),
        (TASK, None),
        (PRESENT, 3),
    ]


def test_minnesanteckningar_with_markdown_headings(tmp_path):
    text = (
        "# Minnesanteckningar\n\nDatum: 2024-09-03\n\n"
        "## Ekonomi\n\nKassören redogjorde för läget.\n\n"
        "## Nästa möte\n\n**Beslut:** Nästa möte hålls den 1 oktober.\n"
    )
    m, _ = imported(tmp_path, text.encode())
    assert m.kind == "minnesanteckningar"
    assert [(p.number, p.title) for p in m.paragraphs] == [(None, "Ekonomi"), (None, "Nästa möte")]
    assert [d.text for d in m.paragraphs[1].decisions] == ["Nästa möte hålls den 1 oktober."]


def test_att_satser_under_a_beslut_label_are_decisions_each(tmp_path):
    text = PROTOCOL.replace(
        "Styrelsen beslutar att kalla till årsmöte den 20 april – i Örby.\n",
        "Beslut:\natt kalla till årsmöte den 20 april,\natt lokalen bokas.\n\n",
    )
    m, _ = imported(tmp_path, text.encode())
    assert [d.text for d in m.paragraphs[2].decisions] == [
        "att kalla till årsmöte den 20 april,",
        "att lokalen bokas.",
    ]


def test_text_without_any_paragraph_is_kept_as_one_item(tmp_path):
    text = "Datum: 2024-01-10\n\nVi pratade om vårens aktiviteter.\n\nAlla var överens.\n"
    m, report = imported(tmp_path, text.encode())
    assert [n.key for n in report.notices] == ["no_organ", "no_paragraphs"]
    assert m.paragraphs[0].text == "Vi pratade om vårens aktiviteter.\n\nAlla var överens."


# --- the command line


def test_cli_prints_ids_on_stdout_and_warnings_on_stderr(tmp_path, capsys):
    store = tmp_path / "store"
    good = write(tmp_path, "a.txt", PROTOCOL.replace("§ 3 ", "§ 9 ").encode())
    code, out, err = run(capsys, "--store", str(store), "import", str(good))
    assert code == 0
    (meeting_id,) = out.split()
    assert err.count("\n") == 3 and "§§ 3–8 saknas mellan § 2 och § 9" in err
    assert "uppdraget 'Karin Ek: skicka kallelsen' lästes ur meningen" in err
    assert f"{good}:" in err  # the file and line it concerns
    code, out, err = run(capsys, "--store", str(store), "import", str(good))
    assert (code, out) == (0, "")
    assert f"finns redan i arkivet som {meeting_id}" in err


def test_cli_dry_run_writes_nothing(tmp_path, capsys):
    store = tmp_path / "store"
    good = write(tmp_path, "a.txt", PROTOCOL.encode())
    code, out, err = run(capsys, "--store", str(store), "import", "--dry-run", str(good))
    assert code == 0
    assert out.startswith("skulle skapa ")
    assert "Styrelsen, Föreningen Åbo Ängar, 2024-03-14, §§ 1–4, 3 närvarande, 2 beslut" in out
    assert not store.exists()


def test_cli_bad_files_fail_alone_with_one_line_each(tmp_path, capsys):
    store = tmp_path / "store"
    good = write(tmp_path, "a.txt", PROTOCOL.encode())
    binary = write(tmp_path, "b.txt", b"\x00\x01\x02binary")
    empty = write(tmp_path, "c.txt", b"")
    missing = tmp_path / "finns-inte.txt"
    code, out, err = run(
        capsys, "--store", str(store), "import", str(binary), str(good), str(empty), str(missing)
    )
    assert code == 1
    assert len(out.split()) == 1  # the good one was imported
    lines = [x for x in err.strip().splitlines() if not x.startswith("protokoll: varning: ")]
    assert len(lines) == 4 and all(x.startswith("protokoll: fel: ") for x in lines[:3])
    # Last, how many were: each refusal ends "inget importerades", of its file.
    assert lines[3] == "protokoll: 1 av 4 filer importerades; 3 inte (se ovan)"
    assert "Traceback" not in err


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


# The protocols themselves, not the extracts and publication copy beside them.
PRINTED = sorted(p.stem for p in EXAMPLES.glob("*.txt") if p.stem.count("-") == 1)


@pytest.mark.parametrize("name", PRINTED)
def test_a_protocol_printed_by_protokoll_imports_again(example, name):
    path = EXAMPLES / f"{name}.txt"
    m, report = read_protocol(path.read_bytes(), path)
    original = Store(example, create=False).load(name)
    assert report.notices == []
    assert (m.organ, m.organisation, m.date, m.kind) == (
        original.organ,
        original.organisation,
        original.date,
        original.kind,
    )
    assert [(p.number, p.title) for p in m.paragraphs] == [
        (p.number, p.title) for p in original.paragraphs
    ]
    # Where one printed decision ends and the next begins is lost in the
    # wrapping when a line ends a sentence; the words are all there.
    assert [" ".join(d.text for d in p.decisions) for p in m.paragraphs] == [
        " ".join(d.text for d in p.decisions) for p in original.paragraphs
    ]

    def replaced(a):  # whom a substitute served for, for the meeting or for a § of jäv
        member = a.replaces or next((x for x, _ in jav_service(a, original)), None)
        return original.name_of(member)

    people = [(a.name, a.category, a.present, replaced(a)) for a in original.attendees]
    imported = [(a.name, a.category, a.present, m.name_of(a.replaces)) for a in m.attendees]
    assert sorted(imported) == sorted(x for x in people if x[2] or x[1] == "beslutande")
    for f in ("chair", "secretary"):
        assert m.name_of(getattr(m.functions, f)) == original.name_of(
            getattr(original.functions, f)
        )
    assert (m.adjustment.date if m.adjustment else None) == (
        original.adjustment.date if original.adjustment else None
    )
    # Votes, reservations and notes come back as text: every word of them is there.
    words = " ".join(render_text(m).split())
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.strip().startswith("_"):
            assert " ".join(line.split()) in words or line.strip() in render_text(m)


def test_a_period_and_a_missing_organisation_read_well_in_lists(tmp_path, capsys):
    from protokoll.tui.screens.browse import grouped, row_label

    text = "Datum: Hösten 2024\n\n1. Verksamhetsplan\n\nVi gick igenom planen.\n"
    path = write(tmp_path, "planering.txt", text.encode())
    store = Store(tmp_path / "store")
    import_protocol(store, path, path.read_bytes())
    ((heading, (summary,)),) = grouped(store.summaries())
    assert heading == "Okänt organ · 2024"
    assert row_label(summary).startswith("  Hösten 2024  ")
    code, out, _ = run(capsys, "--store", str(tmp_path / "store"), "list")
    assert code == 0 and "  Hösten 2024  Okänt organ  minnesanteckningar" in out


def test_a_substitutes_range_of_service_is_read_and_an_unknown_paragraph_reported(tmp_path):
    text = PROTOCOL.replace(
        "Närvarande: Åsa Öberg, ordf., Björn Ängström, Karin Ek",
        "Beslutande\nÅsa Öberg, ordf.\nBjörn Ängström\nKarin Ek\n\n"
        "Tjänstgörande ersättare\nOlle Berg (S), för Karin Ek fr o m § 3\n"
        "Eva Lund (M), för Björn Ängström fr o m § 9",
    )
    m, report = imported(tmp_path, text.encode())
    olle, eva = (next(a for a in m.attendees if a.name == n) for n in ("Olle Berg", "Eva Lund"))
    assert (m.name_of(olle.replaces), olle.serves_from) == ("Karin Ek", m.paragraphs[2].id)
    # No § 9: the service is not widened to the whole meeting in silence.
    assert (m.name_of(eva.replaces), eva.serves_from, eva.note) == (
        "Björn Ängström",
        None,
        "fr o m § 9",
    )
    assert [n.key for n in report.notices] == [TASK, "unknown_presence"]


def test_a_source_naming_no_organ_prints_none_and_is_listed_as_unknown(tmp_path, capsys):
    from protokoll.store.extract import render_extract
    from protokoll.store.pdf import render_pdf
    from protokoll.store.render_md import render_markdown

    text = "Datum: 2024-03-05\n\n§ 1 Verksamhetsplan\n\nVi gick igenom planen.\n"
    store = Store(tmp_path / "store")
    first = write(tmp_path, "mars.txt", text.encode())
    second = write(tmp_path, "april.txt", text.replace("03-05", "04-09").encode())
    m = import_protocol(store, first, first.read_bytes()).meeting
    done = import_protocol(store, second, second.read_bytes())
    # The source says nothing of an organ, so the protocol says nothing either.
    assert m.organ == "" and done.meeting.organ == ""
    printed = [render_text(m), render_markdown(m), render_extract(m, [1])]
    assert not any("Okänt" in p or "Unknown" in p for p in printed)
    # The title, then the date: no line where the organ would stand, no gap for it.
    assert [x for x in render_text(m).splitlines() if x][1].startswith("Datum:")
    assert "\n\n\n" not in render_text(m)
    assert b"Ok\\344nt" not in render_pdf(m) and "Okänt".encode() not in render_pdf(m)
    # The warning says so, where the organ was looked for, and how to name it.
    assert any(key == "no_organ" and "--organ" in say for key, say in _warnings(done))
    # Both are filed under one organ of the store for such meetings, listed by it.
    assert [o.name for o in store.organs()] == ["Okänt organ"]
    assert m.organ_id == done.meeting.organ_id == store.organs()[0].id
    code, out, _ = run(capsys, "--store", str(tmp_path / "store"), "--lang", "en", "list")
    assert code == 0 and out.count("  Unknown organ  ") == 2


def _warnings(done) -> list[tuple[str, str]]:
    return [(n.key, n.text("sv")) for n in done.report.notices]


def test_import_organ_names_the_organ_of_files_that_name_none_and_only_those(tmp_path, capsys):
    text = b"Datum: 2024-03-05\n\n1. Planen\n\nVi gick igenom den.\n"
    unnamed = write(tmp_path, "mars.txt", text)
    named = write(tmp_path, "protokoll.txt", PROTOCOL.encode())
    store = tmp_path / "store"
    options = ["--store", str(store), "import", "--organ", "Valberedningen"]
    code, out, err = run(capsys, *options, str(unnamed), str(named))
    assert code == 0
    organs = {m.id: m.organ for m in map(Store(store).load, out.split())}
    source_organ = read_protocol(named.read_bytes(), named)[0].organ
    assert sorted(organs.values()) == sorted(["Valberedningen", source_organ])
    assert "källan anger inget organ" not in err  # the user named it
    # A file that names its organ keeps it, and the user is told the option did not apply.
    assert f"källan anger organet '{source_organ}'; --organ 'Valberedningen' gäller bara" in err
    assert sorted(o.name for o in Store(store).organs()) == sorted(["Valberedningen", source_organ])


def test_several_files_end_with_how_many_were_imported_and_how_many_were_there(
    tmp_path, capsys
):
    """A run of six seeds printed only ids, and again only "finns redan" six
    times (trial 9): it ends with how many were imported and were there."""
    store = tmp_path / "store"
    a = write(tmp_path, "a.txt", PROTOCOL.encode())
    b = write(tmp_path, "b.txt", PROTOCOL.replace("2024-03-14", "2024-04-11").encode())
    code, _out, err = run(capsys, "--store", str(store), "import", str(a), str(b))
    assert code == 0 and err.strip().splitlines()[-1] == "protokoll: 2 av 2 filer importerades"
    code, _out, err = run(capsys, "--store", str(store), "import", str(a), str(b))
    assert err.strip().splitlines()[-1] == "protokoll: 0 av 2 filer importerades; 2 fanns redan"
