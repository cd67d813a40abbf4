"""One language at a time: the catalogue is whole, and no English shows in the
Swedish interface (screens, dialogs, Textual's own words, --help), nor Swedish
in the English one.

The store's data is language-neutral (Anna Berg, organ AU of ABC, items X1 …),
so whatever words the screens show are the interface's own.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

import protokoll.store.words as words
from protokoll.store import Decision, Person, Store, Task
from protokoll.store.model import Rules
from protokoll.store.words.join import joined
from protokoll.tui.app import ProtokollApp

from .screen import screen_text

ROOT = Path(__file__).resolve().parent.parent

# --- the catalogue ----------------------------------------------------------------

FIELD = re.compile(r"%\(\w+\)[sr]|%[sr]")  # argparse's placeholders


def fields(text: str) -> set[str]:
    named = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    return named | set(FIELD.findall(text))


def test_every_entry_has_both_languages_with_the_same_placeholders():
    for key, pair in words.WORDS.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        sv, en = pair
        assert sv.strip() and en.strip(), f"{key}: an empty language"
        assert fields(sv) == fields(en), f"{key}: {fields(sv)} in Swedish, {fields(en)} in English"


def test_no_key_is_defined_twice():
    # Within a module: a dict literal keeps the last of two equal keys, silently.
    for path in sorted((ROOT / "store" / "words").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                twice = {k for k in keys if keys.count(k) > 1}
                assert not twice, f"{path.name}: {sorted(twice)} defined twice"
    # Across parts and areas: merging refuses a key already there.
    with pytest.raises(ValueError, match="twice"):
        joined({"a": ("x", "y")}, {"a": ("z", "w")})
    assert len(words.WORDS) == sum(len(part) for part in words.AREAS.values())


def test_every_key_the_code_names_is_in_the_catalogue():
    ui = words.area("ui")
    for path in sorted((ROOT / "tui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for key in re.findall(r"\bt\(\s*\"(\w+)\"\s*[,)]", text):
            assert key in ui, f"{path.name}: t({key!r}) is not in the catalogue"
        for key in re.findall(r"\bsay\(\s*\"([\w.]+)\"\s*[,)]", text):
            assert key in words.WORDS, f"{path.name}: say({key!r}) is not in the catalogue"


# --- the screens ----------------------------------------------------------------

ROSTER = [
    Person("anna", "Anna Berg", "", "ABC", "S"),
    Person("bo", "Bo Ek", "", "ABC"),
    Person("cia", "Cia Dahl", "", "ABC"),
    Person("dan", "Dan Falk", "", "ABC", role="ersattare"),
    Person("eva", "Eva Holm", "", "ABC", role="tjansteperson"),
]


def neutral_store(path: Path, in_progress: bool, lang: str = "sv") -> Path:
    """Organ AU of ABC; a closed meeting with a decision and a task; and, if asked,
    a meeting in progress. No word of either language in the data; the record is
    kept in `lang`, as an organ made in a session of that language keeps it."""
    store = Store(path)
    store.add_organ(
        "AU",
        "ABC",
        roster=ROSTER,
        organ_id="au",
        place="A1",
        agenda_template=["X1", "X2", "X3"],
        rules=Rules(decision="{organ}:", language=lang),
    )
    s = store.create_meeting("au", "2025-12-01", start="13:00", agenda=["X1"])
    m = s.meeting
    for a in m.attendees:
        a.present = True
    m.functions.chair, m.functions.secretary, m.functions.adjusters = "anna", "eva", ["bo"]
    p = s.add_paragraph("X1")
    p.decisions.append(Decision("OK"))
    p.tasks.append(Task("t1", "Y1", owner="anna", owner_name="Anna Berg", due="2026-02-01"))
    m.status, m.end = "closed", "14:00"
    s.save()
    s.close()
    if in_progress:
        s = store.create_meeting("au", "2026-01-15", start="13:00", agenda=["X1", "X2"])
        m = s.meeting
        for a in m.attendees:
            a.present = a.id != "dan"
        m.functions.chair, m.functions.secretary, m.functions.adjusters = "anna", "eva", ["bo"]
        s.add_paragraph("X1").decisions.append(Decision("OK"))
        m.status = "open"
        s.save()
        s.close()
    return path


class Tour:
    """Screens visited with the Pilot, and what each showed at 80×24."""

    def __init__(self, app: ProtokollApp, pilot) -> None:
        self.app, self.pilot = app, pilot
        self.seen: dict[str, str] = {}

    async def look(self, name: str, wait: float = 0.0) -> None:
        """The screen as it is, and, page by page, what its scrolled parts hide."""
        if wait:
            await self.pilot.pause(wait)
        await self.pilot.pause()
        self.seen[name] = screen_text(self.app)
        for n, widget in enumerate(self.app.screen.query("*")):
            if widget.max_scroll_y <= 0 or not widget.display:
                continue
            step = max(widget.size.height - 1, 1)
            for page in range(1, 12):
                widget.scroll_to(y=page * step, animate=False, immediate=True)
                await self.pilot.pause()
                self.seen[f"{name} (part {n}, page {page})"] = screen_text(self.app)
                if widget.scroll_y >= widget.max_scroll_y:
                    break
            widget.scroll_to(y=0, animate=False, immediate=True)

    async def back_to(self, depth: int) -> None:
        """Esc until only `depth` screens are left."""
        for _ in range(6):
            if len(self.app.screen_stack) <= depth:
                return
            await self.pilot.press("escape")
            await self.pilot.pause()
        while len(self.app.screen_stack) > depth:
            self.app.pop_screen()
            await self.pilot.pause()

    async def action(self, name: str, action: str, *keys: str) -> None:
        """Run one of the meeting screen's actions, look, and come back."""
        depth = len(self.app.screen_stack)
        await self.app.screen.run_action(action)
        await self.pilot.pause()
        if keys:
            await self.pilot.press(*keys)
        await self.look(name, wait=0.1)
        await self.back_to(depth)


