"""A meeting already in the store is not imported again from another file."""

from __future__ import annotations

import json

import pytest

from protokoll.store import Store, StoreError
from protokoll.store.importer import import_protocol
from protokoll.store.render import render_text
from tests.test_cli import run
from tests.test_import import PROTOCOL, write

# Another meeting of the same organ on the same day: an extra one, §§ 5–6.
EXTRA = """\
PROTOKOLL fört vid extra sammanträde med styrelsen för Föreningen Åbo Ängar

Datum: 2024-03-14
Tid: 20.15 – 20.45

Närvarande: Åsa Öberg, ordf., Björn Ängström, Karin Ek

§ 5 Lokalfrågan

Styrelsen beslutar att hyra lokalen.

§ 6 Mötets avslutande
"""


def test_a_protocol_printed_by_protokoll_does_not_import_beside_its_meeting(tmp_path):
    store = Store(tmp_path / "store")
    first = write(tmp_path, "a.txt", PROTOCOL.encode())
    one = import_protocol(store, first, first.read_bytes())
    printed = write(tmp_path, "utskrift.txt", render_text(store.load(one.meeting.id)).encode())
    again = import_protocol(store, printed, printed.read_bytes())
    assert (again.created, again.existing, again.same) == (False, one.meeting.id, True)
    assert [s.id for s in store.summaries()] == [one.meeting.id]
    # A dry run says the same, and writes nothing either.
    dry = import_protocol(store, printed, printed.read_bytes(), dry_run=True)
    assert (dry.existing, dry.same) == (one.meeting.id, True)


def test_case_and_spacing_of_titles_do_not_make_another_meeting(tmp_path):
    store = Store(tmp_path / "store")
    first = write(tmp_path, "a.txt", PROTOCOL.encode())
    one = import_protocol(store, first, first.read_bytes())
    text = PROTOCOL.replace("§ 3 Årsmöte", "§ 3   ÅRSMÖTE.").replace("Tid: 18.30", "Tid: 18.35")
    other = write(tmp_path, "b.txt", text.encode())
    assert import_protocol(store, other, other.read_bytes()).existing == one.meeting.id


def test_two_meetings_of_one_organ_on_one_day_both_import(tmp_path):
    store = Store(tmp_path / "store")
    first = write(tmp_path, "a.txt", PROTOCOL.encode())
    extra = write(tmp_path, "b.txt", EXTRA.encode())
    one = import_protocol(store, first, first.read_bytes())
    two = import_protocol(store, extra, extra.read_bytes())
    assert two.created and not two.same
    assert one.meeting.organ_id == two.meeting.organ_id
    assert len(store.summaries()) == 2


def test_other_titles_under_the_same_numbers_are_not_the_same_meeting(tmp_path):
    store = Store(tmp_path / "store")
    first = write(tmp_path, "a.txt", PROTOCOL.encode())
    import_protocol(store, first, first.read_bytes())
    text = PROTOCOL.replace("§ 3 Årsmöte", "§ 3 Budget")
    other = write(tmp_path, "b.txt", text.encode())
    result = import_protocol(store, other, other.read_bytes(), dry_run=True)
    assert not result.same and result.existing is None


def test_the_command_line_names_the_meeting_it_already_is(tmp_path, capsys):
    store = tmp_path / "store"
    first = write(tmp_path, "a.txt", PROTOCOL.encode())
    code, out, _ = run(capsys, "--store", str(store), "import", str(first))
    (meeting_id,) = out.split()
    printed = tmp_path / "rt.txt"
    run(capsys, "--store", str(store), "export", meeting_id, "-o", str(printed))
    for flags in ((), ("--dry-run",)):
        code, out, err = run(capsys, "--store", str(store), "import", *flags, str(printed))
        assert (code, out) == (0, "")
        assert f"finns redan som {meeting_id}; inget importerades" in err
        assert "Styrelsen, Föreningen Åbo Ängar, 2024-03-14, §§ 1–4" in err
        assert err.count("\n") == 1
    code, out, err = run(capsys, "--store", str(store), "import", "--json", str(printed))
    (row,) = json.loads(out)
    assert (row["id"], row["existing"], row["created"]) == (meeting_id, True, False)
    code, out, _ = run(capsys, "--store", str(store), "list")
    assert len(out.splitlines()) == 1


