"""A protocol file read into a Meeting, and what was irregular in it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path

from ..adjust import text_hash
from ..deadlines import computes
from ..errors import StoreError
from ..model import (
    Adjustment,
    AgendaItem,
    Attendee,
    Decision,
    Meeting,
    Note,
    Paragraph,
    PresentList,
    Task,
    Trace,
    new_id,
)
from ..numbering import span
from ..render import generation
from ..words import say
from . import body, exported_text, ocr, provenance, signatures
from .elections import elected
from .header import attendance_in_body, read_header
from .header_dates import date_in
from .header_model import Header
from .header_people import is_staff
from .names import People, looks_like_name, name_key, proper_case
from .report import Refused, Report
from .sentences import content, join
from .source import Line, decode, lines_of

_CHAIR_IN_TEXT = re.compile(r"\b[Oo]rdförande(?:n)?\s+((?:[A-ZÅÄÖ][\w-]+\s*){2,4})")
_ELECTED = re.compile(r"^(?P<names>.+?)\s+(?:väljs|valdes|utses|utsågs)\b.*\bjustera", re.S)
_DECLARED = re.compile(r"(\d+)\s*(?:[-–]\s*(\d+))?")


# The heading protokoll prints over an imported §'s unplaced lines, in either language.
_UNPLACED = {say("protocol.ur_originalet", lang) for lang in ("sv", "en")}


def _restated(text: str, value: str, m: Meeting) -> bool:
    """An anslag line that only says again what the meeting is: heading, organ, day."""
    label = text.partition(":")[0].strip().casefold()
    if not value:
        return label in ("anslag/bevis", "anslag", "bevis")
    said = " ".join(value.split()).casefold()
    return (label == "organ" and said == m.organ.casefold()) or (
        label == "sammanträdesdatum" and said == m.date
    )


def _task_key(who: str, what: str) -> tuple[str, str]:
    return " ".join(who.split()).casefold(), " ".join(what.split()).rstrip(".").casefold()


class Reader:
    def __init__(self, text: str, path: Path, report: Report, organ: str = "") -> None:
        self.path = path
        self.given_organ = organ  # the organ the user names for a source that names none
        self.report = report
        self.people = People(report)
        # Composed (NFC): `å` written as `a` and a ring reads, searches and
        # gets the same id as `å` itself.
        text = unicodedata.normalize("NFC", text)
        self.lines = ocr.read_numbers(lines_of(text, report), report)
        self.text = text
        # protokoll's own printed text: read by its layout, nothing guessed.
        self.width = exported_text.WIDTH if exported_text.is_exported(text) else None
        self.kept_after: set[int] = set()  # lines after the signatures kept as text
        self.labels: list[tuple[int, str]] = []  # `Beslut:` and the like, read in a §
        self.task_lines: list[tuple[int, str]] = []  # lines listed under `Uppdrag`
        self.dated_from: int | None = None  # the heading line the date was read from
        self.signed: set[str] = set()  # attendee ids of those who sign the source

    # -- the parts of the file ------------------------------------------------

    def read(self) -> Meeting:
        at, numbered = body.starts(self.lines)
        first = at[0] if at else len(self.lines)
        # A date in the head misread by OCR (`Datum: 2O24-03-12`): the head only,
        # where the meeting's date is read; a §'s text keeps what it says.
        self.lines[:first] = ocr.read_dates(self.lines[:first], self.report)
        head_lines, self.head_signed = _signature_form(self.lines[:first])
        header = read_header(head_lines, self.people, self.report)
        rest, inside = attendance_in_body(self.lines[first:], self.people, self.report)
        self.consumed = header.consumed + inside.consumed
        self.persons = {**header.persons, **inside.persons}
        self.guesses = header.guesses
        for key, found in inside.functions.items():
            header.functions[key] += found
        header.undivided += inside.undivided
        header.service_unsaid += inside.service_unsaid
        header.presence += inside.presence
        header.replacing += inside.replacing
        # Signatures and an e-signature page follow the last §.
        last = at[-1] - first if at else 0
        esign = next((i for i in range(last, len(rest)) if signatures.is_esign(rest[i].text)), None)
        end = esign if esign is not None else len(rest)
        signed_from = next(
            (i for i in range(last + 1, end) if signatures.ends_paragraphs(rest[i].text)), end
        )
        section, header.intro = body.leading_section(header.intro)
        items = body.items(rest[:signed_from], [i - first for i in at], numbered, section)
        if not items and not header.date and not self.people.attendees:
            raise StoreError("not_a_protocol", path=self.path)
        # Without a heading that says, §s make a protocol; items without
        # numbers are minnesanteckningar.
        header.kind = header.kind or ("protokoll" if numbered else "minnesanteckningar")
        m = self._meeting(header)
        # Whether the organ had a quorum is not the source's to say unless it
        # says so: the number of its members is not in it.
        m.rules.quorum = False
        m.said_adjusted = header.said_adjusted
        if header.posted or header.archive:
            m.rules.posts_notices = True  # the source has an anslag
            m.posted, m.rules.archive = header.posted, header.archive
        m.attendees = self.people.attendees  # the same list: people added later are in it
        if not items:
            self.report.warn(None, "no_paragraphs")
            # One item, its title not invented: the source gives none.
            items = [body.Item(None, "", 0, body.chunks_of(header.intro))]
            m.intro = ""
        self._paragraphs(m, items)
        self._presence(m, header)
        self._replacing(header)
        self._functions(m, header, rest[signed_from:end])
        self._named_elsewhere(m, header)
        self._unlisted(m)
        self._undivided(m, header)
        if esign is not None:
            self._esign(m, rest[esign:])
            for name, _day in signatures.esigned(rest[esign:]):
                a = self.people.find(name)
                if a is not None:
                    self.signed.add(a.id)
        f = m.functions
        # Those the source names in a function and who did not sign it: the
        # printed protocol has no signature line for them (render).
        named = dict.fromkeys([f.secretary, f.chair, *f.adjusters])
        m.unsigned = [i for i in named if i and i not in self.signed]
        self._check_numbers(items, header)
        self._provenance(m, items, [*self.head_signed, *rest[signed_from:end]])
        if m.status == "adjusted" and m.adjustment:
            m.adjustment.sha256 = text_hash(m)
            m.adjustment.generation = generation()
        return m

    def _provenance(self, m: Meeting, items: list[body.Item], signed: list[Line]) -> None:
        consumed = [
            (no, text, "person" if no in self.persons else "field") for no, text in self.consumed
        ]
        consumed += [(no, text, "label") for no, text in self.labels]
        consumed += [(no, text, "task") for no, text in self.task_lines]
        # Signature lines: names, heads and lines to sign on, read into the
        # functions and printed again in the protocol's own signature block.
        consumed += [
            (x.no, x.text, "signature")
            for x in signed
            if x.text.strip() and x.no not in self.kept_after
        ]
        guesses = self.guesses | {n.line for n in self.report.notices if n.line}
        m.source_text = self.text
        m.provenance = provenance.trace(m, self.lines, [it.line for it in items], consumed, guesses)
        if self.dated_from is not None:
            # Kept as text where it stood, and the meeting's date read from it.
            at = next((i for i, t in enumerate(m.provenance) if t.line > self.dated_from), None)
            dated = Trace(self.dated_from, "dated", m.date)
            m.provenance.insert(len(m.provenance) if at is None else at, dated)

    def _meeting(self, h: Header) -> Meeting:
        date = h.date
        if not date and h.heading_date:
            date = h.heading_date[0]
            self.dated_from = h.heading_date[2]
        elif date and h.heading_date and h.heading_date[0] != date and not h.period:
            self.report.warn(h.heading_date[2], "date_conflict", date=date, other=h.heading_date[1])
        if not date:
            named = date_in(self.path.name)
            if not named and h.bad_date:
                # A date written that is none: which part is wrong, not "no date".
                no, text, problem = h.bad_date
                raise Refused("bad_date", path=self.path, line=no, text=text, problem=problem)
            if not named:
                raise StoreError("no_date", path=self.path)
            date = named.isoformat()
            if h.bad_date:
                self.report.warn(h.bad_date[0], "date_from_name_bad", date=date)
            else:
                self.report.warn(None, "date_from_name", date=date)
        # A source that names no organ gets none: the protocol prints no name
        # it does not give, and the meeting is filed under the store's organ
        # for such meetings (`organs.UNKNOWN_ORGAN`), unless the user names one.
        given = self.given_organ  # stripped by read_protocol
        organ = h.organ or given
        # Said at the heading the organ was looked for in, or the first line.
        where = h.title_line or next((x.no for x in self.lines if x.text.strip()), None)
        if not h.organ and not given:
            self.report.warn(where, "no_organ")
        elif h.organ and given and name_key(given) != name_key(h.organ):
            self.report.warn(where, "organ_not_given", organ=h.organ, given=given)
        # The id comes from the text: the same text, the same id, so importing
        # a file twice finds the meeting of the first time, whatever the file
        # is called, where it lies or how it is encoded.
        # Dated as meetings taken in the program are (`20200325-58c5be`), so
        # imported and taken meetings sort and read alike.
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return Meeting(
            id=f"{re.sub(r'[^0-9]', '', date)}-{digest[:6]}",
            organ_id="",
            organ=organ,
            organisation=h.organisation,
            date=date,
            period=h.period,
            kind=h.kind,
            start=h.start,
            end=h.end,
            place=h.place,
            status="closed",
            imported=True,
            intro=_text(h.intro),
            source=f"{self.path.name} sha256:{digest}",
        )

    def _paragraphs(self, m: Meeting, items: list[body.Item]) -> None:
        for item in items:
            if item.split:
                number = item.number if item.number is not None else item.mark
                self.report.warn(item.split, "title_split", number=number, title=item.title)
            c = content(item.chunks, m.organ, self.width)
            self.labels += c.labels
            p = Paragraph(new_id(), item.title, number=item.number, text=c.text, mark=item.mark)
            lines = (x for chunk in item.chunks for x in chunk)
            secret = next((x for x in lines if _SECRET.match(x.text)), None)
            if secret is not None:
                # `SEKRETESS enligt 26 kap. 1 § OSL`: the source marks the § secret;
                # its publication copy had printed it in full (a trial).
                p.masked = secret.text.strip()
                self.report.warn(secret.no, "masked_as_source_says", text=p.masked)
            p.decisions = [Decision(d) for d in c.decisions]
            p.decisions_after = c.decisions_after  # the source's order (store.decision_place)
            for listed in c.listed:
                # The source's own list of tasks: read as it stands, no guess.
                owner = self.people.find(listed.who)
                p.tasks.append(
                    Task(
                        new_id(),
                        listed.what,
                        owner=owner.id if owner else None,
                        owner_name=listed.who,
                        due=listed.due,
                    )
                )
                self.task_lines += [(x.no, x.text) for x in listed.lines]
            listed_tasks = {_task_key(t.owner_name, t.text) for t in p.tasks}
            for who, what, line, said in c.tasks:
                if _task_key(who, what) in listed_tasks:
                    # The sentence gave a task the source also lists under
                    # `Uppdrag` (as protokoll prints it): the same task, once.
                    continue
                owner = self.people.find(who)
                p.tasks.append(
                    Task(new_id(), what, owner=owner.id if owner else None, owner_name=who)
                )
                # No line of the source is marked as a task: it is read out of
                # a sentence (`X får i uppgift att …`), so it is a reading to check.
                self.report.warn(
                    line,
                    "task_from_text",
                    number=item.number if item.number is not None else item.title,
                    said=said,
                    what=_short(what),
                    owner=owner.name if owner else who,
                )
            for lh in item.letterheads:
                # protokoll prints such lines under its own heading: read again,
                # the heading is a label, not a line of the original.
                head = [x for x in lh if x.text.strip() in _UNPLACED]
                self.labels += [(x.no, x.text.strip()) for x in head]
                kept = "\n".join(x.text.strip() for x in lh if x not in head)
                p.notes.append(Note("", kept, "ur_originalet"))
                self.report.warn(
                    lh[0].no,
                    "letterhead",
                    number=item.number if item.number is not None else item.title,
                    first=lh[0].no,
                    last=lh[-1].no,
                )
            agenda = AgendaItem(new_id(), item.title, item.section, "done", paragraph=p.id)
            p.agenda_item = agenda.id
            m.agenda.append(agenda)
            m.paragraphs.append(p)

    # -- people -----------------------------------------------------------------

    def _presence(self, m: Meeting, h: Header) -> None:
        by_number: dict[int, str] = {}
        for p in m.paragraphs:
            if p.number is not None:
                by_number.setdefault(p.number, p.id)
        # Presence, and a substitute's service: the same ranges of §s.
        ranges = [(a, since, until, no, ("arrived", "left")) for a, since, until, no in h.presence]
        ranges += [
            (a, since, until, no, ("serves_from", "serves_until"))
            for a, _, (since, until), no in h.replacing
        ]
        for a, since, until, no, (first, last) in ranges:
            for number, attr, word in ((since, first, "fr o m"), (until, last, "t o m")):
                if number is None:
                    continue
                if number in by_number:
                    setattr(a, attr, by_number[number])
                else:
                    self.report.warn(no, "unknown_presence", name=a.name, number=number)
                    a.note = ", ".join(x for x in (f"{word} § {number}", a.note) if x)

    def _replacing(self, h: Header) -> None:
        """`Lars Wiklund (S), för Birgitta Sandell`: whom a substitute serves for."""
        for a, name, _, no in h.replacing:
            member = self.people.find(name, no)
            if member is None:
                # Named nowhere else: a tjänstgörande ersättare serves for a
                # member who is not there (DESIGN's glossary), so the protocol
                # prints her among the absent; the source does not say it in
                # as many words, so the reading is said, at the ersättare's line.
                member = self.people.add(Attendee(new_id(), proper_case(name), present=False))
                self.report.warn(no, "replaced_absent", name=member.name, by=a.name)
            a.replaces = member.id

    def _functions(self, m: Meeting, h: Header, signed: list[Line]) -> None:
        f = m.functions
        found = {
            key: [self._person(n, no, key) for n, no in names] for key, names in h.functions.items()
        }
        for name, party in h.parties.items():
            a = self.people.find(name)
            if a and not a.party:
                a.party = party  # `Utses att justera Marcus Schön (M)`: his party, as written
        for name, word in h.said_as.items():
            a = self.people.find(name)
            if a and word not in a.title.casefold():
                a.title = ", ".join(x for x in (a.title, word) if x)  # `Mötessekreterare: X`
        f.chair = found["chair"][0] if found["chair"] else None
        f.secretary = found["secretary"][0] if found["secretary"] else None
        f.adjusters = list(dict.fromkeys(found["adjusters"]))
        form = self.head_signed
        for line in form:
            declared = signatures.normalised_head(line.text)[1]
            if declared and not h.declared:
                h.declared = (declared, line.no)

        def pair(no: int, text: str, names: list[str]) -> None:
            # Counted: it had said "två namn" of three.
            self.report.warn(no, "side_by_side", text=text, names=" | ".join(names), n=len(names))

        signers, rest = signatures.signers([*form, *signed], self.people.knows, pair)
        self._after_signatures(m, rest)
        signed_as: dict[str, str] = {}
        at_protocol: list[tuple] = []  # who else signed under "Vid protokollet"
        for s in signers:
            a = self.people.find_or_add(s.name, s.line, "signer_absent")
            self.signed.add(a.id)
            title, organisation = s.title_and_organisation()
            if title and title.casefold() not in a.title.casefold():
                a.title = ", ".join(x for x in (a.title, title) if x)
            if title:
                signed_as.setdefault(a.id, title)
            a.organisation = a.organisation or organisation
            if s.block == "chair" or (s.signs_as_chair and not f.chair):
                f.chair = f.chair or a.id
            elif (s.block == "secretary" or (s.signs_as_secretary and not s.block)) and not (
                f.secretary
            ):
                f.secretary = a.id
            elif s.block == "secretary" and f.secretary != a.id:
                at_protocol.append((s, a.id))  # the chair, an adjuster, or another
            elif a.id not in (f.chair, f.secretary) and a.id not in f.adjusters:
                if s.block == "adjust" or s.block == "":
                    f.adjusters.append(a.id)
        self._functions_from_text(m)
        # The chair signs under Justeras as the chair; the justerare are the
        # others (`Justeras: Nils Carlgren, Rosa Almqvist` with Nils elected
        # chair in the text had listed him as a justerare too).
        f.adjusters = [a for a in f.adjusters if a != f.chair]
        # What they signed as, for those who sign this record: printed
        # under their names again instead of the function's word.
        signing = {f.chair, f.secretary, *f.adjusters}
        f.titles = {k: v for k, v in signed_as.items() if k in signing}
        for s, who in at_protocol:
            if who not in signing:
                # Another than the secretary the head names signs at the
                # protocol, and has no function that prints her signature: said,
                # not dropped unsaid (the chair beside the secretary is printed).
                secretary = m.name_of(f.secretary) or ""
                self.report.warn(
                    s.line, "secretary_signer_differs", name=s.name, secretary=secretary
                )
        chair = m.attendee(f.chair)
        unlisted = chair is not None and any(a is chair for a in self.people.unlisted)
        if chair and (chair.category != "beslutande" or unlisted) and chair.present:
            # The line naming the chair as such, or the one the name was read from.
            line = h.functions["chair"][0][1] if h.functions["chair"] else None
            self.report.warn(
                line or self.people.line_of(chair), "chair_not_voting", name=chair.name
            )

    def _named_elsewhere(self, m: Meeting, h: Header) -> None:
        """`Närvarande: Anna Ek, Bo Ek`, read as Anna Ek of the organisation "Bo
        Ek" (warned), with Bo Ek signing too: the source names him a person,
        so he is one, listed where she is, and she has no organisation."""
        for b in list(self.people.unlisted):
            key = name_key(b.name)
            a = next(
                (
                    x
                    for x in m.attendees
                    if x is not b and x.organisation and name_key(x.organisation) == key
                ),
                None,
            )
            if a is None:
                continue
            a.organisation = ""
            b.category, b.role, b.present = a.category, a.role, a.present
            self.people.unlisted.remove(b)
            for u in h.undivided:
                if a in u.people:
                    u.people.append(b)
            # Not "signs but is not among those present" any more: he is.
            self.report.notices = [
                n
                for n in self.report.notices
                if not (n.key == "signer_absent" and n.params.get("name") == b.name)
            ]
            self.report.warn(
                self.people.line_of(a), "organisation_was_person", name=b.name, other=a.name
            )

    def _unlisted(self, m: Meeting) -> None:
        """Those added because they sign or hold a function: present, as
        signing says, printed under "Närvarande enligt underskrifterna", not
        among "Övriga närvarande" (a kommunfullmäktige's chair and justerare,
        when its beslutande are in an annex), which the source did not say
        either. A title that says staff (`kommunsekreterare`) puts one among
        the others.
        """
        kept = []
        for a in self.people.unlisted:
            if is_staff(a.title):
                a.category, a.role = "ovriga", "tjansteperson"
            else:
                kept.append(a.id)
        if kept:
            # Under a heading that says how they are known: as "Närvarande"
            # alone, the chair and two justerare of a kommunfullmäktige whose
            # beslutande are in an annex read as its whole attendance (a trial).
            heading = say("protocol.present_by_signing", m.rules.language or "sv")
            m.present_only.append(PresentList(heading, kept))

    def _after_signatures(self, m: Meeting, rest: list[Line]) -> None:
        """The adjustment and anslag lines protokoll prints; anything else, kept."""
        kept = []
        due = []  # lines protokoll computes again, when it does
        for line in rest:
            adjusted = signatures.adjusted(line.text)
            posted = signatures.posted(line.text)
            anslag = signatures.anslag(line.text)
            if signatures.due(line.text):
                due.append(line)
                continue
            if signatures.says_adjusted(line.text):  # also at the head of an anslag block
                m.said_adjusted = True
            if anslag:
                m.rules.posts_notices = True
                key, value = anslag
                day = re.match(r"^(\d{4}-\d{2}-\d{2})(?:\s+(\S.*))?$", value)
                if key == "posted" and day:
                    try:
                        m.posted = dt.date.fromisoformat(day[1]).isoformat()
                        self.consumed.append(
                            (line.no, line.text[: len(line.text) - len(day[2] or "")])
                        )
                        if day[2]:
                            kept.append(Line(line.no, day[2]))  # `Datum för anslags nedtagande …`
                    except ValueError:
                        kept.append(line)
                elif key == "archive":
                    m.rules.archive = value
                    self.consumed.append((line.no, line.text))
                elif _restated(line.text, value, m):
                    # The block's heading, organ and day: protokoll prints them
                    # with any anslag block, computed or not; nothing to keep.
                    self.consumed.append((line.no, line.text))
                else:
                    due.append(line)
            elif adjusted and adjusted[0] is None:
                # `Justerat digitalt.`: said, but not when; kept as written.
                m.said_adjusted = True
                kept.append(line)
            elif adjusted:
                day, by = adjusted
                m.adjustment = Adjustment(day.isoformat(), [self._name(n) for n in by])
                m.status = "adjusted"
            elif posted:
                m.posted = posted.isoformat()
            else:
                kept.append(line)
        if kept:
            self.report.warn(kept[0].no, "after_signatures", count=len(kept))
        if not computes(m):
            # Not computed again for this meeting: the source's own words stay.
            kept = sorted([*kept, *due], key=lambda x: x.no)
        else:
            self.consumed += [(x.no, x.text) for x in due]
        if kept:
            self.kept_after |= {x.no for x in kept}
            m.appendix = "\n".join([*(x.text.strip() for x in kept), m.appendix]).strip("\n")

    def _name(self, name: str) -> str:
        a = self.people.find(name)
        return a.name if a else proper_case(name)

    def _functions_from_text(self, m: Meeting) -> None:
        """`Mötet valde X till mötesordförande`, `Ordförande Jonas Erlandsson hälsar …`."""
        f = m.functions
        for p in m.paragraphs:
            for d in p.decisions:
                for role, names in elected(d.text.replace("\n", " ")).items():
                    ids = [self._person(n, None, role) for n in names]
                    if role == "chair" and not f.chair:
                        f.chair = ids[0]
                    elif role == "secretary" and not f.secretary:
                        f.secretary = ids[0]
                    elif role == "adjusters":
                        f.adjusters += [a for a in ids if a not in f.adjusters]
        if not f.chair:
            texts = [m.intro] + [p.text for p in m.paragraphs[:2]]
            for match in _CHAIR_IN_TEXT.finditer("\n".join(texts)):
                words = match[1].split()
                for n in range(len(words), 1, -1):
                    a = self.people.find(" ".join(words[:n]))
                    if a:
                        f.chair = a.id
                        break
                if f.chair:
                    break
        if not f.adjusters:
            for p in m.paragraphs:
                for d in p.decisions:
                    e = _ELECTED.match(d.text)
                    if not e:
                        continue
                    for name in re.split(r",|\boch\b", e["names"]):
                        if looks_like_name(name.strip()):
                            a = self._person(name.strip(), None, "adjusters")
                            if a not in f.adjusters:
                                f.adjusters.append(a)

    def _person(self, name: str, line: int | None, function: str) -> str:
        if function == "chair":
            return self.people.find_or_add(name, line, "chair_absent").id
        word = {"secretary": "sekreterare", "adjusters": "justerare"}[function]
        return self.people.find_or_add(name, line, "function_absent", function=word).id

    def _undivided(self, m: Meeting, h: Header) -> None:
        """A plain `Närvarande` list: the source does not say who decided.

        The model knows beslutande, ersättare and övriga, not "present": the
        people under such a heading are counted as beslutande, staff among
        them as övriga. The meeting keeps the heading and who stood under it,
        so that the protocol prints them under `Närvarande`, not `Beslutande`,
        and no quorum is judged from them; the warning at the heading says so.
        """
        for u in h.undivided:
            staff = [a for a in u.people if is_staff(a.title)]
            for a in staff:
                a.category, a.role = "ovriga", "tjansteperson"
                self.report.warn(u.line, "staff_not_voting", name=a.name, title=a.title)
            voting = [a for a in u.people if a.present and a.category == "beslutande"]
            if voting:
                said = u.heading  # `NÄRVARANDE` prints as a heading does: `Närvarande`
                said = said[:1] + said[1:].lower() if said.isupper() else said
                m.present_only.append(PresentList(said, [a.id for a in voting]))
            if voting and not staff:  # with staff, their warning says what the rest are
                self.report.warn(u.line, "present_as_voting", heading=u.heading, count=len(voting))
        for u in h.service_unsaid:
            # `Ersättare`: whether they served, the heading does not say.
            kept = [a.id for a in u.people if a.present and a.category == "ersattare"]
            if kept:
                said = u.heading[:1] + u.heading[1:].lower() if u.heading.isupper() else u.heading
                m.present_only.append(PresentList(said, kept))

    def _esign(self, m: Meeting, lines: list[Line]) -> None:
        # A page of fields and codes: kept line by line, as it stands.
        page = "\n".join(x.text for x in lines).strip("\n")
        m.appendix = "\n\n".join(x for x in (m.appendix, page) if x)
        signed = signatures.esigned(lines)
        if not signed:
            return
        names = [self._name(name) for name, _day in sorted(signed, key=lambda x: x[1])]
        day = max(d for _, d in signed)
        m.adjustment = Adjustment(day.isoformat(), names)
        m.status = "adjusted"

    # -- checks -----------------------------------------------------------------

    def _check_numbers(self, items: list[body.Item], h: Header) -> None:
        numbers = [it.number for it in items if it.number is not None]
        where: dict[int, int] = {}
        for it in items:
            if it.number is not None:
                where.setdefault(it.number, it.line)
        for number, count in Counter(numbers).items():
            if count > 1:
                self.report.warn(where[number], "duplicate_number", number=number, count=count)
        for a, b in zip(numbers, numbers[1:], strict=False):
            if b > a + 1:
                missing = span(a + 1, b - 1)
                self.report.warn(where[b], "skipped_number", missing=missing, before=a, after=b)
        if h.declared and numbers:
            declared = _DECLARED.search(h.declared[0])
            if declared:
                low = int(declared[1])
                high = int(declared[2] or declared[1])
                if (low, high) != (min(numbers), max(numbers)):
                    self.report.warn(
                        h.declared[1],
                        "declared_range",
                        declared=h.declared[0],
                        found=span(min(numbers), max(numbers)),
                    )


def _signature_form(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A signature form before the first § (`Underskrifter Sekreterare ...`).

    Kommuner print the signatures on the first page, above the §s. The form
    runs from its `Underskrifter` line to a rule or an `ANSLAG` heading; its
    lines are taken out of the heading (blanked) and read as signatures.
    """
    start = next(
        (i for i, x in enumerate(lines) if x.text.strip().casefold().startswith("underskrifter")),
        None,
    )
    if start is None:
        return lines, []
    end = start + 1
    while end < len(lines):
        t = lines[end].text.strip()
        if signatures.is_rule(t) or t.casefold().startswith("anslag"):
            break
        end += 1
    form = lines[start:end]
    blanked = [Line(x.no, "") for x in form]
    return [*lines[:start], *blanked, *lines[end:]], form