async def tour_start(path: Path, lang: str, part: int) -> dict[str, str]:
    """The start screen and everything it leads to, no meeting being in progress:
    its palette, the organ form and a protocol's preview (part 0), or the screens
    of its menu (part 1). Two tests, shared by the run's workers."""
    from protokoll.tui.screens.browse import BrowseScreen
    from protokoll.tui.screens.new_meeting import NewMeetingScreen
    from protokoll.tui.screens.organ import OrganScreen
    from protokoll.tui.screens.registers import TasksScreen
    from protokoll.tui.screens.search import SearchScreen

    app = ProtokollApp(path, lang)
    # With notifications: what the app says in passing is checked too.
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        tour = Tour(app, pilot)
        await tour.look("start")
        if part == 0:
            await pilot.press("ctrl+c")  # nothing to copy: Textual says how to quit
            await tour.look("start, Ctrl+C")
            app.action_command_palette()
            await tour.look("palette")
            await pilot.press(*"zqx")
            await tour.look("palette, no match", wait=0.8)
            await tour.back_to(2)
            app.push_screen(OrganScreen(app.store.organ("au")))
            await tour.look("organ form")
            await tour.back_to(2)
            app.show_protocol(app.store.summaries()[0].id)
            await tour.look("preview")
            await pilot.press("slash")
            await tour.look("preview, find")
            await tour.back_to(2)
            return tour.seen
        for name, screen in (
            ("new meeting", NewMeetingScreen),
            ("new organ", OrganScreen),
            ("past meetings", BrowseScreen),
            ("tasks", TasksScreen),
            ("search", SearchScreen),
        ):
            app.push_screen(screen())
            await tour.look(name, wait=0.3)
            if name == "new meeting":
                app.screen.query_one("#organ").focus()
                await pilot.press("enter")  # its drop-down
                await tour.look("new meeting, drop-down")
            if name == "search":
                await pilot.press("O", "K", "enter")
                await tour.look("search, hits", wait=0.5)
            await tour.back_to(2)
    return tour.seen


# The meeting screen's dialogs, in two halves: each half a test of its own, so
# that the run's workers share them (one tour took a fifth of a minute).
DIALOGS = [
    [
        ("F1 help", "help"),
        ("F9 menu", "menu"),
        ("decision", "decision"),
        ("task", "task"),
        ("vote", "vote"),
        ("order", "order"),
        ("reservation", "reservation"),
        ("jäv", "jav"),
        ("note", "note"),
        ("phrases", "phrase"),
    ],
    [
        ("rename", "rename"),
        ("new § with its own title", "new_free"),
        ("mask", "mask"),
        ("close", "close_meeting"),
        ("checks", "checks"),
        ("preview", "preview"),
        ("look up: search", "lookup('search')"),
        ("look up: meetings", "lookup('meetings')"),
        ("look up: tasks", "lookup('tasks')"),
        ("organ form", "edit_organ"),
    ],
]


