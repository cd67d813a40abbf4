"""The store as a git repository: the `git` program, run the same way every time.

A store shared by an organisation is a git repository (`protokoll sync`).
The engine is the `git` program itself rather than a library: every IT
department that hosts the shared repository (a bare one over SSH, Gitea,
GitLab) runs the same program, SSH keys and agents work as they do for the
secretary's other tools, and a missing program is one clear line.

Git is run with a fixed environment, so that the user's configuration
cannot surprise us: no system config, no pager, no prompt (a password
prompt would hang the application; SSH runs in batch mode unless the user
set their own SSH command), the C locale for output we read, and an
identity from the OS user and host when git has none.

A store that is not a repository never runs git: `is_repo` is one stat.
"""

from __future__ import annotations

import functools
import getpass
import os
import re
import shutil
import socket
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StoreError
from .words import Both, say

if TYPE_CHECKING:
    import subprocess

# Derived or local to one machine: never shared. The index of meetings
# (index/) is derived from the meeting files and remembers their mtimes, which
# a checkout changes; tracked, every organ-year file would conflict at every
# sync. The undo lists (history/) and drafts are one machine's typing.
GITIGNORE = """\
# protokoll: derived or local to this machine, never shared (protokoll sync)
/locks/
/index/
/search.sqlite
/search.sqlite-*
/drafts/
/exits/
/history/
/spill/
/crash/
.*.tmp
"""

BRANCH = "main"
REMOTE = "origin"


def is_repo(path: Path) -> bool:
    return (Path(path) / ".git").is_dir()


def machine() -> str:
    """This computer's name in the shared store (PROTOKOLL_MACHINE, else the host name)."""
    return os.environ.get("PROTOKOLL_MACHINE") or socket.gethostname()


def user() -> str:
    """The person at this computer: the OS user's full name, else the login."""
    try:
        import pwd  # POSIX only; Windows has the login alone

        entry = pwd.getpwuid(os.getuid())
    except (ImportError, KeyError, AttributeError):
        return _login()
    full = entry.pw_gecos.split(",")[0].strip()
    return full or entry.pw_name


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in a bare container
        return "protokoll"


@functools.cache
def _program() -> str | None:
    return shutil.which("git")


def _environment(path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_TERMINAL_PROMPT="0",
        GIT_PAGER="cat",
        PAGER="cat",
        LC_ALL="C",
        LANGUAGE="",
        GIT_MERGE_AUTOEDIT="no",
    )
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    env.pop("GIT_INDEX_FILE", None)
    if "GIT_SSH_COMMAND" not in env and "GIT_SSH" not in env:
        env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"
    name, email = _identity(str(path))
    env.setdefault("GIT_AUTHOR_NAME", name)
    env.setdefault("GIT_AUTHOR_EMAIL", email)
    env.setdefault("GIT_COMMITTER_NAME", env["GIT_AUTHOR_NAME"])
    env.setdefault("GIT_COMMITTER_EMAIL", env["GIT_AUTHOR_EMAIL"])
    return env


@functools.cache
def _identity(path: str) -> tuple[str, str]:
    """git's own user.name and user.email where set, else the OS user's at this host."""
    found = []
    for key in ("user.name", "user.email"):
        r = _raw(Path(path), ["config", "--get", key], dict(os.environ, GIT_CONFIG_NOSYSTEM="1"))
        found.append(r.stdout.strip() if r.returncode == 0 else "")
    login = os.environ.get("USER") or _login()
    return found[0] or user(), found[1] or f"{login}@{machine()}"


