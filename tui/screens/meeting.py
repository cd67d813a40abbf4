"""The meeting being minuted: attendance, agenda and the § log on one screen."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static, TextArea

from protokoll.store import MeetingSession, Paragraph, StoreError, verbs
from protokoll.store.attendance import decided_without_quorum, judges_quorum, quorum
from protokoll.store.checks import (
    absent_signers,
    function_problems,
    paragraph_problems,
    serious_at_close,
)
from protokoll.store.dates import format_time
from protokoll.store.deadlines import deadlines
from protokoll.store.followup import Pending, items_missing, pending, previous_reference
from protokoll.store.labels import organ_shown, record_language
from protokoll.store.meeting_index import UNFINISHED
from protokoll.store.render import paragraph_mark
from protokoll.store.safe_text import clean
from protokoll.store.spill import Spill, recover
from protokoll.store.verbs import Change, Editor, History, ItemRef

from ..actions import MEETING, OF_PARAGRAPH, OF_PARAGRAPH_KEYS, WRITE_KEYS, WRITES, bindings
from ..autosave import INTERVAL, Autosaver, Outcome
from ..i18n import t
from ..keys import Translated
from ..lifecycle import still_shown
from ..widgets.fields import MinutesArea
from ..widgets.footer import SteadyFooter
from ..widgets.lists import (
    AgendaList,
    AttendanceList,
    ItemList,
    ParagraphLog,
)
from ..widgets.shown import shown
from .followup import AgendaRow
from .meeting_commands import ListCommands
from .meeting_rows import agenda_rows, attendance_rows, item_rows, log_rows, now_hhmm

if TYPE_CHECKING:
    from .decision_dialog import DecisionText
    from .record import Recorder

# The dialogs, the recorder, extracts and phrases are imported where they are
# first used: the first frame does not wait for them (tests/test_startup.py).

MIN_WIDTH, MIN_HEIGHT = 60, 16
TOP_RIGHT = 44  # the top bar's right part at its widest (app.tcss)


UNDO_TOAST = 2.5  # seconds an undo's or a redo's toast stays

def after_typing(action: Callable[..., None]) -> Callable[..., None]:
    """Run a key's action after the keys typed before it have reached the editor.

    The F-keys and Alt keys are priority bindings, handled by the app as they
    arrive, while typed characters wait in the editor's own queue. From a fast
    typist, a paste or a terminal buffer, "text F2 more" would otherwise make
    the new § first and type the text into it. Queued behind the characters,
    the action sees the text where it was typed.
    """

    @functools.wraps(action)
    def in_order(self: MeetingScreen, *args: object) -> None:
        area = next(self.query("#text").results(TextArea), None)
        # The keys after this one wait too: they are for what the action opens,
        # or for the field it moves the focus to. F2 from the attendance list
        # had let "Budg" of the new §'s text go to the list (a trial).
        gate = getattr(self.app, "keys", None)
        if area is None or not area.has_focus:
            with gate.closed_during() if gate is not None else contextlib.nullcontext():
                action(self, *args)
            return
        if gate is not None:
            gate.close()

        def run() -> None:
            try:
                action(self, *args)
            finally:
                if gate is not None:
                    gate.open_when_settled()

        area.call_later(run)

    return in_order


# Who signs, by the check that finds them missing: the attendance keys' names.
_ROLE = {"no_secretary": "a_secretary", "no_chair": "a_chair", "no_adjuster": "a_adjuster"}


class MeetingScreen(ListCommands, Translated, Screen):
    """Shows the meeting and routes keys to verbs; the rules live in `store.verbs`."""

    ACTIONS = MEETING
    # The § editor, as on_mount has it, not Textual's first focusable widget
    # (the attendance list): focus moving there and back changed the footer's
    # keys twice, each time all of them made anew.
    AUTO_FOCUS = "#text"
    BINDINGS = [*bindings(MEETING), Binding("escape", "focus('text')", show=False)]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self.meeting = session.meeting
        self.autosaver = Autosaver(session, commit=self._commit_text)
        history = None if session.read_only else History(session.store.path, self.meeting.id)
        self.editor = Editor(session, saved=self.changed, history=history)
        self._shown_state: tuple = ()
        # Open tasks of earlier meetings and the protocol to report; loaded
        # in a worker after the screen shows.
        self.pending = Pending([], None)
        self.pending_read = False
        # The § on screen. Kept here as well as in `meeting.current`, which
        # a read-only screen may not change.
        self.shown: str | None = self.meeting.current
        self._told_read_only: str | None = None  # the § whose read-only text was explained
        # The § whose text is in the editor: the store may have moved
        # `meeting.current` on before the editor is loaded again.
        self._editing: str | None = self.shown
        self._serious = 0
        self._top_width = -1
        self._count_problems()

    # --- layout ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(id="top-left")
            yield Static(id="top-right")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                # Lists and text are made with their content, not filled after
                # mounting: one layout pass at start instead of several.
                yield Static(shown(t("attendance")), classes="pane-title")
                yield AttendanceList(self._attendance_rows(), id="attendance")
                yield Static(shown(t("agenda")), classes="pane-title")
                yield AgendaList(self._agenda_rows(), id="agenda")
            with Vertical(id="right"):
                yield ParagraphLog(self._log_rows(), id="log")
                yield Static(id="para-title")
                p = self.current
                yield MinutesArea(
                    p.text if p else "",
                    id="text",
                    soft_wrap=True,
                    tab_behavior="focus",
                    read_only=not self.text_editable,
                    disabled=p is None,
                )
                yield ItemList(id="items")
        yield Static(id="too-small")
        yield SteadyFooter()

    def on_mount(self) -> None:
        text = self.query_one("#text", TextArea)
        if self.session.notice is not None:
            self.notify(
                self.session.notice.text(self.app.lang),
                severity="warning",
                timeout=10,
                markup=False,
            )
        elif self.meeting.status == "closed":
            self.notify(t("n_closed_reopen"), timeout=10, markup=False)
        self.set_interval(INTERVAL, self._tick)
        self._offer_take_over()
        self.call_after_refresh(self.join_roster)
        # After the first frame: the worker reads the organ's earlier meetings
        # and, on another thread, still holds the GIL the first frame needs.
        if self.app._batch_count:
            # The application's start: the refresh inside its mount batch is
            # made and not shown; the app's queue is read after that batch.
            self.app.call_later(self.call_after_refresh, self.load_pending)
        else:
            self.call_after_refresh(self.load_pending)
        self._show_topbar()
        self._show_paragraph_parts()
        log = self.query_one("#log", ParagraphLog)
        if self.shown in log.refs:
            log.highlighted = log.refs.index(self.shown)
            log.scroll_to_highlight()
        if self.current is None:
            self.query_one("#agenda", AgendaList).focus()
        else:
            text.move_cursor(text.document.end)
            text.focus()
        self._check_size()
        from ..drafts import offer

        offer(self)  # a dialog's text left when the program stopped: Enter opens it again

    def on_unmount(self) -> None:
        held = self.session.lock is not None
        outcome = self.finish()
        if held and outcome.error is not None:
            # Left for another meeting on a full disk: say where the text went.
            self.app.notify(outcome.line(self.app.lang), severity="error", markup=False)

    # How the meeting was left by `finish`: saved, spilled or neither.
    outcome: Outcome | None = None

    def finish(self) -> Outcome:
        """Everything on disk (or in a spill), the meeting released. Safe to call twice.

        Never waits for room on a full disk: the text goes to a spill
        (`Autosaver.finish`) and the lock is released whatever happened.
        """
        if self.session.lock is None:
            return self.outcome or Outcome()
        try:
            self.outcome = self.autosaver.finish()
        finally:
            self.session.close()
        return self.outcome

    def recover_spill(self, spill: Spill) -> None:
        """The meeting back as a spill kept it; undoable, as any change."""
        change = self.do(recover, spill.doc, spill.time)
        if change is None:
            return
        spill.remove()
        self.shown = self.meeting.current
        self._load_paragraph()
        self.refresh_all()
        self.notify(change.text(self.app.lang), markup=False)

    def on_resize(self) -> None:
        self._check_size()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # After the layout: the first focus comes before the widget has a place.
        self.call_after_refresh(self._place_toasts)

    def _place_toasts(self) -> None:
        """Messages go to the half of the screen the focus is not in (app.tcss):
        never over the row being worked on."""
        region = self.focused.region if self.focused is not None else None
        if region:
            self.set_class(region.y + region.height / 2 < self.size.height / 2, "toasts-low")

    def _check_size(self) -> None:
        w, h = self.app.size
        small = w < MIN_WIDTH or h < MIN_HEIGHT
        self.set_class(small, "too-small")
        # More room shows more: earlier §s and items in height, names in width.
        self.set_class(h >= 32, "tall")
        if self.has_class("wide") != (w >= 110):
            self.set_class(w >= 110, "wide")
            self._show_attendance()
        if small:
            self.query_one("#too-small", Static).update(
                shown(t("too_small", w=w, h=h, mw=MIN_WIDTH, mh=MIN_HEIGHT))
            )

    # --- state ---------------------------------------------------------------

    @property
    def current(self) -> Paragraph | None:
        return self.meeting.paragraph(self.shown)

    @property
    def editable(self) -> bool:
        """Writable and neither closed nor adjusted: the text can be typed into."""
        return not self.session.read_only and self.meeting.status in ("draft", "open")

    def clock(self) -> str:
        """The time now, at a meeting of today: when a § taken now starts, the
        end a closing proposes. "" for a meeting typed in afterwards, which had
        every § begin at the hour it was typed ("§ 85 … 09.44" at a meeting of
        18.00 a month before) and 06.57 proposed as its end (trials)."""
        return now_hhmm() if self.meeting.date == dt.date.today().isoformat() else ""

    @property
    def text_editable(self) -> bool:
        """The shown § can be typed into: editable, and not adjusted at once."""
        p = self.current
        return self.editable and not (p is not None and p.immediate)

    def changed(self) -> None:
        # Cheap, for it runs on every key: the top bar follows at the next tick.
        self.autosaver.touch()

    def item_taken(self, item_id: str | None) -> bool:
        """Whether the agenda item has become a § (its Enter goes there)."""
        item = next((i for i in self.meeting.agenda if i.id == item_id), None)
        return item is not None and item.paragraph is not None

    def _writable(self) -> bool:
        if self.session.read_only:
            self.notify(t("n_read_only"), severity="warning", markup=False)
            return False
        if self.meeting.status == "closed":
            self.notify(t("n_closed_reopen"), severity="warning", markup=False)
            return False
        return True

    def _need_paragraph(self) -> Paragraph | None:
        if not self._writable():
            return None
        if self.current is None:
            self.notify(t("n_need_paragraph"), severity="warning", markup=False)
        return self.current

    def _refused(self, exc: StoreError) -> None:
        self.notify(exc.text(self.app.lang), severity="error", timeout=10, markup=False)

    def do(self, verb, *args, **kwargs) -> Change | None:
        """Run a verb; a refusal becomes a message, and nothing changes."""
        done = self._run_verb(verb, *args, **kwargs)
        if isinstance(done, StoreError):
            self._refused(done)
            return None
        return done

    def attempt(self, verb, *args, **kwargs) -> str | None:
        """Run a verb for a dialog that stays open: the refusal's words, or None."""
        done = self._run_verb(verb, *args, **kwargs)
        return done.text(self.app.lang) if isinstance(done, StoreError) else None

    def _run_verb(self, verb, *args, **kwargs) -> Change | StoreError:
        self._commit_text()
        try:
            change = self.editor.do(verb, *args, **kwargs)
        except StoreError as exc:
            return exc
        self._after_change(change)
        return change

    def _after_change(self, change: Change) -> None:
        """Show what a verb changed: the § it moved to, and every pane."""
        if self.meeting.current != self.shown:
            self.shown = self.meeting.current
            self._load_paragraph()
        self._set_editable()  # a § adjusted at once takes no more text
        self.refresh_all()

    def _tick(self) -> None:
        self.autosaver.tick()
        a = self.autosaver
        state = (a.saved_at, a.error, a.dirty)
        if state == self._shown_state:
            return
        failing = bool(self._shown_state) and self._shown_state[1] is not None
        if a.error is not None and not failing:
            # Once when saving starts to fail, not at every retry: the top bar
            # says EJ SPARAT until a retry succeeds, and a pile of messages
            # would cover it.
            self.notify(a.error.text(self.app.lang), severity="error", timeout=15, markup=False)
        self._shown_state = state
        self._show_topbar()

    # --- undo ----------------------------------------------------------------

    @after_typing
    def action_undo(self) -> None:
        if self.editor.undo_reopens and not self.session.read_only:
            # Undoing the closing opens the meeting for changes again: asked,
            # as reopening is. One F6 on the closed screen had done it unsaid.
            def answered(yes: bool | None) -> None:
                if yes:
                    self._swap(self.editor.undo, "nothing_to_undo")

            from .dialogs import ConfirmDialog

            self.app.push_screen(ConfirmDialog(t("d_undo_close_confirm")), answered)
            return
        self._swap(self.editor.undo, "nothing_to_undo")

    @after_typing
    def action_redo(self) -> None:
        self._swap(self.editor.redo, "nothing_to_redo")

    def _swap(self, how, nothing: str) -> None:
        if self.session.read_only:
            self.notify(t("n_read_only"), severity="warning", markup=False)
            return
        self._commit_text()
        try:
            change = how()
        except StoreError as exc:
            self._refused(exc)
            return
        if change is None:
            self.notify(StoreError(nothing).text(self.app.lang), markup=False)
            return
        self.shown = self.meeting.current
        self._load_paragraph()
        self._set_editable()
        self.refresh_all()
        # Short: F6 held or pressed thirty times had left a column of ten over
        # the § list (a trial); what was undone is on the screen itself.
        self.notify(change.text(self.app.lang), markup=False, timeout=UNDO_TOAST)

    # --- drawing -----------------------------------------------------------

    def _count_problems(self) -> None:
        """The serious findings of the checks, for the top bar.

        Counted when the record changes, not on every redraw: it walks every §.
        """
        m = self.meeting
        self._serious = len(absent_signers(m)) + sum(
            1 for p in m.paragraphs for x in paragraph_problems(m, p.id) if x.serious
        )

    def refresh_all(self) -> None:
        self._count_problems()
        self._show_topbar()
        self._show_attendance()
        self._show_agenda()
        self._show_log()
        self._show_paragraph_parts()
        # The § shown may be one adjusted at once, whose keys are left out
        # (the footer composes anew only if its keys changed).
        self.refresh_bindings()

    def _show_topbar(self) -> None:
        m = self.meeting
        organ = organ_shown(m.organ, "", self.app.lang)  # an import's source may name none
        left = " · ".join(
            x for x in (organ, f"{m.date} {format_time(m.start)}".strip(), m.place) if x
        )
        self.query_one("#top-left", Static).update(shown(left), layout=False)
        # What must always show: read-only or closed, a failed save, the quorum
        # and the problems. The save time comes last and gives way first.
        right = []
        if self.session.read_only:
            right.append(t("read_only"))
        elif m.status == "closed":
            right.append(t("closed"))
        a = self.autosaver
        if a.error is not None:
            right.append(t("save_failed"))
        ok = True
        if judges_quorum(m):
            n, seats, ok = quorum(m, self.shown)
            right.append(t("quorate" if ok else "not_quorate", n=n, seats=seats))
        if self._serious:
            right.append(t("problems", n=self._serious))
            if len("  ".join(right)) > TOP_RIGHT - 2:  # the key hint goes before the count
                right[-1] = t("problems_short", n=self._serious)
            ok = False
        saved = ""
        if a.error is None and a.dirty:
            saved = t("unsaved")
        elif a.error is None and a.saved_at and m.status != "closed":
            # Not on a closed meeting, where nothing is typed: its time had
            # put the place out of sight ("13.00 …  sparat 03:58:07  AVSLUTAT").
            stamp = dt.datetime.fromtimestamp(a.saved_at).strftime("%H:%M:%S")
            saved = t("saved_at", time=stamp)
        room = TOP_RIGHT - 2  # less the padding
        if saved and len("  ".join([saved, *right])) <= room:
            # Nor where the meeting's place would show whole without it:
            # "· Före…  sparat 01:48:49" had cut the place for the time (a
            # trial). A place cut either way keeps the time beside it.
            without = cell_len(left) + 4 + len("  ".join(right))  # and both paddings
            width = self.size.width
            if not width or without > width or without + len(saved) + 2 <= width:
                right.insert(0, saved)
        widget = self.query_one("#top-right", Static)
        text = "  ".join(right)
        # A layout pass only when the width changes: this runs twice a second
        # while typing, and the save time keeps its width.
        widget.update(shown(text), layout=len(text) != self._top_width)
        self._top_width = len(text)
        widget.set_class(not ok, "warning")

    def _show_attendance(self) -> None:
        self.query_one("#attendance", AttendanceList).show(self._attendance_rows())

    def _attendance_rows(self) -> list[tuple[str | None, str]]:
        # The left pane (app.tcss), less its border and the scrollbar column it keeps.
        width = 38 if self.has_class("wide") else 26
        rows = attendance_rows(self.meeting, self.shown, width)
        # An organ made by an import has no roster: say where its members are
        # added, not an empty pane under "EJ beslutför 0/0" (a trial).
        hint = ("attendance_none", "attendance_none_members", "attendance_none_guest")
        return rows or [(None, t(key)) for key in hint]

    def _show_agenda(self) -> None:
        self.query_one("#agenda", AgendaList).show(self._agenda_rows())

    def _agenda_rows(self) -> list[tuple[AgendaRow, str]]:
        return agenda_rows(self.meeting, self.pending, reading=not self.pending_read)

    def _show_log(self) -> None:
        log = self.query_one("#log", ParagraphLog)
        log.show(self._log_rows(), keep=self.shown)
        if self.shown and log.highlighted is not None:
            log.scroll_to_highlight()

    def _log_rows(self) -> list[tuple[str, str]]:
        return log_rows(self.meeting, self.shown)

    def _show_paragraph_parts(self) -> None:
        p = self.current
        title = self.query_one("#para-title", Static)
        items = self.query_one("#items", ItemList)
        if p is None:
            # A reopened import has §s and none chosen: not "no § yet".
            none = "no_paragraph_chosen" if self.meeting.paragraphs else "no_paragraph"
            title.update(shown(t(none)))
            items.show([])
            return
        head = self._head(p)
        started = f"  {format_time(p.started)}" if p.started else ""
        title.update(shown(f"{head}  {p.title}{started}"))
        items.show(self._item_rows(p))

    def _head(self, p: Paragraph) -> str:
        """The § as the screen names it: "§ 3", or "3." before it has a number."""
        if p.number is not None:
            return f"§ {p.number}"
        return f"{self.meeting.paragraphs.index(p) + 1}."

    def _item_rows(self, p: Paragraph) -> list[tuple[ItemRef, str]]:
        return item_rows(self.meeting, p)

    def _set_editable(self) -> None:
        self.query_one("#text", TextArea).read_only = not self.text_editable

    def _load_paragraph(self) -> None:
        """Put the shown §'s text into the editor, cursor at its end."""
        text = self.query_one("#text", TextArea)
        p = self.current
        self._editing = p.id if p else None
        text.load_text(p.text if p else "")
        text.disabled = p is None
        text.read_only = not self.text_editable
        if p is not None:
            text.move_cursor(text.document.end)

    def show_paragraph(self, paragraph_id: str) -> None:
        self._commit_text()  # what was typed stays with the § it was typed into
        self.shown = paragraph_id
        if self.editable:
            self.editor.quietly(verbs.set_current, paragraph_id)
        self._load_paragraph()
        self.refresh_all()

    # --- the text ----------------------------------------------------------

    def _commit_text(self) -> None:
        """Put the editor's text into the § being written, now.

        TextArea.Changed arrives as a message, after any key already queued:
        a fast typist's F2 (or a hangup) can come first. Everything that
        switches § or saves calls this, so no typed character waits on a
        message to reach the meeting.
        """
        p = self.meeting.paragraph(self._editing)
        if p is None or not self.editable or p.immediate:
            return
        area = next(self.query("#text").results(TextArea), None)
        # The editor shows a stored text cleaned (safe_text.clean); that alone
        # is no change: opening a § never rewrites it.
        if area is not None and area.text not in (p.text, clean(p.text)):
            self.editor.quietly(verbs.set_text, p.id, area.text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "text":
            self._commit_text()

    def on_minutes_area_typed_read_only(self, _: MinutesArea.TypedReadOnly) -> None:
        """Why the text takes no keys: said once for each § shown."""
        if self._told_read_only == self.shown:
            return
        self._told_read_only = self.shown
        p = self.current
        if self.session.read_only or self.meeting.status not in ("draft", "open") or p is None:
            self._writable()  # says read-only, or closed
        elif p.immediate:
            error = StoreError("adjusted_at_once", paragraph=self._head(p))
            self.notify(error.text(self.app.lang), severity="warning", markup=False)

    # --- §s ------------------------------------------------------------------

    @after_typing
    def action_focus(self, target: str) -> None:
        widget = self.query_one(f"#{target}")
        if target == "agenda":
            # Start from the item being minuted, not from the top.
            current = next((i.id for i in self.meeting.agenda if i.status == "current"), None)
            row = AgendaRow(item=current)
            if row in widget.refs:
                widget.highlighted = widget.refs.index(row)
        widget.focus()

    @after_typing
    def action_new_paragraph(self) -> None:
        if not self._writable():
            return
        item = verbs.next_item(self.meeting)
        if item is not None:
            self.take_item(item.id)
        else:
            self.notify(t("n_no_more_items"), markup=False)
            self.action_new_free()

    def take_item(self, item_id: str) -> bool:
        """The agenda item becomes the next § (or its § is shown); the editor gets focus."""
        item = next((i for i in self.meeting.agenda if i.id == item_id), None)
        if item is None:
            return False
        if item.paragraph and self.meeting.paragraph(item.paragraph):
            self.show_paragraph(item.paragraph)
            self.query_one("#text", TextArea).focus()
            return True
        if not self._writable():
            return False
        previous = self.pending.previous
        text = ""
        if item.kind == "previous" and previous is not None and previous.id == item.ref:
            # Which protocol is reported; the secretary goes on with what is decided.
            text = previous_reference(previous, record_language(self.meeting)) + " "
        self.autosaver.flush()
        if self.do(verbs.take_item, item.id, started=self.clock(), text=text) is None:
            return False
        self.query_one("#text", TextArea).focus()
        return True

    @after_typing
    def action_new_free(self) -> None:
        if not self._writable():
            return

        def done(title: str | None) -> None:
            if title and title.strip():
                self.autosaver.flush()
                if self.do(verbs.add_paragraph, title, started=self.clock()):
                    self.query_one("#text", TextArea).focus()

        from .dialogs import TextDialog

        self.app.push_screen(TextDialog(t("d_title")), done)

    @after_typing
    def action_rename(self) -> None:
        p = self._need_paragraph()
        if p is None:
            return

        def done(title: str | None) -> None:
            if title and title.strip():
                self.do(verbs.rename_paragraph, p.id, title)

        from .dialogs import TextDialog

        self.app.push_screen(TextDialog(t("d_rename"), p.title), done)

    @after_typing
    def action_delete_paragraph(self) -> None:
        p = self._need_paragraph()
        if p is not None:
            self._delete_paragraph(p.id)

    def _delete_paragraph(self, paragraph_id: str) -> None:
        """One key, and safe: the status line says what went and that F6 brings it back."""
        if not self._writable():
            return
        self.autosaver.flush()
        change = self.do(verbs.delete_paragraph, paragraph_id)
        if change is not None:
            self._said_undoable(change)

    def _said_undoable(self, change: Change) -> None:
        self.notify(t("n_undoable", what=change.text(self.app.lang)), timeout=8, markup=False)

    # --- within a § --------------------------------------------------------

    @after_typing
    def action_decision(self) -> None:
        p = self._need_paragraph()
        if p is None:
            return

        def done(value: DecisionText | None) -> None:
            if value is None:
                return
            if self.do(verbs.add_decision, p.id, value.text, lead=value.lead) is None:
                return
            lacking = decided_without_quorum(self.meeting, p)
            if lacking is not None:
                n, seats = lacking
                self.notify(
                    t("n_no_quorum", n=n, seats=seats),
                    severity="warning",
                    timeout=10,
                    markup=False,
                )

        from protokoll.store.phrases import decision_leads

        from .decision_dialog import DecisionDialog

        leads = decision_leads(self.meeting, voted=bool(p.votes))
        self.app.push_screen(DecisionDialog(leads[0], leads=leads), done)

    @after_typing
    def action_task(self) -> None:
        p = self._need_paragraph()
        if p is None:
            return

        def done(result: dict | None) -> None:
            if not result:
                return
            owner = self._attendee_by_name(result["owner"])
            if result["owner"] and owner is None:
                self.notify(t("n_unknown_owner", name=result["owner"]), markup=False)
            self.do(
                verbs.add_task,
                p.id,
                result["text"],
                owner=owner,
                owner_name=result["owner"],
                due=result["due"],
            )

        from .task_dialog import TaskDialog

        self.app.push_screen(TaskDialog(self.meeting), done)

    def _attendee_by_name(self, name: str) -> str | None:
        wanted = name.strip().casefold()
        for a in self.meeting.attendees:
            if a.name.casefold() == wanted:
                return a.id
        return None

    @property
    def recorder(self) -> Recorder:
        from .record import Recorder

        return Recorder(self.app, self.meeting, self.do, self.attempt)

    def _record(self, ask: Callable[[Paragraph], None]) -> None:
        p = self._need_paragraph()
        if p is not None:
            ask(p)

    @after_typing
    def action_proposal(self) -> None:
        self._record(self.recorder.proposal)

    @after_typing
    def action_order(self) -> None:
        self._record(self.recorder.order)

    @after_typing
    def action_vote(self) -> None:
        self._record(self.recorder.vote)

    @after_typing
    def action_reservation(self) -> None:
        self._record(self.recorder.reservation)

    @after_typing
    def action_jav(self) -> None:
        self._record(self.recorder.jav)

    @after_typing
    def action_note(self) -> None:
        self._record(self.recorder.note)

    @after_typing
    def action_mask(self) -> None:
        p = self._need_paragraph()
        if p is None:
            return

        def done(reason: str | None) -> None:
            if reason is not None:
                self.do(verbs.set_masked, p.id, reason)

        from .dialogs import TextDialog

        self.app.push_screen(TextDialog(t("d_mask"), p.masked), done)

    def action_checks(self) -> None:
        from .checks import ChecksScreen

        def chosen(paragraph_id: str | None) -> None:
            if paragraph_id:
                self.show_paragraph(paragraph_id)
                # In the § found, to put it right: the focus had stayed in the
                # attendance list it was in before (a trial).
                self.query_one("#text", TextArea).focus()

        self.app.push_screen(ChecksScreen(self.meeting), chosen)

    @after_typing
    def action_immediate(self) -> None:
        """Omedelbar justering: the § alone, ready to print and sign now.

        Asked first, either way: it changes what the record says of the §, and
        a stray F9 i (or Alt+I) did so at once with nothing to stop it.
        """
        p = self._need_paragraph()
        if p is None:
            return
        head = self._head(p)
        key = "d_not_immediate_confirm" if p.immediate else "d_immediate_confirm"

        def answered(yes: bool | None) -> None:
            if yes:
                self._set_immediate(p, not p.immediate)

        from .dialogs import ConfirmDialog

        self.app.push_screen(ConfirmDialog(t(key, paragraph=head, title=p.title)), answered)

    def _set_immediate(self, p: Paragraph, immediate: bool) -> None:
        if self.do(verbs.set_immediate, p.id, immediate) is None:
            return
        if p.immediate and p.number is not None:
            from protokoll.store.extract import render_extract

            from .preview import PreviewScreen

            self.autosaver.flush()
            text = render_extract(self.meeting, [p.number], lang=self.app.lang, immediate=True)
            self.notify(t("n_immediate"), markup=False)
            self.app.push_screen(
                PreviewScreen(
                    self.meeting,
                    text=text,
                    title=t("immediate_title"),
                    extract=((p.number,), True),
                )
            )

    @after_typing
    def action_phrase(self) -> None:
        from protokoll.store.phrases import phrases

        from .dialogs import PickDialog

        if self._need_paragraph() is None:
            return
        choices = [
            (str(i), f"{label}: {text}")
            for i, (label, text) in enumerate(phrases(self.meeting, record_language(self.meeting)))
        ]

        def picked(index: str | None) -> None:
            if index is None:
                return
            area = self.query_one("#text", TextArea)
            text = phrases(self.meeting, record_language(self.meeting))[int(index)][1]
            _insert_as_words(area, text)
            area.focus()

        self.app.push_screen(PickDialog(t("d_phrase"), choices), picked)

    # --- looking things up ----------------------------------------------------

    @after_typing
    def action_lookup(self, kind: str) -> None:
        """Past meetings, search or tasks over the meeting; Esc comes back to the
        same § with the cursor where it was, and a quoted reference lands there."""
        from .lookup import Quote, open_lookup

        self._commit_text()
        area = self.query_one("#text", TextArea)
        where, cursor = self.shown, area.cursor_location

        def back(quote: Quote | None) -> None:
            if self.shown != where and where is not None:
                self.show_paragraph(where)
            area.focus()
            area.move_cursor(cursor)
            if quote is not None and self.editable and self.current is not None:
                _insert_as_words(area, quote.text)
                self._commit_text()

        open_lookup(self.app, kind, self.meeting, back)

    # --- follow-up of earlier meetings ----------------------------------------

    @work(thread=True, exclusive=True, group="pending")
    def load_pending(self, every_task: bool = False) -> None:
        # Reads the organ's earlier meetings: off the UI thread. The newest
        # open tasks first; all of them when the row saying how many more
        # there are is chosen.
        store = self.session.store
        state = pending(store, self.meeting, every_task)
        self.app.call_from_thread(self._pending_loaded, state)

    def _pending_loaded(self, state: Pending) -> None:
        if not still_shown(self):
            return  # another meeting was opened meanwhile: this screen has gone
        self.pending = state
        self.pending_read = True
        # Only when an item is missing: a meeting resumed with them in place is
        # not saved again at every start (the save came to the derived
        # database as a changed meeting, to be compared and taken in again).
        if self.editable and items_missing(self.meeting, state):
            try:
                # Automatic, not the secretary's doing: not on the undo list.
                self.editor.quietly(verbs.plan_followups, state, record_language(self.meeting))
            except StoreError as exc:
                self._refused(exc)
        self._show_agenda()


    # --- the organ --------------------------------------------------------------

    def action_edit_organ(self) -> None:
        """The organ's form over the meeting; a member added joins this meeting's list."""
        from .organ import edit_organ

        def saved(changed: bool) -> None:
            if changed:
                self.join_roster()

        edit_organ(self.app, self.meeting.organ_id, saved)

    def join_roster(self) -> None:
        """The roster's changes onto this meeting, said if there were any: after
        the organ's form, and when the meeting opens (a member added with
        `protokoll organ edit --add-member` since; a trial found such members
        on no meeting until the form was saved again)."""
        if not self.editable:
            return
        try:
            # An organ gone from a damaged catalogue: the meeting keeps its list.
            organ = self.session.store.organ_on_disk(self.meeting.organ_id)
            change = self.editor.do(verbs.join_roster, organ)
        except StoreError as exc:
            # Only settings changed, or no organ to read: nothing to say here
            # (a damaged catalogue is said at start).
            if exc.key not in ("roster_nothing_new", "unknown_organ"):
                self._refused(exc)
            return
        self._after_change(change)
        self.notify(change.text(self.app.lang), markup=False)

    # --- finishing -----------------------------------------------------------

    @after_typing
    def action_preview(self) -> None:
        from .preview import PreviewScreen

        self.autosaver.flush()
        self.app.push_screen(PreviewScreen(self.meeting))

    @after_typing
    def action_close_meeting(self) -> None:
        if not self._writable():
            return
        m = self.meeting

        def problem(value: str) -> str | None:
            # Tried on a copy: the dialog stays open until the time is right.
            try:
                verbs.close_meeting(copy.deepcopy(m), value)
            except StoreError as exc:
                return exc.text(self.app.lang)
            return None

        def done(value: str | None) -> None:
            if value is None:
                return
            self._commit_text()
            change = self.do(verbs.close_meeting, value)
            if change is None:
                return
            self.autosaver.flush()
            said = change.text(self.app.lang)
            due = deadlines(m).adjust_by
            if m.numbered and due is not None:
                said += ". " + t("n_adjust_by", date=due)
            self.notify(said, markup=False)
            self._set_editable()
            self.action_preview()
            from protokoll.store.sync import after_close

            if after_close(self.session.store.path):  # protokoll sync --after-close yes
                self.app.action_sync()  # type: ignore[attr-defined]

        # Closed before and reopened: the end that was recorded. Otherwise the
        # time now, at a meeting of today begun before it (`clock`).
        if m.end:
            end = format_time(m.end)
        else:
            now = format_time(self.clock())
            end = now if now and problem(now) is None else ""
        from .dialogs import TextDialog

        # The time proposed is typed over, as a file name is: "14.00" after
        # "02.00" made "02.0014.00" and was refused (trial over SSH).
        title = t("d_close_confirm")
        unsigned = [_ROLE[p.key] for p in function_problems(m)]
        if unsigned:  # said now: once closed, naming them means reopening
            roles = [t(key).lower() for key in unsigned]
            either = ", ".join(roles[:-1]) + f" {t('w_or')} " + roles[-1] if roles[1:] else roles[0]
            title += "\n\n" + t("d_close_unsigned", roles=either)
        wrong = serious_at_close(m)
        if wrong:  # closed over an error, a trial saw "⚠ 1" and nothing said at F9 a
            title += "\n\n" + t("d_close_wrong", n=len(wrong), first=wrong[0].text(self.app.lang))
        # "Type to replace" only where there is a time to replace: a meeting
        # not held today proposes none (a trial read the hint over an empty field).
        hint = t("d_close_hint" if end else "d_close_enter")
        dialog = TextDialog(title, end, check=problem, replace=True, hint=hint, of_meeting=True)
        self.app.push_screen(dialog, done)

    def action_details(self) -> None:
        """The meeting's date, start and place put right; the §§ follow the date."""
        if not self._writable():
            return
        from .details_dialog import DetailsDialog

        said: list[str] = []

        def check(changed: dict[str, str]) -> StoreError | None:
            done = self._run_verb(verbs.set_details, **changed)
            if isinstance(done, StoreError):
                return done  # the dialog stays open, the fields as typed
            said.append(done.text(self.app.lang))
            return None

        def done(changed: dict[str, str] | None) -> None:
            if said:
                self.notify(said[-1], markup=False)

        self.app.push_screen(DetailsDialog(self.meeting, check), done)

    def action_reopen(self) -> None:
        """A closed meeting open again for the adjusters' corrections, once asked
        (as the preview's F4 and F6 on the closing ask): the record becomes a
        draft again, and F9 ö had done so at once (a trial)."""
        if self.session.read_only:
            self.notify(t("n_read_only"), severity="warning", markup=False)
            return
        from .dialogs import ConfirmDialog

        organ = organ_shown(self.meeting.organ, "", self.app.lang)
        question = t("d_reopen_confirm", organ=organ, date=self.meeting.date)
        self.app.push_screen(ConfirmDialog(question), lambda yes: self.reopen() if yes else None)

    def reopen(self) -> None:
        """Reopened, asked already (`action_reopen`, the preview's F4); a draft until closed."""
        if self.session.read_only:
            self.notify(t("n_read_only"), severity="warning", markup=False)
            return
        change = self.do(verbs.reopen_meeting)
        if change is not None:
            self._set_editable()
            self.notify(change.text(self.app.lang), markup=False)

    # --- taking over a meeting -------------------------------------------------

    def _offer_take_over(self) -> None:
        """Say when the holder does not answer, and watch for being taken over.

        Checked twice a second: a process woken after another took its meeting
        over stops taking text at once, rather than at its next write.
        """
        notice = self.session.notice
        if notice is not None and notice.key == "locked":
            state = self.session.store.holder_state(self.meeting.id)
            if state.can_take_over:
                why = t("why_stopped" if state.reason == "stopped" else "why_no_terminal")
                self.notify(t("n_take_over", why=why, who=state.who), timeout=30, markup=False)
        self.set_interval(INTERVAL, self._watch_owner)

    def _watch_owner(self) -> None:
        session = self.session
        if session.lock is not None and session.lost():
            text = session.notice.text(self.app.lang)  # type: ignore[union-attr]
            self.notify(text, severity="error", timeout=30, markup=False)
        area = self.query_one("#text", TextArea)
        if session.read_only and not area.read_only:  # the autosaver may have learnt it first
            self._set_editable()
            self._show_topbar()

    def action_take_over(self) -> None:
        notice = self.session.notice
        takeable = ("locked", "taken_over", "taken_over_unknown", "in_progress_elsewhere")
        if notice is None or notice.key not in takeable:
            key = "n_take_over_not_needed" if notice is None else "n_read_only"
            self.notify(t(key), severity="warning", markup=False)
            return
        if notice.key == "in_progress_elsewhere":
            # Another computer may be writing it now, and no lock here can tell:
            # asked, as a trial's Ctrl+T had taken it at once.
            from .dialogs import ConfirmDialog

            params = notice.params
            question = t("d_take_over_elsewhere", host=params["host"], user=params["user"])

            def answered(yes: bool | None) -> None:
                if yes:
                    self._take_over()

            self.app.push_screen(ConfirmDialog(question), answered)
            return
        self._take_over()

    def _take_over(self) -> None:
        try:
            session = self.session.store.take_over(self.meeting.id)
        except StoreError as exc:
            self._refused(exc)
            return
        self.app.clear_notifications()  # "read-only", "does not answer": no longer so
        self.app.show_meeting(session)
        self.app.notify(t("n_taken_over", meeting=session.meeting.id), markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Closing only what is not closed, reopening only what is: the other is
        left out of F9 and the palette (an adjusted meeting keeps "reopen",
        whose refusal says that a rättelse is made instead)."""
        unfinished = self.meeting.status in UNFINISHED
        if action == "reopen":
            return not unfinished
        if action == "close_meeting":
            return unfinished
        if action in WRITES and not self.editable:
            return False
        if action in OF_PARAGRAPH and self._shown_adjusted_at_once() is not None:
            return False
        return True

    def _shown_adjusted_at_once(self) -> Paragraph | None:
        """The § shown, if it was adjusted at once: its words are the ones signed."""
        p = self.meeting.paragraph(self.shown) if self.shown else None
        return p if p is not None and p.immediate else None

    def on_key(self, event: events.Key) -> None:
        """A key of a change left out of the footer (the meeting cannot be
        changed) still says why, as it did when it was shown."""
        if self.refuse_key(event.key):
            event.stop()  # said before a dialog takes words it could not keep

    def refuse_key(self, key: str) -> bool:
        """Whether `key` is a change left out here now, said why if it is: the
        meeting cannot change (read-only, closed), or the § shown was adjusted
        at once. The application asks too, for an Alt key no binding takes."""
        if key in WRITE_KEYS and not self.editable:
            self._writable()  # says why: read-only (held, adjusted) or closed
            return True
        locked = self._shown_adjusted_at_once()
        if key in OF_PARAGRAPH_KEYS and locked is not None:
            mark = paragraph_mark(self.meeting, locked)
            refused = StoreError("adjusted_at_once", paragraph=mark)
            self.notify(refused.text(self.app.lang), severity="warning", markup=False)
            return True
        return False

    def action_menu(self) -> None:
        """F9: every action, each a letter away; what the screen cannot do now is left out."""
        from .action_menu import ActionMenu

        def chosen(action: str | None) -> None:
            if action:
                self.call_later(self.run_action, action)

        possible = [a for a in self.ACTIONS if self.check_action(a.action, ()) is not False]
        self.app.push_screen(ActionMenu(possible), chosen)

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    def reopen_draft(
        self, action: str, at: str | None, context: dict[str, str] | None = None
    ) -> None:
        """A dialog's draft asked for back (`tui.drafts.offer`): its § is shown and
        the action that opened it runs again, past the picks kept with the draft
        (`context`); the dialog fills itself in."""
        if at is not None and at != self.shown:
            self.show_paragraph(at)
        if action == "add_agenda_item" and context and self._writable():
            self._add_agenda_item(context.get("after"))  # where it was to go
            return
        if context and self.current is not None and self._writable():
            if self.recorder.resume(action, self.current, context):
                return
        if action:
            getattr(self, f"action_{action}")()


def _insert_as_words(area: TextArea, text: str) -> None:
    """`text` at the cursor, as words of their own: "sammanträde. Se AU …", not
    "sammanträde.Se AU …" (a quoted reference); "förbundet. Arbetsutskottet
    föreslår …", not "förbundet.Arbetsutskottet …" (a phrase, a trial)."""
    row, col = area.cursor_location
    before = area.document.get_line(row)[:col]
    area.insert((" " if before and not before[-1].isspace() else "") + text)
