"""The store's git history as the audit trail: a commit per event, `log`, `verify`."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from protokoll.store import Store, git_history, verbs
from protokoll.store.adjust import adjust, correct, post, text_hash
from protokoll.tui.cli import main

from .conftest import ROSTER
from .sync_machines import Machine, git_out, new_meeting, shared_remote, three_machines


@pytest.fixture
def remote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return shared_remote(tmp_path, monkeypatch)


@pytest.fixture
def machines(tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch) -> list[Machine]:
    return three_machines(tmp_path, remote, monkeypatch)


def events_of(path: Path) -> list[tuple[str, str, str]]:
    return [(e.event, e.subject, e.author) for e in git_history.entries(path)]


def test_each_event_that_matters_is_a_commit_by_its_author(machines) -> None:
    a = machines[0]
    meeting = new_meeting(a, "2026-04-01", 2, close=True)
    with a.on():
        store = a.store()
        adjust(store, meeting, dt.date(2026, 4, 8), ["Anna Berg"])
        correct(store, meeting, dt.date(2026, 4, 9), "Beloppet ska vara 250 kr.")
        post(store, meeting, dt.date(2026, 4, 9))
        s = store.open(meeting)
        s.set_masked(1, "Sekretess")
        s.close()
        verbs.change_organ(store, "styr", lambda o: verbs.edit_organ(o, place="Rådhuset"))
    said = [(event, subject) for event, subject, _ in events_of(a.store_path)]
    expected = ["created", "closed", "adjusted", "corrected", "posted", "masked"]
    assert said[:7] == [("organ_changed", "styr"), *[(e, meeting) for e in reversed(expected)]]
    authors = {author for *_, author in events_of(a.store_path)[:7]}
    assert authors == {"Anna Sekreterare"}


def test_log_lists_one_meetings_history(machines, capsys) -> None:
    a = machines[0]
    one = new_meeting(a, "2026-04-01", 1, close=True)
    new_meeting(a, "2027-04-01", 1)
    capsys.readouterr()
    assert main(["log", one, "--store", str(a.store_path), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[-1] for line in lines] == [f"closed {one}", f"created {one}"]
    assert all("Anna Sekreterare" in line for line in lines)


def test_log_of_a_meeting_has_the_other_computers_events_after_a_sync(machines) -> None:
    """A trial: after a sync that kept this computer's version, `log MEETING`
    left out the other computer's reopening and closing."""
    a, b, _ = machines
    meeting = new_meeting(a, "2026-04-01", 1, close=True)
    a.sync(), b.sync()
    with b.on():
        s = b.store().open(meeting)
        ed = s.editor(history=False)
        ed.do(verbs.reopen_meeting)
        ed.do(verbs.close_meeting, "16:00")
        s.close()
    b.sync()
    with a.on():
        s = a.store().open(meeting)
        ed = s.editor(history=False)
        ed.do(verbs.reopen_meeting)
        ed.do(verbs.rename_paragraph, s.meeting.paragraphs[0].id, "Version från A")
        ed.do(verbs.close_meeting, "15:00")
        s.close()
    a.sync()  # A's change is the later: A's version is kept, B's goes to a copy
    history = git_history.entries(a.store_path, [f"meetings/{meeting}.json"])
    logged = [(e.event, e.author) for e in history]
    assert ("reopened", "Bo Sekreterare") in logged and ("closed", "Bo Sekreterare") in logged
    assert ("reopened", "Anna Sekreterare") in logged


def test_a_store_that_is_not_a_repository_runs_no_git(tmp_path, monkeypatch) -> None:
    def no_git(*args, **kwargs):
        raise AssertionError("git was run")

    monkeypatch.setattr(git_history, "_raw", no_git)
    store = Store(tmp_path / "store")
    store.add_organ("Styrelsen", "Förbundet", roster=ROSTER, organ_id="styr")
    s = store.create_meeting("styr", "2026-01-10")
    s.add_paragraph("Öppnande")
    s.editor().do(verbs.close_meeting, "15:00")
    s.close()
    assert not (tmp_path / "store" / ".git").exists()


def test_git_missing_is_one_clear_line(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    git_history._program.cache_clear()
    try:
        status = main(["sync", str(tmp_path / "r.git"), "--store", str(tmp_path / "s")])
    finally:
        git_history._program.cache_clear()
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1 and len(err) == 1 and "git" in err[0] and "installera" in err[0]


def tamper(path: Path, meeting: str, title: str, rehash: bool) -> None:
    """Edit an adjusted protocol's file by hand, as one who wants it unnoticed would."""
    from protokoll.store.serial import from_dict

    file = path / "meetings" / f"{meeting}.json"
    data = json.loads(file.read_bytes())
    doc = data["meeting"]["1"]
    doc["paragraphs"][0]["title"] = title
    if rehash:
        from protokoll.store.model import Meeting

        doc["adjustment"]["sha256"] = text_hash(from_dict(Meeting, doc))
    file.write_text(json.dumps(data))


def test_verify_names_the_commit_where_the_adjusted_text_changed(machines, capsys) -> None:
    a = machines[0]
    meeting = new_meeting(a, "2026-04-01", 2, close=True)
    with a.on():
        adjust(a.store(), meeting, dt.date(2026, 4, 8), ["Anna Berg"])
    capsys.readouterr()
    args = ["verify", meeting, "--store", str(a.store_path), "--lang", "en"]
    assert main(args) == 0
    assert "unchanged since the adjustment" in capsys.readouterr().out
    # The text and its checksum changed together: the file alone cannot tell.
    tamper(a.store_path, meeting, "Något annat", rehash=True)
    assert main(args) == 3
    assert "differs from the one at adjustment" in capsys.readouterr().err
    with a.on():
        git_history.commit(a.store_path, "hand edit")
    bad = git_out(a.store_path, "rev-parse", "HEAD").strip()
    assert main(args) == 3
    err = capsys.readouterr().err
    assert f"in commit {bad[:10]} by Anna Sekreterare" in err


def test_verify_of_a_meeting_never_adjusted_still_says_so(machines, capsys) -> None:
    a = machines[0]
    meeting = new_meeting(a, "2026-04-01", 1)
    status = main(["verify", meeting, "--store", str(a.store_path), "--lang", "en"])
    assert status == 1 and "not adjusted" in capsys.readouterr().err


def test_derived_and_local_files_are_not_tracked(machines) -> None:
    a = machines[0]
    new_meeting(a, "2026-04-01", 1)
    a.sync()
    tracked = git_out(a.store_path, "ls-files").split()
    assert "catalogue.json" in tracked and ".gitignore" in tracked
    assert not [t for t in tracked if t.startswith(("locks/", "index/", "history/", "search"))]
    assert (a.store_path / "index").is_dir()  # still kept, locally
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=a.store_path, capture_output=True, text=True
    ).stdout
    assert status == ""
