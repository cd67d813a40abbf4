"""`--json` on check, verify, import and show: each parses, and carries the
facts the text output gives, in the same run against the same store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from protokoll.tui.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("meeting", ["20250605", "20250410", "20251120-sn", "20250520"])
def test_check_json_has_the_dates_and_findings_of_the_text(example, capsys, meeting):
    code, text, _ = run(capsys, "check", meeting, "--store", str(example))
    json_code, out, _ = run(capsys, "check", meeting, "--store", str(example), "--json")
    data = json.loads(out)
    assert json_code == code and data["serious"] == (code == 3)
    lines = text.splitlines()
    dates = [line for line in lines if ": 20" in line and not line.startswith("fel: ")]

    def flat(values: dict) -> list[str]:  # the §§ adjusted at once: their own dates, nested
        return [x for v in values.values() for x in (flat(v) if isinstance(v, dict) else [v])]

    assert [line.rsplit(": ", 1)[1] for line in dates] == flat(data["dates"])
    found = lines[max((lines.index(d) for d in dates), default=-1) + 1 :]
    if not data["problems"]:  # said in words where nothing is found
        assert found == ["Inga fel hittade."]
        found = []
    assert found == [("fel: " if p["serious"] else "") + p["text"] for p in data["problems"]]
    assert data["meeting"].startswith(meeting[:8])


def test_check_json_names_the_paragraph_a_finding_concerns(example, capsys):
    # The open meeting has §§ with findings that name their §.
    _, out, _ = run(capsys, "check", "20250410", "--store", str(example), "--json", "--lang", "en")
    data = json.loads(out)
    for p in data["problems"]:
        assert p["paragraph"] is None or p["paragraph"] in p["text"]


def test_verify_json_carries_the_hash_and_the_diff_of_the_text(example, capsys):
    run(capsys, "adjust", "20250605", "--date", "2025-06-12", "--store", str(example))
    code, text, _ = run(capsys, "verify", "20250605", "--store", str(example))
    _, out, _ = run(capsys, "verify", "20250605", "--store", str(example), "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True and text == f"ok sha256 {data['stored']}\n"
    assert data["adjusted"] == "2025-06-12" and data["diff"] == []

    path = example / "meetings" / "20250605-au.json"
    doc = json.loads(path.read_text())
    doc["meeting"]["1"]["paragraphs"][4]["decisions"][0]["text"] = "Ett annat beslut."
    path.write_text(json.dumps(doc))
    code, text, err = run(capsys, "verify", "20250605", "--store", str(example))
    json_code, out, _ = run(capsys, "verify", "20250605", "--store", str(example), "--json")
    data = json.loads(out)
    assert code == json_code == 3 and data["ok"] is False
    assert data["diff"] == text.splitlines()
    assert data["stored"][:12] in err and data["now"][:12] in err


def test_import_dry_run_json_says_per_file_what_the_text_says(tmp_path, capsys):
    files = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    store = str(tmp_path / "new")
    code, text, _ = run(capsys, "import", "--dry-run", "--store", store, *files)
    json_code, out, err = run(capsys, "import", "--dry-run", "--json", "--store", store, *files)
    rows = json.loads(out)
    assert json_code == code and [r["file"] for r in rows] == files
    said = iter(text.splitlines())
    for row in rows:
        if "error" in row:
            assert row["error"] in err  # and the text run printed nothing for it
            continue
        line = next(said)
        assert line.startswith(f"skulle skapa {row['id']}: {row['organ']}")
        assert f"{row['present']} närvarande" in line and f"{row['decisions']} beslut" in line
        assert row["date"] in line and row["created"] is False
        if row["first"] is not None:
            assert f"§§ {row['first']}–{row['last']}" in line or f"§ {row['first']}" in line
    assert next(said, None) is None
    assert not (tmp_path / "new").exists()  # a dry run makes no store
    assert any("error" in r for r in rows) and len(rows) > 5


def test_import_json_gives_the_ids_made(tmp_path, capsys):
    store = str(tmp_path / "s")
    one = str(EXAMPLES / "20250213-au.txt")
    code, out, _ = run(capsys, "import", "--json", "--store", store, one)
    rows = json.loads(out)
    assert code == 0 and rows[0]["created"] is True
    _, listed, _ = run(capsys, "list", "--store", store)
    assert listed.split()[0] == rows[0]["id"]
    # The same file again: already there, said as data too.
    _, out, _ = run(capsys, "import", "--json", "--store", store, one)
    assert json.loads(out) == [
        {"file": one, "id": rows[0]["id"], "created": False, "existing": True}
    ]


@pytest.mark.parametrize("meeting", ["20250605-au", "20251120-sn", "20250520-bg"])
def test_show_json_is_the_meeting_as_data_with_what_the_text_shows(example, capsys, meeting):
    _, text, _ = run(capsys, "show", meeting, "--store", str(example), "--width", "500")
    code, out, _ = run(capsys, "show", meeting, "--store", str(example), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["format"] == "protokoll-meeting"
    m = doc["meeting"]
    assert m["id"] == meeting and m["date"] in text
    shown = flat(text)
    for p in m["paragraphs"]:
        assert flat(p["title"]) in shown
        for d in p["decisions"]:
            assert flat(d["text"]) in shown
    for a in m["attendees"]:
        if a["present"]:
            assert a["name"] in shown


def test_show_json_is_what_export_format_json_writes(example, capsys):
    _, shown, _ = run(capsys, "show", "20250605", "--store", str(example), "--json")
    _, exported, _ = run(capsys, "export", "20250605", "--store", str(example), "--format", "json")
    assert json.loads(shown) == json.loads(exported)


def test_show_json_with_publish_is_refused_in_one_line(example, capsys):
    code, out, err = run(capsys, "show", "20250605", "--store", str(example), "--json", "--publish")
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "--publish" in err


def test_import_json_of_an_exported_meeting_gives_its_facts(example, tmp_path, capsys):
    exported = tmp_path / "m.json"
    run(
        capsys,
        "export",
        "20250605",
        "--store",
        str(example),
        "--format",
        "json",
        "-o",
        str(exported),
    )
    store = str(tmp_path / "other")
    _, out, _ = run(capsys, "import", "--dry-run", "--json", "--store", store, str(exported))
    dry = json.loads(out)[0]
    code, out, _ = run(capsys, "import", "--json", "--store", store, str(exported))
    made = json.loads(out)[0]
    assert code == 0 and made["created"] is True and dry["created"] is False
    assert made["id"] == dry["id"] == "20250605-au"
    assert (made["first"], made["last"], made["status"]) == (14, 20, "closed")
    assert {k: v for k, v in made.items() if k != "created"} == {
        k: v for k, v in dry.items() if k != "created"
    }


@pytest.mark.parametrize(
    ("argv", "key"),
    [
        (["verify", "20250605-au"], "not_adjusted"),  # not adjusted: a trial's `| jq` got nothing
        (["check", "19990101"], "unknown_meeting"),
        (["show", "19990101"], "unknown_meeting"),
    ],
)
def test_an_error_of_a_json_command_is_json_on_stdout_too(example, capsys, argv, key):
    code, out, err = run(capsys, *argv, "--json", "--store", str(example))
    assert code == 1
    doc = json.loads(out)
    assert doc["key"] == key and doc["error"] in err
