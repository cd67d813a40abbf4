"""The application's words: screens, dialogs, the footer, the palette and the help."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # A meeting whose source named no organ, as lists and views name it (its
    # protocol prints no organ).
    "organ_unknown": ("Okänt organ", "Unknown organ"),
    # start
    "app_title": ("protokoll", "protokoll"),
    "new_meeting": ("Nytt möte", "New meeting"),
    "new_organ": (
        "Nytt organ (namn, organisation, ledamöter)",
        "New organ (name, organisation, roster)",
    ),
    "new_organ_short": ("Nytt organ", "New organ"),
    "first_organ": ("Skapa det första organet", "Create the first organ"),
    "load_examples": ("Läs in exempelmötena", "Load the example meetings"),
    "continue": ("Fortsätt", "Continue"),
    "past_meetings": ("Tidigare möten", "Past meetings"),
    "quit": ("Avsluta", "Quit"),
    "empty_store": (
        "Arkivet är tomt. Börja med att skapa organet som sammanträder.",
        "The store is empty. Start by creating the organ that meets.",
    ),
    "damaged_store": (
        "Arkivet innehåller filer som inte går att läsa: {files}. De lämnas orörda; "
        "laga eller flytta undan dem och starta igen.",
        "The store holds files that cannot be read: {files}. They are left untouched; "
        "repair or move them away and start again.",
    ),
    "examples_loaded": ("{n} exempelmöten inlästa", "{n} example meetings loaded"),
    # organ form
    "organ_name": ("Organ (t.ex. Arbetsutskottet)", "Organ (e.g. Arbetsutskottet)"),
    "organisation": ("Organisation (t.ex. Samordningsförbundet …)", "Organisation"),
    "roster_help": (
        "Ledamöter, en per rad: Namn (Parti), Organisation, titel.  "
        "ers: före ersättare, tj: före tjänstepersoner.",
        "People, one a line: Name (Party), Organisation, title.  "
        "ers: before substitutes, tj: before officials.",
    ),
    "numbering": ("Numrering", "Numbering"),
    "profile": ("Slag av organ (fyller i inställningarna nedan)", "Kind of body (fills in below)"),
    "profile_none": ("Eget (inga förval)", "Own (no preset)"),
    "posts_notices": (
        "Anslag: justeringen tillkännages på anslagstavlan",
        "Notices: the adjustment is posted on the notice board",
    ),
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    "check_quorum": ("Kontrollera beslutförhet per §", "Check the quorum per §"),
    "chair_elected": ("Mötesordförande väljs vid mötet", "A chair is elected at the meeting"),
    "archive": ("Förvaringsplats för protokollet", "Where the minutes are kept"),
    "decision_phrase": (
        "Ett beslut börjar med",
        "A decision begins with",
    ),
    "agenda_template": ("Stående dagordning, en punkt per rad", "Standing agenda, one per line"),
    "numbering_year": ("§ löper över kalenderåret", "§ run on through the calendar year"),
    "numbering_meeting": ("§ börjar om vid varje möte", "§ restart at every meeting"),
    "numbering_never": ("§ börjar aldrig om", "§ never restart"),
    "save": ("Spara", "Save"),
    "cancel": ("Avbryt", "Cancel"),
    "k_close": ("Stäng", "Close"),
    "need_name": (
        "Organet behöver ett namn och en organisation",
        "The organ needs a name and an organisation",
    ),
    "organ_saved": ("Organet {name} sparat", "Organ {name} saved"),
    # new meeting
    "organ": ("Organ", "Organ"),
    "kind": ("Slag", "Kind"),
    "kind_protokoll": ("Protokoll", "Protocol"),
    "kind_minnesanteckningar": ("Minnesanteckningar", "Meeting notes"),
    "kind_arsmotesprotokoll": ("Årsmötesprotokoll", "Annual meeting minutes"),
    "kind_stammoprotokoll": ("Stämmoprotokoll", "General meeting minutes"),
    "date": ("Datum", "Date"),
    "start_time": ("Starttid", "Start time"),
    "place": ("Plats", "Place"),
    "agenda_file": (
        "Dagordning från fil (valfritt, en punkt per rad)",
        "Agenda from a file (optional, one item a line)",
    ),
    "first_number": (
        "Första § (valfritt, om arkivet börjar mitt i året)",
        "First § (optional, for a store begun mid-year)",
    ),
    "start_meeting": ("Starta mötet", "Start the meeting"),
    "no_organ": ("Välj ett organ", "Choose an organ"),
    "not_utf8": ("inte UTF-8-text", "not UTF-8 text"),
    "agenda_unreadable": (
        "Dagordningen {path} går inte att läsa: {detail}",
        "Cannot read the agenda {path}: {detail}",
    ),
    # meeting screen
    "attendance": ("Närvaro", "Attendance"),
    "agenda": ("Dagordning", "Agenda"),
    "earlier": ("Tidigare §§", "Earlier §§"),
    "quorate": ("beslutför {n}/{seats}", "quorate {n}/{seats}"),
    "not_quorate": ("EJ beslutför {n}/{seats}", "NOT quorate {n}/{seats}"),
    "read_only": ("SKRIVSKYDDAT", "READ-ONLY"),
    "closed": ("AVSLUTAT", "CLOSED"),
    # Whole in the § pane at 80 columns (50): "… F2 tar nästa punkt på
    # dagordningen …" was cut before it said what F2 makes (a trial).
    "no_paragraph": (
        "Ingen § ännu: F2 gör nästa punkt till en §.",
        "No § yet: F2 makes the next item a §.",
    ),
    "no_paragraph_chosen": (
        "Ingen § vald. Ctrl+O och Enter väljer en av §§ ovan, F2 gör en ny.",
        "No § chosen. Ctrl+O and Enter choose one of the §s above, F2 makes a new one.",
    ),
    "too_small": (
        "Fönstret är för litet för protokollet ({w}×{h}); det behöver minst {mw}×{mh}.",
        "The window is too small for the minutes ({w}×{h}); it needs at least {mw}×{mh}.",
    ),
    "saved_at": ("sparat {time}", "saved {time}"),
    "unsaved": ("sparar…", "saving…"),
    "save_failed": ("EJ SPARAT", "NOT SAVED"),
    # a full disk at the end (tui/screens/unsaved.py, store/spill.py)
    "quit_unsaved": (
        "Texten är inte sparad: {error}",
        "The text is not saved: {error}",
    ),
    "quit_unsaved_keys": (
        "Enter: försök igen · Ctrl+Q: avsluta ändå (texten sparas i {where}) · "
        "Esc: tillbaka till mötet",
        "Enter: try again · Ctrl+Q: quit anyway (the text is kept in {where}) · "
        "Esc: back to the meeting",
    ),
    "quit_retry": ("Försök igen", "Try again"),
    "quit_back": ("Tillbaka", "Back"),
    "spilled": (
        "Mötet kunde inte sparas ({error}). Texten finns i {path} och erbjuds när mötet "
        "öppnas igen.",
        "The meeting could not be saved ({error}). The text is in {path} and is offered "
        "when the meeting is opened again.",
    ),
    "spill_failed": (
        "Mötet kunde inte sparas någonstans ({error}). Här är texten; kopiera den:",
        "The meeting could not be saved anywhere ({error}). Here is the text; copy it:",
    ),
    "spill_offer": (
        "Text som inte kunde sparas {time} (disken var full) finns kvar",
        "Text that could not be saved at {time} (the disk was full) is kept",
    ),
    "spill_offer_keys": (
        "Enter tar tillbaka den i mötet · Esc: inte nu (den finns kvar i {path})",
        "Enter puts it back into the meeting · Esc: not now (it is kept in {path})",
    ),
    "spill_back": ("Ta tillbaka", "Put back"),
    "spill_later": ("Inte nu", "Not now"),
    "spill_elsewhere": (
        "Text som inte kunde sparas {time} finns i {path}; mötet har sparats efter det, "
        "så den läggs inte tillbaka av sig själv",
        "Text that could not be saved at {time} is in {path}; the meeting has been saved "
        "since, so it is not put back by itself",
    ),
    # actions (footer, palette, help)
    "a_help": ("Hjälp", "Help"),
    "a_palette": ("Kommandon", "Commands"),
    "a_new": ("Ny §", "New §"),
    "a_new_free": ("Ny § med egen rubrik", "New § with its own title"),
    "a_decision": ("Beslut", "Decision"),
    "a_task": ("Uppgift", "Task"),
    "a_vote": ("Omröstning", "Vote"),
    "a_edit_vote": ("Rätta omröstningen", "Correct the vote"),
    "a_reservation": ("Reservation", "Reservation"),
    "a_jav": ("Jäv", "Conflict of interest (jäv)"),
    "a_note": ("Protokollsanteckning", "Note for the minutes"),
    "a_immediate": ("Omedelbar justering av §", "Adjust this § at once"),
    "a_phrase": ("Fraser", "Phrases"),
    "a_attendance": ("Närvaro", "Attendance"),
    "a_agenda": ("Dagordning", "Agenda"),
    "a_text": ("Text", "Text"),
    "a_earlier": ("Tidigare §§", "Earlier §§"),
    "a_preview": ("Förhandsgranska", "Preview"),
    "a_rename": ("Ändra rubrik på §", "Rename §"),
    "a_delete": ("Ta bort §", "Delete §"),
    "a_close": ("Avsluta mötet", "Close the meeting"),
    # the meeting's verbs: undo, reopen, signature titles
    "a_undo": ("Ångra", "Undo"),
    "palette_only": ("ingen tangent, bara här", "no key, only here"),
    "a_menu": ("Mer …", "More …"),
    "also": ("även", "also"),
    "key_space": ("Mellanslag", "Space"),
    "menu_title": (
        "Tryck bokstaven för det du vill göra; Esc stänger",
        "Press the letter of what you want to do; Esc closes",
    ),
    "n_exit_hangup": (
        "Anslutningen bröts eller terminalen stängdes {at}; allt som hade kommit fram till "
        "programmet sparades då",
        "The connection dropped or the terminal closed at {at}; everything that had reached "
        "the program was saved then",
    ),
    "n_exit_terminated": (
        "Programmet stoppades {at} (SIGTERM); allt som hade skrivits sparades då",
        "The program was stopped at {at} (SIGTERM); everything typed was saved then",
    ),
    "n_select_keys": (
        "Här väljs med ↑ ↓ och Enter; det som skrevs ändrade inget",
        "Choose here with ↑ ↓ and Enter; what was typed changed nothing",
    ),
    "d_discard_form": (
        "Kasta det du skrivit i formuläret? (Enter kastar, Esc fortsätter skriva)",
        "Throw away what you typed in the form? (Enter throws it away, Esc goes on)",
    ),
    "d_absent_decided": (
        "{name} var med i besluten i {paragraphs}. Frånvarande hela mötet, också där?"
        " (Lämnade {name} mötet: L i stället.)  Enter = ja, Esc = nej",
        "{name} took part in the decisions of {paragraphs}. Absent for the whole meeting,"
        " there too? (If {name} left: L instead.)  Enter = yes, Esc = no",
    ),
    "d_present_decided": (
        "{paragraphs} har redan beslut. {name} närvarande hela mötet, också där?"
        " (Kom {name} senare: A i stället.)  Enter = ja, Esc = nej",
        "{paragraphs}: already decided. {name} present for the whole meeting, there"
        " too? (If {name} came later: A instead.)  Enter = yes, Esc = no",
    ),
    "n_decided_items": ("punkterna med beslut", "the items with decisions"),
    "d_from_start_confirm": (
        "{paragraph} har redan beslut. Räkna {name} från början av {paragraph}, med i dess"
        " beslut? (Esc ändrar inget: gör då ändringen vid nästa §.)  Enter = ja, Esc = nej",
        "{paragraph} already has a decision. Count {name} from the start of {paragraph},"
        " taking part in its decisions? (Esc changes nothing: then make the change at the"
        " next §.)  Enter = yes, Esc = no",
    ),
    "d_undo_close_confirm": (
        "Ångra att mötet avslutades? Det blir öppet för ändringar igen.  Enter = ja, Esc = nej",
        "Undo closing the meeting? It is open for changes again.  Enter = yes, Esc = no",
    ),
    "d_reopen_confirm": (
        "Öppna protokollet {organ} {date} igen för ändringar? Det blir ett utkast tills"
        " det avslutas igen.  Enter = ja, Esc = nej",
        "Reopen the protocol {organ} {date} for changes? It is a draft until closed"
        " again.  Enter = yes, Esc = no",
    ),
    "d_overwrite": (
        "{path} finns redan. Skriva över den?  Enter = ja, Esc = nej",
        "{path} exists. Overwrite it?  Enter = yes, Esc = no",
    ),
    "a_redo": ("Gör om", "Redo"),
    "a_reopen": ("Öppna mötet igen", "Reopen the meeting"),
    "a_details": ("Mötets datum, tid och plats", "Date, time and place"),
    "d_details": ("Mötets datum, tid och plats", "The meeting's date, time and place"),
    "d_details_date": ("Datum", "Date"),
    "d_details_start": ("Började", "Began"),
    "d_details_place": ("Plats", "Place"),
    "d_details_hint": (
        "Enter: nästa fält, på Plats: spara · Esc: avbryt",
        "Enter: next field, on Place: save · Esc: cancel",
    ),
    "a_explain": ("Hur importen läste källan", "How the import read the source"),
    "explain_title": (
        "Hur importen läste källan: rad för rad, ? vid det som gissades (Esc stänger)",
        "How the import read the source: line by line, ? at what was guessed (Esc closes)",
    ),
    "a_start_menu": ("Till startmenyn", "To the start menu"),
    "a_lookup": ("Slå upp", "Look up"),
    "a_lookup_meetings": ("Slå upp i tidigare möten", "Look up past meetings"),
    "a_lookup_tasks": ("Slå upp bland uppgifterna", "Look up the tasks"),
    "a_edit_organ": ("Ändra organet och ledamöterna", "Edit the organ and its members"),
    "a_signs_as": ("Skriver under som …", "Signs as …"),
    "d_signs_as": (
        "{name} skriver under som (tomt: funktionens ord)",
        "{name} signs as (empty: the function's word)",
    ),
    "n_undoable": ("{what} (F6 ångrar)", "{what} (F6 undoes)"),
    "pending_reading": ("… läses in ur tidigare möten", "… being read from earlier meetings"),
    # Beneath the follow-up item, before the newest open tasks (a narrow pane).
    "followup_more": ("… {n} äldre (Enter)", "… {n} older (Enter)"),
    "n_closed_reopen": (
        "Mötet är avslutat: inget ändras. F9 ö (eller Ctrl+P, Öppna mötet igen) för att rätta",
        "The meeting is closed: nothing changes. F9 ö (or Ctrl+P, Reopen the meeting) to "
        "correct it",
    ),
    "d_decision_keys": (
        "Enter sparar, Esc avbryter · ett beslut per att-sats",
        "Enter saves, Esc cancels · one decision per clause",
    ),
    "d_next_lead": ("Byt inledning", "Other lead"),
    "d_decision_empty": ("Skriv beslutet", "Write the decision"),
    "n_followup_taken_up": (
        "{title} var bordlagd och tas nu upp för uppföljningen",
        "{title} was deferred and is now taken up for the follow-up",
    ),
    "a_export": ("Exportera", "Export"),
    "a_export_pdf": ("Exportera PDF", "Export PDF"),
    "a_export_pdf_short": ("PDF", "PDF"),
    "a_quit": ("Avsluta programmet", "Quit"),
    "a_back": ("Tillbaka", "Back"),
    "a_toggle": ("Närvarande", "Present"),
    "a_all_present": ("Alla ledamöter närvarande", "Every member present"),
    "a_substitute": ("Ersättare för", "Substitute for"),
    # Short: the five list keys and F9 fit 80 columns; the message after the
    # key says at which § ("Anna Berg lämnar efter § 3").
    "a_arrive": ("Kommer", "Arrives"),
    "a_leave": ("Går", "Leaves"),
    "a_guest": ("Gäst", "Guest"),
    "a_chair": ("Ordförande", "Chair"),
    "a_secretary": ("Sekreterare", "Secretary"),
    "a_adjuster": ("Justerare", "Adjuster"),
    "a_take": ("Ta som §", "Take as §"),
    "a_goto_paragraph": ("Gå till §", "Go to §"),
    "a_follow_task": ("Följ upp", "Follow up"),
    "a_read_older": ("Visa äldre", "Show older"),
    "a_add_item": ("Ny punkt", "New item"),
    "a_add_under": ("Ny punkt under rubriken", "New item under the heading"),
    "a_defer": ("Bordlägg", "Defer"),
    "a_drop_item": ("Ta bort punkt", "Remove item"),
    "a_up": ("Flytta upp", "Move up"),
    "a_down": ("Flytta ned", "Move down"),
    "a_edit_item": ("Ändra", "Edit"),
    "a_remove_item": ("Ta bort", "Remove"),
    "a_withdraw_item": ("Återta yrkandet", "Withdraw"),
    "a_jump": ("Gå till §", "Go to §"),
    # dialogs
    "d_title": ("Rubrik för ny §", "Title of the new §"),
    "d_rename": ("Ny rubrik", "New title"),
    "d_decision": ("Beslut", "Decision"),
    "d_task_text": ("Uppgift (får i uppgift att …)", "Task"),
    "d_task_owner": ("Ansvarig (→ fyller i namnet)", "Owner (→ completes the name)"),
    "d_task_due": ("Senast (valfritt datum)", "Due (optional date)"),
    "d_vote_prop": ("Ja för …, nej för …", "Yes for …, no for …"),
    "d_vote_roll": (
        "{n} tjänstgör · j ja · n nej · a avstår · 0 ingen röst · Enter sparar",
        "{n} serving · j yes · n no · a abstains · 0 none · Enter saves",
    ),
    "d_casting_name": ("Utslagsröst", "Casting vote"),
    "d_vote_so_far": (
        "{n} av {of} har röstat ({yes} ja, {no} nej, {abstain} avstår)",
        "{n} of {of} have voted ({yes} yes, {no} no, {abstain} abstain)",
    ),
    "d_casting_hint": ("vid lika: ja/nej", "on a tie: yes/no"),
    "d_pick_proposer": ("Vem yrkar?", "Who makes the proposal?"),
    "d_proposal_text": ("Yrkande (t.ex. bifall till förslaget)", "Proposal (e.g. approval)"),
    "d_pick_first": (
        "Beslutsgång: vilket yrkande ställdes som nummer {n}?",
        "Order: which proposal was put as number {n}?",
    ),
    "d_pick_carried": (
        "Vilket yrkande fann ordföranden bifallet?",
        "Which proposal did the chair find carried?",
    ),
    "d_none": ("(inget)", "(none)"),
    "d_pick_jav_substitute": (
        "Ersättare som tjänstgör i stället under §",
        "Substitute who serves instead in the §",
    ),
    "d_pick_paragraph_chair": (
        "Ordföranden har jäv: vem leder §?",
        "The chair has jäv: who chairs the §?",
    ),
    "d_note_kind": ("Slag av anteckning", "Kind of note"),
    "d_mask": (
        "Maskera § i publiceringsversionen: skäl (tomt = visa)",
        "Mask the § in the publication copy: reason (empty = show)",
    ),
    "d_yes": ("Ja", "Yes"),
    "d_no": ("Nej", "No"),
    "d_abstain": ("Avstår", "Abstain"),
    "d_result": ("Resultat", "Result"),
    "d_pick_reserving": ("Vem reserverar sig?", "Who enters a reservation?"),
    "d_reason": (
        "Motivering (tomt: skriftlig reservation senare, eller ingen)",
        "Reason (empty: a written reservation to follow, or none)",
    ),
    "d_reservation_without_reason": ("Reservation utan motivering", "Reservation without reasons"),
    "d_reservation_written": (
        "Skriftlig reservation lämnas senast vid justeringen",
        "A written reservation follows by the adjustment",
    ),
    "d_reservation_blank": (
        "Utan motivering (ingen skriftlig reservation följer)",
        "Without reasons (no written reservation follows)",
    ),
    "d_for_proposal": ("Till förmån för (valfritt)", "In favour of (optional)"),
    "d_reason_about": ("{name}, till förmån för {favour}", "{name}, in favour of {favour}"),
    "d_pick_jav": ("Vem anmäler jäv?", "Who declares a conflict of interest?"),
    "d_pick_note": ("Vems anteckning eller yttrande?", "Whose note or statement?"),
    "d_note_text": ("Anteckning", "Note"),
    "d_pick_replaced": ("Ersättare för vilken ledamot?", "Substitute for which member?"),
    "d_guest": ("Gäst: Namn, titel, organisation", "Guest: Name, title, organisation"),
    "d_phrase": ("Välj fras (skriv för att filtrera)", "Choose a phrase (type to filter)"),
    "d_filter": ("Skriv för att filtrera", "Type to filter"),
    "d_agenda_item": ("Ny punkt på dagordningen", "New agenda item"),
    "d_export_path": (
        "Exportera till fil (.pdf ger en PDF, .md Markdown)",
        "Export to file (.pdf gives a PDF, .md Markdown)",
    ),
    "d_export_pdf_path": (
        "Exportera som PDF till fil (.txt ger text)",
        "Export as PDF to file (.txt gives text)",
    ),
    "d_close_confirm": (
        "Avsluta mötet: sluttid",
        "Close the meeting: end time",
    ),
    # Its own hint: "(Enter avslutar, Esc avbryter)" in the title and "Enter
    # sparar, Esc avbryter" under the field said two things (trial 21).
    "d_close_enter": (
        "Enter avslutar mötet, Esc avbryter",
        "Enter closes the meeting, Esc cancels",
    ),
    "d_close_hint": (
        "Skriv för att ersätta, End eller ← → för att ändra. Enter avslutar mötet, Esc avbryter",
        "Type to replace, End or ← → to edit. Enter closes the meeting, Esc cancels",
    ),
    "d_close_wrong": (
        "Kontrollerna finner {n} fel (F9 k), bland dem: {first}. Esc för att rätta först.",
        "The checks find {n} errors (F9 k), among them: {first}. Esc to correct them first.",
    ),
    "d_close_unsigned": (
        "Ingen {roles} är utsedd än, så protokollet får ingen sådan underskrift. "
        "Esc, och utse i närvaron (F5): o, s eller j på personen.",
        "No {roles} is named yet, so the protocol has no such signature. "
        "Esc, and name them in the attendance (F5): o, s or j on the person.",
    ),
    "w_or": ("eller", "or"),
    # Three rows of the attendance pane (26 columns) when it has nobody.
    "attendance_none": ("Ingen här än.", "Nobody here yet."),
    "attendance_none_members": ("F9 c: organets ledamöter", "F9 c: the organ's members"),
    "attendance_none_guest": ("g: en gäst", "g: a guest"),
    "d_defer_confirm": (
        "Bordlägga {title}? Punkten blir en § med beslutet att ärendet bordläggs."
        "  Enter = ja, Esc = nej",
        "Defer {title}? The item becomes a § with the decision that it is deferred."
        "  Enter = yes, Esc = no",
    ),
    "d_delete_confirm": (
        "Ta bort § {n} {title}?  Enter = ja, Esc = nej",
        "Delete § {n} {title}?  Enter = yes, Esc = no",
    ),
    "d_enter_esc": ("Enter sparar, Esc avbryter", "Enter saves, Esc cancels"),
    # A form of several fields: Enter said "sparar" but went to the next field
    # until the last (trial 21).
    "d_fields_hint": (
        "Enter går till nästa fält och sparar i det sista, Esc avbryter",
        "Enter goes to the next field and saves in the last, Esc cancels",
    ),
    "d_immediate_confirm": (
        "Omedelbar justering av {paragraph} {title}: paragrafen blir färdig att skriva "
        "ut och signera nu, före resten av protokollet.  Enter = ja, Esc = nej",
        "Immediate adjustment of {paragraph} {title}: the item is made ready to print "
        "and sign now, before the rest of the minutes.  Enter = yes, Esc = no",
    ),
    "d_not_immediate_confirm": (
        "Ingen omedelbar justering av {paragraph} {title}: paragrafen justeras med "
        "resten av protokollet.  Enter = ja, Esc = nej",
        "No immediate adjustment of {paragraph} {title}: the item is adjusted with "
        "the rest of the minutes.  Enter = yes, Esc = no",
    ),
    "d_replace_hint": (
        "Skriv för att ersätta, End eller ← → för att ändra. Enter sparar, Esc avbryter",
        "Type to replace, End or ← → to edit. Enter saves, Esc cancels",
    ),
    # notices
    "n_not_substitute": (
        "Välj en ersättare i listan för att ange vem hen ersätter",
        "Choose a substitute in the list to say whom they replace",
    ),
    "n_no_absent": ("Ingen ledamot är frånvarande", "No member is absent"),
    "n_need_paragraph": ("Skapa en § först (F2)", "Create a § first (F2)"),
    "n_choose_paragraph": (
        "Ingen § är vald: välj först vid vilken § (Ctrl+O, pilarna, Enter)",
        "No § is chosen: first choose at which § (Ctrl+O, the arrows, Enter)",
    ),
    "n_no_serving": ("Ingen beslutande finns i §", "No voting member in the §"),
    "n_exported": ("Exporterat till {path}", "Exported to {path}"),
    "n_export_busy": (
        "En export pågår redan, till {path}; försök igen när den är klar",
        "An export is already under way, to {path}; try again once it is done",
    ),
    "preview_exporting": ("Exporterar {name} …", "Exporting {name} …"),
    "n_not_a_format": (
        "{suffix} är inget format protokoll skriver ({formats}); välj en annan ändelse",
        "{suffix} is no format protokoll writes ({formats}); choose another ending",
    ),
    "n_closed": ("Mötet avslutat {time}", "Meeting closed at {time}"),
    "n_no_proposals": ("Inga yrkanden i §; lägg till med Alt+Y", "No proposals; add with Alt+Y"),
    "n_no_quorum": (
        "Varning: beslut utan beslutförhet ({n} av {seats}); protokollet noterar det",
        "Warning: a decision without quorum ({n} of {seats}); the protocol notes it",
    ),
    "n_immediate": (
        "§ justeras omedelbart: skriv ut och signera (F2 exporterar)",
        "The § is adjusted at once: print and sign it (F2 exports)",
    ),
    "n_adjust_by": ("Justera senast {date}", "Adjust by {date}"),
    "withdrawn": ("återtaget", "withdrawn"),
    "chair": ("Ordförande under §", "Chairs the §"),
    "pending": ("skriftlig väntas", "written text due"),
    "proposition": ("ja för {yes}, nej för {no}", "yes for {yes}, no for {no}"),
    "own_proposal": ("eget yrkande", "own proposal"),
    "kind_protokollsanteckning": ("Protokollsanteckning", "Note for the minutes"),
    "kind_sarskilt_yttrande": ("Särskilt yttrande", "Separate statement"),
    "a_proposal": ("Yrkande", "Proposal"),
    "a_order": ("Beslutsgång", "Order of proposals"),
    "order_carried": ("bifall: {name}", "carried: {name}"),
    "a_mask": ("Maskera § vid publicering", "Mask § in the publication copy"),
    "a_checks": ("Kontroller och datum", "Checks and dates"),
    "checks_title": ("Kontroller och datum", "Checks and dates"),
    "checks_none": ("Inga fel hittade.", "Nothing wrong found."),
    "problems": ("⚠ {n} (F9 k)", "⚠ {n} (F9 k)"),
    "problems_short": ("⚠ {n}", "⚠ {n}"),
    "immediate_title": ("Omedelbart justerad §", "Item adjusted at once"),
    "masked": ("Maskeras: {reason}", "Masked: {reason}"),
    "n_unknown_owner": (
        "{name} finns inte i närvarolistan; skrivs som text",
        "{name} is not on the attendance list; kept as text",
    ),
    "n_end_before_start": (
        "Sluttiden måste vara efter starttiden {start}",
        "The end must be after the start, {start}",
    ),
    "n_read_only": ("Mötet är skrivskyddat", "The meeting is read-only"),
    "n_digits_only": (
        "Här skrivs bara en siffra; det som inte är siffror togs inte",
        "Only a number goes here; what is not digits was not taken",
    ),
    # reading along: `protokoll follow`
    "a_follow_current": ("Följ aktuell §", "Follow current §"),
    "a_to_current": ("Till aktuell §", "To the current §"),
    "a_seen": ("Läst", "Seen"),
    "follow_title": ("Läser med: {meeting}", "Reading along: {meeting}"),
    "follow_current": ("aktuell {paragraph}", "current {paragraph}"),
    "follow_saved": ("sparat {time}", "saved {time}"),
    "follow_on": ("följer aktuell §", "following the current §"),
    "follow_off": ("stannar kvar", "staying put"),
    "follow_changed": ("{n} rader ändrade", "{n} lines changed"),
    "follow_waiting": ("väntar på mötesfilen: {error}", "waiting for the meeting file: {error}"),
    # sharing the store (protokoll sync)
    "a_sync": ("Synka det delade arkivet", "Sync the shared store"),
    "n_sync_started": ("Synkar …", "Syncing …"),
    "n_sync_refused": (
        "Synken skickade inget: {why}",
        "The sync pushed nothing: {why}",
    ),
    # taking over a meeting
    "a_take_over": (
        "Ta över mötet från en process som inte svarar",
        "Take over the meeting from a process that does not answer",
    ),
    "n_take_over": (
        "Processen som har mötet svarar inte ({why}; {who}). Ctrl+T tar över det här; "
        "det som sparats där finns kvar.",
        "The process that has the meeting does not answer ({why}; {who}). Ctrl+T takes it over "
        "here; what was saved there is kept.",
    ),
    "why_stopped": ("den är stoppad", "it is stopped"),
    "why_no_terminal": ("dess terminal är borta", "its terminal is gone"),
    "n_taken_over": (
        "Mötet {meeting} är ditt nu: det skrivs härifrån",
        "Meeting {meeting} is yours now: it is written from here",
    ),
    "n_take_over_not_needed": (
        "Mötet är redan ditt att skriva i här",
        "The meeting is already yours to write here",
    ),
    "n_no_more_items": (
        "Inga fler punkter; skriv rubrik för ny §",
        "No more items; type a title for the new §",
    ),
    # marks in lists
    "m_deferred": ("bordlagd", "deferred"),
    # preview
    "preview_title": (
        "Förhandsgranskning — så här skrivs protokollet ut",
        "Preview — the protocol as it prints",
    ),
    "a_find": ("Sök i texten", "Find in the text"),
    "a_next": ("Nästa träff", "Next match"),
    "a_previous": ("Föregående träff", "Previous match"),
    "find_placeholder": (
        "Sök i protokollet (Enter; sedan n och N)",
        "Find in the protocol (Enter; then n and N)",
    ),
    "n_not_found": ("”{query}” finns inte i protokollet", "“{query}” is not in the protocol"),
    "n_match": ("träff {n} av {of}", "match {n} of {of}"),
    # follow-up of tasks
    "followup": ("Uppföljning", "Follow-up"),
    "f_done": ("Slutfört", "Done"),
    "f_open": ("Redovisat, pågår vidare", "Reported on, still ongoing"),
    "f_undo": ("Ta bort uppföljningen", "Remove the follow-up"),
    "d_followup": ("Uppföljning: {task}", "Follow-up: {task}"),
    "d_followup_note": (
        "Anteckning till uppföljningen (kan lämnas tom; Enter sparar)",
        "A note on the follow-up (may be empty; Enter saves)",
    ),
    # corrections after adjustment
    "a_correct": ("Rättelse", "Correction"),
    "d_corr_date": ("Datum för rättelsen", "Date of the correction"),
    "d_corr_paragraph": ("§ (tomt: hela protokollet)", "§ (empty: all of it)"),
    "d_corr_what": ("Vad rättas, och hur", "What is corrected, and how"),
    "d_corr_why": ("Skäl", "Reason"),
    "d_corr_by": ("Rättad av", "Corrected by"),
    "d_corr_keys": (
        "Enter: nästa fält; i det sista sparas rättelsen efter en fråga. Esc avbryter",
        "Enter: next field; in the last, it is saved once asked. Esc cancels",
    ),
    "d_corr_where": ("§ {n}", "§ {n}"),
    "d_corr_whole": ("hela protokollet", "the whole protocol"),
    "d_corr_confirm": (
        "Lägga till rättelsen av {where} i protokollet? Den står kvar för gott och kan inte"
        " tas bort.\n\n{what}\n\nEnter = ja, Esc = nej",
        "Add the correction of {where} to the protocol? It stays for good and cannot be"
        " removed.\n\n{what}\n\nEnter = yes, Esc = no",
    ),
    "d_corr_bad_paragraph": ("§ ska vara ett nummer", "§ must be a number"),
    "n_corrected": (
        "Rättelsen är sparad och visas i protokollet",
        "The correction is saved and shown",
    ),
    "d_take_over_elsewhere": (
        "Mötet pågår på {host} av {user}. Ta över det här? Skrivs det där också "
        "blir den ena versionen en konfliktkopia vid nästa synk. Enter = ja, Esc = nej",
        "The meeting is in progress on {host} by {user}. Take it over here? If it is "
        "written there too, one version becomes a conflict copy at the next sync. "
        "Enter = yes, Esc = no",
    ),
    "n_adjusted_f3": (
        "Protokollet är justerat och öppnas inte igen: en rättelse görs med F3",
        "The protocol is adjusted and is not reopened: a correction is made with F3",
    ),
    "n_not_adjusted": (
        "Rättelser görs i justerade protokoll; detta kan fortfarande ändras direkt",
        "Corrections are for adjusted protocols; this one can still be edited",
    ),
    # the task list
    "tasks_menu": ("Uppdrag i alla möten", "Tasks in all meetings"),
    "tasks_title": (
        "Uppdrag, de ej klara (Enter öppnar protokollet vid §, o visar alla)",
        "Tasks, those not done (Enter opens the protocol at the §, o shows all)",
    ),
    "tasks_title_all": (
        "Uppdrag, alla (Enter öppnar protokollet vid §, o visar de ej klara)",
        "Tasks, all of them (Enter opens the protocol at the §, o shows those not done)",
    ),
    "task_detail": ("{owner}: {text}", "{owner}: {text}"),
    "task_detail_due": ("senast {due}", "due {due}"),
    "task_detail_followed": ("uppföljt {where}", "followed up {where}"),
    "a_only_open": ("Alla/öppna", "All/open"),
    "task_open": ("öppet", "open"),
    # An imported protocol's task that no meeting here followed up: its source
    # does not say whether it was done.
    "task_unknown": ("okänt", "unknown"),
    "task_done": ("klart", "done"),
    "task_late": ("sent", "late"),
    "col_status": ("Status", "Status"),
    "col_owner": ("Ansvarig", "Owner"),
    "col_task": ("Uppdrag", "Task"),
    "col_due": ("Senast", "Due"),
    "col_from": ("Från", "From"),
    "col_followed": ("Uppföljt", "Followed up"),
    # search
    "a_search": ("Sök", "Search"),
    "a_next_organ": ("Nästa organ", "Next organ"),
    "a_previous_organ": ("Förra organet", "Previous organ"),
    "search_all": ("Sök i alla möten", "Search all meetings"),
    "search_title": (
        "Sök i alla möten (Enter eller ↓ till träffarna, Enter öppnar)",
        "Search all meetings (Enter or ↓ to the hits, Enter opens)",
    ),
    "search_placeholder": (
        "ord eller ordbörjan, t.ex. ansök; ”en fras” inom citattecken",
        "words or their beginnings, e.g. budg; “a phrase” in quotes",
    ),
    "search_none": ("Inga träffar", "No hits"),
    # Said while a list is read: after a store is copied or moved, the first
    # look reads every meeting (20 s at 10,000), and an empty list had read
    # as "no open tasks" (trial 6). Short enough for a row at 80 columns: it
    # had ended "… tar det en" (trial 20).
    "reading_archive": (
        "Läser in ur arkivet … (efter en kopia eller flytt tar det en stund)",
        "Reading the archive … (after a copy or a move, it takes a while)",
    ),
    # A search slow to answer: a broad one (a word's first letter at 10,000
    # meetings took 3 s), or the archive read first after a copy. "Läser in ur
    # arkivet" had been said of every slow search (trial 20).
    "searching": (
        "Söker … (efter en kopia eller flytt läses arkivet in först)",
        "Searching … (after a copy or a move the archive is read first)",
    ),
    # One letter typed: it begins most words, and is searched on Enter only.
    "search_one_letter": (
        "En bokstav: Enter söker på den, eller skriv vidare",
        "One letter: Enter searches for it, or type on",
    ),
    "tasks_none": ("Inga uppdrag", "No tasks"),
    "search_count": ("{n} träffar", "{n} hits"),
    "search_one": ("1 träff", "1 hit"),
    "search_many": (
        "Fler än {n} träffar; de {n} nyaste visas",
        "More than {n} hits; the newest {n} shown",
    ),
    # past meetings
    "browse_title": ("Tidigare möten (Enter öppnar)", "Past meetings (Enter opens)"),
    "status_draft": ("utkast", "draft"),
    "status_open": ("pågår", "open"),
    "status_closed": ("avslutat", "closed"),
    "status_adjusted": ("justerat", "adjusted"),
    # looking up during a meeting
    "a_quote": ("Citera", "Quote"),
    "lookup_search_title": (
        "Slå upp: sök (Enter öppnar, c citerar träffens §, Esc tillbaka)",
        "Look up: search (Enter opens, c quotes the hit's §, Esc back)",
    ),
    "lookup_browse_title": (
        "Slå upp: tidigare möten (Enter öppnar, Esc tillbaka)",
        "Look up: past meetings (Enter opens, Esc back)",
    ),
    "lookup_tasks_title": (
        "Slå upp: uppdrag ej klara (Enter öppnar, c citerar §, o visar alla)",
        "Look up: tasks not done (Enter opens, c quotes the §, o shows all)",
    ),
    "lookup_tasks_title_all": (
        "Slå upp: alla uppdrag (Enter öppnar, c citerar §, o visar de ej klara)",
        "Look up: all tasks (Enter opens, c quotes the §, o shows those not done)",
    ),
    "lookup_preview_title": ("endast läsning", "read-only"),
    "lookup_quotes": ("c citerar: {ref}", "c quotes: {ref}"),
    "n_hit_not_paragraph": (
        "Träffen gäller mötet som helhet, inte en §",
        "The hit is the meeting as a whole, not a §",
    ),
    "n_hit_gone": ("Paragrafen finns inte längre", "That § no longer exists"),
    "help_title": ("Tangenter", "Keys"),
    "help_footer": (
        "listar alla kommandon med namn. Esc stänger.",
        "lists every command by name. Esc closes.",
    ),
    # organs and rosters
    "edit_organ": (
        "Ändra ett organ (ledamöter, inställningar)",
        "Edit an organ (roster, settings)",
    ),
    "pick_organ": ("Vilket organ?", "Which organ?"),
    "roster_terms_help": (
        "Slutar någon: skriv t.o.m. DATUM sist på raden och låt raden stå kvar; "
        "tidigare möten behåller personen, nya möten får den inte. "
        "Ny ledamot från ett visst datum: fr.o.m. DATUM.",
        "Someone leaves: end their line with t.o.m. DATE and keep the line; "
        "earlier meetings keep them, new meetings do not. "
        "A new member from a date: fr.o.m. DATE.",
    ),
    # drafts and crashes
    "draft_offer": (
        "Ett utkast av {what}{where} från {time} finns kvar",
        "A draft of {what}{where} from {time} is kept",
    ),
    "draft_offer_keys": (
        "Enter öppnar det igen · Esc: inte nu (utkastet finns kvar)",
        "Enter opens it again · Esc: not now (the draft is kept)",
    ),
    "draft_reopen": ("Öppna igen", "Open again"),
    "draft_later": ("Inte nu", "Not now"),
    "draft_open_again": (
        "Öppna {what} igen där du skrev det, så fylls utkastet i",
        "Open {what} again where you typed it, and the draft fills it in",
    ),
    "n_correction_draft": (
        "Ett utkast till rättelse från {time} finns kvar: F3 fyller i det",
        "A draft of a correction from {time} is kept: F3 fills it in",
    ),
    "draft_kept_for": (
        "{what} (utkastet från {time} finns kvar)",
        "{what} (the draft from {time} is kept)",
    ),
    "draft_form_here": (
        "Ett utkast av {what} från {time} finns kvar: F9 c fyller i det",
        "A draft of {what} from {time} is kept: F9 c fills it in",
    ),
    "draft_form_menu": (
        "Ett utkast av {what} från {time} finns kvar: det fylls i från startmenyn (F9 å)",
        "A draft of {what} from {time} is kept: it fills in from the start menu (F9 å)",
    ),
    "draft_form_organ": ("organets formulär", "the organ's form"),
    "draft_form_new": ("ett nytt möte", "a new meeting"),
    "draft_restored": (
        "Utkastet från {time} är ifyllt igen; Esc avbryter och kastar det",
        "The draft from {time} is filled in again; Esc cancels and discards it",
    ),
    "crash_saved": (
        "protokoll stängdes av ett oväntat fel; allt skrivet är sparat. Rapport: {path}",
        "protokoll stopped on an unexpected error; everything typed is saved. Report: {path}",
    ),
    "crash_unsaved": (
        "protokoll stängdes av ett oväntat fel, och allt kunde inte sparas ({detail}). "
        "Rapport: {path}",
        "protokoll stopped on an unexpected error, and not all could be saved ({detail}). "
        "Report: {path}",
    ),
    "crash_no_report": (
        "protokoll stängdes av ett oväntat fel; rapporten kunde inte skrivas ({detail})",
        "protokoll stopped on an unexpected error; the report could not be written ({detail})",
    ),
}
