"""The adjusted protocol's text, kept so that `verify` can show what changed.

    STORE/adjusted/<meeting id>.txt    the text as adjusted (adjust.adjusted_text)

The adjustment keeps only the SHA-256 of the text in the meeting, which
tells that the protocol changed but not where. The text is written here when
the meeting is adjusted, beside the meeting file rather than in it, so an
edit of the meeting file leaves it as it was; `verify` compares it with the
meeting rendered now. It is trusted only while it matches the stored hash.
A meeting adjusted before copies were kept has none: verify says so.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import ids
from .storage import atomic_write, make_private_dir

FOLDER = "adjusted"


def path_of(store_path: Path, meeting_id: str) -> Path:
    return store_path / FOLDER / f"{ids.checked(meeting_id)}.txt"


def keep(store_path: Path, meeting_id: str, text: str) -> None:
    """Keep `text` as the adjusted text of the meeting (owner-only, as the store)."""
    path = path_of(store_path, meeting_id)
    make_private_dir(path.parent)
    atomic_write(path, text.encode("utf-8"))


def kept(store_path: Path, meeting_id: str, sha256: str) -> str | None:
    """The kept text if there is one and it still matches `sha256`, else None."""
    try:
        raw = path_of(store_path, meeting_id).read_bytes()
    except OSError:
        return None
    if hashlib.sha256(raw).hexdigest() != sha256:
        return None
    return raw.decode("utf-8", errors="replace")


def unified(then: str, now: str, then_label: str, now_label: str) -> list[str]:
    """The unified diff of the two texts, line by line, without line ends."""
    import difflib  # only for a changed protocol: not at every start of the command

    return list(
        difflib.unified_diff(
            then.splitlines(), now.splitlines(), then_label, now_label, lineterm=""
        )
    )
