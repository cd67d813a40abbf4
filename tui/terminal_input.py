"""Reading a terminal's keys so that an Alt key never types into the minutes.

Three things Textual 8's input reader does with what terminals send, each
seen in the real program in a pseudo-terminal (tests/test_terminal_meta.py):

- ESC and a digit (Alt+1 from a terminal sending Meta as ESC) is read as
  "¡™£¢…", a table kept for WezTerm on macOS: the characters were typed into
  the § text. Without those entries ESC 1 is the key alt+1, which the
  application drops when nothing is bound to it.
- ESC and a letter followed at once by another ESC (Alt+Q held down, or two
  Alt keys in one read) is read as "^" and the letter: "^q^z" in the text.
  Such pairs are read here as the Alt keys they are.
- A byte that is not UTF-8 (the 8-bit Meta of an old terminal: Alt+q as
  0xF1) stopped the input thread with a traceback and closed the program.
  Such bytes are dropped, as an unbound key.

These reach into Textual's private input parser (textual<9 is pinned); the
tests above fail if an upgrade changes what they rely on.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Iterable

from textual import events
from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver
from textual.message import Message

# ESC and one character, with another ESC right after it: a whole Alt key.
# Not "[", "O", "P", "]", "_", "^", "\\": those begin longer sequences.
_META_PAIR = re.compile(r"\x1b([^\x1b\[\]OP_^\\\x00-\x1f\x7f])(?=\x1b)")

_OPTION_DIGITS = ("\x1b" + c for c in "§1234567890-=")


class MetaSafeParser(XTermParser):
    def feed(self, data: str) -> Iterable[Message]:
        if not data:
            yield from super().feed(data)
            return
        at = 0
        for pair in _META_PAIR.finditer(data):
            if pair.start() > at:
                yield from super().feed(data[at : pair.start()])
            yield from self._sequence_to_key_events(pair.group(1), alt=True)
            at = pair.end()
        if at < len(data):
            yield from super().feed(data[at:])


def _lenient_decoder(encoding: str):
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="ignore")


def install() -> None:
    """Read keys as above, for every application this process runs. Safe to call twice."""
    for sequence in _OPTION_DIGITS:
        ANSI_SEQUENCES_KEYS.pop(sequence, None)
    linux_driver.XTermParser = MetaSafeParser  # type: ignore[attr-defined,misc]
    linux_driver.getincrementaldecoder = _lenient_decoder  # type: ignore[attr-defined]


def read(data: bytes) -> list[events.Key]:
    """The keys `data` arriving in one read gives, as the running program reads it."""
    install()
    parser = MetaSafeParser()
    text = _lenient_decoder("utf-8")().decode(data, final=True)
    tokens = [*parser.feed(text)] if text else []  # the driver skips an empty read too
    return [t for t in [*tokens, *parser.feed("")] if isinstance(t, events.Key)]
