"""Looking things up during a meeting: references, and the lookup over the meeting."""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Meeting, Paragraph, Store
from protokoll.store.references import reference, short_name
from protokoll.tui.app import ProtokollApp
from protokoll.tui.i18n import set_lang
from protokoll.tui.screens.browse import BrowseScreen
from protokoll.tui.screens.lookup import Quote, open_lookup
from protokoll.tui.screens.meeting import MeetingScreen
from protokoll.tui.screens.preview import PreviewScreen
from protokoll.tui.screens.registers import TasksScreen
from protokoll.tui.screens.search import SearchScreen

from .conftest import copy_examples
from .screen import Notices, screen_text, type_text


@pytest.fixture(autouse=True)
def swedish():
    set_lang("sv")
    yield
    set_lang("sv")


async def until(pilot, condition, tries: int = 60) -> None:
    """Let workers finish: pause until `condition()` holds."""
    for _ in range(tries):
        await pilot.pause(0.05)
        if condition():
            return
    raise AssertionError("condition never held")


# --- the reference -------------------------------------------------------------


def meeting_of(organ: str, *numbers: int | None, kind: str = "protokoll", **kw) -> Meeting:
    m = Meeting("m1", "o1", organ, "Förbundet", "2025-04-10", kind=kind, **kw)
    m.paragraphs = [Paragraph(f"p{i}", f"Punkt {i}", n) for i, n in enumerate(numbers)]
    return m


@pytest.mark.parametrize(
    ("organ", "short"),
    [
        ("Arbetsutskottet", "AU"),
        ("arbetsutskott", "AU"),
        ("Styrelsen", "Styrelsen"),
        ("Medlemsrådet", "Medlemsrådet"),
        ("Socialnämnden", "Socialnämnden"),
        ("AU", "AU"),
        ("Kommunstyrelsen", "KS"),
        ("Kommunfullmäktige", "KF"),
        ("Kommunstyrelsens arbetsutskott", "KSAU"),
        ("Barn- och utbildningsnämnden", "BUN"),
        ("Kultur-, fritids- och turismnämnden", "KFTN"),
        ("Bygg- och miljönämnden", "BMN"),
        # Multiword names that are not shortened so stay as they are.
        ("Styrelsen för Samordningsförbundet", "Styrelsen för Samordningsförbundet"),
        ("Samordningsförbundets styrelse", "Samordningsförbundets styrelse"),
        ("  Arbetsutskottet ", "AU"),
    ],
)
def test_an_organ_is_named_as_secretaries_shorten_it(organ, short):
    assert short_name(organ) == short


def test_a_reference_names_organ_date_and_paragraph_in_either_language():
    m = meeting_of("Arbetsutskottet", 10, 11)
    assert reference(m, m.paragraphs[1], "sv") == "Se AU 2025-04-10 § 11"
    assert reference(m, m.paragraphs[0], "en") == "See AU 2025-04-10 § 10"
    board = meeting_of("Styrelsen", 3)
    assert reference(board, board.paragraphs[0], "sv") == "Se Styrelsen 2025-04-10 § 3"


def test_a_paragraph_of_the_meeting_being_written_is_cited_by_its_number_alone():
    """F12 c in the årsmöte itself quoted "Se Årsmöte 2026-11-30 § 13" (a trial)."""
    m = meeting_of("Arbetsutskottet", 10, 11)
    assert reference(m, m.paragraphs[1], "sv", within=m.id) == "Se § 11"
    assert reference(m, m.paragraphs[1], "sv", within="another") == "Se AU 2025-04-10 § 11"


def test_unnumbered_notes_are_cited_by_their_place():
    m = meeting_of("Beredningsgruppen", None, None, None, kind="minnesanteckningar")
    assert reference(m, m.paragraphs[2], "sv") == "Se Beredningsgruppen 2025-04-10 punkt 3"
    assert reference(m, m.paragraphs[0], "en") == "See Beredningsgruppen 2025-04-10 item 1"


def test_a_meeting_known_by_a_period_is_cited_by_it():
    m = meeting_of("Styrelsen", 4, period="Hösten 2024")
    m.date = "2024"
    assert reference(m, m.paragraphs[0], "sv") == "Se Styrelsen Hösten 2024 § 4"


def test_a_paragraph_of_another_meeting_is_refused():
    m = meeting_of("Styrelsen", 4)
    with pytest.raises(ValueError):
        reference(m, Paragraph("elsewhere", "Annat", 4), "sv")


def test_the_example_paragraph_is_cited_as_the_issue_says(example):
    m = Store(example).load("20250410-au")
    at = next(p for p in m.paragraphs if p.number == 11)
    assert reference(m, at, "sv") == "Se AU 2025-04-10 § 11"


# --- open_lookup over any screen ---------------------------------------------


