"""The labels of a protocol's head and the attendance headings, and how a
line is read as one: `Datum: 2024-03-05`, `Plats och tid Tingssalen, …`,
`Beslutande ledamöter`."""

from __future__ import annotations

import re

from ..dates import is_period
from .names import looks_like_name

# Attendance headings: the category they give, and whether those listed came.
# None: a list that does not say (plain "Närvarande").
ATTENDANCE: dict[str, tuple[str | None, bool]] = {}
for _words, _value in (
    (
        "beslutande, beslutande deltagare, beslutande ledamöter, närvarande beslutande, "
        "ledamöter, närvarande ledamöter, ordinarie ledamöter, beslutande medlemmar, "
        "närvarande med rösträtt, röstberättigade, röstberättigade medlemmar, "
        "närvarande ledamöter med rösträtt, ledamöter med rösträtt",
        ("beslutande", True),
    ),
    (
        "tjänstgörande ersättare, ersättare, närvarande ersättare, ej tjänstgörande ersättare, "
        "ersättare ej tjänstgörande, övriga ersättare, "
        # A förening's ersättare: `Närvarande suppleant: Petra Lind`.
        "suppleant, suppleanter, närvarande suppleant, närvarande suppleanter",
        ("ersattare", True),
    ),
    (
        "övriga, övriga deltagare, övriga närvarande, övriga styrelserepresentanter, "
        "tjänstepersoner, tjänstemän, närvarande tjänstepersoner, adjungerade, adjungerad, "
        "dessutom närvarande, gäster, föredragande, övriga deltagande, övriga deltagare, "
        "närvarande utan rösträtt, utan rösträtt",
        ("ovriga", True),
    ),
    (
        "frånvarande, anmält förhinder, förhinder, ej närvarande, frånvarande ledamöter",
        ("beslutande", False),
    ),
    (
        "närvarande, deltagare, deltagande, närvarolista, närvarande revisorer, "
        # As protokoll prints those an import knew only as signers.
        "närvarande enligt underskrifterna",
        (None, True),
    ),
    # English: `Present:` says who came, not who decided; `Absent:`.
    ("present, attendees, in attendance", (None, True)),
    ("absent, apologies", ("beslutande", False)),
):
    for _word in _words.split(", "):
        ATTENDANCE[_word] = _value
ATTENDANCE["ersättare, ej tjänstgörande"] = ("ersattare", True)  # as protokoll prints it

FIELDS = {
    "datum": "date",
    "dag": "date",
    "sammanträdesdatum": "date",
    "mötesdatum": "date",
    "tid": "time",
    "klockan": "time",
    "tidpunkt": "time",
    "sammanträdestid": "time",
    "plats": "place",
    "lokal": "place",
    "mötesplats": "place",
    "sammanträdesplats": "place",
    "organ": "organ",
    "omfattning": "range",
    "paragrafer": "range",
    "ordförande": "chair",
    "mötesordförande": "chair",
    "sekreterare": "secretary",
    "protokollförare": "secretary",
    "mötessekreterare": "secretary",
    "justerare": "adjusters",
    "justerande": "adjusters",
    "protokolljusterare": "adjusters",
    "utses att justera": "adjusters",
    "justeringspersoner": "adjusters",
    "justeringsperson": "adjusters",
    "plats och tid": "place_time",
    "tid och plats för justering": "kept",
    "plats och tid för justering": "kept",
    # An e-mail's head, a protocol sent as one: when it was sent is no meeting date.
    "skickat": "kept",
    "sent": "kept",
    "ämne": "kept",
    "subject": "kept",
    # When and where it is to be adjusted: said for the record, no meeting date.
    "justeringens plats och tid": "kept",
    "justeringens tid och plats": "kept",
    "justeringsdatum": "kept",
    "justeringsdag": "kept",
    "tid och plats": "place_time",
    "nämnd/styrelse": "organ",
    "organ och §§": "organ_range",
    "organ och paragrafer": "organ_range",
    "nämnd": "organ",
    "datum för anslags uppsättande": "posted",
    "anslaget uppsatt": "posted",
    "datum då anslaget sätts upp": "posted",
    "datum då anslaget sattes upp": "posted",
    "datum då anslaget tas ned": "kept",
    "datum för anslags nedtagande": "kept",
    "förvaringsplats för protokollet": "archive",
    "förvaringsplats": "archive",
    # An English protocol of a Swedish company's board (`Date: 14 March 2019`).
    "date": "date",
    "time": "time",
    "place": "place",
    "venue": "place",
    "chair": "chair",
    "chairman": "chair",
    "chairperson": "chair",
    "secretary": "secretary",
    "minutes taken by": "secretary",
    "adjusters": "adjusters",
}
# Fields whose value is a date or a time: without a colon, only a value with
# a digit in it (or a period) makes the line a field; "Dag Bergentoft" is a name.
_DATED = {"date", "time", "place_time", "posted"}
FUNCTIONS = {"chair", "secretary", "adjusters"}
# A function's field in the source's own word for it, which the protocol's
# label (`Ordförande:`) does not print: kept as the person's title.
OWN_WORD = {"mötesordförande", "mötessekreterare", "protokollförare", "protokolljusterare",
             "justeringsperson"}  # fmt: skip
