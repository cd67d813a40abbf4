"""Dates with legal effect, single §s standing alone, the publication copy, organ profiles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from protokoll.store import Decision, Person, Store, StoreError, verbs
from protokoll.store.adjust import adjust, verify
from protokoll.store.deadlines import deadlines, holidays, last_day
from protokoll.store.extract import render_extract
from protokoll.store.model import Adjustment, Meeting, Rules
from protokoll.store.profiles import PROFILES, apply, default_kind
from protokoll.store.render import render_text
from protokoll.tui.cli import main

D = dt.date


def posting(date: str, adjusted: str = "", posted: str = "", **rules) -> Meeting:
    m = Meeting("m", "o", "Socialnämnden", "Sydstads kommun", date)
    m.rules = Rules(posts_notices=True, **rules)
    if adjusted:
        m.adjustment = Adjustment(adjusted)
    m.posted = posted
    return m


# --- dates ---------------------------------------------------------------------


def test_adjustment_is_due_14_days_after_the_meeting():
    d = deadlines(posting("2026-11-23"))
    assert d.adjust_by == D(2026, 12, 7)


def test_posting_is_due_2_days_after_adjustment_and_appeal_runs_3_weeks_from_posting():
    d = deadlines(posting("2026-11-23", adjusted="2026-11-30", posted="2026-12-01"))
    assert (d.post_by, d.appeal_until, d.take_down) == (
        D(2026, 12, 2),
        D(2026, 12, 22),
        D(2026, 12, 23),
    )


def test_unknown_dates_stay_blank_and_none_is_invented():
    d = deadlines(posting("2026-11-23"))
    assert (d.adjusted, d.post_by, d.posted, d.appeal_until) == (None, None, None, None)
    text = render_text(posting("2026-11-23"))
    assert "Anslaget uppsatt:\nSista dag för överklagande:\nAnslaget tas ned:\n" in text
    period = posting("2024")
    period.period = "Hösten 2024"
    assert deadlines(period).adjust_by is None


def test_a_meeting_at_the_end_of_december_counts_over_new_year_and_its_holidays():
    # 14 days after 17 December is nyårsafton; nyårsdagen and a weekend follow.
    assert deadlines(posting("2026-12-17")).adjust_by == D(2027, 1, 4)
    d = deadlines(posting("2026-12-28", adjusted="2026-12-30", posted="2026-12-31"))
    assert d.adjust_by == D(2027, 1, 11)
    assert d.post_by == D(2027, 1, 4)  # 1 January, then Saturday and Sunday
    assert d.appeal_until == D(2027, 1, 21)


def test_a_last_day_on_a_holiday_moves_to_the_next_weekday():
    assert last_day(D(2027, 3, 24), 2) == D(2027, 3, 30)  # långfredagen to after annandag påsk
    assert D(2026, 6, 19) in holidays(2026)  # midsommarafton
    assert D(2026, 10, 31) in holidays(2026)  # alla helgons dag
    assert D(2026, 12, 24) in holidays(2026)


def test_the_anslag_block_shows_only_for_organs_that_post_notices():
    m = posting("2026-11-23", adjusted="2026-11-30", posted="2026-12-01", archive="Kommunhuset")
    m.status = "adjusted"
    text = render_text(m)
    assert "ANSLAG/BEVIS\n\nProtokollet är justerat." in text
    assert "Sista dag för överklagande:      2026-12-22" in text
    assert "Förvaringsplats för protokollet: Kommunhuset" in text
    m.rules.posts_notices, m.posted = False, ""
    assert "ANSLAG" not in render_text(m)


def test_an_adjustment_later_than_14_days_is_warned_about(tmp_path):
    store = Store(tmp_path / "s")
    organ = store.add_organ("Nämnden", "Kommunen", roster=[Person("a", "Ann Ek")])
    s = store.create_meeting(organ.id, "2026-12-17")
    s.add_paragraph("Ärende")
    s.meeting.status = "closed"
    s.save()
    s.close()
    # 4 January is in time: the 14th day fell on nyårsafton. (What else is
    # said is of the record: nobody named to sign.)
    said = adjust(store, s.meeting.id, D(2027, 1, 4), [], today=D(2027, 1, 4))[1]
    assert said and not [w for w in said if "dagar" in w]
    store2 = Store(tmp_path / "t")
    organ = store2.add_organ("Nämnden", "Kommunen")
    s = store2.create_meeting(organ.id, "2026-11-23")
    s.meeting.status = "closed"
    s.save()
    s.close()
    _, warnings = adjust(store2, s.meeting.id, D(2026, 12, 8), [], today=D(2026, 12, 8))
    assert [w for w in warnings if "dagar" in w] == [
        "justeringen 2026-12-08 är 15 dagar efter mötet; sista dag var 2026-12-07 (inom 14 dagar)"
    ]


# --- single §s -------------------------------------------------------------------


@pytest.fixture
def adjusted(tmp_path):
    store = Store(tmp_path / "s")
    roster = [
        Person("ann", "Ann Ek", party="S"),
        Person("bo", "Bo Lind", party="M"),
        Person("jan", "Jan Kansli", role="tjansteperson"),
    ]
    organ = store.add_organ("Socialnämnden", "Sydstads kommun", roster=roster)
    s = store.create_meeting(organ.id, "2026-11-23", number_from=128)
    for a in s.meeting.attendees:
        a.present = True
    s.meeting.functions.chair, s.meeting.functions.secretary = "ann", "jan"
    s.meeting.functions.adjusters = ["bo"]
    for title, text in (
        ("Budget", "Budgeten gås igenom."),
        ("Boendeärende", "Uppgifter om en enskild person."),
        ("Lokaler", "Om lokalerna."),
    ):
        p = s.add_paragraph(title)
        p.text = text
        p.decisions.append(Decision(f"Nämnden beslutar att godkänna {title.lower()}."))
    s.meeting.status = "closed"
    s.save()
    s.close()
    adjust(store, s.meeting.id, D(2026, 11, 30), [])
    return store, s.meeting.id


def test_an_extract_carries_the_chosen_paragraph_who_served_and_the_certification(adjusted):
    store, mid = adjusted
    text = render_extract(store.load(mid), [129])
    assert text.startswith("PROTOKOLLSUTDRAG\n\nSocialnämnden\nSydstads kommun\n")
    assert "Paragrafer: § 129" in text
    assert "Tjänstgörande, § 129\n    Ann Ek (S)\n    Bo Lind (M)\n" in text
    assert "§ 129  Boendeärende" in text and "§ 128  Budget" not in text
    assert "Protokollet justerades 2026-11-30 av Ann Ek och Bo Lind." in text
    signature = "Utdragsbestyrkande\n\n\n\n" + "_" * 36 + "\nJan Kansli, sekreterare"
    assert text.rstrip().endswith(signature)
    with pytest.raises(StoreError, match="ingen § 7"):
        render_extract(store.load(mid), [7])


def test_omedelbar_justering_renders_the_paragraph_alone_with_its_signatures(tmp_path):
    store = Store(tmp_path / "s")
    organ = store.add_organ("Nämnden", "Kommunen", roster=[Person("ann", "Ann Ek")])
    s = store.create_meeting(organ.id, "2026-11-23")
    s.meeting.attendees[0].present = True
    s.meeting.functions.chair = "ann"
    p = s.add_paragraph("Brådskande")
    p.immediate = True
    text = render_extract(s.meeting, [1], immediate=True)
    assert text.startswith("PROTOKOLL, OMEDELBART JUSTERAD PARAGRAF")
    assert "Datum:      2026-11-23" in text
    assert "Paragrafen justerades omedelbart." in text
    assert text.rstrip().endswith("Justeras\n\n\n\n" + "_" * 36 + "\nAnn Ek, ordförande")
    s.close()


def test_only_a_paragraph_adjusted_at_once_has_the_document_of_one(example, capsys):
    # `extract ID 147 --immediate` had printed "PROTOKOLL, OMEDELBART JUSTERAD
    # PARAGRAF" with signature lines for a § never adjusted at once (a trial).
    args = ["--store", str(example)]
    assert main(["extract", "20251120-sn", "133", "--immediate", *args]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == (
        "protokoll: fel: § 133 justerades inte omedelbart; ett utdrag utan --immediate visar den"
    )
    assert main(["extract", "20251120-sn", "134", "--immediate", *args]) == 0
    document = capsys.readouterr().out
    assert document.startswith("PROTOKOLL, OMEDELBART JUSTERAD PARAGRAF")
    # Trial 18: when the meeting was held, and the secretary's signature too.
    assert "Tid:        13.00–16.10" in document
    assert "Vid protokollet\n\n\n\n" + "_" * 36 + "\nDavid Moberg, sekreterare" in document
    # The example beside the store is this document as the code prints it.
    shipped = Path(__file__).resolve().parent.parent / "examples" / "20251120-sn-omedelbar-134.txt"
    assert shipped.read_text(encoding="utf-8") == document


def test_an_extract_to_a_pdf_name_is_a_pdf(example, tmp_path, capsys):
    # `extract … -o utdrag.pdf` had written text into a file named .pdf.
    from io import BytesIO

    from pypdf import PdfReader

    args = ["--store", str(example)]
    for argv, words in (
        (["134", "--immediate", "-o", str(tmp_path / "oj.pdf")], "OMEDELBART JUSTERAD"),
        (["133", "-o", str(tmp_path / "utdrag.pdf")], "Utdragsbestyrkande"),
        (["133", "--format", "pdf", "-o", str(tmp_path / "utdrag")], "Utdragsbestyrkande"),
    ):
        assert main(["extract", "20251120-sn", *argv, *args]) == 0, capsys.readouterr().err
        data = (tmp_path / argv[-1].rsplit("/", 1)[-1]).read_bytes()
        assert data.startswith(b"%PDF")
        text = " ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages)
        assert words in text
    capsys.readouterr()


def test_a_masked_publication_copy_keeps_the_number_and_the_reason(adjusted, capsys):
    store, mid = adjusted
    args = ["--store", str(store.path)]
    assert main(["mask", mid, "§129", "sekretess", *args]) == 0
    assert main(["show", mid, "--publish", *args]) == 0
    published = capsys.readouterr().out
    assert "§ 129 — sekretess" in published
    assert "Boendeärende" not in published and "enskild person" not in published
    assert "§ 128  Budget" in published and "§ 130  Lokaler" in published
    assert "Paragrafer: §§ 128–130" in published
    assert "Maskerade av sekretess- eller integritetsskäl: § 129." in " ".join(published.split())
    # The protocol itself is unchanged, and still verifies after the mask.
    assert main(["show", mid, *args]) == 0
    assert "Uppgifter om en enskild person." in capsys.readouterr().out
    assert verify(store, mid)[0]


def test_a_correction_of_a_masked_paragraph_is_not_published_either(adjusted, capsys):
    # A rättelse repeats what the § said; the publication copy leaves both out.
    store, mid = adjusted
    args = ["--store", str(store.path)]
    assert main(["mask", mid, "§129", "sekretess", *args]) == 0
    for paragraph, what in (("129", "Personen bor i Sydstad."), ("128", "Beloppet är 10 mnkr.")):
        correct = ["correct", mid, "--date", "2026-12-01", "--paragraph", paragraph]
        assert main([*correct, "--text", what, "--why", "Förtydligande.", *args]) == 0
    capsys.readouterr()
    for fmt in ("text", "md"):
        assert main(["export", mid, "--format", fmt, "--publish", *args]) == 0
        published = " ".join(capsys.readouterr().out.split())
        assert "Personen bor i Sydstad" not in published
        assert "2026-12-01, § 129" in published and "som inte publiceras (sekretess)" in published
        assert "Beloppet är 10 mnkr." in published  # a § that is published keeps its rättelse
    assert main(["show", mid, *args]) == 0  # the protocol itself keeps every word
    assert "Personen bor i Sydstad." in capsys.readouterr().out


def test_an_extract_of_an_imported_protocol_closed_as_it_came_is_not_called_a_draft(adjusted):
    # Its source is the archive's document: "UTKAST" said what no one had said.
    import dataclasses

    store, mid = adjusted
    m = store.load(mid)
    closed = dataclasses.replace(m, status="closed", adjustment=None)
    assert "UTKAST" in render_extract(closed, [129])
    archived = dataclasses.replace(closed, imported=True)
    assert "UTKAST" not in render_extract(archived, [129])
    assert "Utdragsbestyrkande" in render_extract(archived, [129])


def test_the_extract_command_writes_the_chosen_paragraphs(adjusted, capsys, tmp_path):
    store, mid = adjusted
    out = tmp_path / "utdrag.txt"
    args = ["--store", str(store.path)]
    assert main(["extract", mid, "§", "128", "130", "-o", str(out), *args]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Paragrafer: §§ 128, 130" in text and "§ 129" not in text
    assert main(["extract", mid, "12x", *args]) == 2
    assert main(["extract", mid, "7", *args]) == 1
    err = capsys.readouterr().err
    assert "inte ett §-nummer: 12x" in err and "ingen § 7 i mötet" in err


def test_the_check_command_prints_the_dates_and_what_is_wrong(adjusted, capsys):
    store, mid = adjusted
    assert main(["check", mid, "--store", str(store.path)]) == 0
    out = capsys.readouterr().out
    assert "Justeras senast: 2026-12-07" in out
    assert "Protokollet justerat: 2026-11-30" in out


# --- organ profiles --------------------------------------------------------------------


def test_each_profile_sets_agenda_numbering_and_rules_and_a_setting_can_be_changed(tmp_path):
    store = Store(tmp_path / "s")
    organ = store.add_organ("Socialnämnden", "Sydstads kommun")
    apply(organ, "namnd")
    assert organ.rules.posts_notices and organ.rules.quorum
    assert "Anmälan av jäv" in organ.agenda_template
    organ.rules.archive = "Kommunhuset"
    organ.rules.posts_notices = False  # changed for this organ only
    store.save_organ(organ)
    again = Store(tmp_path / "s").organ(organ.id)
    assert (again.rules.profile, again.rules.posts_notices, again.rules.archive) == (
        "namnd",
        False,
        "Kommunhuset",
    )
    forening = apply(store.add_organ("Årsstämma", "Föreningen"), "forening")
    assert forening.numbering == "meeting" and forening.rules.chair_elected
    assert "Val av mötesordförande" in forening.agenda_template
    assert default_kind(apply(store.add_organ("Medlemsråd", "Förbundet"), "samrad")) == (
        "minnesanteckningar"
    )
    au = apply(store.add_organ("AU", "Förbundet"), "arbetsutskott")
    assert not au.rules.posts_notices
    assert set(PROFILES) == {
        "namnd",
        "samordningsforbund",
        "arbetsutskott",
        "samrad",
        "foreningsstyrelse",
        "forening",
    }
    with pytest.raises(StoreError):
        apply(organ, "okänd")


def test_a_meeting_keeps_the_rules_it_was_held_under(tmp_path):
    store = Store(tmp_path / "s")
    organ = apply(store.add_organ("Årsstämma", "Föreningen"), "forening")
    organ.roster = [Person("ann", "Ann Ek")]
    store.save_organ(organ)
    s = store.create_meeting(organ.id, "2026-03-14")
    s.meeting.attendees[0].present = True
    s.meeting.functions.chair = "ann"
    organ.rules.chair_elected = False
    store.save_organ(organ)
    text = render_text(s.meeting)
    assert "Mötesordförande: Ann Ek" in text
    assert "Röstberättigade närvarande\n    Ann Ek" in text
    s.close()


@pytest.mark.parametrize(
    "profile", ["forening", "foreningsstyrelse", "samrad", "namnd", "samordningsforbund"]
)
def test_a_member_not_there_is_absent_not_said_to_have_sent_apologies(tmp_path, profile):
    """"Anmält förhinder" said they gave notice, which nothing recorded (a trial)."""
    store = Store(tmp_path / "s")
    organ = apply(store.add_organ("Rådet", "Förbundet"), profile)
    organ.roster = [Person("ann", "Ann Ek"), Person("bo", "Bo Lind")]
    store.save_organ(organ)
    s = store.create_meeting(organ.id, "2026-03-14")
    s.meeting.attendees[0].present = True
    text = render_text(s.meeting)
    assert "Frånvarande\n    Bo Lind" in text and "förhinder" not in text
    assert "Absent\n    Bo Lind" in render_text(s.meeting, lang="en")
    s.close()


def test_a_foreningens_board_meets_as_a_board_not_as_its_stamma(tmp_path):
    """A förening's styrelse had only the stämma's profile: "Röstberättigade
    närvarande", a mötesordförande elected and "Fastställande av röstlängd"
    in the protocol of a board meeting (a trial)."""
    from protokoll.store.checks import problems

    store = Store(tmp_path / "s")
    organ = apply(store.add_organ("Styrelsen", "Föreningen SeniorNet"), "foreningsstyrelse")
    organ.roster = [Person("ann", "Ann Ek"), Person("bo", "Bo Lind")]
    store.save_organ(organ)
    assert not organ.rules.chair_elected and organ.rules.quorum
    agenda = " ".join(organ.agenda_template)
    assert "röstlängd" not in agenda and "mötesordförande" not in agenda
    s = store.create_meeting(organ.id, "2026-11-23")
    s.meeting.attendees[0].present = True
    s.meeting.functions.chair = "ann"
    s.add_paragraph("Ärende")
    s.editor(history=False).do(verbs.close_meeting, "19.00")
    text = render_text(s.meeting)
    assert "Närvarande ledamöter\n    Ann Ek" in text
    assert "Röstberättigade" not in text and "Mötesordförande" not in text
    assert "Styrelsen beslutar att" == s.meeting.rules.lead("Styrelsen")
    # Its stadgar, not the kommunallag, say when it is adjusted.
    assert "ska justeras senast" not in text
    assert not [x for x in problems(s.meeting, D(2026, 12, 20)) if x.key.startswith("adjust")]
    assert "Members present\n    Ann Ek" in render_text(s.meeting, lang="en")
    s.close()


def test_an_extract_carries_the_rattelser_of_its_paragraphs_and_the_meetings(adjusted, capsys):
    """An extract of § 128 had left out its rättelse and still said it agreed
    with the original protocol (a trial)."""
    store, mid = adjusted
    args = ["--store", str(store.path)]
    for paragraph, what in (("128", "Beloppet är 10 mnkr."), ("130", "Lokalen är Storgatan 4.")):
        correct = ["correct", mid, "--date", "2026-12-01", "--paragraph", paragraph]
        assert main([*correct, "--text", what, *args]) == 0
    whole = ["correct", mid, "--date", "2026-12-02", "--text", "Mötet började 13.05."]
    assert main([*whole, *args]) == 0
    capsys.readouterr()
    assert main(["extract", mid, "128", *args]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "Rättelser" in text and "Beloppet är 10 mnkr." in text
    assert "Mötet började 13.05." in text  # of the meeting as a whole: of every §
    assert "Storgatan 4" not in text  # another §'s
    assert text.index("Beloppet är 10 mnkr.") < text.index("överensstämmer med originalprotokollet")


def test_a_foreningens_protocol_has_no_kommunallag_deadline(tmp_path):
    """A förening's årsmöte printed "Protokollet ska justeras senast …", the
    kommunallag's 14 days, which its stadgar do not say (trial 5)."""
    from protokoll.store.checks import problems

    store = Store(tmp_path / "s")
    said = {}
    for profile in ("forening", "namnd"):
        organ = store.add_organ(f"Organ {profile}", "Huvudmannen", rules=PROFILES[profile].rules)
        s = store.create_meeting(organ.id, "2026-11-23")
        s.add_paragraph("Ärende")
        s.editor(history=False).do(verbs.close_meeting, "19.00")
        m = s.meeting
        said[profile] = (
            "ska justeras senast" in render_text(m),
            [x.key for x in problems(m, D(2026, 12, 20)) if x.key.startswith("adjust")],
        )
        s.close()
    assert said["forening"] == (False, [])
    assert said["namnd"] == (True, ["adjust_overdue"])


