"""Past meetings, by organ and year, newest first; Enter opens one."""

from __future__ import annotations

from itertools import groupby

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from protokoll.store import StoreError
from protokoll.store.catalogue import Summary
from protokoll.store.labels import organ_shown
from protokoll.store.model import KINDS
from protokoll.store.numbering import span
from protokoll.store.safe_text import safe_line

from ..i18n import lang, t
from ..keys import F9_PALETTE, Translated
from ..widgets.footer import SteadyFooter
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
        F9_PALETTE,
    ]

    def __init__(self, lookup: Lookup | None = None) -> None:
        super().__init__()
        self.lookup = lookup
        self.summaries: dict[str, Summary] = {}

    def compose(self) -> ComposeResult:
        title = t("lookup_browse_title") if self.lookup else t("browse_title")
        yield Static(shown(title), classes="screen-title")
        yield OptionList(id="meetings")
        yield SteadyFooter()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: one fill, not two.
        self.fill()

    def fill(self) -> None:
        """The meetings, read on a worker: after a store is copied or moved, the
        first look reads every meeting (20 s at 10,000), and the start menu had
        stood on the screen all that time, as if the key had not been heard."""
        rows = self.query_one("#meetings", OptionList)

        def still_reading() -> None:
            if not rows.option_count and self.is_attached:
                rows.set_options([Option(shown(t("reading_archive")), disabled=True)])

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
        if not self.is_attached:
            return
        self.summaries = summaries
        rows = self.query_one("#meetings", OptionList)
        option = rows.highlighted_option
        kept = option.id if option is not None and option.id in summaries else None
        options: list[Option] = []
        for heading, meetings in grouped(list(self.summaries.values())):
            options.append(Option(Content.styled(safe_line(heading), "bold"), disabled=True))
            options += [Option(shown(row_label(s)), id=s.id) for s in meetings]
        rows.set_options(options)
        earlier = self._earlier_of_same_organ()
        if kept is not None:
            rows.highlighted = rows.get_option_index(kept)
        elif earlier is not None:
            rows.highlighted = rows.get_option_index(earlier)
        elif len(options) > 1:
            rows.highlighted = 1  # the first meeting, under its heading
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

    def action_search(self) -> None:
        from .search import SearchScreen

        self.app.push_screen(SearchScreen(lookup=self.lookup))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        summary = self.summaries[event.option.id or ""]
        if self.lookup is not None:
            # Read, never opened for writing: the meeting in progress is open already.
            self.lookup.show(summary.id)
        elif summary.status in ("draft", "open"):
            self.app.open_meeting(summary.id)
        else:
            self.app.show_protocol(summary.id)
