"""The live application, driven by keys alone with the Pilot."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from protokoll.store import Person, Store, render_text
from protokoll.tui.app import ProtokollApp
from protokoll.tui.i18n import set_lang
from protokoll.tui.screens.meeting import MeetingScreen

from .conftest import copy_examples, store_with_meeting_in_progress
from .screen import screen_text, type_text, wait_for_text, wait_until

GOLDEN = Path(__file__).resolve().parent / "golden"

ROSTER = [
    Person("anna", "Anna Berg", "", "Åby kommun", "S"),
    Person("bo", "Bo Ek", "", "Försäkringskassan"),
    Person("cia", "Cia Dahl", "", "Region Mitt", "M"),
    Person("fia", "Fia Lund", "", "Arbetsförmedlingen"),
    Person("dan", "Dan Falk", "", "Region Mitt", "C", role="ersattare"),
    Person("eva", "Eva Holm", "förbundschef", role="tjansteperson"),
]


@pytest.fixture(autouse=True)
def swedish():
    set_lang("sv")
    yield
    set_lang("sv")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    Store(path).add_organ(
        "Arbetsutskottet", "Förbundet Test", roster=ROSTER, organ_id="au", place="Kansliet"
    )
    return path


async def typed(pilot, text: str) -> None:
    await type_text(pilot, text)


async def to_person(pilot, app, name: str) -> None:
    """Move the attendance highlight to a name."""
    await pilot.press("f5")
    screen = app.screen
    ids = [a.id for a in screen.meeting.attendees]
    target = next(a.id for a in screen.meeting.attendees if a.name == name)
    screen.query_one("#attendance").highlighted = ids.index(target)
    await pilot.pause()


async def test_the_minutes_of_a_whole_meeting_by_keys_alone(store_path):
    app = ProtokollApp(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Nytt möte
        await pilot.pause()
        await pilot.press("ctrl+u")  # clear the date field, type a Swedish date
        await typed(pilot, "fredag 27 mars 2020")
        await pilot.press("enter", "ctrl+u")
        await typed(pilot, "kl 13.00")
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        m = screen.meeting
        assert (m.date, m.start, m.place) == ("2020-03-27", "13:00", "Kansliet")

        # Attendance: Anna, Bo present; Cia absent, Dan serves for her; Eva present.
        for name in ("Anna Berg", "Bo Ek", "Eva Holm"):
            await to_person(pilot, app, name)
            await pilot.press("space")
        await to_person(pilot, app, "Dan Falk")
        await pilot.press("e")
        await pilot.pause()
        await typed(pilot, "Cia")
        await pilot.press("enter")
        await pilot.pause()
        # Functions, picked, never typed.
        await to_person(pilot, app, "Anna Berg")
        await pilot.press("o")
        await to_person(pilot, app, "Eva Holm")
        await pilot.press("s")
        await to_person(pilot, app, "Bo Ek")
        await pilot.press("j")

        # § 1: the first agenda item, with a decision.
        await pilot.press("f2")
        await typed(pilot, "Ordföranden öppnar mötet.")
        await pilot.press("f3")
        await pilot.pause()
        await typed(pilot, "förklara mötet öppnat.")
        await pilot.press("enter")
        await pilot.pause()
        # § 2: with a task, owner completed from the roster.
        await pilot.press("f2")
        await typed(pilot, "Bo Ek valdes att justera.")
        await pilot.press("f4")
        await pilot.pause()
        await typed(pilot, "boka lokal för hösten")
        await pilot.press("enter")
        await typed(pilot, "eva h")
        await pilot.press("right", "enter")  # → accepts the completion
        await typed(pilot, "1/12 2020")
        await pilot.press("enter")
        await pilot.pause()
        # Fia arrives late, at § 3.
        await pilot.press("f2")
        await to_person(pilot, app, "Fia Lund")
        await pilot.press("a")
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await typed(pilot, "Dagordningen godkänns.")
        await pilot.press("enter")
        await pilot.pause()
        # ... and a vote on § 3, by roll call.
        await pilot.press("alt+v")
        await pilot.pause()
        await typed(pilot, "att godkänna dagordningen")
        await pilot.press("enter")  # to the roll call
        await pilot.press("j", "n", "j", "a")
        await pilot.press("tab", "enter", "enter", "enter", "enter")  # totals, casting vote
        await typed(pilot, "Bifall.")
        await pilot.press("enter")
        await pilot.pause()

        # Close: end time recorded, preview shown.
        await pilot.press("alt+a")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await typed(pilot, "14.30")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "PreviewScreen"
        assert "§ 3  Godkännande av dagordning" in app.screen.text
        assert "PROTOKOLL" in screen_text(app)
        meeting_id = m.id
        await pilot.press("ctrl+q")

    meeting = Store(store_path).load(meeting_id)
    assert meeting.status == "closed" and meeting.end == "14:30"
    text = render_text(meeting)
    flat = " ".join(text.split())
    assert "Paragrafer: §§ 1–3" in text
    assert re.search(
        r"Beslutande\n +Anna Berg \(S\), Åby kommun\n +Bo Ek, Försäkringskassan\n"
        r" +Fia Lund, Arbetsförmedlingen, fr o m § 3",
        text,
    )
    assert "Dan Falk (C), Region Mitt, för Cia Dahl" in text
    assert re.search(r"Ordförande: +Anna Berg\nSekreterare: +Eva Holm\nJusterare: +Bo Ek", text)
    assert "§ 1  Mötets öppnande\n\nOrdföranden öppnar mötet.\n\nBeslut\n" in text
    assert "Arbetsutskottet beslutar att förklara mötet öppnat." in flat
    assert "Uppdrag Eva Holm: boka lokal för hösten (senast 2020-12-01)" in flat
    assert "Omröstning Proposition: att godkänna dagordningen Omröstningslista:" in flat
    # The roll call: those serving at § 3, Fia (arrived) and Dan (for Cia) among
    # them, Dan in Cia's seat (the roll's order: j n j a).
    assert re.search(
        r"Anna Berg \(S\) +ja\n +Bo Ek +nej\n +Dan Falk \(C\), för Cia Dahl +ja\n +Fia Lund +avstår"
        r"\n +Ja 2, nej 1, avstår 1",
        text,
    )
    assert "Resultat: Bifall." in text
    assert "Dagordningen godkänns." in text


async def test_reopening_returns_to_the_same_paragraph_with_its_text(store_path):
    app = ProtokollApp(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f2")
        await typed(pilot, "Första.")
        await pilot.press("f2")
        await typed(pilot, "Mitt i en mening om budg")
        meeting_id = app.screen.meeting.id
        await pilot.press("ctrl+q")  # leaving in the middle of § 2

    again = ProtokollApp(store_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, MeetingScreen) and screen.meeting.id == meeting_id
        assert screen.current.number == 2
        area = screen.query_one("#text")
        assert area.text == "Mitt i en mening om budg"
        assert area.has_focus and area.cursor_location == (0, len(area.text))
        await typed(pilot, "eten.")
        await pilot.press("ctrl+q")
    assert Store(store_path).load(meeting_id).paragraphs[1].text == "Mitt i en mening om budgeten."


async def test_markup_and_escape_sequences_show_literally(tmp_path):
    path = tmp_path / "store"
    roster = [
        Person("x", "[bold]Ann[/]", "", "[red]Org", "S"),
        Person("y", "Bo \x1b[2JRöd", "", ""),  # "clear the screen"
    ]
    Store(path).add_organ("AU [/]", "Förbundet", roster=roster, organ_id="au")
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f5", "space", "o")
        await pilot.press("f2")
        await typed(pilot, "Notering [/] och [link=x]länk[/link] $var")
        await pilot.press("f3")
        await pilot.pause()
        await typed(pilot, "[b]fet[/b]")
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        assert "[bold]Ann[/]" in shown
        assert "AU [/]" in shown
        assert "Notering [/] och [link=x]länk[/link] $var" in shown
        assert "[b]fet[/b]" in shown
        # The name's escape sequence is one mark on the screen, never sent on.
        assert "\x1b" not in shown and "[2J" not in shown
        assert "Bo \ufffdRöd" in shown
        meeting_id = app.screen.meeting.id
        await pilot.press("ctrl+q")
    text = render_text(Store(path).load(meeting_id))
    assert "[bold]Ann[/] (S), [red]Org" in text
    assert "AU [/] beslutar att [b]fet[/b]" in text
    assert "\x1b" not in text and "Bo \ufffdRöd" in text


def _golden_store(tmp_path: Path) -> Path:
    path = copy_examples(tmp_path / "store")
    store = Store(path)
    s = store.create_meeting(
        "au-norra",
        "2025-09-18",
        start="13:00",
        meeting_id="20250918-au",
        created="2025-09-15T09:00:00",
    )
    m = s.meeting
    m.status = "open"
    for a in m.attendees:
        a.present = a.id in ("karin", "perolof", "amira", "birgitta", "maria")
    m.functions.chair, m.functions.secretary, m.functions.adjusters = "karin", "maria", ["amira"]
    for i, item in enumerate(m.agenda[:3]):
        p = s.add_paragraph(item.title, agenda_item=item.id, started=f"13:0{i * 2}")
        item.paragraph, item.status = p.id, "done"
        p.text = ["Ordföranden öppnar mötet.", "", "Dagordningen godkänns."][i]
    m.paragraphs[1].decisions = []
    from protokoll.store import Decision

    m.paragraphs[1].decisions.append(Decision("Amira Haddad väljs att justera protokollet."))
    m.agenda[2].status = "current"
    s.save()
    s.close()
    return path


@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_golden_main_screen_80x24(tmp_path, lang):
    path = _golden_store(tmp_path)
    app = ProtokollApp(path, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        # Opening saves the meeting; the top bar shows when at a tick of its
        # own, sooner or later after the first frame: the screen is taken
        # once it has, the clock masked, so that a loaded machine draws the same.
        clock = re.compile(r"\d\d:\d\d:\d\d")
        await wait_until(
            pilot, lambda: clock.search(screen_text(app).splitlines()[0]), "the save time"
        )
        shown = clock.sub("hh:mm:ss", screen_text(app))
        await pilot.press("ctrl+q")
    golden = GOLDEN / f"meeting-{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")


async def test_a_terminal_too_small_shows_a_message(tmp_path):
    app = ProtokollApp(_golden_store(tmp_path))
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        assert "för litet" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "för litet" not in screen_text(app)
        await pilot.press("ctrl+q")


async def test_a_meeting_open_in_another_process_opens_read_only(tmp_path):
    path = _golden_store(tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from protokoll.store import Store;"
            " s = Store(sys.argv[1]).open('20250918-au');"
            "print('ready', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        app = ProtokollApp(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "SKRIVSKYDDAT" in screen_text(app)
            assert app.screen.session.read_only
            await typed(pilot, "försök")
            await pilot.press("f2")
            await pilot.pause()
            assert len(app.screen.meeting.paragraphs) == 3
            await pilot.press("ctrl+q")
    finally:
        holder.stdin.close()
        holder.wait(10)
    assert Store(path).load("20250918-au").paragraphs[2].text == "Dagordningen godkänns."


async def test_every_action_is_in_the_command_palette(tmp_path):
    app = ProtokollApp(_golden_store(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for key in (
            "Ny §",
            "Beslut",
            "Uppgift",
            "Omröstning",
            "Reservation",
            "Jäv",
            "Protokollsanteckning",
            "Omedelbar justering av §",
            "Fraser",
            "Förhandsgranska",
            "Avsluta mötet",
            "Hjälp",
        ):
            assert key in titles
        await pilot.press("ctrl+q")


async def _send_terminal_key(app, key: str, char: str | None) -> None:
    """A key as a real terminal sends it: Alt+E comes with the character "e"."""
    from textual import events

    app.post_message(events.Key(key, char))


async def test_alt_keys_from_a_real_terminal_run_the_action_and_type_nothing(tmp_path):
    app = ProtokollApp(_golden_store(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        area = app.screen.query_one("#text")
        before = area.text
        await _send_terminal_key(app, "alt+e", "e")
        await pilot.pause()
        assert type(app.screen).__name__ == "TextDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert area.text == before
        await pilot.press("ctrl+q")


async def test_a_phrase_is_found_by_its_first_letters_and_inserted(tmp_path):
    app = ProtokollApp(_golden_store(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9", "f")  # the menu, then f for Fraser
        await pilot.pause()
        await typed(pilot, "inga")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#text").text.endswith("Inga övriga frågor.")
        await pilot.press("ctrl+q")


async def test_a_bigger_terminal_shows_more(tmp_path):
    app = ProtokollApp(_golden_store(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("tall") and screen.has_class("wide")
        assert screen.query_one("#left").size.width > 28
        assert screen.query_one("#log").size.height > 5
        await pilot.press("ctrl+q")


async def test_an_empty_store_offers_the_examples(tmp_path):
    path = tmp_path / "store"
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Arkivet är tomt" in screen_text(app)
        await pilot.press("down", "enter")  # Läs in exempelmötena
        await pilot.pause()
        await pilot.press("ctrl+q")
    spans = {s.id: (s.first, s.last) for s in Store(path).summaries()}
    assert spans["20250410-au"] == (7, 13) and len(spans) == 5


async def test_a_guest_is_written_name_title_organisation(tmp_path):
    app = ProtokollApp(_golden_store(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f5", "g")
        await pilot.pause()
        await typed(pilot, "Ola Andersson, utredare, NNS")
        await pilot.press("enter")
        await pilot.pause()
        guest = app.screen.meeting.attendees[-1]
        assert (guest.name, guest.title, guest.organisation) == ("Ola Andersson", "utredare", "NNS")
        assert guest.present and guest.guest and guest.category == "ovriga"
        assert "Ola Andersson" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_the_help_screen_lists_the_keys(tmp_path):
    app = ProtokollApp(_golden_store(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        shown = screen_text(app)
        # The key every terminal sends, F9 and the letter, and where some terminals
        # let it through, the shortcut.
        assert "F2       F9 n  Ny §  (även Alt+N)" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+q")


async def test_a_new_organ_can_be_made_from_the_new_meeting_form(store_path):
    app = ProtokollApp(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Nytt möte
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await typed(pilot, "Styrelsen")
        await pilot.press("enter")
        await typed(pilot, "Förbundet Test")
        await pilot.press("f2")
        await pilot.pause()
        assert type(app.screen).__name__ == "NewMeetingScreen"
        # The time proposed as times are shown here, "20.53", not "20:53" (trial 21).
        proposed = app.screen.query_one("#start-time").value
        assert re.fullmatch(r"\d\d\.\d\d", proposed), proposed
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.meeting.organ == "Styrelsen"
        assert app.screen.meeting.start == proposed.replace(".", ":")  # read back as typed
        await pilot.press("ctrl+q")


async def test_a_full_disk_while_typing_is_shown_and_nothing_is_lost(tmp_path, monkeypatch):
    import errno

    from protokoll.store import storage

    path = _golden_store(tmp_path)
    app = ProtokollApp(path)
    real_write = os.write
    full = {"on": False}

    def write(fd, data):
        if full["on"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(storage.os, "write", write)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        full["on"] = True
        await typed(pilot, " Skrivet när disken var full.")
        await wait_for_text(pilot, "EJ SPARAT")
        full["on"] = False
        await wait_until(pilot, lambda: "EJ SPARAT" not in screen_text(app), "EJ SPARAT to go")
        await pilot.press("ctrl+q")
    text = Store(path).load("20250918-au").paragraphs[2].text
    assert text == "Dagordningen godkänns. Skrivet när disken var full."


async def test_past_meetings_open_as_they_print(example):
    path = example
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # Tidigare möten
        await pilot.pause()
        await pilot.press("enter")  # the newest
        await pilot.pause()
        assert type(app.screen).__name__ == "PreviewScreen"
        assert app.screen.text == render_text(Store(path).load("20250605-au"))
        await pilot.press("ctrl+q")


async def test_an_adjusted_protocol_shows_its_checksum_in_the_preview(example):
    import datetime as dt

    from protokoll.store.adjust import adjust

    digest, _ = adjust(Store(example), "20250605", dt.date(2025, 6, 12), [])
    app = ProtokollApp(example)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert f"sha256 {digest[:16]}" in screen_text(app)
        await pilot.press("ctrl+q")


async def test_text_typed_in_a_burst_before_f2_stays_in_its_paragraph(store_path):
    """A fast typist (or a paste, or tmux) sends the text and F2 at once."""
    from textual import events

    app = ProtokollApp(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Nytt möte
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        await pilot.press("f2")  # § 1, the editor focused
        await pilot.pause()
        # Every key queued before any is handled, as from a terminal buffer.
        for ch in "Ordföranden öppnar mötet.":
            app.post_message(events.Key(ch if ch != " " else "space", ch))
        app.post_message(events.Key("f2", None))
        for ch in "Punkt två.":
            app.post_message(events.Key(ch if ch != " " else "space", ch))
        await pilot.pause()
        await pilot.pause()
        first, second = screen.meeting.paragraphs
        assert first.text == "Ordföranden öppnar mötet."
        assert second.text == "Punkt två."
        await pilot.press("ctrl+q")
    first, second = Store(store_path).load(screen.meeting.id).paragraphs
    assert (first.text, second.text) == ("Ordföranden öppnar mötet.", "Punkt två.")


async def test_a_wrong_end_time_keeps_the_dialog_open_and_the_text_untouched(tmp_path):
    from protokoll.tui.screens.dialogs import TextDialog

    meeting_id = store_with_meeting_in_progress(tmp_path / "s")
    app = ProtokollApp(tmp_path / "s")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await typed(pilot, "Text.")
        await pilot.press("alt+a")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "12.00")
        await pilot.press("enter")  # before the start, 13.00
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        assert "13.00" in screen_text(app)
        await pilot.press("ctrl+u")
        await type_text(pilot, "kl 25")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press("ctrl+u")
        await type_text(pilot, "14.30")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.meeting.status == "closed" and screen.meeting.end == "14:30"
        assert screen.meeting.paragraphs[0].text == "Text."
        await pilot.press("ctrl+q")
    assert Store(tmp_path / "s").load(meeting_id).status == "closed"


async def test_the_start_menus_palette_names_quitting_once(store_path):
    # A trial saw "Avsluta programmet" twice in the start menu's palette: the
    # app's Ctrl+Q and the start screen's own q.
    app = ProtokollApp(store_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles.count("Avsluta programmet") == 1, titles
        await pilot.press("ctrl+q")
