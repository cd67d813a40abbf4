"""Meetings in progress on other computers of a shared store (protokoll sync).

    STORE/inprogress/<meeting id>.json    {"host": ..., "user": ..., "since": ...}

A lock (store.lock) says who writes a meeting on this computer; across
computers that share the store through git, a sync publishes a marker for
each meeting held open here, and takes away the markers of meetings let go.
Another computer that has synced sees the marker: the meeting opens
read-only there, "in progress on HOST by USER", until it is taken over
explicitly (`take`), which makes the marker this computer's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path

from . import ids
from .errors import LockedError
from .git_history import machine, user
from .lock import read_owner
from .storage import encode, make_private_dir

DIR = "inprogress"


def _marker(store_path: Path, meeting_id: str) -> Path:
    return Path(store_path) / DIR / f"{ids.checked(meeting_id)}.json"


def read(store_path: Path, meeting_id: str) -> dict | None:
    try:
        data = json.loads(_marker(store_path, meeting_id).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("host"), str):
        return None
    return data


def held_elsewhere(store_path: Path, meeting_id: str) -> LockedError | None:
    """Why the meeting opens read-only here, when another computer has it in progress."""
    if not (Path(store_path) / DIR).is_dir():  # one stat for a store that is not shared
        return None
    data = read(store_path, meeting_id)
    if data is None or data["host"] == machine():
        return None
    return LockedError(
        "in_progress_elsewhere", meeting=meeting_id, host=data["host"], user=str(data.get("user"))
    )


def take(store_path: Path, meeting_id: str) -> None:
    """This computer's from now on (published at the next sync)."""
    _write(store_path, meeting_id)


def _write(store_path: Path, meeting_id: str) -> None:
    from .storage import atomic_write

    make_private_dir(Path(store_path) / DIR)
    since = dt.datetime.now().isoformat(timespec="minutes")
    data = {"host": machine(), "user": user(), "since": since}
    atomic_write(_marker(store_path, meeting_id), encode(data))


def held_here(store_path: Path) -> set[str]:
    """The meetings a live process on this computer holds for writing."""
    locks = Path(store_path) / "locks"
    held = set()
    with contextlib.suppress(OSError):
        for name in os.listdir(locks):
            if not name.endswith(".owner"):
                continue
            meeting_id = name[: -len(".owner")]
            record = read_owner(locks / name)
            if ids.valid(meeting_id) and record is not None and record.alive():
                held.add(meeting_id)
    return held


def publish(store_path: Path) -> None:
    """Markers for the meetings held here; none left for those let go."""
    held = held_here(store_path)
    where = Path(store_path) / DIR
    for meeting_id in held:
        data = read(store_path, meeting_id)
        if data is None or data["host"] != machine():
            _write(store_path, meeting_id)
    if not where.is_dir():
        return
    for name in os.listdir(where):
        meeting_id = name[: -len(".json")]
        if not name.endswith(".json") or not ids.valid(meeting_id) or meeting_id in held:
            continue
        data = read(store_path, meeting_id)
        if data is not None and data["host"] == machine():
            with contextlib.suppress(OSError):
                os.unlink(where / name)
