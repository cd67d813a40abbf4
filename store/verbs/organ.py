"""An organ's settings and roster: the verbs that change them.

An organ verb is `verb(organ, ...) -> Change`: it checks first and changes
the organ only when nothing is wrong, or raises a one-line StoreError.
`change_organ` runs one or more of them on a stored organ and saves it, all
or nothing. Members have terms (`since`, `until`): a member who leaves stays
on the roster with an end date, so the meetings held during the term still
name them and new meetings do not.

`join_roster` is a meeting verb: it brings members added to the roster
during a meeting onto that meeting's attendance.
"""

from __future__ import annotations

import copy
import dataclasses
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..dates import parse_date
from ..errors import StoreError
from ..model import POLICIES, ROLES, Meeting, Organ, Person, Rules
from ..profiles import apply
from ..profiles import profile as find_profile
from ..roster import as_attendee, in_term, parse_person, parse_roster
from ..serial import to_dict
from .change import Change
from .events import happened
from .paragraphs import _writable

if TYPE_CHECKING:
    from ..store import Store


def _key(name: str) -> str:
    """The same for "Skålen" and "skålén ": case, accents and spacing aside."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.casefold().split())


def _date(text: str) -> str:
    """A date as typed ("1 juli 2025", "250701"), as ISO; "" stays open."""
    return parse_date(text).isoformat() if text.strip() else ""


def member(organ: Organ, ref: str) -> Person:
    """A roster member by id, by name in any case, or by a unique beginning of a name."""
    ref = ref.strip()
    found = organ.person(ref)
    if found is not None:
        return found
    key = _key(ref)
    exact = [p for p in organ.roster if _key(p.name) == key]
    matches = exact or [p for p in organ.roster if key and _key(p.name).startswith(key)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise StoreError("unknown_member", name=ref, organ=organ.name)
    names = ", ".join(p.name for p in matches[:5])
    raise StoreError("ambiguous_member", name=ref, matches=names)


def _check_term(p: Person) -> None:
    if p.since and p.until and p.until < p.since:
        raise StoreError("until_before_since", name=p.name, until=p.until, since=p.since)


def edit_organ(
    organ: Organ,
    *,
    name: str | None = None,
    organisation: str | None = None,
    numbering: str | None = None,
    profile: str | None = None,
    rules: Rules | None = None,
    agenda: list[str] | None = None,
    place: str | None = None,
    decision: str | None = None,
) -> Change:
    """Change the organ's settings; what is not given stays as it is.

    `decision` is the phrase a decision begins with, as the secretary writes
    it ("Arbetsutskottet föreslår styrelsen besluta att"); the organ's name
    in it follows a later rename.

    A profile ("" for none) fills in the standing agenda, the numbering and
    the rules as `store.profiles` has them; numbering, rules or agenda given
    as well are taken over that.
    """
    new_name = organ.name if name is None else " ".join(name.split())
    new_org = organ.organisation if organisation is None else " ".join(organisation.split())
    if not new_name:
        raise StoreError("empty_name")
    if not new_org:
        raise StoreError("empty_organisation")
    if numbering is not None and numbering not in POLICIES:
        raise StoreError("unknown_numbering", numbering=numbering)
    if profile:
        find_profile(profile)  # refuses an unknown one before anything changes
    items = standing_agenda(agenda) if agenda is not None else None
    organ.name, organ.organisation = new_name, new_org
    if profile:
        apply(organ, profile)
    elif profile == "":
        organ.rules = dataclasses.replace(organ.rules, profile="")
    if numbering is not None:
        organ.numbering = numbering
    if rules is not None:
        organ.rules = dataclasses.replace(rules)
    if items is not None:
        organ.agenda_template = items
    if place is not None:
        organ.place = " ".join(place.split())
    if decision is not None:
        organ.rules = dataclasses.replace(
            organ.rules, decision=decision_template(decision, organ.name)
        )
    return Change("v_organ_edited", {"organ": organ.name})


def standing_agenda(lines: list[str]) -> list[str]:
    """The standing agenda as kept: each item once, blank lines left out, an
    indented line indented by two spaces (an item of the heading above it:
    `model.agenda_items`).

    An item written twice is refused, naming it: a form whose box showed one
    line at 80x24 saved "Val av justerare" twice, and every meeting would
    have had it twice on its agenda (a trial)."""
    items = [
        ("  " if x[:1].isspace() else "") + " ".join(x.split()) for x in lines if x.strip()
    ]
    seen: set[str] = set()
    for item in items:
        key = item.strip().casefold()
        if key in seen:
            raise StoreError("agenda_twice", item=item.strip())
        seen.add(key)
    return items


def decision_template(phrase: str, organ_name: str) -> str:
    """The phrase as stored: "{organ}" where it names the organ, braces kept as text."""
    phrase = " ".join(phrase.split())
    if not phrase:
        return Rules().decision
    phrase = phrase.replace("{", "{{").replace("}", "}}")
    return phrase.replace(organ_name, "{organ}") if organ_name else phrase


def add_member(organ: Organ, line: str, since: str = "") -> Change:
    """A new member from a roster line ("Lena Forsberg (S), ordförande"), in term from `since`.

    Refused when someone of that name is on the roster and has not left.
    """
    p = parse_person(line)
    if p is None or not p.name:
        raise StoreError("empty_name")
    if since.strip():
        p.since = _date(since)
    _check_term(p)
    for other in organ.roster:
        if _key(other.name) == _key(p.name) and not other.until:
            raise StoreError("member_exists", name=p.name, organ=organ.name)
    organ.roster.append(p)
    return Change("v_member_added", {"name": p.name, "organ": organ.name})


def edit_member(
    organ: Organ,
    person: str,
    line: str | None = None,
    *,
    name: str | None = None,
    party: str | None = None,
    title: str | None = None,
    organisation: str | None = None,
    role: str | None = None,
) -> Change:
    """Fix a member's spelling, party, title, organisation or role; the id stays.

    `line` rewrites the member as a roster line does (a term it gives is
    taken too); the named fields are taken over that.
    """
    p = member(organ, person)
    new = dataclasses.replace(p)
    if line is not None:
        read = parse_person(line)
        if read is None:
            raise StoreError("empty_name")
        new = dataclasses.replace(
            read, id=p.id, since=read.since or p.since, until=read.until or p.until
        )
    for field, value in (
        ("name", name),
        ("party", party),
        ("title", title),
        ("organisation", organisation),
        ("role", role),
    ):
        if value is not None:
            setattr(new, field, " ".join(value.split()))
    if not new.name:
        raise StoreError("empty_name")
    if new.role not in ROLES:
        raise StoreError("unknown_role", role=new.role)
    _check_term(new)
    for other in organ.roster:
        if other.id != p.id and _key(other.name) == _key(new.name) and not other.until:
            raise StoreError("member_exists", name=new.name, organ=organ.name)
    organ.roster[organ.roster.index(p)] = new
    return Change("v_member_edited", {"name": new.name})


def retire_member(organ: Organ, person: str, until: str) -> Change:
    """The member's last day on the roster (`until`); "" puts them back for good."""
    p = member(organ, person)
    day = _date(until)
    if day and p.since and day < p.since:
        raise StoreError("until_before_since", name=p.name, until=day, since=p.since)
    p.until = day
    if not day:
        return Change("v_member_edited", {"name": p.name})
    return Change("v_member_retired", {"name": p.name, "date": day})


