"""People a source lists only as present (`Närvarande`) are not printed as Beslutande.

A plain `Närvarande` list says who came, not who decided. The importer keeps
them as beslutande for its checks, but the meeting records the list
(`Meeting.present_only`): the protocol, its Markdown, its PDF and its
extracts print them under the source's own heading, and no quorum is judged
from them. Meetings taken in the program, and meeting files written before
the field existed, print as they did.
"""

from __future__ import annotations

import json
from pathlib import Path

from protokoll.store import Store, render_markdown, render_text, verbs
from protokoll.store.adjust import changed_since_adjusted
from protokoll.store.attendance import decided_without_quorum, judges_quorum
from protokoll.store.checks import problems
from protokoll.store.extract import render_extract
from protokoll.store.importer import import_protocol, read_protocol
from protokoll.store.model import Decision, Meeting
from protokoll.store.pdf import render_pdf
from protokoll.store.serial import from_dict, to_dict
from protokoll.tui.app import ProtokollApp
from protokoll.tui.screens.meeting import MeetingScreen

from .conftest import ROSTER
from .screen import screen_text, wait_until
from .test_cli import run
from .test_pdf import read_pdf

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
SENIORNET = SEEDS / "seniornet-internet-styrelse-skypemote-2018-05-02.txt"
RAR = SEEDS / "rar-sormland-au-2021-04-15.txt"
KALMAR = SEEDS / "kalmar-au-2020-05-29.txt"
FIRST_NAMES = ["LilliAnn", "IngBritt", "Björn", "Våge"]


def seniornet() -> Meeting:
    m, _ = read_protocol(SENIORNET.read_bytes(), SENIORNET)
    return m


def group(text: str, heading: str) -> list[str]:
    """The names under `heading` in a text protocol (its indented lines)."""
    lines = text.splitlines()
    at = lines.index(heading)
    out = []
    for line in lines[at + 1 :]:
        if not line.startswith("    "):
            break
        out.append(line.strip())
    return out


def test_the_seniornet_seed_prints_its_first_names_under_narvarande():
    text = render_text(seniornet())
    assert group(text, "Närvarande") == FIRST_NAMES
    assert "Beslutande" not in text


def test_markdown_and_pdf_say_what_the_text_says():
    m = seniornet()
    md = render_markdown(m)
    assert "**Närvarande**\n\n" + "\n".join(f"- {n}" for n in FIRST_NAMES) in md
    assert "Beslutande" not in md
    body = " ".join(" ".join(page.body) for page in read_pdf(render_pdf(m)))
    assert "Närvarande " + " ".join(FIRST_NAMES) in " ".join(body.split())
    assert "Beslutande" not in body


def test_the_list_is_kept_in_the_meeting_file_and_printed_by_show(tmp_path, capsys):
    store = tmp_path / "store"
    code, out, _ = run(capsys, "--store", str(store), "import", str(SENIORNET))
    assert code == 0
    meeting_id = out.split()[0]
    stored = json.loads((store / "meetings" / f"{meeting_id}.json").read_text("utf-8"))
    (listed,) = stored["meeting"]["1"]["present_only"]
    assert listed["heading"] == "Närvarande" and len(listed["people"]) == 4
    code, out, _ = run(capsys, "--store", str(store), "show", meeting_id)
    assert code == 0 and group(out, "Närvarande") == FIRST_NAMES and "Beslutande" not in out


def test_a_meeting_taken_in_the_program_prints_beslutande_as_before(tmp_path):
    store = Store(tmp_path / "store")
    organ = store.add_organ("Arbetsutskottet", "Förbundet", roster=ROSTER, organ_id="au")
    s = store.create_meeting(organ.id, "2026-02-10", start="13:00")
    for a in s.meeting.attendees:
        a.present = True
    s.save()
    text = render_text(s.meeting)
    members = [a.name for a in s.meeting.attendees if a.role == "ledamot"]
    assert [x.split(" (")[0].split(",")[0] for x in group(text, "Beslutande")] == members
    assert "Närvarande\n" not in text
    assert "present_only" not in to_dict(s.meeting)  # the file keeps its shape
    s.close()


def test_a_meeting_file_written_before_the_field_reads_and_prints_as_before():
    data = to_dict(seniornet())
    del data["present_only"]  # as every import before this one wrote it
    old = from_dict(Meeting, data)
    assert old.present_only == []
    assert group(render_text(old), "Beslutande") == FIRST_NAMES
    assert to_dict(old) == data  # and it is written back without the field


