"""Every text box moves to its text's start and end with Ctrl+Home and Ctrl+End,
as F1 says: the organ form's roster had not moved (a trial), only the § text."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from protokoll.tui.widgets.fields import DataArea, MinutesArea

ROSTER = "Anna Berg (S), ordförande\nBo Ek (M)\nCia Dahl (C), ersättare"


class OneBox(App):
    def __init__(self, box: DataArea) -> None:
        super().__init__()
        self.box = box

    def compose(self) -> ComposeResult:
        yield self.box


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
