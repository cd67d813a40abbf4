"""The store's messages: its refusals (`StoreError`) and what a verb changed.

A refusal is one line that says what was wrong and what was kept, so that the
command line and the application can show it as it is. The change lines name
what a verb did, for the status line, undo and redo.
"""

from __future__ import annotations

from .join import joined

_SAID: dict[str, tuple[str, str]] = {
    "damaged": (
        "{path}: filen går inte att läsa ({detail}); den lämnas orörd",
        "{path}: the file cannot be read ({detail}); it is left untouched",
    ),
    "newer_schema": (
        "{path}: skriven av en nyare version av protokoll (schema {found}, "
        "denna version läser {known}); den lämnas orörd",
        "{path}: written by a newer protokoll (schema {found}, this version reads {known}); "
        "it is left untouched",
    ),
    "write_failed": (
        "kunde inte spara {path}: {detail}; den förra versionen finns kvar",
        "could not save {path}: {detail}; the previous version is kept",
    ),
    "export_not_file": (
        "{path} är {kind}, inte en vanlig fil; den lämnas orörd och inget exporterades. "
        "Välj ett annat filnamn",
        "{path} is {kind}, not an ordinary file; it is left untouched and nothing was exported. "
        "Choose another file name",
    ),
    "kind_symlink": ("en symbolisk länk", "a symbolic link"),
    "kind_directory": ("en katalog", "a directory"),
    "kind_fifo": ("en namngiven rörledning (FIFO)", "a named pipe (FIFO)"),
    "kind_socket": ("en socket", "a socket"),
    "kind_device": ("en enhetsfil", "a device file"),
    "kind_other": ("något annat än en fil", "something other than a file"),
    "export_exists": (
        "{path} finns redan och lämnas orörd; ange --force för att ersätta den, "
        "eller välj ett annat filnamn",
        "{path} exists and is left untouched; give --force to replace it, "
        "or choose another file name",
    ),
    "export_read_only": (
        "{path} är skrivskyddad och lämnas orörd; gör den skrivbar (chmod u+w) "
        "eller välj ett annat filnamn",
        "{path} is read-only and is left untouched; make it writable (chmod u+w) "
        "or choose another file name",
    ),
    "export_no_folder": (
        "mappen {folder} finns inte; inget exporterades. Skapa mappen eller välj en annan",
        "the folder {folder} does not exist; nothing was exported. "
        "Create the folder or choose another",
    ),
    "export_not_folder": (
        "{folder} är en fil, inte en mapp; {path} kan inte skapas där och inget exporterades",
        "{folder} is a file, not a folder; {path} cannot be made there and nothing was exported",
    ),
    "export_failed": (
        "kunde inte exportera till {path}: {detail}; inget exporterades",
        "could not export to {path}: {detail}; nothing was exported",
    ),
    "export_failed_kept": (
        "kunde inte exportera till {path}: {detail}; filen som fanns där lämnas orörd",
        "could not export to {path}: {detail}; the file that was there is left untouched",
    ),
    "export_changed": (
        "{path} ändrades medan exporten skrevs; den lämnas orörd och inget exporterades",
        "{path} changed while the export was written; it is left untouched "
        "and nothing was exported",
    ),
    "dir_open_to_others": (
        "{path} kan ändras av andra än du (rättigheter {mode}); arkivet används inte där. "
        "Gör katalogen privat med 'chmod 700 {path}', eller välj en annan med --store",
        "{path} can be changed by others than you (mode {mode}); the store is not used there. "
        "Make the directory private with 'chmod 700 {path}', or choose another with --store",
    ),
    "dir_not_yours": (
        "{path} tillhör en annan användare (uid {uid}); arkivet används inte där. "
        "Välj en egen katalog med --store",
        "{path} belongs to another user (uid {uid}); the store is not used there. "
        "Choose a directory of your own with --store",
    ),
    "lock_symlink": (
        "låsfilen {path} är en symbolisk länk; den följs inte och lämnas orörd. "
        "Ta bort länken och försök igen",
        "the lock file {path} is a symbolic link; it is not followed and is left untouched. "
        "Remove the link and try again",
    ),
    "spill_recovered": (
        "texten som inte kunde sparas {time} är tillbaka i mötet",
        "the text that could not be saved at {time} is back in the meeting",
    ),
    "spill_other_meeting": (
        "den osparade texten hör till ett annat möte än {meeting}",
        "the unsaved text belongs to another meeting than {meeting}",
    ),
    "catalogue_damaged": (
        "katalogen {path} är skadad; organ och inställningar kan inte ändras förrän den "
        "är lagad eller flyttad",
        "the catalogue {path} is damaged; organs and settings cannot be changed until it is "
        "repaired or moved away",
    ),
    "store_read_only": (
        "arkivet {path} går inte att skriva i ({detail}); mötet {meeting} öppnas skrivskyddat",
        "the store {path} cannot be written to ({detail}); meeting {meeting} opens read-only",
    ),
    # The same, said by a command, which opens nothing (tui/cli_held.py).
    "store_not_writable": (
        "arkivet {path} går inte att skriva i ({detail}); inget ändrades",
        "the store {path} cannot be written to ({detail}); nothing was changed",
    ),
    "lock_failed": (
        "mötet {meeting} kunde inte öppnas: låset i {path} gick inte att skapa ({detail})",
        "meeting {meeting} could not be opened: its lock in {path} could not be made ({detail})",
    ),
    "locked": (
        "mötet {meeting} är öppet för skrivning i en annan process ({holder}); "
        "det öppnas skrivskyddat",
        "meeting {meeting} is open for writing in another process ({holder}); it opens read-only",
    ),
    "in_progress_elsewhere": (
        "mötet {meeting} pågår på {host} av {user} (synkat); det öppnas skrivskyddat här "
        "tills det tas över (Ctrl+T, eller protokoll sync --take {meeting})",
        "meeting {meeting} is in progress on {host} by {user} (synced); it opens read-only "
        "here until taken over (Ctrl+T, or protokoll sync --take {meeting})",
    ),
    # A command's refusal (tui/cli_held.py): it opens nothing, so no "read-only".
    "open_elsewhere": (
        "mötet {meeting} visas i ett annat program ({holder}), som håller det; inget "
        "ändrades. Lämna mötet där (Ctrl+Q, eller F9 å till menyn) och kör kommandot igen",
        "meeting {meeting} is shown in another program ({holder}), which holds it; nothing "
        "was changed. Leave the meeting there (Ctrl+Q, or F9 å to the menu) and run the "
        "command again",
    ),
    "read_only": (
        "mötet {meeting} är öppet skrivskyddat; ändringen sparades inte",
        "meeting {meeting} is open read-only; the change was not saved",
    ),
    "adjusted": (
        "mötet {meeting} är justerat och kan inte ändras",
        "meeting {meeting} is adjusted and cannot be changed",
    ),
    "no_store": (
        "inget arkiv i {path} (protokoll import eller programmet skapar ett)",
        "no store at {path} (protokoll import or the application makes one)",
    ),
    "none_in_progress": (
        "inget möte pågår i {path}; ange vilket möte som ska visas",
        "no meeting is in progress in {path}; name the meeting to show",
    ),
    "serve_address": (
        "kan inte lyssna på {address}: {detail}",
        "cannot listen on {address}: {detail}",
    ),
    "not_closed": (
        "mötet {meeting} är inte avslutat; avsluta det innan det justeras",
        "meeting {meeting} is not closed; close it before it is adjusted",
    ),
    "no_hash": (
        "mötet {meeting} justerades utan sparad kontrollsumma (t.ex. importerat); "
        "det finns inget att jämföra med",
        "meeting {meeting} was adjusted without a stored checksum (imported, say); "
        "there is nothing to compare with",
    ),
    "changed": (
        "{meeting}: ändrad sedan justeringen (sparad {stored}…, nu {now}…)",
        "{meeting}: changed since adjustment (stored {stored}…, now {now}…)",
    ),
    "changed_since_adjusted": (
        "{meeting}: texten är ändrad sedan justeringen och är inte den som justerades; "
        "se protokoll verify {meeting}",
        "{meeting}: the text has changed since the adjustment and is not the text adjusted; "
        "see protokoll verify {meeting}",
    ),
    "export_changed_adjusted": (
        "{meeting} exporteras inte: texten är ändrad sedan justeringen och är inte den som "
        "justerades (protokoll verify {meeting} visar hur); den justerade texten: "
        "protokoll export {meeting} --as-adjusted",
        "{meeting} is not exported: the text has changed since the adjustment and is not the "
        "text adjusted (protokoll verify {meeting} shows how); the adjusted text: "
        "protokoll export {meeting} --as-adjusted",
    ),
    "no_kept_adjusted_text": (
        "{meeting}: den justerade texten finns inte kvar som den justerades; "
        "protokoll verify {meeting} säger varför",
        "{meeting}: the adjusted text is not kept as it was adjusted; "
        "protokoll verify {meeting} says why",
    ),
    "not_adjusted": ("mötet {meeting} är inte justerat", "meeting {meeting} is not adjusted"),
    "said_adjusted_unverifiable": (
        "mötet {meeting} är justerat enligt källan det lästes in från, men justerades inte "
        "här: det finns ingen justerad text att jämföra med",
        "meeting {meeting} is adjusted as the source it was imported from says, but was not "
        "adjusted here: there is no adjusted text to compare with",
    ),
    "pdf_glyphs": (
        "PDF-typsnittet saknar tecknen {chars}; exportera protokollet som text i stället",
        "the PDF font has no glyph for {chars}; export the protocol as text instead",
    ),
    # SSH signatures over the adjusted text (store.signing)
    "no_ssh_keygen": (
        "ssh-keygen finns inte; installera OpenSSH-klienten (openssh-client)",
        "ssh-keygen is not installed; install the OpenSSH client (openssh-client)",
    ),
    "signers_unreadable": ("{path} kunde inte läsas: {detail}", "could not read {path}: {detail}"),
    "not_public_key": (
        "det är ingen publik SSH-nyckel (en rad som börjar ssh-ed25519 …, filen .pub)",
        "that is not a public SSH key (one line beginning ssh-ed25519 …, the .pub file)",
    ),
    "signer_name": (
        'namnet "{name}" går inte att använda för en signerare (inga " , * ? !)',
        'the name "{name}" cannot be used for a signer (no " , * ? !)',
    ),
    "signer_exists": ("{name} finns redan bland signerarna", "{name} is already a signer"),
    "key_exists": (
        "nyckeln {fingerprint} finns redan bland signerarna",
        "the key {fingerprint} is already a signer's",
    ),
    "signer_unknown_name": ("{name} finns inte bland signerarna", "{name} is not a signer"),
    "not_signature": (
        "{path}: ingen SSH-signatur (-----BEGIN SSH SIGNATURE-----)",
        "{path}: not an SSH signature (-----BEGIN SSH SIGNATURE-----)",
    ),
    "sign_failed": (
        "ssh-keygen kunde inte signera med {keyfile}: {detail}",
        "ssh-keygen could not sign with {keyfile}: {detail}",
    ),
    "signature_bad": (
        "signaturen gäller inte protokollets justerade text (annan text eller inte "
        "namnrymden protokoll)",
        "the signature is not over the protocol's adjusted text (another text, or not "
        "the namespace protokoll)",
    ),
    "no_signers": (
        "{name} har inga godkända signerare; lägg till med "
        "protokoll signers {organ} add NAMN NYCKEL.pub",
        "{name} has no allowed signers; add them with "
        "protokoll signers {organ} add NAME KEY.pub",
    ),
    "signer_not_allowed": (
        "nyckeln {fingerprint} finns inte bland de godkända signerarna för {name}",
        "the key {fingerprint} is not among the allowed signers of {name}",
    ),
    "signed_already": (
        "protokollet är redan signerat med nyckeln {fingerprint}",
        "the protocol is already signed with the key {fingerprint}",
    ),
    "item_is_section": (
        "”{title}” är en rubrik på dagordningen, ingen punkt: n lägger till en punkt under den",
        "“{title}” is a heading of the agenda, not an item: n adds an item under it",
    ),
    "adjust_conflict_pending": (
        "{meeting} justeras inte: en annan dators version av mötet väntar i {copy}. Ta "
        "ställning först: protokoll sync --keep {copy} eller --drop {copy}",
        "{meeting} is not adjusted: another computer's version of the meeting waits in "
        "{copy}. Decide first: protokoll sync --keep {copy} or --drop {copy}",
    ),
    "adjusted_in_future": (
        "{meeting} kan inte föras in som justerat {date}: det är efter i dag ({today}). "
        "För in justeringen den dag den görs",
        "{meeting} cannot be recorded as adjusted on {date}: that is after today ({today}). "
        "Record the adjustment on the day it is made",
    ),
    "posted_in_future": (
        "{meeting}: anslaget kan inte föras in som uppsatt {date}: det är efter i dag "
        "({today}). För in det den dag det sätts upp",
        "{meeting}: the anslag cannot be recorded as posted on {date}: that is after today "
        "({today}). Record it on the day it is posted",
    ),
    "adjusted_before": (
        "justeringsdatumet {date} är före mötet {day}",
        "the adjustment date {date} is before the meeting, {day}",
    ),
    "late_adjustment": (
        "justeringen {date} är {days} dagar efter mötet; sista dag var {due} (inom 14 dagar)",
        "the adjustment {date} is {days} days after the meeting; the last day was {due} "
        "(within 14 days)",
    ),
    "before_adjustment": (
        "datumet {date} är före justeringen {adjusted}",
        "the date {date} is before the adjustment, {adjusted}",
    ),
    "already_posted": (
        "anslaget för {meeting} är redan infört ({date}); --replace ersätter det",
        "the notice of {meeting} is recorded already ({date}); --replace replaces it",
    ),
    "no_immediate": (
        "{meeting} har ingen paragraf som justerades omedelbart",
        "{meeting} has no paragraph adjusted at once",
    ),
    "posted_before_meeting": (
        "datumet {date} är före mötet {day}",
        "the date {date} is before the meeting, {day}",
    ),
    "already_posted_immediate": (
        "anslaget av de omedelbart justerade paragraferna i {meeting} är redan infört "
        "({date}); --replace ersätter det",
        "the notice of the paragraphs of {meeting} adjusted at once is recorded already "
        "({date}); --replace replaces it",
    ),
    "late_posting_immediate": (
        "anslaget {date} av de omedelbart justerade paragraferna är {days} dagar efter mötet; "
        "sista dag var {due} (inom 2 dagar)",
        "the notice {date} of the paragraphs adjusted at once is {days} days after the "
        "meeting; the last day was {due} (within 2 days)",
    ),
    "posting_replaced": (
        "anslaget {before} ersattes med {date}; sista dag för överklagande är nu {appeal}",
        "the notice of {before} was replaced by {date}; the last day of appeal is now {appeal}",
    ),
    "late_posting": (
        "anslaget {date} är {days} dagar efter justeringen; sista dag var {due} (inom 2 dagar)",
        "the notice {date} is {days} days after the adjustment; the last day was {due} "
        "(within 2 days)",
    ),
    "empty_correction": (
        "en rättelse måste säga vad som rättas",
        "a correction must say what is corrected",
    ),
    "not_imported_text": (
        "mötet {meeting} har ingen importerad källtext att förklara (det togs i programmet,"
        " kom från en JSON-export eller importerades innan källan sparades)",
        "meeting {meeting} keeps no imported source text to explain (it was taken in the"
        " program, came from a JSON export or was imported before sources were kept)",
    ),
    "unknown_meeting": (
        "inget möte med id {meeting}",
        "no meeting with id {meeting}",
    ),
    "ambiguous_meeting": (
        "{meeting} passar flera möten: {matches}",
        "{meeting} matches several meetings: {matches}",
    ),
    "unknown_organ": ("inget organ {organ}", "no organ {organ}"),
    "adjusted_at_once": (
        "{paragraph} är justerad omedelbart och ändras inte (medan mötet pågår tar F9 i "
        "bort den omedelbara justeringen)",
        "{paragraph} was adjusted at once and does not change (while the meeting goes on, "
        "F9 i takes the immediate adjustment back)",
    ),
    "adjusted_at_once_final": (
        "{paragraph} justerades omedelbart vid mötet och kan inte tas tillbaka; en "
        "rättelse görs när protokollet har justerats",
        "{paragraph} was adjusted at once at the meeting and cannot be taken back; a "
        "correction is made once the protocol is adjusted",
    ),
    "agenda_twice": (
        "'{item}' står två gånger i den stående dagordningen",
        "'{item}' is twice in the standing agenda",
    ),
    # --- the legal record: who serves, and what happens in a § ---
    "unknown_attendee": ("ingen {attendee} i närvarolistan", "no {attendee} in the attendance"),
    # Said in full what to do: "görs mellan ärenden: ta nästa § först" left a
    # trial guessing, and the F6 after it undid an older change instead.
    "between_paragraphs": (
        "{paragraph} har redan beslut, så närvaron för {name} kan inte ändras mitt i den: "
        "gå till nästa § och gör ändringen där",
        "{paragraph} already has a decision, so {name}'s attendance cannot change in the "
        "middle of it: go to the next § and make the change there",
    ),
    "between_paragraphs_vote": (
        "{paragraph} har redan en omröstning, så närvaron för {name} kan inte ändras mitt i "
        "den: gå till nästa § och gör ändringen där",
        "{paragraph} already has a vote, so {name}'s attendance cannot change in the middle "
        "of it: go to the next § and make the change there",
    ),
    "already_present": (
        "{name} är redan närvarande vid {paragraph}",
        "{name} is already present at {paragraph}",
    ),
    "already_present_start": (
        "{name} är redan närvarande från mötets början",
        "{name} is already present from the start of the meeting",
    ),
    "voted_before_arrival": (
        "{name} röstade i {paragraph}, före den ankomsten: ändra omröstningen först",
        "{name} voted in {paragraph}, before that arrival: change the vote first",
    ),
    "reentry": (
        "{name} lämnade efter {paragraph} och får inte tjänstgöra igen vid sammanträdet "
        "(utom efter jäv, som anmäls per §)",
        "{name} left after {paragraph} and may not serve again at this meeting "
        "(except after jäv, which is declared per §)",
    ),
    "not_present": (
        "{name} är inte närvarande vid {paragraph}",
        "{name} is not present at {paragraph}",
    ),
    "not_substitute": ("{name} är inte ersättare", "{name} is not a substitute"),
    "not_member": ("{name} är inte ordinarie ledamot", "{name} is not a regular member"),
    "member_serving": (
        "{name} tjänstgör själv; {substitute} kan inte ersätta",
        "{name} is serving; {substitute} cannot take the seat",
    ),
    "seat_taken": (
        "{holder} tjänstgör redan för {name}",
        "{holder} is already serving for {name}",
    ),
    "substitute_used": (
        "{name} har redan tjänstgjort för {member} vid sammanträdet",
        "{name} has already served for {member} at this meeting",
    ),
    "not_serving": (
        "{name} tjänstgör inte vid {paragraph}",
        "{name} is not serving at {paragraph}",
    ),
    "jav_twice": (
        "{name} har redan anmält jäv i {paragraph}",
        "{name} has already declared jäv in {paragraph}",
    ),
    "jav_voted": (
        "{name} har röstat i {paragraph}; ta bort omröstningen innan jäv anmäls",
        "{name} has voted in {paragraph}; remove the vote before declaring jäv",
    ),
    "already_serving": (
        "{name} tjänstgör redan i {paragraph}",
        "{name} is already serving in {paragraph}",
    ),
    "no_seat": (
        "{name} har ingen plats i {paragraph} som en ersättare kan ta",
        "{name} holds no seat in {paragraph} for a substitute to take",
    ),
    "chair_not_serving": (
        "{name} kan inte leda {paragraph}: bara den som tjänstgör och inte är jävig",
        "{name} cannot chair {paragraph}: only someone serving without jäv can",
    ),
    "empty_text": ("texten är tom; inget sparades", "the text is empty; nothing was saved"),
    "proposal_not_serving": (
        "{name} tjänstgör inte i {paragraph} och kan inte yrka",
        "{name} is not serving in {paragraph} and cannot make a proposal",
    ),
    "bad_order": (
        "beslutsgången i {paragraph} måste bestå av yrkandena i paragrafen, vart och ett en gång",
        "the order in {paragraph} must list the proposals of the §, each once",
    ),
    "ballot_not_serving": (
        "{name} tjänstgör inte i {paragraph} och kan inte rösta",
        "{name} is not serving in {paragraph} and cannot vote",
    ),
    "bad_ballot": (
        "{name} har mer än en eller en ogiltig röst i {paragraph}",
        "{name} has more than one or an invalid vote in {paragraph}",
    ),
    "roll_mismatch": (
        "omröstningen i {paragraph} har {votes} röster men {serving} tjänstgör; saknas: {missing}",
        "the vote in {paragraph} has {votes} votes but {serving} are serving; missing: {missing}",
    ),
    "tally_mismatch": (
        "omröstningen i {paragraph} räknar {votes} röster men {serving} tjänstgör "
        "(ledamöter och tjänstgörande ersättare, utom jäv)",
        "the vote in {paragraph} counts {votes} votes but {serving} are serving "
        "(members and serving substitutes, less jäv)",
    ),
    "casting_needed": (
        "lika röstetal i {paragraph}: {name} har utslagsröst; ange ja eller nej",
        "a tie in {paragraph}: {name} has the casting vote; give yes or no",
    ),
    "reservation_not_participant": (
        "{name} deltog inte i beslutet i {paragraph} och kan inte reservera sig",
        "{name} took no part in the decision in {paragraph} and cannot enter a reservation",
    ),
    "reservation_twice": (
        "{name} har redan reserverat sig i {paragraph}",
        "{name} has already entered a reservation in {paragraph}",
    ),
    "bad_note_kind": ("okänd sorts anteckning: {kind}", "unknown kind of note: {kind}"),
    "note_not_member": (
        "{name} är inte ledamot eller ersättare närvarande vid {paragraph}",
        "{name} is not a member or substitute present at {paragraph}",
    ),
    "adjusted_with_problem": (
        "justerat fast kontrollen säger: {problem}",
        "adjusted although the check says: {problem}",
    ),
    "vote_no_proposition": (
        "omröstningen i {paragraph} saknar proposition: skriv vad ja och nej betyder "
        "(t.ex. ja för Anna Bergs yrkande, nej för Bo Eks yrkande)",
        "the vote in {paragraph} has no proposition: write what yes and no mean "
        "(e.g. yes for Anna Berg's proposal, no for Bo Ek's proposal)",
    ),
    "reservation_missing": (
        "den skriftliga reservationen från {name} i {paragraph} har inte kommit in; "
        "protokollet säger det",
        "the written reservation from {name} in {paragraph} has not come in; the protocol says so",
    ),
    "no_paragraphs": ("ange minst en §", "name at least one §"),
    "unknown_profile": ("okänd mall: {profile}", "unknown profile: {profile}"),
    "unknown_paragraph": ("ingen § {paragraph} i mötet", "no § {paragraph} in the meeting"),
    "not_immediate": (
        "{paragraph} justerades inte omedelbart; ett utdrag utan --immediate visar den",
        "{paragraph} was not adjusted at once; an extract without --immediate shows it",
    ),
    "collision": (
        "§ {number} skulle krocka med det justerade protokollet {meeting} ({date}, {span}); "
        "ändringen görs inte",
        "§ {number} would collide with the adjusted protocol {meeting} ({date}, {span}); "
        "the change is not made",
    ),
    "collision_closed": (
        "§ {number} skulle krocka med det avslutade protokollet {meeting} ({date}, {span}), "
        "vars nummer inte flyttas utan att det öppnas igen: F4 i det protokollet "
        "(F9 å, Tidigare möten) eller protokoll reopen {meeting}; ändringen görs inte",
        "§ {number} would collide with the closed protocol {meeting} ({date}, {span}), "
        "whose numbers do not move unless it is reopened: F4 in that protocol "
        "(F9 å, past meetings) or protokoll reopen {meeting}; the change is not made",
    ),
    "no_room_closed": (
        "mötet skulle ligga före det avslutade protokollet {meeting} ({date}, {span}), och "
        "dess §§ kan inte få nummer förrän det protokollet öppnas igen: F4 i det "
        "(F9 å, Tidigare möten) eller protokoll reopen {meeting}",
        "the meeting would come before the closed protocol {meeting} ({date}, {span}), and "
        "its §§ can get no numbers until that protocol is reopened: F4 in it "
        "(F9 å, past meetings) or protokoll reopen {meeting}",
    ),
    "no_room_fixed": (
        "mötet skulle ligga före protokollet {meeting} ({date}, {span}), vars nummer ligger "
        "fast: dess §§ kan inte få nummer (ange var numreringen börjar, eller ett annat datum)",
        "the meeting would come before the protocol {meeting} ({date}, {span}), whose numbers "
        "are fixed: its §§ can get no numbers (give where numbering starts, or another date)",
    ),
    "collision_fixed": (
        "§ {number} skulle krocka med protokollet {meeting} ({date}, {span}), vars nummer "
        "ligger fast (importerat, eller en fil som inte går att läsa); ändringen görs inte",
        "§ {number} would collide with protocol {meeting} ({date}, {span}), whose numbers "
        "are fixed (imported, or a file that cannot be read); the change is not made",
    ),
    "bad_id": (
        "ogiltigt id {id}: ett id består av bokstäverna A–Z och a–z, siffror, - och _ "
        "(högst 64 tecken); inget ändrades",
        "invalid id {id}: an id is made of the letters A–Z and a–z, digits, - and _ "
        "(at most 64 characters); nothing was changed",
    ),
    "bad_file_name": (
        "{path}: namnet är inte ett mötes-id; filen lämnas orörd och läses inte",
        "{path}: the name is not a meeting id; the file is left untouched and not read",
    ),
    "import_not_a_file": (
        "{path}: inte en vanlig fil (en katalog, en enhet eller ett rör); inget importerades",
        "{path}: not a regular file (a directory, a device or a pipe); nothing was imported",
    ),
    "import_too_large": (
        "{path}: filen är {size}, gränsen är {limit} (--max-size); inget importerades",
        "{path}: the file is {size}, the limit is {limit} (--max-size); nothing was imported",
    ),
    "import_line_too_long": (
        "{path}: en rad är längre än {limit} tecken; inget importerades",
        "{path}: a line is longer than {limit} characters; nothing was imported",
    ),
    "import_too_deep": (
        "{path}: JSON-dokumentet är nästlat djupare än {limit} nivåer; inget importerades",
        "{path}: the JSON document nests deeper than {limit} levels; nothing was imported",
    ),
    "import_invalid": (
        "{path}: {where}: {detail}; inget importerades",
        "{path}: {where}: {detail}; nothing was imported",
    ),
    "id_replaced": (
        "{path}: id:t {old} kan inte bli ett filnamn; {what} fick id:t {new}",
        "{path}: the id {old} cannot become a file name; the {what} was given the id {new}",
    ),
    "invalid_year_or_date": (
        "ett år eller ett datum ÅÅÅÅ-MM-DD väntades",
        "expected a year or a date YYYY-MM-DD",
    ),
    "invalid_titles": ("namn och titlar som text väntades", "expected names and titles as text"),
    "invalid_same_number": ("två §§ har samma nummer", "two §§ have the same number"),
    "invalid_braces": (
        "bara {{organ}} får stå inom klammerparenteser",
        "only {{organ}} may stand in braces",
    ),
    "invalid_too_long": ("mer än {limit} tecken", "more than {limit} characters"),
    "invalid_one_of": ("ett av {known} väntades", "expected one of {known}"),
    "invalid_schema": (
        "denna version läser schema 1 till {known}",
        "this version reads schema 1 to {known}",
    ),
    "invalid_date": ("ett datum ÅÅÅÅ-MM-DD väntades", "expected a date YYYY-MM-DD"),
    "invalid_time": ("en tid TT:MM väntades", "expected a time HH:MM"),
    "invalid_number": (
        "ett tal från {low} till {high} väntades",
        "expected a number from {low} to {high}",
    ),
    "id_of_meeting": ("mötet", "meeting"),
    "id_of_organ": ("organet", "organ"),
    "catalogue_busy": (
        "katalogen {path} hålls av en annan process som inte svarar; inget ändrades, "
        "försök igen om en stund",
        "the catalogue {path} is held by another process that does not answer; nothing was "
        "changed, try again in a moment",
    ),
    "import_overlap": (
        "{path}: § {number} finns redan i {meeting} ({date}, {span}); inget importerades",
        "{path}: § {number} is already in {meeting} ({date}, {span}); nothing was imported",
    ),
    "adjusted_copy": (
        "{path}: en annan version av det justerade protokollet {meeting} ({organ}, {date}, "
        "{span}); inget importerades (en ändring av ett justerat protokoll görs som rättelse)",
        "{path}: another version of the adjusted protocol {meeting} ({organ}, {date}, {span}); "
        "nothing was imported (an adjusted protocol is changed by a correction)",
    ),
    "number_from_taken": (
        "mötet {meeting} ska börja på § {number}, men § {last} är redan använd före det",
        "meeting {meeting} is to start at § {number}, but § {last} is already used before it",
    ),
    "busy_elsewhere": (
        "paragrafnumren i mötet {meeting} skulle ändras, men det är öppet i en annan process "
        "({holder}); ändringen görs inte",
        "the § numbers of meeting {meeting} would change, but it is open in another process "
        "({holder}); the change is not made",
    ),
    # --- taking a meeting over from a process that no longer answers -------------
    "taken_over": (
        "mötet {meeting} togs över {time} av pid {pid}; här är det skrivskyddat nu, och det som "
        "skrivits här sedan dess sparades inte",
        "meeting {meeting} was taken over by pid {pid} at {time}; it is read-only here now, and "
        "what was typed here since was not saved",
    ),
    "taken_over_unknown": (
        "mötet {meeting} skrivs nu av en annan process; här är det skrivskyddat, och det som "
        "skrivits här sedan dess sparades inte",
        "meeting {meeting} is written by another process now; it is read-only here, and what "
        "was typed here since was not saved",
    ),
    "write_busy": (
        "mötet {meeting} sparades inte: en annan process håller dess skrivlås; försök igen",
        "meeting {meeting} was not saved: another process holds its write lock; try again",
    ),
    "takeover_busy": (
        "mötet {meeting} kan inte tas över just nu: den andra processen sparar (eller stoppades "
        "mitt i en sparning); försök igen",
        "meeting {meeting} cannot be taken over now: the other process is saving (or was stopped "
        "while saving); try again",
    ),
    "takeover_answering": (
        "mötet {meeting} tas inte över: processen som har det svarar ({holder}); gå tillbaka "
        "till den eller avsluta den",
        "meeting {meeting} is not taken over: the process that has it answers ({holder}); "
        "go back to it or end it",
    ),
    "takeover_other_user": (
        "mötet {meeting} hålls av en annan användare ({holder}) och kan inte tas över",
        "meeting {meeting} is held by another user ({holder}) and cannot be taken over",
    ),
    "git_missing": (
        "programmet git finns inte på den här datorn; det behövs för att dela arkivet "
        "(protokoll sync): installera git",
        "the git program is not on this computer; sharing the store (protokoll sync) needs it: "
        "install git",
    ),
    "sync_fetch_failed": (
        "kunde inte hämta från {remote}: {detail}",
        "could not fetch from {remote}: {detail}",
    ),
    "sync_push_failed": (
        "kunde inte skicka till {remote}: {detail}; det som är sparat här finns kvar",
        "could not send to {remote}: {detail}; what is saved here is kept",
    ),
    "git_failed": ("git {command} misslyckades: {detail}", "git {command} failed: {detail}"),
    "sync_no_remote": (
        "arkivet {path} delas inte ännu; ange var: protokoll sync ADRESS",
        "the store {path} is not shared yet; say where: protokoll sync ADDRESS",
    ),
    "sync_no_copy": (
        "{copy} är ingen konfliktkopia i arkivet",
        "{copy} is not a conflict copy in the store",
    ),
    "no_history": (
        "arkivet {path} har ingen historik (det delas inte: protokoll sync ADRESS)",
        "the store {path} has no history (it is not shared: protokoll sync ADDRESS)",
    ),
    "takeover_other_host": (
        "mötet {meeting} hålls av en process på en annan dator ({holder}); det kan bara tas "
        "över där",
        "meeting {meeting} is held by a process on another computer ({holder}); it can only be "
        "taken over there",
    ),
    "takeover_cannot_tell": (
        "mötet {meeting} tas inte över: det går inte att se här om processen som har det "
        "svarar ({holder})",
        "meeting {meeting} is not taken over: whether the process that has it answers cannot "
        "be told here ({holder})",
    ),
    "bad_value": ("{what}: {detail}", "{what}: {detail}"),
    # what the system said (OSError), for the usual cases
    # What is wrong inside a file that does not read (the {detail} of "damaged").
    "damaged_json_at": ("JSON, rad {line}, kolumn {column}", "JSON, line {line}, column {column}"),
    "damaged_date": (
        "fältet {field} är \"{value}\": {why}",
        "the field {field} is \"{value}\": {why}",
    ),
    "damaged_shape_object": ("{where}: ett objekt väntades", "{where}: expected an object"),
    "damaged_shape_list": ("{where}: en lista väntades", "{where}: expected a list"),
    "damaged_shape_text": ("{where}: text väntades", "{where}: expected text"),
    "damaged_shape_number": ("{where}: ett heltal väntades", "{where}: expected a whole number"),
    "damaged_shape_bool": ("{where}: true eller false väntades", "{where}: expected true or false"),
    "damaged_shape_field": ("{where}: fältet saknas", "{where}: the field is missing"),
    "damaged_shape_kind": ("{where}: ett värde av fel slag", "{where}: a value of the wrong kind"),
    "damaged_not_utf8": ("inte UTF-8", "not UTF-8"),
    # Why a file is no text, in words a secretary knows: "(NUL)" had said it.
    "not_text_binary": (
        "den innehåller binära data, som en bild eller ett program",
        "it holds binary data, as a picture or a program does",
    ),
    "not_text_utf16": (
        "den börjar som UTF-16 men läses inte som det",
        "it begins as UTF-16 but does not read as that",
    ),
    "not_text_controls": (
        "{n} styrtecken, som inte hör hemma i text",
        "{n} control characters, which have no place in text",
    ),
    "damaged_no_meeting": ("inget möte i den", "no meeting in it"),
    "damaged_other_meeting": (
        "den innehåller mötet {meeting}",
        "it holds the meeting {meeting}",
    ),
    "os_ENOENT": ("filen eller katalogen finns inte", "no such file or directory"),
    "git_no_host": ("datorn {host} hittades inte", "the computer {host} was not found"),
    "git_denied": (
        "åtkomst nekades: nyckeln eller lösenordet godtogs inte",
        "access denied: the key or password was not accepted",
    ),
    "git_refused": ("anslutningen vägrades", "the connection was refused"),
    "git_timeout": ("ingen svarade i tid", "no answer in time"),
    "git_lost": ("anslutningen bröts", "the connection was lost"),
    "git_no_repository": ("det finns inget delat arkiv där", "there is no shared store there"),
    "os_EACCES": ("åtkomst nekas", "permission denied"),
    "os_EPERM": ("åtgärden är inte tillåten", "operation not permitted"),
    "os_EISDIR": ("är en katalog", "is a directory"),
    "os_ENOTDIR": ("är inte en katalog", "not a directory"),
    "os_EEXIST": ("finns redan", "already exists"),
    "os_ENOSPC": ("disken är full", "no space left on the device"),
    "os_EROFS": ("filsystemet är skrivskyddat", "read-only file system"),
    "os_EADDRINUSE": (
        "adressen används redan, av ett annat program eller en annan protokoll serve",
        "the address is already in use, by another program or another protokoll serve",
    ),
    "os_EADDRNOTAVAIL": (
        "den här datorn har inte den adressen",
        "this computer does not have that address",
    ),
    # what could not be read (ValueProblem), and why: store.dates
    "what_date": ("datum '{text}'", "date '{text}'"),
    "what_time": ("tid '{text}'", "time '{text}'"),
    "what_value": ("{text}", "{text}"),
    "not_a_name": ("inte ett namn", "not a name"),
    "unknown_command": ("okänt kommando", "unknown command"),
    "date_no_month": ("det finns ingen månad {month}", "there is no month {month}"),
    "date_no_day_in_month": (
        "{month} {year} har ingen dag {day}",
        "{month} {year} has no day {day}",
    ),
    "date_empty": ("inget datum angivet", "no date given"),
    "date_period": ("en period, inte ett datum", "a period, not a date"),
    "date_ambiguous": (
        "tvetydigt; skriv till exempel 2020-05-29 eller 29 maj 2020",
        "ambiguous; write for example 2020-05-29 or 29 May 2020",
    ),
    "date_two_weekdays": ("två veckodagar", "two weekdays"),
    "date_weekday_only": ("bara en veckodag, inget datum", "only a weekday, no date"),
    "date_no_such_day": ("dagen finns inte i månaden", "no such day in that month"),
    "date_unreadable": ("förstår inte datumet", "not a date I can read"),
    "date_holds_time": (
        "innehåller en tid; skriv tiden för sig",
        "holds a time; give the time on its own",
    ),
    "date_no_day": ("ingen dag angiven", "no day given"),
    "date_no_month_given": ("ingen månad angiven", "no month given"),
    "date_not_that_year": ("dagen finns inte det året", "no such day in that year"),
    "date_wrong_weekday": ("{date} är en {is_}, inte en {said}", "{date} is a {is_}, not a {said}"),
    "time_unreadable": ("förstår inte tiden", "not a time I can read"),
    "time_range": ("timme 0–23 och minut 0–59", "hours 0–23, minutes 0–59"),
    "time_end_before_start": ("sluttiden är före starttiden", "the end is before the start"),
    "import_shape": (
        "{path}: inte en export från protokoll ({detail})",
        "{path}: not an export from protokoll ({detail})",
    ),
    "search_read_only": (
        "sökningen gick inte att göra: arkivet {path} går inte att skriva i ({detail}), "
        "och sökregistret är inte aktuellt för {count} av mötena. Sök i en kopia av arkivet",
        "the search could not be made: the store {path} cannot be written to ({detail}), "
        "and its search index is out of date for {count} of the meetings. Search a copy of "
        "the store",
    ),
    "search_read_only_none": (
        "sökningen gick inte att göra: arkivet {path} går inte att skriva i ({detail}) "
        "och har inget sökregister. Sök i en kopia av arkivet",
        "the search could not be made: the store {path} cannot be written to ({detail}) "
        "and has no search index. Search a copy of the store",
    ),
    "search_failed": (
        "sökningen gick inte att göra ({detail}); sökregistret {path} byggs om nästa gång",
        "the search could not be made ({detail}); the index {path} is rebuilt next time",
    ),
    "unreadable": (
        "{path}: kan inte läsas ({detail}); inget importerades",
        "{path}: cannot be read ({detail}); nothing was imported",
    ),
    "not_text": (
        "{path}: inte en textfil ({detail}); inget importerades",
        "{path}: not a text file ({detail}); nothing was imported",
    ),
    "import_old_word": (
        "{path}: ett Word-dokument i det gamla formatet (.doc); öppna det i Word och spara "
        "det som .docx eller PDF, och importera den filen; inget importerades",
        "{path}: a Word document in the old format (.doc); open it in Word, save it as "
        ".docx or PDF, and import that file; nothing was imported",
    ),
    "import_rtf": (
        "{path}: ett RTF-dokument; öppna det i Word och spara det som .docx eller PDF, och "
        "importera den filen; inget importerades",
        "{path}: an RTF document; open it in Word, save it as .docx or PDF, and import "
        "that file; nothing was imported",
    ),
    "import_other_package": (
        "{path}: ett {what}-arkiv, inte ett Word-dokument; spara protokollet som .docx eller "
        "PDF och importera den filen; inget importerades",
        "{path}: a {what} archive, not a Word document; save the protocol as .docx or PDF "
        "and import that file; nothing was imported",
    ),
    "docx_not_a_package": (
        "inget zip-paket, som en .docx är",
        "no zip package, which a .docx is",
    ),
    "docx_contents": ("innehållet går inte att tolka", "its contents do not read"),
    "docx_damaged": (
        "{path}: Word-filen är skadad och går inte att läsa ({detail}); inget importerades",
        "{path}: the Word file is damaged and cannot be read ({detail}); nothing was imported",
    ),
    "docx_too_large": (
        "{path}: Word-filen packas upp till {size}, gränsen är {limit} (en så kallad "
        "zip-bomb?); inget importerades",
        "{path}: the Word file unpacks to {size}, the limit is {limit} (a zip bomb?); "
        "nothing was imported",
    ),
    "pdf_no_text": (
        "{path}: PDF-filen har ingen text; den är troligen skannad — kör den genom OCR "
        "först; inget importerades",
        "{path}: the PDF has no text; it is probably scanned — run it through OCR first; "
        "nothing was imported",
    ),
    "pdf_damaged": (
        "{path}: PDF-filen är skadad och går inte att läsa ({detail}); inget importerades",
        "{path}: the PDF is damaged and cannot be read ({detail}); nothing was imported",
    ),
    "pdf_encrypted": (
        "{path}: PDF-filen är lösenordsskyddad; spara en kopia utan lösenord och importera "
        "den; inget importerades",
        "{path}: the PDF is password-protected; save a copy without a password and import "
        "that; nothing was imported",
    ),
    "empty_file": (
        "{path}: filen är tom; inget importerades",
        "{path}: the file is empty; nothing was imported",
    ),
    "no_date": (
        "{path}: hittar inget mötesdatum; lägg till en rad som 'Datum: 2020-05-29' "
        "överst; inget importerades",
        "{path}: no meeting date found; add a line such as 'Datum: 2020-05-29' at the top; "
        "nothing was imported",
    ),
    "not_a_protocol": (
        "{path}: hittar varken datum, paragrafer eller närvarolista; inget importerades",
        "{path}: no date, no § and no attendance found; nothing was imported",
    ),
    "already_imported": (
        "{path}: mötet {meeting} finns redan i arkivet",
        "{path}: meeting {meeting} is already in the store",
    ),
    # --- refusals of the verbs ---------------------------------------------------
    "closed": (
        "mötet {meeting} är avslutat; öppna det igen (protokoll reopen) för att ändra",
        "meeting {meeting} is closed; reopen it (protokoll reopen) to change it",
    ),
    "adjusted_reopen": (
        "mötet {meeting} är justerat och kan inte öppnas igen; gör en rättelse i stället",
        "meeting {meeting} is adjusted and cannot be reopened; make a correction instead",
    ),
    "said_adjusted_reopen": (
        "mötet {meeting} är justerat enligt källan det lästes in från och kan inte öppnas "
        "igen; gör en rättelse i stället, eller läs in källan på nytt",
        "meeting {meeting} is adjusted as the source it was imported from says and cannot be "
        "reopened; make a correction instead, or import the source again",
    ),
    "not_closed_reopen": (
        "mötet {meeting} är inte avslutat; det behöver inte öppnas igen",
        "meeting {meeting} is not closed; there is nothing to reopen",
    ),
    "end_before_start": (
        "sluttiden måste vara efter starttiden {start}",
        "the end must be after the start, {start}",
    ),
    "unknown_item": ("ingen post {item} här", "no entry {item} here"),
    "empty_title": ("rubriken är tom; inget ändrades", "the title is empty; nothing changed"),
    "empty_name": ("namnet är tomt; inget ändrades", "the name is empty; nothing changed"),
    "unknown_function": ("okänd funktion: {function}", "unknown function: {function}"),
    "function_absent": (
        "{name} är inte närvarande och kan inte vara {function}: markera närvaron först",
        "{name} is not present and cannot be {function}: mark them present first",
    ),
    "item_planned": (
        "{title} hör till uppföljningen av tidigare möten och kommer tillbaka när "
        "mötet öppnas; bordlägg den (d) eller låt den stå",
        "{title} belongs to the follow-up of earlier meetings and comes back when "
        "the meeting is opened; defer it (d) or leave it",
    ),
    "heading_has_items": (
        "rubriken {title} har punkter under sig; ta bort eller flytta dem först",
        "the heading {title} has items under it; remove or move them first",
    ),
    "item_taken": (
        "{title} är redan {paragraph}; ta bort paragrafen först",
        "{title} is already {paragraph}; delete the § first",
    ),
    # Deferring a § needs no deleting: "ta bort paragrafen först" had said so
    # of an item already a § (a trial).
    "item_taken_defer": (
        "{title} är redan {paragraph}; bordlägg det där med beslutet \"Ärendet bordläggs.\"",
        "{title} is already {paragraph}; defer it there with the decision"
        " \"The item is deferred.\"",
    ),
    "immediate_moves": (
        "§ {number} i mötet {meeting} är justerad omedelbart och behåller sitt nummer; "
        "ändringen görs inte",
        "§ {number} of meeting {meeting} was adjusted at once and keeps its number; "
        "the change is not made",
    ),
    "fixed_numbers": (
        "paragraferna i mötet {meeting} har fasta nummer och kan inte flyttas",
        "the §s of meeting {meeting} have fixed numbers and cannot be moved",
    ),
    "nothing_to_undo": ("inget att ångra", "nothing to undo"),
    "nothing_to_redo": ("inget att göra om", "nothing to redo"),
    # --- what a verb did (the status line, undo and redo) --------------------------
    "undone": ("Ångrat: {what}", "Undone: {what}"),
    "redone": ("Gjort om: {what}", "Redone: {what}"),
    "v_item_added": ("punkten {title} lades till", "item {title} added"),
    "v_item_moved": ("punkten {title} flyttades", "item {title} moved"),
    "v_item_deferred": ("punkten {title} bordlades", "item {title} deferred"),
    "v_item_dropped": (
        "punkten {title} togs bort från dagordningen",
        "item {title} removed from the agenda",
    ),
    "v_shown": ("{paragraph}", "{paragraph}"),
    "v_paragraph_added": ("ny § {title}", "new § {title}"),
    "v_paragraph_added_as": ("ny § {number} {title}", "new § {number} {title}"),
    "v_renamed": ("{old} heter nu {title}", "{old} is now {title}"),
    "v_paragraph_deleted": ("{paragraph} {title} togs bort", "{paragraph} {title} deleted"),
    "v_paragraph_deleted_present": (
        "{paragraph} {title} togs bort; {present} var bara med vid den och står nu som frånvarande",
        "{paragraph} {title} deleted; {present} attended only that § and are now absent",
    ),
    "v_paragraph_deleted_served": (
        "{paragraph} {title} togs bort; {served} tjänstgjorde bara vid den "
        "och tjänstgör inte längre",
        "{paragraph} {title} deleted; {served} served only at that § and serve no longer",
    ),
    "v_paragraph_deleted_present_served": (
        "{paragraph} {title} togs bort; {present} var bara med vid den och står nu som "
        "frånvarande, {served} tjänstgör inte längre",
        "{paragraph} {title} deleted; {present} attended only that § and are now absent, "
        "{served} serve no longer",
    ),
    "v_paragraph_moved": ("{title} flyttades", "{title} moved"),
    "v_text": ("texten", "the text"),
    "v_present": ("{name} närvarande", "{name} present"),
    "v_all_present": (
        "{n} ledamöter markerade närvarande; ta bort de frånvarande med mellanslag",
        "{n} members marked present; take the absent off with Space",
    ),
    "all_present_already": (
        "alla ledamöter är redan markerade närvarande",
        "every member is already marked present",
    ),
    "v_absent": ("{name} inte närvarande", "{name} not present"),
    "v_arrived": ("{name} kom till {paragraph}", "{name} arrived at {paragraph}"),
    "v_arrived_start": (
        "{name} är närvarande från mötets början (ingen § ännu)",
        "{name} is present from the start of the meeting (no § yet)",
    ),
    "v_left": (
        "{name} lämnade mötet, närvarande t o m {paragraph}",
        "{name} left, present up to and including {paragraph}",
    ),
    "v_stopped_serving": ("{name} slutade tjänstgöra", "{name} stopped serving"),
    "v_substitutes": ("{name} tjänstgör för {member}", "{name} serves for {member}"),
    "v_substitutes_organisation": (
        "{name} ({ours}) tjänstgör för {member} ({theirs}), en annan organisations plats",
        "{name} ({ours}) serves for {member} ({theirs}), another organisation's seat",
    ),
    "v_substitutes_party": (
        "{name} ({ours}) tjänstgör för {member} ({theirs}), ett annat partis plats",
        "{name} ({ours}) serves for {member} ({theirs}), another party's seat",
    ),
    "v_chair_on": ("{name} är ordförande", "{name} chairs"),
    "v_chair_off": ("{name} är inte ordförande", "{name} no longer chairs"),
    "v_secretary_on": ("{name} är sekreterare", "{name} keeps the minutes"),
    "v_secretary_off": ("{name} är inte sekreterare", "{name} no longer keeps the minutes"),
    "v_adjuster_on": ("{name} justerar protokollet", "{name} adjusts the minutes"),
    "v_adjuster_off": ("{name} justerar inte protokollet", "{name} no longer adjusts"),
    "v_signs_as": ("{name} skriver under som {title}", "{name} signs as {title}"),
    "v_guest": ("{name} lades till som övrig närvarande", "{name} added as present"),
    "v_decision": ("beslut i {paragraph}", "decision in {paragraph}"),
    "v_task": ("uppgift i {paragraph}", "task in {paragraph}"),
    "v_proposal": ("yrkande av {name} i {paragraph}", "proposal by {name} in {paragraph}"),
    "v_order": ("beslutsgång i {paragraph}", "order of proposals in {paragraph}"),
    "v_vote": ("omröstning i {paragraph} ({yes}–{no})", "vote in {paragraph} ({yes}–{no})"),
    "v_vote_replaced": (
        "omröstningen i {paragraph} rättad ({yes}–{no})",
        "vote in {paragraph} corrected ({yes}–{no})",
    ),
    "v_reservation": ("reservation av {name} i {paragraph}", "dissent by {name} in {paragraph}"),
    "v_note": ("anteckning av {name} i {paragraph}", "note by {name} in {paragraph}"),
    "v_jav": ("jäv för {name} i {paragraph}", "conflict of interest of {name} in {paragraph}"),
    "v_followup": ("uppföljning i {paragraph}", "follow-up in {paragraph}"),
    "v_unfollowed": ("uppföljning i {paragraph} borttagen", "follow-up in {paragraph} removed"),
    "v_masked": ("{paragraph} maskeras", "{paragraph} masked"),
    "v_unmasked": ("{paragraph} visas", "{paragraph} shown"),
    "v_immediate": ("{paragraph} justeras omedelbart", "{paragraph} adjusted at once"),
    "v_not_immediate": (
        "{paragraph} justeras med protokollet",
        "{paragraph} adjusted with the minutes",
    ),
    "v_withdrawn": ("yrkande i {paragraph} återtaget", "proposal in {paragraph} withdrawn"),
    "v_followups_planned": (
        "föregående protokoll och öppna uppgifter på dagordningen",
        "the previous protocol and open tasks on the agenda",
    ),
    "v_opened": ("mötet {meeting} pågår", "meeting {meeting} under way"),
    "not_draft": ("mötet {meeting} har redan börjat", "meeting {meeting} has already begun"),
    "v_closed": ("mötet avslutat {time}", "meeting closed at {time}"),
    "v_closed_no_end": (
        "mötet avslutat; källan anger inte när det slutade",
        "meeting closed; its source does not say when it ended",
    ),
    "v_reopened": ("mötet {meeting} öppnat igen", "meeting {meeting} reopened"),
    "v_details": ("mötesuppgifterna ändrade: {what}", "the meeting's details changed: {what}"),
    "details_unchanged": (
        "datum, tid och plats är som förut; inget ändrades",
        "date, time and place are as before; nothing changed",
    ),
    "start_after_end": (
        "starttiden måste vara före sluttiden {end}",
        "the start must be before the end, {end}",
    ),
    "v_signed": ("signerat av {name} ({fingerprint})", "signed by {name} ({fingerprint})"),
    # --- organs and rosters --------------------------------------------------------
    "organ_changed_elsewhere": (
        "{organ} ändrades i ett annat program sedan formuläret öppnades; inget sparades. "
        "Öppna formuläret igen (utkastet fyller i det du skrev)",
        "{organ} was changed in another program since the form was opened; nothing was "
        "saved. Open the form again (the draft fills in what you typed)",
    ),
    "ambiguous_organ": (
        "{organ} passar flera organ: {matches}",
        "{organ} matches several organs: {matches}",
    ),
    "empty_organisation": (
        "organisationen är tom; inget ändrades",
        "the organisation is empty; nothing changed",
    ),
    "unknown_numbering": (
        "okänd numrering: {numbering} (year, meeting eller never)",
        "unknown numbering: {numbering} (year, meeting or never)",
    ),
    "unknown_role": (
        "okänd roll: {role} (ledamot, ersattare eller tjansteperson)",
        "unknown role: {role} (ledamot, ersattare or tjansteperson)",
    ),
    "unknown_member": (
        "ingen {name} i ledamotslistan för {organ}",
        "no {name} on the roster of {organ}",
    ),
    "ambiguous_member": (
        "{name} passar flera i ledamotslistan: {matches}",
        "{name} matches several on the roster: {matches}",
    ),
    "member_exists": (
        "{name} står redan i ledamotslistan för {organ}",
        "{name} is already on the roster of {organ}",
    ),
    "duplicate_member": (
        "{name} står två gånger i ledamotslistan; inget ändrades",
        "{name} is on the roster twice; nothing changed",
    ),
    "until_before_since": (
        "{name} kan inte sluta {until}, före sin start {since}",
        "{name} cannot leave on {until}, before joining on {since}",
    ),
    "unreadable_file": (
        "{path}: kan inte läsas ({detail}); inget ändrades",
        "{path}: cannot be read ({detail}); nothing changed",
    ),
    "roster_nothing_new": (
        "ingen ny ledamot i ledamotslistan för mötets datum",
        "nobody new on the roster for the meeting's date",
    ),
    "v_organ_edited": (
        "inställningarna för {organ} ändrade",
        "the settings of {organ} changed",
    ),
    "v_member_added": (
        "{name} tillagd i ledamotslistan för {organ}",
        "{name} added to the roster of {organ}",
    ),
    "v_member_edited": ("{name} ändrad i ledamotslistan", "{name} changed on the roster"),
    "v_member_retired": (
        "{name} står i ledamotslistan t.o.m. {date}",
        "{name} is on the roster until {date}",
    ),
    "v_roster_set": (
        "ledamotslistan för {organ}: {count} personer",
        "the roster of {organ}: {count} people",
    ),
    "v_roster_joined": (
        "närvarolistan uppdaterad från ledamotslistan: {names}",
        "attendance brought up to date from the roster: {names}",
    ),
}

