"""Following up an earlier meeting's task from the agenda pane."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import App

from protokoll.store import AgendaItem, Meeting
from protokoll.store.followup import OpenTask, previous_line
from protokoll.store.words import say

from ..i18n import lang, t


@dataclass(frozen=True)
class AgendaRow:
    """What a row of the agenda pane stands for."""

    item: str | None = None  # an agenda item
    task: str | None = None  # an earlier meeting's open task, beneath the follow-up item
    info: bool = False  # a row that only tells something; it acts for `item`
    more: bool = False  # "… and N older open tasks": Enter reads and shows them
    section: bool = False  # a heading for the items under it: n adds one there


def _recorded(meeting: Meeting, task_id: str):
    """The follow-up of `task_id` in this meeting, if there is one."""
    for p in meeting.paragraphs:
        for f in p.followups:
            if f.task == task_id:
                return f
    return None


def task_rows(
    tasks: list[OpenTask], meeting: Meeting, more: int = 0, item: str | None = None
) -> list[tuple[AgendaRow, str]]:
    """A row a task; `more` older open tasks not read yet: a row that reads them."""
    rows = []
    if more:
        rows.append((AgendaRow(item=item, more=True), f"   {t('followup_more', n=more)}"))
    for o in tasks:
        f = _recorded(meeting, o.task.id)
        mark = "○" if f is None else ("✓" if f.done else "…")
        where = f"§ {o.number}" if o.number is not None else o.date
        # The task first, who has it after: in the agenda's 26 columns at 80,
        # "○ Ledamot3 Efternamn:…" had made twenty rows read alike (trial 20).
        said = f"{o.owner}, {where}" if o.owner else where
        rows.append((AgendaRow(task=o.task.id), f"   {mark} {o.task.text} ({said})"))
    return rows


def previous_rows(previous: Meeting | None, item: AgendaItem) -> list[tuple[AgendaRow, str]]:
    """The protocol an item reports, beneath it (a row that does nothing)."""
    if previous is None or previous.id != item.ref:
        return []
    return [(AgendaRow(item=item.id, info=True), f"   {previous_line(previous)}")]


@dataclass(frozen=True)
class FollowUpAnswer:
    """How a task stands: done or still open, with a note; or its follow-up taken back."""

    done: bool = True
    note: str = ""
    undo: bool = False


def ask_follow_up(
    app: App, meeting: Meeting, task: OpenTask, answered: Callable[[FollowUpAnswer], None]
) -> None:
    """Ask how the task stands; `answered` only when the secretary has said, so that
    Esc at any step leaves the meeting as it was."""
    from .dialogs import PickDialog, TextDialog  # when asked, not with the agenda's rows

    existing = _recorded(meeting, task.task.id)
    choices = [("done", t("f_done")), ("open", t("f_open"))]
    if existing is not None:
        choices.append(("undo", t("f_undo")))

    def picked(choice: str | None) -> None:
        if choice is None:
            return
        if choice == "undo":
            answered(FollowUpAnswer(undo=True))
            return

        def noted(note: str | None) -> None:
            if note is not None:
                answered(FollowUpAnswer(choice == "done", note.strip()))

        app.push_screen(TextDialog(t("d_followup_note"), existing.note if existing else ""), noted)

    # Which task, said whole: its owner, where it was given, when it is due.
    where = f"§ {task.number}, {task.date}" if task.number is not None else task.date
    said = f"{task.owner}: {task.task.text}" if task.owner else task.task.text
    due = f", {say('protocol.due', lang(), date=task.task.due)}" if task.task.due else ""
    title = t("d_followup", task=f"{said} ({where}{due})")
    app.push_screen(PickDialog(title, choices), picked)
