"""The finished protocol, as plain text and as Markdown.

`blocks` turns a meeting into a neutral outline (what is said, in what
order); `to_text` and `to_markdown` lay that outline out. Both are pure and
deterministic: the same meeting gives the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import textwrap
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

from .attendance import (
    decided_without_quorum,
    ever_serves,
    jav_paragraphs,
    jav_service,
    present_at,
    serving,
)
from .dates import format_time_range
from .deadlines import deadlines, immediate_deadlines
from .decision_place import around
from .labels import attendance_labels, join_names, labels, organ_title
from .model import NOTE_KINDS, Attendee, FollowUp, Meeting, Paragraph, Vote
from .numbering import span
from .proceedings import live, outcome, proposal_title
from .safe_text import safe, safe_line


@dataclass
class Block:
    """One piece of the outline.

    kind: title, line, fields, group, heading, paragraph, section, text, signatures, note.
    """

    kind: str
    label: str = ""
    items: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)
    # A § under an agenda's section heading (its item carries the section):
    # a level below that heading where the output has levels (Markdown).
    nested: bool = False


def name_party(a: Attendee) -> str:
    """`Anna Berg (S)`."""
    return a.name + (f" ({a.party})" if a.party else "")


def serving_name(meeting: Meeting, p: Paragraph, a: Attendee, lang: str) -> str:
    """`Olof Berglund (M), för Gunilla Persson`: one who serves in the §, as a roll lists them."""
    member = next((j.person for j in p.jav if j.substitute == a.id), None) or a.replaces
    if member is None:
        return name_party(a)
    return f"{name_party(a)}, {labels(lang)['for']} {meeting.name_of(member)}"


def person_line(a: Attendee, meeting: Meeting, lang: str) -> str:
    """`Name (S), Organisation, title`, with what is known and partial presence."""
    lab = labels(lang)
    parts = [name_party(a)] + [x for x in (a.organisation, a.title) if x]
    service = ""
    if a.replaces and a.present:
        service = range_text(meeting, a.serves_from, a.serves_until, lang)
        serves = f"{lab['for']} {meeting.name_of(a.replaces)}"
        parts.append(f"{serves} {service}" if service else serves)
    for member, p in jav_service(a, meeting):
        parts.append(f"{lab['for']} {meeting.name_of(member)} {_label_of(meeting, p.id)}")
    presence = presence_range(a, meeting, lang)
    # An ersättare who came to serve from § 112 was there from § 112: said
    # once ("för Göran Sjöberg fr o m § 112, fr o m § 112" in a trial).
    if presence and (presence != service or generation() < 2):
        parts.append(presence)
    absent = [_label_of(meeting, p.id) for p in jav_paragraphs(a, meeting)]
    if absent and a.present:
        word = lab["not_voting_in" if _jav_is_not_voting(meeting) else "not_in"]
        parts.append(f"{word} {_join_labels(absent)}")
    if a.note:
        parts.append(a.note)
    return ", ".join(parts)


def _jav_is_not_voting(meeting: Meeting) -> bool:
    """Whether jäv here is not voting (a förening's stämma) rather than leaving."""
    return meeting.rules.profile == "forening" and generation() >= 10


def _label_of(meeting: Meeting, paragraph_id: str | None) -> str:
    p = meeting.paragraph(paragraph_id)
    if p is None:
        return ""
    if p.number is not None:
        return f"§ {p.number}"
    return f"{meeting.paragraphs.index(p) + 1}"


def _join_labels(marks: list[str]) -> str:
    """`§ 18`, `§§ 18, 20`."""
    if len(marks) == 1 or not all(m.startswith("§ ") for m in marks):
        return ", ".join(marks)
    return "§§ " + ", ".join(m.removeprefix("§ ") for m in marks)


def presence_range(a: Attendee, meeting: Meeting, lang: str) -> str:
    return range_text(meeting, a.arrived, a.left, lang)


def range_text(meeting: Meeting, first: str | None, last: str | None, lang: str) -> str:
    """`fr o m § 16`, `t o m § 15`, `§§ 3–5`, or "" for the whole meeting."""
    lab = labels(lang)
    arrived, left = _label_of(meeting, first), _label_of(meeting, last)
    if arrived and left:
        if arrived == left:
            return arrived
        first, last = arrived.removeprefix("§ "), left.removeprefix("§ ")
        return f"§§ {first}–{last}" if arrived.startswith("§") else f"{first}–{last}"
    if arrived:
        return f"{lab['from']} {arrived}"
    if left:
        return f"{lab['until']} {left}"
    return ""


def paragraph_mark(meeting: Meeting, p: Paragraph) -> str:
    """`§ 12`, or `3.` for an item of unnumbered notes; an import's mark as written."""
    if p.mark and meeting.imported:
        return p.mark
    if p.number is not None:
        return f"§ {p.number}"
    return f"{meeting.paragraphs.index(p) + 1}."


def paragraph_heading(meeting: Meeting, p: Paragraph) -> str:
    return f"{paragraph_mark(meeting, p)}  {p.title}"


def _attendance(meeting: Meeting, lang: str) -> list[Block]:
    lab = attendance_labels(meeting.rules.attendance, lang)
    groups: dict[str, list[str]] = {
        "beslutande": [],
        "ersattare": [],
        "ersattare_ej": [],
        "ovriga": [],
        "absent": [],
    }
    own: dict[str, list[str]] = {}
    for a in meeting.attendees:
        line = person_line(a, meeting, lang)
        if not a.present:
            if a.role == "ledamot":
                groups["absent"].append(line)
            continue
        heading = present_heading(meeting, a, lang)
        if heading:
            own.setdefault(heading, []).append(line)
        elif a.category == "ersattare" or a.role == "ersattare":
            serves = ever_serves(a, meeting)
            groups["ersattare" if serves else "ersattare_ej"].append(line)
            idle = _idle(a, meeting) if serves and generation() >= 8 else ""
            if idle:  # there, not serving, in the other §§: said, with which
                groups["ersattare_ej"].append(f"{name_party(a)}, {idle}")
        else:
            groups[a.category if a.category in groups else "ovriga"].append(line)
    out = [Block("group", lab[key], items) for key, items in groups.items() if items]
    at = 1 if groups["beslutande"] else 0  # after those the source said decided
    out[at:at] = [Block("group", heading, items) for heading, items in own.items()]
    return out


def _idle(a: Attendee, meeting: Meeting) -> str:
    """The §§ an ersättare who served in others was there without serving, as
    runs (`§§ 141–144, 146–149`), or "" where there are none."""
    idle = [
        p
        for p in meeting.paragraphs
        if present_at(a, meeting, p.id) and a not in serving(meeting, p.id)
    ]
    if not idle:
        return ""
    if all(p.number is not None for p in idle):
        return numbers_said([p.number for p in idle if p.number is not None])
    return _join_labels([_label_of(meeting, p.id) for p in idle])  # unnumbered notes


def present_heading(meeting: Meeting, a: Attendee, lang: str) -> str:
    """The heading of the imported list that named `a` only as present, or "".

    Printed above them instead of "Beslutande" (or "Ersättare, ej
    tjänstgörande"), which the source did not say; once the secretary has
    put them in another category, or they serve, that is said.
    """
    if a.category == "ersattare" and ever_serves(a, meeting):
        return ""  # serving in some §: that is said, whatever the source's heading
    if a.category not in ("beslutande", "ersattare"):
        return ""
    for x in meeting.present_only:
        if a.id in x.people:
            return x.heading or labels(lang)["present_only"]
    return ""


def _functions(meeting: Meeting, lang: str) -> Block:
    lab = labels(lang)
    f = meeting.functions
    pairs = []
    if f.chair:
        chair = lab["chair_elected" if meeting.rules.chair_elected else "chair"]
        pairs.append((chair, meeting.name_of(f.chair)))
    if f.secretary:
        pairs.append((lab["secretary"], meeting.name_of(f.secretary)))
    adjusters = [meeting.name_of(a) for a in f.adjusters]
    if adjusters:
        pairs.append((lab["adjusters"], join_names(adjusters, lang)))
    return Block("fields", pairs=pairs)


def _says(title: str, label: str) -> bool:
    """Whether a § title is the label itself ("Uppföljning av uppdrag")."""
    return " ".join(title.split()).casefold().rstrip(".:") == label.casefold()


def followup_line(f: FollowUp, lang: str) -> str:
    """`Owner: what (from § 10, 2025-04-10): done. Note`"""
    lab = labels(lang)
    where = f"§ {f.number}" if f.number is not None else f.meeting
    line = f"{f.owner}: {f.text}" if f.owner else f.text
    line += f" ({lab['followup_from'].format(where=where, date=f.date)}): "
    line += lab["followup_done"] if f.done else lab["followup_open"]
    return line + "." + (f" {f.note}" if f.note else "")


def organ_noun(meeting: Meeting, lang: str = "sv") -> str:
    """`nämnden` in running text; a name that starts with an acronym keeps its case.

    An organ whose decisions are the meeting's ("Mötet beslutade att", a
    förening's stämma) is "mötet": a årsmöte's beslutsgång had read "finner att
    årsmöte beslutar" (a trial)."""
    if generation() >= 4 and "{organ}" not in meeting.rules.decision:
        return labels(lang)["the_meeting"]
    name = meeting.organ or labels(lang)["the_meeting"]
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _jav_lines(meeting: Meeting, p: Paragraph, lang: str) -> list[str]:
    lab = labels(lang)
    lines = []
    text = "jav_text_vote" if _jav_is_not_voting(meeting) else "jav_text"
    for j in p.jav:
        line = lab[text].format(name=meeting.name_of(j.person)) + "."
        if j.note:  # the reason, which speaks of the person with jäv
            line += f" {j.note}"
        if j.substitute:
            line += " " + lab["jav_substitute"].format(
                name=meeting.name_of(j.substitute), member=meeting.name_of(j.person)
            )
        lines.append(line)
    if p.chair:
        lines.append(lab["paragraph_chair"].format(name=meeting.name_of(p.chair)))
    return lines


def _proposal_lines(meeting: Meeting, p: Paragraph) -> list[str]:
    lines = []
    for x in live(p):
        a = meeting.attendee(x.person)
        who = name_party(a) if a else ""
        lines.append(f"{who}: {x.text}" if who else x.text)
    return lines


def _procedure(meeting: Meeting, p: Paragraph, lang: str) -> list[str]:
    """The beslutsgång as one sentence, from the order the chair put the proposals."""
    lab = labels(lang)
    put = [p.proposal(i) for i in p.order]
    titles = [proposal_title(meeting, x, lang) for x in put if x is not None]
    carried = p.proposal(p.carried)
    if not titles and carried is None:
        return []
    if not titles:
        titles = [proposal_title(meeting, carried, lang)]  # type: ignore[arg-type]
    past = meeting.rules.profile == "forening" and generation() >= 11
    line = lab["put_past" if past else "put"].format(proposals=join_names(titles, lang))
    if carried is not None:
        line += " " + lab["finds_past" if past else "finds"].format(
            organ=organ_noun(meeting, lang), proposal=proposal_title(meeting, carried, lang)
        )
    lines = [line + "."]
    if p.votes:
        asked = not (meeting.rules.profile == "forening" and generation() >= 11)
        lines.append(lab["vote_asked" if asked else "vote_taken"])
    return lines


def _vote_lines(meeting: Meeting, p: Paragraph, v: Vote, lang: str) -> list[str]:
    lab = labels(lang)
    lines = []
    if v.proposition:
        lines.append(f"{lab['proposition']}: {v.proposition}")
    if v.ballots:
        lines.append(f"{lab['roll']}:")
        names = []
        for b in v.ballots:
            a = meeting.attendee(b.person)
            names.append(serving_name(meeting, p, a, lang) if a else b.person)
        pad = max(len(n) for n in names) + 2
        lines += [
            ROLL_INDENT + n.ljust(pad) + lab.get(b.vote, b.vote)
            for n, b in zip(names, v.ballots, strict=True)
        ]
    lines.append(lab["tally"].format(yes=v.yes, no=v.no, abstain=v.abstain))
    if v.casting:
        lines.append(lab["casting"].format(vote=lab.get(v.casting, v.casting)))
    won = outcome(v)
    typed = as_sentence(v.result) if v.result and generation() >= 11 else v.result
    result = typed or (lab["won"].format(side=lab.get(won, won).capitalize()) if won else "")
    if result:
        lines.append(f"{lab['result']}: {result}")
    return lines


def _reservation_lines(meeting: Meeting, p: Paragraph, lang: str) -> list[str]:
    lab = labels(lang)
    lines = []
    for r in p.reservations:
        who = meeting.attendee(r.person)
        name = name_party(who) if who is not None and generation() >= 9 else None
        line = lab["reserves"].format(name=name or meeting.name_of(r.person))
        if r.for_proposal:
            line += " " + lab["in_favour"].format(proposal=r.for_proposal)
        line += "."
        if r.reason:
            line += " " + (as_sentence(r.reason) if generation() >= 6 else r.reason)
        elif r.pending:
            line += " " + lab["pending" if meeting.adjustment is None else "never_came"]
        lines.append(line)
    return lines


def _task_lines(meeting: Meeting, p: Paragraph, lang: str) -> list[str]:
    lab = labels(lang)
    lines = []
    for t in p.tasks:
        owner = meeting.name_of(t.owner) or t.owner_name
        line = f"{owner}: {t.text}" if owner else t.text
        extra = []
        if t.due:
            extra.append(lab["due"].format(date=t.due))
        if t.done:
            extra.append(lab["done"] + (f": {t.done_note}" if t.done_note else ""))
        if extra:
            line += f" ({'; '.join(extra)})"
        lines.append(line)
    return lines


def quorum_note(meeting: Meeting, p: Paragraph, lang: str) -> str:
    """The protocol's note on a decision taken without quorum, or ""."""
    lacking = decided_without_quorum(meeting, p)
    if lacking is None:
        return ""
    n, seats = lacking
    return labels(lang)["no_quorum"].format(organ=organ_noun(meeting, lang), n=n, seats=seats)


# What ends a sentence; and quotes and brackets that may close after it.
_SENTENCE_END = ".!?…"
_CLOSERS = ")]}\"'”’»"
# A typed text that stops here is left as it is: a full stop after a colon,
# semicolon or comma would be wrong, and it is not for the protocol to mend.
_LEFT_AS_TYPED = ":;,"


def as_sentence(text: str) -> str:
    """A decision as the protocol prints it: a sentence, ending in a full stop.

    The stored decision stays as it was typed (it is the record); only the
    rendering adds the full stop, after a closing quote or bracket
    ('att kalla projektet "Framåt".'), and not where the text already ends
    a sentence ('… godkänns.', '(se bilaga 2.)').
    """
    text = text.rstrip()
    core = text.rstrip(_CLOSERS)
    if not core or core[-1] in _SENTENCE_END or core[-1] in _LEFT_AS_TYPED:
        return text
    return text + "."


# The printed form's generations. A protocol adjusted under one keeps printing
# in it: its hash (and any SSH signature) is over the text as printed then, or
# `protokoll verify` would call it changed.
#   0  until 2026-11-30: decisions as typed, lines free to break inside "fr o m"
#   1  decisions as sentences, "fr o m § 7" kept on one line
#   2  an ersättare's presence not said again where it is their service's range
#      ("för Göran Sjöberg fr o m § 112, fr o m § 112": a trial)
#   3  the ANSLAG/BEVIS block says which §s ("Paragrafer: §§ 102–114")
#   4  an organ whose decisions are the meeting's is "mötet" in the beslutsgång
#   5  a masked § says so under its heading in the full protocol ("Maskeras i
#      publiceringsversionen: OSL 26 kap. 1 §"): the chair signed without
#      seeing which § the public would not read (a trial); and a § titled as
#      its follow-ups' label ("Uppföljning av uppdrag") does not print that
#      label again under its heading (a trial)
#   6  a reservation's reasons printed as a sentence, as a decision is
#      ("… inom nämndens ram" had ended without its full stop: a trial)
#   7  the §§ adjusted at once have their own lines in the ANSLAG/BEVIS block
#      (adjusted at the meeting, their own anslag and appeal), and the block's
#      "Paragrafer" are the others: one block of all had given § 148 the
#      rest's appeal (a trial)
#   8  an ersättare who served in some §§ and was there, not serving, in
#      others is under "Ersättare, ej tjänstgörande" for those too: a trial's
#      protokollsanteckning was made by one the protocol did not say was there
#   9  a reservation names its member with her party, as the vote's list does
#      ("Karl Berg (M) reserverar sig": a trial read the bare names)
#  10  jäv at a förening's stämma is not voting, not leaving: "deltar inte i
#      beslutet", and "röstar ej § 11" in the list (it read "ej § 11", as if
#      the board were not at the stämma for its own ansvarsfrihet: a trial)
#  11  a stämma's vote is "Omröstning verkställdes.": "begärs" said that
#      someone asked for a vote the chair had simply taken by a show of hands,
#      and its beslutsgång is in the past tense of its decisions ("ställde
#      proposition … fann"; trial 19); a vote's result typed in its own words
#      ends as a sentence
CURRENT = 11
# The generation this rendering prints in, decided once for a whole protocol;
# None: not yet decided. Decided per § instead, a protocol of 200 §s was
# rendered 200 more times to compare its hash.
_GENERATION: ContextVar[int | None] = ContextVar("printed_generation", default=None)


def generation() -> int:
    """The generation being printed (the current one outside a protocol)."""
    decided = _GENERATION.get()
    return CURRENT if decided is None else decided


def adjusted_generation(meeting: Meeting) -> int:
    """The generation `meeting` was adjusted in: the newest whose text has its
    hash; the current one for a meeting not adjusted (or none matching: then
    it has changed, and says so)."""
    decided = _GENERATION.get()
    if decided is not None:
        return decided
    adjustment = meeting.adjustment
    if adjustment is None or not adjustment.sha256:
        return CURRENT
    from .adjust import _raw_hash, text_hash  # adjust renders through this module

    def matches(candidate: int) -> bool:
        with printed_as(candidate):
            # One rendering where the first hash answers: both, in a tuple, had
            # rendered the protocol twice for each generation tried.
            wanted = adjustment.sha256
            return wanted == text_hash(meeting) or wanted == _raw_hash(meeting)

    # The generation it was adjusted in, when the adjustment says: one
    # rendering, not one or two for each generation since (24 for a protocol
    # adjusted before the first, at every showing).
    known = adjustment.generation
    if known is not None and 0 <= known <= CURRENT and matches(known):
        return known
    key = (adjustment.sha256, _fingerprint(meeting))
    found = _FOUND.get(key)
    if found is None:
        found = next((c for c in range(CURRENT, -1, -1) if c != known and matches(c)), CURRENT)
        if len(_FOUND) >= 512:
            _FOUND.clear()
        _FOUND[key] = found
    return found


# What the search over the generations found, by the adjusted hash and the
# meeting's whole content: the same protocol shown again (the preview, review,
# a second export) is not rendered a dozen times more.
_FOUND: dict[tuple[str, str], int] = {}


def _fingerprint(meeting: Meeting) -> str:
    from .serial import to_dict  # (serial imports the model, as this module does)

    raw = json.dumps(to_dict(meeting), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@contextlib.contextmanager
def printed_as(which: int) -> Iterator[None]:
    """Print in generation `which`, whatever the protocol (tests, the comparison)."""
    token = _GENERATION.set(which)
    try:
        yield
    finally:
        _GENERATION.reset(token)


@contextlib.contextmanager
def _as_adjusted_then(meeting: Meeting) -> Iterator[None]:
    """Render `meeting` in the generation it was adjusted in. Told once for a
    whole protocol, however many §s it has."""
    if _GENERATION.get() is not None:
        yield
        return
    with printed_as(adjusted_generation(meeting)):
        yield


def _decision_lines(p: Paragraph) -> list[str]:
    if generation() == 0:
        return [d.text for d in p.decisions]
    return [as_sentence(d.text) for d in p.decisions]


def paragraph_block(meeting: Meeting, p: Paragraph, lang: str) -> Block:
    """A § in the usual order: jäv, text, yrkanden, beslutsgång, omröstning, beslut, ..."""
    with _as_adjusted_then(meeting):
        return _paragraph_block(meeting, p, lang)


def _paragraph_block(meeting: Meeting, p: Paragraph, lang: str) -> Block:
    lab = labels(lang)
    children: list[Block] = []

    def section(key: str, lines: list[str]) -> None:
        if lines:
            children.append(Block("section", lab[key], lines))

    if p.masked and generation() >= 5:
        children.append(Block("note", items=[lab["masked_note"].format(reason=p.masked)]))
    note = quorum_note(meeting, p, lang)
    if note:
        children.append(Block("note", items=[note]))
    section("jav", _jav_lines(meeting, p, lang))
    # An imported § prints its text and decisions in its source's order; the
    # way to the decision (yrkanden, beslutsgång, omröstning) stays with it.
    before, after = around(p)
    if before.strip():
        children.append(Block("text", items=[before]))
    section("proposals", _proposal_lines(meeting, p))
    section("procedure", _procedure(meeting, p, lang))
    for v in p.votes:
        section("vote", _vote_lines(meeting, p, v, lang))
    section("decision", _decision_lines(p))
    if after.strip():
        children.append(Block("text", items=[after]))
    section("reservation", _reservation_lines(meeting, p, lang))
    for kind in NOTE_KINDS:
        section(
            kind,
            [
                f"{meeting.name_of(n.person)}: {n.text}" if n.person else n.text
                for n in p.notes
                if n.kind == kind
            ],
        )
    section("tasks", _task_lines(meeting, p, lang))
    followups = [followup_line(f, lang) for f in p.followups]
    if followups and generation() >= 5 and _says(p.title, lab["followups"]):
        children.append(Block("section", "", followups))  # its heading says it already
    else:
        section("followups", followups)
    if p.immediate:
        children.append(Block("note", items=[lab["immediate"]]))
    return Block("paragraph", paragraph_heading(meeting, p), children=children)


def masked_paragraph(meeting: Meeting, p: Paragraph) -> Block:
    """`§ 130 — sekretess`: the number stays, nothing else of the § is shown."""
    return Block("paragraph", f"{paragraph_mark(meeting, p)} — {p.masked}")


def _signatures(meeting: Meeting, lang: str, publish: bool = False) -> list[Block]:
    lab = labels(lang)
    f = meeting.functions
    result = []
    if f.secretary and f.secretary not in meeting.unsigned:
        role = signer_line(meeting, f.secretary, "secretary_lc", lang)
        heading = lab["vid_protokollet"] if meeting.numbered else lab["noted_by"]
        result.append(Block("signatures", heading, [role]))
    if not meeting.numbered:
        return result
    chairs = [f.chair] if f.chair and f.chair not in meeting.unsigned else []
    result += justeras(meeting, chairs, lang)
    if meeting.adjustment:
        result.append(Block("note", items=[adjusted_line(meeting, lang)]))
    else:
        due = deadlines(meeting).adjust_by
        if due is not None:
            result.append(Block("note", items=[lab["adjust_by"].format(date=due)]))
    result += anslag(meeting, lang)
    return result


def signer_line(meeting: Meeting, attendee_id: str, function: str, lang: str) -> str:
    """`Charlotta Skålén, Förbundschef`: the name and what the person signs as.

    The title set for the meeting (`Functions.titles`) as it was written, in
    either language; without one, the function's own word (`function` is its
    label key), so a protocol without titles prints as it always did.
    """
    title = meeting.functions.titles.get(attendee_id) or labels(lang)[function]
    return f"{meeting.name_of(attendee_id)}, {title}"


def justeras(meeting: Meeting, chairs: list[str], lang: str) -> list[Block]:
    """The "Justeras" signatures: the chair(s), then the adjusters who are not one."""
    lab = labels(lang)
    signers = [signer_line(meeting, c, "chair_lc", lang) for c in chairs]
    signers += [
        signer_line(meeting, a, "adjuster", lang)
        for a in meeting.functions.adjusters
        if a not in chairs and a not in meeting.unsigned
    ]
    return [Block("signatures", lab["justeras"], signers)] if signers else []


def adjusted_line(meeting: Meeting, lang: str) -> str:
    """`Protokollet justerades 2025-06-12 av Karin Lindqvist och Johan Ek.`"""
    lab = labels(lang)
    assert meeting.adjustment is not None
    line = lab["adjusted_on"].format(date=meeting.adjustment.date)
    if meeting.adjustment.by:
        line += " " + lab["adjusted_by"].format(names=join_names(meeting.adjustment.by, lang))
    return line + "."


def anslag(meeting: Meeting, lang: str) -> list[Block]:
    """The anslag/bevis block of an organ that posts notices; unknown dates stay blank."""
    if not meeting.numbered or not (meeting.rules.posts_notices or meeting.posted):
        return []
    lab = labels(lang)
    d = deadlines(meeting)
    known = (d.adjusted, d.post_by, d.posted, d.appeal_until, d.take_down)
    if meeting.imported and not any(known) and not meeting.rules.archive:
        # An archived protocol that gives none of these dates, nor where it is
        # kept (that, read from its block, had been printed nowhere: a trial).
        return []

    def day(value: object) -> str:
        return str(value) if value else ""

    out = [Block("heading", lab["anslag"])]
    if d.adjusted and d.posted:
        out.append(Block("note", items=[lab["anslag_text"]]))
    pairs = [
        (lab["anslag_organ"], organ_title_of(meeting)),
        (lab["anslag_meeting"], day(d.meeting) or meeting.period),
    ]
    numbers = meeting.numbers()
    at_once = meeting.numbers_at_once()
    if generation() >= 7 and not meeting.imported:
        numbers = [n for n in numbers if n not in at_once]
    else:
        at_once = []
    # Which §s the notice is of (PROTOCOL-REFERENCE F7); an imported protocol's
    # block says what its source's did, and no more.
    if numbers and generation() >= 3 and not meeting.imported:
        pairs.append((lab["paragraphs"], numbers_said(numbers)))
    pairs += [
        (lab["anslag_adjusted"], day(d.adjusted)),
        (lab["anslag_post_by"], day(d.post_by)),
        (lab["anslag_posted"], day(d.posted)),
        (lab["anslag_appeal"], day(d.appeal_until)),
        (lab["anslag_down"], day(d.take_down)),
        (lab["anslag_archive"], meeting.rules.archive),
    ]
    if meeting.imported:
        # Blank lines are a form to fill in by hand, for a meeting taken here.
        # Under an archived protocol's own anslag lines, "Anslaget tas ned:"
        # left blank contradicted its "Datum för anslags nedtagande 2017-10-04"
        # (a trial, Högsby's protocol): only what is known is printed.
        pairs = [(label, value) for label, value in pairs if value]
    out.append(Block("fields", pairs=pairs))
    if at_once:
        out += anslag_at_once(meeting, lang)
    return out


def numbers_said(numbers: list[int]) -> str:
    """`§§ 141–147`, `§ 148`, or `§§ 141–147, 149` where one is left out: runs
    of numbers in a row as ranges (they had been listed one by one)."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    if len(runs) == 1:
        return span(runs[0][0], runs[0][-1])
    return "§§ " + ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def anslag_at_once(meeting: Meeting, lang: str) -> list[Block]:
    """The anslag of the §§ adjusted at once: adjusted at the meeting, posted
    on their own day, appealed from it; unknown dates left blank to fill in."""
    d = immediate_deadlines(meeting)
    numbers = meeting.numbers_at_once()
    if d is None or not numbers:
        return []
    lab = labels(lang)

    def day(value: object) -> str:
        return str(value) if value else ""

    heading = lab["anslag_immediate"].format(paragraphs=numbers_said(numbers))
    pairs = [
        (lab["anslag_adjusted_at_meeting"], day(d.adjusted)),
        (lab["anslag_post_by"], day(d.post_by)),
        (lab["anslag_posted"], day(d.posted)),
        (lab["anslag_appeal"], day(d.appeal_until)),
        (lab["anslag_down"], day(d.take_down)),
    ]
    return [Block("note", items=[heading]), Block("fields", pairs=pairs)]


def signed_by(meeting: Meeting, lang: str) -> list[Block]:
    """Who signed the adjusted text with an SSH key, the key and the day (store.signing).

    Left out of the adjusted text's hash, like the rättelser: they come after it.
    """
    signatures = meeting.adjustment.signatures if meeting.adjustment else []
    if not signatures:
        return []
    lab = labels(lang)
    lines = [
        lab["signed_line"].format(name=s.name, fingerprint=s.fingerprint, date=s.added)
        for s in signatures
    ]
    return [Block("section", lab["signed_keys"], lines)]


def organ_lines(meeting: Meeting) -> list[Block]:
    """The organ and organisation under the title; none when an imported
    source names neither, rather than a gap or a name it did not give."""
    if not (meeting.organ or meeting.organisation):
        return []
    return [Block("line", items=[meeting.organ, meeting.organisation])]


def organ_title_of(meeting: Meeting) -> str:
    return organ_title(meeting.organ, meeting.organisation)


def correction_lines(
    meeting: Meeting, lang: str, publish: bool = False, numbers: Iterable[int] | None = None
) -> list[str]:
    """The rättelser as printed; with `numbers`, those of these §s and those
    of the meeting as a whole (an extract's: it had left out a rättelse of
    its own §, then said it agreed with the original, a trial)."""
    lab = labels(lang)
    # The publication copy leaves out what a masked § holds: a rättelse of it too.
    masked = {p.number: p.masked for p in meeting.paragraphs if publish and p.masked}
    chosen = None if numbers is None else set(numbers)
    lines = []
    for c in meeting.corrections:
        if chosen is not None and c.paragraph is not None and c.paragraph not in chosen:
            continue
        where = f", § {c.paragraph}" if c.paragraph is not None else ""
        by = f" ({c.by})" if c.by else ""
        if c.paragraph in masked:
            reason = masked[c.paragraph]
            lines.append(
                lab["correction_masked"].format(date=c.date, where=where, by=by, reason=reason)
            )
            continue
        # Sentences, as decisions are: a rättelse comes after the adjusted
        # text, outside its hash, so it needs no generation of its own.
        what = as_sentence(c.what)
        line = lab["correction"].format(date=c.date, where=where, by=by, what=what)
        if c.why:
            line += " " + lab["correction_why"].format(why=as_sentence(c.why))
        lines.append(line)
    return lines


def blocks(meeting: Meeting, lang: str = "sv", publish: bool = False) -> list[Block]:
    """The whole protocol; `publish`: the publication copy, masked §s shown by number only."""
    with _as_adjusted_then(meeting):
        return _blocks(meeting, lang, publish)


def _blocks(meeting: Meeting, lang: str, publish: bool) -> list[Block]:
    lab = labels(lang)
    out = [Block("title", lab[meeting.kind])]
    if meeting.status in ("draft", "open"):
        out.append(Block("note", items=[lab["draft"]]))
    elif meeting.numbered and meeting.status == "closed" and not meeting.archived:
        # As its PDF's watermark says: a protocol is a draft until adjusted. The
        # text sent to the adjusters had read as final (a trial).
        out.append(Block("note", items=[lab["not_adjusted"]]))
    masked = [paragraph_mark(meeting, p) for p in meeting.paragraphs if p.masked]
    if publish and masked:
        out.append(Block("note", items=[lab["publish"].format(marks=_join_labels(masked))]))
    out += organ_lines(meeting)
    fields = [(lab["date"], meeting.period or meeting.date)]
    if meeting.start or meeting.end:
        fields.append((lab["time"], format_time_range(meeting.start, meeting.end, lang)))
    if meeting.place:
        fields.append((lab["place"], meeting.place))
    numbers = meeting.numbers()
    if meeting.numbered and numbers:
        fields.append((lab["paragraphs"], span(min(numbers), max(numbers))))
    out.append(Block("fields", pairs=fields))
    out += _attendance(meeting, lang)
    functions = _functions(meeting, lang)
    if functions.pairs:
        out.append(functions)
    if meeting.intro.strip():
        out.append(Block("text", items=[meeting.intro]))
    out += _paragraphs(meeting, lang, publish)
    out += _signatures(meeting, lang, publish)
    out += signed_by(meeting, lang)
    if meeting.appendix.strip():
        out.append(Block("text", items=[meeting.appendix]))
    # Last: made after the adjustment, after anything signed or kept from the
    # source. Before an imported e-signature page, they read as signed by it.
    if meeting.corrections:
        corrections = correction_lines(meeting, lang, publish)
        out.append(Block("section", labels(lang)["corrections"], corrections))
    return out


def _paragraphs(meeting: Meeting, lang: str, publish: bool = False) -> list[Block]:
    """The §s, with a heading wherever the agenda's section changes."""
    sections = {item.id: item.section for item in meeting.agenda}
    out = []
    current = ""
    for p in meeting.paragraphs:
        section = sections.get(p.agenda_item or "", "")
        if section and section != current:
            out.append(Block("heading", section))
        current = section or current
        if publish and p.masked:
            block = masked_paragraph(meeting, p)
        else:
            block = paragraph_block(meeting, p, lang)
        block.nested = bool(section)
        out.append(block)
    return out


def shown(b: Block) -> Block:
    """The block with its user text safe to print (`safe_text`): a label is one
    line; a § text and the items that wrap keep their line breaks."""
    one_line = b.kind in ("title", "line")
    return replace(
        b,
        label=safe_line(b.label),
        items=[safe_line(x) if one_line else safe(x) for x in b.items],
        pairs=[(safe_line(k), safe(v)) for k, v in b.pairs],
        children=[shown(c) for c in b.children],
    )


# --- plain text --------------------------------------------------------------

INDENT = "    "
# Private-use marks that wrapping keeps; they become spaces at the end, and
# no character the user typed is changed.
_SPACE = "\ue000"
ROLL_INDENT = "\ue001\ue001"
# "1 450 000 kronor", "§ 12" and "fr o m § 7", "t o m § 15" stay on one line
# (a trial found "fr" at the end of one line and "o m § 7" on the next).
_KEEP_TOGETHER_EARLIER = re.compile(r"(?<=\d) (?=\d{3}\b)|(?<=§) (?=\d)")
_KEEP_TOGETHER = re.compile(
    _KEEP_TOGETHER_EARLIER.pattern
    + r"|(?<=\bfr) (?=o m\b)|(?<=\bt) (?=o m\b)|(?<=\bfr o) (?=m\b)|(?<=\bt o) (?=m\b)"
    + r"|(?<=\bo m) (?=§)"
)


def _wrap(text: str, width: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """Wrap one paragraph of text; user text keeps its own line breaks."""
    out: list[str] = []
    sub = hanging if hanging is not None else indent
    keep = _KEEP_TOGETHER_EARLIER if generation() == 0 else _KEEP_TOGETHER  # see CURRENT
    text = keep.sub(_SPACE, text)
    for line in text.splitlines() or [""]:
        if not line.strip():
            out.append("")
            continue
        # A list inside a list (two spaces in) keeps its indent, as a roll does.
        lead = line[: len(line) - len(line.lstrip(ROLL_INDENT[0] + " "))]
        out += textwrap.wrap(
            line.strip(),
            width,
            initial_indent=indent + lead,
            subsequent_indent=sub + lead,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [indent.rstrip()]
        indent = sub
    return [x.replace(_SPACE, " ").replace(ROLL_INDENT[0], " ") for x in out]


def _text_paragraphs(text: str, width: int, indent: str = "") -> list[str]:
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        if out:
            out.append("")
        out += _wrap(chunk, width, indent)
    return out


def _fields(pairs: list[tuple[str, str]], width: int) -> list[str]:
    pad = max(len(k) for k, _ in pairs) + 2
    out = []
    for key, value in pairs:
        if not value.strip():  # unknown: the label with room to fill in by hand
            out.append(key + ":")
            continue
        out += _wrap(value, width, (key + ":").ljust(pad), " " * pad)
    return out


def _block_text(b: Block, width: int) -> list[str]:
    if b.kind == "title":
        return [b.label, ""]
    if b.kind == "line":
        return [x for x in b.items if x] + [""]
    if b.kind == "fields":
        return _fields(b.pairs, width) + [""]
    if b.kind == "group":
        out = [b.label]
        for item in b.items:
            out += _wrap(item, width, INDENT, INDENT + "  ")
        return out + [""]
    if b.kind == "note":
        return [line for item in b.items for line in _wrap(item, width)] + [""]
    if b.kind == "heading":
        return _wrap(b.label, width) + [""]
    if b.kind == "paragraph":
        out = _wrap(b.label, width, "", " " * (b.label.index("  ") + 2 if "  " in b.label else 0))
        out.append("")
        for child in b.children:
            out += _block_text(child, width)
        return out
    if b.kind == "text":
        return _text_paragraphs(b.items[0], width) + [""]
    if b.kind == "section":
        out = [b.label] if b.label else []  # unlabelled: under a heading that says it
        for item in b.items:
            out += _wrap(item, width, INDENT, INDENT)
        return out + [""]
    if b.kind == "signatures":
        out = [b.label]
        for signer in b.items:
            # Room to sign above each line.
            out += ["", "", "", "_" * min(36, width), *_wrap(signer, width)]
        return out + [""]
    raise ValueError(b.kind)


def to_text(outline: list[Block], width: int = 72, raw: bool = False) -> str:
    """The outline as plain text. `raw` leaves controls in (only to check a
    hash made before text was made safe; never to print)."""
    width = max(width, 30)
    lines: list[str] = []
    for b in outline:
        lines += _block_text(b if raw else shown(b), width)
    text = "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"
    # Every renderer (protocol, publication copy, extract) ends here: what it
    # returns holds no terminal control, whatever the user's text held.
    return text if raw else safe(text)


def render_text(meeting: Meeting, width: int = 72, lang: str = "sv", publish: bool = False) -> str:
    with _as_adjusted_then(meeting):  # the lines wrapped as the blocks are made
        return to_text(blocks(meeting, lang, publish), width)


def anchors(meeting: Meeting, text: str) -> list[int]:
    """The line of `text` (as `render_text` made it) where each § begins.

    Headings are looked for in order, each after the one before, so a § whose
    text quotes another heading cannot be taken for it.
    """
    lines = text.split("\n")
    found = []
    at = 0
    for p in meeting.paragraphs:
        mark = paragraph_mark(meeting, p)
        # A masked § in the publication copy is one line, "§ 15 — Sekretess …".
        heads = (mark + "  ", mark + " — ") if p.masked else (mark + "  ",)
        line = next((i for i in range(at, len(lines)) if lines[i].startswith(heads)), at)
        found.append(line)
        at = line + 1
    return found
