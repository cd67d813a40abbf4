"""What a meeting must follow up: the organ's open tasks and its previous protocol.

A task is followed up in a later meeting's §, as a `FollowUp` kept there (the
task's own meeting may be adjusted and frozen). The previous protocol is
reported ("anmäls") at the next meeting, under an agenda item that refers to
it; until some meeting has made that item a §, it is still to be reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import StoreError
from .labels import labels
from .model import NUMBERED_KINDS, AgendaItem, FollowUp, Meeting, Task, new_id
from .numbering import chronological, span
from .registers import followed_up
from .store import Store
from .timeline import label

if TYPE_CHECKING:
    from .checks import Problem


@dataclass(frozen=True)
class OpenTask:
    meeting: str
    date: str
    number: int | None
    task: Task
    owner: str

    def follow_up(self, done: bool = True, note: str = "") -> FollowUp:
        return FollowUp(
            self.task.id,
            self.meeting,
            self.date,
            self.number,
            self.task.text,
            self.owner,
            done,
            note,
        )


# Open tasks read when a meeting opens, the newest; the rest when asked for
# (`more`). An organ that leaves thousands open had every one read and shown.
FIRST = 20


@dataclass
class Pending:
    """The follow-up a meeting has ahead of it."""

    tasks: list[OpenTask]
    previous: Meeting | None  # the previous protocol, if still to be reported
    more: int = 0  # older open tasks not in `tasks`: read with pending(..., newest=None)


def earlier_meetings(store: Store, meeting: Meeting) -> list[Meeting]:
    """The organ's meetings before `meeting`, oldest first (unreadable ones skipped)."""
    here = chronological(meeting)
    ids = [
        s.id
        for s in store.summaries()
        if s.organ_id == meeting.organ_id and s.id != meeting.id and chronological(s) < here
    ]
    found = []
    for meeting_id in reversed(ids):  # summaries are newest first
        try:
            found.append(store.load(meeting_id))
        except StoreError:
            continue  # a damaged file is reported by the store
    return found


def pending(
    store: Store, meeting: Meeting, every_task: bool = False, newest: int | None = None
) -> Pending:
    """Open tasks of the organ's earlier meetings and the protocol to report:
    the latest open tasks (`newest` of them, FIRST unless given), with how
    many more there are; with `every_task`, all of them.

    From the derived database: only the previous protocol's own file is read.
    """
    if not plans_followups(meeting):
        return Pending([], None)
    newest = None if every_task else newest or FIRST
    # A task followed up here stays listed, so that it can be undone; this
    # meeting's follow-ups are the latest, and its own state may be unsaved.
    here = {f.task for p in meeting.paragraphs for f in p.followups}
    try:
        # The derived database (sqlite3) is imported here, after the first frame:
        # the meeting screen that imports this module is the application's first.
        from .archive import count_open_earlier, earlier_tasks, reported_in_earlier
        from .search import UNAVAILABLE, SearchIndex

        with SearchIndex(store).synced() as db:
            found = list(earlier_tasks(db, meeting, also=here, newest=newest))
            tasks = [OpenTask(e.meeting, e.date, e.number, e.task, e.owner) for e in found]
            # Open by the earlier meetings (one followed up here is listed
            # whether it is or not): as many as asked for means there may be more.
            shown = sum(1 for e in found if not (e.task.done or e.followed_done))
            more = 0
            if newest is not None and shown >= newest:
                more = count_open_earlier(db, meeting) - shown
            previous = _previous(store, meeting)
            if previous is not None and reported_in_earlier(db, meeting, previous.id):
                previous = None
    except StoreError as exc:
        if exc.key not in UNAVAILABLE:
            raise
        # The derived database cannot be had (a full disk, a store one may
        # only read): the meetings themselves, as before there was one.
        return pending_by_reading(store, meeting)
    return Pending(tasks, previous, more)


def _previous(store: Store, meeting: Meeting) -> Meeting | None:
    """The organ's latest protocol with §s before `meeting` (a readable one)."""
    here = chronological(meeting)
    # The organ's meetings newest first, a summary made of each only as it is
    # reached: the one wanted is among the latest, of thousands.
    for s in store.newest_first(meeting.organ_id, before=here):
        if s.id == meeting.id or chronological(s) >= here:
            continue  # (made meanwhile by another thread's change)
        if s.kind not in NUMBERED_KINDS or not s.count:
            continue
        try:
            return store.load(s.id)
        except StoreError:
            continue  # a damaged file is reported by the store
    return None


def previous_moved(store: Store, meeting: Meeting) -> list[Problem]:
    """A § that reports a protocol which is no longer the one before: a meeting
    typed in afterwards came between, and "Protokollet från sammanträdet
    2026-02-12 …" went on saying so, unseen (a trial). A reminder: the text is
    the secretary's to put right."""
    from .checks import Problem  # with the checks, not with the follow-up at every start

    reporting = [
        (item, p)
        for item in meeting.agenda
        if item.kind == "previous" and item.ref and item.paragraph
        and (p := meeting.paragraph(item.paragraph)) is not None
    ]
    now = _previous(store, meeting) if reporting else None  # read once, and only if asked
    out = []
    for item, p in reporting:
        if now is None or now.id == item.ref:
            continue
        try:
            reported = store.load(item.ref).date
        except StoreError:
            reported = item.ref
        params = {"paragraph": label(meeting, p.id), "reported": reported, "now": now.date}
        out.append(Problem("previous_moved", params, p.id, reminder=True))
    return out


