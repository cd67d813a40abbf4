"""Decisions and tasks across meetings: the register and the task list.

Pure functions over meetings; the caller loads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Meeting
from .numbering import chronological


@dataclass(frozen=True)
class DecisionRow:
    meeting: str
    organ: str
    organisation: str
    date: str
    paragraph: int | None
    title: str
    text: str


@dataclass(frozen=True)
class TaskRow:
    meeting: str
    organ: str
    date: str
    paragraph: int | None
    title: str
    owner: str
    text: str
    due: str
    done: bool
    done_note: str


def decisions(
    meetings: Iterable[Meeting], organ: str | None = None, year: int | None = None
) -> list[DecisionRow]:
    """Every decision, oldest first, optionally for one organ (by name) and year."""
    wanted = organ.casefold() if organ else None
    rows = []
    for m in sorted(meetings, key=chronological):
        if wanted and m.organ.casefold() != wanted:
            continue
        if year is not None and not m.date.startswith(f"{year:04d}-"):
            continue
        for p in m.paragraphs:
            rows += [
                DecisionRow(m.id, m.organ, m.organisation, m.date, p.number, p.title, d.text)
                for d in p.decisions
            ]
    return rows


def tasks(meetings: Iterable[Meeting], open_only: bool = False) -> list[TaskRow]:
    """Every task with where it came from, oldest meeting first; only open ones when asked."""
    rows = []
    for m in sorted(meetings, key=chronological):
        for p in m.paragraphs:
            for t in p.tasks:
                if open_only and t.done:
                    continue
                rows.append(
                    TaskRow(
                        m.id,
                        m.organ,
                        m.date,
                        p.number,
                        p.title,
                        m.name_of(t.owner) or t.owner_name,
                        t.text,
                        t.due,
                        t.done,
                        t.done_note,
                    )
                )
    return rows
