"""The example store opens, and its rendered protocols are kept in sync."""

from __future__ import annotations

from pathlib import Path

from protokoll.store import Store, render_text

from .conftest import copy_examples

HERE = Path(__file__).resolve().parent.parent / "examples"


def copy_of_examples(tmp_path: Path) -> Store:
    return Store(copy_examples(tmp_path / "store"))


def test_rendered_examples_match_the_example_store(tmp_path):
    store = copy_of_examples(tmp_path)
    assert not store.problems
    ids = [s.id for s in store.summaries()]
    assert len(ids) >= 4
    for meeting_id in ids:
        rendered = render_text(store.load(meeting_id))
        expected = (HERE / f"{meeting_id}.txt").read_text(encoding="utf-8")
        assert rendered == expected, (
            f"examples/{meeting_id}.txt is out of date: run examples/build.py"
        )


def test_the_example_year_runs_on(tmp_path):
    store = copy_of_examples(tmp_path)
    spans = {s.id: (s.first, s.last) for s in store.summaries() if s.kind == "protokoll"}
    assert spans == {
        "20250213-au": (1, 6),
        "20250410-au": (7, 13),
        "20250605-au": (14, 20),
        "20251120-sn": (128, 137),  # the nämnd's store began with § 128
    }


def test_the_examples_shipped_with_the_app_match_the_example_store(tmp_path):
    from protokoll.store.exchange import export_json

    store = copy_of_examples(tmp_path)
    shipped = HERE.parent / "tui" / "examples"
    for summary in store.summaries():
        meeting = store.load(summary.id)
        expected = export_json(meeting, store.organ(meeting.organ_id))
        assert (shipped / f"{summary.id}.json").read_text(encoding="utf-8") == expected
