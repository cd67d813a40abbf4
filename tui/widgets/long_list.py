"""A list of one-line rows that draws only the rows on screen.

For lists that grow with the archive (the past meetings: 10,000 rows and
their headings). An OptionList measures every option when it is filled, at
every opening of "Tidigare möten": 1719 ms against this list's 717 at 10,000
meetings on a slow machine (bench/bench_browse.py). Here filling is keeping
a Python list; a frame draws what is shown.

Headings are rows without an id: drawn bold, passed over by the cursor.
Text is data: a row is drawn as plain text, never markup, never terminal
control (`safe_line`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from protokoll.store.safe_text import safe_line


@dataclass(frozen=True)
class Row:
    text: str
    id: str | None = None  # None: a heading, not to be chosen
    # The text made when the row is drawn, if given: of 10,000 rows a screenful
    # is ever drawn, and making every label was a fifth of the list's opening.
    made: Callable[[], str] | None = field(default=None, compare=False)

    @property
    def shown(self) -> str:
        return self.made() if self.made is not None else self.text


class LongList(ScrollView, can_focus=True):
    """One-line rows, a cursor on the rows that have an id; Enter chooses."""

    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home,ctrl+home", "edge(-1)", show=False),
        Binding("end,ctrl+end", "edge(1)", show=False),
        Binding("enter", "choose", show=False),
    ]
    COMPONENT_CLASSES = {"long-list--heading", "long-list--cursor"}

    cursor: reactive[int | None] = reactive(None, always_update=True)

    class _About(Message):
        """Said of one row, by its id."""

        def __init__(self, control: LongList, row_id: str) -> None:
            super().__init__()
            self.list, self.row_id = control, row_id

        @property
        def control(self) -> LongList:
            return self.list

    class Highlighted(_About):
        """The cursor came to a row."""

    class Chosen(_About):
        """Enter or a click on a row."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[Row] = []
        self._at: dict[str, int] = {}

    # --- what it holds ----------------------------------------------------------

    def set_rows(self, rows: list[Row], keep: str | None = None) -> None:
        """Replace the rows; the cursor on `keep` if it is among them, else on
        the first row that can be chosen."""
        self.rows = list(rows)
        self._at = {r.id: i for i, r in enumerate(self.rows) if r.id is not None}
        self.virtual_size = Size(0, len(self.rows))  # no sideways scrolling: rows are cut
        at = self._at.get(keep) if keep is not None else None
        self.cursor = at if at is not None else self._next(-1, 1)
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def highlighted_id(self) -> str | None:
        at = self.cursor
        return self.rows[at].id if at is not None and at < len(self.rows) else None

    def highlight(self, row_id: str, above: int = 2) -> bool:
        """The cursor on `row_id`, with `above` rows shown over it (its heading);
        whether it is there."""
        at = self._at.get(row_id)
        if at is None:
            return False
        self.cursor = at
        self.scroll_to(y=max(0, at - above), animate=False, immediate=True)
        return True

    def _next(self, start: int, step: int) -> int | None:
        """The first row that can be chosen after `start` going `step`, if any."""
        at = start + step
        while 0 <= at < len(self.rows):
            if self.rows[at].id is not None:
                return at
            at += step
        return None

    # --- keys and the mouse ------------------------------------------------------

    def action_move(self, step: int) -> None:
        start = self.cursor if self.cursor is not None else (-1 if step > 0 else len(self.rows))
        found = self._next(start, step)
        if found is not None:
            self.cursor = found

    def action_page(self, direction: int) -> None:
        if self.cursor is None:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        target = min(max(self.cursor + direction * height, 0), len(self.rows) - 1)
        # On a heading: the next row that can be chosen beyond it, or before it.
        found = target if self.rows[target].id is not None else self._next(target, direction)
        if found is None:
            found = self._next(target, -direction)
        if found is not None:
            self.cursor = found

    def action_edge(self, direction: int) -> None:
        found = self._next(-1, 1) if direction < 0 else self._next(len(self.rows), -1)
        if found is not None:
            self.cursor = found
            if direction < 0:
                self.scroll_home(animate=False)  # the first heading shown too

    def action_choose(self) -> None:
        row_id = self.highlighted_id
        if row_id is not None:
            self.post_message(self.Chosen(self, row_id))

    def on_click(self, event: events.Click) -> None:
        inside = event.get_content_offset(self)  # None: on the border
        if inside is None:
            return
        at = inside.y + self.scroll_offset.y
        if 0 <= at < len(self.rows) and self.rows[at].id is not None:
            self.cursor = at
            self.action_choose()

    def watch_cursor(self, before: int | None, now: int | None) -> None:
        for at in (before, now):
            if at is not None:
                self.refresh(Region(0, at - self.scroll_offset.y, self.size.width, 1))
        if now is None or now >= len(self.rows):
            return
        self.scroll_to_region(Region(0, now, 1, 1), animate=False, immediate=True)
        row_id = self.rows[now].id
        if row_id is not None:
            self.post_message(self.Highlighted(self, row_id))

    # --- drawing -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        at = y + self.scroll_offset.y
        if at >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[at]
        if row.id is None:
            style = base + self.get_component_rich_style("long-list--heading")
        elif at == self.cursor:
            style = base + self.get_component_rich_style("long-list--cursor")
        else:
            style = base
        strip = Strip([Segment(safe_line(row.shown), style)])
        return strip.crop_extend(0, width, style)
