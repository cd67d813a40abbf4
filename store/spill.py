"""Spill: a meeting that could not be saved at exit, kept somewhere else.

    STORE/spill/.reserve               space held back for a spill (RESERVE bytes)
    STORE/spill/<id>-<time>.json       a meeting's unsaved state, as the program left it
    ~/protokoll-unsaved-<id>-<time>.json   the same, where the store had no room at all

When the program must go (quit anyway, hang-up, SIGTERM) and the meeting
cannot be written, `keep` writes the whole meeting document beside the
store. A full disk has no room for it either, so the store holds a reserve
file of zeros, written while there was room: it is deleted to make room for
the spill (a known technique: the space is the program's own to give back).
Failing that, the home directory (often another file system); failing that,
the caller prints the text.

A spill names the meeting file it was the successor of (`base`, a hash of
its bytes). When the meeting is opened again and its file is still that
one, the spill is offered back; once the meeting has been written since,
the spill is only pointed to, never put back over later work.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import StoreError, os_detail
from .model import Meeting
from .storage import FILE_MODE, atomic_write, make_private_dir, read_json
from .verbs.change import Change, restore

DIR = "spill"
RESERVE = 256 * 1024  # a meeting of some hundred §s, as compact JSON
KIND = "protokoll-spill"


def home() -> Path:
    return Path(os.path.expanduser("~"))


def reserve_path(store_path: Path) -> Path:
    return Path(store_path) / DIR / ".reserve"


def make_reserve(store_path: Path) -> bool:
    """Write the reserve if it is not there; whether it is there now. Never raises.

    Real blocks, not a sparse file: a hole reserves nothing.
    """
    path = reserve_path(store_path)
    try:
        if path.exists() and path.stat().st_size >= RESERVE:
            return True
        make_private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            block = bytes(64 * 1024)
            for _ in range(RESERVE // len(block)):
                os.write(fd, block)
            os.fsync(fd)
        finally:
            os.close(fd)
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(path)  # a part-written reserve would only take space
        return False


def give_back_reserve(store_path: Path) -> bool:
    """Delete the reserve, so that what must be written last has room; whether there was one."""
    try:
        os.unlink(reserve_path(store_path))
        return True
    except OSError:
        return False


def file_hash(path: Path) -> str:
    """The meeting file's fingerprint; "" when there is none to read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


@dataclass(frozen=True)
class Spill:
    path: Path
    meeting: str
    saved: str  # ISO time, to the second
    base: str
    doc: dict[str, Any]

    @property
    def time(self) -> str:
        """14:02 today, 2026-01-15 14:02 before."""
        try:
            when = dt.datetime.fromisoformat(self.saved)
        except ValueError:
            return self.saved
        if when.date() == dt.date.today():
            return when.strftime("%H:%M")
        return when.strftime("%Y-%m-%d %H:%M")

    def follows(self, meeting_file: Path) -> bool:
        """Whether the meeting file is still the one this spill was the successor of."""
        return self.base == file_hash(meeting_file)

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.path)


def keep(
    store_path: Path, meeting_file: Path, doc: dict[str, Any], elsewhere: Path | None = None
) -> Path:
    """Write a meeting's unsaved document as a spill; where it went, or a StoreError.

    Tried in order: STORE/spill/, the same after deleting the reserve, then
    `elsewhere` (the home directory by default).
    """
    now = dt.datetime.now()
    data = json.dumps(
        {
            "kind": KIND,
            "meeting": str(doc.get("id", "")),
            "saved": now.isoformat(timespec="seconds"),
            "base": file_hash(meeting_file),
            "doc": doc,
        },
        ensure_ascii=False,
        separators=(",", ":"),  # compact: it must fit in the reserve
    ).encode("utf-8")
    name = f"{doc.get('id', 'meeting')}-{now:%Y%m%dT%H%M%S}"
    folder = Path(store_path) / DIR
    last: StoreError | None = None
    targets = [folder / f"{name}.json", folder / f"{name}.json", None]
    for n, target in enumerate(targets):
        if n == 1:  # no room in the store: give back the reserve and try again
            give_back_reserve(store_path)
        if target is None:
            target = (elsewhere or home()) / f"protokoll-unsaved-{name}.json"
        try:
            if target.parent == folder:
                make_private_dir(folder)
            atomic_write(target, data)
            return target
        except OSError as exc:
            last = StoreError("write_failed", path=target, detail=os_detail(exc))
        except StoreError as exc:
            last = exc
    assert last is not None
    raise last


def found(store_path: Path, meeting_id: str, elsewhere: Path | None = None) -> list[Spill]:
    """The spills of a meeting, in the store and the home directory, oldest first."""
    places = [
        (Path(store_path) / DIR, f"{meeting_id}-*.json"),
        (elsewhere or home(), f"protokoll-unsaved-{meeting_id}-*.json"),
    ]
    spills = []
    for folder, pattern in places:
        with contextlib.suppress(OSError):
            for path in folder.glob(pattern):
                spill = _read(path)
                if spill is not None and spill.meeting == meeting_id:
                    spills.append(spill)
    return sorted(spills, key=lambda s: (s.saved, s.path.name))


def _read(path: Path) -> Spill | None:
    # A damaged spill is left where it is, unread: it is not the minutes.
    try:
        data = read_json(path)
    except StoreError:
        return None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        return None
    doc = data.get("doc")
    if not isinstance(doc, dict):
        return None
    return Spill(
        path,
        str(data.get("meeting", "")),
        str(data.get("saved", "")),
        str(data.get("base", "")),
        doc,
    )


def recover(meeting: Meeting, doc: dict[str, Any], time: str = "") -> Change:
    """A verb: the meeting as a spill kept it, every § text included."""
    if doc.get("id") != meeting.id:
        raise StoreError("spill_other_meeting", meeting=meeting.id)
    restore(meeting, doc, keep_text=False)
    return Change("spill_recovered", {"time": time}, paragraph=meeting.current)
