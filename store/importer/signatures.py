"""The end of a protocol: who signed it, and an e-signature page.

    Vid protokollet          Justeras
    Joakim Ivarsson          Madeleine Rosenqvist
    Förbundschef             1:e vice ordförande

A name starts a signer; the lines after it, to the next name, are what the
signer signed as (a title, an organisation). An e-signature page lists each
signer with the moment they signed; the last of those is the adjustment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..dates import parse_date
from ..errors import ValueProblem
from ..roster import is_organisation
from .bodies import names_body
from .names import looks_like_name, title_before
from .source import Line

HEADS = {
    "vid protokollet": "secretary",
    "antecknat av": "secretary",
    "vid anteckningarna": "secretary",
    "protokollförare": "secretary",
    "sekreterare": "secretary",
    "justeras": "adjust",
    "justerat": "adjust",
    "justerare": "adjust",
    "justerande": "adjust",
    "protokollet justeras": "adjust",
    "ordförande": "chair",
    "mötesordförande": "chair",
    "underskrifter": "",
}
_ESIGN = re.compile(
    r"^(signatursida|detta dokument har (blivit )?elektroniskt (under)?teckn)", re.I
)
_ESIGN_NAME = re.compile(r"^(namn|name)\s*[:\t]\s*(?P<name>\S.*)$", re.I)
_ESIGN_DATE = re.compile(
    r"^(datum( & tid)?|date( & time)?|tidpunkt)\s*[:\t]\s*(?P<date>\d{4}-\d{2}-\d{2})", re.I
)
_RULE = re.compile(r"^[_.\-–—\s]{3,}$")
# Said after the signatures: `Protokollet justerades 2025-02-20 av …` (protokoll's
# own), `Justerat 2024-03-12`, `Justerat digitalt den 26 februari 2024.`,
# `Protokollet är justerat.` (no day: said, not dated). `Justerat` alone heads
# a block of signatures, and is not this.
_ADJUSTED = re.compile(
    r"^(?:protokollet\s+(?:är\s+|har\s+(?:blivit\s+)?)?)?justera(?:t|des)"
    r"(?:\s+(?:digitalt|elektroniskt))?(?:\s*:|\s+den|\s+på)?"
    r"(?:\s+(?P<day>\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+\s+\d{4}))?"
    # `av X och Y`, or the names straight after the day (`Justerat 2024-03-12 Ingrid
    # Sjöberg, Rune Alm`), which had become the last signer's title.
    r"(?:\s+av\s+(?P<by>.+?)|(?<=\d)\s+(?P<names>[A-ZÅÄÖ][^\d]+?))?\s*\.?$",
    re.I,
)
_ADJUSTED_BY = re.compile(r"^Protokollet justerades \d{4}-\d{2}-\d{2}\b", re.I)  # protokoll's own
_SAYS_ADJUSTED = re.compile(r"^protokollet\s+(är|har\s+blivit)\s+justerat\b", re.I)
_POSTED = re.compile(r"^Justeringen tillkännagavs genom anslag (\d{4}-\d{2}-\d{2})", re.I)
_CHAIR_WORD = re.compile(r"ordförande|ordf\b", re.I)
_ADJUSTER_WORD = re.compile(r"\bjusterare\b|\bjusterande\b|\bjust\b", re.I)
_SECRETARY_WORD = re.compile(r"\b(?:mötes)?sekreterare\b|\bsekr\b|\bprotokollförare\b", re.I)
# A function's word alone on the line under a name: what the signer signs as.
_FUNCTION_ONLY = re.compile(
    r"^(ordförande|ordf\.?|sekreterare|justerare|justerande|mötesordförande|mötessekreterare"
    r"|protokollförare|justeringsperson)$",
    re.I,
)
# Of those, the words the protocol prints for the function anyway (and their
# short forms): no title of their own. `mötessekreterare`, `justeringsperson`
# are the source's words for the function, and print as written.
_PRINTED_ANYWAY = re.compile(r"^(ordförande|ordf\.?|sekreterare|sekr\.?|justerare)$", re.I)
# Two signature columns: names apart by a tab or by more than one space.
_COLUMN_GAP = re.compile(r"\t+| {2,}")
_CELL = 1000  # a table's cells as columns this far apart
_DAY_IN = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@dataclass
class Signer:
    name: str
    line: int
    block: str  # "secretary", "adjust", "chair" or ""
    extras: list[list[str]] = field(default_factory=list)  # lines after the name, in runs
    with_role: bool = False  # written `Name, role` on one line
    before: str = ""  # the title written before the name: `Kyrkoherde Anna Ek`

    @property
    def _words(self) -> str:
        return " ".join([self.before, *(x for run in self.extras for x in run)])

    @property
    def signs_as_chair(self) -> bool:
        return bool(_CHAIR_WORD.search(self._words)) and "vice" not in self._words.casefold()

    @property
    def signs_as_secretary(self) -> bool:
        return bool(_SECRETARY_WORD.search(self._words))

    def title_and_organisation(self) -> tuple[str, str]:
        """The last line is the title; lines before it name the organisation.
        A title written before the name comes first, as it was said first."""
        runs = [[x for x in run if not _PRINTED_ANYWAY.match(x)] for run in self.extras]
        runs = [run for run in runs if run]
        title, organisation = "", ""
        if runs:
            title = runs[-1][-1]
            before = [*runs[:-1], runs[-1][:-1]]
            organisation = ", ".join(" ".join(run) for run in before if run)
        if self.before and not _PRINTED_ANYWAY.match(self.before):
            title = ", ".join(x for x in (self.before, title) if x)
        return title, organisation


def _signer(
    text: str, no: int, block: str, extras: list[list[str]] | None = None, with_role: bool = False
) -> Signer:
    """A signer from the words of the line that names them: `Kyrkoherde Anna
    Ek` and `Ordförande Bo Lund` are Anna Ek and Bo Lund, the words before
    the name what they sign as (as a roll-call reads them), not part of it."""
    before, name = _title_first(text)
    return Signer(name, no, block, extras if extras is not None else [], with_role, before)


def _title_first(text: str) -> tuple[str, str]:
    """(title, name) of a name with a title before it; ("", text) otherwise,
    and for a body's name after a title (`Styrelseordförande Brf Linden`)."""
    before, name = title_before(text.strip())
    if not before or names_body(name) or is_organisation(name):
        return "", text.strip()
    return before, name


