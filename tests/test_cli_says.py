"""What the command line says after a change, and when another program holds the meeting."""

from __future__ import annotations

import pytest

from protokoll.store import Store
from protokoll.tui.cli import main

from .terminal.harness import run
from .terminal.stores import meeting_in_progress


def said(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- mask, correct and post say what they did -----------------------------------------


def test_mask_and_unmask_say_so_in_one_line_in_the_interface_language(capsys, example):
    store = ("--store", str(example))
    code, out, _ = said(capsys, "mask", "20250605", "15", "sekretess", *store)
    assert code == 0
    assert out == "20250605-au: § 15 maskeras i publiceringsversionen (sekretess)\n"
    code, out, _ = said(capsys, "--lang", "en", "mask", "20250605", "15", "--clear", *store)
    assert code == 0 and out == "20250605-au: § 15 shown again in the publication copy\n"
    assert Store(example).load("20250605-au").paragraphs[1].masked == ""


def test_correct_says_which_correction_was_added_and_where(capsys, example):
    argv = ["correct", "20250213", "--date", "2025-03-01", "--text", "Namnet rättat"]
    code, out, _ = said(capsys, *argv, "--paragraph", "5", "--store", str(example))
    assert code == 0
    assert out == "20250213-au: rättelse 2025-03-01 införd i det justerade protokollet (§ 5)\n"
    code, out, _ = said(capsys, "--lang", "en", *argv, "--store", str(example))
    assert out == "20250213-au: correction of 2025-03-01 added to the adjusted minutes\n"
    assert len(Store(example).load("20250213-au").corrections) == 2


def test_post_says_the_date_it_recorded(capsys, example):
    code, out, _ = said(capsys, "post", "20250213", "--date", "2025-02-20", "--store", str(example))
    assert code == 0 and out == "20250213-au: anslaget 2025-02-20 infört\n"


# --- a meeting open in the application ------------------------------------------------


@pytest.fixture(scope="module")
def in_app(tmp_path_factory):
    """A meeting open in the application, in a terminal of its own (another
    process), started as a user starts it: its name is read from /proc."""
    path = tmp_path_factory.mktemp("held") / "store"
    meeting_id = meeting_in_progress(path)
    with run(path, ready="§ 1  Information", fork=False) as t:
        yield path, meeting_id, t.proc.pid


@pytest.mark.parametrize(
    "argv",
    [
        ["adjust", "{m}", "--date", "2026-01-20", "--by", "Anna Berg"],
        ["decide", "{m}", "1", "godkänna rapporten"],
        ["mask", "{m}", "1", "sekretess"],
        ["close", "{m}", "--end", "15:00"],
    ],
)
def test_a_command_on_a_meeting_open_in_the_application_names_it_and_what_to_do(
    capsys, in_app, argv
):
    path, meeting_id, pid = in_app
    before = Store(path).load(meeting_id)
    code, out, err = said(capsys, *[a.format(m=meeting_id) for a in argv], "--store", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    # "Shown", "held", "leave": a closed meeting, "stängt", is no less held (trial 7).
    assert f"mötet {meeting_id} visas i ett annat program (protokoll, pid {pid}," in err
    assert "inget ändrades" in err and "Lämna mötet där" in err
    assert "skrivskyddat" not in err  # the application's words: nothing opens here
    assert Store(path).load(meeting_id) == before


def test_the_refusal_is_in_english_too(capsys, in_app):
    path, meeting_id, pid = in_app
    argv = ["--lang", "en", "adjust", meeting_id, "--date", "2026-01-20", "--store", str(path)]
    code, _, err = said(capsys, *argv)
    assert code == 1
    assert f"is shown in another program (protokoll, pid {pid}," in err
    assert "Leave the meeting there" in err and "read-only" not in err


# --- organ list -------------------------------------------------------------------------


def test_organ_list_names_the_organ_kind_as_people_do_in_the_interface_language(capsys, example):
    code, out, _ = said(capsys, "organ", "list", "--store", str(example))
    line = next(x for x in out.splitlines() if x.startswith("sn-sydstad"))
    assert code == 0 and "  Nämnd eller styrelse i kommun eller region  " in line
    assert "namnd" not in line
    _, out, _ = said(capsys, "--lang", "en", "organ", "list", "--store", str(example))
    line = next(x for x in out.splitlines() if x.startswith("sn-sydstad"))
    assert "  Committee or board of a municipality or region  16 on the roster" in line
    au = next(x for x in out.splitlines() if x.startswith("au-norra"))
    assert "  –  " in au  # no kind chosen


def test_a_meeting_taken_by_by_is_said_so(capsys, example):
    """`adjust --by A B ID` took the id as a third name, and the error said only
    that a meeting was needed (a trial)."""
    from protokoll.tui.cli import main

    argv = ["adjust", "--by", "Karin Lindqvist", "20250605", "--date", "2025-06-12"]
    assert main([*argv, "--store", str(example)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "de här argumenten behövs: möte; --by tar alla namn efter sig" in line
    # Without --by the meeting is simply missing: nothing said of --by.
    assert main(["adjust", "--date", "2025-06-12", "--store", str(example)]) == 2
    assert "--by" not in capsys.readouterr().err
