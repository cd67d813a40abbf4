"""What is recorded in a §: decisions, tasks, yrkanden, beslutsgång, votes,
reservations, jäv, notes, follow-ups, masking and immediate adjustment.

The rules of who may propose, vote, reserve or make a note are
`store.proceedings`' and `store.timeline`'s; these verbs call them. Entries
are named by an `ItemRef` (kind and place in its list), the same for the
screen, the command line and undo.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import proceedings, timeline
from ..dates import parse_date
from ..errors import StoreError
from ..model import Decision, FollowUp, Meeting, Paragraph, Task, Vote, new_id
from ..timeline import label
from .change import Change
from .paragraphs import _paragraph, _writable, not_adjusted_at_once

# Kinds of entry in a §: the list each lives in and the field that holds its words.
LISTS = {
    "decision": ("decisions", "text"),
    "task": ("tasks", "text"),
    "proposal": ("proposals", "text"),
    "vote": ("votes", "result"),
    "reservation": ("reservations", "reason"),
    "jav": ("jav", "note"),
    "note": ("notes", "text"),
    "followup": ("followups", "note"),
}
# Entries that are one setting of the § rather than a list.
SINGLES = ("order", "chair", "immediate", "mask")


@dataclass(frozen=True)
class ItemRef:
    """One entry of a §: its kind and, for lists, its place in the list."""

    kind: str
    index: int = 0


def _open(m: Meeting, paragraph_id: str) -> Paragraph:
    _writable(m)
    return not_adjusted_at_once(m, _paragraph(m, paragraph_id))


def _words(text: str) -> str:
    text = text.strip()
    if not text:
        raise StoreError("empty_text")
    return text


def _at(m: Meeting, p: Paragraph) -> dict:
    return {"paragraph": label(m, p.id)}


# --- decisions and tasks -------------------------------------------------------


def add_decision(m: Meeting, paragraph_id: str, text: str, lead: str = "") -> Change:
    """A decision; `lead` ("Arbetsutskottet föreslår styrelsen besluta att") goes before it."""
    p = _open(m, paragraph_id)
    p.decisions.append(Decision(with_lead(lead, _words(text))))
    return Change("v_decision", _at(m, p), p.id)


def with_lead(lead: str, words: str) -> str:
    """A decision's words after its lead phrase, as the record keeps them."""
    lead = " ".join(lead.split())
    if lead and not words.startswith(lead):
        if lead.casefold().endswith(" att") and words[:4].casefold() == "att ":
            # `att fastställa …` typed after "Styrelsen beslutar att", as an
            # att-sats is written: one "att" (a trial printed "att att").
            words = words[4:]
        words = f"{lead} {words}"
    return words


def add_task(
    m: Meeting,
    paragraph_id: str,
    text: str,
    owner: str | None = None,
    owner_name: str = "",
    due: str = "",
) -> Change:
    """A task; `owner` is an attendee, or `owner_name` someone outside the meeting."""
    p = _open(m, paragraph_id)
    if owner is not None and m.attendee(owner) is None:
        raise StoreError("unknown_attendee", attendee=owner)
    name = m.name_of(owner) or " ".join(owner_name.split())
    task = Task(new_id(), _words(text), owner=owner, owner_name=name, due=due_date(due, m))
    p.tasks.append(task)
    return Change("v_task", _at(m, p), p.id)


def edit_task(
    m: Meeting, paragraph_id: str, index: int, text: str, owner: str = "", due: str = ""
) -> Change:
    """A task's words, owner and due date, all three as the secretary left them.

    `owner` is an attendee's id or name (the task follows that person), another
    name (kept as typed: someone outside the meeting), or "" for none. `due` is
    read by the date rules of `store.dates`; "" for none. A bad date refuses the
    whole edit, so nothing is half-changed.
    """
    p = _open(m, paragraph_id)
    task = _entry(p, ItemRef("task", index))
    words = _words(text)
    when = due_date(due, m)
    who, name = _owner(m, owner)
    task.text, task.owner, task.owner_name, task.due = words, who, name, when  # type: ignore[attr-defined]
    return Change("v_edited_task", _at(m, p), p.id)


