"""Tab completion in bash, zsh and fish: commands, options, meeting ids, organs.

argcomplete rather than shtab: shtab writes no fish, and argcomplete asks
the program itself, so a meeting id is completed from the store as it is
now. The shell runs `protokoll` with `_ARGCOMPLETE` set; `tui.cli.main`
then hands its parser here (this module, and argcomplete, are imported only
then). What a completer reads is the store's index rows and its catalogue,
never a meeting file, and it writes nothing: completing in a directory with
no store offers nothing and makes none. A failure of any kind offers
nothing too; a traceback in the middle of a command line helps no one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from protokoll.store import default_path
from protokoll.store.catalogue import Summary
from protokoll.store.ids import valid
from protokoll.store.meeting_index import MeetingIndex
from protokoll.store.safe_text import safe_line
from protokoll.store.storage import read_json

SHELLS = ("bash", "zsh", "fish")


def _store_path(parsed_args: argparse.Namespace | None) -> Path:
    given = getattr(parsed_args, "store", None)
    return Path(given).expanduser() if given else default_path()


def meeting_ids(
    prefix: str, parsed_args: argparse.Namespace | None = None, **_: Any
) -> dict[str, str]:
    """The ids starting with `prefix`, newest first, each with its date and organ."""
    try:
        rows, _problems = MeetingIndex(_store_path(parsed_args) / "index").load_all(Summary)
    except Exception:
        return {}
    rows = [s for s in rows if isinstance(s.id, str) and s.id.startswith(prefix) and valid(s.id)]
    rows.sort(key=lambda s: (s.date, s.id), reverse=True)
    return {s.id: safe_line(f"{s.period or s.date} {s.organ}") for s in rows}


def organ_ids(
    prefix: str, parsed_args: argparse.Namespace | None = None, **_: Any
) -> dict[str, str]:
    """The organs whose id starts with `prefix`, each with its name."""
    try:
        data = read_json(_store_path(parsed_args) / "catalogue.json")
        organs = list(data["organs"].values())
    except Exception:
        return {}
    return {
        o["id"]: safe_line(str(o.get("name", "")))
        for o in organs
        if isinstance(o, dict) and valid(o.get("id")) and o["id"].startswith(prefix)
    }


def _completers(parser: argparse.ArgumentParser) -> None:
    """Put the completers on every parser's `meeting` and organ arguments."""
    kinds: dict[str, Callable[..., dict[str, str]]] = {"meeting": meeting_ids, "organ": organ_ids}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _completers(sub)
        elif action.dest in kinds:
            action.completer = kinds[action.dest]  # type: ignore[attr-defined]


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell's request for completions, and exit."""
    import argcomplete

    _completers(parser)
    argcomplete.autocomplete(parser)


def script(shell: str) -> str:
    """What a shell runs to complete `protokoll` (the README says where it goes)."""
    import argcomplete

    return argcomplete.shellcode(["protokoll"], shell=shell)


def cmd_completion(args: argparse.Namespace) -> int:
    # Our own script, not user text: written as it is.
    sys.stdout.write(script(args.shell))
    return 0
