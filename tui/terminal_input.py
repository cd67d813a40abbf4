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
- A bracketed paste holding an escape sequence (text copied with its
  colours, a tab and more): the parser kept the ESC in the paste but read
  what followed it as keys, so the pasted words after it were typed as
  commands (a tab to the attendance list, then "space" marked someone
  present). A paste is read here, whole, up to its end marker, as one Paste
  event; its escape sequences are then text's business (`safe_text.clean`).

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
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.constants import ESCAPE_DELAY
from textual.drivers import linux_driver
from textual.message import Message

# ESC and one character, with another ESC right after it: a whole Alt key.
# Not "[", "O", "P", "]", "_", "^", "\\": those begin longer sequences.
_META_PAIR = re.compile(r"\x1b([^\x1b\[\]OP_^\\\x00-\x1f\x7f])(?=\x1b)")

_OPTION_DIGITS = ("\x1b" + c for c in "§1234567890-=")


_PASTE_START = "\x1b[200~"
_PASTE_END = "\x1b[201~"


def _partial(data: str, marker: str) -> int:
    """How many characters at the end of `data` begin `marker` (never all of it)."""
    for n in range(min(len(marker) - 1, len(data)), 0, -1):
        if data.endswith(marker[:n]):
            return n
    return 0


def _paste(pieces: list[str]) -> events.Paste:
    """The paste read, as one event (NULs dropped, as Textual's own parser does)."""
    return events.Paste("".join(pieces).replace("\x00", ""))


class MetaSafeParser(XTermParser):
    def __init__(self, *args, **kw) -> None:
        super().__init__(*args, **kw)
        self._pasted: list[str] | None = None  # a paste being read, up to its end
        # The end of one read that may begin a paste marker the next read ends.
        self._held = ""
        self._held_at = 0.0

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input: what is held goes as it is
            held, self._held = self._held, ""
            if self._pasted is not None:
                yield _paste([*self._pasted, held])
                self._pasted = None
            elif held:
                yield from super().feed(held)
            yield from super().feed(data)
            return
        data, self._held = self._held + data, ""
        while data:
            if self._pasted is not None:
                end = data.find(_PASTE_END)
                if end < 0:
                    cut = len(data) - _partial(data, _PASTE_END)
                    self._pasted.append(data[:cut])
                    self._held = data[cut:]
                    return
                self._pasted.append(data[:end])
                yield _paste(self._pasted)
                self._pasted = None
                data = data[end + len(_PASTE_END) :]
                continue
            start = data.find(_PASTE_START)
            if start < 0:
                # A marker cut by the read: held (`tick` lets it go when no more comes).
                cut = len(data) - _partial(data, _PASTE_START)
                yield from self._keys(data, cut)
                if cut < len(data):
                    self._held, self._held_at = data[cut:], get_time()
                return
            yield from self._keys(data, start)
            self._pasted = []
            data = data[start + len(_PASTE_START) :]

    def tick(self) -> Iterable[Message]:
        if self._held and self._pasted is None and get_time() - self._held_at >= ESCAPE_DELAY:
            # No paste came: the held ESC (or the start of a key's sequence) is
            # read now, as waited for already (not a second ESCAPE_DELAY).
            held, self._held = self._held, ""
            yield from super().feed(held)
            self._timeout_time = get_time()
        yield from super().tick()

    def _keys(self, data: str, end: int) -> Iterable[Message]:
        """The keys in `data[:end]`: Alt pairs (seen up to the end of `data`) as Alt keys."""
        at = 0
        for pair in _META_PAIR.finditer(data, 0, end + 1):
            if pair.end() > end:
                break
            if pair.start() > at:
                yield from super().feed(data[at : pair.start()])
            yield from self._sequence_to_key_events(pair.group(1), alt=True)
            at = pair.end()
        if at < end:
            yield from super().feed(data[at:end])


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