def due_date(due: str, m: Meeting) -> str:
    """A due date as ISO, by the date rules of `store.dates`; "" when none is given.

    A day without its year is the next such day from the meeting's: `15/1` set
    at a meeting in November is next January (it was the January gone)."""
    if not due.strip():
        return ""
    try:
        held = dt.date.fromisoformat(m.date)
    except ValueError:  # a meeting known by its year or period only
        held = None
    return parse_date(due, ahead_of=held).isoformat()


def _owner(m: Meeting, owner: str) -> tuple[str | None, str]:
    """(attendee id, name shown) for what was typed or picked as a task's owner."""
    if m.attendee(owner) is not None:
        return owner, m.name_of(owner)
    name = " ".join(owner.split())
    same = [a for a in m.attendees if a.name.casefold() == name.casefold()]
    if name and len(same) == 1:
        return same[0].id, same[0].name
    return None, name


# --- yrkanden, beslutsgång, votes, reservations, notes, jäv ----------------------


def add_proposal(m: Meeting, paragraph_id: str, person_id: str, text: str) -> Change:
    p = _open(m, paragraph_id)
    proceedings.add_proposal(m, p, person_id, text)
    return Change("v_proposal", {**_at(m, p), "name": m.name_of(person_id)}, p.id)


def set_order(m: Meeting, paragraph_id: str, order: list[str], carried: str | None) -> Change:
    p = _open(m, paragraph_id)
    proceedings.set_order(m, p, order, carried)
    return Change("v_order", _at(m, p), p.id)


def add_vote(m: Meeting, paragraph_id: str, vote: Vote) -> Change:
    p = _open(m, paragraph_id)
    proceedings.add_vote(m, p, vote)
    return Change("v_vote", {**_at(m, p), "yes": vote.yes, "no": vote.no}, p.id)


def replace_vote(m: Meeting, paragraph_id: str, index: int, vote: Vote) -> Change:
    """A vote corrected: the whole vote, checked as a new one, in its place.

    Editing only its result's words had turned "Ja har vunnit omröstningen"
    into any text, and a second vote had been the only way to correct a count
    (a trial).
    """
    p = _open(m, paragraph_id)
    _entry(p, ItemRef("vote", index))  # refuses a vote that is not there
    proceedings.add_vote(m, p, vote, at=index)
    return Change("v_vote_replaced", {**_at(m, p), "yes": vote.yes, "no": vote.no}, p.id)


def add_reservation(
    m: Meeting,
    paragraph_id: str,
    person_id: str,
    for_proposal: str = "",
    reason: str = "",
    pending: bool = False,
) -> Change:
    p = _open(m, paragraph_id)
    proceedings.add_reservation(m, p, person_id, for_proposal, reason, pending)
    return Change("v_reservation", {**_at(m, p), "name": m.name_of(person_id)}, p.id)


def add_note(m: Meeting, paragraph_id: str, person_id: str, text: str, kind: str) -> Change:
    p = _open(m, paragraph_id)
    proceedings.add_note(m, p, person_id, text, kind)
    return Change("v_note", {**_at(m, p), "name": m.name_of(person_id)}, p.id)


def declare_jav(
    m: Meeting,
    paragraph_id: str,
    person_id: str,
    substitute_id: str | None = None,
    chair_id: str | None = None,
    note: str = "",
) -> Change:
    p = _open(m, paragraph_id)
    timeline.declare_jav(m, p, person_id, substitute_id, chair_id, note)
    return Change("v_jav", {**_at(m, p), "name": m.name_of(person_id)}, p.id)


def follow_up(m: Meeting, paragraph_id: str, followup: FollowUp) -> Change:
    """A task of an earlier meeting reported on in this §; once per task."""
    p = _open(m, paragraph_id)
    for other in m.paragraphs:
        other.followups = [f for f in other.followups if f.task != followup.task]
    p.followups.append(followup)
    return Change("v_followup", {**_at(m, p), "text": followup.text}, p.id)


