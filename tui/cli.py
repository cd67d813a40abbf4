"""The `protokoll` command: the application, or a subcommand for scripts.

Errors are one line on stderr and a non-zero exit, never a traceback.
Textual is imported only when the application is opened, so the subcommands
start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime as dt
import functools
import importlib
import os
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from protokoll.store import Organ, Store, StoreError, adjusted_copy, default_path, parse_date, verbs
from protokoll.store.adjust import (
    adjust,
    changed_warning,
    changes,
    correct,
    document_lang,
    export_refused,
    kept_adjusted_text,
    post,
    post_immediate,
    verify,
)
from protokoll.store.checks import date_lines, problems
from protokoll.store.dates import format_time
from protokoll.store.deadlines import deadlines, immediate_deadlines
from protokoll.store.errors import os_detail
from protokoll.store.export_target import OTHER_FORMATS, write_export
from protokoll.store.extract import render_extract
from protokoll.store.intake import Limits, parse_document, read_source
from protokoll.store.labels import labels, organ_shown, organ_title
from protokoll.store.model import Meeting
from protokoll.store.numbering import span
from protokoll.store.profiles import PROFILES
from protokoll.store.registers import TaskRow, where
from protokoll.store.render import render_text
from protokoll.store.render_md import render_markdown
from protokoll.store.roster import format_person, in_term
from protokoll.store.safe_text import safe_line
from protokoll.store.words import WORDS, Lang, area, language, say, template

from . import cli_sign, cli_sync, cli_verbs
from .cli_held import held
from .cli_types import UsageError, whole_number
from .output import emit, emit_json, emit_json_rows, write, write_to

T = TypeVar("T")


def _on_first_use(module: str, name: str) -> Callable[..., Any]:
    """`module.name`, imported when first called.

    For what only some subcommands call: the application, started by this
    same command, does not wait for the importer, the search or the exchange
    to be imported (tests/test_startup.py).
    """

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


export_json = _on_first_use("protokoll.store.exchange", "export_json")
export_document = _on_first_use("protokoll.store.exchange", "export_document")
import_document = _on_first_use("protokoll.store.exchange", "import_document")
read_document = _on_first_use("protokoll.store.exchange", "read_document")
Imported = _on_first_use("protokoll.store.importer", "Imported")
import_protocol = _on_first_use("protokoll.store.importer", "import_protocol")
read_protocol = _on_first_use("protokoll.store.importer", "read_protocol")
items_of = _on_first_use("protokoll.store.importer", "items_of")
search_streamed = _on_first_use("protokoll.store.search", "search_streamed")
# The registers read the derived database (sqlite3): imported by their commands.
scope_for = _on_first_use("protokoll.store.archive", "scope_for")
previous_moved = _on_first_use("protokoll.store.followup", "previous_moved")
conflict_problems = _on_first_use("protokoll.store.sync", "conflict_problems")
series_gaps = _on_first_use("protokoll.store.series", "gaps")
task_rows = _on_first_use("protokoll.store.archive", "task_rows")
decision_rows = _on_first_use("protokoll.store.archive", "decision_rows")


def words(lang: str) -> Callable[..., str]:
    """The command line's entries of the catalogue in `lang`: `w = words(lang); w("c_list")`."""

    def said(key: str, **params: object) -> str:
        return say(f"cli.{key}", lang, **params)

    return said