def is_head(text: str) -> bool:
    return text.strip().casefold().rstrip(":.") in HEADS


def ends_paragraphs(text: str) -> bool:
    """A line after which no § text comes: a block of signatures' head, or, in a
    protocol nobody signed yet, protokoll's own lines after them ("Protokollet
    ska justeras senast …", "ANSLAG/BEVIS"), which had become text of the last §."""
    t = text.strip()
    dated = adjusted(t)
    return (
        is_head(t)
        or due(t)
        or t.casefold() == "anslag/bevis"
        or bool(_ADJUSTED_BY.match(t))
        or (dated is not None and dated[0] is not None)  # `Justerat 2024-03-12 …`
        or _head_and_name(normalised_head(t)[0], lambda _: False) is not None
        or _signed_columns(text)
        or _head_row(_row_cells(text))
        or _head_columns(text) is not None
    )


def _signed_columns(text: str) -> bool:
    """`Ingvar Holm, sekr     Sven-Åke Persson, ordf`: names side by side, each
    with a function's word: a row of signatures, wherever it stands."""
    found = _named_columns(text, lambda _: False)
    return bool(found) and all(
        _CHAIR_WORD.search(role) or _SECRETARY_WORD.search(role) or _ADJUSTER_WORD.search(role)
        for _, _, role in found
    )


def is_esign(text: str) -> bool:
    return bool(_ESIGN.match(text.strip()))


def side_by_side(text: str, known: Callable[[str], bool]) -> list[str] | None:
    """Two names on one line, as two signature columns print: the split, or None.

    Only when the whole line is not one name and exactly one split gives two
    names (or one split gives two names the meeting knows).
    """
    if known(text) or "," in text:
        return None
    words = text.split()
    if not 4 <= len(words) <= 7:
        return None
    splits = [
        [" ".join(words[:k]), " ".join(words[k:])]
        for k in range(2, len(words) - 1)
        if looks_like_name(" ".join(words[:k])) and looks_like_name(" ".join(words[k:]))
    ]
    both_known = [s for s in splits if known(s[0]) and known(s[1])]
    if len(both_known) == 1:
        return both_known[0]
    if len(splits) == 1 and (len(words) == 4 or not looks_like_name(text)):
        return splits[0]
    return None


