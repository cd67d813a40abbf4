"""Drawing after the terminal is gone never stops the program (tui.terminal_output).

After a hang-up every write to the terminal fails with EIO. Textual's drawing
thread ended at the first; thirty frames later the event loop waited for room
in its queue for good, and the hang-up's watchdog ended a program that had
saved everything with status 1.
"""

from __future__ import annotations

import errno
import sys
import threading
import time

from textual.drivers._writer_thread import WriterThread

from protokoll.tui.app import ProtokollApp
from protokoll.tui.terminal_output import LostTerminal

FRAMES = 100  # far more than the drawing thread's queue holds


class HungUpTerminal:
    """A terminal after a hang-up: what was written before it stays, the rest fails."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.hung_up = False

    def write(self, text: str) -> int:
        if self.hung_up:
            raise OSError(errno.EIO, "Input/output error")
        self.shown.append(text)
        return len(text)

    def flush(self) -> None:
        if self.hung_up:
            raise OSError(errno.EIO, "Input/output error")

    def fileno(self) -> int:
        return 2


async def test_the_program_draws_on_unseen_after_a_hang_up(tmp_path, monkeypatch):
    # async: a driver is made in the event loop it will run in
    terminal = HungUpTerminal()
    monkeypatch.setattr(sys, "__stderr__", terminal)  # where Textual's terminal driver writes
    app = ProtokollApp(tmp_path / "store")
    driver = app.get_driver_class()(app)
    writer = WriterThread(driver._file)  # as the driver starts it, on its file
    writer.start()

    def draw() -> None:
        writer.write("before")
        while not terminal.shown:  # drawn, by the thread, before the line drops
            time.sleep(0.01)
        terminal.hung_up = True
        for n in range(FRAMES):
            writer.write(f"frame {n}")
        writer.stop()  # as at the program's end

    drawing = threading.Thread(target=draw, daemon=True)
    drawing.start()
    drawing.join(10)
    assert not drawing.is_alive(), "the program waited for a terminal that is gone"
    assert not writer.is_alive()
    assert "before" in "".join(terminal.shown)


def test_a_lost_terminal_keeps_quiet_once_a_write_has_failed():
    terminal = HungUpTerminal()
    file = LostTerminal(terminal)
    assert file.write("seen") == 4
    file.flush()
    terminal.hung_up = True
    assert file.write("unseen") == 6 and file.lost
    terminal.hung_up = False  # never tried again: the terminal is gone for good
    file.write("later")
    file.flush()
    assert terminal.shown == ["seen"]
    assert file.fileno() == 2
