"""`protokoll sync`: commit, fetch, integrate, push; safe to run at any time.

A store shared by several computers is a git repository with one remote
(origin) and one branch (main). A sync:

1. makes the store a repository if it is not one (its meetings are committed
   and added to the remote's; an empty store simply takes the remote's);
2. publishes which meetings are held open here (store.presence) and commits
   what the autosave wrote since the last event;
3. fetches and integrates by the store's rules (store.sync_merge): the merged
   files are written first and committed after, so a sync stopped half-way
   leaves files that the next sync commits and integrates again;
4. refuses to push when two meetings of one organ would share § numbers,
   naming both and the one to renumber (`renumber`), and otherwise pushes
   (again from 3 when another computer pushed meanwhile).

What came in is taken into the meeting index and the search index.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import git_history, ids, numbering, presence, storage
from .errors import StoreError
from .git_history import BRANCH, GITIGNORE, REMOTE, git, head, is_repo, machine
from .model import Meeting
from .storage import make_private_dir
from .store import Store, read_meeting
from .sync_merge import FieldConflict, Side, merge_catalogue, pick_meeting, status_of

if TYPE_CHECKING:
    from .checks import Problem

CONFLICTS = "conflicts"
_MACHINE = re.compile(r"^protokoll on (.+)$", re.MULTILINE)  # git_history.message's last line
TRIES = 5  # fetch-integrate-push rounds while others push at the same moment


@dataclass(frozen=True)
class Conflict:
    """A meeting changed on two computers: which was kept, and where the other is."""

    meeting: str
    copy: str  # the conflict copy's path in the store
    kept_by: str
    other_by: str
    # Both versions adjusted, with different texts: two records of one meeting.
    adjusted_twice: bool = False


@dataclass(frozen=True)
class Collision:
    """Two meetings of one organ and year with the same § numbers."""

    number: int
    here: str
    there: str
    fix: str  # the unadjusted one, to renumber ("" when both are adjusted)


@dataclass
class Report:
    remote: str = ""
    received: list[str] = field(default_factory=list)  # meetings that came in or changed
    conflicts: list[Conflict] = field(default_factory=list)
    organ_conflicts: list[FieldConflict] = field(default_factory=list)
    collisions: list[Collision] = field(default_factory=list)
    pushed: bool = False


def _remote_url(path: Path) -> str | None:
    r = git(path, "remote", "get-url", REMOTE, check=False)
    return r.stdout.strip() or None if r.returncode == 0 else None


def _init(path: Path, remote: str) -> None:
    """Make the store a repository: its meetings are its first commit."""
    make_private_dir(path)
    git(path, "init", "-q")
    git(path, "symbolic-ref", "HEAD", f"refs/heads/{BRANCH}")
    git(path, "remote", "add", REMOTE, remote)
    _ignore(path)
    git_history.commit(path, git_history.message("converted", machine()))


def _ignore(path: Path) -> None:
    target = path / ".gitignore"
    if not target.exists():
        storage.atomic_write(target, GITIGNORE.encode())


def sync(store_path: Path | str, remote: str | None = None) -> Report:
    """One sync of the store at `store_path` with `remote` (default: the one remembered)."""
    path = Path(store_path).expanduser()
    before: str | None = None
    if not is_repo(path):
        if not remote:
            raise StoreError("sync_no_remote", path=path)
        _init(path, remote)
    elif remote:
        before = _remote_url(path)
        git(path, "remote", "set-url" if before else "add", REMOTE, remote)
    url = _remote_url(path)
    if url is None:
        raise StoreError("sync_no_remote", path=path)
    try:
        _fetch(path, url)
    except StoreError:
        # A mistyped address is not remembered: the next plain `sync` had
        # gone on failing at it (a trial).
        if remote and before and before != remote:
            git(path, "remote", "set-url", REMOTE, before, check=False)
        raise
    report = Report(remote=url)
    _ignore(path)
    _commit_pending(path)
    for attempt in range(TRIES):
        if attempt:
            _fetch(path, url)  # another computer pushed meanwhile
        theirs = _rev(path, f"refs/remotes/{REMOTE}/{BRANCH}")
        if theirs is not None:
            _integrate(path, theirs, report)
        store = Store(path)  # reads what came in: the meeting index is up to date
        report.collisions = collisions(store)
        if report.collisions:
            break  # nothing is pushed: the secretary renumbers first
        pushed = git(path, "push", "-q", REMOTE, f"HEAD:refs/heads/{BRANCH}", check=False)
        if pushed.returncode == 0:
            report.pushed = True  # and origin/main follows, as git does for a push
            break
        if "rejected" not in pushed.stderr and "fetch first" not in pushed.stderr:
            detail = git_history.cause(pushed.stderr)
            raise StoreError("sync_push_failed", remote=url, detail=detail)
    _update_search(store)
    return report


def _fetch(path: Path, url: str) -> None:
    """The remote's commits; a failure names the address and the cause."""
    r = git(path, "fetch", "-q", REMOTE, check=False)
    if r.returncode != 0:
        detail = git_history.cause(r.stderr or r.stdout)
        raise StoreError("sync_fetch_failed", remote=url, detail=detail)


