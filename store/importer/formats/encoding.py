"""The encoding of a text file, where it is not UTF-8.

Old protocols come from Windows (Windows-1252), DOS (code page 850), old
Macs (MacRoman) or Unix (Latin-1, ISO-8859-15). charset-normalizer ranks
how plausible each of these reads; of its readings the one with the most
å, ä and ö (and Å, Ä, Ö) wins, since a Swedish protocol has them in every
other line and a wrong code page turns them into other letters or signs.
"""

from __future__ import annotations

# Python's name, and the name the import reports, in order of preference.
PLAUSIBLE = {
    "cp1252": "Windows-1252",
    "iso8859_15": "ISO-8859-15",
    "latin_1": "Latin-1",
    "cp850": "DOS (cp850)",
    "mac_roman": "MacRoman",
}
_SWEDISH = set("åäöÅÄÖ")
# What a wrong code page tends to produce instead: controls, box drawing, signs.
_UNLIKELY = set("†‡‰‹›ŒŽœžŸ¤¦¨¬¯°±²³´µ¶·¸¹º¼½¾×÷ƒ˜™")


def _score(text: str) -> int:
    swedish = sum(ch in _SWEDISH for ch in text)
    unlikely = sum(
        ch in _UNLIKELY
        or (ord(ch) < 32 and ch not in "\t\n\r\x0c")
        or 0x7F <= ord(ch) < 0xA0
        or 0x2500 <= ord(ch) < 0x2600
        for ch in text
    )
    return swedish * 2 - unlikely * 3


def guess(data: bytes) -> tuple[str, str]:
    """(text, the encoding's name) of bytes that are not UTF-8."""
    from charset_normalizer import from_bytes  # on first use: it loads tables

    readings: dict[str, str] = {}
    rank: dict[str, int] = {}  # charset-normalizer's order: least chaos first
    for match in from_bytes(data, cp_isolation=list(PLAUSIBLE)):
        if match.encoding in PLAUSIBLE:
            readings[match.encoding] = str(match)
            rank[match.encoding] = len(rank)
    # charset-normalizer drops readings it finds too chaotic; any of the five
    # still decodes every byte (or nearly), so each is weighed here as well.
    for name in PLAUSIBLE:
        if name not in readings:
            try:
                readings[name] = data.decode(name)
            except UnicodeDecodeError:
                continue
    order = list(PLAUSIBLE)
    best = max(
        readings,
        key=lambda n: (_score(readings[n]), -rank.get(n, len(order)), -order.index(n)),
    )
    return readings[best], PLAUSIBLE[best]
