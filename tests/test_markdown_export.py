"""The Markdown export, rendered by a CommonMark parser, says what the text protocol says.

Every example meeting (the example store, the meetings shipped with the
application, and the example protocols read back by the importer) and odd
user text made up by Hypothesis go through markdown-it-py; the words of the
rendering are the words of the text protocol, no more, no fewer, none
changed: a stray backslash ("\\13.00"), a lost "1." or "*" (read as markup)
or a hidden mark shows as a difference. No output format holds a
private-use character.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from protokoll.store import Store, render_markdown, render_text
from protokoll.store.exchange import export_json, read_document
from protokoll.store.extract import render_extract
from protokoll.store.importer import read_protocol
from protokoll.store.model import Attendee, Decision, Meeting, Note, Paragraph, Proposal
from protokoll.store.render import Block, blocks
from protokoll.store.render_md import md_escape, md_line

from .conftest import copy_examples

ROOT = Path(__file__).resolve().parent.parent
# CommonMark, and the GitHub extensions a reader's viewer may add.
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# What the export may come out as: text, and the bold labels and italic notes it writes.
INLINE = {"text", "softbreak", "hardbreak", "em_open", "em_close", "strong_open", "strong_close"}
BLOCKS = {
    "heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline",
    "bullet_list_open", "bullet_list_close", "list_item_open", "list_item_close",
}  # fmt: skip


def rendered_words(markdown: str) -> list[str]:
    """The words a reader sees in the rendered Markdown; markup of any other kind fails."""
    parts: list[str] = []
    for token in PARSER.parse(markdown):
        assert token.type in BLOCKS, (token.type, token.content)
        if token.type != "inline":
            parts.append(" ")
            continue
        for child in token.children or []:
            assert child.type in INLINE, (child.type, token.content)
            parts.append(child.content if child.type == "text" else " ")
    return "".join(parts).split()


def protocol_words(text: str) -> list[str]:
    return text.split()


def same_words(markdown: str, text: str) -> None:
    seen, meant = rendered_words(markdown), protocol_words(text)
    # The title: in capitals in the text ("PROTOKOLL"), a heading in Markdown.
    title = len(text.split("\n", 1)[0].split())
    seen[:title] = [w.casefold() for w in seen[:title]]
    meant[:title] = [w.casefold() for w in meant[:title]]
    if seen != meant:
        first = next(
            (i for i, (a, b) in enumerate(zip(seen, meant, strict=False)) if a != b),
            min(len(seen), len(meant)),
        )
        raise AssertionError(
            f"word {first}: rendered {seen[max(first - 3, 0) : first + 4]} "
            f"but the protocol says {meant[max(first - 3, 0) : first + 4]}"
        )


STORED = sorted(p.stem for p in (ROOT / "examples" / "store" / "meetings").glob("*.json"))
NAMES = [
    *(f"examples/store/{m}" for m in STORED),
    *(f"tui/examples/{m}.json" for m in STORED if (ROOT / f"tui/examples/{m}.json").exists()),
    # The protocols as rendered, read back by the importer (the extracts and
    # publication copies beside them are not meetings of their own).
    *(f"examples/{m}.txt" for m in STORED if (ROOT / "examples" / f"{m}.txt").exists()),
]


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> dict[str, Meeting]:
    store = Store(copy_examples(tmp_path_factory.mktemp("md") / "store"))
    found = {f"examples/store/{s.id}": store.load(s.id) for s in store.summaries()}
    for name in NAMES:
        path = ROOT / name
        if name.startswith("tui/"):
            data = json.loads(path.read_text(encoding="utf-8"))
            found[name] = read_document(path, data)[0]
        elif name.endswith(".txt"):
            found[name] = read_protocol(path.read_bytes(), path)[0]
    return found


@pytest.fixture(params=NAMES)
def meeting(request, examples) -> Meeting:
    return examples[request.param]


def private_use(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Co"})


def test_every_example_reads_the_same_in_markdown_as_in_text(meeting):
    for lang in ("sv", "en"):
        for publish in (False, True):
            same_words(
                render_markdown(meeting, lang=lang, publish=publish),
                render_text(meeting, lang=lang, publish=publish),
            )


def test_every_extract_reads_the_same_in_markdown_as_in_text(meeting):
    numbers = [p.number for p in meeting.paragraphs if p.number is not None][:2]
    if not numbers:
        numbers = [1]  # minnesanteckningar: unnumbered points, the extract says so alike
    for immediate in (False, True):
        try:
            md = render_extract(meeting, numbers, immediate=immediate, markdown=True)
        except Exception as exc:  # the text one must fail alike
            with pytest.raises(type(exc)):
                render_extract(meeting, numbers, immediate=immediate)
            continue
        same_words(md, render_extract(meeting, numbers, immediate=immediate))


def test_no_output_format_holds_a_private_use_character(meeting):
    numbers = [p.number for p in meeting.paragraphs if p.number is not None][:3] or [1]
    outputs = {
        "text": render_text(meeting),
        "md": render_markdown(meeting),
        "json": export_json(meeting, None),
    }
    for markdown in (False, True):
        try:
            outputs[f"extract md={markdown}"] = render_extract(meeting, numbers, markdown=markdown)
        except Exception:  # a meeting without these §s has no extract to check
            continue
    for kind, text in outputs.items():
        assert private_use(text) == [], kind


def _lists_in(outline: list[Block]) -> int:
    """How many lists the protocol's outline holds: its fields, groups and sections."""
    count = 0
    for b in outline:
        count += b.kind in ("fields", "group", "section") and bool(b.items or b.pairs)
        count += _lists_in(b.children)
    return count


