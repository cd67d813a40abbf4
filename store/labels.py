"""The words of the rendered protocol, in Swedish and English.

They are kept in the catalogue (`store.words.protocol`); these are the
lookups the renderers use.
"""

from __future__ import annotations

import functools

from .words import Both, area, language, template


@functools.cache
def labels(lang: str) -> dict[str, str]:
    """The protocol's words in `lang`, as written ({placeholders} unfilled)."""
    lang = language(lang)
    return {key: template(f"protocol.{key}", lang) for key in area("protocol") if "." not in key}


def attendance_labels(kind: str, lang: str) -> dict[str, str]:
    """The labels, with the attendance headings of that kind of body.

    Bodies that do not speak of beslutande ("association", "council", "board") have
    their own, kept in the catalogue as "protocol.<kind>.<label>".
    """
    lang = language(lang)
    prefix = f"{kind}."
    own = {
        key.removeprefix(prefix): template(f"protocol.{key}", lang)
        for key in area("protocol")
        if key.startswith(prefix)
    }
    return {**labels(lang), **own}


def organ_title(organ: str, organisation: str) -> str:
    """`Arbetsutskottet, Samordningsförbundet Norrå`; an imported organ may lack the second."""
    return ", ".join(x for x in (organ, organisation) if x)


def organ_shown(organ: str, organisation: str, lang: str) -> str:
    """The organ as a list or a view names a meeting's: `organ_title`, or for an
    imported meeting whose source named none, words saying so. Never printed in
    the protocol, which names no organ its source does not."""
    return organ_title(organ, organisation) or template("ui.organ_unknown", language(lang))


def join_names(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {labels(lang)['and']} " + names[-1]


def record_language(meeting: object) -> str:
    """The language of `meeting`'s record (`Rules.language`): what the program
    writes into it is in this language, whatever the interface speaks."""
    rules = getattr(meeting, "rules", None)
    return language(getattr(rules, "language", "") or "sv")


# The signing functions' words in running text ("… kan inte vara justerare").
_FUNCTION_WORDS = {"chair": "chair_lc", "secretary": "secretary_lc", "adjuster": "adjuster"}


def function_word(function: str) -> Both:
    """A signing function ("chair", "secretary", "adjuster") as a word, in both
    languages, for a message made before its language is known."""
    key = _FUNCTION_WORDS[function]
    return Both.said(f"protocol.{key}")
