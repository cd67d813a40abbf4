"""What is typed into a dialog or a form survives a crash, a hang-up and kill -9.

Every dialog and form that takes text mixes in `Drafted`: twice a second it
compares its fields (`draft()`) with what was last kept and, when they
changed, hands a copy to the application's `Keeper`, whose thread writes it
to STORE/drafts/<key>.json (`store.drafts`). Typing never waits for the
disk, as with the § text (`tui.autosave`). Exit, SIGHUP and a crash write
the last keystrokes through `flush(app)`.

A draft is removed when its dialog is saved or cancelled with Esc, never
because the program stopped. When the meeting opens again, it says that a
draft is there: Enter opens the dialog again at the § where it was typed,
with the text in it (`offer`). A form (new meeting, organ) fills itself in
from its draft when it is opened again.

Keys: the meeting's id for the dialogs over a meeting (one draft per
meeting: only one dialog is open at a time), "new-meeting" and
"organ-<id>" / "organ-new" for the forms.
"""

from __future__ import annotations

import datetime as dt
import queue
import re
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from protokoll.store import StoreError, spill
from protokoll.store.drafts import Drafts
from protokoll.store.errors import os_detail
from protokoll.store.spill import Spill
from protokoll.store.spill import found as spill_files
from protokoll.store.storage import atomic_write, encode

from .i18n import lang, t
from .keys import Translated
from .widgets.footer import OwnFooter
from .widgets.shown import shown

if TYPE_CHECKING:
    from textual.screen import Screen

    from .screens.meeting import MeetingScreen

    _ScreenBase = Screen  # what the mixin is mixed into, for the type checker
else:
    _ScreenBase = object

_HINT = re.compile(r"\s*\([^()]*\)\s*$")  # "Yrkande (t.ex. …)": the words in brackets
INTERVAL = 0.5  # seconds between looks at a dialog's fields; on disk within about one

# The meeting screen's action that opens a dialog again, by its kind and the
# key of its title. A dialog not listed (a guest, an agenda item, ...) fills
# itself in when the secretary opens it again.
OPENERS: dict[tuple[str, str], str] = {
    ("DecisionDialog", "d_decision"): "decision",
    ("TaskDialog", "a_task"): "task",
    ("DetailsDialog", "d_details"): "details",
    ("VoteDialog", "a_vote"): "vote",
    ("VoteDialog", "a_edit_vote"): "vote",
    ("TextDialog", "d_title"): "new_free",
    ("TextDialog", "d_rename"): "rename",
    ("TextDialog", "d_mask"): "mask",
    ("TextDialog", "d_proposal_text"): "proposal",
    ("TextDialog", "d_reason"): "reservation",
    ("TextDialog", "d_note_text"): "note",
    ("TextDialog", "d_close_confirm"): "close_meeting",
    ("TextDialog", "d_agenda_item"): "add_agenda_item",
    ("TextDialog", "d_guest"): "add_guest",
}


def opener(kind: str, title: str) -> str:
    return next((a for (k, key), a in OPENERS.items() if k == kind and t(key) == title), "")


