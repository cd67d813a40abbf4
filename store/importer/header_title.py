"""A protocol's title and the lines about it that name its organ and body:
`Protokoll fört vid sammanträde med …`, `Årsmöte för Ung Pirat Södertälje`,
`PROTOKOLL` / `Valnämnden` / `Lindesby kommun`, a letterhead above."""

from __future__ import annotations

import re

from ..words import say
from .bodies import GENERIC_BOARDS, may_be_body, names_body
from .header_dates import dated, heading_date
from .header_fields import label_of
from .header_lines import LineRuns
from .source import Line

# The marks protokoll prints under the title of a protocol not yet final.
STATUS_NOTES = {
    say(f"protocol.{key}", lang) for key in ("draft", "not_adjusted") for lang in ("sv", "en")
}

TITLE = re.compile(
    r"^(?P<kind>protokoll|mötesprotokoll|årsmötesprotokoll|stämmoprotokoll|styrelseprotokoll|"
    r"sammanträdesprotokoll|"
    r"minnesanteckningar|minnesanteckning|mötesanteckningar|anteckningar)\b",
    re.I,
)
# `Årsmöte för Ung Pirat Södertälje, Björklundsgatan 4`: an organ that is a
# meeting of the members, the association, and (after a comma) where.
MEETING_OF = re.compile(
    r"^(?P<organ>(?:extra\s+|ordinarie\s+)?(?:årsmöte|årsmötet|föreningsstämma|föreningsstämman|"
    r"stämma|stämman|medlemsmöte|medlemsmötet|styrelsemöte|styrelsesammanträde))\s+"
    r"(?:för|i|med)\s+(?P<org>[^,]+?)(?:\s*,\s*(?P<place>[^,]+))?\.?$",
    re.I,
)
_WHEN_AFTER = (
    r"(?:\s+(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b.*"
    r"|\s+den\s+\d.*|\s+\d{4}-\d{2}-\d{2}.*)?\.?$"
)
_TITLE_ORGAN = re.compile(
    r"\b(?:sammanträde|möte|mötet|sammanträdet)\s+med\s+(?P<organ>[^,]+?)"
    r"(?:\s+för\s+|\s*,\s*|\s+i\s+)(?P<org>.+?)" + _WHEN_AFTER,
    re.I,
)
# `Protokoll fört vid sammanträde med Kommunstyrelsen`: the organ, no organisation.
_TITLE_ORGAN_ALONE = re.compile(
    r"\b(?:sammanträde|sammanträdet)\s+med\s+(?P<organ>[A-ZÅÄÖ][^,]*?)" + _WHEN_AFTER
)
# `PROTOKOLL fört vid styrelsemöte i Brf Linden`, `… vid årsmöte för IK Stjärnan`:
# the kind of meeting names the organ, what follows the association.
_HELD_AT = re.compile(r"\b(?:fört\s+vid|från|(?<=^protokoll\s)vid)\s+(?P<rest>.+)$", re.I)
# `styrelsemöte den 3 mars 2024`: the board's meeting, and its day after it.
_BOARD_DAY = re.compile(r"^(?P<kind>\w+)(?:\s+(?:den\s+)?\d.*)?$")
# `Protokoll – Regionstyrelsen, Region Västerlanda`
_TITLE_DASH = re.compile(r"^\S+\s+[–-]\s+(?P<organ>[^,]+?)\s*,\s*(?P<org>[^,]+?)\.?$")
# `KÅRFULLMÄKTIGES SAMMANTRÄDE`, `nämndens sammanträde`: the organ's genitive.
_ORGANS_MEETING = re.compile(r"^(?P<organ>[\wåäöÅÄÖ-]{4,}s)\s+(?:sammanträde|möte)\b", re.I)
# A board's meeting by its name: the organ is the board.
_BOARD_MEETING = {"styrelsemöte": "Styrelsen", "styrelsesammanträde": "Styrelsen"}
# A line that names an organ (`Kultur- och fritidsnämnden`), and one that names a body.
_ORGAN_WORD = re.compile(
    r"(nämnden|nämnd|styrelsen|styrelse|utskottet|utskott|fullmäktige|direktionen|rådet"
    r"|beredningen|beredningsgruppen|medlemsrådet)$",
    re.I,
)
_KIND_FIRST = re.compile(
    r"^(?:protokoll|styrelsemöte|styrelsesammanträde|årsmöte|medlemsmöte)\b\s*[,:–-]?\s*", re.I
)