def test_each_list_of_the_protocol_is_a_list_of_its_own(meeting):
    """Two lists with a blank line between are one to a CommonMark reader: the
    signers after "Övriga närvarande" rendered as three more people present."""
    for publish in (False, True):
        md = render_markdown(meeting, publish=publish)
        lists = [t for t in PARSER.parse(md) if t.type == "bullet_list_open" and t.level == 0]
        assert len(lists) == _lists_in(blocks(meeting, "sv", publish)), md


def test_the_signers_are_not_among_those_present(examples):
    md = render_markdown(examples["examples/store/20250605-au"])
    tokens = PARSER.parse(md)
    at = next(i for i, t in enumerate(tokens) if t.content == "**Övriga närvarande**")
    first_list = next(i for i in range(at, len(tokens)) if tokens[i].type == "bullet_list_open")
    end = next(i for i in range(first_list, len(tokens)) if tokens[i].type == "bullet_list_close")
    named = [t.content for t in tokens[first_list:end] if t.type == "inline"]
    assert named == [
        "Maria Öberg, Samordningsförbundet Norrå, förbundschef",
        "Elin Strand, Samordningsförbundet Norrå, controller",
    ]


def test_the_roll_call_is_a_list_inside_the_vote_without_a_hidden_mark(examples):
    meeting = examples["examples/store/20251120-sn"]
    md = render_markdown(meeting)
    assert "\ue001" not in md and "\ue000" not in md
    assert "\n  - Lena Forsberg (S)" in md  # nested under "Omröstningslista:"


def test_a_time_is_escaped_after_its_digits_only_where_a_list_could_start():
    assert md_escape("13.00–16.00") == "13.00–16.00"  # inside a line: nothing to escape
    assert md_line("13.00–16.00") == "13.00–16.00"  # "13." followed by "0": no list
    assert md_line("1. Öppnande") == "1\\. Öppnande"
    assert md_line("2) Val") == "2\\) Val"
    assert md_line("- punkt") == "\\- punkt"
    assert "\\1" not in md_line("1. x") and "\\0" not in md_line("09.00 kaffe")


def test_the_fields_of_an_example_have_no_stray_backslash(examples):
    md = render_markdown(examples["examples/store/20250605-au"])
    assert "- **Tid:** 09.00–11.45" in md


def test_every_backslash_in_an_examples_markdown_is_needed(meeting):
    # A trial read the raw file: each signature line was 36 "\\_", a § title
    # "1. Nuläge" came out "## 1\\. Nuläge". A backslash that changes nothing
    # once rendered is one a reader of the file trips over: taking any one
    # away must change what a CommonMark parser makes of it.
    for publish in (False, True):
        md = render_markdown(meeting, publish=publish)
        html = PARSER.render(md)
        needless = [
            md[max(i - 12, 0) : i + 12]
            for i, c in enumerate(md)
            if c == "\\" and PARSER.render(md[:i] + md[i + 1 :]) == html
        ]
        assert needless == []


# --- odd text ---------------------------------------------------------------------

STARTS = ["1.", "1)", "12.", "#", "##", "-", "--", "---", "*", "**", "+", ">", "|", "=", "==="]
MARKUP = ["`", "``", "_", "__", "*", "[", "]", "(", ")", "!", "<", ">", "&amp;", "&#38;", "~~"]
MARKUP += ["\\", "|", "#", " ", "  ", "    ", "\t", "1.", "a", "Å", "x_y", "<b>", "http://x.se"]
MARKUP += ["<!--", "&#x41;", "\u00a0", ";", "!["]


@st.composite
def odd_line(draw) -> str:
    start = draw(st.sampled_from(["", *STARTS]))
    gap = draw(st.sampled_from(["", " ", "    "]))
    body = draw(st.lists(st.sampled_from([*MARKUP, "ord", "13.00"]), max_size=6))
    return draw(st.sampled_from(["", "    "])) + start + gap + "".join(body)


odd_text = st.lists(odd_line(), min_size=1, max_size=5).map("\n".join)
odd_title = odd_line().filter(lambda t: t.strip())


# More than the everyday profile's (tests/conftest.py): a missed escape of one
# character of many ("~") shows in about one run in three at 30; a run of them costs 2 s.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=odd_title,
    text=odd_text,
    decision=odd_text,
    place=odd_line(),
    name=odd_title,
    note=odd_text,
)
def test_odd_titles_and_text_read_the_same_in_markdown_as_in_text(
    title, text, decision, place, name, note
):
    meeting = Meeting(
        id="m", organ_id="au", organ="Arbetsutskottet", organisation="Förbundet",
        date="2026-01-15", place=place,
        attendees=[Attendee(id="a", name=name, organisation="Förbundet", present=True)],
    )  # fmt: skip
    p = Paragraph(
        id="p1", number=1, title=title, text=text, decisions=[Decision(decision)],
        proposals=[Proposal(id="y1", person="a", text=decision)], notes=[Note("a", note)],
    )  # fmt: skip
    meeting.paragraphs.append(p)
    same_words(render_markdown(meeting), render_text(meeting))
    assert private_use(render_markdown(meeting)) == []
