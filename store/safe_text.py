"""User text is data, never terminal control.

A name, a title or a § text may come from an imported file, a paste or a
script, and may carry escape sequences (set the window title, write the
clipboard, clear the screen, ask the terminal to type an answer), a carriage
return that lets later words overwrite earlier ones ("BIFALLS\\rAVSLÅS" shows
as "AVSLÅS"), or bidi overrides that show letters in another order than they
are stored. `safe` makes such text harmless to print and still honest: what
was taken away leaves MARK behind, so a reader sees that something was there.

- An escape sequence (CSI, OSC, DCS, SOS, PM, APC and the short ESC forms;
  also their 8-bit C1 introducers) goes whole, not leaving "[31m" behind,
  and becomes one MARK. A string sequence (OSC, DCS …) ends at BEL or ST; one
  with a line break before its end is not taken as a sequence, so a stray
  introducer never hides whole lines: only the introducer is marked.
- CRLF is a line break; a lone CR, VT, FF, NEL, U+2028 and U+2029 too, so
  nothing written after them can overwrite what came before.
- A tab becomes spaces to the next multiple of eight (the terminal's stops).
- Other C0 controls, DEL, C1 controls, lone surrogates, the bidi embeddings,
  overrides, isolates and marks, and the invisible format characters (zero
  width space, word joiner, BOM, invisible operators, tag characters …)
  each become MARK.
- Kept: every letter, Swedish or not, emoji and their joiners (ZWJ, ZWNJ,
  variation selectors), and the soft hyphen, which terminals show as a
  hyphen or not at all and which cannot move or hide other text.

`safe_line` is the same for one-line fields (a name, a title): line breaks
become spaces. `json_text` escapes the same characters as `\\uXXXX` in JSON,
which then reads back to exactly the text stored. `clean` is for text on its
way in (an import, a paste): line breaks normalised, the rest as `safe`,
tabs kept, except colours and type styles (SGR, "ESC [ 31 m"), which go
without a mark: they only styled the words around them, which stay as they
were seen, and text copied with its colours had put "klistrat�röd� slut"
into the record (a trial).
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

MARK = "\ufffd"  # "�": something here was not text and was not shown

# Everything `safe` changes but tab and newline: its presence is the slow path.
_FORMAT = (
    "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE_CLASS = f"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029{_FORMAT}"
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")

_ST = r"(?:\x07|\x1b\\|\x9c)"  # string terminator: ST, or BEL as xterm allows
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI: parameters, intermediates, final
    rf"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*{_ST}"  # OSC, DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]"  # the short forms: ESC c, ESC 7, ESC ( B …
)
_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_STYLE = re.compile(r"(?:\x1b\[|\x9b)[0-9;:]*m")  # SGR: colours, bold, underline …


def _marked(text: str) -> str:
    text = _SEQUENCE.sub(MARK, text)
    text = _BREAKS.sub("\n", text)
    return _UNSAFE.sub(MARK, text)


def safe(text: str) -> str:
    """`text` as it may be printed to a terminal: see the module's description."""
    if text.isprintable():  # the usual line, checked in C: nothing to change
        return text
    if _UNSAFE.search(text) is not None:
        text = _marked(text)
    if "\t" in text:
        text = "\n".join(line.expandtabs(8) for line in text.split("\n"))
    return text


def safe_line(text: str) -> str:
    """`safe`, for a one-line field: a line break becomes a space."""
    return safe(text).replace("\n", " ")


def clean(text: str) -> str:
    """Text on its way into the store: line breaks as "\\n", tabs kept, colours
    and type styles dropped, and no other control or invisible format
    character (each is MARK, as `safe` shows it)."""
    if _UNSAFE.search(text) is None:
        return text
    return _marked(_STYLE.sub("", text))


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code > 0xFFFF:  # JSON has \\u for 16 bits: a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_text(value: Any, **kwargs: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, **kwargs)`, with every character
    `safe` would change written as an escape, so the bytes hold none of them
    and `json.loads` gives back the exact text."""
    # The only non-ASCII in the encoder's output is inside strings, where an
    # escape means the same character; outside them JSON is ASCII.
    return _UNSAFE.sub(_escaped, json.dumps(value, ensure_ascii=False, **kwargs))


def clean_all(obj: Any) -> Any:
    """Every text in a dataclass (and its lists and dicts) through `clean`, in place.

    For what arrives whole from outside: an imported document, an organ after
    its verbs ran. Ids are left as they are by `clean` (they hold nothing it
    changes)."""
    if isinstance(obj, str):
        return clean(obj)
    if isinstance(obj, list):
        obj[:] = [clean_all(x) for x in obj]
    elif isinstance(obj, dict):
        for k, v in list(obj.items()):
            obj[k] = clean_all(v)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, str | list | dict) or dataclasses.is_dataclass(value):
                object.__setattr__(obj, f.name, clean_all(value))
    return obj
