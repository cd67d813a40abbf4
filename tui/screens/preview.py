"""The protocol exactly as it will print, read-only and scrollable."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from store import Meeting, StoreError, render_text
from store.storage import atomic_write

from ..i18n import lang, t
from ..keys import Translated
from .dialogs import TextDialog


class PreviewScreen(Translated, Screen):
    BINDINGS = [
        Binding("escape,q", "app.pop_screen", "a_back"),
        Binding("e,f2", "export", "a_export"),
        Binding("home", "scroll('home')", show=False),
        Binding("end", "scroll('end')", show=False),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.text = render_text(meeting, lang=lang())

    def compose(self) -> ComposeResult:
        title = t("preview_title")
        adjustment = self.meeting.adjustment
        if adjustment is not None and adjustment.sha256:
            # The checksum `protokoll verify` compares against.
            title += f" · sha256 {adjustment.sha256[:16]}…"
        yield Static(Content(title), classes="screen-title")
        with VerticalScroll(id="page"):
            yield Static(Content(self.text), id="protocol")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#page").focus()

    def action_scroll(self, where: str) -> None:
        page = self.query_one("#page", VerticalScroll)
        page.scroll_home() if where == "home" else page.scroll_end()

    def action_export(self) -> None:
        suggested = f"{self.meeting.date}-{self.meeting.organ}.txt".replace(" ", "-").replace(
            "/", "-"
        )

        def chosen(path: str | None) -> None:
            if not path or not path.strip():
                return
            target = Path(os.path.expanduser(path.strip()))
            try:
                atomic_write(target, self.text.encode("utf-8"))
            except StoreError as exc:
                self.notify(exc.text(lang()), severity="error", timeout=10, markup=False)
                return
            self.notify(t("n_exported", path=target), markup=False)

        self.app.push_screen(TextDialog(t("d_export_path"), suggested), chosen)
