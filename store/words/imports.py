"""What an import noticed in its source (`store.importer.report`)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "explain_title": (
        "{name}: vad varje rad blev (möte {id})",
        "{name}: what each line became (meeting {id})",
    ),
    "explain_line": ("rad", "line"),
    "explain_source": ("källan", "source"),
    "explain_became": ("blev", "became"),
    "explain_field": ("fält", "field"),
    "explain_person": ("person", "person"),
    "explain_signature": ("underskrift", "signature"),
    "explain_heading": ("rubrik", "heading"),
    "explain_label": ("etikett", "label"),
    "explain_task": ("uppdrag", "task"),
    "explain_dated": ("mötets datum härifrån:", "the meeting's date from here:"),
    "explain_text": ("text", "text"),
    "explain_decision": ("beslut", "decision"),
    "explain_note": ("anteckning", "note"),
    "explain_intro": ("text före första §", "text before the first §"),
    "explain_appendix": ("text efter underskrifterna", "text after the signatures"),
    "explain_section": ("avsnittsrubrik", "section heading"),
    "explain_unplaced": ("EJ PLACERAD", "NOT PLACED"),
    "encoding": (
        "läst som {encoding}, inte som UTF-8; se efter att å, ä och ö blev rätt",
        "read as {encoding}, not as UTF-8; check that å, ä and ö came out right",
    ),
    "docx_lines": (
        "Word-filen lästes som text; radnumren här är rader i den texten, inte i Word "
        "(visa texten med protokoll import --explain)",
        "the Word file was read as text; the line numbers here are lines of that text, not "
        "of Word (show the text with protokoll import --explain)",
    ),
    "docx_header": (
        "texten i Word-filens sidhuvud står först i texten, före dokumentets egen",
        "the text of the Word file's page header comes first, before the document's own",
    ),
    "docx_footer": (
        "Word-filens sidfot, sidans och inte protokollets text, togs inte med: {lines}",
        "the Word file's page footer, the page's text and not the protocol's, was left "
        "out: {lines}",
    ),
    "docx_numbering": (
        "{count} punkter har automatisk numrering i Word; numren räknades fram här, jämför "
        "dem med dokumentet",
        "{count} points are numbered automatically by Word; the numbers were computed here, "
        "compare them with the document",
    ),
    "pdf_lines": (
        "PDF-filen (sidor: {pages}) lästes som text; radnumren här är rader i den texten, "
        "inte i PDF:en (visa texten med protokoll import --explain)",
        "the PDF (pages: {pages}) was read as text; the line numbers here are lines of that "
        "text, not of the PDF (show the text with protokoll import --explain)",
    ),
    "pdf_furniture": (
        "{n} rader som står överst eller nederst på de flesta sidor togs bort som "
        "sidhuvud och sidfot, inte protokollets text: {lines}",
        "{n} lines at the top or foot of most pages were left out as running heads "
        "and feet, not the protocol's text: {lines}",
    ),
    "pdf_pages": (
        "i den texten börjar sidorna 2, 3, … på raderna {starts}",
        "in that text, pages 2, 3, … begin at lines {starts}",
    ),
    "controls": (
        "{count} styrtecken (t.ex. terminalkoder) togs bort",
        "{count} control characters (terminal escapes, say) were removed",
    ),
    "title_split": (
        "§ {number}: rubriken '{title}' togs från början av texten; kontrollera den",
        "§ {number}: the title '{title}' was taken from the start of the text; check it",
    ),
    "duplicate_number": (
        "§ {number} förekommer {count} gånger; numren behålls som i originalet",
        "§ {number} occurs {count} times; the numbers are kept as in the original",
    ),
    "skipped_number": (
        "{missing} saknas mellan § {before} och § {after}",
        "{missing} missing between § {before} and § {after}",
    ),
    "declared_range": (
        "originalet anger {declared}, men paragraferna är {found}",
        "the original says {declared}, but the §s are {found}",
    ),
    "spelling": (
        "namnet skrivs på flera sätt: '{name}' (rad {first}) och '{other}' (rad {at}); "
        "'{name}' används",
        "a name is spelled more than one way: '{name}' (line {first}) and '{other}' "
        "(line {at}); '{name}' is used",
    ),
    "likely_misspelling": (
        "'{other}' (rad {at}) är troligen en felstavning av '{name}' (rad {first}), som är "
        "närvarande; båda läsningarna står här, personen är '{name}'",
        "'{other}' (line {at}) is likely a misspelling of '{name}' (line {first}), who is "
        "present; both readings are given here, the person is '{name}'",
    ),
    "chair_absent": (
        "ordföranden {name} finns inte bland de närvarande; lades till",
        "the chair, {name}, is not among those present; added",
    ),
    "chair_not_voting": (
        "ordföranden {name} står inte bland de beslutande",
        "the chair, {name}, is not among the voting members",
    ),
    "function_absent": (
        "{function} {name} finns inte bland de närvarande; lades till",
        "{function} {name} is not among those present; added",
    ),
    "letterhead": (
        "§ {number}: ett adress- eller sidhuvud (rad {first}–{last}) sparades som "
        "anteckning på paragrafen",
        "§ {number}: an address or page header (lines {first}–{last}) was kept as a note on the §",
    ),
    "not_a_person": (
        "'{text}' under {heading} ser inte ut som en person; sparad som text före första §",
        "'{text}' under {heading} does not look like a person; kept as text before the first §",
    ),
    "first_names": (
        "under {heading} står bara förnamn ({names}); de lades till som de står",
        "only first names under {heading} ({names}); added as written",
    ),
    "table_row": (
        "'{text}': en rad i närvarotabellen utan ett tydligt kryss; sparad som text",
        "'{text}': a row of the attendance table without one clear X; kept as text",
    ),
    "side_by_side": (
        "'{text}' läses som {n} namn sida vid sida: {names}",
        "'{text}' is read as {n} names side by side: {names}",
    ),
    "bad_field": (
        "'{text}': {problem}; sparad som text",
        "'{text}': {problem}; kept as text",
    ),
    "date_conflict": (
        "datumet {date} stämmer inte med '{other}' i rubriken",
        "the date {date} does not agree with '{other}' in the heading",
    ),
    "date_from_name": (
        "inget datum i texten; datumet {date} togs från filnamnet",
        "no date in the text; the date {date} was taken from the file name",
    ),
    "organ_near_form": (
        "organet '{organ}' är samma namn som det befintliga '{existing}' ({id}) i annan form; "
        "mötet lades under '{existing}'",
        "the organ '{organ}' is the existing '{existing}' ({id}) in another form; "
        "the meeting was put under '{existing}'",
    ),
    "no_organ": (
        "källan anger inget organ; protokollet skrivs utan och mötet listas under "
        "'Okänt organ' (ange organet med --organ)",
        "the source names no organ; the protocol is printed without one and the meeting is "
        "listed under 'Okänt organ' (name the organ with --organ)",
    ),
    "organ_not_given": (
        "källan anger organet '{organ}'; --organ '{given}' gäller bara filer som inte anger något",
        "the source names the organ '{organ}'; --organ '{given}' applies only to files that "
        "name none",
    ),
    "masked_as_source_says": (
        "källan märker paragrafen '{text}'; den maskeras i publiceringsversionen",
        "the source marks the § '{text}'; it is masked in the publication copy",
    ),
    "organ_of_no_body": (
        "källan anger inte vems {organ} det är; mötet lades under {organ} ({id}), som inte "
        "heller anger det: är det en annan förenings, ange organet med --organ",
        "the source does not say whose {organ} it is; the meeting went under {organ} ({id}), "
        "which does not say either: if it is another association's, name it with --organ",
    ),
    "organ_from_letterhead": (
        "organet '{organ}'{of} togs från raderna över rubriken; de säger inte att det är "
        "organet: kontrollera det (eller ange det med --organ)",
        "the organ '{organ}'{of} was taken from the lines above the heading; they do not say it "
        "is the organ: check it (or name it with --organ)",
    ),
    "organisation_from_letterhead": (
        "organisationen '{organisation}' togs från raderna över rubriken; de säger inte att "
        "{organ} är dess: kontrollera det",
        "the organisation '{organisation}' was taken from the lines above the heading; they do "
        "not say that {organ} is its: check it",
    ),
    "place_guess": (
        "'{text}': det som står efter kommat togs som platsen ('{place}'); raden säger det inte",
        "'{text}': what follows the comma was taken as the place ('{place}'); the line does not "
        "say so",
    ),
    "no_paragraphs": (
        "inga paragrafer hittades; all text sparades som en punkt",
        "no § found; all text was kept as one item",
    ),
    "unknown_presence": (
        "{name}: § {number} finns inte i protokollet; närvaron sparad som text",
        "{name}: there is no § {number}; the attendance is kept as text",
    ),
    "staff_not_voting": (
        "närvarolistan anger inga kategorier; {name} ({title}) räknas till övriga "
        "närvarande; de andra skrivs som närvarande, inte som beslutande",
        "the attendance gives no categories; {name} ({title}) is counted among others "
        "present; the rest are printed as present, not as voting members",
    ),
    "after_signatures": (
        "{count} rader efter underskrifterna hör inte till dem; de sparades sist i protokollet",
        "{count} lines after the signatures are not part of them; they were kept at the end",
    ),
    "time_zone": (
        "'{zone}' efter tiden är tidszonen, svensk tid, som protokollets alla tider är; "
        "den skrivs inte ut",
        "'{zone}' after the time is the time zone, Swedish time, which every time of the "
        "protocol is; it is not printed",
    ),
    "ocr_number": (
        "§-numret '{written}' läses som {number}: en skanning (OCR) läser ofta 1 som l eller I "
        "och 0 som O; kontrollera det",
        "the § number '{written}' is read as {number}: a scan (OCR) often reads 1 as l or I "
        "and 0 as O; check it",
    ),
    "ocr_date": (
        "datumet '{written}' läses som {date}: en skanning (OCR) läser ofta 1 som l eller I "
        "och 0 som O; kontrollera det",
        "the date '{written}' is read as {date}: a scan (OCR) often reads 1 as l or I "
        "and 0 as O; check it",
    ),
    "replaced_absent": (
        "{name} nämns bara som den {by} tjänstgör för; läst som att {name} var frånvarande "
        "och skrivs under 'Frånvarande': kontrollera det",
        "{name} is named only as the one {by} serves for; read as {name} being absent, "
        "printed under 'Absent': check it",
    ),
    "secretary_signer_differs": (
        "{name} skriver under vid protokollet, men källan anger {secretary} som "
        "sekreterare; protokollet anger {secretary} och skrivs utan {name}s underskrift: "
        "kontrollera",
        "{name} signs at the protocol, but the source names {secretary} as secretary; "
        "the protocol names {secretary} and is written without {name}'s signature: check it",
    ),
    "signer_absent": (
        "{name} skriver under men finns inte bland de närvarande; lades till",
        "{name} signs but is not among those present; added",
    ),
    "same_meeting": (
        "{path}: samma möte ({organ}, {date}, {span}: samma nummer och rubriker) finns redan "
        "som {id}; inget importerades",
        "{path}: the same meeting ({organ}, {date}, {span}: the same numbers and titles) is "
        "already in the store as {id}; nothing was imported",
    ),
    "items": ("{n} punkter", "{n} items"),
    "task_from_text": (
        "§ {number}: uppdraget '{owner}: {what}' lästes ur meningen '{said} …'; ingen rad "
        "märker det som uppdrag: kontrollera det",
        "§ {number}: the task '{owner}: {what}' was read from the sentence '{said} …'; no "
        "line marks it as a task: check it",
    ),
    "present_as_voting": (
        "'{heading}' säger inte vilka som var beslutande; de {count} som står där skrivs "
        "under '{heading}' i protokollet, inte som beslutande",
        "'{heading}' does not say who were the voting members; the {count} listed there are "
        "printed under '{heading}' in the protocol, not as voting members",
    ),
    "bad_date": (
        "{path}:{line}: '{text}' är inget datum: {problem}; rätta raden; inget importerades",
        "{path}:{line}: '{text}' is not a date: {problem}; correct the line; nothing was imported",
    ),
    "date_from_name_bad": (
        "datumet i texten går inte att läsa; datumet {date} togs från filnamnet",
        "the date in the text does not read; the date {date} was taken from the file name",
    ),
    "organisation_was_person": (
        "{name} skriver under, så '{name}' bredvid {other} är en person, inte en organisation; "
        "de står som två närvarande",
        "{name} signs, so '{name}' beside {other} is a person, not an organisation; they are "
        "listed as two present",
    ),
    "organisation_or_person": (
        "'{text}': '{organisation}' togs som organisationen {name} företräder; det är skrivet "
        "som ett namn och kan vara en person till",
        "'{text}': '{organisation}' was taken as the organisation {name} represents; it is "
        "written as a name and may be another person",
    ),
}
