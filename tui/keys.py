"""Bindings whose descriptions are keys into the interface's strings.

Textual reads binding descriptions from class attributes, made before the
language is known; `translate_bindings` puts the words of the chosen
language into an instance's own copy.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding
from textual.dom import DOMNode

from .i18n import STRINGS, t

# F9 is "Mer …", every action, on the meeting screen; on a screen without
# that menu (a protocol's view, the lists, the start) it did nothing (a
# trial), so there it opens the command palette, which lists what the
# screen does. Bound by those screens, not by the app: a stray F9 around
# the meeting screen opened the palette in its place (seen on CI).
F9_PALETTE = Binding("f9", "app.command_palette", "a_palette", show=False)


def translate_bindings(node: DOMNode) -> None:
    bindings = node._bindings.key_to_bindings
    for key, items in bindings.items():
        bindings[key] = [
            dataclasses.replace(b, description=t(b.description)) if b.description in STRINGS else b
            for b in items
        ]


class Translated:
    """Mixin for widgets and screens whose bindings name i18n keys."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)  # type: ignore[arg-type]
