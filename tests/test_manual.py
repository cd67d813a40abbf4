"""`protokoll manual`: a roff page made from the parser, naming every command,
every option and the examples, in the language asked for."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from protokoll.tui.cli import argparse_words, build_parser, main

from .test_cli_help import parsers

ROOT = Path(__file__).resolve().parent.parent
# The requests the page may use: the man macros, nothing a reader may lack.
REQUESTS = {".TH", ".SH", ".SS", ".TP", ".PP", ".B", ".br", ".RS", ".RE", ".nf", ".fi"}


def page(lang: str, capsys) -> str:
    assert main(["manual", "--lang", lang]) == 0
    return capsys.readouterr().out


def plain(roff: str) -> str:
    """The text a reader sees, near enough: fonts dropped, escapes read."""
    text = re.sub(r"\\\[u([0-9A-F]{4,6})\]", lambda m: chr(int(m[1], 16)), roff)
    text = re.sub(r"\\f[BIRP]", "", text)
    return text.replace("\\-", "-").replace("\\&", "").replace("\\e", "\\")


def sections(roff: str) -> dict[str, str]:
    """Each command's subsection by its name ("protokoll organ edit")."""
    out = {}
    for part in plain(roff).split('\n.SS "')[1:]:
        name, _, body = part.partition('"\n')
        out[name] = body.split("\n.SH ")[0]
    return out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_command_and_option_is_in_the_manual(lang, capsys):
    roff = page(lang, capsys)
    found = sections(roff)
    with argparse_words(lang):
        parser = build_parser(lang)
    commands = [(name, p) for name, p in parsers(parser) if name != "protokoll"]
    assert len(commands) > 25
    for name, p in commands:
        assert name in found, name
        for action in p._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help", "--store", "--lang"):
                    assert re.search(rf"(^|[\s\[,]){re.escape(option)}\b", found[name]), (
                        name,
                        option,
                    )
            if action.help and not action.option_strings and action.dest != "command":
                assert " ".join(action.help.split()) in " ".join(found[name].split())
    # The options every command takes are described once, for the program.
    top = plain(roff).split(".SH ")[4]
    for option in ("--store", "--lang", "--version", "--help"):
        assert option in top


@pytest.mark.parametrize(
    ("lang", "heading", "example"),
    [
        ("sv", "exempel:", "protokoll show 20250213 --width 100 --publish"),
        ("en", "examples:", "protokoll show 20250213 --json"),
    ],
)
def test_the_manual_carries_the_examples_in_its_language(lang, heading, example, capsys):
    show = sections(page(lang, capsys))["protokoll show"]
    assert heading in show and example in show


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_page_uses_only_man_requests_and_no_raw_line_a_reader_could_mistake(lang, capsys):
    roff = page(lang, capsys)
    assert roff.startswith(".TH PROTOKOLL 1 ")
    for line in roff.splitlines():
        if line.startswith((".", "'")):
            assert line.split()[0] in REQUESTS, line
        assert line.isascii(), line  # beyond ASCII as \[uXXXX]: any man reads it
    # A help text beginning with a dot would be a request; it is escaped as text.
    from protokoll.tui.manual import escape

    assert escape(".dangerous\n'also") == "\\&.dangerous\n\\&'also"
    assert escape("Åby -x \\") == "\\[u00C5]by \\-x \\e"


def test_groff_renders_the_page_without_a_warning(capsys):
    roff = page("sv", capsys)
    groff = shutil.which("groff")
    if groff is None:
        # No groff on this machine: the page is still checked above; what a
        # renderer would show is checked here by the plain text instead.
        shown = plain(roff)
    else:
        done = subprocess.run(
            [groff, "-man", "-Tutf8", "-ww", "-P-c", "-P-b", "-P-u"],
            input=roff,
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
        )
        assert done.returncode == 0 and done.stderr == "", done.stderr
        shown = done.stdout
    assert "protokoll organ edit" in shown and "Användarkommandon" in shown
    assert "--add-member" in shown.replace("‐", "-")


def test_protokoll_manual_prints_the_page_in_the_language_asked():
    done = subprocess.run(
        [sys.executable, "-m", "protokoll.tui", "manual", "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0 and done.stdout.startswith(".TH PROTOKOLL 1")
    assert '"User Commands"' in done.stdout.splitlines()[0]


@pytest.mark.parametrize(("lang", "heading"), [("sv", "FILER"), ("en", "FILES")])
def test_the_manual_names_the_stores_files_where_this_machine_keeps_them(
    lang, heading, capsys, monkeypatch, tmp_path
):
    # A trial: the page had no FILES section, so `man protokoll` never said
    # where the minutes are kept. PROTOKOLL_STORE is left out of the page's
    # default: the page is saved once and read with or without it.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("PROTOKOLL_STORE", str(tmp_path / "elsewhere"))
    text = plain(page(lang, capsys))
    files = text.split(f"\n.SH {heading}\n")[1].split("\n.SH ")[0]
    default = tmp_path / "data" / "protokoll"
    assert files.startswith(f".TP\n{default}\n")
    for name in ("meetings/ID.json", "adjusted/", "catalogue.json", "search.sqlite"):
        assert f".TP\n{default}/{name}\n" in files
    assert "elsewhere" not in files


def test_the_manual_is_dated_by_source_date_epoch_or_its_sources(capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    assert page("sv", capsys).startswith('.TH PROTOKOLL 1 "2026-01-01" "protokoll ')
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    header = page("en", capsys).splitlines()[0]
    dated = r'\.TH PROTOKOLL 1 "\d{4}-\d{2}-\d{2}" "protokoll [^"]+" "User Commands"'
    assert re.fullmatch(dated, header)
