"""What the secretary must not forget: the record checked against the rules, § by §.

The refusals in `timeline` and `proceedings` stop a wrong record from being
made; these checks find what is wrong with a record as it stands, after
attendance was edited or a protocol imported, and what is still to be done
(a written reservation, the adjustment). The application shows them while
the meeting runs; `protokoll check` prints them.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field

from .adjust import changed_since_adjusted
from .attendance import (
    chair_at,
    decided_without_quorum,
    is_member,
    present_at,
    seat_holder,
    serving,
)
from .deadlines import deadlines, immediate_deadlines
from .labels import function_word, labels
from .model import Meeting, Paragraph, Proposal, Vote, says_agreed
from .proceedings import live, outcome, proposal_title
from .render import numbers_said
from .timeline import label
from .words import Both, say

# Problems that make the record wrong; the rest are reminders.
SERIOUS = {
    "changed_since_adjusted",
    "no_archive",
    "conflict_pending",
    "no_quorum",
    "vote_mismatch",
    "tie_no_casting",
    "casting_not_chairs_vote",
    "reservation_not_participant",
    "chair_jav",
    "double_seat",
    "adjust_overdue",
    "late_adjustment",
    "late_posting",
    "late_posting_immediate",
    "no_secretary",
    "no_chair",
    "no_adjuster",
    "function_absent_check",
    "vote_result_text",
    "procedure_unknown",
    "vote_no_decision",
    "carried_no_decision",
    "proposal_no_decision",
    "no_procedure",
}
# What is missing rather than contradictory: while the meeting runs it is
# work not yet done (the justerare is elected at § 2, the decision comes
# after the yrkanden), so it is a reminder until the meeting is closed, and
# wrong only in a record that is to be signed. An imported record is as its
# document was: it is reported, not failed.
UNTIL_CLOSED = {
    "no_archive",
    "no_secretary",
    "no_chair",
    "no_adjuster",
    "vote_no_decision",
    "carried_no_decision",
    "proposal_no_decision",
    "no_procedure",
}


@dataclass
class Problem:
    key: str
    params: dict[str, object] = field(default_factory=dict)
    paragraph: str | None = None  # the § it concerns (paragraph id)
    # Found in a meeting still being written: not yet wrong (see UNTIL_CLOSED).
    reminder: bool = False

    @property
    def serious(self) -> bool:
        return self.key in SERIOUS and not self.reminder

    def text(self, lang: str = "sv") -> str:
        return say(f"checks.{self.key}", lang, **self.params)


def paragraph_problems(meeting: Meeting, paragraph_id: str) -> list[Problem]:
    p = meeting.paragraph(paragraph_id)
    if p is None or not meeting.numbered:
        return []
    where = label(meeting, p.id)
    out: list[Problem] = []
    reminder = _in_progress(meeting)

    def add(key: str, **params: object) -> None:
        params = {"paragraph": where, **params}
        out.append(Problem(key, params, p.id, reminder and key in UNTIL_CLOSED))

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
        chair = chair_at(meeting, p)
        own = next((b.vote for b in v.ballots if b.person == chair), "")
        tied = v.yes == v.no and v.casting in ("ja", "nej")
        if tied and own in ("ja", "nej") and own != v.casting:
            # Given before a chair was named, a casting vote can say the
            # opposite of the chair's own ballot (a trial): the record would
            # state a result the chair's vote does not give.
            add("casting_not_chairs_vote", casting=v.casting, own=own, name=meeting.name_of(chair))
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
    for j in p.jav:
        sub, member = meeting.attendee(j.substitute or ""), meeting.attendee(j.person)
        if sub and member and sub.party and member.party and sub.party != member.party:
            # Ersättare serve in their party's order: one of another party in
            # the seat of a member with jäv is a reminder to look (trial 18).
            add("substitute_other_party", name=sub.name, party=sub.party,
                member=member.name, member_party=member.party)  # fmt: skip
    for key, params in decision_record(meeting, p):
        add(key, **params)
    if p.votes and any(says_agreed(d.text) for d in p.decisions):
        add("agreed_after_vote")
    for task in p.tasks:
        # ISO dates compare as text; a deadline before the meeting was never one.
        if task.due and len(meeting.date) == 10 and task.due < meeting.date:
            add("due_before_meeting", task=_short(task.text), due=task.due)
    return out


def _short(text: str, words: int = 6) -> str:
    """The first words of a task, to name it in a finding."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _in_progress(meeting: Meeting) -> bool:
    """Still being written (or imported as it was): what is missing is a reminder."""
    return meeting.status in ("draft", "open") or meeting.imported


