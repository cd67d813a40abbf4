"""The usual formulas of a protocol, with names from the meeting.

Names come from the functions and the roster, never retyped, so that the
chair is spelled the same in § 1 and under the signature.
"""

from __future__ import annotations

from .labels import join_names
from .model import Meeting


def phrases(meeting: Meeting) -> list[tuple[str, str]]:
    """(label, text) pairs; the text is inserted at the cursor."""
    organ = meeting.organ or "Mötet"
    chair = meeting.name_of(meeting.functions.chair) or "ordföranden"
    adjusters = [meeting.name_of(a) for a in meeting.functions.adjusters]
    adjuster_text = join_names(adjusters, "sv") if adjusters else "…"
    return [
        ("beslutar att", f"{organ} beslutar att "),
        ("föreslår styrelsen att", f"{organ} föreslår styrelsen att "),
        ("läggs till handlingarna", "Informationen läggs till handlingarna."),
        ("bordläggs", "Ärendet bordläggs."),
        ("återremitteras", "Ärendet återremitteras."),
        ("val av justerare", f"Till justerare valdes {adjuster_text}."),
        ("dagordningen godkänns", "Dagordningen godkänns."),
        ("öppnande", f"Ordförande {chair} hälsar alla välkomna och förklarar mötet öppnat."),
        ("avslutande", f"Ordförande {chair} tackar de närvarande och förklarar mötet avslutat."),
        ("föregående protokoll", "Föregående protokoll läggs till handlingarna."),
        ("inga övriga frågor", "Inga övriga frågor."),
    ]
