"""Where each line of an imported source went: the provenance map.

Every line with a word in it is accounted for. What a field, a person or a
signature took in is listed as consumed (it is shown again in the protocol's
own form: a date as a date, a person in the attendance); what is kept is
found where it now stands: a §'s heading, its text, its decisions, a note,
the text before the first § or after the signatures. A line found nowhere
is traced as "unplaced", so that a test, and `--explain`, show it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from ..model import Meeting, Trace
from .source import Line

_WORD = re.compile(r"[^\W_]+")  # letters and digits: a line to sign on is no word


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@functools.lru_cache(maxsize=64)
def _seq(text: str) -> str:
    # Cached: a long §'s text is looked in once for each of its lines.
    return " " + " ".join(words(text)) + " "


@functools.lru_cache(maxsize=64)
def _bag(text: str) -> Counter:
    return Counter(words(text))


def within(part: str, whole: str) -> bool:
    """Whether the words of `part` stand, in order, in `whole`."""
    return _within(part, whole)


def _within(part: str, whole: str) -> bool:
    return bool(part.strip()) and _seq(part) in _seq(whole)


def _found(part: str, whole: str, cursors: dict[str, int]) -> bool:
    """`_within`, looking on from where the last line was found in `whole`.

    The lines of a § stand in its text in order, so each is looked for after
    the one before it: one pass over a long § instead of one for each line.
    """
    seq, whole_seq = _seq(part), _seq(whole)
    if not part.strip():
        return False
    at = whole_seq.find(seq, cursors.get(whole, 0))
    if at < 0:
        at = whole_seq.find(seq)  # out of order: looked for in all of it
    if at < 0:
        return False
    cursors[whole] = at + len(seq) - 1
    return True


def _covered(rest: Counter, whole: str) -> bool:
    return not (rest - _bag(whole))


def plain_lines(lines: Iterable[Line]) -> dict[int, str]:
    """The text of each source line, markup aside (a table row may make several Lines)."""
    out: dict[int, list[str]] = {}
    for line in lines:
        if line.text.strip():
            out.setdefault(line.no, []).append(line.text.strip())
    return {no: " ".join(parts) for no, parts in out.items()}


def trace(
    m: Meeting,
    lines: list[Line],
    starts: list[int],
    consumed: list[tuple[int, str, str]],
    guesses: set[int],
) -> list[Trace]:
    """The provenance of `m`, read from `lines`.

    `starts`: the line number each of m.paragraphs begins at (0 for an item
    that has none); `consumed`: (line, the words taken, what took them).
    """
    taken: dict[int, list[tuple[str, str]]] = {}
    for no, text, where in consumed:
        taken.setdefault(no, []).append((text, where))
    out: list[Trace] = []
    carry: Counter = Counter()  # words of a line joined to the one before it
    cursors: dict[str, int] = {}
    for no, text in sorted(plain_lines(lines).items()):
        have = Counter(words(text))
        if not have:
            continue
        pool = carry + Counter(w for t, _ in taken.get(no, []) for w in words(t))
        used = have & pool
        carry = pool - used
        guess = no in guesses
        if used:
            kinds = list(dict.fromkeys(where for _, where in taken.get(no, []))) or ["field"]
            out.append(Trace(no, "+".join(kinds), "", _as_written(text, used), guess))
        rest = have - used
        if rest:
            for where, target in _locate(m, no, text, rest, starts, cursors):
                out.append(Trace(no, where, target, "", guess))
    return out


def _as_written(text: str, used: Counter) -> str:
    """The words of `used` as the line writes them, in its order."""
    left = Counter(used)
    out = []
    for w in _WORD.findall(text):
        if left[w.casefold()] > 0:
            left[w.casefold()] -= 1
            out.append(w)
    return " ".join(out)


def _locate(
    m: Meeting, no: int, text: str, rest: Counter, starts: list[int], cursors: dict[str, int]
) -> list[tuple[str, str]]:
    index = _paragraph_at(no, starts)
    sections = {a.section for a in m.agenda if a.section}
    if any(_within(text, s) and _covered(rest, s) for s in sections):
        return [("section", text.strip())]
    if index is not None:
        p = m.paragraphs[index]
        mark = p.mark or (f"§ {p.number}" if p.number is not None else p.title)
        found = []
        if starts[index] == no or (p.title and _seq(text).startswith(_seq(p.title))):
            found.append(("heading", mark))
            rest = rest - Counter(words(p.title)) - Counter(words(mark))
            if not rest:
                return found
        decisions = "\n".join(d.text for d in p.decisions)
        notes = "\n".join(n.text for n in p.notes)
        tasks = "\n".join(t.text for t in p.tasks)
        for where, whole in (("note", notes), ("decision", decisions), ("text", p.text)):
            if _found(text, whole, cursors):
                found.append((where, mark))
                break
        if not found or (found == [("heading", mark)] and not _covered(rest, p.title)):
            parts = [x for x in (p.text, decisions, notes, tasks) if x]
            if _covered(rest, p.text):
                found.append(("text", mark))
            elif _covered(rest, decisions):
                found.append(("decision", mark))
            elif _covered(rest, "\n".join([p.title, *parts])):
                found += [("text", mark), ("decision", mark)]
        if found:
            return list(dict.fromkeys(found))
    for where, whole in (("intro", m.intro), ("appendix", m.appendix)):
        if _found(text, whole, cursors) or (whole and _covered(rest, whole)):
            return [(where, "")]
    return [("unplaced", "")]


def _paragraph_at(no: int, starts: list[int]) -> int | None:
    if starts == [0]:
        return 0  # no items in the source: its text is one item, from the top
    found = None
    for i, start in enumerate(starts):
        if start and start <= no:
            found = i
    return found


def kept_and_consumed(m: Meeting) -> tuple[Counter, Counter]:
    """The words of the source its provenance keeps as text, and those fields took in."""
    from .report import Report
    from .source import lines_of

    text = dict(plain_lines(lines_of(m.source_text, Report())))
    consumed: Counter = Counter()
    kept: Counter = Counter()
    by_line: dict[int, Counter] = {}
    for t in m.provenance:
        if t.consumed:
            c = Counter(words(t.consumed))
            consumed += c
            by_line[t.line] = by_line.get(t.line, Counter()) + c
    for no, line in text.items():
        kept += Counter(words(line)) - by_line.get(no, Counter())
    return kept, consumed
