"""Search across meetings: Swedish letters, word beginnings, the index kept in step."""

from __future__ import annotations

import json
import os
import stat

import pytest

from protokoll.store import Decision, Store, Task
from protokoll.store.search import FILE_NAME, search
from protokoll.tui.cli import main

from .conftest import meeting_with


@pytest.fixture
def searched(store: Store, organ):
    """Two meetings whose words differ only in å, ä and ö."""
    s = meeting_with(store, organ.id, "2025-03-01", 3)
    a, b, c = s.meeting.paragraphs
    a.title, a.text = "Ärende om återbetalning", "Förbundet begär ÅTERBETALNING av medel."
    b.title, b.text = "Arena för samverkan", "Arenan ska bokas i god tid."
    c.title = "Ansökan från Kvarnby"
    c.decisions.append(Decision("att bevilja ansökan med 250 000 kr"))
    c.tasks.append(Task("t1", "Skicka beslutet", owner_name="Olle Öst", due="2025-04-01"))
    for attendee in s.meeting.attendees:
        attendee.present = attendee.name != "Bo Ek"
    s.save()
    s.close()
    later = meeting_with(store, organ.id, "2025-05-01", 1)
    later.meeting.paragraphs[0].title = "Ansökningar i övrigt"
    later.save()
    later.close()
    return store


def titles(store: Store, query: str, **kw) -> list[str]:
    return [h.title for h in search(store, query, **kw)]


def test_a_word_beginning_finds_the_whole_word_but_not_the_middle_of_one(searched):
    assert titles(searched, "ansök") == ["Ansökningar i övrigt", "Ansökan från Kvarnby"]
    assert titles(searched, "sökan") == []


def test_case_does_not_matter_for_swedish_capitals(searched):
    assert titles(searched, "återbetalning") == ["Ärende om återbetalning"]
    assert titles(searched, "ÄRENDE") == ["Ärende om återbetalning"]


def test_a_does_not_find_a_with_dots_or_ring(searched):
    assert titles(searched, "are") == ["Arena för samverkan"]
    assert titles(searched, "äre") == ["Ärende om återbetalning"]
    assert titles(searched, "ater") == []
    assert titles(searched, "ovrigt") == []


def test_folding_is_there_when_asked_for(searched):
    assert titles(searched, "ater", fold=True) == ["Ärende om återbetalning"]
    assert titles(searched, "ovrigt", fold=True) == ["Ansökningar i övrigt"]


def test_every_word_must_be_found_and_quotes_make_a_phrase(searched):
    assert titles(searched, "ansökan kvarnby") == ["Ansökan från Kvarnby"]
    assert titles(searched, "ansökan arena") == []
    assert titles(searched, '"bevilja ansökan"') == ["Ansökan från Kvarnby"]
    assert titles(searched, '"ansökan bevilja"') == []


def test_typographic_quotes_make_a_phrase_too(searched):
    # Trial 20: a Swedish keyboard's ”…” (as the search field's hint shows) made
    # three words of a phrase, finding what the phrase does not say.
    marks = ("”", "”"), ("“", "”"), ("„", "”"), ("«", "»")
    for quoted in (f"{a}bevilja ansökan{b}" for a, b in marks):
        assert titles(searched, quoted) == ["Ansökan från Kvarnby"], quoted
    for quoted in ("”ansökan bevilja”", "“ansökan bevilja”", "„ansökan bevilja”"):
        assert titles(searched, quoted) == [], quoted


def test_a_phrase_never_runs_from_the_title_into_the_text_or_the_names(searched):
    # One full-text column holds the title, the text and the names one after
    # another: a phrase across their seams would be found in no single one.
    assert titles(searched, "kvarnby att") == ["Ansökan från Kvarnby"]
    assert titles(searched, '"kvarnby att"') == []
    assert titles(searched, "beslutet olle") == ["Ansökan från Kvarnby"]
    assert titles(searched, '"beslutet olle"') == []
    assert titles(searched, '"från kvarnby"') == ["Ansökan från Kvarnby"]
    assert titles(searched, '"olle öst"') == ["Ansökan från Kvarnby"]


