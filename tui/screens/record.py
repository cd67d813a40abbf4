"""Asking for what is recorded in a §: yrkanden, beslutsgång, omröstning, reservation, jäv, notes.

Each question picks people from those the rules allow at the § (who serves,
who is present) and hands the answer to a verb (`store.verbs`), which
refuses what is wrong; a refusal is shown as a message and nothing is
recorded.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from protokoll.store import Meeting, Paragraph, Vote, verbs
from protokoll.store.attendance import chair_at, in_seat_order, present_at, serving
from protokoll.store.labels import record_language
from protokoll.store.proceedings import PERSONAL_NOTES, live, proposal_title
from protokoll.store.render import serving_name
from protokoll.store.words import say

from ..i18n import lang, t
from .dialogs import PickDialog, TextDialog, VoteDialog

NONE = "-"  # the "(inget)" choice


class Recorder:
    """Asks, and records through the screen's `do`.

    `do(verb, *args)` is the screen's: it runs a verb, shows a refusal as a
    message, and redraws what changed. `check(verb, *args)` runs a verb and
    returns the refusal's words, for a dialog that stays open until it is right.
    """

    def __init__(
        self,
        app: App,
        meeting: Meeting,
        do: Callable[..., object],
        check: Callable[..., str | None],
    ) -> None:
        self.app = app
        self.meeting = meeting
        self.do = do
        self.check = check

    def _pick(self, title: str, choices: list[tuple[str, str]], then: Callable) -> None:
        if not choices:
            self.app.notify(t("n_no_serving"), severity="warning", markup=False)
            return
        self.app.push_screen(PickDialog(title, choices), lambda x: x is not None and then(x))

    def _serving(self, p: Paragraph) -> list[tuple[str, str]]:
        return [(a.id, a.name) for a in serving(self.meeting, p.id)]

    def _proposals(self, p: Paragraph) -> list[tuple[str, str]]:
        m = self.meeting
        return [(x.id, f"{proposal_title(m, x, self.app.lang)}: {x.text}") for x in live(p)]

    # --- yrkanden and beslutsgång ----------------------------------------------

    def proposal(self, p: Paragraph) -> None:
        self._pick(t("d_pick_proposer"), self._serving(p), lambda who: self._proposal_text(p, who))

    def _proposal_text(self, p: Paragraph, person: str) -> None:
        def text(value: str | None) -> None:
            if value is not None:
                self.do(verbs.add_proposal, p.id, person, value)

        dialog = TextDialog(
            t("d_proposal_text"), context={"person": person}, about=self._name(person)
        )
        self.app.push_screen(dialog, text)

    def _name(self, person: str) -> str:
        return next((a.name for a in self.meeting.attendees if a.id == person), "")

    def resume(self, action: str, p: Paragraph, context: dict[str, str]) -> bool:
        """A draft's dialog opened again with the picks made before it (who, for
        what, which kind), which a dropped connection had cost; False when they
        no longer hold (the person gone from the §), and the picks are asked again."""
        person = context.get("person", "")
        if action == "proposal" and person in dict(self._serving(p)):
            self._proposal_text(p, person)
        elif action == "reservation" and person in dict(self._serving(p)):
            self._reason(p, person, context.get("favour", ""))
        elif action == "note" and person in dict(self._noting(p)) and context.get("kind") in (
            PERSONAL_NOTES
        ):
            self._note_text(p, person, context["kind"])
        elif action == "vote" and context.get("vote", "").isdigit():
            if int(context["vote"]) >= len(p.votes):
                return False  # the vote it corrected is gone: a new one
            self.vote(p, int(context["vote"]))
        else:
            return False
        return True

    def order(self, p: Paragraph) -> None:
        """The proposals in the order put, one pick at a time, then the one carried."""
        if not live(p):
            self.app.notify(t("n_no_proposals"), severity="warning", markup=False)
            return
        put: list[str] = []

        def next_pick() -> None:
            left = [c for c in self._proposals(p) if c[0] not in put]
            if len(left) > 1:
                self._pick(t("d_pick_first", n=len(put) + 1), left, chosen)
                return
            put.extend(c[0] for c in left)
            choices = [*self._proposals(p), (NONE, t("d_none"))]
            self._pick(t("d_pick_carried"), choices, carried)

        def chosen(proposal: str) -> None:
            put.append(proposal)
            next_pick()

        def carried(proposal: str) -> None:
            won = None if proposal == NONE else proposal
            self.do(verbs.set_order, p.id, put, won)

        next_pick()

    # --- omröstning ------------------------------------------------------------

    def vote(self, p: Paragraph, index: int | None = None) -> None:
        """A vote; with `index`, that vote of the § shown whole, to be corrected."""
        m = self.meeting
        put = [p.proposal(i) for i in p.order] or live(p)
        # Into the record: in its language, not the interface's.
        kept = record_language(m)
        titles = [proposal_title(m, x, kept) for x in put if x is not None][:2]
        proposition = ""
        if len(titles) == 2:
            proposition = say("ui.proposition", kept, yes=titles[0], no=titles[1])

        def check(vote: Vote) -> str | None:
            if index is not None:
                return self.check(verbs.replace_vote, p.id, index, vote)
            return self.check(verbs.add_vote, p.id, vote)

        # In seat order, each with their party: an upprop is checked against a
        # party list, and the ersättare had come last (a trial).
        # And an ersättare for whom, as the printed list says it (a trial saw
        # "Per Ring (C)" alone in the dialog).
        roll = [(a.id, serving_name(m, p, a, lang())) for a in in_seat_order(m, p.id)]
        old = p.votes[index] if index is not None and index < len(p.votes) else None
        dialog = VoteDialog(roll, check, proposition, old, index if old is not None else None)
        self.app.push_screen(dialog)

    # --- reservation ------------------------------------------------------------

    def reservation(self, p: Paragraph) -> None:
        m = self.meeting

        def by(person: str) -> None:
            # What is chosen is stored as its words: in the record's language.
            kept = record_language(m)
            choices = [(x.id, proposal_title(m, x, kept)) for x in live(p) if x.person != person]
            own = [x for x in live(p) if x.person == person]
            if own:
                choices.insert(0, (own[0].id, say("ui.own_proposal", kept)))
            if not choices:
                ask_reason(person, "")
                return
            choices.append((NONE, t("d_none")))

            def favour(proposal: str) -> None:
                label = dict(choices).get(proposal, "") if proposal != NONE else ""
                ask_reason(person, label)

            self._pick(t("d_for_proposal"), choices, favour)

        def ask_reason(person: str, favour: str) -> None:
            self._reason(p, person, favour)

        self._pick(t("d_pick_reserving"), self._serving(p), by)

    def _reason(self, p: Paragraph, person: str, favour: str) -> None:
        def reason(text: str | None) -> None:
            if text is None:
                return
            if text.strip():
                self.do(verbs.add_reservation, p.id, person, favour, text, False)
                return
            # Without reasons: a written reservation to follow (the first
            # choice, as Enter had it), or none at all, which the law allows
            # (L12) and there had been no way to record (a trial).
            choices = [("written", t("d_reservation_written")), ("blank", t("d_reservation_blank"))]
            self._pick(
                t("d_reservation_without_reason"),
                choices,
                lambda how: self.do(
                    verbs.add_reservation, p.id, person, favour, "", how == "written"
                ),
            )

        about = self._name(person)
        if favour:
            about = t("d_reason_about", name=about, favour=favour)
        context = {"person": person, "favour": favour}
        dialog = TextDialog(t("d_reason"), context=context, about=about, name=t("a_reservation"))
        self.app.push_screen(dialog, reason)

    # --- jäv ----------------------------------------------------------------------

    def jav(self, p: Paragraph) -> None:
        m = self.meeting
        present = [(a.id, a.name) for a in m.attendees if present_at(a, m, p.id)]

        def by(person: str) -> None:
            taking_part = serving(m, p.id)
            seated = any(a.id == person for a in taking_part)
            free = [
                (a.id, a.name)
                for a in m.attendees
                if a.role == "ersattare" and present_at(a, m, p.id) and a not in taking_part
            ]
            if seated and free:
                self._pick(
                    t("d_pick_jav_substitute"),
                    [*free, (NONE, t("d_none"))],
                    lambda sub: chair(person, None if sub == NONE else sub),
                )
            else:
                chair(person, None)

        def chair(person: str, substitute: str | None) -> None:
            if person != chair_at(m, p):
                self.do(verbs.declare_jav, p.id, person, substitute)
                return
            others = [(a.id, a.name) for a in serving(m, p.id) if a.id != person]
            self._pick(
                t("d_pick_paragraph_chair"),
                others,
                lambda c: self.do(verbs.declare_jav, p.id, person, substitute, c),
            )

        self._pick(t("d_pick_jav"), present, by)

    # --- protokollsanteckning and särskilt yttrande ------------------------------

    def note(self, p: Paragraph) -> None:
        kinds = [(k, t(f"kind_{k}")) for k in PERSONAL_NOTES]

        def by(person: str) -> None:
            self._pick(t("d_note_kind"), kinds, lambda which: self._note_text(p, person, which))

        self._pick(t("d_pick_note"), self._noting(p), by)

    def _noting(self, p: Paragraph) -> list[tuple[str, str]]:
        m = self.meeting
        return [
            (a.id, a.name)
            for a in m.attendees
            if a.role in ("ledamot", "ersattare") and not a.guest and present_at(a, m, p.id)
        ]

    def _note_text(self, p: Paragraph, person: str, which: str) -> None:
        def text(value: str | None) -> None:
            if value and value.strip():
                self.do(verbs.add_note, p.id, person, value, which)

        kind = t(f"kind_{which}")  # "Särskilt yttrande": what the text is
        about = f"{self._name(person)}, {kind.lower()}"
        context = {"person": person, "kind": which}
        dialog = TextDialog(t("d_note_text"), context=context, about=about, name=kind)
        self.app.push_screen(dialog, text)
