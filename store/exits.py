"""How the program last left a meeting without being asked to.

    STORE/exits/<meeting-id>.json   {"reason": "hangup" | "terminated", "at": ISO time}

Written as the program leaves on a closed terminal, a dropped SSH connection
(SIGHUP) or a stop (SIGTERM), once the meeting is on disk; read and removed
when the meeting opens again, so that the secretary is told what happened
and that the text is kept. A secretary back after a dropped connection found
the meeting as left with not a word of why (a trial).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from . import ids
from .errors import StoreError
from .storage import atomic_write, encode, make_private_dir, read_json

DIR = "exits"
REASONS = ("hangup", "terminated")


@dataclass(frozen=True)
class Exit:
    reason: str  # one of REASONS
    at: str  # when, ISO to the second


def _file(store_path: Path, meeting_id: str) -> Path:
    return Path(store_path) / DIR / f"{ids.checked(meeting_id)}.json"


def note_exit(
    store_path: Path, meeting_id: str, reason: str, at: dt.datetime | None = None
) -> None:
    """Say how the meeting was left. Never raises: the program is leaving, and
    a full disk or a removed store only means nothing is said next time."""
    when = (at or dt.datetime.now()).isoformat(timespec="seconds")
    with contextlib.suppress(OSError, StoreError):
        make_private_dir(Path(store_path) / DIR)
        atomic_write(_file(store_path, meeting_id), encode({"reason": reason, "at": when}))


def take_exit(store_path: Path, meeting_id: str) -> Exit | None:
    """How the meeting was last left, once: the note is removed as it is read.
    None when there is none, or one that does not read."""
    try:
        path = _file(store_path, meeting_id)
    except StoreError:
        return None
    if not path.exists():
        return None
    try:
        data = read_json(path)
    except StoreError:
        data = None
    with contextlib.suppress(OSError):
        os.unlink(path)
    if not isinstance(data, dict) or data.get("reason") not in REASONS:
        return None
    at = data.get("at")
    try:
        dt.datetime.fromisoformat(str(at))
    except ValueError:
        return None
    return Exit(str(data["reason"]), str(at))
