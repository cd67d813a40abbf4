"""A fork server for the programs the terminal tests start.

Most of a program start in a test is Python importing Textual and the
application (about 0.3 s of CPU of a 0.45 s start, over a hundred starts a
run). This server imports them once and forks a program for each request:
the child makes the pty it is given its controlling terminal, takes the
request's working directory, environment and arguments, and runs
`python -m protokoll.tui.cli` as the interpreter would, from the top level
of this script, so that its exit (atexit handlers, threads joined, the exit
status) is the interpreter's own.

Modules read some variables when imported (Textual's ESCDELAY, the marks for
TERM=linux), so a server serves only the environment it was started with;
`tests/terminal/harness.py` keeps one per environment and starts a program
the usual way for anything else.

Protocol, over a Unix socket, one connection per program: the client sends
one JSON line {"argv", "env", "cwd"} with the pty's slave side attached
(SCM_RIGHTS); the server answers a JSON line {"pid"} and, when the program
has exited, {"status"} (as os.waitpid gives it). The server exits when its
standard input, a pipe from the test process, closes.
"""

from __future__ import annotations

import fcntl
import gc
import importlib
import io
import json
import os
import runpy
import selectors
import socket
import sys
import termios

# What a start of the application imports (textual's widgets are imported
# lazily by name, so the screens that use them are named here).
WARM = (
    "protokoll.tui.cli",
    "protokoll.tui.app",
    "protokoll.tui.screens.meeting",
    "protokoll.tui.screens.start",
    "protokoll.tui.screens.action_menu",
    "protokoll.tui.screens.help",
    "textual.drivers.linux_driver",
)


def _receive(conn: socket.socket) -> tuple[dict, int]:
    data, fds, _flags, _addr = socket.recv_fds(conn, 1 << 16, 1)
    while not data.endswith(b"\n"):
        more = conn.recv(1 << 16)
        if not more:
            raise ConnectionError("the request ended early")
        data += more
    if len(fds) != 1:
        raise ConnectionError("a request comes with its terminal")
    return json.loads(data), fds[0]


def _stream(fd: int, like: io.TextIOWrapper) -> io.TextIOWrapper:
    """A standard stream on `fd` as CPython's start-up makes one (create_stdio)."""
    reading = fd == 0
    buffered = reading or not like.write_through  # written through: PYTHONUNBUFFERED
    binary = open(fd, "rb" if reading else "wb", buffering=-1 if buffered else 0, closefd=False)
    return io.TextIOWrapper(
        binary,
        encoding=like.encoding,
        errors=like.errors,
        line_buffering=buffered and not reading and (os.isatty(fd) or fd == 2),
        write_through=not buffered,
    )


def _become(request: dict, tty: int) -> None:
    """In the child: the terminal, directory, environment and arguments of
    `python -m protokoll.tui.cli` started on that terminal."""
    os.setsid()
    fcntl.ioctl(tty, termios.TIOCSCTTY, 0)
    for fd in (0, 1, 2):
        os.dup2(tty, fd)
    if tty > 2:
        os.close(tty)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    # The standard streams as the interpreter makes them on a terminal, with
    # the encoding, errors and buffering (PYTHONUNBUFFERED) its environment
    # gives: the server was started with that environment.
    sys.stdin = sys.__stdin__ = _stream(0, sys.__stdin__)
    sys.stdout = sys.__stdout__ = _stream(1, sys.__stdout__)
    sys.stderr = sys.__stderr__ = _stream(2, sys.__stderr__)
    sys.argv = ["-m", *request["argv"]]
    sys.path[0] = request["cwd"]  # `python -m` puts the working directory first


def serve(path: str) -> dict:
    """Answer requests until standard input closes; in a forked child,
    return its request."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(8)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ, "accept")
    selector.register(0, selectors.EVENT_READ, "parent")
    children: dict[int, tuple[int, socket.socket]] = {}  # pidfd -> (pid, its client)
    print("ready", flush=True)
    while True:
        for key, _events in selector.select():
            if key.data == "parent":
                if not os.read(0, 1024):
                    raise SystemExit(0)
            elif key.data == "accept":
                conn, _ = listener.accept()
                request, tty = _receive(conn)
                # The pid is told once the child has its session and terminal,
                # as Popen returns once its child has run preexec_fn: a test may
                # signal the process group at once.
                ready, told = os.pipe()
                pid = os.fork()
                if pid == 0:
                    selector.close()
                    listener.close()
                    for pidfd, (_pid, client) in children.items():
                        os.close(pidfd)
                        client.close()
                    conn.close()
                    os.close(ready)
                    _become(request, tty)
                    os.close(told)
                    return request
                os.close(tty)
                os.close(told)
                os.read(ready, 1)  # end of file: the child is set up (or gone)
                os.close(ready)
                conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
                pidfd = os.pidfd_open(pid)
                children[pidfd] = (pid, conn)
                selector.register(pidfd, selectors.EVENT_READ, "child")
            else:
                pidfd = key.fd
                pid, client = children.pop(pidfd)
                selector.unregister(pidfd)
                os.close(pidfd)
                _, status = os.waitpid(pid, 0)
                try:
                    client.sendall(json.dumps({"status": status}).encode() + b"\n")
                except OSError:  # the test gave up on it
                    pass
                client.close()


if __name__ == "__main__":
    for name in WARM:
        importlib.import_module(name)
    # What was imported stays shared with the children: kept out of the
    # collector's walks, which would write to (and so copy) every page of it.
    gc.collect()
    gc.freeze()
    serve(sys.argv[1])
    # Only a forked child gets here: the program, as `python -m` runs it. Not
    # found imported already, as it is not in a program started so: runpy
    # would warn of it on the terminal, a line the real program never writes.
    sys.modules.pop("protokoll.tui.cli", None)
    runpy.run_module("protokoll.tui.cli", run_name="__main__", alter_sys=True)
