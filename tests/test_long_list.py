"""The list that draws only the rows on screen (the past meetings): the cursor
passes over headings, the page keys, Home and End move it as in any list,
Enter and a click choose, and a row's text is drawn as it is, never as
markup or terminal control."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult

from protokoll.tui import app as app_module
from protokoll.tui.widgets.long_list import LongList, Row

from .screen import screen_text, wait_until


def rows(groups: int = 40, each: int = 25) -> list[Row]:
    out = []
    for g in range(groups):
        out.append(Row(f"Organ {g} · {2047 - g}"))
        out += [Row(f"  möte {g}-{k}", f"{g}-{k}") for k in range(each)]
    return out


class Lists(App):
    CSS_PATH = Path(app_module.__file__).parent / "app.tcss"  # as the application draws it

    def __init__(self, shown: list[Row]) -> None:
        super().__init__()
        self.shown = shown
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield LongList(id="rows")

    def on_mount(self) -> None:
        listed = self.query_one(LongList)
        listed.set_rows(self.shown)
        listed.focus()

    def on_long_list_chosen(self, event: LongList.Chosen) -> None:
        self.chosen.append(event.row_id)


async def test_the_cursor_starts_on_the_first_row_to_choose_and_passes_over_headings():
    app = Lists(rows(groups=3, each=2))
    async with app.run_test(size=(40, 12)) as pilot:
        listed = app.query_one(LongList)
        assert listed.highlighted_id == "0-0"  # not on the heading above it
        await pilot.press("down", "down")
        assert listed.highlighted_id == "1-0"  # "Organ 1" passed over
        await pilot.press("up")
        assert listed.highlighted_id == "0-1"
        await pilot.press("enter")
        assert app.chosen == ["0-1"]


async def test_page_keys_home_and_end_reach_the_whole_list():
    app = Lists(rows())  # 1,040 rows
    async with app.run_test(size=(40, 12)) as pilot:
        listed = app.query_one(LongList)
        await pilot.press("end")
        assert listed.highlighted_id == "39-24"
        assert "möte 39-24" in screen_text(app)
        await pilot.press("home")
        assert listed.highlighted_id == "0-0"
        assert "Organ 0 · 2047" in screen_text(app)  # its heading shown too
        await pilot.press("pagedown")
        first_page = listed.highlighted_id
        assert first_page not in ("0-0", "0-1") and first_page is not None
        await pilot.press("pagedown", "pageup")
        assert listed.highlighted_id == first_page
        await pilot.press("ctrl+end")
        assert listed.highlighted_id == "39-24"


async def test_a_row_is_chosen_by_a_click_and_a_heading_is_not():
    app = Lists(rows(groups=2, each=3))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.click(LongList, offset=(5, 3))  # border, heading, 0-0, 0-1
        await wait_until(pilot, lambda: app.chosen, "a choice")
        assert app.chosen == ["0-1"]
        await pilot.click(LongList, offset=(5, 1))  # the heading
        await pilot.pause()
        assert app.chosen == ["0-1"]


async def test_the_cursor_kept_on_its_row_when_the_rows_are_replaced_and_shown_with_heading():
    app = Lists(rows(groups=10, each=25))
    async with app.run_test(size=(40, 12)) as pilot:
        listed = app.query_one(LongList)
        assert listed.highlight("7-0")
        await pilot.pause()
        text = screen_text(app)
        assert "Organ 7 · 2040" in text and "möte 7-0" in text
        listed.set_rows(rows(groups=10, each=26), keep="7-0")
        assert listed.highlighted_id == "7-0"
        listed.set_rows(rows(groups=2, each=2), keep="7-0")  # gone: the first
        assert listed.highlighted_id == "0-0"
        assert not listed.highlight("nowhere")


async def test_a_rows_text_is_drawn_as_text_never_markup_or_terminal_control():
    typed = "[bold]Budget[/bold] \x1b[2J\x1b]0;titel\x07 klar"
    app = Lists([Row("Organ · 2026"), Row(typed, "m1")])
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Budget[/bold]" in text
        assert "\x1b" not in text and "\x07" not in text and "titel" not in text.split("klar")[1]


async def test_a_rows_text_may_be_made_when_it_is_drawn():
    made: list[int] = []

    def label(n: int) -> str:
        made.append(n)
        return f"  möte {n}"

    from functools import partial

    shown = [Row("Organ · 2026"), *(Row("", str(n), partial(label, n)) for n in range(5000))]
    app = Lists(shown)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert "möte 0" in screen_text(app)
        assert 0 < len(set(made)) < 50  # a screenful, not 5,000
        await pilot.press("end")
        await pilot.pause()
        assert "möte 4999" in screen_text(app)


async def test_an_empty_list_takes_keys_without_harm():
    app = Lists([])
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.press("down", "pagedown", "end", "home", "enter", "up")
        assert app.query_one(LongList).highlighted_id is None and app.chosen == []
