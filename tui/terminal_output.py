"""Writing to a terminal that may go away while the program still draws.

Textual draws through a thread that takes at most 30 writes in its queue
and ends at the first write that fails. After a hang-up every write to the
terminal fails (EIO), so the thread ended with the first frame drawn after
the connection dropped; 30 frames later the event loop waited for room in
the queue for good, and the program, its text already saved, was ended by
the hang-up's watchdog with status 1 instead of its own (a forked program
under load in tests/test_terminal_harness.py). Here the terminal's file
forgets a failed write and every one after it: there is nobody to show
them to.
"""

from __future__ import annotations

from typing import IO, Any

from textual.driver import Driver


class LostTerminal:
    """A file that stops writing, without an error, once a write has failed."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.lost = False

    def write(self, text: str) -> int:
        if not self.lost:
            try:
                return self._file.write(text)
            except OSError:
                self.lost = True
        return len(text)

    def flush(self) -> None:
        if not self.lost:
            try:
                self._file.flush()
            except OSError:
                self.lost = True

    def __getattr__(self, name: str) -> Any:
        # fileno, isatty, encoding: the terminal's own, as long as it is there.
        return getattr(self._file, name)


def tolerant(driver_class: type[Driver]) -> type[Driver]:
    """`driver_class`, writing through a `LostTerminal` where it writes to a file."""

    class Tolerant(driver_class):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            file = getattr(self, "_file", None)  # Textual's terminal drivers keep it here
            if file is not None and not isinstance(file, LostTerminal):
                self._file = LostTerminal(file)

    Tolerant.__name__ = Tolerant.__qualname__ = driver_class.__name__
    return Tolerant
