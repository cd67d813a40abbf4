"""Justering: a closed meeting is adjusted, frozen everywhere, and verifiable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

import pytest

from protokoll.store import Store, StoreError, verbs
from protokoll.store.adjust import adjust, verify
from protokoll.store.render import blocks, to_text
from protokoll.tui.cli import main


def test_adjusting_records_date_names_and_hash_and_freezes(example):
    store = Store(example)
    digest, warnings = adjust(store, "20250605", dt.date(2025, 6, 12), [])
    assert warnings == []
    m = Store(example).load("20250605-au")
    assert m.status == "adjusted"
    assert m.adjustment.date == "2025-06-12" and m.adjustment.by == ["Karin Lindqvist", "Johan Ek"]
    assert m.adjustment.sha256 == digest and len(digest) == 64
    session = Store(example).open("20250605-au")
    assert session.read_only
    with pytest.raises(StoreError):
        session.add_paragraph("Efteråt")
    session.meeting.paragraphs[0].text = "ändrat"
    with pytest.raises(StoreError):
        session.save()


def test_every_way_of_changing_an_adjusted_meeting_is_refused(example):
    store = Store(example)
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    # Renumbering from an earlier meeting that would move it:
    earlier = store.open("20250410-au")
    earlier.editor().do(verbs.reopen_meeting)  # closed: reopened for a late addition
    with pytest.raises(StoreError) as err:
        earlier.add_paragraph("Sent tillägg")
    assert "justerade" in str(err.value)
    earlier.close()
    # Adjusting again, and importing over it:
    with pytest.raises(StoreError):
        adjust(store, "20250605", dt.date(2025, 6, 13), [])
    with pytest.raises(StoreError):
        store.put_meeting(store.load("20250605-au"))
    # Every change a session offers, and the autosave path:
    session = store.open("20250605-au")
    first = session.meeting.paragraphs[0].id
    for change in (
        lambda: session.delete_paragraph(first),
        lambda: session.move_paragraph(first, 2),
        lambda: session.set_date("2025-06-06"),
        lambda: session.set_number_from(30),
        lambda: session.snapshot(),
        lambda: session.save(),
    ):
        with pytest.raises(StoreError) as err:
            change()
        assert "justerat" in err.value.text()
    session.close()
    # An import of its own export, from the command line:
    exported = example / "export.json"
    assert (
        main(
            ["export", "20250605", "--format", "json", "-o", str(exported), "--store", str(example)]
        )
        == 0
    )
    assert main(["import", str(exported), "--store", str(example)]) == 1
    assert verify(Store(example), "20250605")[0]


def test_only_a_closed_meeting_can_be_adjusted_and_not_before_it_was_held(example):
    store = Store(example)
    s = store.create_meeting("au-norra", "2025-09-18")
    s.close()
    with pytest.raises(StoreError) as err:
        adjust(store, s.meeting.id, dt.date(2025, 9, 20), [])
    assert "inte avslutat" in str(err.value)
    with pytest.raises(StoreError) as err:
        adjust(store, "20250605", dt.date(2025, 6, 1), [])
    assert "före mötet" in str(err.value)


def test_an_adjustment_dated_after_today_is_refused_and_nothing_changes(example, capsys):
    """A trial recorded "Protokollet justerades 2026-12-03" on 2026-11-30."""
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    code = main(["adjust", "20250605", "--date", tomorrow, "--store", str(example)])
    err = capsys.readouterr().err
    assert code != 0
    assert err.strip().splitlines() == [
        f"protokoll: fel: 20250605-au kan inte föras in som justerat {tomorrow}: det är efter "
        f"i dag ({dt.date.today().isoformat()}). För in justeringen den dag den görs"
    ]
    assert Store(example).load("20250605").status == "closed"
    adjust(Store(example), "20250605", dt.date.today(), [])  # today is a day it can be made
    assert Store(example).load("20250605").status == "adjusted"


def test_an_adjustment_later_than_14_days_is_warned_about(example):
    _, warnings = adjust(Store(example), "20250605", dt.date(2025, 6, 25), ["Karin Lindqvist"])
    assert warnings and "20 dagar" in warnings[0] and "14 dagar" in warnings[0]


def test_the_rendered_protocol_shows_the_adjustment(example, capsys):
    assert main(["adjust", "20250605", "--date", "2025-06-12", "--store", str(example)]) == 0
    capsys.readouterr()
    main(["show", "20250605", "--store", str(example)])
    out = capsys.readouterr().out
    assert "Protokollet justerades 2025-06-12 av Karin Lindqvist och Johan Ek." in out


def test_verify_passes_and_then_detects_a_changed_file(example, capsys):
    assert main(["adjust", "20250605", "--date", "12 juni 2025", "--store", str(example)]) == 0
    digest = capsys.readouterr().out.split()[-1]
    assert main(["verify", "20250605", "--store", str(example)]) == 0
    assert capsys.readouterr().out.strip() == f"ok sha256 {digest}"
    # Someone edits the file by hand after adjustment:
    path = example / "meetings" / "20250605-au.json"
    doc = json.loads(path.read_text())
    doc["meeting"]["1"]["paragraphs"][4]["decisions"][0]["text"] = "Ett annat beslut."
    path.write_text(json.dumps(doc))
    assert verify(Store(example), "20250605")[0] is False
    code = main(["verify", "20250605", "--store", str(example)])
    err = capsys.readouterr().err
    assert code != 0 and "ändrad sedan justeringen" in err and len(err.splitlines()) == 1


def test_verify_of_a_meeting_not_adjusted_is_an_error(example, capsys):
    assert main(["verify", "20250410", "--store", str(example)]) == 1
    assert "inte justerat" in capsys.readouterr().err


def test_a_correction_after_adjustment_is_dated_and_shown_not_a_silent_edit(example, capsys):
    store = Store(example)
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    argv = ["--store", str(example)]
    assert main(["post", "20250605", "--date", "2025-06-13", *argv]) == 0
    assert (
        main(
            [
                "correct",
                "20250605",
                "--date",
                "2025-06-20",
                "--paragraph",
                "17",
                "--text",
                "Beloppet ska vara 250 000 kronor.",
                "--why",
                "Skrivfel.",
                "--by",
                "Maria Öberg",
                *argv,
            ]
        )
        == 0
    )
    capsys.readouterr()
    main(["show", "20250605", *argv])
    text = " ".join(capsys.readouterr().out.split())
    assert "Anslaget uppsatt: 2025-06-13" in text
    assert (
        "Rättelser efter justering 2025-06-20, § 17 (Maria Öberg): "
        "Beloppet ska vara 250 000 kronor. Skäl: Skrivfel."
    ) in text
    # The decision itself is as adjusted, and still verifies.
    m = Store(example).load("20250605-au")
    assert m.corrections[0].paragraph == 17
    assert verify(Store(example), "20250605")[0]


def test_corrections_come_last_after_an_imported_signature_page(example):
    # An imported protocol keeps its e-signature page (`appendix`); a rättelse
    # printed above it read as covered by those signatures (a trial).
    store = Store(example)
    s = store.open("20250605-au")
    s.meeting.appendix = "Signatursida\nDetta dokument har signerats elektroniskt."
    s.save()
    s.close()
    adjust(store, "20250605", dt.date(2025, 6, 12), [])
    argv = ["--store", str(example)]
    said = ["correct", "20250605", "--date", "2025-06-20", "--text", "Rättat belopp.", *argv]
    assert main(said) == 0
    text = to_text(blocks(Store(example).load("20250605-au")))
    assert text.index("Signatursida") < text.index("Rättelser efter justering")
    assert text.rstrip().endswith("Rättat belopp.")


@pytest.mark.parametrize(
    ("meeting", "args", "message"),
    [
        ("20250605", ["--date", "2025-06-01", "--text", "x"], "före justeringen"),
        ("20250605", ["--date", "2025-06-20", "--paragraph", "3", "--text", "x"], "ingen § 3"),
        ("20250605", ["--date", "2025-06-20", "--text", "  "], "vad som rättas"),
        ("20250410", ["--date", "2025-06-20", "--text", "x"], "inte justerat"),
        ("20250605", ["--date", "32 juni", "--text", "x"], "32 juni"),
    ],
)
def test_a_correction_that_cannot_be_made_is_refused_in_one_line(
    example, capsys, meeting, args, message
):
    adjust(Store(example), "20250605", dt.date(2025, 6, 12), [])
    capsys.readouterr()
    assert main(["correct", meeting, *args, "--store", str(example)]) != 0
    err = capsys.readouterr().err
    assert message in err and len(err.splitlines()) == 1
    assert Store(example).load("20250605-au").corrections == []


def test_a_correction_waits_for_the_process_holding_the_meeting(example):
    from protokoll.store.adjust import correct

    adjust(Store(example), "20250605", dt.date(2025, 6, 12), [])
    holder = Store(example).open("20250605-au")  # holds the lock, read-only as adjusted
    try:
        import subprocess
        import sys

        code = subprocess.run(
            [
                sys.executable,
                "-m",
                "protokoll.tui",
                "correct",
                "20250605",
                "--date",
                "2025-06-20",
                "--text",
                "x",
                "--store",
                str(example),
            ],
            capture_output=True,
            text=True,
        )
        assert code.returncode == 1 and "annat program" in code.stderr
    finally:
        holder.close()
    correct(Store(example), "20250605", dt.date(2025, 6, 20), "x")
    assert len(Store(example).load("20250605-au").corrections) == 1


def test_a_late_anslag_is_recorded_with_a_warning(example, capsys):
    adjust(Store(example), "20250605", dt.date(2025, 6, 12), [])
    assert main(["post", "20250605", "--date", "2025-06-20", "--store", str(example)]) == 0
    assert "8 dagar" in capsys.readouterr().err
    assert Store(example).load("20250605-au").posted == "2025-06-20"


def test_a_protocol_adjusted_before_text_was_made_safe_still_verifies(example):
    """Its hash was taken over the text with its control characters as they were."""
    path = example / "meetings" / "20250605-au.json"
    data = json.loads(path.read_text("utf-8"))
    doc = data["meeting"]["1"]
    doc["paragraphs"][0]["text"] += " Beslutet BIFALLS\rBeslutet AVSLÅS \x1b[31m"
    path.write_text(json.dumps(data), encoding="utf-8")
    adjust(Store(example), "20250605", dt.date(2025, 6, 12), [])
    data = json.loads(path.read_text("utf-8"))
    doc = data["meeting"]["1"]
    # As the earlier version hashed it: the rendering with the controls in.
    meeting = Store(example).load("20250605-au")
    as_adjusted = dataclasses.replace(meeting, corrections=[], posted="")
    raw = to_text(blocks(as_adjusted, "sv", False), raw=True)
    doc["adjustment"]["sha256"] = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    assert "\x1b" in raw and doc["adjustment"]["sha256"] != meeting.adjustment.sha256
    path.write_text(json.dumps(data), encoding="utf-8")
    assert verify(Store(example), "20250605")[0]
    # A changed word is still found.
    doc["paragraphs"][0]["text"] = doc["paragraphs"][0]["text"].replace("AVSLÅS", "BIFALLS")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert not verify(Store(example), "20250605")[0]


def test_a_recorded_anslag_is_replaced_only_when_asked_and_then_said(example, capsys):
    """A second `post` had moved the last day of appeal without a word (a trial)."""
    adjust(Store(example), "20250605", dt.date(2025, 6, 12), [])
    args = ["--store", str(example)]
    assert main(["post", "20250605", "--date", "2025-06-13", *args]) == 0
    capsys.readouterr()
    assert main(["post", "20250605", "--date", "2025-06-16", *args]) == 1
    err = capsys.readouterr().err
    assert "anslaget för 20250605-au är redan infört (2025-06-13); --replace ersätter det" in err
    assert Store(example).load("20250605-au").posted == "2025-06-13"
    # The same date again changes nothing and is no error.
    assert main(["post", "20250605", "--date", "2025-06-13", *args]) == 0
    capsys.readouterr()
    assert main(["post", "20250605", "--date", "2025-06-16", "--replace", *args]) == 0
    err = capsys.readouterr().err
    assert "anslaget 2025-06-13 ersattes med 2025-06-16; sista dag för överklagande är nu" in err
    assert Store(example).load("20250605-au").posted == "2025-06-16"
