"""Drafts: what was typed into a dialog or a form and not saved yet.

    STORE/drafts/<key>.json     one draft per meeting (key: the meeting's id)
                                or per form ("new-meeting", "organ-<id>")

A draft is written whole or not at all and readable by its owner only, as
every file of the store. It is removed when its dialog is saved or
cancelled, never because the program stopped: that is what it is for.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any

from .errors import StoreError, os_detail
from .storage import atomic_write, encode, make_private_dir, read_json

DIR = "drafts"
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")


class Drafts:
    def __init__(self, store_path: Path) -> None:
        self.dir = Path(store_path) / DIR

    def _file(self, key: str) -> Path:
        # Keys are ids made by the store; anything else must not leave the folder.
        if not _KEY.fullmatch(key):
            raise ValueError(f"not a draft key: {key!r}")
        return self.dir / f"{key}.json"

    def write(self, key: str, draft: dict[str, Any]) -> None:
        """On disk before returning (fsync and rename), or a StoreError."""
        path = self._file(key)
        try:
            make_private_dir(self.dir)
        except OSError as exc:
            raise StoreError("write_failed", path=self.dir, detail=os_detail(exc)) from None
        atomic_write(path, encode(draft))

    def read(self, key: str) -> dict[str, Any] | None:
        """The draft, or None when there is none or it cannot be read.

        A damaged draft is not the minutes: it is left on disk, unread.
        """
        path = self._file(key)
        if not path.exists():
            return None
        try:
            data = read_json(path)
        except StoreError:
            return None
        return data if isinstance(data, dict) else None

    def remove(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._file(key))

    def keys(self) -> list[str]:
        if not self.dir.is_dir():
            return []
        return sorted(p.stem for p in self.dir.glob("*.json") if _KEY.fullmatch(p.stem))
