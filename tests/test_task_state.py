"""The kept latest follow-up of each task (task_state) gives exactly what a
scan of every meeting gives, after follow-ups are added, removed and reversed
and meetings are moved in time, in any order, each edit followed by the index
bringing itself up to date from the changed meetings only."""

from __future__ import annotations

import random
import sqlite3

import pytest

from protokoll.store import Store
from protokoll.store.model import FollowUp, Paragraph
from protokoll.store.search import FILE_NAME, SearchIndex

from .test_archive_index import generated, same_pending, same_registers, write


def edit(store: Store, rng: random.Random) -> str:
    """One random change to one meeting's follow-ups or date; says which."""
    summaries = store.summaries()
    meeting = store.load(rng.choice(summaries).id)
    followups = [(p, f) for p in meeting.paragraphs for f in p.followups]
    tasks = [
        (store.load(s.id), p, t)
        for s in rng.sample(summaries, min(5, len(summaries)))
        for p in store.load(s.id).paragraphs
        for t in p.tasks
    ]
    what = rng.choice(["add", "remove", "reverse", "move"])
    if what == "add" and tasks:
        origin, p, task = rng.choice(tasks)
        if not meeting.paragraphs:
            meeting.paragraphs.append(Paragraph("f", "Uppföljning", 1))
        rng.choice(meeting.paragraphs).followups.append(
            FollowUp(task.id, origin.id, origin.date, p.number, task.text, "", rng.random() < 0.5,
                     rng.choice(["", "klart", "pågår"]))
        )  # fmt: skip
    elif what == "remove" and followups:
        p, f = rng.choice(followups)
        p.followups.remove(f)
    elif what == "reverse" and followups:
        _, f = rng.choice(followups)
        f.done = not f.done
    else:  # earlier or later than the follow-ups around it
        what = "move"
        meeting.date = f"{rng.choice((2023, 2024, 2025, 2026))}-{rng.randint(1, 3):02d}-01"
    write(store, meeting)
    return what


def kept_states(store: Store) -> list[tuple]:
    with sqlite3.connect(store.path / FILE_NAME) as db:
        return sorted(db.execute("SELECT * FROM task_state"))


def kept_then_built(
    store: Store, rng: random.Random, kept, delete_at: int | None = None
) -> tuple[list, list]:
    """What `kept` reads of the derived database after 20 edits, each synced
    (a meeting file deleted after edit `delete_at`, if given), and after a
    first build from the same files."""
    same_registers(store)
    for step in range(20):
        edit(store, rng)
        if step == delete_at:
            victim = rng.choice(store.summaries()).id
            (store.meetings_dir / f"{victim}.json").unlink()
        store = Store(store.path)
        with SearchIndex(store).synced():
            pass
    updated = kept(store)
    (store.path / FILE_NAME).unlink()
    with SearchIndex(Store(store.path)).synced():
        pass
    return updated, kept(store)


@pytest.mark.parametrize("seed", range(4))
def test_edited_follow_ups_give_what_reading_every_meeting_gives(tmp_path, seed):
    rng = random.Random(seed)
    store = generated(tmp_path / "store", 100 + seed, count=30)
    same_registers(store)  # the index built
    for step in range(12):
        what = edit(store, rng)
        store = Store(store.path)
        same_registers(store)
        if step % 4 == 3:
            same_pending(store)
        assert what


def test_the_kept_states_are_those_a_first_build_makes(tmp_path):
    """Updated meeting by meeting, the states end as building from nothing makes them."""
    store = generated(tmp_path / "store", 200, count=30)
    updated, built = kept_then_built(store, random.Random(3), kept_states)
    assert built == updated and updated


def test_a_deleted_meeting_takes_its_follow_ups_with_it(tmp_path):
    store = generated(tmp_path / "store", 300, count=30)
    same_registers(store)
    with_followups = [
        s.id for s in store.summaries()
        if any(p.followups for p in store.load(s.id).paragraphs)
    ]  # fmt: skip
    for meeting_id in with_followups[:3]:
        (store.meetings_dir / f"{meeting_id}.json").unlink()
    store = Store(store.path)
    same_registers(store)
    same_pending(store)


def test_tasks_named_beyond_what_sqlite_takes_as_parameters_give_the_same_answer(
    tmp_path, monkeypatch
):
    """The tasks a meeting follows up stay listed, done or not; named in the query
    when they are few, chosen after it when they are many."""
    import protokoll.store.archive as archive

    store = generated(tmp_path / "store", 400, count=30)
    same_registers(store)
    every_task = {r.id for r in archive.task_rows(store)}
    grew = False
    with SearchIndex(store).synced() as db:
        for s in store.summaries():
            meeting = store.load(s.id)
            few = list(archive.earlier_tasks(db, meeting, also=every_task))
            monkeypatch.setattr(archive, "_ALSO_IN_SQL", 0)
            many = list(archive.earlier_tasks(db, meeting, also=every_task))
            monkeypatch.setattr(archive, "_ALSO_IN_SQL", 500)
            assert few == many
            named = list(archive.earlier_tasks(db, meeting))
            assert {e.task.id for e in named} <= {e.task.id for e in few}
            grew = grew or len(few) > len(named)
    assert grew  # done tasks were listed for being named


def kept_times(store: Store) -> list[tuple]:
    with sqlite3.connect(store.path / FILE_NAME) as db:
        return sorted(db.execute("SELECT * FROM task_time"))


def same_counts(store: Store) -> None:
    """The open tasks before each meeting, counted from task_time, are as many
    as the full list of them (`earlier_tasks`, joined from the tasks themselves)."""
    from protokoll.store.archive import count_open_earlier, earlier_tasks

    with SearchIndex(store).synced() as db:
        for s in store.summaries():
            meeting = store.load(s.id)
            assert count_open_earlier(db, meeting) == len(list(earlier_tasks(db, meeting))), s.id


@pytest.mark.parametrize("seed", range(3))
def test_open_tasks_counted_by_organ_and_time_are_those_listed_after_edits(tmp_path, seed):
    rng = random.Random(50 + seed)
    store = generated(tmp_path / "store", 400 + seed, count=30)
    same_counts(store)
    for _ in range(10):
        edit(store, rng)
        store = Store(store.path)
        same_counts(store)


def test_the_kept_task_times_are_those_a_first_build_makes(tmp_path):
    """Updated meeting by meeting (moved, follow-ups added, removed, reversed,
    meetings deleted), the task rows by organ and time end as a first build
    makes them."""
    store = generated(tmp_path / "store", 500, count=30)
    updated, built = kept_then_built(store, random.Random(7), kept_times, delete_at=10)
    assert built == updated and updated
