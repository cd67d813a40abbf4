"""Every message a person reads, in Swedish and English: one catalogue.

The entries are kept in modules by area and merged into the one dict
`WORDS`, each key prefixed by its area's module name:

    ui         the application: screens, dialogs, footer, palette, help
    messages   the store's refusals (StoreError) and what a verb changed
    protocol   the rendered protocol's headings, labels and sentences
    checks     the findings of the legal checks
    imports    what an import noticed in its source
    cli        the command line: --help, argparse's own words, its output
    toolkit    Textual's built-in words, in our language

`say("messages.locked", lang, meeting=..., holder=...)` looks one up. The
language is always passed: the catalogue holds no language of its own. The
older lookups (`tui.i18n.t`, `StoreError.text`, `store.labels.labels`,
`Problem.text`, `Notice.text`) are thin wrappers over it.

A key defined twice is an error at import (`joined`); `tests/test_language.py`
checks that every entry has both languages with the same {placeholders}.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple

from . import checks, cli, imports, messages, protocol, toolkit, ui
from .join import joined

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")

AREAS = {
    "ui": ui.WORDS,
    "messages": messages.WORDS,
    "protocol": protocol.WORDS,
    "checks": checks.WORDS,
    "imports": imports.WORDS,
    "cli": cli.WORDS,
    "toolkit": toolkit.WORDS,
}

WORDS: dict[str, tuple[str, str]] = joined(
    *({f"{name}.{key}": pair for key, pair in part.items()} for name, part in AREAS.items())
)


def language(value: str | None) -> Lang:
    """English for "en"; anything else is the default, Swedish."""
    return "en" if value == "en" else "sv"


def template(key: str, lang: str) -> str:
    """The entry as written, its {placeholders} unfilled."""
    sv, en = WORDS[key]
    return en if lang == "en" else sv


class Both(NamedTuple):
    """Words given as a parameter, in both languages ("Anna Bergs yrkande",
    "Anna Berg's proposal"): a message made before its language is known
    (a check's finding, an import's notice) keeps both, and `say` takes one."""

    sv: str
    en: str

    @classmethod
    def of(cls, words: Callable[[str], str]) -> Both:
        return cls(words("sv"), words("en"))

    @classmethod
    def said(cls, key: str, **params: object) -> Both:
        """The catalogue's entry `key` in both languages, filled from `params`."""
        return cls(say(key, "sv", **params), say(key, "en", **params))


def say(key: str, lang: str, **params: object) -> str:
    """The entry `key` in `lang`, its {placeholders} filled from `params`."""
    filled = {
        k: (v.en if lang == "en" else v.sv) if isinstance(v, Both) else v for k, v in params.items()
    }
    return template(key, lang).format(**filled)


def area(name: str) -> dict[str, tuple[str, str]]:
    """One area's entries under their own keys (`area("ui")["quit"]`)."""
    return dict(AREAS[name])
