"""An unexpected error: save what was typed, write a report, leave with one line.

`ProtokollApp._handle_exception` calls `rescue` with the first unhandled
exception (in an action, a handler, a timer or a worker), while the screens
are still there: the open dialogs' fields go to their drafts and the meetings
are flushed. The report goes to STORE/crash/<time>.txt, owner-only. It holds
what a developer needs (traceback, versions, time, the names of the open
screens), not the minutes: no local variables, no field contents.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from textual.app import App

from protokoll.store import StoreError
from protokoll.store.errors import os_detail
from protokoll.store.storage import atomic_write, make_private_dir
from protokoll.store.words import say

from . import drafts

DIR = "crash"


@dataclass
class Crash:
    report: Path | None  # None: it could not be written
    failed: list[str] = field(default_factory=list)  # what could not be saved, in words
    # The interface's language, kept: the line is printed after the application has gone.
    lang: str = "sv"

    def line(self) -> str:
        """The one line printed once the terminal is back, in the interface's language."""
        detail = "; ".join(self.failed)
        if self.report is None:
            return say("ui.crash_no_report", self.lang, detail=detail)
        if self.failed:
            return say("ui.crash_unsaved", self.lang, path=self.report, detail=detail)
        return say("ui.crash_saved", self.lang, path=self.report)


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def _cause(error: BaseException) -> BaseException:
    # A worker's failure wraps the error that was raised in it.
    inner = getattr(error, "error", None)
    return inner if isinstance(inner, BaseException) else error


def report_text(
    error: BaseException, screens: list[str], failed: list[str], when: dt.datetime
) -> str:
    error = _cause(error)
    lines = [
        "protokoll: crash report",
        f"time: {when.isoformat(timespec='seconds')}",
        f"version: protokoll {_version('protokoll')}, textual {_version('textual')}, "
        f"python {platform.python_version()}, {platform.platform()}",
        f"terminal: TERM={os.environ.get('TERM', '')}",
        f"screens: {' > '.join(screens)}",
        f"not saved: {'; '.join(failed) if failed else '-'}",
        "",
        *traceback.format_exception(type(error), error, error.__traceback__),
    ]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_report(store_path: Path, text: str, when: dt.datetime) -> Path:
    """STORE/crash/<time>.txt, owner-only; a StoreError if it cannot be written."""
    folder = Path(store_path) / DIR
    try:
        make_private_dir(folder)
    except OSError as exc:
        raise StoreError("write_failed", path=folder, detail=os_detail(exc)) from None
    stamp = when.strftime("%Y-%m-%dT%H%M%S")
    path = folder / f"{stamp}.txt"
    n = 1
    while path.exists():  # two crashes in one second keep both
        n += 1
        path = folder / f"{stamp}-{n}.txt"
    atomic_write(path, text.encode("utf-8"))
    return path


def rescue(app: App, error: BaseException) -> Crash:
    """Everything typed on disk, then the report. Never raises."""
    failed: list[str] = []
    lang = getattr(app, "lang", "sv")
    # The dialogs first: their fields are read from the screens, still there.
    try:
        drafts.flush(app)
    except Exception as exc:
        failed.append(_said(exc, lang))
    for screen in list(getattr(app, "meeting_screens", list)()):
        try:
            outcome = screen.finish()
        except Exception as exc:
            failed.append(_said(exc, lang))
            continue
        if outcome.error is not None:  # not in the meeting file: where it is instead
            failed.append(outcome.line(lang))
    when = dt.datetime.now()
    try:
        screens = [type(s).__name__ for s in app.screen_stack]
    except Exception:
        screens = []
    text = report_text(error, screens, failed, when)
    try:
        path: Path | None = write_report(app.store_path, text, when)  # type: ignore[attr-defined]
    except Exception as exc:
        failed.append(_said(exc, lang))
        path = None
    return Crash(path, failed, lang)


def _said(exc: BaseException, lang: str) -> str:
    if isinstance(exc, StoreError):
        return exc.text(lang)
    return f"{type(exc).__name__}: {exc}"
