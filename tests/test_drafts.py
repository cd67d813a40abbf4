"""Nothing typed into a dialog or a form is lost: drafts, driven with the Pilot."""

from __future__ import annotations

import asyncio
import contextlib
import stat

import pytest
from textual.widgets import Input, TextArea

from protokoll.store import Person, Store
from protokoll.store.drafts import Drafts
from protokoll.tui.app import ProtokollApp
from protokoll.tui.drafts import DraftOffer
from protokoll.tui.screens.decision_dialog import DecisionDialog
from protokoll.tui.screens.dialogs import PickDialog, TextDialog, VoteDialog
from protokoll.tui.screens.meeting import MeetingScreen
from protokoll.tui.screens.new_meeting import NewMeetingScreen
from protokoll.tui.screens.organ import OrganScreen
from protokoll.tui.screens.task_dialog import TaskDialog

from .screen import screen_text, type_text, wait_until

DECISION = "godkänna budgeten för 2026 [med ändringen] i punkt 3"


async def on_disk(pilot, path, key: str) -> None:
    """Until the draft of `key` is on disk, as the draft writer's tick puts it there."""
    await wait_until(pilot, lambda: Drafts(path).read(key) is not None, f"the draft of {key}")


@contextlib.asynccontextmanager
async def started_again(path):
    """The program started again on `path` after a hang-up: (app, pilot), settled."""
    again = ProtokollApp(path)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        yield again, pilot


async def hung_up(app, pilot) -> None:
    """What was typed looked at, then the connection dropped (SIGHUP)."""
    await pilot.pause()
    app.hang_up()
    await pilot.pause()


async def typed_in_f9_dialog_then_hung_up(path, letter: str, dialog: type, typing) -> None:
    """F9 `letter` opens `dialog` over the meeting, `typing(app, pilot)` types
    in it, and the connection drops."""
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f9", letter)
        await wait_until(pilot, lambda: isinstance(app.screen, dialog), "the dialog")
        await typing(app, pilot)
        await hung_up(app, pilot)


async def settle(pilot, seconds: float = 0.0) -> None:
    await pilot.pause()
    if seconds:
        await asyncio.sleep(seconds)
        await pilot.pause()


async def open_decision(app: ProtokollApp, pilot) -> DecisionDialog:
    await settle(pilot)
    assert isinstance(app.screen, MeetingScreen)
    await pilot.press("f3")
    await settle(pilot)
    assert isinstance(app.screen, DecisionDialog)
    return app.screen


async def test_a_decisions_draft_is_offered_as_it_will_read_its_lead_first(meeting):
    # A trial's offer read "mötet avslutades kl. 14.00 · Arbetsutskottet
    # noterar att": the words before the lead they follow.
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_decision(app, pilot)
        dialog.query_one("#lead", Input).value = "Arbetsutskottet noterar att"
        # An att-sats typed with its "att": offered with "att" once, as it is saved.
        await type_text(pilot, "att mötet avslutades kl. 14.00")
        await hung_up(app, pilot)
    async with started_again(path) as (again, pilot):
        assert isinstance(again.screen, DraftOffer)
        assert "Arbetsutskottet noterar att mötet avslutades kl. 14.00" in " ".join(
            screen_text(again).split()
        )
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_a_decision_typed_before_a_hang_up_is_offered_back_and_saved(meeting):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_decision(app, pilot)
        await type_text(pilot, DECISION)
        await pilot.pause()
        app.hang_up()  # at once: well inside the half second between looks
        await pilot.pause()
    draft = Drafts(path).read(meeting_id)
    assert draft is not None and draft["fields"]["decision"] == DECISION

    again = ProtokollApp(path)
    # Toasts drawn: one left over after the save would be seen.
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, DraftOffer)
        shown = screen_text(again)
        assert "Ett utkast av Beslut (§ 1) från" in shown
        assert "godkänna budgeten" in shown
        await pilot.press("enter")
        await settle(pilot)
        dialog = again.screen
        assert isinstance(dialog, DecisionDialog)
        area = dialog.query_one("#decision", TextArea)
        assert area.text == DECISION
        assert area.has_focus and area.cursor_location == area.document.end
        # Said in the dialog, where Esc would throw the draft away.
        restored = str(dialog.query_one("#draft-restored").render())
        assert "är ifyllt igen; Esc avbryter och kastar det" in restored
        await pilot.press("enter")  # saved
        await settle(pilot)
        assert isinstance(again.screen, MeetingScreen)
        # And gone with it: nothing left saying a draft is there to discard.
        assert "ifyllt igen" not in screen_text(again)
        await pilot.press("ctrl+q")
    saved = Store(path).load(meeting_id).paragraphs[0].decisions
    assert [d.text for d in saved] == [f"Arbetsutskottet beslutar att {DECISION}"]
    assert Drafts(path).read(meeting_id) is None


