"""What a verb did, and the editor that runs verbs with undo and redo.

A verb is a function `verb(meeting, ...) -> Change` that checks its rules,
changes the meeting and says what it changed, or raises a one-line
StoreError. The editor runs it on an open meeting: it keeps the meeting as it
was before, so that a refusal leaves nothing half-changed and the change can
be undone, renumbers the organ's §s when the verb moved them, and saves.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import StoreError, message
from ..model import Meeting
from ..safe_text import clean
from ..serial import from_dict, to_dict
from .events import OF_CHANGE, happened
from .history import DEPTH, History, Step

if TYPE_CHECKING:
    from ..store import MeetingSession


@dataclass(frozen=True)
class Change:
    """What a verb changed: a message key with its parameters, and where."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    paragraph: str | None = None  # the § it concerns, for the screen to show
    renumber: bool = False  # §s were added, removed or moved
    # For "undone" and "redone": the change that was taken back or made again.
    inner: Change | None = None

    def text(self, lang: str) -> str:
        if self.inner is not None:
            return message(self.key, lang, what=self.inner.text(lang))
        return message(self.key, lang, **self.params)


def restore(meeting: Meeting, doc: dict, keep_text: bool = True) -> None:
    """Put `meeting` back to `doc` in place, so that every holder sees it.

    The § texts are the editor's own (it has its own undo): an undo of a
    decision must not take back the words typed since, so each § that is
    still there keeps the text it has now.
    """
    # Where the decisions stand in the text (decision_place) goes with the text.
    texts = {p.id: (p.text, p.decisions_after) for p in meeting.paragraphs} if keep_text else {}
    current = meeting.current
    old = from_dict(Meeting, doc)
    meeting.__dict__.update(old.__dict__)
    for p in meeting.paragraphs:
        if p.id in texts:
            p.text, p.decisions_after = texts[p.id]
    if meeting.paragraph(current) is not None:
        meeting.current = current


def _cleaned(args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    """A verb's texts as they may be stored: no control or invisible format
    character, from whichever door they came (a script, the command line)."""
    return (
        tuple(clean(a) if isinstance(a, str) else a for a in args),
        {k: clean(v) if isinstance(v, str) else v for k, v in kwargs.items()},
    )


class Editor:
    """Runs verbs on an open meeting, and undoes and redoes them."""

    def __init__(
        self,
        session: MeetingSession,
        saved: Callable[[], None] | None = None,
        history: History | None = None,
    ) -> None:
        """`saved` is called after each change (default: save now); `history` keeps undo."""
        self.session = session
        self.meeting = session.meeting
        self._saved = saved or session.save
        self.history = history
        self.undone: list[Step] = []
        self.done: list[Step] = []
        if history is not None:
            self.done, self.undone = history.load(to_dict(self.meeting))

    def do(self, verb: Callable[..., Change], *args: Any, **kwargs: Any) -> Change:
        """Run a verb: the meeting changes as it says, or not at all."""
        self.session._check()
        args, kwargs = _cleaned(args, kwargs)
        before = to_dict(self.meeting)
        try:
            change = verb(self.meeting, *args, **kwargs)
            if change.renumber:
                self._renumber(before)
        except StoreError:
            # Verbs check before they change; should one have changed something
            # before refusing, the meeting is put back as it was.
            if to_dict(self.meeting) != before:
                restore(self.meeting, before, keep_text=False)
            raise
        step = Step(change.key, change.params, change.paragraph, before)
        self.done = [*self.done, step][-DEPTH:]
        self.undone = []
        if self.history is not None:
            self.history.did(step, to_dict(self.meeting))
        self._saved()
        self._place_remembered(before.get("place", ""))
        if change.key in OF_CHANGE:  # an event of the record: on disk now, then told
            if self._saved != self.session.save:
                self.session.save()
            happened(self.session.store, OF_CHANGE[change.key], self.meeting.id)
        return change

    def quietly(self, verb: Callable[..., Change], *args: Any, **kwargs: Any) -> Change:
        """A change that is not undone by itself: the § text, the § being written.

        The text has its editor's own undo; which § is on screen is not a change
        to the record.
        """
        self.session._check()
        args, kwargs = _cleaned(args, kwargs)
        change = verb(self.meeting, *args, **kwargs)
        self._saved()
        return change

    def undo(self) -> Change | None:
        """Take back the latest change; None when there is nothing to undo."""
        return self._swap(self.done, self.undone, "undo")

    def redo(self) -> Change | None:
        """Make again the latest change undone; None when there is none."""
        return self._swap(self.undone, self.done, "redo")

    def _swap(self, source: list[Step], target: list[Step], how: str) -> Change | None:
        self.session._check()
        if not source:
            return None
        step = source[-1]
        now = to_dict(self.meeting)
        restore(self.meeting, step.state)
        if how == "undo" and step.key == "v_closed":
            # Undoing the close is reopening: the end typed stays, offered when
            # it closes again (it had offered the time now, and the protocol
            # said 10.31 for a meeting that ended 19.40: trial 5).
            self.meeting.end = now.get("end")
        # A § that comes back (a deletion undone) is the one shown: the screen
        # had stayed on its neighbour, and the next words went there (a trial).
        had = {p.get("id") for p in now.get("paragraphs", [])}
        back = next((p.id for p in self.meeting.paragraphs if p.id not in had), None)
        if back is not None:
            self.meeting.current = back
        try:
            self._renumber(now)
        except StoreError:
            restore(self.meeting, now)
            raise
        source.pop()
        target.append(Step(step.key, step.params, step.paragraph, now))
        if self.history is not None:
            write = self.history.undid if how == "undo" else self.history.redid
            write(now, to_dict(self.meeting))
        self._saved()
        self._place_remembered(now.get("place", ""))
        inner = Change(step.key, step.params, step.paragraph)
        return Change(
            "undone" if how == "undo" else "redone", paragraph=back or step.paragraph, inner=inner
        )

    def _place_remembered(self, was: str) -> None:
        """A place put right is the organ's remembered one (a new meeting's
        default) where that was this meeting's: the next meeting's form had
        proposed the wrong room again (a trial). A convenience: a busy
        catalogue leaves it as it was."""
        m = self.meeting
        if m.place == was or not m.place:
            return
        from .organ import change_organ, edit_organ

        store = self.session.store
        with contextlib.suppress(StoreError):
            if store.catalogue_ok and store.organ_on_disk(m.organ_id).place == was:
                change_organ(store, m.organ_id, functools.partial(edit_organ, place=m.place))

    def _renumber(self, was: dict[str, Any]) -> None:
        """Number the organ's §s again; `was` is the meeting before the change."""
        m = self.meeting
        if m.fixed_numbers:
            return
        store = self.session.store
        old_scope = None
        if was.get("date", m.date) != m.date:
            # Moved in time: the year it left closes up its numbers too.
            old_scope = store.scope_of(m.organ_id, was["date"], m.id)
        store.renumber(self.session, old_scope=old_scope)

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def undo_reopens(self) -> bool:
        """Whether undoing the latest change opens the closed meeting for changes
        again (the latest change closed it): asked first, as reopening is, by
        the application and the command line alike."""
        last = self.last("undo")
        return (
            self.meeting.status == "closed"
            and last is not None
            and last.state.get("status") not in (None, "closed")
        )

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    def last(self, how: str = "undo") -> Step | None:
        stack = self.done if how == "undo" else self.undone
        return stack[-1] if stack else None
