"""The `protokoll` command: the application, or a subcommand for scripts.

Errors are one line on stderr and a non-zero exit, never a traceback.
Textual is imported only when the application is opened, so the subcommands
start fast.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from store import Organ, Store, StoreError, default_path, parse_date, verbs
from store.adjust import adjust, correct, post, verify
from store.checks import date_lines, problems
from store.exchange import export_json, import_document, read_document
from store.extract import render_extract
from store.importer import Imported, import_protocol, read_protocol
from store.labels import labels, organ_title
from store.model import Meeting
from store.numbering import span
from store.profiles import PROFILES
from store.registers import decisions, tasks
from store.render import render_markdown, render_text
from store.roster import format_person, in_term
from store.search import search_counted
from store.storage import atomic_write, parse_json

from . import cli_verbs

STATUS_WORDS = {
    "sv": {"draft": "utkast", "open": "pågår", "closed": "stängt", "adjusted": "justerat"},
    "en": {"draft": "draft", "open": "open", "closed": "closed", "adjusted": "adjusted"},
}


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see protokoll --help)")


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"width must be a whole number, not {text!r}") from None
    if not 30 <= value <= 500:
        raise argparse.ArgumentTypeError("width must be between 30 and 500")
    return value


TEXT_LIMIT = 50  # hits printed as text unless asked for more


def _limit(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"limit must be a whole number, not {text!r}")
    return int(text)


def build_parser() -> Parser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"the store directory (default: ${'{'}PROTOKOLL_STORE{'}'} or {default_path()})",
    )
    common.add_argument(
        "--lang",
        choices=("sv", "en"),
        default=argparse.SUPPRESS,
        help="language of the protocol and the messages (default sv)",
    )
    parser = Parser(
        prog="protokoll",
        parents=[common],
        description="Take the minutes of a meeting; without a command, open the application.",
    )
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    p = sub.add_parser("list", parents=[common], help="meetings, newest first")
    p.add_argument("--json", action="store_true", help="as a JSON array")

    p = sub.add_parser("show", parents=[common], help="a protocol as text on stdout")
    p.add_argument("meeting", help="an id or a unique prefix of one")
    p.add_argument("--width", type=_width, default=72)
    p.add_argument(
        "--publish", action="store_true", help="the publication copy: masked §s by number only"
    )

    p = sub.add_parser("export", parents=[common], help="a protocol as text, Markdown or JSON")
    p.add_argument("meeting", help="an id or a unique prefix of one")
    p.add_argument("--format", choices=("text", "md", "json"), default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--width", type=_width, default=72)
    p.add_argument(
        "--publish", action="store_true", help="the publication copy: masked §s by number only"
    )

    p = sub.add_parser(
        "extract", parents=[common], help="a protokollsutdrag of chosen §s, to be certified"
    )
    p.add_argument("meeting", help="an id or a unique prefix of one")
    p.add_argument("paragraphs", nargs="+", metavar="§", help="§ numbers: 12, §12, 12-14")
    p.add_argument(
        "--immediate", action="store_true", help="the § adjusted at once, with its signatures"
    )
    p.add_argument("--format", choices=("text", "md"), default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--width", type=_width, default=72)

    p = sub.add_parser("mask", parents=[common], help="mask a § in the publication copy")
    p.add_argument("meeting", help="an id or a unique prefix of one")
    p.add_argument("paragraph", metavar="§", help="the § number")
    p.add_argument("reason", nargs="?", default="", help='why, e.g. "sekretess"')
    p.add_argument("--clear", action="store_true", help="show the § again")

    p = sub.add_parser(
        "check", parents=[common], help="the legal checks of a protocol, and its dates"
    )
    p.add_argument("meeting", help="an id or a unique prefix of one")

    p = sub.add_parser("adjust", parents=[common], help="record that a protocol was adjusted")
    p.add_argument("meeting", help="an id or a unique prefix of one")
    p.add_argument("--date", required=True, help="the day it was adjusted, e.g. 2021-04-20")
    p.add_argument(
        "--by",
        nargs="+",
        default=[],
        metavar="NAME",
        help="who adjusted it (default: the chair and the adjusters)",
    )

    p.add_argument("--posted", metavar="DATE", help="the day it was posted (anslag), if known")

    p = sub.add_parser("close", parents=[common], help="close a meeting: it ended at --end")
    p.add_argument("meeting", help="an id or a unique prefix of one")
    p.add_argument("--end", required=True, metavar="HH:MM", help="when the meeting ended")

    p = sub.add_parser(
        "reopen", parents=[common], help="reopen a closed meeting for corrections before adjustment"
    )
    p.add_argument("meeting", help="an id or a unique prefix of one")

    _organ_parsers(sub, common)
    cli_verbs.add_parsers(sub, common)

    p = sub.add_parser("post", parents=[common], help="record when an adjustment was posted")
    p.add_argument("meeting", help="an id or a unique prefix of one")
    p.add_argument("--date", required=True, help="the day of the anslag")

    p = sub.add_parser(
        "correct",
        parents=[common],
        help="add a dated correction (rättelse) to an adjusted protocol",
    )
    p.add_argument("meeting", help="an id or a unique prefix of one")
    p.add_argument("--date", required=True, help="the day of the correction")
    p.add_argument("--text", required=True, help="what is corrected, and how")
    p.add_argument("--why", default="", help="why it is corrected")
    p.add_argument("--by", default="", metavar="NAME", help="who made the correction")
    p.add_argument("--paragraph", type=int, metavar="N", help="the § it concerns")

    p = sub.add_parser(
        "verify", parents=[common], help="check an adjusted protocol against its stored SHA-256"
    )
    p.add_argument("meeting", help="an id or a unique prefix of one")

    p = sub.add_parser("tasks", parents=[common], help="every task, with the § it came from")
    p.add_argument("--open", action="store_true", help="only tasks not done")
    p.add_argument("--json", action="store_true", help="as a JSON array")

    p = sub.add_parser("decisions", parents=[common], help="the decision register")
    p.add_argument("--organ", metavar="NAME", help="one organ, by name")
    p.add_argument("--year", type=int, metavar="YYYY")
    p.add_argument("--json", action="store_true", help="as a JSON array")

    p = sub.add_parser("search", parents=[common], help="search every meeting")
    p.add_argument("query", nargs="+", help='words (beginnings of words), or "a phrase"')
    p.add_argument("--fold", action="store_true", help="let a match å and ä, o match ö")
    p.add_argument(
        "--limit",
        type=_limit,
        metavar="N",
        help=f"at most N hits, newest first (default: {TEXT_LIMIT} as text, all as JSON; 0: all)",
    )
    p.add_argument("--json", action="store_true", help="as a JSON array")

    p = sub.add_parser(
        "import",
        parents=[common],
        help="protocols as plain text or Markdown, or meetings exported as JSON",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be created; write nothing"
    )
    return parser


def _organ_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`protokoll organ list|show|edit`."""
    p = sub.add_parser("organ", parents=[common], help="organs and their rosters: list, show, edit")
    organ = p.add_subparsers(dest="organ_command", parser_class=Parser, required=True)
    organ.add_parser("list", parents=[common], help="every organ, with its members in term")
    p = organ.add_parser("show", parents=[common], help="an organ's settings and roster")
    p.add_argument("organ", help="an id or a unique beginning of its name")
    p.add_argument(
        "--roster", action="store_true", help="only the roster, as lines `edit --roster` reads"
    )
    p = organ.add_parser(
        "edit", parents=[common], help="change an organ's settings or roster (all or nothing)"
    )
    p.add_argument("organ", help="an id or a unique beginning of its name")
    p.add_argument("--name", metavar="N", help="the organ's name")
    p.add_argument("--organisation", metavar="O", help="the organisation it belongs to")
    p.add_argument(
        "--profile",
        choices=[*PROFILES, "none"],
        help="settings, standing agenda and numbering from a profile (none: keep them)",
    )
    p.add_argument("--numbering", choices=("year", "meeting", "never"), help="how §s are numbered")
    p.add_argument("--place", metavar="P", help="where it meets (the next meeting's default)")
    p.add_argument("--agenda", metavar="FILE", help="the standing agenda, one item a line")
    p.add_argument(
        "--roster",
        metavar="FILE",
        help="the whole roster, one person a line (- for stdin); known names keep their ids",
    )
    p.add_argument(
        "--add-member",
        action="append",
        default=[],
        metavar="LINE",
        help='a new member: "Lena Forsberg (S), Åby kommun, ordförande"',
    )
    p.add_argument("--since", metavar="DATE", default="", help="the new members' first day")
    p.add_argument(
        "--edit-member",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "LINE"),
        help="rewrite a member as a roster line (spelling, party, title); the id stays",
    )
    p.add_argument(
        "--retire", action="append", default=[], metavar="NAME", help="a member who leaves"
    )
    p.add_argument("--until", metavar="DATE", help="the retiring members' last day")


