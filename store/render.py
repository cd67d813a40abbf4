"""The finished protocol, as plain text and as Markdown.

`blocks` turns a meeting into a neutral outline (what is said, in what
order); `to_text` and `to_markdown` lay that outline out. Both are pure and
deterministic: the same meeting gives the same bytes.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from .dates import format_time_range
from .labels import join_names, labels
from .model import NOTE_KINDS, Attendee, FollowUp, Meeting, Paragraph
from .numbering import span


@dataclass
class Block:
    """One piece of the outline.

    kind: title, line, fields, group, heading, paragraph, section, text, signatures, note.
    """

    kind: str
    label: str = ""
    items: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)


def person_line(a: Attendee, meeting: Meeting, lang: str) -> str:
    """`Name (S), Organisation, title`, with what is known and partial presence."""
    lab = labels(lang)
    text = a.name + (f" ({a.party})" if a.party else "")
    parts = [text] + [x for x in (a.organisation, a.title) if x]
    if a.replaces:
        parts.append(f"{lab['for']} {meeting.name_of(a.replaces)}")
    presence = presence_range(a, meeting, lang)
    if presence:
        parts.append(presence)
    if a.note:
        parts.append(a.note)
    return ", ".join(parts)


def _label_of(meeting: Meeting, paragraph_id: str | None) -> str:
    p = meeting.paragraph(paragraph_id)
    if p is None:
        return ""
    if p.number is not None:
        return f"§ {p.number}"
    return f"{meeting.paragraphs.index(p) + 1}"


def presence_range(a: Attendee, meeting: Meeting, lang: str) -> str:
    lab = labels(lang)
    arrived, left = _label_of(meeting, a.arrived), _label_of(meeting, a.left)
    if arrived and left:
        if arrived == left:
            return arrived
        first, last = arrived.removeprefix("§ "), left.removeprefix("§ ")
        return f"§§ {first}–{last}" if arrived.startswith("§") else f"{first}–{last}"
    if arrived:
        return f"{lab['from']} {arrived}"
    if left:
        return f"{lab['until']} {left}"
    return ""


def paragraph_mark(meeting: Meeting, p: Paragraph) -> str:
    """`§ 12`, or `3.` for an item of unnumbered notes."""
    if p.number is not None:
        return f"§ {p.number}"
    return f"{meeting.paragraphs.index(p) + 1}."


def paragraph_heading(meeting: Meeting, p: Paragraph) -> str:
    return f"{paragraph_mark(meeting, p)}  {p.title}"


def _attendance(meeting: Meeting, lang: str) -> list[Block]:
    lab = labels(lang)
    groups: dict[str, list[str]] = {
        "beslutande": [],
        "ersattare": [],
        "ersattare_ej": [],
        "ovriga": [],
        "absent": [],
    }
    for a in meeting.attendees:
        line = person_line(a, meeting, lang)
        if not a.present:
            if a.role == "ledamot":
                groups["absent"].append(line)
            continue
        if a.category == "ersattare":
            groups["ersattare" if a.replaces else "ersattare_ej"].append(line)
        else:
            groups[a.category if a.category in groups else "ovriga"].append(line)
    return [Block("group", lab[key], items) for key, items in groups.items() if items]


def _functions(meeting: Meeting, lang: str) -> Block:
    lab = labels(lang)
    f = meeting.functions
    pairs = []
    if f.chair:
        pairs.append((lab["chair"], meeting.name_of(f.chair)))
    if f.secretary:
        pairs.append((lab["secretary"], meeting.name_of(f.secretary)))
    adjusters = [meeting.name_of(a) for a in f.adjusters]
    if adjusters:
        pairs.append((lab["adjusters"], join_names(adjusters, lang)))
    return Block("fields", pairs=pairs)


def followup_line(f: FollowUp, lang: str) -> str:
    """`Owner: what (from § 10, 2025-04-10): done. Note`"""
    lab = labels(lang)
    where = f"§ {f.number}" if f.number is not None else f.meeting
    line = f"{f.owner}: {f.text}" if f.owner else f.text
    line += f" ({lab['followup_from'].format(where=where, date=f.date)}): "
    line += lab["followup_done"] if f.done else lab["followup_open"]
    return line + "." + (f" {f.note}" if f.note else "")


def _paragraph(meeting: Meeting, p: Paragraph, lang: str) -> Block:
    lab = labels(lang)
    children: list[Block] = []
    if p.text.strip():
        children.append(Block("text", items=[p.text]))
    if p.decisions:
        children.append(Block("section", lab["decision"], [d.text for d in p.decisions]))
    for v in p.votes:
        lines = []
        if v.proposition:
            lines.append(f"{lab['proposition']}: {v.proposition}")
        lines.append(lab["tally"].format(yes=v.yes, no=v.no, abstain=v.abstain))
        if v.ballots:
            lines.append(f"{lab['roll']}:")
            names = [meeting.name_of(b.person) for b in v.ballots]
            pad = max(len(n) for n in names) + 2
            lines += [
                ROLL_INDENT + n.ljust(pad) + lab.get(b.vote, b.vote)
                for n, b in zip(names, v.ballots, strict=True)
            ]
        if v.result:
            lines.append(f"{lab['result']}: {v.result}")
        children.append(Block("section", lab["vote"], lines))
    if p.reservations:
        lines = []
        for r in p.reservations:
            line = lab["reserves"].format(name=meeting.name_of(r.person))
            if r.for_proposal:
                line += " " + lab["in_favour"].format(proposal=r.for_proposal)
            line += "."
            if r.reason:
                line += " " + r.reason
            lines.append(line)
        children.append(Block("section", lab["reservation"], lines))
    if p.jav:
        lines = [
            lab["jav_text"].format(name=meeting.name_of(j.person))
            + "."
            + (f" {j.note}" if j.note else "")
            for j in p.jav
        ]
        children.append(Block("section", lab["jav"], lines))
    for kind in NOTE_KINDS:
        notes = [n for n in p.notes if n.kind == kind]
        if notes:
            lines = [
                f"{meeting.name_of(n.person)}: {n.text}" if n.person else n.text for n in notes
            ]
            children.append(Block("section", lab[kind], lines))
    if p.tasks:
        lines = []
        for t in p.tasks:
            owner = meeting.name_of(t.owner) or t.owner_name
            line = f"{owner}: {t.text}" if owner else t.text
            extra = []
            if t.due:
                extra.append(lab["due"].format(date=t.due))
            if t.done:
                extra.append(lab["done"] + (f": {t.done_note}" if t.done_note else ""))
            if extra:
                line += f" ({'; '.join(extra)})"
            lines.append(line)
        children.append(Block("section", lab["tasks"], lines))
    if p.followups:
        children.append(
            Block("section", lab["followups"], [followup_line(f, lang) for f in p.followups])
        )
    if p.immediate:
        children.append(Block("note", items=[lab["immediate"]]))
    return Block("paragraph", paragraph_heading(meeting, p), children=children)


def _signatures(meeting: Meeting, lang: str) -> list[Block]:
    lab = labels(lang)
    f = meeting.functions
    result = []
    if f.secretary:
        role = f"{meeting.name_of(f.secretary)}, {lab['secretary_lc']}"
        heading = lab["vid_protokollet"] if meeting.numbered else lab["noted_by"]
        result.append(Block("signatures", heading, [role]))
    if not meeting.numbered:
        return result
    signers = []
    if f.chair:
        signers.append(f"{meeting.name_of(f.chair)}, {lab['chair_lc']}")
    signers += [f"{meeting.name_of(a)}, {lab['adjuster']}" for a in f.adjusters if a != f.chair]
    if signers:
        result.append(Block("signatures", lab["justeras"], signers))
    if meeting.adjustment:
        line = lab["adjusted_on"].format(date=meeting.adjustment.date)
        if meeting.adjustment.by:
            line += " " + lab["adjusted_by"].format(names=join_names(meeting.adjustment.by, lang))
        result.append(Block("note", items=[line + "."]))
    if meeting.posted:
        result.append(Block("note", items=[lab["posted_on"].format(date=meeting.posted)]))
    if meeting.corrections:
        result.append(Block("section", lab["corrections"], _corrections(meeting, lang)))
    return result


def _corrections(meeting: Meeting, lang: str) -> list[str]:
    lab = labels(lang)
    lines = []
    for c in meeting.corrections:
        line = lab["correction"].format(
            date=c.date,
            where=f", § {c.paragraph}" if c.paragraph is not None else "",
            by=f" ({c.by})" if c.by else "",
            what=c.what,
        )
        if c.why:
            line += " " + lab["correction_why"].format(why=c.why)
        lines.append(line)
    return lines


def blocks(meeting: Meeting, lang: str = "sv") -> list[Block]:
    lab = labels(lang)
    out = [Block("title", lab[meeting.kind])]
    if meeting.status in ("draft", "open"):
        out.append(Block("note", items=[lab["draft"]]))
    out.append(Block("line", items=[meeting.organ, meeting.organisation]))
    fields = [(lab["date"], meeting.period or meeting.date)]
    if meeting.start or meeting.end:
        fields.append((lab["time"], format_time_range(meeting.start, meeting.end, lang)))
    if meeting.place:
        fields.append((lab["place"], meeting.place))
    numbers = meeting.numbers()
    if meeting.numbered and numbers:
        fields.append((lab["paragraphs"], span(min(numbers), max(numbers))))
    out.append(Block("fields", pairs=fields))
    out += _attendance(meeting, lang)
    functions = _functions(meeting, lang)
    if functions.pairs:
        out.append(functions)
    if meeting.intro.strip():
        out.append(Block("text", items=[meeting.intro]))
    out += _paragraphs(meeting, lang)
    out += _signatures(meeting, lang)
    if meeting.appendix.strip():
        out.append(Block("text", items=[meeting.appendix]))
    return out


def _paragraphs(meeting: Meeting, lang: str) -> list[Block]:
    """The §s, with a heading wherever the agenda's section changes."""
    sections = {item.id: item.section for item in meeting.agenda}
    out = []
    current = ""
    for p in meeting.paragraphs:
        section = sections.get(p.agenda_item or "", "")
        if section and section != current:
            out.append(Block("heading", section))
        current = section or current
        out.append(_paragraph(meeting, p, lang))
    return out


