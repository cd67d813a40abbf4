"""Every meeting's index row as the look over the store left it, a summary made
of a row only when one is read.

The look over every meeting compares 10,000 stamps at every start; a
`Summary` made of each row (a quarter of that look) was mostly never read: a
start reads the meeting in progress, a listing a screenful. So a row is kept
in the first of three forms that serves:

- unread: its index file was not read at all, unchanged since the stamps
  file kept its ids, stamps and a few fields (`index_stamps`); the file is
  read when one of its rows is;
- raw: the list of values the index file holds (`catalogue.NAMES` order),
  unchecked;
- made: a `Summary`.

A row found bad when made (values of the wrong kinds, another meeting's id,
gone from its file: an index file edited by hand) is made again from its
meeting file by `remake`, as the look would have made it; one whose file
does not read either is left out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Container, Iterator, MutableMapping
from operator import itemgetter

from .catalogue import Summary
from .index_stamps import TEXT_FIELDS, Segment

NAMES = Summary.NAMES
_ID, _ORGAN, _DATE, _START, _STATUS, _CREATED, _MTIME, _SIZE = map(
    NAMES.index, ("id", "organ_id", "date", "start", "status", "created", "mtime_ns", "size")
)
_MTIMES, _SIZES = itemgetter(_MTIME), itemgetter(_SIZE)

Key = tuple[str, str]  # an index file: (organ folder, year)


def stamps_of(raw: dict[str, list]) -> tuple[dict[str, int], dict[str, int]]:
    """The mtime_ns and the size of raw rows by id, made in C; a row whose stamp
    is not two ints (an index file edited by hand) is taken out of `raw` and
    left out, so that its meeting is read again as one the index does not know."""
    values = raw.values()
    if not set(map(type, map(_MTIMES, values))) | set(map(type, map(_SIZES, values))) <= {int}:
        for i in [i for i, row in raw.items() if not type(row[_MTIME]) is type(row[_SIZE]) is int]:
            del raw[i]
    return dict(zip(raw, map(_MTIMES, values), strict=True)), dict(
        zip(raw, map(_SIZES, values), strict=True)
    )


class Rows(MutableMapping[str, Summary]):
    """Summaries by meeting id, each row unread, raw or made (above).

    Read and written from more than one thread (the application looks over the
    store on a worker while its screen reads it): one lock around each change
    and each copy of the keys.
    """

    def __init__(
        self,
        raw: dict[str, list],
        made: dict[str, Summary],
        remake: Callable[[str], Summary | None],
        unread: dict[Key, Segment] | None = None,
        read_file: Callable[[Key], dict[str, list] | None] | None = None,
    ) -> None:
        self._raw: dict[str, list | None] = raw  # type: ignore[assignment]
        self._made = made
        self._remake = remake
        self._read_file = read_file
        self._segments = unread or {}
        self._lock = threading.RLock()
        # Stamps of the rows not made, by id: the unread rows' as the stamps
        # file keeps them, and the raw rows' (a bad one left out) over those.
        self._mtime: dict[str, int] = {}
        self._size: dict[str, int] = {}
        self._unread: dict[str, Key] = {}
        for key, segment in self._segments.items():
            ids = segment.ids()
            self._unread.update(dict.fromkeys(ids, key))
            self._mtime.update(zip(ids, segment.mtimes, strict=True))
            self._size.update(zip(ids, segment.sizes, strict=True))
        raw_mtimes, raw_sizes = stamps_of(raw)
        self._mtime.update(raw_mtimes)
        self._size.update(raw_sizes)
        # One form a meeting: a row read or made wins over one kept unread.
        for meeting_id in (raw.keys() | made.keys()) & self._unread.keys():
            del self._unread[meeting_id]
        for meeting_id in raw.keys() & made.keys():
            del self._raw[meeting_id]

    # --- the stamps, for the look itself --------------------------------------

    def known_stamps(self) -> tuple[dict[str, int], dict[str, int]]:
        """mtime_ns and size of every row by id, as just read (new dicts, the
        caller's; asked of new rows only, before any is taken out)."""
        with self._lock:
            mtimes, sizes = dict(self._mtime), dict(self._size)
            for meeting_id, s in self._made.items():
                mtimes[meeting_id], sizes[meeting_id] = s.mtime_ns, s.size
        return mtimes, sizes

    def made(self) -> dict[str, Summary]:
        """The summaries made so far (a copy): this process's own among them."""
        with self._lock:
            return dict(self._made)

    def pop_row(self, meeting_id: str) -> Summary | None:
        """Take a meeting's row out; its summary as the index has it, or None
        (no row, or a bad one). Its meeting file is not read."""
        with self._lock:
            found = self._made.pop(meeting_id, None)
            if found is not None:
                return found
            if meeting_id in self._unread:
                self._read_rows(self._unread[meeting_id])
            row = self._raw.pop(meeting_id, None)
            return None if row is None else Summary.from_list(meeting_id, row)

    def _read_rows(self, key: Key) -> None:
        """An unread file's rows read now, raw (None where the file no longer
        holds one: made from its meeting file when read)."""
        segment = self._segments.pop(key, None)
        if segment is None:
            return
        rows = self._read_file(key) if self._read_file is not None else None
        rows = rows or {}
        unread = self._unread
        for meeting_id in segment.ids():  # its rows, not every unread one
            if unread.get(meeting_id) == key:
                del unread[meeting_id]
                self._raw[meeting_id] = rows.get(meeting_id)

    # --- the mapping ---------------------------------------------------------

    def __getitem__(self, meeting_id: str) -> Summary:
        found = self._made.get(meeting_id)
        if found is not None:
            return found
        with self._lock:
            found = self._made.get(meeting_id)
            if found is None:
                if meeting_id in self._unread:
                    self._read_rows(self._unread[meeting_id])
                row = self._raw[meeting_id]  # KeyError: not here
                found = None if row is None else Summary.from_list(meeting_id, row)
                found = found or self._remake(meeting_id)
                if found is not None:
                    self._made[meeting_id] = found  # made before the row goes: always one
                del self._raw[meeting_id]
            if found is None:
                raise KeyError(meeting_id)
            return found

    def __setitem__(self, meeting_id: str, summary: Summary) -> None:
        with self._lock:
            self._made[meeting_id] = summary
            self._raw.pop(meeting_id, None)
            self._unread.pop(meeting_id, None)

    def __delitem__(self, meeting_id: str) -> None:
        with self._lock:
            found = meeting_id in self
            self._made.pop(meeting_id, None)
            self._raw.pop(meeting_id, None)
            self._unread.pop(meeting_id, None)
            if not found:
                raise KeyError(meeting_id)

    def __contains__(self, meeting_id: object) -> bool:
        return meeting_id in self._made or meeting_id in self._raw or meeting_id in self._unread

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            keys = [*self._made, *self._raw, *self._unread]
        return iter(keys)

    def __len__(self) -> int:
        with self._lock:
            return len(self._made) + len(self._raw) + len(self._unread)

    def get(self, meeting_id: str, default: Summary | None = None) -> Summary | None:  # type: ignore[override]
        try:
            return self[meeting_id]
        except KeyError:
            return default

    def values(self) -> list[Summary]:  # type: ignore[override]
        """Every summary (each row made one now); a bad row whose file does not
        read is left out."""
        with self._lock:
            for key in list(self._segments):
                self._read_rows(key)
        return [s for s in map(self.get, list(self)) if s is not None]

    def items(self) -> list[tuple[str, Summary]]:  # type: ignore[override]
        return [(s.id, s) for s in self.values()]

    # --- what a start asks, without a summary of every row ---------------------

    def _unread_column(self, *fields: str, among: Container[str] = ()) -> list[tuple]:
        """(id, field...) of the unread rows, from the stamps file's columns; with
        `among`, only files whose first field holds one of these values (a
        substring test in C), not the hundred of them split."""
        found: list[tuple] = []
        unread = self._unread
        wanted = list(among) if isinstance(among, tuple | list | set | frozenset) else None
        at = TEXT_FIELDS.index(fields[0])
        for key, segment in self._segments.items():
            if wanted is not None and not any(v in segment.columns[at] for v in wanted):
                continue
            rows = zip(segment.ids(), *map(segment.column, fields), strict=True)
            found += [r for r in rows if unread.get(r[0]) == key]
        return found

    def _make_gone(self) -> None:
        """Make the summaries of rows gone from their file since the stamps file
        kept them (from their meeting files), so that what they say is known."""
        with self._lock:
            gone = [i for i, row in self._raw.items() if row is None]
        for meeting_id in gone:
            self.get(meeting_id)

    def _ids_of(self, statuses: Container[str]) -> list[str]:
        """The ids of the rows not made of these statuses (call with the lock)."""
        raw = [i for i, row in self._raw.items() if row is not None and row[_STATUS] in statuses]
        unread = [
            i for i, status in self._unread_column("status", among=statuses) if status in statuses
        ]
        return raw + unread

    def where(self, statuses: Container[str]) -> list[Summary]:
        """The summaries of meetings of these statuses, only those rows made."""
        self._make_gone()
        with self._lock:
            ids = self._ids_of(statuses)
            found = [s for s in self._made.values() if s.status in statuses]
        made = [s for s in map(self.get, ids) if s is not None]
        return found + [s for s in made if s.status in statuses]

    def ids_of(self, statuses: Container[str]) -> list[str]:
        """The ids of the meetings of these statuses, sorted, no summary made."""
        self._make_gone()
        with self._lock:
            made = [i for i, s in self._made.items() if s.status in statuses]
            return sorted(made + self._ids_of(statuses))

    def newest_first(
        self, organ_id: str, before: tuple[str, str, str, str] | None = None
    ) -> Iterator[Summary]:
        """One organ's meetings, newest first (`numbering.chronological`), each
        summary made as it is reached: the follow-up wants the latest protocol.

        The unread rows are taken a year at a time, newest year first (an index
        file holds one organ-year), so that the latest protocol is found among
        a year's rows, not after sorting the organ's thousands. With `before`,
        the rows at or after it are passed over unmade.
        """
        self._make_gone()
        loose: list[tuple] = []  # rows placed by their own values, not their file's year
        years: dict[str, list[Segment]] = {}
        with self._lock:
            for meeting_id, row in list(self._raw.items()):
                if row is None or row[_ORGAN] != organ_id:
                    continue
                if {type(row[_DATE]), type(row[_START]), type(row[_CREATED])} == {str}:
                    loose.append((row[_DATE], row[_START], row[_CREATED], meeting_id))
                else:  # not of the kinds a summary has: made (or left out) now
                    made = self.get(meeting_id)
                    if made is not None and made.organ_id == organ_id:
                        loose.append((made.date, made.start, made.created, made.id))
            loose += [
                (s.date, s.start, s.created, s.id)
                for s in self._made.values()
                if s.organ_id == organ_id
            ]
            # The unread rows as they are now (a segment does not change; a row
            # read or made meanwhile is found all the same when its turn comes).
            taken = {x[3] for x in loose}
            for key, segment in self._segments.items():
                if organ_id not in segment.columns[1]:  # organ_id, tab-joined: not in it
                    continue
                if _all_of_year(segment, key[1]):
                    years.setdefault(key[1], []).append(segment)
                else:  # dates of another year than the file's: placed one by one
                    loose += _organ_rows([segment], organ_id, taken)
        loose.sort(reverse=True)
        for year in sorted(years, reverse=True):
            batch = _organ_rows(years[year], organ_id, taken)
            # The loose rows of this year or later come with it (dates compare
            # as text: every date of an earlier year is less than the year).
            batch += [x for x in loose if x[0] >= year]
            loose = [x for x in loose if x[0] < year]
            batch.sort(reverse=True)
            yield from self._made_of(batch, organ_id, before)
        yield from self._made_of(loose, organ_id, before)

    def _made_of(
        self, order: list[tuple], organ_id: str, before: tuple | None
    ) -> Iterator[Summary]:
        for place in order:
            if before is not None and place >= before:
                continue
            meeting_id = place[3]
            found = self.get(meeting_id)
            if found is not None and found.organ_id == organ_id:
                yield found

    def stamps(self) -> list[tuple[str, int, int]]:
        """(id, mtime_ns, size) of every row, in order of id, no summary made."""
        with self._lock:
            kept = [*self._raw, *self._unread]
            found = list(
                zip(
                    kept,
                    map(self._mtime.__getitem__, kept),
                    map(self._size.__getitem__, kept),
                    strict=True,
                )
            )
            found += [(i, s.mtime_ns, s.size) for i, s in self._made.items()]
        found.sort()
        return found


def _all_of_year(segment: Segment, year: str) -> bool:
    """Whether every date a segment keeps begins with `year` (four digits),
    told from the joined column without splitting it."""
    if len(year) != 4 or not year.isdigit():
        return False
    dates = segment.columns[TEXT_FIELDS.index("date")]
    return dates.startswith(year) and dates.count("\t" + year) == len(segment.mtimes) - 1


def _organ_rows(segments: list[Segment], organ_id: str, taken: set[str]) -> list[tuple]:
    """(date, start, created, id) of the organ's rows these segments keep, but
    those of `taken` (read or made: placed by their own values)."""
    found = []
    for segment in segments:
        rows = zip(
            segment.ids(),
            *map(segment.column, ("organ_id", "date", "start", "created")),
            strict=True,
        )
        found += [
            (date, start, created, i)
            for i, organ, date, start, created in rows
            if organ == organ_id and i not in taken
        ]
    return found
