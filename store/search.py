"""Search across every meeting: § titles and text, decisions, tasks, names.

The meeting files stay the record. Beside them the store keeps one derived
database, `search.sqlite` (SQLite, in Python's standard library): a full-text
index (FTS5), each meeting's time and organ, its tasks and follow-ups, and
each task's latest follow-up (`store.archive` reads those), so that a query
over 1,000 meetings does not read 1,000 files. The decisions are not kept:
their register reads the meeting files in scope, in order, one at a time.
Like the catalogue's index, each meeting's rows remember the size and mtime
of the file they were made from; `sync` re-reads only files that changed.
The index keeps the words, not the text (a contentless FTS5 table): the text
is in the meeting files already, and a hit's snippet is made from its
meeting's file when the hit is shown. That halves the index and its writes.
A damaged or outdated index is deleted and built again: nothing in it is
lost that the meeting files do not hold.

Words are matched case-insensitively as whole words or word beginnings
(`ansök` finds `ansökan`, not `kansöka`). å, ä and ö are letters of their
own: `a` does not find `ä` unless the query asks for `fold=True`.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import re
import sqlite3
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from operator import itemgetter
from typing import TypeVar

from . import ids
from .derived_rows import Derived, derive, search_rows
from .errors import CANNOT_WRITE, Stopped, StoreError, os_detail
from .model import SCHEMA
from .serial import to_dict
from .storage import read_json
from .store import Store

T = TypeVar("T")

# 5: the registers beside the text; 6: text composed (NFC); 7: the text itself
# not kept (contentless FTS5), snippets made from the meeting file when shown;
# 8: each task's latest follow-up kept (task_state); a meeting's decisions
# found by their run of rowids, as its text rows are. 9: no table of text rows
# (a hit's meeting found by its rowid's run, its § from the file) and no
# decisions (read from the meeting files when listed): 0.48 -> 0.31x the files.
# 10: each task beside its meeting's organ and time and its latest follow-up's
# (task_time), so that an organ's open tasks are counted in one range. 11: the
# meetings' stamps seen by buckets of ids (seen), compared by bucket. 12: `§`
# a word character, and each § row led by its number as one word (`§130`),
# so that `§ 130` finds that § (and the text that names it). 13: whether a
# meeting was imported, so that its tasks are of unknown state (TaskRow.unknown).
INDEX_VERSION = 14
# The refusals that mean the database cannot be had now (a full disk, a store
# one may only read): a view that can read the meetings themselves does so.
UNAVAILABLE = ("search_failed", "search_read_only", "search_read_only_none")
FILE_NAME = "search.sqlite"
_WORD = re.compile(r"\w+")
# The query's phrases (in quotes) and words. A Swedish keyboard types ”…”, the
# typographers' “…” and „…”, and the search field's own hint shows ”: straight
# quotes alone had made ”våkeröun och våkestöfa” three words, not a phrase (trial 20).
_QUOTE = "\"”“„«»"
_PHRASE_OR_WORD = re.compile(f"[{_QUOTE}]([^{_QUOTE}]*)[{_QUOTE}]|(\\S+)")
_PARAGRAPH = re.compile(r"§\s*(\d+)\b")  # `§ 130` in a query: the § numbered 130
_SNIPPET_TOKENS = 14
# Rows of meetings indexed again are left in the full-text index, unreachable
# (a contentless FTS5 table of SQLite 3.40 forgets a row only if given its old
# text); past this many, and more than the live ones, the index is built anew.
_DEAD_LIMIT = 20_000

_SCHEMA = f"""
CREATE TABLE indexed (
    first_row INTEGER PRIMARY KEY, id TEXT UNIQUE, mtime_ns INTEGER, size INTEGER, date TEXT,
    start TEXT, organ TEXT, last_row INTEGER, created TEXT, organ_id TEXT, organisation TEXT,
    imported INTEGER
);
CREATE INDEX indexed_time ON indexed(date, start, created, id);
CREATE VIRTUAL TABLE docs USING fts5(
    text, content = '', columnsize = 0,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '§'"
);
INSERT INTO docs(docs, rank) VALUES ('automerge', 0);
CREATE VIRTUAL TABLE terms USING fts5vocab(docs, 'row');
CREATE TABLE state (dead INTEGER, next_row INTEGER, writes INTEGER);
INSERT INTO state VALUES (0, 1, 0);
CREATE TABLE seen (bucket TEXT PRIMARY KEY, digest BLOB) WITHOUT ROWID;
CREATE TABLE tasks (
    meeting TEXT, seq INTEGER, number INTEGER, title TEXT, id TEXT, owner TEXT,
    owner_id TEXT, owner_name TEXT, text TEXT, due TEXT, done INTEGER, done_note TEXT,
    mark TEXT
);
CREATE INDEX tasks_meeting ON tasks(meeting, seq);
CREATE TABLE followups (
    meeting TEXT, seq INTEGER, number INTEGER, task TEXT, done INTEGER, note TEXT
);
CREATE INDEX followups_meeting ON followups(meeting, seq);
CREATE INDEX followups_task ON followups(task);
CREATE TABLE task_state (task TEXT PRIMARY KEY, meeting TEXT, number INTEGER, done INTEGER,
    note TEXT) WITHOUT ROWID;
