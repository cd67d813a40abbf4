"""Every meeting's index row as the look over the store left it, a summary made
of a row only when one is read.

The look over every meeting compares 10,000 stamps at every start; a
`Summary` made of each row (a quarter of that look) was mostly never read: a
start reads the meeting in progress, a listing a screenful. So the rows of
this version's fields stay the lists they were read as (`catalogue.NAMES`
order) until a caller reads one. A row found bad then (values of the wrong
kinds, another meeting's id: an index file edited by hand) is made again
from its meeting file by `remake`, as the look would have made it; one whose
file does not read either is left out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Container, Iterator, MutableMapping
from operator import itemgetter

from .catalogue import Summary

NAMES = Summary.NAMES

_ID, _ORGAN, _DATE, _START, _STATUS, _CREATED, _MTIME, _SIZE = map(
    NAMES.index, ("id", "organ_id", "date", "start", "status", "created", "mtime_ns", "size")
)
_MTIMES, _SIZES = itemgetter(_MTIME), itemgetter(_SIZE)


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
    """Summaries by meeting id: `raw` rows (lists, unchecked) and `made` ones.

    Read and written from more than one thread (the application looks over the
    store on a worker while its screen reads it): one lock around each change
    and each copy of the keys.
    """

    def __init__(
        self,
        raw: dict[str, list],
        made: dict[str, Summary],
        remake: Callable[[str], Summary | None],
    ) -> None:
        self._raw = raw
        self._made = made
        self._remake = remake
        self._lock = threading.RLock()

    def __getitem__(self, meeting_id: str) -> Summary:
        found = self._made.get(meeting_id)
        if found is not None:
            return found
        with self._lock:
            found = self._made.get(meeting_id)
            if found is None:
                row = self._raw[meeting_id]  # KeyError: not here
                found = Summary.from_list(meeting_id, row) or self._remake(meeting_id)
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

    def __delitem__(self, meeting_id: str) -> None:
        with self._lock:
            if self._raw.pop(meeting_id, None) is None:
                del self._made[meeting_id]
            else:
                self._made.pop(meeting_id, None)

    def __contains__(self, meeting_id: object) -> bool:
        return meeting_id in self._made or meeting_id in self._raw

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            keys = [*self._made, *self._raw]
        return iter(keys)

    def __len__(self) -> int:
        with self._lock:
            return len(self._made) + len(self._raw)

    def get(self, meeting_id: str, default: Summary | None = None) -> Summary | None:  # type: ignore[override]
        try:
            return self[meeting_id]
        except KeyError:
            return default

    def values(self) -> list[Summary]:  # type: ignore[override]
        """Every summary (each row made one now); a bad row whose file does not
        read is left out."""
        return [s for s in map(self.get, list(self)) if s is not None]

    def items(self) -> list[tuple[str, Summary]]:  # type: ignore[override]
        return [(s.id, s) for s in self.values()]

    def where(self, statuses: Container[str]) -> list[Summary]:
        """The summaries of meetings of these statuses, only those rows made."""
        with self._lock:
            raw = [i for i, row in self._raw.items() if row[_STATUS] in statuses]
            found = [s for s in self._made.values() if s.status in statuses]
        return found + [s for s in map(self.get, raw) if s is not None]

    def ids_of(self, statuses: Container[str]) -> list[str]:
        """The ids of the meetings of these statuses, sorted, no summary made."""
        with self._lock:
            raw = [i for i, row in self._raw.items() if row[_STATUS] in statuses]
            made = [i for i, s in self._made.items() if s.status in statuses]
        return sorted(raw + made)

    def newest_first(self, organ_id: str) -> Iterator[Summary]:
        """One organ's meetings, newest first (`numbering.chronological`), each
        summary made as it is reached: the follow-up wants the latest protocol."""
        with self._lock:
            order = [
                (row[_DATE], row[_START], row[_CREATED], i)
                for i, row in self._raw.items()
                if row[_ORGAN] == organ_id
            ]
            order += [
                (s.date, s.start, s.created, s.id)
                for s in self._made.values()
                if s.organ_id == organ_id
            ]
        try:
            order.sort(reverse=True)
        except TypeError:  # a bad row's values do not compare: every row made first
            mine = [s for s in self.values() if s.organ_id == organ_id]
            order = sorted(((s.date, s.start, s.created, s.id) for s in mine), reverse=True)
        for *_, meeting_id in order:
            found = self.get(meeting_id)
            if found is not None and found.organ_id == organ_id:
                yield found

    def stamps(self) -> list[tuple[str, int, int]]:
        """(id, mtime_ns, size) of every row, in order of id, no summary made."""
        with self._lock:
            rows = self._raw.values()
            found = list(zip(self._raw, map(_MTIMES, rows), map(_SIZES, rows), strict=True))
            found += [(i, s.mtime_ns, s.size) for i, s in self._made.items()]
        found.sort()
        return found
