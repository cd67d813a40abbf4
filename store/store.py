"""The store directory: a catalogue and one TinyDB file per meeting.

    STORE/catalogue.json        organs, rosters, index of meetings
    STORE/meetings/<id>.json    one meeting, a TinyDB file of its own
    STORE/locks/                lock and owner files (one writer per meeting; lock.py)

Saving a meeting writes its own file only (and the catalogue when what the
index shows changed), so a save costs the same with 1 or 1,000 meetings.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import itertools
import operator
import os
import re
import socket
import sys
import threading
import weakref
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

from . import ids, numbering, platform, presence, roster, storage, verbs
from .catalogue import Catalogue, Summary
from .errors import CANNOT_WRITE, LockedError, Stopped, StoreError, os_detail
from .git_history import Recorder
from .lock import (
    Busy,
    FileLock,
    HolderState,
    Lost,
    Owner,
    Ownership,
    briefly,
    judge,
    owner_from_lock_text,
    owner_json,
    proc,
    read_owner,
    write_owner,
)
from .meeting_index import UNFINISHED, MeetingIndex, key_of
from .model import (
    NUMBERED_KINDS,
    SCHEMA,
    Correction,
    Meeting,
    Organ,
    Paragraph,
    Person,
    agenda_items,
    new_id,
)
from .rows import Rows
from .safe_text import clean_all
from .serial import ShapeError, from_dict, to_dict
from .storage import damaged_detail, encode, make_private_dir, read_json
from .validate import stored_dates
from .verbs import Editor, History
from .verbs.events import happened

ENV_VAR = "PROTOKOLL_STORE"


# Meeting files whose stamp alone is stale in the index: from this many on,
# opening the store writes their new stamps (see Store._scan).
_RESTAMP_FROM = 16

# `Store._row_alone`: one meeting's row cannot be told without the look over all.
_UNSURE = object()

# `Store._files`: the ids of meeting files as one expression finds them among
# all the names at once (ids.PATTERN, then ".json").
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_FILE_IDS = re.compile(rf"^({ids.PATTERN.pattern})\.json$", re.MULTILINE)
_NAME = operator.attrgetter("name")
_STAT = os.DirEntry.stat
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
_MTIME = operator.attrgetter("st_mtime_ns")
_SIZE = operator.attrgetter("st_size")


def adjusted_copy(s: Summary, path: Path) -> StoreError:
    """The refusal of another version of the adjusted protocol `s`, read from `path`."""
    return StoreError(
        "adjusted_copy",
        path=path,
        meeting=s.id,
        organ=s.organ,
        date=s.date,
        span=numbering.span(s.first, s.last),
    )


def default_path() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("protokoll", appauthor=False)


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def read_meeting(path: Path, meeting_id: str) -> Meeting:
    """The meeting in its file `path`, read without a lock (writes are atomic renames)."""
    if not path.exists():
        raise StoreError("unknown_meeting", meeting=meeting_id)
    data = read_json(path)
    # A TinyDB file with one table, "meeting", holding document 1.
    table = data.get("meeting") if isinstance(data, dict) else None
    doc = table.get("1") if isinstance(table, dict) else None
    if not isinstance(doc, dict):
        raise StoreError("damaged", path=path, detail=damaged_detail("no_meeting"))
    found = doc.get("schema", 0)
    if not isinstance(found, int) or found > SCHEMA:
        raise StoreError("newer_schema", path=path, found=found, known=SCHEMA)
    try:
        meeting = from_dict(Meeting, dict(doc))
    except ShapeError as exc:
        detail = damaged_detail(f"shape_{exc.expected}", where=exc.where)
        raise StoreError("damaged", path=path, detail=detail) from None
    wrong = stored_dates(meeting)  # a date that is no date: the file does not read
    if wrong is not None:
        raise StoreError("damaged", path=path, detail=wrong)
    if meeting.id != meeting_id:
        detail = damaged_detail("other_meeting", meeting=meeting.id)
        raise StoreError("damaged", path=path, detail=detail)
    return meeting


def _fixed(s: Summary) -> bool:
    """Whether a meeting's numbers stay as they are (`Meeting.fixed_numbers`), from
    its row: rows kept from before closed protocols were fixed say it by status.
    An unreadable meeting keeps the numbers its row says it has (`_damaged`)."""
    return s.fixed or s.status in ("closed", "adjusted")


class Store:
    def __init__(self, path: Path | str, create: bool = True) -> None:
        """Open the store at `path`; with create=False a missing one is an error."""
        self.path = Path(path).expanduser()
        if (
            not create
            and not (self.path / "catalogue.json").exists()
            and not (self.path / "meetings").is_dir()
        ):
            raise StoreError("no_store", path=self.path)
        self.meetings_dir = self.path / "meetings"
        self.locks_dir = self.path / "locks"
        try:
            for d in (self.path, self.meetings_dir, self.locks_dir):
                make_private_dir(d)
        except OSError as exc:
            raise StoreError("damaged", path=self.path, detail=os_detail(exc)) from None
        self._problems: list[StoreError] = []
        # Told of each event that matters (store.verbs.events): a commit, when
        # the store is a git repository; nothing otherwise.
        self.on_event: Callable[[str, str, list[str]], None] | None = Recorder(self.path)
        # Meetings whose file does not read: their §§ stay reserved (numbering).
        self._damaged: set[str] = set()
        self.catalogue = Catalogue(self.path / "catalogue.json", self.locks_dir / "catalogue.lock")
        self.catalogue_ok = True
        self.index = MeetingIndex(self.path / "index")
        legacy: list[Summary] = []
        try:
            organs, legacy = self.catalogue.load()
            self._organs = {o.id: o for o in organs}
        except StoreError as exc:
            # The rest of the store still opens, from the meeting files alone.
            self._problems.append(exc)
            self.catalogue_ok = False
            self._organs = {}
        self._sessions: weakref.WeakValueDictionary[str, MeetingSession] = (
            weakref.WeakValueDictionary()
        )
        # Every meeting's summary, made when first asked for (`_index`): the
        # application resumes its meeting in progress without it (`unfinished`)
        # and looks it over after its first screen; at 10,000 meetings it is
        # 10,000 stamps compared and a hundred index files read.
        self._looked_over: Rows | None = None
        # Before that look: the summaries this process wrote, so that a command
        # on one meeting saves it without looking over the other 9,999.
        self._written: dict[str, Summary] = {}
        self._legacy = legacy
        self._looking = threading.Lock()
        # Set when the program ends: a look over every meeting (20 s at
        # 10,000 with no index files) stops at the next file, rather than
        # keep the program from ending until it is done.
        self.stopping = threading.Event()
        if legacy:
            self._index  # noqa: B018  an earlier version's store: moved to index/ at once

    # --- opening -----------------------------------------------------------

    @property
    def _index(self) -> Rows:
        found = self._looked_over
        if found is None:
            with self._looking:  # one look, also when a worker thread asks at once
                found = self._looked_over
                if found is None:
                    found = self._looked_over = self._look_over()
        return found

    @_index.setter
    def _index(self, rows: Rows) -> None:
        self._looked_over = rows

    def _look_over(self) -> Rows:
        index = self._scan(self._known(self._legacy))
        if self._legacy and self.catalogue_ok:
            # An earlier version kept the index in the catalogue: it is in index/ now.
            with self.catalogue.writing():
                self.index.put(index.values())
                self.catalogue.drop_index()
        self._legacy = []
        return index

    @property
    def looked_over(self) -> bool:
        """Whether every meeting has been looked over in this process, so that
        what reads across meetings (an organ's newest) costs no look now."""
        return self._looked_over is not None

    @property
    def problems(self) -> list[StoreError]:
        """What could not be read: the catalogue, index files, meeting files
        (these once every meeting has been looked over, which this asks for)."""
        self._index  # noqa: B018  the look-over that finds them
        return self._problems

    @property
    def problems_found(self) -> list[StoreError]:
        """What was found not to read so far, without asking for the look over
        every meeting: the catalogue at least (a command on one meeting)."""
        return list(self._problems)

    def _file(self, meeting_id: str) -> Path:
        return self.meetings_dir / f"{ids.checked(meeting_id)}.json"

    def _known(self, legacy: Iterable[Summary] = ()) -> Rows:
        """What the index files say of every meeting (and an earlier version's
        catalogue, for meetings they do not have yet), a summary made of no row
        until one is read (`rows.Rows`)."""
        raw, made, unread, problems = self.index.load_raw(Summary)
        self._problems.extend(problems)
        known = {s.id: s for s in legacy if s.id not in raw}
        known.update({s.id: s for s in made})
        for meeting_id in known:
            raw.pop(meeting_id, None)
        names = Summary.NAMES
        return Rows(
            raw, known, self._remade, unread, lambda key: self.index.listed_rows(key, names)
        )

    def _files(self) -> tuple[list[str], list[os.stat_result]]:
        """The ids and stats of the meeting files, one stat each; a file whose
        name is no id is reported (a hidden one is not the store's business).

        Each step in C over every file (names matched by one expression over
        all of them): at 10,000 meetings a loop of Python per file was a
        fifth of the look, beside the stats themselves.
        """
        # Listed by a descriptor of the folder: each stat then looks up a name
        # in it, not the whole path from the root (4 of 30 ms at 10,000).
        if os.scandir not in os.supports_fd:  # Windows: by path
            with os.scandir(self.meetings_dir) as it:
                return self._stats(list(it))
        folder = os.open(self.meetings_dir, _DIR_FLAGS)
        try:
            with os.scandir(folder) as it:
                entries = list(it)
            return self._stats(entries)  # while the folder is open: stats by its descriptor
        finally:
            os.close(folder)

    def _stats(self, entries: list[os.DirEntry]) -> tuple[list[str], list[os.stat_result]]:
        """The ids and stats of the meeting files among these entries (`_files`)."""
        names = list(map(_NAME, entries))
        joined = "\n".join(names)
        found = _FILE_IDS.findall(joined)
        if len(found) != len(entries) or joined.count("\n") != len(names) - 1:
            valid = ids.PATTERN.fullmatch
            found = []
            kept = []
            for entry, name in zip(entries, names, strict=True):
                if name[-5:] != ".json":
                    continue  # not a meeting's (a file being written is .tmp)
                if valid(name[:-5]) is not None:
                    found.append(name[:-5])
                    kept.append(entry)
                elif name[0] != ".":
                    bad = StoreError("bad_file_name", path=self.meetings_dir / name)
                    self._problems.append(bad)
            entries = kept
        try:
            return found, list(map(_STAT, entries))
        except FileNotFoundError:  # removed meanwhile: the others, one by one
            kept = []
            for entry in entries:
                with contextlib.suppress(FileNotFoundError):
                    kept.append((entry.name[:-5], entry.stat()))
            return [i for i, _ in kept], [st for _, st in kept]

    def _scan(self, index: Rows) -> Rows:
        """Index entries for every meeting file, reading only files that changed.

        The stamps (mtime, size) of the files and of the index rows are
        compared as dicts made in C; a summary is made of a row only when it is
        read (`rows.Rows`). The index files are written only where what they
        say changed: a file saved since (its text typed on) is read again, not
        rewritten into the index, so opening the store after a save writes
        nothing.
        """
        known_mtime, known_size = index.known_stamps()
        file_ids, stats = self._files()
        file_mtimes, file_sizes = list(map(_MTIME, stats)), list(map(_SIZE, stats))
        mtimes = dict(zip(file_ids, file_mtimes, strict=True))
        stale: list[tuple[str, int, int]] = []
        # Compared in C, as whole dicts (equal: none read) or else file by file.
        sizes = dict(zip(file_ids, file_sizes, strict=True))
        if mtimes != known_mtime or sizes != known_size:
            differ = map(
                operator.or_,
                map(operator.ne, map(known_mtime.get, file_ids), file_mtimes),
                map(operator.ne, map(known_size.get, file_ids), file_sizes),
            )
            found = zip(file_ids, file_mtimes, file_sizes, strict=True)
            stale = sorted(itertools.compress(found, differ))
        changed: list[Summary] = []
        restamped: list[Summary] = []
        before: dict[str, Summary] = {}
        stopping = self.stopping.is_set
        for meeting_id, mtime_ns, size in stale:
            if stopping():
                raise Stopped
            old = index.pop_row(meeting_id)  # None: no row, or a bad one, made anew
            if old is not None:
                before[meeting_id] = old
            try:
                meeting = self._read(meeting_id)
            except StoreError as exc:
                self._problems.append(exc)
                self._damaged.add(meeting_id)
                continue
            self._damaged.discard(meeting_id)
            summary = Summary.of(meeting, mtime_ns, size)
            index[meeting_id] = summary
            if old is None or not old.same_content(summary):
                changed.append(summary)
            else:
                restamped.append(summary)
            self._adopt_organ(meeting)
        # A damaged meeting file keeps its row: it is still there, only unread.
        gone = []
        for meeting_id in sorted(known_mtime.keys() - mtimes.keys()):
            old = index.pop_row(meeting_id)
            if old is not None and meeting_id not in self._damaged:
                gone.append(old)
        for meeting_id in self._damaged:
            index.pop_row(meeting_id)
        if changed or gone:
            with self.catalogue.writing():
                self.index.put(changed, before)
                self.index.remove(gone)
        # The list of unfinished meetings, made again from what was just read:
        # an earlier version, or a meeting file changed behind the store's
        # back, may have left it stale. And the stamps of files touched but not
        # changed (a copied or restored store, a git checkout), which would be
        # read again at every start (10,000 of them took seconds); a few saved
        # since the index was written are not worth a write at every start,
        # many are, once. Neither is worth waiting for: a busy catalogue or a
        # store one may only read leaves them for the next look.
        unfinished = index.ids_of(UNFINISHED)
        stale_list = self.index.unfinished() != unfinished
        restamp = len(restamped) >= _RESTAMP_FROM
        if stale_list or restamp:
            with contextlib.suppress(StoreError, OSError), self.catalogue.writing(wait=0.2):
                if stale_list:
                    self.index.note_unfinished(unfinished)
                if restamp:
                    self.index.put(restamped, before)
        return index

    def _remade(self, meeting_id: str) -> Summary | None:
        """A meeting's summary from its file, for an index row found bad when
        read (`rows.Rows`); None if the file does not read either."""
        try:
            st = self._file(meeting_id).stat()
            summary = Summary.of(self._read(meeting_id), st.st_mtime_ns, st.st_size)
        except (StoreError, OSError):
            return None
        self.index.mend(summary)  # and its index file mended with its next change
        return summary

    def _adopt_organ(self, meeting: Meeting) -> None:
        """A meeting whose organ is not in the catalogue still names one."""
        if meeting.organ_id not in self._organs:
            organ = Organ(
                id=meeting.organ_id, name=meeting.organ, organisation=meeting.organisation
            )
            self._organs[organ.id] = organ
            if self.catalogue_ok:
                self.catalogue.put_organ(organ)

    def _read(self, meeting_id: str) -> Meeting:
        return read_meeting(self._file(meeting_id), meeting_id)

    def _write(
        self, meeting: Meeting, guard: contextlib.AbstractContextManager | None = None
    ) -> None:
        self._write_snapshot(to_dict(meeting), Summary.of(meeting), guard)

    def _write_snapshot(
        self, doc: dict, summary: Summary, guard: contextlib.AbstractContextManager | None = None
    ) -> None:
        """Write a meeting document made earlier (perhaps on another thread).

        `guard` is entered around the file's rename: the ownership check.
        """
        path = self._file(summary.id)
        # The whole document in one atomic write, in TinyDB's layout: never a
        # file that holds less than a meeting (TinyDB's upsert wrote an empty
        # table first, which a full disk left behind).
        old = self._row_of(summary)
        storage.atomic_write(path, encode({"meeting": {"1": doc}}), guard)
        st = path.stat()
        summary.mtime_ns, summary.size = st.st_mtime_ns, st.st_size
        with self._looking:  # after a look-over running now, or into its result
            rows = self._written if self._looked_over is None else self._looked_over
            rows[summary.id] = summary
        # The index is rewritten only when what it shows changed, so that
        # typing into a § writes one small file; and then only the meeting's
        # organ-year.
        if old is None or not old.same_content(summary):
            with self.catalogue.writing():
                self.index.put([summary], {summary.id: old} if old else None)

    def _row_of(self, summary: Summary) -> Summary | None:
        """What the index says of a meeting about to be written: from its
        organ's index files when they agree with its file (a command on one
        meeting, before any look over every meeting), else from that look."""
        with self._looking:
            if self._looked_over is None:
                if summary.id in self._written:
                    return self._written[summary.id]
                found = self._row_alone(summary)
                if found is not _UNSURE:
                    return found  # type: ignore[return-value]
        return self._index.get(summary.id)

    def _row_alone(self, summary: Summary) -> Summary | None | object:
        """The meeting's one row in its organ's index files if its file agrees
        with it (the same stamp, or read now and the same content); None for a
        new meeting, with neither file nor row. `_UNSURE` for anything else (no
        row or two, a file that does not read, a meeting moved to another
        organ): the look over every meeting decides those."""
        try:
            st = self._file(summary.id).stat()
        except FileNotFoundError:
            # A new meeting (created, imported): its ids are new, so only the
            # file of its organ and year is read, not the organ's every year
            # (a third of the archive's rows at 10,000 meetings, 19 ms a meeting).
            year = [key_of(summary)[1]]
            same = self.index.rows(Summary, summary.organ_id, year)
            return _UNSURE if any(s.id == summary.id for s in same) else None
        rows = [s for s in self.index.rows(Summary, summary.organ_id) if s.id == summary.id]
        if len(rows) != 1:
            return _UNSURE
        row = rows[0]
        if (row.mtime_ns, row.size) == (st.st_mtime_ns, st.st_size):
            return row
        try:  # saved since its row was written (text typed): the look-over's test
            same = row.same_content(Summary.of(self._read(summary.id)))
        except StoreError:
            return _UNSURE
        return row if same else _UNSURE

    # --- organs ------------------------------------------------------------

    def organs(self) -> list[Organ]:
        return sorted(self._organs.values(), key=lambda o: (o.organisation, o.name))

    def organ(self, organ_id: str) -> Organ:
        try:
            return self._organs[organ_id]
        except KeyError:
            raise StoreError("unknown_organ", organ=organ_id) from None

    def organ_on_disk(self, organ_id: str) -> Organ:
        """The organ as the catalogue holds it now, taken into the one this store
        holds (changed in place, so every holder sees it): another process, a
        command such as `organ edit --add-member`, may have changed it since."""
        organ = self.organ(organ_id)
        if self.catalogue_ok:
            with contextlib.suppress(StoreError):
                found = self.catalogue.organ(organ_id)
                if found is not None:
                    organ.__dict__.update(found.__dict__)
        return organ

    def save_organ(self, organ: Organ) -> Organ:
        if not self.catalogue_ok:
            raise StoreError("catalogue_damaged", path=self.catalogue.path)
        ids.checked(organ.id)  # it names the draft of its form
        clean_all(organ)  # whichever door its texts came in by
        self.catalogue.put_organ(organ)
        self._organs[organ.id] = organ
        return organ

    def organ_like(self, organ: Organ, same: Callable[[Organ], bool]) -> Organ:
        """The organ for which `same` holds, looked for on disk, or `organ`, added.

        Two processes importing into a new organ at once make one organ.
        """
        if not self.catalogue_ok:
            raise StoreError("catalogue_damaged", path=self.catalogue.path)
        ids.checked(organ.id)
        found = self.catalogue.organ_like(organ, same)
        self._organs[found.id] = found
        return found

    def add_organ(
        self,
        name: str,
        organisation: str,
        numbering: str = "year",
        roster: Iterable[Person] = (),
        organ_id: str | None = None,
        **settings: object,
    ) -> Organ:
        organ = Organ(
            id=organ_id or new_id(),
            name=name,
            organisation=organisation,
            numbering=numbering,
            # Copies: the caller's Person objects are theirs, the organ's are the store's.
            roster=[dataclasses.replace(p) for p in roster],
            **settings,  # type: ignore[arg-type]
        )
        self.save_organ(organ)
        happened(self, "organ_added", organ_id=organ.id)
        return organ

    # --- meetings ----------------------------------------------------------

    def stop(self) -> None:
        """The program is ending: a look over every meeting, here or in another
        thread, gives up at its next file (`Stopped`), as does the derived
        database's build at its next batch. Saves go on as before."""
        self.stopping.set()

    def refresh(self) -> None:
        """See organs and meetings other processes added, changed or removed since."""
        if self.catalogue_ok:
            with contextlib.suppress(StoreError):
                self._organs.update({o.id: o for o in self.catalogue.organs()})
        fresh = self._known()
        # What the index files say now, over what this process had (its own
        # summaries of meetings they do not name: new files, written here).
        for meeting_id, summary in self._index.made().items():
            if meeting_id not in fresh:
                fresh[meeting_id] = summary
        self._index = self._scan(fresh)

    def by_id(self) -> Mapping[str, Summary]:
        """Every readable meeting's summary by id, in no order (nothing sorted:
        for comparing stamps across the archive)."""
        return MappingProxyType(self._index)

    def has(self, meeting_id: str) -> bool:
        """Whether a readable meeting of this id is in the store (no prefixes)."""
        return meeting_id in self._index

    def summaries(self, statuses: Container[str] | None = None) -> list[Summary]:
        """Every readable meeting (of these statuses only, if given), newest first.

        Filtered before sorting: the start looks for the meetings in progress
        among 10,000, and sorting them all took 10 ms of it.
        """
        index = self._index
        rows = index.values() if statuses is None else index.where(statuses)
        return sorted(rows, key=numbering.chronological, reverse=True)

    def stamps(self) -> list[tuple[str, int, int]]:
        """(id, mtime_ns, size) of every readable meeting, in order of id, as the
        look over every meeting found them (and this process's saves since):
        for the derived database's check, without a summary of each."""
        return self._index.stamps()

    def newest_first(
        self, organ_id: str, before: tuple[str, str, str, str] | None = None
    ) -> Iterator[Summary]:
        """One organ's readable meetings, newest first (of those before `before`
        in `numbering.chronological` order, if given), each summary made as it
        is reached (the previous protocol is one of the latest)."""
        return self._index.newest_first(organ_id, before)

    def unfinished(self, statuses: Container[str] = UNFINISHED) -> list[Summary]:
        """The drafts and meetings in progress (of `statuses`, among those),
        newest first, as `summaries(statuses)` gives them; without looking over
        every meeting when the index can say which."""
        found = self.unfinished_at_once(statuses)
        return self.summaries(statuses) if found is None else found

    def unfinished_at_once(
        self, statuses: Container[str] = UNFINISHED, look_up_to: int = 0
    ) -> list[Summary] | None:
        """`unfinished`, or None when only the look over every meeting can say
        (a store with no index files yet, copied or from an earlier version:
        20 s at 10,000 meetings, not for a screen's thread); a store of at most
        `look_up_to` meeting files is looked over at once all the same."""
        if self._looked_over is not None:
            return self.summaries(statuses)
        listed = self.index.unfinished()
        if listed is None:
            if len(self._names()) <= look_up_to:
                return self.summaries(statuses)
            return None
        found = []
        for meeting_id in listed:
            try:
                # Stamped before it is read, as the look-over does: a save in
                # between leaves an older stamp, never newer text unstamped.
                st = self._file(meeting_id).stat()
                meeting = self._read(meeting_id)  # as it is now, not as listed
            except (StoreError, OSError):
                continue  # reported when the store is looked over
            if meeting.status in statuses:
                found.append(Summary.of(meeting, st.st_mtime_ns, st.st_size))
        return sorted(found, key=numbering.chronological, reverse=True)

    def resolve(self, ref: str) -> str:
        """A meeting id from an id or a unique prefix of one."""
        ref = ref.strip()
        if self._looked_over is None:
            # A command on one meeting: the names of the files, not a look at
            # each (a file that does not read says so when it is loaded).
            if ids.valid(ref) and self._file(ref).is_file():
                return ref
            known: Iterable[str] = self._names() if ref else ()
        elif ref in self._looked_over:
            return ref
        else:
            # A file that does not read is still a meeting's: named, its load
            # says what is wrong with it, not that there is no such meeting.
            known = [*self._looked_over, *self._damaged] if ref else ()
        matches = sorted(i for i in known if i.startswith(ref))
        day = _DAY.fullmatch(ref)
        if not matches and day:
            # `2025-02-13`, the date as `list` prints it: the ids begin `20250213`.
            matches = sorted(i for i in known if i.startswith("".join(day.groups())))
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise StoreError("unknown_meeting", meeting=ref)
        raise StoreError("ambiguous_meeting", meeting=ref, matches=", ".join(matches[:5]))

    def _names(self) -> list[str]:
        """The ids the meeting files are named by (the files not looked at)."""
        valid = ids.PATTERN.fullmatch
        found = (n[:-5] for n in os.listdir(self.meetings_dir) if n.endswith(".json"))
        return [i for i in found if valid(i) is not None]

    def load(self, meeting_id: str) -> Meeting:
        """A meeting to read; changes to it are not saved."""
        session = self._sessions.get(meeting_id)
        if session is not None:
            return session.meeting
        return self._read(self.resolve(meeting_id))

    def open(self, meeting_id: str) -> MeetingSession:
        """A meeting to work on: writable if no other process holds it."""
        meeting_id = self.resolve(meeting_id)
        try:
            claim = self._claim(meeting_id)
        except OSError as exc:
            if exc.errno not in CANNOT_WRITE:
                raise StoreError(
                    "lock_failed", meeting=meeting_id, path=self.locks_dir, detail=os_detail(exc)
                ) from None
            # A store one may only read (a read-only mount, another user's
            # files): the meeting to read, and why it is read-only.
            claim = LockedError(
                "store_read_only", meeting=meeting_id, path=self.path, detail=os_detail(exc)
            )
        try:
            meeting = self._read(meeting_id)
        except StoreError:
            if isinstance(claim, Ownership):
                claim.release()
            raise
        # Held on another computer only while it is being written there: one
        # closed there had stayed "in progress on chef-dator" here, refusing a
        # reopening, until that application quit and synced (a trial).
        elsewhere = None
        if meeting.status in UNFINISHED:
            elsewhere = presence.held_elsewhere(self.path, meeting_id)
        if isinstance(claim, Ownership) and elsewhere is not None:
            claim.release()  # in progress on another computer (sync): read-only here
            claim = elsewhere
        if isinstance(claim, Ownership):
            session = MeetingSession(self, meeting, claim, None)
            self._sessions[meeting_id] = session
            return session
        return MeetingSession(self, meeting, None, claim)

    # --- who holds a meeting, and taking it over ---------------------------

    def _lock_file(self, meeting_id: str, kind: str) -> Path:
        return self.locks_dir / f"{meeting_id}.{kind}"

    def _claim(self, meeting_id: str) -> Ownership | LockedError:
        """Become the meeting's writer, or say who is.

        The owner file is the word while its owner lives: one that took the
        meeting over holds no flock (the stopped holder still has it), yet
        holds the meeting. Otherwise the flock decides, as it always did.
        """
        flock = FileLock(self._lock_file(meeting_id, "lock"))
        owner_path = self._lock_file(meeting_id, "owner")
        with briefly(self._lock_file(meeting_id, "write")) as got:
            record = read_owner(owner_path)
            if record is not None and not record.flock and record.alive():
                return LockedError("locked", meeting=meeting_id, holder=record.describe())
            if not got or not flock.acquire():
                known = record is not None and record.flock and record.alive()
                holder = record.describe() if known else flock.holder()  # type: ignore[union-attr]
                return LockedError("locked", meeting=meeting_id, holder=holder)
            owner = Owner.me(flock=True)
            try:
                # Who, for people; and the record itself, for a taker whose own
                # record of this holder is gone (lock.owner_from_lock_text).
                flock.write_holder(f"{owner.describe()}\n{owner_json(owner)}")
                write_owner(owner_path, owner)
            except (OSError, StoreError):
                flock.release()
                raise
            return Ownership(self.locks_dir, meeting_id, owner, flock)

    def _holder(self, meeting_id: str) -> tuple[HolderState, Owner | None]:
        """Who holds the meeting (call with <id>.write held)."""
        record = read_owner(self._lock_file(meeting_id, "owner"))
        if record is not None and not record.flock and record.alive():
            holder: Owner | None = record  # took it over; the flock says nothing of it
        else:
            probe = FileLock(self._lock_file(meeting_id, "lock"))
            if probe.acquire():
                probe.release(clear=False)
                return HolderState(held=False), None
            if record is not None and record.flock and record.alive():
                holder = record
            else:
                holder = owner_from_lock_text(probe.holder(whole=True))
        if holder is None:
            return HolderState(held=True, reason="cannot_tell", who=probe.holder()), None
        return judge(holder, proc(holder.pid), platform.user_id(), socket.gethostname()), holder

    def holder_state(self, meeting_id: str) -> HolderState:
        """Who holds the meeting for writing, and whether they answer."""
        meeting_id = self.resolve(meeting_id)
        with briefly(self._lock_file(meeting_id, "write"), 0.5) as got:
            if not got:
                return HolderState(held=True, reason="busy")
            return self._holder(meeting_id)[0]

    def take_over(self, meeting_id: str) -> MeetingSession:
        """The meeting for writing, taken from a holder of this user that no longer answers.

        Keeps what the holder last saved (the file is read afresh) and makes
        this process the owner; the holder, should it wake, finds itself
        read-only and writes nothing. A holder that answers, or another
        user's, is not taken from: a one-line StoreError says why.
        """
        meeting_id = self.resolve(meeting_id)
        owner_path = self._lock_file(meeting_id, "owner")
        with briefly(self._lock_file(meeting_id, "write")) as got:
            if not got:
                raise StoreError("takeover_busy", meeting=meeting_id)
            state, holder = self._holder(meeting_id)
            if state.held:
                if not state.same_host:
                    raise StoreError("takeover_other_host", meeting=meeting_id, holder=state.who)
                if not state.same_user:
                    raise StoreError("takeover_other_user", meeting=meeting_id, holder=state.who)
                if state.answering:
                    unknown = state.reason == "cannot_tell"
                    key = "takeover_cannot_tell" if unknown else "takeover_answering"
                    raise StoreError(key, meeting=meeting_id, holder=state.who)
                meeting = self._read(meeting_id)  # what the holder last saved
                me = Owner.me(flock=False, taken_from=state.pid)
                write_owner(owner_path, me)
                session = MeetingSession(
                    self, meeting, Ownership(self.locks_dir, meeting_id, me, None), None
                )
                self._sessions[meeting_id] = session
                return session
        if presence.held_elsewhere(self.path, meeting_id) is not None:
            presence.take(self.path, meeting_id)  # taken over from another computer
        # Nobody holds it (the holder has gone meanwhile): an ordinary open.
        return self.open(meeting_id)

    def create_meeting(
        self,
        organ_id: str,
        date: str,
        kind: str = "protokoll",
        start: str = "",
        place: str | None = None,
        agenda: Iterable[str] | None = None,
        meeting_id: str | None = None,
        created: str | None = None,
        number_from: int | None = None,
    ) -> MeetingSession:
        # Its roster as it is now, not as this process read it at its start.
        organ = self.organ_on_disk(organ_id)
        meeting_id = meeting_id or f"{date.replace('-', '')}-{new_id(3)}"
        # Only the members in term that day: one who has left is not put on a
        # new meeting, and the meetings of their term keep their own copies.
        attendees = [roster.as_attendee(p) for p in organ.roster if roster.in_term(p, date)]
        titles = organ.agenda_template if agenda is None else list(agenda)
        meeting = Meeting(
            id=meeting_id,
            organ_id=organ.id,
            organ=organ.name,
            organisation=organ.organisation,
            date=date,
            kind=kind,
            start=start,
            place=organ.place if place is None else place,
            attendees=attendees,
            agenda=agenda_items(titles),
            created=created or _now(),
            number_from=number_from,
            rules=dataclasses.replace(organ.rules),
        )
        self._room_for_numbers(meeting)
        claim = self._claim(meeting_id)
        if not isinstance(claim, Ownership):
            raise claim
        session = MeetingSession(self, meeting, claim, None)
        self._sessions[meeting_id] = session
        try:
            self._write(meeting)
        except StoreError:
            session.close()
            raise
        if meeting.place and meeting.place != organ.place and self.catalogue_ok:
            # The place is remembered on the organ as it is on disk: the copy
            # read at start, saved whole, had dropped members added meanwhile
            # from the command line (a trial). A convenience: a busy catalogue
            # leaves it for the next meeting.
            with contextlib.suppress(StoreError):
                verbs.change_organ(
                    self, organ.id, functools.partial(verbs.edit_organ, place=meeting.place)
                )
        happened(self, "created", meeting.id)
        return session

    def _room_for_numbers(self, meeting: Meeting) -> None:
        """Refuse a new meeting whose first § could get no number: dated before a
        closed or adjusted protocol of its series that follows on at once. Made
        all the same, it took no § ever and was resumed at every start (a trial)."""
        if not meeting.numbered or meeting.number_from is not None:
            return
        probe = dataclasses.replace(meeting, paragraphs=[Paragraph(new_id(), "", 1)])
        with self.catalogue.writing():
            rows = self._numbering_rows(probe, None)
            scope = self.scope_of(probe.organ_id, probe.date, probe.id)
            try:
                numbering.plan(self._slots(probe, scope, rows))
            except StoreError as exc:
                held = rows.get(exc.params.get("meeting", ""))
                if exc.key == "collision" and held is not None:
                    key = "no_room_closed" if held.status == "closed" else "no_room_fixed"
                    raise StoreError(key, **exc.params) from None
                raise

    def put_meeting(
        self, meeting: Meeting, source: Path | None = None, check: Callable[[], None] | None = None
    ) -> None:
        """Write a whole meeting as it is (import); refuses one already here.

        Decided and written under the catalogue's lock, from the numbers on
        disk at that moment: nothing is written unless all of it can be (a
        clash, a copy of an adjusted protocol or a later meeting held by
        another process refuses the import before any file changes). `check`
        runs there too, once the organ's rows on disk are read, and refuses
        the meeting by raising (the importer's test for the same meeting).
        """
        ids.checked(meeting.id)
        ids.checked(meeting.organ_id)
        named = source or self._file(meeting.id)
        with self.catalogue.writing():
            rows = self._numbering_rows(meeting, None)
            if meeting.id in rows or self._file(meeting.id).exists():
                raise StoreError("already_imported", path=named, meeting=meeting.id)
            if check is not None:
                check()
            # Copies are looked for among all meetings: one filed under another
            # organ id of the same name is a copy too.
            # Only adjusted ones can be copies: no summary made of the others.
            adjusted = self._index.where(("adjusted",))
            self._refuse_copy(meeting, itertools.chain(rows.values(), adjusted), named)
            if not meeting.numbered:
                self._write(meeting)
                happened(self, "imported", meeting.id)
                return
            self._refuse_overlap(meeting, rows, named)
            self._pin_numbers(meeting, rows)
            claim = self._claim(meeting.id)
            if not isinstance(claim, Ownership):
                raise claim
            try:
                # Written as it is, adjusted or not: no session's rules apply.
                self._renumber(meeting, rows, lambda: self._write(meeting, claim.writing()))
            finally:
                claim.release()
        happened(self, "imported", meeting.id)

    def _refuse_copy(self, meeting: Meeting, summaries: Iterable[Summary], named: Path) -> None:
        """Refuse another version of an adjusted protocol: same organ, day and §§."""
        numbers = set(meeting.numbers())
        for s in summaries:
            if s.status != "adjusted" or s.date != meeting.date or s.kind != meeting.kind:
                continue
            if (s.organ_id != meeting.organ_id) and (
                (s.organ, s.organisation) != (meeting.organ, meeting.organisation)
            ):
                continue
            theirs = set(range(s.first, (s.last or s.first) + 1)) if s.first else set()
            if numbers & theirs or (not numbers and not theirs):
                raise adjusted_copy(s, named)

    def _refuse_overlap(self, meeting: Meeting, rows: dict[str, Summary], named: Path) -> None:
        """An imported meeting's §§ must not be in use in its sequence already.

        A free meeting after it moves on (renumbering); one before it cannot
        move back, and a fixed or unreadable one never moves: the message
        names that meeting.
        """
        if not meeting.numbers():
            return
        first = min(meeting.numbers())
        last = max(meeting.numbers())
        scope = self.scope_of(meeting.organ_id, meeting.date, meeting.id)
        mine = numbering.chronological(meeting)
        for s in rows.values():
            if s.first is None or s.kind not in NUMBERED_KINDS:
                continue
            if self.scope_of(s.organ_id, s.date, s.id) != scope:
                continue
            if _fixed(s) and meeting.fixed_numbers and s.id not in self._damaged:
                continue  # two documents that say so (an organ numbering per meeting)
            later = numbering.chronological(s) > mine
            moves = not _fixed(s) and s.id not in self._damaged and later
            their_last = s.last if s.last is not None else s.first
            if not moves and s.first <= last and their_last >= first:
                raise StoreError(
                    "import_overlap",
                    path=named,
                    number=max(first, s.first),
                    meeting=s.id,
                    date=s.date,
                    span=numbering.span(s.first, s.last),
                )

    def _pin_numbers(self, meeting: Meeting, rows: dict[str, Summary]) -> None:
        """An imported meeting that is not fixed keeps the numbers it came with.

        Where they do not follow on from the meetings before it (the store
        begins mid-year, or has a gap), its first number is kept as its
        `number_from`, as for a store begun mid-year; meetings after it follow.
        """
        # Closed, it is fixed now, but its numbers move once it is reopened:
        # from where it began, then, not from § 1.
        fixed = meeting.status == "adjusted" or meeting.imported
        if fixed or not meeting.numbers() or meeting.number_from is not None:
            return
        scope = self.scope_of(meeting.organ_id, meeting.date, meeting.id)
        planned = numbering.plan(self._slots(meeting, scope, rows)).get(meeting.id)
        if planned != min(meeting.numbers()):
            meeting.number_from = min(meeting.numbers())

    # --- numbering ---------------------------------------------------------

    def _numbering_rows(
        self, meeting: Meeting, old_scope: tuple[str, str] | None
    ) -> dict[str, Summary]:
        """The numbers of the meeting's organ as the disk has them now (under
        the catalogue lock): the organ-years its scopes cover, or all its years.

        Every process writes its index rows under the same lock, so they hold
        what the others last decided, also for a meeting whose file has since
        been damaged (its §§ stay reserved until it is repaired). A file copied
        in by hand is seen when the store next opens.
        """
        scopes = [self.scope_of(meeting.organ_id, meeting.date, meeting.id)]
        if old_scope:
            scopes.append(old_scope)
        years = {y for _, y in scopes}
        read = years if all(len(y) == 4 and y.isdigit() for y in years) else None
        rows = {s.id: s for s in self.index.rows(Summary, meeting.organ_id, read)}
        # What other processes did, seen here too (a list, a stale screen). This
        # asks for the look over every meeting, if none was made yet: a file
        # damaged or copied in by hand keeps or takes its numbers (`_damaged`,
        # and its row written), also for a command on one meeting.
        for meeting_id, row in rows.items():
            if meeting_id not in self._damaged and meeting_id not in self._sessions:
                self._index[meeting_id] = row
        return rows

    def _slot(self, s: Summary | Meeting) -> numbering.Slot:
        if isinstance(s, Meeting):
            s = Summary.of(s)
        return numbering.Slot(
            id=s.id,
            organ_id=s.organ_id,
            date=s.date,
            start=s.start,
            created=s.created,
            count=s.count,
            fixed=_fixed(s) or s.id in self._damaged,
            first=s.first,
            last=s.last,
            number_from=s.number_from,
        )

    def scope_of(self, organ_id: str, date: str, meeting_id: str) -> tuple[str, str]:
        """The numbering scope a meeting of this organ on `date` falls in."""
        organ = self._organs.get(organ_id)
        policy = organ.numbering if organ else "year"
        return numbering.scope_key(policy, organ_id, date, meeting_id)

    def _slots(
        self, meeting: Meeting, scope: tuple[str, str], rows: dict[str, Summary]
    ) -> list[numbering.Slot]:
        """The meetings of one numbering scope, `meeting` as it is in memory."""
        slots = [self._slot(meeting)]
        for s in rows.values():
            if s.id == meeting.id or s.kind not in NUMBERED_KINDS:
                continue
            if self.scope_of(s.organ_id, s.date, s.id) == scope:
                slots.append(self._slot(s))
        return [x for x in slots if self.scope_of(x.organ_id, x.date, x.id) == scope]

    def renumber(self, session: MeetingSession, old_scope: tuple[str, str] | None = None) -> None:
        """Give every § in the session's scope its number after a change, and save.

        Decided from the numbers on disk, under the catalogue's lock, and
        written before the lock is let go: no other process, however stale
        its view, can give out the same numbers meanwhile.
        """
        meeting = session.meeting
        if not meeting.numbered:
            for p in meeting.paragraphs:
                p.number = None
            return
        with self.catalogue.writing():
            rows = self._numbering_rows(meeting, old_scope)
            if session.lost():  # taken over: its numbers are no longer its to give
                raise session.notice  # type: ignore[misc]
            self._renumber(meeting, rows, session.save, old_scope)

    def _renumber(
        self,
        meeting: Meeting,
        rows: dict[str, Summary],
        write: Callable[[], None],
        old_scope: tuple[str, str] | None = None,
    ) -> None:
        """Plan first, then take the locks of every other meeting whose numbers
        move, and only then change and write anything (`write` writes
        `meeting`): a refusal leaves all as it was."""
        scopes = {self.scope_of(meeting.organ_id, meeting.date, meeting.id)}
        if old_scope:
            scopes.add(old_scope)
        plans: dict[str, int] = {}
        for scope in scopes:
            try:
                plans.update(numbering.plan(self._slots(meeting, scope, rows)))
            except StoreError as exc:
                held = rows.get(exc.params.get("meeting", ""))
                if exc.key == "collision" and held is not None and held.status == "closed":
                    raise StoreError("collision_closed", **exc.params) from None
                if exc.key == "collision" and held is not None and held.status != "adjusted":
                    raise StoreError("collision_fixed", **exc.params) from None
                raise
        # Each other meeting to write, with how it is written: through the
        # session open here, or under an ownership claimed for the change.
        others: list[tuple[Meeting, MeetingSession | Ownership]] = []
        try:
            for other_id, first in plans.items():
                if other_id == meeting.id:
                    continue
                s = rows[other_id]
                if s.count == 0 or s.first == first:
                    continue
                open_here = self._sessions.get(other_id)
                if open_here is not None and not open_here.read_only and not open_here.lost():
                    others.append((open_here.meeting, open_here))
                    continue
                claim = self._claim(other_id)
                if not isinstance(claim, Ownership):
                    holder = claim.params["holder"]
                    raise StoreError("busy_elsewhere", meeting=other_id, holder=holder)
                others.append((self._read(other_id), claim))
            # A § adjusted at once is signed with its number: nothing moves it.
            for m, first in [
                (meeting, plans.get(meeting.id)),
                *[(o, plans[o.id]) for o, _ in others],
            ]:
                if first is not None:
                    _keep_immediate(m, first)
            if meeting.id in plans:
                _number(meeting, plans[meeting.id])
            for other, how in others:
                _number(other, plans[other.id])
                if isinstance(how, MeetingSession):
                    self._write(other, how._owned())
                    continue
                try:
                    self._write(other, how.writing())
                except (Lost, Busy) as exc:
                    who = exc.owner.describe() if isinstance(exc, Lost) else "?"
                    raise StoreError("busy_elsewhere", meeting=other.id, holder=who) from None
            write()
        finally:
            for _other, how in others:
                if isinstance(how, Ownership):
                    how.release()


def _keep_immediate(meeting: Meeting, first: int) -> None:
    """Refuse numbers that would move a § adjusted at once (omedelbar justering)."""
    for i, p in enumerate(meeting.paragraphs):
        if p.immediate and p.number is not None and p.number != first + i:
            raise StoreError("immediate_moves", number=p.number, meeting=meeting.id)


def _number(meeting: Meeting, first: int) -> None:
    for i, p in enumerate(meeting.paragraphs):
        p.number = first + i


class MeetingSession:
    """A meeting opened for work. Writable while this process owns it.

    `lock` is the ownership (None when another process holds the meeting);
    every write checks, right before writing, that the meeting has not been
    taken over since, and a session that was becomes read-only for good.
    """

    def __init__(
        self, store: Store, meeting: Meeting, lock: Ownership | None, notice: StoreError | None
    ) -> None:
        self.store = store
        self.meeting = meeting
        self.lock = lock
        self._write_lock = threading.Lock()
        self._taken = 0  # snapshots and saves handed out, in order
        self._written = 0  # the latest of them on disk
        # Why the meeting is read-only, when it is.
        self.notice = notice
        if notice is None and meeting.status == "adjusted":
            self.notice = StoreError("adjusted", meeting=meeting.id)

    @property
    def read_only(self) -> bool:
        return self.notice is not None

    def _check(self) -> None:
        if self.notice is not None:
            if self.notice.key in ("adjusted", "taken_over", "taken_over_unknown"):
                raise self.notice
            raise StoreError("read_only", meeting=self.meeting.id)

    # --- ownership ------------------------------------------------------------

    @contextlib.contextmanager
    def _owned(self) -> Iterator[None]:
        """Around a write's rename: only while the meeting is still ours, under its write lock."""
        if self.lock is None:
            raise self.notice or StoreError("read_only", meeting=self.meeting.id)
        try:
            with self.lock.writing():
                yield
        except Lost as exc:
            raise self._taken_over(exc.owner) from None
        except Busy:
            raise StoreError("write_busy", meeting=self.meeting.id) from None

    def _taken_over(self, owner: Owner) -> StoreError:
        """Become read-only for good: another process writes the meeting now."""
        if self.notice is None or not self.notice.key.startswith("taken_over"):
            when = owner.since.replace("T", " ")[:16]
            if when.startswith(dt.date.today().isoformat()):
                when = when[11:]  # today: the time says it
            if owner.pid and when:
                self.notice = StoreError(
                    "taken_over", meeting=self.meeting.id, pid=owner.pid, time=when
                )
            else:  # its owner file was removed: someone else's now, unknown whose
                self.notice = StoreError("taken_over_unknown", meeting=self.meeting.id)
        # Called from the writer thread too: the lock is read once.
        lock, self.lock = self.lock, None
        if lock is not None:
            lock.let_go()
            self.store._sessions.pop(self.meeting.id, None)
        return self.notice

    def lost(self) -> bool:
        """Whether another process has taken the meeting over; if so this turns read-only.

        Cheap (one small file read), for a screen to ask twice a second, so
        that a holder woken after a take-over learns of it before typing on.
        """
        lock = self.lock  # the writer thread may drop it meanwhile
        if lock is None:
            return self.notice is not None and self.notice.key.startswith("taken_over")
        record = lock.current()
        if record is None:
            return False
        self._taken_over(record)
        return True

    # --- writing --------------------------------------------------------------

    def save(self) -> None:
        self._check()
        self._taken += 1
        taken = self._taken
        with self._write_lock:
            self.store._write(self.meeting, self._owned())
            self._written = max(self._written, taken)

    def snapshot(self) -> tuple[dict, Summary, int]:
        """The meeting as it is now, to be written later by `write_snapshot`.

        Taken on the thread that changes the meeting, so that a writer thread
        never reads an object that is being changed.
        """
        self._check()
        self._taken += 1
        return to_dict(self.meeting), Summary.of(self.meeting), self._taken

    def write_snapshot(self, snapshot: tuple[dict, Summary, int]) -> None:
        """Write a snapshot; safe to call from a writer thread.

        A snapshot older than what is already on disk is dropped, so a slow
        writer never puts back an earlier state over a later save.
        """
        doc, summary, taken = snapshot
        with self._write_lock:
            if taken <= self._written:
                return
            self.store._write_snapshot(doc, summary, self._owned())
            self._written = taken

    # --- what may be added after adjustment ---------------------------------

    def _amend(self) -> None:
        """Write an adjusted meeting whose only change is a rättelse, its anslag date or a mask."""
        if self.lock is None:  # another process holds it
            raise self.notice or StoreError("read_only", meeting=self.meeting.id)
        if self.meeting.status != "adjusted":
            raise StoreError("not_adjusted", meeting=self.meeting.id)
        self._taken += 1
        with self._write_lock:
            self.store._write(self.meeting, self._owned())
            self._written = max(self._written, self._taken)

    def _save_or_amend(self) -> None:
        """Written as what may change after adjustment (`_amend`) once adjusted,
        as any change before."""
        if self.meeting.status == "adjusted":
            self._amend()
        else:
            self.save()

    def add_correction(self, correction: Correction) -> None:
        """A dated rättelse, shown with the protocol; the adjusted text stays as it was."""
        self.meeting.corrections.append(correction)
        try:
            self._amend()
        except StoreError:
            self.meeting.corrections.pop()
            raise
        happened(self.store, "corrected", self.meeting.id)

    def set_posted(self, date: str) -> None:
        """The day the adjustment was announced by anslag."""
        before, self.meeting.posted = self.meeting.posted, date
        try:
            self._amend()
        except StoreError:
            self.meeting.posted = before
            raise
        happened(self.store, "posted", self.meeting.id)

    def set_immediate_posted(self, date: str) -> None:
        """The day the §§ adjusted at once were announced by their own anslag:
        written at once, whatever the meeting's status (it comes right after
        the meeting, as a rule before the rest is adjusted)."""
        before, self.meeting.immediate_posted = self.meeting.immediate_posted, date
        try:
            self._save_or_amend()
        except StoreError:
            self.meeting.immediate_posted = before
            raise
        happened(self.store, "posted", self.meeting.id)

    def set_masked(self, number: int, reason: str) -> None:
        """Mask a § in the publication copy (reason "": show it again).

        Allowed after adjustment too: what is published is decided later,
        and the adjusted text itself does not change.
        """
        p = next((x for x in self.meeting.paragraphs if x.number == number), None)
        if p is None:
            raise StoreError("unknown_paragraph", paragraph=number)
        before, p.masked = p.masked, " ".join(reason.split())
        try:
            self._save_or_amend()
        except StoreError:
            p.masked = before
            raise
        happened(self.store, "masked" if p.masked else "unmasked", self.meeting.id)

    def close(self) -> None:
        """Release the meeting; the caller saves first if it changed it."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
            self.store._sessions.pop(self.meeting.id, None)
        if self.notice is None:
            self.notice = StoreError("read_only", meeting=self.meeting.id)

    def __del__(self) -> None:
        lock = getattr(self, "lock", None)
        if lock is not None and not sys.is_finalizing():
            # (At the interpreter's end the system lets go of the process's
            # locks itself; releasing then failed on imports already gone.)
            # Not waiting long: a collector must not hang on a stopped process.
            lock.release(wait=0.2)

    # --- changes that move § numbers ---------------------------------------
    # The rules are the verbs'; these run one with no undo history, for
    # scripts and tests that work on a session directly.

    def editor(self, history: bool = True) -> Editor:
        """Runs verbs on this meeting; with `history`, one undo list shared with
        the application (STORE/history)."""
        kept = History(self.store.path, self.meeting.id) if history else None
        return Editor(self, history=kept)

    def add_paragraph(
        self,
        title: str,
        position: int | None = None,
        agenda_item: str | None = None,
        started: str = "",
        paragraph_id: str | None = None,
    ) -> Paragraph:
        """A new § at `position` (default: last), numbered by the store."""
        change = self.editor(history=False).do(
            verbs.add_paragraph,
            title,
            started=started,
            agenda_item=agenda_item,
            position=position,
            paragraph_id=paragraph_id,
        )
        return self.meeting.paragraph(change.paragraph)  # type: ignore[return-value]

    def delete_paragraph(self, paragraph_id: str) -> None:
        self.editor(history=False).do(verbs.delete_paragraph, paragraph_id)

    def move_paragraph(self, paragraph_id: str, position: int) -> None:
        self.editor(history=False).do(verbs.move_paragraph, paragraph_id, position)

    def set_date(self, date: str, start: str | None = None) -> None:
        """Move the meeting in time; its §s and later meetings' follow."""
        self.editor(history=False).do(verbs.set_details, date=date, start=start)

    def set_number_from(self, number: int | None) -> None:
        """The number of this meeting's first § (for a store begun mid-year)."""
        self._check()
        m = self.meeting
        old = m.number_from
        m.number_from = number
        try:
            self.store.renumber(self)
        except StoreError:
            m.number_from = old
            raise
        self.save()