CREATE INDEX tasks_id ON tasks(id);
CREATE TABLE task_time (
    organ_id TEXT, date TEXT, start TEXT, created TEXT, meeting TEXT, seq INTEGER, task TEXT,
    done INTEGER, s_organ_id TEXT, s_date TEXT, s_start TEXT, s_created TEXT, s_meeting TEXT,
    s_done INTEGER, PRIMARY KEY (organ_id, date, start, created, meeting, seq)
) WITHOUT ROWID;
CREATE TABLE reported (meeting TEXT, ref TEXT);
CREATE INDEX reported_meeting ON reported(meeting);
PRAGMA user_version = {INDEX_VERSION};
"""

_BATCH = 250  # meetings taken in by one transaction
Stamp = tuple[str, int, int]  # a meeting file's id, mtime_ns and size

# The tables holding rows of one meeting each, by its id. Rowid tables with an
# index, not WITHOUT ROWID: those keep whole rows in their inner pages too,
# which doubled the registers' size.
# A meeting's full-text rows are a run of rowids, first_row (the key of its
# `indexed` row) to last_row: a hit's meeting is the one whose run holds it,
# and its § is the row at that offset of the meeting's file, which is read
# for the snippet anyway. The decisions are read from the files when listed.
_MEETING_TABLES = ("tasks", "followups", "reported")

_INSERT_TEXT = "INSERT INTO docs(rowid, text) VALUES (?, ?)"  # one column: derived_rows.APART
# The live meeting whose run of full-text rows holds `d.rowid`: a row of a
# meeting indexed again or gone falls in no live run.
_OWNER = """
    docs d CROSS JOIN indexed i ON i.first_row = (
        SELECT first_row FROM indexed WHERE first_row <= d.rowid
        ORDER BY first_row DESC LIMIT 1
    )
    WHERE docs MATCH ? AND d.rowid <= i.last_row
"""


@dataclass(frozen=True)
class Hit:
    meeting: str
    organ: str
    date: str
    paragraph: int | None  # the § number; None for unnumbered items and the meeting itself
    position: int | None  # index of the § in the meeting; None for the meeting's own details
    title: str
    snippet: str  # plain text
    spans: tuple[tuple[int, int], ...]  # where the hits are in `snippet`
    # Whose organ: two organisations' "Arbetsutskottet" read alike in the hits.
    organisation: str = ""

    @property
    def where(self) -> str:
        """`§ 11`, `2.` for an unnumbered item, or "" for the meeting's own details."""
        if self.paragraph is not None:
            return f"§ {self.paragraph}"
        return f"{self.position + 1}." if self.position is not None else ""


