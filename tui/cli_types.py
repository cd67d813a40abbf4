"""Option values the command line reads itself, refused in the interface's words."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from protokoll.store.words import say


class UsageError(Exception):
    """A command given wrong: said in one line, exit 2.

    Here, not in `cli`: run as `python -m protokoll.tui.cli`, that module is
    `__main__` and a second `protokoll.tui.cli` beside it, and a UsageError
    raised from the second (by `cli_sign`) was not the one `main` caught: an
    internal error, exit 70.
    """

# A meeting's functions by their word in either language (`function`): the
# Swedish help had offered only {chair,secretary,adjuster} (a trial).
FUNCTIONS = {
    "ordförande": "chair",
    "chair": "chair",
    "sekreterare": "secretary",
    "secretary": "secretary",
    "justerare": "adjuster",
    "adjuster": "adjuster",
}


def function_name(lang: str) -> Callable[[str], str]:
    """`ordförande` or `chair`: the function, refused in the interface's words."""

    def function(text: str) -> str:
        found = FUNCTIONS.get(text.strip().casefold())
        if found is None:
            raise argparse.ArgumentTypeError(
                say(
                    "cli.not_a_function",
                    lang,
                    text=repr(text),
                    choices=say("cli.function_words", lang),
                )
            )
        return found

    return function


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
