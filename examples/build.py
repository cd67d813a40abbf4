"""Build examples/store/ and the rendered protocols beside it.

An invented samordningsförbund with invented people, in the style of the
real protocols in shared/seeds: a year of AU meetings with § numbers that run
on, partial attendance and a serving substitute, a vote with a reservation
and jäv, and one set of minnesanteckningar. Beside it an invented municipal
committee (Socialnämnden i Sydstad) with the full legal record: a changing
attendance, yrkanden and beslutsgång, an open vote, reservations, jäv by the
chair, a § adjusted at once, a § masked for publication, and the anslag.

    python examples/build.py          # rebuild from nothing
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from protokoll.store import (  # noqa: E402
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
from protokoll.store.adjust import adjust, post  # noqa: E402
from protokoll.store.exchange import export_json  # noqa: E402
from protokoll.store.extract import render_extract  # noqa: E402
from protokoll.store.proceedings import (  # noqa: E402
    add_note,
    add_proposal,
    add_reservation,
    add_vote,
    set_order,
    withdraw,
)
from protokoll.store.profiles import apply  # noqa: E402
from protokoll.store.render import render_text  # noqa: E402
from protokoll.store.timeline import arrive, declare_jav, leave, substitute  # noqa: E402

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

SN_ROSTER = [
    Person("lena", "Lena Forsberg", "ordförande", party="S"),
    Person("tomas", "Tomas Ahlgren", "1:e vice ordförande", party="M"),
    Person("sara", "Sara Lindgren", party="S"),
    Person("ahmed", "Ahmed Karimi", party="S"),
    Person("gunilla", "Gunilla Persson", party="M"),
    Person("erik", "Erik Sjöberg", party="C"),
    Person("maja", "Maja Holmström", party="V"),
    Person("peter", "Peter Wall", party="KD"),
    Person("karl", "Karl Nordin", party="SD"),
    Person("nils", "Nils Engström", party="SD", role="ersattare"),
    Person("frida", "Frida Olsson", party="S", role="ersattare"),
    Person("olof", "Olof Berglund", party="M", role="ersattare"),
    Person("hanna", "Hanna Ek", party="V", role="ersattare"),
    Person("ulrika", "Ulrika Stål", "socialchef", role="tjansteperson"),
    Person("david", "David Moberg", "nämndsekreterare", role="tjansteperson"),
    Person("rebecka", "Rebecka Lund", "utredare", role="tjansteperson"),
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
                "ja för förbundschefens förslag, nej för Per-Olof Nyströms yrkande",
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
    socialnamnden(store)
    return store


def socialnamnden(store: Store) -> None:
    """A municipal committee meeting with everything the legal record asks for."""
    sn = store.add_organ(
        "Socialnämnden",
        "Sydstads kommun",
        roster=SN_ROSTER,
        organ_id="sn-sydstad",
        place="Kommunhuset, sammanträdesrum Ekorren",
    )
    apply(sn, "namnd")
    sn.rules.archive = "Kommunkansliet, Kommunhuset, Sydstad"
    store.save_organ(sn)
    s = store.create_meeting(
        sn.id,
        "2025-11-20",
        start="13:00",
        meeting_id="20251120-sn",
        created="2025-11-17T09:00:00",
        number_from=128,
    )
    m = s.meeting
    m.end = "16:10"
    present(m, "lena", "tomas", "sara", "ahmed", "gunilla", "erik", "maja", "peter")
    present(m, "frida", "olof", "hanna", "ulrika", "david")
    m.functions.chair, m.functions.secretary, m.functions.adjusters = "lena", "david", ["maja"]
    substitute(m, "nils", "karl", None)  # Karl Nordin has sent word; his ersättare serves

    def item(title: str, text: str = "", *decisions: str):
        p = add(s, title, text, decisions)
        m.current = p.id
        return p

    item(
        "Upprop och anmälan av ersättare",
        "Ordföranden öppnar sammanträdet. Nils Engström (SD) tjänstgör för Karl Nordin (SD).",
    )
    item(
        "Val av justerare och tid för justering",
        "",
        "Maja Holmström (V) utses att jämte ordföranden justera protokollet torsdagen den "
        "27 november 2025 kl. 10.00 i kommunhuset.",
    )
    item("Godkännande av dagordning", "", "Dagordningen godkänns.")
    item("Anmälan av jäv", "Lena Forsberg (S) anmäler jäv i § 134.")
    item(
        "Informationsärenden",
        "Socialchefen informerar om läget i försörjningsstödet: 412 hushåll fick stöd i "
        "oktober, 18 fler än i september.",
        "Informationen läggs till handlingarna.",
    )

    # § 133: a föredragande for one item, three yrkanden (one withdrawn), an open vote.
    p = add(
        s,
        "Riktlinjer för ekonomiskt bistånd 2026",
        "Dnr SN 2025/214. Utredaren Rebecka Lund föredrar förvaltningens förslag till nya "
        "riktlinjer, som bland annat höjer riktnivån för hemutrustning.",
    )
    m.current = p.id
    arrive(m, "rebecka", p.id)
    first = add_proposal(m, p, "sara", "bifall till förvaltningens förslag.")
    second = add_proposal(m, p, "tomas", "avslag på förslaget om höjd riktnivå för hemutrustning.")
    third = add_proposal(m, p, "maja", "återremiss för att utreda barnens behov.")
    withdraw(p, third.id)
    set_order(m, p, [first.id, second.id], first.id)
    votes = dict(
        lena="ja", tomas="nej", sara="ja", ahmed="ja", gunilla="nej",
        erik="ja", maja="ja", peter="nej", nils="nej",
    )  # fmt: skip
    add_vote(
        m,
        p,
        Vote(
            "ja för Sara Lindgrens yrkande, nej för Tomas Ahlgrens yrkande",
            ballots=[Ballot(a.id, votes[a.id]) for a in m.attendees if a.id in votes],
        ),
    )
    p.decisions = [
        Decision(
            "Socialnämnden beslutar att anta riktlinjer för ekonomiskt bistånd 2026 "
            "enligt förvaltningens förslag."
        )
    ]
    add_reservation(
        m,
        p,
        "tomas",
        "eget yrkande",
        "Den höjda riktnivån saknar finansiering i budgeten för 2026.",
    )
    add_reservation(m, p, "gunilla", "Tomas Ahlgrens yrkande")
    add_note(
        m,
        p,
        "hanna",
        "Vänsterpartiet vill att riktlinjernas följder för barnfamiljer följs upp efter ett år.",
        "protokollsanteckning",
    )
    leave(m, "rebecka", p.id)

    # § 134: the chair has jäv; the 1:e vice ordförande chairs, an ersättare serves.
    p = add(
        s,
        "Upphandling av hemtjänst i norra distriktet",
        "Dnr SN 2025/188. Två anbud har kommit in. Förvaltningen föreslår att kontraktet "
        "tilldelas Omsorg Norr AB, som har lägst pris vid lika kvalitet.",
    )
    m.current = p.id
    declare_jav(
        m,
        p,
        "lena",
        substitute_id="frida",
        chair_id="tomas",
        note="Hon är styrelseledamot i ett av de anbudsgivande bolagen.",
    )
    p.decisions = [
        Decision(
            "Socialnämnden beslutar att tilldela Omsorg Norr AB kontraktet för hemtjänst i "
            "norra distriktet.",
        ),
    ]
    p.immediate = True

    # § 135: an individual's case, masked in the publication copy.
    item(
        "Ansökan om bistånd i form av särskilt boende",
        "Dnr SN 2025/231. Ärendet gäller en enskild persons ansökan. Handlingarna finns i akten.",
        "Socialnämnden beslutar i enlighet med förvaltningens förslag.",
    )
    leave(m, "gunilla", m.current)  # Gunilla Persson leaves after § 135

    p = add(s, "Anmälan av delegationsbeslut")
    m.current = p.id
    substitute(m, "olof", "gunilla", p.id)
    p.text = "Förteckning över delegationsbeslut fattade under oktober 2025."
    p.decisions = [Decision("Redovisningen läggs till handlingarna.")]
    item("Meddelanden", "", "Meddelandena läggs till handlingarna.")
    m.current = None
    m.status = "closed"
    s.save()
    s.close()
    adjust(store, m.id, dt.date(2025, 11, 27), ["Lena Forsberg", "Maja Holmström"])
    post(store, m.id, dt.date(2025, 11, 28))
    session = store.open(m.id)
    session.set_masked(135, "sekretess enligt 26 kap. 1 § offentlighets- och sekretesslagen")
    session.close()


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
    sn = store.load("20251120-sn")
    extras = {
        "20251120-sn-publicering.txt": render_text(sn, publish=True),
        "20251120-sn-utdrag-133.txt": render_extract(sn, [133]),
        "20251120-sn-omedelbar-134.txt": render_extract(sn, [134], immediate=True),
    }
    for name, text in extras.items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


if __name__ == "__main__":
    built = build(HERE / "store")
    for path in write_rendered(built, HERE):
        print(path.relative_to(HERE.parent))
