"""safe_text: user text printed is data, never terminal control (issue 12)."""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest

from protokoll.store.safe_text import MARK, clean, json_text, safe, safe_line

# Invisible format characters (Unicode Cf) that are kept: they join emoji and
# shape scripts (ZWNJ, ZWJ), show as a hyphen or nothing (soft hyphen), or are
# visible signs of their own (Arabic number signs, hieroglyph and shorthand
# format controls). None moves or hides other text.
KEPT_FORMAT = {0x00AD, 0x200C, 0x200D}
VISIBLE_FORMAT = {0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891}
VISIBLE_FORMAT |= {0x08E2, 0x110BD, 0x110CD, *range(0x13430, 0x13456), *range(0x1BCA0, 0x1BCA4)}


def forbidden(text: str) -> list[str]:
    """What must never reach a terminal: C0 but newline, DEL, C1, bidi
    controls, lone surrogates, U+2028/2029 and the hiding format characters."""
    out = []
    for c in text:
        o = ord(c)
        if c == "\n":
            continue
        if (
            o < 0x20
            or 0x7F <= o <= 0x9F
            or 0xD800 <= o <= 0xDFFF
            or o in (0x2028, 0x2029)
            or (unicodedata.category(c) == "Cf" and o not in KEPT_FORMAT | VISIBLE_FORMAT)
        ):
            out.append(f"U+{o:04X}")
    return out


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("röd \x1b[31mtext\x1b[0m", f"röd {MARK}text{MARK}"),  # CSI, no "[31m" left
        ("\x1b[?1049h\x1b[2J\x1b[H", MARK * 3),  # alternate screen, clear, home
        ("q\x1b[6n", f"q{MARK}"),  # DSR: the terminal would type its answer
        ("a\x1b]0;Hacked\x07b", f"a{MARK}b"),  # OSC 0 title, ended by BEL
        ("a\x1b]52;c;cm0gLXJm\x1b\\b", f"a{MARK}b"),  # OSC 52 clipboard, ended by ST
        ("a\x1b]8;;https://x.se\x1b\\länk\x1b]8;;\x1b\\", f"a{MARK}länk{MARK}"),  # hyperlink
        ("a\x1bP1$qm\x1b\\b", f"a{MARK}b"),  # DCS
        ("a\x1b_Gf=24;AAAA\x1b\\b", f"a{MARK}b"),  # APC (kitty graphics)
        ("a\x1b^pm\x1b\\b\x1bXsos\x1b\\c", f"a{MARK}b{MARK}c"),  # PM, SOS
        ("a\x1bcb\x1b7c\x1b(Bd", f"a{MARK}b{MARK}c{MARK}d"),  # RIS, DECSC, charset
        ("a\x9b31mb", f"a{MARK}b"),  # 8-bit CSI (C1)
        ("a\x9d0;t\x9cb", f"a{MARK}b"),  # 8-bit OSC and ST
        ("slut\x1b", f"slut{MARK}"),  # a lone ESC
    ],
)
def test_escape_sequences_go_whole_and_leave_one_mark(raw, shown):
    assert safe(raw) == shown


def test_an_unended_string_sequence_hides_no_line():
    # A terminal would swallow everything up to a BEL that never comes; here
    # only the introducer goes, and the text after it stays readable.
    assert safe("Beslut\x1b]0;dold\nAndra raden") == f"Beslut{MARK}0;dold\nAndra raden"


def test_a_lone_cr_never_lets_later_text_overwrite_earlier():
    assert safe("Beslutet BIFALLS\rBeslutet AVSLÅS") == "Beslutet BIFALLS\nBeslutet AVSLÅS"
    assert safe_line("Beslutet BIFALLS\rBeslutet AVSLÅS") == "Beslutet BIFALLS Beslutet AVSLÅS"
    assert safe("rad ett\r\nrad två") == "rad ett\nrad två"
    assert safe("a\vb\fc\x85d\u2028e\u2029f") == "a\nb\nc\nd\ne\nf"


# ESC starts a sequence: its own tests are above.
C0 = [chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F] if c != 0x1B]


@pytest.mark.parametrize("c", C0)
def test_c0_controls_and_del_are_marked(c):
    assert safe(f"a{c}b") == f"a{MARK}b"


@pytest.mark.parametrize("code", [c for c in range(0x80, 0xA0) if c not in (0x85, 0x9B)])
def test_c1_controls_are_marked(code):
    assert MARK in safe(f"a{chr(code)}b") and chr(code) not in safe(f"a{chr(code)}b")