class Keeper:
    """The application's draft writer: a thread, so that typing never waits for fsync."""

    def __init__(self, store_path: Path) -> None:
        self.path = store_path
        self.drafts = Drafts(store_path)
        # What was last handed over per key (None: removed), ahead of the disk.
        self.latest: dict[str, dict[str, Any] | None] = {}
        # Drafts the secretary asked for back, for the next dialog of their kind.
        self.pending: dict[str, dict[str, Any]] = {}
        self.error: StoreError | None = None
        self.failing = False  # the last write failed
        self.failure: StoreError | None = None  # why, kept until a write succeeds
        # Drafts whose latest write failed (a full disk), by key.
        self.unwritten: dict[str, dict[str, Any]] = {}
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None

    def write(self, key: str, draft: dict[str, Any]) -> None:
        self.latest[key] = draft
        self._put(("write", key, draft))

    def remove(self, key: str) -> None:
        self.latest[key] = None
        self.pending.pop(key, None)
        self._put(("remove", key, None))

    def read(self, key: str) -> dict[str, Any] | None:
        if key in self.latest:
            return self.latest[key]
        return self.drafts.read(key)

    def flush(self, final: bool = False) -> None:
        """Every draft handed over is on disk (or failed) when this returns.

        `final` (the program is going): a draft that could not be written
        gets the store's reserve (`store.spill`), else goes to the home
        directory, so that a full disk does not take it.
        """
        self._queue.join()
        if not final:
            return
        for key, draft in list(self.unwritten.items()):
            try:
                spill.give_back_reserve(self.path)
                self.drafts.write(key, draft)
            except (StoreError, OSError):
                self._to_home(key, draft)
            self.unwritten.pop(key, None)

    def _to_home(self, key: str, draft: dict[str, Any]) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        path = spill.home() / f"protokoll-unsaved-draft-{key}-{stamp}.json"
        try:
            atomic_write(path, encode(draft))
        except (StoreError, OSError):
            pass  # nowhere left: the meeting's spill still has the §s

    def _put(self, job: tuple) -> None:
        # In order with the writes before it: a removal is never undone by a
        # write still waiting in the queue.
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="drafts", daemon=True)
            self._thread.start()
        self._queue.put(job)

    def _run(self) -> None:
        while True:
            what, key, draft = self._queue.get()
            try:
                if what == "write":
                    self.drafts.write(key, draft)
                else:
                    self.drafts.remove(key)
                self.unwritten.pop(key, None)
                self.error, self.failing, self.failure = None, False, None
            except (StoreError, OSError) as exc:
                self.failing = True
                if what == "write":
                    self.unwritten[key] = draft
                # Read by the dialog's next look, which says so and tries again.
                self.error = self.failure = (
                    exc
                    if isinstance(exc, StoreError)
                    else StoreError(
                        "write_failed", path=self.drafts.dir, detail=os_detail(exc)
                    )
                )
            finally:
                self._queue.task_done()


_keepers: weakref.WeakKeyDictionary[App, Keeper] = weakref.WeakKeyDictionary()


def keeper(app: App) -> Keeper | None:
    """The application's keeper, or None while no store is open."""
    store = getattr(app, "store", None)
    if store is None:
        return None
    found = _keepers.get(app)
    if found is None or found.path != store.path:
        found = _keepers[app] = Keeper(store.path)
    return found


def flush(app: App, final: bool = False) -> None:
    """Exit, SIGHUP, a crash: the fields of every open dialog and form on disk now.

    Never raises: it runs while the program is going down. `final`: the
    program is going, and a draft a full disk refused gets the reserve.
    """
    for screen in list(app.screen_stack):
        if isinstance(screen, Drafted):
            try:
                screen.keep_draft()
            except Exception:  # a broken dialog must not stop the others
                continue
    k = _keepers.get(app)
    if k is not None:
        k.flush(final)


def with_draft(app: App, label: str, key: str) -> str:
    """A menu entry's label, saying that a form's draft waits to fill it in:
    after a dropped connection the start menu had not said so, and the draft
    waited unseen until that form happened to be opened again."""
    stored = _kept(app, key)
    return label if stored is None else t("draft_kept_for", what=label, time=_stamp(stored))


def kept_of_kind(app: App, key: str, kind: str) -> str | None:
    """When a draft of a dialog of `kind` was last kept under `key` ("14:02"),
    or None: a protocol's view says that its rättelse waits (a trial found it
    only by pressing F3 again)."""
    stored = _kept(app, key)
    if not stored or stored.get("kind") != kind:
        return None
    return _stamp(stored)


def _kept(app: App, key: str) -> dict[str, Any] | None:
    k = keeper(app)
    return k.read(key) if k is not None else None


