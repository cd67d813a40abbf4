"""The preview's export dialog: typing replaces the suggested path, as a file
dialog does; the arrow keys and End still edit it. And the preview's footer
shows both export keys, F2 and E.

Found in a trial: the name typed was appended to the prefilled path, and the
secretary got ".../protokoll.txtminnamn.txt".
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import pytest
from textual.widgets import Footer, Input, Static

from protokoll.store.drafts import Drafts
from protokoll.tui.app import ProtokollApp
from protokoll.tui.drafts import flush
from protokoll.tui.screens.dialogs import TextDialog

from .screen import Notices, exports_written, wait_until


@contextlib.asynccontextmanager
async def export_dialog(example: Path, key: str = "f2", size: tuple[int, int] = (80, 24)):
    """The example's protocol in the preview, its export dialog opened with `key`."""
    app = ProtokollApp(example)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.show_protocol("20250605-au")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "PreviewScreen", "preview")
        await pilot.press(key)
        await wait_until(pilot, lambda: isinstance(app.screen, TextDialog), "the export dialog")
        field = app.screen.query_one("#value", Input)
        await wait_until(pilot, lambda: field.has_focus, "the field focused")
        yield app, pilot, field


async def test_a_name_typed_replaces_the_suggested_path(example, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a bare name lands where the program was started
    async with export_dialog(example) as (app, pilot, field):
        assert field.value.endswith(".txt") and field.value.startswith(str(tmp_path))
        await pilot.press(*"minnamn.txt")
        assert field.value == "minnamn.txt"
        await pilot.press("enter")
        await wait_until(pilot, lambda: (tmp_path / "minnamn.txt").exists(), "the file written")
    assert "PROTOKOLL" in (tmp_path / "minnamn.txt").read_text(encoding="utf-8")


async def test_the_next_export_proposes_the_folder_and_kind_exported_to(
    example, tmp_path, monkeypatch
):
    """A trial typed its folder again at every export: the dialog proposed the
    folder the program was started in each time, and F2 .txt after an .md."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "protokoll-till-styrelsen"
    folder.mkdir()
    async with export_dialog(example) as (app, pilot, field):
        await pilot.press(*str(folder / "au.md"), "enter")
        await wait_until(pilot, lambda: (folder / "au.md").exists(), "the file written")
        await wait_until(pilot, lambda: app.last_export == folder / "au.md", "the export kept")
        proposed = {}
        for key in ("E", "f2"):
            await pilot.press(key)
            await wait_until(pilot, lambda: isinstance(app.screen, TextDialog), "the dialog again")
            proposed[key] = Path(app.screen.query_one("#value", Input).value)
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(app.screen, TextDialog), "closed")
    assert {k: (p.parent, p.suffix) for k, p in proposed.items()} == {
        "E": (folder, ".pdf"),
        "f2": (folder, ".md"),
    }


async def test_the_pdf_export_also_replaces_on_typing(example):
    async with export_dialog(example, key="E") as (app, pilot, field):
        assert field.value.endswith(".pdf")
        await pilot.press(*"x.pdf")
        assert field.value == "x.pdf"


@pytest.mark.parametrize(
    ("keys", "edited"),
    [
        (["end", *"-2"], lambda path: path + "-2"),
        (["left", *"/tmp"], lambda path: "/tmp" + path),  # Left: to the selection's start
        (["right", "backspace", "backspace", "backspace", *"pdf"], lambda path: path[:-3] + "pdf"),
    ],
    ids=["end", "left", "right"],
)
async def test_end_and_the_arrow_keys_edit_the_suggestion_instead(example, keys, edited):
    async with export_dialog(example) as (app, pilot, field):
        suggested = field.value
        await pilot.press(*keys)
        assert field.value == edited(suggested)


async def test_a_title_dialog_still_keeps_its_prefilled_text(meeting):
    # Renaming a § or the close dialog's time: typing goes on after the value.
    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TextDialog("Titel", "Ekonomi"))
        await wait_until(pilot, lambda: app.screen.query("#value"), "the dialog")
        field = app.screen.query_one("#value", Input)
        await wait_until(pilot, lambda: field.has_focus, "the field focused")
        await pilot.press(*" 2026")
        assert field.value == "Ekonomi 2026"


def footer_keys(app: ProtokollApp) -> dict[str, str]:
    return {k.key: k.description for k in app.screen.query_one(Footer).query("FooterKey")}


async def test_the_preview_footer_shows_both_export_keys_at_80_columns(example):
    # The example's meeting is closed: F4 reopens it, and must show too.
    async with export_dialog(example) as (app, pilot, field):
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, TextDialog), "the preview")
        keys = footer_keys(app)
        assert {"escape", "f2", "E", "slash", "f4"} <= set(keys), keys
        # Whole, within the 80 columns, none under the palette's key.
        footer = list(app.screen.query_one(Footer).query("FooterKey"))
        (palette,) = [k for k in footer if k.has_class("-command-palette")]
        assert palette.region.right <= 80
        for key in footer:
            if key is not palette:
                assert key.region.width > 0 and key.region.right <= palette.region.x, key.key


async def test_a_path_typed_and_left_is_not_offered_back_as_a_draft(example):
    # A draft of the path, taken back into the next export dialog, lost the
    # selection, and the name typed was appended again (found in a trial).
    async with export_dialog(example) as (app, pilot, field):
        suggested = field.value
        await pilot.press(*"halvt")
        flush(app, final=True)  # as at exit, a hang-up or a crash
    assert Drafts(example).read("20250605-au") is None
    async with export_dialog(example) as (app, pilot, field):
        assert field.value == suggested
        await pilot.press(*"hel.txt")
        assert field.value == "hel.txt"


async def test_a_name_in_md_gets_the_markdown_protocol(example, tmp_path, monkeypatch):
    # Found in a trial: "/tmp/au2.md" was written as the plain text protocol.
    from protokoll.store import Store, render_markdown

    monkeypatch.chdir(tmp_path)
    async with export_dialog(example) as (app, pilot, field):
        await pilot.press(*"au.md")
        await pilot.press("enter")
        await wait_until(pilot, lambda: (tmp_path / "au.md").exists(), "the file written")
    meeting = Store(example).load("20250605-au")
    assert (tmp_path / "au.md").read_text(encoding="utf-8") == render_markdown(meeting, lang="sv")


async def test_the_preview_takes_keys_while_a_pdf_is_written(example, tmp_path, monkeypatch):
    # A PDF once took four seconds on a loaded machine, written on the screen's
    # own thread: the screen froze, and an Enter pressed then seemed lost (a
    # trial). Here the PDF is held until the keys pressed meanwhile have done
    # what they do; on the screen's thread it would hold them all (until the
    # bound below, which the test then fails on).
    import protokoll.store.pdf as pdf

    real, started, release, held_too_long = pdf.render_pdf, threading.Event(), threading.Event(), []

    def slow_pdf(meeting, lang="sv"):
        started.set()
        if not release.wait(5):
            held_too_long.append(True)
        return real(meeting, lang=lang)

    monkeypatch.setattr(pdf, "render_pdf", slow_pdf)
    target = tmp_path / "au.pdf"
    async with export_dialog(example, key="E") as (app, pilot, field):
        said = Notices(app).said
        preview = app.screen_stack[-2]
        field.value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, started.is_set, "the PDF begun")
        await wait_until(pilot, lambda: app.screen is preview, "the preview again")
        # Under way, and said so where the protocol's title is.
        title = str(preview.query_one("#preview-title", Static).content)
        assert title.startswith("Exporterar au.pdf …"), title
        # A second export is refused in one line, naming the one under way.
        await pilot.press("E")
        assert app.screen is preview and not held_too_long
        assert any("En export pågår redan" in s and str(target) in s for s in said), said
        # A key pressed meanwhile is handled now: / opens the search field.
        await pilot.press("slash")
        find = preview.query_one("#find", Input)
        await wait_until(pilot, lambda: find.has_focus, "the search field")
        assert not release.is_set() and not held_too_long and not target.exists()
        release.set()
        await exports_written(pilot)
        assert any(s == f"Exporterat till {target}" for s in said), said
        assert "Exporterar" not in str(preview.query_one("#preview-title", Static).content)
    assert not held_too_long
    assert target.read_bytes().startswith(b"%PDF")
