"""The legal record in the application: refusals, the roll call, jäv, checks, one § alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Decision, Person, Store, render_text
from protokoll.store.profiles import apply
from protokoll.tui.app import ProtokollApp
from protokoll.tui.i18n import set_lang

from .screen import screen_text
from .test_app import to_person, typed

ROSTER = [
    Person("ann", "Ann Ek", party="S"),
    Person("bo", "Bo Lind", party="M"),
    Person("cia", "Cia Berg", party="S"),
    Person("hans", "Hans Ny", party="M", role="ersattare"),
    Person("jan", "Jan Kansli", "nämndsekreterare", role="tjansteperson"),
]


@pytest.fixture(autouse=True)
def swedish():
    set_lang("sv")
    yield


@pytest.fixture
def nämnd(tmp_path: Path) -> tuple[Path, str]:
    """A meeting of a nämnd in progress: three members and a clerk present, two §s."""
    path = tmp_path / "store"
    store = Store(path)
    organ = apply(store.add_organ("Socialnämnden", "Sydstads kommun", roster=ROSTER), "namnd")
    store.save_organ(organ)
    s = store.create_meeting(organ.id, "2026-11-23", start="13:00")
    m = s.meeting
    for a in m.attendees:
        a.present = a.id != "hans"
    m.functions.chair, m.functions.secretary = "ann", "jan"
    first = s.add_paragraph("Budget")
    first.decisions.append(Decision("Nämnden beslutar att godkänna budgeten."))
    s.add_paragraph("Upphandling")
    m.status = "open"
    s.save()
    s.close()
    return path, m.id


def messages(app) -> list[str]:
    """What the app tells the user, as it is told."""
    said: list[str] = []
    notify = app.notify

    def record(message, *args, **kwargs):
        said.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = record
    return said


async def open_meeting(pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")  # Fortsätt: the meeting in progress
    await pilot.pause()


async def roll_call_on_bifall(app, pilot):
    """The meeting open and the vote dialog (Alt+V) with "bifall" typed, its
    Enter still to come; the current §."""
    await open_meeting(pilot)
    p = app.screen.meeting.paragraph(app.screen.meeting.current)
    await pilot.press("alt+v")
    await pilot.pause()
    await typed(pilot, "bifall")
    return p


async def test_a_member_who_left_is_refused_when_set_to_arrive_again(nämnd):
    path, _ = nämnd
    app = ProtokollApp(path)
    said = messages(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meeting(pilot)
        m = app.screen.meeting
        app.screen.show_paragraph(m.paragraphs[0].id)
        await to_person(pilot, app, "Cia Berg")
        await pilot.press("l")  # leaves after § 1, which is decided
        await pilot.pause()
        assert m.attendee("cia").left == m.paragraphs[0].id
        app.screen.show_paragraph(m.paragraphs[1].id)
        await pilot.press("a")
        await pilot.pause()
        assert m.attendee("cia").left == m.paragraphs[0].id  # unchanged
        assert any("får inte tjänstgöra igen" in n for n in said)


async def test_a_roll_call_that_does_not_add_up_keeps_the_dialog_open(nämnd):
    path, _ = nämnd
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        p = await roll_call_on_bifall(app, pilot)
        await pilot.press("enter", "j", "n")  # two of three serving have voted
        await pilot.press("tab", "enter", "enter", "enter", "enter", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "VoteDialog"
        assert "saknas: Cia Berg" in " ".join(screen_text(app).split())
        assert p.votes == []
        roll = app.screen.query_one("#roll")
        roll.focus()
        roll.highlighted = 2
        await pilot.press("j")
        await pilot.press("tab", "enter", "enter", "enter", "enter", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"
        assert [(v.yes, v.no) for v in p.votes] == [(2, 1)]


async def test_jav_by_the_chair_asks_who_chairs_and_an_ersattare_may_serve(nämnd):
    path, _ = nämnd
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meeting(pilot)
        m = app.screen.meeting
        m.attendee("hans").present = True  # an ersättare, present, not serving
        p = m.paragraph(m.current)
        await pilot.press("alt+j")
        await pilot.pause()
        await typed(pilot, "Ann")
        await pilot.press("enter")
        await pilot.pause()
        await typed(pilot, "Hans")  # serves in her place
        await pilot.press("enter")
        await pilot.pause()
        assert "vem leder §" in screen_text(app)
        await typed(pilot, "Bo")
        await pilot.press("enter")
        await pilot.pause()
        assert [(j.person, j.substitute) for j in p.jav] == [("ann", "hans")]
        assert p.chair == "bo"


async def test_a_reservation_can_only_be_picked_from_those_taking_part(nämnd):
    path, _ = nämnd
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meeting(pilot)
        m = app.screen.meeting
        m.attendee("hans").present = True
        await pilot.press("alt+r")
        await pilot.pause()
        choices = app.screen.query_one("#choices")
        labels = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert labels == ["Ann Ek", "Bo Lind", "Cia Berg"]  # not the ersättare, not the clerk
        await pilot.press("down", "enter")  # Bo Lind; no proposals to favour
        await pilot.pause()
        await pilot.press("enter")  # no reason yet
        await pilot.pause()
        await pilot.press("enter")  # the first choice: a written one will follow
        await pilot.pause()
        r = m.paragraph(m.current).reservations
        assert [(x.person, x.pending) for x in r] == [("bo", True)]
        # A blank reservation (L12): no reasons, and none to follow.
        await pilot.press("alt+r")
        await pilot.pause()
        await pilot.press("enter")  # Ann Ek
        await pilot.pause()
        await pilot.press("enter")  # no reason
        await pilot.pause()
        assert "Utan motivering" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        r = m.paragraph(m.current).reservations
        assert [(x.person, x.pending, x.reason) for x in r][1] == ("ann", False, "")
        text = render_text(m)
        assert "Ann Ek (S) reserverar sig mot beslutet.\n" in text


async def test_checks_show_the_dates_and_a_paragraph_adjusted_at_once_previews_alone(nämnd):
    path, _ = nämnd
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meeting(pilot)
        await pilot.press("alt+k")
        await pilot.pause()
        text = screen_text(app)
        assert "Justeras senast: 2026-12-07" in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("alt+i")
        await pilot.pause()
        await pilot.press("enter")  # yes to the question it asks first
        await pilot.pause()
        text = screen_text(app)
        assert "PROTOKOLL, OMEDELBART JUSTERAD PARAGRAF" in text
        assert "Tjänstgörande, § 2" in text


async def test_choosing_a_profile_fills_in_an_organs_rules_and_each_can_be_changed(tmp_path):
    from textual.widgets import Select, TextArea

    from protokoll.tui.screens.organ import OrganScreen

    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(OrganScreen())
        await pilot.pause()
        await typed(pilot, "Socialnämnden")
        await pilot.press("enter")
        await typed(pilot, "Sydstads kommun")
        app.screen.query_one("#profile").value = "namnd"
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#posts-notices", Select).value is True
        assert "Anmälan av jäv" in screen.query_one("#agenda", TextArea).text
        screen.query_one("#quorum", Select).value = False  # this organ does not check it
        await pilot.press("f2")
        await pilot.pause()
        (organ,) = Store(tmp_path / "store").organs()
        assert (organ.rules.profile, organ.rules.posts_notices, organ.rules.quorum) == (
            "namnd",
            True,
            False,
        )
        assert organ.agenda_template[3] == "Anmälan av jäv"


async def test_enter_in_the_roll_call_saves_the_vote_counted_from_it(nämnd):
    # Found in a trial: after "j j n" Enter did nothing; five more were needed.
    path, _ = nämnd
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        p = await roll_call_on_bifall(app, pilot)
        await pilot.press("enter", "j", "j", "n", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"
        assert [(v.yes, v.no) for v in p.votes] == [(2, 1)]


async def test_the_tally_keeps_its_names_once_filled_in(nämnd):
    """The totals lost their Ja/Nej/Avstår once filled ("7  2  1", a trial)."""
    path, _ = nämnd
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await roll_call_on_bifall(app, pilot)
        for name, value in (("yes", "2"), ("no", "1"), ("abstain", "0")):
            app.screen.query_one(f"#{name}").value = value
        await pilot.pause()
        tally = [x for x in screen_text(app).splitlines() if "Avstår" in x]
        assert tally and all(w in tally[0] for w in ("Ja", "2", "Nej", "1", "Avstår", "0"))
        assert "Utslagsröst" in screen_text(app) and "Resultat" in screen_text(app)
