"""The draft's watermark drawn as the outlines of its letters, not as text.

Drawn as text, UTKAST was text to every reader of the file: pdftotext, a
screen reader and a copy from the PDF put its letters between the lines of
the protocol ("Johan Ek", "T", "Birgitta Sandell", "S", …). As shapes it is
seen and never read. The outlines are the font's own (fontTools, which
fpdf2 uses to embed it), so it looks as it did.
"""

from __future__ import annotations

import functools
from importlib import resources

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.drawing import DeviceGray, PaintedPath
from fpdf.enums import PathPaintRule

POINT = 25.4 / 72  # mm


@functools.cache
def _font(name: str) -> TTFont:
    with resources.as_file(resources.files("protokoll.store") / "fonts" / name) as path:
        return TTFont(str(path), lazy=True)


class _Outline(BasePen):
    """Glyph outlines (font units, y up) into a PDF path (mm, y down)."""

    def __init__(self, glyphs, path: PaintedPath, scale: float, x: float, y: float) -> None:
        super().__init__(glyphs)
        self.path, self.scale, self.x, self.y = path, scale, x, y

    def _at(self, point: tuple[float, float]) -> tuple[float, float]:
        return self.x + point[0] * self.scale, self.y - point[1] * self.scale

    def _moveTo(self, pt) -> None:  # noqa: N802  fontTools' names
        self.path.move_to(*self._at(pt))

    def _lineTo(self, pt) -> None:  # noqa: N802
        self.path.line_to(*self._at(pt))

    def _curveToOne(self, pt1, pt2, pt3) -> None:  # noqa: N802
        self.path.curve_to(*self._at(pt1), *self._at(pt2), *self._at(pt3))

    def _qCurveToOne(self, pt1, pt2) -> None:  # noqa: N802
        self.path.quadratic_curve_to(*self._at(pt1), *self._at(pt2))

    def _closePath(self) -> None:  # noqa: N802
        self.path.close()


def word_width(word: str, size: float, font: str = "DejaVuSans-Bold.ttf") -> float:
    """The width in mm of `word` at `size` points."""
    ttf = _font(font)
    scale = size * POINT / ttf["head"].unitsPerEm
    cmap, metrics = ttf.getBestCmap(), ttf["hmtx"]
    return sum(metrics[cmap.get(ord(c), ".notdef")][0] for c in word) * scale


def draw_word(
    pdf: FPDF, word: str, x: float, y: float, size: float, gray: int,
    font: str = "DejaVuSans-Bold.ttf",
) -> None:  # fmt: skip
    """`word` filled in `gray` (0-255) with its baseline starting at (x, y) mm."""
    ttf = _font(font)
    scale = size * POINT / ttf["head"].unitsPerEm
    cmap, metrics, glyphs = ttf.getBestCmap(), ttf["hmtx"], ttf.getGlyphSet()
    with pdf.new_path() as path:
        path.style.fill_color = DeviceGray(gray / 255)
        path.style.stroke_color = None
        path.style.paint_rule = PathPaintRule.FILL_NONZERO
        for c in word:
            name = cmap.get(ord(c), ".notdef")
            glyphs[name].draw(_Outline(glyphs, path, scale, x, y))
            x += metrics[name][0] * scale