# The sides of a vote as a proposition names them: "ja för Sara Lindgrens
# yrkande, nej för Tomas Ahlgrens yrkande" (or "yes for …, no for …").
_SIDE = re.compile(r"\b(ja|nej|yes|no)\b", re.IGNORECASE)
_SIDES = {"ja": "ja", "yes": "ja", "nej": "nej", "no": "nej"}


def vote_sides(meeting: Meeting, p: Paragraph, vote: Vote) -> dict[str, Proposal]:
    """The live proposal ja stands for and the one nej stands for, from the proposition.

    {} unless each side is named once and names exactly one proposal (by
    its proposer), and not the same one: a proposition written any other way
    ("ja för förvaltningens förslag") cannot be compared, and is not guessed.
    """
    text = vote.proposition
    marks = list(_SIDE.finditer(text))
    sides = [_SIDES[m[1].casefold()] for m in marks]
    if sorted(sides) != ["ja", "nej"]:
        return {}
    out: dict[str, Proposal] = {}
    for i, m in enumerate(marks):
        segment = text[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)]
        named = [x for x in live(p) if _names(meeting, x, segment)]
        if len(named) != 1:
            return {}
        out[sides[i]] = named[0]
    return out if out["ja"] is not out["nej"] else {}


def _names(meeting: Meeting, proposal: Proposal, text: str) -> bool:
    """The proposer's name stands in `text` ("Sara Lindgrens yrkande" names Sara Lindgren)."""
    name = meeting.name_of(proposal.person)
    return bool(name) and re.search(r"(?<!\w)" + re.escape(name), text, re.IGNORECASE) is not None


def decision_record(meeting: Meeting, p: Paragraph) -> list[tuple[str, dict[str, object]]]:
    """Where the yrkanden, the beslutsgång, the votes and the decision of a § disagree.

    KL 5 kap. 67 § asks for all of them; each is entered on its own, so they
    can contradict each other: a result that names the losing side, a vote
    with no decision. A vote that goes against the chair's finding is no
    contradiction: a vote is called because a member contests the finding,
    and the protocol prints both ("… finner att … Omröstning begärs och
    verkställs.", then the result). It is said as a reminder that the
    decision follows the vote; it had been an error (trial 5).
    """
    out: list[tuple[str, dict[str, object]]] = []
    standing = {x.id for x in live(p)}
    if (p.carried is not None and p.carried not in standing) or not set(p.order) <= standing:
        out.append(("procedure_unknown", {}))
    carried = p.proposal(p.carried) if p.carried in standing else None
    lost_to: Proposal | None = None  # what beat the proposal carried in a vote
    last_winner: Proposal | None = None
    for v in p.votes:
        won = outcome(v)
        last_winner = None
        if won not in ("ja", "nej"):
            continue  # a tie without a casting vote: tie_no_casting says so
        said = {_SIDES[w.casefold()] for w in _SIDE.findall(v.result)}
        if len(said) == 1 and won not in said:
            out.append(("vote_result_text", {"result": v.result, "yes": v.yes, "no": v.no}))
        sides = vote_sides(meeting, p, v)
        if sides:
            last_winner = sides[won]
            if carried is not None and sides["nej" if won == "ja" else "ja"] is carried:
                lost_to = lost_to or last_winner

    def title_of(proposal: Proposal) -> Both:  # said later, in either language
        return Both.of(lambda lang: proposal_title(meeting, proposal, lang))

    if carried is not None:
        title = title_of(carried)
        if lost_to is not None:
            winner = title_of(lost_to)
            out.append(("vote_lost_carried", {"proposal": title, "winner": winner}))
        elif last_winner is not None and last_winner is not carried:
            # Earlier votes (kontrapropositionsvoteringar) only choose what
            # is put against the main proposal; the last one decides.
            winner = title_of(last_winner)
            out.append(("vote_not_carried", {"proposal": title, "winner": winner}))
    proposals = Both.of(lambda lang: ", ".join(proposal_title(meeting, x, lang) for x in live(p)))
    if not p.decisions:
        if p.votes:
            out.append(("vote_no_decision", {}))
        elif carried is not None:
            out.append(("carried_no_decision", {"proposal": title_of(carried)}))
        elif live(p):
            out.append(("proposal_no_decision", {"proposals": proposals}))
    elif len(live(p)) > 1 and not p.order and carried is None and not p.votes:
        out.append(("no_procedure", {"proposals": proposals}))
    return out


