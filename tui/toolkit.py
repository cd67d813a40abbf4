"""Textual's own words, in the interface's language.

Textual writes some things of its own in English, whatever the interface
speaks: the command palette's placeholder, its "No matches found" and its
keys, a Select drop-down's "Dismiss menu", and its system commands (Theme,
Quit, Keys, Maximize, Screenshot). The application uses what is here
instead, with the words from the catalogue's "toolkit" area, and gives its
own system commands (`ProtokollApp.get_system_commands`).
"""

from __future__ import annotations

import dataclasses

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.widgets import Select
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import Option

from protokoll.store.words import say

from .widgets.footer import OwnFooter

# Textual's descriptions of its widgets' keys, and ours for them. The footer
# shows a description while its widget has focus (the drop-down's Esc).
BINDINGS = {
    "Dismiss menu": "toolkit.select_dismiss",
    "Show menu": "toolkit.select_show",
    "Exit the command palette": "toolkit.palette_exit",
    "Next command": "toolkit.palette_next",
    "Previous command": "toolkit.palette_previous",
    "Go to top": "toolkit.palette_top",
    "Go to bottom": "toolkit.palette_bottom",
    "Next page": "toolkit.palette_next_page",
    "Previous page": "toolkit.palette_previous_page",
}


TEXTUAL_PROMPT = "Select"  # a Select's blank choice, unless it is given its own


def localise_bindings(node: DOMNode, lang: str) -> None:
    """Textual's key descriptions on `node` (its own copy of them), in `lang`."""
    bindings = node._bindings.key_to_bindings
    for key, items in bindings.items():
        bindings[key] = [
            dataclasses.replace(b, description=say(BINDINGS[b.description], lang))
            if b.description in BINDINGS
            else b
            for b in items
        ]


def localise_selects(node: DOMNode, lang: str) -> None:
    """Every Select under `node` in `lang`: the blank choice's "Select" and the
    drop-down's "Dismiss menu"."""
    for select in node.query(Select):
        if select.prompt == TEXTUAL_PROMPT:
            select.prompt = say("toolkit.select_prompt", lang)
    for overlay in node.query(SelectOverlay):
        localise_bindings(overlay, lang)


class Palette(OwnFooter, CommandPalette):
    """Textual's command palette, speaking the interface's language, with its
    own keys at the foot: the meeting's (F2 Ny §, F3 Beslut) showed through
    and did nothing there (a trial)."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            id="--command-palette", placeholder=say("toolkit.palette_placeholder", lang)
        )
        self.lang = lang
        localise_bindings(self, lang)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with our words for "No matches found" (its text is
        # written into the method, not kept where it could be changed).
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                words = Text(say("toolkit.palette_no_matches", self.lang), style="not bold")
                self.query_one(CommandList).add_option(
                    Option(Align.center(words), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
