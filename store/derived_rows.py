"""The rows the derived database keeps of one meeting, read from its document.

Made from the meeting's JSON document (the dict `serial.to_dict` writes), not
from a `Meeting`: building the index reads every file, and turning each into
dataclasses would cost six times the parsing. Missing keys take the model's
defaults, as `serial.from_dict` gives them; a document of the wrong shape
raises, and the caller reads that meeting through the store instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .labels import organ_title
from .registers import source_mark
from .safe_text import safe_line

Doc = dict[str, Any]

# One full-text column, not three (title, body, names): FTS5 marks each
# column's start in every word's list of positions, a quarter of its size.
# The parts are kept apart by a word no query can hold (a private-use
# character: a word character to FTS5, none to the queries' \w), so that a
# phrase still never runs from one part into the next.
APART = " \ue000 "


@dataclass
class Derived:
    """Everything the index holds of one meeting."""

    date: str
    start: str
    created: str
    organ_id: str
    organ: str
    organisation: str
    imported: bool = False  # read from a file: its tasks' state is not known (TaskRow.unknown)
    # A full-text row a row of `search_rows`: title, body and names, APART.
    texts: list[str] = field(default_factory=list)
    # (seq, number, title, id, owner shown, owner id, owner name, text, due, done, done note,
    #  the source's mark of an imported §: `registers.source_mark`)
    tasks: list[tuple] = field(default_factory=list)
    followups: list[tuple] = field(default_factory=list)  # (seq, number, task, done, note)
    reported: list[str] = field(default_factory=list)  # protocols a § of this one reported


def _list(d: Doc, key: str) -> list[Doc]:
    return d.get(key) or []


def _clean(text: str) -> str:
    # Control characters (escape sequences a user pasted) never reach a
    # snippet, whole sequences leave one mark (safe_text); newlines become spaces.
    return safe_line(text)


def _join(parts: list[str]) -> str:
    text = " ".join(filter(None, parts))
    if text.isprintable():
        # What `_clean` would make of it, without its work: printable text
        # holds nothing `safe` changes, and the line breaks become spaces.
        return text
    return _clean("\n".join(filter(None, parts)))


def _nfc(text: str) -> str:
    # Text typed on a Mac or pasted from some PDFs comes decomposed ("a" and a
    # combining ring): indexed composed, as queries are, it finds and is found.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _name_of(doc: Doc) -> Callable[[str | None], str]:
    """An attendee's name by id ("" for none), the first of that id, as Meeting.name_of."""
    names: dict[str, str] = {}
    for a in _list(doc, "attendees"):
        names.setdefault(a["id"], a.get("name", ""))

    def name_of(attendee_id: str | None) -> str:
        return names.get(attendee_id, "") if attendee_id is not None else ""

    return name_of


def derive(doc: Doc) -> Derived:
    """The rows of the meeting document `doc`."""
    name_of = _name_of(doc)
    out = Derived(
        doc.get("date", ""),
        doc.get("start", ""),
        doc.get("created", ""),
        doc["organ_id"],
        doc["organ"],
        doc["organisation"],
        bool(doc.get("imported")),
    )
    # Composed once for the whole row: APART composes with nothing.
    # A numbered §'s row leads with its number as one word (`§130`: `§` is a
    # word character to the index), for a search of `§ 130`.
    out.texts = [
        _nfc(f"{'' if n is None else f'§{n}{APART}'}{title}{APART}{body}{APART}{names}")
        for _, n, title, body, names in _search_rows(doc, name_of)
    ]
    seq = 0
    imported = bool(doc.get("imported"))
    for p in _list(doc, "paragraphs"):
        number, title = p.get("number"), p.get("title", "")
        mark = source_mark(p.get("mark", ""), number, imported)
        for t in _list(p, "tasks"):
            owner_id, owner_name = t.get("owner"), t.get("owner_name", "")
            out.tasks.append(
                (
                    seq,
                    number,
                    title,
                    t["id"],
                    name_of(owner_id) or owner_name,
                    owner_id,
                    owner_name,
                    t["text"],
                    t.get("due", ""),
                    bool(t.get("done", False)),
                    t.get("done_note", ""),
                    mark,
                )
            )
            seq += 1
        for f in _list(p, "followups"):
            done = bool(f.get("done", True))
            out.followups.append((seq, number, f["task"], done, f.get("note", "")))
            seq += 1
    out.reported = [
        item["ref"]
        for item in _list(doc, "agenda")
        if item.get("kind") == "previous" and item.get("ref") is not None and item.get("paragraph")
    ]
    return out


