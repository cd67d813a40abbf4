"""At 80 columns the footer shows whole keys, the most used first, and F9 for
the rest; messages never cover the place being worked on.

Found in a trial at 80x24 over SSH: the footer was cut after F6 ("f6 Ångra
f▏"), so F7, F8, F12 and Ctrl+O were never seen, and the toasts at the bottom
right covered the § being typed and the list of its decisions.
"""

from __future__ import annotations

import pytest

from protokoll.tui.app import ProtokollApp
from protokoll.tui.i18n import set_lang
from protokoll.tui.screens.meeting import MeetingScreen
from protokoll.tui.widgets.footer import SteadyFooter

from .screen import wait_until

EDITOR = ["f2", "f3", "f4", "f5", "f6", "f9"]  # in order of use; F9 "Mer …" last
EVERY = ["f2", "f3", "f4", "f5", "f6", "f7", "f8", "f12", "ctrl+o", "f9"]
ATTENDANCE = ["space", "e", "a", "l", "g", "f9"]  # the list's own keys come first


def shown(app: ProtokollApp, strict: bool = True) -> list[str]:
    """The footer's keys left of the palette's, as laid out; [] while it is
    being made anew (a key not laid out yet). Each must be whole on screen:
    asserted when `strict`; otherwise a frame where one is not (the keys of
    the width before, in the frame a resize is laid out in) counts as not yet."""
    footer = app.screen.query_one(SteadyFooter)
    keys = list(footer.query("FooterKey"))
    if not keys or any(k.region.width == 0 for k in keys):
        return []
    (palette,) = [k for k in keys if k.has_class("-command-palette")]
    others = [k for k in keys if k is not palette]
    whole = palette.region.right <= app.size.width and all(
        key.region.right <= palette.region.x for key in others
    )
    if not whole and not strict:
        return []
    assert palette.region.right <= app.size.width
    for key in others:  # whole, and not under the palette's key
        assert key.region.right <= palette.region.x, key.key
    return [k.key.split(",")[0] for k in sorted(others, key=lambda k: k.region.x)]


async def keys_become(app: ProtokollApp, pilot, expected: list[str]) -> None:
    await wait_until(
        pilot, lambda: shown(app, strict=False)[: len(expected)] == expected, f"the keys {expected}"
    )
    assert shown(app)[: len(expected)] == expected  # and every key whole


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_at_80_columns_the_most_used_keys_show_whole_and_f9_last(meeting, lang):
    set_lang(lang)
    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys_become(app, pilot, EDITOR)
        assert shown(app) == EDITOR
        # A list focused: its own keys, all five, and still F9.
        app.screen.query_one("#attendance").focus()
        await keys_become(app, pilot, ATTENDANCE)
        assert shown(app) == ATTENDANCE
        await pilot.press("ctrl+q")


async def test_a_wide_terminal_shows_every_key_and_a_narrower_one_fits_again(meeting):
    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(140, 24)) as pilot:
        await keys_become(app, pilot, EVERY)
        await pilot.resize_terminal(80, 24)
        await keys_become(app, pilot, EDITOR)
        assert shown(app) == EDITOR
        await pilot.resize_terminal(140, 24)
        await keys_become(app, pilot, EVERY)
        assert shown(app) == EVERY
        await pilot.press("ctrl+q")


def covers(toast, widget) -> bool:
    return bool(toast.region.intersection(widget.region))


def covered(app: ProtokollApp, *widgets) -> list[tuple]:
    """Each (toast's region, widget's region) where a message stands over a widget."""
    return [
        (toast.region, widget.region)
        for toast in app.screen.query("Toast")
        for widget in widgets
        if covers(toast, widget)
    ]


@pytest.mark.parametrize(
    "focus", ["", "text", "items", "log", "attendance", "agenda"], ids=lambda f: f or "at start"
)
async def test_a_message_does_not_cover_the_widget_being_worked_on(meeting, focus):
    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        if focus:
            app.screen.query_one(f"#{focus}").focus()
        else:  # as the meeting opens: the § text
            focus = "text"
        widget = app.screen.query_one(f"#{focus}")
        await wait_until(pilot, lambda: widget.has_focus, f"#{focus} focused")
        for n in range(2):  # two at once, as an undo and its warning
            app.notify(f"Meddelande {n}, kort")
        await wait_until(pilot, lambda: len(app.screen.query("Toast")) == 2, "the messages")
        await pilot.pause()
        for toast in app.screen.query("Toast"):
            assert toast.region.height == 1, "one row for a one-line message"
        assert not covered(app, widget), focus
        await pilot.press("ctrl+q")