def unfollow(m: Meeting, task_id: str) -> Change:
    """The follow-up of a task is taken back, wherever it was recorded."""
    _writable(m)
    where = next((p for p in m.paragraphs for f in p.followups if f.task == task_id), None)
    if where is None:
        raise StoreError("unknown_item", item=task_id)
    where.followups = [f for f in where.followups if f.task != task_id]
    return Change("v_unfollowed", _at(m, where), where.id)


# --- settings of the § -------------------------------------------------------------


def set_masked(m: Meeting, paragraph_id: str, reason: str) -> Change:
    """Masked in the publication copy for `reason`; "" shows it again."""
    p = _paragraph(m, paragraph_id)
    if m.status == "adjusted":
        raise StoreError("adjusted", meeting=m.id)
    p.masked = " ".join(reason.split())
    return Change("v_masked" if p.masked else "v_unmasked", _at(m, p), p.id)


def set_immediate(m: Meeting, paragraph_id: str, immediate: bool) -> Change:
    """Omedelbar justering of the §. Taken back only while the meeting goes on:
    once it has ended (an end time recorded) the § was signed at it."""
    _writable(m)
    p = _paragraph(m, paragraph_id)
    if p.immediate and not immediate and m.end:
        raise StoreError("adjusted_at_once_final", paragraph=label(m, p.id))
    if immediate:
        not_adjusted_at_once(m, p)
    p.immediate = immediate
    return Change("v_immediate" if immediate else "v_not_immediate", _at(m, p), p.id)


# --- one entry: edit its words, or remove it ---------------------------------------


def _entry(p: Paragraph, ref: ItemRef) -> object:
    if ref.kind not in LISTS:
        raise StoreError("unknown_item", item=ref.kind)
    items = getattr(p, LISTS[ref.kind][0])
    if not 0 <= ref.index < len(items):
        raise StoreError("unknown_item", item=f"{ref.kind} {ref.index + 1}")
    return items[ref.index]


def edit_item(m: Meeting, paragraph_id: str, ref: ItemRef, text: str) -> Change:
    """New words for an entry: a decision's or task's text, a reservation's reason …"""
    p = _open(m, paragraph_id)
    entry = _entry(p, ref)
    text = text.strip()
    if ref.kind in ("decision", "task", "proposal", "note"):
        text = _words(text)
    setattr(entry, LISTS[ref.kind][1], text)
    if ref.kind == "reservation" and text:
        entry.pending = False  # type: ignore[attr-defined]  # the written reason has come
    return Change(f"v_edited_{ref.kind}", _at(m, p), p.id)


def remove_item(m: Meeting, paragraph_id: str, ref: ItemRef) -> Change:
    """Remove an entry. A yrkande is withdrawn: kept, and no longer printed."""
    # Taking an adjustment at once or a mask back is no change of the § itself.
    if ref.kind == "immediate":
        return set_immediate(m, paragraph_id, False)
    if ref.kind == "mask":
        return set_masked(m, paragraph_id, "")
    p = _open(m, paragraph_id)
    if ref.kind == "proposal":
        proposal = _entry(p, ref)
        proceedings.withdraw(p, proposal.id)  # type: ignore[attr-defined]
        return Change("v_withdrawn", _at(m, p), p.id)
    if ref.kind == "order":
        p.order, p.carried = [], None
    elif ref.kind == "chair":
        p.chair = None
    else:
        entry = _entry(p, ref)
        if ref.kind == "jav" and entry.person == m.functions.chair:  # type: ignore[attr-defined]
            p.chair = None  # the chair chairs the § again
        items = getattr(p, LISTS[ref.kind][0])
        setattr(p, LISTS[ref.kind][0], [x for i, x in enumerate(items) if i != ref.index])
    return Change(f"v_removed_{ref.kind}", _at(m, p), p.id)
