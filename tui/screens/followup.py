"""Following up an earlier meeting's task from the agenda pane."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from store import AgendaItem, Meeting, Paragraph
from store.followup import OpenTask, previous_line

from ..i18n import t
from .dialogs import PickDialog, TextDialog

TASK_ROW = "task:"  # agenda rows of tasks, beneath the follow-up item
INFO_ROW = "info:"  # agenda rows that only tell something


def _recorded(meeting: Meeting, task_id: str):
    """The follow-up of `task_id` in this meeting and its §, if there is one."""
    for p in meeting.paragraphs:
        for f in p.followups:
            if f.task == task_id:
                return p, f
    return None, None


def task_rows(tasks: list[OpenTask], meeting: Meeting) -> list[tuple[str, str]]:
    rows = []
    for o in tasks:
        _, f = _recorded(meeting, o.task.id)
        mark = "○" if f is None else ("✓" if f.done else "…")
        where = f"§ {o.number}" if o.number is not None else o.date
        owner = f"{o.owner}: " if o.owner else ""
        rows.append((TASK_ROW + o.task.id, f"   {mark} {owner}{o.task.text} ({where})"))
    return rows


def previous_rows(previous: Meeting | None, item: AgendaItem) -> list[tuple[str, str]]:
    """The protocol an item reports, beneath it (a row that does nothing)."""
    if previous is None or previous.id != item.ref:
        return []
    return [(INFO_ROW + item.id, f"   {previous_line(previous)}")]


def ask_follow_up(
    app: App, meeting: Meeting, paragraph: Paragraph, task: OpenTask, done: Callable[[bool], None]
) -> None:
    """Ask how the task stands and record it in `paragraph`; `done(changed)` after."""
    where, existing = _recorded(meeting, task.task.id)
    choices = [("done", t("f_done")), ("open", t("f_open"))]
    if existing is not None:
        choices.append(("undo", t("f_undo")))

    def picked(choice: str | None) -> None:
        if choice is None:
            done(False)
            return
        if where is not None and existing is not None:
            where.followups.remove(existing)
        if choice == "undo":
            done(True)
            return

        def noted(note: str | None) -> None:
            if note is None:  # cancelled: put back what was there
                if where is not None and existing is not None:
                    where.followups.append(existing)
                done(False)
                return
            paragraph.followups.append(task.follow_up(choice == "done", note.strip()))
            done(True)

        app.push_screen(TextDialog(t("d_followup_note"), existing.note if existing else ""), noted)

    app.push_screen(PickDialog(t("d_followup", task=task.task.text), choices), picked)
