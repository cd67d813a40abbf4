"""Every task across meetings, with owner, due date, origin and status; Enter opens its §."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from protokoll.store import Meeting, StoreError
from protokoll.store.archive import task_rows
from protokoll.store.registers import TaskRow

from ..i18n import t
from ..keys import Translated
from ..widgets.shown import shown
from .lookup import Lookup

CHUNK = 400  # rows added at a time


class TasksScreen(Translated, Screen):
    BINDINGS = [
        Binding("escape,q", "back", "a_back"),
        Binding("o", "toggle_open", "a_only_open"),
        Binding("c", "quote", "a_quote"),  # only in a lookup
    ]

    def __init__(self, lookup: Lookup | None = None) -> None:
        super().__init__()
        self.lookup = lookup
        self.rows: list[TaskRow] = []
        self.only_open = True
        self.wide = False
        self.all_rows: list[TaskRow] = []
        self._shown_upto = 0

    def compose(self) -> ComposeResult:
        title = t("lookup_tasks_title") if self.lookup else t("tasks_title")
        yield Static(shown(title), classes="screen-title")
        yield DataTable(id="tasks", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#tasks", DataTable)
        # Fixed widths, the task's text taking what is left; where it was
        # followed up only when there is room (it is in the protocol too).
        self.wide = self.app.size.width >= 110
        fixed = [("col_status", 6), ("col_owner", 16), ("col_due", 10), ("col_from", 15)]
        if self.wide:
            fixed.append(("col_followed", 16))
        rest = self.app.size.width - sum(w for _, w in fixed) - 2 * (len(fixed) + 1) - 2
        columns = fixed[:2] + [("col_task", max(rest, 20))] + fixed[2:]
        for key, width in columns:
            table.add_column(shown(t(key)), width=width)
        table.focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        # From the derived database, which may first take in changed meetings:
        # off the UI thread. Newest first, as everywhere else.
        try:
            rows = list(task_rows(self.app.store, newest_first=True))
        except StoreError as exc:
            self.app.call_from_thread(
                self.notify, exc.text(self.app.lang), severity="error", markup=False
            )
            return
        self.app.call_from_thread(self.show, rows)

    def show(self, rows: list[TaskRow]) -> None:
        self.all_rows = rows
        # The open ones unless asked.
        self.rows = [r for r in rows if not (self.only_open and r.done)]
        table = self.query_one("#tasks", DataTable)
        table.clear()
        self._shown_upto = 0
        self._fill(self.rows)

    def _fill(self, rows: list[TaskRow]) -> None:
        """Add the next rows, a screenful and then some at a time.

        Twenty thousand rows took 2.5 s to add; in parts, the first are on
        screen at once and the list stays usable while the rest come.
        """
        if rows is not self.rows:
            return  # the list was made again meanwhile (o)
        table = self.query_one("#tasks", DataTable)
        start = self._shown_upto
        for i in range(start, min(start + CHUNK, len(rows))):
            r = rows[i]
            origin = r.date + (f" § {r.paragraph}" if r.paragraph is not None else "")
            cells = [
                shown(t("task_done") if r.done else t("task_open")),
                shown(r.owner or "–"),
                shown(r.text),
                shown(r.due),
                shown(origin),
            ]
            if self.wide:
                cells.append(shown(r.followed_up))
            table.add_row(*cells, key=str(i))
        self._shown_upto = min(start + CHUNK, len(rows))
        if self._shown_upto < len(rows):
            self.set_timer(0.01, lambda: self._fill(rows))

    def action_toggle_open(self) -> None:
        self.only_open = not self.only_open
        self.show(self.all_rows)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from .preview import PreviewScreen

        row = self.rows[int(event.row_key.value or 0)]
        if self.lookup is not None:
            # The meeting in progress as it is now, not as last saved.
            shown = self.lookup.meeting(row.meeting)
            if shown is not None:
                self.lookup.show(row.meeting, at=paragraph_of_task(shown, row.id))
            return
        try:
            meeting = self.app.store.load(row.meeting)  # its one file, as it is now
        except StoreError as exc:
            self.notify(exc.text(self.app.lang), severity="error", markup=False)
            return
        self.app.push_screen(PreviewScreen(meeting, at=paragraph_of_task(meeting, row.id)))

    def action_back(self) -> None:
        if self.lookup is not None:
            self.lookup.back()
        else:
            self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quote":
            return self.lookup is not None
        return True

    def action_quote(self) -> None:
        """Quote the § that gave the task under the cursor."""
        table = self.query_one("#tasks", DataTable)
        if self.lookup is None or not 0 <= table.cursor_row < len(self.rows):
            return
        row = self.rows[table.cursor_row]
        meeting = self.lookup.meeting(row.meeting)
        if meeting is None:
            return
        at = paragraph_of_task(meeting, row.id)
        if at is None:  # deleted since the list was made
            self.notify(t("n_hit_gone"), severity="warning", markup=False)
            return
        self.lookup.quote(meeting, at)


def paragraph_of_task(meeting: Meeting, task_id: str) -> int | None:
    """The index of the § that gave the task."""
    return next(
        (i for i, p in enumerate(meeting.paragraphs) if any(x.id == task_id for x in p.tasks)),
        None,
    )
