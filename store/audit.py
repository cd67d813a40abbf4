"""What the git history says of an adjusted protocol: has its text changed since?

`verify` compares the text with the checksum kept in the meeting file; one
who edits the file and its checksum together passes that. The history
does not: the text as it was at the adjustment commit is compared with the
text at every later commit, and the first commit where it differs is named.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import git_history
from .adjust import text_hash
from .model import Meeting
from .serial import ShapeError, from_dict
from .store import Store


@dataclass(frozen=True)
class Finding:
    adjusted_in: git_history.Entry  # the commit that recorded the adjustment
    changed_in: git_history.Entry | None  # the first later commit with another text


def _meeting(data: bytes | None) -> Meeting | None:
    try:
        doc = json.loads(data or b"")["meeting"]["1"]
        return from_dict(Meeting, doc)
    except (ValueError, KeyError, TypeError, ShapeError):
        return None


def check(store: Store, meeting_id: str) -> Finding | None:
    """None when the store has no history of the meeting's adjustment."""
    if not git_history.is_repo(store.path):
        return None
    name = f"meetings/{meeting_id}.json"
    adjusted: tuple[git_history.Entry, str] | None = None
    for entry in reversed(git_history.entries(store.path, [name])):
        m = _meeting(git_history.blob(store.path, entry.commit, name))
        if m is None or m.status != "adjusted":
            if adjusted is not None:  # no longer adjusted: its text is gone
                return Finding(adjusted[0], entry)
            continue
        digest = text_hash(m)
        if adjusted is None:
            adjusted = (entry, digest)
        elif digest != adjusted[1]:
            return Finding(adjusted[0], entry)
    if adjusted is None:
        return None
    now = _meeting((store.path / name).read_bytes() if (store.path / name).exists() else None)
    if now is None or text_hash(now) != adjusted[1]:
        return Finding(adjusted[0], git_history.Entry("", "", "", "", ""))  # not committed yet
    return Finding(adjusted[0], None)
