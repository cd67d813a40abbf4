"""People's names as documents write them: in lists, in signatures, in capitals.

One document may spell a name two ways (Skålen, Skålén) or in capitals on an
e-signature page. `People` finds the attendee behind each spelling and
reports the spellings that differ by more than case.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from ..model import Attendee, new_id
from ..roster import is_title
from .report import Report

_PARTICLES = {"von", "af", "av", "de", "van", "der", "la", "di", "da", "du", "el", "al"}
_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def name_key(name: str) -> str:
    """The same for every spelling of a name: case, accents and spacing aside."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s-]", " ", letters.casefold()).split())


# What follows a name to tell two of one name apart: `Axel Holm d.y.`
_SUFFIXES = {"d.y.", "d.ä.", "d.y", "d.ä", "jr", "jr.", "j:r", "sr", "sr.", "s:r"}


def looks_like_name(text: str) -> bool:
    """Two to four words, each capitalised, as in 'Ingrid Jerneborg Glimne'
    (and a suffix such as 'd.y.' after them)."""
    words = text.split()
    if len(words) > 2 and words[-1].casefold() in _SUFFIXES:
        words = words[:-1]
    if not 2 <= len(words) <= 4:
        return False
    for i, word in enumerate(words):
        if not _WORD.match(word) or word.endswith("."):
            return False
        if not word[0].isupper() and not (0 < i < len(words) - 1 and word in _PARTICLES):
            return False
    return True


# Titles written before a name (`Kyrkoherde Anna Ek`, `Rektor Per Lund`) that
# do not end as the roster's titles do (`…chef`, `…ordförande`, `kassör`).
_TITLES_BEFORE = {
    "kyrkoherde", "komminister", "präst", "diakon", "diakonissa", "kantor", "organist",
    "rektor", "prorektor", "kamrer", "vaktmästare", "borgmästare", "landshövding",
    "kommunalråd", "regionråd", "oppositionsråd", "kommunråd", "biskop", "domprost",
    "professor", "prof", "docent", "lektor", "dr", "intendent", "inspektor", "talman",
    "fastighetsskötare",
}  # fmt: skip


def title_before(name: str) -> tuple[str, str]:
    """`Kyrkoherde Anna Ek` as (`kyrkoherde`, `Anna Ek`), `Vice kårordförande
    Ebba Tornberg` as (`vice kårordförande`, `Ebba Tornberg`): words before a
    name, one of them a known title's, are the person's title, not part of
    the name; ("", name) otherwise. The capital that starts the line is dropped.
    """
    words = name.split()
    for n in range(1, len(words) - 1):
        title, rest = words[:n], " ".join(words[n:])
        if any(not (w[:1].islower() or w.endswith(".")) for w in title[1:]):
            break  # `Anna Maria Holm`: capitalised words are the name's
        if looks_like_name(rest) and any(
            w.casefold().rstrip(".") in _TITLES_BEFORE or is_title(w) for w in title
        ):
            first = title[0]
            title[0] = first[:1].lower() + first[1:] if first[1:].islower() else first
            return " ".join(title), rest
    return "", name


def proper_case(name: str) -> str:
    """'MADELEINE ROSENQVIST' as 'Madeleine Rosenqvist'; other spellings as they are."""
    if name.isupper():
        return "-".join(part.capitalize() for part in name.title().split("-"))
    return name


class People:
    """The attendees of the meeting being imported, found by any spelling."""

    def __init__(self, report: Report) -> None:
        self.attendees: list[Attendee] = []
        self._by_key: dict[str, Attendee] = {}
        self._report = report
        self._reported: set[tuple[str, str]] = set()
        self._lines: dict[str, int | None] = {}
        # People no list of the source names, added because they sign or hold
        # a function: present (they were there), but in which capacity the
        # source does not say (`Meeting.present_only`).
        self.unlisted: list[Attendee] = []

    def add(self, attendee: Attendee, line: int | None = None) -> Attendee:
        self.attendees.append(attendee)
        self._by_key.setdefault(name_key(attendee.name), attendee)
        self._lines.setdefault(attendee.id, line)
        return attendee

    def likely(self, name: str) -> Attendee | None:
        """Someone present whose name this is likely a misspelling of.

        The same first name and a surname beginning the same way (Sandström,
        Sandgren), or the same surname and a first name spelt nearly alike
        (Jakob, Jacob); one such person only, or none.
        """
        words = name_key(name).split()
        if len(words) < 2:
            return None
        found = []
        for a in self.attendees:
            other = name_key(a.name).split()
            if len(other) < 2 or other == words:
                continue
            first = difflib.SequenceMatcher(None, words[0], other[0]).ratio()
            same_first = words[0] == other[0]
            near_last = words[-1][:4] == other[-1][:4] and len(words[-1]) >= 4
            if (same_first and near_last) or (words[-1] == other[-1] and first >= 0.75):
                found.append(a)
        return found[0] if len(found) == 1 else None

    def line_of(self, attendee: Attendee) -> int | None:
        """The line the attendee was first read from, if known."""
        return self._lines.get(attendee.id)

    def knows(self, name: str) -> bool:
        return name_key(name) in self._by_key

    def find(self, name: str, line: int | None = None) -> Attendee | None:
        """The attendee of that name; a spelling that differs is reported once."""
        found = self._by_key.get(name_key(name))
        if found and name != found.name and name.casefold() != found.name.casefold():
            pair = (found.name, name)
            if pair not in self._reported:
                self._reported.add(pair)
                first = self._lines.get(found.id) or "?"
                self._report.warn(
                    line, "spelling", name=found.name, other=name, first=first, at=line or "?"
                )
        return found

    def find_or_add(self, name: str, line: int | None, key: str, **params: str) -> Attendee:
        """The attendee, or a new one present among others, reported with `key`."""
        found = self.find(name, line)
        if found:
            return found
        likely = self.likely(name)
        if likely:
            # Linked, not added: a second person would be invented.
            self._report.warn(
                line,
                "likely_misspelling",
                name=likely.name,
                other=name,
                at=line or "?",
                first=self._lines.get(likely.id) or "?",
            )
            self._by_key.setdefault(name_key(name), likely)
            return likely
        name = proper_case(name)
        self._report.warn(line, key, name=name, **params)
        added = self.add(Attendee(new_id(), name, present=True), line)
        self.unlisted.append(added)
        return added
