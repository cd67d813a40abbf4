"""`tasks`, `decisions`, `list` and `search` on the command line: the same rows as
reading every meeting gives, bounded by --limit, --organ, --year and --open,
as a JSON array or one object a line, and without opening a meeting file."""

from __future__ import annotations

import dataclasses
import json
import random

import pytest

from protokoll.store import Decision, Store
from protokoll.store.registers import TaskRow, decisions, tasks
from protokoll.store.safe_text import json_text
from protokoll.tui.cli import main

from .test_archive_index import every_meeting, generated, write


def run(capsys, *argv: str) -> tuple[str, str]:
    assert main(list(argv)) == 0
    out = capsys.readouterr()
    return out.out, out.err


def as_dicts(rows) -> list[dict]:
    """The rows as the commands print them: a task with its state in words too."""
    out = []
    for r in rows:
        facts = dataclasses.asdict(r)
        if isinstance(r, TaskRow):
            facts["state"] = "done" if r.done else "unknown" if r.unknown else "open"
        out.append(facts)
    return out


def test_tasks_and_decisions_as_json_are_what_reading_every_meeting_gave(example, capsys):
    meetings = every_meeting(Store(example))
    out, _ = run(capsys, "tasks", "--json", "--store", str(example))
    # The very text the command printed before it read an index: the whole array at once.
    assert out == json_text(as_dicts(tasks(meetings)), indent=2) + "\n"
    out, _ = run(capsys, "tasks", "--open", "--json", "--store", str(example))
    assert json.loads(out) == as_dicts(tasks(meetings, open_only=True))
    out, _ = run(capsys, "decisions", "--json", "--store", str(example))
    assert out == json_text(as_dicts(decisions(meetings)), indent=2) + "\n"


def test_jsonl_is_one_object_a_line_the_same_rows(example, capsys):
    meetings = every_meeting(Store(example))
    out, _ = run(capsys, "decisions", "--jsonl", "--store", str(example))
    lines = out.splitlines()
    assert [json.loads(line) for line in lines] == as_dicts(decisions(meetings))
    assert all(line.startswith("{") and line.endswith("}") for line in lines)


def test_an_empty_register_is_an_empty_array(example, capsys):
    out, _ = run(capsys, "decisions", "--json", "--year", "1999", "--store", str(example))
    assert json.loads(out) == []
    out, _ = run(capsys, "decisions", "--jsonl", "--year", "1999", "--store", str(example))
    assert out == ""


def test_limit_stops_after_n_rows_and_says_so(example, capsys):
    meetings = every_meeting(Store(example))
    out, err = run(capsys, "decisions", "--json", "--limit", "3", "--store", str(example))
    assert json.loads(out) == as_dicts(decisions(meetings))[:3]
    assert "3" in err and "--limit 0" in err
    out, err = run(capsys, "tasks", "--limit", "0", "--store", str(example))
    assert len(out.splitlines()) == len(tasks(meetings)) and err == ""
    out, err = run(capsys, "list", "--jsonl", "--limit", "2", "--store", str(example))
    assert len(out.splitlines()) == 2 and "--limit 0" in err


def test_limit_one_says_the_first_is_shown(example, capsys):
    _, err = run(capsys, "decisions", "--limit", "1", "--store", str(example))
    assert "den första visas" in err and "de 1" not in err  # "de 1 första" (a trial)


@pytest.mark.parametrize("command", ["tasks", "decisions", "list"])
def test_an_organ_the_store_does_not_know_is_said_not_an_empty_list(example, capsys, command):
    # `tasks --organ xyz` and `decisions --organ xyz` had printed nothing and
    # ended with 0, where `list` said "inga möten" (a trial).
    assert main([command, "--organ", "xyz", "--store", str(example), "--lang", "sv"]) == 1
    out = capsys.readouterr()
    assert out.out == "" and out.err.count("\n") == 1
    assert out.err.strip().endswith("inget organ xyz"), out.err


