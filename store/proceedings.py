"""What happens inside a §: yrkanden, beslutsgång, omröstning, reservationer, anteckningar.

Each function checks the record against who serves at the § (see
`attendance`) and refuses, with a one-line StoreError, what the rules do not
allow: a proposal or a reservation from someone who takes no part, a vote
whose roll call does not add up, a tie with no casting vote.
"""

from __future__ import annotations

from .attendance import chair_at, present_at, serving
from .errors import StoreError
from .model import (
    VOTE_CHOICES,
    Meeting,
    Note,
    Paragraph,
    Proposal,
    Reservation,
    Vote,
    new_id,
)
from .timeline import label
from .words import Both, say

# Kinds a person can make; "ur_originalet" is the importer's own.
PERSONAL_NOTES = ("protokollsanteckning", "sarskilt_yttrande")


def genitive(name: str) -> str:
    """`Anna Anderssons`, `Lars Fors`: Swedish adds no s after s, x or z."""
    return name if name[-1:].lower() in ("s", "x", "z") else name + "s"


def proposal_title(meeting: Meeting, proposal: Proposal, lang: str = "sv") -> str:
    """`Anna Anderssons yrkande`: how a beslutsgång or a reservation names it."""
    name = meeting.name_of(proposal.person)
    if not name:
        return say("protocol.the_proposal", lang)
    owner = f"{name}'s" if lang == "en" else genitive(name)
    return say("protocol.proposal_of", lang, owner=owner)


def live(p: Paragraph) -> list[Proposal]:
    """The proposals still standing: the withdrawn ones are not printed."""
    return [x for x in p.proposals if not x.withdrawn]


def _taking_part(meeting: Meeting, p: Paragraph, person_id: str, refusal: str) -> None:
    if person_id not in {a.id for a in serving(meeting, p.id)}:
        raise StoreError(
            refusal, name=meeting.name_of(person_id) or person_id, paragraph=label(meeting, p.id)
        )


def add_proposal(meeting: Meeting, p: Paragraph, person_id: str, text: str) -> Proposal:
    """A yrkande, by someone serving at the §."""
    text = text.strip()
    if not text:
        raise StoreError("empty_text")
    _taking_part(meeting, p, person_id, "proposal_not_serving")
    proposal = Proposal(new_id(), person_id, text)
    p.proposals.append(proposal)
    return proposal


def withdraw(p: Paragraph, proposal_id: str) -> None:
    """The proposer withdrew it: kept in the store, left out of the protocol."""
    proposal = p.proposal(proposal_id)
    if proposal is None:
        return
    proposal.withdrawn = True
    p.order = [x for x in p.order if x != proposal_id]
    if p.carried == proposal_id:
        p.carried = None


def set_order(meeting: Meeting, p: Paragraph, order: list[str], carried: str | None) -> None:
    """The beslutsgång: the proposals in the order put, and the one carried."""
    standing = {x.id for x in live(p)}
    if len(set(order)) != len(order) or not set(order) <= standing:
        raise StoreError("bad_order", paragraph=label(meeting, p.id))
    if carried is not None and carried not in (order or standing):
        raise StoreError("bad_order", paragraph=label(meeting, p.id))
    p.order, p.carried = list(order), carried


def tally(vote: Vote) -> tuple[int, int, int]:
    """(ja, nej, avstår) counted from the roll call."""
    return tuple(sum(1 for b in vote.ballots if b.vote == c) for c in VOTE_CHOICES)  # type: ignore[return-value]


def outcome(vote: Vote) -> str:
    """ "ja" or "nej": the side with more votes, or on a tie the chair's casting vote."""
    if vote.yes != vote.no:
        return "ja" if vote.yes > vote.no else "nej"
    return vote.casting


