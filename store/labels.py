"""The words of the rendered protocol, in Swedish and English.

They are kept in the catalogue (`store.words.protocol`); these are the
lookups the renderers use.
"""

from __future__ import annotations

import functools

from .words import area, language, template


@functools.cache
def labels(lang: str) -> dict[str, str]:
    """The protocol's words in `lang`, as written ({placeholders} unfilled)."""
    lang = language(lang)
    return {key: template(f"protocol.{key}", lang) for key in area("protocol") if "." not in key}


def attendance_labels(kind: str, lang: str) -> dict[str, str]:
    """The labels, with the attendance headings of that kind of body.

    Bodies that do not speak of beslutande ("association", "council") have
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


def join_names(names: list[str], lang: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {labels(lang)['and']} " + names[-1]
