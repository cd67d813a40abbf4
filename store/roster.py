"""People written one a line, the way protocols list them: the one reader of such a line.

    Karin Lindqvist (S), Lövstads kommun, ordförande
    ers: Lars Wiklund (S), Region Norrå
    tj: Maria Öberg, förbundschef
    Lena Forsberg (S), 1:a vice ordförande, t.o.m. 2025-06-30

`ers:` marks an ersättare and `tj:` a tjänsteperson; the rest are ledamöter.
After the name and the party come the organisation and the title, in either
order: a part that is a function or a title ("ordförande", "vice ordförande",
"förbundschef") is the title, whatever its place; a part that names a
kommun, region or authority is the organisation. `fr.o.m. DATUM` and
`t.o.m. DATUM` give the member's term on the roster.

The organ form, the command line and the importer of attendance lists all
read names, parties, organisations and titles here; the importer adds what
only a protocol says (`tom §5`, `för NAMN`, notes).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .dates import parse_date
from .model import Attendee, Person, new_id

_PREFIX = {
    "ers": "ersattare",
    "ersättare": "ersattare",
    "tj": "tjansteperson",
    "tjänsteperson": "tjansteperson",
    "led": "ledamot",
    "ledamot": "ledamot",
}
# A party is a short mark in parentheses: (S), (KD), (MP).
_PARTY = re.compile(r"^(?P<name>[^(,]+?)\s*\((?P<party>[^()]{1,4})\)\s*(?P<rest>.*)$")
# The last word of an organisation's name: "Marks kommun", "Försäkringskassan".
_ORGANISATION = re.compile(
    r"(kommun|kommuns|region|regionen|landsting|län|kassan|förmedlingen|förbund|förbundet|"
    r"stad|staden|myndighet|myndigheten|nämnd|nämnden|bolag|ab|förening|föreningen)$",
    re.I,
)
# What a function or a title ends with, so that "1:a vice ordförande",
# "Kommunstyrelsens ordförande" and "tf. förbundschef" are all titles.
_TITLE = re.compile(
    r"(ordförande|ordf|sekreterare|sekr|kassör|chef|ledamot|ledamöter|ersättare|suppleant|"
    r"justerare|protokollförare|revisor|handläggare|samordnare|strateg|controller|ansvarig|"
    r"direktör|ombud|rådgivare|utredare|koordinator|ledare|tjänsteperson|tjänsteman|"
    r"representant|adjungerad|ekonom|sakkunnig|talesperson|gruppledare|vice)$",
    re.I,
)
_PLACE_WORDS = {"kommun", "län", "stad", "region", "landsting"}
# `fr.o.m. 2025-01-01`, `t.o.m. 30 juni 2025`: a term on the roster (never a §).
_TERM = re.compile(
    r"^(?P<which>f\.?\s*r\.?\s*o\.?\s*m|t\.?\s*o\.?\s*m)\.?\s+(?P<date>[^§]+)$", re.I
)


def split_role(text: str) -> tuple[str | None, str]:
    """`ers: Lars Wiklund`: the role the prefix gives (None without one), and the rest."""
    head, sep, tail = text.partition(":")
    key = head.strip().casefold()
    if sep and key in _PREFIX:
        return _PREFIX[key], tail.strip()
    return None, text.strip()


def split_place(rest: str) -> tuple[str, str]:
    """'Bollebygd medverkar enbart inför mötet': the place, then the rest."""
    words = rest.split()
    n = 0
    while n < len(words) and (words[n][0].isupper() or words[n] in _PLACE_WORDS):
        n += 1
    return " ".join(words[:n]), " ".join(words[n:])


def split_name(
    text: str, is_name: Callable[[str], bool] | None = None
) -> tuple[str, str, list[str], str]:
    """Name, party, the comma-separated parts after them, and what followed a place.

    `Peter Hemlin (M) Bollebygd medverkar enbart` has no comma after the
    party: the capitalised words are the place and the rest is returned
    last, for the caller to keep. `is_name` (when given) must accept the
    name before a parenthesis for it to be read as a party.
    """
    m = _PARTY.match(text)
    if m and (is_name is None or is_name(m["name"].strip())):
        name, party, rest = m["name"].strip(), m["party"].strip(), m["rest"].strip()
        tail = ""
        if rest and not rest.startswith(","):
            first, *others = rest.split(",")
            place, tail = split_place(first)
            rest = ", ".join(x for x in (place, *others) if x.strip())
        return name, party, [p.strip() for p in rest.split(",") if p.strip()], tail
    head, *parts = [p.strip() for p in text.split(",")]
    return head, "", [p for p in parts if p], ""


def is_title(part: str) -> bool:
    """A function or a title ("vice ordförande", "Förbundschef"), not a place."""
    word = part.strip().rstrip(".").strip()
    return bool(word) and not is_organisation(word) and bool(_TITLE.search(word))


def is_organisation(part: str) -> bool:
    """A part whose last word names a kommun, region, authority or association."""
    return bool(_ORGANISATION.search(part.strip().rstrip(".")))


def part_kind(part: str, place_here: bool, have_organisation: bool) -> str:
    """ "title" or "organisation": what a part after the name is.

    `place_here`: the part stands where the caller's lists put the
    organisation (the first part of a member's line); a title word is a
    title there too.
    """
    if is_title(part):
        return "title"
    if not have_organisation and (is_organisation(part) or place_here):
        return "organisation"
    return "title"


def _term(part: str) -> tuple[str, str] | None:
    """`t.o.m. 2025-06-30` as ("until", "2025-06-30"); None for other parts."""
    m = _TERM.match(part.strip())
    if m is None:
        return None
    which = "since" if m["which"].casefold().startswith("f") else "until"
    return which, parse_date(m["date"]).isoformat()


def parse_person(line: str) -> Person | None:
    """One roster line as a Person (a new id); None for a blank line.

    A date that cannot be read in `fr.o.m.`/`t.o.m.` raises ValueProblem.
    """
    text = line.strip()
    if not text:
        return None
    role, text = split_role(text)
    role = role or "ledamot"
    name, party, parts, tail = split_name(text)
    name = " ".join(name.split())
    if tail:
        parts.append(tail)
    since = until = ""
    rest: list[str] = []
    for part in parts:
        term = _term(part)
        if term is None:
            rest.append(part)
        elif term[0] == "since":
            since = term[1]
        else:
            until = term[1]
    # Staff are listed with a title ("tj: Maria Öberg, förbundschef"); a lone
    # part after a staff member's name is an organisation only when it says so.
    staff = role == "tjansteperson" and len(rest) == 1
    organisation, titles = "", []
    for i, part in enumerate(rest):
        kind = part_kind(part, i == 0 and not staff, bool(organisation))
        if kind == "organisation":
            organisation = part
        else:
            titles.append(part)
    return Person(new_id(), name, ", ".join(titles), organisation, party, role, since, until)


def parse_roster(text: str) -> list[Person]:
    return [p for p in (parse_person(line) for line in text.splitlines()) if p]


def format_person(p: Person) -> str:
    """The line `parse_person` reads back as the same person."""
    prefix = {"ersattare": "ers: ", "tjansteperson": "tj: "}.get(p.role, "")
    head = p.name + (f" ({p.party})" if p.party else "")
    term = [f"fr.o.m. {p.since}" if p.since else "", f"t.o.m. {p.until}" if p.until else ""]
    return prefix + ", ".join(x for x in (head, p.organisation, p.title, *term) if x)


def in_term(p: Person, date: str) -> bool:
    """Whether the member is on the roster at a meeting held on `date`.

    A meeting known only by its year ("Hösten 2024" keeps "2024") counts a
    member who was on the roster any day of that year.
    """
    if not date:
        return not p.until
    first, last = (f"{date}-01-01", f"{date}-12-31") if len(date) == 4 else (date, date)
    return (not p.since or p.since <= last) and (not p.until or first <= p.until)


def as_attendee(p: Person) -> Attendee:
    """A roster member on a new meeting's attendance, not yet marked present."""
    category = {"ledamot": "beslutande", "ersattare": "ersattare"}.get(p.role, "ovriga")
    return Attendee(
        id=p.id,
        name=p.name,
        title=p.title,
        organisation=p.organisation,
        party=p.party,
        role=p.role,
        category=category,
    )