def test_decisions_tasks_and_names_are_searched(searched):
    hits = search(searched, "250")
    assert [(h.paragraph, h.title) for h in hits] == [(3, "Ansökan från Kvarnby")]
    assert [h.paragraph for h in search(searched, "Olle Öst")] == [3]
    # An attendee finds the meetings they were at (the meeting itself, no §),
    # not those they were absent from.
    at = search(searched, "Cia Dahl")
    assert [(h.date, h.paragraph) for h in at] == [("2025-03-01", None)]
    assert search(searched, "Bo Ek") == []


def test_a_hit_carries_a_snippet_with_the_hit_marked(searched):
    (hit,) = search(searched, "återbetalning medel")
    assert hit.meeting.startswith("20250301") and hit.paragraph == 1 and hit.position == 0
    marked = [hit.snippet[a:b] for a, b in hit.spans]
    assert "ÅTERBETALNING" in marked and "medel" in marked


def test_newest_meeting_first_then_in_paragraph_order(searched):
    hits = search(searched, "i")
    assert len({h.date for h in hits}) == 2
    dates = [h.date for h in hits]
    assert dates == sorted(dates, reverse=True)


def test_the_index_follows_changes_deletions_and_new_meetings(searched):
    first = next(s for s in searched.summaries() if s.date == "2025-03-01")
    session = Store(searched.path).open(first.id)
    session.meeting.paragraphs[1].text = "Lokalen heter numera Kulturhuset."
    session.save()
    session.close()
    again = Store(searched.path)
    assert titles(again, "kulturhuset") == ["Arena för samverkan"]
    assert titles(again, "bokas") == []
    os.unlink(again.meetings_dir / f"{first.id}.json")
    assert titles(Store(searched.path), "kulturhuset") == []


def test_a_damaged_index_is_rebuilt_from_the_meetings(searched):
    search(searched, "arena")
    (searched.path / FILE_NAME).write_bytes(b"this is not a database" * 100)
    assert titles(Store(searched.path), "arena") == ["Arena för samverkan"]


def test_the_index_is_private(searched):
    search(searched, "arena")
    mode = stat.S_IMODE(os.stat(searched.path / FILE_NAME).st_mode)
    assert mode == 0o600


@pytest.mark.parametrize(
    "query", ['"', 'arena"', "NEAR(a b)", "*", "-arena", "arena OR", "a:b", "^x", "(", "AND"]
)
def test_search_syntax_in_a_query_is_taken_as_words(searched, query):
    search(searched, query)  # no error; punctuation is not FTS syntax


def test_markup_and_escape_sequences_are_text(store, organ):
    s = meeting_with(store, organ.id, "2025-03-01", 1)
    s.meeting.paragraphs[0].text = "Se [bold]bilaga[/] \x1b[31mröd\x1b[0m text"
    s.save()
    s.close()
    (hit,) = search(store, "bilaga")
    assert "\x1b" not in hit.snippet and "[bold]bilaga[/]" in hit.snippet


def test_the_command_line_prints_json_hits(searched, capsys):
    assert main(["search", "--store", str(searched.path), "--json", "ansök"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["paragraph"], h["title"]) for h in hits] == [
        (4, "Ansökningar i övrigt"),  # numbered on from the first meeting
        (3, "Ansökan från Kvarnby"),
    ]
    assert all(h["meeting"] and h["snippet"] for h in hits)


def test_the_command_line_says_when_nothing_is_found(searched, capsys):
    assert main(["search", "--store", str(searched.path), "äventyr"]) == 1
    assert "inga träffar" in capsys.readouterr().err


def test_search_on_a_missing_store_is_an_error_and_makes_nothing(tmp_path, capsys):
    assert main(["search", "--store", str(tmp_path / "nope"), "x"]) == 2  # an error, as grep
    assert not (tmp_path / "nope").exists()


