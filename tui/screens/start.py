"""What the application opens on when no meeting is in progress."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from protokoll.store import StoreError
from protokoll.store.catalogue import Summary

from ..drafts import with_draft
from ..i18n import lang, t
from ..keys import F9_PALETTE, Translated
from ..lifecycle import still_shown
from ..widgets.footer import SteadyFooter
from ..widgets.shown import shown


class StartScreen(Translated, Screen):
    BINDINGS = [Binding("q", "app.quit", "a_quit"), F9_PALETTE]

    def __init__(self, resume: bool = False) -> None:
        super().__init__()
        # Into the meeting in progress once the archive has been read, unless
        # the secretary has gone elsewhere meanwhile (the application's start
        # on a store with no index files: `ProtokollApp.on_mount`).
        self.resume = resume

    def compose(self) -> ComposeResult:
        with Vertical(id="start"):
            yield Static(shown("protokoll"), classes="screen-title")
            yield Static(id="start-hint")
            yield OptionList(id="menu")
        yield SteadyFooter()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: one refresh, not two.
        self.refresh_menu()

    def on_screen_suspend(self) -> None:
        self.resume = False  # a menu choice made: the start is the secretary's now

    def refresh_menu(self) -> None:
        store = self.app.store
        menu = self.query_one("#menu", OptionList)
        # Back from a screen, the cursor stays where it was: at "Nytt möte"
        # again, the next Enter had opened the new-meeting form (a trial).
        was = menu.highlighted_option.id if menu.highlighted_option else None
        before = [o.id for o in menu.options]
        menu.clear_options()
        hint = self.query_one("#start-hint", Static)
        if not store.organs() and store.problems:
            # Not empty: files are there that could not be read. Examples
            # loaded now would sit among them, and an organ made now would
            # not be written into a damaged catalogue.
            files = ", ".join(str(p.params.get("path", p.text(lang()))) for p in store.problems)
            hint.update(shown(t("damaged_store", files=files)))
            first = with_draft(self.app, t("first_organ"), "organ-new")
            options = [Option(shown(first), id="organ")] if store.catalogue_ok else []
            menu.add_options([*options, Option(t("quit"), id="quit")])
        elif not store.organs():
            hint.update(shown(t("empty_store")))
            menu.add_options(
                [
                    Option(shown(with_draft(self.app, t("first_organ"), "organ-new")), id="organ"),
                    Option(t("load_examples"), id="examples"),
                    Option(t("quit"), id="quit"),
                ]
            )
        else:
            hint.update("")
            app = self.app
            options = [Option(shown(with_draft(app, t("new_meeting"), "new-meeting")), id="new")]
            from ..app import LOOK_AT_ONCE

            unfinished = store.unfinished_at_once(("draft", "open"), look_up_to=LOOK_AT_ONCE)
            if unfinished is None:  # the meetings in progress are not known yet
                options.append(Option(shown(t("reading_archive")), disabled=True))
                self.read_archive()
            for s in unfinished or []:
                label = f"{t('continue')}: {s.date} {s.organ} ({t('status_' + s.status)})"
                options.append(Option(shown(label), id=f"open:{s.id}"))
            options += [
                Option(t("past_meetings"), id="browse"),
                Option(t("search_all"), id="search"),
                Option(t("tasks_menu"), id="tasks"),
                Option(t("edit_organ"), id="edit_organ"),
                Option(shown(with_draft(app, t("new_organ"), "organ-new")), id="organ"),
                Option(t("quit"), id="quit"),
            ]
            menu.add_options(options)
        ids = [o.id for o in menu.options]
        # The same menu: where it was. Another (the first organ made, the menu
        # of an empty store gone): at its top, "Nytt möte", not on "Nytt organ"
        # again, where Enter had opened a second empty organ form (a trial).
        same = _fixed(ids) == _fixed(before)
        menu.highlighted = ids.index(was) if same and was in ids else 0
        menu.focus()

    @work(thread=True, exclusive=True, group="start-look")
    def read_archive(self) -> None:
        store = self.app.store
        try:
            unfinished = store.unfinished(statuses=("draft", "open"))
        except StoreError as exc:
            said = exc.text(self.app.lang)
            self.app.call_from_thread(self.notify, said, severity="error", markup=False)
            return
        self.app.call_from_thread(self._archive_read, unfinished)

    def _archive_read(self, unfinished: list[Summary]) -> None:
        if not still_shown(self) or self.app.screen is not self:
            return  # the menu is made again when the secretary is back
        if self.resume and self.app.resume(unfinished):
            return
        self.resume = False
        self.refresh_menu()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        app = self.app
        if choice == "new":
            from .new_meeting import NewMeetingScreen

            app.push_screen(NewMeetingScreen())
        elif choice == "organ":
            from .organ import OrganScreen

            app.push_screen(OrganScreen())
        elif choice == "edit_organ":
            from .organ import edit_organ, pick_organ

            def picked(organ_id: str | None) -> None:
                if organ_id is not None:
                    edit_organ(app, organ_id, lambda _saved: self.refresh_menu())

            pick_organ(app, picked)
        elif choice == "examples":
            n = app.load_examples()
            self.notify(t("examples_loaded", n=n), markup=False)
            self.refresh_menu()
        elif choice == "browse":
            from .browse import BrowseScreen

            app.push_screen(BrowseScreen())
        elif choice == "tasks":
            from .registers import TasksScreen

            app.push_screen(TasksScreen())
        elif choice == "search":
            from .search import SearchScreen

            app.push_screen(SearchScreen())
        elif choice.startswith("open:"):
            app.open_meeting(choice[5:])
        elif choice == "quit":
            app.exit()


def _fixed(ids: list[str | None]) -> list[str]:
    """The menu's own rows, whatever meetings there are to continue: the
    secretary's cursor had gone back to "Nytt möte" when the archive's
    reading row gave way to them (a trial)."""
    return [i for i in ids if i is not None and not i.startswith("open:")]
