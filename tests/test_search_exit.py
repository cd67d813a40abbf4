"""`protokoll search` exits as grep does: 0 with hits, 1 with none, 2 on an error."""

from __future__ import annotations

import contextlib

from protokoll.tui.cli import main


def search(capsys, example, *argv: str) -> tuple[int, str, str]:
    code = main(["search", "--store", str(example), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_hits_exit_0(capsys, example):
    code, out, err = search(capsys, example, "dagordning")
    assert code == 0 and out and err == ""


def test_no_hits_exit_1(capsys, example):
    code, out, err = search(capsys, example, "äventyrsbad")
    assert code == 1 and out == "" and "inga träffar" in err


def test_a_missing_store_exits_2(capsys, tmp_path):
    code, out, err = search(capsys, tmp_path / "nowhere", "dagordning")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_an_unreadable_meeting_makes_it_2_even_with_hits(capsys, example):
    # A file that could not be searched: "no hits" or "these hits" may not be all.
    (example / "meetings" / "20250605-au.json").write_text("{not json", encoding="utf-8")
    code, out, err = search(capsys, example, "dagordning")
    assert code == 2 and out  # the hits found are still printed
    assert "20250605-au.json" in err


def test_other_commands_keep_exit_1_for_errors(capsys, tmp_path):
    assert main(["list", "--store", str(tmp_path / "nowhere")]) == 1


def test_help_says_the_exit_status(capsys):
    with contextlib.suppress(SystemExit):
        main(["search", "--help"])
    said = " ".join(capsys.readouterr().out.split())  # as argparse wrapped it, unwrapped
    assert "Slutstatus som grep: 0 med träffar, 1 utan träffar, 2 vid fel" in said
