"""What the meeting screen's lists ask for: their typed commands, routed to verbs.

A mixin of `MeetingScreen`, kept apart so the screen's own module is its
layout and drawing; these methods use the screen's `do`, `_writable`,
`meeting` and `shown`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import TextArea

from protokoll.store import StoreError, verbs
from protokoll.store.attendance import (
    decided_with_changed,
    is_member,
    present_at,
    seat_basis,
    substitutes_at,
)
from protokoll.store.labels import record_language
from protokoll.store.phrases import decision_leads
from protokoll.store.render import name_party
from protokoll.store.verbs import Change, ItemRef
from protokoll.store.words import say

from ..i18n import t
from ..widgets.lists import (
    AgendaCommand,
    AgendaList,
    AttendanceCommand,
    ItemCommand,
    LogCommand,
    RowList,
)
from .followup import AgendaRow, FollowUpAnswer, ask_follow_up

# The dialogs are imported by the commands that open them: the meeting
# screen's first frame does not wait for them (tests/test_startup.py).


class ListCommands:
    """The attendance, agenda, earlier §s and item lists' keys."""

    def _follow_up(self, task_id: str) -> None:
        if not self._writable():
            return
        task = next((o for o in self.pending.tasks if o.task.id == task_id), None)
        if task is None:
            return

        def answered(answer: FollowUpAnswer) -> None:
            # The follow-up's § is made only now: Esc before this leaves nothing.
            if answer.undo:
                self.do(verbs.unfollow, task.task.id)
            else:
                item = next((i for i in self.meeting.agenda if i.kind == "followup"), None)
                if item is not None and self.meeting.paragraph(item.paragraph) is None:
                    if item.status == "deferred":  # said, not done behind the secretary's back
                        self.notify(t("n_followup_taken_up", title=item.title), markup=False)
                    self.take_item(item.id)
                paragraph = self.meeting.paragraph(item.paragraph) if item else self.current
                if paragraph is None:
                    self.notify(t("n_need_paragraph"), severity="warning", markup=False)
                    return
                self.do(verbs.follow_up, paragraph.id, task.follow_up(answer.done, answer.note))
            self.query_one("#agenda").focus()

        ask_follow_up(self.app, self.meeting, task, answered)

    def on_row_list_command(self, event: RowList.Command) -> None:
        event.stop()
        match event.command:
            case AttendanceCommand():
                self._attendance_command(event.command, event.ref)
            case AgendaCommand():
                self._agenda_command(event.command, event.ref)
            case LogCommand():
                self._log_command(event.command, event.ref)
            case ItemCommand():
                self._item_command(event.command, event.ref)

    def _attendance_command(self, command: AttendanceCommand, attendee_id) -> None:
        if not self._writable():
            return
        m = self.meeting
        if command is AttendanceCommand.GUEST:
            self.action_add_guest()
            return
        if command is AttendanceCommand.ALL:
            change = self.do(verbs.all_members_present)
            if change is not None:
                self.notify(change.text(self.app.lang), markup=False)
            return
        a = m.attendee(attendee_id)
        if a is None:
            return
        match command:
            case AttendanceCommand.TOGGLE:
                self._toggle_present(a)
            case AttendanceCommand.ARRIVE | AttendanceCommand.LEAVE if self._at_a_paragraph():
                verb = verbs.arrive if command is AttendanceCommand.ARRIVE else verbs.leave

                def said(change: Change) -> None:  # what it means is not on the key
                    self.notify(change.text(self.app.lang), markup=False)

                self._change_serving(verb, (a.id, self.shown), said)
            case AttendanceCommand.CHAIR | AttendanceCommand.SECRETARY | AttendanceCommand.ADJUSTER:
                self.do(verbs.toggle_function, a.id, command.value)
            case AttendanceCommand.SUBSTITUTE if self._at_a_paragraph():
                self._pick_replaced(a)
            case AttendanceCommand.SIGNS_AS:
                self._ask_signs_as(a)

    def _toggle_present(self, a) -> None:
        """Space: present or absent for the whole meeting, asked first where §s
        already decided would then have been decided with or without her."""
        from protokoll.store.render import numbers_said

        from .dialogs import ConfirmDialog

        changed = decided_with_changed(self.meeting, a)
        if not changed:
            self.do(verbs.set_present, a.id, not a.present)
            return
        numbered = [p.number for p in changed if p.number is not None]
        where = numbers_said(numbered) if len(numbered) == len(changed) else t("n_decided_items")
        key = "d_absent_decided" if a.present else "d_present_decided"

        def answered(yes: bool | None) -> None:
            if yes:
                self.do(verbs.set_present, a.id, not a.present)

        self.app.push_screen(ConfirmDialog(t(key, name=a.name, paragraphs=where)), answered)

    def _change_serving(
        self, verb: Callable[..., Change], args: tuple, said: Callable[[Change], None]
    ) -> None:
        """A change of who serves at the § shown, `said` once made. Into a §
        whose decision is already typed, the secretary is asked whether it
        counts from the §'s start: fast minutes have the decision before the
        ersättare's E, and the refusal's "go to the next §" recorded her a §
        late (a trial)."""
        from .dialogs import ConfirmDialog

        done = self._run_verb(verb, *args)
        if not isinstance(done, StoreError):
            said(done)
            return
        if done.key != "between_paragraphs":
            self._refused(done)
            return

        def answered(yes: bool | None) -> None:
            change = self.do(verb, *args, from_start=True) if yes else None
            if change is not None:
                said(change)

        question = t("d_from_start_confirm", **done.params)
        self.app.push_screen(ConfirmDialog(question), answered)

    def _at_a_paragraph(self) -> bool:
        """Whether a § is chosen for A, L and E, which record a change at the § shown.

        A meeting reopened after an import has §s and none chosen: the verbs
        read "no §" as "before the first", and L made the person absent for
        the whole meeting (found in a trial). The last § would be a guess put
        into the record, so the secretary is asked to choose, in one line.
        """
        if self.shown is None and self.meeting.paragraphs:
            self.notify(t("n_choose_paragraph"), severity="warning", markup=False)
            return False
        return True

    def _ask_signs_as(self, a) -> None:
        from .dialogs import TextDialog

        def done(title: str | None) -> None:
            if title is not None:
                self.do(verbs.set_signature_title, a.id, title)

        current = self.meeting.functions.titles.get(a.id, "")
        self.app.push_screen(TextDialog(t("d_signs_as", name=a.name), current), done)

    def _pick_replaced(self, a) -> None:
        from .dialogs import PickDialog

        m = self.meeting
        if a.role != "ersattare":
            self.notify(t("n_not_substitute"), severity="warning", markup=False)
            return
        # The members whose seat is empty at this §: absent, gone, or not yet come.
        seated = {x.id for x in m.attendees if present_at(x, m, self.shown)}
        held = {x.replaces for x in m.attendees if substitutes_at(x, m, self.shown)}
        # With their parties and organisations, the ersättare's own first: the
        # names alone had let an (M) ersättare take an (SD) seat unseen, and a
        # förbund's seats are its member organisations' (trials 7 and 8).
        def own(x) -> bool:  # the seat is the ersättare's own side's (`verbs.substitute`)
            basis = seat_basis(a, x)
            return bool(basis) and getattr(x, basis) == getattr(a, basis)

        empty = [
            (x.id, ", ".join(w for w in (name_party(x), x.organisation) if w))
            for x in sorted(m.attendees, key=lambda x: not own(x))
            if is_member(x) and x.id not in seated and x.id not in held
        ]
        if not empty:
            self.notify(t("n_no_absent"), severity="warning", markup=False)
            return

        def said(change: Change) -> None:
            if change.key != "v_substitutes":  # another's seat
                self.notify(change.text(self.app.lang), severity="warning", markup=False)

        def picked(member: str | None) -> None:
            if member is not None:
                self._change_serving(verbs.substitute, (a.id, member, self.shown), said)

        self.app.push_screen(PickDialog(t("d_pick_replaced"), empty), picked)

    # Actions of their own, so that a draft of either dialog is opened again by
    # Enter on the offer after a hang-up (`tui.drafts.OPENERS`); it had only
    # said where to press, in a toast cut at 80 columns (a trial).

    def action_add_guest(self) -> None:
        from .dialogs import TextDialog

        if self._writable():
            self.app.push_screen(TextDialog(t("d_guest")), self._add_guest)

    def action_add_agenda_item(self) -> None:
        """A new agenda item after the one under the agenda's cursor (or last)."""
        row = self.query_one("#agenda", AgendaList).current_ref
        if self._writable():
            self._add_agenda_item(row.item if isinstance(row, AgendaRow) else None)

    def _add_agenda_item(self, after: str | None) -> None:
        from .dialogs import TextDialog

        def added(title: str | None) -> None:
            if not (title and title.strip()):
                return
            before = {i.id for i in self.meeting.agenda}
            if self.do(verbs.add_item, title, after=after):
                # The cursor on the new item: it had stayed on the row above,
                # and `d` right after deferred that one (a trial).
                new = next((i.id for i in self.meeting.agenda if i.id not in before), None)
                agenda = self.query_one("#agenda", AgendaList)
                agenda.show(self._agenda_rows(), keep=AgendaRow(item=new))

        # Where it goes is kept with its draft: brought back after a dropped
        # connection, an item typed under "Beslutsärenden:" had gone after
        # whatever row the cursor was on then, out of its heading.
        context = {"after": after} if after else None
        self.app.push_screen(TextDialog(t("d_agenda_item"), context=context), added)

    def _add_guest(self, text: str | None) -> None:
        # As the prompt asks: name, title, organisation.
        parts = [p.strip() for p in (text or "").split(",")]
        if not parts[0]:
            return
        title = parts[1] if len(parts) > 1 else ""
        self.do(verbs.add_guest, parts[0], title, ", ".join(parts[2:]), at=self.shown)

    def _agenda_command(self, command: AgendaCommand, row: AgendaRow | None) -> None:
        if row is not None and row.more:
            if command in (AgendaCommand.TAKE, AgendaCommand.MORE):  # also on a meeting only read
                self.load_pending(every_task=True)
            return
        if command is AgendaCommand.GOTO and row is not None and row.item:
            # An item taken: its § shown, also on a meeting only read.
            self.take_item(row.item)
            return
        if not self._writable():
            return
        if command is AgendaCommand.ADD:
            self._add_agenda_item(row.item if row else None)
            return
        if row is None:
            return
        if row.task is not None:
            if command in (AgendaCommand.TAKE, AgendaCommand.FOLLOW):
                self._follow_up(row.task)
            return
        match command:
            case AgendaCommand.TAKE:
                self.take_item(row.item)
            case AgendaCommand.DEFER:
                self._ask_defer(row.item)
            case AgendaCommand.DROP:
                self.do(verbs.drop_item, row.item)
            case AgendaCommand.UP | AgendaCommand.DOWN:
                self.do(verbs.move_item, row.item, -1 if command is AgendaCommand.UP else 1)
                self.query_one("#agenda", AgendaList).show(
                    self._agenda_rows(), keep=AgendaRow(item=row.item)
                )

    def _ask_defer(self, item_id: str) -> None:
        """D defers an item once asked: it makes a § of the record, and a key
        slipped on "Mötets avslutande" had made it the meeting's first §,
        "Ärendet bordläggs" (a trial)."""
        from .dialogs import ConfirmDialog

        item = next((i for i in self.meeting.agenda if i.id == item_id), None)
        if item is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.autosaver.flush()
                decision = say("protocol.phrase_deferred_text", record_language(self.meeting))
                change = self.do(verbs.defer_item, item_id, decision=decision, started=self.clock())
                if change is not None:
                    # In its text, for the reason, as an item taken with Enter:
                    # left in the agenda, the words typed next ran its keys (a trial).
                    self.query_one("#text", TextArea).focus()

        if item.paragraph is not None:  # a § already: the verb says why not, unasked
            answered(True)
            return
        self.app.push_screen(ConfirmDialog(t("d_defer_confirm", title=item.title)), answered)

    def _log_command(self, command: LogCommand, paragraph_id: str | None) -> None:
        if paragraph_id is None:
            return
        if command is LogCommand.JUMP:
            self.show_paragraph(paragraph_id)
            self.query_one("#text", TextArea).focus()
        elif command is LogCommand.DELETE:
            self._delete_paragraph(paragraph_id)

    def _edit_task(self, paragraph_id: str, index: int, task) -> None:
        from .task_dialog import TaskDialog

        def done(result: dict | None) -> None:
            if result is None or self.do(verbs.edit_task, paragraph_id, index, **result) is None:
                return
            edited = self.meeting.paragraph(paragraph_id).tasks[index]
            if edited.owner is None and edited.owner_name:  # as when a task is added
                self.notify(t("n_unknown_owner", name=edited.owner_name), markup=False)

        self.app.push_screen(TaskDialog(self.meeting, task), done)

    def _item_command(self, command: ItemCommand, ref: ItemRef | None) -> None:
        from .decision_dialog import DecisionDialog, DecisionText
        from .dialogs import TextDialog

        p = self._need_paragraph()
        if p is None or ref is None:
            return
        if command in (ItemCommand.REMOVE, ItemCommand.WITHDRAW):
            change = self.do(verbs.remove_item, p.id, ref)
            if change is not None:
                self._said_undoable(change)
            return
        if ref.kind not in verbs.items.LISTS:
            return  # a setting of the § (its order, chair, mask): removed, not edited
        field = verbs.items.LISTS[ref.kind][1]
        entry = getattr(p, verbs.items.LISTS[ref.kind][0])[ref.index]

        def done(value: str | DecisionText | None) -> None:
            if isinstance(value, DecisionText):
                value = f"{value.lead} {value.text}".strip()
            if value is not None:
                self.do(verbs.edit_item, p.id, ref, value)

        if ref.kind == "task":  # its owner and due date are edited with its words
            self._edit_task(p.id, ref.index, entry)
        elif ref.kind == "vote":  # the whole vote, corrected in its place
            self.recorder.vote(p, ref.index)
        elif ref.kind == "decision":  # a long decision wraps as it did when it was written
            text = getattr(entry, field)
            leads = decision_leads(self.meeting)
            # The lead phrase back in its own field, as when it was written.
            lead = next((x for x in leads if text.startswith(x + " ")), "")
            dialog = DecisionDialog(lead, text[len(lead) :].strip(), leads=leads)
            self.app.push_screen(dialog, done)
        else:
            self.app.push_screen(TextDialog(t("a_edit_item"), getattr(entry, field)), done)
