"""The registers and an organ's follow-up, read from the derived database.

The same rows as `registers.tasks`, `registers.decisions` and
`followup.pending_by_reading` make from every meeting, but from the rows the
derived database (`search.SearchIndex`) keeps of each meeting, so that no
meeting file is opened; but for the decisions, which the database does not
keep (a fifth of its size): their meetings are found there, in order, and
each one's file is read once, as it comes. Rows are yielded as SQLite's cursor reads them, in
the order of the meetings' time index (no sort of the whole list): the first
come at once and memory stays flat however large the archive. A task's
latest follow-up is the one the database keeps for it (`task_state`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from .derived_rows import decisions_of
from .errors import StoreError
from .labels import organ_title
from .model import Meeting, Task
from .numbering import chronological
from .registers import DecisionRow, TaskRow, decisions, tasks
from .search import UNAVAILABLE, SearchIndex
from .store import Store

# The meetings' order in time, as `numbering.chronological` has it.
T = TypeVar("T")
_OLDEST_FIRST = "i.date, i.start, i.created, i.id"
_NEWEST_FIRST = "i.date DESC, i.start DESC, i.created DESC, i.id DESC"
_ALSO_IN_SQL = 500  # tasks named as parameters of the follow-up's query, at most


@dataclass(frozen=True)
class Scope:
    """Which meetings a register is asked for: an organ (its id, or its name as
    the meeting has it, in any case) and a year; None for all."""

    organ: str | None = None
    year: int | None = None
    # The store's organs that `organ` names (`scope_for`); None: by the name
    # the meetings have.
    organ_ids: frozenset[str] | None = None

    def where(self) -> tuple[str, list]:
        """A condition on the meeting `i`, and its parameters."""
        if self.year is None:
            return "1", []
        return "substr(i.date, 1, 5) = ?", [f"{self.year:04d}-"]

    def takes(self, organ_id: str, organ: str) -> bool:
        # Names compared as Python casefolds them: SQLite's lower() knows ASCII only.
        wanted = self.organ
        if wanted is None:
            return True
        if self.organ_ids is not None:
            return organ_id in self.organ_ids
        return organ_id == wanted or organ.casefold() == wanted.casefold()


def scope_for(store: Store, organ: str | None, year: int | None = None) -> Scope:
    """The scope of `--organ` and `--year`: an organ by its id, by "name,
    organisation" as `list` prints it, or by its name alone where one organ has
    it. Three organs called Arbetsutskottet had been listed as one, and their
    printed "Arbetsutskottet, RAR i Sörmland" matched nothing (a trial)."""
    if organ is None:
        return Scope(None, year)
    wanted = " ".join(organ.split()).casefold()
    organs = store.organs()
    found = [o for o in organs if o.id == organ.strip()]
    found = found or [o for o in organs if f"{o.name}, {o.organisation}".casefold() == wanted]
    found = found or [o for o in organs if o.name.casefold() == wanted]
    if len(found) > 1:
        named = ", ".join(f"{o.id} ({organ_title(o.name, o.organisation)})" for o in found[:5])
        raise StoreError("ambiguous_organ", organ=organ, matches=named)
    if found:
        return Scope(organ, year, frozenset(o.id for o in found))
    # No organ of the store: the meetings' names (an import's organ kept as
    # its source named it). Named by none either, it is said: `tasks` and
    # `decisions` had printed nothing and ended well (a trial).
    scope = Scope(organ, year)
    if not any(scope.takes(s.organ_id, s.organ) for s in store.summaries()):
        raise StoreError("unknown_organ", organ=organ)
    return scope


def task_rows(
    store: Store, open_only: bool = False, scope: Scope | None = None, newest_first: bool = False
) -> Iterator[TaskRow]:
    """Every task with where it came from and its latest follow-up in any meeting,
    oldest meeting first (or newest); only open ones when asked. As `registers.tasks`."""
    scope = scope or Scope()

    def read() -> list[TaskRow]:
        rows = tasks(_meetings(store, scope), open_only=open_only)
        return rows[::-1] if newest_first else rows

    return _indexed_or_read(_indexed_tasks(store, open_only, scope, newest_first), read)


def _indexed_tasks(
    store: Store, open_only: bool, scope: Scope, newest_first: bool
) -> Iterator[TaskRow]:
    where, params = scope.where()
    order = _NEWEST_FIRST if newest_first else _OLDEST_FIRST
    if open_only:
        where += " AND NOT t.done AND NOT coalesce(s.done, 0)"
    # Meetings in time order (indexed_time), each one's tasks in order
    # (tasks_meeting), the kept latest follow-up looked up by task: no sort,
    # so the first rows come before the last are read.
    sql = f"""
        SELECT t.meeting, i.organ_id, i.organ, i.date, t.number, t.title, t.owner, t.text,
               t.due, t.done, t.done_note, t.id, si.date, s.number, s.done, s.note, i.imported,
               t.mark
        FROM indexed i CROSS JOIN tasks t ON t.meeting = i.id
        LEFT JOIN task_state s ON s.task = t.id LEFT JOIN indexed si ON si.id = s.meeting
        WHERE {where}
        ORDER BY {order}, t.seq {"DESC" if newest_first else ""}
    """
    with SearchIndex(store).synced() as db:
        for row in db.execute(sql, params):
            meeting, organ_id, organ, date, number, title, owner, text, due = row[:9]
            done, note, task_id, at, at_number, at_done, at_note, imported, mark = row[9:]
            if not scope.takes(organ_id, organ):
                continue
            where_done = ""
            if at is not None:
                where_done = at + (f" § {at_number}" if at_number is not None else "")
                done = done or at_done
                note = at_note or note
            if open_only and done:
                continue
            yield TaskRow(
                meeting, organ, date, number, title, owner, text, due, bool(done), note,
                where_done, task_id, bool(imported), mark or "",
            )  # fmt: skip


def decision_rows(store: Store, scope: Scope | None = None) -> Iterator[DecisionRow]:
    """Every decision, oldest first, for the meetings in `scope`. As `registers.decisions`."""
    scope = scope or Scope()
    return _indexed_or_read(
        _indexed_decisions(store, scope), lambda: decisions(_meetings(store, scope))
    )


def _indexed_decisions(store: Store, scope: Scope) -> Iterator[DecisionRow]:
    where, params = scope.where()
    sql = f"""
        SELECT i.id, i.organ_id, i.organ, i.organisation, i.date FROM indexed i
        WHERE {where} ORDER BY {_OLDEST_FIRST}
    """
    index = SearchIndex(store)
    with index.synced() as db:
        for meeting, organ_id, organ, organisation, date in db.execute(sql, params):
            if not scope.takes(organ_id, organ):
                continue
            # None: the file stopped reading since the sync; the store reports it.
            for number, title, text, mark in index.derived(meeting, decisions_of) or ():
                yield DecisionRow(meeting, organ, organisation, date, number, title, text, mark)


def _indexed_or_read(indexed: Iterator[T], read: Callable[[], Iterable[T]]) -> Iterator[T]:
    """The rows from the derived database; when it cannot be had (a full disk,
    a store one may only read), `read()`'s, made from the meetings themselves."""
    try:
        first = next(indexed)
    except StopIteration:
        return
    except StoreError as exc:
        if exc.key not in UNAVAILABLE:
            raise
        yield from read()
        return
    yield first
    yield from indexed


