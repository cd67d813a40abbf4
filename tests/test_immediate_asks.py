"""Omedelbar justering changes the legal record of a §: asked first, either way.

F9 i acted at once in a trial, and Esc did not undo it. Now a dialog names
the § and what happens; Esc or n leaves the § as it was, Enter does it.
"""

from __future__ import annotations

import pytest

from protokoll.store import Store
from protokoll.tui.app import ProtokollApp
from protokoll.tui.i18n import t
from protokoll.tui.screens.dialogs import ConfirmDialog
from protokoll.tui.screens.meeting import MeetingScreen
from protokoll.tui.screens.preview import PreviewScreen

from .screen import screen_text, wait_until


def immediate(path, meeting_id: str) -> bool:
    (p,) = Store(path).load(meeting_id).paragraphs
    return p.immediate


async def ask(app: ProtokollApp, pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")


async def adjust_at_once(app: ProtokollApp, pilot) -> None:
    """F9 i on the § shown, yes: until its document is on the screen."""
    await ask(app, pilot, "f9", "i")
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, PreviewScreen), "the extract")


async def back_at_the_meeting(app: ProtokollApp, pilot) -> None:
    await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")


@pytest.mark.parametrize("no", ["escape", "n"])
@pytest.mark.parametrize("keys", [("f9", "i"), ("alt+i",)], ids=["F9 i", "Alt+I"])
async def test_no_leaves_the_paragraph_as_it_was(meeting, keys, no):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await ask(app, pilot, *keys)
        # The question names the § and what it does.
        question = t("d_immediate_confirm", paragraph="§ 1", title="Information")
        assert question.split(":")[0] in screen_text(app).replace("\n", " ")
        await pilot.press(no)
        await back_at_the_meeting(app, pilot)
        assert not app.screen.meeting.paragraphs[0].immediate
        await pilot.press("ctrl+q")
    assert not immediate(path, meeting_id)


async def test_yes_adjusts_at_once_and_asking_again_takes_it_back(meeting):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await adjust_at_once(app, pilot)  # done: the § alone, ready to print and sign
        assert t("immediate_title") in screen_text(app)
        await pilot.press("escape")
        await back_at_the_meeting(app, pilot)
        assert app.screen.meeting.paragraphs[0].immediate
        # Taking it back is a change to the record too: asked, in its own words.
        await ask(app, pilot, "f9", "i")
        no_longer = t("d_not_immediate_confirm", paragraph="§ 1", title="Information")
        assert no_longer.split(":")[0] in screen_text(app).replace("\n", " ")
        await pilot.press("enter")
        await back_at_the_meeting(app, pilot)
        assert not app.screen.meeting.paragraphs[0].immediate
        await pilot.press("ctrl+q")
    assert not immediate(path, meeting_id)


async def test_the_paragraph_adjusted_at_once_exports_as_a_pdf_to_sign(
    meeting, tmp_path, monkeypatch
):
    # A trial: E in this view proposed a .txt, and a name in .pdf got the text.
    from io import BytesIO

    from pypdf import PdfReader

    from .screen import exports_written

    monkeypatch.chdir(tmp_path)
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await adjust_at_once(app, pilot)
        await pilot.press("E")
        await wait_until(pilot, lambda: "-1.pdf" in screen_text(app), "a name with its §")
        await pilot.press("enter")
        await exports_written(pilot)
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    (made,) = tmp_path.glob("*-1.pdf")
    data = made.read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    assert "OMEDELBART JUSTERAD" in text and "§ 1" in text


async def test_a_paragraph_adjusted_at_once_offers_no_change_and_takes_no_words(meeting):
    # A trial: F3 on the § adjusted at once opened the decision dialog, took
    # the words, and Enter dropped them; the refusal was already on screen.
    from .test_legal_app import messages

    path, meeting_id = meeting
    app = ProtokollApp(path)
    said = messages(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        screen = app.screen
        await adjust_at_once(app, pilot)
        await pilot.press("escape")
        await back_at_the_meeting(app, pilot)
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "Beslut" not in footer and "Uppgift" not in footer, footer
        count = len(said)
        for key in ("f3", "f4", "alt+r"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen, key  # no dialog to type into
        refusals = [m for m in said[count:] if "justerad omedelbart" in m]
        assert len(refusals) == 3  # Alt+R too: a shortcut left out says why
        await pilot.press("ctrl+q")
    assert Store(path).load(meeting_id).paragraphs[0].decisions == []
