"""The protocol exactly as it will print: read-only, scrollable, searchable."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import os
import re
from collections.abc import Callable
from concurrent.futures import CancelledError
from pathlib import Path

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from protokoll.store import Meeting, StoreError, render_markdown, render_text
from protokoll.store.adjust import changed_warning, correct, document_lang, export_refused
from protokoll.store.export_target import OTHER_FORMATS, check_export_target, write_export
from protokoll.store.labels import organ_shown
from protokoll.store.render import anchors

from ..i18n import lang, t
from ..keys import F9_PALETTE, Translated
from ..lifecycle import still_shown
from ..widgets.fields import DataInput
from ..widgets.footer import SteadyFooter
from ..widgets.shown import shown
from .dialogs import ConfirmDialog, CorrectionDialog, TextDialog
from .lookup import Lookup, quote_hint

# The preview's export runs in this group of the application's workers: one at a
# time, and not cancelled when the preview is left while it is written.
EXPORT_GROUP = "preview-export"


def find_all(text: str, query: str) -> list[int]:
    """Where `query` occurs in `text`, ignoring case (å, ä and ö stay distinct)."""
    if not query:
        return []
    haystack, needle = text.casefold(), query.casefold()
    if len(haystack) != len(text):  # casefold changed lengths (ß): fall back to lower()
        haystack, needle = text.lower(), query.lower()
    found, at = [], haystack.find(needle)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + max(len(needle), 1))
    return found


class PreviewScreen(Translated, Screen):
    # Letters are not commands here (but n/N after a search, c in a lookup, E):
    # a secretary who types into the protocol by mistake only scrolls.
    BINDINGS = [
        Binding("escape", "back", "a_back"),
        Binding("f2", "export", "a_export"),
        # In the footer, in its shortest words beside F2's (80 columns are tight):
        # a key that works and is not shown is one the secretary never finds.
        Binding("E", "export('pdf')", "a_export_pdf_short"),
        Binding("slash,ctrl+f", "find", "a_find"),
        Binding("f3", "correct", "a_correct"),
        Binding("f4", "reopen", "a_reopen"),
        Binding("n", "next(1)", "a_next", show=False),
        Binding("N", "next(-1)", "a_previous", show=False),
        Binding("home", "scroll('home')", show=False),
        Binding("end", "scroll('end')", show=False),
        Binding("c", "quote", "a_quote"),  # only in a lookup
        # An imported protocol: how its source was read, and what was guessed.
        Binding("question_mark", "explain", "a_explain", show=False),
        F9_PALETTE,
    ]

    def __init__(
        self,
        meeting: Meeting,
        at: int | None = None,
        query: str = "",
        text: str | None = None,
        title: str = "",
        lookup: Lookup | None = None,
        extract: tuple[tuple[int, ...], bool] | None = None,
    ) -> None:
        """Show `meeting`, scrolled to the § at index `at`, with `query` marked.

        `text` and `title`: another rendering of it (an extract) instead;
        `extract`: its §s and whether they were adjusted at once, so that it
        exports as a PDF or Markdown too (`.pdf` had written the text).
        `lookup`: opened to look something up during a meeting; `c` quotes
        the § under the cursor, and no rättelse is made from here.
        """
        super().__init__()
        self.lookup = lookup
        # The § `c` quotes: the one opened at, then the one scrolled or stepped to.
        self.cursor: int | None = at
        self.meeting = meeting
        self.title_text = title
        self.extract = extract
        self._title = ""  # as shown in the title line (`_title_line`)
        # An adjusted protocol in the words it was adjusted in, as it exports.
        self.text = text if text is not None else render_text(meeting, lang=self._lang())
        self.at = at
        self.query_text = query
        self.matches: list[int] = []
        self.current = -1

    def compose(self) -> ComposeResult:
        title = self.title_text or t("preview_title")
        adjustment = self.meeting.adjustment
        changed = changed_warning(self.meeting, lang())
        if adjustment is not None and adjustment.sha256 and not changed:
            # The checksum `protokoll verify` compares against, while it holds.
            title += f" · sha256 {adjustment.sha256[:16]}…"
        self._title = title
        yield Static(shown(self._title_line()), classes="screen-title", id="preview-title")
        if changed:  # in place of the hash: the text shown is not the text adjusted
            yield Static(shown(changed), classes="error", id="preview-changed")
        with VerticalScroll(id="page"):
            yield Static(shown(self.text), id="protocol")
        yield DataInput(placeholder=t("find_placeholder"), id="find", classes="hidden")
        yield SteadyFooter()  # whole keys only, packed closer at 80 columns

    def on_mount(self) -> None:
        page = self.query_one("#page", VerticalScroll)
        page.focus()
        if self.query_text:
            self.mark(self.query_text, jump=False)
        if self.at is not None:
            line = anchors(self.meeting, self.text)[self.at]
            self.call_after_refresh(self._scroll_to_line, line)
        if self.lookup is not None:
            self.anchors = anchors(self.meeting, self.text)
            if self.cursor is None and self.meeting.paragraphs:
                self.cursor = 0
            self.watch(page, "scroll_y", self._scrolled, init=False)
            self._show_cursor()
        elif self.meeting.adjustment is not None:
            from ..drafts import kept_of_kind

            when = kept_of_kind(self.app, self.meeting.id, "CorrectionDialog")
            if when is not None:
                self.notify(t("n_correction_draft", time=when), timeout=10, markup=False)

    def _scroll_to_line(self, line: int) -> None:
        self.query_one("#page", VerticalScroll).scroll_to(y=line, animate=False)

    def _line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset)

    # --- search inside the protocol ---------------------------------------

    def action_find(self) -> None:
        field = self.query_one("#find", Input)
        field.remove_class("hidden")
        field.value = self.query_text
        field.focus()

    @on(Input.Submitted, "#find")
    def found(self, event: Input.Submitted) -> None:
        event.input.add_class("hidden")
        self.query_one("#page").focus()
        self.mark(event.value.strip(), jump=True)

    def mark(self, query: str, jump: bool) -> None:
        """Mark every occurrence of `query`; with `jump`, go to the first below the top."""
        self.query_text = query
        self.matches = find_all(self.text, query)
        self.current = -1
        if jump and self.matches:
            top = round(self.query_one("#page", VerticalScroll).scroll_y)
            self.current = next(
                (i for i, at in enumerate(self.matches) if self._line_of(at) >= top), 0
            )
        self._paint()
        if jump:
            if not self.matches:
                self.notify(t("n_not_found", query=query), markup=False)
            else:
                self._show_current()

    def action_next(self, step: int) -> None:
        if not self.matches:
            if self.query_text:
                self.notify(t("n_not_found", query=self.query_text), markup=False)
            return
        self.current = (self.current + step) % len(self.matches)
        self._paint()
        self._show_current()

    def _show_current(self) -> None:
        line = self._line_of(self.matches[self.current])
        if self.lookup is not None:
            self._move_cursor(self._paragraph_at(line))
        page = self.query_one("#page", VerticalScroll)
        if not page.scroll_y <= line < page.scroll_y + page.scrollable_content_region.height:
            page.scroll_to(y=max(line - 3, 0), animate=False)
        self.notify(t("n_match", n=self.current + 1, of=len(self.matches)), timeout=2, markup=False)

    def _paint(self) -> None:
        content = shown(self.text)
        size = len(self.query_text)
        for i, at in enumerate(self.matches):
            style = "bold reverse" if i == self.current else "reverse"
            content = content.stylize(style, at, at + size)
        self.query_one("#protocol", Static).update(content)

    def action_back(self) -> None:
        field = self.query_one("#find", Input)
        if not field.has_class("hidden"):
            field.add_class("hidden")
            self.query_one("#page").focus()
            return
        if self.lookup is not None:
            self.lookup.back()
        else:
            self.app.pop_screen()

    def action_scroll(self, where: str) -> None:
        page = self.query_one("#page", VerticalScroll)
        page.scroll_home() if where == "home" else page.scroll_end()

    # --- a rättelse ---------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quote":
            return self.lookup is not None and bool(self.meeting.paragraphs)
        if action in ("correct", "reopen") and self.lookup is not None:
            return False  # a lookup reads; the meeting it was opened from is the one written
        if action == "reopen":
            # Only a closed protocol, shown whole: an adjusted one takes a rättelse.
            return self.meeting.status == "closed" and not self.title_text
        if action == "correct":
            return self.meeting.status == "adjusted"
        if action == "explain":
            return bool(self.meeting.source_text)
        return True

    def on_key(self, event: events.Key) -> None:
        """F4 on an adjusted protocol, where reopening is left out of the footer:
        said, not silence (a trial pressed it and nothing happened)."""
        if event.key == "f4" and self.lookup is None and self.meeting.status == "adjusted":
            event.stop()
            self.notify(t("n_adjusted_f3"), severity="warning", markup=False)

    def action_explain(self) -> None:
        from .explain import ExplainScreen, explanation

        try:
            text = explanation(self.meeting)
        except StoreError as exc:  # a source this version cannot read any more
            self.notify(exc.text(lang()), severity="error", timeout=10, markup=False)
            return
        self.app.push_screen(ExplainScreen(text))

    # --- in a lookup: the § under the cursor, and quoting it ----------------

    def _paragraph_at(self, line: int) -> int | None:
        """The § the line belongs to: the last one whose heading is at or above it."""
        before = [i for i, at in enumerate(self.anchors) if at <= line]
        return before[-1] if before else None

    def _scrolled(self) -> None:
        """Scrolling moves the cursor only once its § has left the view, to the § at
        the edge it left by: the least surprise when reading on or back."""
        page = self.query_one("#page", VerticalScroll)
        top = round(page.scroll_y)
        bottom = top + max(page.scrollable_content_region.height, 1) - 1
        if self.cursor is None:
            self._move_cursor(self._paragraph_at(top))
            return
        start = self.anchors[self.cursor]
        ends = self.anchors[self.cursor + 1 :]
        end = ends[0] - 1 if ends else len(self.text.split("\n"))
        if end < top:
            self._move_cursor(self._paragraph_at(top))
        elif start > bottom:
            self._move_cursor(self._paragraph_at(bottom))

    def _move_cursor(self, index: int | None) -> None:
        if index is None and self.meeting.paragraphs:
            index = 0  # above the first §: the first is the one at hand
        if index != self.cursor:
            self.cursor = index
            self._show_cursor()

    def _show_cursor(self) -> None:
        within = self.lookup.current.id if self.lookup is not None else None
        hint = quote_hint(self.meeting, self.cursor, within)
        self._title = " · ".join(x for x in (hint, t("lookup_preview_title")) if x)
        self.query_one("#preview-title", Static).update(shown(self._title_line()))

    def _title_line(self, busy: str | None = None) -> str:
        """The title, after the file an export is being written to while it is:
        first, where 80 columns still show it."""
        busy = self._export_busy() if busy is None else busy
        if not busy:
            return self._title
        return f"{t('preview_exporting', name=Path(busy).name)} · {self._title}"

    def _export_busy(self) -> str:
        """The path an export of the application is being written to, or ''."""
        return next(
            (w.description for w in self.app.workers
             if w.group == EXPORT_GROUP and not w.is_finished),
            "",
        )  # fmt: skip

    def _show_title(self, busy: str | None = None) -> None:
        if still_shown(self):  # left meanwhile: nothing to show it on
            self.query_one("#preview-title", Static).update(shown(self._title_line(busy)))

    def action_quote(self) -> None:
        if self.lookup is not None and self.cursor is not None:
            self.lookup.quote(self.meeting, self.cursor)

    def action_correct(self) -> None:
        if self.meeting.adjustment is None:
            self.notify(t("n_not_adjusted"), severity="warning", markup=False)
            return
        store = self.app.store

        def entered(values: dict | None) -> None:
            if values is None:
                return
            try:
                correct(
                    store,
                    self.meeting.id,
                    dt.date.fromisoformat(values["date"]),
                    values["what"],
                    why=values["why"],
                    by=values["by"],
                    paragraph=values["paragraph"],
                )
            except StoreError as exc:
                self.notify(exc.text(lang()), severity="error", timeout=10, markup=False)
                return
            self.meeting = store.load(self.meeting.id)
            self.text = render_text(self.meeting, lang=self._lang())
            self.mark(self.query_text, jump=False)
            page = self.query_one("#page", VerticalScroll)
            # After the longer text is laid out: the correction is at its end.
            self.call_after_refresh(page.scroll_end, animate=False)
            self.notify(t("n_corrected"), markup=False)

        secretary = self.meeting.name_of(self.meeting.functions.secretary)
        self.app.push_screen(CorrectionDialog(dt.date.today().isoformat(), secretary), entered)

    # --- reopening a closed meeting ---------------------------------------------

    def action_reopen(self) -> None:
        """The adjusters' corrections: the meeting open for writing again, once
        asked. F4 is a new task on the meeting screen, and one press of it here
        had reopened a protocol of 2017 (a trial)."""
        m = self.meeting
        question = t("d_reopen_confirm", organ=organ_shown(m.organ, "", lang()), date=m.date)

        def answered(yes: bool | None) -> None:
            if yes:
                self._reopen()

        self.app.push_screen(ConfirmDialog(question), answered)

    def _reopen(self) -> None:
        from protokoll.store import verbs

        here = [s for s in self.app.meeting_screens() if s.meeting.id == self.meeting.id]
        if here:  # the meeting screen beneath holds it: reopened there
            self.app.pop_screen()
            here[-1].reopen()  # asked here already
            return
        try:
            session = self.app.store.open(self.meeting.id)
        except StoreError as exc:
            self.notify(exc.text(lang()), severity="error", timeout=10, markup=False)
            return
        try:
            if session.read_only:
                raise session.notice  # type: ignore[misc]
            session.editor().do(verbs.reopen_meeting)
        except StoreError as exc:
            session.close()
            self.notify(exc.text(lang()), severity="error", timeout=10, markup=False)
            return
        self.app.show_meeting(session)

    # --- export ------------------------------------------------------------

    def _export_maker(self, target: Path) -> Callable[[], bytes]:
        """What makes the file: a name ending in .pdf gets the PDF, one in .md
        Markdown (both of the whole protocol, as `protokoll export --format`
        makes them); any other, the text. A name in .md written as plain text
        was a trial's surprise.

        Made here, on the application's thread, and called in the export's own:
        the meeting is a copy (the screen beneath may change the one it holds
        meanwhile) and the language is chosen here, where the application is known.
        """
        suffix = target.suffix.lower()
        lang_now = self._lang()
        if self.extract is not None and suffix in (".pdf", ".md", ".markdown"):
            return self._extract_maker(suffix, lang_now)
        if suffix == ".pdf" and not self.title_text:
            meeting = copy.deepcopy(self.meeting)

            def pdf() -> bytes:
                from protokoll.store.pdf import render_pdf  # fpdf2 loads only when a PDF is made

                return render_pdf(meeting, lang=lang_now)

            return pdf
        if suffix in (".md", ".markdown") and not self.title_text:
            meeting = copy.deepcopy(self.meeting)
            return lambda: render_markdown(meeting, lang=lang_now).encode("utf-8")
        text = self.text
        return lambda: text.encode("utf-8")

    def _extract_maker(self, suffix: str, lang_now: str) -> Callable[[], bytes]:
        """The extract shown, as a PDF or in Markdown (`_export_maker`)."""
        from protokoll.store.extract import render_extract, render_extract_pdf

        meeting = copy.deepcopy(self.meeting)
        numbers, immediate = self.extract or ((), False)
        if suffix == ".pdf":
            return lambda: render_extract_pdf(meeting, list(numbers), lang_now, immediate)
        return lambda: render_extract(
            meeting, list(numbers), lang=lang_now, immediate=immediate, markdown=True
        ).encode("utf-8")

    def _lang(self) -> str:
        """The protocol's language (`adjust.document_lang`)."""
        return document_lang(self.meeting, lang())

    def action_export(self, kind: str = "text") -> None:
        busy = self._export_busy()
        if busy:  # one file at a time; asked before a name is typed, not after
            self.notify(t("n_export_busy", path=busy), severity="warning", markup=False)
            return
        refused = export_refused(self.meeting)
        if refused is not None:  # "justerat" on a text that is not the one adjusted
            self.notify(refused.text(lang()), severity="error", timeout=15, markup=False)
            return
        what = [self.meeting.date, self.meeting.organ]
        if self.title_text:  # an extract: not the same file as the whole protocol
            what.append(self.title_text[:30])
            what += [str(n) for n in (self.extract or ((), False))[0]]  # which §
            if self.extract is None:
                kind = "text"  # shown as text only: no PDF of it to make
        suffix = ".pdf" if kind == "pdf" else text_suffix(self.app)
        name = re.sub(r"[\W]+", "-", "-".join(what)).strip("-") + suffix
        suggested = str(export_folder(self.app) / name)

        def write(target: Path, force: bool) -> None:
            """Rendered and written in a thread: a PDF takes half a second, and
            once took four on a loaded machine, with the screen frozen (a trial)."""
            busy = self._export_busy()
            if busy:  # begun meanwhile (F2 refuses while one runs): the name kept
                self.notify(t("n_export_busy", path=busy), severity="warning", markup=False)
                ask(str(target))
                return
            app = self.app  # the thread has no active application to look it up by
            make, report = self._export_maker(target), functools.partial(written, target)
            app.run_worker(
                functools.partial(_write_in_thread, app, target, make, force, report),
                thread=True,
                group=EXPORT_GROUP,
                description=str(target),
            )
            self._show_title()

        def written(target: Path, outcome: Path | StoreError) -> None:
            """On the application's thread again, once the file is written or refused
            (its worker ends just after): every preview says it is under way no more."""
            for screen in self.app.screen_stack:
                if isinstance(screen, PreviewScreen):
                    screen._show_title(busy="")
            if isinstance(outcome, StoreError):
                # A full disk, a folder gone: the dialog again, with the name
                # and why, as for a name it refuses. As a toast it stood for
                # 10 s beside the next try's "Exporterat till …" (a trial).
                if self.app.screen is self:
                    ask(str(target), outcome.text(lang()))
                else:  # not over a screen gone on to meanwhile
                    self.app.notify(
                        outcome.text(lang()), severity="error", timeout=10, markup=False
                    )
                return
            self.app.notify(t("n_exported", path=outcome), markup=False)
            self.app.last_export = outcome

        def target_of(path: str) -> Path:
            # abspath, not resolve(): a symbolic link typed as the file is
            # refused as such, never followed to the file it points to.
            target = Path(os.path.abspath(os.path.expanduser(path.strip())))
            return target / name if target.is_dir() else target  # a folder: the name in it

        def problem(path: str) -> str | None:
            """Why the file cannot be written there, said in the dialog, which stays
            open with what was typed: said in a toast, it stayed above the
            "Exporterat till …" of the next try (a trial)."""
            if not path.strip():
                return None  # nothing typed: Enter goes, as Esc
            target = target_of(path)
            if target.suffix.casefold() in OTHER_FORMATS:
                return t("n_not_a_format", suffix=target.suffix, formats=".txt, .md, .pdf")
            try:
                check_export_target(target, force=False)
            except StoreError as exc:
                if exc.key != "export_exists":  # that one is asked about after
                    return exc.text(lang())
            return None

        def chosen(path: str | None) -> None:
            if not path or not path.strip():
                return
            target = target_of(path)
            try:
                check_export_target(target, force=False)
            except StoreError as exc:
                if exc.key != "export_exists":  # gone wrong since the dialog looked
                    ask(path, exc.text(lang()))
                    return
                # Asked, then checked again as it is written: yes replaces only a file.
                self.app.push_screen(
                    ConfirmDialog(t("d_overwrite", path=target)),
                    lambda yes: write(target, force=True) if yes else None,
                )
                return
            write(target, force=False)

        def ask(default: str, said: str = "") -> None:
            title = t("d_export_pdf_path" if kind == "pdf" else "d_export_path")
            # Typing a name replaces the whole suggested path, as in a file dialog:
            # appended to it, "…/protokoll.txtminnamn.txt" was made (found in a trial).
            # A path is no part of the record: not offered back as a draft.
            dialog = TextDialog(
                title, default, check=problem, replace=True, drafted=False, problem=said
            )
            self.app.push_screen(dialog, chosen)

        ask(suggested)


def export_folder(app: App) -> Path:
    """Where an export is proposed, the whole path shown so the secretary sees
    where the file goes: the folder exported to last in this run (a trial
    typed its folder again at every export), else where the program was
    started, or the home directory if that is gone."""
    last = getattr(app, "last_export", None)
    if last is not None and last.parent.is_dir():
        return last.parent
    try:
        return Path.cwd()
    except OSError:
        return Path.home()


def text_suffix(app: App) -> str:
    """F2's kind of file: the text protocol, or Markdown once the last export
    of this run was (a trial's second F2 proposed .txt again after its .md)."""
    last = getattr(app, "last_export", None)
    return ".md" if last is not None and last.suffix.lower() == ".md" else ".txt"


def _write_in_thread(
    app, target: Path, make: Callable[[], bytes], force: bool, report: Callable
) -> None:
    """The preview's export, in a worker's thread: the file made and written,
    and what came of it told on the application's thread."""
    try:
        outcome: Path | StoreError = write_export(target, make(), force=force)
    except StoreError as exc:
        outcome = exc
    try:
        app.call_from_thread(report, outcome)
    except (RuntimeError, CancelledError):
        pass  # the application ended meanwhile: there is no screen to say it on
