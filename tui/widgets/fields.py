"""Text fields: one that wraps and is sent with Enter, and the § editor.

A priority binding for Enter would run before the characters typed just
ahead of it have reached the field (they wait in its queue); handled in the
field's own queue, Enter comes after them, as Input's does.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea


class WrappingField(TextArea):
    class Submitted(Message):
        def __init__(self, field: WrappingField) -> None:
            super().__init__()
            self.field = field

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self.post_message(self.Submitted(self))
            return
        await super()._on_key(event)


class MinutesArea(TextArea):
    """The § being written."""

    BINDINGS = [
        # Terminals send them; TextArea has no binding for them, so the cursor
        # stayed where it was and the next words landed mid-paragraph.
        Binding("ctrl+home", "document_start", show=False),
        Binding("ctrl+end", "document_end", show=False),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # F6 and F7 are the meeting's undo and redo, not select line/all:
        # taken from the editor so the footer lists them in their place.
        for key in ("f6", "f7"):
            self._bindings.key_to_bindings.pop(key, None)

    def action_document_start(self) -> None:
        self.move_cursor((0, 0))

    def action_document_end(self) -> None:
        self.move_cursor(self.document.end)