def _meetings(store: Store, scope: Scope) -> list[Meeting]:
    """The readable meetings in `scope`, every one loaded: the way without the database."""
    found = []
    for s in store.summaries():
        if scope.takes(s.organ_id, s.organ) and (
            scope.year is None or s.date.startswith(f"{scope.year:04d}-")
        ):
            try:
                found.append(store.load(s.id))
            except StoreError:
                continue  # a damaged file is reported by the store
    return found


@dataclass(frozen=True)
class EarlierTask:
    """An earlier meeting's task, whether its latest follow-up there says done."""

    meeting: str
    date: str
    number: int | None
    task: Task
    owner: str
    followed_done: bool


# A task's latest follow-up in the organ's meetings before this one: done or not.
_LATEST_FOLLOW_UP = """(
    SELECT f.done FROM followups f JOIN indexed fi ON fi.id = f.meeting
    WHERE f.task = {task} AND fi.organ_id = :organ AND fi.id != :id
      AND (fi.date, fi.start, fi.created, fi.id) < (:h0, :h1, :h2, :h3)
    ORDER BY fi.date DESC, fi.start DESC, fi.created DESC, fi.id DESC, f.seq DESC
    LIMIT 1
)"""

_EARLIER_TASKS = """
        WITH earlier AS (
            SELECT id, date, start, created FROM indexed
            WHERE organ_id = :organ AND id != :id
              AND (date, start, created, id) < (:h0, :h1, :h2, :h3)
        ),
        candidates AS (
            SELECT t.*, e.date AS e_date, e.start AS e_start, e.created AS e_created,
                CASE
                    WHEN s.task IS NULL THEN 0
                    WHEN si.organ_id = :organ AND si.id != :id
                         AND (si.date, si.start, si.created, si.id) < (:h0, :h1, :h2, :h3)
                    THEN s.done
                    ELSE coalesce({latest}, 0)
                END AS followed
            FROM earlier e CROSS JOIN tasks t ON t.meeting = e.id
            LEFT JOIN task_state s ON s.task = t.id LEFT JOIN indexed si ON si.id = s.meeting
        )
        SELECT meeting, e_date, number, id, text, owner_id, owner_name, due, done, done_note,
               owner, followed, e_start, e_created, seq
        FROM candidates
        WHERE {wanted}
    """