def is_rule(text: str) -> bool:
    """A line drawn to sign on, or to divide a page: `______`."""
    return bool(text) and bool(_RULE.match(text))


def normalised_head(text: str) -> tuple[str, str]:
    """`Underskrifter Sekreterare ... Paragrafer 102 - 119` → (`Sekreterare`, `102 - 119`).

    A row of a signature form: head words, dotted lines to sign on, and the
    §s the protocol holds. Returns the last head word (or the line) and the range.
    """
    declared = ""
    m = _FORM_RANGE.search(text)
    if m:
        declared, text = m[1], text[: m.start()] + text[m.end() :]
    text = re.sub(r"\.{3,}|…|_{3,}", " ", text).strip()
    words = text.casefold().split()
    if words and all(w.rstrip(":.") in HEADS for w in words):
        return text.split()[-1], declared
    return text, declared


_FORM_RANGE = re.compile(r"\bparagrafer\s+(\d+\s*[-–]\s*\d+)", re.I)


def signers(
    lines: list[Line],
    known: Callable[[str], bool],
    on_pair: Callable[[int, str, list[str]], None] | None = None,
) -> tuple[list[Signer], list[Line]]:
    """The signers, and the lines that are no part of a signature (sentences).

    `known(name)` says whether a line is the name of someone in the meeting.
    """
    out: list[Signer] = []
    rest: list[Line] = []
    block = ""
    blank_before = True
    columns: list[tuple[int, Signer]] = []  # the signers of a line of columns, by where each begins
    heads_by_cell: dict[int, str] = {}  # a table's head row: each column's block
    heads_at: list[tuple[int, str]] = []  # heads side by side: each column's block
    for line in _sentences_joined(lines):
        cells = _row_cells(line.text)
        under_names = bool(columns) and not blank_before  # titles under a row of names
        if _head_row(cells) and not under_names:
            # `| Vid protokollet | Justeras |`: the block of each column below it.
            heads_by_cell = {k: HEADS[c.casefold().rstrip(":.")] for k, c in cells}
            blank_before = True
            continue
        if (
            cells is not None
            and heads_by_cell
            and all(known(c) or looks_like_name(c) for _, c in cells)
        ):
            out += [_signer(c, line.no, heads_by_cell.get(k, block)) for k, c in cells]
            continue
        if cells is None:
            heads_by_cell = {}
        line = _one_cell(line)  # `| Linda Strid | |`, `| Justeras: | |`: the cell's words
        text = normalised_head(line.text.strip())[0]
        if not text or _RULE.match(text):  # a line to sign on is a gap too
            blank_before = True
            continue
        if anslag(text) or due(text) or adjusted(text) or posted(text):
            rest.append(line)  # what protokoll prints after the signatures
            blank_before = True
            continue
        under = rest and rest[-1].no == line.no - 1 and line.text[:4] == "    "
        if under and anslag(rest[-1].text):
            # A field's value wrapped under itself, as protokoll prints the
            # anslag block ("Organ:  Styrelsen, Samordningsförbundet" /
            # "        Älvdalen"): the field's, not a signer's title.
            rest[-1] = Line(rest[-1].no, rest[-1].text.rstrip() + " " + text)
            continue
        if columns and not blank_before and not _DAY_IN.search(text):
            # `ordförande      justerare` under `Gunilla Ek      Fatima Al-Sayed`
            for at, part in _parts(line.text):
                signer = next((sg for start, sg in reversed(columns) if at >= start - 2), None)
                (signer or columns[0][1]).extras[-1].append(part)
            continue
        columns = []
        if out and not blank_before and _FUNCTION_ONLY.match(text):
            # `Karin Lindqvist` / `ordförande`: what the signer signs as, not a new
            # block; a name after it is the next signer, as after a block's head.
            if not out[-1].extras:
                out[-1].extras.append([])
            out[-1].extras[-1].append(text)
            blank_before = True
            continue
        beside = _head_columns(line.text)
        if beside:
            # `Vid protokollet      Justeras` over the names in their columns: it
            # had been left as § text, and no one signed (a helper's trial).
            heads_at, block = beside, beside[0][1]
            blank_before = True
            continue
        if is_head(text):
            block = HEADS[text.casefold().rstrip(":.")]
            heads_at = []
            blank_before = True
            continue
        headed = _head_and_name(text, known)
        if headed and block and ":" not in text and _title_first(text)[0]:
            # `Ordförande Bo Lund` under `Justeras`: what he signs as, before
            # his name, not a new block (it had made the next justerare the chair's).
            headed = None
        if headed:
            # `Sekreterare .......... Sven Ek`: the block and its signers on one line.
            block, names = headed
            out += [_signer(name, line.no, block) for name in names]
            blank_before = False
            continue
        name, comma, role = text.partition(", ")
        bare = _title_first(text)[1]  # `Vice ordförande Bo Lund`: the name
        placed = _columns(line.text, known)
        titled = None if placed else _named_columns(line.text, known)
        if titled:
            columns = [
                (at, _signer(n, line.no, _block_at(heads_at, at, block), [[role] if role else []]))
                for at, n, role in titled
            ]
            out += [sg for _, sg in columns]
            if on_pair:
                on_pair(line.no, text, [n for _, n, _ in titled])
            blank_before = False
            continue
        pair = None if placed else side_by_side(text, known)
        if placed:
            # `Gunilla Ek            Fatima Al-Sayed`: signers side by side.
            columns = [
                (at, _signer(n, line.no, _block_at(heads_at, at, block), [[]])) for at, n in placed
            ]
            out += [sg for _, sg in columns]
            if on_pair:
                on_pair(line.no, text, [n for _, n in placed])
        elif pair:
            # `Marcus Schön Per-Ola Herdinius`: two signers on one line.
            out += [_signer(n, line.no, block) for n in pair]
            if on_pair:
                on_pair(line.no, text, pair)
        elif known(text) or (
            (known(bare) or looks_like_name(bare)) and (blank_before or _next_signer(out, text))
        ):
            out.append(_signer(text, line.no, block))
        elif comma and (known(name) or looks_like_name(name)):
            out.append(_signer(name, line.no, block, [[role]], with_role=True))  # `Name, role`
        elif (
            len(text.split()) > 8
            or (text.endswith(".") and len(text.split()) > 3)
            or not out
            or _DAY_IN.search(text)
        ):
            # A sentence, or a line with a day in it (`Anslaget på församlingens
            # anslagstavla 2024-03-13`): no signer's title, kept after them.
            rest.append(line)
        else:
            if blank_before or not out[-1].extras:
                out[-1].extras.append([])
            out[-1].extras[-1].append(text)
        blank_before = False
    for signer in out:
        signer.extras = [run for run in signer.extras if run]
    return out, rest