def test_people_the_source_said_decided_stay_beslutande_beside_a_plain_list(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text(
        "PROTOKOLL fört vid sammanträde med styrelsen för Föreningen X\n\nDatum: 2024-03-14\n\n"
        "Beslutande: Anna Ek\n\nNärvarande: Bo Lund\n\n§ 1 Öppnande\n\nÖppnat.\n",
        encoding="utf-8",
    )
    m, _ = read_protocol(path.read_bytes(), path)
    text = render_text(m)
    assert group(text, "Beslutande") == ["Anna Ek"]
    assert group(text, "Närvarande") == ["Bo Lund"]
    assert text.index("Beslutande") < text.index("Närvarande")


def test_the_source_heading_is_printed_as_a_heading_is_written(tmp_path):
    for written, printed in (("NÄRVARANDE:", "Närvarande"), ("Deltagare:", "Deltagare")):
        path = tmp_path / "p.txt"
        path.write_text(
            "PROTOKOLL fört vid sammanträde med styrelsen för Föreningen X\n\n"
            f"Datum: 2024-03-14\n\n{written}\nAnna Ek\nBo Lund\n\n§ 1 Öppnande\n\nÖppnat.\n",
            encoding="utf-8",
        )
        m, _ = read_protocol(path.read_bytes(), path)
        text = render_text(m)
        assert group(text, printed) == ["Anna Ek", "Bo Lund"], written
        assert "Beslutande" not in text


def test_staff_in_a_plain_list_stay_among_others_and_the_rest_under_narvarande():
    m, _ = read_protocol(RAR.read_bytes(), RAR)
    text = render_text(m)
    assert [x.split(",")[0] for x in group(text, "Närvarande")] == [
        "Jacob Sandgren",
        "Ingrid Jerneborg Glimne",
        "Mats Karlsson",
        "Ulrika Truedsson",
        "Oleg Kosovic",
    ]
    assert [x.split(",")[0] for x in group(text, "Övriga närvarande")] == ["Charlotta Skålen"]
    assert "Beslutande" not in text


def test_an_extract_does_not_say_they_served():
    text = render_extract(seniornet(), [57])
    assert group(text, "Närvarande, § 57") == FIRST_NAMES
    assert "Tjänstgörande" not in text


def test_no_quorum_is_judged_from_people_listed_only_as_present():
    m = seniornet()
    m.rules.quorum = True  # even where the rules would judge it
    m.paragraphs[2].decisions.append(Decision("Styrelsen beslutar att stödja motionen."))
    assert not judges_quorum(m)
    assert decided_without_quorum(m, m.paragraphs[2]) is None
    assert "no_quorum" not in [x.key for x in problems(m)]
    m.present_only = []  # the control: the same meeting, its people said to decide
    assert judges_quorum(m)


def test_an_adjusted_import_is_adjusted_as_it_now_prints(tmp_path):
    source = tmp_path / "kalmar-au-2020-05-29.txt"
    text = KALMAR.read_text(encoding="utf-8").replace("Beslutande deltagare:", "Närvarande:")
    source.write_text(text, encoding="utf-8")
    m = import_protocol(Store(tmp_path / "store"), source, source.read_bytes()).meeting
    assert m.status == "adjusted" and m.present_only
    assert not changed_since_adjusted(m)  # the hash was taken of this text
    assert "Beslutande" not in render_text(m)


async def test_the_top_bar_of_a_reopened_import_says_no_quorum_from_them(tmp_path):
    path = tmp_path / "store"
    store = Store(path)
    meeting = import_protocol(store, SENIORNET, SENIORNET.read_bytes()).meeting
    session = store.open(meeting.id)
    session.editor().do(verbs.reopen_meeting)
    # Even with rules that judge the quorum (an organ's profile, a hand-edited file).
    session.meeting.rules.quorum = True
    session.save()
    session.close()
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the meeting")
        await wait_until(pilot, lambda: "Okänt organ" in screen_text(app), "the top bar")
        top = screen_text(app).splitlines()[0]
        assert "beslutför" not in top and "Okänt organ" in top
        await pilot.press("ctrl+q")


HOGSBY = SEEDS / "hogsby-kommunfullmaktige-2017-09-04.PARTIAL.txt"


def test_people_added_because_they_sign_are_present_not_among_the_others():
    """Högsby's kommunfullmäktige has its beslutande in an annex ("Se bilaga"):
    its chair and justerare are named only where they sign. They were there,
    but the source does not say as what: "Övriga närvarande" (not members),
    where they were printed, said more than it. Under "Närvarande" alone,
    three names read as the whole attendance of a kommunfullmäktige (a
    trial): the heading says how they are known."""
    m, report = read_protocol(HOGSBY.read_bytes(), HOGSBY)
    text = render_text(m)
    assert group(text, "Närvarande enligt underskrifterna") == [
        "Marcus Schön (M)", "Per-Ola Herdinius (S)", "Anders Ek"
    ]  # fmt: skip
    assert "Närvarande" not in text.splitlines()
    assert [x.split(",")[0] for x in group(text, "Övriga närvarande")] == [
        "Anders Johansson",
        "Agneta Rodriguez",
    ]
    assert "Beslutande\n" not in text
    assert not judges_quorum(m)
    # What the annex holds is said where the source said it, with its heading.
    assert "Beslutande Se bilaga" in text.splitlines()
    said = [n.key for n in report.notices]
    assert said.count("function_absent") == 2 and "signer_absent" in said


def test_a_signer_with_a_staff_title_not_listed_is_among_the_others(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text(
        "PROTOKOLL fört vid sammanträde med styrelsen för Föreningen X\n\n"
        "Datum: 2024-03-14\n\nBeslutande:\nAnna Ek, ordförande\nBo Lund\n\n"
        "§ 1 Öppnande\n\nMötet öppnades.\n\n"
        "Vid protokollet\n\nCilla Holm\nförbundssekreterare\n\n"
        "Justeras\n\nAnna Ek\n",
        encoding="utf-8",
    )
    m, report = read_protocol(path.read_bytes(), path)
    assert "signer_absent" in [n.key for n in report.notices]
    text = render_text(m)
    assert group(text, "Beslutande") == ["Anna Ek, ordförande", "Bo Lund"]
    assert [x.split(",")[0] for x in group(text, "Övriga närvarande")] == ["Cilla Holm"]
    assert "Närvarande\n" not in text