async def tour_meeting(path: Path, lang: str, part: int) -> dict[str, str]:
    """The meeting screen with two proposals; then its panes, F1, F9, the palette
    and the lookups (part 0), or one half of its dialogs (`part` 1 or 2)."""
    from protokoll.tui.i18n import t
    from protokoll.tui.screens.dialogs import ConfirmDialog

    app = ProtokollApp(path, lang)
    # With notifications: what the app says in passing is checked too.
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        tour = Tour(app, pilot)
        await tour.look("meeting", wait=0.3)
        screen = app.screen
        # Two proposals, so that the vote and the order have something to ask.
        for who in ("an", "bo"):
            await screen.run_action("proposal")
            await tour.look(f"proposal: who ({who})")
            await pilot.press(*who, "enter")
            await tour.look(f"proposal: text ({who})")
            await pilot.press("A", "enter")
        await tour.look("meeting, after the proposals")
        if part == 0:
            for name, action in (
                ("attendance", "focus('attendance')"),
                ("agenda", "focus('agenda')"),
                ("earlier §§", "focus('log')"),
                ("the text", "focus('text')"),
            ):
                await screen.run_action(action)
                await tour.look(name)
            app.action_command_palette()
            await tour.look("palette")
            await pilot.press(*"zqx")
            await tour.look("palette, no match", wait=0.8)
            await tour.back_to(2)
            app.push_screen(ConfirmDialog(t("d_overwrite", path="/x/y.txt")))
            await tour.look("confirm")
            await tour.back_to(2)
            return tour.seen
        for name, action in DIALOGS[part - 1]:
            await tour.action(name, action)
        if part == 1:
            await tour.action("decision, saved", "decision", "O", "K", "enter")
            await tour.action("vote, refused", "vote", "enter")
    return tour.seen


# Words that are English and not Swedish: function words, and Textual's own.
ENGLISH = set(
    """the and of to is are for with from this that not no yes by or an be it its on at as was
    has have will can you your press search dismiss menu quit keys theme maximize minimize
    screenshot palette commands command matches found show hide help cancel save back next
    previous undo redo select copy paste cut word line new open closed close date time place
    meeting meetings minutes file name usage options positional arguments default error
    warning directory here none nothing which who what when where people""".split()
)
# Words that are Swedish and not English (besides any with å, ä or ö).
SWEDISH = set(
    """och att inte som med av till det den om eller ett ny nytt tryck sök avbryt spara ja nej
    kommandon hjälp tangenter fel varning arkivet inga ingen alla skriv visa yrkande beslut
    punkt punkter uppgift rubrik protokollet sparat mötet vem vilket""".split()
)
# Swedish terms of art the English interface keeps, as English texts on Swedish law do.
TERMS = {"jäv", "beslutsgång", "anslag", "rättelse", "protokollsutdrag"}


def tokens(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def english_in(text: str) -> list[str]:
    return sorted({w for w in tokens(text) if w.lower() in ENGLISH})


def swedish_in(text: str) -> list[str]:
    def swedish(word: str) -> bool:
        if len(word) < 2 or word.lower() in TERMS:  # a key's letter: "ö"
            return False
        return word.lower() in SWEDISH or re.search("[åäöÅÄÖ]", word) is not None

    return sorted({w for w in tokens(text) if swedish(w)})


WRONG = {"sv": english_in, "en": swedish_in}


def stray(seen: dict[str, str], lang: str) -> list[str]:
    """`screen: word in its line`, for every word of the other language."""
    out = []
    for name, text in seen.items():
        for line in text.splitlines():
            for word in WRONG[lang](line):
                out.append(f"{name}: {word!r} in {line.strip()!r}")
    return out


def test_the_word_lists_tell_the_languages_apart():
    assert english_in("Esc Dismiss menu") == ["Dismiss", "menu"]
    assert english_in("Avsluta programmet  Sök bland kommandona …") == []
    assert swedish_in("Conflict of interest (jäv) · ö Reopen") == []
    assert swedish_in("Quit the program och spara, stäng") == ["och", "spara", "stäng"]


@pytest.mark.parametrize("part", [0, 1], ids=["palette, organ, preview", "menu's screens"])
@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_the_start_screen_and_what_it_leads_to_speak_one_language(tmp_path, lang, part):
    seen = await tour_start(neutral_store(tmp_path / "store", False, lang), lang, part)
    assert len(seen) >= 7
    assert not stray(seen, lang), "\n".join(stray(seen, lang))


@pytest.mark.parametrize("part", [0, 1, 2], ids=["panes", "dialogs 1", "dialogs 2"])
@pytest.mark.parametrize("lang", ["sv", "en"])
async def test_the_meeting_its_panes_and_dialogs_speak_one_language(tmp_path, lang, part):
    seen = await tour_meeting(neutral_store(tmp_path / "store", True, lang), lang, part)
    assert len(seen) >= 12
    assert not stray(seen, lang), "\n".join(stray(seen, lang))


async def test_a_stray_english_word_in_the_swedish_interface_is_found(tmp_path, monkeypatch):
    # The tour finds what a careless edit would put on screen.
    monkeypatch.setitem(words.WORDS, "ui.a_palette", ("Commands", "Commands"))  # the footer's
    path = neutral_store(tmp_path / "store", in_progress=True)
    app = ProtokollApp(path, "sv")
    # With notifications: what the app says in passing is checked too.
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        tour = Tour(app, pilot)
        await tour.look("meeting", wait=0.3)
    assert any("'Commands'" in line for line in stray(tour.seen, "sv"))


# --- the command line -------------------------------------------------------------

QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\{[^}]*\}|\S*/\S*|(?<!\w)-[-\w]+|\$\w+")