# The kinds a heading names; `Mötesprotokoll` and `Styrelseprotokoll` are protocols.
_KIND_WORDS = {"årsmötesprotokoll": "arsmotesprotokoll", "stämmoprotokoll": "stammoprotokoll"}


def _as_name(words: str) -> str:
    """`HALLSBERGS KOMMUN` as `Hallsbergs kommun`; other spellings as written."""
    if not words.isupper():
        return words
    named = words.title()
    first, _, rest = named.partition(" ")
    rest = re.sub(
        r"\b(Kommun|Region|Län|Landsting|Pastorat|Församling|Och|För|I|Av)\b",
        lambda m: m[0].lower(),
        rest,
    )
    return f"{first} {rest}".strip()


_SENTENCE_END = re.compile(r"[.!?]$")


class TitleReading(LineRuns):
    """The reader's part that reads the title and the organ's lines."""

    def _meeting_of(self, line: Line, m: re.Match) -> None:
        organ = m["organ"].strip()
        self.h.organ = _BOARD_MEETING.get(organ.casefold(), organ[:1].upper() + organ[1:])
        self.h.organisation = m["org"].strip()
        if m["place"]:
            # What follows the comma is taken as the place: the line does not say so.
            self.h.place = m["place"].strip()
            self.h.guesses.add(line.no)
            self.report.warn(line.no, "place_guess", place=self.h.place, text=line.text.strip())
        self.h.consumed.append((line.no, line.text))

    def _letterhead_organ(self, title: Line) -> None:
        """`HALLSBERGS KOMMUN` / `Kultur- och fritidsnämnden` / `PROTOKOLL`: an organ
        named on a short line above the heading, its body on another; a reading
        (the lines do not say so), reported with the line."""
        above = [x for x in self.h.intro if x.no < title.no and x.text.strip()]
        short = [x for x in above if len(x.text.split()) <= 6 and not _SENTENCE_END.search(x.text)]
        organ = next((x for x in short if _ORGAN_WORD.search(x.text.strip())), None)
        if organ is None:
            return
        body = next((x for x in short if x is not organ and names_body(x.text)), None)
        said = organ.text.strip()
        self.h.organ = said[:1].upper() + said[1:]
        of = ""
        if body is not None and not self.h.organisation:
            self.h.organisation = _as_name(body.text.strip())
            of = f" ({self.h.organisation})"
        self.h.guesses.add(organ.no)
        self.report.warn(organ.no, "organ_from_letterhead", organ=self.h.organ, of=of)

    def _organisation_beside_organ(self, title: Line) -> None:
        """`Kårfullmäktige, Teknologkåren vid …` above the heading: the organ as
        read, and after its comma the body it is of (reported as a reading)."""
        for x in self.h.intro:
            if x.no >= title.no:
                break
            said = x.text.strip()
            for between in (", ", " i ", " för "):
                organ, sep, body = said.partition(between)
                if sep and organ.casefold() == self.h.organ.casefold() and body:
                    self._organisation_read(x, body.strip().rstrip("."))
                    return

    def _letterhead_body(self, title: Line) -> None:
        """`STIFTELSEN GRETA OCH AXEL HOLMS MINNESFOND` above `Protokoll fört vid
        styrelsesammanträde`: the body whose board it is, read so and reported."""
        above = [x for x in self.h.intro if x.no < title.no and x.text.strip()]
        body = next(
            (
                x
                for x in above
                if len(x.text.split()) <= 8
                and not _SENTENCE_END.search(x.text)
                and names_body(x.text)
            ),
            None,
        )
        if body is None and self.h.organ.casefold() in GENERIC_BOARDS:
            # A board's protocol under one line of a name (`Solgläntans Vänner`):
            # whose board it is, as a letterhead says it; one line only.
            named = [x for x in above if not label_of(x.text.strip())]
            if len(named) == 1 and may_be_body(named[0].text.strip()):
                body = named[0]
        if body is not None:
            # `Styrelsemöte Björnåsens vägförening`: the body, not the meeting's kind.
            words = _KIND_FIRST.sub("", body.text.strip())
            self._organisation_read(body, _as_name(words))

    def _organisation_read(self, line: Line, organisation: str) -> None:
        """The organisation taken from a line above the heading: a reading, reported."""
        self.h.organisation = organisation
        self.h.guesses.add(line.no)
        self.report.warn(
            line.no, "organisation_from_letterhead", organisation=organisation, organ=self.h.organ
        )

    def _title(self, line: Line) -> None:
        text = line.text.strip()
        self.h.title_line = line.no
        kind = TITLE.match(text)["kind"].casefold()  # type: ignore[index]
        self.h.kind = _KIND_WORDS.get(
            kind, "protokoll" if kind.endswith("protokoll") else "minnesanteckningar"
        )
        m = _TITLE_ORGAN.search(text) or _TITLE_DASH.match(text)
        if m:
            self.h.organ = m["organ"].strip()[:1].upper() + m["organ"].strip()[1:]
            self.h.organisation = self.h.organisation or m["org"].strip().rstrip(".")
        elif alone := _TITLE_ORGAN_ALONE.search(text):
            self.h.organ = alone["organ"].strip()
            m = alone
        elif (held := _HELD_AT.search(text)) and (of := MEETING_OF.match(held["rest"])):
            organ = of["organ"].strip()
            self.h.organ = _BOARD_MEETING.get(organ.casefold(), organ[:1].upper() + organ[1:])
            self.h.organisation = self.h.organisation or of["org"].strip()
            m = of
        elif held and (own := _ORGANS_MEETING.match(held["rest"])):
            # `PROTOKOLL FÖRT VID KÅRFULLMÄKTIGES SAMMANTRÄDE`: the organ, in its genitive.
            name = own["organ"][:-1]
            name = name.lower() if name.isupper() else name
            self.h.organ = name[:1].upper() + name[1:]
            self._organisation_beside_organ(line)
            if not self.h.organisation:
                self._letterhead_body(line)
        elif (
            held
            and (board := _BOARD_DAY.match(held["rest"].strip(" .")))
            and (board["kind"].casefold() in _BOARD_MEETING)
        ):
            # `Protokoll fört vid styrelsesammanträde`, `Protokoll vid styrelsemöte
            # den 3 mars 2024`: the board's, of no body named here.
            self.h.organ = _BOARD_MEETING[board["kind"].casefold()]
        if not self.h.organ:
            self._letterhead_organ(line)
        elif not self.h.organisation:
            self._letterhead_body(line)
        found = heading_date(text)
        if found and not self.h.heading_date:
            self.h.heading_date = (*found, line.no)
        if len(text.split()) > 1:
            self.h.intro.append(line)  # the protocol's own opening sentence
            dated(self.h, line)
        elif not m:
            self.h.consumed.append((line.no, line.text))
            self._organ_lines()
        else:
            self.h.consumed.append((line.no, line.text))

    def _organ_lines(self) -> None:
        """`PROTOKOLL` alone, then the organ and the organisation on lines of their own.

        This is how protokoll itself prints a protocol, so that a printed
        protocol can be imported again.
        """
        j = self._after_blanks(self.i + 1)
        # protokoll's own mark of a draft between the title and the organ: looked
        # past for the organ, and kept as the source's text (it says the
        # protocol was not final, which the import must not drop).
        notes = []
        while j < len(self.lines) and self.lines[j].text.strip() in STATUS_NOTES:
            notes.append(self.lines[j])
            j = self._after_blanks(j + 1)
        run = self._run(j, stop_at_label=False)
        block = [x.text.strip() for x in run]
        if len(block) == 2 and heading_date(block[1]) and not heading_date(block[0]):
            # `Ekhagens samfällighetsförening` / `Ordinarie föreningsstämma 3/3 2024`:
            # the second line dates the meeting; it names no organisation.
            dated(self.h, run[1])
            block = block[:1]
        fits = all(len(x.split()) <= 8 and not re.search(r"[.!?:]$", x) for x in block)
        if 1 <= len(block) <= 2 and fits and not any(label_of(x) for x in block):
            if MEETING_OF.match(block[0]) or heading_date(block[0]):
                return  # read as what it is on its own
            self.h.organ = block[0]
            self.h.organisation = block[1] if len(block) == 2 else self.h.organisation
            self.h.intro += notes
            for k in range(len(block)):
                self.h.consumed.append((self.lines[j + k].no, self.lines[j + k].text))
            self.i = j + len(block) - 1
            if not self.h.organisation:
                # `LINDESBY KOMMUN` above `SAMMANTRÄDESPROTOKOLL` / `Valnämnden`.
                self._letterhead_body(self.lines[j])
