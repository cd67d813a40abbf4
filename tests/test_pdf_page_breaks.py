"""Where the PDF breaks its pages: a short section whole, the signatures with the last §.

Trial 5 found a three-line beslutsgång split mid-sentence between pages 3 and
4, and the signatures alone on the last page, to be signed with no word of
the protocol on it. The page is filled to a chosen height before the blocks
are set, so that each test is at the edge it is about.
"""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from protokoll.store import Store
from protokoll.store.labels import labels
from protokoll.store.pdf import FOOT, LINE, Typesetter, _Protocol
from protokoll.store.render import Block

PROCEDURE = (
    "Ordföranden ställer proposition på Anna Anderssons yrkande och Olof Olssons "
    "yrkande och finner att kommunfullmäktige beslutar enligt Anna Anderssons yrkande."
)


def pages_of(example, outline: list[Block], room: float) -> list[str]:
    """The text of each page, the blocks set with `room` mm left on the first."""
    meeting = Store(example).load("20251120-sn")
    pdf = _Protocol(meeting, "sv")
    pdf.add_page()
    pdf.set_y(pdf.h - FOOT - room)
    Typesetter(pdf, labels("sv")).run(outline)
    reader = PdfReader(BytesIO(bytes(pdf.output())))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_a_short_section_is_not_split_between_pages(example):
    section = Block("section", "Beslutsgång", [PROCEDURE, "Omröstning begärs och verkställs."])
    for room in (2 * LINE, 3 * LINE):  # the label and a line or two would fit
        pages = pages_of(example, [section], room)
        assert len(pages) == 2
        assert "Beslutsgång" not in pages[0] and "finner att kommunfullmäktige" in pages[1]


def test_the_signatures_come_with_the_last_paragraph(example):
    last = Block(
        "paragraph",
        "§ 17  Mötets avslutande",
        children=[Block("text", items=["Ordföranden tackar för visat intresse."])],
    )
    signatures = Block("signatures", "Justeras", ["Anna Andersson, ordförande", "Bo Ek"])
    pages = pages_of(example, [last, signatures], 8 * LINE)  # the § fits, its signatures not
    assert len(pages) == 2
    assert "Mötets avslutande" in pages[1] and "Justeras" in pages[1]
    assert "Mötets avslutande" not in pages[0]
    # With room for both, both stay where they are.
    pages = pages_of(example, [last, signatures], 30 * LINE)
    assert len(pages) == 1
