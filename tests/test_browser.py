"""A real browser reads along: `protokoll serve` in headless Chromium.

The secretary types a § in the application (the real program in a pty);
the page open in Chromium shows it, pushed over the event stream, without
a reload and without breaking its Content-Security-Policy. A screenshot at
1920×1080 is saved (PROTOKOLL_SCREENSHOT names where to copy it: the
README's docs/serve.png is made so).

Chromium is Debian's (`.ci/run` installs it with apt-get), driven by
playwright's client; playwright's own browser download is not used. The
test skips only where Chromium is not installed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from protokoll.store import Store, verbs

from .terminal.harness import STARTUP, WAIT, run
from .terminal.stores import meeting_in_progress
from .test_serve import serve

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TYPED = "Kassören redovisar utfallet per oktober: intäkterna följer budgeten."
AGENDA = ["Mötets öppnande", "Föregående protokoll", "Ekonomisk rapport", "Övriga frågor"]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (.ci/run installs Debian's chromium with apt-get; "
    "this system has no package for it)",
)


def a_meeting(path: Path) -> str:
    """A meeting some way in: two §§ decided, the third being written."""
    meeting_id = meeting_in_progress(path, agenda=AGENDA, present=True)
    session = Store(path).open(meeting_id)
    editor = session.editor(history=False)
    first = session.meeting.paragraphs[0]
    editor.do(verbs.set_text, first.id, "Ordföranden hälsar välkommen och öppnar mötet.")
    editor.do(verbs.add_decision, first.id, "att förklara mötet öppnat")
    second = session.add_paragraph(AGENDA[1], agenda_item=session.meeting.agenda[1].id)
    editor.do(verbs.set_text, second.id, "Protokollet från sammanträdet den 4 december.")
    editor.do(verbs.add_decision, second.id, "att lägga protokollet till handlingarna")
    session.add_paragraph(AGENDA[2], agenda_item=session.meeting.agenda[2].id)
    session.close()
    return meeting_id


def test_a_paragraph_typed_in_the_application_appears_in_the_browser(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")
    path = tmp_path / "store"
    a_meeting(path)
    shot = tmp_path / "serve.png"
    with serve(path) as s, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            refused: list[str] = []
            page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
            page.goto(f"http://{s.host}:{s.port}/{s.token}/")
            page.get_by_text("§ 3  Ekonomisk rapport").wait_for(timeout=WAIT * 1000)
            page.locator("#state").filter(has_text="direkt").wait_for(timeout=WAIT * 1000)
            with run(path, ready="§ 3  Ekonomisk rapport") as app:
                app.type(TYPED, delay=0.01)
                page.get_by_text(TYPED).wait_for(timeout=STARTUP * 1000)
            assert "aktuell § 3" in page.locator("#current").inner_text()
            line = page.locator(".line", has_text=TYPED)
            assert "changed" in line.get_attribute("class")
            assert "current" in line.get_attribute("class")
            assert not refused, refused  # a policy violation is a console error
            page.screenshot(path=str(shot))
        finally:
            browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    wanted = os.environ.get("PROTOKOLL_SCREENSHOT")
    if wanted:
        shutil.copyfile(shot, wanted)