def test_limit_counts_open_tasks_only_when_open_is_asked(example, capsys):
    meetings = every_meeting(Store(example))
    out, _ = run(capsys, "tasks", "--open", "--jsonl", "--limit", "2", "--store", str(example))
    assert [json.loads(x) for x in out.splitlines()] == as_dicts(
        tasks(meetings, open_only=True)[:2]
    )


@pytest.mark.parametrize("organ", ["au", "AU", "St"])
def test_organ_by_id_or_name_and_year(tmp_path, capsys, organ):
    store = generated(tmp_path / "store", 3)
    meetings = every_meeting(store)
    out, _ = run(capsys, "tasks", "--jsonl", "--organ", organ, "--store", str(store.path))
    wanted = {
        m.id for m in meetings if m.organ_id == organ or m.organ.casefold() == organ.casefold()
    }
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows == [r for r in as_dicts(tasks(meetings)) if r["meeting"] in wanted]
    assert rows
    out, _ = run(capsys, "decisions", "--json", "--organ", organ, "--year", "2025",
                 "--store", str(store.path))  # fmt: skip
    expected = [r for r in as_dicts(decisions(meetings, year=2025)) if r["meeting"] in wanted]
    assert json.loads(out) == expected
    out, _ = run(capsys, "list", "--jsonl", "--organ", organ, "--year", "2025",
                 "--store", str(store.path))  # fmt: skip
    listed = {json.loads(x)["id"] for x in out.splitlines()}
    assert listed == {m.id for m in meetings if m.id in wanted and m.date.startswith("2025")}


def test_the_registers_open_no_meeting_file_once_indexed(tmp_path, capsys, monkeypatch):
    store = generated(tmp_path / "store", 4)
    expected = run(capsys, "tasks", "--json", "--store", str(store.path))

    def refused(*_args, **_kwargs):
        raise AssertionError("a meeting was read")

    monkeypatch.setattr(Store, "load", refused)
    assert run(capsys, "tasks", "--json", "--store", str(store.path)) == expected
    run(capsys, "decisions", "--jsonl", "--store", str(store.path))


def test_a_meeting_changed_since_is_in_the_next_listing(tmp_path, capsys):
    store = generated(tmp_path / "store", 5)
    run(capsys, "decisions", "--json", "--store", str(store.path))
    changed = next(m for m in every_meeting(store) if m.paragraphs)
    changed.paragraphs[0].decisions.insert(0, Decision("att ändra\x1b]0;titel\x07 sig"))
    write(store, changed)
    out, _ = run(capsys, "decisions", "--json", "--store", str(store.path))
    assert json.loads(out) == as_dicts(decisions(every_meeting(Store(store.path))))
    assert "\x1b" not in out and "\x07" not in out  # escaped, never printed raw


def test_search_jsonl_is_the_json_arrays_hits(example, capsys):
    assert main(["search", "budget", "--json", "--store", str(example)]) == 0
    array = json.loads(capsys.readouterr().out)
    assert main(["search", "budget", "--jsonl", "--store", str(example)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines == array and len(array) > 1


def test_rows_written_one_by_one_are_the_array_emit_json_writes(capsys):
    """For any text (escapes, bidi overrides, NEL, emoji, quotes) and any value."""
    from protokoll.tui.output import emit_json, emit_json_rows

    rng = random.Random(1)
    chars = ["a", "ö", "\x1b", "\n", '"', "\\", "\u202e", "\x85", "\t", "😀", "\u200b", "\x00"]

    def text() -> str:
        return "".join(rng.choice(chars) for _ in range(rng.randint(0, 6)))

    def value() -> object:
        nested = [[1, 2], [text()], {text(): [text(), None]}, {"a": {"b": False}}]
        return (
            text() if rng.random() < 0.5 else rng.choice([None, True, 0, -5, 1.5, [], {}, *nested])
        )

    for _ in range(500):
        rows = [
            {text(): value() for _ in range(rng.randint(0, 4))} for _ in range(rng.randint(0, 3))
        ]
        emit_json_rows(iter(rows))
        ours = capsys.readouterr().out
        emit_json(rows)
        assert ours == capsys.readouterr().out
