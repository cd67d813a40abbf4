"""The meeting's verbs on the command line, for scripts: the same verbs and the
same undo history as the application.

    protokoll add MEETING TITLE            a new § last
    protokoll rename MEETING § TITLE       its agenda item follows
    protokoll delete MEETING §             (undo brings it back)
    protokoll decide MEETING § TEXT [--lead LEAD]
    protokoll assign MEETING § TEXT [--owner NAME] [--due DATE]
    protokoll reassign MEETING § [N] [--text TEXT] [--owner NAME] [--due DATE]
    protokoll attend MEETING NAME... [--absent]   present for the whole meeting (or not)
    protokoll function MEETING NAME chair|secretary|adjuster   on, or off again
    protokoll signs-as MEETING NAME TITLE  what a signer signs as ("" for the default)
    protokoll details MEETING [--date DATE] [--start TIME] [--place PLACE]
    protokoll undo MEETING [--yes] / protokoll redo MEETING

Each prints what it changed, one line; a refusal is one line on stderr.
An undo that opens a closed meeting again is asked first, as the
application asks it: on a terminal yes or no, without one refused unless
--yes.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable

from protokoll.store import Meeting, MeetingSession, Store, StoreError, verbs
from protokoll.store.errors import ValueProblem
from protokoll.store.safe_text import safe_line
from protokoll.store.words import say

from .cli_held import held
from .cli_types import function_name, whole_number
from .output import emit


def add_parsers(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, lang: str = "sv"
) -> None:
    def w(key: str) -> str:  # the command line's words (store.words.cli)
        return say(f"cli.{key}", lang)

    def meeting(name: str, what: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=w(what))
        p.add_argument("meeting", metavar=w("mv_meeting"), help=w("arg_meeting"))
        return p

    def paragraph(p: argparse.ArgumentParser) -> None:
        p.add_argument("paragraph", metavar="§", help=w("arg_paragraph"))

    p = meeting("add", "c_add")
    p.add_argument("title", metavar=w("mv_title"), help=w("arg_title"))
    p = meeting("rename", "c_rename")
    paragraph(p)
    p.add_argument("title", metavar=w("mv_title"), help=w("arg_title"))
    p = meeting("delete", "c_delete")
    paragraph(p)
    p = meeting("decide", "c_decide")
    paragraph(p)
    p.add_argument("text", metavar=w("mv_text"), help=w("arg_decision_text"))
    p.add_argument("--lead", default="", metavar=w("mv_text"), help=w("decide_lead"))
    p = meeting("assign", "c_assign")
    paragraph(p)
    p.add_argument("text", metavar=w("mv_text"), help=w("arg_task_text"))
    p.add_argument("--owner", default="", metavar=w("mv_name"), help=w("assign_owner"))
    p.add_argument("--due", default="", metavar=w("mv_date"), help=w("assign_due"))
    p = meeting("reassign", "c_reassign")
    paragraph(p)
    p.add_argument(
        "task", nargs="?", type=whole_number(lang), default=1, metavar="N",
        help=w("arg_task_number"),
    )  # fmt: skip
    p.add_argument("--text", metavar=w("mv_text"), help=w("reassign_text"))
    p.add_argument("--owner", metavar=w("mv_name"), help=w("reassign_owner"))
    p.add_argument("--due", metavar=w("mv_date"), help=w("reassign_due"))
    p = meeting("attend", "c_attend")
    p.add_argument("names", nargs="+", metavar=w("mv_name"), help=w("arg_attend_names"))
    p.add_argument("--absent", action="store_true", help=w("attend_absent"))
    p = meeting("function", "c_function")
    p.add_argument("name", metavar=w("mv_name"), help=w("arg_function_name"))
    p.add_argument(
        "function",
        type=function_name(lang),
        metavar=w("mv_function"),
        help=w("arg_function_which"),
    )
    p = meeting("signs-as", "c_signs_as")
    p.add_argument("name", metavar=w("mv_name"), help=w("signs_as_name"))
    p.add_argument("title", metavar=w("mv_title"), help=w("arg_signs_as_title"))
    p = meeting("details", "c_details")
    p.add_argument("--date", metavar=w("mv_date"), help=w("details_date"))
    p.add_argument("--start", metavar=w("mv_time"), help=w("details_start"))
    p.add_argument("--place", metavar=w("mv_place"), help=w("details_place"))
    p = meeting("undo", "c_undo")
    p.add_argument("--yes", action="store_true", help=w("undo_yes"))
    meeting("redo", "c_redo")


def paragraph_id(meeting: Meeting, ref: str) -> str:
    """`3`, `§ 3` or `§3`: the § of that number; in unnumbered notes, the Nth item."""
    text = re.sub(r"^§\s*", "", ref.strip())
    if not text.isdigit():
        raise StoreError("unknown_paragraph", paragraph=ref)
    n = int(text)
    if meeting.numbered:
        found = next((p for p in meeting.paragraphs if p.number == n), None)
    else:
        found = meeting.paragraphs[n - 1] if 0 < n <= len(meeting.paragraphs) else None
    if found is None:
        raise StoreError("unknown_paragraph", paragraph=ref)
    return found.id


def attendee_id(meeting: Meeting, name: str) -> str:
    wanted = " ".join(name.split()).casefold()
    exact = [a for a in meeting.attendees if a.name.casefold() == wanted]
    starts = [a for a in meeting.attendees if a.name.casefold().startswith(wanted)]
    found = exact or starts
    if len(found) != 1 or not wanted:
        raise StoreError("unknown_attendee", attendee=name)
    return found[0].id


def writable_session(store: Store, ref: str) -> MeetingSession:
    """A meeting opened to change it; one held by another process is refused."""
    session = store.open(ref)
    if session.lock is None and session.notice is not None:
        session.close()
        raise held(session.notice)  # the application's words ("opens read-only") do not fit
    return session


class Declined(Exception):
    """Asked whether to undo, and answered no: nothing changed."""


class NeedsYes(Exception):
    """An undo that reopens a closed meeting, with nobody at a terminal to ask."""


YES = frozenset({"j", "ja", "y", "yes"})


def ask_to_reopen(meeting: Meeting, lang: str) -> None:
    """Asked on a terminal, as the application asks; without one (a script,
    a pipe) refused, since nobody is there to answer: --yes says it."""
    if not sys.stdin.isatty():
        raise NeedsYes
    question = say("cli.undo_reopens_question", lang, meeting=meeting.id)
    print(safe_line(question), end=" ", file=sys.stderr, flush=True)
    try:
        answer = input()
    except EOFError:  # Ctrl+D: no answer is no
        answer = ""
        print(file=sys.stderr)
    if answer.strip().casefold() not in YES:
        raise Declined


def _run(args: argparse.Namespace, open_store: Callable, step: Callable) -> int:
    store: Store = open_store(args)
    session = writable_session(store, args.meeting)
    try:
        change = step(session)
    except Declined:
        emit(say("cli.undo_declined", args.lang, meeting=session.meeting.id), err=True)
        return 1
    except NeedsYes:  # as a usage error is said: the command needs --yes here
        said = say("cli.undo_reopens_needs_yes", args.lang, meeting=session.meeting.id)
        emit(say("cli.error", args.lang, message=said), err=True)
        return 2
    finally:
        session.close()
    if change is None:
        raise StoreError("nothing_to_undo" if args.command == "undo" else "nothing_to_redo")
    for one in change if isinstance(change, list) else [change]:
        emit(f"{session.meeting.id}: {_numbered(session.meeting, one).text(args.lang)}")
    return 0


def _numbered(meeting: Meeting, change: verbs.Change) -> verbs.Change:
    """A new § said with the number it got once saved ("ny § 8 Budget 2027"):
    the verb does not know it yet, and a trial had to list the §s to learn it."""
    p = meeting.paragraph(change.paragraph) if change.paragraph else None
    if change.key != "v_paragraph_added" or p is None or p.number is None:
        return change
    return verbs.Change("v_paragraph_added_as", {"number": p.number, "title": p.title}, p.id)


def _owner(meeting: Meeting, name: str) -> str:
    """An attendee's id for a name or the beginning of one; any other name as it is."""
    try:
        return attendee_id(meeting, name) if name.strip() else ""
    except StoreError:
        return name  # someone outside the meeting: kept by name