def _fold(word: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c)
    )


def _tokens(text: str) -> list[str]:
    # Composed (NFC) as the index is: a decomposed "ö" is one letter, not "o"
    # and a mark that splits the word.
    return [w.casefold() for w in _WORD.findall(unicodedata.normalize("NFC", text))]


class SearchIndex:
    """The full-text index of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = store.path / FILE_NAME

    # --- the index file ----------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            return self._open()
        except sqlite3.DatabaseError:
            # A damaged or foreign file: it only ever held what the meeting
            # files hold, so it is rebuilt from them.
            self._remove()
            return self._open()

    def _open(self) -> sqlite3.Connection:
        if not self.path.exists():
            # Owner-only like the rest of the store; SQLite gives its journal
            # the same mode.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            # Write-ahead, synced at checkpoints only: an update is a write, not
            # three fsyncs (40 ms of a 50 ms update at 10,000 meetings). What
            # a power cut takes back is found stale by its stamps and read
            # again; the index holds nothing the meeting files do not.
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != INDEX_VERSION:
                if version != 0:
                    db.close()
                    self._remove()
                    return self._open()
                self._create(db)
            db.execute("SELECT count(*) FROM indexed").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        """The tables of a new index, made by one process while others wait.

        Statement by statement in one transaction (executescript would commit
        after each): a process that made them second would find a table that
        exists, take the file for damaged and delete it under the first.
        """
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _remove(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass

    def sync(self, db: sqlite3.Connection) -> int:
        """Bring the index up to date with the meeting files; returns how many were read."""
        # (id, mtime, size) of every meeting, in order of id, as the store's look
        # over them found them: no summary made of each.
        stamps = self.store.stamps()
        seen = _seen(stamps)
        writes, stale, gone = self._compare(db, stamps, seen)
        if not stale and not gone:
            return 0
        if self._worn(db):
            db.close()
            self._remove()
            raise _Rebuild
        read = 0
        # What was seen is kept only when this process alone wrote since it
        # compared the stamps, and took in every stale meeting: the index then
        # holds exactly what `seen` names. Any other write (counted) or a
        # meeting left out, and the next look compares every stamp again.
        alone = True
        # In batches, each a transaction of its own: another process waiting to
        # write (for at most the 10 s busy timeout) gets its turn during a long
        # first build, and what was built stays built if this one is stopped.
        for at in range(0, max(len(stale), 1), _BATCH):
            if self.store.stopping.is_set():
                raise Stopped  # the batches taken in so far stay (`Store.stop`)
            db.execute("BEGIN IMMEDIATE")  # one process writes at a time
            try:
                (now,) = db.execute("SELECT writes FROM state").fetchone()
                alone = alone and now == writes
                writes = now + 1
                if at == 0:
                    touched: set[str] = set()
                    for meeting_id in gone:
                        touched |= self._drop(db, meeting_id)
                    _settle(db, touched)
                batch = stale[at : at + _BATCH]
                taken = self._take_in(db, batch)
                read += taken
                alone = alone and taken == len(batch)
                done = at + _BATCH >= len(stale)
                db.execute("UPDATE state SET writes = ?", (writes,))
                db.execute("DELETE FROM seen")
                if done and alone:
                    db.executemany(
                        "INSERT INTO seen VALUES (?, ?)",
                        [(b, digest) for b, (_, _, digest) in seen.items() if digest],
                    )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return read

    @staticmethod
    def _compare(
        db: sqlite3.Connection, stamps: list[Stamp], seen: dict
    ) -> tuple[int, list[Stamp], list[str]]:
        """(the count of writes, the meetings to index again, the ids gone) as
        the database stands beside the meeting files' stamps; nothing written."""

        def changes(buckets: list[str] | None) -> tuple[list, list]:
            # Compared as sets of (id, mtime, size), made and subtracted in C:
            # a Python loop over every meeting took 12 ms at 10,000. Only the
            # buckets whose digest differs, when the others are known to agree.
            if buckets is None:
                mine = stamps
                known = db.execute("SELECT id, mtime_ns, size FROM indexed").fetchall()
            else:
                mine = [x for b in buckets for x in stamps[slice(*seen.get(b, (0, 0))[:2])]]
                known = [
                    row
                    for b in buckets
                    for row in db.execute(_BUCKET_STAMPS, (b, b + _AFTER_ID))
                    if row[0][:_BUCKET] == b
                ]
            stale = sorted(set(mine).difference(known))
            gone = {i for i, _, _ in set(known).difference(mine)}
            return stale, sorted(gone.difference(map(itemgetter(0), mine)))

        db.execute("BEGIN")  # the stamps and the count of writes read as one
        try:
            (writes,) = db.execute("SELECT writes FROM state").fetchone()
            kept = dict(db.execute("SELECT bucket, digest FROM seen"))
            differ = [b for b, (_, _, d) in seen.items() if d is None or kept.get(b) != d]
            differ += [b for b in kept if b not in seen]  # none of its meetings left
            if kept and not differ:
                return writes, [], []  # indexed as every meeting is now seen
            stale, gone = changes(differ if kept else None)
        finally:
            db.execute("COMMIT")
        return writes, stale, gone

    @staticmethod
    def _worn(db: sqlite3.Connection) -> bool:
        """Whether unreachable rows outnumber the live ones, and by enough to matter."""
        (dead,) = db.execute("SELECT dead FROM state").fetchone()
        if dead < _DEAD_LIMIT:
            return False
        (live,) = db.execute(
            "SELECT coalesce(sum(last_row - first_row + 1), 0) FROM indexed"
        ).fetchone()
        return dead > live

    def _take_in(self, db: sqlite3.Connection, stale: list[Stamp]) -> int:
        """Index these meetings' files (id, mtime_ns, size as the store saw them)
        as they are now, inside a transaction; returns how many were read."""
        # Never a rowid used before: the full-text index still holds the rows
        # of meetings indexed again, and would find them under the new one.
        (next_row,) = db.execute("SELECT next_row FROM state").fetchone()
        read = 0
        touched: set[str] = set()  # tasks whose follow-ups came or went
        taken: list[str] = []  # the meetings taken in, whose task rows are made
        for s in stale:
            meeting_id, mtime_ns, size = s
            # Again, inside the transaction: another process may have just done it.
            found = db.execute(
                "SELECT mtime_ns, size FROM indexed WHERE id = ?", (meeting_id,)
            ).fetchone()
            if found == (mtime_ns, size):
                continue
            derived = self.derived(meeting_id)
            if derived is None:
                continue  # reported by the store itself; searched once readable
            if found is not None:
                touched |= self._drop(db, meeting_id)
            next_row = self._insert(db, s, derived, next_row)
            touched.update(row[2] for row in derived.followups)
            taken.append(meeting_id)
            read += 1
        db.execute("UPDATE state SET next_row = ?", (next_row,))
        _settle(db, touched, taken)
        return read

    def derived(self, meeting_id: str, made: Callable[[dict], T] = derive) -> T | None:
        """What `made` makes of one meeting's document (its rows), from its file as it
        is now; None if it does not read."""
        try:
            doc = read_json(self.store.meetings_dir / f"{ids.checked(meeting_id)}.json")
            doc = doc["meeting"]["1"]
            if doc["id"] == meeting_id and doc.get("schema", 0) <= SCHEMA:
                return made(doc)
        except (StoreError, LookupError, TypeError, AttributeError, ValueError):
            pass
        # Not the document it should be: the store reads it (and says what is wrong).
        try:
            return made(to_dict(self.store.load(meeting_id)))
        except StoreError:
            return None

    @staticmethod
    def _insert(db: sqlite3.Connection, s: Stamp, d: Derived, next_row: int) -> int:
        """Put one meeting's rows in; returns the next free text row."""
        # Text rows numbered in a run of their own, so that the meeting's rows
        # are found again by range, not by reading the whole table.
        first = next_row
        db.executemany(
            _INSERT_TEXT,
            [(first + n, text) for n, text in enumerate(d.texts)],
        )
        last = first + len(d.texts) - 1  # never below first: the meeting's own row
        db.execute(
            "INSERT INTO indexed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                first,
                *s,  # id, mtime_ns, size
                d.date,
                d.start,
                d.organ,
                last,
                d.created,
                d.organ_id,
                d.organisation,
                d.imported,
            ),
        )
        db.executemany(
            "INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(s[0], *row) for row in d.tasks],
        )
        db.executemany(
            "INSERT INTO followups VALUES (?, ?, ?, ?, ?, ?)", [(s[0], *row) for row in d.followups]
        )
        db.executemany("INSERT INTO reported VALUES (?, ?)", [(s[0], ref) for ref in d.reported])
        return last + 1

    @staticmethod
    def _drop(db: sqlite3.Connection, meeting_id: str) -> set[str]:
        """Take a meeting's rows out; returns the tasks it followed up."""
        followed = {
            task
            for (task,) in db.execute("SELECT task FROM followups WHERE meeting = ?", (meeting_id,))
        }
        found = db.execute(
            "SELECT first_row, last_row, organ_id, date, start, created FROM indexed WHERE id = ?",
            (meeting_id,),
        ).fetchone()
        if found is not None:
            # The full-text rows stay, unreachable once no live run holds them.
            db.execute("UPDATE state SET dead = dead + ?", (found[1] - found[0] + 1,))
            db.execute(
                "DELETE FROM task_time WHERE organ_id = ? AND date = ? AND start = ?"
                " AND created = ? AND meeting = ?",
                (*found[2:], meeting_id),
            )
        db.execute("DELETE FROM indexed WHERE id = ?", (meeting_id,))
        for table in _MEETING_TABLES:
            db.execute(f"DELETE FROM {table} WHERE meeting = ?", (meeting_id,))
        return followed

    @contextmanager
    def synced(self) -> Iterator[sqlite3.Connection]:
        """The database brought up to date, for a query; a failure is one StoreError."""
        try:
            db = self._connect()
            try:
                try:
                    self.sync(db)
                except _Rebuild:
                    db = self._connect()
                    self.sync(db)
            except BaseException:
                db.close()
                raise
        # A full disk or a store one may not write to: said in one line.
        except (sqlite3.Error, OSError) as exc:
            if not _cannot_write(exc):
                raise self._failed(exc) from None
            db = self._as_it_stands(exc)
        with closing(db):
            try:
                yield db
            except sqlite3.Error as exc:  # the caller's errors (a closed pipe) are its own
                raise self._failed(exc) from None

    def _as_it_stands(self, cause: Exception) -> sqlite3.Connection:
        """The database of a store one may only read, as it stands, if it is up
        to date with the meeting files; else a StoreError that says why not."""
        db = None
        try:
            if self.path.is_file():
                # Immutable: no journal, no lock, nothing written beside it.
                uri = f"{self.path.resolve().as_uri()}?immutable=1"
                db = sqlite3.connect(uri, uri=True, isolation_level=None)
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version == INDEX_VERSION:
                    stamps = self.store.stamps()
                    _, stale, gone = self._compare(db, stamps, _seen(stamps))
                    if not stale and not gone:
                        return db
                    count = len(stale) + len(gone)
                    raise StoreError(
                        "search_read_only", path=self.store.path, count=count, detail=_said(cause)
                    )
        except sqlite3.Error:
            pass
        except BaseException:
            if db is not None:
                db.close()
            raise
        if db is not None:
            db.close()
        raise StoreError("search_read_only_none", path=self.store.path, detail=_said(cause))

    def _failed(self, exc: Exception) -> StoreError:
        self._remove_if_empty()
        return StoreError("search_failed", path=self.path, detail=_said(exc))

    # --- queries -----------------------------------------------------------

    def search(
        self, query: str, fold: bool = False, limit: int | None = None
    ) -> tuple[list[Hit], int]:
        """Hits for every word of `query` (quoted words as a phrase), newest meeting first.

        Returns at most `limit` hits and how many there were in all.
        """
        with self.streamed(query, fold, limit) as (total, hits):
            return list(hits), total

    @contextmanager
    def streamed(
        self, query: str, fold: bool = False, limit: int | None = None
    ) -> Iterator[tuple[int, Iterator[Hit]]]:
        """How many hits there are, and at most `limit` of them, newest first, read
        from the database as they are taken (valid inside the `with`)."""
        with self.synced() as db:
            expression = self._expression(db, query, fold)
            if expression is None:
                yield 0, iter(())
                return
            (total,) = db.execute(f"SELECT count(*) FROM {_OWNER}", (expression,)).fetchone()
            yield total, self._hits(db, expression, _Marker(query, fold), limit)

    def _remove_if_empty(self) -> None:
        """A full disk before the tables were made leaves an empty file: not left behind.

        Only an empty one: a made index is whole (SQLite's transactions), and is
        brought up to date next time.
        """
        try:
            if self.path.stat().st_size == 0:
                self._remove()
        except OSError:
            pass

    def _expression(self, db: sqlite3.Connection, query: str, fold: bool) -> str | None:
        """An FTS5 query built from the user's words; their text is never FTS syntax.

        `§ 130` (or `§130`) is that § of any meeting, or a text that names it."""
        parts = [f'("§{n}" OR "§" + "{n}")' for n in _PARAGRAPH.findall(query)]
        query = _PARAGRAPH.sub(" ", query)
        for phrase, word in _PHRASE_OR_WORD.findall(query):
            words = _tokens(phrase or word)
            if not words:
                continue
            if phrase:
                # Whole words, the last one also as a beginning.
                parts.append(" + ".join(f'"{w}"' for w in words) + "*")
                continue
            for w in words:
                parts.append(self._word(db, w) if fold else f'"{w}"*')
        if not parts or any(p is None for p in parts):
            return None
        return " AND ".join(parts)

    @staticmethod
    def _word(db: sqlite3.Connection, word: str) -> str | None:
        """Every indexed word that begins with `word` when accents are ignored."""
        folded = _fold(word)
        found = [
            term
            for (term,) in db.execute("SELECT term FROM terms")
            if _fold(term).startswith(folded)
        ]
        if not found:
            return None
        return "(" + " OR ".join(f'"{t}"' for t in found) + ")"

    def _hits(
        self, db: sqlite3.Connection, expression: str, marker: _Marker, limit: int | None
    ) -> Iterator[Hit]:
        sql = f"""
            SELECT i.id, d.rowid - i.first_row, i.date, i.organ, i.organisation FROM {_OWNER}
            ORDER BY i.date DESC, i.start DESC, i.id DESC, d.rowid
            LIMIT ?
        """
        rows: list[tuple] = []
        current = None
        for meeting, offset, date, organ, organisation in db.execute(
            sql, (expression, -1 if limit is None else max(limit, 0))
        ):
            if meeting != current:
                # Neither text nor § is kept in the index: the meeting's own
                # file gives them, read once for all of its hits (hits come by
                # meeting), as it was when indexed (synced just now).
                current = meeting
                rows = self.derived(meeting, search_rows) or []
            # A file changed since the sync may have fewer rows: the hit stays, untitled.
            position, number, title, body, names = (
                rows[offset] if offset < len(rows) else (None, None, "", "", "")
            )
            snippet, spans = marker.snippet((title, body, names))
            yield Hit(
                meeting, organ, date, number, position, title, snippet, spans, organisation or ""
            )


