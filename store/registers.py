"""Decisions and tasks across meetings: the register and the task list.

Pure functions over meetings; the caller loads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import FollowUp, Meeting, Paragraph
from .numbering import chronological


def followed_up(
    meetings: Iterable[Meeting],
) -> dict[str, tuple[Meeting, Paragraph, FollowUp]]:
    """Task id → its latest follow-up, with the meeting and § it was made in."""
    found: dict[str, tuple[Meeting, Paragraph, FollowUp]] = {}
    for m in sorted(meetings, key=chronological):
        for p in m.paragraphs:
            for f in p.followups:
                found[f.task] = (m, p, f)
    return found


def source_mark(mark: str, number: int | None, imported: bool) -> str:
    """An imported §'s mark as its source wrote it ("§ 17/2024"), where it says
    more than `§ 17`; "" otherwise (the protocol prints it so: `paragraph_mark`)."""
    if not (imported and mark):
        return ""
    return "" if number is not None and mark == f"§ {number}" else mark


def where(paragraph: int | None, mark: str = "") -> str:
    """`§ 17`, the source's `§ 17/2024`, or "" for an unnumbered item."""
    return mark or (f"§ {paragraph}" if paragraph is not None else "")


@dataclass(frozen=True)
class DecisionRow:
    meeting: str
    organ: str
    organisation: str
    date: str
    paragraph: int | None
    title: str
    text: str
    mark: str = ""  # `source_mark`: the register names a § as its protocol does


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
    # Where it was followed up, e.g. "2025-06-05 § 17", or "" if it was not.
    followed_up: str = ""
    id: str = ""  # the task's own id
    # Given in an imported protocol: whether it was done, its source does not
    # say; not done and followed up nowhere, it is of unknown state, not open.
    imported: bool = False
    mark: str = ""  # `source_mark`

    @property
    def unknown(self) -> bool:
        """Not known to be open or done (`imported`, and followed up nowhere here)."""
        return self.imported and not self.done and not self.followed_up


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
                DecisionRow(
                    m.id, m.organ, m.organisation, m.date, p.number, p.title, d.text,
                    source_mark(p.mark, p.number, m.imported),
                )  # fmt: skip
                for d in p.decisions
            ]
    return rows


def tasks(meetings: Iterable[Meeting], open_only: bool = False) -> list[TaskRow]:
    """Every task with where it came from, oldest meeting first; only open ones when asked.

    A task is done when it was marked done in its own meeting or followed up
    as done in a later one.
    """
    meetings = sorted(meetings, key=chronological)
    later = followed_up(meetings)
    rows = []
    for m in meetings:
        for p in m.paragraphs:
            for t in p.tasks:
                where, note, done = "", t.done_note, t.done
                if t.id in later:
                    at, q, f = later[t.id]
                    where = at.date + (f" § {q.number}" if q.number is not None else "")
                    done = done or f.done
                    note = f.note or note
                if open_only and done:
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
                        done,
                        note,
                        where,
                        t.id,
                        m.imported,
                        source_mark(p.mark, p.number, m.imported),
                    )
                )
    return rows
