"""What each terminal sends for each key protokoll uses: the bytes, per terminal.

A key is named as Textual names it ("f3", "ctrl+p", "alt+b", "shift+tab").
A terminal either sends bytes for it, or `NotSent`: the terminal keeps the
key for itself (a menu, full screen, a multiplexer's prefix) or sends
nothing for it alone (a dead key on a Mac keyboard).

The program is in the state Textual puts a terminal in: normal cursor keys
(DECCKM reset, so arrows are CSI A, not SS3 A; Textual never sends smkx),
normal keypad, bracketed paste on. Textual also asks for the kitty keyboard
protocol (CSI > 11 u, then per-key CSI … u reports); none of the terminals
below answer it (tmux 3.3a and GNU screen swallow the request), so every
row is the legacy encoding.

Sources
-------
[ctlseqs]   Thomas E. Dickey, "XTerm Control Sequences", sections "PC-Style
            Function Keys" (F1-F4 = SS3 P..S, F5 = CSI 15 ~, F6 = CSI 17 ~ …
            F12 = CSI 24 ~; Home/End = CSI H / CSI F with DECCKM reset;
            Delete = CSI 3 ~) and "Alt and Meta Keys".
[xterm(1)]  xterm manual, resources eightBitInput (default true), eightBitMeta
            (default "locale": with a UTF-8 locale the key is sent unmodified,
            xterm patch #277), metaSendsEscape / altSendsEscape (default
            false; true: ESC before the key). T. Dickey on debian-x, 2012-01:
            "If eightBitMeta is enabled when the locale uses UTF-8, xterm
            encodes the value as UTF-8 (since patch #183)".
[terminfo]  ncurses 6.4 terminfo entries, read with `infocmp -1`:
            xterm-256color, vte-256color, konsole, putty, linux, screen,
            screen-256color, tmux-256color, iterm2, nsterm. Their kf1..kf12,
            kdch1, kbs, kcbt agree with the rows below (khome/kend/kcu* there
            are the smkx forms, which Textual does not ask for).
[gnome]     GNOME Terminal, Preferences > Shortcuts (defaults): Help >
            Contents = F1, View > Full Screen = F11, "Switch to Tab N" =
            Alt+N; Preferences > General: "Enable the menu accelerator key
            (F10 by default)", on by default. The same F1 and F10 complaints:
            github.com/ffainelli/bqlmon/issues/6 ("F1 is intercepted by ...
            gnome-terminal, to open the help"), mate-desktop/mate-terminal
            issue 201 (F10 opens the menu; MATE Terminal is GNOME's fork).
[wt]        Windows Terminal default actions (defaults.json): toggleFullscreen
            = F11 and Alt+Enter, paste = Ctrl+V and Ctrl+Shift+V,
            switchToTab = Ctrl+Alt+1..9, commandPalette = Ctrl+Shift+P.
            Input: xterm encoding (terminalInput.cpp), Alt = ESC prefix.
[iterm2]    iTerm2 documentation, Preferences > Profiles > Keys: "Left/Right
            Option key: Normal | Meta | Esc+" (default Normal: the character
            the keyboard layout gives); the "Natural Text Editing" preset
            maps Option+Left/Right to ESC b / ESC f.
[terminal]  macOS Terminal, Settings > Profiles > Keyboard: "Use Option as
            Meta key" (off by default: Option types the layout's
            character). Home/End scroll the scrollback by default.
[us-mac]    The macOS "U.S." keyboard layout: Option+1..0 = ¡ ™ £ ¢ ∞ § ¶ • ª º;
            Option+a..z as in MAC_OPTION below; Option+e u i n ` are dead
            keys (´ ¨ ˆ ˜ `), which send nothing until the next key.
[putty]     PuTTY User Manual 4.4.1 (Backspace: Control-? by default),
            4.4.2 (Home and End: "Standard", ESC[1~ / ESC[4~), 4.4.3
            (function keys: "ESC[n~" by default, F1 = ESC[11~ … F4 = ESC[14~,
            F5 = ESC[15~ …). Alt+key sends ESC then the key.
[console]   Linux console: default keymap (loadkeys defkeymap.map; F1-F5 =
            ESC [ [ A .. E, F6 = ESC [ 17 ~ …, Shift+Tab = Meta_Tab = ESC TAB),
            terminfo `linux` (kf1=\\E[[A … kf5=\\E[[E), console_codes(4);
            Alt+key = ESC key by default (KBD_DEFMODE sets VC_META,
            setmetamode(1) "escprefix").
[tmux]      tmux(1): prefix C-b, escape-time 500 ms; default-terminal
            tmux-256color. Observed with tmux 3.3a: an inner program receives
            F1 = ESC O P, F5 = ESC [ 15 ~, Home = ESC [ 1 ~, End = ESC [ 4 ~,
            arrows = ESC [ A …, Alt+b = ESC b, Ctrl+P = ^P, whether the outer
            terminal is xterm (ESC O P), PuTTY (ESC [ 11 ~) or the Linux
            console (ESC [ [ A); characters (¡) pass unchanged.
[screen]    GNU screen(1), "Input Translation" (keys are recognised by the
            outer terminal's termcap and sent as screen's own, terminfo
            `screen`: kf1=\\EOP, khome=\\E[1~, kend=\\E[4~) and "escape ^Aa"
            (the command character); maptimeout 300 ms.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field

ESC = b"\x1b"


@dataclass(frozen=True)
class NotSent:
    """The key does not reach the program: why."""

    why: str


Send = bytes | NotSent


@dataclass(frozen=True)
class TerminalKeys:
    name: str
    term: str  # TERM as the terminal (or the multiplexer) sets it
    keys: Mapping[str, Send]
    notes: tuple[str, ...] = field(default=())

    def __getitem__(self, key: str) -> Send | None:
        return self.keys.get(key)


# --- the keys -------------------------------------------------------------------

FUNCTION_KEYS = [f"f{n}" for n in range(1, 13)]
EDITING_KEYS = [
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "delete",
    "backspace",
]
CTRL_KEYS = [f"ctrl+{c}" for c in string.ascii_lowercase]
ALT_KEYS = [f"alt+{c}" for c in string.ascii_lowercase + string.digits]
KEYS = FUNCTION_KEYS + EDITING_KEYS + CTRL_KEYS + ALT_KEYS


def _ctrl() -> dict[str, Send]:
    # C0 controls: Ctrl+A = 0x01 … Ctrl+Z = 0x1a, in every terminal here. Ctrl+H
    # is 0x08 (BS), Ctrl+I is TAB, Ctrl+M is CR, Ctrl+J is LF: the same bytes as
    # Backspace (in some terminals), Tab and Enter.
    return {f"ctrl+{c}": bytes([ord(c) - 96]) for c in string.ascii_lowercase}


def _alt_esc() -> dict[str, Send]:
    # ESC before the key: GNOME Terminal, Konsole, Windows Terminal, PuTTY,
    # the Linux console, xterm with metaSendsEscape, iTerm2 "Esc+", Terminal
    # "Use Option as Meta key".
    return {f"alt+{c}": ESC + c.encode() for c in string.ascii_lowercase + string.digits}


PC_FUNCTION = {  # [ctlseqs] PC-style function keys
    "f1": ESC + b"OP",
    "f2": ESC + b"OQ",
    "f3": ESC + b"OR",
    "f4": ESC + b"OS",
    "f5": ESC + b"[15~",
    "f6": ESC + b"[17~",
    "f7": ESC + b"[18~",
    "f8": ESC + b"[19~",
    "f9": ESC + b"[20~",
    "f10": ESC + b"[21~",
    "f11": ESC + b"[23~",
    "f12": ESC + b"[24~",
}

XTERM_EDITING = {  # [ctlseqs], DECCKM reset
    "enter": b"\r",
    "escape": ESC,
    "tab": b"\t",
    "shift+tab": ESC + b"[Z",
    "up": ESC + b"[A",
    "down": ESC + b"[B",
    "right": ESC + b"[C",
    "left": ESC + b"[D",
    "home": ESC + b"[H",
    "end": ESC + b"[F",
    "delete": ESC + b"[3~",
    "backspace": b"\x7f",  # ptyInitialErase/backarrowKeyIsErase: the tty's erase, ^? (or ^H)
}

VT220_EDITING = {  # PuTTY, the Linux console, tmux, screen: Home/End as VT220 Find/Select
    **XTERM_EDITING,
    "home": ESC + b"[1~",
    "end": ESC + b"[4~",
}


def _keys(*parts: Mapping[str, Send]) -> dict[str, Send]:
    out: dict[str, Send] = {}
    for part in parts:
        out.update(part)
    missing = [k for k in KEYS if k not in out]
    assert not missing, f"a terminal row without {missing}"
    return out


# [us-mac] Option+key on the macOS U.S. layout: what Terminal and iTerm2 send
# when Option is not Meta (UTF-8 of these characters).
MAC_DEAD = {"e": "´", "u": "¨", "i": "ˆ", "n": "˜"}
MAC_OPTION = {
    "a": "å",
    "b": "∫",
    "c": "ç",
    "d": "∂",
    "f": "ƒ",
    "g": "©",
    "h": "˙",
    "j": "∆",
    "k": "˚",
    "l": "¬",
    "m": "µ",
    "o": "ø",
    "p": "π",
    "q": "œ",
    "r": "®",
    "s": "ß",
    "t": "†",
    "v": "√",
    "w": "∑",
    "x": "≈",
    "y": "¥",
    "z": "Ω",
    "1": "¡",
    "2": "™",
    "3": "£",
    "4": "¢",
    "5": "∞",
    "6": "§",
    "7": "¶",
    "8": "•",
    "9": "ª",
    "0": "º",
}


def _mac_option() -> dict[str, Send]:
    out: dict[str, Send] = {f"alt+{k}": v.encode() for k, v in MAC_OPTION.items()}
    for k, accent in MAC_DEAD.items():
        out[f"alt+{k}"] = NotSent(
            f"Option+{k.upper()} is a dead key ({accent}): nothing is sent; the next key "
            "comes out accented"
        )
    return out


def _xterm_utf8_meta() -> dict[str, Send]:
    # [xterm(1)] eightBitInput true, eightBitMeta "locale", UTF-8 locale: the
    # key is sent unmodified; Alt+B types "b".
    return {f"alt+{c}": c.encode() for c in string.ascii_lowercase + string.digits}


def eight_bit_meta(key: str) -> bytes:
    """xterm with eightBitMeta true in a UTF-8 locale: the key's code + 0x80, as
    UTF-8 ([xterm(1)], patch #183): Alt+q = "ñ" (C3 B1), Alt+1 = "±"."""
    return chr(ord(key) | 0x80).encode()


_MAC_FKEYS = (
    "F1-F12 on a Mac keyboard are brightness, Mission Control and media keys unless "
    "fn is held or 'Use F1, F2, etc. keys as standard function keys' is set; "
    "with fn they send these bytes"
)

TERMINALS: tuple[TerminalKeys, ...] = (
    TerminalKeys(
        "xterm (metaSendsEscape: true)",
        "xterm-256color",
        _keys(PC_FUNCTION, XTERM_EDITING, _ctrl(), _alt_esc()),
        ("the Alt setting most xterm users and distributions' app-defaults choose",),
    ),
    TerminalKeys(
        "xterm (resources as shipped, UTF-8 locale)",
        "xterm-256color",
        _keys(PC_FUNCTION, XTERM_EDITING, _ctrl(), _xterm_utf8_meta()),
        ("Alt is dropped: eightBitMeta 'locale' sends the key unmodified in UTF-8",),
    ),
    TerminalKeys(
        "GNOME Terminal (VTE)",
        "xterm-256color",
        _keys(
            PC_FUNCTION,
            XTERM_EDITING,
            _ctrl(),
            _alt_esc(),
            {
                "f1": NotSent("GNOME Terminal opens its help (Help > Contents = F1) [gnome]"),
                "f10": NotSent("GNOME Terminal opens its menu (menu accelerator key) [gnome]"),
                "f11": NotSent("GNOME Terminal goes full screen [gnome]"),
            },
        ),
        ("Alt+1..9 switch tabs when the window has tabs [gnome]; with one tab they are sent",),
    ),
    TerminalKeys(
        "Konsole",
        "xterm-256color",
        _keys(PC_FUNCTION, XTERM_EDITING, _ctrl(), _alt_esc()),
        ("agrees with xterm (metaSendsEscape) for every key here",),
    ),
    TerminalKeys(
        "Windows Terminal",
        "xterm-256color",
        _keys(
            PC_FUNCTION,
            XTERM_EDITING,
            _ctrl(),
            _alt_esc(),
            {
                "f11": NotSent("Windows Terminal goes full screen [wt]"),
                "ctrl+v": NotSent("Windows Terminal pastes the clipboard [wt]"),
            },
        ),
    ),
    TerminalKeys(
        "iTerm2 (Option: Esc+)",
        "xterm-256color",
        _keys(PC_FUNCTION, XTERM_EDITING, _ctrl(), _alt_esc()),
        (_MAC_FKEYS,),
    ),
    TerminalKeys(
        "iTerm2 (Option: Normal, the default)",
        "xterm-256color",
        _keys(PC_FUNCTION, XTERM_EDITING, _ctrl(), _mac_option()),
        (_MAC_FKEYS, "Option types the layout's characters [iterm2] [us-mac]"),
    ),
    TerminalKeys(
        "macOS Terminal (Use Option as Meta key)",
        "xterm-256color",
        _keys(
            PC_FUNCTION,
            XTERM_EDITING,
            _ctrl(),
            _alt_esc(),
            {
                "home": NotSent("Terminal scrolls its scrollback to the top (Shift+Home sends)"),
                "end": NotSent("Terminal scrolls its scrollback to the end (Shift+End sends)"),
            },
        ),
        (_MAC_FKEYS,),
    ),
    TerminalKeys(
        "macOS Terminal (default: Option types characters)",
        "xterm-256color",
        _keys(
            PC_FUNCTION,
            XTERM_EDITING,
            _ctrl(),
            _mac_option(),
            {
                "home": NotSent("Terminal scrolls its scrollback to the top (Shift+Home sends)"),
                "end": NotSent("Terminal scrolls its scrollback to the end (Shift+End sends)"),
            },
        ),
        (_MAC_FKEYS, "Option types the layout's characters [terminal] [us-mac]"),
    ),
    TerminalKeys(
        "PuTTY (function keys: ESC[n~, the default)",
        "xterm",  # PuTTY's default terminal-type string
        _keys(
            {f"f{n}": ESC + f"[{10 + n}~".encode() for n in range(1, 5)},  # [putty] 4.4.3
            {k: v for k, v in PC_FUNCTION.items() if k not in ("f1", "f2", "f3", "f4")},
            VT220_EDITING,
            _ctrl(),
            _alt_esc(),
        ),
        ("Alt+F4 closes the window; Alt+Space opens the system menu if so configured",),
    ),
    TerminalKeys(
        "Linux console",
        "linux",
        _keys(
            {f"f{n}": ESC + b"[[" + bytes([64 + n]) for n in range(1, 6)},  # [console]
            {k: v for k, v in PC_FUNCTION.items() if k not in ("f1", "f2", "f3", "f4", "f5")},
            VT220_EDITING,
            {"shift+tab": ESC + b"\t"},
            _ctrl(),
            _alt_esc(),
        ),
        ("Alt+F1..F12 and Alt+Left/Right switch virtual consoles",),
    ),
    TerminalKeys(
        "tmux (TERM=tmux-256color), from an ESC-prefix terminal",
        "tmux-256color",
        _keys(
            PC_FUNCTION,
            VT220_EDITING,
            _ctrl(),
            _alt_esc(),
            {"ctrl+b": NotSent("tmux's prefix key [tmux]")},
        ),
        (
            "from iTerm2/Terminal without Meta, tmux passes the Option characters on",
            "a lone Esc arrives after escape-time (500 ms)",
        ),
    ),
    TerminalKeys(
        "GNU screen (TERM=screen-256color), from an ESC-prefix terminal",
        "screen-256color",
        _keys(
            PC_FUNCTION,
            VT220_EDITING,
            _ctrl(),
            _alt_esc(),
            {"ctrl+a": NotSent("GNU screen's command character [screen]")},
        ),
        ("a lone Esc arrives after maptimeout (300 ms)",),
    ),
)


def terminal(name: str) -> TerminalKeys:
    return next(t for t in TERMINALS if t.name.startswith(name))


XTERM = TERMINALS[0]  # for a key a test needs on the way, not the key under test


def read_as(data: bytes) -> list[str]:
    """The keys protokoll's input parser (Textual's XTermParser, the one the
    program runs) makes of `data` arriving in one read, as Textual names them."""
    from textual import events
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    text = data.decode("utf-8")  # the driver's decoder: strict UTF-8
    tokens = [*parser.feed(text), *parser.feed("")]
    return [t.key for t in tokens if isinstance(t, events.Key)]