def _raw(path: Path, args: Sequence[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    program = _program()
    if program is None:
        raise StoreError("git_missing")
    import subprocess  # here: a store that is not shared never runs git

    cwd = path if path.is_dir() else None
    return subprocess.run(
        [program, "-c", "core.quotepath=off", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )


def git(path: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run git in the store at `path`; a failure is a one-line StoreError."""
    r = _raw(Path(path), args, _environment(Path(path)))
    if check and r.returncode != 0:
        raise StoreError("git_failed", command=args[0], detail=cause(r.stderr or r.stdout))
    return r


def cause(text: str) -> Both | str:
    """What went wrong, from git's words: the cause it names first, in the
    interface's words where it is a usual one. Its last line had been given,
    which over SSH is the end of a boilerplate sentence ("and the repository
    exists."), whatever the cause (a trial)."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    causes = [x for x in lines if not any(g in x for g in _BOILERPLATE)]
    for line in causes or lines:
        for pattern, key in _CAUSES:
            found = pattern.search(line)
            if found:
                params = found.groupdict()
                return Both.of(lambda lang, key=key, params=params: say(key, lang, **params))
    return (causes or lines or ["?"])[0]


# What git says around any failure to reach the other computer.
_BOILERPLATE = (
    "Could not read from remote repository",
    "Please make sure you have the correct access rights",
    "and the repository exists",
)
_CAUSES = [
    (re.compile(r"Could not resolve hostname (?P<host>[^:\s]+)"), "messages.git_no_host"),
    (re.compile(r"Permission denied"), "messages.git_denied"),
    (re.compile(r"Connection refused"), "messages.git_refused"),
    (re.compile(r"timed out", re.I), "messages.git_timeout"),
    (
        re.compile(r"Connection (closed|reset)|Broken pipe|hung up|unexpected disconnect", re.I),
        "messages.git_lost",
    ),
    (
        re.compile(r"does not appear to be a git repository|No such file or directory"),
        "messages.git_no_repository",
    ),
]


def blob(path: Path, rev: str, name: str) -> bytes | None:
    """A file as it is in commit `rev` (None when it is not there)."""
    program = _program()
    if program is None:
        raise StoreError("git_missing")
    import subprocess

    r = subprocess.run(
        [program, "cat-file", "blob", f"{rev}:{name}"],
        cwd=path,
        env=_environment(Path(path)),
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    return r.stdout if r.returncode == 0 else None


def blobs(path: Path, specs: Sequence[str]) -> list[bytes | None]:
    """Files as they are in commits ("REV:NAME" each), read by one git process."""
    if not specs:
        return []
    program = _program()
    if program is None:
        raise StoreError("git_missing")
    import subprocess

    r = subprocess.run(
        [program, "cat-file", "--batch"],
        cwd=path,
        env=_environment(Path(path)),
        input="".join(f"{s}\n" for s in specs).encode(),
        capture_output=True,
    )
    out, at, found = r.stdout, 0, []
    for _ in specs:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":
            found.append(None)  # "missing": not in that commit
            continue
        size = int(header[2])
        found.append(out[at : at + size])
        at += size + 1
    return found


def commit(path: Path, message: str, paths: Iterable[str] | None = None) -> bool:
    """Commit the store's changes (`paths` only, when given); False when there were none.

    Another process committing at the same moment holds git's index lock:
    waited for, briefly.
    """
    names = [p for p in paths if (Path(path) / p).exists() or _tracked(path, p)] if paths else []
    if paths is not None and not names:
        return False
    for attempt in range(40):
        add = git(path, "add", "-A", "--", *names, check=False)
        if add.returncode == 0:
            r = git(path, "commit", "-q", "--no-verify", "-m", message, check=False)
            if r.returncode == 0:
                return True
            if "nothing to commit" in r.stdout or "nothing added" in r.stdout:
                return False
            out = r.stderr
        else:
            out = add.stderr
        if "index.lock" not in out or attempt == 39:
            raise StoreError("git_failed", command="commit", detail=cause(out))
        time.sleep(0.05)
    return False


def _tracked(path: Path, name: str) -> bool:
    return git(path, "ls-files", "--error-unmatch", "--", name, check=False).returncode == 0


def head(path: Path) -> str | None:
    r = git(path, "rev-parse", "--verify", "-q", "HEAD", check=False)
    return r.stdout.strip() or None


class Recorder:
    """The store's listener for events that matter (store.verbs.events): a commit each.

    Nothing at all happens when the store is not a repository. A commit that
    fails (git missing, a full disk) does not undo the change, which is saved:
    it goes into the next event's or sync's commit.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __call__(self, event: str, subject: str, files: Sequence[str]) -> None:
        if not is_repo(self.path):
            return
        try:
            commit(self.path, message(event, subject), [*files, "catalogue.json"])
        except StoreError:
            pass


def message(event: str, subject: str) -> str:
    """A commit's message: the event and what it concerns, by this machine."""
    return f"{event}: {subject}\n\nprotokoll on {machine()}"


def parse_message(text: str) -> tuple[str, str]:
    """(event, subject) of a commit message written by `message`; ("", text) otherwise."""
    first = text.splitlines()[0] if text else ""
    event, sep, subject = first.partition(": ")
    if sep and event.isidentifier():
        return event, subject
    return "", first


@dataclass(frozen=True)
class Entry:
    """One commit of the store's history."""

    commit: str
    author: str
    when: str  # YYYY-MM-DD HH:MM, local time
    event: str  # "closed", ...; "" for a commit not made by protokoll
    subject: str


def entries(path: Path, names: Sequence[str] = (), limit: int | None = None) -> list[Entry]:
    """The history, newest first; of the files `names` only, when given."""
    args = ["log", "--format=%H%x1f%an%x1f%ad%x1f%B%x1e", "--date=format-local:%Y-%m-%d %H:%M"]
    if names:
        # Every commit that changed them, on every side of a sync's merge: git
        # otherwise follows only the side whose version was kept, and the
        # other computer's reopening and closing were not in `log` (a trial).
        args.append("--full-history")
    if limit:
        args.append(f"-{limit}")
    if head(path) is None:
        return []
    out = git(path, *args, "--", *names).stdout
    found = []
    for record in out.split("\x1e"):
        parts = record.strip("\n").split("\x1f")
        if len(parts) != 4:
            continue
        event, subject = parse_message(parts[3].strip())
        found.append(Entry(parts[0], parts[1], parts[2], event, subject))
    return found
