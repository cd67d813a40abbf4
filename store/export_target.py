"""Writing an export where a person said: an ordinary file, or nothing.

An export path is typed by hand, so it may name something that is not a
file to write: a symbolic link (replacing or following it would change
another file), a FIFO (opening it blocks until a reader comes), a socket, a
device or a directory. `check_export_target` looks at the path itself
(`lstat`, never following a link) and refuses all of those, an existing
file unless the caller may replace it (`force`: --force, or a yes in the
application), and a read-only file always. `write_export` writes beside the
target and puts the file in place only if the path is still as checked.

An export is meant to be sent on, so a new one gets the mode the user's
umask gives (0644 under 022, 0600 under 077), unlike the owner-only store;
a replaced one keeps the mode its owner chose.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from . import platform
from .errors import StoreError, os_detail
from .words import Both, say

# As any program makes a file: the kernel takes away what the umask says.
NEW_MODE = 0o666

_KINDS = (
    (stat.S_ISLNK, "kind_symlink"),
    (stat.S_ISDIR, "kind_directory"),
    (stat.S_ISFIFO, "kind_fifo"),
    (stat.S_ISSOCK, "kind_socket"),
    (stat.S_ISCHR, "kind_device"),
    (stat.S_ISBLK, "kind_device"),
)


def _kind(mode: int) -> Both:
    key = next((k for test, k in _KINDS if test(mode)), "kind_other")
    return Both(say(f"messages.{key}", "sv"), say(f"messages.{key}", "en"))


# Endings of formats protokoll does not write: text under them would be misnamed
# (`-o protokoll.docx` had written text a word processor then refused, a trial).
OTHER_FORMATS = frozenset({".docx", ".doc", ".odt", ".rtf", ".html", ".htm", ".xlsx", ".xls"})


def check_export_target(path: Path, force: bool = False) -> os.stat_result | None:
    """What is at `path` now (None: nothing), or a StoreError saying why it is not written.

    Raises with key "export_exists" for an ordinary file when not `force`,
    so that the application can ask and call again with `force`.
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        if not os.path.isdir(os.path.dirname(path) or "."):
            # Said before anything is written, so that the application can
            # ask again for the name with what was typed, not after.
            raise _no_folder(path) from None
        return None  # nothing there yet
    except NotADirectoryError:
        raise _no_folder(path) from None
    except OSError as exc:
        raise StoreError("export_failed", path=path, detail=os_detail(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise StoreError("export_not_file", path=path, kind=_kind(st.st_mode))
    # The mode bits as well as access(): root may write anything, yet a file
    # someone made read-only was meant to stay as it is.
    writable = st.st_mode & stat.S_IWUSR and os.access(path, os.W_OK)
    if not writable:
        raise StoreError("export_read_only", path=path)
    if not force:
        raise StoreError("export_exists", path=path)
    return st


def write_export(path: Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` as checked by `check_export_target`; the absolute path written.

    A relative `path` is taken from the working directory. A new file gets the
    umask's mode; a replaced one keeps its own.
    """
    path = Path(os.path.abspath(path))  # not resolve(): a link in the name is not followed
    before = check_export_target(path, force)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | platform.NOFOLLOW | platform.BINARY
        try:
            fd = os.open(tmp, flags, NEW_MODE)
        except (FileNotFoundError, NotADirectoryError) as exc:
            if os.path.isdir(path.parent):
                # There, and takes no file (/proc): what the system said, not "no folder".
                raise StoreError("export_failed", path=path, detail=os_detail(exc)) from None
            raise _no_folder(path) from None
        try:
            if before is not None:
                platform.own_mode(fd, before.st_mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        _put_in_place(tmp, path, before, force)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            key = "export_failed" if before is None else "export_failed_kept"
            raise StoreError(key, path=path, detail=os_detail(exc)) from None
        raise
    platform.fsync_dir(path.parent)
    return path


def _no_folder(path: Path) -> StoreError:
    """The folder to export into is not there (or a file is): said as that, not as an OS error."""
    there = path.parent
    while not os.path.lexists(there) and there.parent != there:
        there = there.parent  # the nearest part of the path that exists
    if not os.path.isdir(there):
        return StoreError("export_not_folder", path=path, folder=there)
    return StoreError("export_no_folder", path=path, folder=path.parent)


def _put_in_place(tmp: Path, path: Path, before: os.stat_result | None, force: bool) -> None:
    """Rename `tmp` to `path` only if `path` is still what was checked."""
    if before is None:
        # link() refuses an existing name in the same step: nothing that
        # appeared at the path since the check is replaced.
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise StoreError("export_changed", path=path) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            # No hard links here (some network and FAT file systems): check, then rename.
            if check_export_target(path, force) is not None:
                raise StoreError("export_changed", path=path) from None
            platform.replace(tmp, path)
            return
        os.unlink(tmp)
        return
    # A rename never follows a link at its target; checked again so that a
    # file swapped in since the first look is not the one replaced.
    now = check_export_target(path, force)
    if now is None or (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino):
        raise StoreError("export_changed", path=path)
    platform.replace(tmp, path)
