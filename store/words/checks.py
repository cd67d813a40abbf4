"""The findings of the legal checks (`store.checks`), § by §, and the dates."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "no_quorum": (
        "{paragraph}: beslut utan beslutförhet ({serving} av {seats} ledamöter tjänstgör)",
        "{paragraph}: a decision without quorum ({serving} of {seats} members serving)",
    ),
    "vote_mismatch": (
        "{paragraph}: omröstningen räknar {votes} röster men {serving} tjänstgör",
        "{paragraph}: the vote counts {votes} votes but {serving} are serving",
    ),
    "agreed_after_vote": (
        "{paragraph}: beslutet säger att mötet var enigt, men det röstades",
        "{paragraph}: the decision says the meeting agreed, but there was a vote",
    ),
    "due_before_meeting": (
        "{paragraph}: uppdraget '{task}' ska vara klart {due}, före mötet",
        "{paragraph}: the task '{task}' is due {due}, before the meeting",
    ),
    "tie_no_casting": (
        "{paragraph}: lika röstetal utan ordförandens utslagsröst",
        "{paragraph}: a tie without the chair's casting vote",
    ),
    "casting_not_chairs_vote": (
        "{paragraph}: utslagsrösten är {casting}, men ordföranden {name} röstade {own}; "
        "ordförandens egen röst avgör (rätta omröstningen)",
        "{paragraph}: the casting vote is {casting}, but the chair {name} voted {own}; "
        "the chair's own vote decides (correct the vote)",
    ),
    "substitute_other_party": (
        "{paragraph}: {name} ({party}) tjänstgör för {member} ({member_party}), av ett "
        "annat parti; kontrollera ersättarnas inträdesordning",
        "{paragraph}: {name} ({party}) serves for {member} ({member_party}), of another "
        "party; check the order in which ersättare take seats",
    ),
    "reservation_not_participant": (
        "{paragraph}: {name} reserverar sig men tjänstgör inte i paragrafen",
        "{paragraph}: {name} enters a reservation but is not serving in the §",
    ),
    "reservation_pending": (
        "{paragraph}: skriftlig reservation från {name} ska lämnas senast vid justeringen",
        "{paragraph}: the written reservation from {name} is due by the adjustment",
    ),
    "chair_jav": (
        "{paragraph}: ordföranden {name} har jäv; ange vem som leder paragrafen",
        "{paragraph}: the chair {name} has jäv; name who chairs the §",
    ),
    "double_seat": (
        "{paragraph}: både {name} och ersättaren {substitute} tjänstgör på samma plats",
        "{paragraph}: both {name} and the substitute {substitute} serve in the same seat",
    ),
    "changed_since_adjusted": (
        "protokollet {meeting} är ändrat sedan justeringen: texten stämmer inte med "
        "kontrollsumman som sparades då; se protokoll verify {meeting}",
        "the protocol {meeting} has changed since the adjustment: its text does not match "
        "the checksum kept then; see protokoll verify {meeting}",
    ),
    "adjust_due": (
        "protokollet ska justeras senast {date}",
        "the protocol is to be adjusted by {date}",
    ),
    "adjust_overdue": (
        "protokollet skulle ha justerats senast {date}",
        "the protocol should have been adjusted by {date}",
    ),
    "late_adjustment": (
        "justerat {adjusted}, efter sista dag {date}",
        "adjusted {adjusted}, after the last day {date}",
    ),
    "post_due_immediate": (
        "anslaget av {paragraphs}, justerade omedelbart, ska sättas upp senast {date} "
        "(protokoll post MÖTE --immediate --date DAG för in det)",
        "the notice of {paragraphs}, adjusted at once, is to be posted by {date} "
        "(protokoll post MEETING --immediate --date DAY records it)",
    ),
    "late_posting_immediate": (
        "anslaget av {paragraphs}, justerade omedelbart, sattes upp {posted}; "
        "sista dag var {date}",
        "the notice of {paragraphs}, adjusted at once, was posted {posted}; "
        "the last day was {date}",
    ),
    "post_due": (
        "anslaget ska sättas upp senast {date}",
        "the notice is to be posted by {date}",
    ),
    "late_posting": (
        "anslaget sattes upp {posted}, efter sista dag {date}",
        "the notice was posted {posted}, after the last day {date}",
    ),
    "no_secretary": (
        "ingen sekreterare är utsedd: ingen skriver under protokollet",
        "no secretary is named: nobody signs the record",
    ),
    "no_chair": (
        "ingen ordförande är angiven: ingen justerar protokollet som ordförande",
        "no chair is named: nobody adjusts the protocol as chair",
    ),
    "no_adjuster": (
        # It had read "ingen justerare är utsedd: protokollet justeras av
        # ordföranden och justerare", as if one were appointed (trial 20).
        "ingen justerare är utsedd: protokollet ska justeras av ordföranden och "
        "minst en justerare, vald vid mötet",
        "no adjuster is named: the protocol is to be adjusted by the chair and at "
        "least one adjuster elected at the meeting",
    ),
    "series_gap": (
        "{missing} finns inte i något protokoll: § {last} följs av § {first} ({date})",
        "{missing} is in no protocol: § {last} is followed by § {first} ({date})",
    ),
    "no_archive": (
        "anslaget säger inte var protokollet förvaras: fyll i organets förvaringsplats "
        "(F9 c, Ändra organet)",
        "the notice does not say where the protocol is kept: fill in the organ's archive "
        "(F9 c, Edit the organ)",
    ),
    "conflict_pending": (
        "en annan dators version av mötet väntar i {copy}: det som bara står där finns "
        "inte i protokollet. Läs den (protokoll show {copy}) och ta ställning med "
        "protokoll sync --keep {copy} eller --drop {copy}",
        "another computer's version of the meeting waits in {copy}: what only it holds is "
        "not in the protocol. Read it (protokoll show {copy}) and decide with "
        "protokoll sync --keep {copy} or --drop {copy}",
    ),
    "previous_moved": (
        "{paragraph} anmäler protokollet från {reported}, men föregående protokoll är nu "
        "det från {now}",
        "{paragraph} reports the minutes of {reported}, but the previous minutes are now "
        "those of {now}",
    ),
    "adjuster_partly_absent": (
        "{name} justerar protokollet men står inte som närvarande vid {paragraphs}",
        "{name} adjusts the protocol but is not marked present at {paragraphs}",
    ),
    "function_absent_check": (
        "{name} är {function} men står inte som närvarande",
        "{name} is {function} but not marked present",
    ),
    "vote_lost_carried": (
        "{paragraph}: omröstningen gick mot ordförandens utslag ({proposal}), {winner} vann: "
        "se att beslutet följer omröstningen",
        "{paragraph}: the vote went against the chair's finding ({proposal}), {winner} won: "
        "see that the decision follows the vote",
    ),
    "vote_not_carried": (
        "{paragraph}: {winner} vann den sista omröstningen, ordföranden fann för {proposal}: "
        "se att beslutet följer omröstningen",
        "{paragraph}: {winner} won the last vote, the chair found for {proposal}: "
        "see that the decision follows the vote",
    ),
    "vote_result_text": (
        "{paragraph}: resultatet ”{result}” stämmer inte med rösterna (ja {yes}, nej {no})",
        "{paragraph}: the result “{result}” does not agree with the votes (yes {yes}, no {no})",
    ),
    "procedure_unknown": (
        "{paragraph}: beslutsgången nämner ett yrkande som inte finns eller har dragits tillbaka",
        "{paragraph}: the beslutsgång names a proposal that does not exist or was withdrawn",
    ),
    "vote_no_decision": (
        "{paragraph}: omröstning men inget beslut",
        "{paragraph}: a vote but no decision",
    ),
    "carried_no_decision": (
        "{paragraph}: beslutsgången säger att {proposal} bifölls, men det finns inget beslut",
        "{paragraph}: the beslutsgång says {proposal} was carried, but there is no decision",
    ),
    "proposal_no_decision": (
        "{paragraph}: yrkande men inget beslut ({proposals})",
        "{paragraph}: a proposal but no decision ({proposals})",
    ),
    "no_procedure": (
        "{paragraph}: flera yrkanden men ingen beslutsgång eller omröstning ({proposals})",
        "{paragraph}: several proposals but no beslutsgång or vote ({proposals})",
    ),
}
