"""Bindings whose descriptions are keys into the interface's strings.

Textual reads binding descriptions from class attributes, made before the
language is known; `translate_bindings` puts the words of the chosen
language into an instance's own copy.
"""

from __future__ import annotations

import dataclasses

from textual.dom import DOMNode

from .i18n import STRINGS, t


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
