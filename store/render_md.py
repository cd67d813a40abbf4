"""The protocol in Markdown: the same outline as the text (`render.blocks`),
rendered so that a CommonMark parser shows what the text protocol says."""

from __future__ import annotations

import re

from .model import Meeting
from .render import ROLL_INDENT, Block, blocks, safe, shown

# The Markdown reads like the text protocol once rendered (CommonMark, and the
# GitHub extensions: tables, strikethrough): user text is escaped where it
# could start markup, with a backslash before punctuation only, as CommonMark
# escapes nothing else ("\1." shows its backslash; "1\." does not).

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# "&amp;" and "&#38;" would show as "&": only an ampersand that starts a reference is escaped.
_MD_ENTITY = re.compile(r"&(?=#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)")
# What starts a block at the start of a line: a heading, quote, list item,
# setext underline or thematic break ("-", "+", "=", "#", ">"), or "1." / "1)".
_MD_LINE_START = re.compile(r"^(?:([#+=-])|(\d{1,9})([.)])(?=[ \t]|$))")


def md_escape(text: str) -> str:
    """User text inside a line shows as written, not as Markdown."""
    return _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", text))


def md_line(text: str) -> str:
    """One line of user text that starts a Markdown line (or a list item, or a heading).

    Leading blanks go: four of them would make code, where no escape works.
    """
    text = md_escape(text.lstrip(" \t"))
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def _md_lines(text: str, indent: str = "") -> str:
    """Lines of user text kept as lines (hard breaks), blank ones dropped."""
    lines = [md_line(x) for x in text.split("\n") if x.strip()]
    return f"  \n{indent}".join(lines)


def _md_item(text: str, nested: bool = False) -> str:
    indent = "    " if nested else "  "
    return f"{indent[:-2]}- {_md_lines(text, indent)}"


def _md_value(text: str) -> str:
    """A field's value, after its label on the same line: only its later lines start one."""
    first, *rest = [x for x in text.split("\n") if x.strip()] or [""]
    return "  \n  ".join([md_escape(first.strip()), *(md_line(x) for x in rest)])


def _md_heading(level: int, text: str) -> str:
    # Inside a heading nothing starts a block ("## 1. Nuläge" is a heading, no
    # list): only the inline escapes, and a run of "#" at the end, which would
    # be read as the heading's closing sequence.
    return "#" * level + " " + re.sub(r"#+$", r"\\\g<0>", md_escape(text.strip(" \t")))


def _md_text(text: str) -> str:
    chunks = re.split(r"\n[ \t]*\n", text.strip("\n"))
    return "\n\n".join(_md_lines(c) for c in chunks if c.strip())


def _md_roll(item: str) -> str:
    """A roll-call line is a list inside the vote's list, as the text indents it."""
    if item.startswith(ROLL_INDENT):
        return _md_item(item[len(ROLL_INDENT) :], nested=True)
    return _md_item(item)


def _block_md(b: Block, level: int = 2) -> list[str]:
    """A block in Markdown; `level`: a §'s heading's (3 under a section's)."""
    if b.kind == "title":
        return [_md_heading(1, b.label.capitalize()), ""]
    if b.kind == "line":
        return ["  \n".join(md_line(x) for x in b.items if x.strip()), ""]
    if b.kind == "fields":
        return [f"- **{md_escape(k)}:** {_md_value(v)}" for k, v in b.pairs] + [""]
    if b.kind in ("group", "section"):
        label = [f"**{md_escape(b.label)}**", ""] if b.label else []
        return label + [_md_roll(i) for i in b.items] + [""]
    if b.kind == "note":
        # Emphasis holds only if it starts and ends beside a character.
        return [f"*{_md_lines(i)}*" for i in b.items if i.strip()] + [""]
    if b.kind == "heading":
        return [_md_heading(2, b.label), ""]
    if b.kind == "paragraph":
        out = [_md_heading(level, b.label).replace("  ", " "), ""]
        for child in b.children:
            out += _block_md(child)
        return out
    if b.kind == "text":
        return [_md_text(b.items[0]), ""]
    if b.kind == "signatures":
        out = [f"**{md_escape(b.label)}**", ""]
        for signer in b.items:
            # The line to sign on, as long as the text protocol's. Underscores
            # alone would be a thematic break: the first escaped is enough.
            out += ["", "\\_" + "_" * 35 + "  ", md_line(signer), ""]
        return out
    raise ValueError(b.kind)


def render_markdown(meeting: Meeting, lang: str = "sv", publish: bool = False) -> str:
    return to_markdown(blocks(meeting, lang, publish))


def to_markdown(outline: list[Block]) -> str:
    lines: list[str] = []
    # The §§ of an agenda's section ("Beslutsärenden") are a level below its
    # heading: at one level, a reader of the rendering took it for a § (a
    # trial); those after it at the margin ("Övriga frågor") are not.
    for b in outline:
        lines += _block_md(shown(b), 3 if b.nested else 2)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return safe(_lists_apart(text) + "\n")


_ITEM = re.compile(r"[-*] ")


def _lists_apart(text: str) -> str:
    """Each list its own: two lists with only a blank line between are one
    list to a CommonMark reader, so the second takes the other marker.

    The signers' fields after "Övriga närvarande" had rendered as three more
    people present (a trial). Items within one list follow each other with
    no blank line, and a line at the margin that is no item (a label, a
    heading, a paragraph) ends a list.
    """
    out: list[str] = []
    marker = ""  # the marker of the list the last line belongs to; "": none
    after_blank = False
    for line in text.split("\n"):
        if not line.strip():
            after_blank = True
        elif _ITEM.match(line):
            if not marker:
                marker = "-"
            elif after_blank:
                marker = "*" if marker == "-" else "-"
            line = marker + line[1:]
            after_blank = False
        else:
            if not line.startswith(" "):
                marker = ""  # the margin's text ends the list; an item's own lines do not
            after_blank = False
        out.append(line)
    return "\n".join(out)
