"""The meeting's verbs from the command line, sharing the application's undo list."""

from __future__ import annotations

from protokoll.store import Store
from protokoll.tui.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_a_script_adds_decides_assigns_renames_deletes_and_undoes(example, capsys):
    s = ["--store", str(example)]
    assert run(capsys, "reopen", "20250605", *s)[0] == 0
    assert run(capsys, "add", "20250605", "Sent ärende", *s) == (
        0,
        "20250605-au: ny § 21 Sent ärende",  # with the number it got: the next command's
        "",
    )
    lead = "Arbetsutskottet föreslår styrelsen besluta att"
    assert run(capsys, "decide", "20250605", "§ 21", "bevilja medel", "--lead", lead, *s)[0] == 0
    code, out, _ = run(
        capsys,
        "assign",
        "20250605",
        "21",
        "skicka beslutet",
        "--owner",
        "Maria",
        "--due",
        "1 juli 2025",
        *s,
    )
    assert code == 0 and out == "20250605-au: uppgift i § 21"
    assert run(capsys, "rename", "20250605", "21", "Ansökan om medel", *s)[0] == 0
    assert run(capsys, "signs-as", "20250605", "Maria", "Förbundschef", *s)[0] == 0
    m = Store(example).load("20250605-au")
    p = m.paragraphs[-1]
    assert (p.number, p.title) == (21, "Ansökan om medel")
    assert [d.text for d in p.decisions] == [f"{lead} bevilja medel"]
    assert (p.tasks[0].owner, p.tasks[0].due) == ("maria", "2025-07-01")
    assert m.functions.titles["maria"] == "Förbundschef"
    assert run(capsys, "delete", "20250605", "21", *s)[1] == (
        "20250605-au: § 21 Ansökan om medel togs bort"
    )
    assert run(capsys, "--lang", "en", "undo", "20250605", *s)[1] == (
        "20250605-au: Undone: § 21 Ansökan om medel deleted"
    )
    assert Store(example).load("20250605-au").paragraphs[-1].title == "Ansökan om medel"
    assert run(capsys, "redo", "20250605", *s)[0] == 0
    assert Store(example).load("20250605-au").paragraphs[-1].number == 20


def test_refusals_are_one_line_and_change_nothing(example, capsys):
    s = ["--store", str(example)]
    before = (example / "meetings" / "20250605-au.json").read_bytes()
    code, _, err = run(capsys, "add", "20250605", "X", *s)
    assert code == 1 and err.count("\n") == 0 and "avslutat" in err and "reopen" in err
    run(capsys, "reopen", "20250605", *s)
    for argv, said in (
        (("delete", "20250605", "99"), "ingen § 99"),
        (("decide", "20250605", "14", "  "), "texten är tom"),
        (("signs-as", "20250605", "Ingen Alls", "x"), "ingen Ingen Alls"),
        (("rename", "20250605", "abc", "x"), "ingen § abc"),
    ):
        code, out, err = run(capsys, *argv, *s)
        assert code == 1 and out == "" and said in err and "\n" not in err, argv
    code, _, err = run(capsys, "redo", "20250605", *s)
    assert code == 1 and "inget att göra om" in err
    # Only the reopening changed the file.
    after = Store(example).load("20250605-au")
    assert after.status == "open"
    assert len(after.paragraphs) == len(Store(example).load("20250605-au").paragraphs)
    assert before != (example / "meetings" / "20250605-au.json").read_bytes()


def test_an_adjusted_meeting_refuses_the_verbs(example, capsys):
    code, _, err = run(capsys, "add", "20250213", "X", "--store", str(example))
    assert code == 1 and "justerat" in err


def test_attendance_and_functions_from_a_script(tmp_path, capsys):
    from protokoll.store import Person

    store = Store(tmp_path / "s")
    organ = store.add_organ(
        "Styrelsen", "Föreningen", roster=[Person("a", "Anna Berg"), Person("b", "Bo Ek")]
    )
    session = store.create_meeting(organ.id, "2026-05-01")
    session.close()
    s = ["--store", str(tmp_path / "s")]
    mid = session.meeting.id
    assert run(capsys, "attend", mid, "Anna", "bo ek", *s) == (
        0,
        f"{mid}: Anna Berg närvarande\n{mid}: Bo Ek närvarande",
        "",
    )
    assert run(capsys, "function", mid, "Anna Berg", "chair", *s)[1] == (
        f"{mid}: Anna Berg är ordförande"
    )
    # The function by its Swedish word too, as the Swedish help names it.
    assert run(capsys, "function", mid, "Bo Ek", "sekreterare", *s)[1] == (
        f"{mid}: Bo Ek är sekreterare"
    )
    code, _, err = run(capsys, "function", mid, "Bo Ek", "bossen", *s)
    assert code == 2 and "välj ordförande, sekreterare eller justerare" in err
    code, _, err = run(capsys, "attend", mid, "Anna", "Cecilia", *s)
    assert code == 1 and "Cecilia" in err
    m = Store(tmp_path / "s").load(mid)
    assert [a.present for a in m.attendees] == [True, True] and m.functions.chair == "a"
    assert run(capsys, "attend", mid, "Bo", "--absent", *s)[0] == 0
    assert not Store(tmp_path / "s").load(mid).attendee("b").present


def test_the_decision_phrase_of_an_organ_follows_its_name(example, capsys):
    s = ["--store", str(example)]
    phrase = "Arbetsutskottet föreslår förbundsstyrelsen besluta att"
    assert run(capsys, "organ", "edit", "Arbetsutskottet", "--decision", phrase, *s)[0] == 0
    assert run(capsys, "organ", "edit", "Arbetsutskottet", "--name", "AU", *s)[0] == 0
    organ = next(o for o in Store(example).organs() if o.name == "AU")
    assert organ.rules.decision.format(organ=organ.name) == (
        "AU föreslår förbundsstyrelsen besluta att"
    )
