"""How one § is cited from another: "Se AU 2025-04-10 § 11".

A reference names the organ the way secretaries write it, the meeting's date
and the § (or, in unnumbered minnesanteckningar, the item's place). It is
plain text, typed into another § as if the secretary had written it, so it
must read right on its own and in the printed protocol.
"""

from __future__ import annotations

import re

from .model import Meeting, Paragraph
from .words import say

# Bodies that Swedish minutes name by their initials, by the name's stem
# (no definite ending, no genitive s).
_ABBREVIATED = {
    "arbetsutskott": "AU",
    "kommunfullmäktige": "KF",
    "kommunstyrelse": "KS",
    "regionfullmäktige": "RF",
    "regionstyrelse": "RS",
    "landstingsfullmäktige": "LF",
    "landstingsstyrelse": "LS",
}

# The head of a compound like "utbildningsnämnden", and the letter it gives:
# "Barn- och utbildningsnämnden" is BUN, "Kultur- och fritidsnämnden" KFN.
_HEADS = {
    "nämnd": "N",
    "styrelse": "S",
    "utskott": "U",
    "fullmäktige": "F",
    "råd": "R",
    "beredning": "B",
}
_DEFINITE = ("et", "en", "n", "")
_COORDINATED = re.compile(r"^(?:\w+-,?\s+)+(?:och|&)\s+\w+$")


def _stems(word: str) -> list[str]:
    """The forms a stem can take: `arbetsutskottets` → … `arbetsutskott`."""
    word = word.casefold()
    forms = [word] + ([word[:-1]] if word.endswith("s") else [])
    return [f[: len(f) - len(end)] for f in forms for end in _DEFINITE if f.endswith(end)]


def _abbreviation(word: str) -> str | None:
    return next((_ABBREVIATED[s] for s in _stems(word) if s in _ABBREVIATED), None)


def _head(word: str) -> tuple[str, str] | None:
    """(modifier, letter) of a compound ending in an organ's head: `utbildningsnämnden`."""
    lowered = word.casefold()
    for head, letter in _HEADS.items():
        for end in _DEFINITE:
            if lowered.endswith(head + end) and len(lowered) > len(head + end):
                return word[: len(word) - len(head + end)], letter
    return None


def short_name(organ: str) -> str:
    """The organ as a reference names it.

    `Arbetsutskottet` → AU and `Kommunstyrelsens arbetsutskott` → KSAU (bodies
    known by their initials); `Barn- och utbildningsnämnden` → BUN (the
    coordinated names of nämnder, always shortened so); any other name as it
    is: `Styrelsen`, `Medlemsrådet`, `Styrelsen för Förbundet`.
    """
    words = organ.split()
    if not words:
        return ""
    known = [_abbreviation(w) for w in words]
    if all(known):
        return "".join(a for a in known if a)
    if _COORDINATED.match(" ".join(words)):
        head = _head(words[-1])
        if head is not None and head[0]:
            parts = [w.rstrip(",-") for w in words[:-2]] + [head[0]]
            return "".join(p[0].upper() for p in parts if p) + head[1]
    return " ".join(words)


def reference(
    meeting: Meeting, paragraph: Paragraph, lang: str, within: str | None = None
) -> str:
    """The citation of `paragraph` of `meeting`: `Se AU 2025-04-10 § 11`; in
    the meeting `within` (an id) itself, `Se § 11` (the meeting's own §
    had been cited by its organ and date: a trial).

    An unnumbered § (minnesanteckningar) is cited by its place: `punkt 3`.
    A meeting known only by a period ("Hösten 2024") is cited by it.
    """
    see, item = say("protocol.ref_see", lang), say("protocol.ref_item", lang)
    index = next(
        (i for i, p in enumerate(meeting.paragraphs) if p is paragraph or p.id == paragraph.id),
        None,
    )
    if index is None:
        raise ValueError(f"§ {paragraph.id} is not in meeting {meeting.id}")
    where = f"§ {paragraph.number}" if paragraph.number is not None else f"{item} {index + 1}"
    if within == meeting.id:
        return f"{see} {where}"
    parts = [see, short_name(meeting.organ), meeting.period or meeting.date, where]
    return " ".join(p for p in parts if p)