def test_an_anslag_is_not_recorded_on_a_day_to_come(example, capsys):
    # `post ID --date` a day after today had been taken as fact, and the
    # appeal's last day counted from it (a trial); `adjust` refuses alike.
    args = ["--store", str(example)]
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    meeting = "20250605-au"
    assert main(["adjust", meeting, "--date", "2025-06-12", "--posted", tomorrow, *args]) == 1
    err = capsys.readouterr().err
    assert f"anslaget kan inte föras in som uppsatt {tomorrow}: det är efter i dag" in err
    assert Store(example).load(meeting).adjustment is None  # nothing of it was done
    assert main(["adjust", meeting, "--date", "2025-06-12", *args]) == 0
    capsys.readouterr()
    assert main(["post", meeting, "--date", tomorrow, *args]) == 1
    assert "efter i dag" in capsys.readouterr().err
    assert Store(example).load(meeting).posted == ""
    assert main(["post", meeting, "--date", "2025-06-13", *args]) == 0
    assert Store(example).load(meeting).posted == "2025-06-13"


def test_a_correction_and_its_reason_print_as_sentences(example, capsys):
    # A trial's rättelse printed "Skäl: skrivfel" without its full stop.
    args = ["--store", str(example)]
    argv = ["correct", "20250213-au", "--date", "2025-03-01", "--paragraph", "5"]
    argv += ["--text", "Beloppet ska vara 12 000 kr", "--why", "skrivfel", "--by", "Maria Öberg"]
    assert main([*argv, *args]) == 0
    capsys.readouterr()
    assert main(["show", "20250213-au", *args]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "Beloppet ska vara 12 000 kr. Skäl: skrivfel." in shown
    assert verify(Store(example), "20250213-au")[0]  # after the adjusted text: no change to it
