"""F1's table names keys as they are printed on the keyboard, in the
interface's language: "Asterisk" stood in English in the Swedish help (a trial)."""

from __future__ import annotations

import re

import pytest

from protokoll.tui.screens.help import key_table

# What a key cap or a key's common name says; anything else is Textual's name for it.
ON_THE_KEYBOARD = {
    "Ctrl", "Shift", "Alt", "Esc", "Enter", "Tab", "Delete", "Backspace",
    "Home", "End", "PgUp", "PgDn", "↑", "↓", "←", "→",
}  # fmt: skip
SPACE = {"sv": "Mellanslag", "en": "Space"}


def key_parts(lang: str) -> list[str]:
    """Every key named in the lists' sections of the table (key column, then two spaces)."""
    parts = []
    for line in key_table(lang).splitlines():
        m = re.match(r"  (\S.*?)\s{2,}\S", line)
        if m is None:
            continue
        for key in m.group(1).split(" / "):
            pieces = key.split("+") if len(key) > 1 else [key]
            parts += [p for piece in pieces for p in piece.split(" ")]  # Shift+← ↑ → ↓
    return parts


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_key_in_the_help_is_named_as_on_the_keyboard(lang):
    parts = key_parts(lang)
    assert "*" in parts and SPACE[lang] in parts
    odd = {
        p
        for p in parts
        if len(p) > 1 and p not in ON_THE_KEYBOARD | {SPACE[lang]} and not re.fullmatch(r"F\d+", p)
    }
    assert not odd, odd


def test_the_slash_key_is_not_written_like_the_separator_between_keys():
    # The palette had said "Sök / / s / Ctrl+F".
    from protokoll.tui.screens.help import key_name

    assert key_name("slash,s,ctrl+f") == "/, s, Ctrl+F"
    assert key_name("f2,alt+n") == "F2 / Alt+N"