def test_processes_building_the_index_at_once_agree(searched):
    import subprocess
    import sys

    code = (
        "import sys; from protokoll.store import Store; from protokoll.store.search import search; "
        "print(len(search(Store(sys.argv[1]), 'ansök')))"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(searched.path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    assert [r.communicate()[0].strip() for r in runs] == ["2"] * 4
    assert titles(Store(searched.path), "ansök") == ["Ansökningar i övrigt", "Ansökan från Kvarnby"]


def test_a_correction_after_adjustment_is_found(example):
    import datetime as dt

    from protokoll.store.adjust import adjust, correct

    store = Store(example)
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    correct(
        store,
        "20250605",
        dt.date(2025, 6, 20),
        "Beloppet ska vara 250 000 kronor.",
        why="Skrivfel.",
        paragraph=17,
    )
    (hit,) = search(Store(example), "skrivfel")
    assert (hit.meeting, hit.paragraph) == ("20250605-au", None)


def nfd(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", text)


def test_decomposed_text_is_found_by_composed_words_and_the_other_way(store, organ):
    # A Mac terminal or a PDF can give "ö" as "o" and a combining mark.
    s = meeting_with(store, organ.id, "2025-03-01", 2)
    first, second = s.meeting.paragraphs
    first.title, first.text = nfd("Förlängning av avtal"), nfd("Styrelsen föreslår förlängning.")
    second.title = "Årsredovisning"
    s.save()
    s.close()
    # Hits are shown composed, whatever the meeting holds.
    assert titles(store, "förlängning") == ["Förlängning av avtal"]
    assert titles(store, nfd("årsredovisning")) == ["Årsredovisning"]
    # Composed, a decomposed "ö" stays a letter of its own: "o" does not find it.
    assert titles(store, "forlangning") == []
    (hit,) = search(store, "föreslår")
    assert hit.snippet == "Styrelsen föreslår förlängning."


def test_a_paragraph_number_finds_that_paragraph_and_the_text_naming_it(searched, organ):
    meetings = [searched.load(s.id) for s in searched.summaries()]
    numbered = {p.title: p.number for m in meetings for p in m.paragraphs}
    assert numbered["Arena för samverkan"] == 2
    s = meeting_with(searched, organ.id, "2025-06-01", 1)
    s.meeting.paragraphs[0].title = "Uppföljning"
    s.meeting.paragraphs[0].text = "Beslutet i § 2 är verkställt."
    s.save()
    s.close()
    # The § numbered 2, and the later text that names it; newest first.
    assert titles(searched, "§ 2") == ["Uppföljning", "Arena för samverkan"]
    assert titles(searched, "§2") == titles(searched, "§ 2")
    assert titles(searched, "§ 2 arenan") == ["Arena för samverkan"]
    # A number alone is a word of the text, as before: no § is found by it.
    plain = titles(searched, "2")
    assert "Uppföljning" in plain and "Arena för samverkan" not in plain


def two_organisations_alike(store: Store) -> Store:
    """An "Arbetsutskottet" in each of two organisations, both with "budget"."""
    for name, day in (("Förbundet Norr", "2025-03-01"), ("Förbundet Söder", "2025-04-01")):
        organ = store.add_organ("Arbetsutskottet", name)
        s = meeting_with(store, organ.id, day, 1)
        s.meeting.paragraphs[0].title = "Budget"
        s.save()
        s.close()
    return store


def test_a_hit_names_its_organ_with_the_organisation_as_list_does(store, capsys):
    # Two organisations' "Arbetsutskottet" had read alike in the hits, where
    # `list` tells them apart.
    two_organisations_alike(store)
    assert main(["search", "--store", str(store.path), "budget"]) == 0
    heads = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert [h.split("  ")[2] for h in heads] == [
        "Arbetsutskottet, Förbundet Söder",
        "Arbetsutskottet, Förbundet Norr",
    ]
    assert main(["search", "--store", str(store.path), "--json", "budget"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [(h["organ"], h["organisation"]) for h in hits] == [
        ("Arbetsutskottet", "Förbundet Söder"),
        ("Arbetsutskottet", "Förbundet Norr"),
    ]


def test_the_search_screen_names_the_organisation_only_where_organs_read_alike(store):
    from protokoll.tui.screens.search import alike_organs, hit_prompt

    hits = list(search(two_organisations_alike(store), "budget"))
    assert alike_organs(hits) == {"Arbetsutskottet"}
    assert "Förbundet Söder" in hit_prompt(hits[0], whose=True).plain
    assert alike_organs(hits[:1]) == set()  # one organisation: the line keeps room for the title
    assert "Förbundet" not in hit_prompt(hits[0]).plain.splitlines()[0]
