"""The events that matter to the record, told to whoever listens.

A meeting created, closed, reopened, adjusted, corrected, posted or masked,
an organ or roster changed, an import: after each, once it is saved, the
store calls its `on_event` listener (when it has one) with the event, what
it concerns and the files that hold it. The git history (store.git_history)
listens and makes a commit of each; a store with no listener does nothing.
"""

from __future__ import annotations

from typing import Any

# A verb's change (its message key) that is such an event, and the event's name.
OF_CHANGE = {
    "v_closed": "closed",
    "v_reopened": "reopened",
    "v_masked": "masked",
    "v_unmasked": "unmasked",
}


def happened(store: Any, event: str, meeting_id: str = "", organ_id: str = "") -> None:
    """Tell the store's listener that `event` happened to a meeting or an organ."""
    listener = getattr(store, "on_event", None)
    if listener is None:
        return
    files = [f"meetings/{meeting_id}.json"] if meeting_id else []
    listener(event, meeting_id or organ_id, files)