# Each task's latest follow-up in any meeting (newest meeting, then the last in
# it), as `registers.followed_up` finds it; found through followups_task.
_SETTLE = """
    INSERT INTO task_state
    SELECT f.task, f.meeting, f.number, f.done, f.note
    FROM followups f JOIN indexed i ON i.id = f.meeting
    WHERE f.task = ?
    ORDER BY i.date DESC, i.start DESC, i.created DESC, i.id DESC, f.seq DESC
    LIMIT 1
"""


# Each task row (task_time) beside its meeting's organ and time and its latest
# follow-up's (task_state): ordered by organ and time, so that an organ's open
# tasks before a meeting are one range of one table (follow-up, `more`).
_TASK_TIME = """
    INSERT OR REPLACE INTO task_time
    SELECT i.organ_id, i.date, i.start, i.created, t.meeting, t.seq, t.id, t.done,
           si.organ_id, si.date, si.start, si.created, s.meeting, s.done
    FROM tasks t JOIN indexed i ON i.id = t.meeting
    LEFT JOIN task_state s ON s.task = t.id LEFT JOIN indexed si ON si.id = s.meeting
    WHERE {which} = ?
"""
_TIME_OF_TASK = _TASK_TIME.replace("{which}", "t.id")
_TIME_OF_MEETING = _TASK_TIME.replace("{which}", "t.meeting")


