"""The protokoll application: start, resume, and never lose a word."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.screen import Screen
from textual.worker import WorkerFailed

from protokoll.store import MeetingSession, Store, StoreError, numbering, spill
from protokoll.store.catalogue import Summary
from protokoll.store.errors import Stopped
from protokoll.store.safe_text import safe, safe_line
from protokoll.store.words import language, say

from . import drafts, terminal_input
from .autosave import Outcome
from .crash import Crash, rescue
from .i18n import set_lang, t
from .keygate import KeyGate, waits_after
from .keys import translate_bindings
from .output import emit
from .terminal_output import tolerant

# The screens, dialogs and the rest are imported where they are first used:
# a start imports what its first screen shows (tests/test_startup.py).
if TYPE_CHECKING:
    from .screens.meeting import MeetingScreen

# Seconds a hang-up or SIGTERM may take before the process leaves regardless:
# nobody is there to answer, and a process that stays holds its meeting.
HANG_UP_LIMIT = 8.0
# Seconds of it the keys read before the hang-up may take to reach their field.
LANDING_LIMIT = 2.0
# A store with no index files yet and at most this many meetings is looked
# over before the first screen (a tenth of a second); a larger one after it,
# on the start menu's worker (`StartScreen.read_archive`).
LOOK_AT_ONCE = 100


class ProtokollApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "protokoll"
    # A screen under a dialog is marked, so that its messages hide (app.tcss):
    # the dialog shows them itself, and they had stood twice (trial 21).
    SUSPENDED_SCREEN_CLASS = "-under-dialog"
    BINDINGS = [
        # Declared here so that the footer names it in the interface's language.
        Binding("ctrl+p", "command_palette", "a_palette", show=False, priority=True),
        Binding("ctrl+q", "quit", "a_quit", show=False, priority=True),
    ]

    def __init__(self, store_path: Path, lang: str = "sv") -> None:
        terminal_input.install()  # Alt keys read as keys, never typed (see the module)
        super().__init__()
        self._toasts: dict[tuple[str, str], float] = {}  # shown: (text, title) -> until
        # The interface's language: every word on screen is looked up in it
        # (`tui.i18n.t` reads it from the running application).
        self.lang = language(lang)
        with self._context():  # the app is not running yet: t() finds it here
            translate_bindings(self)
        if self.console.color_system in ("standard", "windows"):
            # 16 colours: the terminal's own palette reads best. Set before
            # mount, so the stylesheet is built once.
            self.theme = "ansi-dark"
        self.store_path = store_path
        self.store: Store | None = None
        self.error: str | None = None
        self.keys = KeyGate(self, self._deliver)
        # How each meeting was left at the end (`finish_all`), for the lines
        # printed once the terminal is back (`run_app`).
        self.outcomes: list[Outcome] = []
        self._hanging_up = False
        # The file exported last in this run: the next export proposes its folder.
        self.last_export: Path | None = None
        self._signal: asyncio.Task | None = None  # a hang-up on its way (`_signalled`)
        self._watched = False
        # Whether a hang-up may end the process itself (the program, not a test).
        self.watchdog = False

    def get_driver_class(self) -> type[Driver]:
        # Drawing goes on, unseen, after a hang-up (`terminal_output`).
        return tolerant(super().get_driver_class())

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        # Textual does not catch SIGHUP: a closed terminal or a dropped SSH
        # connection must still put the last keystrokes on disk.
        for name, reason in (("SIGHUP", "hangup"), ("SIGTERM", "terminated")):
            # Windows has no SIGHUP, and its event loop takes no signal handlers.
            with contextlib.suppress(AttributeError, NotImplementedError):
                loop.add_signal_handler(getattr(signal, name), self._signalled, reason)
        try:
            self.store = Store(self.store_path)
        except StoreError as exc:
            self.error = exc.text(self.lang)
            self.exit(1)
            return
        # Room for a spill, written while there is room (`store.spill`).
        spill.make_reserve(self.store.path)
        # Every meeting is looked over (and what does not read is said) after
        # the first screen: at 10,000 meetings it took a third of the start.
        self.call_later(self.call_after_refresh, self._look_over_store)
        found = self.store.unfinished_at_once(statuses=("open",), look_up_to=LOOK_AT_ONCE)
        if found is not None and self.resume(found):
            return
        # Imported only when shown: resuming the meeting does not make it.
        from .screens.start import StartScreen

        # No index files yet (a store copied, or from an earlier version): the
        # start screen at once, and the meeting in progress once the look over
        # every meeting has found it, not 20 s of a blank screen. Also when the
        # meeting could not be opened (a full disk): not a blank screen.
        self.push_screen(StartScreen(resume=found is None))

    def resume(self, unfinished: list[Summary]) -> bool:
        """Straight back into the meeting in progress last written, if there is
        one and it opens; whether it did."""
        in_progress = [s for s in unfinished if s.status == "open"]
        if not in_progress:
            return False
        return self.open_meeting(max(in_progress, key=numbering.last_written).id)

    @work(thread=True, group="look-over")
    def _look_over_store(self) -> None:
        store = self.store
        if store is None:
            return
        problems = list(store.problems)  # the look-over, if nothing asked for it yet
        if problems:
            self.call_from_thread(self._tell_problems, problems)

    def _tell_problems(self, problems: list[StoreError]) -> None:
        for problem in problems:
            self.notify(problem.text(self.lang), severity="warning", timeout=15, markup=False)

    def open_meeting(self, meeting_id: str) -> bool:
        """The meeting on screen, or a message why not; whether it opened."""
        try:
            session = self.store.open(meeting_id)
        except StoreError as exc:
            self.notify(exc.text(self.lang), severity="error", timeout=10, markup=False)
            return False
        self.show_meeting(session)
        return True

    def show_protocol(self, meeting_id: str, at: int | None = None, query: str = "") -> None:
        """A meeting as it prints, read-only, at the § of index `at`, `query` marked."""
        from .screens.preview import PreviewScreen

        try:
            meeting = self.store.load(meeting_id)
        except StoreError as exc:  # damaged or removed since it was listed
            self.notify(exc.text(self.lang), severity="error", timeout=10, markup=False)
            return
        self.push_screen(PreviewScreen(meeting, at=at, query=query))

    def show_meeting(self, session: MeetingSession) -> None:
        from .screens.meeting import MeetingScreen

        # One meeting screen at a time, over the start screen if there is one.
        while len(self.screen_stack) > 1 and not _is(self.screen, "start", "StartScreen"):
            self.pop_screen()
        self.push_screen(MeetingScreen(session))
        self._tell_exit(session)

    def _tell_exit(self, session: MeetingSession) -> None:
        """How the program last left this meeting, if not by the secretary's choice
        (read by the process that writes the meeting, not one that only looks)."""
        from protokoll.store.exits import take_exit

        if self.store is None or session.read_only:
            return
        left = take_exit(self.store.path, session.meeting.id)
        if left is not None:
            when = left.at.replace("T", " ")[:19]
            # Long enough to read, not so long that it covers the next dialog.
            self.notify(t(f"n_exit_{left.reason}", at=when), timeout=10, markup=False)

    def load_examples(self) -> int:
        from protokoll.store.exchange import import_document

        count = 0
        folder = resources.files("protokoll.tui") / "examples"
        for item in sorted(folder.iterdir(), key=lambda x: x.name):
            if not item.name.endswith(".json"):
                continue
            try:
                import_document(self.store, Path(item.name), json.loads(item.read_text("utf-8")))
                count += 1
            except StoreError:
                continue  # already loaded
        return count

    def action_start_menu(self) -> None:
        """The start menu: the screens above it closed, a meeting among them saved
        and released as its screen goes (`MeetingScreen.on_unmount`); one still
        open is resumed from the menu ("Fortsätt")."""
        from .screens.start import StartScreen

        drafts.flush(self)
        while len(self.screen_stack) > 1 and not _is(self.screen, "start", "StartScreen"):
            self.pop_screen()
        if not _is(self.screen, "start", "StartScreen"):
            self.push_screen(StartScreen())

    def meeting_screens(self) -> list[MeetingScreen]:
        return [s for s in self.screen_stack if _is(s, "meeting", "MeetingScreen")]

    def finish_all(self) -> None:
        """Every meeting on disk or in a spill, and released. Never waits for room."""
        # The open dialog's fields, while it is still on screen.
        drafts.flush(self, final=True)
        for screen in self.meeting_screens():
            outcome = screen.finish()
            if outcome.error is not None and outcome not in self.outcomes:
                self.outcomes.append(outcome)

    # The first unexpected error, once its rescue is done (`tui.crash`).
    crash: Crash | None = None

    def exit(self, *args, **kwargs) -> None:  # type: ignore[override]
        # Everything is saved by now. A look over every meeting in a worker's
        # thread (20 s at 10,000 with no index files) stops at its next file:
        # the program had waited for it after Ctrl+Q, on a blank screen, and
        # Ctrl+C there printed a traceback (a trial).
        if self.store is not None:
            self.store.stop()
        super().exit(*args, **kwargs)

    def _handle_exception(self, error: Exception) -> None:
        # Textual's one door for an error in an action, a handler, a timer or
        # a worker: save what was typed and write a report before it exits.
        if isinstance(error, WorkerFailed) and isinstance(error.error, Stopped):
            return  # a read the program's end stopped (`exit`): no error
        if self.crash is None:
            self.crash = rescue(self, error)
        if self.store is not None:
            self.store.stop()  # as at `exit`: nothing left to wait for
        super()._handle_exception(error)  # exit code 1; Pilot re-raises the error
        # The traceback is in the report; the terminal gets one line (run_app).
        self._exit_renderables.clear()

    # --- keys, as a terminal sends them ---------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._unbound_alt(event) or self.keys.holds(event):
                return
            if waits_after(event, self.focused):
                with self.keys.closed_during():
                    await super().on_event(event)
                return
        await super().on_event(event)

    async def _deliver(self, event: events.Key) -> None:
        """A held key, handled now as if it had just arrived."""
        if not self._unbound_alt(event):
            await super().on_event(event)

    def _unbound_alt(self, event: events.Key) -> bool:
        """Alt (Meta) with a letter nothing is bound to: dropped, never typed,
        and where it is a change left out here now, said why (the screen's
        `refuse_key`).

        A terminal sends Alt+Q as ESC q, which arrives as the key alt+q with
        the character "q"; an editor would type the q into the minutes.
        """
        if not event.key.startswith("alt+") or not (event.character or "").isprintable():
            return False
        if event.key in self.screen.active_bindings:
            return False
        # A change's shortcut left out here now (Alt+R on a closed meeting):
        # dropped too, but said why, as its F-key and F9 letter are.
        refuse = getattr(self.screen, "refuse_key", None)
        if refuse is not None:
            refuse(event.key)
        return True

    def notify(self, message: str, *, title: str = "", **kwargs) -> None:  # type: ignore[override]
        # A toast often names what changed ("§ 3 heter nu …"): user text, so
        # data. Every screen's and widget's notify comes here. A toast is a
        # sentence of its own: the catalogue's words begin in lower case where
        # they also go into others ("Ångrat: mötet avslutat 11.30"), and one
        # alone read "mötet avslutat 11.30" (a trial).
        text = safe(message)
        if text[:1].islower():
            text = text[0].upper() + text[1:]
        # Not a pile over the work: the same words again while they are still
        # shown add nothing (three "Mötet är avslutat …" had stacked up: trials
        # 5 and 7). Clearing older toasts to make room was tried: a message
        # could then go before it was read.
        now = time.monotonic()
        shown = {k: until for k, until in self._toasts.items() if until > now}
        if (text, title) in shown:
            return
        timeout = kwargs.get("timeout") or self.NOTIFICATION_TIMEOUT
        shown[(text, title)] = now + timeout
        self._toasts = shown
        super().notify(text, title=safe_line(title), **kwargs)

    def clear_notifications(self) -> None:
        super().clear_notifications()
        self._toasts = {}  # none shown: the same words may be said again

    def push_screen(self, *args, **kwargs):  # type: ignore[override]
        # The keys after the one that opened a dialog are for the dialog.
        with self.keys.closed_during():
            return super().push_screen(*args, **kwargs)

    def pop_screen(self):  # type: ignore[override]
        # ... and the keys after its Enter are for the screen beneath.
        with self.keys.closed_during():
            return super().pop_screen()

    def _signalled(self, reason: str) -> None:
        """SIGHUP or SIGTERM, from the event loop: the keys Textual had read
        before it land first (`KeyGate.landed`), then `hang_up`."""
        if self._signal is not None:
            return
        self._watch_the_end()
        self._signal = asyncio.get_running_loop().create_task(self._land_then_hang_up(reason))

    async def _land_then_hang_up(self, reason: str) -> None:
        try:
            await self.keys.landed(LANDING_LIMIT)
        finally:
            self.hang_up(reason)

    def _watch_the_end(self) -> None:
        if self.watchdog and not self._watched:
            self._watched = True
            # Should anything below or in Textual's shutdown hang, leave anyway:
            # the kernel drops the flock, and the next start takes the meeting over.
            timer = threading.Timer(HANG_UP_LIMIT, os._exit, args=(1,))
            timer.daemon = True
            timer.start()

    def hang_up(self, reason: str = "hangup") -> None:
        """Save or spill, and go, within HANG_UP_LIMIT seconds of the signal;
        each meeting saved says next time how it was left (`store.exits`)."""
        if self._hanging_up:
            return
        self._hanging_up = True
        self._watch_the_end()
        try:
            self.finish_all()
            self._note_exits(reason)
        finally:
            self.exit(self._exit_code())

    def _note_exits(self, reason: str) -> None:
        from protokoll.store.exits import note_exit

        for screen in self.meeting_screens():
            outcome = screen.outcome
            if self.store is not None and outcome is not None and outcome.error is None:
                note_exit(self.store.path, screen.meeting.id, reason)

    def _exit_code(self) -> int:
        # 1 when some text is neither in its meeting nor in a spill.
        return 1 if any(o.spill is None for o in self.outcomes) else 0

    def action_sync(self) -> None:
        """Sync the shared store (protokoll sync) in a worker; what it did is told."""
        if self.store is None:
            return
        saver = getattr(self.screen, "autosaver", None)
        if saver is not None:
            saver.flush()  # what was typed is in the commit
        self.notify(t("n_sync_started"), markup=False)
        self._sync(self.store.path)

    @work(thread=True, exclusive=True, group="sync")
    def _sync(self, path: Path) -> None:
        from protokoll.store.sync import sync

        from .cli_sync import report_lines

        try:
            lines = report_lines(sync(path), self.lang)
        except StoreError as exc:
            lines = [(exc.text(self.lang), "error")]
        self.call_from_thread(self._synced, lines)

    def _synced(self, lines: list[tuple[str, str]]) -> None:
        if self.store is not None:
            self.store.refresh()  # the meetings that came in, in the lists
        for screen in self.meeting_screens():
            # Members another computer added to the organ join the meeting here
            # (a trial's open meeting kept its old roster after a sync).
            screen.join_roster()
        for line, weight in lines:
            if weight == "error":
                line = t("n_sync_refused", why=line)
            self.notify(line, severity=weight, timeout=20, markup=False)  # type: ignore[arg-type]

    async def action_quit(self) -> None:
        if _is(self.screen, "unsaved", "UnsavedQuit"):
            self.screen.quit_anyway()  # Ctrl+Q twice
            return
        drafts.flush(self)
        problem = self._cannot_save()
        if problem is not None:
            from .screens.unsaved import UnsavedQuit

            where = str(self.store.path / spill.DIR) if self.store else ""
            self.push_screen(UnsavedQuit(problem.text(self.lang), where), self._unsaved_answer)
            return
        self.finish_all()
        self.exit(0)

    def _cannot_save(self) -> StoreError | None:
        """Every meeting and draft on disk now, or why one is not (a full disk)."""
        k = drafts.keeper(self)
        if k is not None and k.unwritten and k.failure is not None:
            return k.failure
        for screen in self.meeting_screens():
            try:
                screen.autosaver.flush()
            except StoreError as exc:
                screen.autosaver.touch()  # still to be written: the autosaver tries on
                return exc
        return None

    async def _unsaved_answer(self, answer: str | None) -> None:
        if answer == "retry":
            await self.action_quit()
        elif answer == "quit":
            self.finish_all()
            self.exit(self._exit_code())

    def action_command_palette(self) -> None:
        # Textual's palette, with its placeholder and "no matches" in our words.
        from .toolkit import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(self.lang))

    def action_help_quit(self) -> None:
        # Ctrl+C outside a text field: Textual says how to quit, in English.
        self.notify(
            say("toolkit.help_quit", self.lang),
            title=say("toolkit.help_quit_title", self.lang),
            markup=False,
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Only ours: Textual's (Theme, Keys, Maximize, Screenshot) speak
        # English and do nothing a secretary needs.
        from .screens.help import key_name

        yield SystemCommand(t("a_quit"), "Ctrl+Q", self.action_quit)
        if _is(screen, "meeting", "MeetingScreen"):
            for a in screen.ACTIONS:
                # The key beneath the name, so the palette teaches the keys.
                if a.keys:
                    keys = key_name(a.keys)
                else:
                    keys = f"F9 {a.letter}" if a.letter else t("palette_only")
                yield SystemCommand(t(a.label), keys, partial(screen.run_action, a.action))
            return
        # Any other screen: what its own keys do, in the words its footer uses
        # (its class's bindings; Textual's inherited ones speak English).
        from .i18n import STRINGS

        for b in getattr(type(screen), "BINDINGS", []):
            if not isinstance(b, Binding) or b.description not in STRINGS:
                continue
            if b.action == "app.command_palette":
                continue  # F9 here: the palette is what is open
            if b.action in ("app.quit", "quit"):
                continue  # said first, above: "Avsluta programmet" had stood twice
            if screen.check_action(b.action.split("(")[0], ()) is False:
                continue  # not possible here now (a rättelse before adjustment)
            run = partial(screen.run_action, b.action)
            yield SystemCommand(t(b.description), key_name(b.key), run)


def _is(screen: object, module: str, name: str) -> bool:
    """isinstance(screen, protokoll.tui.screens.<module>.<name>), without importing the module.

    A screen module not imported yet has no screen on the stack: a hang-up or a
    quit from the start menu need not import the meeting screen to learn that.
    """
    found = sys.modules.get(f"{__package__}.screens.{module}")
    return found is not None and isinstance(screen, getattr(found, name))


def run_app(store_path: Path, lang: str = "sv") -> int:
    set_lang(lang)  # for words looked up where the application is not running
    app = ProtokollApp(store_path, lang)
    app.watchdog = True
    try:
        code = app.run()
    finally:
        app.finish_all()
    if app.crash is not None:
        # Printed once Textual has given the terminal back.
        emit(app.crash.line(), err=True)
        return app.return_code or 1
    for outcome in app.outcomes:
        # Not in the meeting file: where the text is, or the text itself.
        try:
            emit(outcome.line(app.lang), err=True)
            if outcome.spill is None:
                emit(outcome.text(), err=True)
        except OSError:  # no terminal any more (a hang-up): the spill says it
            pass
    if app.error:
        emit(say("cli.error", app.lang, message=app.error), err=True)
    _let_go_of_a_lost_terminal()
    return code or 0


def _let_go_of_a_lost_terminal() -> None:
    """After a hang-up, what Textual last wrote to the terminal (leaving its
    screen) waits in the standard streams' buffers for a terminal that is
    gone; Python's own flush at exit would fail and end the program with
    status 120 instead of its own (0 saved, 1 text neither saved nor spilled).
    Where a stream cannot be flushed, it is flushed to /dev/null instead."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            nowhere = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(nowhere, stream.fileno())
            finally:
                os.close(nowhere)
