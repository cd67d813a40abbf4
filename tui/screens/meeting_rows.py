"""The rows of the meeting screen's lists, made from the meeting: pure functions.

Each row is (what it stands for, its text); the text is data, never markup.
"""

from __future__ import annotations

import datetime as dt
import os

from protokoll.store import Meeting, Paragraph
from protokoll.store.attendance import present_at
from protokoll.store.followup import Pending
from protokoll.store.model import SECTION
from protokoll.store.proceedings import PERSONAL_NOTES
from protokoll.store.verbs import ItemRef

from ..i18n import t
from ..widgets.shown import fit
from .followup import AgendaRow, previous_rows, task_rows

# The Linux console font has no check marks or triangles.
if os.environ.get("TERM") == "linux":
    MARKS = {
        "present": "+",
        "absent": "-",
        "done": "x",
        "current": ">",
        "pending": ".",
        "deferred": "b",
    }
else:
    MARKS = {
        "present": "✓",
        "absent": "·",
        "done": "✓",
        "current": "▶",
        "pending": "·",
        "deferred": "⏸",
    }


def now_hhmm() -> str:
    """The clock as a § records when it started: `13:05`."""
    return dt.datetime.now().strftime("%H:%M")


def _first_line(text: str) -> str:
    return " ".join(text.split())


def attendance_rows(m: Meeting, shown: str | None, width: int) -> list[tuple[str, str]]:
    """One row per person: mark, name, and flags (O S J E, 12→, →14, and jäv
    in the § shown)."""
    f = m.functions
    p_shown = m.paragraph(shown)
    # Jäv in the § shown: the member had stood there as plainly present while
    # the quorum in the top bar went down by one (a trial).
    jav = {j.person for j in p_shown.jav} if p_shown is not None else set()
    rows = []
    for a in m.attendees:
        flags = []
        if f.chair == a.id:
            flags.append("O")
        if f.secretary == a.id:
            flags.append("S")
        if a.id in f.adjusters:
            flags.append("J")
        if a.replaces:
            # From and to which § (`E2→`, `E→5`): a bare E did not say that
            # the ersättare began at § 2, where a leaving member shows →1 (a trial).
            p_from, p_until = m.paragraph(a.serves_from), m.paragraph(a.serves_until)
            since = f"{p_from.number or ''}" if p_from is not None else ""
            until = f"{p_until.number or ''}" if p_until is not None else ""
            if since and until:
                flags.append(f"E{since}–{until}")
            else:
                flags.append("E" + (f"{since}→" if since else f"→{until}" if until else ""))
        p_arr, p_left = m.paragraph(a.arrived), m.paragraph(a.left)
        if p_arr is not None:
            flags.append(f"{p_arr.number or ''}→")
        if p_left is not None:
            flags.append(f"→{p_left.number or ''}")
        if a.id in jav:
            flags.append("jäv")
        here = present_at(a, m, shown) if a.present else False
        mark = MARKS["present"] if here else MARKS["absent"]
        suffix = " ".join(flags)
        name = fit(a.name, width - len(suffix) - 3)
        rows.append((a.id, f"{mark} {name:<{width - len(suffix) - 3}} {suffix}".rstrip()))
    return rows


def agenda_rows(
    m: Meeting, pending: Pending, reading: bool = False
) -> list[tuple[AgendaRow, str]]:
    """The items, with the open tasks and the previous protocol beneath theirs;
    `reading`: those are still being read, and a row beneath says so (in a
    large archive that first reading can take seconds, and an empty follow-up
    looked like one with nothing open)."""
    rows: list[tuple[AgendaRow, str]] = []
    told = False
    for item in m.agenda:
        if item.kind == SECTION:  # a heading, not an item: never a § of its own
            rows.append((AgendaRow(item=item.id, section=True), f"{item.title}:"))
            continue
        p = m.paragraph(item.paragraph)
        number = f"{p.number} " if p and p.number is not None else ""
        mark = MARKS.get(item.status, "·")
        rows.append((AgendaRow(item=item.id), f"{mark} {number}{item.title}"))
        if item.kind == "followup":
            beneath = task_rows(pending.tasks, m, pending.more, item.id)
        elif item.kind == "previous" and item.paragraph is None:
            beneath = previous_rows(pending.previous, item)
        else:
            continue
        if reading:
            beneath = [(AgendaRow(item=item.id, info=True), f"   {t('pending_reading')}")]
            told = True
        rows += beneath
    if reading and not told and m.agenda:
        # No item for them yet: they are planned once read.
        rows.append((AgendaRow(item=m.agenda[-1].id, info=True), f"  {t('pending_reading')}"))
    return rows


