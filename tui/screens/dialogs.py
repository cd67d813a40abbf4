"""Small modal dialogs: a line of text, a pick from a list, a yes/no, a task, a vote.

Each returns its result through `dismiss`; Esc returns None. Names are
picked from lists or completed from the roster, never retyped.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from protokoll.store import Ballot, StoreError, Vote, parse_date

from ..drafts import Drafted
from ..i18n import t
from ..keys import Translated
from ..widgets.fields import DataInput
from ..widgets.footer import OwnFooter
from ..widgets.shown import shown


class Dialog(OwnFooter, Translated, ModalScreen):
    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)


class TypingDialog(Drafted, Dialog):
    """A dialog that is typed into: kept as a draft until saved or cancelled (`tui.drafts`)."""


class TextDialog(TypingDialog):
    def __init__(
        self,
        title: str,
        value: str = "",
        suggestions: list[str] | None = None,
        check: Callable[[str], str | None] | None = None,
        replace: bool = False,
        drafted: bool = True,
        context: dict[str, str] | None = None,
        about: str = "",
        name: str = "",
        hint: str = "",
        of_meeting: bool = False,
        problem: str = "",
    ) -> None:
        """`check` returns what is wrong with a value, which keeps the dialog open;
        `problem` is what was wrong with it before (a file that could not be
        written), said in the dialog as it opens again.

        `replace`: the value is a proposal that typing replaces (a file name),
        selected as a file dialog has it; End or an arrow key edits it instead.
        Otherwise it is kept and typing goes on after it (a title, a time).
        `drafted=False`: what is typed is no part of the record (a file name),
        and is not kept as a draft to be offered back at the next start.
        `context`: the picks made before the dialog (who makes the proposal),
        kept with its draft so that opening it again asks for them no more;
        `about` says them under the title ("Anna Berg"); `name` is what the
        text is, for the offer of its draft ("Reservation", where the title
        asks for its "Motivering"). `hint`: what Enter does, where it does more
        than save. `of_meeting`: about the meeting as a whole (its end), so
        its draft is offered without the § shown when it was typed.
        """
        super().__init__()
        self.of_meeting = of_meeting
        self.title_text = title
        self.hint = hint
        self.value = value
        self.suggestions = suggestions
        self.check = check
        self.replace = replace and bool(value)
        self.drafted = drafted
        self.draft_context = dict(context or {})
        self.draft_about = about
        self.draft_name = name
        self.problem = problem

    def draft_key(self) -> str | None:
        return super().draft_key() if self.drafted else None

    def draft_at(self) -> str | None:
        # The closing's end time had been offered as "Avsluta mötet: sluttid
        # (§ 60)", of a § it is no part of (a trial).
        return None if self.of_meeting else super().draft_at()

    def restore(self, fields: dict[str, str]) -> None:
        super().restore(fields)
        if self.replace:  # a draft taken back is still a proposal to type over
            self.query_one("#value", Input).select_all()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(shown(self.title_text), classes="dialog-title")
            if self.draft_about:
                yield Static(shown(self.draft_about), id="about")
            suggester = (
                SuggestFromList(self.suggestions, case_sensitive=False)
                if self.suggestions
                else None
            )
            # The cursor goes to the end of a prefilled phrase, which is kept.
            yield DataInput(
                value=self.value, suggester=suggester, id="value", select_on_focus=self.replace
            )
            yield Static(shown(self.problem), id="error", classes="error")
            hint = self.hint or t("d_replace_hint" if self.replace else "d_enter_esc")
            yield Static(shown(hint), classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.check(event.value) if self.check else None
        if problem:
            # Stay open: what is typed next still goes here, not into the §.
            self.query_one("#error", Static).update(shown(problem))
            return
        self.dismiss(event.value)


class ConfirmDialog(Dialog):
    # n/N is no, as Esc: the question ends "Enter = ja, Esc = nej", and the
    # footer says the same ("Spara" under "Öppna … igen?" said something else).
    BINDINGS = [
        Binding("escape", "cancel", "no"),
        Binding("enter,j,y", "confirm", "yes"),
        Binding("n,N", "cancel", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(shown(self.question), classes="dialog-title")

    def action_confirm(self) -> None:
        self.dismiss(True)


class PickDialog(Dialog):
    """Choose one of (id, label); typing filters the list."""

    BINDINGS = [
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(shown(self.title_text), classes="dialog-title")
            yield DataInput(placeholder=t("d_filter"), id="filter")
            yield OptionList(id="choices")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, needle: str) -> None:
        options = self.query_one("#choices", OptionList)
        options.clear_options()
        needle = needle.casefold()
        matches = [(cid, label) for cid, label in self.choices if needle in label.casefold()]
        # What starts with the typed letters first, then what has a word starting so.
        matches.sort(
            key=lambda c: (
                not c[1].casefold().startswith(needle),
                f" {needle}" not in f" {c[1].casefold()}",
            )
        )
        options.add_options([Option(shown(label), id=cid) for cid, label in matches])
        if options.option_count:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        options = self.query_one("#choices", OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one("#choices", OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


class CorrectionDialog(TypingDialog):
    """A rättelse to an adjusted protocol: when, which §, what, why, by whom."""

    DRAFT_SAME_ORIGIN = False  # opened with today's date: tomorrow's is the same dialog

    def __init__(self, today: str, by: str) -> None:
        super().__init__()
        self.title_text = t("a_correct")
        self.today, self.by = today, by

    # Rows of fields, the short ones in pairs: five fields one under another
    # left the keys' hint below the dialog's edge at 80x24.
    ROWS = (
        (("date", "d_corr_date"), ("paragraph", "d_corr_paragraph")),
        (("what", "d_corr_what"),),
        (("why", "d_corr_why"), ("by", "d_corr_by")),
    )

    def compose(self) -> ComposeResult:
        values = {"date": self.today, "by": self.by}
        with Vertical(classes="dialog wide"):
            yield Label(t("a_correct"), classes="dialog-title")
            for row in self.ROWS:
                with Horizontal(classes="fields"):
                    for name, key in row:
                        field = DataInput(value=values.get(name, ""), id=name)
                        # Named on its frame, not by a placeholder: that goes
                        # once the field holds a date, a name or a draft taken
                        # back, and left the fields unnamed (a trial).
                        field.border_title = t(key)
                        yield field
            # Shown only with something to say: at 80x24 its empty line had
            # pushed the keys' hint below the dialog's edge.
            yield Static("", id="error", classes="error")
            yield Static(shown(t("d_corr_keys")), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#error", Static).display = False

    def _error(self, text: str, field: str) -> None:
        error = self.query_one("#error", Static)
        error.update(shown(text))
        error.display = True
        self.query_one(f"#{field}", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id != "by":
            self.focus_next()
            return
        values = {i.id: i.value.strip() for i in self.query(Input)}
        try:
            values["date"] = parse_date(values["date"]).isoformat()
        except StoreError as exc:
            self._error(str(exc), "date")
            return
        number = values["paragraph"].removeprefix("§").strip()
        if number and not number.isdigit():
            self._error(t("d_corr_bad_paragraph"), "paragraph")
            return
        values["paragraph"] = int(number) if number else None
        if not values["what"]:
            self.query_one("#what", Input).focus()
            return
        self.query_one("#error", Static).display = False  # what it said is mended
        # Asked once more: a rättelse stays with the protocol for good.
        where = t("d_corr_where", n=number) if number else t("d_corr_whole")
        question = t("d_corr_confirm", where=where, what=values["what"])

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(values)

        self.app.push_screen(ConfirmDialog(question), answered)


class RollList(OptionList):
    """The roll call; its keys cast the highlighted member's vote."""

    BINDINGS = [
        Binding("j,y", "screen.cast('ja')", show=False),
        Binding("n", "screen.cast('nej')", show=False),
        Binding("a", "screen.cast('avstar')", show=False),
        Binding("0", "screen.cast('')", show=False),
    ]