async def test_the_two_messages_of_a_reopening_leave_the_text_free(meeting):
    """Reopened after a hang-up with an organ form's draft kept, the meeting
    says both at once; at half the screen they ran four lines each and stood
    over the § being written (a trial at 80x24)."""
    from protokoll.store.drafts import Drafts
    from protokoll.store.exits import note_exit

    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        organ = app.screen.meeting.organ_id
        await pilot.press("ctrl+q")
    draft = {"kind": "OrganScreen", "fields": {"roster": "Ny Person"}, "saved": "2026-12-01T01:51"}
    Drafts(path).write(f"organ-{organ}", draft)
    note_exit(path, meeting_id, "hangup")
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: len(app.screen.query("Toast")) == 2, "both messages")
        await pilot.pause()
        assert not covered(app, app.screen.query_one("#text"))
        await pilot.press("ctrl+q")


async def test_a_message_does_not_cover_the_f9_menu(meeting):
    """Toasts stood at the top right, over the menu's first rows (a trial)."""
    from protokoll.tui.screens.action_menu import ActionMenu

    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionMenu), "the menu")
        for n in range(2):
            app.notify(f"Meddelande {n}, kort")
        await wait_until(pilot, lambda: len(app.screen.query("Toast")) == 2, "the messages")
        await pilot.pause()
        menu = app.screen.query_one(".dialog")
        assert not covered(app, menu)
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_a_message_does_not_cover_a_dialogs_first_line(meeting):
    """Trial 21: "Utkastet från 20:55 är ifyllt" under a dialog's title was
    covered by the message saying the connection had dropped."""
    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("f3")
        await wait_until(pilot, lambda: app.screen.query(".dialog-title"), "the dialog")
        app.notify(
            "Anslutningen bröts eller terminalen stängdes 2026-11-30 21:28:49; allt som "
            "hade kommit fram till programmet sparades då"
        )
        await wait_until(pilot, lambda: app.screen.query("Toast"), "the message")
        await pilot.pause()
        parts = app.screen.query(".dialog > *")  # its title, its field, its hint
        assert parts
        assert not covered(app, *parts)
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_a_message_is_shown_once_while_a_dialog_is_open(meeting):
    """Trial 21: with a dialog open, a message stood at the top right and the
    bottom right at once: the meeting screen beneath kept its own."""
    from .screen import screen_text

    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("f5")  # the attendance: messages go to the bottom
        app.notify("Anna Berg lämnade mötet")
        await wait_until(pilot, lambda: "Anna Berg lämnade" in screen_text(app), "the message")
        await pilot.press("g")  # a guest, asked over the meeting
        await wait_until(pilot, lambda: not isinstance(app.screen, MeetingScreen), "the form")
        await pilot.pause()
        assert screen_text(app).count("Anna Berg lämnade mötet") == 1
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "back")
        await pilot.pause()
        assert screen_text(app).count("Anna Berg lämnade mötet") == 1
        await pilot.press("ctrl+q")


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_every_action_of_the_f9_menu_is_on_screen_whole_at_80x24(meeting, lang):
    """The last line of its first column ("x  Ta bort §") had been cut, and long
    labels ("Maskera § vid publiceri…") too (a trial)."""
    from protokoll.tui.i18n import t
    from protokoll.tui.screens.action_menu import ActionMenu

    from .screen import screen_text

    path, _ = meeting
    app = ProtokollApp(path, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionMenu), "the menu")
        await pilot.pause()
        text = screen_text(app)
        assert len(app.screen.actions) > 30
        # Its own keys at the foot, not the meeting's beneath it.
        foot = text.rstrip("\n").splitlines()[-1]
        assert ("esc Stäng" if lang == "sv" else "esc Close") in foot and "f2" not in foot
        for action in app.screen.actions:
            assert f"{action.letter}  {t(action.label)}" in text, action.label
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_a_closed_meetings_f9_menu_keeps_each_action_on_one_line(meeting):
    """Trial 21: with keys in both columns ("Tidigare §§ Ctrl+O") the lines were a
    column wider than the dialog, and "Ctrl+O" stood on a line of its own."""
    from protokoll.store import Store, verbs
    from protokoll.tui.i18n import t
    from protokoll.tui.screens.action_menu import ActionMenu

    from .screen import screen_text

    path, meeting_id = meeting
    s = Store(path).open(meeting_id)
    s.editor().do(verbs.close_meeting, "15:00")
    s.save()
    s.close()
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_meeting(meeting_id)
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionMenu), "the menu")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        (row,) = [x for x in lines if "Tidigare §§" in x]
        assert row.rstrip(" █").endswith("Ctrl+O"), row
        assert not any(x.strip(" █") == "Ctrl+O" for x in lines)
        # Every label whole: "Slå upp bland uppgifter…" and "Ändra organet och
        # ledam…" were cut where the other column had room to spare (a trial).
        text = "\n".join(lines)
        for action in app.screen.actions:
            assert f"{action.letter}  {t(action.label)}" in text, action.label
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_a_message_alone_begins_with_a_capital(meeting):
    from .screen import screen_text

    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        app.notify("mötet avslutat 11.30")  # as a verb's words come, for "Ångrat: …" too
        await wait_until(pilot, lambda: "Mötet avslutat 11.30" in screen_text(app), "the toast")
        await pilot.press("ctrl+q")
