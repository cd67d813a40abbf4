"""Text arriving by a door other than the keyboard is stored clean too (issue 12, item 2)."""

from __future__ import annotations

import json
from pathlib import Path

from protokoll.store import Store, verbs
from protokoll.store.exchange import export_document, import_document
from protokoll.store.safe_text import MARK
from tests.test_cli import run

HOSTILE = "Beslutet BIFALLS\rBeslutet AVSLÅS \x1b]0;Hacked\x07\u202e"


def stored_texts(path: Path) -> str:
    return "".join(p.read_text("utf-8") for p in path.rglob("*.json"))


def test_a_verb_run_from_a_script_or_the_command_line_stores_no_control(meeting, capsys):
    path, meeting_id = meeting  # in progress, § 1
    code, _out, err = run(capsys, "decide", meeting_id, "1", HOSTILE, "--store", str(path))
    assert code == 0, err
    store = Store(path)
    decision = store.load(meeting_id).paragraphs[0].decisions[-1].text
    assert "\x1b" not in decision and "\r" not in decision and "\u202e" not in decision
    assert "BIFALLS\nBeslutet AVSLÅS" in decision and MARK in decision
    session = store.open(meeting_id)
    first = session.meeting.paragraphs[0].id
    session.editor(history=False).do(verbs.rename_paragraph, first, HOSTILE)
    assert "\x1b" not in Store(path).load(meeting_id).paragraphs[0].title
    session.close()


def test_an_imported_json_meeting_and_its_organ_are_stored_clean(tmp_path, example):
    store = Store(example)
    meeting = store.load("20250605-au")
    doc = export_document(meeting, store.organ(meeting.organ_id))
    doc["meeting"]["paragraphs"][0]["text"] = HOSTILE
    doc["organ"]["place"] = HOSTILE
    target = Store(tmp_path / "target")
    import_document(target, Path("m.json"), json.loads(json.dumps(doc)))
    raw = stored_texts(tmp_path / "target")
    assert "\\u001b" not in raw and "\\r" not in raw and "\u202e" not in raw
    assert (
        Store(tmp_path / "target")
        .load("20250605-au")
        .paragraphs[0]
        .text.startswith("Beslutet BIFALLS\nBeslutet AVSLÅS")
    )


def test_an_organ_saved_from_any_door_is_stored_clean(tmp_path):
    store = Store(tmp_path)
    organ = store.add_organ(HOSTILE, "Förbundet")
    assert "\x1b" not in Store(tmp_path).organ(organ.id).name
