"""The application and the command line writing one store at once (issue 12, items 5–6)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from protokoll.store import Store
from tests.test_store_integrity import ROOT, numbers_on_disk, protocol
from protokoll.tui.app import ProtokollApp


def cli_import(store: Path, file: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "protokoll.tui", "--store", str(store), "import", str(file)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


async def test_a_paragraph_added_after_a_command_line_import_takes_no_number_twice(
    meeting, tmp_path
):
    path, meeting_id = meeting  # 2026-01-15, § 1, Arbetsutskottet, Förbundet
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # While the application runs, the command line imports February's
        # protocol of the same organ, §§ 2–3.
        february = tmp_path / "feb.txt"
        text = protocol("2026-02-10", 2, organ="Arbetsutskottet", organisation="Förbundet")
        february.write_text(text, encoding="utf-8")
        done = cli_import(path, february)
        assert done.returncode == 0, done.stderr
        assert len(Store(path).organs()) == 1  # the import found the organ
        await pilot.press("f2")  # a new §: it would have been a second § 2
        await pilot.pause()
        assert len(app.screen.meeting.paragraphs) == 1  # refused, and said
        await pilot.press("ctrl+q")
    counted = numbers_on_disk(path)
    assert max(counted.values()) == 1 and len(counted) == 3


async def test_an_organ_made_in_the_application_after_an_import_is_kept(tmp_path):
    path = tmp_path / "store"
    Store(path).add_organ("Arbetsutskottet", "Förbundet Test", organ_id="au")
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # This process has written an organ before (TinyDB then remembered
        # the next document id), and the command line writes one now.
        app.store.add_organ("Revisorerna", "Förbundet Test")
        imported = tmp_path / "mars.txt"
        imported.write_text(protocol("2024-03-14", 1), encoding="utf-8")
        assert cli_import(path, imported).returncode == 0  # a new organ, by the side
        await pilot.press("enter")  # Nytt möte
        await pilot.pause()
        await pilot.press("f3")  # a new organ
        await pilot.pause()
        await pilot.press(*"Valberedningen")
        await pilot.press("enter")
        await pilot.press(*"Förbundet Test")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.meeting.organ == "Valberedningen"
        await pilot.press("ctrl+q")
    assert sorted(o.name for o in Store(path).organs()) == [
        "Arbetsutskottet",
        "Revisorerna",
        "Styrelsen",
        "Valberedningen",
    ]