def _next_signer(out: list[Signer], text: str) -> bool:
    """Whether a name right under the last signer is the next signer, not what
    that one signs as: under `Britt-Marie Ek, stämmans ordförande` or under a
    bare name (`Hassan Jaber` / `Kerstin Wiik`, a list under `Justeras:`),
    unless it names an organisation (`Joakim Ivarsson` / `Samordningsförbundet
    Norrå`); after a title line (`Förbundschef`) the organisation follows."""
    if not out or is_organisation(text):
        return False
    last = out[-1]
    return last.with_role or not last.extras


def _head_columns(text: str) -> list[tuple[int, str]] | None:
    """`Vid protokollet            Justeras`: block heads side by side in columns,
    two or more, each with its block and where it begins; or None."""
    parts = _parts(text)
    if _row_cells(text) is not None or len(parts) < 2 or not all(is_head(p) for _, p in parts):
        return None
    return [(at, HEADS[p.casefold().rstrip(":.")]) for at, p in parts]


def _block_at(heads: list[tuple[int, str]], at: int, block: str) -> str:
    """The block of the head a column stands under: the last one begun at or
    before it (a name may start a little to the left of its head)."""
    under = [b for start, b in heads if at >= start - 2]
    return under[-1] if under else (heads[0][1] if heads else block)


