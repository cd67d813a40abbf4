"""The application's side of it: the preview's export refuses what is not a
file to write, and a store of unreadable files is not called empty."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.start import StartScreen

from .conftest import store_with_meeting_in_progress
from .screen import exports_written, screen_text


def recorded(app: ProtokollApp) -> list[str]:
    """What the application says in passing, as it says it."""
    said: list[str] = []
    real = app.notify

    def notify(message, *args, **kwargs):
        said.append(str(message))
        return real(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return said


@contextlib.asynccontextmanager
async def in_preview(example: Path):
    """The application showing the example's protocol; what it says is recorded."""
    app = ProtokollApp(example)
    async with app.run_test(size=(100, 30)) as pilot:
        said = recorded(app)
        await pilot.pause()
        app.show_protocol("20250605-au")
        await pilot.pause()
        yield app, pilot, said


async def export_to(pilot, app: ProtokollApp, target: Path) -> None:
    await pilot.press("f2")
    await pilot.pause()
    app.screen.query_one("#value").value = str(target)
    await pilot.press("enter")
    await exports_written(pilot)


def said_in_the_dialog(app: ProtokollApp) -> str:
    """The export dialog's own line of why not: it stays open, with what was
    typed, and says it there (a toast had stayed above the next try's
    "Exporterat till …", a trial)."""
    assert type(app.screen).__name__ == "TextDialog"
    return str(app.screen.query_one("#error").render())


async def test_the_export_dialog_refuses_a_symlink_and_leaves_its_target(example, tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("mitt", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(own)
    async with in_preview(example) as (app, pilot, said):
        await export_to(pilot, app, link)
        # Not asked whether to overwrite: refused, in one line naming the link,
        # and the name typed is offered again to be changed, not lost.
        assert type(app.screen).__name__ == "TextDialog"
        assert app.screen.query_one("#value").value == str(link)
        error = said_in_the_dialog(app)
        assert str(link) in error and "symbolisk länk" in error, error
        await pilot.press("escape")
        assert type(app.screen).__name__ == "PreviewScreen"
        await pilot.press("escape")
    assert link.is_symlink() and os.readlink(link) == str(own)
    assert own.read_text(encoding="utf-8") == "mitt"


async def test_yes_to_overwrite_still_refuses_a_file_turned_link_meanwhile(example, tmp_path):
    # Asked about an ordinary file; by the time of the yes it is a link.
    own = tmp_path / "mine.txt"
    own.write_text("mitt", encoding="utf-8")
    target = tmp_path / "protokoll.txt"
    target.write_text("gammalt", encoding="utf-8")
    async with in_preview(example) as (app, pilot, said):
        await export_to(pilot, app, target)
        assert type(app.screen).__name__ == "ConfirmDialog"
        target.unlink()
        target.symlink_to(own)
        await pilot.press("enter")
        await exports_written(pilot)  # refused as it is written, in the export's thread
        await pilot.pause()
        assert "symbolisk länk" in said_in_the_dialog(app)
        assert app.screen.query_one("#value").value == str(target)
        assert not said, said  # in the dialog, not also in a toast
    assert target.is_symlink() and own.read_text(encoding="utf-8") == "mitt"


async def test_a_write_that_fails_says_why_in_the_dialog_with_the_name_kept(
    example, tmp_path, monkeypatch
):
    # A full disk: the dialog again, with the name typed and the reason in it.
    # As a red toast it had stood for 10 s beside the next try's "Exporterat
    # till …" (a trial).
    import errno

    target = tmp_path / "protokoll.txt"
    real_write = os.write

    def full(fd, data):
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".protokoll.txt"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    async with in_preview(example) as (app, pilot, said):
        await export_to(pilot, app, target)
        await pilot.pause()
        error = said_in_the_dialog(app)
        assert "protokoll.txt" in error and "disken är full" in error, error
        assert app.screen.query_one("#value").value == str(target)
        assert not said, said
        monkeypatch.setattr(os, "write", real_write)  # room again: the same Enter writes it
        await pilot.press("enter")
        await exports_written(pilot)
        assert any("Exporterat till" in s for s in said), said
    assert target.exists() and not list(tmp_path.glob(".protokoll.txt*"))


async def test_a_missing_folder_is_said_and_the_typed_name_offered_again(example, tmp_path):
    target = tmp_path / "finns-inte" / "protokoll.txt"
    async with in_preview(example) as (app, pilot, said):
        await export_to(pilot, app, target)
        # Found a trial: the dialog closed and the typed path was gone.
        assert type(app.screen).__name__ == "TextDialog"
        assert app.screen.query_one("#value").value == str(target)
        error = said_in_the_dialog(app)
        assert "finns-inte" in error and "finns inte" in error, error
        await pilot.press("escape")
    assert not target.parent.exists()


async def test_a_format_protokoll_does_not_write_is_said_in_the_dialog(example, tmp_path):
    target = tmp_path / "protokoll.docx"
    async with in_preview(example) as (app, pilot, said):
        await export_to(pilot, app, target)
        assert ".docx är inget format protokoll skriver" in said_in_the_dialog(app)
        assert app.screen.query_one("#value").value == str(target)
        await pilot.press("escape")
    assert not target.exists()


async def test_the_export_dialog_refuses_a_fifo_without_blocking(example, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    async with in_preview(example) as (app, pilot, said):
        await export_to(pilot, app, fifo)
        assert "FIFO" in said_in_the_dialog(app)


async def test_a_store_of_unreadable_files_is_not_called_empty(tmp_path):
    path = tmp_path / "store"
    meeting_id = store_with_meeting_in_progress(path)
    (path / "catalogue.json").write_text("{trasig", encoding="utf-8")
    (path / "meetings" / f"{meeting_id}.json").write_text("[1, 2", encoding="utf-8")
    app = ProtokollApp(path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        text = " ".join(screen_text(app).split())
        assert "Arkivet är tomt" not in text
        assert "exempelmötena" not in text  # examples are not offered into it
        assert "filer som inte går att läsa" in text
        assert "catalogue.json" in text and f"{meeting_id}.json" in text
        options = app.screen.query_one("#menu").options
        assert [o.id for o in options] == ["quit"]  # no organ into a damaged catalogue
        await pilot.press("q")
    assert (path / "catalogue.json").read_text(encoding="utf-8") == "{trasig"


async def test_a_truly_empty_store_still_offers_the_examples(tmp_path):
    # The control: the words above belong to the damaged store only.
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "Arkivet är tomt" in text and "exempelmötena" in text
        await pilot.press("q")


async def test_a_meeting_in_progress_opens_though_the_catalogue_does_not_read(tmp_path):
    """The roster is looked up when a meeting opens (members added from the
    command line join it); with the catalogue damaged there is no organ to
    read, and the meeting opens all the same, its list as it was."""
    from protokoll.tui.screens.meeting import MeetingScreen

    path = tmp_path / "store"
    meeting_id = store_with_meeting_in_progress(path)
    (path / "catalogue.json").write_text("{trasig", encoding="utf-8")
    app = ProtokollApp(path)
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting.id == meeting_id
        assert app.screen.meeting.attendees  # the list as it was
        await pilot.press("ctrl+q")
    assert app.return_code == 0
