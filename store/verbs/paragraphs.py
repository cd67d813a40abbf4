"""The agenda and the §s: add, take, rename, move, defer, delete; the § text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..decision_place import follow
from ..errors import StoreError
from ..model import SECTION, AgendaItem, Decision, Meeting, Paragraph, new_id
from ..timeline import label
from ..words import say
from .change import Change

if TYPE_CHECKING:
    from ..followup import Pending


def _paragraph(m: Meeting, paragraph_id: str | None) -> Paragraph:
    p = m.paragraph(paragraph_id)
    if p is None:
        raise StoreError("unknown_paragraph", paragraph=paragraph_id or "")
    return p


def _item(m: Meeting, item_id: str | None) -> AgendaItem:
    item = next((i for i in m.agenda if i.id == item_id), None)
    if item is None:
        raise StoreError("unknown_item", item=item_id or "")
    return item


def _not_taken(m: Meeting, item: AgendaItem, key: str = "item_taken") -> None:
    """Refuse an item already taken as a § (the § is what is changed then),
    saying `key`: what to do in the § instead."""
    if item.paragraph is not None and m.paragraph(item.paragraph) is not None:
        raise StoreError(key, title=item.title, paragraph=label(m, item.paragraph))


def _writable(m: Meeting) -> None:
    """A closed meeting is reopened before it is changed; an adjusted one never is."""
    if m.status == "adjusted":
        raise StoreError("adjusted", meeting=m.id)
    if m.status == "closed":
        raise StoreError("closed", meeting=m.id)


def _title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise StoreError("empty_title")
    return title


# --- the agenda ----------------------------------------------------------------


def add_item(m: Meeting, title: str, after: str | None = None) -> Change:
    """A new agenda item after `after` (default: last); under a section heading
    ("Beslutsärenden:") when put after it or after an item under it, so that its
    § prints beneath that heading."""
    _writable(m)
    item = AgendaItem(new_id(), _title(title))
    ids = [i.id for i in m.agenda]
    if after in ids:
        before = m.agenda[ids.index(after)]
        item.section = before.title if before.kind == SECTION else before.section
    m.agenda.insert(ids.index(after) + 1 if after in ids else len(m.agenda), item)
    return Change("v_item_added", {"title": item.title})


def move_item(m: Meeting, item_id: str, step: int) -> Change:
    """One place up (-1) or down (+1); at either end nothing moves."""
    _writable(m)
    item = _item(m, item_id)
    i = m.agenda.index(item)
    j = i + step
    if 0 <= j < len(m.agenda):
        m.agenda[i], m.agenda[j] = m.agenda[j], m.agenda[i]
    return Change("v_item_moved", {"title": item.title})


def drop_item(m: Meeting, item_id: str) -> Change:
    """An agenda item not taken as a § struck from this meeting's agenda: the
    organ's standing agenda offered "Föregående protokoll" at its first meeting,
    no key took it away, and F2 took it as a § twice (trial 21). A heading goes
    only when no item is under it (they print beneath it); undo brings it back."""
    _writable(m)
    item = _item(m, item_id)
    _not_taken(m, item)
    if item.kind in ("previous", "followup"):
        # Planned by the follow-up of the organ's earlier meetings, which puts
        # it back whenever the meeting is opened: struck, it had come back at
        # the next start, the secretary's choice undone unsaid (my trial).
        raise StoreError("item_planned", title=item.title)
    if item.kind == SECTION and any(
        i.section == item.title for i in m.agenda if i.kind != SECTION
    ):
        raise StoreError("heading_has_items", title=item.title)
    m.agenda.remove(item)
    return Change("v_item_dropped", {"title": item.title})


def defer_item(m: Meeting, item_id: str, decision: str = "", started: str = "") -> Change:
    """Bordlägg: a decision of the meeting, so a § of its own. The item becomes
    the next § with `decision` (the phrase "Ärendet bordläggs." unless given)
    and is marked bordlagd on the agenda. It used to be only marked, and the
    protocol went from the § before to the one after without a word of it (a
    trial); undo takes it back."""
    _writable(m)
    item = _item(m, item_id)
    _not_taken(m, item, "item_taken_defer")
    added = add_paragraph(m, item.title, started=started, agenda_item=item.id)
    p = _paragraph(m, added.paragraph)
    p.decisions.append(Decision(decision.strip() or say("protocol.phrase_deferred_text", "sv")))
    item.status = "deferred"
    return Change("v_item_deferred", {"title": item.title}, p.id, renumber=added.renumber)


def next_item(m: Meeting) -> AgendaItem | None:
    """The item F2 takes: the first on the agenda not yet taken (nor deferred).

    Not the next after the current §'s item: a meeting begun at its follow-up
    item, or one where the secretary went ahead to "Beslutsärenden", had gone
    on from there and left "Mötets öppnande" and "Val av justerare" to the end
    (two trials). An item to take later is taken with Enter on it."""
    return next(
        (
            item
            for item in m.agenda
            if item.status == "pending" and not item.paragraph and item.kind != SECTION
        ),
        None,
    )


def take_item(m: Meeting, item_id: str, started: str = "", text: str = "") -> Change:
    """The agenda item becomes the next § (or its § is shown again); a section
    heading is none: its items are."""
    item = _item(m, item_id)
    if item.kind == SECTION:
        raise StoreError("item_is_section", title=item.title)
    if item.paragraph is not None and m.paragraph(item.paragraph) is not None:
        m.current = item.paragraph
        return Change("v_shown", {"paragraph": label(m, item.paragraph)}, item.paragraph)
    return add_paragraph(m, item.title, started=started, agenda_item=item.id, text=text)


# --- §s ---------------------------------------------------------------------------


def add_paragraph(
    m: Meeting,
    title: str,
    started: str = "",
    agenda_item: str | None = None,
    text: str = "",
    position: int | None = None,
    paragraph_id: str | None = None,
) -> Change:
    """A new § (last, or at `position`), numbered by the store; it becomes the current one."""
    _writable(m)
    item = _item(m, agenda_item) if agenda_item else None
    p = Paragraph(
        id=paragraph_id or new_id(),
        title=_title(title),
        started=started,
        agenda_item=agenda_item,
        text=text,
    )
    m.paragraphs.insert(len(m.paragraphs) if position is None else position, p)
    fixed = m.fixed_numbers and m.numbered
    if fixed:
        p.number = max(m.numbers(), default=0) + 1
    for other in m.agenda:
        if other.status == "current":
            other.status = "done"
    if item is not None:
        item.paragraph, item.status = p.id, "current"
    if m.status == "draft":
        m.status = "open"
    m.current = p.id
    return Change("v_paragraph_added", {"title": p.title}, p.id, renumber=not fixed)


def not_adjusted_at_once(m: Meeting, p: Paragraph) -> Paragraph:
    """`p`, unless it was adjusted at once (omedelbar justering): its words,
    entries and number are then the ones signed, and change no more. A trial
    reopened a meeting and changed such a § unsaid, and its extract still
    read "Paragrafen justerades omedelbart"."""
    if p.immediate:
        raise StoreError("adjusted_at_once", paragraph=label(m, p.id))
    return p


def rename_paragraph(m: Meeting, paragraph_id: str, title: str) -> Change:
    """A new title; the agenda item it came from takes the same one."""
    _writable(m)
    p = not_adjusted_at_once(m, _paragraph(m, paragraph_id))
    old, p.title = p.title, _title(title)
    for item in m.agenda:
        if item.id == p.agenda_item or item.paragraph == p.id:
            item.title = p.title
    return Change("v_renamed", {"old": old, "title": p.title}, p.id)


def delete_paragraph(m: Meeting, paragraph_id: str) -> Change:
    """The § goes, with everything in it; its agenda item is pending again."""
    _writable(m)
    p = not_adjusted_at_once(m, _paragraph(m, paragraph_id))
    where = label(m, p.id)
    i = m.paragraphs.index(p)
    m.paragraphs.remove(p)
    for item in m.agenda:
        if item.paragraph == p.id:
            item.paragraph, item.status = None, "pending"
    after = m.paragraphs[i].id if i < len(m.paragraphs) else None
    before = m.paragraphs[i - 1].id if i > 0 else None
    only_present: list[str] = []  # present at no § that is left
    only_served: list[str] = []
    for a in m.attendees:
        # Presence recorded at the § moves to its neighbour: an arrival to the §
        # after it, a departure to the § before. With no neighbour there the
        # person was at none of the §s left; None would have said the whole
        # meeting (a late arrival at the last §, deleted, became present from
        # the start and counted in the votes before: a trial).
        if a.arrived == p.id:
            a.arrived = after
            if after is None and a.present:
                a.present = False
                only_present.append(a.name)
        if a.left == p.id:
            a.left = before
            if before is None and a.present:
                a.present, a.arrived = False, None
                only_present.append(a.name)
        if a.serves_from == p.id:
            a.serves_from = after
            if after is None and a.replaces:
                a.replaces, a.serves_until = None, None
                only_served.append(a.name)
        if a.serves_until == p.id:
            a.serves_until = before
            if before is None and a.replaces:
                a.replaces, a.serves_from = None, None
                only_served.append(a.name)
    if m.current == p.id:
        m.current = m.paragraphs[min(i, len(m.paragraphs) - 1)].id if m.paragraphs else None
    key = "v_paragraph_deleted"
    if only_present or only_served:
        key += "_present" if only_present else "_served"
        key += "_served" if only_present and only_served else ""
    names = {"present": ", ".join(only_present), "served": ", ".join(only_served)}
    return Change(
        key,
        {"paragraph": where, "title": p.title, **names},
        m.current,
        renumber=not m.fixed_numbers,
    )


def move_paragraph(m: Meeting, paragraph_id: str, position: int) -> Change:
    _writable(m)
    p = not_adjusted_at_once(m, _paragraph(m, paragraph_id))
    if m.fixed_numbers:
        raise StoreError("fixed_numbers", meeting=m.id)
    m.paragraphs.remove(p)
    m.paragraphs.insert(max(0, min(position, len(m.paragraphs))), p)
    return Change("v_paragraph_moved", {"title": p.title}, p.id, renumber=True)


def set_text(m: Meeting, paragraph_id: str, text: str) -> Change:
    """The § text as typed (the editor's own undo covers it)."""
    _writable(m)
    p = _paragraph(m, paragraph_id)
    if text != p.text:  # the same text again (a save of an unchanged §) is no change
        not_adjusted_at_once(m, p)
    # An imported §'s decisions stay before the paragraph they stood before.
    p.decisions_after = follow(p.text, text, p.decisions_after)
    p.text = text
    return Change("v_text", {}, paragraph_id)


def set_current(m: Meeting, paragraph_id: str | None) -> Change:
    """The § being written: reopening the meeting returns to it."""
    if paragraph_id is not None:
        _paragraph(m, paragraph_id)
    m.current = paragraph_id
    return Change("v_shown", {"paragraph": label(m, paragraph_id)}, paragraph_id)


def plan_followups(m: Meeting, state: Pending, lang: str = "sv") -> Change:
    """Agenda items for the earlier protocol and the open tasks, once, when the meeting opens."""
    from ..followup import add_items  # it reads the store, which runs these verbs

    _writable(m)
    added = add_items(m, state, lang)
    return Change("v_followups_planned" if added else "v_text", {})