# Entries of a §, as the status line names them when one is changed or removed.
_ENTRIES = {
    "decision": ("Beslut", "Decision"),
    "task": ("Uppgift", "Task"),
    "proposal": ("Yrkande", "Proposal"),
    "order": ("Beslutsgång", "Order of proposals"),
    "vote": ("Omröstning", "Vote"),
    "reservation": ("Reservation", "Dissent"),
    "jav": ("Jäv", "Conflict of interest"),
    "chair": ("Ordförande för §", "Chair of the §"),
    "note": ("Anteckning", "Note"),
    "followup": ("Uppföljning", "Follow-up"),
    "immediate": ("Omedelbar justering", "Immediate adjustment"),
    "mask": ("Maskering", "Masking"),
}

# "Beslut i § 3 ändrades", "Decision in § 3 removed": one pair of lines per entry.
_EDITED: dict[str, tuple[str, str]] = {
    f"v_{change}_{kind}": (f"{sv} i {{paragraph}} {done_sv}", f"{en} in {{paragraph}} {done_en}")
    for kind, (sv, en) in _ENTRIES.items()
    for change, done_sv, done_en in (
        ("edited", "ändrades", "changed"),
        ("removed", "togs bort", "removed"),
    )
}

WORDS = joined(_SAID, _EDITED)
