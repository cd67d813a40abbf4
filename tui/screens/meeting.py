"""The meeting being minuted: attendance, agenda and the § log on one screen."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea

from store import (
    AgendaItem,
    Attendee,
    Decision,
    MeetingSession,
    Paragraph,
    StoreError,
    Task,
)
from store.attendance import (
    decided_without_quorum,
    is_member,
    present_at,
    quorum,
    substitutes_at,
)
from store.checks import paragraph_problems
from store.dates import format_time, parse_time
from store.deadlines import deadlines
from store.extract import render_extract
from store.followup import Pending, add_items, pending, previous_reference
from store.model import new_id
from store.phrases import phrases
from store.proceedings import PERSONAL_NOTES, withdraw
from store.timeline import arrive, leave, stop_substituting, substitute

from ..autosave import INTERVAL, Autosaver
from ..i18n import t
from ..keys import Translated
from ..widgets.lists import (
    AgendaList,
    AttendanceList,
    CommandList,
    ItemList,
    ParagraphLog,
    options,
)
from .dialogs import ConfirmDialog, PickDialog, TaskDialog, TextDialog
from .followup import INFO_ROW, TASK_ROW, ask_follow_up, previous_rows, task_rows
from .record import Recorder

MIN_WIDTH, MIN_HEIGHT = 60, 16

# The Linux console font has no check marks or triangles.
if os.environ.get("TERM") == "linux":
    MARKS = {
        "present": "+",
        "absent": "-",
        "done": "x",
        "current": ">",
        "pending": ".",
        "deferred": "b",
    }
else:
    MARKS = {
        "present": "✓",
        "absent": "·",
        "done": "✓",
        "current": "▶",
        "pending": "·",
        "deferred": "⏸",
    }


def _now() -> str:
    return dt.datetime.now().strftime("%H:%M")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


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
        if area is not None and area.has_focus:
            area.call_later(action, self, *args)
        else:
            action(self, *args)

    return in_order


def _first_line(text: str) -> str:
    return " ".join(text.split())


class MeetingScreen(Translated, Screen):
    # Priority: in a real terminal Alt+B arrives as the key *and* the
    # character "b", and the editor would type the letter instead.
    BINDINGS = [
        Binding("f1", "help", "a_help", priority=True),
        Binding("f2,alt+n", "new_paragraph", "a_new", priority=True),
        Binding("f3,alt+b", "decision", "a_decision", priority=True),
        Binding("f4,alt+u", "task", "a_task", priority=True),
        Binding("f5,alt+1", "focus('attendance')", "a_attendance", priority=True),
        Binding("f8,alt+2", "focus('agenda')", "a_agenda", priority=True),
        Binding("f9,alt+f", "phrase", "a_phrase", priority=True),
        Binding("f10,alt+g", "preview", "a_preview", priority=True),
        Binding("alt+3,escape", "focus('text')", "a_text", show=False),
        Binding("ctrl+o,alt+4", "focus('log')", "a_earlier", show=False, priority=True),
        Binding("alt+v", "vote", "a_vote", show=False, priority=True),
        Binding("alt+r", "reservation", "a_reservation", show=False, priority=True),
        Binding("alt+j", "jav", "a_jav", show=False, priority=True),
        Binding("alt+p", "note", "a_note", show=False, priority=True),
        Binding("alt+y", "proposal", "a_proposal", show=False, priority=True),
        Binding("alt+o", "order", "a_order", show=False, priority=True),
        Binding("alt+m", "mask", "a_mask", show=False, priority=True),
        Binding("alt+k", "checks", "a_checks", show=False, priority=True),
        Binding("alt+i", "immediate", "a_immediate", show=False, priority=True),
        Binding("alt+e", "rename", "a_rename", show=False, priority=True),
        Binding("alt+t", "new_free", "a_new_free", show=False, priority=True),
        Binding("alt+a", "close_meeting", "a_close", show=False, priority=True),
    ]

    # Every action by name, for the command palette and the help screen.
    COMMANDS = [
        ("a_new", "new_paragraph"),
        ("a_new_free", "new_free"),
        ("a_decision", "decision"),
        ("a_task", "task"),
        ("a_proposal", "proposal"),
        ("a_order", "order"),
        ("a_vote", "vote"),
        ("a_reservation", "reservation"),
        ("a_jav", "jav"),
        ("a_note", "note"),
        ("a_immediate", "immediate"),
        ("a_mask", "mask"),
        ("a_checks", "checks"),
        ("a_phrase", "phrase"),
        ("a_rename", "rename"),
        ("a_delete", "delete_paragraph"),
        ("a_attendance", "focus('attendance')"),
        ("a_agenda", "focus('agenda')"),
        ("a_text", "focus('text')"),
        ("a_earlier", "focus('log')"),
        ("a_preview", "preview"),
        ("a_close", "close_meeting"),
        ("a_help", "help"),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self.meeting = session.meeting
        self.autosaver = Autosaver(session, commit=self._commit_text)
        self._shown_state: tuple = ()
        # Open tasks of earlier meetings and the protocol to report; loaded
        # in a worker after the screen shows.
        self.pending = Pending([], None)
        # The § whose text is in the editor: the store may have moved
        # `meeting.current` on before the editor is loaded again.
        self._editing: str | None = self.meeting.current
        self._serious = 0
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
                yield Static(Content(t("attendance")), classes="pane-title")
                yield AttendanceList(*options(self._attendance_rows()), id="attendance")
                yield Static(Content(t("agenda")), classes="pane-title")
                yield AgendaList(*options(self._agenda_rows()), id="agenda")
            with Vertical(id="right"):
                yield ParagraphLog(*options(self._log_rows()), id="log")
                yield Static(id="para-title")
                p = self.current
                yield TextArea(
                    p.text if p else "",
                    id="text",
                    soft_wrap=True,
                    tab_behavior="focus",
                    read_only=self.session.read_only,
                    disabled=p is None,
                )
                yield ItemList(id="items")
        yield Static(id="too-small")
        yield Footer()

    def on_mount(self) -> None:
        text = self.query_one("#text", TextArea)
        if self.session.notice is not None:
            self.notify(
                self.session.notice.text(self.app.lang),
                severity="warning",
                timeout=10,
                markup=False,
            )
        self.set_interval(INTERVAL, self._tick)
        self.load_pending()
        self._show_topbar()
        self._show_paragraph_parts()
        log = self.query_one("#log", ParagraphLog)
        ids = [p.id for p in self.meeting.paragraphs]
        if self.meeting.current in ids:
            log.highlighted = ids.index(self.meeting.current)
            log.scroll_to_highlight()
        if self.current is None:
            self.query_one("#agenda", AgendaList).focus()
        else:
            text.move_cursor(text.document.end)
            text.focus()
        self._check_size()

    def on_unmount(self) -> None:
        self.finish()

    def finish(self) -> None:
        """Everything on disk, the meeting released. Safe to call twice."""
        if self.session.lock is None:
            return
        self.autosaver.stop()
        self.session.close()

    def on_resize(self) -> None:
        self._check_size()

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
                Content(t("too_small", w=w, h=h, mw=MIN_WIDTH, mh=MIN_HEIGHT))
            )

    # --- state ---------------------------------------------------------------

    @property
    def current(self) -> Paragraph | None:
        return self.meeting.paragraph(self.meeting.current)

    def changed(self) -> None:
        # Cheap, for it runs on every key: the top bar follows at the next tick.
        self.autosaver.touch()

    def _writable(self) -> bool:
        if self.session.read_only:
            self.notify(t("n_read_only"), severity="warning", markup=False)
            return False
        return True

    def _need_paragraph(self) -> Paragraph | None:
        if not self._writable():
            return None
        if self.current is None:
            self.notify(t("n_need_paragraph"), severity="warning", markup=False)
        return self.current

    def _run(self, change) -> bool:
        """Run a store change; a refusal becomes a message, not a crash."""
        try:
            change()
        except StoreError as exc:
            self.notify(exc.text(self.app.lang), severity="error", timeout=10, markup=False)
            return False
        return True

    def _tick(self) -> None:
        self.autosaver.tick()
        a = self.autosaver
        state = (a.saved_at, a.error, a.dirty)
        if state == self._shown_state:
            return
        if a.error is not None and (not self._shown_state or self._shown_state[1] is not a.error):
            self.notify(a.error.text(self.app.lang), severity="error", timeout=15, markup=False)
        self._shown_state = state
        self._show_topbar()

    # --- drawing -----------------------------------------------------------

    def _count_problems(self) -> None:
        """The serious findings of the checks, for the top bar.

        Counted when the record changes, not on every redraw: it walks every §.
        """
        m = self.meeting
        self._serious = sum(
            1 for p in m.paragraphs for x in paragraph_problems(m, p.id) if x.serious
        )

    def refresh_all(self) -> None:
        self._count_problems()
        self._show_topbar()
        self._show_attendance()
        self._show_agenda()
        self._show_log()
        self._show_paragraph_parts()

    def _show_topbar(self) -> None:
        m = self.meeting
        left = " · ".join(
            x for x in (m.organ, f"{m.date} {format_time(m.start)}".strip(), m.place) if x
        )
        self.query_one("#top-left", Static).update(Content(left), layout=False)
        right = []
        if self.session.read_only:
            right.append(t("read_only"))
        a = self.autosaver
        if a.error is not None:
            right.append(t("save_failed"))
        elif a.dirty:
            right.append(t("unsaved"))
        elif a.saved_at:
            stamp = dt.datetime.fromtimestamp(a.saved_at).strftime("%H:%M:%S")
            right.append(t("saved_at", time=stamp))
        ok = True
        if m.numbered and m.rules.quorum:
            n, seats, ok = quorum(m, m.current)
            right.append(t("quorate" if ok else "not_quorate", n=n, seats=seats))
        if self._serious:
            right.append(t("problems", n=self._serious))
            ok = False
        widget = self.query_one("#top-right", Static)
        # Fixed width, so no layout pass: this runs twice a second while typing.
        widget.update(Content("  ".join(right)), layout=False)
        widget.set_class(not ok, "warning")

    def _show_attendance(self) -> None:
        self.query_one("#attendance", AttendanceList).show(self._attendance_rows())

    def _attendance_rows(self) -> list[tuple[str, str]]:
        m = self.meeting
        f = m.functions
        width = 38 if self.has_class("wide") else 26  # the left pane, less its border
        rows = []
        for a in m.attendees:
            flags = []
            if f.chair == a.id:
                flags.append("O")
            if f.secretary == a.id:
                flags.append("S")
            if a.id in f.adjusters:
                flags.append("J")
            if a.replaces:
                flags.append("E")
            p_arr, p_left = m.paragraph(a.arrived), m.paragraph(a.left)
            if p_arr is not None:
                flags.append(f"{p_arr.number or ''}→")
            if p_left is not None:
                flags.append(f"→{p_left.number or ''}")
            here = present_at(a, m, m.current) if a.present else False
            mark = MARKS["present"] if here else MARKS["absent"]
            suffix = " ".join(flags)
            name = _fit(a.name, width - len(suffix) - 3)
            rows.append((a.id, f"{mark} {name:<{width - len(suffix) - 3}} {suffix}".rstrip()))
        return rows

    def _show_agenda(self) -> None:
        self.query_one("#agenda", AgendaList).show(self._agenda_rows())

    def _agenda_rows(self) -> list[tuple[str, str]]:
        m = self.meeting
        rows = []
        for item in m.agenda:
            p = m.paragraph(item.paragraph)
            number = f"{p.number} " if p and p.number is not None else ""
            mark = MARKS.get(item.status, "·")
            rows.append((item.id, f"{mark} {number}{item.title}"))
            if item.kind == "followup":
                rows += task_rows(self.pending.tasks, m)
            elif item.kind == "previous" and item.paragraph is None:
                rows += previous_rows(self.pending.previous, item)
        return rows

    def _show_log(self) -> None:
        log = self.query_one("#log", ParagraphLog)
        log.show(self._log_rows(), keep=self.meeting.current)
        if self.meeting.current and log.highlighted is not None:
            log.scroll_to_highlight()

    def _log_rows(self) -> list[tuple[str, str]]:
        m = self.meeting
        rows = []
        for i, p in enumerate(m.paragraphs):
            head = f"§ {p.number}" if p.number is not None else f"{i + 1}."
            gist = p.decisions[0].text if p.decisions else _first_line(p.text)
            mark = "▶ " if p.id == m.current else "  "
            rows.append((p.id, f"{mark}{head} {p.title}" + (f" — {gist}" if gist else "")))
        return rows

    def _show_paragraph_parts(self) -> None:
        p = self.current
        title = self.query_one("#para-title", Static)
        if p is None:
            title.update(Content(t("no_paragraph")))
            self.query_one("#items", ItemList).show([])
            return
        head = (
            f"§ {p.number}" if p.number is not None else f"{self.meeting.paragraphs.index(p) + 1}."
        )
        started = f"  {format_time(p.started)}" if p.started else ""
        title.update(Content(f"{head}  {p.title}{started}"))
        self.query_one("#items", ItemList).show(self._item_rows(p))

    def _item_rows(self, p: Paragraph) -> list[tuple[str, str]]:
        m = self.meeting
        rows = [(f"d{i}", f"{t('a_decision')}: {d.text}") for i, d in enumerate(p.decisions)]
        for i, task in enumerate(p.tasks):
            owner = m.name_of(task.owner) or task.owner_name
            due = f" ({task.due})" if task.due else ""
            rows.append((f"t{i}", f"{t('a_task')}: {owner} — {task.text}{due}"))
        for i, x in enumerate(p.proposals):
            gone = f" ({t('withdrawn')})" if x.withdrawn else ""
            rows.append((f"y{i}", f"{t('a_proposal')}: {m.name_of(x.person)} — {x.text}{gone}"))
        if p.order or p.carried:
            rows.append(
                (
                    "order",
                    f"{t('a_order')}: "
                    + " → ".join(m.name_of(x.person) for i in p.order if (x := p.proposal(i))),
                )
            )
        for i, v in enumerate(p.votes):
            rows.append(
                (
                    f"v{i}",
                    f"{t('a_vote')}: {t('d_yes')} {v.yes}, {t('d_no')} {v.no}, "
                    f"{t('d_abstain')} {v.abstain}",
                )
            )
        for i, r in enumerate(p.reservations):
            pending = f" ({t('pending')})" if r.pending and not r.reason else ""
            rows.append((f"r{i}", f"{t('a_reservation')}: {m.name_of(r.person)}{pending}"))
        for i, j in enumerate(p.jav):
            instead = f" → {m.name_of(j.substitute)}" if j.substitute else ""
            rows.append((f"j{i}", f"{t('a_jav')}: {m.name_of(j.person)}{instead}"))
        if p.chair:
            rows.append(("chair", f"{t('chair')}: {m.name_of(p.chair)}"))
        for i, n in enumerate(p.notes):
            kind = t(f"kind_{n.kind}") if n.kind in PERSONAL_NOTES else t("a_note")
            rows.append((f"n{i}", f"{kind}: {m.name_of(n.person)} — {n.text}"))
        for i, f in enumerate(p.followups):
            state = t("f_done") if f.done else t("f_open")
            rows.append((f"f{i}", f"{t('followup')}: {f.owner} — {f.text}: {state}"))
        if p.immediate:
            rows.append(("imm", t("a_immediate")))
        if p.masked:
            rows.append(("mask", t("masked", reason=p.masked)))
        return rows

    def _load_paragraph(self) -> None:
        """Put the current §'s text into the editor, cursor at its end."""
        text = self.query_one("#text", TextArea)
        p = self.current
        self._editing = p.id if p else None
        text.load_text(p.text if p else "")
        text.disabled = p is None
        if p is not None:
            text.move_cursor(text.document.end)

    def show_paragraph(self, paragraph_id: str) -> None:
        self._commit_text()  # what was typed stays with the § it was typed into
        self.meeting.current = paragraph_id
        self._load_paragraph()
        self.refresh_all()
        self.changed()

    # --- the text ----------------------------------------------------------

    def _commit_text(self) -> None:
        """Put the editor's text into the current § now.

        TextArea.Changed arrives as a message, after any key already queued:
        a fast typist's F2 (or a hangup) can come first. Everything that
        switches § or saves calls this, so no typed character waits on a
        message to reach the meeting.
        """
        p = self.meeting.paragraph(self._editing)
        if p is None or self.session.read_only:
            return
        areas = self.query("#text").results(TextArea)
        area = next(areas, None)
        if area is not None and area.text != p.text:
            p.text = area.text
            self.autosaver.touch()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._commit_text()

    # --- §s ------------------------------------------------------------------

    @after_typing
    def action_focus(self, target: str) -> None:
        widget = self.query_one(f"#{target}")
        if target == "agenda":
            # Start from the item being minuted, not from the top.
            ids = [i.id for i in self.meeting.agenda]
            current = next((i.id for i in self.meeting.agenda if i.status == "current"), None)
            if current in ids:
                widget.highlighted = ids.index(current)
        widget.focus()

    @after_typing
    def action_new_paragraph(self) -> None:
        if not self._writable():
            return
        item = self._next_item()
        if item is not None:
            self.take_item(item)
        else:
            self.notify(t("n_no_more_items"), markup=False)
            self.action_new_free()

    def _next_item(self) -> AgendaItem | None:
        m = self.meeting
        start = 0
        cur = self.current
        if cur is not None and cur.agenda_item:
            ids = [i.id for i in m.agenda]
            if cur.agenda_item in ids:
                start = ids.index(cur.agenda_item) + 1
        for item in m.agenda[start:] + m.agenda[:start]:
            if item.status == "pending" and item.paragraph is None:
                return item
        return None

    def take_item(self, item: AgendaItem) -> None:
        if item.paragraph and self.meeting.paragraph(item.paragraph):
            self.show_paragraph(item.paragraph)
            self.query_one("#text", TextArea).focus()
            return
        if self._add_paragraph(item.title, item):
            self.query_one("#text", TextArea).focus()

    def _add_paragraph(self, title: str, item: AgendaItem | None = None) -> bool:
        m = self.meeting
        self.autosaver.flush()
        for other in m.agenda:
            if other.status == "current":
                other.status = "done"
        if self.meeting.status == "draft":
            self.meeting.status = "open"
        created: list[Paragraph] = []
        ok = self._run(
            lambda: created.append(
                self.session.add_paragraph(
                    title, agenda_item=item.id if item else None, started=_now()
                )
            )
        )
        if ok:
            if item is not None:
                item.paragraph = created[0].id
                item.status = "current"
                previous = self.pending.previous
                if item.kind == "previous" and previous is not None and previous.id == item.ref:
                    # Which protocol is reported; the secretary goes on with what is decided.
                    created[0].text = previous_reference(previous, self.app.lang) + " "
            self.show_paragraph(created[0].id)
        return ok

    @after_typing
    def action_new_free(self) -> None:
        if not self._writable():
            return

        def done(title: str | None) -> None:
            if title and title.strip():
                self._add_paragraph(title.strip())
                self.query_one("#text", TextArea).focus()

        self.app.push_screen(TextDialog(t("d_title")), done)

    @after_typing
    def action_rename(self) -> None:
        p = self._need_paragraph()
        if p is None:
            return

        def done(title: str | None) -> None:
            if title and title.strip():
                p.title = title.strip()
                self.refresh_all()
                self.changed()

        self.app.push_screen(TextDialog(t("d_rename"), p.title), done)

    @after_typing
    def action_delete_paragraph(self) -> None:
        p = self._need_paragraph()
        if p is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.autosaver.flush()
                if self._run(lambda: self.session.delete_paragraph(p.id)):
                    self._load_paragraph()
                    self.refresh_all()

        self.app.push_screen(
            ConfirmDialog(t("d_delete_confirm", n=p.number or "", title=p.title)), done
        )

    # --- within a § --------------------------------------------------------

    @after_typing
    def action_decision(self) -> None:
        p = self._need_paragraph()
        if p is None:
            return

        def done(text: str | None) -> None:
            if text and text.strip():
                p.decisions.append(Decision(text.strip()))
                self._after_item()
                lacking = decided_without_quorum(self.meeting, p)
                if lacking is not None:
                    n, seats = lacking
                    self.notify(
                        t("n_no_quorum", n=n, seats=seats),
                        severity="warning",
                        timeout=10,
                        markup=False,
                    )

        start = self.meeting.rules.decision.format(organ=self.meeting.organ)
        self.app.push_screen(TextDialog(t("d_decision"), f"{start} "), done)

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
            p.tasks.append(
                Task(
                    new_id(),
                    result["text"],
                    owner=owner,
                    owner_name=self.meeting.name_of(owner) or result["owner"],
                    due=result["due"],
                )
            )
            self._after_item()

        self.app.push_screen(TaskDialog(self.meeting), done)

    def _attendee_by_name(self, name: str) -> str | None:
        wanted = name.strip().casefold()
        for a in self.meeting.attendees:
            if a.name.casefold() == wanted:
                return a.id
        return None

    @property
    def recorder(self) -> Recorder:
        return Recorder(self.app, self.meeting, self._run, self._after_item)

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
                p.masked = " ".join(reason.split())
                self._after_item()

        self.app.push_screen(TextDialog(t("d_mask"), p.masked), done)

    def action_checks(self) -> None:
        from .checks import ChecksScreen

        def chosen(paragraph_id: str | None) -> None:
            if paragraph_id:
                self.show_paragraph(paragraph_id)

        self.app.push_screen(ChecksScreen(self.meeting), chosen)

    @after_typing
    def action_immediate(self) -> None:
        """Omedelbar justering: the § alone, ready to print and sign now."""
        p = self._need_paragraph()
        if p is None:
            return
        p.immediate = not p.immediate
        self._after_item()
        if p.immediate and p.number is not None:
            from .preview import PreviewScreen

            self.autosaver.flush()
            text = render_extract(self.meeting, [p.number], lang=self.app.lang, immediate=True)
            self.notify(t("n_immediate"), markup=False)
            self.app.push_screen(PreviewScreen(self.meeting, text=text, title=t("immediate_title")))

    @after_typing
    def action_phrase(self) -> None:
        if self._need_paragraph() is None:
            return
        choices = [
            (str(i), f"{label}: {text}") for i, (label, text) in enumerate(phrases(self.meeting))
        ]

        def picked(index: str | None) -> None:
            if index is None:
                return
            area = self.query_one("#text", TextArea)
            area.insert(phrases(self.meeting)[int(index)][1])
            area.focus()

        self.app.push_screen(PickDialog(t("d_phrase"), choices), picked)

    def _after_item(self) -> None:
        self._count_problems()
        self._show_paragraph_parts()
        if self.pending.tasks:
            self._show_agenda()  # the marks of followed-up tasks
        self._show_log()
        self._show_topbar()
        self.changed()

    # --- follow-up of earlier meetings ----------------------------------------

    @work(thread=True, exclusive=True, group="pending")
    def load_pending(self) -> None:
        # Reads the organ's earlier meetings: off the UI thread.
        state = pending(self.session.store, self.meeting)
        self.app.call_from_thread(self._pending_loaded, state)

    def _pending_loaded(self, state: Pending) -> None:
        self.pending = state
        if (
            not self.session.read_only
            and self.meeting.status in ("draft", "open")
            and add_items(self.meeting, state, self.app.lang)
        ):
            self.changed()
        self._show_agenda()

    def _follow_up(self, task_id: str) -> None:
        if not self._writable():
            return
        task = next((o for o in self.pending.tasks if o.task.id == task_id), None)
        if task is None:
            return
        item = next((i for i in self.meeting.agenda if i.kind == "followup"), None)
        if item is not None and self.meeting.paragraph(item.paragraph) is None:
            self.take_item(item)  # the follow-up gets its §, as on the agenda
        paragraph = self.meeting.paragraph(item.paragraph) if item else self.current
        if paragraph is None:
            self.notify(t("n_need_paragraph"), severity="warning", markup=False)
            return

        def recorded(changed: bool) -> None:
            if changed:
                self._after_item()  # the agenda's marks too
            self.query_one("#agenda").focus()

        ask_follow_up(self.app, self.meeting, paragraph, task, recorded)

    # --- lists' commands -----------------------------------------------------

    def on_command_list_command(self, event: CommandList.Command) -> None:
        event.stop()
        handler = {
            AttendanceList: self._attendance_command,
            AgendaList: self._agenda_command,
            ParagraphLog: self._log_command,
            ItemList: self._item_command,
        }[type(event.sender)]
        handler(event.name, event.item)

    def _attendance_command(self, name: str, attendee_id: str | None) -> None:
        if not self._writable():
            return
        m = self.meeting
        if name == "guest":
            self.app.push_screen(TextDialog(t("d_guest")), self._add_guest)
            return
        a = m.attendee(attendee_id)
        if a is None:
            return
        f = m.functions
        if name == "toggle":
            a.present = not a.present
            if not a.present:
                a.arrived = a.left = None
                a.replaces = a.serves_from = a.serves_until = None
        elif name == "arrive":
            if not self._run(lambda: arrive(m, a.id, m.current)):
                return
        elif name == "leave":
            if a.replaces and substitutes_at(a, m, m.current):
                change = lambda: stop_substituting(m, a.id, m.current)  # noqa: E731
            else:
                change = lambda: leave(m, a.id, m.current)  # noqa: E731
            if not self._run(change):
                return
        elif name == "chair":
            f.chair = None if f.chair == a.id else a.id
        elif name == "secretary":
            f.secretary = None if f.secretary == a.id else a.id
        elif name == "adjuster":
            if a.id in f.adjusters:
                f.adjusters.remove(a.id)
            else:
                f.adjusters.append(a.id)
        elif name == "substitute":
            self._pick_replaced(a)
            return
        self._attendance_changed()

    def _attendance_changed(self) -> None:
        self._count_problems()
        self._show_attendance()
        self._show_topbar()
        self.changed()

    def _pick_replaced(self, a) -> None:
        m = self.meeting
        if a.role != "ersattare":
            self.notify(t("n_not_substitute"), severity="warning", markup=False)
            return
        # The members whose seat is empty at this §: absent, gone, or not yet come.
        seated = {x.id for x in m.attendees if present_at(x, m, m.current)}
        held = {x.replaces for x in m.attendees if substitutes_at(x, m, m.current)}
        empty = [
            (x.id, x.name)
            for x in m.attendees
            if is_member(x) and x.id not in seated and x.id not in held
        ]
        if not empty:
            self.notify(t("n_no_absent"), severity="warning", markup=False)
            return

        def picked(member: str | None) -> None:
            if member is not None and self._run(lambda: substitute(m, a.id, member, m.current)):
                self._attendance_changed()

        self.app.push_screen(PickDialog(t("d_pick_replaced"), empty), picked)

    def _add_guest(self, text: str | None) -> None:
        # As the prompt asks: name, title, organisation.
        parts = [p.strip() for p in (text or "").split(",")]
        if not parts[0]:
            return
        name, title = parts[0], parts[1] if len(parts) > 1 else ""
        self.meeting.attendees.append(
            Attendee(
                id=new_id(),
                name=name,
                title=title,
                organisation=", ".join(parts[2:]),
                role="tjansteperson",
                present=True,
                category="ovriga",
                guest=True,
                arrived=self.meeting.current,
            )
        )
        self._show_attendance()
        self.changed()

    def _agenda_command(self, name: str, item_id: str | None) -> None:
        if not self._writable():
            return
        m = self.meeting
        if name == "add":

            def added(title: str | None) -> None:
                if title and title.strip():
                    index = len(m.agenda)
                    ids = [i.id for i in m.agenda]
                    if item_id in ids:
                        index = ids.index(item_id) + 1
                    m.agenda.insert(index, AgendaItem(new_id(), title.strip()))
                    self._show_agenda()
                    self.changed()

            self.app.push_screen(TextDialog(t("d_agenda_item")), added)
            return
        if item_id and item_id.startswith(INFO_ROW):
            item_id = item_id.removeprefix(INFO_ROW)  # acts for the item above it
        if item_id and item_id.startswith(TASK_ROW):
            if name == "take":
                self._follow_up(item_id.removeprefix(TASK_ROW))
            return
        item = next((i for i in m.agenda if i.id == item_id), None)
        if item is None:
            return
        if name == "take":
            self.take_item(item)
            return
        if name == "defer":
            item.status = "pending" if item.status == "deferred" else "deferred"
        elif name in ("up", "down"):
            i = m.agenda.index(item)
            j = i - 1 if name == "up" else i + 1
            if 0 <= j < len(m.agenda):
                m.agenda[i], m.agenda[j] = m.agenda[j], m.agenda[i]
        self._show_agenda()
        self.changed()

    def _log_command(self, name: str, paragraph_id: str | None) -> None:
        if name == "jump" and paragraph_id:
            self.show_paragraph(paragraph_id)
            self.query_one("#text", TextArea).focus()

    def _item_command(self, name: str, row: str | None) -> None:
        p = self._need_paragraph()
        if p is None or not row:
            return
        lists = {
            "y": p.proposals,
            "d": p.decisions,
            "t": p.tasks,
            "v": p.votes,
            "r": p.reservations,
            "j": p.jav,
            "n": p.notes,
            "f": p.followups,
        }
        singles = {"imm": ("immediate", False), "mask": ("masked", ""), "chair": ("chair", None)}
        if row in singles:
            if name == "remove":
                setattr(p, *singles[row])
                self._after_item()
            return
        if row == "order":
            if name == "remove":
                p.order, p.carried = [], None
                self._after_item()
            return
        if row[0] == "y" and name == "remove":
            withdraw(p, p.proposals[int(row[1:])].id)  # kept, not printed
            self._after_item()
            return
        items, index = lists[row[0]], int(row[1:])
        if name == "remove":
            del items[index]
            self._after_item()
            return
        # Edit the text of decisions, tasks, reservations and notes.
        entry = items[index]
        field = {
            "y": "text",
            "d": "text",
            "t": "text",
            "r": "reason",
            "n": "text",
            "j": "note",
            "v": "result",
            "f": "note",
        }[row[0]]

        def done(value: str | None) -> None:
            if value is not None:
                setattr(entry, field, value.strip())
                if row[0] == "r" and value.strip():
                    entry.pending = False  # the written reason has come
                self._after_item()

        self.app.push_screen(TextDialog(t("a_edit_item"), getattr(entry, field)), done)

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
            try:
                end = parse_time(value)
            except StoreError as exc:
                return exc.text(self.app.lang)
            if m.start and end <= m.start:
                return t("n_end_before_start", start=format_time(m.start))
            return None

        def done(value: str | None) -> None:
            if value is None:
                return
            end = parse_time(value)  # checked by the dialog
            m.end = end
            m.status = "closed"
            for item in m.agenda:
                if item.status == "current":
                    item.status = "done"
            if self._run(self.session.save):
                said = t("n_closed", time=format_time(end))
                due = deadlines(m).adjust_by
                if m.numbered and due is not None:
                    said += ". " + t("n_adjust_by", date=due)
                self.notify(said, markup=False)
                self.refresh_all()
                self.action_preview()

        self.app.push_screen(
            TextDialog(t("d_close_confirm"), format_time(_now()), check=problem), done
        )

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())
