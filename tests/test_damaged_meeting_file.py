"""A meeting file that does not read is named as such wherever it is asked for:
resolving its id says the file does not read (not that there is no meeting),
every listing warns of it once, and what is wrong is said in the interface
language. The file is left as it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from protokoll.store import Store, StoreError
from protokoll.tui.cli import main

DAMAGED = "20250410-au"  # it has a task and decisions; the other meetings read


def truncated(example: Path) -> tuple[Path, bytes]:
    """The file as the program writes it (one line), cut off mid-way."""
    path = example / "meetings" / f"{DAMAGED}.json"
    whole = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
    cut = whole[: len(whole) // 2].encode("utf-8")
    path.write_bytes(cut)
    return path, cut


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_by_a_prefix_names_the_file_that_does_not_read(example, capsys):
    path, _ = truncated(example)
    for ref in ("20250410", DAMAGED):
        code, _, err = run(capsys, "check", ref, "--store", str(example))
        last = err.splitlines()[-1]
        assert code == 1
        assert "inget möte" not in err
        assert last.startswith("protokoll: fel: ") and str(path) in last
        assert "filen går inte att läsa" in last
        assert err.count("filen går inte att läsa") == 1  # not also warned of first
    # Checking another meeting still warns of the file that does not read.
    code, _, err = run(capsys, "check", "20250605", "--store", str(example))
    assert code in (0, 3) and f"protokoll: varning: {path}" in err


def test_resolving_a_damaged_meetings_id_raises_its_reading_error(example):
    truncated(example)
    store = Store(example)
    assert store.problems  # looked over: the file is known not to read
    with pytest.raises(StoreError) as err:
        store.load(store.resolve("20250410"))
    assert err.value.key == "damaged"
    with pytest.raises(StoreError) as err:
        store.resolve("2099")
    assert err.value.key == "unknown_meeting"  # no file there: no meeting


def test_the_parse_error_is_said_in_the_interface_language(example, capsys):
    truncated(example)
    _, _, err = run(capsys, "show", DAMAGED, "--store", str(example))
    assert "(JSON, rad 1, kolumn " in err and "line" not in err and "column" not in err
    _, _, err = run(capsys, "show", DAMAGED, "--lang", "en", "--store", str(example))
    assert "(JSON, line 1, column " in err and "rad" not in err


@pytest.mark.parametrize(
    ("command", "other"),
    [
        (["tasks"], "skicka ansökan till arbetsutskottet"),
        (["decisions"], "Socialnämnden"),
        (["list"], "20250605-au"),
    ],
)
def test_every_listing_warns_once_of_the_file_and_lists_the_rest(
    example, capsys, command, other
):
    path, cut = truncated(example)
    code, out, err = run(capsys, *command, "--store", str(example))
    assert code == 0
    assert other in out  # the other meetings are still listed
    warned = [line for line in err.splitlines() if str(path) in line]
    assert len(warned) == 1 and warned[0].startswith("protokoll: varning: ")
    assert path.read_bytes() == cut  # left as it is


def test_a_field_of_the_wrong_kind_is_said_in_the_interface_language(example, capsys):
    path = example / "meetings" / f"{DAMAGED}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["meeting"]["1"]["date"] = 20250410
    path.write_text(json.dumps(doc), encoding="utf-8")
    _, _, err = run(capsys, "show", DAMAGED, "--store", str(example))
    assert "(Meeting.date: text väntades)" in err and "expected" not in err
    _, _, err = run(capsys, "show", DAMAGED, "--lang", "en", "--store", str(example))
    assert "(Meeting.date: expected text)" in err


def test_an_export_of_the_wrong_shape_is_said_in_the_interface_language(tmp_path, capsys):
    source = Path(__file__).parent.parent / "tui" / "examples" / f"{DAMAGED}.json"
    doc = json.loads(source.read_text(encoding="utf-8"))
    doc["meeting"]["paragraphs"] = "inte en lista"
    target = tmp_path / "m.json"
    target.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = run(capsys, "import", str(target), "--store", str(tmp_path / "s"))
    assert code == 1 and "meeting.paragraphs: en lista väntades" in err
