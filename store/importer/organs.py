"""Which organ of the store an imported protocol belongs to.

An organ is found by its name and organisation, case, accents and spacing
aside. Swedish writes one body's name in two forms: "Medlemsråd för X" in a
heading, "Medlemsrådet" in the text; "Styrelse"/"Styrelsen",
"Nämnd"/"Nämnden", "Arbetsutskott"/"Arbetsutskottet". A protocol whose organ
is such a near form of an organ already in the store is filed under that
organ, with a warning naming both: a second organ beside it would split the
body's numbering, registers and tasks, and nobody would notice.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Meeting, Organ, new_id
from ..store import Store
from .names import name_key
from .provenance import within
from .report import Report
from .source import decode, lines_of

# The organ of the store that meetings whose source names no organ are filed
# under, so that they are listed together and numbered apart from the named
# ones. It names the store's organ only: such a meeting's own organ stays
# empty, and its protocol prints none.
UNKNOWN_ORGAN = "Okänt organ"

# The endings of the definite form (styrelse-n, nämnd-en, råd-et, möte-t).
_DEFINITE = ("en", "et", "n", "t")


def _definite_of(short: str, long: str) -> bool:
    """Whether `long` is the definite form of `short` ("råd", "rådet")."""
    if len(long) < len(short) or not long.startswith(short):
        return short.endswith("ium") and long == short[:-3] + "iet"  # presidium, presidiet
    rest = long[len(short) :]
    if rest in _DEFINITE:
        return True
    # A doubled last consonant: "program", "programmet".
    return rest[:1] == short[-1:] and rest[1:] in ("en", "et")


def near_form(a: str, b: str) -> bool:
    """Whether two organ names are one noun in its indefinite and definite form."""
    wa, wb = name_key(a).split(), name_key(b).split()
    if not wa or not wb or wa[:-1] != wb[:-1] or wa == wb:
        return False
    return _definite_of(wa[-1], wb[-1]) or _definite_of(wb[-1], wa[-1])


def organ_for(
    store: Store, meeting: Meeting, report: Report, source: tuple[bytes, Path], dry_run: bool
) -> str:
    """The id of the organ `meeting` goes under: found, found by a near form (warned), or new."""
    organisation = name_key(meeting.organisation)
    name = meeting.organ or UNKNOWN_ORGAN

    def same(organ: Organ) -> bool:
        return name_key(organ.organisation) == organisation and (
            name_key(organ.name) == name_key(name) or near_form(organ.name, name)
        )

    # The organ written the same way first; a near form only when there is none.
    found = sorted((o for o in store.organs() if same(o)), key=lambda o: near_form(o.name, name))
    if found:
        organ = found[0]
        if meeting.organ and not organisation and not name_key(organ.organisation):
            # `Styrelsen` of no named body, joining a `Styrelsen` of none: maybe
            # another association's board (a trial's brf and vägförening shared
            # registers and follow-ups so); said, with how to keep them apart.
            report.warn(
                _line_of(meeting.organ, *source),
                "organ_of_no_body",
                organ=organ.name,
                id=organ.id,
            )
    else:
        organ = Organ(new_id(), name, meeting.organisation, place=meeting.place)
        if not dry_run:
            # Looked for again on disk, under the catalogue's lock: another process
            # importing into the same new organ at this moment makes it only once.
            organ = store.organ_like(organ, same)
    if meeting.organ and near_form(organ.name, meeting.organ):
        report.warn(
            _line_of(meeting.organ, *source),
            "organ_near_form",
            organ=meeting.organ,
            existing=organ.name,
            id=organ.id,
        )
    return organ.id


def _line_of(words: str, data: bytes, path: Path) -> int | None:
    """The first line of the source that names `words`, for the warning's file:line."""
    text = decode(data, path, Report())
    return next((line.no for line in lines_of(text, Report()) if within(words, line.text)), None)