_LABELLED = re.compile(r"^(?P<label>[^:]{2,40}?)\s*:\s*(?P<value>.*)$")

_KNOWN = {**{k: k for k in FIELDS}, **{k: k for k in ATTENDANCE}}


def is_label(text: str) -> bool:
    """A line that is a field or an attendance heading, not an item of the protocol."""
    return label_of(text.strip()) is not None


def label_of(text: str) -> tuple[str, str, bool] | None:
    """(label, value, had colon) for a line that starts with a known label."""
    m = _LABELLED.match(text)
    if m and (m["label"].casefold() in FIELDS or m["label"].casefold() in ATTENDANCE):
        return m["label"].casefold(), m["value"].strip(), True
    key = text.strip().casefold().rstrip(":")
    if key in FIELDS or key in ATTENDANCE:
        return key, "", False
    # A label without a colon, its value after it: `Plats och tid Tingssalen, …`.
    words = text.strip().replace("\t", " ").split()  # a tab after a label, as Word
    for n in range(min(5, len(words) - 1), 0, -1):
        label = " ".join(words[:n]).casefold()
        rest = " ".join(words[n:])
        if label not in _KNOWN:
            continue
        kind = FIELDS.get(label)
        if kind in _DATED and not (re.search(r"\d", rest) or is_period(rest)):
            return None  # "Dag Bergentoft": a name, not the day
        if kind in _DATED and m and not re.search(r"[\d,]", m["label"]):
            # `Datum då anslaget tas ned: 2024-04-03`: a label of its own before
            # its colon, not `Datum` with "då anslaget …" for its value.
            return None
        if (
            label in ATTENDANCE
            or n > 1
            or (len(rest.split()) <= 12 and not re.search(r"[.!?]$", rest))
        ):
            return label, rest.strip(), False
    return None


def titled_person(text: str) -> bool:
    """`Sekreterare Cia Dahl`: a function's word, no colon, one name after it
    (a row of a list of people, where `Sekreterare: Cia Dahl` is the field)."""
    found = label_of(text)
    if found is None or found[2] or FIELDS.get(found[0]) not in FUNCTIONS:
        return False
    names = names_in(found[1])
    return names is not None and len(names) == 1


def names_in(value: str) -> list[str] | None:
    value = re.sub(r"\s*\([^)]*\)", "", value)  # `Marcus Schön (M)`: the party aside
    parts = [p.strip() for p in re.split(r",|\boch\b|\bsamt\b", value) if p.strip()]
    return parts if parts and all(looks_like_name(p) for p in parts) else None
