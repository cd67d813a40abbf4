"""One writer per meeting across processes.

An advisory `flock` on a small lock file. The kernel drops the lock when its
process dies, however it dies, so a lock left by a crash never blocks anyone.
The holder writes who it is into the file so that the next one can be told.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import getpass
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from .storage import FILE_MODE


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, blocking: bool = False) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def write_holder(self) -> None:
        assert self._fd is not None
        info = (
            f"pid {os.getpid()}, {_user()}@{socket.gethostname()}, "
            f"sedan {dt.datetime.now():%Y-%m-%d %H:%M}"
        )
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, info.encode("utf-8"), 0)

    def holder(self) -> str:
        try:
            return self.path.read_text("utf-8").strip() or "okänd process"
        except OSError:
            return "okänd process"

    def release(self) -> None:
        if self._fd is None:
            return
        # The file stays: removing it would let a waiting process lock a file
        # that a third one can no longer see.
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a bare container
        return str(os.getuid())


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold a lock for a short read-modify-write, waiting for it if need be."""
    lock = FileLock(path)
    lock.acquire(blocking=True)
    try:
        yield
    finally:
        lock.release()
