"""The decisions and tasks in the text of one §.

Decisions are written as `Beslut:` lines (with `att`-satser or without), or
as sentences: `Arbetsutskottet beslutar att …`, `… föreslår styrelsen att …`,
`… läggs till handlingarna`, `Dagordningen godkändes.`, `X valdes att
justera …`. Such a sentence moves from the text to the decisions, word for
word. A task is a line under an `Uppdrag` heading (`Elin Strand: …`, as
protokoll prints it), or a sentence `X får i uppgift att …`, which stays in
the text too, since it usually is the reason given for the decision; the
importer reports the latter as its reading (the source marks no task).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .exported_text import wrapped
from .source import Line

# `Beslut:`, and `Kommunfullmäktiges beslut` (an organ's decision, so headed).
_LONE_LABEL = re.compile(
    r"^(?:[A-ZÅÄÖ][\w-]*s\s+)?(beslut|beslutet|beslutades|beslutsformulering)\s*:?$", re.I
)
_LABEL = re.compile(r"^(?:(?i:beslut|beslutet|beslutades)\s*[:–-]|[A-ZÅÄÖ][\w-]*s\s+beslut\b:?)\s*")
# `Kommunstyrelsens förslag till beslut`, `Förslag till beslut:`: what follows
# is a proposal, quoted; it stays text, whatever verbs it uses.
_PROPOSAL_LABEL = re.compile(
    r"^(?:[A-ZÅÄÖ][\w-]*s\s+)?(förslag|förslag till beslut|beslutsförslag|yrkande)\s*:?$", re.I
)
# The body that decides: `Mötet beslutade`, `Stämman beviljade`, `Styrelsen antog`.
_BODY = (
    r"(?:mötet|stämman|årsmötet|föreningsstämman|styrelsen|medlemsmötet|nämnden|utskottet|"
    r"arbetsutskottet|fullmäktige|kommunfullmäktige|direktionen|sammanträdet)"
)
# The other headings inside a § as protokoll prints them: what stands under
# them (a beslutsgång that "finner att nämnden beslutar enligt …") is the
# record of how the decision was reached, not a decision.
_RECORD = re.compile(
    r"^(yrkanden?|beslutsgång|omröstning|reservationer|reservation|jäv|"
    r"protokollsanteckningar|protokollsanteckning|särskilt yttrande)\s*:?$",
    re.I,
)
# A § of a kommun's protocol in parts, each under its own word on a line:
# what stands under them is the case, not its decision.
_PART = re.compile(
    r"^(ärendet|ärendebeskrivning|sammanfattning|bakgrund|beslutsunderlag|handlingar|"
    r"yttrande|föredragning|information|ärendets beredning)\s*:?$",
    re.I,
)
# Sentences of a decision's paragraph that record how it went, not what was
# decided: `Ingrid Wåhlin reserverade sig mot beslutet.`
_ABOUT_DECISION = re.compile(
    r"\breserver(ar|ade|erar|erade)\s+sig\b|\banmäl(er|de)\s+jäv\b|\bdeltar\s+inte\b"
    r"|\bdeltog\s+inte\b|^reservation\b|^protokollsanteckning\b",
    re.I,
)
_DECISION = re.compile(
    r"\b(beslutar|beslutade|beslöt|beslöts|beslutas|beslutades)\b"
    r"|\bföreslår\s+\w+(?:\s+\w+)?\s+att\b"
    r"|\b(läggs|lades)\s+till\s+handlingarna\b"
    r"|\b(godkänns|godkändes)\b"
    r"|\b(väljs|valdes|utses|utsågs)\b.*\bjustera\b"
    rf"|^{_BODY}\s+(beviljade|beviljar|antog|antar|valde|väljer|fastställde|fastställer|"
    r"godkände|godkänner|biföll|avslog|tillstyrkte|utsåg)\b"
    r"|^till\s+.{2,60}?\s+valdes\b|\bvaldes\s+till\b"
    r"|\b(godkännes|fastställs|fastställdes|antogs|beviljades)\b",
    re.I,
)
# Where a clause begins inside a sentence: "… samt att", "… beslutar att".
_CLAUSE = re.compile(r"\batt\s+", re.I)
# `föreslår X att`: a decision only when the one proposing is the body itself.
_PROPOSES = re.compile(r"^(?P<who>.+?)\s+föreslår\s+", re.I)
_TASK = re.compile(
    r"^(?P<who>[^.!?]+?)\s+(?:får|fick|ges|gavs)\s+i\s+(?:uppgift|uppdrag)\s+att\s+"
    r"(?P<what>.+?)[.!]?$",
    re.S,
)
# `Uppdrag` over its tasks, indented, as protokoll prints them:
#     Elin Strand: ta fram jämförelse … till nästa
#     möte (senast 2025-06-05)
_TASKS_LABEL = re.compile(r"^(uppdrag|tasks)\s*:?$", re.I)
_TASK_LINE = re.compile(r"^(?P<who>[A-ZÅÄÖ][^:]{0,60}?):\s+(?P<what>\S.*)$")
_DUE = re.compile(r"\s*\((?:senast|by)\s+(\d{4}-\d{2}-\d{2})\)$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"”])")
_LIST_ITEM = re.compile(r"^([-*•]\s|\d{1,2}[.)]\s)")
_ATT = re.compile(r"^att\s", re.I)
_BULLET = re.compile(r"^\s*[-*•]\s+")  # a list item's mark (not a number: that is the text's)
_NESTED = re.compile(r"^\s{2,}([-*•]\s|\d{1,2}[.)]\s)")


class ReadTask(NamedTuple):
    """A task read out of a sentence: who, what, and where, for the warning."""

    who: str
    what: str
    line: int  # where the sentence begins
    said: str  # the sentence's words up to the task (`Micke får i uppgift att`)


class ListedTask(NamedTuple):
    """A task the source lists under its own `Uppdrag` heading: no guess."""

    who: str
    what: str
    due: str
    lines: list[Line]


@dataclass
class Content:
    text: str = ""
    decisions: list[str] = field(default_factory=list)
    tasks: list[ReadTask] = field(default_factory=list)
    listed: list[ListedTask] = field(default_factory=list)
    # (line, text) of the labels read (`Beslut:`): printed again as the protocol's own
    labels: list[tuple[int, str]] = field(default_factory=list)
    # How many blocks of `text` the source wrote before its first decision;
    # None when they all came before it (Paragraph.decisions_after).
    decisions_after: int | None = None


def _join(lines: list[Line], breaks: re.Pattern = _LIST_ITEM, width: int | None = None) -> str:
    """One paragraph: wrapped lines joined, list items kept on lines of their own.

    `width`: the text protokoll printed at that width, where a line was
    wrapped only if the next word did not fit; any other break was typed.
    """
    out = ""
    before = ""
    for line in lines:
        t = line.text.strip()
        if _NESTED.match(line.text):
            t = line.text.rstrip()  # a list inside a list keeps its indent
        if not out:
            out = t
        else:
            # An indented line is a line of a list or a table, as protokoll
            # itself prints them under `Omröstning`: its break is kept.
            kept = breaks.match(t) or line.text[:1] in (" ", "\t")
            if width is not None:
                kept = not wrapped(before, line.text, width)
            out += ("\n" if kept else " ") + t
        before = line.text
    return out


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE.split(paragraph) if s.strip()]


def _decision_lines(
    lines: list[Line], indented: bool = False, width: int | None = None
) -> list[str]:
    """`att`-satser one decision each; other text one decision a paragraph.

    Under a `Beslut` heading with its decisions indented (as protokoll prints
    them, wrapped), a line goes on with the decision before it unless that
    one ended a sentence: where a printed decision was wrapped is not known,
    unless the text is protokoll's own at `width` (`exported_text.wrapped`).
    """
    if indented:
        out: list[str] = []
        first = _indent(lines[0].text) if lines else 0
        before = ""
        for line in lines:
            t = line.text.strip()
            goes_on = width is not None and wrapped(before, line.text, width)
            before = line.text
            if width is not None and out and _indent(line.text) <= first:
                if goes_on:
                    out[-1] += " " + t
                else:
                    out.append(t)
            elif out and _indent(line.text) > first:
                # Further in than the decisions: a line of the one before, as
                # the Markdown export's list item breaks it (read in exported_md).
                out[-1] += "\n" + t
            elif out and not re.search(r"[.!?:]$", out[-1]) and not _ATT.match(t):
                out[-1] += " " + t
            else:
                out.append(t)
        return out
    text = _join(lines, re.compile(_LIST_ITEM.pattern + "|" + _ATT.pattern, re.I), width)
    return [x.strip() for x in text.split("\n") if x.strip()]


def _is_decision(sentence: str, organ: str) -> bool:
    if not _DECISION.search(sentence):
        return False
    proposes = _PROPOSES.match(sentence.strip())
    if proposes and not re.search(r"\bbeslut", sentence, re.I):
        # `Arbetsutskottet föreslår styrelsen att …` is the utskott's decision;
        # `Kommunstyrelsen föreslår fullmäktige att …` quoted in fullmäktige is not.
        who = proposes["who"].casefold()
        return (
            not organ
            or who in (organ.casefold(), _initials(organ))
            or who.startswith(organ.casefold()[:5])
        )
    return True


def _initials(organ: str) -> str:
    """`Arbetsutskottet` → `au`: the short form organs use of themselves."""
    known = {"arbetsutskottet": "au", "kommunstyrelsen": "ks", "kommunfullmäktige": "kf"}
    return known.get(organ.casefold(), "")


def _open_ended(text: str) -> bool:
    return not re.search(r"[.!?:]$", text.strip())


def _at_labels(chunks: list[list[Line]]) -> list[list[Line]]:
    """The blocks, each `Beslut:` line (or `Kommunstyrelsens beslut`) beginning
    a block of its own: written right under the text before it, it had been
    read as more of that text, and the decision it labels lost (a trial)."""
    out: list[list[Line]] = []
    for chunk in chunks:
        block: list[Line] = []
        for line in chunk:
            t = line.text.strip()
            if block and (
                _LABEL.match(t)
                or _LONE_LABEL.match(t)
                or _PROPOSAL_LABEL.match(t)
                or _RECORD.match(t)
                or _PART.match(t)
            ):
                out.append(block)
                block = []
            block.append(line)
        if block:
            out.append(block)
    return out


def is_label(text: str) -> bool:
    """A line that heads a part of a § (`Beslut:`, `Kommunstyrelsens beslut`,
    `Yrkanden`, `Ärendet`): never the §'s title."""
    t = text.strip()
    return any(
        x.match(t) for x in (_LABEL, _LONE_LABEL, _PROPOSAL_LABEL, _RECORD, _PART, _TASKS_LABEL)
    )