def _stamp(draft: dict[str, Any]) -> str:
    """When the draft was last kept: 14:02 today, 2026-01-15 14:02 before."""
    try:
        when = dt.datetime.fromisoformat(str(draft.get("saved", "")))
    except ValueError:
        return ""
    if when.date() == dt.date.today():
        return when.strftime("%H:%M")
    return when.strftime("%Y-%m-%d %H:%M")


def _select_on_focus(field: Input) -> None:
    field.select_on_focus = True


class Drafted(_ScreenBase):
    """Mixed into a screen whose fields are kept as a draft until saved or cancelled.

    `draft()` and `restore()` read and fill the screen's Input, TextArea and
    Select fields by id; a dialog with more state (the roll call of a vote)
    adds to them.
    """

    # Whether a draft fills in only a dialog opened with the same values (a
    # rename of the same title, an edit of the same decision).
    DRAFT_SAME_ORIGIN = True
    # Whether to begin after the screen's first messages: a form's Select
    # says it changed once mounted, and its handler fills in defaults.
    DRAFT_RESTORE_LATER = False
    # What was chosen before the dialog opened (who, for what), kept with the
    # draft and handed back when it is opened again; and the same in words.
    draft_context: dict[str, str] = {}
    draft_about = ""
    draft_name = ""  # what the draft is, where the title names a field of it

    _draft_key: str | None = None
    _draft_owned = False
    _draft_told = False  # the failure to keep the draft has been said

    # --- what a dialog says about itself ------------------------------------

    def draft_key(self) -> str | None:
        """The meeting's id for a dialog over a meeting that can be written; None: no draft."""
        screen = self._meeting_below()
        if screen is None or self._not_ours(screen):
            return None
        return screen.meeting.id

    def _meeting_below(self) -> Any:
        stack = self.app.screen_stack
        below = stack[: stack.index(self)] if self in stack else stack
        return next((s for s in reversed(below) if getattr(s, "meeting", None)), None)

    @staticmethod
    def _not_ours(screen: Any) -> bool:
        """Read-only here, or taken over by another process while this one was stopped:
        that process writes the meeting, and its drafts."""
        session = getattr(screen, "session", None)
        return session is not None and (session.read_only or session.lost())

    def draft_title(self) -> str:
        # The title's first paragraph: what follows says the state of the moment
        # (the closing's "no sekreterare named"), which had kept Enter on the
        # offer from finding the dialog to open again.
        title = str(getattr(self, "title_text", "") or type(self).__name__)
        return title.split("\n\n", 1)[0]

    def draft_at(self) -> str | None:
        """The § on the meeting screen beneath, where the dialog opens again."""
        for screen in reversed(self.app.screen_stack):
            if hasattr(screen, "shown") and hasattr(screen, "meeting"):
                return screen.shown
        return None

    def draft(self) -> dict[str, str]:
        fields: dict[str, str] = {}
        for widget in self.query("Input, TextArea, Select"):
            if not widget.id:
                continue
            if isinstance(widget, Input):
                fields[widget.id] = widget.value
            elif isinstance(widget, TextArea):
                fields[widget.id] = widget.text
            elif isinstance(widget, Select):
                value = widget.value
                fields[widget.id] = "" if value in (Select.NULL, None) else str(value)
        return fields

    def restore(self, fields: dict[str, str]) -> None:
        # Without their Changed messages: a form would otherwise fill in the
        # organ's defaults over the restored fields.
        with self.prevent(Input.Changed, TextArea.Changed, Select.Changed):
            for widget in self.query("Input, TextArea, Select"):
                if widget.id not in fields:
                    continue
                value = fields[widget.id]
                if isinstance(widget, Input):
                    widget.value = value
                    widget.cursor_position = len(value)
                elif isinstance(widget, TextArea):
                    widget.load_text(value)
                    widget.move_cursor(widget.document.end)
                elif isinstance(widget, Select):
                    _select(widget, value)

    # --- kept twice a second ---------------------------------------------------

    def _on_mount(self) -> None:
        if self.DRAFT_RESTORE_LATER:
            self.call_after_refresh(self._start_drafts)
        else:
            self._start_drafts()

    def _start_drafts(self) -> None:
        """What the fields hold as opened, the draft taken back if there is one, the timer."""
        k = keeper(self.app)
        key = self.draft_key() if k is not None else None
        if k is None or key is None:
            return
        self._draft_key = key
        self._draft_at = self.draft_at()
        self._draft_origin = self.draft()
        self._draft_last = self._draft_origin
        stored = self._claim(k, key)
        if stored is not None:
            self._draft_owned = True
            self.restore(stored.get("fields") or {})
            self._refocus(stored.get("focus"))
            self._draft_last = self.draft()
            self._say_restored(t("draft_restored", time=_stamp(stored)))
        self.set_interval(INTERVAL, self.keep_draft)

    def _typing_in(self) -> str | None:
        """The id of the field focused now, if it is one the draft keeps."""
        focused = self.focused
        if isinstance(focused, (Input, TextArea, Select)) and focused.id:
            return focused.id
        return None

    def _refocus(self, field: object) -> None:
        """Back in the field the secretary was typing in: the dialog opened again
        in its first field, and what came next was typed into the wrong one."""
        for widget in self.query("Input, TextArea, Select"):
            if widget.id == field and widget.focusable:
                widget.focus()
                if isinstance(widget, Input) and widget.select_on_focus:
                    # Typing goes on after what was typed, not over it. The
                    # focus comes through the app's queue, and its event
                    # through the field's: selecting on Tab again after both.
                    widget.select_on_focus = False
                    self.app.call_later(widget.call_later, _select_on_focus, widget)
                return

    def _say_restored(self, text: str) -> None:
        """A line at the top of the dialog or form, gone with it: as a toast it
        stayed on the screen beneath after a save, still saying that Esc would
        throw away a draft that was no longer there (a trial)."""
        frames = self.query(".dialog, .form")
        if not frames:
            self.notify(text, timeout=8, markup=False)
            return
        frame = frames.first()
        frame.mount(Static(shown(text), id="draft-restored", classes="hint"), before=0)
        frame.scroll_home(animate=False)

    def _identity(self) -> list[Any]:
        same = self._draft_origin if self.DRAFT_SAME_ORIGIN else None
        return [type(self).__name__, self.draft_title(), self._draft_at, same, self.draft_context]

    def _claim(self, k: Keeper, key: str) -> dict[str, Any] | None:
        """The draft this dialog takes over: one asked for back, or its own from before."""
        asked = k.pending.get(key)
        if (
            asked
            and asked.get("kind") == type(self).__name__
            and asked.get("title") == self.draft_title()
        ):
            del k.pending[key]
            return asked
        stored = k.read(key)
        if stored and stored.get("identity") == self._identity():
            return stored
        return None

    def keep_draft(self) -> None:
        """Hand the fields to the writer if they changed since the last time."""
        key = self._draft_key
        k = keeper(self.app)
        if key is None or k is None:
            return
        if k.error is not None:
            error, k.error = k.error, None
            if not self._draft_told:  # once, not at every retry (a full disk)
                self.notify(error.text(lang()), severity="error", timeout=15, markup=False)
            self._draft_told = True
            self._draft_last = None  # try again now
        elif not k.failing:
            self._draft_told = False
        fields = self.draft()
        if fields == self._draft_last:
            return
        below = self._meeting_below() if not isinstance(self, DraftedForm) else None
        if below is not None and self._not_ours(below):
            self._draft_key = None  # woken after a take-over: write nothing over the new writer
            return
        self._draft_last = fields
        self._draft_owned = True
        kind, title = type(self).__name__, self.draft_title()
        k.write(
            key,
            {
                "kind": kind,
                "title": title,
                "identity": self._identity(),
                "action": opener(kind, title),
                "at": self._draft_at,
                "fields": fields,
                # The store writes keys sorted: the offer had read "15/6 20 ·
                # Joakim Ivarsson · skicka länk…", due date first (a trial).
                "order": list(fields),
                "focus": self._typing_in(),
                "origin": self._draft_origin,
                "context": self.draft_context,
                "about": self.draft_about,
                "name": self.draft_name,
                "summary": self.draft_summary(),
                "saved": dt.datetime.now().isoformat(timespec="seconds"),
            },
        )

    def draft_summary(self) -> str:
        """What the offer says was typed, where the fields alone would not say it
        (a vote's roll call); "": the fields that changed."""
        return ""

    def drop_draft(self) -> None:
        """Saved or cancelled: the draft is done with."""
        key, self._draft_key = self._draft_key, None
        k = keeper(self.app)
        if key is not None and k is not None and self._draft_owned:
            k.remove(key)

    def dismiss(self, result: Any = None) -> Any:
        self.drop_draft()
        return super().dismiss(result)


