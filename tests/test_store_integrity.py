"""No route gives two §s the same number, and the catalogue has one writer.

Each test is one of the routes by which a store once got duplicate §
numbers, a lost organ or a half-made meeting (issue 12, items 5–7): parallel
imports, a refused import that was written anyway, a stale application, a
damaged meeting file, a JSON meeting whose new numbers were never saved, and
a meeting file begun on a full disk.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from protokoll.store import Store, StoreError
from protokoll.store.exchange import export_json, import_document
from protokoll.store.importer import import_protocol

ROOT = Path(__file__).resolve().parent.parent


def protocol(
    date: str,
    first: int,
    count: int = 2,
    organ: str = "styrelsen",
    organisation: str = "Föreningen Åbo Ängar",
) -> str:
    paragraphs = "\n\n".join(
        f"§ {first + i} Punkt {first + i}\n\nStyrelsen beslutar att godkänna punkt {first + i}."
        for i in range(count)
    )
    return (
        f"PROTOKOLL fört vid sammanträde med {organ} för {organisation}\n\n"
        f"Datum: {date}\nTid: 18.30 – 20.00\nPlats: Föreningslokalen\n\n"
        "Närvarande: Åsa Öberg, ordf., Björn Ängström, Karin Ek\n\n"
        f"Sekreterare: Karin Ek\n\n{paragraphs}\n"
    )


def numbers_on_disk(path: Path) -> Counter:
    """Every § number of every protocol in the store, read afresh from the files."""
    store = Store(path)
    counted: Counter = Counter()
    for s in store.summaries():
        meeting = store.load(s.id)
        if meeting.numbered:
            counted.update((meeting.organ_id, meeting.date[:4], n) for n in meeting.numbers())
    return counted


def free_meeting(store: Store, organ_id: str, date: str, titles: list[str]):
    session = store.create_meeting(organ_id, date)
    for title in titles:
        session.add_paragraph(title)
    return session


def test_eight_processes_importing_at_once_make_one_organ_and_no_duplicate(tmp_path):
    store_dir = tmp_path / "store"
    Store(store_dir)
    batches = []
    for b in range(8):
        files = []
        for i in range(20):
            k = b * 20 + i  # meeting k: day k of 2024, §§ 2k+1 and 2k+2
            day = f"2024-{1 + k // 28:02d}-{1 + k % 28:02d}"
            f = tmp_path / f"p{k:03d}.txt"
            f.write_text(protocol(day, 2 * k + 1), encoding="utf-8")
            files.append(str(f))
        batches.append(files)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "protokoll.tui", "--store", str(store_dir), "import", *files],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files in batches
    ]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]
    for code, _out, err in results:
        assert "internal error" not in err and "Traceback" not in err
        assert code == 0, err
    store = Store(store_dir)
    assert len(store.organs()) == 1
    assert len(store.summaries()) == 160
    counted = numbers_on_disk(store_dir)
    assert len(counted) == 320 and max(counted.values()) == 1
    assert not store.problems


def test_two_stores_open_at_once_never_give_out_the_same_document_id(tmp_path):
    # TinyDB remembered its next document id per process: the second writer's
    # organ made the first one's next insert fail ("Document with ID … exists").
    first = Store(tmp_path)
    first.add_organ("Styrelsen", "A")
    second = Store(tmp_path)
    second.add_organ("Valberedningen", "A")
    first.add_organ("Revisorerna", "A")
    assert sorted(o.name for o in Store(tmp_path).organs()) == [
        "Revisorerna",
        "Styrelsen",
        "Valberedningen",
    ]


def test_a_stale_application_does_not_give_out_a_number_an_import_took(tmp_path):
    app_store = Store(tmp_path / "store")
    organ = app_store.add_organ("Styrelsen", "Föreningen Åbo Ängar")
    session = free_meeting(app_store, organ.id, "2024-05-02", ["Öppnande"])  # § 1
    # Meanwhile the command line imports an older protocol, §§ 1–3 in April.
    older = tmp_path / "april.txt"
    older.write_text(protocol("2024-04-11", 1, 3), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "protokoll.tui", "--store", str(tmp_path / "store"), "import", str(older)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    # The open meeting cannot be moved on while it is open here: refused.
    assert done.returncode != 0 and "Traceback" not in done.stderr
    session.close()
    done = subprocess.run(
        [sys.executable, "-m", "protokoll.tui", "--store", str(tmp_path / "store"), "import", str(older)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    # The application, still with its view from before, adds a § to the meeting.
    session = app_store.open(session.meeting.id)
    session.add_paragraph("Ekonomi")
    assert [p.number for p in session.meeting.paragraphs] == [4, 5]
    session.close()
    assert max(numbers_on_disk(tmp_path / "store").values()) == 1


def test_a_refused_import_writes_nothing(tmp_path):
    store = Store(tmp_path / "store")
    organ = store.add_organ("Styrelsen", "Föreningen Åbo Ängar")
    held = free_meeting(store, organ.id, "2024-06-01", ["Öppnande", "Ekonomi"])  # §§ 1–2
    other = Store(tmp_path / "store")  # another process, as far as the locks go
    path = tmp_path / "maj.txt"
    path.write_text(protocol("2024-05-02", 1, 3), encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        import_protocol(other, path, path.read_bytes())
    assert caught.value.key == "busy_elsewhere"
    assert sorted(os.listdir(tmp_path / "store" / "meetings")) == [f"{held.meeting.id}.json"]
    assert [s.id for s in Store(tmp_path / "store").summaries()] == [held.meeting.id]
    held.close()


def test_a_damaged_meeting_keeps_its_numbers_reserved(tmp_path):
    store = Store(tmp_path)
    organ = store.add_organ("Styrelsen", "Föreningen Åbo Ängar")
    january = free_meeting(store, organ.id, "2024-01-10", ["A", "B", "C"])  # §§ 1–3
    january.close()
    (tmp_path / "meetings" / f"{january.meeting.id}.json").write_text("{ not json")
    reopened = Store(tmp_path)
    assert reopened.problems  # reported, and left as it is
    february = free_meeting(reopened, organ.id, "2024-02-14", ["Öppnande"])
    assert february.meeting.paragraphs[0].number == 4
    february.close()


def test_an_imported_json_meeting_keeps_its_numbers_on_disk_or_is_refused(tmp_path):
    source = Store(tmp_path / "other")
    organ = source.add_organ("Styrelsen", "Föreningen Åbo Ängar", organ_id="styrelsen")
    march = free_meeting(source, organ.id, "2024-03-01", ["A", "B", "C", "D", "E"])
    march.close()
    exported = json.loads(export_json(source.load(march.meeting.id), organ))
    # Make it a meeting with §§ 21–22, as exported from a store begun mid-year.
    exported["meeting"]["paragraphs"] = exported["meeting"]["paragraphs"][:2]
    for i, p in enumerate(exported["meeting"]["paragraphs"]):
        p["number"] = 21 + i

    store = Store(tmp_path / "store")
    store.add_organ("Styrelsen", "Föreningen Åbo Ängar", organ_id="styrelsen")
    earlier = free_meeting(store, "styrelsen", "2024-02-01", ["A"])
    earlier.set_number_from(21)  # §§ 21 … in February
    earlier.add_paragraph("B")
    earlier.add_paragraph("C")  # §§ 21–23
    earlier.close()
    with pytest.raises(StoreError) as caught:
        import_document(store, Path("mars.json"), exported)
    assert caught.value.key == "import_overlap"
    assert caught.value.params["meeting"] == earlier.meeting.id
    assert max(numbers_on_disk(tmp_path / "store").values()) == 1

    for i, p in enumerate(exported["meeting"]["paragraphs"]):
        p["number"] = 24 + i
    import_document(store, Path("mars.json"), exported)
    on_disk = Store(tmp_path / "store").load(march.meeting.id)
    assert on_disk.numbers() == [24, 25]


def test_a_meeting_is_never_begun_as_a_stub_on_a_full_disk(tmp_path, monkeypatch):
    store = Store(tmp_path)
    organ = store.add_organ("Styrelsen", "Föreningen Åbo Ängar")
    real_open, real_write = os.open, os.write
    in_meetings: set[int] = set()

    def opening(path, flags, mode=0o777, **kw) -> int:
        fd = real_open(path, flags, mode, **kw)
        in_meetings.discard(fd)
        if Path(path).parent == tmp_path / "meetings":
            in_meetings.add(fd)
        return fd

    def nearly_full(fd: int, data) -> int:
        if fd in in_meetings and len(data) > 64:  # room for a stub, not for a meeting
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "open", opening)
    monkeypatch.setattr(os, "write", nearly_full)
    with pytest.raises(StoreError) as caught:
        store.create_meeting(organ.id, "2024-03-14")
    monkeypatch.undo()
    assert caught.value.key == "write_failed"
    assert list((tmp_path / "meetings").iterdir()) == []
    assert not Store(tmp_path).problems
