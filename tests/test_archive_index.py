"""The registers and the follow-up read from the derived database give what
reading every meeting gives: on the example store, on generated stores, and
after a meeting changes, goes, or follows up a task in a later meeting."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import protokoll.store.search as search_module
from protokoll.store import Store
from protokoll.store.archive import Scope, decision_rows, task_rows
from protokoll.store.followup import FIRST, pending, pending_by_reading
from protokoll.store.model import (
    AgendaItem,
    Attendee,
    Decision,
    FollowUp,
    Meeting,
    Paragraph,
    Task,
)
from protokoll.store.registers import decisions, tasks
from protokoll.store.search import FILE_NAME
from protokoll.store.serial import to_dict
from protokoll.store.storage import encode, read_json

ORGANS = ("au", "st")


def every_meeting(store: Store) -> list[Meeting]:
    return [store.load(s.id) for s in store.summaries()]


def same_registers(store: Store) -> None:
    meetings = every_meeting(store)
    assert list(task_rows(store)) == tasks(meetings)
    assert list(task_rows(store, open_only=True)) == tasks(meetings, open_only=True)
    assert list(task_rows(store, newest_first=True)) == tasks(meetings)[::-1]
    assert list(decision_rows(store)) == decisions(meetings)
    for organ in {m.organ for m in meetings} | {"ARBETSUTSKOTTET", "ingen"}:
        for year in (None, 2024, 2025):
            scoped = list(decision_rows(store, Scope(organ, year)))
            assert scoped == decisions(meetings, organ=organ, year=year)


def same_pending(store: Store) -> None:
    for s in store.summaries():
        meeting = store.load(s.id)
        ours, theirs = pending(store, meeting, every_task=True), pending_by_reading(store, meeting)
        assert ours.tasks == theirs.tasks, s.id
        assert (ours.previous and ours.previous.id) == (theirs.previous and theirs.previous.id)
        # What a meeting opens with: the newest FIRST open tasks (and those
        # followed up here), in the same order, and a count of the others.
        first = pending(store, meeting)
        assert first.tasks == [t for t in theirs.tasks if t in first.tasks], s.id
        n = min(FIRST, len(theirs.tasks))
        assert first.tasks[len(first.tasks) - n :] == theirs.tasks[len(theirs.tasks) - n :], s.id
        assert (first.more > 0) == (len(first.tasks) < len(theirs.tasks)), s.id


def generated(path: Path, seed: int, count: int = 40) -> Store:
    """A store of meetings with tasks, follow-ups of them (in later meetings,
    other organs, several of one task) and reported protocols, as files."""
    rng = random.Random(seed)
    store = Store(path)
    for organ in ORGANS:
        store.add_organ(organ.upper(), "Förbundet", organ_id=organ)
    task_ids: list[tuple[str, str, int | None]] = []
    made: list[Meeting] = []
    for i in range(count):
        organ = rng.choice(ORGANS)
        date = f"{rng.choice((2024, 2025))}-{rng.randint(1, 3):02d}-{rng.randint(1, 3):02d}"
        people = [Attendee(f"a{k}", f"Person {k} {i}", present=bool(k % 2)) for k in range(3)]
        kind = "protokoll" if rng.random() < 0.8 else "minnesanteckningar"
        paragraphs = []
        for n in range(rng.randint(0, 5)):
            number = n + 1 if kind == "protokoll" else None
            p = Paragraph(f"p{i}-{n}", f"Ärende {i}.{n}", number, f"Text {i} {n}")
            if number is not None:  # an imported §'s own mark, some saying more than `§ n`
                p.mark = rng.choice(["", f"§ {number}", f"§ {number}/{date[:4]}", f"KS § {number}"])
            p.decisions = [Decision(f"att besluta {i}.{n}.{k}") for k in range(rng.randint(0, 2))]
            for k in range(rng.randint(0, 2)):
                owner = rng.choice(["a0", "a1", "ingen", None])
                task = Task(
                    f"t{rng.randint(0, 60)}",  # ids may repeat, as copies of a meeting make them
                    f"Uppdrag {i}.{n}.{k}",
                    owner=owner,
                    owner_name=rng.choice(["", "Utomstående"]),
                    due=rng.choice(["", "2025-06-01"]),
                    done=rng.random() < 0.2,
                    done_note=rng.choice(["", "klart"]),
                )
                p.tasks.append(task)
                task_ids.append((task.id, task.text, number))
            for _ in range(rng.randint(0, 2)):
                if task_ids:
                    tid, text, num = rng.choice(task_ids)
                    p.followups.append(
                        FollowUp(tid, "x", date, num, text, "Någon", rng.random() < 0.5,
                                 rng.choice(["", "redovisat"]))
                    )  # fmt: skip
            paragraphs.append(p)
        agenda = []
        if made and rng.random() < 0.5:
            ref = rng.choice(made).id
            agenda.append(AgendaItem(f"i{i}", "Föregående protokoll", kind="previous", ref=ref,
                                     paragraph=rng.choice([None, "p"])))  # fmt: skip
        m = Meeting(
            id=f"m{i:03d}",
            organ_id=organ,
            organ=organ.upper() if rng.random() < 0.9 else organ.capitalize(),
            organisation="Förbundet",
            date=date,
            kind=kind,
            start=rng.choice(["", "09:00", "13:00"]),
            attendees=people,
            agenda=agenda,
            paragraphs=paragraphs,
            created=f"2025-01-01T00:00:{rng.randint(0, 59):02d}",
            imported=rng.random() < 0.3,
        )
        made.append(m)
        write(store, m)
    return Store(path)


def write(store: Store, m: Meeting) -> None:
    (store.meetings_dir / f"{m.id}.json").write_bytes(encode({"meeting": {"1": to_dict(m)}}))


def test_the_example_store_gives_the_same_registers_and_follow_up(example):
    store = Store(example)
    same_registers(store)
    same_pending(store)


@pytest.mark.parametrize("seed", range(6))
def test_generated_stores_give_the_same_registers_and_follow_up(tmp_path, seed):
    store = generated(tmp_path / "store", seed)
    same_registers(store)
    same_pending(store)


def test_a_changed_meeting_a_deleted_one_and_a_later_follow_up_are_seen(tmp_path):
    store = generated(tmp_path / "store", 7)
    same_registers(store)  # the index is built
    # A task followed up as done in a meeting written after the index was made.
    row = next(r for r in task_rows(store, open_only=True))
    later = store.load(store.summaries()[0].id)
    later.paragraphs.append(Paragraph("late", "Uppföljning", 99))
    later.paragraphs[-1].followups.append(
        FollowUp(row.id, row.meeting, row.date, row.paragraph, row.text, "", True, "gjort")
    )
    write(store, later)
    # One meeting gone, one with a changed decision.
    gone = store.summaries()[3].id
    (store.meetings_dir / f"{gone}.json").unlink()
    changed = store.load(store.summaries()[5].id)
    changed.paragraphs.insert(0, Paragraph("new", "Nytt", 1, decisions=[Decision("att ändra")]))
    write(store, changed)
    store = Store(store.path)
    same_registers(store)
    same_pending(store)
    still_open = {(r.meeting, r.id) for r in task_rows(store, open_only=True)}
    assert (row.meeting, row.id) not in still_open
    assert gone not in {r.meeting for r in decision_rows(store)}


def test_deleting_the_derived_database_loses_nothing(tmp_path):
    store = generated(tmp_path / "store", 8)
    before = list(task_rows(store)), list(decision_rows(store))
    (store.path / FILE_NAME).unlink()
    assert (list(task_rows(store)), list(decision_rows(store))) == before


def test_an_unsaved_follow_up_in_the_meeting_at_hand_counts(tmp_path):
    """The meeting being written is taken as it is in memory, not as last saved."""
    store = generated(tmp_path / "store", 9)
    for s in store.summaries():
        meeting = store.load(s.id)
        open_tasks = pending(store, meeting).tasks
        if open_tasks and meeting.paragraphs:
            break
    task = open_tasks[0]
    meeting.paragraphs[0].followups.append(task.follow_up(done=True))
    every = pending(store, meeting, every_task=True).tasks
    assert every == pending_by_reading(store, meeting).tasks
    assert task in every and task in pending(store, meeting).tasks  # listed, to be undone


def test_the_task_list_opens_no_meeting_file_and_decisions_each_in_scope_once(
    tmp_path, monkeypatch
):
    """Tasks come from the derived database alone; decisions, which it does not
    keep, from each meeting's file in scope, read once, oldest meeting first."""
    store = generated(tmp_path / "store", 10)
    expected = list(task_rows(store)), list(decision_rows(store))
    scoped = list(decision_rows(store, Scope("au")))
    read: list[str] = []

    def refused(*_args, **_kwargs):
        raise AssertionError("a meeting was loaded")

    def reading(path: Path):
        read.append(path.stem)
        return read_json(path)

    monkeypatch.setattr(Store, "load", refused)
    monkeypatch.setattr(Store, "_read", refused)
    monkeypatch.setattr(search_module, "read_json", reading)
    assert list(task_rows(store)) == expected[0]
    assert read == []
    assert list(decision_rows(store)) == expected[1]
    oldest_first = [s.id for s in reversed(store.summaries())]
    assert read == oldest_first
    read.clear()
    assert list(decision_rows(store, Scope("au"))) == scoped
    assert read == [s.id for s in reversed(store.summaries()) if s.organ_id == "au"]
    assert scoped and len(scoped) < len(expected[1])