def _settle(db: sqlite3.Connection, tasks: set[str], meetings: Iterable[str] = ()) -> None:
    """Make the kept latest follow-up of these tasks what the follow-ups now say,
    and the task rows of these tasks and of these meetings (just taken in) what
    their meetings and latest follow-ups say.

    Kept rather than found when asked: the task list's open tasks, newest first,
    are then read in order a screenful at a time, not after a window over every
    follow-up of the archive (1.8 s at 10,000 meetings); an organ's open tasks
    are counted in one range, not by a lookup per task (16 ms at 10,000).
    """
    ordered = [(t,) for t in sorted(tasks)]
    db.executemany("DELETE FROM task_state WHERE task = ?", ordered)
    db.executemany(_SETTLE, ordered)
    db.executemany(_TIME_OF_MEETING, [(m,) for m in meetings])
    db.executemany(_TIME_OF_TASK, ordered)


# Meetings are seen in buckets of the first characters of their ids (a year
# of meetings for ids that begin with the date): a meeting changed since the
# last look has the stamps of its bucket compared, not of all 10,000 (which
# took 15 to 40 ms at every start after a session that typed). A month a
# bucket made 456 digests at 10,000 meetings, 2 ms of every look.
_BUCKET = 4
_AFTER_ID = "\x7f"  # after every character an id may hold (ids.PATTERN)
_BUCKET_STAMPS = "SELECT id, mtime_ns, size FROM indexed WHERE id >= ? AND id < ?"


