"""Every task across meetings, with owner, due date, origin and status; Enter opens its §."""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import closing

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from protokoll.store import Meeting, StoreError
from protokoll.store.archive import task_rows
from protokoll.store.labels import organ_shown
from protokoll.store.registers import TaskRow, where

from ..i18n import t
from ..keys import F9_PALETTE, Translated
from ..lifecycle import still_shown
from ..widgets.footer import SteadyFooter
from ..widgets.shown import READING_SAID_AFTER, fit, shown
from .lookup import Lookup

FIRST = 100  # rows read before the first are shown: a screenful and then some
CHUNK = 400  # rows read at a time after them, as the user comes near the end
NEAR_END = 50  # rows from the end of those read at which the next part is read
OWNER = 15  # columns of the owner's name


class TasksScreen(Translated, Screen):
    BINDINGS = [
        Binding("escape,q", "back", "a_back"),
        Binding("o", "toggle_open", "a_only_open"),
        Binding("c", "quote", "a_quote"),  # only in a lookup
        # Before the table's own Home and End, which scroll sideways and left
        # the cursor where it was (trial 20): the first task, and the last of
        # the whole list, not of the part read so far.
        Binding("home,ctrl+home", "first", show=False, priority=True),
        Binding("end,ctrl+end", "last", show=False, priority=True),
        F9_PALETTE,
    ]

    def __init__(self, lookup: Lookup | None = None) -> None:
        super().__init__()
        self.lookup = lookup
        self.rows: list[TaskRow] = []  # those in the table, in its order
        self.only_open = True
        self.wide = False
        self.task_width = 20  # the task column's width, set when the table is laid out
        self._listing = 0  # which listing rows belong to; `o` starts a new one
        self._wanted = threading.Event()  # set: the listing's next part is wanted
        self._everything = threading.Event()  # set: the rest of it at once (End)
        self._more = False  # whether the listing has rows not read yet
        self._read = False  # whether the listing's first part has come

    def compose(self) -> ComposeResult:
        yield Static(shown(self._title()), id="tasks-title", classes="screen-title")
        yield DataTable(id="tasks", cursor_type="row", zebra_stripes=True)
        # The task under the cursor whole: at 80 columns its column shows some
        # twenty characters of it (a trial read "tillsammans med förbu").
        yield Static(id="task-detail")
        yield SteadyFooter()

    def _title(self) -> str:
        """Which tasks are listed, and how to list the others (`o`)."""
        key = "lookup_tasks_title" if self.lookup else "tasks_title"
        return t(key if self.only_open else key + "_all")

    def _show_detail(self) -> None:
        table = self.query_one("#tasks", DataTable)
        detail = self.query_one("#task-detail", Static)
        if not self.rows:
            detail.update(shown(t("tasks_none")) if self._read else "")
            return
        if not 0 <= table.cursor_row < len(self.rows):
            detail.update("")
            return
        r = self.rows[table.cursor_row]
        # Where it came from first, then the task: the detail has a few lines,
        # and a long task's text had cut off where it was followed up (trial
        # 20). With the organ: three organs meeting on following days had read
        # alike in the list's "Från" column (a trial).
        where = [f"{organ_shown(r.organ, '', self.app.lang)} {_origin(r)}"]
        if r.due:
            where.append(t("task_detail_due", due=r.due))
        if r.followed_up and not self.wide:
            # Where its column is left out (80 columns), where it was followed
            # up is said here: a trial never saw it in the list.
            where.append(t("task_detail_followed", where=r.followed_up))
        text = t("task_detail", owner=r.owner or "–", text=r.text)
        detail.update(shown(" · ".join(where) + "\n" + text))

    def on_mount(self) -> None:
        table = self.query_one("#tasks", DataTable)
        # Fixed widths, the task's text taking what is left; where it was
        # followed up only when there is room (it is in the protocol too).
        self.wide = self.app.size.width >= 110
        # "2026-10-15 § 100" whole: at 15 it read "§ 10" (a trial).
        fixed = [("col_status", 6), ("col_owner", OWNER), ("col_due", 10), ("col_from", 17)]
        if self.wide:
            fixed.append(("col_followed", 16))
        rest = self.app.size.width - sum(w for _, w in fixed) - 2 * (len(fixed) + 1) - 2
        self.task_width = max(rest, 20)
        columns = fixed[:2] + [("col_task", self.task_width)] + fixed[2:]
        for key, width in columns:
            table.add_column(shown(t(key)), width=width)
        table.focus()
        self.watch(table, "scroll_y", self._want_more, init=False)
        self._start()

    def _start(self) -> None:
        self._listing += 1
        self._wanted = threading.Event()
        self._everything = threading.Event()
        self._more = True
        self._read = False
        self._show_detail()
        listing = self._listing

        def still_reading() -> None:  # the first look after a copy reads every meeting
            if listing == self._listing and not self._read and still_shown(self):
                self.query_one("#task-detail", Static).update(shown(t("reading_archive")))

        self.set_timer(READING_SAID_AFTER, still_reading)
        self.load(self._listing, self.only_open, self._wanted, self._everything)

    @work(thread=True, exclusive=True)
    def load(
        self,
        listing: int,
        only_open: bool,
        wanted: threading.Event,
        everything: threading.Event,
    ) -> None:
        """Read the list from the derived database (which may first take in
        changed meetings: off the UI thread), newest first: a screenful, then
        a part more each time the user comes near the end of what is shown.

        The open ones are chosen by the query and the rows come in the order
        the database reads them, so what is shown costs what it shows: all
        40,000 tasks of a large archive were 1.8 s before the first row, and
        adding them to the table in the background a second of the UI's time.
        """
        worker = get_current_worker()
        part: list[TaskRow] = []
        size = FIRST
        try:
            with closing(task_rows(self.app.store, open_only=only_open, newest_first=True)) as rows:
                for row in rows:
                    part.append(row)
                    if len(part) < size:
                        continue
                    self.app.call_from_thread(self._add, listing, part, True)
                    part, size = [], CHUNK * (5 if everything.is_set() else 1)
                    while not (everything.is_set() or wanted.wait(0.1)):
                        if worker.is_cancelled:  # (waiting until the user comes near the end)
                            return
                    wanted.clear()
                    if worker.is_cancelled:
                        return
        except StoreError as exc:
            self.app.call_from_thread(
                self.notify, exc.text(self.app.lang), severity="error", markup=False
            )
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._add, listing, part, False)

    def _add(self, listing: int, rows: list[TaskRow], more: bool) -> None:
        """Add a part of the list to the table, unless `o` has started another
        or the screen has been closed meanwhile."""
        if listing != self._listing or not still_shown(self):
            return
        table = self.query_one("#tasks", DataTable)
        today = dt.date.today().isoformat()
        for r in rows:
            cells = [
                shown(t(_state(r, today))),
                shown(fit(r.owner or "–", OWNER)),
                # Cut with "…", as the owner is: "tillsammans med förb" had read
                # as the whole task (trial 21).
                shown(fit(" ".join(r.text.split()), self.task_width)),
                shown(r.due),
                shown(_origin(r)),
            ]
            if self.wide:
                cells.append(shown(r.followed_up))
            table.add_row(*cells, key=str(len(self.rows)))
            self.rows.append(r)
        self._more, self._read = more, True
        if not more and self._everything.is_set() and self.rows:
            table.move_cursor(row=len(self.rows) - 1)  # End pressed: now the end
        self._want_more()
        self._show_detail()

    def action_first(self) -> None:
        table = self.query_one("#tasks", DataTable)
        if self.rows:
            table.move_cursor(row=0)

    def action_last(self) -> None:
        table = self.query_one("#tasks", DataTable)
        if self.rows:
            table.move_cursor(row=len(self.rows) - 1)
        if self._more:  # the rest read at once; the cursor goes on to the end
            self._everything.set()
            self._wanted.set()

    def _want_more(self, *_changed: object) -> None:
        """Ask for the next part when the cursor or the view is near the end of the rows."""
        if not self._more or not still_shown(self):
            return
        table = self.query_one("#tasks", DataTable)
        seen = max(table.cursor_row, int(table.scroll_y) + table.size.height)
        if seen >= len(self.rows) - NEAR_END:
            self._wanted.set()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._want_more()
        self._show_detail()

    def action_toggle_open(self) -> None:
        self.only_open = not self.only_open
        self.rows = []
        self.query_one("#tasks", DataTable).clear()
        self.query_one("#tasks-title", Static).update(shown(self._title()))
        self._show_detail()
        self._start()

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


def _origin(r: TaskRow) -> str:
    """Where a task was given: "2021-04-15 § 24"."""
    place = where(r.paragraph, r.mark)
    return f"{r.date} {place}" if place else r.date


def paragraph_of_task(meeting: Meeting, task_id: str) -> int | None:
    """The index of the § that gave the task."""
    return next(
        (i for i, p in enumerate(meeting.paragraphs) if any(x.id == task_id for x in p.tasks)),
        None,
    )


def _state(r: TaskRow, today: str) -> str:
    """Done, open, or late: an open task past its due date ("sent"), which the
    list had shown as any other open one (a trial)."""
    if r.done:
        return "task_done"
    if r.unknown:  # from an imported protocol: done or not, its source does not say
        return "task_unknown"
    return "task_late" if r.due and r.due < today else "task_open"
