"""Every key of the application, by where it works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from protokoll.store.words import say

from ..i18n import t
from ..keys import Translated
from ..widgets.footer import OwnFooter
from ..widgets.lists import AgendaList, AttendanceList, ItemList, ParagraphLog
from ..widgets.shown import shown

# Keys as printed on the keyboard, not as Textual names them.
_KEY_LABELS = {
    "slash": "/",
    "escape": "Esc",
    "question_mark": "?",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "asterisk": "*",  # "Asterisk", in English, in the Swedish help (a trial)
    "pageup": "PgUp",
    "pagedown": "PgDn",
}


def key_name(keys: str, lang: str = "sv") -> str:
    """`F2 / Alt+N`; with the slash key among them `/, s, Ctrl+F` (the palette
    had said "Sök / / s / Ctrl+F", the key and the separator alike)."""
    names = key_names(keys, lang)
    return (", " if "/" in names else " / ").join(names)


def key_names(keys: str, lang: str = "sv") -> list[str]:
    """Each key as printed on the keyboard; a letter bound in both cases is
    shown once, small: `o`; the space bar in `lang`'s word for it."""
    keys_ = [k.strip() for k in keys.split(",") if k.strip()]
    names: list[str] = []
    for k in keys_:
        if len(k) == 1:
            both = k.lower() in keys_ and k.upper() in keys_
            name = k.lower() if both else k
        elif k == "space":
            name = say("ui.key_space", lang)
        else:
            name = "+".join(
                _KEY_LABELS.get(p, p.capitalize() if len(p) > 1 else p.upper())
                for p in k.split("+")
            )
        if name not in names:
            names.append(name)
    return names


def key_table(lang: str) -> str:
    from ..actions import MEETING

    def word(key: str) -> str:
        return say(f"ui.{key}", lang)

    # The meeting's actions: the key every terminal sends, F9 and the letter,
    # and the shortcuts some terminals let through.
    lines = [word("a_text")]
    for a in MEETING:
        keys = key_name(a.keys) if a.keys else ""
        menu = f"F9 {a.letter}" if a.letter else ""
        also = f"  ({word('also')} {key_name(a.extra)})" if a.extra else ""
        lines.append(f"  {keys:<8} {menu:<5} {word(a.label)}{also}")
    lines.append("")
    sections = [
        (word("attendance"), AttendanceList.BINDINGS),
        (word("agenda"), AgendaList.BINDINGS),
        (word("earlier"), ParagraphLog.BINDINGS),
        (word("a_decision") + " …", ItemList.BINDINGS),
    ]
    for title, bindings in sections:
        lines.append(title)
        for b in bindings:
            lines.append(f"  {key_name(b.key, lang):<24} {word(b.description)}")
        lines.append("")
    # The editor's own keys (Textual's TextArea), in the interface's words.
    lines.append(say("toolkit.text_area", lang))
    for keys, what in (
        ("Ctrl+Z / Ctrl+Y", "text_undo"),
        ("Ctrl+← / Ctrl+→", "text_word"),
        ("Ctrl+Home / Ctrl+End", "text_start_end"),
        ("Shift+← ↑ → ↓", "text_select"),
        ("Ctrl+X / Ctrl+C / Ctrl+V", "text_clipboard"),
        ("Ctrl+W / Ctrl+K", "text_delete"),
    ):
        lines.append(f"  {keys:<24} {say(f'toolkit.{what}', lang)}")
    lines += [
        "",
        "Ctrl+P   " + word("help_footer"),
        "Ctrl+Q   " + word("a_quit"),
    ]
    return "\n".join(lines)


class HelpScreen(OwnFooter, Translated, ModalScreen):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "k_close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide tall"):
            yield Static(shown(t("help_title")), classes="dialog-title")
            yield Static(shown(key_table(self.app.lang)))

    def action_dismiss(self) -> None:
        self.dismiss(None)