def _seen(stamps: list[tuple[str, int, int]]) -> dict[str, tuple[int, int, bytes | None]]:
    """Each bucket's run of `stamps` (in order of id) and a digest of its (id,
    mtime, size), made in C; a digest is None if a stamp does not fit 64 bits
    (that bucket is compared at every look)."""
    ids = list(map(itemgetter(0), stamps))
    try:
        mtimes = array("q", list(map(itemgetter(1), stamps))).tobytes()
        sizes = array("q", list(map(itemgetter(2), stamps))).tobytes()
    except OverflowError:
        mtimes = sizes = b""
    found = {}
    lo = 0
    while lo < len(ids):
        prefix = ids[lo][:_BUCKET]
        # The ids that begin with the prefix follow one another (in order of
        # id); one shorter than a bucket's prefix is a bucket of its own.
        hi = lo + 1 if len(prefix) < _BUCKET else bisect.bisect_left(ids, prefix + _AFTER_ID, lo)
        if mtimes:
            digest = hashlib.blake2b("\n".join(ids[lo:hi]).encode(), digest_size=16)
            digest.update(mtimes[lo * 8 : hi * 8])
            digest.update(sizes[lo * 8 : hi * 8])
            found[prefix] = (lo, hi, digest.digest())
        else:
            found[prefix] = (lo, hi, None)
        lo = hi
    return found


