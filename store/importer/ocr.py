"""A § number as OCR misreads it: `§ l`, `§ I`, `§ 1O` for `§ 1`, `§ 1`, `§ 10`;
and a date in a protocol's head: `2O24-03-12`, `den 3 mars 2O24`.

A scanned protocol run through OCR comes back with the digit one read as a
lower-case l or a capital I, and nought as a capital O. A § heading whose
number is such a word was not read as a § at all: its item ran into the
text before it. Read as digits only where the rest of the line is what
follows a § number (a capitalised word, or nothing), and reported as the
reading it is, with its line. A date so misread (a `Datum:` field, a
heading's day) was no date: the file was refused for want of one, or its
date taken from elsewhere. Read where the whole is a date once its numbers
are digits, each number with a digit of its own in it (`I mars 2024` is a
sentence's "I", not the first), and reported the same way.
"""

from __future__ import annotations

import re

from ..dates import parse_date
from ..errors import ValueProblem
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


_N = "[0-9lIO]"  # a number's character as OCR may give it (no `|`: a table's rule)
_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
# `2O24-03-12`, `12 mars 2O24`, `3/3 2O24`: the forms a heading's date takes.
_DATE = re.compile(
    rf"(?<![\w-])(?:{_N}{{4}}-{_N}{{1,2}}-{_N}{{1,2}}|{_N}{{1,2}}\s+(?i:{_MONTHS})\s+{_N}{{4}}"
    rf"|{_N}{{1,2}}/{_N}{{1,2}}\s+{_N}{{4}})(?![\w-])"
)
_NUMBER = re.compile(rf"\b{_N}+\b")  # a word of such characters only: not `juli`'s l


def read_dates(lines: list[Line], report: Report) -> list[Line]:
    """The lines, each date with misread digits read as the date it stands for."""
    out = []
    for line in lines:
        no = line.no
        text = _DATE.sub(lambda m, no=no: _read(m[0], no, report), line.text)
        out.append(line if text == line.text else Line(line.no, text, line.heading))
    return out


def _read(written: str, no: int, report: Report) -> str:
    """`2O24-03-12` as `2024-03-12`, said; as written when it is no date then."""
    numbers = _NUMBER.findall(written)
    if all(n.isdigit() for n in numbers) or not all(re.search(r"\d", n) for n in numbers):
        return written
    read = _NUMBER.sub(lambda n: n[0].translate(_AS_DIGIT), written)
    try:
        day = parse_date(read)
    except ValueProblem:
        return written
    report.warn(no, "ocr_date", written=written, date=day.isoformat())
    return read
