"""The search index answers exactly as reading every meeting file would.

The index keeps no text of its own (snippets are made from the meeting's file
when shown) and leaves the rows of meetings indexed again behind,
unreachable; these tests compare its answers with a plain scan of the files
after edits, deletions and a rebuild of a worn index.
"""

from __future__ import annotations

import os
import random
import re
import sqlite3

import pytest

import protokoll.store.search as search_module
from protokoll.store import Store
from protokoll.store.derived_rows import search_rows
from protokoll.store.search import FILE_NAME, search, search_counted
from protokoll.store.serial import to_dict

from .conftest import meeting_with

WORDS = (
    "ansökan förlängning budget överenskommelse årsredovisning insats deltagare "
    "uppföljning kommunen regionen ärendet beslut medel kronor öppet möte"
).split()
QUERIES = ["ansök", "för", "budget", "år", "ärendet beslut", "öppet möte", "medel", "x", "kommun"]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


PHRASES = ['"ärendet beslut"', '"öppet möte"', '"beslut medel" kommun', '"medel kr"', '"år"',
           'budget "insats deltagare uppf"', '"möte öppet"']  # fmt: skip


def holds_phrase(columns: tuple[str, ...], phrase: list[str]) -> bool:
    """Whether one column has the phrase's words one after another (the last as a beginning)."""
    for text in columns:
        tokens = [t.casefold() for t in re.findall(r"\w+", text)]
        for at in range(len(tokens) - len(phrase) + 1):
            here = tokens[at : at + len(phrase)]
            if here[:-1] == phrase[:-1] and here[-1].startswith(phrase[-1]):
                return True
    return False


def scan(store: Store, query: str) -> list[tuple[str, int | None]]:
    """(meeting, position) of every row holding each word of `query` as a word
    beginning, and each quoted phrase in one of its parts, newest meeting first:
    what the index must answer, read from the files."""
    phrases = [p.casefold().split() for p in re.findall(r'"([^"]*)"', query)]
    words = [w.casefold() for w in re.findall(r"\w+", re.sub(r'"[^"]*"', " ", query))]
    order = sorted(store.summaries(), key=lambda s: (s.date, s.start, s.id), reverse=True)
    found = []
    for summary in order:
        rows = search_rows(to_dict(store.load(summary.id)))
        for position, _number, title, body, names in sorted(
            rows, key=lambda r: (r[0] is not None, r[0] or 0)
        ):
            tokens = [t.casefold() for t in re.findall(r"\w+", f"{title} {body} {names}")]
            if all(any(t.startswith(w) for t in tokens) for w in words) and all(
                holds_phrase((title, body, names), p) for p in phrases
            ):
                found.append((summary.id, position))
    return found


def answered(store: Store, query: str) -> list[tuple[str, int | None]]:
    return [(h.meeting, h.position) for h in search(store, query)]


@pytest.fixture
def archive(store: Store, organ) -> Store:
    rng = random.Random(7)
    for month in range(1, 13):
        for day in (3, 17):
            s = meeting_with(store, organ.id, f"2024-{month:02d}-{day:02d}", 4)
            for p in s.meeting.paragraphs:
                p.title = sentence(rng, 3)
                p.text = sentence(rng, rng.randint(3, 40))
            s.save()
            s.close()
    return store


def edit(store: Store, rng: random.Random, times: int) -> None:
    for _ in range(times):
        summary = rng.choice(store.summaries())
        session = Store(store.path).open(summary.id)
        for p in session.meeting.paragraphs:
            p.text = sentence(rng, rng.randint(3, 30))
        session.save()
        session.close()


def test_the_index_answers_as_a_scan_of_the_files(archive):
    for query in QUERIES:
        assert answered(archive, query) == scan(archive, query), query


def test_phrases_are_answered_as_a_scan_of_the_files_count_included(archive):
    """The index keeps no word positions: a phrase's rows are checked against their text."""
    for query in PHRASES:
        expected = scan(archive, query)
        hits, total = search_counted(archive, query)
        assert [(h.meeting, h.position) for h in hits] == expected, query
        assert total == len(expected), query
        limited, total = search_counted(archive, query, limit=3)
        assert [(h.meeting, h.position) for h in limited] == expected[:3], query
        assert total == len(expected), query
    # Rows with the words, not in that order, are left out.
    assert len(scan(archive, '"ärendet beslut"')) < len(scan(archive, "ärendet beslut"))


def test_after_edits_and_deletions_the_old_text_finds_nothing(archive):
    rng = random.Random(11)
    for query in QUERIES:
        search(archive, query)
    edit(archive, rng, 15)
    for summary in archive.summaries()[:3]:
        os.unlink(archive.meetings_dir / f"{summary.id}.json")
    fresh = Store(archive.path)
    for query in QUERIES:
        assert answered(fresh, query) == scan(fresh, query), query
    counted, total = search_counted(fresh, "för")
    assert total == len(counted) == len(scan(fresh, "för"))


def test_a_worn_index_is_built_anew_and_answers_the_same(archive, monkeypatch):
    monkeypatch.setattr(search_module, "_DEAD_LIMIT", 40)
    search(archive, "budget")
    rng = random.Random(5)
    rebuilt = False
    for _ in range(6):
        edit(archive, rng, 5)
        fresh = Store(archive.path)
        assert answered(fresh, "budget") == scan(fresh, "budget")
        with sqlite3.connect(archive.path / FILE_NAME) as db:
            dead, live = db.execute(
                "SELECT dead, (SELECT sum(last_row - first_row + 1) FROM indexed) FROM state"
            ).fetchone()
        # Checked before each update: one update's leavings may pass the line.
        assert dead <= 2 * max(40, live)
        rebuilt = rebuilt or dead == 0
    assert rebuilt


def test_the_text_itself_is_not_kept_in_the_index(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    s.meeting.paragraphs[0].text = "Kvittrande snöflingor dansade över Storgatan i gryningen."
    s.save()
    s.close()
    (hit,) = search(store, "snöflingor")
    assert hit.snippet == "Kvittrande snöflingor dansade över Storgatan i gryningen."
    data = (store.path / FILE_NAME).read_bytes()
    assert "snöflingor dansade".encode() not in data


def test_a_long_text_gives_a_window_around_the_hit(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    words = [f"ord{n}" for n in range(40)]
    words[25] = "Sjöbotten"
    s.meeting.paragraphs[0].text = " ".join(words)
    s.save()
    s.close()
    (hit,) = search(store, "sjöbott")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["Sjöbotten"]
    assert len(re.findall(r"\w+", hit.snippet)) == 14
