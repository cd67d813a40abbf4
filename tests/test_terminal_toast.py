"""A message that just fits its toast is shown whole, in the real program.

Textual's toast rack kept a hidden scrollbar's columns: a toast's width was
measured with them and drawn without, and a line exactly as wide as the
toast lost its last character ("Exporterat till …/2026-11-30-Styrelsen.tx",
a trial). Pilot's screenshots do not show toasts; the pty's screen does.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .terminal.harness import run
from .terminal.screens import sv
from .terminal.sequences import XTERM
from .terminal.stores import examples

WIDTH = 37  # a toast's line at 80 columns: half the screen, less its border and padding


def test_an_export_path_as_wide_as_the_toast_is_shown_to_its_last_character(tmp_path):
    store = examples(tmp_path / "store")
    folder = Path(tempfile.mkdtemp(prefix="p", dir="/tmp"))  # a path of a length we choose
    try:
        target = str(folder / "x.txt")
        target = str(folder / ("x" * (WIDTH - len(target) + 1) + ".txt"))
        assert len(target) == WIDTH
        with run(store, ready=sv("past_meetings")) as t:
            t.send(XTERM["down"] + XTERM["enter"])  # Tidigare möten
            t.wait_for("2025-06-05")
            t.send(XTERM["enter"])  # the newest: its protocol
            t.wait_for("PROTOKOLL")
            t.send(XTERM["f2"])
            t.wait_for(sv("d_export_path")[:20])
            t.send(b"\x15" + target.encode() + XTERM["enter"])  # Ctrl+U: the suggestion away
            screen = t.wait_for(sv("n_exported"))
            assert Path(target).is_file()
            assert any(line.rstrip().endswith(target) for line in screen.splitlines()), screen
            t.send(XTERM["ctrl+q"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