_EARLIER_TASKS = _EARLIER_TASKS.replace("{latest}", _LATEST_FOLLOW_UP.replace("{task}", "t.id"))
_TASKS_IN_ORDER = " ORDER BY e_date, e_start, e_created, meeting, seq"
_TASKS_LATEST_FIRST = " ORDER BY e_date DESC, e_start DESC, e_created DESC, meeting DESC, seq DESC"
_OPEN = "NOT done AND NOT followed"


def _earlier_params(meeting: Meeting) -> dict:
    params = {"organ": meeting.organ_id, "id": meeting.id}
    return params | {f"h{k}": value for k, value in enumerate(chronological(meeting))}


def earlier_tasks(
    db: sqlite3.Connection,
    meeting: Meeting,
    also: Iterable[str] = (),
    newest: int | None = None,
) -> Iterator[EarlierTask]:
    """The open tasks of the organ's meetings before `meeting`, oldest first: not
    done in their meeting nor by their latest follow-up in those meetings; and
    the tasks `also` names, open or not. `db` is synced (`SearchIndex.synced`).
    With `newest`, only that many of the open tasks, the latest (and all that
    `also` names): read from the latest meeting back and stopped there, where
    every open task of an organ that leaves thousands open took 50 ms.

    Read in proportion to the organ's tasks, not to every follow-up: a task's
    kept latest follow-up (task_state) answers when it was made in one of those
    meetings; only when it was made here, later or in another organ are the
    task's own follow-ups looked at (followups_task).
    """
    also = sorted(set(also))
    params = _earlier_params(meeting)
    named = ", ".join(f":a{k}" for k in range(len(also)))
    params |= {f"a{k}": task_id for k, task_id in enumerate(also)}
    if len(also) > _ALSO_IN_SQL:
        # More than SQLite takes as parameters: every task, chosen below.
        query = _EARLIER_TASKS.replace("{wanted}", "1") + _TASKS_IN_ORDER
    elif newest is not None:
        latest = _EARLIER_TASKS.replace("{wanted}", _OPEN) + _TASKS_LATEST_FIRST + " LIMIT :newest"
        parts = [f"SELECT * FROM ({latest})"]
        if also:
            named_tasks = _EARLIER_TASKS.replace("{wanted}", f"id IN ({named})")
            parts.append(f"SELECT * FROM ({named_tasks})")
        query = f"SELECT * FROM ({' UNION '.join(parts)})" + _TASKS_IN_ORDER
        params["newest"] = newest
    else:
        wanted = _OPEN + (f" OR id IN ({named})" if also else "")
        query = _EARLIER_TASKS.replace("{wanted}", wanted) + _TASKS_IN_ORDER
    kept = set(also)
    for row in db.execute(query, params):
        meeting_id, date, number, task_id, text, owner_id, owner_name, due = row[:8]
        done, done_note, owner, followed = row[8:12]
        if (done or followed) and task_id not in kept:
            continue
        task = Task(task_id, text, owner_id, owner_name, due, bool(done), done_note)
        yield EarlierTask(meeting_id, date, number, task, owner, bool(followed))


# The organ's tasks before the meeting, open by their latest follow-up among
# those meetings: one range of task_time, in order of organ and time, each
# row holding its latest follow-up's organ and time. Only a task whose latest
# follow-up is in this meeting, a later one or another organ's has its own
# follow-ups looked up (as in _EARLIER_TASKS).
_COUNT_OPEN = """
    SELECT count(*) FROM task_time h
    WHERE h.organ_id = :organ AND (h.date, h.start, h.created, h.meeting) < (:h0, :h1, :h2, :h3)
      AND NOT h.done AND NOT CASE
        WHEN h.s_meeting IS NULL THEN 0
        WHEN h.s_organ_id = :organ AND h.s_meeting != :id
             AND (h.s_date, h.s_start, h.s_created, h.s_meeting) < (:h0, :h1, :h2, :h3)
        THEN h.s_done
        ELSE coalesce({latest}, 0)
      END
"""
_COUNT_OPEN = _COUNT_OPEN.replace("{latest}", _LATEST_FOLLOW_UP.replace("{task}", "h.task"))


def count_open_earlier(db: sqlite3.Connection, meeting: Meeting) -> int:
    """How many tasks `earlier_tasks` lists as open (those `also` names aside),
    counted in SQL without making them: a range of task_time (3 against 16 ms
    for the 6,674 open tasks of an organ of the 10,000-meeting bench store)."""
    return db.execute(_COUNT_OPEN, _earlier_params(meeting)).fetchone()[0]


def reported_in_earlier(db: sqlite3.Connection, meeting: Meeting, previous_id: str) -> bool:
    """Whether one of the organ's meetings before `meeting` made a § reporting `previous_id`."""
    sql = """
        SELECT 1 FROM reported r JOIN indexed i ON i.id = r.meeting
        WHERE r.ref = ? AND i.organ_id = ? AND i.id != ?
          AND (i.date, i.start, i.created, i.id) < (?, ?, ?, ?)
        LIMIT 1
    """
    params = (previous_id, meeting.organ_id, meeting.id, *chronological(meeting))
    return db.execute(sql, params).fetchone() is not None