def _select(widget: Select, value: str) -> None:
    """Choose the option whose value reads as `value` (a Select's values need not be text)."""
    if value == "":
        if widget._allow_blank:
            widget.clear()
        return
    for _label, option in widget._options:
        if option is not Select.NULL and str(option) == value:
            widget.value = option
            return


# --- offering a meeting's draft back --------------------------------------------


def changed_text(draft: dict[str, Any]) -> str:
    """What was typed, as the secretary will recognise it: the dialog's own
    summary, or the fields that changed."""
    if draft.get("summary"):
        return str(draft["summary"])
    fields = draft.get("fields") or {}
    origin = draft.get("origin") or {}
    # In the dialog's order, where the draft says it (older ones: as stored).
    order = [k for k in draft.get("order") or [] if k in fields]
    order += [k for k in fields if k not in order]
    typed = [str(fields[k]).strip() for k in order if fields[k] != origin.get(k)]
    return " · ".join(x for x in typed if x)


class DraftOffer(OwnFooter, Translated, ModalScreen):
    """Enter opens the draft's dialog again; Esc leaves it for later."""

    BINDINGS = [
        Binding("enter", "reopen", "draft_reopen", priority=True),
        Binding("escape", "later", "draft_later"),
    ]

    def __init__(self, draft: dict[str, Any], where: str) -> None:
        super().__init__()
        self.draft = draft
        self.where = where

    def compose(self) -> ComposeResult:
        # A title's hint in brackets is no part of its name: "Yrkande (t.ex.
        # bifall till förslaget)" had been offered as that whole (a trial).
        title = str(self.draft.get("title", ""))
        what = str(self.draft.get("name") or "") or _HINT.sub("", title) or title
        about = str(self.draft.get("about", ""))
        head, _, last = about.rpartition(", ")
        if head and last.casefold() == what.casefold():
            about = head  # "Cia Dahl, särskilt yttrande" beside "Särskilt yttrande": once
        if about:  # whose yrkande: the picks before the text are part of it
            what = f"{what}, {about}"
        title = t("draft_offer", what=what, time=_stamp(self.draft), where=self.where)
        text = changed_text(self.draft)
        if len(text) > 300:
            text = text[:299] + "…"
        with Vertical(classes="dialog wide"):
            yield Label(shown(title), classes="dialog-title")
            yield Static(shown(text), id="draft-text")
            yield Static(shown(t("draft_offer_keys")), classes="hint")

    def action_reopen(self) -> None:
        self.dismiss(True)

    def action_later(self) -> None:
        self.dismiss(False)