def _head_row(cells: list[tuple[int, str]] | None) -> bool:
    """A table's row of block heads, two or more (`| Vid protokollet | Justeras |`)."""
    return cells is not None and len(cells) > 1 and all(is_head(c) for _, c in cells)


def _row_cells(text: str) -> list[tuple[int, str]] | None:
    """The filled cells of a table's row with their column, or None for no row."""
    row = text.strip()
    if len(row) > 2 and row[0] == "|" and row[-1] == "|":
        cells = [c.strip() for c in row[1:-1].split("|")]
        return [(k, c) for k, c in enumerate(cells) if c]
    return None


def _one_cell(line: Line) -> Line:
    """A table row with one filled cell, as that cell's words (a Word table of
    signatures: `| Vid protokollet: | |` over `| Linda Strid | |`)."""
    cells = _row_cells(line.text)
    if cells is not None and len(cells) == 1:
        return Line(line.no, cells[0][1])
    return line


def _parts(text: str) -> list[tuple[int, str]]:
    """The parts of a line apart by a tab or spaces, each with the column it begins at;
    the cells of a table's row (`| Tomas Grahn | Ebba Lund |`, as a Word
    table arrives), each its own column."""
    cells = _row_cells(text)
    if cells is not None:
        return [(k * _CELL, c) for k, c in cells]
    line = text.expandtabs(8)
    found = []
    at = 0
    for piece in _COLUMN_GAP.split(line):
        start = line.index(piece, at) if piece else at
        if piece.strip():
            found.append((start, piece.strip()))
        at = start + len(piece)
    return found


def _columns(text: str, known: Callable[[str], bool]) -> list[tuple[int, str]] | None:
    """Names in columns on one line (each part a name), where each begins; or None."""
    parts = _parts(text)
    if len(parts) < 2:
        return None
    if all(known(p) or looks_like_name(p) for _, p in parts):
        return parts
    return None


def _named_columns(text: str, known: Callable[[str], bool]) -> list[tuple[int, str, str]] | None:
    """`Ingvar Holm, sekr     Sven-Åke Persson, ordf`: columns of a name and what
    it signs as; (column, name, title) each, or None."""
    parts = _parts(text)
    if len(parts) < 2:
        return None
    found = []
    for at, part in parts:
        name, _, role = part.partition(", ")
        if not (known(name) or looks_like_name(name)):
            return None
        found.append((at, name, role))
    return found if any(role for _, _, role in found) else None


def _head_and_name(text: str, known: Callable[[str], bool]) -> tuple[str, list[str]] | None:
    """`Sekreterare   Sven Ek`, `Justerande: Jonas Berg`, `Justeras: Nils Carlgren,
    Rosa Almqvist`: (the block, its signers' names), or None."""
    words = text.split()
    for n in (2, 1):
        head = " ".join(words[:n]).casefold().rstrip(":.")
        rest = " ".join(words[n:]).lstrip(":. ")
        if not (HEADS.get(head) and rest):
            continue
        names = [x.strip() for x in re.split(r",|\boch\b", rest) if x.strip()]
        if names and all(known(x) or looks_like_name(x) for x in names):
            return HEADS[head], names
    return None


_OWN_SENTENCE = re.compile(r"^(Protokollet justerades|Justeringen tillkännagavs)\b", re.I)


def _sentences_joined(lines: list[Line]) -> list[Line]:
    """Lines, with protokoll's own sentence after the signatures whole again.

    The text protocol wraps `Protokollet justerades 2020-06-03 av … och Jonas`
    / `Erlandsson.`: read apart, the last name would be taken for a title.
    """
    out: list[Line] = []
    open_sentence = False
    for line in lines:
        text = line.text.strip()
        if open_sentence and text:
            out[-1] = Line(out[-1].no, out[-1].text.rstrip() + " " + text)
        else:
            out.append(line)
            open_sentence = bool(_OWN_SENTENCE.match(text))
        open_sentence = open_sentence and bool(text) and not out[-1].text.rstrip().endswith(".")
    return out


