"""A full disk for the tests: ENOSPC put into the store's writer, in this process.

`FullDisk` wraps `store.storage.atomic_write` (every meeting, catalogue and
index write goes through it): while `full`, a write fails as a full disk
makes it fail. The spill has its own reference (`store.spill.atomic_write`),
so that the reserve can be tested apart: `spill_full` fails it too.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from protokoll.store import spill, storage

NO_SPACE = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class FullDisk:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        self.spill_full = False
        self.tries = 0  # failed writes, to see that the autosaver tried again
        real = storage.atomic_write

        def store_write(path: Path, data: bytes, guard=None) -> None:
            if self.full:
                self.tries += 1
                self._fail(path)
            real(path, data, guard)

        def spill_write(path: Path, data: bytes, guard=None) -> None:
            if self.spill_full:
                self._fail(path)
            real(path, data, guard)

        monkeypatch.setattr(storage, "atomic_write", store_write)
        monkeypatch.setattr(spill, "atomic_write", spill_write)

    @staticmethod
    def _fail(path: Path) -> None:
        # What atomic_write raises on ENOSPC: the file's name and the words for it.
        from protokoll.store.errors import StoreError, os_detail

        raise StoreError("write_failed", path=path, detail=os_detail(NO_SPACE))