def spy_on_open(app) -> list[str]:
    """The meetings opened for writing from now on."""
    opened: list[str] = []
    open_for_writing = app.store.open

    def recorded(meeting_id: str):
        opened.append(meeting_id)
        return open_for_writing(meeting_id)

    app.store.open = recorded
    return opened


class Told:
    """What the lookup handed back, and how often."""

    def __init__(self) -> None:
        self.calls: list[Quote | None] = []

    def __call__(self, quote: Quote | None) -> None:
        self.calls.append(quote)


async def started(pilot, app, kind: str, current_id: str = "20250605-au"):
    """The lookup of `kind` over the start screen, with a meeting as the one in progress."""
    await pilot.pause()
    base = app.screen
    current = app.store.load(current_id)
    told = Told()
    open_lookup(app, kind, current, told)
    await pilot.pause()
    return base, current, told


async def test_search_quotes_the_hit_under_the_cursor(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        base, _, told = await started(pilot, app, "search")
        screen = app.screen
        assert isinstance(screen, SearchScreen) and "Slå upp" in screen_text(app)
        await pilot.press("c")  # in the query field c is a letter, not "quote"
        assert screen.query_one("#query").value == "c" and told.calls == []
        await pilot.press("backspace")
        await type_text(pilot, "förlängning")
        await pilot.press("enter")
        await until(pilot, lambda: screen.hits)
        assert "Citera" in screen_text(app)  # in the footer, once on the hits
        await pilot.press("down")  # the second hit: AU § 11
        assert screen._highlighted().paragraph == 11
        await pilot.press("c")
        await pilot.pause()
        assert told.calls == [Quote("Se AU 2025-04-10 § 11")]
        assert app.screen is base
        await pilot.press("ctrl+q")


async def test_search_hit_on_a_whole_meeting_cannot_be_quoted(example):
    app = ProtokollApp(example)
    notices = Notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        _, _, told = await started(pilot, app, "search")
        screen = app.screen
        await type_text(pilot, "kansli")
        await pilot.press("enter")  # where they met: the meeting's own details
        await until(pilot, lambda: screen.hits)
        assert screen._highlighted().position is None
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is screen and told.calls == []
        assert any("inte en §" in m for m in notices.said)
        await pilot.press("ctrl+q")


async def test_an_item_of_unnumbered_notes_is_quoted_by_its_place(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        base, _, told = await started(pilot, app, "search")
        screen = app.screen
        await type_text(pilot, "förlängning")
        await pilot.press("enter")
        await until(pilot, lambda: screen.hits)
        assert screen._highlighted().meeting == "20250520-bg"
        await pilot.press("c")
        await pilot.pause()
        assert told.calls == [Quote("Se Beredningsgruppen 2025-05-20 punkt 2")]
        assert app.screen is base
        await pilot.press("ctrl+q")


async def test_escape_all_the_way_back_tells_once_that_nothing_was_quoted(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        base, _, told = await started(pilot, app, "search")
        screen = app.screen
        await type_text(pilot, "förlängning")
        await pilot.press("enter")
        await until(pilot, lambda: screen.hits)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        await pilot.press("escape")
        assert app.screen is screen and told.calls == []  # one back: the hits
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is base and told.calls == [None]
        await pilot.press("ctrl+q")
    assert told.calls == [None]


async def test_an_opened_hit_is_quoted_from_the_protocol_and_every_screen_closes(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        base, _, told = await started(pilot, app, "search")
        screen = app.screen
        await type_text(pilot, "förlängning")
        await pilot.press("enter")
        await until(pilot, lambda: screen.hits)
        await pilot.press("down", "enter")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await pilot.pause()
        # What c will quote is on screen before it is pressed.
        assert "c citerar: Se AU 2025-04-10 § 11" in screen_text(app)
        # A rättelse is not made from a lookup.
        assert not preview.check_action("correct", ())
        await pilot.press("c")
        await pilot.pause()
        assert told.calls == [Quote("Se AU 2025-04-10 § 11")]
        assert app.screen is base and preview not in app.screen_stack
        await pilot.press("ctrl+q")


async def test_the_cursor_in_the_protocol_follows_scrolling_and_the_find_keys(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        _, _, told = await started(pilot, app, "meetings")
        browse = app.screen
        assert isinstance(browse, BrowseScreen)
        await pilot.press("enter")  # the organ's latest meeting before the current one
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, PreviewScreen) and preview.meeting.id == "20250410-au"
        await pilot.pause()
        assert preview.cursor == 0  # at the top: the first §
        await pilot.press("slash")
        await type_text(pilot, "förlängningen")
        await pilot.press("enter")
        await pilot.pause()
        assert preview.meeting.paragraphs[preview.cursor].number == 11
        assert "c citerar: Se AU 2025-04-10 § 11" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        # § 11 has left the view: the cursor is on the § now at its top.
        page = preview.query_one("#page")
        at = preview.cursor
        assert preview.meeting.paragraphs[at].number > 11
        after = preview.anchors[at + 1] if at + 1 < len(preview.anchors) else 10**6
        assert preview.anchors[at] <= page.scroll_y < after
        number = preview.meeting.paragraphs[at].number
        assert f"c citerar: Se AU 2025-04-10 § {number}" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert told.calls == [Quote(f"Se AU 2025-04-10 § {number}")]
        await pilot.press("ctrl+q")


async def test_past_meetings_open_read_only_even_the_one_in_progress(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(80, 24)) as pilot:
        # An unadjusted meeting stands for the one in progress.
        base, current, told = await started(pilot, app, "meetings")
        opened = spy_on_open(app)
        browse = app.screen
        rows = browse.query_one("#meetings")
        assert rows.highlighted_id == "20250410-au"
        assert "Slå upp" in screen_text(app)
        rows.highlight(current.id)
        await pilot.press("enter")
        await pilot.pause()
        preview = app.screen
        # Shown from memory, as it is now; not opened for writing a second time.
        assert isinstance(preview, PreviewScreen) and preview.meeting is current
        assert not app.meeting_screens() and opened == []
        await pilot.press("escape")
        assert app.screen is browse
        # Search from the list stays in the lookup.
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen) and app.screen.lookup is browse.lookup
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is base and told.calls == [None]
        await pilot.press("ctrl+q")


async def test_the_task_list_quotes_the_paragraph_that_gave_the_task(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(100, 24)) as pilot:
        # Written in a later meeting: the one of 2025-06-05 is cited by its date.
        base, _, told = await started(pilot, app, "tasks", current_id="20251120-sn")
        screen = app.screen
        assert isinstance(screen, TasksScreen)
        await until(pilot, lambda: screen.rows)
        await pilot.pause()
        assert "Citera" in screen_text(app)
        budget = next(i for i, r in enumerate(screen.rows) if r.paragraph == 19)
        screen.query_one("#tasks").move_cursor(row=budget)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        await pilot.pause()
        assert "Se AU 2025-06-05 § 19" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("c")
        await pilot.pause()
        assert told.calls == [Quote("Se AU 2025-06-05 § 19")]
        assert app.screen is base
        await pilot.press("ctrl+q")


async def test_outside_a_lookup_the_screens_do_not_quote(example):
    app = ProtokollApp(example)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        app.push_screen(TasksScreen())
        screen = app.screen
        await until(pilot, lambda: screen.rows)
        assert "Citera" not in screen_text(app)
        await pilot.press("c", "enter")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, PreviewScreen) and "Citera" not in screen_text(app)
        assert not preview.check_action("quote", ())
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"
        await pilot.press("ctrl+q")


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        from protokoll.tui.screens.lookup import Lookup, first_screen

        first_screen("decisions", Lookup.__new__(Lookup))


# --- from the meeting in progress, end to end ---------------------------------


def store_with_past_decision_and_meeting_in_progress(path: Path) -> str:
    copy_examples(path)
    store = Store(path)
    s = store.create_meeting("au-norra", "2025-09-04", start="13:00")
    s.meeting.status = "open"
    s.add_paragraph("Information")
    s.close()
    return s.meeting.id


async def test_looking_up_a_past_decision_quotes_it_where_the_cursor_was(tmp_path):
    meeting_id = store_with_past_decision_and_meeting_in_progress(tmp_path / "store")
    app = ProtokollApp(tmp_path / "store")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen) and meeting.meeting.id == meeting_id
        area = meeting.query_one("#text")
        area.focus()
        await type_text(pilot, "Frågan togs upp i våras. Beslut fattades.")
        await pilot.pause()
        before = area.text
        # Into the middle: after "våras." and its space.
        cut = before.index("Beslut")
        area.move_cursor((0, cut))
        shown = meeting.shown
        opened = spy_on_open(app)
        await pilot.press("f12")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen) and search.lookup is not None
        await type_text(pilot, "bevilja")
        await pilot.press("enter")  # a word of AU's decision in § 11
        await until(pilot, lambda: search.hits)
        hit = next(i for i, h in enumerate(search.hits) if h.paragraph == 11)
        search.query_one("#hits").highlighted = hit
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is meeting
        assert meeting.shown == shown
        quote = "Se AU 2025-04-10 § 11"
        assert area.text == before[:cut] + quote + before[cut:]
        assert area.cursor_location == (0, cut + len(quote))
        assert app.focused is area
        assert opened == []  # nothing was opened for writing from the lookup
        await pilot.press("ctrl+q")
    text = Store(tmp_path / "store").load(meeting_id).paragraphs[0].text
    assert quote in text
