"""Textual's footer, composed once with its keys and again only when they change,
and fitted to its width.

Textual's `Footer` starts empty and composes its keys anew after every change
of the screen's bindings, whether or not the keys it shows changed: a focus
moving between two lists recomposed all twenty keys. At the start of a meeting
that was three recompositions, one of them before the first frame. This one
shows the same keys, made the same way, and skips a recomposition that would
make the same keys again.

At 80 columns not every key fits. Textual's footer cut the row where it
ended ("f6 Ångra  f▏"), so the keys after F6 were lost and half a key was
shown. This one shows the keys that fit whole, in their order (the focused
list's own first, then the screen's in the order a secretary uses them), and
always the key that reaches the rest (F9, "Mer …"), last. Below `NARROW`
columns the keys are packed closer (Textual's compact footer).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW = 100  # columns below which the keys are packed closer
MORE = "menu"  # the action of the key that reaches every other action (F9)


def key_width(key: FooterKey, compact: bool) -> int:
    """The columns a key takes, as Textual's footer styles it (FooterKey's and
    Footer's DEFAULT_CSS; tests/test_footer_fits.py checks the sum on screen)."""
    shown = cell_len(key.key_display)
    words = cell_len(key.description)
    if compact:  # key unpadded, a space before the words, a margin after
        width = shown + (1 + words if words else 0) + 1
    else:  # a space each side of the key, one after the words
        width = shown + 2 + (words + 1 if words else 0)
    if key.has_class("-command-palette"):
        # Its border instead of the margin, and its padding when not compact.
        width += 0 if compact else 2
    return width


def fitting(keys: list[FooterKey], width: int, compact: bool) -> list[FooterKey]:
    """The keys to show in `width` columns: the palette's, the more key, and as
    many of the others as fit whole, in their order."""
    palette = [k for k in keys if k.has_class("-command-palette")]
    more = [k for k in keys if k.action == MORE and k not in palette]
    room = width - sum(key_width(k, compact) for k in (*palette, *more))
    kept = []
    for key in keys:
        if key in palette or key in more:
            continue
        room -= key_width(key, compact)
        if room < 0:
            break  # in order: a later short key does not jump ahead of one left out
        kept.append(key)
    return [*kept, *more, *palette]


class SteadyFooter(Footer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The keys in the first composition, not after the first refresh.
        self.set_reactive(Footer._bindings_ready, True)
        self._composed: tuple | None = None
        self._width = 0  # the width the keys were fitted to

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

    def _available(self) -> int:
        # Before the first layout the footer has no size; it spans the screen.
        return self.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        self._composed = self._keys()
        self._width = self._available()
        compact = self._width < NARROW
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact")
        made: list[Widget] = list(super().compose())
        keys = [w for w in made if isinstance(w, FooterKey)]
        for key in keys:
            # The class the key's `compact` watcher would add after mounting,
            # given now: each key is then styled once, as it mounts, not again.
            key.set_class(compact, "-compact", update=False)
        shown = fitting(keys, self._width, compact)
        # Binding groups (none on our screens) are passed on as Textual made them.
        yield from shown + [w for w in made if not isinstance(w, FooterKey)]

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width and self.is_attached:
            self.call_after_refresh(self.recompose)

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and self._keys() == self._composed:
            return  # the same keys: nothing to show anew
        super().bindings_changed(screen)


class OwnFooter:
    """Mixed into a modal screen: its own keys at the bottom. The footer of the
    screen beneath showed through, offering keys the modal does not take (a trial)."""

    def _on_mount(self) -> None:
        self.mount(SteadyFooter())  # type: ignore[attr-defined]