def function_problems(meeting: Meeting) -> list[Problem]:
    """Who is to sign: the secretary; in a protocol also the chair and the justerare.

    Without them the record prints without its signature lines.
    """
    f = meeting.functions
    missing = []
    if meeting.attendee(f.secretary) is None:
        missing.append("no_secretary")
    if meeting.numbered:
        if meeting.attendee(f.chair) is None:
            missing.append("no_chair")
        if not any(meeting.attendee(a) for a in f.adjusters):
            missing.append("no_adjuster")
    reminder = _in_progress(meeting)
    return [Problem(key, reminder=reminder) for key in missing]


def notice_problems(meeting: Meeting) -> list[Problem]:
    """What the anslag must say and the organ does not know: where the protocol
    is kept (KL 8 kap. 12 §; PROTOCOL-REFERENCE L10). The block printed an empty
    "Förvaringsplats för protokollet:", and neither check nor adjust said so
    (a trial). An import prints only what its source said."""
    if meeting.imported or not (meeting.numbered and meeting.rules.posts_notices):
        return []
    if meeting.rules.archive.strip():
        return []
    return [Problem("no_archive", reminder=_in_progress(meeting))]


def absent_signers(meeting: Meeting) -> list[Problem]:
    """Who signs was there: an absent justerare had printed under both
    Frånvarande and Justerare (trial 5). An import says what its document does."""
    f = meeting.functions
    out = []
    holders = [("chair", f.chair), ("secretary", f.secretary)]
    holders += [("adjuster", x) for x in f.adjusters]
    for function, who in holders:
        a = meeting.attendee(who)
        if a is not None and not a.present and not meeting.imported:
            params = {"name": a.name, "function": function_word(function)}
            out.append(Problem("function_absent_check", params))
    for who in f.adjusters:
        # A justerare attests the whole protocol: one recorded as arriving late
        # (or leaving) was not there for some of it, unsaid (trial 19). A reminder.
        a = meeting.attendee(who)
        if a is None or not a.present or meeting.imported:
            continue
        away = [
            p.number
            for p in meeting.paragraphs
            if p.number is not None and not present_at(a, meeting, p.id)
        ]
        if away:
            said = numbers_said(away)
            out.append(Problem("adjuster_partly_absent", {"name": a.name, "paragraphs": said}))
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
    return out + _immediate_date_problems(meeting)


def _immediate_date_problems(meeting: Meeting) -> list[Problem]:
    """The §§ adjusted at once: their own anslag, due two days after the meeting."""
    d = immediate_deadlines(meeting)
    if d is None or d.post_by is None:
        return []
    numbers = meeting.numbers_at_once()
    said = {"paragraphs": numbers_said(numbers)}
    if d.posted is None:
        return [Problem("post_due_immediate", {**said, "date": d.post_by.isoformat()})]
    if d.late_posting:
        return [Problem("late_posting_immediate", {**said, "posted": d.posted, "date": d.post_by})]
    return []


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
    lines = [f"{lab[key]}: {value}" for key, value in pairs if value is not None]
    at_once = immediate_deadlines(meeting)
    if at_once is not None:  # their own dates (L8, L10, L11)
        numbers = meeting.numbers_at_once()
        lines.append(lab["anslag_immediate"].format(paragraphs=numbers_said(numbers)) + ":")
        own = [
            ("anslag_post_by", at_once.post_by),
            ("anslag_posted", at_once.posted),
            ("anslag_appeal", at_once.appeal_until),
        ]
        lines += [f"  {lab[key]}: {value}" for key, value in own if value is not None]
    return lines


def adjustment_problems(meeting: Meeting) -> list[Problem]:
    """An adjusted protocol whose text is no longer the text adjusted (its file was
    edited): whatever else the checks find, it is not the record that was signed."""
    if changed_since_adjusted(meeting):
        return [Problem("changed_since_adjusted", {"meeting": meeting.id})]
    return []


def serious_at_close(meeting: Meeting) -> list[Problem]:
    """The errors of the §s and signers a meeting would have once closed, when
    what is missing stops being work not yet done (UNTIL_CLOSED): said before
    the secretary closes it. Who signs is said on its own (`function_problems`)."""
    closed = copy.deepcopy(meeting)
    closed.status = "closed"
    found = absent_signers(closed)
    found += [x for p in closed.paragraphs for x in paragraph_problems(closed, p.id)]
    return [x for x in found if x.serious]


def problems(meeting: Meeting, today: dt.date | None = None) -> list[Problem]:
    """Everything the checks find: whether an adjusted text still holds, who signs,
    then § by §, then the dates."""
    out = adjustment_problems(meeting) + function_problems(meeting) + absent_signers(meeting)
    out += notice_problems(meeting)
    out += [x for p in meeting.paragraphs for x in paragraph_problems(meeting, p.id)]
    return out + date_problems(meeting, today or dt.date.today())
