"""Keys in a burst on a slow machine still land where they were typed for.

The key gate (tui/keygate.py) holds the keys behind one that opens or closes
a dialog until the screen they were meant for is up. On a loaded server a
dialog can take a second to mount, and the § editor can be seconds behind
the keys: "F3 Beslut tre. Enter Mer text." was once lost in the full suite,
the dialog found empty. Here the slowness is made on purpose, with the event
loop free (as when other processes have the CPU), so what the gate does
while it waits is what is tested, not the machine.
"""

from __future__ import annotations

import asyncio

from textual import events

from protokoll.store import Store
from protokoll.tui import keygate
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.decision_dialog import DecisionDialog
from protokoll.tui.screens.meeting import MeetingScreen
from protokoll.tui.widgets.fields import MinutesArea

from .screen import key_for, wait_until
from .test_meeting_verbs_app import in_progress


def burst(app: ProtokollApp, *pieces: str) -> None:
    """Keys as one read of the terminal delivers them: text, or a key's name in <>."""
    for piece in pieces:
        if piece.startswith("<"):
            app.post_message(events.Key(piece.strip("<>"), None))
        else:
            for character in piece:
                app.post_message(key_for(character))


async def typed_through_a_decision(tmp_path, text: str, after: str) -> None:
    """`text` F3 "Beslutet." Enter `after` in one burst on a meeting of one §:
    the § has `text` + `after`, and its one decision "Beslutet."."""
    path = tmp_path / "store"
    meeting_id = in_progress(path, paragraphs=1)
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        area = app.screen.query_one("#text")
        burst(app, text, "<f3>", "Beslutet.", "<enter>", after)
        await wait_until(pilot, lambda: area.text.endswith(after), "the text after the dialog",
                         timeout=20)
        await pilot.press("ctrl+q")
    (p,) = [p for p in Store(path).load(meeting_id).paragraphs if p.decisions]
    assert p.text == text + after
    lead = "Arbetsutskottet beslutar att "
    assert [d.text.removeprefix(lead) for d in p.decisions] == ["Beslutet."]


async def test_a_dialog_slow_to_mount_gets_the_keys_typed_after_its_key(tmp_path, monkeypatch):
    # A second to mount, with the loop free: longer than the gate's patience
    # for a screen that has nothing focused.
    mount = DecisionDialog.on_mount

    async def slow_mount(self: DecisionDialog) -> None:
        await asyncio.sleep(1.0)
        mount(self)

    monkeypatch.setattr(DecisionDialog, "on_mount", slow_mount)
    await typed_through_a_decision(tmp_path, "Text.", "Mer text.")


async def test_keys_wait_for_a_slow_editor_rather_than_go_around_it(tmp_path, monkeypatch):
    # Each character takes the editor a while; the decision's key waits behind
    # them, longer than the gate waits for keys held with nothing going on.
    # The keys after F3 are for the dialog: they must not go to the § while
    # the editor is still busy with what came before.
    monkeypatch.setattr(keygate, "STUCK", 0.3)
    on_key = MinutesArea.on_key  # runs before the editor types the key

    async def slow_key(self: MinutesArea, event: events.Key) -> None:
        await asyncio.sleep(0.08)
        on_key(self, event)

    monkeypatch.setattr(MinutesArea, "on_key", slow_key)
    await typed_through_a_decision(tmp_path, "Tredje texten.", "Mer.")


async def test_keys_after_enter_wait_until_a_slow_dialog_has_closed(tmp_path, monkeypatch):
    # Enter sends the decision; on a loaded machine the dialog may take seconds
    # to get to it. The text typed after Enter is for the § beneath: typed into
    # the dialog before it closed, it went with the dialog.
    submitted = DecisionDialog.on_wrapping_field_submitted

    async def slow_submit(self: DecisionDialog, event) -> None:
        await asyncio.sleep(2.5)
        submitted(self, event)

    monkeypatch.setattr(DecisionDialog, "on_wrapping_field_submitted", slow_submit)
    await typed_through_a_decision(tmp_path, "Text.", "Mer.")


async def test_keys_after_f2_pressed_outside_the_text_go_to_the_new_paragraph(tmp_path):
    # F2 from the attendance list, then the § text in the same read: "Budg"
    # went to the list while the editor took the focus, and the § began
    # "eten redovisades." (a trial over SSH).
    path = tmp_path / "store"
    meeting_id = in_progress(path, paragraphs=1)
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        area = app.screen.query_one("#text")
        app.screen.query_one("#attendance").focus()
        await pilot.pause()
        burst(app, "<f2>", "Budgeten redovisades.")
        await wait_until(pilot, lambda: area.text.endswith("redovisades."), "the § text",
                         timeout=20)
        await pilot.press("ctrl+q")
    second = Store(path).load(meeting_id).paragraphs[1]
    assert second.text == "Budgeten redovisades."
