"""Sign-off with SSH keys on the command line (store.signing).

    protokoll sign MEETING --key ~/.ssh/id_ed25519     sign the adjusted text and add it
    protokoll sign MEETING --text -o FILE              the exact text to sign elsewhere
    protokoll sign MEETING --add FILE.sig ...          add signatures made elsewhere
    protokoll sign MEETING --date D --key K -o F.sig   before adjustment, for adjust --signature
    protokoll signers ORGAN [list | add NAME KEY.pub | remove NAME]

`protokoll verify` reports the signatures through `report`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from protokoll.store import Store, StoreError, parse_date
from protokoll.store.adjust import (
    add_signatures,
    adjusted_text,
    as_it_will_be_adjusted,
    check_signatures,
)
from protokoll.store.errors import os_detail
from protokoll.store.labels import organ_title
from protokoll.store.signing import (
    Checked,
    add_signer,
    read_signature,
    remove_signer,
    sign,
    signers,
)
from protokoll.store.words import say

from .cli_types import UsageError
from .output import emit, write_to

NAMES = ("sign", "signers")


def add_parsers(
    sub: argparse._SubParsersAction, common: argparse.ArgumentParser, lang: str = "sv"
) -> None:
    def w(key: str) -> str:
        return say(f"cli.{key}", lang)

    p = sub.add_parser("sign", parents=[common], help=w("c_sign"))
    p.add_argument("meeting", metavar=w("mv_meeting"), help=w("arg_meeting"))
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--key", metavar=w("mv_file"), help=w("sign_key"))
    what.add_argument("--add", nargs="+", metavar=w("mv_file"), help=w("sign_add"))
    what.add_argument("--text", action="store_true", help=w("sign_text"))
    p.add_argument("--date", metavar=w("mv_date"), help=w("sign_date"))
    p.add_argument("--by", nargs="+", default=[], metavar=w("mv_name"), help=w("adjust_by"))
    p.add_argument("-o", "--output", metavar=w("mv_file"), help=w("arg_output"))
    p.add_argument("--force", action="store_true", help=w("arg_force"))

    p = sub.add_parser("signers", parents=[common], help=w("c_signers"))
    p.add_argument("organ", metavar=w("mv_organ"), help=w("arg_organ"))
    p.add_argument(
        "action", nargs="?", default="list", choices=("list", "add", "remove"), help=w("signers_do")
    )
    p.add_argument("name", nargs="?", metavar=w("mv_name"), help=w("signers_name"))
    p.add_argument("key", nargs="?", metavar=w("mv_file"), help=w("signers_key"))


def signature_files(paths: list[str]) -> list[str]:
    """The armored signatures in the named .sig files."""
    out = []
    for name in paths:
        try:
            text = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError("signers_unreadable", path=name, detail=os_detail(exc)) from None
        out.append(read_signature(text, name))
    return out


def _out(args: argparse.Namespace, data: str) -> None:
    write_to(args.output, data, args.force, args.lang)


def cmd_sign(args: argparse.Namespace, open_store: Callable[..., Store]) -> int:
    store = open_store(args)
    meeting = store.load(store.resolve(args.meeting))
    if meeting.status != "adjusted" and not args.date and not args.add:
        raise UsageError(say("cli.sign_needs_date", args.lang, meeting=meeting.id))
    if args.add:
        added = add_signatures(store, meeting.id, signature_files(args.add), dt.date.today())
        for s in added:
            emit(say("messages.v_signed", args.lang, name=s.name, fingerprint=s.fingerprint))
        return 0
    day = parse_date(args.date) if args.date else dt.date.today()
    text = adjusted_text(as_it_will_be_adjusted(meeting, day, args.by))
    if args.text:
        _out(args, text)
        return 0
    signature = sign(text.encode("utf-8"), Path(args.key).expanduser())
    if meeting.status != "adjusted" or args.output:
        _out(args, signature)  # for `adjust --signature`, or to send to the secretary
        return 0
    for s in add_signatures(store, meeting.id, [signature], dt.date.today()):
        emit(say("messages.v_signed", args.lang, name=s.name, fingerprint=s.fingerprint))
    return 0


def cmd_signers(args: argparse.Namespace, open_store: Callable[..., Store]) -> int:
    from .cli import find_organ

    store = open_store(args)
    organ = find_organ(store, args.organ)
    if args.action == "add":
        if not (args.name and args.key):
            raise UsageError(say("cli.signers_add_usage", args.lang))
        added = add_signer(store.path, organ.id, args.name, Path(args.key).expanduser())
        # Said as what was done, not as a bare name and key (a trial).
        emit(
            say(
                "cli.signer_added",
                args.lang,
                name=added.name,
                fingerprint=added.fingerprint,
                organ=organ_title(organ.name, organ.organisation),
            )
        )
    elif args.action == "remove":
        if not args.name or args.key:
            raise UsageError(say("cli.signers_remove_usage", args.lang))
        remove_signer(store.path, organ.id, args.name)
        emit(
            say(
                "cli.signer_removed",
                args.lang,
                name=args.name,
                organ=organ_title(organ.name, organ.organisation),
            )
        )
    else:
        for s in signers(store.path, organ.id):
            emit(f"{s.name}  {s.fingerprint}", one_line=True)
    return 0


def checked(store: Store, meeting_ref: str) -> list[Checked]:
    """Each signature of the meeting checked, once for a `verify` (each check
    renders the adjusted text and runs ssh-keygen): what the lines and the
    JSON below say."""
    return check_signatures(store, meeting_ref)


def as_json(results: list[Checked]) -> list[dict[str, str]]:
    """`verify --json`'s signatures: who, which key, when added, and "ok", "unknown" or "bad"."""
    return [
        {
            "name": c.signature.name,
            "fingerprint": c.signature.fingerprint,
            "added": c.signature.added,
            "result": c.result,
        }
        for c in results
    ]


def report(results: list[Checked], lang: str) -> int:
    """`verify`'s lines on the signatures; 3 if one is not good."""
    failed = 0
    for c in results:
        s = c.signature
        line = say(f"cli.signature_{c.result}", lang, name=s.name, fingerprint=s.fingerprint)
        emit(f"{line}  {s.added}", err=c.result != "ok", one_line=True)
        failed += c.result != "ok"
    return 3 if failed else 0


COMMANDS = {"sign": cmd_sign, "signers": cmd_signers}
