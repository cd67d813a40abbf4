"""The protocol as a PDF for print and for the adjusters: A4, typeset with fpdf2.

The body is the same outline as the plain-text protocol (`render.blocks`), so
the PDF says word for word what `protokoll show` says. Around it, on every
page, the furniture of a Swedish protocol: the organ's heading, "Sida 2 av 5",
and the "Justerandes signatur" boxes in the footer; a draft carries the
watermark UTKAST until it is adjusted. DejaVu Sans ships with the package
(store/fonts, licence beside it) and is embedded, so å, ä and ö print the
same on any machine. The file is PDF/A-2U. Pure: a meeting in, bytes out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.output import OutputProducer

from .errors import StoreError
from .labels import labels, organ_title
from .model import Meeting
from .pdf_mark import draw_word, word_width
from .render import _SPACE, ROLL_INDENT, Block, blocks, shown
from .safe_text import safe_line

FONT = "DejaVu"
MONO = "DejaVuMono"  # text typed in aligned columns keeps them (`aligned`)
LEFT, RIGHT, TOP = 25.0, 20.0, 12.0
HEAD = 26.0  # where the body starts on every page
FOOT = 34.0  # room kept at the foot for the signature boxes and page number
LINE = 5.0  # line height of 10 pt text
COLUMN = 22.0  # the § mark's column; the § body starts here
# A paragraph of text up to this height is not split between pages: it starts
# the next one instead (a third of the body, some 15 lines). Longer ones flow.
WHOLE = (297.0 - HEAD - FOOT) / 3
GREY, RULE, MARK = 90, 150, 225
_FONT_FILES = (
    (FONT, "", "DejaVuSans.ttf"),
    (FONT, "B", "DejaVuSans-Bold.ttf"),
    (MONO, "", "DejaVuSansMono.ttf"),
)


class _IntWidths(defaultdict):
    """A font's widths by character: numbers only, so a shallow copy is a deep one."""

    def __deepcopy__(self, memo: dict) -> _IntWidths:
        return _IntWidths(self.default_factory, self)


class _IntIds(dict):
    """A font's glyph ids by character: numbers only, so a shallow copy is a deep one."""

    def __deepcopy__(self, memo: dict) -> _IntIds:
        return _IntIds(self)


def _copied_fast(font: object) -> object:
    """A parsed font whose two tables of numbers copy in C. fpdf2 deep-copies
    every font for each trial rendering (`offset_rendering`, see `_fits`), and
    each twice, entry by entry: two thirds of a protocol's PDF. Left as it is
    should fpdf2 keep them in other forms."""
    widths, ids = getattr(font, "cw", None), getattr(font, "glyph_ids", None)
    numbers = (int, float)
    if type(widths) is defaultdict and all(type(v) in numbers for v in widths.values()):
        font.cw = _IntWidths(widths.default_factory, widths)  # type: ignore[attr-defined]
    if type(ids) is dict and all(type(v) in numbers for v in ids.values()):
        font.glyph_ids = _IntIds(ids)  # type: ignore[attr-defined]
    return font


