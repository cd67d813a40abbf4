"""The store changes the mode only of directories it made, refuses one that
others can write to, and never writes through a link in its lock files."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from protokoll.store import Store, StoreError
from protokoll.store.verbs.history import History
from protokoll.tui.cli import main

from .conftest import store_with_meeting_in_progress


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_store_is_made_owner_only(tmp_path):
    Store(tmp_path / "new")
    for d in ("new", "new/meetings", "new/locks"):
        assert mode(tmp_path / d) == 0o700, d


def test_an_existing_directory_of_ours_keeps_its_mode(tmp_path):
    path = tmp_path / "shared-read"
    path.mkdir()
    path.chmod(0o755)  # readable by others on purpose; not writable by them
    Store(path)
    assert mode(path) == 0o755
    assert mode(path / "meetings") == 0o700  # made here, so made private


def shared_group() -> int | None:
    """A group that is not this user's own, that this process may give a directory."""
    import grp
    import pwd

    user = pwd.getpwuid(os.getuid()).pw_name
    mine = set(os.getgroups()) if os.getuid() else {g.gr_gid for g in grp.getgrall()}
    for g in grp.getgrall():
        if g.gr_gid in mine and (g.gr_name != user or set(g.gr_mem) - {user}):
            return g.gr_gid
    return None


def test_a_group_writable_directory_of_the_users_own_group_is_used(tmp_path):
    import grp
    import pwd

    user = pwd.getpwuid(os.getuid())
    path = tmp_path / "upg"
    path.mkdir()
    os.chown(path, -1, user.pw_gid)
    path.chmod(0o775)  # umask 002 under a group of one's own (Debian, Ubuntu)
    private = grp.getgrgid(user.pw_gid)
    if private.gr_name == user.pw_name and set(private.gr_mem) <= {user.pw_name}:
        Store(path)
        assert mode(path) == 0o775
    else:  # this user's group is shared: the directory is open to others
        with pytest.raises(StoreError):
            Store(path)


@pytest.mark.parametrize("bits", [0o1777, 0o775, 0o757])
def test_a_directory_others_can_write_to_is_refused_and_left_as_it_was(tmp_path, capsys, bits):
    path = tmp_path / "open"
    path.mkdir()
    group = shared_group()
    assert group is not None  # root may give any group; a user is in some group
    os.chown(path, -1, group)
    path.chmod(bits)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.key == "dir_open_to_others"
    assert mode(path) == bits and list(path.iterdir()) == []
    # The command line: one line that says what to do, exit 1.
    assert main(["import", "x.txt", "--store", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert f"chmod 700 {path}" in err and f"{bits:o}" in err
    assert mode(path) == bits


def test_a_subdirectory_others_can_write_to_is_refused(tmp_path):
    path = tmp_path / "store"
    Store(path)
    (path / "locks").chmod(0o777)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.key == "dir_open_to_others" and caught.value.params["path"] == (
        path / "locks"
    )
    assert mode(path / "locks") == 0o777


def test_a_directory_of_another_user_is_refused(tmp_path):
    if os.geteuid() == 0:
        path = tmp_path / "theirs"
        path.mkdir(mode=0o700)
        os.chown(path, 4242, 4242)  # only root can give a directory away
    else:
        path = Path("/")  # root's, whoever runs this; refused before anything is made in it
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.key == "dir_not_yours"
    assert f"uid {os.stat(path).st_uid}" in caught.value.text("en")


def test_meetings_made_read_only_on_purpose_stay_so(tmp_path, capsys):
    path = tmp_path / "store"
    meeting_id = store_with_meeting_in_progress(path)
    (path / "meetings").chmod(0o500)
    try:
        store = Store(path)
        assert mode(path / "meetings") == 0o500
        assert store.load(meeting_id).id == meeting_id  # still read
        code = main(["close", meeting_id, "--end", "15:00", "--store", str(path)])
        assert mode(path / "meetings") == 0o500
        if os.geteuid() != 0:  # root writes anyway; a user gets the one-line write error
            err = capsys.readouterr().err
            assert code == 1 and len(err.strip().splitlines()) == 1
            assert str(path / "meetings") in err
    finally:
        (path / "meetings").chmod(0o700)


def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(tmp_path, capsys):
    path = tmp_path / "store"
    meeting_id = store_with_meeting_in_progress(path)
    outside = tmp_path / "precious.txt"
    outside.write_text("do not truncate", encoding="utf-8")
    lock = path / "locks" / f"{meeting_id}.lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to(outside)
    store = Store(path)
    with pytest.raises(StoreError) as caught:
        store.open(meeting_id)
    assert caught.value.key == "lock_symlink"
    assert outside.read_text(encoding="utf-8") == "do not truncate"
    assert lock.is_symlink()
    code = main(["close", meeting_id, "--end", "15:00", "--store", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and "symbolisk länk" in err and len(err.strip().splitlines()) == 1
    assert outside.read_text(encoding="utf-8") == "do not truncate"


def test_the_undo_history_does_not_append_through_a_link(tmp_path):
    path = tmp_path / "store"
    Store(path)
    outside = tmp_path / "precious.txt"
    outside.write_text("mine\n", encoding="utf-8")
    history = History(path, "20260210-au")
    history.dir.mkdir(mode=0o700)
    history.path.symlink_to(outside)
    history.undid({"x": 1}, {"x": 2})  # an undo step lost, never the other file
    assert outside.read_text(encoding="utf-8") == "mine\n"


def test_the_undo_history_keeps_working_in_a_store_of_ours(tmp_path):
    # The control for the test above: the same call does append to a file.
    path = tmp_path / "store"
    Store(path)
    history = History(path, "20260210-au")
    history.undid({"x": 1}, {"x": 2})
    (line,) = history.path.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["op"] == "undo"