def _commit_pending(path: Path) -> None:
    presence.publish(path)
    git_history.commit(path, git_history.message("saved", machine()))


def _rev(path: Path, ref: str) -> str | None:
    r = git(path, "rev-parse", "--verify", "-q", f"{ref}^{{commit}}", check=False)
    return r.stdout.strip() or None


def _changed(path: Path, base: str | None, rev: str) -> set[str]:
    if base is None:
        out = git(path, "ls-tree", "-r", "-z", "--name-only", rev).stdout
    else:
        out = git(path, "diff", "--name-only", "-z", "--no-renames", base, rev).stdout
    return {n for n in out.split("\0") if n}


def _last_change(path: Path, rev: str, name: str) -> tuple[int, str]:
    """When the file last changed in `rev`, and by whom: the author and the
    computer their commit names. Two computers of one person, or of a git
    identity set once for a whole office, had both been named the same (a trial)."""
    out = git(path, "log", "-1", "--format=%ct%x1f%an%x1f%B", rev, "--", name).stdout.strip()
    when, _, rest = out.partition("\x1f")
    who, _, body = rest.partition("\x1f")
    on = _MACHINE.search(body)
    if on and on[1] not in who:
        who = f"{who} ({on[1]})" if who else on[1]
    return (int(when) if when.isdigit() else 0), who


def _integrate(path: Path, theirs: str, report: Report) -> None:
    """Bring the remote's commits in by the store's rules, and commit the result."""
    ours = head(path)
    r = git(path, "merge-base", ours or theirs, theirs, check=False)
    base = r.stdout.strip() or None
    if ours is None or base == theirs:
        return  # nothing new there
    mine = _changed(path, base, ours) if base != ours else set()
    other = _changed(path, base, theirs)
    names = sorted(other)
    theirs_data = git_history.blobs(path, [f"{theirs}:{n}" for n in names])
    both = [n for n in names if n in mine]
    ours_data = dict(zip(both, git_history.blobs(path, [f"{ours}:{n}" for n in both]), strict=True))
    held = presence.held_here(path)
    writes: dict[str, bytes | None] = {}
    kept_ours = False
    for name, t in zip(names, theirs_data, strict=True):
        meeting_id = _meeting_of(name)
        if name not in mine:
            if meeting_id in held and t != _read(path / name):
                # Changed there while it is being written here: both kept.
                here = Side(_read(path / name), held_here=True)
                kept_ours |= _conflict(path, name, here, Side(t), report, writes)
                continue
            writes[name] = t
            if meeting_id:
                report.received.append(meeting_id)
            continue
        o = ours_data[name]
        if o == t:
            continue
        kept_ours = True
        if name == "catalogue.json":
            b = git_history.blob(path, base, name) if base else None
            writes[name], found = merge_catalogue(b, o, t)
            report.organ_conflicts.extend(found)
        elif meeting_id:
            t_time, t_who = _last_change(path, theirs, name)
            o_time, o_who = _last_change(path, ours, name)
            ours_side = Side(o, o_time, o_who, meeting_id in held)
            _conflict(path, name, ours_side, Side(t, t_time, t_who), report, writes)
        else:
            writes[name] = t if t is not None else o  # markers, copies: the shared one
    # The files first, the commit after: stopped in between, the next sync
    # finds the merged files as changes of its own and integrates again.
    _write_all(path, writes)
    if base == ours and not kept_ours:
        git(path, "update-ref", "-m", "protokoll sync", "HEAD", theirs, ours)  # fast-forward
        git(path, "add", "-A")
        return
    git(path, "add", "-A")
    tree = git(path, "write-tree").stdout.strip()
    msg = git_history.message("merged", machine())
    new = git(path, "commit-tree", tree, "-p", ours, "-p", theirs, "-m", msg).stdout.strip()
    git(path, "update-ref", "-m", "protokoll sync", "HEAD", new, ours)


