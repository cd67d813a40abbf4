"""One writer per meeting across processes; a dead holder blocks no one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from protokoll.store import Store, StoreError

from .conftest import meeting_with

HOLD = (
    "import sys; from protokoll.store import Store; s = Store(sys.argv[1]).open(sys.argv[2]);"
    "assert not s.read_only; print('ready', flush=True); sys.stdin.read()"
)


def hold(store: Store, meeting_id: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(store.path), meeting_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_a_second_process_gets_the_meeting_read_only_naming_the_holder(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    s.close()
    proc = hold(store, s.meeting.id)
    try:
        other = Store(store.path).open(s.meeting.id)
        assert other.read_only
        assert f"pid {proc.pid}" in str(other.notice)
        assert "skrivskyddat" in str(other.notice)
        other.meeting.paragraphs[0].text = "försök"
        with pytest.raises(StoreError) as err:
            other.save()
        assert "skrivskyddat" in str(err.value)
    finally:
        proc.stdin.close()
        proc.wait(10)


def test_the_lock_of_a_killed_process_does_not_block(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    s.close()
    proc = hold(store, s.meeting.id)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    again = Store(store.path).open(s.meeting.id)
    assert not again.read_only


def test_closing_releases_the_meeting(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    s.close()
    assert not Store(store.path).open(s.meeting.id).read_only


def test_an_adjusted_meeting_opens_read_only(store, organ):
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    s.meeting.status = "adjusted"
    s.save()
    s.close()
    again = Store(store.path).open(s.meeting.id)
    assert again.read_only and "justerat" in str(again.notice)
    with pytest.raises(StoreError):
        again.add_paragraph("Ny")


def test_a_script_that_ends_without_closing_its_session_ends_quietly_and_frees_it(store, organ):
    # A session left open is let go by the collector at the interpreter's end;
    # releasing it then imported the platform's lock module after the imports
    # had gone, and Python printed "Exception ignored ... ImportError".
    s = meeting_with(store, organ.id, "2025-02-01", 1)
    s.close()
    code = (
        "import sys; from protokoll.store import Store;"
        "s = Store(sys.argv[1]).open(sys.argv[2]); s.meeting.paragraphs[0].text = 'x'; s.save();"
        # held in a cycle, as by a closure: let go of only by the last collection
        "cycle = [s]; cycle.append(cycle)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(store.path), s.meeting.id],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stderr == ""
    again = Store(store.path).open(s.meeting.id)
    assert not again.read_only and again.meeting.paragraphs[0].text == "x"
    again.close()
