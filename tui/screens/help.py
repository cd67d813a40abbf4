"""Every key of the application, by where it works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import t
from ..widgets.lists import AgendaList, AttendanceList, ItemList, ParagraphLog


def key_name(keys: str) -> str:
    """`F2 / Alt+N`; a letter bound in both cases is shown once, as typed: `o`."""
    names: list[str] = []
    for k in keys.split(","):
        k = k.strip()
        if len(k) == 1:
            name = k.lower()
        else:
            name = "+".join(p.capitalize() if len(p) > 1 else p.upper() for p in k.split("+"))
        if name not in names:
            names.append(name)
    return " / ".join(names)


def key_table() -> str:
    from ..actions import MEETING
    from ..actions import bindings as meeting_bindings

    sections = [
        (t("a_text"), meeting_bindings(MEETING)),
        (t("attendance"), AttendanceList.BINDINGS),
        (t("agenda"), AgendaList.BINDINGS),
        (t("earlier"), ParagraphLog.BINDINGS),
        (t("a_decision") + " …", ItemList.BINDINGS),
    ]
    lines = []
    for title, bindings in sections:
        lines.append(title)
        for b in bindings:
            lines.append(f"  {key_name(b.key):<24} {t(b.description)}")
        lines.append("")
    lines += [
        "TextArea",
        "  Ctrl+Z / Ctrl+Y          undo / redo",
        "  Ctrl+Left / Ctrl+Right   word by word",
        "  Shift+arrows             select",
        "  Ctrl+X / Ctrl+C / Ctrl+V cut / copy / paste",
        "  Ctrl+W / Ctrl+K          delete word / to end of line",
        "",
        "Ctrl+P   " + t("help_footer"),
        "Ctrl+Q   " + t("a_quit"),
    ]
    return "\n".join(lines)


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,q", "dismiss", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide tall"):
            yield Static(Content(t("help_title")), classes="dialog-title")
            yield Static(Content(key_table()))

    def action_dismiss(self) -> None:
        self.dismiss(None)
