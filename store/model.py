"""The domain: organs, their rosters, meetings and what is minuted in them.

Plain dataclasses. Dates are ISO strings (YYYY-MM-DD) and times are HH:MM,
checked on the way in by `store.dates`; that keeps the JSON on disk, the JSON
export and the objects in memory the same shape.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from .words import template

SCHEMA = 1

ROLES = ("ledamot", "ersattare", "tjansteperson")
# Attendance categories: voting members, serving substitutes, others present.
CATEGORIES = ("beslutande", "ersattare", "ovriga")
KINDS = ("protokoll", "minnesanteckningar", "arsmotesprotokoll", "stammoprotokoll")
# The kinds kept with §s (or numbered points), signed and adjusted: all but notes.
NUMBERED_KINDS = ("protokoll", "arsmotesprotokoll", "stammoprotokoll")
STATUSES = ("draft", "open", "closed", "adjusted")
# § numbering: on through the calendar year, per meeting, or never reset.
POLICIES = ("year", "meeting", "never")
AGENDA_STATUSES = ("pending", "current", "done", "deferred")
VOTE_CHOICES = ("ja", "nej", "avstar")
# "ur_originalet": lines of an imported document that could not be placed
# (a letterhead in the middle of a §), kept on the nearest § as written.
NOTE_KINDS = ("protokollsanteckning", "sarskilt_yttrande", "ur_originalet")

# The standing agenda a new organ starts with (in the catalogue, one item a line).
STANDARD_AGENDA = template("protocol.standard_agenda", "sv").splitlines()


def new_id(nbytes: int = 4) -> str:
    return secrets.token_hex(nbytes)


@dataclass
class Person:
    """Someone on an organ's roster."""

    id: str
    name: str
    title: str = ""
    organisation: str = ""  # member organisation or home kommun
    party: str = ""
    role: str = "ledamot"
    # The member's term on the roster, ISO dates, "" when open: a member who
    # leaves the organ keeps appearing in the meetings held during the term
    # and is not put on the attendance of new ones.
    since: str = ""
    until: str = ""


# Words by which a decision says the meeting was of one mind.
_AGREED = re.compile(r"\b(enades|enats|enhälligt|enigt|eniga|samstämmigt)\b", re.IGNORECASE)
VOTED_LEAD = "Mötet beslutade att"


def says_agreed(text: str) -> bool:
    """Whether a decision's words say the meeting agreed (`Mötet enades om att`)."""
    return bool(_AGREED.search(text))


@dataclass
class Rules:
    """How an organ's protocols are kept: set from a profile, changeable per organ.

    A meeting keeps a copy, so that its protocol renders as it was kept even
    if the organ's settings change later.
    """

    profile: str = ""
    # Anslag: the adjustment is announced on a notice board, and appeal runs
    # three weeks from that day (kommunallagen 8 kap. 12 §, 13 kap. 5 §).
    posts_notices: bool = False
    # Beslutförhet: more than half of the ledamöter serving (KL 6 kap. 27 §).
    quorum: bool = True
    # A mötesordförande elected at the meeting (föreningar, stämmor).
    chair_elected: bool = False
    # Where the adjusted protocol is kept (förvaringsplats, in the anslag).
    archive: str = ""
    # How a decision begins: "{organ} beslutar att".
    decision: str = "{organ} beslutar att"
    # The attendance headings: "public" (beslutande, tjänstgörande
    # ersättare), "association" (röstberättigade), "council" (närvarande),
    # "board" (närvarande ledamöter: a förening's styrelse).
    attendance: str = "public"
    # The language the record is kept in, and what the program writes into it
    # (the previous protocol's line, the follow-up item, a proposition): the
    # organ's, set when it is made, not the interface's of the day. An English
    # session had put "The minutes of the meeting of …" into a Swedish record.
    language: str = "sv"

    @property
    def public_body(self) -> bool:
        """An organ of a public body, kept as one (its attendance headings): the
        kommunallag's deadlines apply. A förening's protocol is adjusted as its
        stadgar say, and had printed "ska justeras senast" all the same (trial 5)."""
        return self.attendance == "public"

    def lead(self, organ: str, voted: bool = False) -> str:
        """The decision phrase for `organ` ("Arbetsutskottet beslutar att").

        A phrase edited by hand into something str.format cannot fill
        ("{0}") is shown as written rather than stopping the program. After a
        vote (`voted`) a phrase that says the meeting agreed ("Mötet enades om
        att") would say what did not happen: the plain "Mötet beslutade att".
        """
        if voted and says_agreed(self.decision):
            return VOTED_LEAD
        try:
            return self.decision.format(organ=organ)
        except (KeyError, IndexError, ValueError, AttributeError):
            return self.decision


