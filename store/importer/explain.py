"""`protokoll import --explain`: the source beside what each of its lines became.

    rad  källan                                    blev
      3  Plats och tid Tingssalen , måndagen den…  fält: plats och tid
     47  Godkännande av dagordning Kommunfullmä…  ? rubrik KF § 102 · beslut KF § 102
         ? titeln och texten stod på en rad; …

A `?` marks a line read by a guess, with what was assumed under it; blank
lines and lines of only punctuation are left out.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from ..model import Meeting, Trace
from ..words import say
from .build import read_protocol
from .provenance import plain_lines, words
from .report import Report
from .source import lines_of

SOURCE_WIDTH = 44


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _became(t: Trace, lang: str) -> str:
    kinds = t.where.split("+")
    named = [say(f"imports.explain_{k}", lang) for k in kinds]
    said = " / ".join(named)
    if t.consumed and t.where not in ("person", "signature", "label"):
        return f"{said}: {_cut(t.consumed, 28)}"
    return f"{said} {t.target}".rstrip()


@dataclass(frozen=True)
class Explained:
    """One line of the source: its number and text, what it became, whether it
    was read by a guess, and what the import said of it."""

    line: int
    text: str
    became: str
    guess: bool
    notes: tuple[str, ...]


def explained(m: Meeting, report: Report, lang: str = "sv") -> tuple[list[Explained], list[str]]:
    """Each line of the source that has words, and what the import said of the
    file as a whole: the table `explain` prints, and the application's view."""
    source = plain_lines(lines_of(m.source_text, Report()))
    # Shown as written, markup and all: what reading it took away is then seen.
    raw = m.source_text.split("\n")
    written = {no: raw[no - 1].strip() if no <= len(raw) else text for no, text in source.items()}
    by_line: dict[int, list[Trace]] = {}
    for t in m.provenance:
        by_line.setdefault(t.line, []).append(t)
    notes: dict[int, list[str]] = {}
    for n in report.notices:
        if n.line:
            notes.setdefault(n.line, []).append(n.text(lang))
    rows = []
    for no, text in sorted(source.items()):
        if not words(text):
            continue
        traces = by_line.get(no, [])
        rows.append(
            Explained(
                no,
                written[no] or text,
                " · ".join(dict.fromkeys(_became(t, lang) for t in traces)),
                any(t.guess for t in traces) or no in notes,
                tuple(notes.get(no, [])),
            )
        )
    return rows, [n.text(lang) for n in report.notices if not n.line]


def explain(m: Meeting, report: Report, name: str, lang: str = "sv") -> list[str]:
    """The lines `--explain` prints for one imported meeting."""
    rows, general = explained(m, report, lang)
    head = say("imports.explain_line", lang)
    width = max([len(head), *(len(str(r.line)) for r in rows)])
    out = [
        say("imports.explain_title", lang, name=name, id=m.id),
        "",
        f"{head:>{width}}  "
        f"{say('imports.explain_source', lang):<{SOURCE_WIDTH}}  "
        f"{say('imports.explain_became', lang)}",
    ]
    for r in rows:
        mark = "? " if r.guess else ""
        text = _cut(r.text, SOURCE_WIDTH)
        out.append(f"{r.line:>{width}}  {text:<{SOURCE_WIDTH}}  {mark}{r.became}")
        for note in r.notes:
            out.append(f"{'':>{width}}  {'':<{SOURCE_WIDTH}}  ? {note}")
    if general:
        out += ["", *(f"? {g}" for g in general)]
    return out


def reread(m: Meeting) -> tuple[Meeting, Report, str]:
    """A meeting imported earlier read again by this version from the source
    text it keeps, under its own id, with the file's name; StoreError when it
    keeps none."""
    if not m.source_text:
        raise StoreError("not_imported_text", meeting=m.id)
    name = m.source.split(" sha256:")[0] or m.id
    read, report = read_protocol(m.source_text.encode("utf-8"), Path(name))
    read = copy.copy(read)
    read.id = m.id
    return read, report, name


def explain_kept(m: Meeting, lang: str = "sv") -> list[str]:
    """`explain` for a meeting imported earlier (`show --explain`)."""
    read, report, name = reread(m)
    return explain(read, report, name, lang)
