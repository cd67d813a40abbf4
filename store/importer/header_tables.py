"""Attendance in tables and columns: a table of people with an X for who
came, a table under an attendance heading, lists side by side under their
headings on one line."""

from __future__ import annotations

import re

from ..model import Attendee, new_id
from .entries import FUNCTION_WORDS
from .header_fields import ATTENDANCE
from .header_people import PeopleReading
from .names import looks_like_name
from .source import Line

_ROW = re.compile(r"^\|.*\|$")
_RULE_ROW = re.compile(r"^\|(\s*:?-{2,}:?\s*\|)+$")
_TICKS = {"x", "✓", "✔", "ja", "*"}
# Column headings as tables shorten them.
_COLUMN = {
    "närv": "närvarande",
    "närvaro": "närvarande",
    "frånv": "frånvarande",
    "ej närv": "frånvarande",
    "tjg ers": "tjänstgörande ersättare",
    "tjänstg": "tjänstgörande ersättare",
}
_TITLE_COLUMNS = {"roll", "titel", "funktion", "uppdrag", "befattning"}
_COLUMN_GAP = re.compile(r"\t+| {2,}")


def is_row(text: str) -> bool:
    return bool(_ROW.match(text))


def _cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|")]


def _column_parts(text: str) -> list[str]:
    """A line's parts apart by a tab or spaces, an empty first one where it
    begins with the gap (a name in the second column only)."""
    return _COLUMN_GAP.split(text.rstrip())


def column_headings(text: str) -> list[tuple[str, str]] | None:
    """(label, as written) of each attendance heading on a line of two or more."""
    parts = [p.strip() for p in _column_parts(text) if p.strip()]
    if len(parts) < 2:
        return None
    keys = [p.casefold().rstrip(":") for p in parts]
    if not all(k in ATTENDANCE for k in keys):
        return None
    return list(zip(keys, parts, strict=True))