def help_texts(lang: str) -> dict[str, str]:
    """`protokoll --help` and every command's, as printed, with --lang."""
    from protokoll.tui.cli import build_parser

    def printed(argv: list[str]) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "protokoll.tui", *argv, "--lang", lang, "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    texts = {"protokoll --help": printed([])}
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in ("show", "organ"):
        texts[f"protokoll {name} --help"] = printed([name])
    texts["protokoll organ edit --help"] = printed(["organ", "edit"])
    assert {"show", "search", "organ", "decide"} <= set(commands)
    return texts


def in_process_help(lang: str, capsys) -> dict[str, str]:
    """Every command's --help, in this process (quicker than a process each)."""
    from protokoll.tui.cli import build_parser, main

    out = {}
    names = list(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    for argv in ([], *([n] for n in names), ["organ", "list"], ["organ", "show"]):
        with pytest.raises(SystemExit):
            main([*argv, "--lang", lang, "--help"])
        out[" ".join(["protokoll", *argv, "--help"])] = capsys.readouterr().out
    return out


def identifiers() -> set[str]:
    """Command names and the values of choices: what scripts type, the same in both."""
    import argparse

    from protokoll.tui.cli import build_parser

    out: set[str] = set()
    parsers = [build_parser()]
    while parsers:
        for action in parsers.pop()._actions:
            if isinstance(action, argparse._SubParsersAction):
                out |= set(action.choices)
                parsers += list(action.choices.values())
            elif action.choices:
                out |= {str(c) for c in action.choices}
    return {w for name in out for w in tokens(name)}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_help_of_every_command_speaks_one_language(lang, capsys):
    texts = in_process_help(lang, capsys)
    texts |= help_texts(lang)  # the installed way too: a process, --lang after the command
    # Option names, command names, choices, paths and quoted examples are the same in both.
    same = identifiers()
    seen = {
        name: "\n".join(
            " ".join(w for w in tokens(line) if w not in same)
            for line in QUOTED.sub(" ", text).splitlines()
        )
        for name, text in texts.items()
    }
    assert not stray(seen, lang), "\n".join(stray(seen, lang))
    usage = {"sv": "användning: protokoll", "en": "usage: protokoll"}[lang]
    assert all(text.startswith(usage) for text in texts.values())
    assert {"sv": "flaggor:", "en": "options:"}[lang] in texts["protokoll --help"]


@pytest.mark.parametrize(
    ("env", "argv", "said"),
    [
        ({}, [], "protokoll: fel: argumentet kommandon: ogiltigt val"),
        ({"PROTOKOLL_LANG": "en"}, [], "protokoll: error: argument commands: invalid choice"),
        ({"PROTOKOLL_LANG": "en_GB.UTF-8"}, [], "protokoll: error: argument commands"),
        ({"PROTOKOLL_LANG": "en"}, ["--lang", "sv"], "protokoll: fel: argumentet kommandon"),
        ({}, ["--lang=en"], "protokoll: error: argument commands: invalid choice"),
    ],
)
def test_protokoll_lang_and_lang_choose_the_language_of_errors(
    env, argv, said, monkeypatch, capsys
):
    from protokoll.tui.cli import main

    monkeypatch.delenv("PROTOKOLL_LANG", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main([*argv, "frobnicate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(said) and len(err.splitlines()) == 1