class _Rebuild(Exception):
    """The index was removed to be built anew (see `_DEAD_LIMIT`)."""


class _Marker:
    """Snippets of a row's text with the query's words marked, as FTS5 would make them."""

    def __init__(self, query: str, fold: bool) -> None:
        self.fold = fold
        words = [
            w
            for phrase, word in _PHRASE_OR_WORD.findall(query)
            for w in _tokens(phrase or word)
        ]
        self.words = tuple(_fold(w) if fold else w for w in words)
        # Without folding, the hits are found by one regular expression (a
        # word that begins with a query word), not word by word in Python.
        alternatives = "|".join(
            re.escape(w) for w in sorted(set(self.words), key=len, reverse=True)
        )
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)

    def _hits(self, text: str) -> list[tuple[int, int]]:
        if not self.words:
            return []
        if not self.fold:
            return [m.span() for m in self.pattern.finditer(text)]
        return [m.span() for m in _WORD.finditer(text) if _fold(m.group()).startswith(self.words)]

    def snippet(self, columns: tuple[str, str, str]) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The best column's window of `_SNIPPET_TOKENS` words holding the most hits."""
        found = [(self._hits(text), text) for text in columns]
        hits, text = max(found, key=lambda f: len(f[0]))  # the first of equals
        tokens = [m.span() for m in _WORD.finditer(text)]
        if len(tokens) <= _SNIPPET_TOKENS:
            return text, tuple(hits)
        starts = [t[0] for t in tokens]
        at = [bisect.bisect_right(starts, a) - 1 for a, _ in hits]  # each hit's word
        first = self._window(at, len(tokens))
        last = first + _SNIPPET_TOKENS
        cut_before, cut_after = first > 0, last < len(tokens)
        begin = tokens[first][0] if cut_before else 0
        end = tokens[last - 1][1] if cut_after else len(text)
        prefix = "…" if cut_before else ""
        shift = len(prefix) - begin
        spans = tuple(
            (a + shift, b + shift) for (a, b), n in zip(hits, at, strict=True) if first <= n < last
        )
        return prefix + text[begin:end] + ("…" if cut_after else ""), spans

    @staticmethod
    def _window(hits: list[int], count: int) -> int:
        """The first token of the window with the most hits, the earliest of equals."""
        if not hits:
            return 0
        best_first, best_count = 0, -1
        for h in hits:
            first = max(0, min(h - 2, count - _SNIPPET_TOKENS))
            inside = sum(first <= x < first + _SNIPPET_TOKENS for x in hits)
            if inside > best_count:
                best_first, best_count = first, inside
        return best_first


def search(store: Store, query: str, fold: bool = False, limit: int | None = None) -> list[Hit]:
    """Search every meeting of `store`: at most `limit` hits, newest first."""
    return SearchIndex(store).search(query, fold=fold, limit=limit)[0]


def search_streamed(
    store: Store, query: str, fold: bool = False, limit: int | None = None
) -> contextlib.AbstractContextManager[tuple[int, Iterator[Hit]]]:
    """`with search_streamed(...) as (total, hits)`: the hits read as they are taken."""
    return SearchIndex(store).streamed(query, fold=fold, limit=limit)


def search_counted(
    store: Store, query: str, fold: bool = False, limit: int | None = None
) -> tuple[list[Hit], int]:
    """The hits, at most `limit` of them, and how many there were in all."""
    return SearchIndex(store).search(query, fold=fold, limit=limit)


def _cannot_write(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "")
        return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"))
    return isinstance(exc, OSError) and exc.errno in CANNOT_WRITE


def _said(exc: BaseException) -> object:
    return str(exc) if isinstance(exc, sqlite3.Error) else os_detail(exc)
