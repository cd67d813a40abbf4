"""Each platform branch of store/platform.py, by simulating the platform.

Windows is simulated with os.name == "nt" and a fake `msvcrt` whose
`locking` keeps byte-range locks from the file position, as the real one
does; a subprocess with `fcntl` blocked shows that `import store` and a save
need no POSIX module. Only Linux runs here for real.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest

from protokoll.store import Store, StoreError, platform
from protokoll.store.lock import FileLock
from protokoll.store.storage import atomic_write, check_private_dir, make_private_dir

ROOT = Path(__file__).resolve().parent.parent


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows keeps it: per open file, nbytes from the position."""

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int, int], int] = {}  # (dev, ino, offset) -> fd
        self.calls: list[tuple[int, int]] = []  # (mode, offset)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        st = os.fstat(fd)
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append((mode, offset))
        key = (st.st_dev, st.st_ino, offset)
        if mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise PermissionError(errno.EACCES, "not locked")
            del self.held[key]
            return
        if key in self.held:
            raise OSError(errno.EDEADLOCK, "Resource deadlock avoided")
        self.held[key] = fd


def os_named(name: str) -> types.ModuleType:
    """The os module as store/platform.py sees it on another platform.

    A copy, not the real one: pathlib and the standard library read os.name
    too, and cannot make a Windows path on Linux.
    """
    other = types.ModuleType("os")
    other.__dict__.update(os.__dict__)
    other.name = name
    return other


@contextlib.contextmanager
def simulated(name: str):
    """os.name as on another platform, for store/platform.py and the calls inside only."""
    real = platform.os
    platform.os = os_named(name)
    try:
        yield
    finally:
        platform.os = real


