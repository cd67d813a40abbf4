"""One writer per meeting across processes, and taking a meeting over.

Three small files per meeting in STORE/locks/, all owner-only:

    <id>.lock   a lock (flock; msvcrt on Windows: store/platform.py), held by
                the process that opened the meeting for writing. The system
                drops it when that process dies, however it dies, so a crash
                never blocks anyone. Its text says who.
    <id>.owner  who may write the meeting now: pid, start time, user, host,
                terminal and a random token, replaced atomically.
    <id>.write  a short lock, held while the owner is checked and the meeting
                written, and while ownership changes hands.

A flock cannot be taken from a live process. A process that no longer
answers (stopped, or its terminal gone) keeps it, so taking a meeting over
goes through the owner file instead: the taker writes its own token there,
and every write of a session first checks, under `<id>.write`, that the token
is still its own. The old holder keeps its flock until it exits but writes
nothing more; everyone else reads the owner file as the word on who holds the
meeting while its owner lives.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import getpass
import json
import os
import re
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import platform
from .errors import StoreError, os_detail
from .platform import BINARY, FILE_MODE, NOFOLLOW, Proc, can_inspect, proc
from .storage import atomic_write

# Tokens of the owners in this process that are still open: an owner record
# naming this very pid is alive only if one of them is (a session dropped
# without `close` must not block the next open here).
_LIVE: set[str] = set()


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._guard = threading.Lock()  # release may come from the writer thread too

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, blocking: bool = False) -> bool:
        if self._fd is not None:
            return True
        # Never through a link: truncating the holder's text would truncate its target.
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | NOFOLLOW | BINARY, FILE_MODE)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise StoreError("lock_symlink", path=self.path) from None
            raise
        try:
            if blocking:
                platform.lock(fd)
            elif not platform.try_lock(fd):
                os.close(fd)
                return False
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def acquire_within(self, seconds: float) -> bool:
        """Wait at most `seconds`: a holder stopped while holding it must not hang us."""
        deadline = time.monotonic() + seconds
        while not self.acquire():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
        return True

    def write_holder(self, text: str | None = None) -> None:
        assert self._fd is not None
        info = text or f"pid {os.getpid()}, {_user()}@{socket.gethostname()}, {_stamp()}"
        try:
            platform.write_at_start(self._fd, info.encode("utf-8"))
        except OSError as exc:  # a full disk: said with the file's name, as every write
            raise StoreError("write_failed", path=self.path, detail=os_detail(exc)) from None

    def holder(self, whole: bool = False) -> str:
        """Who holds the lock, as its first line says (`whole`: all it says)."""
        try:
            text = self.path.read_text("utf-8").strip()
        except OSError:
            return "?"
        return (text if whole else text.split("\n", 1)[0]) or "?"

    def release(self, clear: bool = True) -> None:
        with self._guard:
            if self._fd is None:
                return
            # The file stays: removing it would let a waiting process lock a file
            # that a third one can no longer see.
            if clear:
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, 0)
            platform.unlock(self._fd)
            os.close(self._fd)
            self._fd = None


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a bare container
        return str(platform.user_id())


def _stamp() -> str:
    return f"{dt.datetime.now():%Y-%m-%d %H:%M}"


@contextlib.contextmanager
def briefly(path: Path, seconds: float = 2.0) -> Iterator[bool]:
    """Hold a short lock if it comes within `seconds`; yields whether it did."""
    lock = FileLock(path)
    got = lock.acquire_within(seconds)
    try:
        yield got
    finally:
        lock.release(clear=False)


# --- who owns a meeting --------------------------------------------------------


@dataclass(frozen=True)
class Owner:
    """One process's claim to write a meeting, as kept in <id>.owner."""

    pid: int
    start: int  # with the pid, names one process even after pids wrap around
    uid: int
    user: str
    host: str
    tty: int  # its controlling terminal when it took the meeting (0: none)
    token: str
    since: str  # when it took the meeting, ISO seconds
    flock: bool  # True: it holds <id>.lock; False: it took over from one that did
    taken_from: int = 0
    released: bool = False

    @classmethod
    def me(cls, flock: bool, taken_from: int = 0) -> Owner:
        here = proc(os.getpid())
        return cls(
            pid=os.getpid(),
            start=here.start if here else 0,
            uid=platform.user_id(),
            user=_user(),
            host=socket.gethostname(),
            tty=here.tty if here else 0,
            token=secrets.token_hex(16),
            since=dt.datetime.now().isoformat(timespec="seconds"),
            flock=flock,
            taken_from=taken_from,
        )

    def describe(self) -> str:
        """Who, in words that read the same in both languages."""
        when = self.since[:16].replace("T", " ")
        return ", ".join(x for x in (f"pid {self.pid}", f"{self.user}@{self.host}", when) if x)

    def alive(self) -> bool:
        """Whether the process that wrote this record still runs and has not let go."""
        if self.released:
            return False
        if self.pid == os.getpid():
            return self.token in _LIVE
        if self.host != socket.gethostname() or not can_inspect():
            return True  # cannot tell: a live writer must never be written over
        info = proc(self.pid)
        return info is not None and (not self.start or info.start == self.start)


def read_owner(path: Path) -> Owner | None:
    """The owner record, or None when there is none or it cannot be read."""
    try:
        return _owner(json.loads(path.read_bytes()))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def _owner(data: dict) -> Owner:
    fields = {f.name for f in dataclasses.fields(Owner)}
    return Owner(**{k: v for k, v in data.items() if k in fields})