@dataclass
class Organ:
    id: str
    name: str
    organisation: str
    numbering: str = "year"
    roster: list[Person] = field(default_factory=list)
    place: str = ""  # where it met last; the default for the next meeting
    agenda_template: list[str] = field(default_factory=lambda: list(STANDARD_AGENDA))
    rules: Rules = field(default_factory=Rules)
    schema: int = SCHEMA

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.roster if p.id == person_id), None)


@dataclass
class Attendee:
    """One person's attendance at one meeting (a roster member or a guest).

    `arrived` and `left` are paragraph ids, not numbers, so that partial
    attendance survives renumbering: present from `arrived` on, and up to and
    including `left`.
    """

    id: str
    name: str
    title: str = ""
    organisation: str = ""
    party: str = ""
    role: str = "ledamot"
    present: bool = False
    category: str = "beslutande"
    replaces: str | None = None  # attendee id of the member a substitute serves for
    # A substitute's service for `replaces`, as paragraph ids, both included;
    # None: from the start (or arrival), to the end (or departure).
    serves_from: str | None = None
    serves_until: str | None = None
    arrived: str | None = None
    left: str | None = None
    guest: bool = False
    # What an imported list said beside the name that is neither title nor
    # organisation ("medverkar enbart inför mötet"), kept as written.
    note: str = ""


@dataclass
class Functions:
    chair: str | None = None  # attendee ids
    secretary: str | None = None
    adjusters: list[str] = field(default_factory=list)
    # What each signer signs as ("Förbundschef", "1:a vice ordförande"), by
    # attendee id; a signer not here signs with the function's own word.
    titles: dict[str, str] = field(default_factory=dict)


# An agenda item that is a heading for the items under it ("Beslutsärenden"),
# never a § itself; a standing agenda writes it with a colon at the end.
SECTION = "section"


@dataclass
class AgendaItem:
    id: str
    title: str
    section: str = ""
    status: str = "pending"
    paragraph: str | None = None  # the § it became
    # "previous": the organ's previous protocol, reported at this meeting
    # (`ref` is its meeting id); "followup": the follow-up of open tasks;
    # SECTION: a heading for the items under it (their `section`).
    kind: str = ""
    ref: str | None = None


def agenda_item(line: str) -> AgendaItem:
    """An agenda item of a standing agenda's or an agenda file's line:
    "Beslutsärenden:" is a section heading, anything else an item."""
    title = " ".join(line.split())
    if title.endswith(":") and title[:-1].strip():
        return AgendaItem(new_id(), title[:-1].strip(), kind=SECTION)
    return AgendaItem(new_id(), title)


def agenda_items(lines: Iterable[str]) -> list[AgendaItem]:
    """The agenda of a standing agenda's or an agenda file's lines: a line
    indented under a heading is an item of it (printed beneath it), a line
    at the margin an item of its own. A trial's file listed its items under
    "Informationsärenden:" and the protocol printed none of its headings;
    the nämnd's "Beslutsärenden:" over "Anmälan av delegationsbeslut", at
    the margin, is still a heading for the items put under it in the meeting."""
    items: list[AgendaItem] = []
    heading = ""
    for line in lines:
        if not line.strip():
            continue
        item = agenda_item(line)
        if item.kind == SECTION:
            heading = item.title
        elif heading and line[:1].isspace():
            item.section = heading
        else:
            heading = ""
        items.append(item)
    return items


@dataclass
class Decision:
    text: str


@dataclass
class Ballot:
    person: str  # attendee id
    vote: str  # one of VOTE_CHOICES


@dataclass
class Vote:
    proposition: str = ""  # what ja and nej stand for
    yes: int = 0
    no: int = 0
    abstain: int = 0
    ballots: list[Ballot] = field(default_factory=list)
    result: str = ""
    # On a tie the chair's vote decides: "ja" or "nej", or "" when not tied.
    casting: str = ""


@dataclass
class Proposal:
    """A yrkande: who proposed what. A withdrawn one is kept but not printed."""

    id: str
    person: str  # attendee id
    text: str
    withdrawn: bool = False


