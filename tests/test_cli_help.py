"""`protokoll --help`: every option explained, every command ending with examples
that work, and `--version`.

The walk covers the whole parser as built, so a command or option added
later without help text or examples fails here.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from protokoll.tui import cli
from protokoll.tui.cli import argparse_words, build_parser

ROOT = Path(__file__).resolve().parent.parent


def parsers(parser: argparse.ArgumentParser, name: str = "protokoll") -> Iterator:
    """(command line, parser) for the program and every command under it."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from parsers(sub, f"{name} {sub_name}")


def unexplained(parser: argparse.ArgumentParser) -> list[str]:
    """`command: option` for each argument, option or command without help text."""
    out = []
    for name, p in parsers(parser):
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                listed = {a.dest: a.help for a in action._choices_actions}
                out += [f"{name} {c}" for c in action.choices if not (listed.get(c) or "").strip()]
                continue
            if action.help == argparse.SUPPRESS:
                continue
            if not (action.help or "").strip():
                out.append(f"{name}: {'/'.join(action.option_strings) or action.dest}")
    return out


def without_examples(parser: argparse.ArgumentParser, lang: str) -> list[str]:
    heading = {"sv": "exempel:", "en": "examples:"}[lang]
    out = []
    for name, p in parsers(parser):
        tail = p.format_help().rstrip().split(f"\n{heading}\n")
        lines = tail[-1].splitlines() if len(tail) > 1 else []
        # One or two examples, and nothing after them.
        if not 1 <= len(lines) <= 2 or not all(line.startswith("  ") for line in lines):
            out.append(name)
    return out


def built(lang: str) -> argparse.ArgumentParser:
    with argparse_words(lang):
        return build_parser(lang)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_option_and_argument_of_every_command_has_help(lang):
    parser = built(lang)
    assert len(list(parsers(parser))) > 25  # the walk reaches the commands
    assert unexplained(parser) == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_command_help_ends_with_one_or_two_examples(lang):
    with argparse_words(lang):
        assert without_examples(build_parser(lang), lang) == []


def test_the_walk_finds_an_option_or_a_command_left_without_help_or_examples():
    parser = built("en")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    sub.choices["show"].add_argument("--quiet", action="store_true")
    new = sub.add_parser("frobnicate")  # no help, no examples
    assert sorted(unexplained(parser)) == ["protokoll frobnicate", "protokoll show: --quiet"]
    assert without_examples(parser, "en") == ["protokoll frobnicate"]
    del new


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_examples_are_command_lines_the_parser_takes(lang):
    parser = built(lang)
    heading = {"sv": "exempel:", "en": "examples:"}[lang]
    tried = 0
    for _name, p in parsers(parser):
        for line in (p.epilog or "").split(f"{heading}\n")[-1].splitlines():
            words = shlex.split(line.strip())
            if words[0] != "protokoll":
                continue  # eval "$(protokoll completion bash)"
            # What a shell would take away: a pipe or a redirection and what follows.
            cut = next((i for i, w in enumerate(words) if w in ("|", ">")), len(words))
            with argparse_words(lang):
                args = parser.parse_args(words[1:cut])
            assert args.command in cli.COMMANDS or args.command is None, line
            tried += 1
    assert tried > 40


def test_version_is_the_installed_distributions():
    from importlib import metadata

    done = subprocess.run(
        [sys.executable, "-m", "protokoll.tui", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"protokoll {metadata.version('protokoll')}\n"


def test_version_in_a_source_checkout_not_installed_is_pyprojects(monkeypatch):
    import tomllib
    from importlib import metadata

    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert cli.version() == declared


def test_version_is_in_the_help_in_both_languages(capsys):
    for lang, said in (("sv", "visa programmets version"), ("en", "show the program's version")):
        with pytest.raises(SystemExit):
            cli.main(["--help", "--lang", lang])
        assert said in capsys.readouterr().out
