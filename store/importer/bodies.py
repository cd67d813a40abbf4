"""Whose organ it is: a body's name on a line above a protocol's heading.

`Protokoll fört vid styrelsemöte` names a board, not whose: a brf's, a
vägförening's and an idrottsklubb's boards were all filed under one
`Styrelsen`, their § numbers, registers and follow-ups run together (a
trial). The letterhead above the heading says whose; these say which of its
lines names a body. What is read from them is a reading, reported.
"""

from __future__ import annotations

import re

# A body's name: `… kommun`, `Region …`, `… fiskevårdsområdesförening`, `… pastorat`,
# `Ekhagens vägsamfällighet`, `Stjärnans skytteklubb`, `Nordvik Fastigheter AB`.
_BODY_WORD = re.compile(
    r"(kommun|region|landsting|förbund|förening|stiftelse|församling|pastorat)"
    r"|(?:samfällighet|sällskap|klubb|aktiebolag|jaktlag|byalag)(?:en|et)?\b|bolaget\b|gillet?\b",
    re.I,
)
# The forms of association written as letters: `Brf Eken`, `IK Stjärnan`,
# `PRO Sandvikens Norra`, `Nordvik AB`, `Bygdens ek. för.`.
_BODY_MARK = re.compile(
    r"(?<!\w)(?:Brf|BRF|HSB|AB|HB|KB|IK|IF|IFK|BK|FF|FK|SK|GoIF|PRO|SPF|SKPF|KFUM|KFUK"
    r"|ek\.\s*för\.?|ekonomisk förening)(?!\w)"
)
# The boards of many bodies share one name, which says nothing of whose it is.
GENERIC_BOARDS = {"styrelsen", "styrelse"}
_PARTICLES = {"och", "i", "för", "vid", "av", "på", "&"}


def names_body(text: str) -> bool:
    """Whether a line names a body, by a word or mark of its form."""
    return bool(_BODY_WORD.search(text) or _BODY_MARK.search(text))


def may_be_body(text: str) -> bool:
    """A short line of capitalised words and nothing else (`Solgläntans Vänner`):
    a name, as a letterhead writes one; no digits, no sentence, no label."""
    words = text.split()
    if not 1 <= len(words) <= 6 or re.search(r"[\d:;!?]|\.$", text):
        return False
    return all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words)