def _short(text: str, most: int = 60) -> str:
    """A text cut for a one-line warning, the cut shown."""
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


# A line that marks a § secret: `SEKRETESS enligt 26 kap. 1 § OSL`, `Sekretess: …`.
_SECRET = re.compile(r"^\s*sekretess\b|^\s*\S.*\bsekretess\s+enligt\b", re.I)


def _text(lines: list[Line]) -> str:
    """Lines kept as text: runs joined, runs apart by a blank line; a line of
    its own stays one (a letterhead's, a field's: `Justeringens plats och tid:
    …` / `Paragrafer: 112–117` had run into one sentence, a trial)."""
    out = []
    for chunk in body.chunks_of(lines):
        runs: list[list[Line]] = []
        for line in chunk:
            if runs and not _own_line(runs[-1][-1].text, line.text):
                runs[-1].append(line)
            else:
                runs.append([line])
        out.append("\n".join(join(run) for run in runs))
    return "\n\n".join(out)


_FIELD_LINE = re.compile(r"^[A-ZÅÄÖ][^:.!?]{0,40}:(\s|$)")


def _own_line(before: str, line: str) -> bool:
    """Whether `line` stands on its own after `before` rather than going on with it:
    a field (`Paragrafer: 112–117`), or after a short heading-like line
    (`SAMMANTRÄDESPROTOKOLL`, `Kommunstyrelsen`) that ends no sentence."""
    b, t = before.strip(), line.strip()
    if _FIELD_LINE.match(t):
        return True
    # A wrapped line of prose is a long one (near the width it was printed at).
    short = len(b.split()) <= 6 and len(b) < 50 and not re.search(r"[,;–-]$", b)
    return short and t[:1].isupper()


def former_id(meeting: Meeting) -> str:
    """The id an import gave the same text before ids were dated: its digest's first 8."""
    _, sep, digest = meeting.source.rpartition("sha256:")
    return digest[:8] if sep else ""


def read_protocol(data: bytes, path: Path, organ: str = "") -> tuple[Meeting, Report]:
    """The meeting a protocol file describes; raises StoreError if it cannot be read.

    `organ` is the organ of a source that names none (`import --organ`)."""
    report = Report()
    text = decode(data, path, report)
    meeting = Reader(text, path, report, organ.strip()).read()
    return meeting, report
