"""The words of the rendered protocol: headings, labels and its sentences.

Adjusted protocols are verified by a hash of their text: a change here
changes how every protocol renders, so these stay exactly as they are.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "protokoll": ("PROTOKOLL", "MINUTES"),
    "minnesanteckningar": ("MINNESANTECKNINGAR", "MEETING NOTES"),
    "arsmotesprotokoll": ("ÅRSMÖTESPROTOKOLL", "MINUTES OF THE ANNUAL MEETING"),
    "stammoprotokoll": ("STÄMMOPROTOKOLL", "MINUTES OF THE GENERAL MEETING"),
    "draft": ("UTKAST – inte färdigt", "DRAFT – not final"),
    "not_adjusted": ("UTKAST – inte justerat", "DRAFT – not adjusted"),
    "date": ("Datum", "Date"),
    "time": ("Tid", "Time"),
    "place": ("Plats", "Place"),
    "paragraphs": ("Paragrafer", "Paragraphs"),
    "beslutande": ("Beslutande", "Voting members"),
    "ersattare": ("Tjänstgörande ersättare", "Serving substitutes"),
    "ersattare_ej": ("Ersättare, ej tjänstgörande", "Substitutes, not serving"),
    "ovriga": ("Övriga närvarande", "Others present"),
    # An imported list that says only who was present, when it has no heading of its own.
    "present_only": ("Närvarande", "Present"),
    # Those an imported protocol names only as signing or holding a function.
    "present_by_signing": ("Närvarande enligt underskrifterna", "Present, by the signatures"),
    "absent": ("Frånvarande", "Absent"),
    "chair": ("Ordförande", "Chair"),
    "secretary": ("Sekreterare", "Secretary"),
    "adjusters": ("Justerare", "Adjusters"),
    "adjuster": ("justerare", "adjuster"),
    "chair_lc": ("ordförande", "chair"),
    "secretary_lc": ("sekreterare", "secretary"),
    "for": ("för", "for"),
    "from": ("fr o m", "from"),
    "until": ("t o m", "until"),
    "decision": ("Beslut", "Decision"),
    "vote": ("Omröstning", "Vote"),
    "proposition": ("Proposition", "Proposition"),
    "tally": ("Ja {yes}, nej {no}, avstår {abstain}", "Yes {yes}, no {no}, abstaining {abstain}"),
    "roll": ("Omröstningslista", "Roll call"),
    "ja": ("ja", "yes"),
    "nej": ("nej", "no"),
    "avstar": ("avstår", "abstains"),
    "result": ("Resultat", "Result"),
    "reservation": ("Reservation", "Reservation"),
    "reserves": (
        "{name} reserverar sig mot beslutet",
        "{name} enters a reservation against the decision",
    ),
    "in_favour": ("till förmån för {proposal}", "in favour of {proposal}"),
    "jav": ("Jäv", "Conflict of interest (jäv)"),
    "jav_text": (
        "{name} anmäler jäv och deltar inte i handläggningen",
        "{name} declares a conflict of interest and takes no part in the item",
    ),
    # At a förening's stämma jäv is not voting: the member stays in the room
    # (ansvarsfrihet for the board): a trial's stämma read them as gone.
    "jav_text_vote": (
        "{name} anmäler jäv och deltar inte i beslutet",
        "{name} declares a conflict of interest and takes no part in the decision",
    ),
    "not_voting_in": ("röstar ej", "not voting"),
    "protokollsanteckning": ("Protokollsanteckning", "Note for the minutes"),
    "sarskilt_yttrande": ("Särskilt yttrande", "Separate statement"),
    "ur_originalet": (
        "Ur originalet, ej placerat vid import",
        "From the original, not placed on import",
    ),
    "tasks": ("Uppdrag", "Tasks"),
    "due": ("senast {date}", "by {date}"),
    "done": ("klart", "done"),
    "followups": ("Uppföljning av uppdrag", "Tasks followed up"),
    "followup_done": ("slutfört", "done"),
    "followup_open": ("pågår", "ongoing"),
    "followup_from": ("från {where}, {date}", "from {where}, {date}"),
    "previous_protocol": ("Föregående protokoll", "Previous minutes"),
    "previous_text": (
        "Protokollet från sammanträdet {date}{where}",
        "The minutes of the meeting of {date}{where}",
    ),
    "followup_item": ("Uppföljning av uppdrag", "Follow-up of tasks"),
    "immediate": ("Paragrafen justerades omedelbart.", "This paragraph was adjusted at once."),
    "vid_protokollet": ("Vid protokollet", "Minutes taken by"),
    "noted_by": ("Antecknat av", "Notes taken by"),
    "justeras": ("Justeras", "Adjusted by"),
    "adjusted_on": ("Protokollet justerades {date}", "The minutes were adjusted on {date}"),
    "adjusted_by": ("av {names}", "by {names}"),
    "chair_elected": ("Mötesordförande", "Chair of the meeting"),
    "not_in": ("ej", "not"),
    "jav_substitute": (
        "{name} tjänstgör i stället för {member}.",
        "{name} serves in place of {member}.",
    ),
    "paragraph_chair": ("{name} är ordförande under paragrafen.", "{name} chairs this item."),
    "proposals": ("Yrkanden", "Proposals"),
    "procedure": ("Beslutsgång", "Procedure"),
    "put": (
        "Ordföranden ställer proposition på {proposals}",
        "The chair puts {proposals} to the meeting",
    ),
    "finds": (
        "och finner att {organ} beslutar enligt {proposal}",
        "and finds that {organ} has decided for {proposal}",
    ),
    "vote_asked": ("Omröstning begärs och verkställs.", "A vote is called for and taken."),
    # At a stämma a vote is often the chair's own way of deciding (hands shown):
    # nobody is said to have asked for it.
    "vote_taken": ("Omröstning verkställdes.", "A vote was taken."),
    # A stämma's decisions are in the past tense ("Mötet beslutade att"): its
    # beslutsgång too (a trial read present beside past).
    "put_past": (
        "Ordföranden ställde proposition på {proposals}",
        "The chair put {proposals} to the meeting",
    ),
    "finds_past": (
        "och fann att {organ} beslutat enligt {proposal}",
        "and found that {organ} had decided for {proposal}",
    ),
    "casting": (
        "Lika röstetal; ordförandens utslagsröst avgör: {vote}.",
        "A tie; the chair's casting vote decides: {vote}.",
    ),
    "won": ("{side} har vunnit omröstningen", "{side} has won the vote"),
    "pending": (
        "Skriftlig reservation lämnas senast vid justeringen.",
        "A written reservation is to be handed in by the adjustment.",
    ),
    "never_came": (
        "Skriftlig reservation lämnades inte in före justeringen.",
        "No written reservation was handed in before the adjustment.",
    ),
    "no_quorum": (
        "Observera: {organ} var inte beslutför vid paragrafen "
        "({n} av {seats} ledamöter tjänstgjorde).",
        "Note: {organ} was not quorate for this item ({n} of {seats} members serving).",
    ),
    "adjust_by": (
        "Protokollet ska justeras senast {date}.",
        "The minutes are to be adjusted by {date}.",
    ),
    "anslag": ("ANSLAG/BEVIS", "NOTICE/CERTIFICATE"),
    "anslag_text": (
        "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
        "The minutes are adjusted. The adjustment has been announced on the notice board.",
    ),
    "anslag_organ": ("Organ", "Body"),
    "anslag_meeting": ("Sammanträdesdatum", "Date of meeting"),
    "anslag_adjusted": ("Protokollet justerat", "Minutes adjusted"),
    # The §§ adjusted at once have an anslag of their own (L8, L10, L11).
    "anslag_immediate": (
        "Omedelbart justerade paragrafer: {paragraphs}",
        "Paragraphs adjusted at once: {paragraphs}",
    ),
    "anslag_adjusted_at_meeting": ("Justerade vid sammanträdet", "Adjusted at the meeting"),
    "anslag_post_by": ("Anslag senast", "Notice due by"),
    "check_adjust_by": ("Justeras senast", "Adjust by"),
    "anslag_posted": ("Anslaget uppsatt", "Notice posted"),
    "anslag_appeal": ("Sista dag för överklagande", "Last day of appeal"),
    "anslag_down": ("Anslaget tas ned", "Notice taken down"),
    "anslag_archive": ("Förvaringsplats för protokollet", "Minutes kept at"),
    "held_back": (
        "skrivs; visas när sekreteraren går vidare",
        "being written; shown once the secretary moves on",
    ),
    "masked_note": (
        "Maskeras i publiceringsversionen: {reason}",
        "Masked in the publication copy: {reason}",
    ),
    "publish": (
        "Publiceringsversion. Maskerade av sekretess- eller integritetsskäl: {marks}.",
        "Publication copy. Masked for secrecy or privacy: {marks}.",
    ),
    "extract": ("PROTOKOLLSUTDRAG", "EXTRACT FROM THE MINUTES"),
    "immediate_title": (
        "PROTOKOLL, OMEDELBART JUSTERAD PARAGRAF",
        "MINUTES, ITEM ADJUSTED AT ONCE",
    ),
    "serving_in": ("Tjänstgörande", "Serving"),
    "certify": ("Utdragsbestyrkande", "Certified extract"),
    "certify_text": (
        "Utdraget överensstämmer med originalprotokollet.",
        "The extract agrees with the original minutes.",
    ),
    # The PDF's page furniture (store.pdf): on every page, not in the text.
    "page_of": ("Sida {page} av {pages}", "Page {page} of {pages}"),
    "adjusters_sign": ("Justerandes signatur", "Adjusters' initials"),
    "watermark": ("UTKAST", "DRAFT"),
    # In the running head of a page that goes on with a § begun on the one before.
    "continued": ("{mark} forts.", "{mark} cont."),
    # SSH signatures over the adjusted text (store.signing), shown after it.
    "signed_keys": ("Signerat med SSH-nyckel", "Signed with an SSH key"),
    "signed_line": ("{name}, {fingerprint}, {date}", "{name}, {fingerprint}, {date}"),
    "corrections": ("Rättelser efter justering", "Corrections after adjustment"),
    "correction": ("{date}{where}{by}: {what}", "{date}{where}{by}: {what}"),
    "correction_why": ("Skäl: {why}", "Reason: {why}"),
    # In the publication copy, a rättelse of a masked § says no more than the § does.
    "correction_masked": (
        "{date}{where}{by}: rättelse i en § som inte publiceras ({reason}).",
        "{date}{where}{by}: a correction in a § that is not published ({reason}).",
    ),
    "and": ("och", "and"),
    # The usual formulas, offered for the § text (store.phrases): what each
    # is called, and what is inserted. Every text is given all of {organ},
    # {chair} and {adjusters}, and uses those it needs.
    "phrase_no_organ": ("Mötet", "The meeting"),
    # Who opens and closes: named where a chair is (O), else the office alone:
    # "Ordförande ordföranden hälsar …" had been written with none named (a trial).
    "phrase_chair_named": ("Ordförande {name}", "The chair, {name},"),
    "phrase_no_chair": ("Ordföranden", "The chair"),
    "phrase_decides": ("beslutar att", "decides"),
    "phrase_decides_text": ("{organ} beslutar att ", "{organ} decides "),
    "phrase_proposes": ("föreslår styrelsen att", "proposes to the board"),
    "phrase_proposes_text": ("{organ} föreslår styrelsen att ", "{organ} proposes that the board "),
    # A nämnd proposes to the council, not to a board (a trial's socialnämnd).
    "phrase_proposes_council": ("föreslår kommunfullmäktige att", "proposes to the council"),
    "phrase_proposes_council_text": (
        "{organ} föreslår kommunfullmäktige att ",
        "{organ} proposes that the council ",
    ),
    "phrase_on_file": ("läggs till handlingarna", "placed on file"),
    "phrase_on_file_text": (
        "Informationen läggs till handlingarna.",
        "The information is placed on file.",
    ),
    "phrase_deferred": ("bordläggs", "deferred"),
    "phrase_deferred_text": ("Ärendet bordläggs.", "The item is deferred."),
    "phrase_referred_back": ("återremitteras", "referred back"),
    "phrase_referred_back_text": ("Ärendet återremitteras.", "The item is referred back."),
    "phrase_adjusters": ("val av justerare", "adjusters elected"),
    # In the present, as the phrases beside it ("godkänns", "läggs till
    # handlingarna"): "valdes" stood among them alone (a trial).
    "phrase_adjusters_text": (
        "Till justerare väljs {adjusters}.",
        "{adjusters} are elected to adjust the minutes.",
    ),
    "phrase_agenda": ("dagordningen godkänns", "agenda approved"),
    "phrase_agenda_text": ("Dagordningen godkänns.", "The agenda is approved."),
    "phrase_opening": ("öppnande", "opening"),
    "phrase_opening_text": (
        "{chair} hälsar alla välkomna och förklarar mötet öppnat.",
        "{chair} welcomes everyone and declares the meeting open.",
    ),
    "phrase_closing": ("avslutande", "closing"),
    "phrase_closing_text": (
        "{chair} tackar de närvarande och förklarar mötet avslutat.",
        "{chair} thanks those present and declares the meeting closed.",
    ),
    "phrase_previous": ("föregående protokoll", "previous minutes"),
    "phrase_previous_text": (
        "Föregående protokoll läggs till handlingarna.",
        "The previous minutes are placed on file.",
    ),
    "phrase_no_other": ("inga övriga frågor", "no other business"),
    "phrase_no_other_text": ("Inga övriga frågor.", "No other business."),
    # the standing agenda a new organ starts with, one item a line
    "standard_agenda": (
        "Mötets öppnande\n"
        "Val av justerare\n"
        "Godkännande av dagordning\n"
        "Föregående protokoll\n"
        "Informationsärenden\n"
        "Beslutsärenden\n"
        "Övriga frågor\n"
        "Nästa möte\n"
        "Mötets avslutande",
        "Opening of the meeting\n"
        "Election of adjusters\n"
        "Approval of the agenda\n"
        "Previous minutes\n"
        "Items for information\n"
        "Items for decision\n"
        "Any other business\n"
        "Next meeting\n"
        "Closing of the meeting",
    ),
    # a reference from one § to another: "Se AU 2025-04-10 § 11" (store.references)
    "ref_see": ("Se", "See"),
    "ref_item": ("punkt", "item"),
    # how a beslutsgång, a check or a reservation names a proposal
    "proposal_of": ("{owner} yrkande", "{owner} proposal"),
    "the_proposal": ("yrkandet", "the proposal"),
    "the_meeting": ("mötet", "the meeting"),
    # The attendance headings of bodies that do not speak of beslutande:
    # `attendance_labels` puts these over the plain ones for that kind of body.
    # Absent members are "Frånvarande" in every kind of body: "Anmält förhinder"
    # would say they gave notice, which nothing recorded (a trial).
    "association.beslutande": ("Röstberättigade närvarande", "Members entitled to vote"),
    "council.beslutande": ("Närvarande", "Present"),
    "board.beslutande": ("Närvarande ledamöter", "Members present"),
}