def owner_json(owner: Owner) -> str:
    return json.dumps(dataclasses.asdict(owner))


def write_owner(path: Path, owner: Owner) -> None:
    atomic_write(path, owner_json(owner).encode("utf-8"))


_LOCK_TEXT = re.compile(r"pid (\d+), (.*)@([^,\s]+)")


def owner_from_lock_text(text: str) -> Owner | None:
    """The holder as its <id>.lock says: the record on its second line, else its words."""
    lines = text.split("\n")
    if len(lines) > 1:
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            return _owner(json.loads(lines[1]))
    m = _LOCK_TEXT.search(text)
    if not m:
        return None
    pid = int(m.group(1))
    info = proc(pid)
    return Owner(
        pid=pid,
        start=info.start if info else 0,
        uid=info.uid if info else -1,
        user=m.group(2),
        host=m.group(3),
        tty=0,  # unknown: only a stopped process counts as not answering
        token="",
        since="",
        flock=True,
    )


class Lost(Exception):
    """The meeting was taken over: `owner` holds it now (pid 0 when unknown)."""

    def __init__(self, owner: Owner) -> None:
        super().__init__(owner.describe())
        self.owner = owner


class Busy(Exception):
    """<id>.write did not come in time."""


class Ownership:
    """This process's hold on one meeting: its owner record, and the flock if it has it."""

    def __init__(self, locks_dir: Path, meeting_id: str, owner: Owner, flock: FileLock | None):
        self.meeting_id = meeting_id
        self.owner_path = locks_dir / f"{meeting_id}.owner"
        self.write_path = locks_dir / f"{meeting_id}.write"
        self.owner = owner
        self.flock = flock
        self._released = False
        _LIVE.add(owner.token)

    @property
    def held(self) -> bool:
        return not self._released

    def current(self) -> Owner | None:
        """Who owns the meeting now, when it is not this: None while it is."""
        record = read_owner(self.owner_path)
        if record is not None and record.token == self.owner.token and not record.released:
            return None
        # No record at all also means lost: the one who took it over has let go since.
        return record or dataclasses.replace(self.owner, pid=0, token="", since="")

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold <id>.write while the meeting is written, if it is still ours.

        The check and the write happen under one lock that a taker takes too,
        so a holder stopped between the two cannot write over a taker. Raises
        `Lost` when another process owns the meeting now, `Busy` when the lock
        does not come (held by a process stopped in the middle of a write).
        """
        with briefly(self.write_path) as got:
            if not got:
                raise Busy
            record = self.current()
            if record is not None:
                raise Lost(record)
            yield

    def let_go(self) -> None:
        """Lost to a taker: drop the flock, so it lasts no longer than needed; keep its record."""
        self._released = True
        _LIVE.discard(self.owner.token)
        if self.flock is not None:
            self.flock.release(clear=False)

    def release(self, wait: float = 2.0) -> None:
        """Let go of the meeting: the record says so, and the flock is dropped."""
        if self._released:
            return
        self._released = True
        with contextlib.suppress(Exception), briefly(self.write_path, wait) as got:
            if got and self.current() is None:
                write_owner(self.owner_path, dataclasses.replace(self.owner, released=True))
        _LIVE.discard(self.owner.token)
        if self.flock is not None:
            self.flock.release()


# --- whether the holder answers --------------------------------------------------


@dataclass(frozen=True)
class HolderState:
    """Who holds a meeting for writing, and whether it may be taken from them."""

    held: bool
    pid: int = 0
    who: str = ""  # pid, user@host and since when, for messages
    same_user: bool = True
    same_host: bool = True
    answering: bool = True
    # "free", "running", "stopped", "no_terminal", "other_user", "other_host",
    # "cannot_tell" (no /proc) or "busy" (mid-write, or stopped mid-write)
    reason: str = "free"

    @property
    def can_take_over(self) -> bool:
        return self.held and self.same_user and self.same_host and not self.answering


def judge(owner: Owner, info: Proc | None, uid: int, host: str) -> HolderState:
    """Whether `owner` answers, from what the kernel says about its process.

    Not answering is something the kernel can show, never a guess from
    silence: the process is stopped (SIGSTOP, Ctrl+Z, a debugger: state T or
    t), or it had a terminal when it took the meeting and has none now (the
    terminal was hung up under it, and it lives on). A process that is merely
    busy or waiting is running (R, S, D) with its terminal, and answers.
    """
    base = HolderState(held=True, pid=owner.pid, who=owner.describe())
    if owner.host != host:
        return dataclasses.replace(base, same_host=False, reason="other_host")
    if info is None or (owner.start and info.start != owner.start):
        # Not the process that took the meeting: who holds it cannot be told.
        reason = "running" if can_inspect() else "cannot_tell"
        return dataclasses.replace(base, reason=reason)
    if info.uid != uid or (owner.uid >= 0 and owner.uid != uid):
        return dataclasses.replace(base, same_user=False, reason="other_user")
    if info.state in ("T", "t"):
        return dataclasses.replace(base, answering=False, reason="stopped")
    if owner.tty and not info.tty:
        return dataclasses.replace(base, answering=False, reason="no_terminal")
    return dataclasses.replace(base, reason="running")