def open_store(args: argparse.Namespace, create: bool = False) -> Store:
    """Commands that only read do not make a store where a typo pointed."""
    path = Path(getattr(args, "store", None) or default_path())
    store = Store(path, create=create)
    for problem in store.problems:
        print(f"protokoll: warning: {problem.text(args.lang)}", file=sys.stderr)
    return store


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    rows = store.summaries()
    if args.json:
        out = [
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
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    words = STATUS_WORDS[args.lang]
    for s in rows:
        print(
            f"{s.id}  {s.period or s.date}  {organ_title(s.organ, s.organisation)}  {s.kind}  "
            f"{span(s.first, s.last)}  "
            f"{words.get(s.status, s.status)}".replace("    ", "  ")
        )
    if not rows:
        print("inga möten" if args.lang == "sv" else "no meetings", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    store = open_store(args)
    meeting = store.load(store.resolve(args.meeting))
    sys.stdout.write(render_text(meeting, width=args.width, lang=args.lang, publish=args.publish))
    return 0


def paragraph_numbers(words: Sequence[str]) -> list[int]:
    """`12`, `§12`, `§ 12`, `12-14`, `12,14`: the § numbers named, in order."""
    text = " ".join(words).replace("§", " ").replace("–", "-").replace(",", " ")
    numbers: list[int] = []
    for word in text.split():
        first, _, last = word.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise UsageError(f"not a § number: {word}")
        a, b = int(first), int(last or first)
        if b < a:
            raise UsageError(f"not a § range: {word}")
        numbers += [n for n in range(a, b + 1) if n not in numbers]
    if not numbers:
        raise UsageError("name at least one §")
    return numbers


def _write(args: argparse.Namespace, text: str) -> None:
    if args.output:
        atomic_write(Path(args.output), text.encode("utf-8"))
    else:
        sys.stdout.write(text)


def cmd_extract(args: argparse.Namespace) -> int:
    store = open_store(args)
    meeting = store.load(store.resolve(args.meeting))
    text = render_extract(
        meeting,
        paragraph_numbers(args.paragraphs),
        width=args.width,
        lang=args.lang,
        immediate=args.immediate,
        markdown=args.format == "md",
    )
    _write(args, text)
    return 0


def cmd_mask(args: argparse.Namespace) -> int:
    numbers = paragraph_numbers([args.paragraph])
    if len(numbers) != 1:
        raise UsageError(f"one § at a time: {args.paragraph}")
    number = numbers[0]
    if not args.clear and not args.reason.strip():
        raise UsageError('give the reason, e.g. "sekretess", or --clear')
    store = open_store(args)
    session = store.open(args.meeting)
    try:
        session.set_masked(number, "" if args.clear else args.reason)
    finally:
        session.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    store = open_store(args)
    meeting = store.load(store.resolve(args.meeting))
    for line in date_lines(meeting, args.lang):
        print(line)
    found = problems(meeting)
    for problem in found:
        mark = {"sv": "fel: ", "en": "wrong: "}[args.lang] if problem.serious else ""
        print(mark + problem.text(args.lang))
    return 3 if any(x.serious for x in found) else 0


def cmd_export(args: argparse.Namespace) -> int:
    store = open_store(args)
    meeting = store.load(store.resolve(args.meeting))
    if args.format == "json":
        try:
            organ = store.organ(meeting.organ_id)
        except StoreError:
            organ = None
        text = export_json(meeting, organ)
    elif args.format == "md":
        text = render_markdown(meeting, lang=args.lang, publish=args.publish)
    else:
        text = render_text(meeting, width=args.width, lang=args.lang, publish=args.publish)
    _write(args, text)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        store: Store | None = open_store(args, create=not args.dry_run)
    except StoreError as exc:
        if not args.dry_run or exc.key != "no_store":
            raise
        store = None  # a dry run into a store not made yet: nothing to compare with
    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            _import_one(args, store, path)
        except StoreError as exc:
            print(f"protokoll: error: {exc.text(args.lang)}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def _import_one(args: argparse.Namespace, store: Store | None, path: Path) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError("unreadable", path=path, detail=exc.strerror or str(exc)) from None
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        document = parse_json(path, data)
        if args.dry_run or store is None:
            meeting, _organ = read_document(path, document)
            print(_would_create(args, meeting))
        else:
            print(import_document(store, path, document))
        return
    if store is None:
        result = Imported(*read_protocol(data, path), created=False)
    else:
        result = import_protocol(store, path, data, dry_run=args.dry_run)
    if result.existing:
        said = (
            "finns redan i arkivet som {id}; inget importerades"
            if args.lang == "sv"
            else "already in the store as {id}; nothing was imported"
        )
        print(f"protokoll: {path}: {said.format(id=result.existing)}", file=sys.stderr)
        return
    for line in result.report.lines(str(path), args.lang):
        print(f"protokoll: warning: {line}", file=sys.stderr)
    print(result.meeting.id if result.created else _would_create(args, result.meeting))


def _would_create(args: argparse.Namespace, m: Meeting) -> str:
    """One line of what a dry run would import."""
    numbers = m.numbers()
    present = sum(a.present for a in m.attendees)
    decisions = sum(len(p.decisions) for p in m.paragraphs)
    sv = args.lang == "sv"
    parts = [
        ("skulle skapa " if sv else "would create ") + m.id,
        organ_title(m.organ, m.organisation),
        m.period or m.date,
        span(min(numbers), max(numbers)) if numbers else f"{len(m.paragraphs)} punkter",
        f"{present} närvarande" if sv else f"{present} present",
        f"{decisions} beslut" if sv else f"{decisions} decisions",
        STATUS_WORDS[args.lang].get(m.status, m.status),
    ]
    return ": ".join(parts[:2]) + ", " + ", ".join(parts[2:])


def _all_meetings(store: Store) -> list:
    return [store.load(s.id) for s in store.summaries()]


def _where(number: int | None) -> str:
    return f"§ {number}" if number is not None else ""


def cmd_tasks(args: argparse.Namespace) -> int:
    rows = tasks(_all_meetings(open_store(args)), open_only=args.open)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    lab = labels(args.lang)  # the protocol's own words for these
    for r in rows:
        state = f"[{lab['done']}]" if r.done else "[ ]"
        due = f" ({lab['due'].format(date=r.due)})" if r.due else ""
        followed = f"; {lab['followups'].lower()} {r.followed_up}" if r.followed_up else ""
        print(
            f"{state} {r.owner or '–'}: {r.text}{due}  — {r.date} {r.organ} "
            f"{_where(r.paragraph)} {r.title}".rstrip()
            + followed
        )
    return 0


def cmd_decisions(args: argparse.Namespace) -> int:
    rows = decisions(_all_meetings(open_store(args)), organ=args.organ, year=args.year)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(f"{r.date}  {r.organ}  {_where(r.paragraph)} {r.title}: {r.text}")
    return 0


def _marked(snippet: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The snippet with its hits in bold, on a terminal; as it is otherwise."""
    if not sys.stdout.isatty():
        return snippet
    out, at = [], 0
    for start, end in spans:
        out += [snippet[at:start], "\x1b[1m", snippet[start:end], "\x1b[22m"]
        at = end
    return "".join(out) + snippet[at:]


def cmd_search(args: argparse.Namespace) -> int:
    store = open_store(args)
    limit = args.limit if args.limit is not None else (None if args.json else TEXT_LIMIT)
    hits, total = search_counted(store, " ".join(args.query), fold=args.fold, limit=limit or None)
    if args.json:
        out = [
            {
                "meeting": h.meeting,
                "organ": h.organ,
                "date": h.date,
                "paragraph": h.paragraph,
                "position": h.position,
                "title": h.title,
                "snippet": h.snippet,
                "hits": [list(span) for span in h.spans],
            }
            for h in hits
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for h in hits:
            print(f"{h.meeting}  {h.date}  {h.organ}  {h.where} {h.title}".replace("   ", "  "))
            print(f"    {_marked(_printable(h.snippet), h.spans)}")
    if not hits:
        print("inga träffar" if args.lang == "sv" else "no hits", file=sys.stderr)
    elif total > len(hits):
        note = (
            f"{len(hits)} av {total} träffar visas, de nyaste; --limit 0 visar alla"
            if args.lang == "sv"
            else f"{len(hits)} of {total} hits shown, the newest; --limit 0 shows all"
        )
        print(note, file=sys.stderr)
    # Like grep: scripts can tell "nothing found" from a hit.
    return 0 if hits else 1


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


def cmd_adjust(args: argparse.Namespace) -> int:
    store = open_store(args)
    day = parse_date(args.date)
    posted = parse_date(args.posted) if args.posted else None  # checked before anything is written
    digest, warnings = adjust(store, args.meeting, day, args.by)
    if posted is not None:
        warnings += post(store, args.meeting, posted)
    for warning in warnings:
        print(f"protokoll: warning: {warning}", file=sys.stderr)
    print(f"sha256 {digest}")
    return 0


def cmd_post(args: argparse.Namespace) -> int:
    store = open_store(args)
    for warning in post(store, args.meeting, parse_date(args.date)):
        print(f"protokoll: warning: {warning}", file=sys.stderr)
    return 0


def cmd_correct(args: argparse.Namespace) -> int:
    store = open_store(args)
    correct(
        store,
        args.meeting,
        parse_date(args.date),
        args.text,
        why=args.why,
        by=args.by,
        paragraph=args.paragraph,
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    store = open_store(args)
    ok, stored, now = verify(store, args.meeting)
    if ok:
        print(f"ok sha256 {stored}")
        return 0
    changed = StoreError(
        "changed", meeting=store.resolve(args.meeting), stored=stored[:12], now=now[:12]
    )
    print(f"protokoll: error: {changed.text(args.lang)}", file=sys.stderr)
    return 3


def cmd_close(args: argparse.Namespace) -> int:
    store = open_store(args)
    session = cli_verbs.writable_session(store, args.meeting)
    try:
        change = session.editor().do(verbs.close_meeting, args.end)
    finally:
        session.close()
    print(f"{session.meeting.id}: {change.text(args.lang)}")
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    store = open_store(args)
    session = cli_verbs.writable_session(store, args.meeting)
    try:
        if session.read_only:
            # An adjusted meeting: the verb says why it is never reopened
            # (tried on a copy, so nothing can change here).
            verbs.reopen_meeting(copy.deepcopy(session.meeting))
        change = session.editor().do(verbs.reopen_meeting)
    finally:
        session.close()
    print(change.text(args.lang))
    return 0


ORGAN_WORDS = {
    "sv": {
        "members": "{n} i ledamotslistan",
        "profile": "Mall",
        "none": "ingen",
        "numbering": "Numrering",
        "year": "per kalenderår",
        "meeting": "per möte",
        "never": "löpande",
        "place": "Plats",
        "posts_notices": "Anslag",
        "quorum": "Beslutförhet",
        "chair_elected": "Mötesordförande väljs",
        "archive": "Förvaringsplats",
        "decision": "Beslut",
        "agenda": "Dagordning",
        "roster": "Ledamotslista",
        "yes": "ja",
        "no": "nej",
        "left": "(har slutat)",
        "nothing": "inget att ändra; se protokoll organ edit --help",
        "until_alone": "--until hör till --retire",
        "retire_alone": "--retire behöver --until DATUM",
        "since_alone": "--since hör till --add-member",
    },
    "en": {
        "members": "{n} on the roster",
        "profile": "Profile",
        "none": "none",
        "numbering": "Numbering",
        "year": "per calendar year",
        "meeting": "per meeting",
        "never": "running",
        "place": "Place",
        "posts_notices": "Notice (anslag)",
        "quorum": "Quorum",
        "chair_elected": "Chair elected",
        "archive": "Archive",
        "decision": "Decision",
        "agenda": "Agenda",
        "roster": "Roster",
        "yes": "yes",
        "no": "no",
        "left": "(has left)",
        "nothing": "nothing to change; see protokoll organ edit --help",
        "until_alone": "--until goes with --retire",
        "retire_alone": "--retire needs --until DATE",
        "since_alone": "--since goes with --add-member",
    },
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
    words = ORGAN_WORDS[args.lang]
    if args.organ_command == "list":
        today = _today()
        for o in store.organs():
            n = sum(in_term(p, today) for p in o.roster)
            profile = o.rules.profile or "–"
            print(
                f"{o.id}  {organ_title(o.name, o.organisation)}  {profile}  "
                + words["members"].format(n=n)
            )
        if not store.organs():
            print("inga organ" if args.lang == "sv" else "no organs", file=sys.stderr)
        return 0
    organ = find_organ(store, args.organ)
    if args.organ_command == "show":
        _show_organ(args, organ)
        return 0
    changes = verbs.change_organ(store, organ.id, *_organ_steps(args))
    for change in changes:
        print(change.text(args.lang))
    return 0


def _show_organ(args: argparse.Namespace, o: Organ) -> None:
    if args.roster:
        for p in o.roster:
            print(format_person(p))
        return
    w = ORGAN_WORDS[args.lang]
    r = o.rules
    p = PROFILES.get(r.profile)
    profile = (p.label if args.lang == "sv" else p.label_en) if p else (r.profile or w["none"])
    yes_no = {True: w["yes"], False: w["no"]}
    print(f"{organ_title(o.name, o.organisation)}  ({o.id})")
    print(f"{w['profile']}: {profile}")
    print(f"{w['numbering']}: {w.get(o.numbering, o.numbering)}")
    if o.place:
        print(f"{w['place']}: {o.place}")
    print(
        f"{w['posts_notices']}: {yes_no[r.posts_notices]}; {w['quorum']}: {yes_no[r.quorum]}; "
        f"{w['chair_elected']}: {yes_no[r.chair_elected]}"
    )
    if r.archive:
        print(f"{w['archive']}: {r.archive}")
    print(f"{w['decision']}: {r.decision.format(organ=o.name)} …")
    print(f"{w['agenda']}:")
    for i, title in enumerate(o.agenda_template, 1):
        print(f"  {i}. {title}")
    print(f"{w['roster']}:")
    today = _today()
    for person in o.roster:
        gone = f"  {w['left']}" if person.until and not in_term(person, today) else ""
        print(f"  {format_person(person)}{gone}")


def _read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise StoreError("unreadable_file", path=name, detail="not UTF-8 text") from None
    except OSError as exc:
        raise StoreError("unreadable_file", path=name, detail=exc.strerror or str(exc)) from None


def _organ_steps(args: argparse.Namespace) -> list:
    """The verbs `organ edit` asks for, in the order they make sense: settings, roster, people."""
    w = ORGAN_WORDS[args.lang]
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
            ("profile", {"none": ""}.get(args.profile, args.profile)),  # none: no profile
        )
        if value is not None
    }
    if args.agenda is not None:
        settings["agenda"] = _read_text(args.agenda).splitlines()
    if settings:
        steps.append(functools.partial(verbs.edit_organ, **settings))
    if args.roster is not None:
        steps.append(functools.partial(verbs.set_roster, text=_read_text(args.roster)))
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
    "post": cmd_post,
    "close": cmd_close,
    "reopen": cmd_reopen,
    "organ": cmd_organ,
    **{
        name: functools.partial(cli_verbs.command, open_store=open_store)
        for name in cli_verbs.NAMES
    },
    "correct": cmd_correct,
    "tasks": cmd_tasks,
    "decisions": cmd_decisions,
    "search": cmd_search,
}


def main(argv: Sequence[str] | None = None) -> int:
    lang = "sv"
    try:
        args = build_parser().parse_args(argv)
        args.lang = lang = getattr(args, "lang", "sv")
        if args.command is None:
            from .app import run_app

            return run_app(Path(getattr(args, "store", None) or default_path()), lang)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"protokoll: error: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"protokoll: error: {exc.text(lang)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `protokoll show X | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"protokoll: error: {name}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        print(f"protokoll: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
