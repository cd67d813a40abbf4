"""Option values the command line reads itself, refused in the interface's words."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from protokoll.store.words import say


def whole_number(lang: str) -> Callable[[str], int]:
    """An option's whole number, refused in the interface's words: argparse's own
    message named the Python type ("ogiltigt värde (int): 'abc'")."""

    def number(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                say("cli.whole_number", lang, text=repr(text))
            ) from None

    return number
