"""Keys in a burst reach the place they were meant for, in order.

A secretary typing ahead of a slow SSH link sends "F2 F3 beslutet Enter" in
one read. F3 opens the decision dialog, but the dialog has no focus until it
has been mounted, some messages later; the keys after F3 would meanwhile go
to the § editor or to nowhere. So every key that opens or closes a screen,
or starts an action that waits for the keys typed before it, closes the
gate: the keys that follow are held, and replayed in order once the screen
they were typed for has its focus. So does a key that a field handles after
the characters already queued behind it (`waits_after`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections import deque
from collections.abc import Awaitable, Callable, Iterator

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.widget import Widget

# How many looks, TICK seconds apart, for a new screen to take focus before
# the held keys go on anyway (a screen with nothing to focus takes them itself).
PATIENCE = 40
TICK = 1 / 60
# Seconds a held key may wait with no key going on before the gate lets the
# keys through anyway: what it waited for is not coming (a callback dropped
# with its widget, say), and keys held for good would be keys lost.
STUCK = 3.0

# Keys that move the focus to another field of a dialog or form.
FOCUS_KEYS = frozenset({"tab", "shift+tab"})


def waits_after(event: events.Key, focused: Widget | None) -> bool:
    """Whether the keys after `event` must wait until what it does is done.

    A text field types its characters where they arrive, in order. Every
    other key runs later: it is one of the field's bindings (Backspace,
    Delete, Ctrl+W, Ctrl+U, the arrows; Enter in a one-line field) or a
    screen's (Enter and Esc in a dialog), which Textual runs only after the
    key has gone up from the field to the application, while the characters
    behind it in a burst are typed meanwhile. So "justeras" Backspace x3
    "ras." became "justerasr…" in the § text, "Ctrl+U 11.30 Enter" cleared
    the 11.30, and the text after Enter in a dialog was typed into the
    dialog as it closed. After such a key, the keys behind it are held until
    it has run (and the dialog it closed or opened has settled).

    With nothing focused, every key waits: the screen handles it, and may
    close on it. Tab moves the focus (unless a text area indents with it),
    but only once the field has handled it in its own queue ("testa<Tab>Anna"
    became the task "testaAnna" with no owner). Enter in a text area is a new line,
    typed in place, unless the field sends on Enter (`SENDS_ON_ENTER`).
    """
    from textual.widgets import TextArea  # loaded by then; not at start

    key = event.key
    if key in FOCUS_KEYS:
        return not (isinstance(focused, TextArea) and focused.tab_behavior == "indent")
    if focused is None:
        # With nothing focused the screen takes every key itself, and any may
        # close it (Esc or Enter in a question, a letter in the F9 menu) a
        # few messages later: an F9 read just behind Esc went to the question
        # as it closed, and was lost.
        return True
    typing = typed_in(focused)
    if typing and event.is_printable:
        return False
    if key == "enter":
        in_place = isinstance(focused, TextArea) and typing
        return not in_place or getattr(focused, "SENDS_ON_ENTER", False)
    return key == "escape" or key in _bound_keys(type(focused))


def typed_in(widget: Widget | None) -> bool:
    """Whether characters typed with `widget` focused are typed into it."""
    from textual.widgets import Input, TextArea

    return isinstance(widget, Input) or (isinstance(widget, TextArea) and not widget.read_only)


@functools.cache
def _bound_keys(widget_class: type) -> frozenset[str]:
    """The keys a widget class binds to its own actions (Input: Ctrl+U, Backspace, …)."""
    keys: set[str] = set()
    for cls in widget_class.__mro__:
        for b in vars(cls).get("BINDINGS", ()):
            key = b.key if isinstance(b, Binding) else b[0]
            keys.update(k.strip() for k in key.split(","))
    return frozenset(keys)


class KeyGate:
    def __init__(self, app: App, deliver: Callable[[events.Key], Awaitable[None]]) -> None:
        """`deliver` hands one key on as if it had just arrived (the app's own handling)."""
        self.app = app
        self.deliver = deliver
        self.closed = 0  # how many things the keys wait for
        self.held: deque[events.Key] = deque()
        self._watching = False

    def holds(self, event: events.Key) -> bool:
        """Keep the key if the gate is closed or keys are still waiting before it."""
        if self.closed or self.held:
            self.held.append(event)
            self._watch()
            return True
        return False

    def _watch(self) -> None:
        """Look again in STUCK seconds whether the first held key has gone on."""
        if not self._watching and self.held:
            self._watching = True
            self.app.set_timer(STUCK, functools.partial(self._unstick, self.held[0]))

    def _unstick(self, first: events.Key) -> None:
        self._watching = False
        if not self.app.screen_stack or not self.held:
            return
        if self.held[0] is first:  # nothing went on: let them through, in order
            self.closed = 0
            self.app.call_later(self._replay)
        self._watch()

    def close(self) -> None:
        self.closed += 1

    @contextlib.contextmanager
    def closed_during(self) -> Iterator[None]:
        """Closed while the body runs, open again once the screen has settled after it."""
        self.close()
        try:
            yield
        finally:
            self.open_when_settled()

    def open_when_settled(self) -> None:
        """Open once the screen on top has taken focus (or had its chance to).

        Looked at by the app's timer, not after the screen's next refresh:
        Textual keeps such a callback with the screen on top when it is
        asked for, and drops it with that screen. Esc or Enter closing a
        dialog asked for it on the dialog, which went before its refresh:
        the gate stayed closed and the program took no more keys.
        """
        self.app.set_timer(TICK, functools.partial(self._settle, PATIENCE))

    def _settle(self, patience: int) -> None:
        if not self.app.screen_stack:  # the app is ending: nothing is left to type into
            return
        screen = self.app.screen
        waiting = not screen.is_mounted or (screen.focused is None and bool(screen.focus_chain))
        if waiting and patience > 0:
            self.app.set_timer(TICK, functools.partial(self._settle, patience - 1))
            return
        self.closed = max(0, self.closed - 1)
        if not self.closed and self.held:
            self.app.call_later(self._replay)

    async def _replay(self) -> None:
        """One key, handled to the end before the next, as if typed slowly.

        Each step is a message of the app's own: a key that no widget takes
        (Enter in a field, which sends the dialog) is handled by the app's
        bindings in its queue, before the next step. A key replayed may close
        the gate again (F3 in the burst): the rest waits for what it opens.
        """
        await self._handled()
        if self.closed or not self.held:
            return
        # Once more through the app's own queue: a key the field left to a
        # binding (Ctrl+U) comes back to the app to run, and must run before
        # the next key, not after it ("Ctrl+U 15.30" lost its "1").
        self.app.call_later(self._replay_one)

    async def _replay_one(self, patience: int = PATIENCE) -> None:
        # What the app ran just now for the key before (Enter's binding, which
        # sends a dialog) may have posted more for the screen to do (close the
        # dialog): done first, so that the next key goes where it now belongs.
        await self._handled()
        if self.closed or not self.held:
            return
        if not self.app._message_queue.empty() and patience > 0:
            self.app.call_later(self._replay_one, patience - 1)  # the app's own work first
            return
        key = self.held.popleft()
        await self.deliver(key)
        # Characters typed into the field go on together: they keep their order
        # in its queue, and one at a time a long burst took seconds to show.
        while self._typed_here(key) and self.held and not self.closed:
            key = self.held[0]
            if not self._typed_here(key):
                break
            await self.deliver(self.held.popleft())
        await self._handled()
        if self.held:
            self.app.call_later(self._replay)

    def _typed_here(self, event: events.Key) -> bool:
        """A character the focused field types where it is, by no binding."""
        return event.is_printable and typed_in(self.app.focused) and not waits_after(
            event, self.app.focused
        )

    async def _handled(self, rounds: int = 8) -> None:
        """Wait until the screen and its widgets have handled what is queued for them.

        The app itself is left out: this runs in its own message loop.
        """
        for _ in range(rounds):
            try:
                pumps = list(self.app.screen.walk_children(with_self=True))
            except Exception:  # no screen any more: quitting
                return
            if not await _one_round(pumps) or all(p._message_queue.empty() for p in pumps):
                return

    async def landed(self, limit: float) -> None:
        """Wait, at most `limit` seconds, until every key already read is where
        it was meant to go: none held, none queued for the app or its screen.

        A hang-up (tests/test_terminal_hangup.py) arrives as a signal, ahead of
        the keys Textual read just before it and still carries in its queues:
        the last word typed before an SSH link dropped was lost with them.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limit
        # The input thread's last read, on its way to the loop, goes first.
        await asyncio.sleep(TICK)
        while (left := deadline - loop.time()) > 0:
            try:
                pumps = [self.app, *self.app.screen.walk_children(with_self=True)]
            except Exception:  # no screen any more: nothing to type into
                return
            if not await _one_round(pumps, timeout=left):
                return
            if not (self.held or self.closed) and all(p._message_queue.empty() for p in pumps):
                return
            await asyncio.sleep(TICK)  # the gate opens on the app's timers


async def _one_round(pumps: list, timeout: float = 2.0) -> bool:
    """Each pump handles what was queued before now; False if that took too long."""
    done = asyncio.Event()
    waiting = 0

    def one_less() -> None:
        nonlocal waiting
        waiting -= 1
        if waiting == 0:
            done.set()

    for pump in pumps:
        if pump.call_later(one_less):
            waiting += 1
    if not waiting:
        return True
    try:
        await asyncio.wait_for(done.wait(), timeout)
    except TimeoutError:
        return False
    return True
