"""Text boxes as a secretary reads them: every one moves to its text's start and
end with Ctrl+Home and Ctrl+End, as F1 says (the organ form's roster had not
moved, a trial, only the § text), and a field left shows its beginning."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from protokoll.tui.widgets.fields import DataArea, DataInput, MinutesArea

ROSTER = "Anna Berg (S), ordförande\nBo Ek (M)\nCia Dahl (C), ersättare"


class OneBox(App):
    def __init__(self, box: DataArea | DataInput, *more: DataInput) -> None:
        super().__init__()
        self.box = box
        self.more = more

    def compose(self) -> ComposeResult:
        yield self.box
        yield from self.more


@pytest.mark.parametrize("kind", [DataArea, MinutesArea])
async def test_ctrl_home_and_ctrl_end_go_to_the_texts_start_and_end(kind):
    app = OneBox(kind(ROSTER))
    async with app.run_test(size=(60, 10)) as pilot:
        app.box.focus()
        app.box.move_cursor((1, 2))
        await pilot.press("ctrl+end")
        assert app.box.cursor_location == (2, len("Cia Dahl (C), ersättare"))
        await pilot.press("ctrl+home")
        assert app.box.cursor_location == (0, 0)


async def test_a_field_left_shows_its_beginning_not_where_typing_ended():
    """A task's text scrolled to its end read "verksamhetsberättelse och …",
    as if "skriva" were lost (a trial)."""
    task = "skriva verksamhetsberättelse och plan för nästa år och skicka den till alla"
    app = OneBox(DataInput(id="text"), DataInput(id="owner"))
    async with app.run_test(size=(40, 10)) as pilot:
        app.box.focus()
        await pilot.press(*task)
        assert app.box.value == task and app.box.scroll_offset.x > 0  # typing at its end
        await pilot.press("tab")
        await pilot.pause()
        assert app.box.scroll_offset.x == 0
        assert "skriva" in app.box.render_line(0).text