@dataclass
class Reservation:
    person: str
    reason: str = ""
    for_proposal: str = ""
    # A written reason was announced and is due by the adjustment.
    pending: bool = False


@dataclass
class Jav:
    person: str
    note: str = ""
    # The ersättare who serves in the member's place in this §.
    substitute: str | None = None


@dataclass
class Note:
    person: str
    text: str
    kind: str = "protokollsanteckning"


@dataclass
class Task:
    id: str
    text: str
    owner: str | None = None  # attendee id, when the owner was picked from the meeting
    owner_name: str = ""  # the name as shown, kept for owners outside the meeting
    due: str = ""
    done: bool = False
    done_note: str = ""


@dataclass
class FollowUp:
    """A task of an earlier meeting, followed up in this §.

    Recorded where it was followed up, not in the task's own meeting, whose
    protocol may be adjusted and frozen. What the task said is copied, so the
    protocol reads without the other meeting at hand.
    """

    task: str  # the task's id
    meeting: str  # the id of the meeting that gave it
    date: str  # that meeting's date
    number: int | None  # the § it came from
    text: str
    owner: str = ""
    done: bool = True  # False: reported on, still open
    note: str = ""


@dataclass
class Paragraph:
    id: str
    title: str
    number: int | None = None
    text: str = ""
    decisions: list[Decision] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    # Beslutsgång: the proposals in the order the chair put them, and the
    # one the chair found the organ had decided for.
    order: list[str] = field(default_factory=list)
    carried: str | None = None
    votes: list[Vote] = field(default_factory=list)
    reservations: list[Reservation] = field(default_factory=list)
    jav: list[Jav] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    started: str = ""  # HH:MM
    immediate: bool = False  # omedelbar justering
    agenda_item: str | None = None
    # Who chairs this § when the chair has jäv (attendee id).
    chair: str | None = None
    # Why the § is masked in the publication copy ("sekretess"), or "".
    masked: str = ""
    # An imported item's number as its source writes it ("KF § 102", "11.",
    # "Punkt 3"); printed instead of `§ {number}` so the record reads as written.
    mark: str = field(default="", metadata={"omit_empty": True})
    # An imported § whose decisions stood before some of its text: how many of
    # the text's blocks (paragraphs between blank lines) came before them, so
    # the record prints in the source's order (store.decision_place). None:
    # the decisions follow the text, as in every § taken in the program.
    decisions_after: int | None = field(default=None, metadata={"omit_none": True})

    def proposal(self, proposal_id: str | None) -> Proposal | None:
        return next((x for x in self.proposals if x.id == proposal_id), None)


@dataclass
class Adjustment:
    date: str
    by: list[str] = field(default_factory=list)  # names as signed
    # SHA-256 of the protocol's text as adjusted (rendered at 72 columns, in
    # Swedish), so that `protokoll verify` can tell whether it was changed.
    sha256: str = ""
    # SSH signatures over that text, added at or after adjustment (store.signing).
    signatures: list[Signature] = field(default_factory=list)
    # The text as adjusted was kept beside the meeting (store.adjusted_copy):
    # when that copy is missing it was lost, not never made (an earlier version).
    kept_copy: bool = field(default=False, metadata={"omit_empty": True})
    # The printed form's generation the hash was taken in (render.CURRENT
    # then): the one tried first when the protocol is printed again. Not
    # kept by earlier versions, whose adjustments are found by trying each.
    generation: int | None = field(default=None, metadata={"omit_none": True})


@dataclass
class Signature:
    """One person's `ssh-keygen -Y sign -n protokoll` over the adjusted text."""

    name: str  # as in the organ's allowed_signers
    fingerprint: str  # SHA256:… of the key that signed
    added: str  # the day it was added to the meeting
    armored: str  # the -----BEGIN SSH SIGNATURE----- block


@dataclass
class Correction:
    """A rättelse made after adjustment: shown with the protocol, never a silent edit."""

    date: str
    what: str  # what is corrected, and how
    why: str = ""
    by: str = ""
    paragraph: int | None = None  # the § it concerns, if one


@dataclass
class Trace:
    """Where one line of an imported source went (`Meeting.provenance`)."""

    line: int  # 1-based, in the source text
    where: str  # "field:date", "person", "heading", "text", "decision", "note", …
    target: str = ""  # the §'s mark, the field's or the person's name
    consumed: str = ""  # the words a field took in, no longer shown as text
    guess: bool = False  # a reading the source does not settle