async def test_a_draft_is_on_disk_while_typing_without_a_flush(meeting):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_decision(app, pilot)
        await type_text(pilot, "att ")
        # Without a flush: what a kill -9 would leave. (How soon is measured by
        # the benchmarks, not asserted here: a loaded machine only takes longer.)
        await on_disk(pilot, path, meeting_id)
        draft = Drafts(path).read(meeting_id)
        assert draft is not None and draft["fields"]["decision"] == "att "
        assert draft["action"] == "decision"
        file = path / "drafts" / f"{meeting_id}.json"
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700
        await pilot.press("ctrl+q")


async def test_a_saved_dialog_leaves_no_draft(meeting):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_decision(app, pilot)
        await type_text(pilot, "bifalla förslaget")
        await on_disk(pilot, path, meeting_id)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+q")
    assert Drafts(path).read(meeting_id) is None
    assert [d.text for d in Store(path).load(meeting_id).paragraphs[0].decisions] == [
        "Arbetsutskottet beslutar att bifalla förslaget"
    ]


async def test_esc_leaves_no_draft(meeting):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_decision(app, pilot)
        await type_text(pilot, "fel beslut")
        await on_disk(pilot, path, meeting_id)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        app.hang_up()
        await pilot.pause()
    assert Drafts(path).read(meeting_id) is None
    async with started_again(path) as (again, pilot):
        assert isinstance(again.screen, MeetingScreen)  # nothing offered
        await pilot.press("ctrl+q")


async def test_not_now_keeps_the_draft_and_the_same_dialog_fills_itself_in(meeting):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.screen.run_action("rename")  # whichever key the key map gives it
        await settle(pilot)
        assert isinstance(app.screen, TextDialog)
        await type_text(pilot, " och budget")
        app.hang_up()
        await pilot.pause()

    async with started_again(path) as (again, pilot):
        assert isinstance(again.screen, DraftOffer)
        await pilot.press("escape")  # not now
        await settle(pilot)
        assert isinstance(again.screen, MeetingScreen)
        assert Drafts(path).read(meeting_id) is not None
        # Opened again the same way, at the same §: the draft is in it.
        await again.screen.run_action("rename")
        await settle(pilot)
        dialog = again.screen
        assert isinstance(dialog, TextDialog)
        assert dialog.query_one("#value", Input).value == "Information och budget"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+q")
    assert Store(path).load(meeting_id).paragraphs[0].title == "Information och budget"
    assert Drafts(path).read(meeting_id) is None