def decisions_of(doc: Doc) -> list[tuple[int | None, str, str, str]]:
    """The decisions of `doc` in order: (§ number, § title, text, source's mark)."""
    imported = bool(doc.get("imported"))
    return [
        (number, p.get("title", ""), d["text"], source_mark(p.get("mark", ""), number, imported))
        for p in _list(doc, "paragraphs")
        for number in (p.get("number"),)
        for d in _list(p, "decisions")
    ]


def search_rows(doc: Doc) -> list[tuple]:
    """Only the full-text rows of `doc` (position, number, title, body, names):
    what a search hit's snippet is made from."""
    return _composed(_search_rows(doc, _name_of(doc)))


def _composed(rows: Iterator[tuple]) -> list[tuple]:
    return [
        (position, number, _nfc(title), _nfc(body), _nfc(names))
        for position, number, title, body, names in rows
    ]


def _search_rows(doc: Doc, name_of: Any) -> Iterator[tuple]:
    # The meeting's own details (who attended, where) are a row of their own,
    # so that a name finds the meetings a person attended.
    head = organ_title(doc["organ"], doc["organisation"])
    present = _join([a.get("name", "") for a in _list(doc, "attendees") if a.get("present")])
    # Rättelser belong to the meeting as a whole (and name their §).
    corrections = [
        f"{c.get('what', '')} {c.get('why', '')} {c.get('by', '')}"
        for c in _list(doc, "corrections")
    ]
    # An imported protocol's text before the first § and after the signatures too.
    body = _join(
        [doc.get("place", ""), doc.get("intro", ""), doc.get("appendix", ""), *corrections]
    )
    yield None, None, _clean(head), body, present
    for i, p in enumerate(_list(doc, "paragraphs")):
        title, body, names = _paragraph_row(p, name_of)
        yield i, p.get("number"), _clean(title), body, names


def _paragraph_row(p: Doc, name_of: Any) -> tuple[str, str, str]:
    # Only the lists a § has are walked (most have a text and a decision or
    # two): this runs for every § of every meeting when the index is built.
    get = p.get
    body = [get("text", "")]
    names: list[str] = []
    decisions, votes, reservations = get("decisions"), get("votes"), get("reservations")
    jav, notes, tasks, followups = get("jav"), get("notes"), get("tasks"), get("followups")
    if decisions:
        body += [d.get("text", "") for d in decisions]
    if votes:
        for v in votes:
            body += [v.get("proposition", ""), v.get("result", "")]
    if reservations:
        body += [r.get("reason", "") for r in reservations]
        body += [r.get("for_proposal", "") for r in reservations]
    if notes:
        body += [n.get("text", "") for n in notes]
    if jav:
        body += [j.get("note", "") for j in jav]
    if tasks:
        body += [t.get("text", "") for t in tasks] + [t.get("done_note", "") for t in tasks]
        names += [name_of(t.get("owner")) or t.get("owner_name", "") for t in tasks]
    if followups:
        body += [f.get("text", "") for f in followups] + [f.get("note", "") for f in followups]
    for people in (reservations, jav, notes):
        if people:
            names += [name_of(x.get("person")) for x in people]
    if followups:
        names += [f.get("owner", "") for f in followups]
    if votes:
        names += [name_of(b.get("person")) for v in votes for b in _list(v, "ballots")]
    return get("title", ""), _join(body), _join(names)
