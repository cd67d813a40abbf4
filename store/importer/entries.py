"""One person as an attendance list writes them.

    Tomas Johansson (M), Marks kommun
    Jonas Erlandsson, ordf.
    Johan Björkman (M), Svenljunga (tom §5, därefter representation genom Kerstin)
    Peter Hemlin (M) Bollebygd medverkar enbart inför mötet

Name, party, organisation and title, the meeting function the list gives
(`ordf.`), partial presence (`t o m § 5`), and whatever else was written,
kept as a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..roster import is_title, part_kind, split_name
from .names import looks_like_name, title_before

FUNCTION_WORDS = {
    "ordf": "chair",
    "ordförande": "chair",
    "mötesordförande": "chair",
    "sekr": "secretary",
    "sekreterare": "secretary",
    "protokollförare": "secretary",
    "mötessekreterare": "secretary",
    "justerare": "adjuster",
    "protokolljusterare": "adjuster",
    "justeringsperson": "adjuster",
}
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_UNTIL = re.compile(r"\bt\.?\s*o\.?\s*m\.?\s*§\s*(\d+)", re.I)
_SINCE = re.compile(r"\bf\.?\s*r\.?\s*o\.?\s*m\.?\s*§\s*(\d+)", re.I)
_SPAN = re.compile(r"§§\s*(\d+)\s*[-–]\s*(\d+)")
# `för X`, `ersätter X`, and `tjänstgörande ersättare för X` written in the
# entry (a kyrkoråd's: the ersättare had been a ledamot "för" no one).
_SERVES = re.compile(
    r"^(?:(?:tjänstgörande\s+)?ersättare\s+för|för|ersätter|i stället för)\s+(.+)$", re.I
)
# Partial presence or service as protokoll prints it: `fr o m § 16`, `§§ 3–5`, `§ 18`.
_RANGE = (
    r"(?:f\.?\s*r\.?\s*o\.?\s*m\.?|t\.?\s*o\.?\s*m\.?)\s*§\s*\d+"
    r"|§§\s*\d+\s*[-–]\s*\d+|§\s*\d+"
)
_ONLY_RANGE = re.compile(rf"^(?:{_RANGE})$", re.I)
_NAME_AND_RANGE = re.compile(rf"^(?P<name>.+?)\s+(?P<range>{_RANGE})$", re.I)
_SINGLE = re.compile(r"^§\s*(\d+)$")


@dataclass
class Entry:
    name: str
    party: str = ""
    organisation: str = ""
    title: str = ""
    note: str = ""
    functions: list[str] = field(default_factory=list)
    since: int | None = None  # § numbers; the importer finds the §s
    until: int | None = None
    replaces: str = ""  # `för Birgitta Sandell`: the member a substitute serves for
    replaces_party: str = ""  # `för Anna Lund (S)`: hers
    serves: tuple[int | None, int | None] = (None, None)  # `för X fr o m § 16`


def _presence(entry: Entry, text: str) -> str:
    """Take `t o m § 5` and the like out of a parenthesis; return what is left."""
    span = _SPAN.search(text)
    if span:
        entry.since, entry.until = int(span[1]), int(span[2])
        text = text.replace(span[0], "")
    for pattern, attr in ((_UNTIL, "until"), (_SINCE, "since")):
        m = pattern.search(text)
        if m:
            setattr(entry, attr, int(m[1]))
            text = text.replace(m[0], "")
    single = _SINGLE.match(text.strip())
    if single:
        entry.since = entry.until = int(single[1])
        return ""
    return text.strip(" ,;")


_PARTY = re.compile(r"[A-ZÅÄÖ]{1,4}")
# A name, then the bracket: `Gunilla Ek (ordförande)`, not `Anna Ek, Region (Kalmar)`.
_NAME_THEN_PAREN = re.compile(r"^[^,(]+\(")


def _said_of_function(part: str) -> bool:
    """`ledamot enligt 4 kap. 21 § kommunallagen`, `ordförande i styrelsen`,
    `vice ordförande i Marks kommun`: a function's word and more words after
    it, what the person is there as; never an organisation, though it stands
    where one does (`Johan Wessel, ledamot enligt …` had one so named)."""
    words = part.split()
    if words and re.fullmatch(r"\d:[ae]", words[0]):
        words = words[1:]  # `1:e vice ordförande i …`
    return len(words) > 1 and is_title(words[0].rstrip("."))


def parse_entry(text: str, category: str | None) -> Entry | None:
    """The person a list line names, or None when it does not start with a name."""
    text = text.strip().lstrip("-*•–").strip()
    notes: list[str] = []
    entry = Entry("")
    for paren in _PAREN.findall(text):
        if "§" in paren:
            left = _presence(entry, paren)
            if left:
                notes.append(left)
            text = text.replace(f"({paren})", "").strip()
        elif not _PARTY.fullmatch(paren.strip()) and _NAME_THEN_PAREN.match(text):
            # `Gunilla Ek (ordförande)`, `Rasmus Holm (kassör)`, `Ingrid Wåhlin
            # (via telefon)`: a function, a title or a note in brackets, not a
            # party; the line had not been read as a person at all (a trial).
            said = " ".join(paren.split())
            word = said.casefold().rstrip(".")
            if word in FUNCTION_WORDS:
                entry.functions.append(FUNCTION_WORDS[word])
                if len(word) >= 6 and not said.endswith("."):
                    entry.title = ", ".join(x for x in (entry.title, said) if x)
            elif len(said.split()) == 1 and said[:1].islower():
                entry.title = ", ".join(x for x in (entry.title, said) if x)
            else:
                notes.append(said)
            text = text.replace(f"({paren})", "").strip()
    # Name, party and place are read as a roster reads them.
    entry.name, entry.party, parts, tail = split_name(
        text, lambda name: looks_like_name(title_before(name)[1])
    )
    if tail:
        notes.append(tail)
    # `Rektor Per Lund` reads as `Per Lund, rektor`.
    before, entry.name = title_before(entry.name)
    if not looks_like_name(entry.name):
        return None
    after_range = False
    for i, part in enumerate(parts):
        word = part.casefold().rstrip(".")
        if after_range and not _ONLY_RANGE.match(part) and word not in FUNCTION_WORDS:
            # What follows the presence (`t o m § 5, därefter …`) is said of it:
            # a note, as the protocol prints a note last, not a title.
            notes.append(part)
            continue
        their_party = re.search(r"\s*\(([A-ZÅÄÖ]{1,4})\)$", part)  # `för X (S)`: X's party
        serves = _SERVES.match(part[: their_party.start()] if their_party else part)
        ranged = _NAME_AND_RANGE.match(serves[1]) if serves else None
        if serves and their_party:
            entry.replaces_party = their_party[1]
        if ranged and looks_like_name(ranged["name"]):
            entry.replaces = ranged["name"]
            service = Entry("")
            _presence(service, ranged["range"])
            entry.serves = (service.since, service.until)
        elif serves and looks_like_name(serves[1]):
            entry.replaces = serves[1]
        elif _ONLY_RANGE.match(part):
            _presence(entry, part)
            after_range = True
        elif word.startswith("ej §"):
            notes.append(part)  # out for jäv: the § itself says so
        elif word in FUNCTION_WORDS:
            entry.functions.append(FUNCTION_WORDS[word])
            if part.endswith(".") or len(word) < 6:
                continue  # `ordf.`: a mark, not a title
            entry.title = ", ".join(x for x in (entry.title, part) if x)
        elif _said_of_function(part):
            entry.title = ", ".join(x for x in (entry.title, part) if x)
        elif (
            part_kind(
                part, i == 0 and bool(entry.party or category != "ovriga"), bool(entry.organisation)
            )
            == "organisation"
        ):
            entry.organisation = part
        else:
            entry.title = ", ".join(x for x in (entry.title, part) if x)
    if before:
        word = before.casefold().rstrip(".")
        if word in FUNCTION_WORDS:
            entry.functions.append(FUNCTION_WORDS[word])
        if word not in FUNCTION_WORDS or not (before.endswith(".") or len(word) < 6):
            entry.title = ", ".join(x for x in (before, entry.title) if x)  # said first
    entry.note = ", ".join(notes)
    return entry


def split_names(text: str) -> list[str] | None:
    """'Jacob Sandgren, Ingrid Jerneborg Glimne, Åsa Öberg, ordf.': people in a row.

    Each as a line of its own would be written (a function word stays with
    the name before it). None when the commas separate something else: a
    name and its organisation.
    """
    people: list[str] = []
    titled = 0
    for part in (p.strip() for p in re.split(r",|\boch\b", text)):
        if not part:
            continue
        bare = re.sub(r"\s*\([^)]*\)", "", part)  # `Gunilla Ek (ordförande)`: the name
        bare = title_before(bare)[1]  # `Rektor Per Lund`: the name after the title
        if part.casefold().rstrip(".") in FUNCTION_WORDS and people:
            people[-1] += f", {part}"
        elif looks_like_name(bare):
            people.append(part)
        elif people and part[:1].islower() and len(part.split()) <= 3 and "," not in people[-1]:
            # `Per Ås, kommunchef, Eva Holm, ekonom`: a title in lower case
            # after each name; the next capitalised name begins the next person.
            people[-1] += f", {part}"
            titled += 1
        else:
            return None
    if titled == len(people) >= 2:  # each name with its title, none without
        return people
    # Two parts joined by a comma are as often a name and an organisation.
    enough = len(people) >= 3 or (len(people) == 2 and re.search(r"\boch\b", text))
    return people if enough else None
