"""Search every meeting; Enter opens the protocol at the § of the hit."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from protokoll.store import StoreError
from protokoll.store.labels import organ_title
from protokoll.store.safe_text import safe_line
from protokoll.store.search import Hit, search_counted

from ..i18n import t
from ..keys import F9_PALETTE, Translated
from ..lifecycle import still_shown
from ..widgets.fields import DataInput
from ..widgets.footer import SteadyFooter
from ..widgets.shown import READING_SAID_AFTER, shown, shown_line
from .lookup import Lookup

LIMIT = 300  # more than anyone reads; the count says how many there were
DEBOUNCE = 0.25  # seconds of quiet typing before a search runs


def hit_prompt(h: Hit, whose: bool = False) -> Content:
    """`whose`: the organ named with its organisation ("Arbetsutskottet,
    Samordningsförbundet i Kalmar län"), where two organisations' organs of
    one name are among the hits; otherwise the line keeps its room for the title."""
    organ = organ_title(h.organ, h.organisation) if whose else h.organ
    head = safe_line("  ".join(x for x in (h.date, organ, h.where, h.title) if x))
    # Made safe piece by piece: the spans count the snippet as stored.
    pieces: list[Content] = [Content("    ")]
    at = 0
    for start, end in h.spans:
        pieces += [shown_line(h.snippet[at:start])]
        pieces += [Content.styled(safe_line(h.snippet[start:end]), "reverse")]
        at = end
    pieces.append(shown_line(h.snippet[at:]))
    return Content.assemble(Content.styled(head, "bold"), "\n", *pieces)


def alike_organs(hits: list[Hit]) -> set[str]:
    """The organ names that more than one organisation's organs have among `hits`."""
    seen: dict[str, set[str]] = {}
    for h in hits:
        seen.setdefault(h.organ, set()).add(h.organisation)
    return {organ for organ, whose in seen.items() if len(whose) > 1}


class SearchScreen(Translated, Screen):
    BINDINGS = [
        Binding("escape", "back", "a_back"),
        Binding("down", "to_results", show=False),
        # Only in a lookup, and only on the hits: in the query field c is a letter.
        Binding("c", "quote", "a_quote"),
        F9_PALETTE,
    ]

    def __init__(self, lookup: Lookup | None = None) -> None:
        super().__init__()
        self.lookup = lookup
        self.hits: list[Hit] = []
        self.shown: str | None = None  # the query whose hits are on screen
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        title = t("lookup_search_title") if self.lookup else t("search_title")
        yield Static(shown(title), classes="screen-title")
        yield DataInput(placeholder=t("search_placeholder"), id="query")
        yield Static(id="search-status")
        yield OptionList(id="hits")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        if len(event.value.strip()) == 1:
            # Not as it is typed: one letter begins most words, and the search
            # of "a" took 3 s at 10,000 meetings while the second was typed
            # (trial 20). Enter searches it.
            self.query_one("#search-status", Static).update(shown(t("search_one_letter")))
            return
        self._timer = self.set_timer(DEBOUNCE, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#query")
    def submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.run_search(event.value, focus=True)

    def run_search(self, query: str, focus: bool = False) -> None:
        self.focus_results = focus
        if not query.strip():
            self.show([], "")
            return
        # Said if the hits are slow to come: the derived database may be
        # taking in every meeting first (a store copied or moved).
        self._waiting()
        self.find(query)

    def _waiting(self, stop: bool = False) -> None:
        timer = getattr(self, "_wait_timer", None)
        if timer is not None:
            timer.stop()
        if not stop:
            status = self.query_one("#search-status", Static)
            self._wait_timer = self.set_timer(
                READING_SAID_AFTER, lambda: status.update(shown(t("searching")))
            )

    @work(thread=True, exclusive=True, group="search")
    def find(self, query: str) -> None:
        # A thread of its own: the index may need bringing up to date first.
        try:
            hits, total = search_counted(self.app.store, query, limit=LIMIT)
        except StoreError as exc:
            # In this thread no application is active to take the language from.
            said = exc.text(self.app.lang)
            self.app.call_from_thread(self._failed, said)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._found, hits, query, total)

    def _found(self, hits: list[Hit], query: str, total: int) -> None:
        if still_shown(self):  # Esc may have closed the search meanwhile
            self.show(hits, query, total)

    def _failed(self, said: str) -> None:
        if still_shown(self):
            self._waiting(stop=True)
        self.app.notify(said, severity="error", markup=False)

    def show(self, hits: list[Hit], query: str, total: int = 0) -> None:
        self._waiting(stop=True)
        self.hits = hits
        self.shown = query
        results = self.query_one("#hits", OptionList)
        whose = alike_organs(self.hits)
        results.set_options(
            [Option(hit_prompt(h, h.organ in whose), id=str(i)) for i, h in enumerate(self.hits)]
        )
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update("")
        elif not hits:
            status.update(shown(t("search_none")))
        elif total > len(hits):
            status.update(shown(t("search_many", n=len(hits), total=total)))
        else:
            said = t("search_one") if len(hits) == 1 else t("search_count", n=len(hits))
            status.update(shown(said))
        if self.hits:
            results.highlighted = 0
            if self.focus_results:
                results.focus()

    def action_to_results(self) -> None:
        if self.hits:
            self.query_one("#hits", OptionList).focus()

    @on(OptionList.OptionSelected, "#hits")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        start, end = hit.spans[0] if hit.spans else (0, 0)
        if self.lookup is not None:
            self.lookup.show(hit.meeting, at=hit.position, query=hit.snippet[start:end])
        else:
            self.app.show_protocol(hit.meeting, at=hit.position, query=hit.snippet[start:end])

    # --- in a lookup: quoting the hit's § ----------------------------------

    def _highlighted(self) -> Hit | None:
        at = self.query_one("#hits", OptionList).highlighted
        return self.hits[at] if at is not None and 0 <= at < len(self.hits) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action != "quote":
            return True
        if self.lookup is None:
            return False
        # Dimmed while typing a query: it quotes the hit under the cursor in the list.
        hits = self.query("#hits")
        on_a_hit = bool(hits) and self.focused is hits.first() and self._highlighted() is not None
        return True if on_a_hit else None

    def action_back(self) -> None:
        if self.lookup is not None:
            self.lookup.back()
        else:
            self.app.pop_screen()

    def action_quote(self) -> None:
        hit = self._highlighted()
        if self.lookup is None or hit is None:
            return
        if hit.position is None:  # the meeting's own details: no § to cite
            self.notify(t("n_hit_not_paragraph"), severity="warning", markup=False)
            return
        meeting = self.lookup.meeting(hit.meeting)
        if meeting is None:
            return
        if not 0 <= hit.position < len(meeting.paragraphs):
            self.notify(t("n_hit_gone"), severity="warning", markup=False)
            return
        self.lookup.quote(meeting, hit.position)
