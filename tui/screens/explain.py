"""How an imported protocol was read: each line of its source, what it became,
and what was guessed (`protokoll show MEETING --explain`), over the protocol's
view. A line of the source and its reading one under the other, wrapped, so
that it reads at 80 columns; the command line prints the same as a table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from protokoll.store import Meeting
from protokoll.store.importer.explain import explained, reread

from ..i18n import lang, t
from ..keys import Translated
from ..widgets.footer import OwnFooter
from ..widgets.shown import shown


def explanation(meeting: Meeting) -> str:
    """The text shown; StoreError when the meeting keeps no source."""
    read, report, name = reread(meeting)
    rows, general = explained(read, report, lang())
    out = [name, ""]
    for r in rows:
        out.append(f"{r.line:>4}  {' '.join(r.text.split())}")
        out.append(f"      {'? ' if r.guess else '→ '}{r.became}")
        out += [f"      ? {note}" for note in r.notes]
    out += ["", *(f"? {g}" for g in general)] if general else []
    return "\n".join(out)


class ExplainScreen(OwnFooter, Translated, ModalScreen):
    BINDINGS = [Binding("escape,question_mark,q", "close", "a_back")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide tall", id="explained"):
            yield Static(shown(t("explain_title")), classes="dialog-title")
            yield Static(shown(self.text))

    def on_mount(self) -> None:
        self.query_one("#explained").focus()

    def action_close(self) -> None:
        self.dismiss(None)
