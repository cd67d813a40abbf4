"""Who the meeting elected to run it, as the text of a § or point says.

    Mötet valde Elin Andersson till mötesordförande.
    Till ordförande för stämman valdes Karin Ek.
    Mats Karlsson valdes att justera dagens protokoll.

Only functions of the meeting itself: `Mötet valde David Klarlund till
ordförande` under "Val av styrelse" elects the association's chair, not the
meeting's, and is left alone.
"""

from __future__ import annotations

import re

from .names import looks_like_name

_OF_MEETING = (
    r"(?:för|vid|på)\s+(?:mötet|stämman|årsmötet|föreningsstämman|sammanträdet|dagens\s+möte)"
)
_ROLES = {
    "chair": rf"(?:mötesordförande|stämmoordförande|ordförande\s+{_OF_MEETING})",
    "secretary": rf"(?:mötessekreterare|protokollförare|sekreterare\s+{_OF_MEETING})",
    "adjusters": r"(?:justerare|justerande|justeringsm[aä]n|justeringspersoner|protokolljusterare"
    r"|rösträknare\s+och\s+justerare|justerare\s+och\s+rösträknare)",
}
_VERB = r"(?:valde|väljer|utsåg|utser)"
_PASSIVE = r"(?:valdes|väljs|utsågs|utses)"


def _patterns(role: str) -> list[re.Pattern]:
    r = _ROLES[role]
    out = [
        rf"\b{_VERB}\s+(?P<names>.+?)\s+(?:till|som)\s+{r}\b",
        rf"^till\s+{r}\s+{_PASSIVE}\s+(?P<names>.+?)\.?$",
        rf"^(?P<names>.+?)\s+{_PASSIVE}\s+(?:till|som)\s+{r}\b",
    ]
    if role == "adjusters":
        out.append(rf"^(?P<names>.+?)\s+{_PASSIVE}\b.*\bjustera\b")
    return [re.compile(p, re.I | re.S) for p in out]


_COMPILED = {role: _patterns(role) for role in _ROLES}
_PARTY = re.compile(r"\s*\([^)]*\)")


def names_in(text: str) -> list[str]:
    """`Marcus Schön (M) och Per-Ola Herdinius (S)` → the two names."""
    parts = re.split(r",|\boch\b|\bsamt\b", _PARTY.sub("", text))
    return [p.strip() for p in parts if looks_like_name(p.strip())]


def elected(sentence: str) -> dict[str, list[str]]:
    """The meeting's functions a sentence elects: {"chair": [...], …}."""
    found: dict[str, list[str]] = {}
    for role, patterns in _COMPILED.items():
        for pattern in patterns:
            m = pattern.search(sentence.strip())
            if m:
                names = names_in(m["names"])
                if names:
                    found[role] = names
                    break
    return found
