"""The usual formulas of a protocol, with names from the meeting.

Names come from the functions and the roster, never retyped, so that the
chair is spelled the same in § 1 and under the signature.
"""

from __future__ import annotations

from .labels import join_names, record_language
from .model import Meeting
from .words import say

# The phrases, in the order offered; each is "protocol.phrase_<name>" (what
# it is called) and "protocol.phrase_<name>_text" (what is inserted).
NAMES = (
    "decides",
    "proposes",
    "on_file",
    "deferred",
    "referred_back",
    "adjusters",
    "agenda",
    "opening",
    "closing",
    "previous",
    "no_other",
)


def phrases(meeting: Meeting, lang: str = "sv") -> list[tuple[str, str]]:
    """(label, text) pairs in the protocol's language; the text is inserted at the cursor."""
    organ = _organ(meeting, lang)
    name = meeting.name_of(meeting.functions.chair)
    if name:
        chair = say("protocol.phrase_chair_named", lang, name=name)
    else:
        chair = say("protocol.phrase_no_chair", lang)
    adjusters = [meeting.name_of(a) for a in meeting.functions.adjusters]
    adjuster_text = join_names(adjusters, lang) if adjusters else "…"
    values = {"organ": organ, "chair": chair, "adjusters": adjuster_text}
    out = []
    for name in NAMES:
        if name == "proposes":
            name = _proposal(meeting)
            if name is None:
                continue
        text = say(f"protocol.phrase_{name}_text", lang, **values)
        if name == "decides" and lang == meeting.rules.language:
            # The organ's own lead ("Mötet beslutade att" at a stämma), as F3
            # offers it; "Föreningsstämma beslutar att" had matched neither.
            text = meeting.rules.lead(organ) + " "
        out.append((say(f"protocol.phrase_{name}", lang), text))
    return out


def _organ(meeting: Meeting, lang: str) -> str:
    """The organ as a phrase names it, or words for one an import did not name."""
    return meeting.organ or say("protocol.phrase_no_organ", lang)


def _proposal(meeting: Meeting) -> str | None:
    """Which phrase the organ proposes with: a nämnd to the council, not a
    board; a stämma to nobody ("föreslår styrelsen att" made no sense there)."""
    profile = meeting.rules.profile
    if profile == "forening":
        return None
    return "proposes_council" if profile == "namnd" else "proposes"


def decision_leads(meeting: Meeting, voted: bool = False) -> list[str]:
    """The leads a decision is written with, the organ's own first
    ("Arbetsutskottet beslutar att"), then its proposal ("Arbetsutskottet
    föreslår styrelsen att") where it makes one: F3 in the decision dialog
    goes from one to the next. Four of the Kalmar seed's AU decisions are
    proposals, and each had taken Shift+Tab, End and twelve Backspaces (a trial).
    """
    leads = [meeting.rules.lead(meeting.organ, voted=voted)]
    name = _proposal(meeting)
    if name is not None:
        lang = record_language(meeting)
        text = say(f"protocol.phrase_{name}_text", lang, organ=_organ(meeting, lang)).strip()
        if text not in leads:
            leads.append(text)
    return leads
