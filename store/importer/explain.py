"""`protokoll import --explain`: the source beside what each of its lines became.

    rad  källan                                    blev
      3  Plats och tid Tingssalen , måndagen den…  fält: plats och tid
     47  Godkännande av dagordning Kommunfullmä…  ? rubrik KF § 102 · beslut KF § 102
         ? titeln och texten stod på en rad; …

A `?` marks a line read by a guess, with what was assumed under it; blank
lines and lines of only punctuation are left out.
"""

from __future__ import annotations

from ..model import Meeting, Trace
from ..words import say
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


def explain(m: Meeting, report: Report, name: str, lang: str = "sv") -> list[str]:
    """The lines `--explain` prints for one imported meeting."""
    source = plain_lines(lines_of(m.source_text, Report()))
    by_line: dict[int, list[Trace]] = {}
    for t in m.provenance:
        by_line.setdefault(t.line, []).append(t)
    notes: dict[int, list[str]] = {}
    for n in report.notices:
        if n.line:
            notes.setdefault(n.line, []).append(n.text(lang))
    head = say("imports.explain_line", lang)
    width = max([len(head), *(len(str(no)) for no in source)])
    out = [
        say("imports.explain_title", lang, name=name, id=m.id),
        "",
        f"{head:>{width}}  "
        f"{say('imports.explain_source', lang):<{SOURCE_WIDTH}}  "
        f"{say('imports.explain_became', lang)}",
    ]
    for no, text in sorted(source.items()):
        if not words(text):
            continue
        traces = by_line.get(no, [])
        guess = any(t.guess for t in traces) or no in notes
        became = " · ".join(dict.fromkeys(_became(t, lang) for t in traces))
        mark = "? " if guess else ""
        out.append(f"{no:>{width}}  {_cut(text, SOURCE_WIDTH):<{SOURCE_WIDTH}}  {mark}{became}")
        for note in notes.get(no, []):
            out.append(f"{'':>{width}}  {'':<{SOURCE_WIDTH}}  ? {note}")
    general = [n.text(lang) for n in report.notices if not n.line]
    if general:
        out += ["", *(f"? {g}" for g in general)]
    return out
