"""Stores to start the program with: it opens straight into what a test needs."""

from __future__ import annotations

from pathlib import Path

from protokoll.store import Store, verbs

from ..conftest import ROSTER, copy_examples

AGENDA = ["Information", "Ekonomi", "Verksamhetsplan", "Övriga frågor", "Nästa möte"]


def meeting_in_progress(
    path: Path, text: str = "", agenda: list[str] = AGENDA, present: bool = False
) -> str:
    """A store whose one meeting is open at § 1, the first agenda item, with
    `text`; everyone present if `present`. The program opens straight into
    the meeting screen. Returns the meeting's id."""
    store = Store(path)
    organ = store.add_organ("Arbetsutskottet", "Förbundet", roster=ROSTER)
    s = store.create_meeting(organ.id, "2026-01-15", start="13:00", agenda=agenda)
    s.meeting.status = "open"
    editor = s.editor(history=False)
    if present:
        for a in s.meeting.attendees:
            editor.do(verbs.set_present, a.id, True)
    p = s.add_paragraph(agenda[0], agenda_item=s.meeting.agenda[0].id)
    if text:
        editor.do(verbs.set_text, p.id, text)
    s.close()
    return s.meeting.id


def long_agenda(n: int = 40) -> list[str]:
    """Enough agenda items that F2 always has a next one to take."""
    return [*AGENDA, *(f"Punkt {i}" for i in range(len(AGENDA) + 1, n + 1))]


def examples(path: Path) -> Path:
    """The example store: no meeting in progress, so the program opens the start screen."""
    return copy_examples(path)


def paragraphs(path: Path, meeting_id: str) -> list[tuple[str, str, list[str]]]:
    """Each § as (title, text, decisions), as on disk."""
    m = Store(path).load(meeting_id)
    return [(p.title, p.text, [d.text for d in p.decisions]) for p in m.paragraphs]
