"""The real program in a pseudo-terminal, read back through a terminal emulator.

Pilot hands keys to the application after Textual's input parser; a
secretary's terminal hands it bytes. `Terminal` starts `python -m tui.cli`
on the slave side of a pty (its controlling terminal, so closing the
master is a hang-up), writes raw bytes as a terminal would send them, and
feeds everything the program draws to pyte, a VT100/xterm emulator, so a
test reads the screen as text.

Robust on a slow machine: every wait polls with a deadline of seconds and
returns as soon as what it waits for is there; nothing sleeps a fixed time
where a wait can look.
"""

from __future__ import annotations

import array
import atexit
import fcntl
import json
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pyte

ROOT = Path(__file__).resolve().parents[2]

# Variables of the terminal the tests run in, which would tell Textual or the
# program something about a terminal that is not the one emulated here.
_FOREIGN = (
    "COLORTERM",
    "TERM_PROGRAM",
    "TERM_PROGRAM_VERSION",
    "LC_TERMINAL",
    "LC_TERMINAL_VERSION",
    "TMUX",
    "STY",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
)

STARTUP = 30.0  # seconds a cold start may take on a loaded 2-core machine
WAIT = 10.0  # seconds any one visible effect may take


# The program as the tests start it; such starts are forked from a server
# that has imported it already (tests/terminal/zygote.py).
PROGRAM = [sys.executable, "-m", "protokoll.tui.cli"]
# The server waits on its children through pidfds (Linux 5.3); elsewhere exec.
FORKS = hasattr(os, "pidfd_open")


class TerminalError(AssertionError):
    """What a test waited for did not happen; the message has the screen."""


