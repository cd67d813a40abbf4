"""The usual formulas of a protocol, with names from the meeting.

Names come from the functions and the roster, never retyped, so that the
chair is spelled the same in § 1 and under the signature.
"""

from __future__ import annotations

from .labels import join_names
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
    organ = meeting.organ or say("protocol.phrase_no_organ", lang)
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
        if name == "proposes" and meeting.rules.profile == "forening":
            continue  # a stämma proposes to nobody: "föreslår styrelsen att" made no sense
        if name == "proposes" and meeting.rules.profile == "namnd":
            name = "proposes_council"  # a nämnd proposes to the council, not a board
        text = say(f"protocol.phrase_{name}_text", lang, **values)
        if name == "decides" and lang == meeting.rules.language:
            # The organ's own lead ("Mötet beslutade att" at a stämma), as F3
            # offers it; "Föreningsstämma beslutar att" had matched neither.
            text = meeting.rules.lead(organ) + " "
        out.append((say(f"protocol.phrase_{name}", lang), text))
    return out