def plans_followups(meeting: Meeting) -> bool:
    """Whether the earlier protocol and open tasks are followed up in `meeting`.

    Not in an imported protocol, reopened to mend the import: it is the
    record of a meeting held then, with the agenda its source gives, and one
    whose source names no organ shares "Okänt organ" with other bodies' (a
    trial's reopened brf protocol was given a kultur- och fritidsnämnd's
    previous protocol and a hyresgästförening's task as agenda items).
    """
    return not meeting.imported and bool(meeting.organ)


def pending_by_reading(store: Store, meeting: Meeting) -> Pending:
    """`pending` made by reading every earlier meeting of the organ (what the
    derived database's answer is tested and measured against)."""
    if not plans_followups(meeting):
        return Pending([], None)
    earlier = earlier_meetings(store, meeting)
    done = {task_id for task_id, (_, _, f) in followed_up([*earlier, meeting]).items() if f.done}
    # A task done here already stays listed, so that it can be undone.
    here = {f.task for p in meeting.paragraphs for f in p.followups}
    tasks = [
        OpenTask(m.id, m.date, p.number, t, m.name_of(t.owner) or t.owner_name)
        for m in earlier
        for p in m.paragraphs
        for t in p.tasks
        if (not t.done and t.id not in done) or t.id in here
    ]
    previous = next((m for m in reversed(earlier) if m.numbered and m.paragraphs), None)
    if previous is not None and _reported(previous, earlier):
        previous = None
    return Pending(tasks, previous)


def _reported(previous: Meeting, meetings: list[Meeting]) -> bool:
    """Whether one of `meetings` made a § of reporting `previous`."""
    return any(
        item.kind == "previous" and item.ref == previous.id and item.paragraph
        for m in meetings
        for item in m.agenda
    )


def _where(previous: Meeting) -> str:
    numbers = previous.numbers()
    return f", {span(min(numbers), max(numbers))}" if numbers else ""


def previous_line(previous: Meeting) -> str:
    """`2025-06-05, §§ 14–20`: which protocol an item reports."""
    return previous.date + _where(previous)


def previous_reference(previous: Meeting, lang: str = "sv") -> str:
    """`Protokollet från sammanträdet 2025-06-05, §§ 14–20`: the start of the § reporting it."""
    return labels(lang)["previous_text"].format(date=previous.date, where=_where(previous))


def items_missing(meeting: Meeting, state: Pending) -> bool:
    """Whether `add_items` would change the agenda: a meeting resumed with its
    follow-up items in place is not written again at every start."""
    kinds = {item.kind for item in meeting.agenda}
    return (state.previous is not None and "previous" not in kinds) or (
        bool(state.tasks) and "followup" not in kinds
    )


def add_items(meeting: Meeting, state: Pending, lang: str = "sv") -> bool:
    """Put the follow-up items into the agenda if they are missing; True if it changed.

    A "Föregående protokoll" item already on the agenda (the standard agenda
    has one) is made to refer to the previous protocol; otherwise one is put
    after the opening items. The task follow-up item comes right after it.
    """
    if not items_missing(meeting, state):  # the one test of what is missing
        return False
    changed = False
    agenda = meeting.agenda
    previous_item = next((i for i in agenda if i.kind == "previous"), None)
    if state.previous is not None and previous_item is None:
        words = _in_both("previous_protocol")
        previous_item = next(
            (
                i
                for i in agenda
                if not i.kind and any(i.title.casefold().startswith(w) for w in words)
            ),
            None,
        )
        if previous_item is None:
            title = labels(lang)["previous_protocol"]
            previous_item = AgendaItem(new_id(), title)
            agenda.insert(_after_opening(agenda), previous_item)
        previous_item.kind, previous_item.ref = "previous", state.previous.id
        changed = True
    if state.tasks and not any(i.kind == "followup" for i in agenda):
        # One on the organ's standing agenda is that item: a second beside it
        # had made the agenda say "Uppföljning av uppdrag" twice (a trial).
        words = _in_both("followup_item")
        own = next((i for i in agenda if not i.kind and i.title.casefold() in words), None)
        if own is not None:
            own.kind = "followup"
        else:
            at = agenda.index(previous_item) + 1 if previous_item else _after_opening(agenda)
            item = AgendaItem(new_id(), labels(lang)["followup_item"], kind="followup")
            agenda.insert(at, item)
        changed = True
    return changed


def _in_both(key: str) -> set[str]:
    """An agenda item's title in either language, whatever the interface's."""
    return {labels(lang)[key].casefold() for lang in ("sv", "en")}


_OPENING = ("öppnande", "justerare", "dagordning", "närvaro", "opening", "adjuster", "agenda")


def _after_opening(agenda: list[AgendaItem]) -> int:
    """The place after the formal opening items (opening, adjusters, agenda)."""
    at = 0
    for i, item in enumerate(agenda[:5]):
        if any(word in item.title.casefold() for word in _OPENING):
            at = i + 1
    return at
