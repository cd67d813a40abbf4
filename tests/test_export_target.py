"""Exports write ordinary files only: never through a link, into a FIFO,
a device or a directory, over a read-only file, nor over any file unasked."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from protokoll.store import StoreError, export_target
from protokoll.store.export_target import check_export_target, write_export
from protokoll.tui.cli import main

MEETING = "20250605"


def export(capsys, example: Path, target: Path, *more: str) -> tuple[int, str, str]:
    code = main(["export", MEETING, "-o", str(target), "--store", str(example), *more])
    out, err = capsys.readouterr()
    return code, out, err


def refused(code: int, err: str, *words: str) -> None:
    assert code != 0
    assert len(err.strip().splitlines()) == 1, err  # one line, no traceback
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


def test_a_new_file_is_written_and_its_whole_path_said(
    capsys, example, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    code, out, err = export(capsys, example, Path("ut.txt"))
    assert code == 0 and out == ""
    assert str(tmp_path / "ut.txt") in err  # the whole path, not the name typed
    assert (tmp_path / "ut.txt").read_text(encoding="utf-8").startswith("PROTOKOLL")
    # Its mode follows the umask: tests/test_export_modes.py.
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_a_symlink_to_a_file_of_ours_is_refused_and_its_target_unchanged(capsys, example, tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("mitt", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(own)
    for more in ((), ("--force",)):
        code, _, err = export(capsys, example, link, *more)
        refused(code, err, str(link), "symbolisk länk")
        assert link.is_symlink() and os.readlink(link) == str(own)
        assert own.read_text(encoding="utf-8") == "mitt"


def test_dev_null_through_a_symlink_is_refused(capsys, example, tmp_path):
    link = tmp_path / "null.txt"
    link.symlink_to("/dev/null")
    code, _, err = export(capsys, example, link, "--force")
    refused(code, err, "symbolisk länk")
    assert link.is_symlink()


def test_a_fifo_is_refused_before_it_is_opened(capsys, example, tmp_path):
    # Opening a FIFO for writing blocks until a reader comes: had it been
    # opened, this test would hang rather than fail.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = export(capsys, example, fifo, "--force")
    refused(code, err, "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_directory_is_refused(capsys, example, tmp_path):
    folder = tmp_path / "mapp"
    folder.mkdir()
    code, _, err = export(capsys, example, folder, "--force")
    refused(code, err, "katalog")
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_a_read_only_file_is_refused_even_with_force(capsys, example, tmp_path):
    kept = tmp_path / "arkiv.txt"
    kept.write_text("justerat", encoding="utf-8")
    kept.chmod(0o444)
    code, _, err = export(capsys, example, kept, "--force")
    refused(code, err, "skrivskyddad")
    assert kept.read_text(encoding="utf-8") == "justerat"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o444


def test_an_existing_file_is_replaced_only_with_force(capsys, example, tmp_path):
    old = tmp_path / "protokoll.txt"
    old.write_text("gammalt", encoding="utf-8")
    old.chmod(0o640)
    code, _, err = export(capsys, example, old)
    refused(code, err, "--force", str(old))
    assert old.read_text(encoding="utf-8") == "gammalt"
    code, _, err = export(capsys, example, old, "--force")
    assert code == 0 and str(old) in err
    assert old.read_text(encoding="utf-8").startswith("PROTOKOLL")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640  # the mode its owner chose stays


def test_every_format_and_extracts_take_the_same_care(capsys, example, tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("mitt", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(own)
    for argv in (
        ["export", MEETING, "--format", "json"],
        ["export", MEETING, "--format", "md", "--publish"],
        ["extract", MEETING, "14"],
    ):
        code = main([*argv, "-o", str(link), "--store", str(example), "--force"])
        refused(code, capsys.readouterr().err, "symbolisk länk")
    assert own.read_text(encoding="utf-8") == "mitt"


def test_the_refusal_speaks_english_in_english(capsys, example, tmp_path):
    (tmp_path / "d").mkdir()
    code = main(
        ["--lang", "en", "export", MEETING, "-o", str(tmp_path / "d"), "--store", str(example)]
    )
    refused(code, capsys.readouterr().err, "is a directory, not an ordinary file")


def test_a_device_node_is_refused(capsys, example, tmp_path):
    if os.geteuid() == 0:
        # /dev/null's own numbers (1, 3): writing it would swallow the export.
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        code, _, err = export(capsys, example, device, "--force")
        refused(code, err, "enhetsfil")
        assert stat.S_ISCHR(os.lstat(device).st_mode)
    else:  # only root makes device nodes: the check on the system's own, which it never opens
        with pytest.raises(StoreError) as caught:
            check_export_target(Path(os.devnull), force=True)
        assert caught.value.key == "export_not_file"


# --- what appears at the path while the export is written ---------------------------


def swapped_during_write(monkeypatch, action) -> None:
    """Run `action` once, after the temporary file is written and before it is put in place."""
    real = os.fsync
    done = []

    def fsync(fd: int) -> None:
        real(fd)
        if not done:
            done.append(True)
            action()

    monkeypatch.setattr(export_target.os, "fsync", fsync)


def test_a_link_made_at_a_new_path_during_the_write_is_not_replaced(monkeypatch, tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("mitt", encoding="utf-8")
    target = tmp_path / "ny.txt"
    swapped_during_write(monkeypatch, lambda: target.symlink_to(own))
    with pytest.raises(StoreError) as caught:
        write_export(target, b"export")
    assert caught.value.key == "export_changed"
    assert target.is_symlink() and own.read_text(encoding="utf-8") == "mitt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt", "ny.txt"]


def test_a_file_swapped_for_a_link_during_the_write_is_not_replaced(monkeypatch, tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("mitt", encoding="utf-8")
    target = tmp_path / "gammal.txt"
    target.write_text("gammalt", encoding="utf-8")

    def swap() -> None:
        target.unlink()
        target.symlink_to(own)

    swapped_during_write(monkeypatch, swap)
    with pytest.raises(StoreError) as caught:
        write_export(target, b"export", force=True)
    assert caught.value.key == "export_not_file"
    assert target.is_symlink() and own.read_text(encoding="utf-8") == "mitt"


def test_the_check_alone_writes_nothing_and_says_what_is_there(tmp_path):
    assert check_export_target(tmp_path / "none") is None
    existing = tmp_path / "f"
    existing.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        check_export_target(existing)
    assert caught.value.key == "export_exists"
    assert check_export_target(existing, force=True).st_ino == existing.stat().st_ino


def test_a_folder_that_takes_no_file_is_not_said_to_be_missing(monkeypatch, tmp_path):
    # /proc is there and makes no file: "mappen /proc finns inte" was untrue (a trial).
    real_open = export_target.os.open

    def no_file_here(path, *args, **kwargs):
        if str(path).startswith(str(tmp_path)):
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(export_target.os, "open", no_file_here)
    with pytest.raises(StoreError) as caught:
        write_export(tmp_path / "x.txt", b"export")
    assert caught.value.key == "export_failed"
    assert "finns inte" in caught.value.text("sv") and "mappen" not in caught.value.text("sv")
    with pytest.raises(StoreError) as missing:
        write_export(tmp_path / "saknas" / "x.txt", b"export")
    assert missing.value.key == "export_no_folder"


def test_an_ending_of_a_format_not_written_is_refused_unless_text_is_asked_for(
    capsys, example, tmp_path
):
    # `-o protokoll.docx` had written UTF-8 text into a .docx without a word.
    target = tmp_path / "protokoll.docx"
    argv = ["export", "20250605-au", "-o", str(target), "--store", str(example)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert ".docx är inget format protokoll skriver" in err and not target.exists()
    assert main([*argv, "--format", "text"]) == 0
    assert target.read_text(encoding="utf-8").startswith("PROTOKOLL")


def test_dash_is_standard_output_not_a_file_named_dash(capsys, example, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "20250605-au", "-o", "-", "--store", str(example)]) == 0
    assert capsys.readouterr().out.startswith("PROTOKOLL")
    assert not (tmp_path / "-").exists()


async def test_the_preview_asks_again_for_an_ending_it_does_not_write(example, tmp_path):
    from protokoll.store import Store
    from protokoll.tui.app import ProtokollApp
    from protokoll.tui.screens.dialogs import TextDialog
    from protokoll.tui.screens.preview import PreviewScreen

    from .screen import type_text

    app = ProtokollApp(example)
    target = tmp_path / "protokoll.docx"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(PreviewScreen(Store(example).load("20250605-au")))
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
        # Said in the dialog, which stays open with the name (tests/test_safety_app.py).
        assert isinstance(app.screen, TextDialog) and not target.exists()  # asked again
        assert ".docx är inget format" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.press("ctrl+q")