def add_vote(meeting: Meeting, p: Paragraph, vote: Vote, at: int | None = None) -> Vote:
    """Record a vote after checking it against who serves at the §; `at`: in
    place of the vote there (a vote corrected), not after the others.

    With a roll call, every serving member votes once (ja, nej or avstår) and
    nobody else does; without one, the totals must still add up to the
    serving members (jäv already left out). On a tie the chair's own vote
    decides; a chair who abstained must give the casting vote.
    """
    where = label(meeting, p.id)
    if not vote.proposition.strip():
        # What ja and nej mean: without it the record cannot say what won
        # ("Resultat: Ja har vunnit omröstningen" of nothing: a trial).
        raise StoreError("vote_no_proposition", paragraph=where)
    taking_part = serving(meeting, p.id)
    voters = {a.id for a in taking_part}
    if vote.ballots:
        seen: set[str] = set()
        for b in vote.ballots:
            if b.person not in voters:
                raise StoreError(
                    "ballot_not_serving", name=meeting.name_of(b.person), paragraph=where
                )
            if b.person in seen or b.vote not in VOTE_CHOICES:
                raise StoreError("bad_ballot", name=meeting.name_of(b.person), paragraph=where)
            seen.add(b.person)
        vote.yes, vote.no, vote.abstain = tally(vote)
        if len(seen) != len(voters):
            missing = [a.name for a in taking_part if a.id not in seen]
            raise StoreError(
                "roll_mismatch",
                votes=len(seen),
                serving=len(voters),
                paragraph=where,
                missing=", ".join(missing),
            )
    elif vote.yes + vote.no + vote.abstain != len(voters):
        raise StoreError(
            "tally_mismatch",
            votes=vote.yes + vote.no + vote.abstain,
            serving=len(voters),
            paragraph=where,
        )
    if vote.yes == vote.no:
        chair = chair_at(meeting, p)
        cast = next((b.vote for b in vote.ballots if b.person == chair), "")
        if cast in ("ja", "nej"):
            vote.casting = cast  # the chair's own vote is the casting vote
        if vote.casting not in ("ja", "nej"):
            # With no chair named, the office, in the message's own language
            # ("ordföranden has the casting vote" in English: a trial).
            name = meeting.name_of(chair) or Both(
                say("protocol.phrase_no_chair", "sv").lower(),
                say("protocol.phrase_no_chair", "en").lower(),
            )
            raise StoreError("casting_needed", name=name, paragraph=where)
    else:
        vote.casting = ""
    if at is None:
        p.votes.append(vote)
    else:
        p.votes[at] = vote
    return vote


def add_reservation(
    meeting: Meeting,
    p: Paragraph,
    person_id: str,
    for_proposal: str = "",
    reason: str = "",
    pending: bool = False,
) -> Reservation:
    """A reservation, only by someone who took part in the decision.

    `pending`: a written reason is to come by the adjustment.
    """
    _taking_part(meeting, p, person_id, "reservation_not_participant")
    if any(r.person == person_id for r in p.reservations):
        raise StoreError(
            "reservation_twice", name=meeting.name_of(person_id), paragraph=label(meeting, p.id)
        )
    reason = reason.strip()
    r = Reservation(person_id, reason, for_proposal.strip(), pending=pending and not reason)
    p.reservations.append(r)
    return r


def add_note(meeting: Meeting, p: Paragraph, person_id: str, text: str, kind: str) -> Note:
    """A protokollsanteckning or särskilt yttrande.

    By a member or ersättare present at the §, serving or not.
    """
    if kind not in PERSONAL_NOTES:
        raise StoreError("bad_note_kind", kind=kind)
    text = text.strip()
    if not text:
        raise StoreError("empty_text")
    a = meeting.attendee(person_id)
    if (
        a is None
        or a.guest
        or a.role not in ("ledamot", "ersattare")
        or not present_at(a, meeting, p.id)
    ):
        raise StoreError(
            "note_not_member",
            name=meeting.name_of(person_id) or person_id,
            paragraph=label(meeting, p.id),
        )
    note = Note(person_id, text, kind)
    p.notes.append(note)
    return note