def reads_as_sentence(text: str) -> bool:
    """Words that say what a meeting did (`Stämman beslutade att välja`, `Till
    ordförande vid stämman valdes`): a sentence's start, never a title."""
    return bool(_DECISION.search(text)) or bool(_VERB_OF_MEETING.search(text))


_VERB_OF_MEETING = re.compile(
    r"\b(valdes|utsågs|beslöts|beslutade|antogs|godkändes|omvaldes|öppnade|avslutade|"
    r"förklarade|föredrog|redovisade|informerade|\w{3,}ades)\b",
    re.I,
)


def _labelled(chunks: list[list[Line]]) -> bool:
    """Whether the § labels its decision (`Beslut:`): then its other sentences are text."""
    return any(
        _LABEL.match(c[0].text.strip()) or _LONE_LABEL.match(c[0].text.strip()) for c in chunks
    )


def content(chunks: list[list[Line]], organ: str = "", width: int | None = None) -> Content:
    """The text, decisions and tasks of one § made of `chunks`; `width`: the
    text is protokoll's own, printed at that width (`exported_text`)."""
    result = Content()
    kept: list[str] = []
    in_decision = False
    in_proposal = False
    chunks = _at_labels(chunks)
    # A § that says which is its decision: a sentence elsewhere that reads like
    # one ("… och godkänns") is the text's, not a second decision guessed; in
    # protokoll's own print, a decision is only what stands under `Beslut`.
    labelled = width is not None or _labelled(chunks)
    join = functools.partial(_join, width=width)
    while chunks:
        chunk = chunks.pop(0)
        first = chunk[0].text.strip()
        if _PROPOSAL_LABEL.match(first):
            in_proposal, in_decision = True, False
            kept.append(join(chunk))
            continue
        listed = _listed_tasks(chunk) if _TASKS_LABEL.match(first) else None
        if listed:
            result.labels.append((chunk[0].no, first))
            result.listed += listed
            continue
        if _LONE_LABEL.match(first):
            in_proposal = False
            result.labels.append((chunk[0].no, first))
            if len(chunk) == 1:
                in_decision = True  # what follows, to the end of the §, is the decision
                continue
            # `Beslut` over its decisions, indented, as protokoll prints it
            _first_decision(result, len(kept))
            for d in _decision_lines(chunk[1:], indented=True, width=width):
                # protokoll's own print keeps a decision whole, whatever it says.
                about, said = _about_decision(d) if width is None else ("", d)
                result.decisions += [said] if said else []
                kept += [about] if about else []  # `X reserverar sig mot beslutet.`
            continue
        if _RECORD.match(first) and len(chunk) > 1 and not in_decision:
            kept.append(join(chunk))
            continue
        if _PART.match(first):
            # `Ärendet`: the decision above it has ended; this is the case,
            # under its word on a line of its own, as the source has it.
            in_decision = in_proposal = False
            kept.append("\n".join(x for x in (first, join(chunk[1:])) if x))
            continue
        label = _LABEL.match(first)
        if in_proposal and not label:
            kept.append(join(chunk))
            continue
        if label or in_decision:
            if label:
                result.labels.append((chunk[0].no, first[: label.end()]))
                chunk = [Line(chunk[0].no, first[label.end() :]), *chunk[1:]]
            found, abouts = [], []
            for d in _decision_lines(chunk):
                about, said = _about_decision(d)
                found += [said] if said else []
                abouts += [about] if about else []
            if found:
                # Where the decision stood: before the reservation written under it.
                _first_decision(result, len(kept))
            kept += abouts
            result.decisions += found
            for d in found:
                _task(result, d, chunk)
            continue
        paragraph = join(chunk)
        rest: list[str] = []
        # What the paragraph says after the §'s first decision (`… beslutar att
        # anta budgeten. Cia Berg reserverar sig mot beslutet.`): a block of its
        # own after the decisions, where the source has it; kept with the text
        # before, the reservation had been printed before the decision it is
        # against, and apart from those reserving in the next paragraph.
        after: list[str] = []
        split = False  # the §'s first decision stood in this paragraph, before what follows
        for line in paragraph.split("\n"):
            stay: list[str] = []
            later: list[str] = []
            for s in sentences(line):
                _task(result, s, chunk)
                if not labelled and _is_decision(s, organ):
                    split = split or (result.decisions_after is None and not result.decisions)
                    # Text of this paragraph before the decision: the block starts first.
                    _first_decision(result, len(kept) + bool(rest or stay))
                    # `- Styrelsen beslutade …`: a list's mark is no word of the decision.
                    result.decisions.append(_BULLET.sub("", s))
                else:
                    (later if split else stay).append(s)
            if stay:
                rest.append(" ".join(stay))
            if later:
                after.append(" ".join(later))
        if rest:
            kept.append("\n".join(rest))
        if after:
            kept.append("\n".join(after))
        elif not rest and result.decisions and _open_ended(result.decisions[-1]):
            # `Mötet valde` and the elected on lines of their own below it.
            while chunks and len(chunks[0]) == 1 and len(chunks[0][0].text.split()) <= 10:
                result.decisions[-1] += "\n" + chunks.pop(0)[0].text.strip()
    result.text = "\n\n".join(kept)
    if result.decisions_after is not None and result.decisions_after >= len(kept):
        result.decisions_after = None  # after all the text: where the protocol prints them
    return result