@pytest.fixture
def msvcrt(monkeypatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


# --- locks -----------------------------------------------------------------------


def test_on_windows_a_second_handle_is_refused_until_the_first_lets_go(tmp_path, msvcrt):
    first, second = FileLock(tmp_path / "m.lock"), FileLock(tmp_path / "m.lock")
    with simulated("nt"):
        assert first.acquire()
        assert not second.acquire()
        assert not second.acquire_within(0.05)  # bounded: gives up, does not hang
        first.release()
        assert second.acquire()
        second.release()
    assert msvcrt.held == {}


def test_on_windows_the_lock_byte_lies_past_the_text_so_the_holder_can_be_read(
    tmp_path, msvcrt
):
    lock = FileLock(tmp_path / "m.lock")
    with simulated("nt"):
        assert lock.acquire()
        lock.write_holder("pid 7, anna@kansli, 2026-01-15 13:00")
        assert FileLock(tmp_path / "m.lock").holder() == "pid 7, anna@kansli, 2026-01-15 13:00"
        lock.release()
    assert {offset for _, offset in msvcrt.calls} == {platform.LOCK_BYTE}
    assert (tmp_path / "m.lock").read_bytes() == b""  # released: cleared, as on POSIX


def test_on_windows_the_file_position_is_left_where_it_was(tmp_path, msvcrt):
    fd = os.open(tmp_path / "m.lock", os.O_RDWR | os.O_CREAT)
    try:
        os.lseek(fd, 3, os.SEEK_SET)
        with simulated("nt"):
            assert platform.try_lock(fd)
            platform.unlock(fd)
        assert os.lseek(fd, 0, os.SEEK_CUR) == 3
    finally:
        os.close(fd)


def test_on_windows_an_error_other_than_held_is_not_taken_for_held(tmp_path, msvcrt):
    def broken(fd: int, mode: int, nbytes: int) -> None:
        raise OSError(errno.EBADF, "Bad file descriptor")

    msvcrt.locking = broken
    fd = os.open(tmp_path / "m.lock", os.O_RDWR | os.O_CREAT)
    try:
        with simulated("nt"), pytest.raises(OSError) as err:
            platform.try_lock(fd)
        assert err.value.errno == errno.EBADF
    finally:
        os.close(fd)


def test_on_windows_a_blocking_lock_waits_for_the_holder(tmp_path, msvcrt, monkeypatch):
    first, second = FileLock(tmp_path / "m.lock"), FileLock(tmp_path / "m.lock")
    naps = []

    def nap(seconds: float) -> None:  # the holder lets go while the waiter sleeps
        naps.append(seconds)
        first.release()

    monkeypatch.setattr(platform.time, "sleep", nap)
    with simulated("nt"):
        assert first.acquire()
        assert second.acquire(blocking=True)
        second.release()
    assert len(naps) == 1


def test_on_posix_two_handles_exclude_each_other_through_flock(tmp_path):
    first, second = FileLock(tmp_path / "m.lock"), FileLock(tmp_path / "m.lock")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_the_holder_is_written_without_pwrite(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "pwrite")  # Windows has none
    lock = FileLock(tmp_path / "m.lock")
    assert lock.acquire()
    lock.write_holder("a much longer first holder text")
    lock.write_holder("short")
    assert (tmp_path / "m.lock").read_text() == "short"
    lock.release()


# --- renames, syncs and modes ------------------------------------------------------


def failing_replace(monkeypatch, failures: int) -> list[tuple[str, str]]:
    real = os.replace
    calls: list[tuple[str, str]] = []

    def replace(src, dst):
        calls.append((str(src), str(dst)))
        if len(calls) <= failures:
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real(src, dst)

    monkeypatch.setattr(platform.os, "replace", replace)
    monkeypatch.setattr(platform.time, "sleep", lambda s: None)
    return calls


def test_on_windows_a_rename_blocked_by_a_reader_is_tried_again(tmp_path, monkeypatch):
    target = tmp_path / "m.json"
    target.write_text("old")
    calls = failing_replace(monkeypatch, 2)
    with simulated("nt"):
        atomic_write(target, b"new")
    assert target.read_text() == "new" and len(calls) == 3


def test_on_windows_a_rename_blocked_for_good_fails_saying_so_and_keeps_the_old(
    tmp_path, monkeypatch
):
    target = tmp_path / "m.json"
    target.write_text("old")
    calls = failing_replace(monkeypatch, 10_000)
    with simulated("nt"), pytest.raises(StoreError) as err:
        atomic_write(target, b"new")
    assert err.value.key == "write_failed"
    assert len(calls) == platform.REPLACE_TRIES
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json"]  # no temp file left


def test_on_posix_a_refused_rename_is_not_tried_again(tmp_path, monkeypatch):
    target = tmp_path / "m.json"
    calls = failing_replace(monkeypatch, 1)
    with pytest.raises(StoreError):
        atomic_write(target, b"new")
    assert len(calls) == 1


def opened(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = os.open

    def spy(path, flags, *rest):
        seen.append(str(path))
        return real(path, flags, *rest)

    monkeypatch.setattr(platform.os, "open", spy)
    return seen


def test_the_directory_is_synced_on_posix_and_not_opened_on_windows(tmp_path, monkeypatch):
    seen = opened(monkeypatch)
    with simulated("nt"):
        platform.fsync_dir(tmp_path)
    assert seen == []
    platform.fsync_dir(tmp_path)
    assert seen == [str(tmp_path)]


def test_on_posix_a_new_store_directory_is_owner_only_under_any_umask(tmp_path):
    old = os.umask(0o000)
    try:
        make_private_dir(tmp_path / "s")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "s").stat().st_mode) == 0o700


def test_on_windows_modes_are_left_to_the_profiles_acl(tmp_path, monkeypatch):
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    open_dir.chmod(0o777)
    chmods: list[str] = []
    monkeypatch.setattr(platform.os, "chmod", lambda p, m, **kw: chmods.append(str(p)))
    with simulated("nt"):
        make_private_dir(tmp_path / "s")
        check_private_dir(open_dir)  # no owners and modes to judge: not refused
        assert platform.user_id() == -1
    assert chmods == []
    with pytest.raises(StoreError) as err:
        check_private_dir(open_dir)
    assert err.value.key == "dir_open_to_others"


