"""The end of a protocol: who signed it, and an e-signature page.

    Vid protokollet          Justeras
    Joakim Ivarsson          Madeleine Rosenqvist
    Förbundschef             1:e vice ordförande

A name starts a signer; the lines after it, to the next name, are what the
signer signed as (a title, an organisation). An e-signature page lists each
signer with the moment they signed; the last of those is the adjustment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .names import looks_like_name
from .source import Line

HEADS = {
    "vid protokollet": "secretary",
    "antecknat av": "secretary",
    "vid anteckningarna": "secretary",
    "protokollförare": "secretary",
    "sekreterare": "secretary",
    "justeras": "adjust",
    "justerat": "adjust",
    "justerare": "adjust",
    "justerande": "adjust",
    "protokollet justeras": "adjust",
    "ordförande": "chair",
    "mötesordförande": "chair",
    "underskrifter": "",
}
_ESIGN = re.compile(
    r"^(signatursida|detta dokument har (blivit )?elektroniskt (under)?teckn)", re.I
)
_ESIGN_NAME = re.compile(r"^(namn|name)\s*[:\t]\s*(?P<name>\S.*)$", re.I)
_ESIGN_DATE = re.compile(
    r"^(datum( & tid)?|date( & time)?|tidpunkt)\s*[:\t]\s*(?P<date>\d{4}-\d{2}-\d{2})", re.I
)
_CHAIR_WORD = re.compile(r"ordförande|ordf\b", re.I)
_FUNCTION_ONLY = re.compile(r"^(ordförande|ordf\.?|sekreterare|justerare|mötesordförande)$", re.I)


@dataclass
class Signer:
    name: str
    line: int
    block: str  # "secretary", "adjust", "chair" or ""
    extras: list[list[str]] = field(default_factory=list)  # lines after the name, in runs

    @property
    def signs_as_chair(self) -> bool:
        words = " ".join(x for run in self.extras for x in run)
        return bool(_CHAIR_WORD.search(words)) and "vice" not in words.casefold()

    def title_and_organisation(self) -> tuple[str, str]:
        """The last line is the title; lines before it name the organisation."""
        runs = [[x for x in run if not _FUNCTION_ONLY.match(x)] for run in self.extras]
        runs = [run for run in runs if run]
        if not runs:
            return "", ""
        title = runs[-1][-1]
        before = [*runs[:-1], runs[-1][:-1]]
        return title, ", ".join(" ".join(run) for run in before if run)


def is_head(text: str) -> bool:
    return text.strip().casefold().rstrip(":.") in HEADS


def is_esign(text: str) -> bool:
    return bool(_ESIGN.match(text.strip()))


def signers(lines: list[Line], known: Callable[[str], bool]) -> list[Signer]:
    """`known(name)` says whether a line is the name of someone in the meeting."""
    out: list[Signer] = []
    block = ""
    blank_before = True
    for line in lines:
        text = line.text.strip()
        if not text:
            blank_before = True
            continue
        if is_head(text):
            block = HEADS[text.casefold().rstrip(":.")]
            blank_before = True
            continue
        if known(text) or (looks_like_name(text) and blank_before):
            out.append(Signer(text, line.no, block))
        elif out:
            if blank_before or not out[-1].extras:
                out[-1].extras.append([])
            out[-1].extras[-1].append(text)
        blank_before = False
    return out


def esigned(lines: list[Line]) -> list[tuple[str, dt.date]]:
    """(name, day signed) for each signer of an e-signature page."""
    out = []
    name = None
    for line in lines:
        text = line.text.strip()
        m = _ESIGN_NAME.match(text)
        if m:
            name = m["name"].strip()
            continue
        d = _ESIGN_DATE.match(text)
        if d and name:
            try:
                out.append((name, dt.date.fromisoformat(d["date"])))
            except ValueError:
                pass
            name = None
    return out