def says_adjusted(text: str) -> bool:
    """`Protokollet är justerat.`, also at the head of a longer line."""
    return bool(_SAYS_ADJUSTED.match(text.strip()))


def adjusted(text: str) -> tuple[dt.date | None, list[str]] | None:
    """`Protokollet justerades 2025-02-20 av Karin Lindqvist och Amira Haddad.`,
    `Justerat 2024-03-12`: the day (None where the line says so without one:
    `Protokollet är justerat.`) and who adjusted it; None if the line says
    no such thing, or gives a day that is none."""
    m = _ADJUSTED.match(text.strip())
    if not m or (m["day"] is None and m["by"] is None and not _SAYS_ADJUSTED.match(text.strip())):
        return None  # `Justerat`, `Justeras`: the head of a block of signatures
    names = [n.strip() for n in re.split(r",|\boch\b", m["by"] or m["names"] or "") if n.strip()]
    if m["day"] is None:
        return None, names
    try:
        return parse_date(m["day"]), names
    except (ValueError, ValueProblem):
        return None


# The anslag/bevis block: protokoll's own labels and those of the usual
# municipal form. "posted" and "archive" are kept; the rest is computed
# again from the dates (or is the heading and its sentence).
_ANSLAG = {
    "anslag/bevis": "",
    "anslag": "",
    "bevis": "",
    "protokollet är justerat. justeringen har tillkännagivits genom anslag.": "",
    "organ": "",
    "sammanträdesdatum": "",
    "paragrafer": "",  # as protokoll prints the block: the §s, known from the §s
    "protokollet justerat": "",
    "anslag senast": "",
    "sista dag för överklagande": "",
    "anslaget tas ned": "",
    "datum då anslaget tas ned": "",
    "anslaget uppsatt": "posted",
    "datum då anslaget sätts upp": "posted",
    "förvaringsplats för protokollet": "archive",
    "förvaringsplats": "archive",
    "datum för anslags uppsättande": "posted",
}
# Labels a kommun's form writes without a colon, its value after a space.
_BARE = ("datum för anslags uppsättande", "förvaringsplats för protokollet", "anslaget uppsatt")


_LABEL_COLUMN = re.compile(r"^(?P<label>[^\t:]+?)(?:\t+| {2,})(?P<value>\S.*)$")
_DUE = re.compile(r"^Protokollet ska justeras senast \d{4}-\d{2}-\d{2}\.?$", re.I)


def due(text: str) -> bool:
    """`Protokollet ska justeras senast 2025-12-04.`: computed again from the date."""
    return bool(_DUE.match(text.strip()))


def anslag(text: str) -> tuple[str, str] | None:
    """A line of an anslag block: (what it gives, its value), or None if it is not one."""
    label, _, value = text.strip().partition(":")
    key = label.strip().casefold()
    column = _LABEL_COLUMN.match(text.strip())
    if key not in _ANSLAG and column and column["label"].casefold() in _ANSLAG:
        # `Organ                    Gymnasienämnden`: a form's label and its value in
        # columns, without a colon (it had become a person, and a justerare).
        return _ANSLAG[column["label"].casefold()], column["value"].strip()
    if key not in _ANSLAG:
        low = text.strip().casefold()
        bare = next((k for k in _BARE if low.startswith(k + " ")), None)
        if bare is None:
            return None
        return _ANSLAG[bare], text.strip()[len(bare) :].strip()
    return _ANSLAG[key], value.strip()


def posted(text: str) -> dt.date | None:
    """`Justeringen tillkännagavs genom anslag 2025-02-21.`"""
    m = _POSTED.search(text)
    try:
        return dt.date.fromisoformat(m[1]) if m else None
    except ValueError:
        return None


def esigned(lines: list[Line]) -> list[tuple[str, dt.date]]:
    """(name, day signed) for each signer of an e-signature page."""
    out = []
    name = None
    for line in lines:
        text = line.text.strip()
        m = _ESIGN_NAME.match(text)
        if m:
            name = m["name"].strip()
            continue
        d = _ESIGN_DATE.match(text)
        if d and name:
            try:
                out.append((name, dt.date.fromisoformat(d["date"])))
            except ValueError:
                pass
            name = None
    return out
