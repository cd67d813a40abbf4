"""An export is a file to send: it follows the user's umask while the store
stays owner-only; its message gives the whole path; a folder that is not
there is said as that, in the interface language."""

from __future__ import annotations

import errno
import os
import stat
import types
from pathlib import Path

import pytest

from protokoll.store import Store, export_target
from protokoll.tui.cli import main

from .conftest import meeting_with

MEETING = "20250605"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask():
    """Set the process umask for the test, and put the old one back."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def export(capsys, store: Path, *args: str) -> tuple[int, str]:
    code = main([*args, "--store", str(store)])
    out, err = capsys.readouterr()
    assert out == ""
    return code, err


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_export_gets_the_mode_the_umask_gives(
    capsys, example, tmp_path, umask, mask, expected
):
    umask(mask)
    for i, command in enumerate(
        (["export", MEETING], ["export", MEETING, "--format", "md"], ["extract", MEETING, "15"])
    ):
        target = tmp_path / f"ut{i}.txt"
        code, err = export(capsys, example, *command, "-o", str(target))
        assert code == 0, err
        assert mode(target) == expected, command


def test_the_store_stays_owner_only_under_an_open_umask(capsys, tmp_path, umask, organ, store):
    umask(0o022)
    s = meeting_with(store, organ.id, "2026-01-15", 1)
    s.save()
    s.close()
    code, err = export(capsys, store.path, "export", s.meeting.id, "-o", str(tmp_path / "ut.txt"))
    assert code == 0, err
    assert mode(tmp_path / "ut.txt") == 0o644
    for d in (store.path, store.meetings_dir, store.locks_dir):
        assert mode(d) == 0o700, d
    for f in store.path.rglob("*"):
        if f.is_file():
            assert mode(f) & 0o077 == 0, f


def test_a_replaced_export_keeps_the_mode_its_owner_chose(capsys, example, tmp_path, umask):
    umask(0o077)
    target = tmp_path / "ut.txt"
    target.write_text("gammal")
    target.chmod(0o644)
    code, err = export(capsys, example, "export", MEETING, "-o", str(target), "--force")
    assert code == 0, err
    assert mode(target) == 0o644
    assert target.read_text(encoding="utf-8").startswith("PROTOKOLL")


@pytest.mark.parametrize(("lang", "word"), [("sv", "exporterat till"), ("en", "exported to")])
def test_a_relative_name_lands_in_the_working_directory_and_the_message_says_where(
    capsys, example, tmp_path, monkeypatch, lang, word
):
    (tmp_path / "work" / "ut").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "work")
    code, err = export(capsys, example, "export", MEETING, "-o", "ut/p.md", "--lang", lang)
    assert code == 0
    written = tmp_path / "work" / "ut" / "p.md"
    assert written.exists()
    assert err.strip().endswith(f"{word} {written}")


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("sv", "mappen {folder} finns inte; inget exporterades", "förra versionen"),
        ("en", "the folder {folder} does not exist; nothing was exported", "previous version"),
    ],
)
def test_a_missing_folder_is_said_as_that_in_one_line(
    capsys, example, tmp_path, lang, said, not_said
):
    target = tmp_path / "saknas" / "inre" / "p.txt"
    code, err = export(capsys, example, "export", MEETING, "-o", str(target), "--lang", lang)
    assert code != 0
    assert len(err.strip().splitlines()) == 1, err
    assert said.format(folder=target.parent) in err
    assert not_said not in err
    assert "No such file" not in err and "Errno" not in err and "Traceback" not in err
    assert not (tmp_path / "saknas").exists()


def test_a_file_where_the_folder_should_be_is_named(capsys, example, tmp_path):
    (tmp_path / "fil").write_text("x")
    target = tmp_path / "fil" / "p.txt"
    code, err = export(capsys, example, "export", MEETING, "-o", str(target), "--lang", "en")
    assert code != 0
    assert f"{tmp_path / 'fil'} is a file, not a folder" in err
    assert "Not a directory" not in err


def full_disk(monkeypatch) -> None:
    """The disk fills while the export is written (and only the export: the store's own
    writes go through another module)."""

    def write(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    full = types.ModuleType("os")
    full.__dict__.update(os.__dict__)
    full.write = write
    monkeypatch.setattr(export_target, "os", full)


def test_a_failed_new_export_says_nothing_was_exported(capsys, example, tmp_path, monkeypatch):
    full_disk(monkeypatch)
    target = tmp_path / "p.txt"
    code, err = export(capsys, example, "export", MEETING, "-o", str(target), "--lang", "en")
    assert code != 0
    assert f"could not export to {target}" in err and "nothing was exported" in err
    assert "previous version" not in err
    assert list(tmp_path.iterdir()) == [example]  # no file, no temporary file


def test_a_failed_replacement_says_the_old_file_is_left(capsys, example, tmp_path, monkeypatch):
    target = tmp_path / "p.txt"
    target.write_text("gammal")
    full_disk(monkeypatch)
    code, err = export(capsys, example, "export", MEETING, "-o", str(target), "--force")
    assert code != 0
    assert "filen som fanns där lämnas orörd" in err
    assert target.read_text() == "gammal"


def test_the_store_itself_is_written_owner_only_whatever_the_umask(tmp_path, umask):
    umask(0o000)
    store = Store(tmp_path / "s")
    store.add_organ("Arbetsutskottet", "Förbundet", organ_id="au")
    for f in store.path.rglob("*"):
        assert mode(f) == 0o700 if f.is_dir() else mode(f) & 0o077 == 0, f
