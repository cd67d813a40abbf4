"""What the reader of a protocol's head found: the Header it fills in."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Attendee
from ..words import Both
from .source import Line


@dataclass
class Undivided:
    """A list of people present under a heading that gives no category."""

    line: int
    heading: str  # as written: `Närvarande`
    people: list[Attendee] = field(default_factory=list)


@dataclass
class Header:
    kind: str = ""  # as the heading says; "" when it does not
    organ: str = ""
    organisation: str = ""
    date: str = ""
    period: str = ""
    heading_date: tuple[str, str, int] | None = None  # (iso, as written, line)
    start: str = ""
    end: str = ""
    place: str = ""
    declared: tuple[str, int] | None = None  # "§§ 1-8", line
    functions: dict[str, list[tuple[str, int]]] = field(
        default_factory=lambda: {"chair": [], "secretary": [], "adjusters": []}
    )
    presence: list[tuple[Attendee, int | None, int | None, int]] = field(default_factory=list)
    # Lists that do not say who decided (a plain `Närvarande`): the heading's
    # line and words, and the people under it (counted as beslutande).
    undivided: list[Undivided] = field(default_factory=list)
    # Ersättare under a heading that does not say whether they served
    # (`Ersättare`): printed under it, not as "ej tjänstgörande".
    service_unsaid: list[Undivided] = field(default_factory=list)
    # (ersättare, för, its § range, line)
    replacing: list[tuple[Attendee, str, tuple[int | None, int | None], int]] = field(
        default_factory=list
    )
    intro: list[Line] = field(default_factory=list)
    # (line, the words it gave to fields): what the fields took in.
    consumed: list[tuple[int, str]] = field(default_factory=list)
    persons: dict[int, list[str]] = field(default_factory=dict)  # line: the people it names
    parties: dict[str, str] = field(default_factory=dict)  # `Marcus Schön (M)` in a field
    said_as: dict[str, str] = field(default_factory=dict)  # `Mötessekreterare: X`: X's title
    guesses: set[int] = field(default_factory=set)  # lines read by a guess
    said_adjusted: bool = False  # "Protokollet är justerat."
    # (line, the line as written, why it is no date): a date field that does
    # not read, so that a file without any other date says so, not "no date"
    bad_date: tuple[int, str, Both] | None = None
    title_line: int | None = None  # `Protokoll fört vid …`: where the organ is looked for
    posted: str = ""
    archive: str = ""