class TableReading(PeopleReading):
    """The reader's part that reads tables and columns of people."""

    def _table(self) -> bool:
        """An attendance table, one person a row and an X in a column that says what.

            | Namn     | Närvarande | Frånvarande |
            |----------|------------|-------------|
            | Anna Ek  | X          |             |

        Columns headed by an attendance word give category and presence; a
        column `Parti` the party, `Roll`/`Titel`/`Funktion` the title. Returns
        False (and reads nothing) for a table that is not one of people.
        """
        start = self.i
        rows = []
        j = start
        while j < len(self.lines) and is_row(self.lines[j].text.strip()):
            rows.append(self.lines[j])
            j += 1
        cells = [_cells(x.text) for x in rows]
        # Markdown has a rule under the head row; a Word table arrives without.
        ruled = len(rows) > 1 and bool(_RULE_ROW.match(rows[1].text.strip()))
        body = 2 if ruled else 1
        if len(cells) <= body:
            return False
        head = [_COLUMN.get(h, h) for h in (c.casefold().rstrip(":.") for c in cells[0])]
        marks = {k: ATTENDANCE[h] for k, h in enumerate(head) if k and h in ATTENDANCE}
        if not marks:
            return False
        # `Ersättare | Närv. | Frånv.`: the name column's heading gives the category.
        base = ATTENDANCE.get(head[0], (None, True))[0]
        self.h.consumed += [(x.no, x.text) for x in rows[:body]]
        for row, cell in zip(rows[body:], cells[body:], strict=False):
            cell += [""] * (len(head) - len(cell))
            name = cell[0]
            ticked = [marks[k] for k in marks if cell[k].strip().casefold() in _TICKS]
            if not looks_like_name(name) or len(ticked) != 1:
                # No one clear X: the row stays as it was written.
                self.h.intro.append(row)
                self.report.warn(row.no, "table_row", text=row.text.strip())
                continue
            category, present = ticked[0]
            category = base if category is None or not present else category
            extra = {head[k]: cell[k] for k in range(1, len(head)) if k not in marks}
            notes = []
            for h, value in extra.items():
                if h in ("parti", *_TITLE_COLUMNS) or not value:
                    continue
                for part in re.split(r"\s*<br>\s*|,\s*", value):
                    function = FUNCTION_WORDS.get(part.casefold().rstrip("."))
                    if function:
                        key = "adjusters" if function == "adjuster" else function
                        self.h.functions[key].append((name, row.no))
                    elif part:
                        notes.append(part)
            a = self.people.add(
                Attendee(
                    new_id(),
                    name,
                    party=extra.get("parti", ""),
                    title=next((v for h, v in extra.items() if h in _TITLE_COLUMNS and v), ""),
                    role={"ersattare": "ersattare", "ovriga": "tjansteperson"}.get(
                        category or "", "ledamot"
                    ),
                    present=present,
                    category=category or "beslutande",
                    note=", ".join(notes),
                ),
                row.no,
            )
            column = next(k for k in marks if cell[k].strip().casefold() in _TICKS)
            if category is None:
                self._undivided(rows[0].no, cells[0][column]).append(a)
            elif category == "ersattare" and "ej " not in head[column]:
                self._service_unsaid(rows[0].no, cells[0][column]).append(a)
            self.h.consumed.append((row.no, row.text))
            self.h.persons.setdefault(row.no, []).append(a.name)
        self.i = j
        return True

    def _people_table(
        self,
        rows: list[Line],
        label: str,
        category: str | None,
        present: bool,
        at: tuple[int, str],
    ) -> None:
        """A table of people under an attendance heading: a name column and,
        beside it, party and title (`| Kjell Ohlsson | S | ordförande |`), each
        row a person of the heading's kind. It had stayed text (a trial)."""
        cells = [_cells(x.text) for x in rows]
        head = [c.casefold().rstrip(":.") for c in cells[0]]
        body = rows[2:] if len(rows) > 1 and _RULE_ROW.match(rows[1].text.strip()) else rows[1:]
        names = ("namn", "name", "ledamot", "ledamöter", "ersättare")
        name_at = next((k for k, h in enumerate(head) if h in names), None)
        if name_at is None:
            self._attendance(rows, label, category, present, at)
            return
        self.h.consumed.append((rows[0].no, rows[0].text))
        party_at = next((k for k, h in enumerate(head) if h == "parti"), None)
        before = len(self.people.attendees)
        for row in body:
            cell = _cells(row.text) + [""] * len(head)
            parts = [cell[name_at]]
            if party_at is not None and cell[party_at]:
                parts[0] += f" ({cell[party_at]})"
            # Every other column as the entry's words after the name, read as a
            # list's line is (`Anmärkning`: `ordförande`, `§§ 1–11`, `tjänstgörande
            # ersättare för Eva Lund (S)`), which had been dropped (a trial).
            parts += [cell[k] for k in range(len(head)) if k not in (name_at, party_at) and cell[k]]
            self._person(row, ", ".join(parts), label, category, present, at)
        if category is None:  # `Närvarande revisorer`: present, not said to decide
            self._undivided(*at).extend(self.people.attendees[before:])

    def _columns(self, head: Line, block: list[Line] | None = None) -> None:
        """Attendance lists side by side, their headings on one line:

            Ledamöter<TAB>Tjänstgörande ersättare
            Hans-Erik Dahl (M), ordförande<TAB>Ulla Sandin (S) för Ali Rahimi (S)
            <TAB>Johanna Ståhl, nämndsekreterare

        Each line's parts go to the heading above them (a kommun's two-column
        form had its ersättare read as the ledamot's organisation)."""
        if block is None:
            block = self._run(self.i + 1, stop_at_label=False)
            self.i += len(block)
        headings = column_headings(head.text) or []
        per: list[list[Line]] = [[] for _ in headings]
        for line in block:
            for k, part in enumerate(_column_parts(line.text)[: len(headings)]):
                if part.strip():
                    per[k].append(Line(line.no, part.strip()))
        self.h.consumed.append((head.no, head.text))
        for (label, written), lines in zip(headings, per, strict=True):
            category, present = ATTENDANCE[label]
            self._attendance(lines, label, category, present, (head.no, written))
