"""Three "machines" sharing one bare repository, in temporary directories.

Each machine is a store directory, a name (PROTOKOLL_MACHINE) and a person
(git's identity through its environment variables, never a config file):
`with machine.on()` switches to it. Each test module makes them fixtures:

    see the `remote` and `machines` fixtures of test_sync.py HOME points into the test's directory,
so no global git configuration of the computer running the tests is read.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from protokoll.store import Store
from protokoll.store.sync import Report, sync

from .conftest import ROSTER


@dataclass
class Machine:
    name: str
    person: str
    store_path: Path
    monkeypatch: pytest.MonkeyPatch

    @contextlib.contextmanager
    def on(self) -> Iterator[Machine]:
        with self.monkeypatch.context() as m:
            m.setenv("PROTOKOLL_MACHINE", self.name)
            for role in ("AUTHOR", "COMMITTER"):
                m.setenv(f"GIT_{role}_NAME", self.person)
                m.setenv(f"GIT_{role}_EMAIL", f"{self.name}@example.org")
            yield self

    def store(self) -> Store:
        return Store(self.store_path)

    def sync(self, remote: str | None = None) -> Report:
        with self.on():
            return sync(self.store_path, remote)


def git_out(path: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=path, capture_output=True, text=True, check=True
    ).stdout


def shared_remote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bare repository every machine shares (and a HOME of the test's own)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    bare = tmp_path / "shared.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    return bare


def three_machines(tmp_path: Path, remote: Path, monkeypatch: pytest.MonkeyPatch) -> list[Machine]:
    """Three computers; the first has the organ and has made the shared store."""
    people = [("laptop-a", "Anna Sekreterare"), ("laptop-b", "Bo Sekreterare")]
    people.append(("kansliet", "Cia Registrator"))
    found = [Machine(n, p, tmp_path / n, monkeypatch) for n, p in people]
    a = found[0]
    with a.on():
        a.store().add_organ("Styrelsen", "Förbundet", roster=ROSTER, organ_id="styr")
    a.sync(str(remote))
    for other in found[1:]:
        other.sync(str(remote))
    return found


def new_meeting(m: Machine, date: str, count: int, close: bool = False, **kw) -> str:
    with m.on():
        session = m.store().create_meeting("styr", date, **kw)
        for i in range(count):
            session.add_paragraph(f"Punkt {i + 1}")
        if close:
            from protokoll.store import verbs

            session.editor(history=False).do(verbs.close_meeting, "15:00")
        session.close()
        return session.meeting.id