class SpillOffer(OwnFooter, Translated, ModalScreen):
    """Enter puts a spill's text back into the meeting; Esc leaves it for later."""

    BINDINGS = [
        Binding("enter", "back", "spill_back", priority=True),
        Binding("escape", "later", "spill_later"),
    ]

    def __init__(self, spill: Spill, text: str) -> None:
        super().__init__()
        self.spill = spill
        self.text = text

    def compose(self) -> ComposeResult:
        text = self.text if len(self.text) <= 300 else self.text[:299] + "…"
        with Vertical(classes="dialog wide"):
            yield Label(shown(t("spill_offer", time=self.spill.time)), classes="dialog-title")
            yield Static(shown(text), id="spill-text")
            yield Static(shown(t("spill_offer_keys", path=self.spill.path)), classes="hint")

    def action_back(self) -> None:
        self.dismiss(True)

    def action_later(self) -> None:
        self.dismiss(False)


def spilled_text(spill: Spill, meeting: Any) -> str:
    """The § texts of a spill that differ from the meeting's, as the secretary wrote them."""
    now = {p.id: p.text for p in meeting.paragraphs}
    return " · ".join(
        str(p.get("text", "")).strip()
        for p in spill.doc.get("paragraphs") or []
        if p.get("text") and p.get("text") != now.get(p.get("id"))
    )


