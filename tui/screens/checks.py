"""What the checks find in the meeting, and its dates with legal effect; Enter goes to the §."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from protokoll.store import Meeting
from protokoll.store.checks import date_lines, problems

from ..i18n import lang, t
from ..keys import Translated
from ..widgets.footer import SteadyFooter
from ..widgets.shown import shown


class ChecksScreen(Translated, Screen):
    BINDINGS = [Binding("escape,q", "back", "a_back")]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        yield Static(shown(t("checks_title")), classes="screen-title")
        rows = [Option(shown(line), id=None) for line in date_lines(self.meeting, lang())]
        found = problems(self.meeting)
        store = getattr(self.app, "store", None)
        if store is not None:  # what needs the other meetings: the previous protocol
            from protokoll.store.followup import previous_moved
            from protokoll.store.series import gaps
            from protokoll.store.sync import conflict_problems

            found += previous_moved(store, self.meeting) + gaps(store, self.meeting)
            found += conflict_problems(store, self.meeting.id)
        if rows:
            rows.append(Option(shown(""), disabled=True))
        # Row ids must be unique (two findings may concern one §): the § each
        # row goes to is kept beside, by row.
        self.targets: dict[str, str] = {}
        for i, x in enumerate(found):
            if x.paragraph:
                self.targets[f"f{i}"] = x.paragraph
            mark = "⚠ " if x.serious else "· "
            rows.append(Option(shown(mark + x.text(lang())), id=f"f{i}"))
        if not found:
            rows.append(Option(shown(t("checks_none")), disabled=True))
        yield OptionList(*rows, id="checks")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#checks").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        target = self.targets.get(event.option.id or "")
        if target:
            self.dismiss(target)

    def action_back(self) -> None:
        self.dismiss(None)
