"""Every example at the end of a command's --help works, as written, on the
example store the README offers to try them on.

A trial ran them all: 31 of 60 failed there (§§ the meeting does not have,
names not on its roster, an adjusted meeting asked to change, a phrase
found nowhere), and one ended in an internal error. Each command's examples
run here as a user tries them, each on a fresh copy of
`examples/store` named by PROTOKOLL_STORE (one after another where they
follow one another: a delete, then its undo), in a folder of their own
standing in for the user's home and working directory. What an example needs that
is the user's and not protokoll's (a key pair, a file to import, a meeting
reopened before it is changed) is made first, as the user would have it.
Examples that start the application, a server or a sync with a machine
elsewhere are only parsed.
"""

from __future__ import annotations

import glob
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from protokoll.store.words import WORDS
from protokoll.tui.cli import argparse_words, build_parser, main

from .conftest import copy_examples

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
CHANGED = "20250605-au"  # closed in the example store: reopened before a change
ONLY_PARSED = {"sync", "serve", "follow"}  # a remote machine, or running until stopped
REOPENED = {
    "close", "add", "rename", "delete", "decide", "assign", "reassign", "attend",
    "function", "signs_as", "details", "undo", "redo",
}  # fmt: skip
# Examples that follow one another (a delete, then its undo); the others are
# two ways of using the command, each tried from the start.
IN_TURN = {"delete", "signers"}


def examples() -> list[tuple[str, str]]:
    return [
        (lang, key.removeprefix("cli.ex_"))
        for key in WORDS
        if key.startswith("cli.ex_")
        for lang in ("sv", "en")
    ]


def command_lines(text: str) -> list[str]:
    """The protokoll command of each example line: `eval "$(…)"` opened, a
    pipe's later commands left to the shell."""
    lines = []
    for line in text.splitlines():
        if line.startswith('eval "$(') and line.endswith(')"'):
            line = line[len('eval "$(') : -2]
        lines.append(line.split(" | ")[0])
    return lines


def keypair(folder: Path, name: str) -> Path:
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key


def prepare(command: str, home: Path, store: Path, capsys) -> None:
    """What the user has before trying `command`'s examples."""

    def protokoll(*argv: str) -> None:
        assert main([*argv, "--store", str(store)]) == 0, capsys.readouterr().err
        capsys.readouterr()

    if command in REOPENED:
        protokoll("reopen", CHANGED)
    if command in ("undo", "redo"):
        protokoll("add", CHANGED, "Övriga frågor")
    if command == "redo":
        protokoll("undo", CHANGED)
    if command in ("sign", "signers"):
        (home / ".ssh").mkdir(mode=0o700)
        karin, johan = keypair(home, "karin"), keypair(home, "johan")
        (home / ".ssh" / "id_ed25519").write_bytes(karin.read_bytes())
        (home / ".ssh" / "id_ed25519").chmod(0o600)
    if command == "sign":
        protokoll("signers", "au-norra", "add", "Karin Lindqvist", f"{karin}.pub")
        protokoll("signers", "au-norra", "add", "Johan Ek", f"{johan}.pub")
        text = home / "protokoll.txt"
        protokoll("sign", "20250213-au", "--text", "-o", str(text))
        subprocess.run(
            ["ssh-keygen", "-q", "-Y", "sign", "-n", "protokoll", "-f", str(johan), str(text)],
            check=True,
        )
        shutil.move(f"{text}.sig", home / "johan.sig")
    if command == "log":  # a store with a history: shared once, here with a folder
        subprocess.run(["git", "init", "-q", "--bare", str(home / "delat.git")], check=True)
        protokoll("sync", str(home / "delat.git"))
    if command == "import":  # protocols the user has from before
        for folder in ("gamla", "old"):
            (home / folder).mkdir()
            shutil.copy(SEEDS / "kalmar-au-2020-05-29.txt", home / folder / "kalmar-au.txt")
        shutil.copy(SEEDS / "rar-sormland-au-2021-04-15.txt", home / "2019-05-12.md")
        shutil.copy(SEEDS / "sjuharad-medlemsrad-2020-03-27.txt", home / "2019-06-02.md")
    if command == "organ_edit":
        main(["organ", "show", "au", "--roster", "--store", str(store)])
        (home / "roster.txt").write_text(capsys.readouterr().out, encoding="utf-8")


def argv_of(line: str, home: Path) -> tuple[list[str], Path | None]:
    """The arguments of an example line as the shell gives them (`~` and
    globs expanded), and the file its output is sent to, if any."""
    command, _, target = line.partition(" > ")
    words = shlex.split(command)
    assert words[0] == "protokoll", line
    argv = []
    for word in words[1:]:
        if word.startswith("~/"):
            word = str(home / word[2:])
        argv.extend(sorted(glob.glob(word)) or [word] if "*" in word else [word])
    out = None
    if target:
        out = Path(target.strip().replace("~", str(home), 1))
    return argv, out


@pytest.mark.parametrize(("lang", "command"), examples())
def test_each_help_example_works_on_the_example_store(
    lang, command, tmp_path, monkeypatch, capsys
):
    monkeypatch.delenv("PROTOKOLL_LANG", raising=False)
    lines = command_lines(WORDS[f"cli.ex_{command}"][0 if lang == "sv" else 1])
    for n, line in enumerate(lines):
        if n == 0 or command not in IN_TURN:  # another way to use it: from the start
            home = tmp_path / f"home{n}"
            home.mkdir()
            store = copy_examples(tmp_path / f"store{n}")
            monkeypatch.setenv("HOME", str(home))
            monkeypatch.setenv("PROTOKOLL_STORE", str(store))
            monkeypatch.chdir(home)
            prepare(command, home, store, capsys)
        argv, out = argv_of(line, home)
        if not argv or argv[0].startswith("-") or argv[0] in ONLY_PARSED:
            with argparse_words(lang):  # a usage error exits: the test fails
                build_parser(lang).parse_args(argv)
            continue
        code = main(argv if lang == "sv" or "--lang" in argv else ["--lang", "en", *argv])
        said = capsys.readouterr()
        assert code == 0, f"{line}\n{said.err}"
        if out is not None:  # what the shell does with `> FILE`
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(said.out, encoding="utf-8")
