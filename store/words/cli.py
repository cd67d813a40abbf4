"""The command line: --help, argparse's own words, and what the commands print."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # what goes wrong, one line on stderr
    "error": ("protokoll: fel: {message}", "protokoll: error: {message}"),
    "warning": ("protokoll: varning: {message}", "protokoll: warning: {message}"),
    "internal_error": (
        "protokoll: internt fel: {message}",
        "protokoll: internal error: {message}",
    ),
}