def _meeting_of(name: str) -> str:
    if name.startswith("meetings/") and name.endswith(".json") and name.count("/") == 1:
        return name[len("meetings/") : -len(".json")]
    return ""


def _read(file: Path) -> bytes | None:
    try:
        return file.read_bytes()
    except OSError:
        return None


def _conflict(
    path: Path,
    name: str,
    ours: Side,
    theirs: Side,
    report: Report,
    writes: dict[str, bytes | None],
) -> bool:
    """Both sides changed a meeting: one kept, the other a conflict copy.

    Returns whether this computer's version was kept (the merge is no fast-forward)."""
    meeting_id = _meeting_of(name)
    kept = pick_meeting(ours, theirs)
    win, lose = (ours, theirs) if kept == "ours" else (theirs, ours)
    if kept == "theirs":
        writes[name] = theirs.data
        report.received.append(meeting_id)
    if lose.data is None:
        return kept == "ours"  # deleted on one side: the other is simply kept
    # Named by its content: two computers integrating the same two versions
    # make the same copy, not two.
    digest = hashlib.sha1(b"blob %d\0" % len(lose.data) + lose.data).hexdigest()[:10]
    copy = f"{CONFLICTS}/{meeting_id}.{digest}.json"
    writes[copy] = lose.data
    kept_by = win.who or machine()
    twice = status_of(win.data) == status_of(lose.data) == "adjusted"
    report.conflicts.append(Conflict(meeting_id, copy, kept_by, lose.who or machine(), twice))
    return True


def _write_all(path: Path, writes: dict[str, bytes | None]) -> None:
    for name, data in writes.items():
        target = path / name
        if data is None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
            continue
        make_private_dir(target.parent)
        if _read(target) != data:
            storage.atomic_write(target, data)


def collisions(store: Store) -> list[Collision]:
    """Meetings of one organ's numbering sequence that share § numbers."""
    scopes: dict[tuple[str, str], list] = {}
    for s in store.by_id().values():
        if s.kind != "protokoll" or s.first is None:
            continue
        scopes.setdefault(store.scope_of(s.organ_id, s.date, s.id), []).append(s)
    found = []
    for rows in scopes.values():
        rows.sort(key=lambda s: (s.first, numbering.chronological(s)))
        for a, b in zip(rows, rows[1:], strict=False):
            if b.first <= (a.last if a.last is not None else a.first):
                here, there = _here_first(store.path, a.id, b.id)
                fix = next(
                    (
                        s.id
                        for s in (_summary(store, here), _summary(store, there))
                        if s.status != "adjusted"
                    ),
                    "",
                )
                found.append(Collision(b.first, here, there, fix))
    return found


def _summary(store: object, meeting_id: str) -> object:
    return store.by_id()[meeting_id]  # type: ignore[attr-defined]


def _here_first(store_path: Path, a: str, b: str) -> tuple[str, str]:
    """The pair with the meeting the remote does not have yet (this computer's) first."""
    ref = f"refs/remotes/{REMOTE}/{BRANCH}"
    remote_has = {
        m
        for m in (a, b)
        if git(store_path, "cat-file", "-e", f"{ref}:meetings/{m}.json", check=False).returncode
        == 0
    }
    if a in remote_has and b not in remote_has:
        return b, a
    return a, b


def renumber(store_path: Path | str, meeting_ref: str) -> str:
    """Renumber one meeting after the others of its sequence (the fix for a collision)."""
    from .verbs.events import happened

    store = Store(Path(store_path))
    session = store.open(meeting_ref)
    try:
        if session.read_only:
            raise session.notice  # type: ignore[misc]
        store.renumber(session)
    finally:
        session.close()
    happened(store, "renumbered", session.meeting.id)
    return session.meeting.id


