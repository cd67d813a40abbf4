"""Everything the store does differently on Linux, macOS and Windows, in one place.

- Locks: `try_lock`/`unlock` hold an exclusive lock on an open file that the
  system drops when the process dies, however it dies. POSIX (Linux, macOS):
  `flock`. Windows: `msvcrt.locking` on one byte far past the text, as SQLite
  does with its lock bytes: a Windows lock is mandatory, and locking the text
  itself would keep others from reading who holds it.
- `replace`: the atomic rename. On Windows a reader (or a virus scanner) with
  the target open makes it fail with PermissionError for a moment; it is tried
  again briefly before giving up.
- `fsync_dir`: a rename is durable once its directory is synced, on POSIX.
  Windows cannot open a directory as a file, and NTFS logs the rename itself.
- Private files: 0600 files and 0700 directories on POSIX. On Windows the
  mode bits mean only "read-only"; the store lives under the user's profile
  (%LOCALAPPDATA%, from platformdirs), whose ACL already admits only that
  user, SYSTEM and administrators, and new files inherit it.
- Processes: who holds a meeting and whether it answers is read from Linux's
  /proc. Elsewhere it cannot be told, and no one is taken over (see lock.py).

Which branch runs is decided at each call from `os.name`, so that tests can
simulate the other platform; `fcntl` and `msvcrt` are imported only there.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

FILE_MODE = 0o600
DIR_MODE = 0o700
# Without O_BINARY Windows opens in text mode and writes "\n" as "\r\n".
BINARY = getattr(os, "O_BINARY", 0)
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# Where the Windows lock byte sits: past any text a lock file holds (SQLite's
# pending byte, for the same reason).
LOCK_BYTE = 0x40000000
# How long `replace` keeps trying on Windows while another process has the target open.
REPLACE_TRIES = 20
REPLACE_PAUSE = 0.025


def windows() -> bool:
    return os.name == "nt"


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


# --- locks ---------------------------------------------------------------------


def try_lock(fd: int) -> bool:
    """Lock the open file `fd` for this process if no one else holds it; whether it did."""
    if windows():
        msvcrt = _module("msvcrt")
        with _at(fd, LOCK_BYTE):
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError as exc:
                # EACCES, or EDEADLOCK as the C runtime says it: held by another.
                if exc.errno in (errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)):
                    return False
                raise
        return True
    fcntl = _module("fcntl")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def lock(fd: int) -> None:
    """Wait as long as it takes for the lock on `fd` (a bounded wait polls `try_lock`)."""
    if not windows():
        fcntl = _module("fcntl")
        fcntl.flock(fd, fcntl.LOCK_EX)
        return
    while not try_lock(fd):  # msvcrt's blocking mode gives up after ten seconds
        time.sleep(0.005)


def unlock(fd: int) -> None:
    if windows():
        msvcrt = _module("msvcrt")
        with _at(fd, LOCK_BYTE):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl = _module("fcntl")
    fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def _at(fd: int, offset: int):
    """msvcrt.locking works from the file position: there for the call, then back."""
    was = os.lseek(fd, 0, os.SEEK_CUR)
    os.lseek(fd, offset, os.SEEK_SET)
    try:
        yield
    finally:
        os.lseek(fd, was, os.SEEK_SET)


def write_at_start(fd: int, data: bytes) -> None:
    """Make `data` the whole content of the open file `fd`."""
    os.ftruncate(fd, 0)
    if hasattr(os, "pwrite"):  # no shared file position to move (POSIX)
        os.pwrite(fd, data, 0)
        return
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


# --- files -----------------------------------------------------------------------


def replace(src: Path | str, dst: Path | str) -> None:
    """Rename `src` over `dst` in one step (os.replace), patient on Windows."""
    if not windows():
        os.replace(src, dst)
        return
    for _ in range(REPLACE_TRIES - 1):
        try:
            os.replace(src, dst)
            return
        except PermissionError:  # the target is open in another process for a moment
            time.sleep(REPLACE_PAUSE)
    os.replace(src, dst)


def fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable where the system lets a directory be synced."""
    if windows():
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a directory; the rename still happened
    finally:
        os.close(fd)


def has_owners() -> bool:
    """Whether files have an owning uid and mode bits that keep others out (POSIX)."""
    return not windows() and hasattr(os, "getuid")


def user_id() -> int:
    """This process's uid, or -1 where there is none (Windows)."""
    return os.getuid() if has_owners() else -1


def make_private(path: Path | str, directory: bool = False) -> None:
    """Owner-only on POSIX; on Windows the profile's ACL, inherited, already is."""
    if has_owners():
        os.chmod(path, DIR_MODE if directory else FILE_MODE)


def own_mode(fd: int, mode: int) -> None:
    """Give the open file `fd` the permission bits `mode` (POSIX; Windows has its ACL)."""
    if has_owners():
        os.fchmod(fd, stat.S_IMODE(mode))


# --- processes -------------------------------------------------------------------

PROC = Path("/proc")


@dataclass(frozen=True)
class Proc:
    """What the kernel says about a process (Linux /proc/<pid>/stat)."""

    state: str  # R running, S sleeping, D disk, T stopped, t traced, Z zombie …
    tty: int  # controlling terminal, 0 when it has none
    start: int  # start time in clock ticks after boot
    uid: int


def can_inspect() -> bool:
    """Whether this system shows processes in /proc (Linux); elsewhere no one is taken over."""
    return (PROC / "self" / "stat").exists()


def proc(pid: int) -> Proc | None:
    """The process `pid`, or None when there is none (or it is a zombie: it holds no files)."""
    base = PROC / str(pid)
    try:
        raw = (base / "stat").read_text("utf-8", errors="replace")
        uid = base.stat().st_uid
    except OSError:
        return None
    # The name, in parentheses, may itself hold spaces and parentheses.
    fields = raw[raw.rfind(")") + 2 :].split()
    try:
        info = Proc(state=fields[0], tty=int(fields[4]), start=int(fields[19]), uid=uid)
    except (IndexError, ValueError):
        return None
    return None if info.state in ("Z", "X", "x") else info