async def test_a_task_comes_back_with_all_its_fields(meeting):
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, TaskDialog)
        await type_text(pilot, "ta fram en budget")
        await pilot.press("tab", "tab")
        await type_text(pilot, "15/6")
        await pilot.press("shift+tab")  # back to the owner, to be typed in last
        await type_text(pilot, "Bo Ek")
        await hung_up(app, pilot)

    async with started_again(path) as (again, pilot):
        # Offered in the dialog's order: the store keeps keys sorted, and the
        # offer had read "15/6 · Bo Ek · ta fram en budget" (a trial).
        assert isinstance(again.screen, DraftOffer)
        assert "ta fram en budget · Bo Ek · 15/6" in screen_text(again)
        await pilot.press("enter")
        await settle(pilot)
        dialog = again.screen
        assert isinstance(dialog, TaskDialog)
        assert dialog.query_one("#text", Input).value == "ta fram en budget"
        assert dialog.query_one("#owner", Input).value == "Bo Ek"
        # Back in the field typed in last: the rest of the name goes on there
        # (it opened in the first field, and "lund" went into the task's text).
        await type_text(pilot, "lund")
        assert dialog.query_one("#owner", Input).value == "Bo Eklund"
        assert dialog.query_one("#text", Input).value == "ta fram en budget"
        await pilot.press("ctrl+q")


async def test_a_vote_comes_back_with_its_roll_call(meeting):
    path, meeting_id = meeting
    session = Store(path).open(meeting_id)
    for a in session.meeting.attendees:
        a.present = True  # a roll call of those serving
    session.save()
    session.close()
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.screen.run_action("vote")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, VoteDialog)
        await type_text(pilot, "Ja för förslaget")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("j", "n")  # the first two of the roll call
        await pilot.pause()
        ballots = dict(dialog.ballots)
        assert sorted(ballots.values()) == ["ja", "nej"]
        app.hang_up()
        await pilot.pause()

    async with started_again(path) as (again, pilot):
        await pilot.press("enter")
        await settle(pilot)
        dialog = again.screen
        assert isinstance(dialog, VoteDialog)
        assert dialog.query_one("#prop", Input).value == "Ja för förslaget"
        assert dialog.ballots == ballots
        assert dialog.query_one("#yes", Input).value == "1"
        await pilot.press("ctrl+q")


async def test_the_new_meeting_form_keeps_its_fields(tmp_path):
    path = tmp_path / "store"
    Store(path).add_organ(
        "Arbetsutskottet",
        "Förbundet",
        roster=[Person("anna", "Anna Berg", "", "Åby")],
        organ_id="au",
        place="Kansliet",
    )
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # Nytt möte
        await settle(pilot)
        assert isinstance(app.screen, NewMeetingScreen)
        form = app.screen
        form.query_one("#date", Input).value = "2026-03-12"
        form.query_one("#place", Input).value = "Stadshuset, sal 3"
        await on_disk(pilot, path, "new-meeting")  # on disk while typing
        app.hang_up()
        await pilot.pause()

    async with started_again(path) as (again, pilot):
        assert "Nytt möte (utkastet från" in screen_text(again)
        await pilot.press("enter")
        await settle(pilot)
        form = again.screen
        assert isinstance(form, NewMeetingScreen)
        assert form.query_one("#date", Input).value == "2026-03-12"
        assert form.query_one("#place", Input).value == "Stadshuset, sal 3"
        await pilot.press("escape")  # deliberately cancelled: asked first (trial 19)
        await settle(pilot)
        assert "Kasta det du skrivit i formuläret?" in screen_text(again)
        await pilot.press("escape")  # no: back to the form, all still there
        await settle(pilot)
        assert again.screen is form and form.query_one("#date", Input).value == "2026-03-12"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")  # yes: thrown away
        await settle(pilot)
        assert "utkastet från" not in screen_text(again)
        await pilot.press("ctrl+q")
    assert Drafts(path).read("new-meeting") is None


