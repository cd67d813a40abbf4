"""Who is at the meeting and in what function; arrivals, departures, substitutes.

The rules of who serves when are `store.timeline`'s; these verbs call it and
say what changed.
"""

from __future__ import annotations

from .. import timeline
from ..attendance import is_member, seat_basis, substitutes_at
from ..errors import StoreError
from ..labels import function_word
from ..model import Attendee, Meeting, new_id
from .change import Change
from .paragraphs import _writable

FUNCTIONS = ("chair", "secretary", "adjuster")


def set_present(m: Meeting, attendee_id: str, present: bool) -> Change:
    """Present for the whole meeting, or not there at all (before the first §)."""
    _writable(m)
    a = timeline.attendee(m, attendee_id)
    a.present = present
    if not present:
        a.arrived = a.left = None
        a.replaces = a.serves_from = a.serves_until = None
    return Change("v_present" if present else "v_absent", {"name": a.name})


def all_members_present(m: Meeting) -> Change:
    """The upprop's start: every ledamot not yet marked, present for the whole
    meeting; the absent are then taken off one by one. 38 × (Space, ↓) had
    marked a fullmäktige of 41 (a trial)."""
    _writable(m)
    marked = [a for a in m.attendees if is_member(a) and not a.present]
    if not marked:
        raise StoreError("all_present_already")
    for a in marked:
        set_present(m, a.id, True)
    return Change("v_all_present", {"n": len(marked)})


def arrive(
    m: Meeting, attendee_id: str, paragraph_id: str | None, from_start: bool = False
) -> Change:
    """Present from this § on; `from_start`: its decisions taken with her too."""
    _writable(m)
    a = timeline.attendee(m, attendee_id)
    timeline.arrive(m, attendee_id, paragraph_id, from_start)
    where = timeline.label(m, paragraph_id)
    if not where:  # before any §: "kom till" and nothing had been said (a trial)
        return Change("v_arrived_start", {"name": a.name})
    return Change("v_arrived", {"name": a.name, "paragraph": where})


def leave(m: Meeting, attendee_id: str, paragraph_id: str | None) -> Change:
    """Gone after the § before this one; a serving substitute stops serving instead."""
    _writable(m)
    a = timeline.attendee(m, attendee_id)
    if a.replaces and substitutes_at(a, m, paragraph_id):
        timeline.stop_substituting(m, attendee_id, paragraph_id)
        return Change("v_stopped_serving", {"name": a.name})
    timeline.leave(m, attendee_id, paragraph_id)
    if a.left is None:  # gone before taking part in anything
        return Change("v_absent", {"name": a.name})
    # Said as the protocol says it: present up to and including that §.
    return Change("v_left", {"name": a.name, "paragraph": timeline.label(m, a.left)})


def substitute(
    m: Meeting,
    attendee_id: str,
    member_id: str,
    paragraph_id: str | None,
    from_start: bool = False,
) -> Change:
    """The ersättare serves for the member from this § on; `from_start`: its
    decisions taken with her serving too."""
    _writable(m)
    timeline.substitute(m, attendee_id, member_id, paragraph_id, from_start)
    a, member = m.attendee(attendee_id), m.attendee(member_id)
    said = {"name": m.name_of(attendee_id), "member": m.name_of(member_id)}
    if a is None or member is None:
        return Change("v_substitutes", said)
    # Allowed (an organ's order of ersättare may cross them), and said: whose
    # seat it is, the organisation's or the party's (trials 7 and 8).
    basis = seat_basis(a, member)
    if basis and getattr(a, basis) != getattr(member, basis):
        theirs = {"ours": getattr(a, basis), "theirs": getattr(member, basis)}
        return Change(f"v_substitutes_{basis}", {**said, **theirs})
    return Change("v_substitutes", said)


def toggle_function(m: Meeting, attendee_id: str, function: str) -> Change:
    """Chair, secretary, or one of the adjusters: on, or off again."""
    _writable(m)
    a = timeline.attendee(m, attendee_id)
    f = m.functions
    held = a.id in f.adjusters if function == "adjuster" else getattr(f, function, None) == a.id
    if not held and not a.present and function in FUNCTIONS:
        # Who signs must have been there: an absent member made justerare
        # printed as both Frånvarande and Justerare, and signed (trial 5).
        raise StoreError("function_absent", name=a.name, function=function_word(function))
    if function == "adjuster":
        on = a.id not in f.adjusters
        f.adjusters = [*f.adjusters, a.id] if on else [x for x in f.adjusters if x != a.id]
    elif function in ("chair", "secretary"):
        before = m.attendee(getattr(f, function))
        on = before is not a
        setattr(f, function, a.id if on else None)
        if before is not None and before is not a:
            _default_title(m, before, function, False)  # no longer signs as chair
        _default_title(m, a, function, on)
    else:
        raise StoreError("unknown_function", function=function)
    return Change(f"v_{function}_{'on' if on else 'off'}", {"name": a.name})


def _default_title(m: Meeting, a: Attendee, function: str, on: bool) -> None:
    """What the chair or secretary signs as, from the roster, unless already set.

    An official who keeps the minutes signs with the title ("Förbundschef");
    a chair only with a chair's title ("1:a vice ordförande"), not as
    "kommunalråd". Taken off again with the function if it was the default.
    """
    titles = dict(m.functions.titles)
    if on and a.title and a.id not in titles:
        if function == "secretary" or "ordförande" in a.title.casefold():
            titles[a.id] = a.title
    elif not on and titles.get(a.id, "").casefold() == a.title.casefold():
        titles.pop(a.id, None)
    m.functions.titles = titles


def set_signature_title(m: Meeting, attendee_id: str, title: str) -> Change:
    """What the person signs as ("Förbundschef"); "" signs with the function's word."""
    _writable(m)
    a = timeline.attendee(m, attendee_id)
    title = " ".join(title.split())
    titles = {k: v for k, v in m.functions.titles.items() if k != a.id}
    if title:
        titles[a.id] = title
    m.functions.titles = titles
    return Change("v_signs_as", {"name": a.name, "title": title or "—"})


def add_guest(
    m: Meeting, name: str, title: str = "", organisation: str = "", at: str | None = None
) -> Change:
    """Someone not on the roster, present from the § being written (`at`)."""
    _writable(m)
    name = " ".join(name.split())
    if not name:
        raise StoreError("empty_name")
    m.attendees.append(
        Attendee(
            id=new_id(),
            name=name,
            title=title.strip(),
            organisation=organisation.strip(),
            role="tjansteperson",
            present=True,
            category="ovriga",
            guest=True,
            arrived=at,
        )
    )
    return Change("v_guest", {"name": name})