@dataclass
class PresentList:
    """An imported attendance list that says who was present, not who decided.

    Its people are kept as beslutande (the program's checks need a category),
    but printed under the source's own heading, since "Beslutande" above them
    would state what the source did not.
    """

    heading: str  # as the source wrote it: `Närvarande`, `Deltagare`
    people: list[str] = field(default_factory=list)  # attendee ids


@dataclass
class Meeting:
    id: str
    organ_id: str
    organ: str  # name and organisation as they were at the meeting
    organisation: str
    date: str
    kind: str = "protokoll"
    start: str = ""
    end: str = ""
    place: str = ""
    status: str = "draft"
    attendees: list[Attendee] = field(default_factory=list)
    functions: Functions = field(default_factory=Functions)
    agenda: list[AgendaItem] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    adjustment: Adjustment | None = None
    corrections: list[Correction] = field(default_factory=list)
    posted: str = ""  # the day the adjustment was announced on the notice board (anslag)
    # The day the §§ adjusted at once were announced: their own anslag, from
    # which their own appeal runs (PROTOCOL-REFERENCE L8, L10, L11).
    immediate_posted: str = ""
    rules: Rules = field(default_factory=Rules)
    # The number its first § must have (a store started mid-year), or None.
    number_from: int | None = None
    # Numbers taken from an imported document are kept as they were.
    imported: bool = False
    # An imported document's own text that belongs to no §: what stood before
    # the first § (its opening line, an unnumbered opening) and after the
    # signatures (an e-signature page). Rendered where it stood.
    intro: str = ""
    appendix: str = ""
    # A date known only as a period ("Hösten 2024"): shown as written, and
    # `date` holds just the year, so no day is invented.
    period: str = ""
    # The file an imported meeting came from: name and SHA-256 of its text.
    source: str = ""
    # An imported meeting's source text as read (NFC, one line a line), and
    # where each of its lines went; empty for meetings taken in the program
    # and for those imported before these were kept.
    source_text: str = field(default="", metadata={"omit_empty": True})
    provenance: list[Trace] = field(default_factory=list, metadata={"omit_empty": True})
    # The source says it is adjusted ("Protokollet är justerat") without a
    # date: no adjustment deadline is computed for it.
    said_adjusted: bool = field(default=False, metadata={"omit_empty": True})
    # The source listed these people as present without saying who decided:
    # nobody may be printed or counted as deciding from them (no quorum either).
    present_only: list[PresentList] = field(default_factory=list, metadata={"omit_empty": True})
    # An imported protocol's chair, secretary or adjusters (attendee ids) who
    # did not sign its source: not printed among its signatures, which would
    # state a signature the source does not have (a trial's "Justeras" block).
    unsigned: list[str] = field(default_factory=list, metadata={"omit_empty": True})
    created: str = ""
    # The § being written, so that reopening returns to it.
    current: str | None = None
    schema: int = SCHEMA

    @property
    def numbered(self) -> bool:
        return self.kind in NUMBERED_KINDS

    @property
    def archived(self) -> bool:
        """Imported and closed as it came: a document of the archive, which was
        never a draft here, whether or not its source says it was adjusted."""
        return self.imported and self.status == "closed"

    @property
    def fixed_numbers(self) -> bool:
        """Numbers that renumbering must never touch: an imported protocol's, an
        adjusted one's, and a closed one's, which may have gone to the adjusters
        (a meeting typed in before it had silently renumbered 88 closed
        protocols: trial 6). Reopened, a meeting's numbers move again."""
        return self.status in ("closed", "adjusted") or self.imported

    def attendee(self, attendee_id: str | None) -> Attendee | None:
        if attendee_id is None:
            return None
        return next((a for a in self.attendees if a.id == attendee_id), None)

    def name_of(self, attendee_id: str | None) -> str:
        a = self.attendee(attendee_id)
        return a.name if a else ""

    def paragraph(self, paragraph_id: str | None) -> Paragraph | None:
        if paragraph_id is None:
            return None
        return next((p for p in self.paragraphs if p.id == paragraph_id), None)

    def numbers(self) -> list[int]:
        return [p.number for p in self.paragraphs if p.number is not None]

    def numbers_at_once(self) -> list[int]:
        """The numbers of the §§ adjusted at once (omedelbar justering)."""
        return [p.number for p in self.paragraphs if p.immediate and p.number is not None]
