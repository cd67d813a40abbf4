"""Writes sjuharad-medlemsrad-2020-03-27.pdf and skannad.pdf beside this file.

The PDF holds the text of the seed protocol laid out as a word processor
prints it: the fields as two columns (label, value), the §s with their
number in a margin column. A TTF with å, ä and ö is needed to write it, and
a fresh machine has none, so the PDF is kept in the repository; run this
(with fpdf2 and the DejaVu fonts installed) only to make it anew:

    python tests/data/formats/make_pdf.py
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from fpdf import FPDF

WHEN = dt.datetime(2020, 3, 27, tzinfo=dt.UTC)

HERE = Path(__file__).parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FIELD = re.compile(r"^(\w+) \*\*(.*)\*\*$")
ROW = re.compile(r"^(\d+)\t(.*)$")


def protocol_pdf(text: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(WHEN)  # the same bytes each time it is made
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=10)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in text.split("\n"):
        field, row = FIELD.match(line), ROW.match(line)
        if not line.strip():
            pdf.ln(4)
        elif field:
            pdf.cell(30, 5, field[1])
            pdf.cell(0, 5, field[2], new_x="LMARGIN", new_y="NEXT")
        elif row:
            for i, paragraph in enumerate(re.findall(r"<p>(.*?)</p>", row[2]) or [row[2]]):
                if i:
                    pdf.ln(3)
                pdf.cell(15, 5, row[1] if i == 0 else "")
                pdf.multi_cell(0, 5, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        else:
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return pdf


def scanned_pdf() -> FPDF:
    """A page with a picture and no text, as a scanner makes it."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(WHEN)
    pdf.add_page()
    pdf.set_fill_color(200, 200, 200)
    for y in range(20, 260, 8):  # grey bars where the lines of a scanned page would be
        pdf.rect(20, y, 170, 4, style="F")
    return pdf


if __name__ == "__main__":
    seed = HERE / "sjuharad-medlemsrad-2020-03-27.txt"
    protocol_pdf(seed.read_text("utf-8")).output(str(seed.with_suffix(".pdf")))
    scanned_pdf().output(str(HERE / "skannad.pdf"))
