"""Every change on disk within about a second, without making typing wait.

The screen marks the meeting changed on every edit. Twice a second the
autosaver takes a snapshot on the UI thread (a copy, in well under a
millisecond) and hands it to a writer thread, which does the fsync and the
rename. Typing never waits for the disk.

A failed write (a full disk) is tried again at every tick, so the meeting
is on disk by itself once there is room. At the end (`finish`) what cannot
be written to the meeting file goes to a spill (`store.spill`), and only
if that fails too is the text handed back to be printed.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from protokoll.store import MeetingSession, StoreError, spill
from protokoll.store.serial import to_dict
from protokoll.store.words import say

INTERVAL = 0.5  # seconds between checks; a change is on disk within about one


@dataclass
class Outcome:
    """How a meeting was left when its screen finished."""

    error: StoreError | None = None  # why the meeting file could not be written; None: it was
    spill: Path | None = None  # where the text went instead
    doc: dict | None = None  # kept nowhere: the meeting, for its text to be printed

    def line(self, lang: str) -> str:
        """One line for the terminal once the application has gone; "" when all is saved."""
        if self.error is None:
            return ""
        if self.spill is not None:
            return say("ui.spilled", lang, error=self.error.text(lang), path=self.spill)
        return say("ui.spill_failed", lang, error=self.error.text(lang))

    def text(self) -> str:
        """The meeting's words, for a terminal: every § and its decisions."""
        if not self.doc:
            return ""
        out = []
        for p in self.doc.get("paragraphs") or []:
            number = p.get("number")
            out.append(f"§ {number}  {p.get('title', '')}" if number else str(p.get("title", "")))
            if p.get("text"):
                out.append(str(p["text"]))
            out.extend(str(d.get("text", "")) for d in p.get("decisions") or [])
            out.append("")
        return "\n".join(out)


class Autosaver:
    def __init__(self, session: MeetingSession, commit: Callable[[], None] | None = None) -> None:
        """`commit` brings the meeting up to date with what is on screen before a snapshot."""
        self.session = session
        self.commit = commit
        self.dirty = False
        # Read by the UI thread at its next tick; the writer never calls into
        # the UI (a blocking call there would deadlock against `flush`).
        self.saved_at: float | None = None
        self.error: StoreError | None = None
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    def touch(self) -> None:
        self.dirty = True

    def tick(self) -> None:
        """On the UI thread: hand the latest state to the writer."""
        if self.commit is not None:
            self.commit()
        if not self.dirty or self.session.read_only:
            return
        self.dirty = False
        self._queue.put(self.session.snapshot())

    def flush(self) -> None:
        """On the UI thread: everything on disk before returning (exit, SIGHUP)."""
        self.tick()
        self._queue.join()
        if self.error is not None and not self.session.read_only:
            # The writer failed (a full disk): one more try here, so the
            # caller hears of it.
            self.session.save()
            self.error = None

    def stop(self) -> None:
        try:
            self.flush()
        finally:
            self._queue.put(None)

    def finish(self) -> Outcome:
        """On the UI thread, at the end: on disk, else in a spill, else handed back.

        Never raises a StoreError and never waits long: a full disk is
        tried once more, not until there is room (exit, hang-up, SIGTERM).
        """
        try:
            self.stop()
            return Outcome()
        except StoreError as exc:
            error = exc
        if error.key != "write_failed":
            # Taken over by another process: that one writes the meeting now,
            # and this one's text must not come back over it (store/lock.py).
            return Outcome()
        store, meeting = self.session.store, self.session.meeting
        doc = to_dict(meeting)
        try:
            where = spill.keep(store.path, store._file(meeting.id), doc)
        except StoreError:
            return Outcome(error, None, doc)
        return Outcome(error, where)

    def _run(self) -> None:
        while True:
            snapshot = self._queue.get()
            try:
                if snapshot is None:
                    return
                # Only the newest waiting snapshot matters.
                while not self._queue.empty():
                    newer = self._queue.get_nowait()
                    self._queue.task_done()
                    if newer is None:
                        self._queue.put(None)
                        break
                    snapshot = newer
                self.session.write_snapshot(snapshot)
                self.saved_at, self.error = time.time(), None
            except StoreError as exc:
                self.dirty = True  # try again at the next tick
                self.error = exc
            finally:
                self._queue.task_done()