def test_the_decisions_are_not_kept_in_the_derived_database(tmp_path):
    store = generated(tmp_path / "store", 12)
    meeting = store.load(store.summaries()[0].id)
    meeting.paragraphs.append(
        Paragraph("own", "Egen", 98, decisions=[Decision("att måla tornuret i solgult")])
    )
    write(store, meeting)
    store = Store(store.path)
    assert "att måla tornuret i solgult" in {r.text for r in decision_rows(store)}
    assert b"tornuret i solgult" not in (store.path / FILE_NAME).read_bytes()


def test_a_meeting_file_of_the_wrong_shape_is_read_by_the_store(tmp_path):
    """A hand-edited file the index cannot take as it is goes through the store,
    which reads it (defaults for what is missing) or leaves it out."""
    store = generated(tmp_path / "store", 11)
    meeting = store.summaries()[0].id
    path = store.meetings_dir / f"{meeting}.json"
    data = json.loads(path.read_text())
    del data["meeting"]["1"]["organisation"]  # the model has no default: the store says
    path.write_text(json.dumps(data))
    store = Store(store.path)
    same_registers(store)


def test_without_the_derived_database_the_meetings_are_read(tmp_path, monkeypatch):
    """A full disk or a store one may only read: the same answers, from the files."""
    import sqlite3

    from protokoll.store.search import SearchIndex

    store = generated(tmp_path / "store", 12)
    meetings = every_meeting(store)

    def unusable(_self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SearchIndex, "_connect", unusable)
    assert list(task_rows(store, open_only=True)) == tasks(meetings, open_only=True)
    assert list(task_rows(store, newest_first=True)) == tasks(meetings)[::-1]
    scoped = list(decision_rows(store, Scope("au", 2025)))
    assert scoped == [r for r in decisions(meetings, year=2025) if r.meeting in
                      {m.id for m in meetings if m.organ_id == "au"}]  # fmt: skip
    for m in meetings:
        assert pending(store, m, every_task=True).tasks == pending_by_reading(store, m).tasks
