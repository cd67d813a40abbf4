"""A text field that wraps over many lines and is sent with Enter, in order.

A priority binding for Enter would run before the characters typed just
ahead of it have reached the field (they wait in its queue); handled here,
in the field's own queue, Enter comes after them, as Input's does.
"""

from __future__ import annotations

from textual import events
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
