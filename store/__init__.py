"""protokoll's store: the domain, persistence, numbering and rendering.

Usable without the terminal application; nothing here imports Textual.
"""

from .dates import parse_date, parse_time, parse_time_range, parse_when
from .errors import LockedError, StoreError, ValueProblem
from .model import (
    AgendaItem,
    Attendee,
    Ballot,
    Decision,
    Functions,
    Jav,
    Meeting,
    Note,
    Organ,
    Paragraph,
    Person,
    Reservation,
    Task,
    Vote,
)
from .render import render_text
from .render_md import render_markdown
from .store import MeetingSession, Store, default_path

__all__ = [
    "AgendaItem",
    "Attendee",
    "Ballot",
    "Decision",
    "Functions",
    "Jav",
    "LockedError",
    "Meeting",
    "MeetingSession",
    "Note",
    "Organ",
    "Paragraph",
    "Person",
    "Reservation",
    "Store",
    "StoreError",
    "Task",
    "ValueProblem",
    "Vote",
    "default_path",
    "parse_date",
    "parse_time",
    "parse_time_range",
    "parse_when",
    "render_markdown",
    "render_text",
]
