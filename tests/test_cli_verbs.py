"""The meeting's verbs from the command line, sharing the application's undo list."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


# --- undoing a close: asked, as the application asks ------------------------------


class Terminal(io.StringIO):
    """Standard input at a terminal, the answer typed into it."""

    def isatty(self) -> bool:
        return True


def closed_again(example: Path, capsys) -> list[str]:
    """The June meeting reopened and closed from the command line: the latest
    change on its undo list is the close."""
    s = ["--store", str(example)]
    assert run(capsys, "reopen", "20250605", *s)[0] == 0
    assert run(capsys, "close", "20250605", *s)[0] == 0
    return s


def test_undoing_a_close_without_a_terminal_is_refused_unless_yes(example, capsys, monkeypatch):
    # A trial's `protokoll undo` reopened a closed meeting unasked, where the
    # application asks first ("Ångra att mötet avslutades?").
    s = closed_again(example, capsys)
    monkeypatch.setattr(sys, "stdin", io.StringIO("j\n"))  # a pipe: nobody to answer
    before = (example / "meetings" / "20250605-au.json").read_bytes()
    code, out, err = run(capsys, "undo", "20250605", *s)
    assert (code, out) == (2, "") and "\n" not in err
    assert "öppnar mötet för ändringar igen" in err and "--yes" in err
    assert (example / "meetings" / "20250605-au.json").read_bytes() == before
    code, out, err = run(capsys, "--lang", "en", "undo", "20250605", *s)
    assert code == 2 and "give --yes" in err
    assert run(capsys, "undo", "20250605", "--yes", *s) == (
        0,
        "20250605-au: Ångrat: mötet avslutat 11.45",
        "",
    )
    m = Store(example).load("20250605-au")
    assert m.status == "open" and m.end == "11:45"  # the end kept, offered at the next close


def test_an_undo_of_anything_else_is_not_asked(example, capsys, monkeypatch):
    s = ["--store", str(example)]
    assert run(capsys, "reopen", "20250605", *s)[0] == 0
    assert run(capsys, "add", "20250605", "Sent ärende", *s)[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = run(capsys, "undo", "20250605", *s)
    assert (code, err) == (0, "") and "Ångrat" in out


@pytest.mark.parametrize(
    ("lang", "answer", "undone"),
    [("sv", "n", False), ("sv", "", False), ("sv", "j", True), ("en", "yes", True)],
)
def test_on_a_terminal_undoing_a_close_is_asked(example, capsys, monkeypatch, lang, answer, undone):
    s = closed_again(example, capsys)
    monkeypatch.setattr(sys, "stdin", Terminal(answer + "\n"))
    code, out, err = run(capsys, "--lang", lang, "undo", "20250605", *s)
    question = {"sv": "Ångra? [j/N]", "en": "Undo? [y/N]"}[lang]
    assert question in err
    status = Store(example).load("20250605-au").status
    if undone:
        assert code == 0 and status == "open" and out.startswith("20250605-au: ")
    else:
        assert code == 1 and status == "closed" and out == ""
        assert "inget ångrat; mötet är fortfarande avslutat" in err


def test_the_question_is_asked_in_a_real_terminal(example, capsys):
    # The program as a secretary runs it: standard input a pseudo-terminal.
    s = closed_again(example, capsys)
    said, code = answered(["undo", "20250605", *s], b"j\n")
    assert code == 0, said
    assert "Ångra? [j/N]" in said and "Ångrat: mötet avslutat 11.45" in said
    assert Store(example).load("20250605-au").status == "open"


def answered(argv: list[str], answer: bytes) -> tuple[str, int]:
    """`protokoll ARGV` on a pseudo-terminal, `answer` typed once it asks."""
    master, slave = os.openpty()
    env = {**os.environ, "PROTOKOLL_LANG": "sv"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "protokoll.tui.cli", *argv],
        stdin=slave, stdout=slave, stderr=slave, env=env,
    )  # fmt: skip
    os.close(slave)
    said, asked, deadline = b"", False, time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            if select.select([master], [], [], 0.1)[0]:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the program has ended and closed its side
                    break
                if not chunk:
                    break
                said += chunk
            if not asked and b"[j/N]" in said:
                os.write(master, answer)
                asked = True
            if proc.poll() is not None and not select.select([master], [], [], 0.1)[0]:
                break
        return said.decode("utf-8", "replace"), proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)


def test_a_meetings_date_start_and_place_are_put_right_from_a_script(example, capsys):
    s = ["--store", str(example)]
    assert run(capsys, "reopen", "20250605", *s)[0] == 0
    before = Store(example).load("20250605-au")
    code, out, err = run(
        capsys, "details", "20250605", "--start", "9.15", "--place", "Kommunhuset, sal B", *s
    )
    assert (code, err) == (0, "")
    assert out == "20250605-au: mötesuppgifterna ändrade: 09.15, Kommunhuset, sal B"
    m = Store(example).load("20250605-au")
    assert (m.date, m.start, m.place) == (before.date, "09:15", "Kommunhuset, sal B")
    code, _, err = run(capsys, "details", "20250605", "--date", "31/2 2025", *s)
    assert code == 1 and "31/2 2025" in err and "\n" not in err
    assert run(capsys, "undo", "20250605", *s)[0] == 0
    m = Store(example).load("20250605-au")
    assert (m.start, m.place) == (before.start, before.place)
