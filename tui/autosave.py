"""Every change on disk within about a second, without making typing wait.

The screen marks the meeting changed on every edit. Twice a second the
autosaver takes a snapshot on the UI thread (a copy, in well under a
millisecond) and hands it to a writer thread, which does the fsync and the
rename. Typing never waits for the disk.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable

from store import MeetingSession, StoreError

INTERVAL = 0.5  # seconds between checks; a change is on disk within about one


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
        self.flush()
        self._queue.put(None)

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
