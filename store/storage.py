"""Files on disk: whole or not at all, readable by their owner only.

TinyDB's stock JSONStorage truncates the file and writes into it, so a full
disk or a crash leaves a file that no longer parses. `AtomicJSONStorage`
writes a temporary file beside the real one, fsyncs it and renames it over
the old one: every file on disk is always a complete document.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from . import platform
from .errors import StoreError, os_detail
from .platform import BINARY, FILE_MODE
from .platform import DIR_MODE as DIR_MODE  # callers import the modes from here
from .words import Both


def make_private_dir(path: Path) -> None:
    """`path` as a directory only its owner can change: made so if it is new, else checked.

    A directory that was there already keeps its mode: it may be shared on
    purpose (1777), or made read-only on purpose (500), and changing it would
    undo that without a word. One that others can write to, or that is not
    ours, is refused (StoreError): files there could be swapped under us.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(path, DIR_MODE)
    except FileExistsError:
        check_private_dir(path)
        return
    # mkdir's mode is filtered by the umask; minutes can hold personal data.
    platform.make_private(path, directory=True)


def check_private_dir(path: Path) -> None:
    """A StoreError unless `path` is ours and writable by no one else (POSIX only)."""
    if not platform.has_owners():
        return  # no owners and modes to speak of (Windows: the profile's ACL)
    st = os.stat(path)
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    if st.st_uid != os.getuid():
        raise StoreError("dir_not_yours", path=path, uid=st.st_uid)
    open_to = stat.S_IWOTH | (0 if _private_group(st.st_gid) else stat.S_IWGRP)
    if st.st_mode & open_to:
        raise StoreError("dir_open_to_others", path=path, mode=f"{stat.S_IMODE(st.st_mode):o}")


def _private_group(gid: int) -> bool:
    """Whether `gid` is this user's own group (named as the user, no other members).

    Where each user has a group of their own (umask 002, as Debian and Ubuntu
    give users), a directory they make is group-writable without being
    open to anyone else.
    """
    try:
        import grp
        import pwd

        user = pwd.getpwuid(os.getuid()).pw_name
        group = grp.getgrgid(gid)
    except (ImportError, KeyError):
        return False
    return group.gr_name == user and set(group.gr_mem) <= {user}


def atomic_write(
    path: Path, data: bytes, guard: contextlib.AbstractContextManager | None = None
) -> None:
    """Replace `path` by `data`, or leave the old file as it was.

    `guard` is entered around the rename alone: a lock held there is held
    for microseconds, not for the fsync (store/lock.py, taking over).
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | BINARY, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        with guard or contextlib.nullcontext():
            platform.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise StoreError("write_failed", path=path, detail=os_detail(exc)) from None
        raise
    platform.fsync_dir(path.parent)  # the rename itself is durable only then


def encode(data: Any) -> bytes:
    # No indent: with one, Python falls back from its C encoder to the pure-
    # Python one, which made encoding half the cost of a save. Keys stay
    # sorted, so the same meeting is always the same bytes.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def read_json(path: Path) -> Any:
    """The parsed file, or a StoreError naming the file and what is wrong."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError("damaged", path=path, detail=os_detail(exc)) from None
    return parse_json(path, raw)


def parse_json(path: Path, raw: bytes, **options: Any) -> Any:
    """The parsed bytes of `path`, or a StoreError naming the file and what is wrong.

    `options` go to `json.loads` (an import's limits: store/intake.py); a
    ValueError or RecursionError they or the parser raise is said the same way.
    """
    try:
        return json.loads(raw.decode("utf-8-sig"), **options)
    except UnicodeDecodeError:
        raise StoreError("damaged", path=path, detail=damaged_detail("not_utf8")) from None
    except json.JSONDecodeError as exc:
        where = damaged_detail("json_at", line=exc.lineno, column=exc.colno)
        raise StoreError("damaged", path=path, detail=where) from None
    except (ValueError, RecursionError) as exc:
        raise StoreError("damaged", path=path, detail=str(exc)) from None


def damaged_detail(key: str, **params: object) -> Both:
    """What is wrong in a file, in both languages: the message is said in the
    interface's, which is not known here ("messages.damaged_<key>")."""
    return Both.said(f"messages.damaged_{key}", **params)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that never leaves a half-written file."""

    def __init__(
        self, path: str | Path, guard: contextlib.AbstractContextManager | None = None, **_: Any
    ) -> None:
        self.path = Path(path)
        self.guard = guard  # entered around the rename of a write (see atomic_write)

    def read(self) -> dict[str, Any] | None:
        if not self.path.exists():
            return None
        data = read_json(self.path)
        if not isinstance(data, dict):
            raise StoreError("damaged", path=self.path, detail="not a JSON object")
        return data

    def write(self, data: dict[str, Any]) -> None:
        atomic_write(self.path, encode(data), self.guard)

    def close(self) -> None:
        pass
