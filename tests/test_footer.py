"""The meeting screen's footer: composed once, made anew only when its keys change."""

from __future__ import annotations

from protokoll.tui.app import ProtokollApp
from protokoll.tui.i18n import t
from protokoll.tui.widgets.footer import SteadyFooter

# The footer's keys, by their CSS type name (a public query): their class lives
# in a private module of Textual's.
KEYS = "FooterKey"


def descriptions(app: ProtokollApp) -> list[str]:
    return [k.description for k in app.screen.query_one(SteadyFooter).query(KEYS)]


async def settle(app: ProtokollApp, pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()


async def test_the_footer_is_not_made_anew_when_its_keys_stay_the_same(meeting):
    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(160, 24)) as pilot:
        await pilot.pause()
        first = list(app.screen.query_one(SteadyFooter).query(KEYS))
        assert first, "the keys are there from the first composition"
        # The follow-up loaded, the editor focused, the agenda shown again:
        # bindings changed, the keys shown did not.
        await settle(app, pilot)
        assert list(app.screen.query_one(SteadyFooter).query(KEYS)) == first
        await pilot.press("ctrl+q")


async def test_the_footer_follows_the_focus_to_another_widgets_keys(meeting):
    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(160, 24)) as pilot:
        await settle(app, pilot)
        toggle = t("a_toggle")
        assert toggle not in descriptions(app)
        app.screen.query_one("#attendance").focus()
        await settle(app, pilot)
        assert toggle in descriptions(app)
        app.screen.query_one("#text").focus()
        await settle(app, pilot)
        assert toggle not in descriptions(app)
        await pilot.press("ctrl+q")


async def test_a_dialog_shows_its_own_keys_not_those_of_the_screen_beneath(meeting):
    # The preview's "f2 Exportera … f3 Rättelse" showed under its dialogs,
    # keys the dialog does not take (a trial).
    from protokoll.tui.screens.dialogs import TextDialog

    from .screen import screen_text

    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        beneath = screen_text(app).splitlines()[-1]
        assert t("a_decision") in beneath  # the meeting screen's F3
        await app.screen.run_action("rename")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        bottom = screen_text(app).splitlines()[-1]
        assert descriptions(app) == [t("cancel")]
        assert t("cancel") in bottom and t("a_decision") not in bottom
        await pilot.press("escape")
        await pilot.pause()
        assert t("a_decision") in screen_text(app).splitlines()[-1]
        await pilot.press("ctrl+q")


async def test_f9_on_a_screen_without_its_menu_opens_the_command_palette(meeting):
    # The meeting's F9 "Mer …" is the habit; on the protocol's view it did nothing.
    from protokoll.tui.screens.preview import PreviewScreen
    from protokoll.tui.toolkit import Palette

    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await pilot.pause()
        assert type(app.screen).__name__ == "ActionMenu"  # the meeting's own menu
        await pilot.press("escape")
        await pilot.pause()
        app.show_protocol(meeting_id)
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        await pilot.press("f9")
        await pilot.pause()
        assert Palette.is_open(app)
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_a_question_names_its_keys_yes_and_no(meeting):
    # Under "Öppna … igen?" the footer had said "⏎ Spara".
    from protokoll.tui.screens.dialogs import ConfirmDialog

    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        answers = []
        app.push_screen(ConfirmDialog("Fråga? (Enter ja, Esc nej)"), answers.append)
        await pilot.pause()
        assert descriptions(app) == [t("no"), t("yes")]
        await pilot.press("enter")
        await pilot.pause()
        assert answers == [True]
        await pilot.press("ctrl+q")


async def test_toasts_do_not_pile_up_over_the_work(meeting):
    """Three identical "Mötet är avslutat …" had stacked up (trials 5 and 7):
    the same words while they are shown are said once, and again once gone."""
    path, _ = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        for _ in range(3):
            app.notify("mötet är avslutat: inget ändras")
        app.notify("Något annat")
        await pilot.pause()
        toasts = [str(t.render()) for t in app.screen.query("Toast")]
        assert len(toasts) == 2, toasts
        app.clear_notifications()
        app.notify("mötet är avslutat: inget ändras")
        await pilot.pause()
        assert len(app.screen.query("Toast")) == 1
        await pilot.press("ctrl+q")


async def test_a_closed_meeting_offers_no_key_that_would_change_it(meeting):
    """Three trials: a closed meeting's footer went on showing "f2 Ny §",
    "f3 Beslut", "f4 Uppgift", each only to refuse. Left out of the footer and
    the F9 menu; the key pressed all the same still says why."""
    from protokoll.store import Store, verbs

    from .screen import Notices, screen_text, wait_until

    path, meeting_id = meeting
    s = Store(path).open(meeting_id)
    s.editor(history=False).do(verbs.close_meeting, "15:00")
    s.close()
    app = ProtokollApp(path)
    notices = Notices(app)
    async with app.run_test(size=(160, 24)) as pilot:
        await settle(app, pilot)
        app.open_meeting(meeting_id)  # from Tidigare möten: a closed one is not resumed
        await wait_until(pilot, lambda: hasattr(app.screen, "recorder"), "the meeting")
        await settle(app, pilot)
        shown = descriptions(app)
        for key in ("a_new", "a_decision", "a_task"):
            assert t(key) not in shown
        assert t("a_undo") in shown and t("a_menu") in shown  # undoing the close, the menu
        notices.said.clear()
        await pilot.press("f2")
        await wait_until(pilot, lambda: any("Mötet är avslutat" in x for x in notices.said), "why")
        assert len(Store(path).load(meeting_id).paragraphs) == len(app.screen.meeting.paragraphs)
        await pilot.press("f9")
        await pilot.pause()
        menu = screen_text(app)
        assert "Öppna mötet igen" in menu and "Ny §" not in menu
        await pilot.press("escape")
        # Open again, the keys are back.
        await app.screen.run_action("reopen")
        await settle(app, pilot)
        await pilot.press("enter")  # yes to "Öppna … igen?"
        await settle(app, pilot)
        assert t("a_new") in descriptions(app)
        await pilot.press("ctrl+q")
