"""`protokoll manual`: the manual page, in roff, made from the parser itself.

Made from what `--help` is made of (the commands, their options and help
texts, their examples), so the page cannot fall behind the program. Printed
on stdout in the language of --lang: `protokoll manual | man -l -`, or saved
as protokoll.1 where man looks (README).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_path

from protokoll.store.words import WORDS, say, template

# Options every command takes: documented once, under OPTIONS.
GLOBAL = {"help", "store", "lang"}


def escape(text: str) -> str:
    """`text` as roff prints it: backslashes and hyphens as such, no line read as a request."""
    out = text.replace("\\", "\\e").replace("-", "\\-")
    # Beyond ASCII by number: read alike by groff without preconv and by mandoc.
    out = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in out)
    return "\n".join(
        f"\\&{line}" if line.startswith((".", "'")) else line for line in out.split("\n")
    )


def _metavar(action: argparse.Action) -> str:
    if action.choices and action.metavar is None:
        return "{" + ",".join(str(c) for c in action.choices) + "}"
    meta = action.metavar or action.dest.upper()
    return " ".join(meta) if isinstance(meta, tuple) else meta


def _option(action: argparse.Action) -> str:
    """`\\fB\\-\\-width\\fR \\fIWIDTH\\fR`: an option as the manual shows it."""
    names = ", ".join(f"\\fB{escape(o)}\\fR" for o in action.option_strings)
    if not action.option_strings:
        names = f"\\fI{escape(_metavar(action))}\\fR"
    elif action.nargs != 0:
        names += f" \\fI{escape(_metavar(action))}\\fR"
    return names


def _synopsis(prog: str, parser: argparse.ArgumentParser) -> str:
    parts = [f"\\fB{escape(prog)}\\fR"]
    for action in parser._actions:
        if action.dest in GLOBAL or action.help == argparse.SUPPRESS:
            continue
        if isinstance(action, argparse._SubParsersAction):
            parts.append(f"\\fI{escape(_metavar(action))}\\fR ...")
            continue
        shown = _option(action).split(", ")[-1]  # the long name alone
        if action.nargs in ("+", "*"):
            shown += " ..."
        optional = action.option_strings and not action.required or action.nargs in ("?", "*")
        parts.append(f"[{shown}]" if optional else shown)
    return " ".join(parts)


def _items(actions: list[argparse.Action]) -> list[str]:
    out = []
    for action in actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        out += [".TP", _option(action), escape(action.help or "")]
    return out


def _examples(name: str, lang: str) -> list[str]:
    key = f"cli.ex_{name.replace(' ', '_').replace('-', '_')}"
    if key not in WORDS:
        return []
    lines = template(key, lang).splitlines()
    return [
        ".PP",
        escape(template("cli.examples", lang)),
        ".RS",
        ".nf",
        *map(escape, lines),
        ".fi",
        ".RE",
    ]


def _commands(parser: argparse.ArgumentParser, lang: str, prefix: str = "") -> list[str]:
    """A subsection for each command, and for the commands under it."""
    out: list[str] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {a.dest: a.help for a in action._choices_actions}
        for name, sub in action.choices.items():
            full = f"{prefix} {name}".strip()
            out += [f'.SS "protokoll {escape(full)}"', escape(helps.get(name) or "")]
            out += [".PP", _synopsis(f"protokoll {full}", sub)]
            mine = [a for a in sub._actions if a.dest not in GLOBAL]
            out += _items(mine)
            note = (sub.epilog or "").split(f"\n{template('cli.examples', lang)}\n")[0]
            if sub.epilog and note != sub.epilog:
                out += [".PP", escape(" ".join(note.split()))] if note.strip() else []
            out += _examples(full, lang)
            out += _commands(sub, lang, full)
    return out


# The store's files a reader may look for, each with what it holds (README, The store).
FILES = (
    ("meetings/ID.json", "man_files_meetings"),
    ("adjusted/", "man_files_adjusted"),
    ("catalogue.json", "man_files_catalogue"),
    ("index/", "man_files_derived"),
    ("search.sqlite", "man_files_derived"),
    ("drafts/", "man_files_drafts"),
    ("crash/", "man_files_crash"),
)


def _files(lang: str, store: Path) -> list[str]:
    out = [f".SH {escape(say('cli.man_files', lang))}", ".TP", escape(str(store))]
    out.append(escape(say("cli.man_files_store", lang)))
    for name, key in FILES:
        out += [".TP", escape(f"{store}/{name}"), escape(say(f"cli.{key}", lang))]
    return out


def page_date(sources: list[Path], environ: Mapping[str, str]) -> str:
    """The page's date: SOURCE_DATE_EPOCH where a build sets it (a reproducible
    build), else the day its sources were last changed."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        when = int(epoch)
    else:
        when = max((int(p.stat().st_mtime) for p in sources if p.exists()), default=0)
    return dt.datetime.fromtimestamp(when, dt.UTC).date().isoformat() if when else ""


def manual(
    parser: argparse.ArgumentParser, lang: str, version: str, store: Path, date: str = ""
) -> str:
    """The manual page of `parser` (as `build_parser(lang)` made it), in roff;
    `store` the default store's path as this machine has it."""

    def w(key: str, **params: object) -> str:
        return say(f"cli.{key}", lang, **params)

    top = [a for a in parser._actions if not isinstance(a, argparse._SubParsersAction)]
    lines = [
        f'.TH PROTOKOLL 1 "{date}" "protokoll {escape(version)}" "{escape(w("man_section"))}"',
        f".SH {escape(w('man_name'))}",
        f"protokoll \\- {escape(parser.description or '')}",
        f".SH {escape(w('man_synopsis'))}",
        "\\fBprotokoll\\fR [\\fB\\-\\-store\\fR \\fIDIR\\fR] [\\fB\\-\\-lang\\fR {sv,en}]".replace(
            "DIR", escape(w("mv_dir"))
        ),
        ".br",
        "\\fBprotokoll\\fR \\fI" + escape(w("commands")) + "\\fR ...",
        f".SH {escape(w('man_description'))}",
        escape(w("man_about")),
        *_examples("protokoll", lang),
        f".SH {escape(w('man_options'))}",
        *_items(top),
        f".SH {escape(w('man_commands'))}",
        *_commands(parser, lang),
        f".SH {escape(w('man_environment'))}",
        ".TP",
        ".B PROTOKOLL_STORE",
        escape(w("man_env_store")),
        ".TP",
        ".B PROTOKOLL_LANG",
        escape(w("man_env_lang")),
        *_files(lang, store),
        f".SH {escape(w('man_exit'))}",
    ]
    for status in (0, 1, 2, 3, 70, 130):
        lines += [".TP", f".B {status}", escape(w(f"man_exit_{status}"))]
    lines += [f".SH {escape(w('man_see_also'))}", "\\fBprotokoll \\-\\-help\\fR"]
    return "\n".join(lines) + "\n"


def cmd_manual(args: argparse.Namespace) -> int:
    from protokoll.store import words

    from .cli import argparse_words, build_parser, version

    # The default store as it is without PROTOKOLL_STORE: the page tells of both.
    store = Path(user_data_path("protokoll", appauthor=False))
    date = page_date([Path(__file__), Path(words.__file__).with_name("cli.py")], os.environ)
    with argparse_words(args.lang):
        page = manual(build_parser(args.lang), args.lang, version(), store, date)
    # Roff made by us, its text escaped above: written as it is.
    sys.stdout.write(page)
    return 0
