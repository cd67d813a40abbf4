"""The words of the interface: a thin layer over the catalogue (`store.words`).

`t(key)` is the screens' lookup: the entry "ui.<key>" in the language of the
running application (`ProtokollApp.lang`), found through Textual's active
app, so two applications in one process (as in the tests) each speak their
own. Where no application is active (a thread worker, the line printed once
the application has ended, code run outside any application) the language
the command line chose stands in: `set_lang`, called by `run_app`. Code that
has the application at hand passes `self.app.lang` to the catalogue itself.
"""

from __future__ import annotations

from textual._context import active_app

from protokoll.store.words import Lang, area, language, say

# Key -> (Swedish, English), for code that asks whether a word is the
# interface's (binding descriptions are keys: `tui.keys`).
STRINGS: dict[str, tuple[str, str]] = area("ui")

_outside: Lang = "sv"  # the language where no application is active


def set_lang(lang: str) -> None:
    """The language for words looked up outside a running application."""
    global _outside
    _outside = language(lang)


def lang() -> Lang:
    """The running application's language, or the command line's outside one."""
    try:
        app = active_app.get()
    except LookupError:
        return _outside
    return language(getattr(app, "lang", _outside))


def t(key: str, **params: object) -> str:
    return say(f"ui.{key}", lang(), **params)
