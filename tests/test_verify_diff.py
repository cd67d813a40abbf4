"""`verify` on a changed protocol shows what changed: a unified diff of the
text as adjusted (kept when it was adjusted) against the text now."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from protokoll.store import Store
from protokoll.store.adjusted_copy import path_of
from protokoll.tui.cli import main


def adjusted(example: Path, capsys) -> Path:
    assert main(["adjust", "20250605", "--date", "2025-06-12", "--store", str(example)]) == 0
    capsys.readouterr()
    return example / "meetings" / "20250605-au.json"


def edit(path: Path, text: str) -> None:
    """Someone edits the meeting file by hand after adjustment."""
    doc = json.loads(path.read_text())
    doc["meeting"]["1"]["paragraphs"][4]["decisions"][0]["text"] = text
    path.write_text(json.dumps(doc))


def test_a_changed_protocol_is_shown_as_a_diff_labelled_with_the_adjustment(example, capsys):
    path = adjusted(example, capsys)
    before = json.loads(path.read_text())["meeting"]["1"]["paragraphs"][4]["decisions"][0]["text"]
    edit(path, "Ett annat beslut.")
    assert main(["verify", "20250605", "--store", str(example)]) == 3
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[:2] == ["--- justerat 2025-06-12", "+++ nu"]
    assert lines[2].startswith("@@ ")
    removed = " ".join(x[1:].strip() for x in lines if x.startswith("-") and x != lines[0])
    added = " ".join(x[1:].strip() for x in lines if x.startswith("+") and x != lines[1])
    assert "Ett annat beslut." in added and "Ett annat beslut." not in removed
    assert before.split()[0] in removed
    # Only what changed, with its context: not the whole protocol.
    assert len([x for x in lines if x[:1] in "+-"]) <= 8
    assert "ändrad sedan justeringen" in err and len(err.splitlines()) == 1


def test_the_labels_speak_english_with_lang_en(example, capsys):
    edit(adjusted(example, capsys), "Another decision.")
    assert main(["verify", "20250605", "--store", str(example), "--lang", "en"]) == 3
    assert capsys.readouterr().out.splitlines()[:2] == ["--- adjusted 2025-06-12", "+++ now"]


def test_user_text_in_the_diff_is_data_not_terminal_control(example, capsys):
    edit(adjusted(example, capsys), "Beslut \x1b[2J\x1b]0;pwned\x07 slut")
    assert main(["verify", "20250605", "--store", str(example)]) == 3
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Beslut" in out and "slut" in out


def test_the_adjusted_text_is_kept_owner_only_beside_the_meeting(example, capsys):
    adjusted(example, capsys)
    kept = path_of(example, "20250605-au")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert main(["verify", "20250605", "--store", str(example)]) == 0
    assert capsys.readouterr().out.startswith("ok sha256 ")


def test_without_a_kept_copy_verify_says_so_and_still_fails(example, capsys):
    # A meeting adjusted by an earlier version: only the hash was kept.
    path = adjusted(example, capsys)
    path_of(example, "20250605-au").unlink()
    edit(path, "Ett annat beslut.")
    doc = json.loads(path.read_text())  # which did not record keeping a copy either
    del doc["meeting"]["1"]["adjustment"]["kept_copy"]
    path.write_text(json.dumps(doc))
    assert main(["verify", "20250605", "--store", str(example)]) == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert "ingen kopia av den justerade texten" in err
    assert "ändrad sedan justeringen" in err.splitlines()[-1]


def test_a_kept_copy_changed_too_is_not_trusted_for_a_diff(example, capsys):
    path = adjusted(example, capsys)
    kept = path_of(example, "20250605-au")
    kept.write_text(kept.read_text().replace("§", "#"))
    edit(path, "Ett annat beslut.")
    assert main(["verify", "20250605", "--store", str(example), "--lang", "en"]) == 3
    out, err = capsys.readouterr()
    assert out == "" and "does not match its SHA-256" in err


def test_a_kept_copy_is_what_was_adjusted_byte_for_byte(example, capsys):
    import hashlib

    adjusted(example, capsys)
    m = Store(example).load("20250605-au")
    raw = path_of(example, "20250605-au").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == m.adjustment.sha256


def test_the_example_stores_adjusted_meetings_keep_their_text(example, capsys):
    # examples/build.py adjusts them through adjust(), which keeps the text.
    store = Store(example)
    adjusted = [s.id for s in store.summaries() if s.status == "adjusted"]
    assert sorted(adjusted) == ["20250213-au", "20251120-sn"]
    for meeting_id in adjusted:
        assert main(["verify", meeting_id, "--store", str(example)]) == 0
        assert path_of(example, meeting_id).is_file()
    capsys.readouterr()
    path = example / "meetings" / "20251120-sn.json"
    doc = json.loads(path.read_text())
    doc["meeting"]["1"]["place"] = "Någon annanstans"
    path.write_text(json.dumps(doc))
    assert main(["verify", "20251120-sn", "--store", str(example), "--lang", "en"]) == 3
    out = capsys.readouterr().out
    assert out.startswith("--- adjusted 2025-11-27\n+++ now\n")
    assert "\n+" in out and "Någon annanstans" in out


def test_a_kept_copy_changed_while_the_record_is_not_is_no_ok(example, capsys):
    """A trial edited adjusted/ID.txt, the text diffs are made from: verify said
    "ok" of the record and nothing of the copy."""
    adjusted(example, capsys)
    copy = path_of(example, "20250605-au")
    copy.write_text(copy.read_text().replace("Arbetsutskottet", "Styrelsen", 1))
    assert main(["verify", "20250605", "--store", str(example)]) == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "protokoll: fel: texten stämmer med sin sparade SHA-256 ("
        + Store(example).load("20250605").adjustment.sha256[:12]
        + f"), men: den sparade kopian av den justerade texten, {copy}, har ändrats."
    ]