class _Protocol(FPDF):
    """An FPDF that draws the page furniture of one meeting."""

    def __init__(self, meeting: Meeting, lang: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4", enforce_compliance="PDF/A-2U")
        self.meeting, self.lab = meeting, labels(lang)
        for family, style, file in _FONT_FILES:
            self._font(family, style, file)
        self.set_margins(LEFT, HEAD, RIGHT)
        self.set_auto_page_break(True, margin=FOOT)
        # A protocol is a draft until adjusted; notes, never adjusted, until closed.
        # An imported one, closed as it came, is an archived document and was
        # never a draft here: UTKAST across a 2017 protocol whose own text says
        # "Protokollet är justerat" stated what no one had said (a trial).
        done = ("adjusted",) if meeting.numbered else ("closed", "adjusted")
        self.draft = meeting.status not in done and not meeting.archived
        f = meeting.functions
        # One box for each who adjusts: the chair and the adjusters (two at least).
        signers = [x for x in dict.fromkeys([f.chair, *f.adjusters]) if x]
        self.boxes = max(2, min(len(signers), 4))
        # The § being set ("§ 17"), while its body is: a page begun then goes on with it.
        self.continuing = ""

    def _font(self, family: str, style: str, file: str) -> None:
        with resources.as_file(resources.files("protokoll.store") / "fonts" / file) as path:
            self.add_font(family, style, str(path))
        _copied_fast(self.fonts[f"{family.lower()}{style}"])

    def header(self) -> None:
        m, lab = self.meeting, self.lab
        if self.draft:
            self._watermark()
        self.set_text_color(0)
        top = TOP
        self.set_xy(LEFT, top)
        self.set_font(FONT, "B", 10)
        half = self.epw / 2
        self.cell(half, LINE, safe_line(m.organisation or m.organ))
        self.cell(half, LINE, lab[m.kind], align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", 9)
        self.set_text_color(GREY)
        organ = safe_line(m.organ if m.organisation else "")
        if self.continuing:  # a § goes on from the page before: said in the head
            going_on = lab["continued"].format(mark=self.continuing)
            organ = f"{organ}    {going_on}" if organ else going_on
        self.cell(half, LINE - 0.5, organ)
        page = lab["page_of"].format(page=self.page_no(), pages="{nb}")
        date = safe_line(m.period or m.date)
        self.cell(half, LINE - 0.5, f"{date}    {page}", align="R")
        self.set_draw_color(RULE)
        self.set_line_width(0.3)
        self.line(LEFT, top + 2 * LINE + 0.5, self.w - RIGHT, top + 2 * LINE + 0.5)
        self.set_text_color(0)
        self.set_xy(LEFT, HEAD)

    def _watermark(self) -> None:
        """UTKAST across the page, light, under the text: drawn, not written
        (`pdf_mark`), so that no reader of the text reads it."""
        word = self.lab["watermark"]
        x, y = self.w / 2, self.h / 2
        with self.rotation(45, x, y):
            draw_word(self, word, x - word_width(word, 110) / 2, y + 15, 110, MARK)

    def footer(self) -> None:
        """A row of boxes to initial, as protocols have on every page (notes are not adjusted)."""
        if not self.meeting.numbered:
            return
        lab = self.lab
        y = self.h - FOOT + 8
        self.set_draw_color(RULE)
        self.set_line_width(0.3)
        self.line(LEFT, y - 3, self.w - RIGHT, y - 3)
        self.set_text_color(GREY)
        self.set_font(FONT, "", 7.5)
        box_w, gap, box_h = 24.0, 3.0, 12.0
        self.set_xy(LEFT, y)
        self.cell(self.boxes * (box_w + gap), 4, lab["adjusters_sign"])
        extract_x = self.w - RIGHT - 40
        self.set_xy(extract_x, y)
        self.cell(40, 4, lab["certify"])
        for i in range(self.boxes):
            self.rect(LEFT + i * (box_w + gap), y + 4.5, box_w, box_h)
        self.rect(extract_x, y + 4.5, 40, box_h)
        self.set_text_color(0)


def render_pdf(
    meeting: Meeting,
    lang: str = "sv",
    publish: bool = False,
    outline: list[Block] | None = None,
    draft: bool | None = None,
) -> bytes:
    """The protocol as a PDF: the same outline as `render_text`, on A4 pages;
    or another outline of the meeting (an extract), marked UTKAST as the
    protocol is unless `draft` says."""
    pdf = _Protocol(meeting, lang)
    if draft is not None:
        pdf.draft = draft
    lab = labels(lang)
    # A meeting whose source named no organ has none in its title either.
    kind = outline[0].label if outline and outline[0].kind == "title" else lab[meeting.kind]
    title = (kind.capitalize(), organ_title(meeting.organ, meeting.organisation))
    pdf.set_title(" ".join(x for x in (*title, meeting.period or meeting.date) if x))
    pdf.set_author(meeting.organisation or meeting.organ)
    pdf.set_creator("protokoll")
    pdf.set_lang("en" if lang == "en" else "sv")
    # The same meeting gives the same bytes: the date is the meeting's, not now.
    pdf.set_creation_date(_stamp(meeting))
    pdf.add_page()
    outline = [shown(b) for b in (outline or blocks(meeting, lang, publish))]
    _check_glyphs(pdf, outline, meeting)
    Typesetter(pdf, lab).run(outline)
    return bytes(pdf.output(output_producer_class=_SameBytes))


class _SameBytes(OutputProducer):
    """fpdf2 dates the PDF/A metadata "now": dated by the meeting instead, so the
    same meeting gives the same bytes (and a PDF can be compared, or hashed)."""

    def _build_xmp_from_info(self) -> str:
        xmp = super()._build_xmp_from_info()
        created = re.search(r'xmp:CreateDate="([^"]*)"', xmp)
        if created is None:
            return xmp
        return re.sub(r'(xmp:(?:Modify|Metadata)Date)="[^"]*"', rf'\1="{created[1]}"', xmp)


def _last_and_signatures(outline: list[Block]) -> tuple[int, list[Block]]:
    """The index of the last § before the signatures, and the signatures with the
    notes under them (not the ANSLAG/BEVIS, a frame of its own); (-1, []) if none."""
    first = next((i for i, b in enumerate(outline) if b.kind == "signatures"), None)
    if first is None:
        return -1, []
    last = max((i for i, b in enumerate(outline[:first]) if b.kind == "paragraph"), default=-1)
    tail = []
    for b in outline[first:]:
        if b.kind not in ("signatures", "note"):
            break
        tail.append(b)
    return last, tail


def _text_of(b: Block) -> Iterator[str]:
    yield b.label
    yield from b.items
    for key, value in b.pairs:
        yield key
        yield value
    for child in b.children:
        yield from _text_of(child)


def _check_glyphs(pdf: FPDF, outline: list[Block], meeting: Meeting) -> None:
    """Refuse a PDF that would leave out characters the font cannot draw.

    A protocol is a record: a blank where a name was is worse than no PDF, and
    the text protocol prints every character.
    """
    texts = [meeting.organ, meeting.organisation, *(t for b in outline for t in _text_of(b))]
    used = dict.fromkeys(ch for text in texts for ch in _plain(text))  # in the order written
    # The text's fonts; an aligned chunk is set in the mono font only if it has them all.
    drawn = set.intersection(
        *(set(map(chr, font.cmap)) for key, font in pdf.fonts.items() if key != MONO.lower())
    )
    missing = [ch for ch in used if ch not in drawn and not ch.isspace()]
    if missing:
        raise StoreError("pdf_glyphs", chars="".join(missing[:20]))


def _stamp(meeting: Meeting) -> dt.datetime:
    day = meeting.adjustment.date if meeting.adjustment else meeting.date
    try:
        return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)
    except ValueError:
        return dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


# Two spaces or a tab between words: a column typed to line up with the lines
# above and below it (a budget, a list of votes), not a slip of the thumb.
_COLUMN_GAP = re.compile(r"\S(?: {2,}|\t)\S")


def aligned(chunk: str) -> bool:
    """Whether lines of `chunk` are typed in columns: at least two lines with a
    gap inside them. A proportional font would move the columns apart."""
    return sum(1 for line in chunk.split("\n") if _COLUMN_GAP.search(line.strip())) >= 2


# A roll call's name column, and the room kept before its vote column (mm).
ROLL_NAME = 70
ROLL_GAP = 2


def _roll_parts(item: str) -> tuple[str, str]:
    """A roll call line's name (with whose seat) and its vote."""
    name, _, vote = _plain(item).strip().rpartition("  ")
    return name.strip(), vote.strip()


def _plain(text: str) -> str:
    """The outline's private marks (kept-together spaces, roll indent) as spaces."""
    return text.replace(_SPACE, " ").replace(ROLL_INDENT[0], " ")


class Typesetter:
    """Lays the outline's blocks out on the pages, top to bottom."""

    def __init__(self, pdf: FPDF, lab: dict[str, str]) -> None:
        self.pdf, self.lab = pdf, lab

    def run(self, outline: list[Block]) -> None:
        last, tail = _last_and_signatures(outline)
        i = 0
        while i < len(outline):
            b = outline[i]
            if i == last and tail:
                self._with_signatures(b, tail)
            if b.kind == "heading" and b.label == self.lab["anslag"]:
                taken: list[Block] = []  # its note, if any, and its fields
                for x in outline[i + 1 : i + 3]:
                    if x.kind not in ("note", "fields"):
                        break
                    taken.append(x)
                    if x.kind == "fields":
                        break
                self.anslag(b, taken)
                i += 1 + len(taken)
                continue
            self.block(b, 0.0)
            i += 1

    def _with_signatures(self, last: Block, tail: list[Block]) -> None:
        """The last § on the page of the signatures: they had stood alone on the
        last page, to be signed with no word of the protocol on it (a trial).
        A new page before the § when it would fit here but its signatures not,
        and both fit on the next."""
        alone, with_tail = self._fits([last, *tail])
        if with_tail or not alone:
            return
        if all(self._fits([last, *tail], fresh=True)):
            self.pdf.add_page()

    def _fits(self, outline: list[Block], fresh: bool = False) -> tuple[bool, bool]:
        """Whether `outline` set from here (or a new page) would end on the page it
        began: after its first block, and after all of them. One trial rendering
        for both: each costs a copy of the whole document (fpdf2's
        `offset_rendering`), a third of a protocol's PDF when it took three."""
        with self.pdf.offset_rendering() as trial:  # rewound at the end
            if fresh:
                trial.add_page()
            page = trial.page
            probe = Typesetter(trial, self.lab)  # type: ignore[arg-type]
            ends: list[bool] = []
            for b in outline:
                probe.block(b, 0.0)
                ends.append(trial.page == page)
            return ends[0], ends[-1]

    # --- text ------------------------------------------------------------------

    def font(self, size: float = 10, bold: bool = False) -> None:
        self.pdf.set_font(FONT, "B" if bold else "", size)

    def lines(self, text: str, indent: float, height: float = LINE, width: float = 0) -> None:
        pdf = self.pdf
        pdf.set_x(LEFT + indent)
        w = width or pdf.w - RIGHT - LEFT - indent
        # Ragged right: word spacing stays as typed, and the text reads back word for word.
        pdf.multi_cell(w, height, _plain(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def whole(self, text: str, indent: float, height: float = LINE) -> None:
        """`lines`, on one page when it is short enough (`WHOLE`): a block such
        as an e-signature record read along, not broken after its first lines."""
        pdf = self.pdf
        w = pdf.w - RIGHT - LEFT - indent
        tall = pdf.multi_cell(w, height, _plain(text), dry_run=True, output="HEIGHT")
        self.keep(tall if tall <= WHOLE else 2 * height)
        self.lines(text, indent, height)

    def _mono_has(self, text: str) -> bool:
        glyphs = self.pdf.fonts[MONO.lower()].cmap
        return all(ord(c) in glyphs for c in _plain(text) if not c.isspace())

    def space(self, mm: float) -> None:
        self.pdf.set_y(self.pdf.get_y() + mm)

    def keep(self, mm: float) -> None:
        """Start a new page unless `mm` fit on this one (a heading stays with its text)."""
        pdf = self.pdf
        if pdf.get_y() + mm > pdf.h - FOOT:
            pdf.add_page()

    # --- blocks ----------------------------------------------------------------

    def block(self, b: Block, indent: float) -> None:
        getattr(self, f"b_{b.kind}")(b, indent)

    def b_title(self, b: Block, indent: float) -> None:
        self.font(20, bold=True)
        self.lines(b.label, indent, 9)
        self.space(2)

    def b_line(self, b: Block, indent: float) -> None:
        for n, item in enumerate(x for x in b.items if x):
            self.font(13 if n == 0 else 11, bold=n == 0)
            self.lines(item, indent, 6)
        self.space(4)

    def b_fields(self, b: Block, indent: float) -> None:
        pdf = self.pdf
        self.font(10, bold=True)
        pad = max(pdf.get_string_width(k + ":") for k, _ in b.pairs) + 4
        for key, value in b.pairs:
            self.keep(LINE)
            y = pdf.get_y()
            pdf.set_xy(LEFT + indent, y)
            self.font(10, bold=True)
            pdf.cell(pad, LINE, key + ":")
            self.font(10)
            if value.strip():
                pdf.set_xy(LEFT + indent + pad, y)
                self.lines(value, indent + pad)
            else:  # unknown: room to fill in by hand
                pdf.set_draw_color(RULE)
                pdf.line(
                    LEFT + indent + pad, y + LINE - 0.8, LEFT + indent + pad + 50, y + LINE - 0.8
                )
                pdf.set_xy(LEFT, y + LINE + 1.5)
        self.space(3)

    def b_group(self, b: Block, indent: float) -> None:
        self.keep(3 * LINE)
        self.font(10, bold=True)
        self.lines(b.label, indent)
        self.font(10)
        for item in b.items:
            self.lines(item, indent + 6)
        self.space(3)

    def b_note(self, b: Block, indent: float) -> None:
        self.font(10)
        for item in b.items:
            self.whole(item, indent)
        self.space(3)

    def b_heading(self, b: Block, indent: float) -> None:
        self.keep(5 * LINE)
        self.space(2)
        self.font(12, bold=True)
        self.lines(b.label, indent, 6)
        self.space(3)

    def b_paragraph(self, b: Block, indent: float) -> None:
        pdf = self.pdf
        self.keep(4 * LINE)
        mark, _, title = b.label.partition("  ")
        self.space(1.5)
        y = pdf.get_y()
        self.font(11, bold=True)
        if title:
            pdf.set_xy(LEFT + indent, y)
            pdf.cell(COLUMN, 5.5, _plain(mark))
            pdf.set_xy(LEFT + indent + COLUMN, y)
            self.lines(title, indent + COLUMN, 5.5)
        else:  # a masked §: "§ 130 — sekretess"
            self.lines(b.label, indent, 5.5)
        self.space(2.5)
        pdf.continuing = _plain(mark if title else b.label.split(" —")[0]).strip()
        try:
            for child in b.children:
                self.block(child, indent + COLUMN)
        finally:
            pdf.continuing = ""
        self.space(1.5)

    def b_text(self, b: Block, indent: float) -> None:
        for chunk in re.split(r"\n\s*\n", b.items[0].strip()):
            if aligned(chunk) and self._mono_has(chunk):  # in columns, as the text keeps them
                self.pdf.set_font(MONO, "", 9)
                self.whole(chunk, indent, 4.5)
            else:
                self.font(10)
                self.whole(chunk, indent)
            self.space(2)
        self.space(1)

    def b_section(self, b: Block, indent: float) -> None:
        # Whole on one page when short, as a text paragraph is: a three-line
        # beslutsgång had been split mid-sentence between pages (a trial).
        pdf = self.pdf
        self.font(10)
        w = pdf.w - RIGHT - LEFT - indent - 6
        # Each item's height, measured once: for the block and for a roll line.
        heights = [
            self._roll_height(item)
            if item.startswith(ROLL_INDENT)
            else pdf.multi_cell(w, LINE, _plain(item), dry_run=True, output="HEIGHT")
            for item in b.items
        ]
        tall = (LINE if b.label else 0) + sum(heights)
        self.keep(tall if tall <= WHOLE else 2 * LINE)
        if b.label:  # unlabelled: under a heading that says it
            self.font(10, bold=True)
            self.lines(b.label, indent)
        self.font(10)
        for item, height in zip(b.items, heights, strict=True):
            if item.startswith(ROLL_INDENT):
                self.roll(item, indent + 12, height)
            else:
                self.lines(item, indent + 6)
        self.space(3)

    def roll(self, item: str, indent: float, height: float) -> None:
        """`Name (S)   ja`: the vote in a column of its own; `height`, the
        line's (`_roll_height`).

        A name too long for its column wraps within it, the vote on its first
        line: "Kerstin Göss-Lindh (S), för Johan Björkman" ran on into "ja"
        (a trial)."""
        pdf = self.pdf
        name, vote = _roll_parts(item)
        # Whole on one page: the vote goes back up to the name's first line,
        # which a page break inside the name would have left on the page before.
        self.keep(height)
        y = pdf.get_y()
        pdf.set_xy(LEFT + indent, y)
        pdf.multi_cell(ROLL_NAME - ROLL_GAP, LINE, name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        below = pdf.get_y()
        # The vote after the name in the page's text (copied, read aloud), on its first line.
        pdf.set_xy(LEFT + indent + ROLL_NAME, y)
        pdf.cell(20, LINE, vote)
        pdf.set_xy(LEFT, below)

    def _roll_height(self, item: str) -> float:
        """A roll line's height: its name, wrapped in its column."""
        name, _ = _roll_parts(item)
        width = ROLL_NAME - ROLL_GAP
        return self.pdf.multi_cell(width, LINE, name, dry_run=True, output="HEIGHT")

    def b_signatures(self, b: Block, indent: float) -> None:
        """Each signer a line to sign on, two to a row, the name under it."""
        pdf = self.pdf
        self.keep(6 + 22)
        self.space(3)
        self.font(10, bold=True)
        self.lines(b.label, indent)
        width = (pdf.w - LEFT - RIGHT - indent - 10) / 2
        for row in range(0, len(b.items), 2):
            self.keep(22)
            self.space(12)
            y = pdf.get_y()
            bottom = y
            for col, signer in enumerate(b.items[row : row + 2]):
                x = LEFT + indent + col * (width + 10)
                pdf.set_draw_color(0)
                pdf.set_line_width(0.3)
                pdf.line(x, y, x + width, y)
                pdf.set_xy(x, y + 1)
                self.font(9)
                pdf.multi_cell(
                    width, 4.5, _plain(signer), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT
                )
                bottom = max(bottom, pdf.get_y())
            pdf.set_xy(LEFT, bottom)
        self.space(4)

    def anslag(self, heading: Block, body: list[Block]) -> None:
        """ANSLAG/BEVIS in a frame, as the notice board copy is."""
        pdf = self.pdf
        self.keep(14 + 7 * (LINE + 1))
        self.space(4)
        top = pdf.get_y()
        pdf.set_y(top + 3)
        self.font(11, bold=True)
        self.lines(heading.label, 4)
        self.space(2)
        for b in body:
            self.block(b, 4)
        bottom = pdf.get_y()
        pdf.set_draw_color(0)
        pdf.set_line_width(0.4)
        pdf.rect(LEFT, top, pdf.w - LEFT - RIGHT, bottom - top)
        self.space(3)
