"""A meeting held by another program, said for the command line.

The store's refusal ("locked") is worded for the application, which then opens
the meeting read-only. A command opens nothing: it says plainly that the
meeting is open in another program, which program if this computer can tell
(its pid from the lock, its name from /proc), and what to do.
"""

from __future__ import annotations

import re
import socket

from protokoll.store import LockedError, StoreError
from protokoll.store.platform import PROC

_PID = re.compile(r"pid (\d+)")
_HOST = re.compile(r"@([^,\s]+)")


def program(holder: str) -> str:
    """The name of the program that holds the lock, when it runs on this computer."""
    pid, host = _PID.search(holder), _HOST.search(holder)
    if pid is None or (host is not None and host.group(1) != socket.gethostname()):
        return ""
    try:
        raw = (PROC / pid.group(1) / "cmdline").read_bytes()
    except OSError:
        return ""
    argv = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    # `protokoll`, or `python -m protokoll.tui`: the application, whatever started it.
    if any(a.rsplit("/", 1)[-1] == "protokoll" or a.startswith("protokoll.") for a in argv):
        return "protokoll"
    return argv[0].rsplit("/", 1)[-1] if argv else ""


def held(exc: StoreError) -> StoreError:
    """The command line's words for a meeting another program holds; others as they are."""
    if isinstance(exc, LockedError) and exc.key == "store_read_only":
        params = exc.params
        return StoreError("store_not_writable", path=params["path"], detail=params["detail"])
    if not isinstance(exc, LockedError) or exc.key != "locked":
        return exc
    holder = str(exc.params.get("holder", ""))
    name = program(holder)
    who = f"{name}, {holder}" if name else holder
    return StoreError("open_elsewhere", meeting=exc.params.get("meeting", ""), holder=who)
