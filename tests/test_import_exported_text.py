"""protokoll's own text export reads back as exactly what was typed.

A trial exported a meeting and imported the file: "Dagordningen godkänns."
typed as text came back as a decision, "# Summa" lost its "#", lines the
secretary ended with Enter ran together, two decisions became one, and the
anslag block's "Paragrafer:" and the organ's wrapped name became a signer's
title and organisation. The text export's layout says what is what
(`store/importer/exported_text.py`): a decision is what stands under
`Beslut`, its text is no Markdown, and a line was wrapped only where the
next word did not fit.
"""

from __future__ import annotations

from pathlib import Path

from protokoll.store import Person, Store, verbs
from protokoll.store.importer import import_protocol
from protokoll.store.importer.exported_text import is_exported
from protokoll.store.render import render_text
from protokoll.store.render_md import render_markdown

TEXT = (
    "Förbundschefen föredrar förslaget till budget för 2027:\n"
    "1. Insatser            1 200 000 kr\n"
    "2. Administration        350 000 kr\n"
    "- varav lokaler * 12 mån\n"
    "# Summa               1 550 000 kr\n"
    "Underlag: G:\\Ekonomi\\budget.xlsx <se bilaga> och *alla* [utkast]\n"
    "1994. var året då förbundets föregångare bildades.\n"
    "Dagordningen godkänns."
)
# The first fills its printed line (4 spaces in, 72 wide) so that the second
# begins a line of its own without being a wrap of it; the third is long.
DECISIONS = [
    "att fastställa budget 2027 med en ram om 1 550 000 kr och uppdra åt kansliet",
    "att överlämna budgeten till medlemmarna.",
    "Mötet noterar informationen om lokalerna och om förbundets kommande "
    "verksamhetsplan, som redovisas på nästa sammanträde i början av året.",
]


def meeting(tmp_path: Path):
    store = Store(tmp_path / "s")
    organ = store.add_organ(
        "Styrelsen",
        "Samordningsförbundet Älvdalen med ett långt namn",
        roster=[Person("a", "Karin Åström"), Person("b", "Amira Haddad")],
    )
    s = store.create_meeting(organ.id, "2026-11-30", start="15:00", agenda=["Budget"])
    ed = s.editor(history=False)
    for a in s.meeting.attendees:
        ed.do(verbs.set_present, a.id, True)
    p = ed.do(verbs.take_item, s.meeting.agenda[0].id).paragraph
    ed.do(verbs.set_text, p, TEXT)
    for d in DECISIONS:
        ed.do(verbs.add_decision, p, d)
    ed.do(verbs.close_meeting, "16:00")
    s.close()
    return store.load(s.meeting.id)


def read_back(tmp_path: Path, text: str):
    path = tmp_path / "ut.txt"
    path.write_text(text, encoding="utf-8")
    store = Store(tmp_path / "back")
    return store.load(import_protocol(store, path, path.read_bytes()).meeting.id)


def test_the_text_export_reads_back_as_typed(tmp_path):
    m = meeting(tmp_path)
    text = render_text(m)
    assert is_exported(text)
    back = read_back(tmp_path, text)
    (p,) = back.paragraphs
    assert p.text == TEXT
    assert [d.text.rstrip(".") for d in p.decisions] == [d.rstrip(".") for d in DECISIONS]


def test_the_anslag_block_is_not_read_as_a_signers_title(tmp_path):
    m = meeting(tmp_path)
    m.rules.posts_notices = True
    m.rules.archive = "Förbundets kansli"
    text = render_text(m)
    assert "ANSLAG/BEVIS" in text and "Paragrafer:" in text
    back = read_back(tmp_path, text)
    assert all("Paragrafer" not in a.title + a.organisation for a in back.attendees)
    assert all("långt namn" not in a.title + a.organisation for a in back.attendees)
    assert back.rules.archive == "Förbundets kansli"
    assert "Förvaringsplats för protokollet: Förbundets kansli" in render_text(back)


def test_only_protokolls_own_layout_is_read_so():
    assert not is_exported("PROTOKOLL\n\nDatum: 2026-11-30\n\n§ 1 Öppnande\nText.\n")
    assert not is_exported("Protokoll\nDatum:      2026-11-30\n§ 1  Öppnande\n")
    assert not is_exported(render_markdown_of_nothing())


def render_markdown_of_nothing() -> str:
    return "# PROTOKOLL\n\n- **Datum:** 2026-11-30\n\n## § 1  Öppnande\n"


def test_markdown_is_not_taken_for_the_text_export(tmp_path):
    m = meeting(tmp_path)
    assert not is_exported(render_markdown(m))