def set_roster(organ: Organ, text: str) -> Change:
    """The whole roster from text, one person a line, as the organ form shows it.

    People whose names are already on it keep their ids, so that the
    meetings they attended still link to them; the text is what counts for
    everything else, terms included.
    """
    people = parse_roster(text)
    seen: set[str] = set()
    for p in people:
        _check_term(p)
        if _key(p.name) in seen:
            raise StoreError("duplicate_member", name=p.name)
        seen.add(_key(p.name))
    known = {_key(p.name): p.id for p in organ.roster}
    for p in people:
        p.id = known.get(_key(p.name), p.id)
    organ.roster = people
    return Change("v_roster_set", {"organ": organ.name, "count": len(people)})


def join_roster(m: Meeting, organ: Organ) -> Change:
    """Bring the roster's changes onto a meeting not yet closed.

    Members in term at the meeting's date who are not on its attendance are
    added (not yet present), and those who are get the roster's spelling,
    party, organisation and title. Nobody is taken off: who attended is
    the meeting's own record.
    """
    _writable(m)
    if organ.id != m.organ_id:
        raise StoreError("unknown_organ", organ=organ.id)
    names: list[str] = []
    for p in organ.roster:
        a = m.attendee(p.id)
        if a is None:
            if in_term(p, m.date):
                m.attendees.append(as_attendee(p))
                names.append(p.name)
            continue
        now = (p.name, p.party, p.organisation, p.title)
        if (a.name, a.party, a.organisation, a.title) != now:
            a.name, a.party, a.organisation, a.title = now
            names.append(p.name)
    if not names:
        raise StoreError("roster_nothing_new")
    return Change("v_roster_joined", {"names": ", ".join(names)})


def change_organ(
    store: Store,
    organ_id: str,
    *steps: Callable[[Organ], Change],
    expected: Organ | None = None,
) -> list[Change]:
    """Run organ verbs on a stored organ and save it: all of them, or none.

    Each step is a verb with its arguments bound
    (`functools.partial(retire_member, person="Bo Ek", until="2025-06-30")`).
    The organ object is changed in place, so every holder sees the change.

    The steps run on the organ as it is on disk, under the catalogue's lock,
    not as this process last read it; `expected`, the organ as a form showed
    it, refuses the change if another process changed it since: the form's
    whole roster, saved over it, had dropped four members added meanwhile
    from the command line (a trial).
    """
    organ = store.organ(organ_id)
    before = copy.deepcopy(organ)
    try:
        with store.catalogue.writing():
            on_disk = store.catalogue.organ(organ_id)
            if on_disk is not None:
                if expected is not None and to_dict(on_disk) != to_dict(expected):
                    raise StoreError("organ_changed_elsewhere", organ=on_disk.name)
                organ.__dict__.update(on_disk.__dict__)
            changes = [step(organ) for step in steps]
            store.save_organ(organ)
    except StoreError:
        organ.__dict__.update(before.__dict__)
        raise
    happened(store, "organ_changed", organ_id=organ_id)
    return changes