def offer(screen: MeetingScreen) -> None:
    """On opening a meeting: text spilled at a full disk, then a draft, offered back."""
    k = keeper(screen.app)
    if k is None or screen.session.read_only:
        return
    store = screen.session.store
    spills = spill_files(store.path, screen.meeting.id)
    if spills:
        latest = spills[-1]
        if latest.follows(store._file(screen.meeting.id)):

            def answered(back: bool | None) -> None:
                if back:
                    screen.recover_spill(latest)
                _offer_draft(screen, k)

            what = spilled_text(latest, screen.meeting) or t("spill_offer", time=latest.time)
            screen.call_after_refresh(
                screen.app.push_screen, SpillOffer(latest, what), answered
            )
            return
        # Written since: only said where it is, never put back over later work.
        said = t("spill_elsewhere", time=latest.time, path=latest.path)
        screen.notify(said, severity="warning", timeout=30, markup=False)
    _offer_draft(screen, k)
    _mention_forms(screen, k)


def _mention_forms(screen: MeetingScreen, k: Keeper) -> None:
    """A form's draft, said when the meeting opens: after a dropped connection in
    the organ form, the start went straight into the meeting, and the draft
    waited unsaid until F9 c happened to be pressed again (a trial)."""
    here = f"organ-{screen.meeting.organ_id}"
    for key in (here, "organ-new", "new-meeting"):
        kept = k.read(key)
        if kept:
            where = "draft_form_here" if key == here else "draft_form_menu"
            said = t(where, what=t(f"draft_form_{key.split('-')[0]}"), time=_stamp(kept))
            screen.notify(said, timeout=15, markup=False)


def _offer_draft(screen: MeetingScreen, k: Keeper) -> None:
    key = screen.meeting.id
    draft = k.read(key)
    if not draft or not changed_text(draft):
        return
    at = draft.get("at")
    p = screen.meeting.paragraph(at) if at else None
    where = ""
    if p is not None:
        where = f" (§ {p.number})" if p.number is not None else f" ({p.title})"

    def answered(reopen: bool | None) -> None:
        if not reopen:
            return
        k.pending[key] = draft
        action = str(draft.get("action", ""))
        context = draft.get("context")
        context = context if isinstance(context, dict) else {}
        screen.reopen_draft(action, p.id if p is not None else None, context)
        if not action:
            # Opened from a list (a guest, an agenda item): it fills itself in there.
            title = str(draft.get("title", ""))
            screen.notify(t("draft_open_again", what=title), timeout=10, markup=False)

    screen.call_after_refresh(screen.app.push_screen, DraftOffer(draft, where), answered)


class DraftedForm(Drafted):
    """A form over no meeting: its own key, and filled in whenever it opens again."""

    DRAFT_SAME_ORIGIN = False
    DRAFT_RESTORE_LATER = True

    def draft_key(self) -> str | None:
        return None  # each form names its own

    def draft_at(self) -> str | None:
        return None

    def draft_title(self) -> str:
        return type(self).__name__