def log_rows(m: Meeting, shown: str | None) -> list[tuple[str, str]]:
    """The §s, each with its first decision or the start of its text."""
    rows = []
    for i, p in enumerate(m.paragraphs):
        head = f"§ {p.number}" if p.number is not None else f"{i + 1}."
        gist = p.decisions[0].text if p.decisions else _first_line(p.text)
        mark = "▶ " if p.id == shown else "  "
        rows.append((p.id, f"{mark}{head} {p.title}" + (f" — {gist}" if gist else "")))
    return rows


def item_rows(m: Meeting, p: Paragraph) -> list[tuple[ItemRef, str]]:
    """What is recorded in the §, each row naming its entry by an ItemRef."""
    rows = [
        (ItemRef("decision", i), f"{t('a_decision')}: {d.text}") for i, d in enumerate(p.decisions)
    ]
    for i, task in enumerate(p.tasks):
        owner = m.name_of(task.owner) or task.owner_name
        due = f" ({task.due})" if task.due else ""
        rows.append((ItemRef("task", i), f"{t('a_task')}: {owner} — {task.text}{due}"))
    for i, x in enumerate(p.proposals):
        # Withdrawn said first: at 80 columns the end of the row is cut off.
        gone = f" ({t('withdrawn')})" if x.withdrawn else ""
        rows.append(
            (
                ItemRef("proposal", i),
                f"{t('a_proposal')}{gone}: {m.name_of(x.person)} — {x.text}",
            )
        )
    if p.order or p.carried:
        put = " → ".join(m.name_of(x.person) for i in p.order if (x := p.proposal(i)))
        won = p.proposal(p.carried) if p.carried else None
        # Which the chair found carried, first: two rows had read alike where
        # the printed text said otherwise (a trial), and the end is cut off.
        carried = t("order_carried", name=m.name_of(won.person)) + " · " if won else ""
        rows.append((ItemRef("order"), f"{t('a_order')}: {carried}{put}"))
    for i, v in enumerate(p.votes):
        rows.append(
            (
                ItemRef("vote", i),
                f"{t('a_vote')}: {t('d_yes')} {v.yes}, {t('d_no')} {v.no}, "
                f"{t('d_abstain')} {v.abstain}",
            )
        )
    for i, r in enumerate(p.reservations):
        waiting = f" ({t('pending')})" if r.pending and not r.reason else ""
        rows.append(
            (ItemRef("reservation", i), f"{t('a_reservation')}: {m.name_of(r.person)}{waiting}")
        )
    for i, j in enumerate(p.jav):
        instead = f" → {m.name_of(j.substitute)}" if j.substitute else ""
        rows.append((ItemRef("jav", i), f"{t('a_jav')}: {m.name_of(j.person)}{instead}"))
    if p.chair:
        rows.append((ItemRef("chair"), f"{t('chair')}: {m.name_of(p.chair)}"))
    for i, n in enumerate(p.notes):
        kind = t(f"kind_{n.kind}") if n.kind in PERSONAL_NOTES else t("a_note")
        rows.append((ItemRef("note", i), f"{kind}: {m.name_of(n.person)} — {n.text}"))
    for i, f in enumerate(p.followups):
        state = t("f_done") if f.done else t("f_open")
        rows.append((ItemRef("followup", i), f"{t('followup')}: {f.owner} — {f.text}: {state}"))
    if p.immediate:
        rows.append((ItemRef("immediate"), t("a_immediate")))
    if p.masked:
        rows.append((ItemRef("mask"), t("masked", reason=p.masked)))
    return rows
