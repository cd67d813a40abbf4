"""Whether a worker's result may still land on a screen.

A worker reads on another thread, and what it found comes back later: the
screen may have gone meanwhile. `is_attached` alone does not say so while
Textual removes the screen: its widgets are pruned first and the screen
stays attached until the end, so a result landing then found no `#agenda`
and the application stopped with a traceback (a start followed at once by
Ctrl+Q, under load).
"""

from __future__ import annotations

from textual.dom import DOMNode


def still_shown(node: DOMNode) -> bool:
    """`node` is on the application and not being removed or closed."""
    # Textual's own test (Widget.display, signal delivery) reads the same flags.
    return node.is_attached and not (node._pruning or node._closing or node._closed)
