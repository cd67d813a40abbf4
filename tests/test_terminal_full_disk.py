"""A really full disk: the real program in a pty, its store on a 1 MB tmpfs.

The tmpfs is mounted by the test (the tests run as root, here and on CI) and
filled with a file until the kernel says ENOSPC; removing that file is
freeing space. Nothing in the program knows it is tested.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from protokoll.store import Store, spill

from .terminal.harness import ROOT, run
from .terminal.screens import key_for, marker
from .terminal.stores import meeting_in_progress, paragraphs

TEXT = "Kassören redovisar utfallet."
EXIT_LIMIT = 15.0  # seconds: a failure timeout, not a measure of speed


class SmallDisk:
    def __init__(self, where: Path) -> None:
        self.root = where
        self.filler = where / "filler"

    def fill(self) -> None:
        """Every free block taken, as a full disk has them."""
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            block = b"x" * 4096
            while True:
                try:
                    os.write(fd, block)
                except OSError:
                    if len(block) == 1:
                        break
                    block = block[: len(block) // 2]  # the last few bytes too
        finally:
            os.close(fd)

    def free(self) -> None:
        self.filler.unlink()


@pytest.fixture
def disk(tmp_path):
    where = tmp_path / "disk"
    where.mkdir()
    # No skip: CI runs as root like this machine; a failing mount is a failing test.
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(where)], check=True
    )
    try:
        yield SmallDisk(where)
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _start(disk: SmallDisk, tmp_path: Path, ready: str = "§ 1  Information"):
    """The program on the small disk, its work after the first screen done: the
    derived database written then, filled up by the test, gave back its
    write-ahead file when it closed, and the save the test means to fail then
    succeeded in that room (seen on CI). `ready`: what shows once it is up (an
    offer over the meeting hides its § heading)."""
    t = run(disk.root / "store", ready=ready, home=tmp_path / "home")
    try:
        reading = marker("pending_reading", 18)
        t.wait_until(lambda s: reading not in s, "the follow-up read")
    except BaseException:
        t.close()
        raise
    return t


def _released(path: Path, meeting_id: str) -> bool:
    session = Store(path).open(meeting_id)
    try:
        return not session.read_only
    finally:
        session.close()


@pytest.mark.parametrize("how", ["hang-up", "SIGTERM"])
def test_a_full_disk_then_losing_the_terminal_exits_releases_and_keeps_the_text(
    disk, tmp_path, how
):
    path = disk.root / "store"
    meeting_id = meeting_in_progress(path)
    with _start(disk, tmp_path) as t:
        t.wait_until(lambda _s: spill.reserve_path(path).exists(), "the reserve")
        disk.fill()
        t.type(TEXT, delay=0.01)
        t.wait_for("EJ SPARAT")
        if how == "hang-up":
            t._close_master()  # the kernel sends SIGHUP
            with contextlib.suppress(AssertionError):
                t.wait_exit(EXIT_LIMIT)
            if t.alive:  # as a system shutting down would, after the hang-up
                t.kill(signal.SIGTERM)
        else:
            t.kill(signal.SIGTERM)
        t.wait_exit(EXIT_LIMIT)
        assert not t.alive

    assert paragraphs(path, meeting_id)[0][1] == ""  # the meeting file could not take it
    [kept] = spill.found(path, meeting_id, elsewhere=tmp_path / "home")
    assert kept.doc["paragraphs"][0]["text"] == TEXT
    assert _released(path, meeting_id)

    disk.free()
    with _start(disk, tmp_path, ready="Text som inte kunde sparas") as t:
        t.wait_for(TEXT)
        t.send("\r")  # Enter puts it back
        t.wait_until(
            lambda _s: paragraphs(path, meeting_id)[0][1] == TEXT, "the text in the meeting file"
        )


def test_a_dialogs_text_on_a_full_disk_gets_the_reserve_at_a_hang_up(disk, tmp_path):
    path = disk.root / "store"
    meeting_in_progress(path)
    decision = "Styrelsen godkänner bokslutet."
    with _start(disk, tmp_path) as t:
        t.wait_until(lambda _s: spill.reserve_path(path).exists(), "the reserve")
        t.send(key_for("decision"))
        t.wait_for(marker("d_decision_keys", 60))
        disk.fill()
        t.type(decision, delay=0.01)
        t.wait_for(decision)
        t.wait_for("disken är full")  # the draft could not be kept: said once
        t._close_master()
        t.wait_exit(EXIT_LIMIT)

    assert not spill.reserve_path(path).exists()  # given back for the draft
    disk.free()
    with _start(disk, tmp_path) as t:
        t.wait_for(marker("draft_offer"))
        t.wait_for(decision)


def test_ctrl_q_on_a_full_disk_asks_and_saves_once_there_is_room(disk, tmp_path):
    path = disk.root / "store"
    meeting_id = meeting_in_progress(path)
    with _start(disk, tmp_path) as t:
        t.wait_until(lambda _s: spill.reserve_path(path).exists(), "the reserve")
        disk.fill()
        t.type(TEXT, delay=0.01)
        t.wait_for("EJ SPARAT")
        t.send("\x11")  # Ctrl+Q
        t.wait_for("Texten är inte sparad")
        assert t.alive
        disk.free()
        t.wait_gone("EJ SPARAT")  # the autosaver got there by itself
        t.send("\r")  # try again
        assert t.wait_exit(EXIT_LIMIT) == 0
    assert paragraphs(path, meeting_id)[0][1] == TEXT


def _cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PROTOKOLL_LANG="en", LC_ALL="C.UTF-8")
    return subprocess.run(
        [sys.executable, "-m", "protokoll.tui.cli", "--store", str(path), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def _empty_files(path: Path, since: float) -> list[Path]:
    """Empty files made or emptied since `since`, but the flock files (empty by design)."""
    return [
        p
        for p in path.rglob("*")
        if p.is_file()
        and p.stat().st_size == 0
        and p.stat().st_mtime >= since
        and p.suffix not in (".lock", ".write")
    ]


@pytest.mark.parametrize(
    "command, names",
    [
        (["add", "{id}", "Ny punkt"], ".lock"),
        (["close", "--end", "15:00", "{id}"], ".lock"),
        (["export", "-o", "{disk}/protokoll.txt", "{id}"], "protokoll.txt"),
        # The import claims the new meeting before it writes it: the lock is first.
        (["import", "{json}"], ".lock"),
        (["search", "Information"], "search.sqlite"),
    ],
)
def test_the_command_line_on_a_full_disk_names_the_file_and_leaves_no_empty_ones(
    disk, tmp_path, command, names
):
    path = disk.root / "store"
    meeting_id = meeting_in_progress(path)
    exported = _cli(path, "export", "--format", "json", meeting_id).stdout
    other = tmp_path / "other.json"
    # Another meeting of the next day, its § after the first one's: an import
    # that only the full disk stops.
    doc = json.loads(exported.replace(meeting_id, "20260116-aaaaaa"))
    doc["meeting"]["date"] = "2026-01-16"
    for i, p in enumerate(doc["meeting"]["paragraphs"]):
        p["number"] = 2 + i
    other.write_text(json.dumps(doc), "utf-8")
    args = [a.format(id=meeting_id, disk=disk.root, json=other) for a in command]
    disk.fill()
    since = time.time() - 1
    done = _cli(path, *args)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    # Ours, or SQLite's words for the index.
    assert "no space left" in lines[0] or "disk is full" in lines[0], lines[0]
    assert names in lines[0], lines[0]
    assert "Traceback" not in done.stderr
    assert _empty_files(disk.root, since) == []
