"""Past meetings, by organ and year, newest first; Enter opens one.

A `LongList`, drawn a screenful at a time: with an OptionList the screen took
1.7 s to open at 10,000 meetings, at every opening (trial 20; bench_browse)."""

from __future__ import annotations

from functools import partial
from itertools import groupby

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from protokoll.store import StoreError
from protokoll.store.catalogue import Summary
from protokoll.store.labels import organ_shown
from protokoll.store.model import KINDS
from protokoll.store.numbering import span

from ..i18n import lang, t
from ..keys import F9_PALETTE, Translated
from ..lifecycle import still_shown
from ..widgets.footer import SteadyFooter
from ..widgets.long_list import LongList, Row
from ..widgets.shown import READING_SAID_AFTER, shown
from .lookup import Lookup


def grouped(summaries: list[Summary]) -> list[tuple[str, list[Summary]]]:
    """(heading, meetings) per organ and year: organs by name, years and meetings newest first."""

    def organ_key(s: Summary) -> tuple[str, str, str]:
        return (s.organisation.casefold(), s.organ.casefold(), s.organ_id)

    # `summaries` is newest first; a stable sort by organ keeps that order.
    ordered = sorted(summaries, key=organ_key)
    groups = []
    for _, in_organ in groupby(ordered, key=organ_key):
        for year, meetings in groupby(in_organ, key=lambda s: s.date[:4]):
            rows = list(meetings)
            first = rows[0]
            title = organ_shown(first.organ, first.organisation, lang())
            groups.append((f"{title} · {year}", rows))
    return groups


def row_label(s: Summary) -> str:
    kind = t("kind_" + s.kind) if s.kind in KINDS else s.kind
    when = s.period or s.date
    return f"  {when:<10}  {kind:<18} {span(s.first, s.last):<10} {t('status_' + s.status)}"


class BrowseScreen(Translated, Screen):
    BINDINGS = [
        Binding("escape,q", "back", "a_back"),
        Binding("slash,s,ctrl+f", "search", "a_search"),
        # From one organ's meetings to the next: 10,000 rows had been some 170
        # PageDowns from the first organ's to the third's (trial 20).
        Binding("tab", "organ(1)", "a_next_organ"),
        Binding("shift+tab", "organ(-1)", "a_previous_organ", show=False),
        F9_PALETTE,
    ]

    def __init__(self, lookup: Lookup | None = None) -> None:
        super().__init__()
        self.lookup = lookup
        self.summaries: dict[str, Summary] = {}
        self.organ_firsts: dict[str, str] = {}  # each organ's newest meeting, in list order

    def compose(self) -> ComposeResult:
        title = t("lookup_browse_title") if self.lookup else t("browse_title")
        yield Static(shown(title), classes="screen-title")
        yield LongList(id="meetings")
        yield SteadyFooter()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: one fill, not two.
        self.fill()

    def fill(self) -> None:
        """The meetings, read on a worker: after a store is copied or moved, the
        first look reads every meeting (20 s at 10,000), and the start menu had
        stood on the screen all that time, as if the key had not been heard."""
        rows = self.query_one("#meetings", LongList)

        def still_reading() -> None:
            if not rows.row_count and still_shown(self):
                rows.set_rows([Row(t("reading_archive"))])

        self.set_timer(READING_SAID_AFTER, still_reading)
        self.read_meetings()

    @work(thread=True, exclusive=True, group="browse")
    def read_meetings(self) -> None:
        store = self.app.store
        try:
            store.refresh()  # another process may have adjusted or added a meeting
            found = {s.id: s for s in store.summaries()}
        except StoreError as exc:
            said = exc.text(self.app.lang)
            self.app.call_from_thread(self.notify, said, severity="error", markup=False)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, found)

    def _show(self, summaries: dict[str, Summary]) -> None:
        if not still_shown(self):
            return
        self.summaries = summaries
        rows = self.query_one("#meetings", LongList)
        kept = rows.highlighted_id if rows.highlighted_id in summaries else None
        shown_rows: list[Row] = []
        self.organ_firsts = {}
        for heading, meetings in grouped(list(self.summaries.values())):
            shown_rows.append(Row(heading))
            shown_rows += [Row("", s.id, partial(row_label, s)) for s in meetings]
            self.organ_firsts.setdefault(meetings[0].organ_id, meetings[0].id)
        rows.set_rows(shown_rows, keep=kept)
        earlier = self._earlier_of_same_organ()
        if kept is None and earlier is not None:
            rows.highlight(earlier)  # under its organ's heading, not at the foot
        rows.focus()

    def _earlier_of_same_organ(self) -> str | None:
        """In a lookup: the organ's latest meeting before the one in progress, where to start."""
        if self.lookup is None:
            return None
        current = self.lookup.current
        return next(
            (
                s.id
                for s in self.summaries.values()
                if s.organ_id == current.organ_id and s.id != current.id and s.date <= current.date
            ),
            None,
        )

    def action_back(self) -> None:
        if self.lookup is not None:
            self.lookup.back()
        else:
            self.app.pop_screen()

    def action_organ(self, step: int) -> None:
        """The cursor on the newest meeting of the next (or previous) organ."""
        rows = self.query_one("#meetings", LongList)
        current = self.summaries.get(rows.highlighted_id or "")
        organs = list(self.organ_firsts)  # in the list's order
        if not organs:
            return
        at = organs.index(current.organ_id) if current is not None else -1
        rows.highlight(self.organ_firsts[organs[(at + step) % len(organs)]])

    def action_search(self) -> None:
        from .search import SearchScreen

        self.app.push_screen(SearchScreen(lookup=self.lookup))

    def on_long_list_chosen(self, event: LongList.Chosen) -> None:
        summary = self.summaries[event.row_id]
        if self.lookup is not None:
            # Read, never opened for writing: the meeting in progress is open already.
            self.lookup.show(summary.id)
        elif summary.status in ("draft", "open"):
            self.app.open_meeting(summary.id)
        else:
            self.app.show_protocol(summary.id)
