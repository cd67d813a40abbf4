"""The command line: --help, argparse's own words, and what the commands print.

Option names, command names and the values of choices (--format md,
function chair) are the same in both languages: scripts use them.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # --- what goes wrong or needs saying, one line on stderr ---------------------
    "error": ("protokoll: fel: {message}", "protokoll: error: {message}"),
    "warning": ("protokoll: varning: {message}", "protokoll: warning: {message}"),
    "internal_error": (
        "protokoll: internt fel: {message}",
        "protokoll: internal error: {message}",
    ),
    "see_help": ("{message} (se protokoll --help)", "{message} (see protokoll --help)"),
    "width_number": (
        "bredden ska vara ett heltal, inte {text}",
        "width must be a whole number, not {text}",
    ),
    "width_range": ("bredden ska vara mellan 30 och 500", "width must be between 30 and 500"),
    "limit_number": (
        "gränsen ska vara ett heltal, inte {text}",
        "limit must be a whole number, not {text}",
    ),
    "not_paragraph_number": ("inte ett §-nummer: {word}", "not a § number: {word}"),
    "not_paragraph_range": ("inte ett §-intervall: {word}", "not a § range: {word}"),
    "no_paragraph_named": ("ange minst en §", "name at least one §"),
    "one_paragraph": ("en § i taget: {paragraph}", "one § at a time: {paragraph}"),
    "mask_reason": (
        'ange skälet, t.ex. "sekretess", eller --clear',
        'give the reason, e.g. "sekretess", or --clear',
    ),
    "not_utf8": ("inte UTF-8-text", "not UTF-8 text"),
    # --- what the commands print --------------------------------------------------
    "no_meetings": ("inga möten", "no meetings"),
    "no_organs": ("inga organ", "no organs"),
    "no_hits": ("inga träffar", "no hits"),
    "hits_shown": (
        "{shown} av {total} träffar visas, de nyaste; --limit 0 visar alla",
        "{shown} of {total} hits shown, the newest; --limit 0 shows all",
    ),
    "wrong": ("fel: ", "wrong: "),
    "already_imported": (
        "protokoll: {path}: finns redan i arkivet som {id}; inget importerades",
        "protokoll: {path}: already in the store as {id}; nothing was imported",
    ),
    "would_create": ("skulle skapa {id}", "would create {id}"),
    "items": ("{n} punkter", "{n} items"),
    "present": ("{n} närvarande", "{n} present"),
    "decisions": ("{n} beslut", "{n} decisions"),
    "status_draft": ("utkast", "draft"),
    "status_open": ("pågår", "open"),
    "status_closed": ("stängt", "closed"),
    "status_adjusted": ("justerat", "adjusted"),
    # protokoll organ list / show
    "organ_members": ("{n} i ledamotslistan", "{n} on the roster"),
    "organ_profile": ("Mall", "Profile"),
    "organ_none": ("ingen", "none"),
    "organ_numbering": ("Numrering", "Numbering"),
    "organ_year": ("per kalenderår", "per calendar year"),
    "organ_meeting": ("per möte", "per meeting"),
    "organ_never": ("löpande", "running"),
    "organ_place": ("Plats", "Place"),
    "organ_posts_notices": ("Anslag", "Notice (anslag)"),
    "organ_quorum": ("Beslutförhet", "Quorum"),
    "organ_chair_elected": ("Mötesordförande väljs", "Chair elected"),
    "organ_archive": ("Förvaringsplats", "Archive"),
    "organ_decision": ("Beslut", "Decision"),
    "organ_agenda": ("Dagordning", "Agenda"),
    "organ_roster": ("Ledamotslista", "Roster"),
    "organ_yes": ("ja", "yes"),
    "organ_no": ("nej", "no"),
    "organ_left": ("(har slutat)", "(has left)"),
    "organ_nothing": (
        "inget att ändra; se protokoll organ edit --help",
        "nothing to change; see protokoll organ edit --help",
    ),
    "organ_until_alone": ("--until hör till --retire", "--until goes with --retire"),
    "organ_retire_alone": ("--retire behöver --until DATUM", "--retire needs --until DATE"),
    "organ_since_alone": ("--since hör till --add-member", "--since goes with --add-member"),
    # --- argparse's own words (the English is argparse's, as it writes them) ---------
    "argparse_usage": ("användning: ", "usage: "),
    "argparse_positionals": ("argument", "positional arguments"),
    "argparse_options": ("flaggor", "options"),
    "argparse_help": ("visa den här hjälpen och avsluta", "show this help message and exit"),
    "argparse_argument": (
        "argumentet %(argument_name)s: %(message)s",
        "argument %(argument_name)s: %(message)s",
    ),
    "argparse_unknown_parser": (
        "okänt kommando %(parser_name)r (välj bland: %(choices)s)",
        "unknown parser %(parser_name)r (choices: %(choices)s)",
    ),
    "argparse_unrecognized": ("okända argument: %s", "unrecognized arguments: %s"),
    "argparse_not_allowed": ("inte tillåtet med argumentet %s", "not allowed with argument %s"),
    "argparse_ignored": ("värdet %r till flaggan används inte", "ignored explicit argument %r"),
    "argparse_required": (
        "de här argumenten behövs: %s",
        "the following arguments are required: %s",
    ),
    "argparse_one_required": (
        "ett av argumenten %s behövs",
        "one of the arguments %s is required",
    ),
    "argparse_one": ("väntade ett värde", "expected one argument"),
    "argparse_at_most_one": ("väntade högst ett värde", "expected at most one argument"),
    "argparse_at_least_one": ("väntade minst ett värde", "expected at least one argument"),
    "argparse_n": ("väntade %s värde", "expected %s argument"),
    "argparse_n_plural": ("väntade %s värden", "expected %s arguments"),
    "argparse_ambiguous": (
        "flaggan %(option)s är tvetydig, den kan vara %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "argparse_unexpected": ("oväntad flagga: %s", "unexpected option string: %s"),
    "argparse_invalid_value": (
        "ogiltigt värde (%(type)s): %(value)r",
        "invalid %(type)s value: %(value)r",
    ),
    "argparse_invalid_choice": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    # --- --help: the program, its options and commands ------------------------------
    "description": (
        "För protokoll vid ett sammanträde; utan kommando öppnas programmet.",
        "Take the minutes of a meeting; without a command, open the application.",
    ),
    "commands": ("kommandon", "commands"),
    "opt_store": (
        "arkivets katalog (standard: {env} eller {default})",
        "the store directory (default: {env} or {default})",
    ),
    "opt_lang": (
        "språket för protokollet, meddelandena och hjälpen (standard: {env}, annars sv)",
        "language of the protocol, the messages and this help (default: {env}, else sv)",
    ),
    "mv_dir": ("KATALOG", "DIR"),
    "mv_file": ("FIL", "FILE"),
    "mv_name": ("NAMN", "NAME"),
    "mv_date": ("DATUM", "DATE"),
    "mv_width": ("BREDD", "WIDTH"),
    "mv_year": ("ÅÅÅÅ", "YYYY"),
    "mv_n": ("N", "N"),
    "mv_line": ("RAD", "LINE"),
    "mv_time": ("TT:MM", "HH:MM"),
    "mv_meeting": ("möte", "meeting"),
    "mv_organ": ("organ", "organ"),
    "mv_title": ("rubrik", "title"),
    "mv_text": ("text", "text"),
    "mv_reason": ("skäl", "reason"),
    "mv_query": ("sökord", "query"),
    "mv_function": ("funktion", "function"),
    "mv_organ_command": ("kommando", "command"),
    "arg_meeting": (
        "ett id, eller en början av ett som bara passar ett möte",
        "an id or a unique prefix of one",
    ),
    "arg_json": ("som en JSON-lista", "as a JSON array"),
    "arg_width": ("radbredden (standard 72)", "the line width (default 72)"),
    "arg_output": ("skriv till FIL i stället för till stdout", "write to FILE instead of stdout"),
    "arg_force": (
        "ersätt FIL om den redan finns (en vanlig fil; länkar, kataloger och "
        "skrivskyddade filer vägras alltid)",
        "replace FILE if it exists (an ordinary file; links, directories and "
        "read-only files are always refused)",
    ),
    "exported": ("exporterat till {path}", "exported to {path}"),
    "search_exit": (
        "Slutstatus som grep: 0 med träffar, 1 utan träffar, 2 vid fel "
        "(också när någon fil i arkivet inte gick att läsa).",
        "Exit status as grep's: 0 with hits, 1 with none, 2 on an error "
        "(also when a file in the store could not be read).",
    ),
    "arg_publish": (
        "publiceringsversionen: maskerade §§ bara med nummer",
        "the publication copy: masked §s by number only",
    ),
    "arg_format_md": ("text eller Markdown (standard text)", "text or Markdown (default text)"),
    "arg_format": (
        "text, Markdown eller JSON (standard text)",
        "text, Markdown or JSON (default text)",
    ),
    "arg_paragraph": ("§-numret", "the § number"),
    "arg_paragraphs": ("§-nummer: 12, §12, 12-14", "§ numbers: 12, §12, 12-14"),
    "c_list": ("möten, nyaste först", "meetings, newest first"),
    "c_show": ("ett protokoll som text på stdout", "a protocol as text on stdout"),
    "c_export": (
        "ett protokoll som text, Markdown eller JSON",
        "a protocol as text, Markdown or JSON",
    ),
    "c_extract": (
        "ett protokollsutdrag med valda §§, att bestyrkas",
        "an extract (protokollsutdrag) of chosen §s, to be certified",
    ),
    "extract_immediate": (
        "den omedelbart justerade §, med sina underskrifter",
        "the § adjusted at once, with its signatures",
    ),
    "c_mask": ("maskera en § i publiceringsversionen", "mask a § in the publication copy"),
    "mask_reason_arg": ('varför, t.ex. "sekretess"', 'why, e.g. "sekretess"'),
    "mask_clear": ("visa § igen", "show the § again"),
    "c_check": (
        "de rättsliga kontrollerna av ett protokoll, och dess datum",
        "the legal checks of a protocol, and its dates",
    ),
    "c_adjust": ("för in att ett protokoll har justerats", "record that a protocol was adjusted"),
    "adjust_date": (
        "dagen det justerades, t.ex. 2021-04-20",
        "the day it was adjusted, e.g. 2021-04-20",
    ),
    "adjust_by": (
        "vem som justerade det (standard: ordföranden och justerarna)",
        "who adjusted it (default: the chair and the adjusters)",
    ),
    "adjust_posted": (
        "dagen då justeringen anslogs, om den är känd",
        "the day it was posted (anslag), if known",
    ),
    "c_close": ("avsluta ett möte: det slutade vid --end", "close a meeting: it ended at --end"),
    "close_end": ("när mötet slutade", "when the meeting ended"),
    "c_reopen": (
        "öppna ett avslutat möte igen för rättningar före justeringen",
        "reopen a closed meeting for corrections before adjustment",
    ),
    "c_post": ("för in när justeringen anslogs", "record when an adjustment was posted"),
    "post_date": ("dagen för anslaget", "the day of the anslag"),
    "c_correct": (
        "lägg till en daterad rättelse i ett justerat protokoll",
        "add a dated correction (rättelse) to an adjusted protocol",
    ),
    "correct_date": ("dagen för rättelsen", "the day of the correction"),
    "correct_text": ("vad som rättas, och hur", "what is corrected, and how"),
    "correct_why": ("varför det rättas", "why it is corrected"),
    "correct_by": ("vem som gjorde rättelsen", "who made the correction"),
    "correct_paragraph": ("den § som rättelsen gäller", "the § it concerns"),
    "c_verify": (
        "jämför ett justerat protokoll med dess sparade SHA-256",
        "check an adjusted protocol against its stored SHA-256",
    ),
    # sharing the store: protokoll sync and log, and what verify finds in the history
    "c_sync": (
        "dela arkivet via git: spara, hämta, foga samman, skicka",
        "share the store through git: commit, fetch, integrate, push",
    ),
    "sync_remote": (
        "det delade förrådet (första gången; sedan kommer arkivet ihåg det)",
        "the shared repository (the first time; the store remembers it after)",
    ),
    "sync_renumber": (
        "numrera om ett ojusterat möte efter de andra, sedan synka",
        "renumber an unadjusted meeting after the others, then sync",
    ),
    "sync_take": (
        "ta över ett möte som pågår på en annan dator",
        "take over a meeting in progress on another computer",
    ),
    "sync_after_close": (
        "synka av sig själv när ett möte avslutas i programmet (den här datorn)",
        "sync by itself when a meeting is closed in the application (this computer)",
    ),
    "sync_keep": (
        "behåll konfliktkopian som mötet (den andra versionen blir kopian)",
        "keep the conflict copy as the meeting (the other version becomes the copy)",
    ),
    "sync_drop": (
        "ta bort en konfliktkopia (historiken har den kvar)",
        "remove a conflict copy (the history keeps it)",
    ),
    "mv_remote": ("ADRESS", "ADDRESS"),
    "mv_copy": ("KOPIA", "COPY"),
    "sync_done": ("synkat med {remote}", "synced with {remote}"),
    "sync_received": ("{count} möten kom in eller ändrades", "{count} meetings came in or changed"),
    "sync_conflict": (
        "{meeting} ändrades på två datorer: versionen av {kept} behölls, den av {other} "
        "finns i {copy} (protokoll sync --keep {copy} gör den till mötet, --drop tar bort den)",
        "{meeting} was changed on two computers: the version by {kept} was kept, the one by "
        "{other} is in {copy} (protokoll sync --keep {copy} makes it the meeting, --drop "
        "removes it)",
    ),
    "sync_organ_conflict": (
        "{organ}: {field} ändrades på två datorer; behölls: {kept}; inte: {other}",
        "{organ}: {field} was changed on two computers; kept: {kept}; not kept: {other}",
    ),
    "sync_collision": (
        "§ {number} finns i både {here} (här) och {there} (delat); inget skickades",
        "§ {number} is in both {here} (here) and {there} (shared); nothing was pushed",
    ),
    "sync_fix": (
        "rätta: protokoll sync --renumber {meeting}",
        "to fix: protokoll sync --renumber {meeting}",
    ),
    "sync_no_fix": (
        "båda är justerade: ingen av dem numreras om; rätta för hand",
        "both are adjusted: neither is renumbered; settle it by hand",
    ),
    "sync_renumbered": ("{meeting} numrerades om", "{meeting} was renumbered"),
    "sync_taken": ("{meeting} skrivs här från och med nu", "{meeting} is written here from now on"),
    "c_log": (
        "historiken: vem ändrade vad och när (ett delat arkiv)",
        "the history: who changed what and when (a shared store)",
    ),
    "log_meeting": ("bara detta mötes historik", "only this meeting's history"),
    "history_changed": (
        "{meeting}: texten ändrades efter justeringen (commit {adjusted}) i commit {commit} "
        "av {author} {when}",
        "{meeting}: the text changed after the adjustment (commit {adjusted}) in commit "
        "{commit} by {author} {when}",
    ),
    "history_uncommitted": (
        "{meeting}: texten i filen skiljer sig från den vid justeringen (commit {adjusted})",
        "{meeting}: the text in the file differs from the one at adjustment (commit {adjusted})",
    ),
    "history_ok": (
        "historiken: oförändrad sedan justeringen i commit {adjusted} ({author} {when})",
        "history: unchanged since the adjustment in commit {adjusted} ({author} {when})",
    ),
    "ev_created": ("skapat", "created"),
    "ev_closed": ("avslutat", "closed"),
    "ev_reopened": ("öppnat igen", "reopened"),
    "ev_masked": ("maskerat", "masked"),
    "ev_unmasked": ("maskering borttagen", "unmasked"),
    "ev_adjusted": ("justerat", "adjusted"),
    "ev_corrected": ("rättelse", "corrected"),
    "ev_posted": ("anslaget", "posted"),
    "ev_organ_added": ("organ tillagt", "organ added"),
    "ev_organ_changed": ("organ ändrat", "organ changed"),
    "ev_imported": ("importerat", "imported"),
    "ev_converted": ("arkivet delat", "store shared"),
    "ev_saved": ("sparat vid synk", "saved at sync"),
    "ev_merged": ("sammanfogat", "merged"),
    "ev_renumbered": ("omnumrerat", "renumbered"),
    "ev_kept_copy": ("konfliktkopia vald", "conflict copy chosen"),
    "ev_dropped_copy": ("konfliktkopia borttagen", "conflict copy removed"),
    "c_tasks": ("alla uppdrag, med den § de kom från", "every task, with the § it came from"),
    "tasks_open": ("bara uppdrag som inte är klara", "only tasks not done"),
    "c_decisions": ("beslutsregistret", "the decision register"),
    "decisions_organ": ("ett organ, med id eller namn", "one organ, by id or name"),
    "decisions_year": ("ett år", "one year"),
    "arg_jsonl": (
        "ett JSON-objekt per rad, skrivna medan raderna läses",
        "one JSON object a line, written as the rows are read",
    ),
    "arg_limit_rows": ("högst N rader (0: alla)", "at most N rows (0: all)"),
    "rows_shown": (
        "de {shown} första visas; --limit 0 visar alla",
        "the first {shown} shown; --limit 0 shows all",
    ),
    "c_search": ("sök i alla möten", "search every meeting"),
    "search_query": (
        'ord (eller början av ord), eller "en fras"',
        'words (beginnings of words), or "a phrase"',
    ),
    "search_fold": ('låt a passa "å" och "ä", o passa "ö"', 'let a match "å" and "ä", o match "ö"'),
    "search_limit": (
        "högst N träffar, nyaste först (standard: {n} som text, alla som JSON; 0: alla)",
        "at most N hits, newest first (default: {n} as text, all as JSON; 0: all)",
    ),
    "c_import": (
        "protokoll som vanlig text eller Markdown, eller möten exporterade som JSON",
        "protocols as plain text or Markdown, or meetings exported as JSON",
    ),
    "import_files": ("filerna som ska läsas in", "the files to import"),
    "import_max_size": (
        "största fil att importera, i MB (20 om inget anges)",
        "the largest file to import, in MB (20 unless given)",
    ),
    "import_max_line": (
        "längsta rad att importera, i tecken (100 000 om inget anges)",
        "the longest line to import, in characters (100,000 unless given)",
    ),
    "import_max_depth": (
        "djupaste nästling i ett JSON-dokument (64 om inget anges)",
        "the deepest nesting in a JSON document (64 unless given)",
    ),
    "import_dry_run": (
        "visa vad som skulle skapas; skriv inget",
        "show what would be created; write nothing",
    ),
    "c_organ": (
        "organ och deras ledamotslistor: list, show, edit",
        "organs and their rosters: list, show, edit",
    ),
    "c_organ_list": (
        "alla organ, med ledamöterna som sitter nu",
        "every organ, with its members in term",
    ),
    "c_organ_show": (
        "ett organs inställningar och ledamotslista",
        "an organ's settings and roster",
    ),
    "c_organ_edit": (
        "ändra ett organs inställningar eller ledamotslista (allt eller inget)",
        "change an organ's settings or roster (all or nothing)",
    ),
    "arg_organ": (
        "ett id eller en entydig början av namnet",
        "an id or a unique beginning of its name",
    ),
    "arg_organ_show_roster": (
        "bara ledamotslistan, som rader som `edit --roster` läser",
        "only the roster, as lines `edit --roster` reads",
    ),
    "arg_organ_name": ("organets namn", "the organ's name"),
    "arg_organ_organisation": ("organisationen det hör till", "the organisation it belongs to"),
    "arg_organ_profile": (
        "inställningar, stående dagordning och numrering från en mall (none: behåll dem)",
        "settings, standing agenda and numbering from a profile (none: keep them)",
    ),
    "arg_organ_numbering": ("hur §§ numreras", "how §s are numbered"),
    "arg_organ_place": (
        "var det sammanträder (förval för nästa möte)",
        "where it meets (the next meeting's default)",
    ),
    "arg_organ_decision": (
        "vad ett beslut börjar med, t.ex. 'Arbetsutskottet föreslår styrelsen besluta att'",
        "what a decision begins with, e.g. 'The committee proposes that the board decide to'",
    ),
    "arg_organ_agenda": (
        "den stående dagordningen, en punkt per rad",
        "the standing agenda, one item a line",
    ),
    "arg_organ_roster": (
        "hela ledamotslistan, en person per rad (- för stdin); kända namn behåller sina id",
        "the whole roster, one person a line (- for stdin); known names keep their ids",
    ),
    "arg_organ_add_member": (
        'en ny ledamot: "Lena Forsberg (S), Åby kommun, ordförande"',
        'a new member: "Lena Forsberg (S), Åby kommun, ordförande"',
    ),
    "arg_organ_since": ("de nya ledamöternas första dag", "the new members' first day"),
    "arg_organ_edit_member": (
        "skriv om en ledamot som en rad i listan (stavning, parti, titel); id:t består",
        "rewrite a member as a roster line (spelling, party, title); the id stays",
    ),
    "arg_organ_retire": ("en ledamot som slutar", "a member who leaves"),
    "arg_organ_until": ("de avgående ledamöternas sista dag", "the retiring members' last day"),
    # the meeting's verbs (tui.cli_verbs)
    "c_add": ("en ny § sist i ett pågående möte", "a new § at the end of a meeting in progress"),
    "c_rename": (
        "en ny rubrik för en §; punkten på dagordningen följer med",
        "a new title for a §; its agenda item follows",
    ),
    "c_delete": (
        "ta bort en § (protokoll undo tar tillbaka den)",
        "delete a § (protokoll undo brings it back)",
    ),
    "c_decide": ("för in ett beslut i en §", "record a decision in a §"),
    "decide_lead": (
        "t.ex. 'Arbetsutskottet föreslår styrelsen besluta att'",
        "e.g. 'Arbetsutskottet föreslår styrelsen besluta att'",
    ),
    "c_assign": ("för in ett uppdrag i en §", "record a task in a §"),
    "assign_owner": (
        "ett namn ur närvarolistan, eller vem som helst",
        "a name from the attendance, or anyone's",
    ),
    "assign_due": (
        "ett datum, skrivet på något sätt programmet läser",
        "a date, in any form the program reads",
    ),
    "c_attend": (
        "vilka som är närvarande under hela mötet",
        "who is present for the whole meeting",
    ),
    "attend_absent": ("inte närvarande ändå", "not present after all"),
    "c_function": (
        "ordförande, sekreterare eller justerare: på, eller av igen",
        "chair, secretary or adjuster: on, or off again",
    ),
    "c_signs_as": (
        "vad den som skriver under skriver under som, t.ex. 'Förbundschef'; '' för standard",
        "what a signer signs as, e.g. 'Förbundschef'; '' for the default",
    ),
    "signs_as_name": (
        "ett namn ur närvarolistan, eller en entydig början av ett",
        "a name from the attendance, or a unique start of one",
    ),
    "c_undo": (
        "ta tillbaka den senaste ändringen av ett möte (även programmets ångra)",
        "take back the latest change to a meeting (the application's undo too)",
    ),
    "c_redo": ("gör om den senast ångrade ändringen", "make again the latest change undone"),
}
