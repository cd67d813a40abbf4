"""Textual's footer, composed once with its keys and again only when they change.

Textual's `Footer` starts empty and composes its keys anew after every change
of the screen's bindings, whether or not the keys it shows changed: a focus
moving between two lists recomposed all twenty keys. At the start of a meeting
that was three recompositions, one of them before the first frame. This one
shows the same keys, made the same way, and skips a recomposition that would
make the same keys again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The keys in the first composition, not after the first refresh.
        self.set_reactive(Footer._bindings_ready, True)
        self._composed: tuple | None = None

    def _keys(self) -> tuple:
        """What `Footer.compose` makes its keys of (the command palette's too)."""
        app = self.app
        keys = []
        for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if binding.show or key == app.COMMAND_PALETTE_BINDING:
                keys.append(
                    (key, binding.key, binding.action, binding.description, binding.group,
                     binding.tooltip, binding.show, enabled, tooltip, app.get_key_display(binding))
                )  # fmt: skip
        return (self.show_command_palette, app.ENABLE_COMMAND_PALETTE, tuple(keys))

    def compose(self) -> ComposeResult:
        self._composed = self._keys()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and self._keys() == self._composed:
            return  # the same keys: nothing to show anew
        super().bindings_changed(screen)
