"""A paste is text, whatever it holds, and arrives whole however the reads cut it.

Terminals send a paste between ESC[200~ and ESC[201~ (bracketed paste). Text
copied with its colours holds escape sequences of its own; Textual's reader
kept such an ESC in the paste but read what followed it as keys, so a tab in
the pasted text went to the attendance list and the words after it were
commands there ("space" marked someone present). The real program in a pty
gets the paste as a terminal sends it, in one write and cut across reads
(the rest following within the time a key's sequence is waited for).
"""

from __future__ import annotations

import time

import pytest

from protokoll.store import Store
from protokoll.store.safe_text import clean

from .terminal.harness import run
from .terminal.screens import finish
from .terminal.stores import meeting_in_progress

START, END = b"\x1b[200~", b"\x1b[201~"
# Coloured words, a tab, then letters and spaces that are attendance keys.
PASTED = "Röd \x1b[31mvarning\x1b[0m\tsedan o j e och mellanslag  .\nAndra raden \x1b[1mfet\x1b[0m."


def _pieces(cut: int | None) -> list[bytes]:
    whole = START + PASTED.encode() + END
    return [whole] if cut is None else [whole[:cut], whole[cut:]]


@pytest.mark.parametrize(
    "cut",
    [None, 3, len(START) + 8, len(START) + len(PASTED.encode()) + 2],
    ids=["one write", "start marker cut", "text cut after an ESC", "end marker cut"],
)
def test_a_paste_with_escape_sequences_and_a_tab_is_text_in_the_paragraph(tmp_path, cut):
    path = tmp_path / "store"
    meeting_id = meeting_in_progress(path, text="Före. ")
    before = Store(path).load(meeting_id)
    with run(path, ready="§ 1  Information") as t:
        for piece in _pieces(cut):
            t.send(piece)
            time.sleep(0.03)  # read apart, yet well within the wait for a sequence's rest
        t.wait_for("Andra raden")
        finish(t)

    after = Store(path).load(meeting_id)
    assert after.paragraphs[0].text == "Före. " + clean(PASTED)
    # Nothing in the paste acted as a key: attendance and roles as they were.
    assert [(a.name, a.present, a.role) for a in after.attendees] == [
        (a.name, a.present, a.role) for a in before.attendees
    ]


def _events(chunks: list[str]) -> list[tuple[str, str]]:
    """What protokoll's input parser makes of these reads, then the end of input."""
    from textual import events

    from protokoll.tui.terminal_input import MetaSafeParser, install

    install()
    parser = MetaSafeParser()
    found = [e for chunk in [*chunks, ""] for e in parser.feed(chunk)]
    return [
        ("paste", e.text) if isinstance(e, events.Paste) else ("key", e.key)
        for e in found
        if isinstance(e, events.Paste | events.Key)
    ]


def test_the_parser_reads_one_paste_wherever_the_reads_cut_it():
    whole = "a" + (START + PASTED.encode() + END).decode() + "b"
    expected = [("key", "a"), ("paste", PASTED), ("key", "b")]
    assert _events([whole]) == expected
    for cut in range(1, len(whole)):
        assert _events([whole[:cut], whole[cut:]]) == expected, cut


def test_keys_that_begin_like_a_paste_marker_are_still_keys():
    # F9 is ESC [ 2 0 ~: its first four characters begin the paste marker.
    assert _events(["\x1b[20", "~"]) == [("key", "f9")]
    assert _events(["\x1b"]) == [("key", "escape")]
    assert _events(["\x1bq\x1bz"]) == [("key", "alt+q"), ("key", "alt+z")]