def _controlling_tty() -> None:
    # Runs in the child after setsid() (start_new_session): the pty on fd 0
    # becomes the session's controlling terminal, so the kernel sends SIGHUP
    # when the master side is closed, as when an SSH connection drops.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """One run of the program in an 80×24 (by default) pseudo-terminal."""

    def __init__(
        self,
        store: Path,
        term: str = "xterm-256color",
        cols: int = 80,
        rows: int = 24,
        env: dict[str, str] | None = None,
        argv: list[str] | None = None,
        home: Path | None = None,
        fork: bool = True,
    ) -> None:
        """`fork=False` starts the program by exec even where a fork server
        could: for a test of what the system shows of it (/proc's command line)."""
        self.store = Path(store)
        self.meeting_id: str | None = None  # the meeting a test works on, if it says
        self.term = term
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self._stream = pyte.ByteStream(self.screen)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.output = bytearray()  # everything drawn, for a failing test's message
        self.last_output = time.monotonic()
        self.master: int | None = None
        base = {k: v for k, v in os.environ.items() if k not in _FOREIGN}
        base = {k: v for k, v in base.items() if not k.startswith(("TEXTUAL", "PROTOKOLL"))}
        if "PYTHONPYCACHEPREFIX" not in base:  # else the run's own directory (tests/conftest.py)
            base["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ in the source tree
        home = home or self.store.parent / "home"
        home.mkdir(parents=True, exist_ok=True)
        base.update(
            TERM=term,
            LANG="C.UTF-8",
            LC_ALL="C.UTF-8",
            PYTHONPATH=str(ROOT),
            HOME=str(home),  # an export or a report never lands in the real home
            PROTOKOLL_LANG="sv",
        )
        base.update(env or {})
        self.env = base
        self.argv = argv or [*PROGRAM, "--store", str(self.store)]
        self.fork = fork
        self.proc: subprocess.Popen | Forked | None = None
        self._reader: threading.Thread | None = None

    # --- running ---------------------------------------------------------------

    def start(self) -> Terminal:
        master, slave = os.openpty()
        self._tty = os.ttyname(slave)
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
        try:
            if self.fork and FORKS and self.argv[: len(PROGRAM)] == PROGRAM:
                args = self.argv[len(PROGRAM) :]
                self.proc = _server_for(self.env).start(args, self.env, self.store.parent, slave)
            else:
                self.proc = self._exec(slave)
        finally:
            os.close(slave)
        self.master = master
        self._reader = threading.Thread(target=self._read, name="pty-reader", daemon=True)
        self._reader.start()
        return self

    def _exec(self, slave: int) -> subprocess.Popen:
        return subprocess.Popen(
            self.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=self.env,
            cwd=str(self.store.parent),
            start_new_session=True,
            preexec_fn=_controlling_tty,
        )

    def _read(self) -> None:
        fd = self.master
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([fd], [], [], 0.05)
            except (OSError, ValueError):
                return
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: every slave side is closed, the program is gone
                return
            if not data:
                return
            with self._lock:
                self.output += data
                self._stream.feed(data)
                self.last_output = time.monotonic()

    def __enter__(self) -> Terminal:
        return self if self.proc else self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the program (this run's process only) and free the pty."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)  # its own session: only its group
            except ProcessLookupError:
                pass
            self.proc.wait(10)
        self._close_master()

    def _close_master(self) -> None:
        self._stop.set()
        if self._reader is not None:
            self._reader.join(5)
        if self.master is not None:
            os.close(self.master)
            self.master = None

    # --- the program's state ------------------------------------------------------

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def exit_status(self) -> int | None:
        """The exit status, negative for a signal (as subprocess has it); None while running."""
        return None if self.proc is None else self.proc.poll()

    def wait_exit(self, timeout: float = WAIT) -> int:
        assert self.proc is not None
        try:
            status = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise TerminalError(
                f"the program did not exit within {timeout} s\n{self.dump()}"
            ) from None
        # What it wrote before exiting, all read: the reader ends when the pty's
        # last slave side closes. Read at once, the screen had once held only
        # the program's first line (a failure in one run of the suite).
        if self._reader is not None:
            self._reader.join(min(timeout, 5.0))
        return status

    # --- keys -------------------------------------------------------------------

    def send(self, data: bytes | str) -> None:
        """Write bytes as the terminal would: all of them in one write."""
        if isinstance(data, str):
            data = data.encode()
        assert self.master is not None, "the pty is closed"
        view = memoryview(data)
        while view:
            n = os.write(self.master, view)
            view = view[n:]

    def type(self, text: str, delay: float = 0.0) -> None:
        """Type `text` a character at a time (a write each), `delay` apart."""
        for ch in text:
            self.send(ch)
            if delay:
                time.sleep(delay)

    def hangup(self, timeout: float = WAIT) -> int:
        """Close the master side, as a terminal window closing or an SSH link dropping.

        The kernel sends SIGHUP to the program; returns its exit status.

        Bytes the program has not read by then the kernel throws away with the
        line, as a dropped link loses what was still on the wire: no program
        could save them. So the line drops once the program has read all that
        was sent, and what it has read but not yet handled is what a hang-up
        must still save (CI lost "heten." of a word typed 10 ms a key when
        the program was a read behind)."""
        deadline = time.monotonic() + timeout
        while self.unread() and time.monotonic() < deadline:
            time.sleep(0.005)
        self._close_master()
        return self.wait_exit(timeout)

    def unread(self) -> int:
        """How many bytes sent to the program it has not read yet."""
        fd = os.open(self._tty, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
        try:
            count = array.array("i", [0])
            fcntl.ioctl(fd, termios.FIONREAD, count)
            return count[0]
        finally:
            os.close(fd)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, sig)

    def resize(self, cols: int, rows: int) -> None:
        assert self.master is not None
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        with self._lock:
            self.screen.resize(rows, cols)
        self.cols, self.rows = cols, rows
        self.kill(signal.SIGWINCH)

    # --- the screen --------------------------------------------------------------

    def screen_text(self) -> str:
        with self._lock:
            return "\n".join(line.rstrip() for line in self.screen.display)

    def lines(self) -> list[str]:
        with self._lock:
            return [line.rstrip() for line in self.screen.display]

    def dump(self) -> str:
        status = "running" if self.alive else f"exited with {self.exit_status}"
        ruler = "+" + "-" * self.cols + "+"
        body = "\n".join(f"|{line:<{self.cols}}|" for line in self.lines())
        return f"TERM={self.term}, program {status}; the screen:\n{ruler}\n{body}\n{ruler}"

    def wait_until(self, predicate: Callable[[str], bool], what: str, timeout: float = WAIT) -> str:
        """Poll the screen until `predicate(screen text)` holds; the screen, or a
        TerminalError naming `what` with the screen as it was."""
        end = time.monotonic() + timeout
        while True:
            text = self.screen_text()
            if predicate(text):
                return text
            if not self.alive:
                # What it drew last may still be on its way from the reader.
                time.sleep(0.1)
                text = self.screen_text()
                if predicate(text):
                    return text
                raise TerminalError(f"the program exited while waiting for {what}\n{self.dump()}")
            if time.monotonic() > end:
                raise TerminalError(f"waited {timeout} s for {what}\n{self.dump()}")
            time.sleep(0.02)

    def wait_for(self, text: str, timeout: float = WAIT) -> str:
        return self.wait_until(lambda s: text in s, f"{text!r} on the screen", timeout)

    def wait_gone(self, text: str, timeout: float = WAIT) -> str:
        return self.wait_until(lambda s: text not in s, f"{text!r} to go away", timeout)

    def settle(self, quiet: float = 0.25, timeout: float = WAIT) -> str:
        """Wait until the program has drawn nothing for `quiet` seconds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if time.monotonic() - self.last_output >= quiet:
                return self.screen_text()
            time.sleep(0.02)
        return self.screen_text()


def run(store: Path, term: str = "xterm-256color", ready: str | None = None, **kw) -> Terminal:
    """Start the program; with `ready`, wait until that text is on the screen."""
    t = Terminal(store, term=term, **kw).start()
    if ready is not None:
        try:
            t.wait_for(ready, timeout=STARTUP)
        except BaseException:
            t.close()
            raise
    return t


# --- programs forked from a server that has imported them -------------------------


class Forked:
    """A program forked by the server: the part of `subprocess.Popen` the
    tests use (pid, poll, wait, returncode), the exit status coming from the
    server, its parent."""

    def __init__(self, conn: socket.socket) -> None:
        self._conn = conn
        self._file = conn.makefile("rb")
        self.pid: int = json.loads(self._file.readline())["pid"]
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            ready, _, _ = select.select([self._conn], [], [], 0)
            if ready:
                self._collect()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            ready, _, _ = select.select([self._conn], [], [], timeout)
            if not ready:
                raise subprocess.TimeoutExpired(PROGRAM, timeout or 0)
            self._collect()
        assert self.returncode is not None
        return self.returncode

    def _collect(self) -> None:
        line = self._file.readline()
        if not line:
            raise TerminalError("the fork server went away before the program ended")
        self.returncode = os.waitstatus_to_exitcode(json.loads(line)["status"])
        self._file.close()
        self._conn.close()


class _Server:
    """One fork server, for programs with one environment."""

    def __init__(self, env: dict[str, str]) -> None:
        self._dir = tempfile.mkdtemp(prefix="protokoll-zygote-")
        self.path = os.path.join(self._dir, "socket")
        self._log = open(os.path.join(self._dir, "log"), "w+b")  # noqa: SIM115 (kept open)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.terminal.zygote", self.path],
            stdin=subprocess.PIPE,  # closed when this process ends: the server ends too
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=env,
            cwd=ROOT,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline() != b"ready\n":
            self._log.seek(0)
            raise TerminalError(f"the fork server did not start:\n{self._log.read().decode()}")

    def start(self, args: list[str], env: dict[str, str], cwd: Path, slave: int) -> Forked:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(self.path)
        request = {"argv": args, "env": env, "cwd": str(cwd)}
        socket.send_fds(conn, [json.dumps(request).encode() + b"\n"], [slave])
        return Forked(conn)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._log.close()
        for name in ("socket", "log"):
            try:
                os.unlink(os.path.join(self._dir, name))
            except FileNotFoundError:
                pass
        os.rmdir(self._dir)


_servers: dict[tuple[tuple[str, str], ...], _Server] = {}
_PER_TEST = ("HOME", "PYTEST_CURRENT_TEST")


def server_key(env: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """What makes programs need servers of their own: the environment but for
    what differs from test to test and is read when used, not on import (HOME,
    pytest's PYTEST_CURRENT_TEST). Keyed by those, every test had a server of
    its own, importing everything again."""
    return tuple(sorted((k, v) for k, v in env.items() if k not in _PER_TEST))


def _server_for(env: dict[str, str]) -> _Server:
    key = server_key(env)
    if key not in _servers:
        _servers[key] = _Server(env)
    return _servers[key]


@atexit.register
def _stop_servers() -> None:
    for server in _servers.values():
        server.stop()
    _servers.clear()
