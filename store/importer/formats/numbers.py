"""The numbers Word puts before list paragraphs, which are not in their text.

Word numbers a list paragraph from the list definitions in numbering.xml:
the paragraph (or its style) names a list and a level, the level says how
numbers look (`%1.`, `%1.%2)`, a, i, a bullet) and where they start. The
number a reader sees is computed here the way Word counts: each paragraph
of a list counts up its level and starts the levels below it anew.
"""

from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _format(n: int, fmt: str | None) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


def _val(element, name: str) -> str | None:
    found = element.find(f"{_W}{name}") if element is not None else None
    return found.get(f"{_W}val") if found is not None else None


class Numbering:
    """The list marker of each paragraph, counted in document order."""

    def __init__(self, document) -> None:
        self.computed = 0  # numbers computed here (not bullets)
        self.first_line: int | None = None  # of the converted text: set by its writer
        self._nums: dict[str, tuple[str, dict[str, object]]] = {}
        self._abstract: dict[str, dict[str, object]] = {}
        self._counts: dict[str, dict[int, int]] = {}
        self._style_holders: dict[str | None, list] = {}  # a style's chain, looked up once
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no lists in the document
        for abstract in root.iterchildren(f"{_W}abstractNum"):
            levels = {lvl.get(f"{_W}ilvl"): lvl for lvl in abstract.iterchildren(f"{_W}lvl")}
            self._abstract[abstract.get(f"{_W}abstractNumId")] = levels
        for num in root.iterchildren(f"{_W}num"):
            overrides = {o.get(f"{_W}ilvl"): o for o in num.iterchildren(f"{_W}lvlOverride")}
            self._nums[num.get(f"{_W}numId")] = (_val(num, "abstractNumId"), overrides)

    def _num_pr(self, p, style) -> tuple[str, int] | None:
        """The list and level of a paragraph, from itself or its style."""
        key = style.style_id if style is not None else None
        if key not in self._style_holders:
            chain = []
            while style is not None:  # a style's list is inherited from the one it is based on
                chain.append(style.element.pPr)
                style = style.base_style
            self._style_holders[key] = chain
        for pPr in [p._p.pPr, *self._style_holders[key]]:
            num_pr = pPr.find(f"{_W}numPr") if pPr is not None else None
            if num_pr is None:
                continue
            num_id = _val(num_pr, "numId")
            level = _val(num_pr, "ilvl")
            if num_id in (None, "0"):
                return None  # numbering switched off for this paragraph
            return num_id, int(level or 0)
        return None

    def marker(self, p, style) -> tuple[str | None, int]:
        """(marker, depth): `3.`, `b)`, `-` for a bullet; None if not a list paragraph."""
        found = self._num_pr(p, style)
        if found is None or found[0] not in self._nums:
            return None, 0
        num_id, level = found
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        counts = self._counts.setdefault(num_id, {})
        lvl = levels.get(str(level))
        fmt = _val(lvl, "numFmt") or "decimal"
        if fmt in ("bullet", "none"):
            return "-", level
        start = self._start(levels, overrides, level)
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        text = _val(lvl, "lvlText") or f"%{level + 1}."
        for i in range(level + 1):
            value = counts.get(i, self._start(levels, overrides, i))
            text = text.replace(f"%{i + 1}", _format(value, _val(levels.get(str(i)), "numFmt")))
        self.computed += 1
        return text.strip() or f"{counts[level]}.", level

    @staticmethod
    def _start(levels: dict, overrides: dict, level: int) -> int:
        override = overrides.get(str(level))
        start = _val(override, "startOverride") or _val(levels.get(str(level)), "start")
        return int(start) if start and start.lstrip("-").isdigit() else 1
