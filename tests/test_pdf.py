"""The PDF protocol says what the text protocol says, with a Swedish protocol's furniture.

The text is read back with pypdf, sorted by where on the page it stands: the
body (between the heading and the footer), the furniture (heading, page
number, signature boxes) and the watermark (drawn at an angle, as shapes:
known by comparing them with the word's, and no text of its own).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from io import BytesIO
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF
from pypdf import PdfReader
from pypdf.generic import ContentStream

from protokoll.store import Store, StoreError, render_text
from protokoll.store.exchange import read_document
from protokoll.store.model import Adjustment, Meeting
from protokoll.store.pdf import FOOT, HEAD, render_pdf
from protokoll.store.pdf_mark import draw_word
from protokoll.tui.cli import main

from .conftest import copy_examples
from .screen import exports_written

SHIPPED = Path(__file__).resolve().parent.parent / "tui" / "examples"
FONTS = Path(__file__).resolve().parent.parent / "store" / "fonts"
MM = 72 / 25.4
A4_HEIGHT = 297 * MM


@dataclasses.dataclass
class Page:
    body: list[str]
    furniture: str
    slanted: str  # the watermark's word, known by the shapes drawn at an angle
    slanted_text: str  # text set at an angle: what a reader of the text would read


def _slanted_shapes(page) -> str:
    """The path operators drawn under a rotation (the watermark), in order."""
    names: list[str] = []
    depth, rotated_at = 0, None  # the q depth at which a rotation was set
    for operands, op in ContentStream(page.get_contents(), page.pdf).operations:
        if op == b"q":
            depth += 1
        elif op == b"Q":
            depth -= 1
            if rotated_at is not None and depth < rotated_at:
                rotated_at = None
        elif op == b"cm" and abs(float(operands[1])) > 1e-6 and rotated_at is None:
            rotated_at = depth
        elif rotated_at is not None and op in (b"m", b"l", b"c", b"v", b"y", b"h"):
            names.append(op.decode())
    return "".join(names)


@functools.cache
def _word_shapes(word: str) -> str:
    pdf = FPDF()
    pdf.add_page()
    with pdf.rotation(45, 100, 100):
        draw_word(pdf, word, 0, 0, 110, 225)
    return _slanted_shapes(PdfReader(BytesIO(bytes(pdf.output()))).pages[0])


def _watermark(page) -> str:
    shapes = _slanted_shapes(page)
    if not shapes:
        return ""
    return next((w for w in ("UTKAST", "DRAFT") if _word_shapes(w) == shapes), "?")


def read_pdf(data: bytes) -> list[Page]:
    pages = []
    for page in PdfReader(BytesIO(data)).pages:
        body: list[str] = []
        furniture: list[str] = []
        slanted: list[str] = []

        def visit(text, cm, tm, font, size, body=body, furniture=furniture, slanted=slanted):
            if not text.strip():
                return
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if abs(tm[0] * cm[1] + tm[1] * cm[3]) > 1e-6:
                slanted.append(text)
            elif y > A4_HEIGHT - HEAD * MM or y < FOOT * MM:
                furniture.append(text)
            else:
                body.append(text)

        page.extract_text(visitor_text=visit)
        pages.append(Page(body, " ".join(furniture), _watermark(page), " ".join(slanted)))
    return pages


def words(text: str) -> list[str]:
    """The words, without the text's signature rules (the PDF draws them as lines)."""
    return [w for w in text.split() if not re.fullmatch(r"_+", w)]


def example_meetings(tmp_path: Path) -> list[Meeting]:
    store = Store(copy_examples(tmp_path / "store"))
    found = [store.load(s.id) for s in store.summaries()]
    for path in sorted(SHIPPED.glob("*.json")):
        meeting, _ = read_document(path, json.loads(path.read_text(encoding="utf-8")))
        found.append(meeting)
    return found


