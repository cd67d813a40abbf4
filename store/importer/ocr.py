"""A § number as OCR misreads it: `§ l`, `§ I`, `§ 1O` for `§ 1`, `§ 1`, `§ 10`.

A scanned protocol run through OCR comes back with the digit one read as a
lower-case l or a capital I, and nought as a capital O. A § heading whose
number is such a word was not read as a § at all: its item ran into the
text before it. Read as digits only where the rest of the line is what
follows a § number (a capitalised word, or nothing), and reported as the
reading it is, with its line.
"""

from __future__ import annotations

import re

from .report import Report
from .source import Line

_AS_DIGIT = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0"})
# `§ l Sammanträdet öppnades`, `KF § I Val av justerare`, `§ 1O.`, `l2 § Ekonomi`:
# the number, with at least one letter in it, then a capital or the line's end.
_BEFORE = re.compile(
    r"^(?P<head>\s*(?:[A-ZÅÄÖ]{1,5}\s+){0,2}§\s*)(?P<number>[0-9lIO|]{1,3})"
    r"(?P<tail>\s*[.:]?(?:\s+[-–—]?\s*[A-ZÅÄÖ]\S*.*)?)$"
)
_AFTER = re.compile(
    r"^(?P<head>\s*)(?P<number>[0-9lIO|]{1,3})(?P<tail>\s*§\s*[.:]?(?:\s*[-–—]?\s*[A-ZÅÄÖ]\S*.*)?)$"
)


def read_numbers(lines: list[Line], report: Report) -> list[Line]:
    """The lines, each § heading's misread number read as the digits it stands for."""
    out = []
    for line in lines:
        found = _BEFORE.match(line.text) or _AFTER.match(line.text)
        number = found["number"] if found else ""
        digits = number.translate(_AS_DIGIT)
        if not found or number == digits or not digits.isdigit() or int(digits) == 0:
            out.append(line)
            continue
        text = found["head"] + digits + found["tail"]
        report.warn(line.no, "ocr_number", written=number, number=digits)
        out.append(Line(line.no, text, line.heading))
    return out
