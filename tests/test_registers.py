"""The decision register and the task list across meetings."""

from __future__ import annotations

import json

from protokoll.store import Decision, Store
from protokoll.store.registers import decisions, tasks
from protokoll.tui import cli
from protokoll.tui.cli import main


def all_meetings(path):
    store = Store(path)
    return [store.load(s.id) for s in store.summaries()]


def test_the_register_lists_decisions_oldest_first_with_their_paragraph(example):
    rows = decisions(all_meetings(example))
    assert [r.date for r in rows] == sorted(r.date for r in rows)
    first = rows[0]
    assert (first.meeting, first.paragraph, first.title) == ("20250213-au", 2, "Val av justerare")
    assert any(r.paragraph == 18 and "Analysgruppen Norr AB" in r.text for r in rows)


def test_the_register_by_organ_and_year(example):
    meetings = all_meetings(example)
    assert {r.organ for r in decisions(meetings, organ="arbetsutskottet")} == {"Arbetsutskottet"}
    assert decisions(meetings, organ="Beredningsgruppen") == []  # notes decide nothing
    assert decisions(meetings, year=2024) == []
    assert len(decisions(meetings, year=2025)) == len(decisions(meetings))


def test_the_task_list_names_owner_due_date_and_origin(example):
    rows = tasks(all_meetings(example))
    budget = next(r for r in rows if r.paragraph == 19)
    assert (budget.owner, budget.due, budget.done, budget.meeting) == (
        "Maria Öberg",
        "2025-09-01",
        False,
        "20250605-au",
    )
    assert budget.title == "Budget 2026, första utkast"


def test_open_tasks_leave_out_the_done_ones(example):
    store = Store(example)
    s = store.open("20250410-au")
    s.meeting.paragraphs[3].tasks[0].done = True
    s.save()
    s.close()
    meetings = all_meetings(example)
    assert len(tasks(meetings, open_only=True)) == len(tasks(meetings)) - 1


def test_command_line_tasks_and_decisions_as_json(example, capsys):
    assert main(["tasks", "--open", "--json", "--store", str(example)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"meeting", "paragraph", "owner", "text", "due", "done"} <= set(rows[0])
    assert (
        main(
            [
                "decisions",
                "--organ",
                "Arbetsutskottet",
                "--year",
                "2025",
                "--json",
                "--store",
                str(example),
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["organ"] == "Arbetsutskottet" for r in rows)


def test_a_bug_of_ours_is_still_one_line_and_no_traceback(example, capsys, monkeypatch):
    def broken(args):
        raise KeyError("oops")

    monkeypatch.setitem(cli.COMMANDS, "list", broken)
    assert main(["list", "--store", str(example)]) == 70
    err = capsys.readouterr().err
    assert err.startswith("protokoll: internt fel: KeyError") and len(err.splitlines()) == 1


def test_the_register_line_of_a_titled_unnumbered_paragraph_reads_as_one_heading(tmp_path, capsys):
    # An association's årsmöte: §s without numbers, titles ending with a full stop.
    store = Store(tmp_path)
    store.add_organ("Årsmöte", "Föreningen", numbering="never", organ_id="am")
    s = store.create_meeting("am", "2015-12-10", start="18:00", agenda=[])
    p = s.add_paragraph("Mötets behörighet.")
    p.decisions.append(Decision("Mötet beslutade att anse mötet behörigt utlyst."))
    s.save()
    s.close()
    assert main(["decisions", "--store", str(tmp_path)]) == 0
    line = capsys.readouterr().out.strip()
    assert "Mötets behörighet: Mötet beslutade" in line
    assert ".:" not in line and "   " not in line.split("Årsmöte", 1)[1]


IMPORTED = """\
Protokoll fört vid sammanträde med styrelsen för Föreningen Test
Datum: 2024-03-05

Närvarande: Siv Öhman, Kjell Ek, Lena Berg

§ 1 Lokalen
Siv Öhman får i uppgift att boka lokalen.
"""


def test_an_imported_protocols_task_is_of_unknown_state_until_followed_up(tmp_path, capsys):
    # The source says a task was given, not whether it was done: a trial read
    # years-old imported tasks as open ("[ ]", "öppet").
    from protokoll.store.archive import task_rows
    from protokoll.store.importer import import_protocol

    store = Store(tmp_path / "s")
    source = tmp_path / "p.txt"
    source.write_text(IMPORTED, encoding="utf-8")
    import_protocol(store, source, source.read_bytes())
    (row,) = tasks(all_meetings(tmp_path / "s"))
    assert row.imported and row.unknown and not row.done
    (indexed,) = task_rows(store)
    assert indexed == row  # the derived database says the same
    assert main(["tasks", "--store", str(tmp_path / "s")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[?] Siv Öhman: boka lokalen")
    assert main(["tasks", "--json", "--store", str(tmp_path / "s")]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    assert (doc["state"], doc["imported"]) == ("unknown", True)


YEAR_MARKED = """PROTOKOLL

Styrelsen
Föreningen Ekbacken
Datum: 2024-03-12

Närvarande: Anna Berg (ordförande), Bo Ek (sekreterare), Cia Dahl

§ 17/2024 Budget

Styrelsen beslutar att anta budgeten.
Bo Ek får i uppdrag att skicka budgeten till revisorerna.

§ 18/2024 Avslutning

Mötet avslutas.
"""


def test_an_imported_paragraph_is_named_in_the_registers_as_its_protocol_names_it(
    tmp_path, capsys
):
    # The protocol says "§ 17/2024"; the registers said "§ 17", a mark the
    # document does not have.
    source = tmp_path / "ekbacken.txt"
    source.write_text(YEAR_MARKED, encoding="utf-8")
    argv = ["--store", str(tmp_path / "store")]
    assert main(["import", str(source), *argv]) == 0
    capsys.readouterr()
    assert main(["tasks", *argv]) == 0
    assert capsys.readouterr().out.rstrip().endswith(" § 17/2024 Budget")
    assert main(["decisions", *argv]) == 0
    assert "§ 17/2024 Budget: Styrelsen beslutar att anta budgeten." in capsys.readouterr().out
    assert main(["decisions", "--json", *argv]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["paragraph"], row["mark"]) == (17, "§ 17/2024")
    # Read from the meetings themselves (no derived database), the same.
    meetings = all_meetings(tmp_path / "store")
    assert [r.mark for r in tasks(meetings)] == ["§ 17/2024"]
    assert [r.mark for r in decisions(meetings)] == ["§ 17/2024"]
    # The application's task list says where a task was given alike.
    from protokoll.tui.screens.registers import _origin

    assert [_origin(r) for r in tasks(meetings)] == ["2024-03-12 § 17/2024"]
