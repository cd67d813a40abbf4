"""Textual's own words, which it shows in English whatever the interface speaks.

The command palette, the drop-down of a Select and the binding descriptions
Textual's widgets bring are put into the interface's language by
`tui.toolkit`; its system commands are replaced by ours (`ProtokollApp.get_system_commands`).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # the command palette (textual.command.CommandPalette)
    "palette_placeholder": ("Sök bland kommandona …", "Search for commands…"),
    "palette_no_matches": ("Inget kommando passar", "No matches found"),
    "palette_exit": ("Stäng kommandolistan", "Exit the command palette"),
    "palette_next": ("Nästa kommando", "Next command"),
    "palette_previous": ("Föregående kommando", "Previous command"),
    "palette_top": ("Till början", "Go to top"),
    "palette_bottom": ("Till slutet", "Go to bottom"),
    "palette_next_page": ("Nästa sida", "Next page"),
    "palette_previous_page": ("Föregående sida", "Previous page"),
    # Ctrl+C where there is nothing to copy (textual.app.App.action_help_quit)
    "help_quit": ("Ctrl+Q avslutar programmet", "Ctrl+Q quits the program"),
    "help_quit_title": ("Avsluta?", "Quit?"),
    # the drop-down of a Select (textual.widgets._select)
    "select_dismiss": ("Stäng listan", "Dismiss menu"),
    "select_prompt": ("Välj", "Select"),
    "select_show": ("Visa listan", "Show menu"),
    # the editor's own keys (textual.widgets.TextArea), for the F1 help
    "text_area": ("Textrutan", "The text"),
    "text_undo": ("ångra / gör om", "undo / redo"),
    "text_word": ("ord för ord", "word by word"),
    "text_select": ("markera", "select"),
    "text_clipboard": ("klipp ut / kopiera / klistra in", "cut / copy / paste"),
    "text_delete": ("radera ord / till radens slut", "delete word / to end of line"),
    "text_start_end": ("textens början / slut", "start / end of the text"),
}