async def test_the_organ_form_keeps_its_fields_and_saving_removes_the_draft(tmp_path):
    path = tmp_path / "store"
    Store(path)
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # Skapa det första organet
        await settle(pilot)
        assert isinstance(app.screen, OrganScreen)
        await type_text(pilot, "Styrelsen")
        form = app.screen
        form.query_one("#roster", TextArea).load_text("Anna Berg (S), Åby kommun\nBo Ek")
        await hung_up(app, pilot)
    assert Drafts(path).read("organ-new") is not None

    again = ProtokollApp(path)
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert "organet (utkastet från" in screen_text(again)  # the menu says it waits
        await pilot.press("enter")
        await settle(pilot)
        form = again.screen
        assert isinstance(form, OrganScreen)
        assert "ifyllt igen" in str(form.query_one("#draft-restored").render())  # in the form
        assert form.query_one("#name", Input).value == "Styrelsen"
        assert form.query_one("#roster", TextArea).text == "Anna Berg (S), Åby kommun\nBo Ek"
        form.query_one("#organisation", Input).value = "Förbundet"
        await pilot.press("f2")
        await settle(pilot)
        menu = screen_text(again)
        assert "ifyllt igen" not in menu and "utkastet från" not in menu  # saved: gone
        await pilot.press("ctrl+q")
    assert [o.name for o in Store(path).organs()] == ["Styrelsen"]
    assert Drafts(path).read("organ-new") is None


def test_draft_files_are_private_and_keys_stay_in_their_folder(tmp_path):
    drafts = Drafts(tmp_path)
    drafts.write("abc123", {"fields": {"x": "y"}})
    assert drafts.read("abc123") == {"fields": {"x": "y"}}
    assert stat.S_IMODE((tmp_path / "drafts" / "abc123.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "drafts").stat().st_mode) == 0o700
    with pytest.raises(ValueError):
        drafts.write("../catalogue", {})
    (tmp_path / "drafts" / "broken.json").write_text("{not json")
    assert drafts.read("broken") is None  # not the minutes: left, unread
    drafts.remove("abc123")
    drafts.remove("abc123")  # twice is fine
    assert drafts.keys() == ["broken"]


async def test_a_protocols_view_says_its_correction_draft_waits(example):
    # A rättelse typed, then the connection lost: the view of that protocol
    # said nothing of it until F3 happened to be pressed again (a trial).
    import datetime as dt

    from protokoll.store.adjust import adjust
    from protokoll.tui.screens.dialogs import CorrectionDialog
    from protokoll.tui.screens.preview import PreviewScreen

    from .screen import Notices

    adjust(Store(example), "20250605", dt.date(2025, 6, 12), [])
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(PreviewScreen(Store(example).load("20250605-au")))
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, CorrectionDialog)
        app.screen.query_one("#what", Input).value = "Beloppet ska vara 250 000 kronor."
        await on_disk(pilot, example, "20250605-au")
        app.hang_up()
        await pilot.pause()

    again = ProtokollApp(example)
    said = Notices(again)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        again.push_screen(PreviewScreen(Store(example).load("20250605-au")))
        await settle(pilot)
        assert any("Ett utkast till rättelse från" in s for s in said.said), said.said
        await pilot.press("f3")
        await settle(pilot)
        assert again.screen.query_one("#what", Input).value == "Beloppet ska vara 250 000 kronor."
        await pilot.press("ctrl+q")


@pytest.mark.parametrize(
    ("where", "key", "typed"),
    [("#agenda", "n", "Revisionsberättelse 2019"), ("#attendance", "g", "Elisabeth Rahmberg")],
    ids=["agenda item", "guest"],
)
async def test_a_dialog_opened_from_a_list_comes_back_open_with_enter(meeting, where, key, typed):
    """After a hang-up in "Ny punkt på dagordningen", Enter on the offer only
    said, in a toast cut at 80 columns, where to press (a trial)."""
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(where).focus()
        await pilot.press(key)
        await wait_until(pilot, lambda: isinstance(app.screen, TextDialog), "the dialog")
        await type_text(pilot, typed)
        await on_disk(pilot, path, meeting_id)
        app.hang_up()
        await pilot.pause()
    again = ProtokollApp(path)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(again.screen, DraftOffer), "the offer")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(again.screen, TextDialog), "the dialog again")
        assert again.screen.query_one(Input).value == typed
        await pilot.press("escape")
        await pilot.press("ctrl+q")


# What the draft is: the reservation, not its "Motivering"; the note by its kind.
TITLES = {"proposal": "Yrkande", "reservation": "Reservation", "note": "Särskilt yttrande"}


