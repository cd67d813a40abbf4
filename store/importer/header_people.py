"""The attendance lists of a protocol's head: one person a line or several
a line, by first names, under a role (`Rektor: Annika Strömqvist`), each
read by entries.parse_entry into the People of the meeting."""

from __future__ import annotations

import re

from ..model import Attendee, new_id
from ..roster import is_organisation
from .entries import parse_entry, split_names
from .header_fields import label_of
from .header_lines import LineRuns, indent
from .header_model import Undivided
from .names import looks_like_name
from .source import Line

# A mötessekreterare is elected by the meeting, not employed: no staff.
_STAFF = re.compile(
    r"förbundschef|(?<!mötes)sekreterare|tjänste|handläggare|samordnare|kanslichef|controller|ekonom|"
    r"förvaltningschef|verksamhetschef|utvecklingsledare|strateg|projektledare",
    re.I,
)

_ROLE_FIRST = re.compile(r"^(?P<role>[A-ZÅÄÖ][\w -]{1,40}?)\s*:\s+(?P<names>\S.*)$")
_FIRST_NAME = re.compile(r"^[A-ZÅÄÖ][a-zåäöéü]+(?:[A-ZÅÄÖ][a-zåäöéü]+)?$")


def is_staff(title: str) -> bool:
    return bool(_STAFF.search(title))


def _goes_on(entry: Line, line: Line) -> bool:
    """`line` continues `entry`: both indented, `line` further (a wrapped entry)."""
    return 0 < indent(entry.text) < indent(line.text)


