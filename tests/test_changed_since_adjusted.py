"""An adjusted protocol whose file was edited afterwards is never shown as sound:
`check` reports it, `show` warns (and still prints what is there), `export` and
`extract` refuse to send it out as the protocol (a trial exported the edited
text ending "Protokollet justerades …" with exit 0) and `export --as-adjusted`
gives the text adjusted; the preview says so in place of its hash and does not
export it; `verify` explains a missing copy truly. An adjusted protocol prints
in the words it was adjusted in, whatever `--lang` says."""

from __future__ import annotations

import json
from pathlib import Path

from protokoll.store import Store
from protokoll.store.adjusted_copy import path_of
from protokoll.store.checks import problems
from protokoll.tui.app import ProtokollApp
from protokoll.tui.cli import main
from protokoll.tui.screens.preview import PreviewScreen

from .screen import Notices

SEED = Path(__file__).parent / "data" / "seeds" / "kalmar-au-2020-05-29.txt"
ADJUSTED = "20250213-au"  # adjusted in the example store
BEFORE, AFTER = "att godkänna årsredovisningen", "att avslå årsredovisningen"


def edited(example: Path, meeting_id: str = ADJUSTED) -> Path:
    """The meeting file's text edited by hand, as a secretary's trial did."""
    path = example / "meetings" / f"{meeting_id}.json"
    text = path.read_text(encoding="utf-8")
    assert BEFORE in text
    path.write_text(text.replace(BEFORE, AFTER), encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- check -----------------------------------------------------------------------


def test_check_reports_a_changed_adjusted_protocol_and_exits_3(example, capsys):
    assert run(capsys, "check", ADJUSTED, "--store", str(example))[0] == 0
    edited(example)
    code, out, _ = run(capsys, "check", ADJUSTED, "--store", str(example))
    assert code == 3
    said = [line for line in out.splitlines() if "ändrat sedan justeringen" in line]
    assert len(said) == 1 and said[0].startswith("fel: ")
    assert ADJUSTED in said[0] and f"protokoll verify {ADJUSTED}" in said[0]
    # The adjustment's date is still printed: it was adjusted; what is there now was not.
    assert "Protokollet justerat: 2025-02-20" in out


def test_check_json_names_the_problem_as_serious(example, capsys):
    edited(example)
    code, out, _ = run(capsys, "check", ADJUSTED, "--json", "--lang", "en", "--store", str(example))
    doc = json.loads(out)
    assert code == 3 and doc["serious"] is True
    found = [p for p in doc["problems"] if p["key"] == "changed_since_adjusted"]
    assert len(found) == 1 and found[0]["serious"]
    assert "has changed since the adjustment" in found[0]["text"]


def test_the_checks_screen_and_check_share_the_finding(example):
    # Alt+K shows `problems()`: the same list `check` prints.
    assert not [p for p in problems(Store(example).load(ADJUSTED)) if p.serious]
    edited(example)
    keys = [p.key for p in problems(Store(example).load(ADJUSTED))]
    assert keys[0] == "changed_since_adjusted"


def test_a_correction_after_adjustment_is_not_a_change(example, capsys):
    argv = ["--store", str(example)]
    fixed = run(capsys, "correct", ADJUSTED, "--date", "2025-03-01", "--text", "Rättat.", *argv)
    assert fixed[0] == 0
    code, out, _ = run(capsys, "check", ADJUSTED, *argv)
    assert code == 0 and "ändrat sedan justeringen" not in out


# --- show and export -------------------------------------------------------------


def test_show_warns_on_stderr_once_and_still_prints_what_is_there(example, capsys):
    code, _, err = run(capsys, "show", ADJUSTED, "--store", str(example))
    assert code == 0 and err == ""
    edited(example)
    code, out, err = run(capsys, "show", ADJUSTED, "--store", str(example))
    assert code == 0
    assert "avslå årsredovisningen" in out  # shown as it is, not hidden
    assert len(err.splitlines()) == 1
    assert err.startswith("protokoll: varning: ") and f"protokoll verify {ADJUSTED}" in err


def test_the_warning_is_in_the_interface_language(example, capsys):
    edited(example)
    _, _, err = run(capsys, "show", ADJUSTED, "--lang", "en", "--store", str(example))
    assert "the text has changed since the adjustment" in err
    assert "justeringen" not in err


def test_show_json_warns_too(example, capsys):
    edited(example)
    code, out, err = run(capsys, "show", ADJUSTED, "--json", "--store", str(example))
    assert code == 0 and json.loads(out)["meeting"]["id"] == ADJUSTED
    assert "ändrad sedan justeringen" in err


def test_export_refuses_a_changed_adjusted_protocol_in_every_format(example, tmp_path, capsys):
    edited(example)
    for kind in ("text", "md", "pdf"):
        target = tmp_path / f"ut.{kind}"
        argv = ["export", ADJUSTED, "--format", kind, "-o", str(target), "--store", str(example)]
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == "" and not target.exists()
        assert len(err.splitlines()) == 1 and err.startswith("protokoll: fel: ")
        assert "exporteras inte" in err and f"protokoll export {ADJUSTED} --as-adjusted" in err


def test_export_as_adjusted_gives_the_text_that_was_adjusted(example, capsys):
    sound = run(capsys, "export", ADJUSTED, "--as-adjusted", "--store", str(example))[1]
    edited(example)
    code, out, err = run(capsys, "export", ADJUSTED, "--as-adjusted", "--store", str(example))
    assert code == 0 and out == sound
    assert BEFORE in out and AFTER not in out
    argv = ["export", ADJUSTED, "--as-adjusted", "--format", "pdf", "-o", "x.pdf"]
    code, _, err = run(capsys, *argv, "--store", str(example))
    assert code == 2 and "bara som text" in err


def test_the_meeting_as_data_is_still_exported_with_the_warning(example, capsys):
    edited(example)
    code, out, err = run(capsys, "export", ADJUSTED, "--format", "json", "--store", str(example))
    assert code == 0 and AFTER in out
    assert "ändrad sedan justeringen" in err


def test_an_extract_of_a_changed_protocol_is_refused(example, capsys):
    # An extract is certified as true to the protocol: never of a text changed since.
    edited(example)
    code, out, err = run(capsys, "extract", ADJUSTED, "4", "--store", str(example))
    assert code == 1 and out == ""
    assert "exporteras inte" in err


def test_an_adjusted_protocol_prints_in_the_words_it_was_adjusted_in(example, capsys):
    swedish = run(capsys, "export", ADJUSTED, "--store", str(example))[1]
    code, out, err = run(capsys, "export", ADJUSTED, "--lang", "en", "--store", str(example))
    assert code == 0 and out == swedish and out.startswith("PROTOKOLL")
    assert "MINUTES" not in out and "Voting members" not in out
    assert err.startswith("protokoll: warning: the protocol is adjusted and is printed in")
    assert len(err.splitlines()) == 1
    # A protocol not adjusted is printed in the language asked for.
    code, out, err = run(capsys, "export", "20250605-au", "--lang", "en", "--store", str(example))
    assert code == 0 and out.startswith("MINUTES") and err == ""


def test_export_of_a_sound_adjusted_protocol_says_nothing(example, tmp_path, capsys):
    code, _, err = run(
        capsys, "export", ADJUSTED, "-o", str(tmp_path / "ut.md"), "--format", "md",
        "--store", str(example),
    )  # fmt: skip
    assert code == 0 and "justeringen" not in err


# --- the preview in the application ----------------------------------------------


async def test_the_preview_shows_the_warning_in_place_of_the_hash(example):
    edited(example)
    app = ProtokollApp(example)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(PreviewScreen(Store(example).load(ADJUSTED)))
        await pilot.pause()
        title = str(app.screen.query_one("#preview-title").render())
        warning = str(app.screen.query_one("#preview-changed").render())
        assert "sha256" not in title
        assert "ändrad sedan justeringen" in warning and ADJUSTED in warning
        await pilot.press("ctrl+q")


async def test_the_preview_does_not_export_a_changed_adjusted_protocol(example, tmp_path):
    edited(example)
    app = ProtokollApp(example)
    notices = Notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(PreviewScreen(Store(example).load(ADJUSTED)))
        await pilot.pause()
        preview = app.screen
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen is preview  # no dialog asking where to
        assert any("exporteras inte" in m and "--as-adjusted" in m for m in notices.said)
        await pilot.press("ctrl+q")


async def test_the_preview_of_a_sound_protocol_shows_its_hash(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        m = Store(example).load(ADJUSTED)
        app.push_screen(PreviewScreen(m))
        await pilot.pause()
        title = str(app.screen.query_one("#preview-title").render())
        assert f"sha256 {m.adjustment.sha256[:16]}" in title
        assert not app.screen.query("#preview-changed")
        await pilot.press("ctrl+q")


# --- verify: why there is no diff, said truly -------------------------------------


def imported(tmp_path: Path, capsys) -> tuple[Path, str]:
    """The seed protocol adjusted 2020-06-03, imported into a new store."""
    store = tmp_path / "s"
    code, out, _ = run(capsys, "import", str(SEED), "--store", str(store))
    assert code in (0, 1)  # 1: imported, with notes on what was irregular
    meeting_id = next((store / "meetings").glob("*.json")).stem
    assert Store(store).load(meeting_id).status == "adjusted"
    return store, meeting_id


def hand_edit(store: Path, meeting_id: str, old: str, new: str) -> Path:
    path = store / "meetings" / f"{meeting_id}.json"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_protocol_imported_as_adjusted_keeps_its_text_so_verify_shows_the_change(
    tmp_path, capsys
):
    store, meeting_id = imported(tmp_path, capsys)
    assert path_of(store, meeting_id).is_file()
    assert run(capsys, "verify", meeting_id, "--store", str(store))[0] == 0
    hand_edit(store, meeting_id, "att avslå ansökan", "att bevilja ansökan")
    code, out, err = run(capsys, "verify", meeting_id, "--store", str(store))
    assert code == 3
    assert "+    Arbetsutskottet föreslår styrelsen att bevilja ansökan." in out.splitlines()
    assert "äldre version" not in err


def test_a_copy_lost_since_is_not_blamed_on_an_earlier_version(tmp_path, capsys):
    store, meeting_id = imported(tmp_path, capsys)
    hand_edit(store, meeting_id, "att avslå ansökan", "att bevilja ansökan")
    path_of(store, meeting_id).unlink()  # e.g. a copy of the store without adjusted/
    code, out, err = run(capsys, "verify", meeting_id, "--store", str(store))
    assert code == 3 and out == ""
    assert "saknas i lagrets mapp adjusted/" in err and "äldre version" not in err
    assert "ändrad sedan justeringen" in err.splitlines()[-1]


def without_kept_copy(path: Path) -> None:
    """The file as an earlier version wrote it: it did not record keeping a copy."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["meeting"]["1"]["adjustment"].pop("kept_copy", None)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_an_import_by_an_earlier_version_is_said_to_be_one(tmp_path, capsys):
    store, meeting_id = imported(tmp_path, capsys)
    without_kept_copy(hand_edit(store, meeting_id, "att avslå ansökan", "att bevilja ansökan"))
    path_of(store, meeting_id).unlink()
    code, _, err = run(capsys, "verify", meeting_id, "--store", str(store))
    assert code == 3 and "importerad som justerad av en äldre version" in err


def test_an_adjustment_by_an_earlier_version_is_still_said_to_be_one(example, capsys):
    path = edited(example)
    without_kept_copy(path)
    path_of(example, ADJUSTED).unlink()
    code, _, err = run(capsys, "verify", ADJUSTED, "--store", str(example))
    assert code == 3 and "justerat med en äldre version" in err


def test_an_adjustment_records_that_it_kept_its_text(example, capsys):
    argv = ["--store", str(example)]
    assert run(capsys, "adjust", "20250605", "--date", "2025-06-12", *argv)[0] == 0
    assert Store(example).load("20250605-au").adjustment.kept_copy is True
    path_of(example, "20250605-au").unlink()
    hand_edit(example, "20250605-au", "Analysgruppen", "Någon annan")
    _, _, err = run(capsys, "verify", "20250605-au", "--lang", "en", *argv)
    assert "is missing from the store's folder adjusted/" in err
    assert "earlier version" not in err


def test_an_adjusted_meeting_imported_from_json_keeps_its_text(example, tmp_path, capsys):
    exported = tmp_path / "m.json"
    argv = ["--store", str(example)]
    assert run(capsys, "export", ADJUSTED, "--format", "json", "-o", str(exported), *argv)[0] == 0
    other = tmp_path / "other"
    assert run(capsys, "import", str(exported), "--store", str(other))[0] == 0
    assert path_of(other, ADJUSTED).read_text(encoding="utf-8") == path_of(
        example, ADJUSTED
    ).read_text(encoding="utf-8")
    assert run(capsys, "verify", ADJUSTED, "--store", str(other))[0] == 0