def _reassign(m: Meeting, ed: verbs.Editor, args: argparse.Namespace) -> verbs.Change:
    """What is given changes; what is left out stays as it is."""
    pid = paragraph_id(m, args.paragraph)
    tasks = next(p.tasks for p in m.paragraphs if p.id == pid)
    if not 0 < args.task <= len(tasks):
        raise StoreError("unknown_item", item=f"§ {args.paragraph.lstrip('§ ')} #{args.task}")
    task = tasks[args.task - 1]
    text = task.text if args.text is None else args.text
    owner = (task.owner or task.owner_name) if args.owner is None else _owner(m, args.owner)
    due = task.due if args.due is None else args.due
    return ed.do(verbs.edit_task, pid, args.task - 1, text, owner=owner, due=due)


def command(args: argparse.Namespace, open_store: Callable) -> int:
    def step(session):
        m, ed = session.meeting, session.editor()
        match args.command:
            case "add":
                return ed.do(verbs.add_paragraph, args.title)
            case "rename":
                return ed.do(verbs.rename_paragraph, paragraph_id(m, args.paragraph), args.title)
            case "delete":
                return ed.do(verbs.delete_paragraph, paragraph_id(m, args.paragraph))
            case "decide":
                pid = paragraph_id(m, args.paragraph)
                return ed.do(verbs.add_decision, pid, args.text, lead=args.lead)
            case "assign":
                pid = paragraph_id(m, args.paragraph)
                owner = None
                if args.owner.strip():
                    try:
                        owner = attendee_id(m, args.owner)
                    except StoreError:
                        owner = None  # someone outside the meeting: kept by name
                return ed.do(
                    verbs.add_task,
                    pid,
                    args.text,
                    owner=owner,
                    owner_name=args.owner,
                    due=args.due,  # read by the verb, from the meeting's day
                )
            case "reassign":
                return _reassign(m, ed, args)
            case "attend":
                people = [attendee_id(m, name) for name in args.names]  # all known, or none
                return [ed.do(verbs.set_present, a, not args.absent) for a in people]
            case "function":
                return ed.do(verbs.toggle_function, attendee_id(m, args.name), args.function)
            case "signs-as":
                return ed.do(verbs.set_signature_title, attendee_id(m, args.name), args.title)
            case "details":
                return ed.do(verbs.set_details, args.date, args.start, args.place)
            case "undo":
                if ed.undo_reopens and not args.yes:
                    ask_to_reopen(m, args.lang)  # a close undone unasked had reopened it
                return ed.undo()
            case "redo":
                return ed.redo()
        raise ValueProblem.said("what_value", "unknown_command", text=args.command)

    return _run(args, open_store, step)


NAMES = (
    "add", "rename", "delete", "decide", "assign", "reassign", "attend", "function", "signs-as",
    "details", "undo", "redo",
)  # fmt: skip