@pytest.mark.parametrize(
    ("action", "picks", "typed"),
    [
        ("proposal", ["Cia"], "bifall till förslaget"),
        ("reservation", ["Cia"], "budgeten räcker inte"),
        ("note", ["Cia", "Särskilt"], "vi hade hellre sett en utredning"),
    ],
    ids=["yrkande", "reservation", "särskilt yttrande"],
)
async def test_a_text_asked_after_picks_comes_back_with_them(meeting, action, picks, typed):
    """Whose yrkande it was is part of the draft: after a hang-up, Enter on
    the offer had asked "Vem yrkar?" again, with nothing to say whose text
    was waiting (a trial)."""
    path, meeting_id = meeting
    session = Store(path).open(meeting_id)
    for a in session.meeting.attendees:
        a.present = True
    session.save()
    session.close()
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.screen.run_action(action)
        for pick in picks:
            await wait_until(pilot, lambda: isinstance(app.screen, PickDialog), "a pick")
            await type_text(pilot, pick)
            await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TextDialog), "the text")
        await type_text(pilot, typed)
        await on_disk(pilot, path, meeting_id)
        app.hang_up()
        await pilot.pause()

    again = ProtokollApp(path)
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(again.screen, DraftOffer), "the offer")
        offered = str(again.screen.query_one(".dialog-title").render())
        assert offered.startswith(f"Ett utkast av {TITLES[action]}, Cia Dahl (§ 1)")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(again.screen, TextDialog), "the text again")
        dialog = again.screen
        assert dialog.query_one(Input).value == typed
        assert "Cia Dahl" in str(dialog.query_one("#about").render())
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(again.screen, MeetingScreen), "saved")
        await pilot.press("ctrl+q")
    p = Store(path).load(meeting_id).paragraphs[0]
    made = {
        "proposal": [(x.person, x.text) for x in p.proposals],
        "reservation": [(x.person, x.reason) for x in p.reservations],
        "note": [(x.person, x.text, x.kind) for x in p.notes],
    }[action]
    expected = ("cia", typed, "sarskilt_yttrande") if action == "note" else ("cia", typed)
    assert made == [expected]
    assert Drafts(path).read(meeting_id) is None


async def test_a_forms_draft_is_said_when_the_meeting_resumes(meeting):
    """After a dropped connection in the organ form the start went straight into
    the meeting, and the form's draft waited unsaid (trial 8)."""
    import datetime as dt

    path, meeting_id = meeting
    organ_id = Store(path).load(meeting_id).organ_id
    kept = {"kind": "OrganScreen", "fields": {"roster": "ers: Jonas Ryhr"}}
    kept["saved"] = dt.datetime(2025, 1, 15, 11, 24).isoformat()
    Drafts(path).write(f"organ-{organ_id}", kept)
    Drafts(path).write("new-meeting", kept)
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        said = lambda: " ".join(  # noqa: E731
            " ".join(str(t.render()).split()) for t in app.screen.query("Toast")
        )
        await wait_until(pilot, lambda: "organets formulär" in said(), "the form's draft")
        assert "Ett utkast av organets formulär från 2025-01-15 11:24 finns kvar: F9 c" in said()
        assert "Ett utkast av ett nytt möte från 2025-01-15 11:24" in said()
        await pilot.press("ctrl+q")


async def test_an_owner_typed_as_the_start_of_one_roster_name_is_that_name(meeting):
    """The owner field showed the suggestion "Olle Björk", Tab moved on, and
    the task was given to "Olle" (trial 9)."""
    path, meeting_id = meeting
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, TaskDialog), "the task")
        await type_text(pilot, "boka lokalen")
        await pilot.press("enter")
        await type_text(pilot, "cia")
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#owner", Input).value == "Cia Dahl"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "saved")
        await pilot.press("ctrl+q")
    (task,) = Store(path).load(meeting_id).paragraphs[0].tasks
    assert (task.owner, task.owner_name) == ("cia", "Cia Dahl")


