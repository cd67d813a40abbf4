"""Sharing the store on the command line: `protokoll sync` and `protokoll log`,
and what `protokoll verify` adds from the history.

    protokoll sync [ADDRESS] [--renumber MEETING] [--take MEETING]
                   [--keep COPY | --drop COPY]
    protokoll log [MEETING] [--limit N]

`sync` exits 0 when everything was pushed, 4 when a § numbering collision
kept it from pushing (the fix is printed), 1 on an error.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from protokoll.store import Store, StoreError, audit, git_history
from protokoll.store import sync as syncing
from protokoll.store.words import say

from .cli_types import whole_number
from .output import emit

REFUSED = 4  # the exit status of a sync that was refused (a numbering collision)
WRONG = 3  # pushed, but a meeting was adjusted twice: as `check` says something is wrong


def add_parsers(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, lang: str = "sv"
) -> None:
    def w(key: str) -> str:
        return say(f"cli.{key}", lang)

    p = sub.add_parser("sync", parents=[common], help=w("c_sync"))
    p.add_argument("remote", nargs="?", metavar=w("mv_remote"), help=w("sync_remote"))
    p.add_argument("--renumber", metavar=w("mv_meeting"), help=w("sync_renumber"))
    p.add_argument("--take", metavar=w("mv_meeting"), help=w("sync_take"))
    p.add_argument("--after-close", choices=("yes", "no"), help=w("sync_after_close"))
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--keep", metavar=w("mv_copy"), help=w("sync_keep"))
    choice.add_argument("--drop", metavar=w("mv_copy"), help=w("sync_drop"))

    p = sub.add_parser("log", parents=[common], help=w("c_log"))
    p.add_argument("meeting", nargs="?", metavar=w("mv_meeting"), help=w("log_meeting"))
    p.add_argument("--limit", type=whole_number(lang), metavar="N", help=w("log_limit"))


def _path(args: argparse.Namespace, open_store: Callable[..., Store]) -> Path:
    return open_store(args, create=True).path


def cmd_sync(args: argparse.Namespace, open_store: Callable[..., Store]) -> int:
    lang = args.lang
    path = _path(args, open_store)
    if args.keep or args.drop:
        meeting = syncing.choose_copy(path, args.keep or args.drop, keep=bool(args.keep))
        emit(f"{meeting}: {say('cli.ev_kept_copy' if args.keep else 'cli.ev_dropped_copy', lang)}")
    if args.take:
        emit(say("cli.sync_taken", lang, meeting=syncing.take(path, args.take)))
    if args.after_close:
        syncing.set_after_close(path, args.after_close == "yes")
    if args.renumber:
        emit(say("cli.sync_renumbered", lang, meeting=syncing.renumber(path, args.renumber)))
    report = syncing.sync(path, args.remote)
    return show_report(report, lang)


def report_lines(report: syncing.Report, lang: str) -> list[tuple[str, str]]:
    """What a sync did, line by line, each with its weight: "information",
    "warning" (a conflict to look at) or "error" (nothing was pushed)."""
    lines = []
    received = sorted(set(report.received))
    if received:
        lines.append((say("cli.sync_received", lang, count=len(received)), "information"))
    for c in report.conflicts:
        said = say(
            "cli.sync_adjusted_twice" if c.adjusted_twice else "cli.sync_conflict",
            lang,
            meeting=c.meeting,
            kept=c.kept_by,
            other=c.other_by,
            copy=c.copy,
        )
        # Two adjusted texts of one meeting: not a version to pick at leisure.
        lines.append((said, "error" if c.adjusted_twice else "warning"))
    for f in report.organ_conflicts:
        said = say(
            "cli.sync_organ_conflict",
            lang,
            organ=f.organ,
            field=f.field,
            kept=f.kept,
            other=f.other,
        )
        lines.append((said, "warning"))
    for hit in report.collisions:
        said = say("cli.sync_collision", lang, number=hit.number, here=hit.here, there=hit.there)
        fix = (
            say("cli.sync_fix", lang, meeting=hit.fix) if hit.fix else say("cli.sync_no_fix", lang)
        )
        lines.append((f"{said}; {fix}", "error"))
    if not report.collisions:
        lines.append((say("cli.sync_done", lang, remote=report.remote), "information"))
    return lines


def show_report(report: syncing.Report, lang: str) -> int:
    """Print what a sync did; its exit status."""
    for line, weight in report_lines(report, lang):
        if weight == "error":
            emit(say("cli.error", lang, message=line), err=True)
        else:
            emit(line, err=weight == "warning")
    if report.collisions:
        return REFUSED
    return WRONG if any(c.adjusted_twice for c in report.conflicts) else 0


def event_word(event: str, lang: str) -> str:
    key = f"cli.ev_{event}"
    try:
        return say(key, lang)
    except KeyError:
        return event


def cmd_log(args: argparse.Namespace, open_store: Callable[..., Store]) -> int:
    store = open_store(args)
    if not git_history.is_repo(store.path):
        raise StoreError("no_history", path=store.path)
    names: list[str] = []
    if args.meeting:
        meeting_id = store.resolve(args.meeting)
        names = [f"meetings/{meeting_id}.json"]
    for e in git_history.entries(store.path, names, args.limit):
        what = f"{event_word(e.event, args.lang)} {e.subject}" if e.event else e.subject
        emit(f"{e.when}  {e.commit[:10]}  {e.author}  {what}", one_line=True)
    return 0


def history_holds(args: argparse.Namespace, store: Store, meeting_ref: str) -> bool:
    """For `verify`: False (and a line saying where) when the history shows the
    adjusted text changed; True when it did not, or there is no history."""
    meeting_id = store.resolve(meeting_ref)
    found = audit.check(store, meeting_id)
    if found is None:
        return True
    adjusted = found.adjusted_in
    changed = found.changed_in
    if changed is None:
        emit(
            say(
                "cli.history_ok",
                args.lang,
                adjusted=adjusted.commit[:10],
                author=adjusted.author,
                when=adjusted.when,
            )
        )
        return True
    if changed.commit:
        line = say(
            "cli.history_changed",
            args.lang,
            meeting=meeting_id,
            adjusted=adjusted.commit[:10],
            commit=changed.commit[:10],
            author=changed.author,
            when=changed.when,
        )
    else:
        line = say(
            "cli.history_uncommitted", args.lang, meeting=meeting_id, adjusted=adjusted.commit[:10]
        )
    emit(say("cli.error", args.lang, message=line), err=True)
    return False


COMMANDS = {"sync": cmd_sync, "log": cmd_log}