class Examples:
    """The example meetings, and each one's PDF read back once a process:
    several tests look at the same PDFs, each at what it is about."""

    def __init__(self, path: Path) -> None:
        self.meetings = example_meetings(path)
        self._read: dict[tuple[str, str], list[Page]] = {}

    def pages(self, meeting: Meeting, lang: str = "sv") -> list[Page]:
        if (meeting.id, lang) not in self._read:
            self._read[meeting.id, lang] = read_pdf(render_pdf(meeting, lang))
        return self._read[meeting.id, lang]


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> Examples:
    return Examples(tmp_path_factory.mktemp("pdf"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_example_meetings_pdf_has_the_text_protocols_words(examples, lang):
    meetings = examples.meetings
    assert len(meetings) >= 10
    for meeting in meetings:
        pages = examples.pages(meeting, lang)
        body = [w for page in pages for chunk in page.body for w in chunk.split()]
        assert body == words(render_text(meeting, lang=lang)), meeting.id


def fonts_of_lines(data: bytes) -> dict[str, str]:
    """Each line of body text and the font it is set in (its /BaseFont)."""
    found: dict[str, str] = {}
    for page in PdfReader(BytesIO(data)).pages:

        def visit(text, cm, tm, font, size):
            if text.strip() and font is not None:
                found[text.strip()] = str(font.get("/BaseFont", ""))

        page.extract_text(visitor_text=visit)
    return found


def test_text_typed_in_columns_keeps_them_in_a_fixed_width_font(tmp_path):
    # A trial's budget typed in columns came out ragged: the proportional
    # font moved "980 000 kr" left of "1 200 000 kr". Lines with gaps inside
    # them, two at least, are set in DejaVu Sans Mono; other text is not.
    meeting = example_meetings(tmp_path)[0]
    sans, mono = (TTFont(str(FONTS / f)) for f in ("DejaVuSans.ttf", "DejaVuSansMono.ttf"))
    lacking = sorted(set(sans.getBestCmap()) - set(mono.getBestCmap()))
    only_sans = next(chr(c) for c in lacking if chr(c).isalpha())
    meeting.paragraphs[0].text = (
        "Budget i sammandrag:\n\n"
        "Intäkter          1 200 000 kr\nKostnader           980 000 kr\n\n"
        "Förbundschefen  föredrar ärendet.\n\n"  # one gap in one line: not columns
        f"Namn  {only_sans}\nOrt   Lövstad"  # columns, but a letter the mono font lacks
    )
    fonts = fonts_of_lines(render_pdf(meeting))
    assert "DejaVuSansMono" in fonts["Intäkter          1 200 000 kr"]
    assert "DejaVuSansMono" in fonts["Kostnader           980 000 kr"]
    assert "Mono" not in fonts["Budget i sammandrag:"]
    assert "Mono" not in fonts["Förbundschefen  föredrar ärendet."]
    assert "Mono" not in fonts[f"Namn  {only_sans}"]


@pytest.mark.parametrize(("lang", "going_on"), [("sv", "forts."), ("en", "cont.")])
def test_a_page_that_goes_on_with_a_paragraph_names_it_in_its_head(examples, lang, going_on):
    # A trial turned to page 3 of Socialnämnden's PDF and found the decision
    # of § 133 with nothing saying whose it was.
    sn = next(m for m in examples.meetings if m.id == "20251120-sn")
    assert f"§ 133 {going_on}" in examples.pages(sn, lang)[2].furniture
    for meeting in examples.meetings:
        last = ""  # the last § begun so far
        for page in examples.pages(meeting, lang):
            named = re.findall(rf"(§ \d+) {re.escape(going_on)}", page.furniture)
            if named:  # the § begun last, and the page does not begin a § itself
                assert named == [last] and not re.fullmatch(r"§ \d+", page.body[0]), meeting.id
            marks = [c for c in page.body if re.fullmatch(r"§ \d+", c)]
            last = marks[-1] if marks else last


def test_the_publication_copy_masks_in_the_pdf_too(tmp_path):
    meeting = next(m for m in example_meetings(tmp_path) if any(p.masked for p in m.paragraphs))
    pages = read_pdf(render_pdf(meeting, publish=True))
    body = [w for page in pages for chunk in page.body for w in chunk.split()]
    assert body == words(render_text(meeting, publish=True))


@pytest.mark.parametrize(
    ("lang", "page_word", "boxes"),
    [("sv", "Sida", "Justerandes signatur"), ("en", "Page", "Adjusters' initials")],
)
def test_every_page_has_its_number_of_all_and_the_signature_boxes(examples, lang, page_word, boxes):
    longest = 0
    for meeting in examples.meetings:
        pages = examples.pages(meeting, lang)
        longest = max(longest, len(pages))
        for n, page in enumerate(pages, 1):
            of = "av" if lang == "sv" else "of"
            assert f"{page_word} {n} {of} {len(pages)}" in page.furniture
            assert meeting.organ in page.furniture  # the organ's heading
            # Notes (minnesanteckningar) are not adjusted: no boxes to initial.
            assert (boxes in page.furniture) == meeting.numbered
    assert longest >= 3


def test_a_closed_set_of_notes_is_not_a_draft(tmp_path):
    notes = next(m for m in example_meetings(tmp_path) if not m.numbered)
    closed = dataclasses.replace(notes, status="closed")
    assert read_pdf(render_pdf(closed))[0].slanted == ""
    assert read_pdf(render_pdf(dataclasses.replace(notes, status="open")))[0].slanted == "UTKAST"


def test_a_draft_is_marked_utkast_on_every_page_and_an_adjusted_one_is_not(examples):
    meetings = examples.meetings
    drafts = [m for m in meetings if m.status != "adjusted" and m.numbered]
    adjusted = [m for m in meetings if m.status == "adjusted"]
    assert drafts and adjusted
    for meeting in drafts:
        assert all(p.slanted == "UTKAST" for p in examples.pages(meeting))
        assert all(p.slanted == "DRAFT" for p in examples.pages(meeting, "en"))
        # Drawn, not written: pdftotext put its letters between the
        # protocol's lines ("Johan Ek", "T", "Birgitta Sandell", "S").
        assert all(p.slanted_text == "" for p in examples.pages(meeting))
    for meeting in adjusted:
        assert all(p.slanted == "" for p in examples.pages(meeting))


def test_adjusting_takes_the_watermark_away(tmp_path):
    closed = next(m for m in example_meetings(tmp_path) if m.status == "closed")
    adjusted = dataclasses.replace(closed, status="adjusted", adjustment=Adjustment("2025-12-01"))
    assert read_pdf(render_pdf(closed))[0].slanted == "UTKAST"
    assert read_pdf(render_pdf(adjusted))[0].slanted == ""


def test_an_imported_protocol_is_no_draft_until_it_is_reopened_here(tmp_path):
    closed = next(m for m in example_meetings(tmp_path) if m.status == "closed" and m.numbered)
    archived = dataclasses.replace(closed, imported=True)
    assert read_pdf(render_pdf(archived))[0].slanted == ""
    reopened = dataclasses.replace(archived, status="draft")
    assert read_pdf(render_pdf(reopened))[0].slanted == "UTKAST"


def test_the_anslag_block_is_in_the_pdf_of_an_organ_that_posts_notices(tmp_path):
    meeting = next(m for m in example_meetings(tmp_path) if m.rules.posts_notices and m.adjustment)
    text = " ".join(w for p in read_pdf(render_pdf(meeting)) for w in p.body)
    assert "ANSLAG/BEVIS" in text
    assert "Sista dag för överklagande:" in text


def test_the_fonts_are_embedded_and_the_file_is_pdf_a(tmp_path):
    meeting = example_meetings(tmp_path)[0]
    data = render_pdf(meeting)
    reader = PdfReader(BytesIO(data))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor  # the TrueType program is in the file
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVuSans" in f for f in fonts)
    assert b"pdfaid:part" in data and reader.trailer["/Root"].get("/OutputIntents")


def test_the_same_meeting_gives_the_same_bytes(tmp_path):
    meeting = example_meetings(tmp_path)[0]
    data = render_pdf(meeting)
    assert data == render_pdf(meeting)
    # Dated by the meeting, never "now" (which would differ from second to second).
    dates = set(re.findall(rb'xmp:(?:Create|Modify|Metadata)Date="([^"]*)"', data))
    day = (meeting.adjustment.date if meeting.adjustment else meeting.date).encode()
    assert len(dates) == 1 and dates.pop().startswith(day)


def test_export_writes_a_pdf_and_refuses_to_replace_one_without_force(tmp_path, capsys):
    store = copy_examples(tmp_path / "store")
    out = tmp_path / "p.pdf"
    args = ["--store", str(store), "export", "20250605-au", "--format", "pdf", "-o", str(out)]
    assert main(args) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert main(args) == 1
    assert "--force" in capsys.readouterr().err or out.exists()
    assert main([*args, "--force"]) == 0


def test_export_will_not_write_a_pdf_to_the_terminal(tmp_path, capsys):
    store = copy_examples(tmp_path / "store")
    assert main(["--store", str(store), "export", "20250605-au", "--format", "pdf"]) == 2
    assert "-o" in capsys.readouterr().err


async def test_e_in_the_preview_exports_the_pdf_and_asks_before_replacing(example, tmp_path):
    from protokoll.tui.app import ProtokollApp

    target = tmp_path / "au.pdf"
    app = ProtokollApp(example)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.show_protocol("20250605-au")
        await pilot.pause()
        for _ in range(2):
            await pilot.press("E")
            await pilot.pause()
            assert app.screen.query_one("#value").value.endswith(".pdf")
            app.screen.query_one("#value").value = str(target)
            await pilot.press("enter")
            await exports_written(pilot)  # written in a thread: done before E again
        # The second time the file is there: asked, and yes replaces it.
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("enter")
        await exports_written(pilot)
    pages = read_pdf(target.read_bytes())
    assert pages[0].slanted == "UTKAST"
    assert "Sida 1 av" in pages[0].furniture


def test_a_character_the_font_cannot_draw_is_refused_not_left_blank(tmp_path, capsys):
    store = copy_examples(tmp_path / "store")
    meeting = Store(store).load("20250605-au")
    meeting.paragraphs[0].text = "Gäst från 漢字 kommun; 😀 går bra."
    with pytest.raises(StoreError) as caught:
        render_pdf(meeting)
    assert caught.value.key == "pdf_glyphs" and "漢字" in caught.value.text("sv")
    assert capsys.readouterr().err == ""  # nothing from fpdf2 on the terminal
    meeting.paragraphs[0].text = "Gäst från Ελλάδα och Україна; 😀 går bra."
    words_in_pdf = [w for p in read_pdf(render_pdf(meeting)) for c in p.body for w in c.split()]
    assert "Ελλάδα" in words_in_pdf and "Україна;" in words_in_pdf


@pytest.mark.parametrize("meeting_id", ["20250605-au", "20251120-sn", "20250213-au"])
def test_the_pdf_imports_back_as_the_same_meeting_as_its_text(tmp_path, meeting_id):
    # The importer (store.importer) reads old protocols' PDFs: ours must read
    # back as what the text protocol reads back as, §s, decisions and people.
    # Adjusted ones: the importer's layout text runs a draft's slanted UTKAST
    # into the line it crosses (a watermark in any draft PDF would be).
    store = copy_examples(tmp_path / "store")
    if Store(store).load(meeting_id).status != "adjusted":
        assert main(["--store", str(store), "adjust", meeting_id, "--date", "2025-06-12"]) == 0
    for fmt in ("text", "pdf"):
        out = tmp_path / f"{meeting_id}.{fmt}"
        argv = ["--store", str(store), "export", meeting_id, "--format", fmt, "-o", str(out)]
        assert main(argv) == 0
        assert main(["--store", str(tmp_path / fmt), "import", str(out)]) == 0

    def facts(kind: str) -> list:
        imported = Store(tmp_path / kind)
        (summary,) = imported.summaries()
        m = imported.load(summary.id)
        # The decisions' words: where one ends and the next begins, the text
        # export says by where its lines wrap (`importer.exported_text`), a
        # PDF's proportional lines do not.
        return [
            m.date,
            m.status,
            sorted((a.name, a.present) for a in m.attendees),
            [(p.number, p.title, " ".join(d.text for d in p.decisions)) for p in m.paragraphs],
        ]

    assert facts("pdf") == facts("text")


def test_a_short_paragraph_of_text_is_not_split_between_pages_and_a_long_one_flows(tmp_path):
    """Kalmar's e-signature record (six lines) had its last lines alone on a page."""
    meeting = next(m for m in example_meetings(tmp_path) if m.paragraphs)
    shorts = [[f"Kort{n}rad{i} har några ord." for i in range(6)] for n in range(30)]
    long = [f"Lang{i} har några ord." for i in range(80)]
    text = "\n\n".join("\n".join(lines) for lines in [*shorts, long])
    meeting.paragraphs[0] = dataclasses.replace(meeting.paragraphs[0], text=text)
    pages = [" ".join(p.body) for p in read_pdf(render_pdf(meeting))]

    def on(word: str) -> list[int]:
        return [n for n, body in enumerate(pages) if word in body.split()]

    for lines in shorts:
        first, last = lines[0].split()[0], lines[-1].split()[0]
        assert on(first) == on(last), f"{first}…{last} split between pages"
    assert len(pages) > 3  # the short ones did reach over several pages
    # Longer than a third of a page: it flows on from where it is.
    assert on("Lang0") != on("Lang79")


@pytest.mark.parametrize(
    ("name", "starts"),
    [("p.pdf", b"%PDF-"), ("p.PDF", b"%PDF-"), ("p.md", b"# Protokoll"), ("p.json", b"{"),
     ("p.txt", b"PROTOKOLL"), ("p.protokoll", b"PROTOKOLL")],
)  # fmt: skip
def test_export_without_format_writes_what_the_files_ending_names(tmp_path, name, starts):
    """`-o justerat.pdf` had written text into it and said it was exported (a trial)."""
    store = copy_examples(tmp_path / "store")
    out = tmp_path / name
    assert main(["--store", str(store), "export", "20250605-au", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(starts)
    # Said outright, the format is the one written, whatever the name.
    again = tmp_path / f"text-{name}"
    assert main(["--store", str(store), "export", "20250605-au", "--format", "text",
                 "-o", str(again)]) == 0  # fmt: skip
    assert again.read_bytes().startswith(b"PROTOKOLL")


def test_extract_without_format_writes_markdown_to_a_md_file(tmp_path):
    store = copy_examples(tmp_path / "store")
    out = tmp_path / "utdrag.md"
    assert main(["--store", str(store), "extract", "20250605-au", "15", "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("# ")


def test_a_long_name_in_a_roll_call_wraps_before_the_vote_column(tmp_path):
    # "Kerstin Göss-Lindh (S), för Johan Björkman" ran on into its "ja" (a trial).
    store = Store(copy_examples(tmp_path / "store"))
    meeting = store.load("20251120-sn")
    long = "Anna-Karin Göss-Lindh Wallenberg Björkman"
    meeting.attendee("lena").name = long
    pieces: list[tuple[int, float, float, str]] = []  # page, x, y in points, text
    for n, page in enumerate(PdfReader(BytesIO(render_pdf(meeting))).pages):

        def visit(text, cm, tm, font, size, n=n):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                pieces.append((n, x, y, text.strip()))

        page.extract_text(visitor_text=visit)

    def line_of(p):
        return [q for q in pieces if q[0] == p[0] and abs(q[2] - p[2]) < 1 and q is not p]

    votes = ("Ja", "ja", "Nej", "nej")
    first = next(
        p for p in pieces
        if p[3].startswith("Anna-Karin") and any(q[3] in votes for q in line_of(p))
    )
    (vote,) = [q for q in line_of(first) if q[3] in votes]
    measure = FPDF()
    measure.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    measure.set_font("DejaVu", size=10)
    end = first[1] + measure.get_string_width(first[3]) * MM
    assert end < vote[1], (first, vote)
    # The rest of the name on the line below, not lost.
    below = [q for q in pieces if q[:2] == first[:2] and first[2] - 15 < q[2] <= first[2]]
    assert long in " ".join(" ".join(q[3] for q in sorted(below, key=lambda q: -q[2])).split())


def test_every_vote_of_a_roll_call_over_pages_stands_beside_its_name(tmp_path):
    # The vote is drawn back up at its name's first line: a page break inside
    # the name would have put it on the new page at the old page's height.
    from protokoll.store import Attendee, Ballot

    store = Store(copy_examples(tmp_path / "store"))
    meeting = store.load("20251120-sn")
    p = next(p for p in meeting.paragraphs if p.votes)
    vote = p.votes[0]
    for n in range(60):
        person = Attendee(f"x{n}", f"Ledamot Nummer {n} Långnamnsson-Efternamn", party="S",
                          present=True)
        meeting.attendees.append(person)
        vote.ballots.append(Ballot(person.id, "ja"))
    rows: dict[tuple[int, float], list[str]] = {}
    for n, page in enumerate(PdfReader(BytesIO(render_pdf(meeting))).pages):

        def visit(text, cm, tm, font, size, n=n):
            if text.strip():
                y = round(tm[4] * cm[1] + tm[5] * cm[3] + cm[5], 1)
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                rows.setdefault((n, y), []).append(f"{x:.0f}:{text.strip()}")

        page.extract_text(visitor_text=visit)
    votes = [(at, row) for at, row in rows.items() if any(r.endswith(":ja") for r in row)]
    assert len({page for (page, _), _ in votes}) >= 2, "the roll call spans pages"
    for at, row in votes:
        assert any("Ledamot" in r or "(" in r for r in row), (at, row)