class VoteDialog(TypingDialog):
    """A vote: the proposition, a roll call of those serving, and the totals.

    `check` records the vote or returns why it cannot be (a roll call that
    does not add up, a tie without a casting vote): the dialog stays open
    with the reason shown, and nothing typed is lost.
    """

    def __init__(
        self,
        serving: list[tuple[str, str]],
        check: Callable[[Vote], str | None],
        proposition: str = "",
        vote: Vote | None = None,
        index: int | None = None,
    ) -> None:
        """`vote`: a vote to correct (the `index`th of its §), shown whole and
        saved whole in its place."""
        super().__init__()
        self.serving = serving
        self.check = check
        self.correcting = vote
        self.proposition = vote.proposition if vote is not None else proposition
        self.ballots: dict[str, str] = {b.person: b.vote for b in vote.ballots} if vote else {}
        self.title_text = t("a_vote") if vote is None else t("a_edit_vote")
        if index is not None:
            self.draft_context = {"vote": str(index)}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title")
            # At the top, where an 80x24 terminal still shows it.
            yield Static("", id="vote-error", classes="error")
            yield DataInput(self.proposition, placeholder=t("d_vote_prop"), id="prop")
            yield Static(shown(t("d_vote_roll", n=len(self.serving))), classes="hint")
            yield RollList(id="roll")
            # Each field named beside it, not only by its placeholder, which
            # goes once it holds a number: "7  2  1" said nothing (a trial).
            with Horizontal(classes="tally"):
                for key, name in (("d_yes", "yes"), ("d_no", "no"), ("d_abstain", "abstain")):
                    yield Label(shown(t(key)), classes="tally-name")
                    yield DataInput(id=name, type="integer")
            with Horizontal(classes="tally"):
                yield Label(shown(t("d_casting_name")), classes="tally-name")
                yield DataInput(placeholder=t("d_casting_hint"), id="casting")
                yield Label(shown(t("d_result")), classes="tally-name")
                yield DataInput(id="result")
            yield Static(shown(t("d_enter_esc")), classes="hint")

    def on_mount(self) -> None:
        # Borderless fields, so that the whole dialog fits on 80x24.
        for field in self.query(Input):
            field.compact = True
        v = self.correcting
        if v is not None:  # the vote to correct, as it was saved
            for field, value in (("#yes", v.yes), ("#no", v.no), ("#abstain", v.abstain)):
                self.query_one(field, Input).value = str(value)
            self.query_one("#casting", Input).value = {"ja": t("d_yes"), "nej": t("d_no")}.get(
                v.casting, ""
            )
            self.query_one("#result", Input).value = v.result
        self._show_roll()

    def _show_roll(self) -> None:
        roll = self.query_one("#roll", OptionList)
        keep = roll.highlighted
        roll.clear_options()
        words = {"ja": t("d_yes"), "nej": t("d_no"), "avstar": t("d_abstain"), "": "–"}
        roll.add_options(
            [
                Option(shown(f"{words[self.ballots.get(pid, '')]:<7} {name}"), id=pid)
                for pid, name in self.serving
            ]
        )
        if roll.option_count:
            roll.highlighted = min(keep or 0, roll.option_count - 1)
        counts = self._counts()
        if self.ballots:
            for key, field in (("ja", "#yes"), ("nej", "#no"), ("avstar", "#abstain")):
                self.query_one(field, Input).value = str(counts[key])

    def _counts(self) -> dict[str, int]:
        return {v: sum(1 for b in self.ballots.values() if b == v) for v in ("ja", "nej", "avstar")}

    def draft(self) -> dict[str, str]:
        # The roll call as "id=ja;id=nej", beside the fields.
        ballots = ";".join(f"{pid}={choice}" for pid, choice in self.ballots.items())
        return {**super().draft(), "ballots": ballots}

    def restore(self, fields: dict[str, str]) -> None:
        serving = {pid for pid, _ in self.serving}
        pairs = (x.partition("=") for x in fields.get("ballots", "").split(";") if x)
        self.ballots = {
            pid: v for pid, _, v in pairs if pid in serving and v in ("ja", "nej", "avstar")
        }
        self._show_roll()
        super().restore(fields)

    def action_cast(self, choice: str) -> None:
        roll = self.query_one("#roll", OptionList)
        if roll.highlighted is None:
            return
        pid = roll.get_option_at_index(roll.highlighted).id
        if choice:
            self.ballots[pid] = choice
        else:
            self.ballots.pop(pid, None)
        if roll.highlighted < roll.option_count - 1:
            roll.highlighted += 1
        self._show_roll()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # The casting vote given saves, as the tie's reason asked for it: Enter
        # had gone on to the result, and the vote seemed not to save (a trial).
        casting = event.input.id == "casting" and event.value.strip()
        if event.input.id != "result" and not casting:
            self.focus_next()
            return
        self._save()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter in the roll call saves, its totals counted from it, as the hint
        # says: a trial pressed Enter five times more, through every field.
        event.stop()
        self._save()

    def _save(self) -> None:
        def number(field: str) -> int:
            value = self.query_one(field, Input).value.strip()
            return int(value) if value.isdigit() else 0

        casting = self.query_one("#casting", Input).value.strip().casefold()
        # Either language's word for the casting vote (the field asks in the interface's).
        casting = {
            "j": "ja",
            "ja": "ja",
            "y": "ja",
            "yes": "ja",
            "n": "nej",
            "nej": "nej",
            "no": "nej",
        }.get(casting, "")
        ballots = [Ballot(pid, self.ballots[pid]) for pid, _ in self.serving if pid in self.ballots]
        vote = Vote(
            proposition=self.query_one("#prop", Input).value.strip(),
            yes=number("#yes"),
            no=number("#no"),
            abstain=number("#abstain"),
            ballots=ballots,
            result=self.query_one("#result", Input).value.strip(),
            casting=casting,
        )
        problem = self.check(vote)
        if problem:
            self.query_one("#vote-error", Static).update(shown(problem))
            self.add_class("-crowded")
            if not vote.proposition:  # what ja and nej mean is asked for first
                self.query_one("#prop", Input).focus()
            elif vote.yes == vote.no and not casting:  # a tie: the casting vote is asked for
                self.query_one("#casting", Input).focus()
            return
        self.dismiss(vote)

    def _say_restored(self, text: str) -> None:
        super()._say_restored(text)
        self.add_class("-crowded")
        # Back where the roll call stopped: the first who has not voted.
        roll = self.query_one("#roll", OptionList)
        left = [i for i, (pid, _) in enumerate(self.serving) if pid not in self.ballots]
        if self.ballots and left:
            roll.highlighted = left[0]
            roll.focus()

    def draft_summary(self) -> str:
        """The offer's words for a vote kept as a draft: how far the roll call came,
        not its ids ("e6bdcb3c=ja;854d2710=ja;…", as a trial saw it)."""
        counts = self._counts()
        said = t(
            "d_vote_so_far",
            n=len(self.ballots),
            of=len(self.serving),
            yes=counts["ja"],
            no=counts["nej"],
            abstain=counts["avstar"],
        )
        prop = self.query_one("#prop", Input).value.strip()
        return f"{prop} · {said}" if prop else said
