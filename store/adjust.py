"""Justering: record that a protocol was adjusted, freeze it, and verify it.

After adjustment the store refuses every change to the meeting (its session
opens read-only, renumbering treats it as fixed, an import cannot replace
it). The SHA-256 of the rendered text is kept with the adjustment; `verify`
renders the meeting again and compares, so an edited file is found.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from . import adjusted_copy, signing, verbs
from .deadlines import Deadlines, deadlines, immediate_deadlines
from .errors import StoreError, message
from .labels import organ_title
from .model import Adjustment, Correction, Meeting, Signature
from .render import blocks, generation, render_text, to_text
from .store import Store
from .timeline import label
from .verbs.events import happened
from .words import say


def adjusted_text(meeting: Meeting) -> str:
    """The text as adjusted, which the hash is taken over: 72 columns, Swedish labels.

    Rättelser and the anslag date come after adjustment and are shown with
    the protocol, so they are left out: adding one does not make the adjusted
    text look changed, and so are SSH signatures, which are made over this
    text. (Masks show only in the publication copy.)
    """
    return render_text(_as_adjusted(meeting))


def _as_adjusted(meeting: Meeting) -> Meeting:
    """Without what comes after adjustment: rättelser, the anslag date, SSH signatures."""
    adjustment = meeting.adjustment
    if adjustment is not None:
        adjustment = dataclasses.replace(adjustment, signatures=[])
    return dataclasses.replace(
        meeting, corrections=[], posted="", immediate_posted="", adjustment=adjustment
    )


def text_hash(meeting: Meeting) -> str:
    """The hash of the text as adjusted (`adjusted_text`)."""
    return hashlib.sha256(adjusted_text(meeting).encode("utf-8")).hexdigest()


def _meeting_day(date: str) -> dt.date | None:
    """None for a meeting known only by a period ("Hösten 2024"): no day to count from."""
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        return None


def adjust(
    store: Store,
    meeting_ref: str,
    date: dt.date,
    by: list[str],
    lang: str = "sv",
    signatures: Sequence[str] = (),
    today: dt.date | None = None,
) -> tuple[str, list[str]]:
    """Adjust a closed meeting; returns its hash and any warnings, in `lang`.

    `signatures`: armored SSH signatures over the text as it is adjusted
    (`protokoll sign --date`), checked before anything is written. `today`:
    the day it is now (the computer's clock unless given).
    """
    session = store.open(meeting_ref)
    try:
        m = session.meeting
        if m.status == "adjusted":
            raise StoreError("adjusted", meeting=m.id)
        if session.read_only:  # held by another process
            raise session.notice
        if m.status != "closed":
            raise StoreError("not_closed", meeting=m.id)
        meeting_day = _meeting_day(m.date)
        if meeting_day and date < meeting_day:
            raise StoreError("adjusted_before", meeting=m.id, date=date, day=m.date)
        from .sync import pending_copies  # a store shared between computers only

        copies = pending_copies(store.path, m.id)
        if copies:
            # Adjusted so, the protocol would lack what the copy holds, for good.
            raise StoreError("adjust_conflict_pending", meeting=m.id, copy=copies[0])
        today = today or dt.date.today()
        if date > today:
            # A protocol is adjusted when it has been: a later day printed
            # "Protokollet justerades 2026-12-03" three days early (a trial),
            # and shut out the anslag and rättelser of the days between.
            raise StoreError("adjusted_in_future", meeting=m.id, date=date, today=today)
        by = by or default_adjusters(m)
        warnings = [
            StoreError(
                "reservation_missing", name=m.name_of(r.person), paragraph=label(m, p.id)
            ).text(lang)
            for p in m.paragraphs
            for r in p.reservations
            if r.pending and not r.reason
        ]
        warnings += _record_problems(m, lang)
        m.adjustment = Adjustment(date.isoformat(), by)
        due = deadlines(m)
        if due.late_adjustment:
            assert meeting_day is not None
            warnings.append(
                StoreError(
                    "late_adjustment", date=date, days=(date - meeting_day).days, due=due.adjust_by
                ).text(lang)
            )
        m.status = "adjusted"
        # The hash covers the text with its adjustment line, as it is signed
        # (the hash itself is not part of the rendered text).
        m.adjustment.sha256 = text_hash(m)
        m.adjustment.generation = generation()
        _take_signatures(store, m, signatures, date)  # checked before anything is written
        adjusted_copy.keep(store.path, m.id, adjusted_text(m))  # for verify's diff
        m.adjustment.kept_copy = True
        session.save()
        happened(store, "adjusted", m.id)
        return m.adjustment.sha256, warnings
    finally:
        session.close()


# Said by adjust itself (a late adjustment), or settled by it (one overdue).
DATE_PROBLEMS = {"adjust_due", "adjust_overdue", "late_adjustment", "post_due", "late_posting"}


def _record_problems(m: Meeting, lang: str) -> list[str]:
    """What the checks find wrong with the record, said at its adjustment: a
    contradiction the checks had reported was adjusted without a word (trial 5).
    Said, not refused: a decision without quorum is what happened, and is
    adjusted as it stands."""
    from .checks import problems  # checks reads this module

    found = [x for x in problems(m) if x.key not in DATE_PROBLEMS]
    said = [x.text(lang) for x in found if x.serious]
    return [message("adjusted_with_problem", lang, problem=text) for text in said]


def default_adjusters(m: Meeting) -> list[str]:
    """Who adjusts unless named: the chair and the adjusters."""
    by = [m.name_of(x) for x in [m.functions.chair, *m.functions.adjusters] if x]
    return list(dict.fromkeys(n for n in by if n))


def as_it_will_be_adjusted(m: Meeting, date: dt.date, by: list[str]) -> Meeting:
    """A copy of a closed meeting, adjusted on `date` by `by`: its text is what signers
    sign before `adjust --signature` (nothing is written)."""
    if m.status == "adjusted":
        return m
    if m.status != "closed":
        raise StoreError("not_closed", meeting=m.id)
    adjusted = copy.deepcopy(m)
    adjusted.adjustment = Adjustment(date.isoformat(), by or default_adjusters(m))
    adjusted.status = "adjusted"
    return adjusted


# --- SSH signatures over the adjusted text (store.signing) --------------------


def _take_signatures(store: Store, m: Meeting, armored: Sequence[str], today: dt.date) -> None:
    """Check each signature over the adjusted text and add it through the verb."""
    message = adjusted_text(m).encode("utf-8")
    for text in armored:
        organ = organ_title(m.organ, m.organisation) or m.organ_id
        accepted = signing.accept(
            text, message, store.path, m.organ_id, today.isoformat(), name=organ
        )
        verbs.add_signature(m, accepted)


def add_signatures(
    store: Store, meeting_ref: str, armored: Sequence[str], today: dt.date
) -> list[Signature]:
    """Add signatures to an adjusted meeting whose text is still as adjusted."""
    session = _adjusted_session(store, meeting_ref)
    try:
        m = session.meeting
        assert m.adjustment is not None
        ok, stored, now = verify(store, m.id)
        if not ok:
            raise StoreError("changed", meeting=m.id, stored=stored[:12], now=now[:12])
        before = list(m.adjustment.signatures)
        try:
            _take_signatures(store, m, armored, today)
            session._amend()
        except BaseException:
            m.adjustment.signatures = before
            raise
        return m.adjustment.signatures[len(before) :]
    finally:
        session.close()


def check_signatures(store: Store, meeting_ref: str) -> list[signing.Checked]:
    """Each stored signature against the organ's allowed signers and the text now."""
    m = store.load(store.resolve(meeting_ref))
    if m.adjustment is None:
        raise StoreError("not_adjusted", meeting=m.id)
    message = adjusted_text(m).encode("utf-8")
    return [signing.check(s, message, store.path, m.organ_id) for s in m.adjustment.signatures]


def verify(store: Store, meeting_ref: str) -> tuple[bool, str, str]:
    """(matches, stored hash, hash of the text now)."""
    return still_as_adjusted(store.load(store.resolve(meeting_ref)))


def still_as_adjusted(m: Meeting) -> tuple[bool, str, str]:
    """(matches, stored hash, hash of the text now) of an adjusted meeting.

    The one decision whether an adjusted protocol is still the text that was
    adjusted: `verify`, `check`, `show`, `export` and the preview all ask it."""
    if m.adjustment is None:
        # An imported protocol whose source says "Protokollet är justerat":
        # "not adjusted" would contradict the source (a trial of Högsby's).
        key = "said_adjusted_unverifiable" if m.said_adjusted else "not_adjusted"
        raise StoreError(key, meeting=m.id)
    if not m.adjustment.sha256:
        raise StoreError("no_hash", meeting=m.id)
    stored, now = m.adjustment.sha256, text_hash(m)
    if now != stored and _raw_hash(m) == stored:
        # Adjusted before protokoll made text safe to print: the hash was
        # taken over the text with its control characters, which are unchanged.
        return True, stored, stored
    return now == stored, stored, now


def changed_since_adjusted(m: Meeting) -> bool:
    """Whether `m` is adjusted and its text is no longer the text adjusted
    (False for a meeting not adjusted, or adjusted without a hash to compare)."""
    if m.adjustment is None or not m.adjustment.sha256:
        return False
    return not still_as_adjusted(m)[0]


# The labels an adjusted protocol's text is hashed, kept and signed in (`adjusted_text`).
ADJUSTED_LANG = "sv"


def document_lang(m: Meeting, lang: str) -> str:
    """The language a protocol is printed in: an adjusted one in the words it was
    adjusted in, whatever the interface's (`--lang en` had printed "MINUTES" and
    "Voting members" round an adjusted Swedish protocol that still verified);
    any other in `lang`."""
    return ADJUSTED_LANG if m.adjustment is not None else lang


def export_refused(m: Meeting) -> StoreError | None:
    """Why `m` is not exported as a protocol: adjusted, and its text changed since,
    so that a file saying "Protokollet justerades …" would not be the text adjusted."""
    if changed_since_adjusted(m):
        return StoreError("export_changed_adjusted", meeting=m.id)
    return None


def kept_adjusted_text(store: Store, m: Meeting) -> str:
    """The text as adjusted, kept at the adjustment (`adjusted_copy`), while it
    still matches the stored hash; a StoreError if there is none such."""
    if m.adjustment is None:
        raise StoreError("not_adjusted", meeting=m.id)
    if m.adjustment.sha256:
        if still_as_adjusted(m)[0]:
            return adjusted_text(m)
        kept = adjusted_copy.kept(store.path, m.id, m.adjustment.sha256)
        if kept is not None:
            return kept
    raise StoreError("no_kept_adjusted_text", meeting=m.id)


def changed_warning(m: Meeting, lang: str) -> str | None:
    """The one line said beside a changed adjusted protocol wherever it is shown
    (`show`, `export`, the preview), in `lang`; None when it is as adjusted."""
    if not changed_since_adjusted(m):
        return None
    return StoreError("changed_since_adjusted", meeting=m.id).text(lang)


def changes(store: Store, meeting_ref: str, lang: str = "sv") -> tuple[list[str], str | None]:
    """The unified diff of the protocol as adjusted ("justerat DATE") against the
    protocol now ("nu"), labelled in `lang`; or no lines and why none can be made:
    "no_adjusted_copy" (adjusted by an earlier version, which kept none),
    "no_adjusted_copy_imported" (imported so), "adjusted_copy_missing" (kept, and
    gone since) or "adjusted_copy_changed".

    Apart from `verify`, so that what verify checks stays one thing."""
    m = store.load(store.resolve(meeting_ref))
    if m.adjustment is None:
        raise StoreError("not_adjusted", meeting=m.id)
    if not adjusted_copy.path_of(store.path, m.id).exists():
        return [], _why_no_copy(m)
    then = adjusted_copy.kept(store.path, m.id, m.adjustment.sha256)
    if then is None:
        return [], "adjusted_copy_changed"
    then_label = say("cli.diff_adjusted", lang, date=m.adjustment.date)
    now_label = say("cli.diff_now", lang)
    return adjusted_copy.unified(then, adjusted_text(m), then_label, now_label), None


def _why_no_copy(m: Meeting) -> str:
    """Why an adjusted meeting has no kept text: said as an earlier version's doing
    only when it was (this one records that it kept the copy: `kept_copy`)."""
    assert m.adjustment is not None
    if m.adjustment.kept_copy:
        return "adjusted_copy_missing"
    return "no_adjusted_copy_imported" if m.imported else "no_adjusted_copy"


def put_imported(
    store: Store, meeting: Meeting, source: Path, check: Callable[[], None] | None = None
) -> None:
    """Put an imported meeting into the store (`Store.put_meeting`, with its
    `check`); of one imported
    as adjusted the text is kept as `adjust` keeps it, so that `verify` can show
    what changes in it later: when it is the text its hash was taken over (a
    document from elsewhere may not be)."""
    a = meeting.adjustment
    keep = a is not None and bool(a.sha256) and text_hash(meeting) == a.sha256
    if keep:
        assert a is not None
        a.kept_copy = True
    store.put_meeting(meeting, source, check)
    if keep:
        adjusted_copy.keep(store.path, meeting.id, adjusted_text(meeting))


def _raw_hash(meeting: Meeting) -> str:
    raw = to_text(blocks(_as_adjusted(meeting), "sv", False), raw=True)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _adjusted_session(store: Store, meeting_ref: str):
    session = store.open(meeting_ref)
    if session.meeting.adjustment is None:
        session.close()
        raise StoreError("not_adjusted", meeting=session.meeting.id)
    return session


def post_immediate(
    store: Store,
    meeting_ref: str,
    date: dt.date,
    lang: str = "sv",
    replace: bool = False,
    today: dt.date | None = None,
) -> list[str]:
    """Record the anslag of the §§ adjusted at once: their own, from which their
    appeal runs (L8, L10, L11); returns any warnings, in `lang`. As `post`,
    a day to come is refused and one recorded is replaced only when asked."""
    session = store.open(meeting_ref)
    try:
        m = session.meeting
        d = immediate_deadlines(m)
        if d is None:
            raise StoreError("no_immediate", meeting=m.id)
        if d.meeting is not None and date < d.meeting:
            raise StoreError("posted_before_meeting", date=date, day=d.meeting)
        return _record_anslag(
            m, date, m.immediate_posted, replace, today, lang,
            already="already_posted_immediate",
            record=session.set_immediate_posted,
            dates=immediate_deadlines,
            late="late_posting_immediate",
        )  # fmt: skip
    finally:
        session.close()


def _record_anslag(
    m: Meeting,
    date: dt.date,
    before: str,
    replace: bool,
    today: dt.date | None,
    lang: str,
    already: str,
    record: Callable[[str], None],
    dates: Callable[[Meeting], Deadlines | None],
    late: str,
) -> list[str]:
    """Record an anslag's day (`record`), the protocol's or that of its §§
    adjusted at once; the warnings, in `lang`. A day to come is refused: the
    anslag is recorded when it is up, and one had been taken as fact with the
    appeal counted from it (a trial). A day already recorded (`before`) is
    replaced only when asked, and then said with the appeal's new last day."""
    today = today or dt.date.today()
    if date > today:
        raise StoreError("posted_in_future", meeting=m.id, date=date, today=today)
    day = date.isoformat()
    if before and before != day and not replace:
        raise StoreError(already, meeting=m.id, date=before)
    record(day)
    due = dates(m)
    assert due is not None
    said = []
    if before and before != day:
        said.append(
            StoreError("posting_replaced", before=before, date=date, appeal=due.appeal_until).text(
                lang
            )
        )
    if due.late_posting and due.adjusted is not None:
        days = (date - due.adjusted).days
        said.append(StoreError(late, date=date, days=days, due=due.post_by).text(lang))
    return said


def correct(
    store: Store,
    meeting_ref: str,
    date: dt.date,
    what: str,
    why: str = "",
    by: str = "",
    paragraph: int | None = None,
) -> Correction:
    """Add a dated rättelse to an adjusted protocol."""
    what, why, by = what.strip(), why.strip(), by.strip()
    if not what:
        raise StoreError("empty_correction")
    session = _adjusted_session(store, meeting_ref)
    try:
        m = session.meeting
        if paragraph is not None and paragraph not in m.numbers():
            raise StoreError("unknown_paragraph", paragraph=paragraph)
        assert m.adjustment is not None
        if date < dt.date.fromisoformat(m.adjustment.date):
            raise StoreError("before_adjustment", date=date, adjusted=m.adjustment.date)
        correction = Correction(date.isoformat(), what, why, by, paragraph)
        session.add_correction(correction)
        return correction
    finally:
        session.close()


def post(
    store: Store,
    meeting_ref: str,
    date: dt.date,
    lang: str = "sv",
    replace: bool = False,
    today: dt.date | None = None,
) -> list[str]:
    """Record the anslag date of an adjusted protocol; returns any warnings, in `lang`.

    A date already recorded is replaced only when asked (`replace`), and then
    said, with the appeal's new last day: a second `post` had moved that day
    without a word (a trial)."""
    session = _adjusted_session(store, meeting_ref)
    try:
        m = session.meeting
        assert m.adjustment is not None
        adjusted = dt.date.fromisoformat(m.adjustment.date)
        if date < adjusted:
            raise StoreError("before_adjustment", date=date, adjusted=m.adjustment.date)
        return _record_anslag(
            m, date, m.posted, replace, today, lang,
            already="already_posted", record=session.set_posted, dates=deadlines,
            late="late_posting",
        )  # fmt: skip
    finally:
        session.close()
