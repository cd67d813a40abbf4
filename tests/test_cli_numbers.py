"""A number option given something else is refused in the interface's words.

Found in a trial: `protokoll list --year abc` said "ogiltigt värde (int): 'abc'",
Python's type name in a Swedish sentence.
"""

from __future__ import annotations

import argparse

import pytest

from protokoll.tui.cli import _parser, main
from protokoll.tui.cli_types import whole_number


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--year", "abc"],
        ["decisions", "--year", "2x"],
        ["correct", "20250101-aa", "--paragraph", "tre", "--reason", "r", "--text", "t"],
        ["log", "--limit", "x"],
        ["reassign", "20250101-aa", "1", "två"],
    ],
)
@pytest.mark.parametrize(
    ("lang", "says"), [("sv", "ska vara ett heltal, inte"), ("en", "must be a whole number, not")]
)
def test_a_word_where_a_number_goes_is_refused_in_one_line(argv, lang, says, capsys, tmp_path):
    code = main(["--store", str(tmp_path), "--lang", lang, *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert says in err and "(int)" not in err and "int value" not in err
    assert len(err.strip().splitlines()) == 1


def test_no_option_reads_a_bare_int():
    # Every number option goes through whole_number, whose words are the program's.
    def walk(parser: argparse.ArgumentParser):
        for action in parser._actions:  # argparse has no public walk of its options
            yield action
            for sub in (action.choices or {}).values() if isinstance(action.choices, dict) else ():
                yield from walk(sub)

    bare = [a.dest for a in walk(_parser("sv", "/tmp/x")) if a.type is int]
    assert bare == []
    assert whole_number("sv")("12") == 12