async def test_letters_in_a_number_field_are_said_not_only_rung(tmp_path):
    # A trial typed a path one field too far, into "Första §", which takes
    # digits only: it went without a word (Textual only rings the bell).
    store = Store(tmp_path / "store")
    store.add_organ("Arbetsutskottet", "Förbundet")
    app = ProtokollApp(store.path)
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, *a, **k: (said.append(str(message)), notify(message, *a, **k))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # Nytt möte
        await wait_until(pilot, lambda: isinstance(app.screen, NewMeetingScreen), "the form")
        app.screen.query_one("#first", Input).focus()
        await type_text(pilot, "/tmp/dagordning")
        await pilot.pause()
        assert app.screen.query_one("#first", Input).value == ""
        assert said.count("Här skrivs bara en siffra; det som inte är siffror togs inte") == 1
        await pilot.press("escape")
        await pilot.press("ctrl+q")


async def test_letters_on_a_drop_down_change_no_choice_and_are_said(tmp_path):
    # Trial 19: a roster typed one field too far, onto "Numrering", had
    # changed it: Enter opened the list, the letters searched it, Enter chose.
    app = ProtokollApp(tmp_path / "store")
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, *a, **k: (said.append(str(message)), notify(message, *a, **k))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the first organ
        await wait_until(pilot, lambda: isinstance(app.screen, OrganScreen), "the form")
        numbering = app.screen.query_one("#numbering")
        before = numbering.value
        numbering.focus()
        await pilot.press("enter")  # the list opens
        await type_text(pilot, "Erik Holm")
        await pilot.press("enter")
        await pilot.pause()
        assert numbering.value == before
        assert said.count("Här väljs med ↑ ↓ och Enter; det som skrevs ändrade inget") == 1


async def test_the_meetings_date_and_place_typed_before_a_hang_up_come_back(meeting):
    """Offered as the meeting's own, with no § beside it (a trial read "(§ 3)")."""
    from protokoll.tui.screens.details_dialog import DetailsDialog

    path, meeting_id = meeting

    async def place(app, pilot) -> None:
        app.screen.query_one("#place", Input).focus()
        await type_text(pilot, "Kommunhuset, rum Ekorren")

    await typed_in_f9_dialog_then_hung_up(path, "ä", DetailsDialog, place)
    async with started_again(path) as (again, pilot):
        assert isinstance(again.screen, DraftOffer)
        shown = " ".join(screen_text(again).split())
        assert "Ett utkast av Mötets datum, tid och plats från" in shown
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(again.screen, DetailsDialog), "it again")
        assert again.screen.query_one("#place", Input).value == "Kommunhuset, rum Ekorren"
        await pilot.press("enter", "enter", "enter")
        await wait_until(pilot, lambda: isinstance(again.screen, MeetingScreen), "saved")
        await pilot.press("ctrl+q")
    assert Store(path).load(meeting_id).place == "Kommunhuset, rum Ekorren"
    assert Drafts(path).read(meeting_id) is None


async def test_the_closings_end_time_is_offered_back_as_the_meetings_own(meeting):
    """Offered as "Avsluta mötet: sluttid (§ 60)", of a § the closing is no part of
    (a trial); Enter opens the closing again with the time typed."""
    path, _meeting_id = meeting

    async def end(app, pilot) -> None:
        # Not held today: no time proposed, so no "Skriv för att ersätta" either.
        said = screen_text(app)
        assert "Enter avslutar mötet, Esc avbryter" in said and "ersätta" not in said
        await pilot.press(*"16.45")

    await typed_in_f9_dialog_then_hung_up(path, "a", TextDialog, end)
    async with started_again(path) as (again, pilot):
        assert isinstance(again.screen, DraftOffer)
        shown = " ".join(screen_text(again).split())
        assert "16.45" in shown and "(§" not in shown, shown
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(again.screen, TextDialog), "it again")
        assert again.screen.query_one(Input).value == "16.45"
        await pilot.press("escape")
        await pilot.press("ctrl+q")