@pytest.mark.parametrize("code", [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F])
def test_bidi_embeddings_overrides_isolates_and_marks_are_marked(code):
    assert safe(f"avslås{chr(code)}bifalls") == f"avslås{MARK}bifalls"


@pytest.mark.parametrize("code", [0x200B, 0x2060, 0xFEFF, 0x2062, 0xE0041, 0x180E, 0xFFF9])
def test_invisible_format_characters_are_marked(code):
    assert safe(f"a{chr(code)}b") == f"a{MARK}b"


def test_no_format_character_that_hides_text_is_left_by_any_unicode_version():
    # Every Cf this Python knows: either kept on purpose or marked.
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if unicodedata.category(c) == "Cf":
            kept = code in KEPT_FORMAT | VISIBLE_FORMAT
            assert (safe(c) == c) if kept else (safe(c) == MARK), f"U+{code:04X}"


def test_tabs_become_spaces_to_the_terminals_stops():
    assert safe("a\tb\n\tc") == "a       b\n        c"
    assert safe_line("Namn\tTitel") == "Namn    Titel"


@pytest.mark.parametrize(
    "text",
    [
        "Styrelsen beslutar att bifalla motionen – i sin helhet (1 450 000 kr, § 12).",
        "ÅÄÖ åäö é ü ß ø æ ñ Ç «citat» „citat” ‘a’ … € £ ½ ¾ ° × ÷ ± № ™ ©",
        "👍 🎉 🇸🇪 👨‍👩‍👧 👩🏽‍💻 ❤️ 1️⃣",  # flags, ZWJ, skin tone, variation selectors
        "Ελληνικά Русский 中文 日本語 한국어 עברית العربية हिन्दी",
        "del\u00adning",  # soft hyphen: kept
        "[bold]inte fet[/bold] $var {x} <b> \\n",
        "",
    ],
)
def test_ordinary_text_is_unchanged(text):
    assert safe(text) == text and clean(text) == text and safe_line(text) == text


@pytest.mark.parametrize(
    "text", ["a\x1b[31mb\rc\u202ed\te\x9b1m", "\x1b]0;x", "x\r\n\r", "\ud800\udfff", "\x1b\x1b[[m"]
)
def test_safe_is_idempotent(text):
    once = safe(text)
    assert safe(once) == once and safe_line(safe_line(text)) == safe_line(text)
    assert clean(clean(text)) == clean(text)
    assert forbidden(once) == []


def test_clean_keeps_tabs_and_line_breaks_drops_colours_and_marks_the_rest():
    # A colour (SGR) only styled the words around it: dropped on the way in,
    # as text copied with its colours had left "klistrat�röd� slut" in the
    # record (a trial). Other sequences (clear the screen) still leave a mark.
    assert clean("a\tb\r\nc\rd\x1b[31me\u202ef") == f"a\tb\nc\nde{MARK}f"
    assert clean("röd\x1b[1;31;4m text\x9b0m.\x1b[2J") == f"röd text.{MARK}"
    assert safe("röd \x1b[31mtext") == f"röd {MARK}text"  # on the way out, still marked


def test_lone_surrogates_become_marks_so_printing_never_fails():
    assert safe("a\udcffb") == f"a{MARK}b"
    safe("a\udcffb").encode("utf-8")  # would raise with the surrogate left


@pytest.mark.parametrize(
    "text",
    [
        "\x1b[31mröd\x1b]0;t\x07",
        "\x9b\x85\x7f\u202e\u2066\u200b\ufeff\u2028\u2029",
        "\U000e0041\U0001d173",  # astral format characters: a surrogate pair each
        "\ud800 ensam surrogat",
        "åäö 👨‍👩‍👧 \t\n\r",
    ],
)
def test_json_escapes_what_safe_would_change_and_reads_back_exactly(text):
    value = {"text": text, "list": [text]}
    encoded = json_text(value, indent=2)
    assert json.loads(encoded) == value
    assert forbidden(encoded) == [] and "\r" not in encoded
    assert "\\u001b" in json_text("\x1b") and "\\u202e" in json_text("\u202e")
    assert "åäö" in json_text("åäö")  # not \\u-escaped: readable


def test_safe_is_fast_on_ordinary_text():
    # No timed assert; this only keeps the fast path honest: text with
    # nothing to change comes back as the very same object.
    text = "Ordföranden förklarade mötet öppnat. " * 100
    assert safe(text) is text
