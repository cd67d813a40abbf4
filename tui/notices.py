"""A warning said once in a moment, not once a key.

A key held down or a paste is one thing to say: letters typed into a field
of digits, or onto a drop-down, are each refused, and a warning a character
had stacked toasts over the form.
"""

from __future__ import annotations

import time
import weakref

from textual.dom import DOMNode

from .i18n import t

# When each node last said each warning (by its key in the interface's words).
_SAID: weakref.WeakKeyDictionary[DOMNode, dict[str, float]] = weakref.WeakKeyDictionary()


def warn_now_and_then(node: DOMNode, key: str, seconds: float = 2.0) -> None:
    """Say `t(key)` as a warning, unless `node` said it less than `seconds` ago."""
    said = _SAID.setdefault(node, {})
    now = time.monotonic()
    if now - said.get(key, -seconds) >= seconds:
        said[key] = now
        node.app.notify(t(key), severity="warning", markup=False)
