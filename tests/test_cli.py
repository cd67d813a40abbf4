"""The command line: what scripts see, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from protokoll.tui.cli import main


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_meetings_newest_first(capsys, example):
    code, out, _ = run(capsys, "list", "--store", str(example))
    assert code == 0
    dates = [line.split()[1] for line in out.splitlines()]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5
    assert "§§ 7–13" in out


def test_list_json_has_the_promised_fields(capsys, example):
    code, out, _ = run(capsys, "list", "--json", "--store", str(example))
    rows = json.loads(out)
    assert code == 0
    for row in rows:
        assert {"id", "organisation", "organ", "kind", "date", "first", "last", "status"} <= set(
            row
        )
    au = next(r for r in rows if r["id"] == "20250410-au")
    assert (au["first"], au["last"], au["status"], au["date"]) == (7, 13, "closed", "2025-04-10")
    notes = next(r for r in rows if r["kind"] == "minnesanteckningar")
    assert notes["first"] is None and notes["last"] is None


def test_show_takes_a_unique_prefix_width_and_language(capsys, example):
    code, out, _ = run(capsys, "show", "20250605", "--store", str(example), "--width", "50")
    assert code == 0 and out.startswith("PROTOKOLL")
    assert max(len(line) for line in out.splitlines()) <= 50
    code, out, _ = run(capsys, "--lang", "en", "show", "20250605", "--store", str(example))
    assert out.startswith("MINUTES")


def test_a_meeting_is_named_by_its_date_as_list_prints_it(capsys, example):
    # A trial typed `show 2025-02-13`, the date as `list` shows it: "inget möte".
    code, out, _ = run(capsys, "show", "2025-06-05", "--store", str(example))
    assert code == 0 and "2025-06-05" in out and "§ 14" in out
    code, _, err = run(capsys, "show", "2025-06-06", "--store", str(example))
    assert code == 1 and "2025-06-06" in err


def test_store_comes_from_the_environment(capsys, example, monkeypatch):
    monkeypatch.setenv("PROTOKOLL_STORE", str(example))
    code, out, _ = run(capsys, "list")
    assert code == 0 and "20250213-au" in out


@pytest.mark.parametrize(
    ("argv", "points_to"),
    [
        (["export", "20250605", "--format", "docx"], "(se protokoll export --help)"),
        (["organ", "edit"], "(se protokoll organ edit --help)"),
        (["frobnicate"], "(se protokoll --help)"),
    ],
)
def test_a_refused_argument_points_to_the_help_of_its_own_command(capsys, example, argv, points_to):
    code, _, err = run(capsys, *argv, "--store", str(example))
    assert code == 2 and err.rstrip().endswith(points_to)


@pytest.mark.parametrize(
    ("argv", "says", "exit_code"),
    [
        (["show", "19990101"], "inget möte med id 19990101", 1),
        (["show", "2025"], "passar flera möten", 1),
        (["show", "20250605", "--width", "bred"], "bredden ska vara ett heltal", 2),
        (["export", "20250605", "--format", "docx"], "ogiltigt val", 2),
        (["frobnicate"], "ogiltigt val", 2),
    ],
)
def test_bad_arguments_give_one_line_and_a_non_zero_exit(capsys, example, argv, says, exit_code):
    code, out, err = run(capsys, *argv, "--store", str(example))
    assert code == exit_code
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and says in err


def test_export_json_import_and_export_again_gives_the_same_meeting(capsys, example, tmp_path):
    first = tmp_path / "m.json"
    assert (
        run(
            capsys,
            "export",
            "20250605",
            "--format",
            "json",
            "-o",
            str(first),
            "--store",
            str(example),
        )[0]
        == 0
    )
    empty = tmp_path / "empty"
    code, out, _ = run(capsys, "import", str(first), "--store", str(empty))
    assert code == 0 and out.strip() == "20250605-au"
    code, again, _ = run(capsys, "export", "20250605-au", "--format", "json", "--store", str(empty))
    # The same meeting, §§ 14–20 as it came: in a store with no earlier
    # meeting its first number is kept as where the store begins that year.
    expected = json.loads(first.read_text())
    expected["meeting"]["number_from"] = 14
    assert json.loads(again) == expected
    # And the text it renders is the same.
    assert (
        run(capsys, "show", "20250605-au", "--store", str(empty))[1]
        == run(capsys, "show", "20250605-au", "--store", str(example))[1]
    )


def test_importing_the_same_file_twice_creates_nothing_the_second_time(capsys, example, tmp_path):
    exported = tmp_path / "m.json"
    run(
        capsys,
        "export",
        "20250410",
        "--format",
        "json",
        "-o",
        str(exported),
        "--store",
        str(example),
    )
    empty = tmp_path / "empty"
    run(capsys, "import", str(exported), "--store", str(empty))
    code, out, err = run(capsys, "import", str(exported), "--store", str(empty))
    assert code == 1 and out == "" and "finns redan" in err
    code, out, _ = run(capsys, "list", "--json", "--store", str(empty))
    assert len(json.loads(out)) == 1


def test_importing_something_else_is_refused_in_one_line(capsys, tmp_path):
    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2")
    code, _, err = run(capsys, "import", str(junk), "--store", str(tmp_path / "s"))
    assert code == 1 and "junk.json" in err and len(err.splitlines()) == 1
    missing = tmp_path / "nowhere.json"
    code, _, err = run(capsys, "import", str(missing), "--store", str(tmp_path / "s"))
    assert code == 1 and "nowhere.json" in err


def test_markdown_export(capsys, example):
    code, out, _ = run(capsys, "export", "20250605", "--format", "md", "--store", str(example))
    assert code == 0 and out.startswith("# Protokoll") and "## § 18" in out


@pytest.mark.parametrize(("named", "as_"), [("txt", "text"), ("TXT", "text"), ("markdown", "md")])
def test_a_format_is_also_taken_by_its_file_ending_or_full_name(capsys, example, named, as_):
    # The export dialog says ".txt ger text"; `--format txt` had been refused.
    code, out, err = run(capsys, "export", "20250605", "--format", named, "--store", str(example))
    _, expected, _ = run(capsys, "export", "20250605", "--format", as_, "--store", str(example))
    assert (code, err) == (0, "") and out == expected


def test_the_installed_command_prints_no_traceback(example):
    result = subprocess.run(
        [sys.executable, "-m", "protokoll.tui", "show", "nope", "--store", str(example)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == "protokoll: fel: inget möte med id nope"


def test_reading_commands_do_not_create_a_store_where_a_typo_points(capsys, tmp_path):
    missing = tmp_path / "stroe"
    code, out, err = run(capsys, "list", "--store", str(missing))
    assert code == 1 and out == "" and "inget arkiv" in err and str(missing) in err
    assert not missing.exists()
