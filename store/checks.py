"""What the secretary must not forget: the record checked against the rules, § by §.

The refusals in `timeline` and `proceedings` stop a wrong record from being
made; these checks find what is wrong with a record as it stands, after
attendance was edited or a protocol imported, and what is still to be done
(a written reservation, the adjustment). The application shows them while
the meeting runs; `protokoll check` prints them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .attendance import (
    chair_at,
    decided_without_quorum,
    is_member,
    present_at,
    seat_holder,
    serving,
)
from .deadlines import deadlines
from .labels import labels
from .model import Meeting
from .timeline import label

MESSAGES: dict[str, tuple[str, str]] = {
    "no_quorum": (
        "{paragraph}: beslut utan beslutförhet ({serving} av {seats} ledamöter tjänstgör)",
        "{paragraph}: a decision without quorum ({serving} of {seats} members serving)",
    ),
    "vote_mismatch": (
        "{paragraph}: omröstningen räknar {votes} röster men {serving} tjänstgör",
        "{paragraph}: the vote counts {votes} votes but {serving} are serving",
    ),
    "tie_no_casting": (
        "{paragraph}: lika röstetal utan ordförandens utslagsröst",
        "{paragraph}: a tie without the chair's casting vote",
    ),
    "reservation_not_participant": (
        "{paragraph}: {name} reserverar sig men tjänstgör inte i paragrafen",
        "{paragraph}: {name} enters a reservation but is not serving in the §",
    ),
    "reservation_pending": (
        "{paragraph}: skriftlig reservation från {name} ska lämnas senast vid justeringen",
        "{paragraph}: the written reservation from {name} is due by the adjustment",
    ),
    "chair_jav": (
        "{paragraph}: ordföranden {name} har jäv; ange vem som leder paragrafen",
        "{paragraph}: the chair {name} has jäv; name who chairs the §",
    ),
    "double_seat": (
        "{paragraph}: både {name} och ersättaren {substitute} tjänstgör på samma plats",
        "{paragraph}: both {name} and the substitute {substitute} serve in the same seat",
    ),
    "adjust_due": (
        "protokollet ska justeras senast {date}",
        "the protocol is to be adjusted by {date}",
    ),
    "adjust_overdue": (
        "protokollet skulle ha justerats senast {date}",
        "the protocol should have been adjusted by {date}",
    ),
    "late_adjustment": (
        "justerat {adjusted}, efter sista dag {date}",
        "adjusted {adjusted}, after the last day {date}",
    ),
    "post_due": (
        "anslaget ska sättas upp senast {date}",
        "the notice is to be posted by {date}",
    ),
    "late_posting": (
        "anslaget sattes upp {posted}, efter sista dag {date}",
        "the notice was posted {posted}, after the last day {date}",
    ),
}

# Problems that make the record wrong; the rest are reminders.
SERIOUS = {
    "no_quorum",
    "vote_mismatch",
    "tie_no_casting",
    "reservation_not_participant",
    "chair_jav",
    "double_seat",
    "adjust_overdue",
    "late_adjustment",
    "late_posting",
}


@dataclass
class Problem:
    key: str
    params: dict[str, object] = field(default_factory=dict)
    paragraph: str | None = None  # the § it concerns (paragraph id)

    @property
    def serious(self) -> bool:
        return self.key in SERIOUS

    def text(self, lang: str = "sv") -> str:
        sv, en = MESSAGES[self.key]
        return (en if lang == "en" else sv).format(**self.params)


def paragraph_problems(meeting: Meeting, paragraph_id: str) -> list[Problem]:
    p = meeting.paragraph(paragraph_id)
    if p is None or not meeting.numbered:
        return []
    where = label(meeting, p.id)
    out: list[Problem] = []

    def add(key: str, **params: object) -> None:
        out.append(Problem(key, {"paragraph": where, **params}, p.id))

    taking_part = serving(meeting, p.id)
    ids = {a.id for a in taking_part}
    lacking = decided_without_quorum(meeting, p)
    if lacking is not None:
        add("no_quorum", serving=lacking[0], seats=lacking[1])
    for v in p.votes:
        if v.yes + v.no + v.abstain != len(taking_part):
            add("vote_mismatch", votes=v.yes + v.no + v.abstain, serving=len(taking_part))
        if v.yes == v.no and v.casting not in ("ja", "nej"):
            add("tie_no_casting")
    for r in p.reservations:
        if r.person not in ids:
            add("reservation_not_participant", name=meeting.name_of(r.person))
        elif r.pending and not r.reason and meeting.adjustment is None:
            add("reservation_pending", name=meeting.name_of(r.person))
    chair = meeting.functions.chair
    if chair and any(j.person == chair for j in p.jav) and chair_at(meeting, p) == chair:
        add("chair_jav", name=meeting.name_of(chair))
    for a in meeting.attendees:
        if is_member(a) and present_at(a, meeting, p.id):
            holder = seat_holder(meeting, a.id, p.id)
            if holder is not None:
                add("double_seat", name=a.name, substitute=holder.name)
    return out


def date_problems(meeting: Meeting, today: dt.date) -> list[Problem]:
    if not meeting.numbered or meeting.imported:
        return []
    d = deadlines(meeting)
    out = []
    if d.adjusted is None and d.adjust_by is not None and meeting.status != "draft":
        key = "adjust_overdue" if today > d.adjust_by else "adjust_due"
        out.append(Problem(key, {"date": d.adjust_by.isoformat()}))
    if d.late_adjustment:
        out.append(Problem("late_adjustment", {"adjusted": d.adjusted, "date": d.adjust_by}))
    if d.post_by and d.posted is None:
        out.append(Problem("post_due", {"date": d.post_by.isoformat()}))
    if d.late_posting:
        out.append(Problem("late_posting", {"posted": d.posted, "date": d.post_by}))
    return out


def date_lines(meeting: Meeting, lang: str = "sv") -> list[str]:
    """`Justeras senast: 2026-12-07` and the other legal dates that are known."""
    lab = labels(lang)
    d = deadlines(meeting)
    pairs = [
        ("anslag_meeting", d.meeting),
        ("check_adjust_by", d.adjust_by),
        ("anslag_adjusted", d.adjusted),
        ("anslag_post_by", d.post_by),
        ("anslag_posted", d.posted),
        ("anslag_appeal", d.appeal_until),
    ]
    return [f"{lab[key]}: {value}" for key, value in pairs if value is not None]


def problems(meeting: Meeting, today: dt.date | None = None) -> list[Problem]:
    """Everything the checks find, § by § and then the dates."""
    out = [x for p in meeting.paragraphs for x in paragraph_problems(meeting, p.id)]
    return out + date_problems(meeting, today or dt.date.today())
