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
    "by_takes_all": (
        "--by tar alla namn efter sig, så skriv mötet före --by",
        "--by takes every name after it, so give the meeting before --by",
    ),
    "see_help": ("{message} (se {prog} --help)", "{message} (see {prog} --help)"),
    "width_number": (
        "bredden ska vara ett heltal, inte {text}",
        "width must be a whole number, not {text}",
    ),
    "width_range": ("bredden ska vara mellan 30 och 500", "width must be between 30 and 500"),
    "whole_number": (
        "ska vara ett heltal, inte {text}",
        "must be a whole number, not {text}",
    ),
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
    "did_mask": (
        "{meeting}: § {paragraph} maskeras i publiceringsversionen ({reason})",
        "{meeting}: § {paragraph} masked in the publication copy ({reason})",
    ),
    "did_unmask": (
        "{meeting}: § {paragraph} visas igen i publiceringsversionen",
        "{meeting}: § {paragraph} shown again in the publication copy",
    ),
    "did_correct": (
        "{meeting}: rättelse {date} införd i det justerade protokollet{where}",
        "{meeting}: correction of {date} added to the adjusted minutes{where}",
    ),
    "did_correct_where": (" (§ {paragraph})", " (§ {paragraph})"),
    "follow_waiting": (
        "protokoll: inget möte pågår i {path} än; väntar på att ett börjar (Ctrl+C avbryter)",
        "protokoll: no meeting is in progress in {path} yet; waiting for one to begin "
        "(Ctrl+C stops)",
    ),
    "close_needs_end": (
        "ange när mötet slutade: --end 15.30",
        "give when the meeting ended: --end 15.30",
    ),
    "import_summary": (
        "protokoll: {done} av {n} filer importerades",
        "protokoll: {done} of {n} files imported",
    ),
    "import_summary_dry": (
        "protokoll: {done} av {n} filer skulle importeras",
        "protokoll: {done} of {n} files would be imported",
    ),
    "import_summary_existing": ("{n} fanns redan", "{n} already in the store"),
    "import_summary_failed": ("{n} inte (se ovan)", "{n} not (see above)"),
    "did_post": (
        "{meeting}: anslaget {date} infört",
        "{meeting}: posted (anslag) on {date} recorded",
    ),
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
    "present": ("{n} närvarande", "{n} present"),
    "decisions": ("{n} beslut", "{n} decisions"),
    "status_draft": ("utkast", "draft"),
    "status_open": ("pågår", "open"),
    "status_closed": ("avslutat", "closed"),
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
        "ogiltigt värde: %(value)r",
        "invalid value: %(value)r",
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
        "språket för meddelandena, hjälpen och protokoll som inte är justerade (ett justerat "
        "skrivs som det justerades) (standard: {env}, annars sv)",
        "language of the messages, this help and protocols not adjusted (an adjusted one "
        "prints as it was adjusted) (default: {env}, else sv)",
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
    "mv_place": ("plats", "place"),
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
    "not_a_format": (
        "{suffix} är inget format protokoll skriver ({formats}); inget skrevs. Vill du ha "
        "texten i den filen: --format text",
        "{suffix} is no format protokoll writes ({formats}); nothing was written. For the text "
        "in that file: --format text",
    ),
    "arg_as_adjusted": (
        "den text som justerades, som den sparades vid justeringen (bara text)",
        "the text that was adjusted, as kept at the adjustment (text only)",
    ),
    "as_adjusted_text_only": (
        "--as-adjusted ger den justerade texten och bara som text (--format txt)",
        "--as-adjusted gives the adjusted text, and only as text (--format txt)",
    ),
    "adjusted_in_its_language": (
        "protokollet är justerat och skrivs med de ord det justerades med (svenska)",
        "the protocol is adjusted and is printed in the words it was adjusted in (Swedish)",
    ),
    # sign-off with SSH keys (tui/cli_sign.py)
    "c_sign": (
        "signera det justerade protokollet med en SSH-nyckel",
        "sign the adjusted protocol with an SSH key",
    ),
    "sign_key": (
        "den egna privata nyckeln (ssh-keygen -Y sign, namnrymd protokoll)",
        "your own private key (ssh-keygen -Y sign, namespace protokoll)",
    ),
    "sign_add": (
        "lägg till signaturer (.sig) gjorda på annat håll",
        "add signatures (.sig) made elsewhere",
    ),
    "sign_text": (
        "skriv ut exakt den text som signeras (för ssh-keygen -Y sign på egen dator)",
        "print exactly the text that is signed (for ssh-keygen -Y sign on one's own machine)",
    ),
    "sign_date": (
        "före justeringen: texten som den blir justerad detta datum (för adjust --signature)",
        "before adjustment: the text as it will be adjusted on this date (for adjust --signature)",
    ),
    "sign_needs_date": (
        "{meeting} är inte justerat: ange --date, den dag det ska justeras",
        "{meeting} is not adjusted: give --date, the day it is to be adjusted",
    ),
    "adjust_sig": (
        "en SSH-signatur (.sig) över texten som den justeras; kan upprepas",
        "an SSH signature (.sig) over the text as adjusted; may be repeated",
    ),
    "c_signers": (
        "vilka SSH-nycklar som får signera organets protokoll",
        "which SSH keys may sign the organ's protocols",
    ),
    "signers_do": (
        "list (standard), add NAMN NYCKEL.pub eller remove NAMN",
        "list (default), add NAME KEY.pub or remove NAME",
    ),
    "signers_key": ("den publika nyckeln (.pub)", "the public key (.pub)"),
    "signers_name": (
        "signerarens namn, som det ska stå i protokollet",
        "the signer's name, as the protocol is to show it",
    ),
    "signers_add_usage": (
        "signers ORGAN add behöver NAMN och NYCKEL.pub",
        "signers ORGAN add needs NAME and KEY.pub",
    ),
    "signers_remove_usage": (
        "signers ORGAN remove behöver bara NAMN",
        "signers ORGAN remove needs NAME only",
    ),
    "signer_added": (
        "{name} får signera protokollen för {organ} med nyckeln {fingerprint}",
        "{name} may sign the protocols of {organ} with the key {fingerprint}",
    ),
    "signer_removed": (
        "{name} får inte längre signera protokollen för {organ}",
        "{name} may no longer sign the protocols of {organ}",
    ),
    "end_after_now": (
        "sluttiden {end} är senare än klockan nu ({now}); stämmer den inte: "
        "protokoll reopen, sedan close --end",
        "the end {end} is later than the time now ({now}); if it is wrong: "
        "protokoll reopen, then close --end",
    ),
    "serve_stopping": (
        "Stoppar: de öppna sidorna släpps inom två sekunder",
        "Stopping: the open pages are let go within two seconds",
    ),
    "verify_but": (
        "texten stämmer med sin sparade SHA-256 ({sha}), men:",
        "the text matches its stored SHA-256 ({sha}), but:",
    ),
    "verify_signatures_wrong": (
        "{n} av {of} signaturer gäller inte (se nedan).",
        "{n} of {of} signatures do not hold (see below).",
    ),
    "verify_copy_changed": (
        "den sparade kopian av den justerade texten, {path}, har ändrats.",
        "the kept copy of the adjusted text, {path}, has changed.",
    ),
    "signature_ok": (
        "ok signerat av {name} ({fingerprint})",
        "ok signed by {name} ({fingerprint})",
    ),
    "signature_unknown": (
        "FEL: {name} ({fingerprint}) finns inte bland organets godkända signerare",
        "WRONG: {name} ({fingerprint}) is not among the organ's allowed signers",
    ),
    "signature_bad": (
        "FEL: signaturen av {name} ({fingerprint}) gäller inte texten som den är nu",
        "WRONG: the signature by {name} ({fingerprint}) is not over the text as it is now",
    ),
    "pdf_needs_output": (
        "en PDF skrivs till en fil: ange -o FIL",
        "a PDF is written to a file: give -o FILE",
    ),
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
    "arg_format_md": (
        "text, Markdown eller PDF (standard: det som -o-filens ändelse säger, annars text)",
        "text, Markdown or PDF (default: what the -o file's ending says, else text)",
    ),
    "arg_format": (
        "text, Markdown, JSON eller PDF (standard: det som -o-filens ändelse säger, "
        "annars text; PDF kräver -o)",
        "text, Markdown, JSON or PDF (default: what the -o file's ending says, else text; "
        "PDF needs -o)",
    ),
    "arg_paragraph": ("§-numret", "the § number"),
    "arg_paragraphs": ("§-nummer: 12, §12, 12-14", "§ numbers: 12, §12, 12-14"),
    "c_list": ("möten, nyaste först", "meetings, newest first"),
    "c_show": ("ett protokoll som text på stdout", "a protocol as text on stdout"),
    "c_export": (
        "ett protokoll som text, Markdown, JSON eller PDF",
        "a protocol as text, Markdown, JSON or PDF",
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
    "close_end": (
        "när mötet slutade (ett möte som öppnats igen: den tid det har)",
        "when the meeting ended (a reopened meeting: the time it has)",
    ),
    "c_follow": (
        "läs med i ett möte medan det skrivs, i en egen terminal (skrivskyddat)",
        "read along in a meeting as it is written, in a terminal of its own (read-only)",
    ),
    "arg_meeting_live": (
        "ett id eller en början av ett; utan: mötet som pågår, och nästa när det avslutas",
        "an id or a unique prefix of one; none: the meeting in progress, and the next "
        "once it is closed",
    ),
    "arg_publish_live": (
        "publiceringsversionen: en maskerad § bara med nummer och skäl "
        "(för en skärm som allmänheten ser)",
        "the publication copy: a masked § by number and reason only "
        "(for a screen the public sees)",
    ),
    "c_serve": (
        "visa ett möte medan det skrivs som webbsida, för projektor eller skärmdelning",
        "show a meeting as it is written as a web page, for a projector or a shared screen",
    ),
    "serve_address": (
        "adressen att lyssna på, VÄRD:PORT (standard 127.0.0.1:8765; 0.0.0.0:8765 nås från "
        "andra datorer)",
        "the address to listen on, HOST:PORT (default 127.0.0.1:8765; 0.0.0.0:8765 is "
        "reachable from other computers)",
    ),
    "serve_bad_address": (
        "{text} är ingen adress; skriv VÄRD:PORT, t.ex. 127.0.0.1:8765",
        "{text} is not an address; write HOST:PORT, e.g. 127.0.0.1:8765",
    ),
    "serve_url": ("Protokollet visas på {url}", "The protocol is shown at {url}"),
    "serve_stop": (
        "Adressen innehåller en åtkomstnyckel: dela den bara med dem som ska läsa. "
        "Ctrl+C stoppar.",
        "The address holds an access key: share it only with those who are to read. "
        "Ctrl+C stops.",
    ),
    "serve_live": ("direkt", "live"),
    "serve_lost": ("förbindelsen bröts, försöker igen", "connection lost, trying again"),
    "c_reopen": (
        "öppna ett avslutat möte igen för rättningar före justeringen",
        "reopen a closed meeting for corrections before adjustment",
    ),
    "c_post": ("för in när justeringen anslogs", "record when an adjustment was posted"),
    "post_date": ("dagen för anslaget", "the day of the anslag"),
    "post_immediate": (
        "anslaget av de paragrafer som justerades omedelbart vid mötet, inte protokollets",
        "the notice of the paragraphs adjusted at once at the meeting, not the protocol's",
    ),
    "post_replace": (
        "ersätt ett anslagsdatum som redan är infört (överklagandetiden räknas om)",
        "replace a notice date already recorded (the appeal's time is counted again)",
    ),
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
    "sync_received": (
        "möten som kom in eller ändrades: {count}",
        "meetings that came in or changed: {count}",
    ),
    "sync_adjusted_twice": (
        "{meeting} justerades på två datorer med olika text: justeringen av {kept} "
        "behölls, den av {other} finns i {copy}. Ett protokoll justeras en gång: reda ut "
        "vilken som gäller innan det anslås (protokoll sync --keep {copy} gör den till mötet)",
        "{meeting} was adjusted on two computers with different texts: the adjustment by "
        "{kept} was kept, the one by {other} is in {copy}. A protocol is adjusted once: "
        "settle which one stands before it is posted (protokoll sync --keep {copy} makes it "
        "the meeting)",
    ),
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
    "log_limit": ("högst så många, de senaste", "at most this many, the latest"),
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
    "rows_shown_one": (
        "den första visas; --limit 0 visar alla",  # not "de 1 första" (a trial)
        "the first shown; --limit 0 shows all",
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
        "protokoll som text, Markdown, .docx, PDF eller webbsida, eller möten "
        "exporterade som JSON",
        "protocols as text, Markdown, Word (.docx), PDF or web page, or meetings exported as JSON",
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
    "import_organ": (
        "organet för filer som inte anger något (annars står de utan organ, under 'Okänt organ')",
        "the organ of files that name none (otherwise they have none, listed under "
        "'Okänt organ')",
    ),
    "import_explain": (
        "visa källan rad för rad bredvid vad varje rad blev, gissningar markerade med ?; "
        "skriv inget",
        "show the source line by line beside what each line became, guesses marked with ?; "
        "write nothing",
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
    "c_reassign": (
        "ändra ett uppdrag i en §: text, ansvarig eller datum",
        "change a task in a §: its text, owner or due date",
    ),
    "arg_task_number": (
        "vilket av §:ens uppdrag, räknat från 1 (1 om utelämnat)",
        "which of the §'s tasks, counting from 1 (1 if left out)",
    ),
    "reassign_text": ("ny text för uppdraget", "new words for the task"),
    "reassign_owner": (
        'ny ansvarig: ett namn ur närvarolistan, eller vem som helst ("" för ingen)',
        'the new owner: a name from the attendance, or anyone\'s ("" for none)',
    ),
    "reassign_due": (
        'nytt datum, skrivet på något sätt programmet läser ("" för inget)',
        'the new due date, in any form the program reads ("" for none)',
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
    "c_details": (
        "rätta mötets datum, starttid eller plats (§§ numreras om efter datumet)",
        "put right the meeting's date, start or place (§§ renumbered by the date)",
    ),
    "details_date": ("mötets rätta datum", "the meeting's right date"),
    "details_start": ("när mötet började; '' för ingen tid", "when the meeting began; '' for none"),
    "details_place": ("var mötet hölls", "where the meeting was held"),
    "c_undo": (
        "ta tillbaka den senaste ändringen av ett möte (även programmets ångra)",
        "take back the latest change to a meeting (the application's undo too)",
    ),
    "c_redo": ("gör om den senast ångrade ändringen", "make again the latest change undone"),
    "undo_yes": (
        "ångra utan att fråga, även när det öppnar ett avslutat möte igen "
        "(behövs utan terminal, där ingen kan svara)",
        "undo without asking, also when it opens a closed meeting again "
        "(needed without a terminal, where nobody can answer)",
    ),
    "undo_reopens_question": (
        "{meeting}: att ångra avslutningen öppnar mötet för ändringar igen. Ångra? [j/N]",
        "{meeting}: undoing the close opens the meeting for changes again. Undo? [y/N]",
    ),
    "undo_reopens_needs_yes": (
        "{meeting}: att ångra avslutningen öppnar mötet för ändringar igen; "
        "ange --yes för att göra det utan fråga",
        "{meeting}: undoing the close opens the meeting for changes again; "
        "give --yes to do it without being asked",
    ),
    "undo_declined": (
        "{meeting}: inget ångrat; mötet är fortfarande avslutat",
        "{meeting}: nothing undone; the meeting is still closed",
    ),
    # help for the verbs' arguments (tui.cli_verbs)
    "arg_title": ("paragrafens rubrik", "the §'s title"),
    "arg_decision_text": ("beslutet, som det ska stå i protokollet", "the decision, as it reads"),
    "arg_task_text": ("uppdraget, som det ska stå i protokollet", "the task, as it reads"),
    "arg_attend_names": (
        "namn ur närvarolistan, eller entydiga början av dem",
        "names from the attendance, or unique starts of them",
    ),
    "arg_function_name": (
        "ett namn ur närvarolistan, eller en entydig början av ett",
        "a name from the attendance, or a unique start of one",
    ),
    "arg_function_which": (
        "funktionen: ordförande, sekreterare eller justerare",
        "the function: chair, secretary or adjuster",
    ),
    "function_words": ("ordförande, sekreterare eller justerare", "chair, secretary or adjuster"),
    "not_a_function": (
        "{text} är ingen funktion; välj {choices}",
        "{text} is no function; choose {choices}",
    ),
    "arg_signs_as_title": (
        "titeln under namnet, t.ex. 'Förbundschef'; '' för standard",
        "the title under the name, e.g. 'Förbundschef'; '' for the default",
    ),
    # --- --version, completion, the manual ----------------------------------------
    "opt_version": ("visa programmets version och avsluta", "show the program's version and exit"),
    "c_completion": (
        "skriv skriptet som kompletterar kommandon, flaggor och mötes-id med Tab",
        "print the script that completes commands, options and meeting ids on Tab",
    ),
    "arg_shell": ("skalet: bash, zsh eller fish", "the shell: bash, zsh or fish"),
    "c_manual": (
        "skriv manualsidan (roff) på stdout, på språket som --lang väljer",
        "print the manual page (roff) on stdout, in the language --lang chooses",
    ),
    # --- --json ------------------------------------------------------------------
    "show_json": (
        "mötet som data (JSON), i samma form som export --format json",
        "the meeting as data (JSON), in the form export --format json writes",
    ),
    "check_json": (
        "datumen och vad kontrollerna fann, som ett JSON-objekt",
        "the dates and what the checks found, as a JSON object",
    ),
    "verify_json": (
        "utfallet, de två SHA-256 och ändringarna, som ett JSON-objekt",
        "the outcome, both SHA-256 and the changes, as a JSON object",
    ),
    "import_json": (
        "vad varje fil gav (eller skulle ge), som en JSON-lista",
        "what each file made (or would make), as a JSON array",
    ),
    "show_explain": (
        "för ett importerat möte: varje rad i källan bredvid vad den blev, och vad som"
        " gissades (som import --explain, utan filen)",
        "for an imported meeting: each line of its source beside what it became, and what"
        " was guessed (as import --explain, without the file)",
    ),
    "explain_alone": (
        "--explain visar källan rad för rad; det går inte ihop med --json eller --publish",
        "--explain shows the source line by line; it does not go with --json or --publish",
    ),
    "json_publish": (
        "--publish gäller texten; --json ger hela mötet",
        "--publish is for the text; --json gives the whole meeting",
    ),
    # --- verify: what changed since the adjustment ------------------------------------
    "diff_adjusted": ("justerat {date}", "adjusted {date}"),
    "diff_now": ("nu", "now"),
    "no_adjusted_copy": (
        "ingen kopia av den justerade texten finns (justerat med en äldre version), "
        "så ändringarna kan inte visas; bara kontrollsummorna skiljer sig",
        "no copy of the adjusted text is kept (adjusted by an earlier version), "
        "so the changes cannot be shown; only the checksums differ",
    ),
    "no_adjusted_copy_imported": (
        "ingen kopia av den justerade texten finns (importerad som justerad av en äldre "
        "version, som inte sparade någon), så ändringarna kan inte visas; "
        "bara kontrollsummorna skiljer sig",
        "no copy of the adjusted text is kept (imported as adjusted by an earlier version, "
        "which kept none), so the changes cannot be shown; only the checksums differ",
    ),
    "adjusted_copy_missing": (
        "kopian av den justerade texten som sparades vid justeringen saknas i lagrets "
        "mapp adjusted/, så ändringarna kan inte visas; bara kontrollsummorna skiljer sig",
        "the copy of the adjusted text kept at the adjustment is missing from the store's "
        "folder adjusted/, so the changes cannot be shown; only the checksums differ",
    ),
    "adjusted_copy_changed": (
        "kopian av den justerade texten stämmer inte heller med sin SHA-256; "
        "ändringarna kan inte visas",
        "the kept copy of the adjusted text does not match its SHA-256 either; "
        "the changes cannot be shown",
    ),
    # --- the manual page (protokoll manual) -------------------------------------------
    "man_section": ("Användarkommandon", "User Commands"),
    "man_name": ("NAMN", "NAME"),
    "man_synopsis": ("SYNOPSIS", "SYNOPSIS"),
    "man_description": ("BESKRIVNING", "DESCRIPTION"),
    "man_options": ("FLAGGOR", "OPTIONS"),
    "man_commands": ("KOMMANDON", "COMMANDS"),
    "man_environment": ("MILJÖ", "ENVIRONMENT"),
    "man_exit": ("SLUTSTATUS", "EXIT STATUS"),
    "man_files": ("FILER", "FILES"),
    "man_files_store": (
        "arkivet när varken --store eller PROTOKOLL_STORE anges",
        "the store when neither --store nor PROTOKOLL_STORE is given",
    ),
    "man_files_meetings": (
        "en fil per möte: själva protokollet, det som säkerhetskopieras",
        "one file per meeting: the record itself, what to back up",
    ),
    "man_files_adjusted": (
        "den justerade texten av varje justerat protokoll, som verify jämför med",
        "the adjusted text of each adjusted protocol, which verify compares with",
    ),
    "man_files_catalogue": ("organen och deras ledamöter", "the organs and their rosters"),
    "man_files_derived": (
        "härlett ur mötesfilerna (listor, sökning); kan tas bort, görs om",
        "derived from the meeting files (listings, search); may be removed, is made again",
    ),
    "man_files_drafts": (
        "det som skrivits i en öppen dialog, tills det sparas",
        "what was typed in an open dialog, until it is saved",
    ),
    "man_files_crash": (
        "en rapport om ett oväntat fel",
        "a report of an unexpected error",
    ),
    "man_see_also": ("SE ÄVEN", "SEE ALSO"),
    "man_synopsis_app": ("öppna programmet", "open the application"),
    "man_synopsis_command": ("kör ett kommando", "run a command"),
    "man_about": (
        "protokoll är ett terminalprogram för sekreteraren i en styrelse eller nämnd: "
        "protokollet förs under mötet, lokalt eller över SSH, justeras, anslås och "
        "exporteras. Utan kommando öppnas programmet; med ett kommando görs en sak, "
        "för skript. Fel skrivs som en rad på stderr.",
        "protokoll is a terminal application for the secretary of a board or committee: "
        "the minutes are taken during the meeting, locally or over SSH, adjusted, posted "
        "and exported. Without a command it opens the application; with one it does one "
        "thing, for scripts. Errors are one line on stderr.",
    ),
    "man_env_store": (
        "arkivets katalog när --store inte anges",
        "the store directory when --store is not given",
    ),
    "man_env_lang": (
        "språket (sv eller en, också en locale som en_GB.UTF-8) när --lang inte anges",
        "the language (sv or en, also a locale such as en_GB.UTF-8) when --lang is not given",
    ),
    "man_exit_0": ("klart", "done"),
    "man_exit_1": (
        "ett fel; för search: inga träffar",
        "an error; for search: no hits",
    ),
    "man_exit_2": (
        "fel i kommandoraden; för search: ett fel",
        "a usage error; for search: an error",
    ),
    "man_exit_3": (
        "check fann fel, eller verify fann ett ändrat protokoll",
        "check found something wrong, or verify found a changed protocol",
    ),
    "man_exit_70": ("ett internt fel (en bugg)", "an internal error (a bug)"),
    "man_exit_130": ("avbrutet med Ctrl-C", "interrupted with Ctrl-C"),
    # --- the examples at the end of each command's --help ---------------------------
    "examples": ("exempel:", "examples:"),
    "ex_protokoll": (
        "protokoll --store ~/protokoll/styrelsen\nprotokoll list --year 2025",
        "protokoll --lang en\nprotokoll list --year 2025",
    ),
    "ex_list": (
        "protokoll list --organ Arbetsutskottet --year 2025\nprotokoll list --json",
        "protokoll list --organ Arbetsutskottet --year 2025\nprotokoll list --json",
    ),
    "ex_show": (
        "protokoll show 20250213-au\nprotokoll show 20250213 --width 100 --publish",
        "protokoll show 20250213-au --lang en\nprotokoll show 20250213 --json",
    ),
    "ex_export": (
        "protokoll export 20250213-au --format pdf -o au-2025-02-13.pdf\n"
        "protokoll export 20250213-au --publish -o anslag-au-2025-02-13.txt",
        "protokoll export 20250213-au --format md -o au-2025-02-13.md\n"
        "protokoll export 20250213-au --format json -o au-2025-02-13.json",
    ),
    "ex_extract": (
        "protokoll extract 20250213-au 2 4-5 -o utdrag.txt\n"
        "protokoll extract 20251120-sn 134 --immediate",
        "protokoll extract 20250213-au 2 4-5 -o extract.txt\n"
        "protokoll extract 20251120-sn 134 --immediate",
    ),
    "ex_mask": (
        'protokoll mask 20250213-au 5 "sekretess enligt OSL 26 kap."\n'
        "protokoll mask 20250213-au 5 --clear",
        'protokoll mask 20250213-au 5 "sekretess"\nprotokoll mask 20250213-au 5 --clear',
    ),
    "ex_check": (
        "protokoll check 20250213-au\nprotokoll check 20250213-au --json",
        "protokoll check 20250213-au\nprotokoll check 20250213-au --json",
    ),
    "ex_adjust": (
        "protokoll adjust 20250605-au --date 2025-06-12\n"
        'protokoll adjust 20250605-au --date 2025-06-12 --by "Karin Lindqvist" "Johan Ek" '
        "--posted 2025-06-13",
        "protokoll adjust 20250605-au --date 2025-06-12\n"
        'protokoll adjust 20250605-au --date 2025-06-12 --by "Karin Lindqvist" "Johan Ek" '
        "--posted 2025-06-13",
    ),
    "ex_close": (
        "protokoll close 20250605-au --end 11:45",
        "protokoll close 20250605-au --end 11:45",
    ),
    "ex_reopen": ("protokoll reopen 20250605-au", "protokoll reopen 20250605-au"),
    "ex_post": (
        "protokoll post 20250213-au --date 2025-02-21",
        "protokoll post 20250213-au --date 2025-02-21",
    ),
    "ex_correct": (
        "protokoll correct 20250213-au --date 2025-03-01 --paragraph 5 "
        '--text "Beloppet ska vara 12 000 kr" --by "Eva Holm"',
        "protokoll correct 20250213-au --date 2025-03-01 --paragraph 5 "
        '--text "Beloppet ska vara 12 000 kr" --by "Eva Holm"',
    ),
    "ex_sign": (
        "protokoll sign 20250213-au --key ~/.ssh/id_ed25519\n"
        "protokoll sign 20250213-au --add johan.sig",
        "protokoll sign 20250213-au --key ~/.ssh/id_ed25519\n"
        "protokoll sign 20250213-au --text -o au-2025-02-13.txt",
    ),
    "ex_signers": (
        'protokoll signers au-norra add "Karin Lindqvist" karin.pub\nprotokoll signers au-norra',
        'protokoll signers au-norra add "Karin Lindqvist" karin.pub\n'
        'protokoll signers au-norra remove "Karin Lindqvist"',
    ),
    "ex_verify": (
        "protokoll verify 20250213-au\nprotokoll verify 20250213-au --json",
        "protokoll verify 20250213-au\nprotokoll verify 20250213-au --json",
    ),
    "ex_sync": (
        "protokoll sync arkiv.kommun.se:/srv/protokoll.git\nprotokoll sync",
        "protokoll sync archive.example.org:/srv/protokoll.git\nprotokoll sync",
    ),
    "ex_log": (
        "protokoll log 20250213-au\nprotokoll log --limit 20",
        "protokoll log 20250213-au\nprotokoll log --limit 20",
    ),
    "ex_follow": (
        "protokoll follow\nprotokoll follow 20250213-au",
        "protokoll follow\nprotokoll follow 20250213-au",
    ),
    "ex_serve": (
        "protokoll serve\nprotokoll serve 20250213-au --address 0.0.0.0:8765",
        "protokoll serve\nprotokoll serve 20250213-au --address 0.0.0.0:8765",
    ),
    "ex_tasks": (
        "protokoll tasks --open\nprotokoll tasks --organ Arbetsutskottet --year 2025 --jsonl",
        "protokoll tasks --open\nprotokoll tasks --organ Arbetsutskottet --year 2025 --jsonl",
    ),
    "ex_decisions": (
        "protokoll decisions --organ Arbetsutskottet --year 2025\n"
        "protokoll decisions --json > beslut.json",
        "protokoll decisions --organ Arbetsutskottet --year 2025\n"
        "protokoll decisions --json > register.json",
    ),
    "ex_search": (
        'protokoll search budget\nprotokoll search --fold "ansokan och tillstyrker" --limit 0',
        'protokoll search budget\nprotokoll search --fold "ansokan och tillstyrker" --limit 0',
    ),
    "ex_import": (
        "protokoll import --dry-run gamla/*.txt\nprotokoll import 2019-05-12.md 2019-06-02.md",
        "protokoll import --dry-run --json old/*.txt\nprotokoll import 2019-05-12.md",
    ),
    "ex_organ": (
        "protokoll organ list\nprotokoll organ show au --roster",
        "protokoll organ list\nprotokoll organ show au --roster",
    ),
    "ex_organ_list": ("protokoll organ list", "protokoll organ list"),
    "ex_organ_show": (
        "protokoll organ show au\nprotokoll organ show Arbets --roster > ledamoter.txt",
        "protokoll organ show au\nprotokoll organ show au --roster > roster.txt",
    ),
    "ex_organ_edit": (
        "protokoll organ edit au --place Stadshuset --numbering year\n"
        'protokoll organ edit au --retire "Johan Ek" --until 2025-12-31',
        "protokoll organ edit au --roster roster.txt\n"
        'protokoll organ edit au --retire "Johan Ek" --until 2025-12-31',
    ),
    "ex_add": (
        'protokoll add 20250605-au "Övriga frågor"',
        'protokoll add 20250605-au "Övriga frågor"',
    ),
    "ex_rename": (
        'protokoll rename 20250605-au 19 "Budget 2026, andra utkastet"',
        'protokoll rename 20250605-au 19 "Budget 2026, andra utkastet"',
    ),
    "ex_delete": (
        "protokoll delete 20250605-au 20\nprotokoll undo 20250605-au",
        "protokoll delete 20250605-au 20\nprotokoll undo 20250605-au",
    ),
    "ex_decide": (
        'protokoll decide 20250605-au 19 "att skicka utkastet till förbundsstyrelsen"',
        'protokoll decide 20250605-au 19 "att skicka utkastet till förbundsstyrelsen"',
    ),
    "ex_assign": (
        'protokoll assign 20250605-au 19 "Ta fram tidplan" --owner "Elin Strand" --due 2025-09-01',
        'protokoll assign 20250605-au 19 "Ta fram tidplan" --owner "Elin Strand" --due 2025-09-01',
    ),
    "ex_reassign": (
        'protokoll reassign 20250605-au 19 --owner "Elin Strand" --due "15 september 2025"\n'
        'protokoll reassign 20250605-au 19 1 --text "Ta fram två alternativ" --due ""',
        'protokoll reassign 20250605-au 19 --owner "Elin Strand" --due "15 september 2025"\n'
        'protokoll reassign 20250605-au 19 1 --text "Ta fram två alternativ" --due ""',
    ),
    "ex_attend": (
        'protokoll attend 20250605-au "Karin Lindqvist" "Johan Ek"\n'
        'protokoll attend 20250605-au "Lars Wiklund" --absent',
        'protokoll attend 20250605-au "Karin Lindqvist" "Johan Ek"\n'
        'protokoll attend 20250605-au "Lars Wiklund" --absent',
    ),
    "ex_function": (
        'protokoll function 20250605-au "Per-Olof Nyström" chair\n'
        'protokoll function 20250605-au "Amira Haddad" adjuster',
        'protokoll function 20250605-au "Per-Olof Nyström" chair\n'
        'protokoll function 20250605-au "Amira Haddad" adjuster',
    ),
    "ex_signs_as": (
        "protokoll signs-as 20250605-au \"Maria Öberg\" 'Förbundschef'\n"
        "protokoll signs-as 20250605-au \"Maria Öberg\" ''",
        "protokoll signs-as 20250605-au \"Maria Öberg\" 'Förbundschef'\n"
        "protokoll signs-as 20250605-au \"Maria Öberg\" ''",
    ),
    "ex_details": (
        "protokoll details 20250605-au --date 2025-06-04\n"
        "protokoll details 20250605-au --start 9.15 --place 'Kommunhuset, sal B'",
        "protokoll details 20250605-au --date 2025-06-04\n"
        "protokoll details 20250605-au --start 9.15 --place 'Kommunhuset, sal B'",
    ),
    "ex_undo": (
        "protokoll undo 20250605-au\nprotokoll undo 20250605-au --yes",
        "protokoll undo 20250605-au\nprotokoll undo 20250605-au --yes",
    ),
    "ex_redo": ("protokoll redo 20250605-au", "protokoll redo 20250605-au"),
    "ex_completion": (
        'eval "$(protokoll completion bash)"\n'
        "protokoll completion fish > ~/.config/fish/completions/protokoll.fish",
        'eval "$(protokoll completion bash)"\n'
        "protokoll completion fish > ~/.config/fish/completions/protokoll.fish",
    ),
    "ex_manual": (
        "protokoll manual | man -l -\nprotokoll manual > ~/.local/share/man/man1/protokoll.1",
        "protokoll manual --lang en | man -l -\n"
        "protokoll manual --lang en > ~/.local/share/man/man1/protokoll.1",
    ),
}