def chosen_lang(argv: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language before the arguments are parsed, so that --help and a usage
    error speak it: the last --lang (before any `--`), else PROTOKOLL_LANG
    ("en", "en_GB.UTF-8"), else Swedish."""
    found: str | None = None
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    value = found if found is not None else environ.get("PROTOKOLL_LANG", "")
    return language(value.strip().split("_")[0].split(".")[0].lower())


# argparse's own words: it looks them up through gettext, as its module's
# `_` and `ngettext` (Python 3.11 to 3.13). `argparse_words` puts ours there
# while a parser is built and used, which reaches every one of them without
# compiled .mo catalogues; a message not listed stays argparse's English.
ARGPARSE = {
    "usage: ": "argparse_usage",
    "positional arguments": "argparse_positionals",
    "options": "argparse_options",
    "show this help message and exit": "argparse_help",
    "argument %(argument_name)s: %(message)s": "argparse_argument",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse_unknown_parser",
    "unrecognized arguments: %s": "argparse_unrecognized",
    "not allowed with argument %s": "argparse_not_allowed",
    "ignored explicit argument %r": "argparse_ignored",
    "the following arguments are required: %s": "argparse_required",
    "one of the arguments %s is required": "argparse_one_required",
    "expected one argument": "argparse_one",
    "expected at most one argument": "argparse_at_most_one",
    "expected at least one argument": "argparse_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse_ambiguous",
    "unexpected option string: %s": "argparse_unexpected",
    "invalid %(type)s value: %(value)r": "argparse_invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse_invalid_choice",
}
ARGPARSE_PLURAL = {("expected %s argument", "expected %s arguments"): "argparse_n"}


@contextlib.contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """argparse speaks `lang` inside the block."""

    def gettext(message: str) -> str:
        key = ARGPARSE.get(message)
        return template(f"cli.{key}", lang) if key else message

    def ngettext(singular: str, plural: str, n: int) -> str:
        key = ARGPARSE_PLURAL.get((singular, plural))
        if key is None:
            return singular if n == 1 else plural
        return template(f"cli.{key}" if n == 1 else f"cli.{key}_plural", lang)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, lang: str = "sv", **kwargs) -> None:
        self.lang = lang
        # Said after "the meeting is needed" when `hint_after` was given: the
        # option that took the meeting for its own.
        self.missing_hint, self.hint_after = "", ""
        self._given: list[str] = []
        # The examples at the end keep their lines (`with_examples` fills the rest).
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        self._given = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        # The help of the command that refused ("protokoll export --help"),
        # where its options are, not the list of commands.
        needed = say("cli.mv_meeting", self.lang) in message
        if needed and self.hint_after and self.hint_after in self._given:
            message = f"{message}; {self.missing_hint}"
        raise UsageError(say("cli.see_help", self.lang, message=message, prog=self.prog))


EXPORT_FORMATS = ("text", "md", "json", "pdf")
EXTRACT_FORMATS = ("text", "md", "pdf")


def _format_name(text: str) -> str:
    """A format as a secretary names it: the file's ending ("txt", the export
    dialog's word for text) or the full name ("markdown") as well as ours."""
    name = text.strip().lower().lstrip(".")
    return {"txt": "text", "markdown": "md"}.get(name, name)


def _width(lang: str) -> Callable[[str], int]:
    def width(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            said = say("cli.width_number", lang, text=repr(text))
            raise argparse.ArgumentTypeError(said) from None
        if not 30 <= value <= 500:
            raise argparse.ArgumentTypeError(say("cli.width_range", lang))
        return value

    return width


TEXT_LIMIT = 50  # hits printed as text unless asked for more


def _limit(lang: str) -> Callable[[str], int]:
    def limit(text: str) -> int:
        if not text.isdigit():
            raise argparse.ArgumentTypeError(say("cli.limit_number", lang, text=repr(text)))
        return int(text)

    return limit


def _address(lang: str) -> Callable[[str], tuple[str, int]]:
    def address(text: str) -> tuple[str, int]:
        from .serve_address import parse_address

        try:
            return parse_address(text)
        except ValueError:
            said = say("cli.serve_bad_address", lang, text=repr(text))
            raise argparse.ArgumentTypeError(said) from None

    return address


def version() -> str:
    """The installed distribution's version; in a source checkout not installed,
    the one its pyproject.toml declares."""
    from importlib import metadata

    try:
        return metadata.version("protokoll")
    except metadata.PackageNotFoundError:
        pass
    import tomllib

    try:
        with open(Path(__file__).resolve().parent.parent / "pyproject.toml", "rb") as f:
            project = tomllib.load(f).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        project = {}
    if project.get("name") == "protokoll" and isinstance(project.get("version"), str):
        return project["version"]
    return "0+unknown"


class _Version(argparse.Action):
    """--version, its number looked up only when asked for (metadata is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> NoReturn:  # type: ignore[override]
        print(f"protokoll {version()}")
        parser.exit()


def with_examples(parser: argparse.ArgumentParser, lang: str, name: str = "protokoll") -> None:
    """End each command's --help with its examples (`cli.ex_<command>`), and the
    --help of the commands under it: `organ edit` takes `cli.ex_organ_edit`."""
    key = f"cli.ex_{name.replace('-', '_')}"
    if key in WORDS:
        lines = "\n".join(f"  {line}" for line in template(key, lang).splitlines())
        before = textwrap.fill(parser.epilog, 78) + "\n\n" if parser.epilog else ""
        parser.epilog = f"{before}{template('cli.examples', lang)}\n{lines}"
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                under = sub_name if name == "protokoll" else f"{name}_{sub_name}"
                with_examples(sub, lang, under)


def build_parser(lang: str = "sv") -> Parser:
    """The parser, its --help in `lang`; build and use it inside `argparse_words(lang)`."""
    w = words(lang)
    parser_class = functools.partial(Parser, lang=lang)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store",
        metavar=w("mv_dir"),
        default=argparse.SUPPRESS,
        help=w("opt_store", env="$PROTOKOLL_STORE", default=default_path()),
    )
    common.add_argument(
        "--lang",
        choices=("sv", "en"),
        default=argparse.SUPPRESS,
        help=w("opt_lang", env="$PROTOKOLL_LANG"),
    )
    parser = Parser(prog="protokoll", parents=[common], description=w("description"), lang=lang)
    parser.add_argument("--version", action=_Version, help=w("opt_version"))
    sub = parser.add_subparsers(dest="command", parser_class=parser_class, metavar=w("commands"))
    width = _width(lang)

    def command(name: str, what: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], help=w(what))

    def meeting(name: str, what: str) -> argparse.ArgumentParser:
        p = command(name, what)
        p.add_argument("meeting", metavar=w("mv_meeting"), help=w("arg_meeting"))
        return p

    p = command("list", "c_list")
    _bounds(p, lang)

    p = meeting("show", "c_show")
    p.add_argument("--width", type=width, default=72, metavar=w("mv_width"), help=w("arg_width"))
    p.add_argument("--publish", action="store_true", help=w("arg_publish"))
    p.add_argument("--json", action="store_true", help=w("show_json"))
    p.add_argument("--explain", action="store_true", help=w("show_explain"))

    p = meeting("export", "c_export")
    p.add_argument(
        "--format",
        type=_format_name,
        choices=EXPORT_FORMATS,
        help=w("arg_format"),
    )
    p.add_argument("-o", "--output", metavar=w("mv_file"), help=w("arg_output"))
    p.add_argument("--width", type=width, default=72, metavar=w("mv_width"), help=w("arg_width"))
    p.add_argument("--publish", action="store_true", help=w("arg_publish"))
    p.add_argument("--force", action="store_true", help=w("arg_force"))
    p.add_argument("--as-adjusted", action="store_true", help=w("arg_as_adjusted"))

    p = meeting("extract", "c_extract")
    p.add_argument("paragraphs", nargs="+", metavar="§", help=w("arg_paragraphs"))
    p.add_argument("--immediate", action="store_true", help=w("extract_immediate"))
    p.add_argument(
        "--format",
        type=_format_name,
        choices=EXTRACT_FORMATS,
        help=w("arg_format_md"),
    )
    p.add_argument("-o", "--output", metavar=w("mv_file"), help=w("arg_output"))
    p.add_argument("--width", type=width, default=72, metavar=w("mv_width"), help=w("arg_width"))
    p.add_argument("--force", action="store_true", help=w("arg_force"))

    p = meeting("mask", "c_mask")
    p.add_argument("paragraph", metavar="§", help=w("arg_paragraph"))
    p.add_argument(
        "reason", nargs="?", default="", metavar=w("mv_reason"), help=w("mask_reason_arg")
    )
    p.add_argument("--clear", action="store_true", help=w("mask_clear"))

    p = meeting("check", "c_check")
    p.add_argument("--json", action="store_true", help=w("check_json"))

    p = meeting("adjust", "c_adjust")
    p.add_argument("--date", required=True, metavar=w("mv_date"), help=w("adjust_date"))
    p.add_argument("--by", nargs="+", default=[], metavar=w("mv_name"), help=w("adjust_by"))
    # `adjust --by A B ID`: --by takes the id as a third name (a trial).
    p.missing_hint, p.hint_after = w("by_takes_all"), "--by"
    p.add_argument("--posted", metavar=w("mv_date"), help=w("adjust_posted"))
    p.add_argument(
        "--signature", action="append", default=[], metavar=w("mv_file"), help=w("adjust_sig")
    )

    p = meeting("close", "c_close")
    p.add_argument("--end", metavar=w("mv_time"), help=w("close_end"))

    meeting("reopen", "c_reopen")

    _organ_parsers(sub, common, lang)
    cli_verbs.add_parsers(sub, common, lang)
    cli_sign.add_parsers(sub, common, lang)
    cli_sync.add_parsers(sub, common, lang)

    p = meeting("post", "c_post")
    p.add_argument("--date", required=True, metavar=w("mv_date"), help=w("post_date"))
    p.add_argument("--replace", action="store_true", help=w("post_replace"))
    p.add_argument("--immediate", action="store_true", help=w("post_immediate"))

    p = meeting("correct", "c_correct")
    p.add_argument("--date", required=True, metavar=w("mv_date"), help=w("correct_date"))
    p.add_argument("--text", required=True, metavar=w("mv_text"), help=w("correct_text"))
    p.add_argument("--why", default="", metavar=w("mv_reason"), help=w("correct_why"))
    p.add_argument("--by", default="", metavar=w("mv_name"), help=w("correct_by"))
    p.add_argument("--paragraph", type=whole_number(lang), metavar="N", help=w("correct_paragraph"))

    p = meeting("verify", "c_verify")
    p.add_argument("--json", action="store_true", help=w("verify_json"))

    p = command("follow", "c_follow")
    p.add_argument("meeting", nargs="?", metavar=w("mv_meeting"), help=w("arg_meeting_live"))
    p.add_argument("--publish", action="store_true", help=w("arg_publish_live"))

    p = command("serve", "c_serve")
    p.add_argument("meeting", nargs="?", metavar=w("mv_meeting"), help=w("arg_meeting_live"))
    p.add_argument("--address", type=_address(lang), metavar="HOST:PORT", help=w("serve_address"))
    p.add_argument("--publish", action="store_true", help=w("arg_publish_live"))

    p = command("tasks", "c_tasks")
    p.add_argument("--open", action="store_true", help=w("tasks_open"))
    _bounds(p, lang)

    p = command("decisions", "c_decisions")
    _bounds(p, lang)

    p = command("search", "c_search")
    p.epilog = w("search_exit")
    p.add_argument("query", nargs="+", metavar=w("mv_query"), help=w("search_query"))
    p.add_argument("--fold", action="store_true", help=w("search_fold"))
    p.add_argument("--limit", type=_limit(lang), metavar="N", help=w("search_limit", n=TEXT_LIMIT))
    _json_options(p, lang)

    p = command("import", "c_import")
    p.add_argument("files", nargs="+", metavar=w("mv_file"), help=w("import_files"))
    p.add_argument("--dry-run", action="store_true", help=w("import_dry_run"))
    p.add_argument("--json", action="store_true", help=w("import_json"))
    p.add_argument("--explain", action="store_true", help=w("import_explain"))
    p.add_argument("--organ", metavar=w("mv_name"), help=w("import_organ"))
    p.add_argument("--max-size", type=whole_number(lang), metavar="MB", help=w("import_max_size"))
    p.add_argument("--max-line", type=whole_number(lang), metavar="N", help=w("import_max_line"))
    p.add_argument("--max-depth", type=whole_number(lang), metavar="N", help=w("import_max_depth"))

    p = command("completion", "c_completion")
    p.add_argument("shell", choices=("bash", "zsh", "fish"), help=w("arg_shell"))
    command("manual", "c_manual")
    with_examples(parser, lang)
    return parser


def _organ_parsers(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, lang: str
) -> None:
    """`protokoll organ list|show|edit`."""
    w = words(lang)
    p = sub.add_parser("organ", parents=[common], help=w("c_organ"))
    organ = p.add_subparsers(
        dest="organ_command",
        parser_class=functools.partial(Parser, lang=lang),
        required=True,
        metavar=w("mv_organ_command"),
    )
    organ.add_parser("list", parents=[common], help=w("c_organ_list"))
    p = organ.add_parser("show", parents=[common], help=w("c_organ_show"))
    p.add_argument("organ", metavar=w("mv_organ"), help=w("arg_organ"))
    p.add_argument("--roster", action="store_true", help=w("arg_organ_show_roster"))
    p = organ.add_parser("edit", parents=[common], help=w("c_organ_edit"))
    p.add_argument("organ", metavar=w("mv_organ"), help=w("arg_organ"))
    p.add_argument("--name", metavar=w("mv_name"), help=w("arg_organ_name"))
    p.add_argument("--organisation", metavar=w("mv_name"), help=w("arg_organ_organisation"))
    p.add_argument("--profile", choices=[*PROFILES, "none"], help=w("arg_organ_profile"))
    p.add_argument(
        "--numbering", choices=("year", "meeting", "never"), help=w("arg_organ_numbering")
    )
    p.add_argument("--place", metavar=w("mv_name"), help=w("arg_organ_place"))
    p.add_argument("--decision", metavar=w("mv_text"), help=w("arg_organ_decision"))
    p.add_argument("--agenda", metavar=w("mv_file"), help=w("arg_organ_agenda"))
    p.add_argument("--roster", metavar=w("mv_file"), help=w("arg_organ_roster"))
    p.add_argument(
        "--add-member",
        action="append",
        default=[],
        metavar=w("mv_line"),
        help=w("arg_organ_add_member"),
    )
    p.add_argument("--since", metavar=w("mv_date"), default="", help=w("arg_organ_since"))
    p.add_argument(
        "--edit-member",
        nargs=2,
        action="append",
        default=[],
        metavar=(w("mv_name"), w("mv_line")),
        help=w("arg_organ_edit_member"),
    )
    p.add_argument(
        "--retire", action="append", default=[], metavar=w("mv_name"), help=w("arg_organ_retire")
    )
    p.add_argument("--until", metavar=w("mv_date"), help=w("arg_organ_until"))


def _json_options(p: argparse.ArgumentParser, lang: str) -> None:
    w = words(lang)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=w("arg_json"))
    out.add_argument("--jsonl", action="store_true", help=w("arg_jsonl"))


def _bounds(p: argparse.ArgumentParser, lang: str) -> None:
    """A listing's options: which meetings, how many rows, and as what."""
    w = words(lang)
    p.add_argument("--organ", metavar=w("mv_organ"), help=w("decisions_organ"))
    p.add_argument(
        "--year", type=whole_number(lang), metavar=w("mv_year"), help=w("decisions_year")
    )
    p.add_argument("--limit", type=_limit(lang), metavar="N", help=w("arg_limit_rows"))
    _json_options(p, lang)


def _bounded(args: argparse.Namespace, rows: Iterator[T]) -> Iterator[T]:
    """At most --limit rows (0 or none: all); says on stderr when some were left out."""
    try:
        for n, row in enumerate(rows):
            if args.limit and n == args.limit:
                key = "cli.rows_shown_one" if n == 1 else "cli.rows_shown"
                emit(say(key, args.lang, shown=n), err=True)
                return
            yield row
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()  # the database cursor behind them, now rather than when collected


def _rows_out(args: argparse.Namespace, rows: Iterator[object]) -> bool:
    """Print dataclass rows as JSON when asked; False when text is wanted instead."""
    if not (args.json or args.jsonl):
        return False
    emit_json_rows((_row_facts(r) for r in rows), lines=args.jsonl)
    return True


def _row_facts(row: object) -> dict:
    """A row's fields, and a task's state as the text says it (open, done, unknown)."""
    facts = dict(vars(row))
    if isinstance(row, TaskRow):
        facts["state"] = "done" if row.done else "unknown" if row.unknown else "open"
    return facts


def _warn(args: argparse.Namespace, message: str) -> None:
    emit(say("cli.warning", args.lang, message=message), err=True)


def _status(args: argparse.Namespace, status: str) -> str:
    """A meeting's status in words ("pågår"); one not known as it is."""
    key = f"cli.status_{status}"
    return say(key, args.lang) if status in ("draft", "open", "closed", "adjusted") else status


def open_store(
    args: argparse.Namespace, create: bool = False, look: bool = True, warn: bool = True
) -> Store:
    """Commands that only read do not make a store where a typo pointed.

    A command that lists or checks (`look`) looks over every meeting file and
    warns of each that does not read; a command on one meeting (`one_meeting`)
    warns of what it finds only (the catalogue; its meeting's file, by failing):
    at 10,000 meetings the look is 10,000 files' stamps and every index file.
    """
    path = Path(getattr(args, "store", None) or default_path())
    store = Store(path, create=create)
    if warn:
        _warn_of(args, store.problems if look else store.problems_found)
    return store


def _warn_of(args: argparse.Namespace, problems: Sequence[StoreError], but: str = "") -> None:
    """A warning for each problem, each said once; `but` is said elsewhere."""
    for said in dict.fromkeys(p.text(args.lang) for p in problems):
        if said != but:
            _warn(args, said)


# For the commands that name one meeting: no look over the others.
one_meeting = functools.partial(open_store, look=False)


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    scope = scope_for(store, args.organ, args.year)
    rows = _bounded(
        args,
        (
            s
            for s in store.summaries()
            if scope.takes(s.organ_id, s.organ)
            and (args.year is None or s.date.startswith(f"{args.year:04d}"))
        ),
    )
    if args.json or args.jsonl:
        out = (
            {
                "id": s.id,
                "organisation": s.organisation,
                "organ": s.organ,
                "kind": s.kind,
                "date": s.date,
                "start": s.start or None,
                "end": s.end or None,
                "place": s.place,
                "first": s.first,
                "last": s.last,
                "status": s.status,
            }
            for s in rows
        )
        emit_json_rows(out, lines=args.jsonl)
        return 0
    shown = 0
    for s in rows:
        shown += 1
        organ = organ_shown(s.organ, s.organisation, args.lang)
        emit(
            f"{s.id}  {s.period or s.date}  {organ}  {s.kind}  "
            f"{span(s.first, s.last)}  "
            f"{_status(args, s.status)}".replace("    ", "  "),
            one_line=True,
        )
    if not shown:
        emit(say("cli.no_meetings", args.lang), err=True)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    if args.json and args.publish:
        raise UsageError(say("cli.json_publish", args.lang))
    if args.explain and (args.json or args.publish):
        raise UsageError(say("cli.explain_alone", args.lang))
    store = one_meeting(args)
    meeting = _loaded(args, store)
    if args.explain:
        from protokoll.store.importer.explain import explain_kept

        for line in explain_kept(meeting, args.lang):
            emit(line)
        return 0
    if args.json:
        # The meeting as data: the document `export --format json` writes.
        emit_json(export_document(meeting, _organ_of(store, meeting)))
        return 0
    lang = _document_lang(args, meeting)
    write(render_text(meeting, width=args.width, lang=lang, publish=args.publish))
    return 0


def _document_lang(args: argparse.Namespace, meeting: Meeting) -> str:
    """The protocol's language (`adjust.document_lang`), said when it is not the one asked for."""
    lang = document_lang(meeting, args.lang)
    if lang != args.lang:
        _warn(args, say("cli.adjusted_in_its_language", args.lang))
    return lang


def _exported(meeting: Meeting) -> Meeting:
    """The meeting, if it may be sent out as its protocol (`adjust.export_refused`)."""
    refused = export_refused(meeting)
    if refused is not None:
        raise refused
    return meeting


def _loaded(args: argparse.Namespace, store: Store, warn: bool = True) -> Meeting:
    """The meeting to print; an adjusted one whose text changed since is said so on
    stderr (`warn`), and still printed (what is there is shown, not hidden)."""
    if args.meeting.strip().removeprefix("./").startswith("conflicts/"):
        # Another computer's version, waiting: read as it is, to decide on it.
        from protokoll.store.sync import read_copy

        return read_copy(store.path, args.meeting)
    meeting = store.load(store.resolve(args.meeting))
    warning = changed_warning(meeting, args.lang) if warn else None
    if warning:
        _warn(args, warning)
    return meeting


def paragraph_numbers(words: Sequence[str], lang: str = "sv") -> list[int]:
    """`12`, `§12`, `§ 12`, `12-14`, `12,14`: the § numbers named, in order."""
    text = " ".join(words).replace("§", " ").replace("–", "-").replace(",", " ")
    numbers: list[int] = []
    for word in text.split():
        first, _, last = word.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise UsageError(say("cli.not_paragraph_number", lang, word=word))
        a, b = int(first), int(last or first)
        if b < a:
            raise UsageError(say("cli.not_paragraph_range", lang, word=word))
        numbers += [n for n in range(a, b + 1) if n not in numbers]
    if not numbers:
        raise UsageError(say("cli.no_paragraph_named", lang))
    return numbers


def _format_of(args: argparse.Namespace, formats: tuple[str, ...]) -> str:
    """The format asked for, else the one `-o FILE`'s ending names (as the
    application's export does), else text: `-o protokoll.pdf` had written text
    into a file named .pdf and said it was exported (a trial)."""
    if args.format:
        return args.format
    suffix = Path(args.output).suffix if args.output and args.output != "-" else ""
    ending = _format_name(suffix) if suffix else ""
    if ending in formats:
        return ending
    if suffix.casefold() in OTHER_FORMATS:
        # `-o protokoll.docx` had written text into a file a word processor
        # then refuses; said, and nothing written, unless text is asked for.
        raise UsageError(
            say("cli.not_a_format", args.lang, suffix=suffix, formats=", ".join(formats))
        )
    return "text"


def _write(args: argparse.Namespace, text: str) -> None:
    """To -o FILE (an ordinary file, replaced only with --force), else to stdout."""
    write_to(args.output, text, args.force, args.lang)


def cmd_extract(args: argparse.Namespace) -> int:
    store = one_meeting(args)
    # An extract is certified: not of a text changed since its adjustment.
    meeting = _exported(_loaded(args, store, warn=False))
    numbers = paragraph_numbers(args.paragraphs, args.lang)
    lang = _document_lang(args, meeting)
    kind = _format_of(args, EXTRACT_FORMATS)
    if kind == "pdf":  # `-o utdrag.pdf` had written text into it (a trial)
        from protokoll.store.extract import render_extract_pdf

        _write_pdf(
            args, lambda: render_extract_pdf(meeting, numbers, lang=lang, immediate=args.immediate)
        )
        return 0
    text = render_extract(
        meeting,
        numbers,
        width=args.width,
        lang=lang,
        immediate=args.immediate,
        markdown=kind == "md",
    )
    _write(args, text)
    return 0


def cmd_mask(args: argparse.Namespace) -> int:
    numbers = paragraph_numbers([args.paragraph], args.lang)
    if len(numbers) != 1:
        raise UsageError(say("cli.one_paragraph", args.lang, paragraph=args.paragraph))
    number = numbers[0]
    if not args.clear and not args.reason.strip():
        raise UsageError(say("cli.mask_reason", args.lang))
    store = one_meeting(args)
    session = cli_verbs.writable_session(store, args.meeting)
    try:
        session.set_masked(number, "" if args.clear else args.reason)
    finally:
        session.close()
    reason = next(p.masked for p in session.meeting.paragraphs if p.number == number)
    key = "cli.did_mask" if reason else "cli.did_unmask"
    emit(say(key, args.lang, meeting=session.meeting.id, paragraph=number, reason=reason))
    return 0


def _organ_of(store: Store, meeting: Meeting) -> Organ | None:
    try:
        return store.organ(meeting.organ_id)
    except StoreError:
        return None


# The legal dates `check` prints (checks.date_lines), by the names scripts read.
DATES = ("meeting", "adjust_by", "adjusted", "post_by", "posted", "appeal_until")


def cmd_check(args: argparse.Namespace) -> int:
    store = open_store(args, look=False, warn=False)
    try:
        meeting = store.load(store.resolve(args.meeting))
    except StoreError as exc:
        # Its own file failing says so, once: warned of first as one of the
        # files that do not read, then refused, it had said the same twice.
        _warn_of(args, store.problems_found, but=exc.text(args.lang))
        raise
    _warn_of(args, store.problems)  # every other file, as a checking command warns
    found = problems(meeting) + previous_moved(store, meeting) + series_gaps(store, meeting)
    found += conflict_problems(store, meeting.id)
    if args.json:
        due = deadlines(meeting)
        dates = {name: getattr(due, name) for name in DATES}
        said = {k: v.isoformat() for k, v in dates.items() if v is not None}
        at_once = immediate_deadlines(meeting)
        if at_once is not None:  # the §§ adjusted at once: their own dates
            own = {name: getattr(at_once, name) for name in ("post_by", "posted", "appeal_until")}
            said["immediate"] = {k: v.isoformat() for k, v in own.items() if v is not None}
        emit_json(
            {
                "meeting": meeting.id,
                "dates": said,
                "problems": [
                    {
                        "key": x.key,
                        "serious": x.serious,
                        "reminder": x.reminder,
                        "paragraph": str(x.params["paragraph"])
                        if "paragraph" in x.params
                        else None,
                        "text": x.text(args.lang),
                    }
                    for x in found
                ],
                "serious": any(x.serious for x in found),
            }
        )
        return 3 if any(x.serious for x in found) else 0
    for line in date_lines(meeting, args.lang):
        emit(line)
    for problem in found:
        mark = say("cli.wrong", args.lang) if problem.serious else ""
        emit(mark + problem.text(args.lang))
    if not found:  # said, as Alt+K says it: the dates alone had looked cut off (a trial)
        emit(say("ui.checks_none", args.lang))
    return 3 if any(x.serious for x in found) else 0


def cmd_export(args: argparse.Namespace) -> int:
    store = one_meeting(args)
    kind = _format_of(args, EXPORT_FORMATS)
    # The meeting as data (json), for a copy or a look, is not the protocol sent out.
    meeting = _loaded(args, store, warn=kind == "json")
    if args.as_adjusted:
        if kind != "text" or args.publish:
            raise UsageError(say("cli.as_adjusted_text_only", args.lang))
        _write(args, kept_adjusted_text(store, meeting))
        return 0
    lang = args.lang if kind == "json" else _document_lang(args, _exported(meeting))
    if kind == "json":
        try:
            organ = store.organ(meeting.organ_id)
        except StoreError:
            organ = None
        text = export_json(meeting, organ)
    elif kind == "pdf":
        from protokoll.store.pdf import render_pdf  # fpdf2 loads only when a PDF is made

        _write_pdf(args, lambda: render_pdf(meeting, lang=lang, publish=args.publish))
        return 0
    elif kind == "md":
        text = render_markdown(meeting, lang=lang, publish=args.publish)
    else:
        text = render_text(meeting, width=args.width, lang=lang, publish=args.publish)
    _write(args, text)
    return 0


def _write_pdf(args: argparse.Namespace, make: Callable[[], bytes]) -> None:
    """A PDF (the protocol, an extract) goes to a file (-o), or with `-o -` to a
    pipe, never to a terminal: refused before it is made, written like every
    export."""
    to_pipe = args.output == "-" and not sys.stdout.isatty()
    if not args.output or (args.output == "-" and not to_pipe):
        raise UsageError(say("cli.pdf_needs_output", args.lang))
    data = make()
    if to_pipe:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    written = write_export(Path(args.output), data, force=args.force)
    emit(say("cli.exported", args.lang, path=written), err=True)


def cmd_import(args: argparse.Namespace) -> int:
    try:
        store: Store | None = open_store(args, create=not (args.dry_run or args.explain))
    except StoreError as exc:
        if not (args.dry_run or args.explain) or exc.key != "no_store":
            raise
        store = None  # a dry run into a store not made yet: nothing to compare with
    failed = 0
    rows = []
    for name in args.files:
        path = Path(name)
        try:
            rows.append(_import_one(args, store, path))
        except StoreError as exc:
            said = exc.text(args.lang)
            emit(say("cli.error", args.lang, message=said), err=True)
            rows.append({"file": str(path), "error": said})
            failed += 1
    if args.json:
        emit_json(rows)
    elif len(args.files) > 1:
        # Last, after the files' own lines: one refused among many had read as
        # "nothing was imported", though the others were (trials 6 and 9).
        existing = sum(1 for r in rows if r.get("existing"))
        n = len(args.files)
        done = n - failed - existing
        key = "import_summary_dry" if args.dry_run or args.explain else "import_summary"
        parts = [say(f"cli.{key}", args.lang, done=done, n=n)]
        if existing:
            parts.append(say("cli.import_summary_existing", args.lang, n=existing))
        if failed:
            parts.append(say("cli.import_summary_failed", args.lang, n=failed))
        emit("; ".join(parts), err=True)
    return 1 if failed else 0


def _limits(args: argparse.Namespace) -> Limits:
    given = {
        "size": args.max_size * 1024 * 1024 if args.max_size else None,
        "line": args.max_line,
        "depth": args.max_depth,
    }
    return Limits(**{k: v for k, v in given.items() if v})


def _import_one(args: argparse.Namespace, store: Store | None, path: Path) -> dict:
    """Import one file (or say what it would import); returns its facts for --json."""
    limits = _limits(args)
    data = read_source(path, limits)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        document = parse_document(path, data, limits)
        if args.dry_run or args.explain or store is None:
            meeting, _organ = read_document(path, document)
            if not args.json:
                emit(_would_create(args, meeting), one_line=True)
            return _import_facts(path, meeting, False, [])
        done = import_document(store, path, document)
        notes = [note.text(args.lang) for note in done.replaced]
        for note in notes:
            _warn(args, note)
        if not args.json:
            emit(done.id)
            return {}
        return {**_import_facts(path, store.load(done.id), True, notes), "id": done.id}
    if args.explain:
        from protokoll.store.importer.explain import explain

        meeting, report = read_protocol(data, path, args.organ or "")
        for line in explain(meeting, report, str(path), args.lang):
            emit(line)
        return _import_facts(path, meeting, False, [])
    if store is None:
        result = Imported(*read_protocol(data, path, args.organ or ""), created=False)
    else:
        result = import_protocol(store, path, data, dry_run=args.dry_run, organ=args.organ or "")
    if result.existing:
        if result.same:  # another file of that meeting: said why it is the same
            said = say("cli.warning", args.lang, message=result.same_text(path, args.lang))
        else:
            said = say("cli.already_imported", args.lang, path=path, id=result.existing)
        emit(said, err=True)
        return {"file": str(path), "id": result.existing, "created": False, "existing": True}
    warnings = result.report.lines(str(path), args.lang)
    for line in warnings:
        _warn(args, line)
    if not args.json:
        emit(
            result.meeting.id if result.created else _would_create(args, result.meeting),
            one_line=True,
        )
    return _import_facts(path, result.meeting, result.created, warnings)


def _import_facts(path: Path, m: Meeting, created: bool, warnings: list[str]) -> dict:
    """What `import --json` says of one file: the facts the text line gives."""
    numbers = m.numbers()
    return {
        "file": str(path),
        "id": m.id,
        "created": created,
        "existing": False,
        "organ": m.organ,
        "organisation": m.organisation,
        "date": m.date,
        "period": m.period,
        "first": min(numbers) if numbers else None,
        "last": max(numbers) if numbers else None,
        "items": len(m.paragraphs),
        "present": sum(a.present for a in m.attendees),
        "decisions": sum(len(p.decisions) for p in m.paragraphs),
        "status": m.status,
        "warnings": warnings,
    }


def _would_create(args: argparse.Namespace, m: Meeting) -> str:
    """One line of what a dry run would import."""
    present = sum(a.present for a in m.attendees)
    decisions = sum(len(p.decisions) for p in m.paragraphs)
    w = words(args.lang)
    parts = [
        w("would_create", id=m.id),
        organ_shown(m.organ, m.organisation, args.lang),
        m.period or m.date,
        items_of(m, args.lang),
        w("present", n=present),
        w("decisions", n=decisions),
        _status(args, m.status),
    ]
    return ": ".join(parts[:2]) + ", " + ", ".join(parts[2:])


def cmd_tasks(args: argparse.Namespace) -> int:
    store = open_store(args)
    scope = scope_for(store, args.organ, args.year)
    rows = _bounded(args, task_rows(store, open_only=args.open, scope=scope))
    if _rows_out(args, rows):
        return 0
    lab = labels(args.lang)  # the protocol's own words for these
    for r in rows:
        # `[?]`: an imported protocol's task followed up nowhere; its source
        # does not say whether it was done (a trial read years-old ones as open).
        state = f"[{lab['done']}]" if r.done else "[?]" if r.unknown else "[ ]"
        due = f" ({lab['due'].format(date=r.due)})" if r.due else ""
        followed = f"; {lab['followups'].lower()} {r.followed_up}" if r.followed_up else ""
        organ = organ_shown(r.organ, "", args.lang)
        emit(
            f"{state} {r.owner or '–'}: {r.text}{due}  — {r.date} {organ} "
            f"{where(r.paragraph, r.mark)} {r.title}".rstrip()
            + followed,
            one_line=True,
        )
    return 0


def cmd_decisions(args: argparse.Namespace) -> int:
    store = open_store(args)
    rows = _bounded(args, decision_rows(store, scope_for(store, args.organ, args.year)))
    if _rows_out(args, rows):
        return 0
    for r in rows:
        # A title of its own full stop ("Mötets behörighet.") took the colon
        # after it; an unnumbered § left a gap where its number would be.
        head = " ".join(x for x in (where(r.paragraph, r.mark), r.title.rstrip(" .:")) if x)
        organ = organ_shown(r.organ, "", args.lang)
        emit(f"{r.date}  {organ}  {head}: {r.text}", one_line=True)
    return 0


def _marked(snippet: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The snippet safe to print (one line), its hits in bold on a terminal.

    Each piece is made safe by itself: the spans count the snippet as stored."""
    if not sys.stdout.isatty():
        return safe_line(snippet)
    out, at = [], 0
    for start, end in spans:
        out += [safe_line(snippet[at:start]), "\x1b[1m", safe_line(snippet[start:end]), "\x1b[22m"]
        at = end
    return "".join(out) + safe_line(snippet[at:])


def cmd_search(args: argparse.Namespace) -> int:
    """Exit like grep: 0 with hits, 1 with none, 2 when something could not be searched
    (an error raised here is made 2 by `main`)."""
    store = open_store(args)
    as_json = args.json or args.jsonl
    limit = args.limit if args.limit is not None else (None if as_json else TEXT_LIMIT)
    query = " ".join(args.query)
    with search_streamed(store, query, fold=args.fold, limit=limit or None) as (total, hits):
        shown = _print_hits(args, _counted(hits))
    if not shown:
        emit(say("cli.no_hits", args.lang), err=True)
    elif total > shown:
        emit(say("cli.hits_shown", args.lang, shown=shown, total=total), err=True)
    if store.problems:
        return 2  # files left unread (warned above): "no hits" would not be the truth
    # Like grep: scripts can tell "nothing found" from a hit.
    return 0 if shown else 1


class _counted:
    """An iterator that counts what was taken from it."""

    def __init__(self, rows: Iterator) -> None:
        self.rows, self.n = rows, 0

    def __iter__(self) -> _counted:
        return self

    def __next__(self) -> object:
        row = next(self.rows)
        self.n += 1
        return row


def _print_hits(args: argparse.Namespace, hits: _counted) -> int:
    """Print the hits as they are read; returns how many there were."""
    if args.json or args.jsonl:
        out = (
            {
                "meeting": h.meeting,
                "organ": h.organ,
                "organisation": h.organisation,
                "date": h.date,
                "paragraph": h.paragraph,
                "position": h.position,
                "title": h.title,
                "snippet": h.snippet,
                "hits": [list(span) for span in h.spans],
            }
            for h in hits
        )
        emit_json_rows(out, lines=args.jsonl)
        return hits.n
    for h in hits:
        organ = organ_shown(h.organ, h.organisation, args.lang)  # as `list` names it
        head = f"{h.meeting}  {h.date}  {organ}  {h.where} {h.title}".replace("   ", "  ")
        emit(head, one_line=True)
        # Not through emit: _marked made the snippet safe and adds its own bold.
        print(f"    {_marked(h.snippet, h.spans)}")
    return hits.n


def cmd_adjust(args: argparse.Namespace) -> int:
    store = one_meeting(args)
    day = parse_date(args.date)
    posted = parse_date(args.posted) if args.posted else None  # checked before anything is written
    today = dt.date.today()
    if posted is not None and posted > today:  # refused before the adjustment is made
        meeting = store.resolve(args.meeting)
        raise StoreError("posted_in_future", meeting=meeting, date=posted, today=today)
    signed = cli_sign.signature_files(args.signature)
    digest, warnings = adjust(store, args.meeting, day, args.by, args.lang, signed)
    if posted is not None:
        warnings += post(store, args.meeting, posted, lang=args.lang)
    for warning in warnings:
        _warn(args, warning)
    emit(f"sha256 {digest}")
    return 0


def cmd_post(args: argparse.Namespace) -> int:
    store = one_meeting(args)
    day = parse_date(args.date)
    record = post_immediate if args.immediate else post
    for warning in record(store, args.meeting, day, lang=args.lang, replace=args.replace):
        _warn(args, warning)
    meeting = store.resolve(args.meeting)
    emit(say("cli.did_post", args.lang, meeting=meeting, date=day.isoformat()))
    return 0


def cmd_correct(args: argparse.Namespace) -> int:
    store = one_meeting(args)
    done = correct(
        store,
        args.meeting,
        parse_date(args.date),
        args.text,
        why=args.why,
        by=args.by,
        paragraph=args.paragraph,
    )
    where = ""
    if done.paragraph is not None:
        where = say("cli.did_correct_where", args.lang, paragraph=done.paragraph)
    meeting = store.resolve(args.meeting)
    emit(say("cli.did_correct", args.lang, meeting=meeting, date=done.date, where=where))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    store = one_meeting(args)
    ok, stored, now = verify(store, args.meeting)
    diff, why = ([], None) if ok else changes(store, args.meeting, args.lang)
    meeting_id = store.resolve(args.meeting)
    signed = cli_sign.checked(store, meeting_id)
    if args.json:
        meeting = store.load(meeting_id)
        assert meeting.adjustment is not None  # verify refuses a meeting not adjusted
        signatures = cli_sign.as_json(signed)
        emit_json(
            {
                "meeting": meeting.id,
                "ok": ok,
                "adjusted": meeting.adjustment.date,
                "by": meeting.adjustment.by,
                "stored": stored,
                "now": now,
                "diff": diff if not why else None,
                "no_diff": say(f"cli.{why}", args.lang) if why else None,
                "signatures": signatures,
            }
        )
        return 0 if ok and all(s["result"] == "ok" for s in signatures) else 3
    held = cli_sync.history_holds(args, store, args.meeting)  # what the git history shows
    if not held and ok:
        return 3
    if ok:
        wrong = sum(c.result != "ok" for c in signed)
        # The kept copy (what a diff is made from) changed while the record did not.
        copy = adjusted_copy.path_of(store.path, meeting_id)
        copy_changed = copy.exists() and adjusted_copy.kept(store.path, meeting_id, stored) is None
        if not wrong and not copy_changed:
            emit(f"ok sha256 {stored}")
            return cli_sign.report(signed, args.lang)
        # Not "ok" first, then lines that say it is not (a trial).
        said = say("cli.verify_but", args.lang, sha=stored[:12])
        if wrong:
            said += " " + say("cli.verify_signatures_wrong", args.lang, n=wrong, of=len(signed))
        if copy_changed:
            said += " " + say("cli.verify_copy_changed", args.lang, path=copy)
        emit(say("cli.error", args.lang, message=said), err=True)
        cli_sign.report(signed, args.lang)
        return 3
    # What changed, the adjusted text against the text now (user text: through emit).
    for line in diff:
        emit(line)
    if why:
        _warn(args, say(f"cli.{why}", args.lang))
    changed = StoreError("changed", meeting=meeting_id, stored=stored[:12], now=now[:12])
    emit(say("cli.error", args.lang, message=changed.text(args.lang)), err=True)
    cli_sign.report(signed, args.lang)  # which signatures no longer hold
    return 3


def cmd_follow(args: argparse.Namespace) -> int:
    from .follow import run_follow  # Textual: only for the application and this

    path = Path(getattr(args, "store", None) or default_path())
    return run_follow(path, args.meeting, args.lang, publish=args.publish)


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import run_serve  # the web server's libraries: only for this
    from .serve_address import DEFAULT_ADDRESS

    path = Path(getattr(args, "store", None) or default_path())
    address = args.address or DEFAULT_ADDRESS
    return run_serve(path, args.meeting, address, args.lang, publish=args.publish)


def cmd_close(args: argparse.Namespace) -> int:
    store = one_meeting(args)
    session = cli_verbs.writable_session(store, args.meeting)
    try:
        # A reopened meeting closes again at the end it has (as the application
        # offers it); one never closed needs its end given.
        end = args.end or session.meeting.end
        if not end and not session.meeting.imported:  # an import's source may give none
            raise UsageError(say("cli.close_needs_end", args.lang))
        change = session.editor().do(verbs.close_meeting, end)
    finally:
        session.close()
    emit(f"{session.meeting.id}: {change.text(args.lang)}")
    m = session.meeting
    now = dt.datetime.now()
    if m.date == now.date().isoformat() and m.end > now.strftime("%H:%M"):
        # Closed at a time still to come: likely a slip (a trial typed 15.30 at 13.02).
        said = say(
            "cli.end_after_now",
            args.lang,
            end=format_time(m.end),
            now=format_time(now.strftime("%H:%M")),
        )
        _warn(args, said)
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    store = one_meeting(args)
    session = cli_verbs.writable_session(store, args.meeting)
    try:
        if session.read_only:
            # An adjusted meeting: the verb says why it is never reopened
            # (tried on a copy, so nothing can change here).
            verbs.reopen_meeting(copy.deepcopy(session.meeting))
        change = session.editor().do(verbs.reopen_meeting)
    finally:
        session.close()
    emit(f"{session.meeting.id}: {change.text(args.lang)}")
    return 0


def _organ_words(lang: str) -> dict[str, str]:
    """`organ show` and `organ edit`'s words: w["numbering"], w["year"] …"""
    return {
        key.removeprefix("organ_"): template(f"cli.{key}", lang)
        for key in area("cli")
        if key.startswith("organ_")
    }


def find_organ(store: Store, ref: str) -> Organ:
    """An organ by id, by its name, or by a unique beginning of its name or id."""
    ref = " ".join(ref.split())
    organs = store.organs()
    for o in organs:
        if o.id == ref:
            return o
    key = ref.casefold()
    exact = [o for o in organs if o.name.casefold() == key]
    matches = exact or [
        o for o in organs if key and (o.name.casefold().startswith(key) or o.id.startswith(ref))
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise StoreError("unknown_organ", organ=ref)
    found = ", ".join(f"{o.id} ({organ_title(o.name, o.organisation)})" for o in matches[:5])
    raise StoreError("ambiguous_organ", organ=ref, matches=found)


def _today() -> str:
    return dt.date.today().isoformat()


def cmd_organ(args: argparse.Namespace) -> int:
    store = open_store(args)
    w = words(args.lang)
    if args.organ_command == "list":
        today = _today()
        for o in store.organs():
            n = sum(in_term(p, today) for p in o.roster)
            profile = _profile_label(o.rules.profile, args.lang) or "–"
            emit(
                f"{o.id}  {organ_title(o.name, o.organisation)}  {profile}  "
                + w("organ_members", n=n)
            )
        if not store.organs():
            emit(w("no_organs"), err=True)
        return 0
    organ = find_organ(store, args.organ)
    if args.organ_command == "show":
        _show_organ(args, organ)
        return 0
    changes = verbs.change_organ(store, organ.id, *_organ_steps(args))
    for change in changes:
        emit(change.text(args.lang))
    return 0


def _profile_label(key: str, lang: str) -> str:
    """The organ kind as people call it ("Nämnd eller styrelse …"), not its key."""
    p = PROFILES.get(key)
    if p is None:
        return key  # a kind this version does not know: its name is all there is
    return p.label_en if lang == "en" else p.label


def _show_organ(args: argparse.Namespace, o: Organ) -> None:
    if args.roster:
        for p in o.roster:
            emit(format_person(p))
        return
    w = _organ_words(args.lang)
    r = o.rules
    profile = _profile_label(r.profile, args.lang) or w["none"]
    yes_no = {True: w["yes"], False: w["no"]}
    emit(f"{organ_title(o.name, o.organisation)}  ({o.id})")
    emit(f"{w['profile']}: {profile}")
    emit(f"{w['numbering']}: {w.get(o.numbering, o.numbering)}")
    if o.place:
        emit(f"{w['place']}: {o.place}")
    emit(
        f"{w['posts_notices']}: {yes_no[r.posts_notices]}; {w['quorum']}: {yes_no[r.quorum]}; "
        f"{w['chair_elected']}: {yes_no[r.chair_elected]}"
    )
    if r.archive:
        emit(f"{w['archive']}: {r.archive}")
    emit(f"{w['decision']}: {r.lead(o.name)} …")
    emit(f"{w['agenda']}:")
    for i, title in enumerate(o.agenda_template, 1):
        emit(f"  {i}. {title}")
    emit(f"{w['roster']}:")
    today = _today()
    for person in o.roster:
        gone = f"  {w['left']}" if person.until and not in_term(person, today) else ""
        emit(f"  {format_person(person)}{gone}")


def _read_text(name: str, lang: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise StoreError("unreadable_file", path=name, detail=say("cli.not_utf8", lang)) from None
    except OSError as exc:
        raise StoreError("unreadable_file", path=name, detail=os_error(exc, lang)) from None


def _organ_steps(args: argparse.Namespace) -> list:
    """The verbs `organ edit` asks for, in the order they make sense: settings, roster, people."""
    w = _organ_words(args.lang)
    if args.until is not None and not args.retire:
        raise UsageError(w["until_alone"])
    if args.retire and args.until is None:
        raise UsageError(w["retire_alone"])
    if args.since and not args.add_member:
        raise UsageError(w["since_alone"])
    steps: list = []
    settings = {
        key: value
        for key, value in (
            ("name", args.name),
            ("organisation", args.organisation),
            ("numbering", args.numbering),
            ("place", args.place),
            ("decision", args.decision),
            ("profile", {"none": ""}.get(args.profile, args.profile)),  # none: no profile
        )
        if value is not None
    }
    if args.agenda is not None:
        settings["agenda"] = _read_text(args.agenda, args.lang).splitlines()
    if settings:
        steps.append(functools.partial(verbs.edit_organ, **settings))
    if args.roster is not None:
        steps.append(functools.partial(verbs.set_roster, text=_read_text(args.roster, args.lang)))
    for name, line in args.edit_member:
        steps.append(functools.partial(verbs.edit_member, person=name, line=line))
    for line in args.add_member:
        steps.append(functools.partial(verbs.add_member, line=line, since=args.since))
    for name in args.retire:
        steps.append(functools.partial(verbs.retire_member, person=name, until=args.until))
    if not steps:
        raise UsageError(w["nothing"])
    return steps


COMMANDS = {
    "list": cmd_list,
    "show": cmd_show,
    "export": cmd_export,
    "extract": cmd_extract,
    "mask": cmd_mask,
    "check": cmd_check,
    "import": cmd_import,
    "adjust": cmd_adjust,
    "verify": cmd_verify,
    "follow": cmd_follow,
    "serve": cmd_serve,
    "post": cmd_post,
    "close": cmd_close,
    "reopen": cmd_reopen,
    "organ": cmd_organ,
    **{
        name: functools.partial(cli_verbs.command, open_store=one_meeting)
        for name in cli_verbs.NAMES
    },
    **{
        name: functools.partial(run, open_store=open_store)
        for name, run in cli_sync.COMMANDS.items()
    },
    "correct": cmd_correct,
    **{
        name: functools.partial(cli_sign.COMMANDS[name], open_store=one_meeting)
        for name in cli_sign.NAMES
    },
    "tasks": cmd_tasks,
    "decisions": cmd_decisions,
    "search": cmd_search,
    "completion": _on_first_use("protokoll.tui.completion", "cmd_completion"),
    "manual": _on_first_use("protokoll.tui.manual", "cmd_manual"),
}


def os_error(exc: OSError, lang: str) -> str:
    """What the system said, in `lang` for the usual cases (`os_detail`)."""
    detail = os_detail(exc)
    return detail if isinstance(detail, str) else (detail.en if lang == "en" else detail.sv)


# An error's exit status where 1 means something else: `search` says "no hits" with 1.
ERROR_STATUS = {"search": 2}


@functools.lru_cache(maxsize=4)
def _parser(lang: str, store: str) -> Parser:
    """`build_parser(lang)`, made once a process for each language and default
    store its help names: parsing leaves a parser as it was, and a process that
    runs several commands (the tests, a script importing `main`) paid 26 ms a
    command to make it again."""
    return build_parser(lang)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # Chosen before parsing, so that --help and a usage error speak it too.
    lang = chosen_lang(argv, os.environ)
    failed = 1
    args: argparse.Namespace | None = None
    try:
        with argparse_words(lang):
            parser = _parser(lang, str(default_path()))
            if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions (tui/completion.py)
                from .completion import complete

                complete(parser)
            args = parser.parse_args(argv)
        failed = ERROR_STATUS.get(args.command, 1)
        args.lang = lang = getattr(args, "lang", lang)
        if args.command is None:
            from .app import run_app

            return run_app(Path(getattr(args, "store", None) or default_path()), lang)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        emit(say("cli.error", lang, message=exc), err=True)
        return 2
    except StoreError as exc:
        exc = held(exc)  # a meeting open in another program, in a command's words
        emit(say("cli.error", lang, message=exc.text(lang)), err=True)
        if getattr(args, "json", False):
            # A script reading stdout gets the error as JSON too, not nothing (a trial's `| jq`).
            emit_json({"error": exc.text(lang), "key": exc.key})
        return failed
    except BrokenPipeError:
        # `protokoll show X | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        emit(say("cli.error", lang, message=name + os_error(exc, lang)), err=True)
        return failed
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        said = f"{type(exc).__name__}: {exc}"
        emit(say("cli.internal_error", lang, message=said), err=True)
        return 70


if __name__ == "__main__":
    sys.exit(main())