class PeopleReading(LineRuns):
    """The reader's part that reads lists of people."""

    def _first_names(
        self, line: Line, heading: str, category: str | None, present: bool, alone: bool = False
    ) -> bool:
        """`LilliAnn, IngBritt, Björn, Våge`: people named by first name only.

        `alone`: the line is one of a list of first names, one a line.
        """
        parts = [p.strip() for p in re.split(r",|\boch\b", line.text) if p.strip()]
        if len(parts) < (1 if alone else 2) or not all(_FIRST_NAME.match(p) for p in parts):
            return False
        self.h.consumed.append((line.no, line.text))
        self.h.persons.setdefault(line.no, []).extend(parts)
        for part in parts:
            self.people.add(
                Attendee(new_id(), part, present=present, category=category or "beslutande"),
                line.no,
            )
        self.report.warn(line.no, "first_names", names=", ".join(parts), heading=heading)
        return True

    def _undivided(self, no: int, heading: str) -> list[Attendee]:
        """The people of the list without categories headed at line `no`."""
        for u in self.h.undivided:
            if u.line == no:
                return u.people
        self.h.undivided.append(Undivided(no, heading.strip().rstrip(":").strip()))
        return self.h.undivided[-1].people

    def _service_unsaid(self, no: int, heading: str) -> list[Attendee]:
        """The ersättare of the list headed at line `no` by words that do not
        say whether they served (`Ersättare`)."""
        for u in self.h.service_unsaid:
            if u.line == no and u.heading == heading.strip().rstrip(":").strip():
                return u.people
        self.h.service_unsaid.append(Undivided(no, heading.strip().rstrip(":").strip()))
        return self.h.service_unsaid[-1].people

    def _attendance(
        self,
        block: list[Line],
        heading: str,
        category: str | None,
        present: bool,
        at: tuple[int, str] | None = None,
    ) -> None:
        """The people of one list; `at`: its heading's line and words, as written."""
        before = len(self.people.attendees)
        # A line that ends in a comma goes on on the next one, and so does a
        # line indented further than an indented entry's first (a wrapped
        # entry, as the text protocol prints it).
        joined: list[Line] = []
        for line in block:
            if joined and (joined[-1].text.rstrip().endswith(",") or _goes_on(joined[-1], line)):
                joined[-1] = Line(joined[-1].no, joined[-1].text.rstrip() + " " + line.text.strip())
            else:
                joined.append(line)
        # A list of first names alone, one a line (as the text protocol prints
        # `LilliAnn, IngBritt, Björn`), is read as that list written in a row.
        alone = len(joined) > 1 and all(_FIRST_NAME.match(x.text.strip()) for x in joined)
        for line in joined:
            if self._first_names(line, heading, category, present, alone):
                continue
            role = _ROLE_FIRST.match(line.text.strip())
            if role and label_of(line.text.strip()) is None:
                # `Rektor: Annika Strömqvist`, `Föräldrarepresentanter: Hanna Ekdahl
                # (åk 2), Mehmet Yilmaz (åk 4)`: what they are there as, then who.
                said = role["role"].strip()
                # Under a role, names apart by commas are people, not a name and
                # its organisation: "Föräldrarepresentanter" are more than one.
                parts = [x.strip() for x in re.split(r",|\boch\b", role["names"]) if x.strip()]
                bare = [re.sub(r"\s*\([^)]*\)", "", x) for x in parts]
                every = parts if all(looks_like_name(x) for x in bare) else None
                people = every or split_names(role["names"]) or [role["names"]]
                if all(parse_entry(x, category) for x in people):
                    for text in people:
                        before_one = len(self.people.attendees)
                        self._person(line, text, heading, category, present, at)
                        for a in self.people.attendees[before_one:]:
                            a.title = ", ".join(x for x in (said.lower(), a.title) if x)
                    continue
            parts = [x.strip() for x in line.text.split(";") if x.strip()]
            if len(parts) > 1 and all(looks_like_name(x.partition(",")[0].strip()) for x in parts):
                # `Birgit Holm, ordförande; Åke Sjöberg, vice ordförande; …`: one
                # person a part (the row had become two people, the rest lost).
                for text in parts:
                    self._person(line, text, heading, category, present, at)
                continue
            names = split_names(line.text)
            texts = names if names else [line.text]
            for text in texts:
                self._person(line, text, heading, category, present, at)
        if category is None and at is not None:
            self._undivided(*at).extend(self.people.attendees[before:])
        elif category == "ersattare" and at is not None and "ej " not in heading.casefold():
            self._service_unsaid(*at).extend(self.people.attendees[before:])

    def _person(
        self,
        line: Line,
        text: str,
        heading: str,
        category: str | None,
        present: bool,
        at: tuple[int, str] | None = None,
    ) -> None:
        entry = parse_entry(text, category)
        if entry is None:
            self.report.warn(line.no, "not_a_person", text=text.strip(), heading=heading)
            kept = text.strip()
            if at is not None and at[0] == line.no:
                # On the heading's line (`Beslutande Se bilaga`): kept with the
                # heading, without which "Se bilaga" says nothing of whom.
                kept = f"{at[1].strip()} {kept}"
            self.h.intro.append(Line(line.no, kept))
            return
        org = entry.organisation
        if not entry.party and looks_like_name(org) and not is_organisation(org):
            # `Anna Ek, Bo Lund`: an organisation by its place, but written as a
            # person is and no word of it says organisation; the line does not say which.
            self.h.guesses.add(line.no)
            self.report.warn(
                line.no,
                "organisation_or_person",
                text=text.strip(),
                name=entry.name,
                organisation=entry.organisation,
            )
        role = {"ersattare": "ersattare", "ovriga": "tjansteperson"}.get(category or "", "ledamot")
        if category == "ovriga" and entry.party:
            role = "ledamot"
        a = self.people.add(
            Attendee(
                new_id(),
                entry.name,
                title=entry.title,
                organisation=entry.organisation,
                party=entry.party,
                role=role,
                present=present,
                category=category or "beslutande",
                note=entry.note,
            ),
            line.no,
        )
        self.h.consumed.append((line.no, text))
        self.h.persons.setdefault(line.no, []).append(a.name)
        if entry.replaces:
            self.h.replacing.append((a, entry.replaces, entry.serves, line.no))
            if entry.replaces_party:
                self.h.parties.setdefault(entry.replaces, entry.replaces_party)
        for function in entry.functions:
            key = "adjusters" if function == "adjuster" else function
            self.h.functions[key].append((entry.name, line.no))
        if entry.since is not None or entry.until is not None:
            self.h.presence.append((a, entry.since, entry.until, line.no))
