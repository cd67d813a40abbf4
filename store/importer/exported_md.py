"""A protocol protokoll exported as Markdown, read as the text export reads.

The Markdown export (`store.render.render_markdown`) is the text protocol
with markup: fields as `- **Datum:** …`, lists headed by `**Beslutande**`,
items as `- …` with hard-broken lines indented two spaces, notes in `*…*`,
and every character of the user's text that could start markup escaped
with a backslash. Read as plain text, its escapes, list markers and
emphasis would become words of the protocol ("\\_\\_", "- Dagordningen
godkänns.") and its fields no fields. Here each line becomes what the text
export prints in its place, keeping its number in the file: escapes
undone, a list item indented as the text export indents it, emphasis and
hard-break spaces gone. Headings (`## § 1 Titel`) stay headings.
"""

from __future__ import annotations

import re

# The text export's indents: a list item, and a line that goes on with it.
ITEM = "    "
GOES_ON = "      "
# CommonMark escapes ASCII punctuation only; the export escapes nothing else.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_FIELD = re.compile(r"^- \*\*([^*\n]+?):\*\* ?(.*)$")
_HEADING = re.compile(r"^(#{1,6}) (.*)$")
_LABEL = re.compile(r"^\*\*([^*\n]+)\*\*$")
_ITEM = re.compile(r"^( *)- (.*)$")
# Emphasis: a `*` that no backslash escapes (user text has every `*` escaped).
_STAR = re.compile(r"(?<!\\)\*+")


def is_exported(text: str) -> bool:
    """The Markdown protokoll exports: a `# Title` first, and its fields as a list.

    Looked for in the head only: a protocol's fields come before its §§.
    """
    lines = [x for x in text.split("\n")[:40] if x.strip()]
    if not lines or not re.match(r"^# \S", lines[0]):
        return False
    return any(_FIELD.match(x) for x in lines[1:])


def unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def as_text(raw: str, goes_on: str | None) -> tuple[str, int, str | None]:
    """One line of the export as the text export prints it.

    `goes_on`: the indent a line that continues the one before (a hard
    break inside a field's value or a list item) gets, or None. Returns the
    text, its heading level (0 for none), and that indent for the next line.
    """
    line = raw.rstrip()  # two spaces at the end: a hard line break
    if not line.strip():
        return "", 0, None
    heading = _HEADING.match(line)
    if heading:
        return unescape(heading[2]), len(heading[1]), None
    field = _FIELD.match(line)
    if field:
        key = unescape(field[1]) + ":"
        # The value's later lines stand under its first, as the text export pads them.
        return f"{key} {_inline(field[2])}", 0, " " * (len(key) + 1)
    label = _LABEL.match(line)
    if label:
        return unescape(label[1]), 0, None
    item = _ITEM.match(line)
    if item:
        if len(item[1]) >= 2:  # a list inside a list: a roll-call's lines
            return GOES_ON + _inline(item[2]), 0, GOES_ON
        return ITEM + _inline(item[2]), 0, GOES_ON
    if goes_on is not None and line.startswith("  "):
        return goes_on + _inline(line.strip()), 0, goes_on
    return _inline(line), 0, None


def _inline(text: str) -> str:
    return unescape(_STAR.sub("", text))


def lines(text: str) -> list[tuple[int, str, int]]:
    """The lines of the export (number in the file, text, heading level).

    The blank line the export puts between a list's label and its items
    is left out: the text export has none there, and a blank line ends a
    list of decisions or people for the reader.
    """
    raws = text.split("\n")
    out: list[tuple[int, str, int]] = []
    goes_on: str | None = None
    for i, raw in enumerate(raws):
        if not raw.strip() and out and _LABEL.match(raws[out[-1][0] - 1].rstrip()):
            after = next((x for x in raws[i + 1 :] if x.strip()), "")
            if _ITEM.match(after):
                continue
        line, level, goes_on = as_text(raw, goes_on)
        out.append((i + 1, line, level))
    return out
