"""People written one a line, the way protocols list them.

    Karin Lindqvist (S), Lövstads kommun, ordförande
    ers: Lars Wiklund (S), Region Norrå
    tj: Maria Öberg, förbundschef

`ers:` marks an ersättare and `tj:` a tjänsteperson; the rest are ledamöter.
"""

from __future__ import annotations

import re

from .model import Person, new_id

_PREFIX = {
    "ers": "ersattare",
    "ersättare": "ersattare",
    "tj": "tjansteperson",
    "tjänsteperson": "tjansteperson",
    "led": "ledamot",
    "ledamot": "ledamot",
}
_PARTY = re.compile(r"^(?P<name>[^(,]+?)\s*\((?P<party>[^)]*)\)?\s*(?P<rest>.*)$")


def parse_person(line: str) -> Person | None:
    text = line.strip()
    if not text:
        return None
    role = "ledamot"
    head, sep, tail = text.partition(":")
    if sep and head.strip().lower() in _PREFIX:
        role = _PREFIX[head.strip().lower()]
        text = tail.strip()
    party = ""
    m = _PARTY.match(text)
    if m:
        name, party, rest = m["name"].strip(), m["party"].strip(), m["rest"].lstrip(", ")
        parts = [name] + ([p.strip() for p in rest.split(",")] if rest else [])
    else:
        parts = [p.strip() for p in text.split(",")]
    name = parts[0]
    if role == "tjansteperson" and len(parts) == 2:
        # "Maria Öberg, förbundschef": for staff the one extra is a title.
        return Person(new_id(), name, parts[1], "", party, role)
    organisation = parts[1] if len(parts) > 1 else ""
    title = ", ".join(parts[2:])
    return Person(new_id(), name, title, organisation, party, role)


def parse_roster(text: str) -> list[Person]:
    return [p for p in (parse_person(line) for line in text.splitlines()) if p]


def format_person(p: Person) -> str:
    prefix = {"ersattare": "ers: ", "tjansteperson": "tj: "}.get(p.role, "")
    head = p.name + (f" ({p.party})" if p.party else "")
    if p.role == "tjansteperson" and not p.organisation:
        return prefix + ", ".join(x for x in (head, p.title) if x)
    return prefix + ", ".join(x for x in (head, p.organisation, p.title) if x)
