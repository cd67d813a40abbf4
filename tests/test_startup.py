"""The application's start imports what its first screen shows, and no more.

Each check runs in a fresh interpreter: what a test before it imported would
hide an import here. Speed itself is measured by bench/bench_app.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import store_with_meeting_in_progress

ROOT = Path(__file__).resolve().parent.parent

# Used only once the secretary asks for them: a dialog, the protocol's
# preview, the command palette, the importer, the search, the exchange.
NEVER_AT_START = {
    "dateutil.parser",  # dates typed in; store.dates imports it at the first
    "protokoll.store.exchange",
    "protokoll.store.importer",
    "protokoll.store.search",
    "protokoll.tui.screens.decision_dialog",
    "protokoll.tui.screens.dialogs",
    "protokoll.tui.screens.preview",
    "protokoll.tui.screens.record",
    "protokoll.tui.screens.unsaved",
    "protokoll.tui.toolkit",
}

START = """
import asyncio, json, sys
from pathlib import Path

import protokoll.tui.cli  # as the `protokoll` command does, before it starts the app
from protokoll.tui.app import ProtokollApp

async def main():
    app = ProtokollApp(Path(sys.argv[1]))
    seen, first = {}, []
    # The one private name here: the moment a frame is written has no public
    # hook. Textual's Ready event comes after the first frame, once the
    # screen's call_after_refresh callbacks (the follow-up worker) may have
    # run, so it cannot tell "before the first frame" from "just after".
    display = app._display

    def displayed(screen, renderable):
        # The first frame of the first screen: what was imported and started by then.
        if not seen and renderable is not None and type(screen).__name__.endswith("Screen"):
            seen["screen"] = type(screen).__name__
            seen["pending_workers"] = [w.name for w in app.workers if w.group == "pending"]
            # What was imported by then (the follow-up worker imports the
            # derived database's modules as soon as it runs, after this frame).
            seen["modules"] = sorted(
                m for m in sys.modules if m.startswith(("protokoll.", "dateutil"))
            )
            first.append(getattr(screen, "pending", None))
        display(screen, renderable)

    app._display = displayed
    async with app.run_test(size=(80, 24)) as pilot:
        while not seen:
            await asyncio.sleep(0)
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        # The follow-up state, loaded by the worker since: another object.
        later = first[0] is not None and app.screen.pending is not first[0]
        await pilot.press("ctrl+q")
    print(json.dumps({**seen, "pending_later": later}))

asyncio.run(main())
"""


def run(code: str, *args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout.strip().splitlines()[-1]


def start(store: Path) -> dict:
    return json.loads(run(START, str(store)))


def test_importing_the_application_imports_no_screen_and_no_subcommand_module():
    code = (
        "import sys, json, protokoll.tui.cli, protokoll.tui.app;"
        "print(json.dumps(sorted(m for m in sys.modules"
        " if m.startswith(('protokoll.', 'dateutil')))))"
    )
    loaded = set(json.loads(run(code)))
    assert not loaded & (
        NEVER_AT_START | {"protokoll.tui.screens.meeting", "protokoll.tui.screens.start"}
    )


def test_resuming_a_meeting_shows_it_before_dialogs_or_follow_up_are_loaded(tmp_path: Path):
    path = tmp_path / "store"
    store_with_meeting_in_progress(path)
    found = start(path)
    assert found["screen"] == "MeetingScreen"
    assert not set(found["modules"]) & (NEVER_AT_START | {"protokoll.tui.screens.start"})
    # The earlier meetings are read after the first frame, not before it...
    assert found["pending_workers"] == []
    # ...and are read all the same.
    assert found["pending_later"] is True


def test_the_start_menu_does_not_import_the_meeting_screen(tmp_path: Path):
    found = start(tmp_path / "empty")
    assert found["screen"] == "StartScreen"
    loaded = set(found["modules"])
    assert not loaded & (
        NEVER_AT_START | {"protokoll.tui.screens.meeting", "protokoll.tui.screens.meeting_commands"}
    )
