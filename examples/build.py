"""Build examples/store/ and the rendered protocols beside it.

An invented samordningsförbund with invented people, in the style of the
real protocols in shared/seeds: a year of AU meetings with § numbers that run
on, partial attendance and a serving substitute, a vote with a reservation
and jäv, and one set of minnesanteckningar.

    python examples/build.py          # rebuild from nothing
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from store import (  # noqa: E402
    Ballot,
    Decision,
    Jav,
    Note,
    Person,
    Reservation,
    Store,
    Task,
    Vote,
)
from store.adjust import adjust  # noqa: E402
from store.exchange import export_json  # noqa: E402
from store.render import render_text  # noqa: E402

ORG = "Samordningsförbundet Norrå"

AU_ROSTER = [
    Person("karin", "Karin Lindqvist", "ordförande", "Lövstads kommun", "S"),
    Person("perolof", "Per-Olof Nyström", "1:e vice ordförande", "Kvarnby kommun", "M"),
    Person("amira", "Amira Haddad", "", "Försäkringskassan"),
    Person("johan", "Johan Ek", "", "Arbetsförmedlingen"),
    Person("birgitta", "Birgitta Sandell", "", "Region Norrå", "C"),
    Person("lars", "Lars Wiklund", "", "Region Norrå", "S", role="ersattare"),
    Person("maria", "Maria Öberg", "förbundschef", ORG, role="tjansteperson"),
    Person("elin", "Elin Strand", "controller", ORG, role="tjansteperson"),
]

BG_ROSTER = [
    Person("maria", "Maria Öberg", "förbundschef", ORG, role="tjansteperson"),
    Person("sven", "Sven Holm", "enhetschef", "Lövstads kommun", role="tjansteperson"),
    Person("nadia", "Nadia Berg", "teamledare", "Försäkringskassan", role="tjansteperson"),
    Person("olle", "Olle Dahl", "sektionschef", "Arbetsförmedlingen", role="tjansteperson"),
]


def present(m, *ids):
    for a in m.attendees:
        if a.id in ids:
            a.present = True


def add(session, title, text="", decisions=(), **extra):
    p = session.add_paragraph(
        title, paragraph_id=f"{session.meeting.id[-4:]}-{len(session.meeting.paragraphs) + 1:02d}"
    )
    p.text = text
    p.decisions = [Decision(d) for d in decisions]
    for key, value in extra.items():
        setattr(p, key, value)
    session.save()
    return p


def build(path: Path) -> Store:
    if path.exists():
        shutil.rmtree(path)
    store = Store(path)
    au = store.add_organ(
        "Arbetsutskottet",
        ORG,
        roster=AU_ROSTER,
        organ_id="au-norra",
        place="Förbundets kansli, Storgatan 4, Lövstad",
    )
    bg = store.add_organ(
        "Beredningsgruppen", ORG, roster=BG_ROSTER, organ_id="bg-norra", place="Teams"
    )

    # 1. February: the first meeting of the year starts at § 1. Adjusted.
    s = store.create_meeting(
        au.id, "2025-02-13", start="13:00", meeting_id="20250213-au", created="2025-02-10T09:00:00"
    )
    m = s.meeting
    m.end = "14:30"
    present(m, "karin", "perolof", "amira", "johan", "birgitta", "maria")
    m.functions.chair, m.functions.secretary, m.functions.adjusters = "karin", "maria", ["amira"]
    add(
        s,
        "Mötets öppnande",
        "Ordförande Karin Lindqvist hälsar alla välkomna och förklarar sammanträdet öppnat.",
    )
    add(
        s,
        "Val av justerare",
        decisions=[
            "Amira Haddad väljs att jämte ordföranden justera "
            "dagens protokoll. Justering sker digitalt senast den 24 februari."
        ],
    )
    add(s, "Godkännande av dagordning", decisions=["Dagordningen godkänns."])
    add(
        s,
        "Årsredovisning 2024",
        "Förbundschefen redogör för utkastet till årsredovisning. Resultatet visar ett "
        "överskott på 412 000 kronor, främst beroende på att två insatser kom igång senare "
        "än planerat.\n\nControllern har stämt av underlaget mot huvudboken.",
        ["Arbetsutskottet föreslår styrelsen att godkänna årsredovisningen för 2024."],
    )
    add(
        s,
        "Information från parterna",
        "Försäkringskassan informerar om nya rutiner för avstämningsmöten. "
        "Arbetsförmedlingen berättar att de lokala kontoren i Kvarnby och Lövstad samlokaliseras "
        "under våren.",
        ["Informationen läggs till handlingarna."],
    )
    add(s, "Mötets avslutande", "Ordföranden tackar för dagens möte och avslutar sammanträdet.")
    m.status = "closed"
    s.save()
    s.close()
    adjust(store, m.id, dt.date(2025, 2, 20), ["Karin Lindqvist", "Amira Haddad"])

    # 2. April: continues at § 7; one member leaves, a substitute serves for another.
    s = store.create_meeting(
        au.id, "2025-04-10", start="13:00", meeting_id="20250410-au", created="2025-04-07T09:00:00"
    )
    m = s.meeting
    m.end = "15:10"
    present(m, "karin", "perolof", "amira", "lars", "maria", "elin")
    lars = m.attendee("lars")
    lars.replaces = "birgitta"
    m.functions.chair, m.functions.secretary, m.functions.adjusters = "karin", "maria", ["perolof"]
    add(s, "Mötets öppnande", "Ordföranden öppnar mötet.")
    add(s, "Val av justerare", decisions=["Per-Olof Nyström väljs att justera protokollet."])
    add(
        s,
        "Godkännande av dagordning",
        decisions=["Dagordningen godkänns med tillägg av en punkt under övriga frågor."],
    )
    p10 = add(
        s,
        "Uppföljning av insatser första kvartalet",
        "Controllern presenterar uppföljningen. 212 deltagare var inskrivna i insatserna "
        "vid kvartalets slut, varav 58 procent kvinnor. Andelen som gått vidare till arbete "
        "eller studier är 31 procent.",
        ["Uppföljningen läggs till handlingarna."],
        tasks=[
            Task(
                "t1",
                "ta fram jämförelse med samma kvartal 2024 till nästa möte",
                owner="elin",
                due="2025-06-05",
            )
        ],
    )
    elin = m.attendee("elin")
    elin.left = p10.id  # the controller left after her item
    add(
        s,
        "Ansökan om förlängning av Steg Vidare",
        "Insatsen Steg Vidare i Kvarnby ansöker om förlängning till och med juni 2026. "
        "Ansökan har beretts av beredningsgruppen.",
        ["Arbetsutskottet föreslår styrelsen att bevilja förlängningen med 1 450 000 kronor."],
    )
    add(s, "Övriga frågor", "Ordföranden informerar om förbundsdagen i Östersund i maj.")
    add(s, "Mötets avslutande", "Ordföranden avslutar mötet.")
    m.status = "closed"
    s.save()
    s.close()

    # 3. June: a vote, a reservation and jäv.
    s = store.create_meeting(
        au.id, "2025-06-05", start="09:00", meeting_id="20250605-au", created="2025-06-02T09:00:00"
    )
    m = s.meeting
    m.end = "11:45"
    present(m, "karin", "perolof", "amira", "johan", "birgitta", "maria", "elin")
    m.functions.chair, m.functions.secretary, m.functions.adjusters = "karin", "maria", ["johan"]
    add(s, "Mötets öppnande", "Ordföranden öppnar mötet.")
    add(s, "Val av justerare", decisions=["Johan Ek väljs att justera protokollet."])
    add(s, "Godkännande av dagordning", decisions=["Dagordningen godkänns."])
    add(
        s,
        "Föregående protokoll",
        decisions=["Protokollet från den 10 april läggs till handlingarna."],
    )
    add(
        s,
        "Upphandling av utvärdering",
        "Två anbud har kommit in. Förbundschefen föreslår anbudet från Analysgruppen Norr AB. "
        "Per-Olof Nyström (M) yrkar att anbudet från Utvärdera i Kvarnby AB antas i stället, "
        "då det är lägre.",
        ["Arbetsutskottet beslutar att anta anbudet från Analysgruppen Norr AB."],
        votes=[
            Vote(
                "förbundschefens förslag; nej för Per-Olof Nyströms yrkande",
                3,
                1,
                0,
                [
                    Ballot("karin", "ja"),
                    Ballot("perolof", "nej"),
                    Ballot("amira", "ja"),
                    Ballot("johan", "ja"),
                ],
                "Arbetsutskottet har beslutat enligt förbundschefens förslag.",
            )
        ],
        reservations=[
            Reservation(
                "perolof",
                "Anbudet från Utvärdera i Kvarnby AB var billigare och uppfyllde kraven.",
                "eget yrkande",
            )
        ],
        jav=[Jav("birgitta", "Hon är styrelseledamot i Analysgruppen Norr AB.")],
    )
    add(
        s,
        "Budget 2026, första utkast",
        "Förbundschefen presenterar ett första utkast. Medlemmarnas bidrag antas vara oförändrade.",
        ["Arbetsutskottet beslutar att förbundschefen arbetar vidare med utkastet."],
        tasks=[
            Task(
                "t2",
                "ta fram ett alternativ med fem procent lägre kostnader",
                owner="maria",
                due="2025-09-01",
            )
        ],
        notes=[Note("amira", "Försäkringskassan kan inte besked om sitt bidrag förrän i oktober.")],
    )
    add(s, "Mötets avslutande", "Ordföranden tackar och avslutar mötet.")
    m.status = "closed"
    s.save()
    s.close()

    # 4. Minnesanteckningar from the working group, without § numbers.
    s = store.create_meeting(
        bg.id,
        "2025-05-20",
        kind="minnesanteckningar",
        start="10:00",
        meeting_id="20250520-bg",
        created="2025-05-19T09:00:00",
    )
    m = s.meeting
    m.end = "11:30"
    present(m, "maria", "sven", "nadia", "olle")
    m.functions.secretary = "maria"
    add(
        s,
        "Nuläge i insatserna",
        "Sven Holm berättar att väntetiden till Steg Vidare har ökat till sex veckor.",
    )
    add(
        s,
        "Ansökan om förlängning av Steg Vidare",
        "Gruppen går igenom ansökan och tillstyrker den.",
        tasks=[Task("t3", "skicka ansökan till arbetsutskottet", owner="maria")],
    )
    add(s, "Nästa möte", "Den 16 september kl. 10.00 på Teams.")
    m.status = "closed"
    s.save()
    s.close()
    return store


def write_rendered(store: Store, folder: Path) -> list[Path]:
    """The rendered protocols beside the store, and the JSON the app can load."""
    written = []
    shipped = folder.parent / "tui" / "examples"
    shipped.mkdir(exist_ok=True)
    for summary in store.summaries():
        meeting = store.load(summary.id)
        target = folder / f"{summary.id}.txt"
        target.write_text(render_text(meeting), encoding="utf-8")
        exported = shipped / f"{summary.id}.json"
        exported.write_text(export_json(meeting, store.organ(meeting.organ_id)), encoding="utf-8")
        written += [target, exported]
    return written


if __name__ == "__main__":
    built = build(HERE / "store")
    for path in write_rendered(built, HERE):
        print(path.relative_to(HERE.parent))
