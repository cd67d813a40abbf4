"""A § that stands alone: a protokollsutdrag, or a § adjusted at once at the meeting.

An extract carries what a reader needs without the rest of the protocol:
the heading, who served in each chosen §, the § itself, how the protocol was
adjusted, and the "Utdragsbestyrkande" the secretary signs.
"""

from __future__ import annotations

from .attendance import chair_at, serving
from .dates import format_time_range
from .errors import StoreError
from .labels import labels
from .model import Meeting, Paragraph
from .numbering import span
from .render import (
    Block,
    adjusted_line,
    anslag_at_once,
    correction_lines,
    justeras,
    organ_lines,
    paragraph_block,
    paragraph_mark,
    present_heading,
    serving_name,
    signer_line,
    to_text,
)
from .render_md import to_markdown


def chosen(meeting: Meeting, numbers: list[int]) -> list[Paragraph]:
    """The §s by number, in the protocol's order; an unknown number is refused."""
    if not numbers:
        raise StoreError("no_paragraphs")
    known = set(meeting.numbers())
    for n in numbers:
        if n not in known:
            raise StoreError("unknown_paragraph", paragraph=n)
    wanted = set(numbers)
    return [p for p in meeting.paragraphs if p.number in wanted]


def _served(meeting: Meeting, p: Paragraph, lang: str) -> list[Block]:
    """Who took part in the §, substitutes with the member they served for.

    Those an imported source named only as present are not said to have
    served: they stand under its own heading (`Närvarande, § 57`).
    """
    mark = paragraph_mark(meeting, p)
    served: list[str] = []
    own: dict[str, list[str]] = {}
    for a in serving(meeting, p.id):
        heading = present_heading(meeting, a, lang)
        if heading:
            own.setdefault(heading, []).append(serving_name(meeting, p, a, lang))
        else:
            served.append(serving_name(meeting, p, a, lang))
    out = [Block("group", f"{heading}, {mark}", names) for heading, names in own.items()]
    if served or not own:
        out.insert(0, Block("group", f"{labels(lang)['serving_in']}, {mark}", served))
    return out


def extract_blocks(
    meeting: Meeting, numbers: list[int], lang: str = "sv", immediate: bool = False
) -> list[Block]:
    """The outline of an extract; `immediate`: the § adjusted at once, to be signed now."""
    lab = labels(lang)
    paragraphs = chosen(meeting, numbers)
    if immediate:
        # A "§ adjusted at once" document of a § that was not: it had printed
        # one, signature lines and all (a trial).
        for p in paragraphs:
            if not p.immediate:
                raise StoreError("not_immediate", paragraph=paragraph_mark(meeting, p))
    out = [Block("title", lab["immediate_title" if immediate else "extract"])]
    out += organ_lines(meeting)
    marks = [p.number for p in paragraphs if p.number is not None]
    fields = [(lab["date"], meeting.period or meeting.date)]
    if immediate and meeting.start:
        # When the meeting was held, as the protocol says it: trial 18's document
        # of a § adjusted at once had no time.
        fields.append((lab["time"], format_time_range(meeting.start, meeting.end, lang)))
    if meeting.place:
        fields.append((lab["place"], meeting.place))
    if len(marks) == 1:
        fields.append((lab["paragraphs"], f"§ {marks[0]}"))
    elif marks == list(range(marks[0], marks[-1] + 1)):
        fields.append((lab["paragraphs"], span(marks[0], marks[-1])))
    else:
        fields.append((lab["paragraphs"], "§§ " + ", ".join(str(n) for n in marks)))
    out.append(Block("fields", pairs=fields))
    for p in paragraphs:
        out += _served(meeting, p, lang)
        out.append(paragraph_block(meeting, p, lang))
    corrections = correction_lines(meeting, lang, numbers=marks)
    if corrections:
        out.append(Block("section", lab["corrections"], corrections))
    out += _adjusted(meeting, paragraphs, lang, immediate)
    return out


def _adjusted(
    meeting: Meeting, paragraphs: list[Paragraph], lang: str, immediate: bool
) -> list[Block]:
    lab = labels(lang)
    f = meeting.functions
    out: list[Block] = []
    if immediate:
        chairs = list(dict.fromkeys(c for p in paragraphs if (c := chair_at(meeting, p))))
        if f.secretary:  # the secretary signs it too, as the protocol (trial 18)
            secretary = signer_line(meeting, f.secretary, "secretary_lc", lang)
            out.append(Block("signatures", lab["vid_protokollet"], [secretary]))
        out += justeras(meeting, chairs, lang)
        if meeting.rules.posts_notices or meeting.immediate_posted:
            # Its own anslag: posted within two days of the meeting, appealed from it.
            out += [Block("heading", lab["anslag"]), *anslag_at_once(meeting, lang)]
        return out
    if meeting.adjustment:
        out.append(Block("note", items=[adjusted_line(meeting, lang)]))
    elif all(p.immediate for p in paragraphs):
        marks = ", ".join(paragraph_mark(meeting, p) for p in paragraphs)
        out.append(Block("note", items=[f"{marks}: {lab['immediate']}"]))
    elif not meeting.archived:  # as its PDF: an archived protocol is no draft
        out.append(Block("note", items=[lab["draft"]]))
    out.append(Block("note", items=[lab["certify_text"]]))
    signer = signer_line(meeting, f.secretary, "secretary_lc", lang) if f.secretary else ""
    out.append(Block("signatures", lab["certify"], [signer]))
    return out


def render_extract(
    meeting: Meeting,
    numbers: list[int],
    width: int = 72,
    lang: str = "sv",
    immediate: bool = False,
    markdown: bool = False,
) -> str:
    outline = extract_blocks(meeting, numbers, lang, immediate)
    return to_markdown(outline) if markdown else to_text(outline, width)


def render_extract_pdf(
    meeting: Meeting, numbers: list[int], lang: str = "sv", immediate: bool = False
) -> bytes:
    """The extract as a PDF, set as the protocol is. A § adjusted at once is
    no draft: it is signed at the meeting, so it carries no UTKAST."""
    from .pdf import render_pdf  # fpdf2 loads only when a PDF is made

    outline = extract_blocks(meeting, numbers, lang, immediate)
    return render_pdf(meeting, lang, outline=outline, draft=False if immediate else None)