# --- plain text --------------------------------------------------------------

INDENT = "    "
# Private-use marks that wrapping keeps; they become spaces at the end, and
# no character the user typed is changed.
_SPACE = "\ue000"
ROLL_INDENT = "\ue001\ue001"
# "1 450 000 kronor" and "§ 12" stay on one line.
_KEEP_TOGETHER = re.compile(r"(?<=\d) (?=\d{3}\b)|(?<=§) (?=\d)")


def _wrap(text: str, width: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """Wrap one paragraph of text; user text keeps its own line breaks."""
    out: list[str] = []
    sub = hanging if hanging is not None else indent
    text = _KEEP_TOGETHER.sub(_SPACE, text)
    for line in text.splitlines() or [""]:
        if not line.strip():
            out.append("")
            continue
        lead = line[: len(line) - len(line.lstrip(ROLL_INDENT[0]))]
        out += textwrap.wrap(
            line.strip(),
            width,
            initial_indent=indent + lead,
            subsequent_indent=sub + lead,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [indent.rstrip()]
        indent = sub
    return [x.replace(_SPACE, " ").replace(ROLL_INDENT[0], " ") for x in out]


def _text_paragraphs(text: str, width: int, indent: str = "") -> list[str]:
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        if out:
            out.append("")
        out += _wrap(chunk, width, indent)
    return out


def _fields(pairs: list[tuple[str, str]], width: int) -> list[str]:
    pad = max(len(k) for k, _ in pairs) + 2
    out = []
    for key, value in pairs:
        out += _wrap(value, width, (key + ":").ljust(pad), " " * pad)
    return out


def _block_text(b: Block, width: int) -> list[str]:
    if b.kind == "title":
        return [b.label, ""]
    if b.kind == "line":
        return [x for x in b.items if x] + [""]
    if b.kind == "fields":
        return _fields(b.pairs, width) + [""]
    if b.kind == "group":
        out = [b.label]
        for item in b.items:
            out += _wrap(item, width, INDENT, INDENT + "  ")
        return out + [""]
    if b.kind == "note":
        return [line for item in b.items for line in _wrap(item, width)] + [""]
    if b.kind == "heading":
        return _wrap(b.label, width) + [""]
    if b.kind == "paragraph":
        out = _wrap(b.label, width, "", " " * (b.label.index("  ") + 2 if "  " in b.label else 0))
        out.append("")
        for child in b.children:
            out += _block_text(child, width)
        return out
    if b.kind == "text":
        return _text_paragraphs(b.items[0], width) + [""]
    if b.kind == "section":
        out = [b.label]
        for item in b.items:
            out += _wrap(item, width, INDENT, INDENT)
        return out + [""]
    if b.kind == "signatures":
        out = [b.label]
        for signer in b.items:
            # Room to sign above each line.
            out += ["", "", "", "_" * min(36, width), *_wrap(signer, width)]
        return out + [""]
    raise ValueError(b.kind)


def to_text(outline: list[Block], width: int = 72) -> str:
    width = max(width, 30)
    lines: list[str] = []
    for b in outline:
        lines += _block_text(b, width)
    return "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"


def render_text(meeting: Meeting, width: int = 72, lang: str = "sv") -> str:
    return to_text(blocks(meeting, lang), width)


def anchors(meeting: Meeting, text: str) -> list[int]:
    """The line of `text` (as `render_text` made it) where each § begins.

    Headings are looked for in order, each after the one before, so a § whose
    text quotes another heading cannot be taken for it.
    """
    lines = text.split("\n")
    found = []
    at = 0
    for p in meeting.paragraphs:
        head = paragraph_mark(meeting, p) + "  "
        line = next((i for i in range(at, len(lines)) if lines[i].startswith(head)), at)
        found.append(line)
        at = line + 1
    return found


# --- Markdown ----------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: str) -> str:
    """User text shows as written, not as Markdown."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"(?m)^(\s*)([#>+-]|\d+\.)", r"\1\\\2", text)


def _block_md(b: Block) -> list[str]:
    if b.kind == "title":
        return [f"# {b.label.capitalize()}", ""]
    if b.kind == "line":
        return ["  \n".join(md_escape(x) for x in b.items if x), ""]
    if b.kind == "fields":
        return [f"- **{k}:** {md_escape(v)}" for k, v in b.pairs] + [""]
    if b.kind == "group":
        return [f"**{b.label}**", ""] + [f"- {md_escape(i)}" for i in b.items] + [""]
    if b.kind == "note":
        return [f"*{md_escape(i)}*" for i in b.items] + [""]
    if b.kind == "heading":
        return [f"## {md_escape(b.label)}", ""]
    if b.kind == "paragraph":
        out = [f"## {md_escape(b.label).replace('  ', ' ')}", ""]
        for child in b.children:
            out += _block_md(child)
        return out
    if b.kind == "text":
        return [md_escape(b.items[0].strip()).replace("\n", "  \n"), ""]
    if b.kind == "section":
        return [f"**{b.label}**", ""] + [f"- {md_escape(i)}" for i in b.items] + [""]
    if b.kind == "signatures":
        out = [f"**{b.label}**", ""]
        for signer in b.items:
            out += ["", "\\_" * 30 + "  ", md_escape(signer), ""]
        return out
    raise ValueError(b.kind)


def render_markdown(meeting: Meeting, lang: str = "sv") -> str:
    lines: list[str] = []
    for b in blocks(meeting, lang):
        lines += _block_md(b)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