# --- the whole store without POSIX --------------------------------------------------

WITHOUT_FCNTL = r"""
import errno, fcntl as real, os, sys, types

sys.modules["fcntl"] = None  # as on Windows: `import fcntl` fails
held = []

def locking(fd, mode, nbytes):
    # Windows' byte-range lock from the file position, through POSIX record locks
    # so that two processes exclude each other here too.
    held.append(os.lseek(fd, 0, os.SEEK_CUR))
    try:
        real.lockf(fd, real.LOCK_UN if mode == 0 else real.LOCK_EX | real.LOCK_NB,
                   nbytes, 0, os.SEEK_CUR)
    except OSError:
        raise PermissionError(errno.EACCES, "locked")

msvcrt = types.ModuleType("msvcrt")
msvcrt.LK_UNLCK, msvcrt.LK_LOCK, msvcrt.LK_NBLCK = 0, 1, 2
msvcrt.locking = locking
sys.modules["msvcrt"] = msvcrt

import protokoll.store  # with `fcntl` gone: nothing of it at import time
from protokoll.store import Store, platform

# Windows as store/platform.py sees it (pathlib cannot make Windows paths on Linux).
platform.os = types.ModuleType("os")
platform.os.__dict__.update(os.__dict__)
platform.os.name = "nt"

assert "fcntl" not in sys.modules or sys.modules["fcntl"] is None
path, mode = sys.argv[1], sys.argv[2]
s = Store(path)
if mode == "write":
    organ = s.add_organ("Arbetsutskottet", "Förbundet", organ_id="au")
    session = s.create_meeting("au", "2026-01-15")
    session.add_paragraph("Val av justerare")
    session.save()
    session.close()
    print(session.meeting.id)
elif mode == "hold":
    session = s.open(sys.argv[3])
    assert not session.read_only
    print("ready", flush=True)
    sys.stdin.read()
else:
    session = s.open(sys.argv[3])
    print(session.read_only, session.meeting.paragraphs[0].title, flush=True)
assert set(held) == {platform.LOCK_BYTE}, held
"""


def run_without_fcntl(*args: str, **kw) -> subprocess.CompletedProcess | subprocess.Popen:
    command = [sys.executable, "-c", WITHOUT_FCNTL, *args]
    if kw.pop("background", False):
        return subprocess.Popen(command, cwd=ROOT, text=True, **kw)
    return subprocess.run(command, cwd=ROOT, text=True, capture_output=True, timeout=60)


def test_the_store_imports_saves_and_locks_without_fcntl(tmp_path):
    made = run_without_fcntl(str(tmp_path / "s"), "write")
    assert made.returncode == 0, made.stderr
    meeting_id = made.stdout.strip()
    holder = run_without_fcntl(
        str(tmp_path / "s"),
        "hold",
        meeting_id,
        background=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        other = run_without_fcntl(str(tmp_path / "s"), "read", meeting_id)
        assert other.returncode == 0, other.stderr
        assert other.stdout.split() == ["True", "Val", "av", "justerare"]  # read-only: held
    finally:
        holder.stdin.close()
        holder.wait(30)
    assert holder.returncode == 0
    after = run_without_fcntl(str(tmp_path / "s"), "read", meeting_id)
    assert after.stdout.split()[0] == "False"  # let go: writable again
    assert Store(tmp_path / "s").load(meeting_id).paragraphs[0].title == "Val av justerare"


# --- the application ------------------------------------------------------------------


async def test_the_application_starts_where_signals_cannot_be_caught(tmp_path, monkeypatch):
    """Windows: no SIGHUP in `signal`, and an event loop without add_signal_handler."""
    import asyncio
    import signal

    from protokoll.tui.app import ProtokollApp

    monkeypatch.delattr(signal, "SIGHUP")

    def no_handlers(self, sig, callback, *args):
        raise NotImplementedError

    monkeypatch.setattr(
        asyncio.unix_events._UnixSelectorEventLoop, "add_signal_handler", no_handlers
    )
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.store is not None and app.store.path == tmp_path / "store"
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)
