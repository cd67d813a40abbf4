"""The attendance list at 80x24: with a long roster the letters stay seen.

The letters at the end of a row (O chair, S secretary, J adjuster, E
substitute, 3→ and →5 arrival and leaving) are what the secretary checks.
Twelve people need a scrollbar in the 24-row pane, which took the last
columns of every row and cut the letters to "…" (found in a trial at 80x24).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from protokoll.store import Store, verbs
from protokoll.store.model import Person
from protokoll.tui.app import ProtokollApp

from .screen import screen_text, wait_for_text, wait_until

NAMES = [
    "Anna Berg", "Bo Ek", "Cia Dahl", "Dan Falk", "Eva Holm", "Fredrik Gustavsson",
    "Gunilla Lindqvist-Åkerström", "Hans Johansson", "Ingrid Karlsson",
    "Jonas Mattsson", "Karin Nordström", "Lars-Erik Pettersson Wallin",
]  # fmt: skip


def twelve_on_the_roster(path: Path) -> None:
    """An open meeting at its third § with all twelve, each function given, and
    one who came at § 2 and one who left after § 2 (long names, so they are cut)."""
    store = Store(path)
    roster = [Person(f"p{i}", name) for i, name in enumerate(NAMES)]
    organ = store.add_organ("Arbetsutskottet", "Förbundet", roster=roster)
    s = store.create_meeting(organ.id, "2026-01-15", start="13:00")
    s.meeting.status = "open"
    editor = s.editor(history=False)
    for a in s.meeting.attendees:
        editor.do(verbs.set_present, a.id, a.id != "p5")
    first, second, third = (s.add_paragraph(f"Punkt {n}") for n in (1, 2, 3))
    editor.do(verbs.toggle_function, "p0", "chair")
    editor.do(verbs.toggle_function, "p11", "secretary")
    editor.do(verbs.toggle_function, "p6", "adjuster")
    editor.do(verbs.toggle_function, "p10", "adjuster")
    editor.do(verbs.arrive, "p5", second.id)
    editor.do(verbs.leave, "p11", third.id)
    s.close()


EXPECTED = {  # the end of each name's row, as the secretary checks it
    "Anna Berg": "O",
    "Fredrik": "2→",
    "Gunilla": "J",
    "Karin": "J",
    "Lars-Erik": "S →2",
}


def pane_rows(app: ProtokollApp) -> list[str]:
    listing = app.screen.query_one("#attendance")
    left, top = listing.region.x, listing.region.y
    lines = screen_text(app).splitlines()[top : top + listing.region.height]
    return [line[left : left + listing.region.width] for line in lines]


@pytest.mark.parametrize("size", [(80, 24), (120, 24)], ids=["80x24", "wide"])
async def test_every_rows_letters_are_seen_with_a_scrollbar(tmp_path, size):
    path = tmp_path / "store"
    twelve_on_the_roster(path)
    app = ProtokollApp(path)
    async with app.run_test(size=size) as pilot:
        await wait_for_text(pilot, "Punkt 3")
        listing = app.screen.query_one("#attendance")
        assert listing.max_scroll_y > 0, "twelve people need the scrollbar (else no test)"
        rows = pane_rows(app)
        listing.scroll_end(animate=False)
        await wait_until(pilot, lambda: listing.scroll_y == listing.max_scroll_y, "scrolled")
        rows += pane_rows(app)
        for name, letters in EXPECTED.items():
            row = next(row for row in rows if f" {name}" in row)
            # A long name gives way ("Lindqvist-Åke…"), never the letters.
            assert row.rstrip().endswith(" " + letters), (name, row)
        await pilot.press("ctrl+q")