def _about_decision(decision: str) -> tuple[str, str]:
    """(the sentences that record how a decision went, the decision's own): a
    reservation written on under `Beslut:` had become part of the decision."""
    said, about = [], []
    for part in decision.split("\n"):
        for sentence in sentences(part) or [part]:
            (about if _ABOUT_DECISION.search(sentence) else said).append(sentence)
    if not about:
        return "", decision
    return " ".join(about), " ".join(said)


def _first_decision(result: Content, blocks_before: int) -> None:
    """Where the first decision stood: after how many of the kept blocks."""
    if not result.decisions and result.decisions_after is None:
        result.decisions_after = blocks_before


def _listed_tasks(chunk: list[Line]) -> list[ListedTask] | None:
    """The tasks under an `Uppdrag` heading, or None when its lines are not a list of them.

    Each is indented, begins with its owner (`Elin Strand: …`, as protokoll
    prints it) and may wrap onto indented lines; a due date in `(senast …)`.
    """
    rows = chunk[1:]
    if not rows or not all(x.text[:1] in (" ", "\t") for x in rows):
        return None
    found: list[tuple[str, str, list[Line]]] = []
    for line in rows:
        t = line.text.strip()
        m = _TASK_LINE.match(t)
        if m and len(m["who"].split()) <= 4:
            found.append((m["who"].strip(), m["what"], [line]))
        elif found:  # a wrapped line goes on with the task above it
            who, what, lines = found[-1]
            found[-1] = (who, f"{what} {t}", [*lines, line])
        else:
            return None  # no owner to begin with: not the list protokoll prints
    out = []
    for who, what, lines in found:
        due = _DUE.search(what)
        text = what[: due.start()] if due else what
        out.append(ListedTask(who, text.strip(), due[1] if due else "", lines))
    return out


def _task(result: Content, sentence: str, chunk: list[Line]) -> None:
    m = _TASK.match(_BULLET.sub("", sentence.strip()))  # `- Kent Åberg får i uppgift …`
    if m:
        said = " ".join(m[0][: m.start("what")].split())
        line = _line_of(m[0], chunk)
        # The one given the task is the subject of its own clause: "… läggs till
        # handlingarna samt att ordföranden får i uppgift att …" is the
        # chair's, not the whole sentence before it (a trial).
        who = _CLAUSE.split(m["who"].strip())[-1].strip() or m["who"].strip()
        result.tasks.append(ReadTask(who, m["what"].strip(), line, said))


def _line_of(sentence: str, chunk: list[Line]) -> int:
    """The line of `chunk` where `sentence` begins (its words, however wrapped)."""
    words = sentence.split()
    for n in (4, 3, 2, 1):
        start = " ".join(words[:n])
        for line in chunk:
            if start and start in " ".join(line.text.split()):
                return line.no
    return chunk[0].no


join = _join  # one paragraph of a source's lines (`_join`), for the other readers
