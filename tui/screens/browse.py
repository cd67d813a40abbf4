"""Past meetings, newest first; Enter opens one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from store.numbering import span

from ..i18n import t
from ..keys import Translated


class BrowseScreen(Translated, Screen):
    BINDINGS = [Binding("escape,q", "app.pop_screen", "a_back")]

    def compose(self) -> ComposeResult:
        yield Static(Content(t("browse_title")), classes="screen-title")
        yield OptionList(id="meetings")
        yield Footer()

    def on_mount(self) -> None:
        rows = self.query_one("#meetings", OptionList)
        for s in self.app.store.summaries():
            label = (
                f"{s.date}  {s.organ}, {s.organisation}  {span(s.first, s.last)}  "
                f"{t('status_' + s.status)}"
            )
            rows.add_option(Option(Content(label), id=s.id))
        if rows.option_count:
            rows.highlighted = 0  # Enter opens the newest at once
        rows.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        meeting_id = event.option.id
        summary = next(s for s in self.app.store.summaries() if s.id == meeting_id)
        if summary.status in ("draft", "open"):
            self.app.open_meeting(meeting_id)
        else:
            from .preview import PreviewScreen

            self.app.push_screen(PreviewScreen(self.app.store.load(meeting_id)))