def test_the_english_words_say_the_same(tmp_path, capsys):
    store = tmp_path / "store"
    first = write(tmp_path, "a.txt", PROTOCOL.encode())
    _, out, _ = run(capsys, "--store", str(store), "import", str(first))
    other = write(tmp_path, "b.txt", PROTOCOL.replace("Tid: 18.30", "Tid: 18.35").encode())
    _, _, err = run(capsys, "--store", str(store), "--lang", "en", "import", str(other))
    assert f"is already in the store as {out.strip()}; nothing was imported" in err


def test_a_dry_run_of_a_copy_of_an_adjusted_protocol_says_it_would_be_refused(tmp_path, example):
    store = Store(example)
    text = render_text(store.load("20250213-au"))
    changed = text.replace("Dagordningen godkänns.", "Dagordningen godkänns med ändringar.")
    assert changed != text
    printed = write(tmp_path, "kopia.txt", changed.encode())
    with pytest.raises(StoreError) as caught:
        import_protocol(store, printed, printed.read_bytes(), dry_run=True)
    assert (caught.value.key, caught.value.params["meeting"]) == ("adjusted_copy", "20250213-au")
    # Word for word the same, it is the meeting already there.
    same = write(tmp_path, "samma.txt", text.encode())
    assert import_protocol(store, same, same.read_bytes(), dry_run=True).existing == "20250213-au"


NOTES = """\
Minnesanteckningar, styrelsen för Föreningen Åbo Ängar

Datum: 2024-05-02

1. Lokalfrågan

Vi såg på lokalen.

2. Nästa möte
"""


@pytest.mark.parametrize("text", [PROTOCOL, NOTES], ids=["numbered", "unnumbered"])
def test_a_copy_imported_by_another_process_meanwhile_is_the_same_meeting(tmp_path, text):
    """Decided under the catalogue's lock from what is on disk then: a process
    that opened the store before another imported the meeting finds it."""
    ours, theirs = Store(tmp_path / "store"), Store(tmp_path / "store")
    extra = write(tmp_path, "extra.txt", EXTRA.encode())
    import_protocol(ours, extra, extra.read_bytes())  # ours has read the store's rows
    first = write(tmp_path, "a.txt", text.encode())
    one = import_protocol(theirs, first, first.read_bytes())
    copy = write(tmp_path, "b.txt", (text + "\n\n").encode())  # another file, another id
    again = import_protocol(ours, copy, copy.read_bytes())
    assert (again.created, again.existing, again.same) == (False, one.meeting.id, True)
    assert sorted(s.id for s in Store(tmp_path / "store").summaries()) == sorted(
        [one.meeting.id, import_protocol(ours, extra, extra.read_bytes()).existing]
    )


def test_the_same_adjusted_protocol_with_other_line_ends_is_the_one_already_there(tmp_path):
    """A copy of the Kalmar seed saved with Windows line ends was refused as
    "en annan version av det justerade protokollet" (trial 10): word for word
    the same protocol, it is the meeting already there."""
    from pathlib import Path

    seed = Path(__file__).parent / "data" / "seeds" / "kalmar-au-2020-05-29.txt"
    data = seed.read_bytes()
    store = Store(tmp_path / "store")
    first = import_protocol(store, seed, data)
    assert first.meeting.status == "adjusted"
    crlf = write(tmp_path, "kalmar-crlf.txt", data.replace(b"\n", b"\r\n") + b"\r\n")
    again = import_protocol(store, crlf, crlf.read_bytes())
    assert again.existing == first.meeting.id and not again.created
    assert [s.id for s in store.summaries()] == [first.meeting.id]
