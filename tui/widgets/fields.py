"""Text fields: one that wraps and is sent with Enter, and the § editor.

A priority binding for Enter would run before the characters typed just
ahead of it have reached the field (they wait in its queue); handled in the
field's own queue, Enter comes after them, as Input's does.

Every field here takes text as data (`store.safe_text.clean`): a paste, a
loaded text or a value set holds no escape sequence, C1 control, bidi
override or lone CR, so none is stored, and none reaches the terminal while
the field shows it. Each such character shows as the mark "\ufffd".
"""

from __future__ import annotations

import dataclasses

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from protokoll.store.safe_text import clean

from ..notices import warn_now_and_then


class DataArea(TextArea):
    """A TextArea whose text is always clean: given, loaded, typed or pasted."""

    BINDINGS = [
        # Terminals send them; TextArea has no binding for them, so the cursor
        # stayed where it was and the next words landed mid-paragraph. Every
        # text box, as F1 says: the organ form's roster had not moved (a trial).
        Binding("ctrl+home", "document_start", show=False),
        Binding("ctrl+end", "document_end", show=False),
    ]

    def __init__(self, text: str = "", *args, **kwargs) -> None:
        super().__init__(clean(text), *args, **kwargs)

    def action_document_start(self) -> None:
        self.move_cursor((0, 0))

    def action_document_end(self) -> None:
        self.move_cursor(self.document.end)

    def load_text(self, text: str) -> None:
        super().load_text(clean(text))

    def edit(self, edit: Edit) -> EditResult:
        # Typing, a paste, insert() and replace() all arrive here as one Edit.
        return super().edit(dataclasses.replace(edit, text=clean(edit.text)))


class DataInput(Input):
    """An Input whose value is always clean and one line."""

    def on_blur(self) -> None:
        # Left, a field shows its beginning: scrolled to where typing ended, a
        # task's "skriva verksamhetsberättelse och …" read "verksamhetsberättelse
        # och …", as if its first word were lost (a trial). Focused again, it
        # scrolls to the cursor as before.
        self.scroll_to(x=0, animate=False)

    def validate_value(self, value: str) -> str:
        return clean(value).replace("\n", " ")

    def replace(self, text: str, start: int, end: int) -> None:
        # Cleaned before it is put in, so the cursor lands after what was kept.
        super().replace(clean(text).replace("\n", " "), start, end)

    def restricted(self) -> None:
        """A character a number field does not take: said, not only rung (a
        trial's path typed into "Första §" went without a word). Once in a
        moment, not once a key."""
        super().restricted()
        warn_now_and_then(self, "n_digits_only")


class WrappingField(DataArea):
    SENDS_ON_ENTER = True  # Enter sends the field, not a new line (tui.keygate)

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


class MinutesArea(DataArea):
    """The § being written."""

    class TypedReadOnly(Message):
        """A character typed where nothing can be typed: the screen says why.
        Keys typed into a closed meeting or a § adjusted at once vanished
        without a word (a trial)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # F6 and F7 are the meeting's undo and redo, not select line/all:
        # taken from the editor so the footer lists them in their place.
        for key in ("f6", "f7"):
            self._bindings.key_to_bindings.pop(key, None)

    def on_key(self, event: events.Key) -> None:
        if self.read_only and event.is_printable:
            self.post_message(self.TypedReadOnly())