def _update_search(store: Store) -> None:
    """The search index takes in what came in, if there is one (the store's own
    index of meetings did when the store was opened after integrating)."""
    from .search import FILE_NAME, SearchIndex

    if (store.path / FILE_NAME).exists():
        with contextlib.suppress(StoreError), SearchIndex(store).synced():
            pass


def take(store_path: Path | str, meeting_ref: str) -> str:
    """A meeting in progress on another computer, written here from now on."""
    store = Store(Path(store_path))
    meeting_id = store.resolve(meeting_ref)
    presence.take(store.path, meeting_id)
    return meeting_id


def choose_copy(store_path: Path | str, copy: str, keep: bool) -> str:
    """The secretary's choice of a conflict copy: kept as the meeting, or removed.

    Kept, the meeting's present version becomes the copy in its turn: nothing
    is lost either way (and the history keeps every version).
    """
    path = Path(store_path).expanduser()
    file, meeting_id = _copy_file(path, copy)
    event = "dropped_copy"
    if keep:
        store = Store(path)
        session = store.open(meeting_id)
        try:
            if session.read_only:
                raise session.notice  # type: ignore[misc]
            data = file.read_bytes()
            now = (path / f"meetings/{meeting_id}.json").read_bytes()
            digest = hashlib.sha1(b"blob %d\0" % len(now) + now).hexdigest()[:10]
            storage.atomic_write(path / CONFLICTS / f"{meeting_id}.{digest}.json", now)
            storage.atomic_write(store._file(meeting_id), data, session._owned())
        finally:
            session.close()
        event = "kept_copy"
    os.unlink(file)
    if is_repo(path):
        git_history.commit(path, git_history.message(event, meeting_id))
    if keep:
        _update_search(Store(path))
    return meeting_id


def read_copy(store_path: Path | str, copy: str) -> Meeting:
    """A conflict copy as a meeting, to be read before it is kept or dropped
    (a trial could not read one: `show` took its name for a meeting's)."""
    file, meeting_id = _copy_file(Path(store_path).expanduser(), copy)
    return read_meeting(file, meeting_id)


def _copy_file(path: Path, copy: str) -> tuple[Path, str]:
    """The file of a conflict copy named as a sync names it
    (`conflicts/<id>.<hash>.json`), and its meeting's id; nothing outside."""
    name = copy.strip().removeprefix("./").removeprefix(f"{CONFLICTS}/")
    parts = name.split(".")
    file = path / CONFLICTS / name
    if "/" in name or len(parts) != 3 or parts[2] != "json" or not ids.valid(parts[0]):
        raise StoreError("sync_no_copy", copy=copy)
    if not file.is_file():
        raise StoreError("sync_no_copy", copy=copy)
    return file, parts[0]


def pending_copies(store_path: Path | str, meeting_id: str) -> list[str]:
    """The conflict copies of a meeting not yet kept or dropped, as `sync --keep`
    and `--drop` name them: what one of them holds is in no protocol yet."""
    try:
        names = os.listdir(Path(store_path) / CONFLICTS)
    except OSError:
        return []
    mine = [n for n in names if n.startswith(f"{meeting_id}.") and n.endswith(".json")]
    return [f"{CONFLICTS}/{n}" for n in sorted(mine)]


def conflict_problems(store: Store, meeting_id: str) -> list[Problem]:
    """A check's finding for each pending copy (`protokoll check`, F9 k): a trial
    adjusted a protocol whose other computer's changes lay in such a copy."""
    from .checks import Problem

    copies = pending_copies(store.path, meeting_id)
    return [Problem("conflict_pending", {"copy": c}) for c in copies]


def after_close(store_path: Path | str) -> bool:
    """Whether this computer syncs after a meeting is closed (`sync --after-close yes`)."""
    path = Path(store_path)
    if not is_repo(path):
        return False  # not shared: no git at all
    r = git(path, "config", "--bool", "--get", "protokoll.syncafterclose", check=False)
    return r.stdout.strip() == "true"


def set_after_close(store_path: Path | str, on: bool) -> None:
    path = Path(store_path)
    if not is_repo(path):
        raise StoreError("sync_no_remote", path=path)
    git(path, "config", "protokoll.syncafterclose", "true" if on else "false")
