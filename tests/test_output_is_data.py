"""User text is data on every way out: the renderers, every command's output,
JSON (issue 12).

Hypothesis puts random text, rich in escape sequences, controls, bidi and
format characters, into every field a protocol shows, and then reads all
that comes out: no raw control character is in it, and JSON reads back to
the exact text that went in.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from protokoll.store import Store
from protokoll.store.exchange import export_json
from protokoll.store.extract import render_extract
from protokoll.store.model import Decision, Meeting, Reservation, Task
from protokoll.store.render import render_text
from protokoll.store.render_md import render_markdown
from protokoll.store.safe_text import MARK
from protokoll.tui.cli import main

from .conftest import ROSTER
from .test_import import PROTOCOL
from .test_safe_text import forbidden

# What attacks a terminal, what hides or reorders text, and what must stay.
FRAGMENTS = [
    "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b[?1049h", "\x1b[6n", "\x1b]0;Hacked\x07",
    "\x1b]52;c;cm0gLXJmIH4=\x07", "\x1b]8;;http://x\x1b\\", "\x1bP+q544e\x1b\\", "\x1b", "\x1bc",
    "\x9b2J", "\x9d0;t\x9c", "\x90", "\r", "\r\n", "\n", "\t", "\x07", "\x08", "\x00", "\x7f",
    "\x85", "\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200f", "\ufeff", "\u2028",
    "\u2029", "\U000e0041", "\ud800", "å", "Ö", "👨‍👩‍👧", "🇸🇪", "[bold]", "[/]", "BIFALLS",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=8).map("".join)
# A store keeps what UTF-8 can hold: no lone surrogate (the renderers get them).
STORABLE_FRAGMENTS = [f for f in FRAGMENTS if f != "\ud800"]
STORABLE = st.lists(
    st.one_of(st.sampled_from(STORABLE_FRAGMENTS), st.text(max_size=4)), max_size=8
).map("".join)
# Every fragment in one text, tried first in every run: a fragment let through
# fails at once, whatever the random examples drew.
ALL, ALL_STORABLE = "".join(FRAGMENTS), "".join(STORABLE_FRAGMENTS)
# As many examples as the profile says (tests/conftest.py: everyday or thorough).
SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def no_control(output: str, where: str) -> None:
    assert forbidden(output) == [], f"{where}: {forbidden(output)[:5]} in {output[:400]!r}"


def meeting_with_text(base: Meeting, text: str) -> Meeting:
    """`base` with `text` in every field a protocol shows of it."""
    m = copy.deepcopy(base)
    m.organ = m.organisation = m.place = text
    chair, secretary, member = m.attendees[:3]
    for a in (chair, secretary, member):
        a.present = True
    chair.name = f"Ordf {text}"
    secretary.name = f"Sekr {text}"
    m.functions.chair, m.functions.secretary = chair.id, secretary.id
    m.functions.adjusters = [member.id]
    m.functions.titles[chair.id] = text
    first, second = m.paragraphs[:2]
    first.title = f"Budget {text}"
    first.text = f"Budgetuppföljning {text}\n\n{text}"
    first.decisions = [Decision(f"att godkänna {text}")]
    first.tasks = [Task("t1", f"Uppgift {text}", owner_name=text, due="2026-03-01")]
    first.reservations = [Reservation(member.id, reason=text)]
    second.title = text
    second.masked = f"sekretess {text}"
    m.agenda[0].title = text
    return m


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, Meeting]:
    path = tmp_path_factory.mktemp("safe") / "store"
    store = Store(path)
    organ = store.add_organ("Arbetsutskottet", "Förbundet", roster=ROSTER, organ_id="au")
    s = store.create_meeting(organ.id, "2026-01-15", start="13:00", agenda=["Budget", "Övrigt"])
    s.add_paragraph("Budget", agenda_item=s.meeting.agenda[0].id)
    s.add_paragraph("Övrigt", agenda_item=s.meeting.agenda[1].id)
    s.close()
    return path, Store(path).load(s.meeting.id)


@SETTINGS
@given(text=TEXT)
@example(text=ALL)
def test_the_renderers_print_no_control_whatever_the_text(base, text):
    m = meeting_with_text(base[1], text)
    numbers = [p.number for p in m.paragraphs]
    outputs = {
        "text": render_text(m),
        "narrow text": render_text(m, width=30),
        "publication copy": render_text(m, publish=True),
        "markdown": render_markdown(m),
        "publication markdown": render_markdown(m, publish=True),
        "extract": render_extract(m, numbers[:1]),
        "extract md": render_extract(m, numbers[:1], markdown=True),
        "english": render_text(m, lang="en"),
    }
    for where, output in outputs.items():
        no_control(output, where)
    exported = export_json(m, None)
    no_control(exported, "export_json")
    document = json.loads(exported)
    assert document["meeting"]["place"] == text
    assert document["meeting"]["paragraphs"][0]["decisions"][0]["text"] == f"att godkänna {text}"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@SETTINGS
@given(text=STORABLE)
@example(text=ALL_STORABLE)
def test_every_command_prints_no_control_whatever_the_text(base, tmp_path, text):
    path, meeting = base
    store = Store(path)
    organ = store.organ("au")
    organ.name, organ.place = f"AU {text}", text
    store.save_organ(organ)
    session = store.open(meeting.id)
    session.meeting = meeting_with_text(meeting, text)
    session.save()
    session.close()
    source = tmp_path / "protokoll.txt"
    source.write_bytes(
        PROTOCOL.replace("Föreningslokalen", text)
        .replace("Ordföranden förklarade", f"Ordföranden {text} förklarade")
        .encode()
    )
    at = ["--store", str(path)]
    commands = [
        ["list", *at],
        ["show", meeting.id, *at],
        ["show", meeting.id, "--publish", "--lang", "en", *at],
        ["export", meeting.id, "--format", "text", *at],
        ["export", meeting.id, "--format", "md", *at],
        ["extract", meeting.id, "1", *at],
        ["check", meeting.id, *at],
        ["tasks", *at],
        ["decisions", *at],
        ["search", "Budgetuppföljning", *at],
        ["organ", "list", *at],
        ["organ", "show", "au", *at],
        ["import", "--dry-run", str(source), *at],
        ["show", text or "x", *at],  # an error that names what was asked for
        ["rename", meeting.id, "1", text, *at],  # the change, said back
    ]
    for argv in commands:
        code, out, err = cli(*argv)
        no_control(out, f"{argv[0]} stdout")
        no_control(err, f"{argv[0]} stderr")
        assert "Traceback" not in err
    code, out, err = cli("show", meeting.id, *at)
    assert code == 0 and "Budgetuppföljning" in out

    def json_of(*argv: str):
        code, out, err = cli(*argv, "--json", *at) if argv[0] != "export" else cli(*argv, *at)
        no_control(out, f"{argv[0]} --json")
        no_control(err, f"{argv[0]} --json stderr")
        return json.loads(out)

    listed = json_of("list")
    assert listed[0]["place"] == text
    exported = json_of("export", meeting.id, "--format", "json")
    assert exported["meeting"]["paragraphs"][0]["text"] == f"Budgetuppföljning {text}\n\n{text}"
    (task,) = json_of("tasks")
    assert (task["text"], task["owner"]) == (f"Uppgift {text}", text)
    decided = json_of("decisions")
    assert any(d["text"] == f"att godkänna {text}" for d in decided)
    json_of("search", "Budgetuppföljning")


def test_a_listing_keeps_one_record_a_line_both_words_and_a_mark(base, tmp_path):
    """`list` is one meeting a line, even when a place holds line breaks."""
    path, meeting = base
    store = Store(path)
    session = store.open(meeting.id)
    session.meeting = meeting_with_text(meeting, "Beslutet BIFALLS\rBeslutet AVSLÅS\x1b]0;x\x07")
    session.save()
    session.close()
    code, out, _ = cli("decisions", "--store", str(path))
    assert code == 0
    (line,) = out.splitlines()
    assert "BIFALLS" in line and "AVSLÅS" in line and MARK in line
