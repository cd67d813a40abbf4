"""Tab completion: `protokoll` answers the shell's request (argcomplete's
protocol, as the scripts of `protokoll completion bash|zsh|fish` make it),
with meeting ids read from the store's index, and writes nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from protokoll.store import Store

from .conftest import copy_examples

ROOT = Path(__file__).resolve().parent.parent
IDS = ["20251120-sn", "20250605-au", "20250520-bg", "20250410-au", "20250213-au"]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """The example store, opened once so that its index is written."""
    path = copy_examples(tmp_path / "store")
    Store(path, create=False)
    return path


def complete(line: str, tmp_path: Path, shell: str = "bash", **env: str) -> tuple[list[str], str]:
    """What `protokoll` offers for `line`, the cursor at its end, and its stderr."""
    out = tmp_path / "completions"
    environ = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_SHELL": shell,
        "_ARGCOMPLETE_SUPPRESS_SPACE": "1",  # as the scripts of zsh and fish set it
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(out),
        "PROTOKOLL_STORE": str(tmp_path / "no-store-here"),
        **env,
    }
    if shell == "fish":
        environ |= {"_ARGCOMPLETE_IFS": "\n", "_ARGCOMPLETE_DFS": "\t"}
    code = "import sys, tui.cli; sys.exit(tui.cli.main())"
    done = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    sep = "\n" if shell == "fish" else "\x0b"
    return (text.split(sep) if text else []), done.stderr


def test_a_partial_meeting_id_completes_to_the_meetings_it_begins(built, tmp_path):
    found, err = complete(f"protokoll --store {built} show 202504", tmp_path)
    assert found == ["20250410-au"]
    found, _ = complete(f"protokoll --store {built} verify 2025", tmp_path)
    assert found == IDS  # newest first
    assert err == ""


def test_the_store_comes_from_protokoll_store_too(built, tmp_path):
    found, _ = complete("protokoll export 20251", tmp_path, PROTOKOLL_STORE=str(built))
    assert found == ["20251120-sn"]


def test_zsh_and_fish_see_the_date_and_organ_of_each_meeting(built, tmp_path):
    found, _ = complete(f"protokoll --store {built} show 2025041", tmp_path, shell="zsh")
    assert found == ["20250410-au:2025-04-10 Arbetsutskottet"]
    found, _ = complete(f"protokoll --store {built} show 2025041", tmp_path, shell="fish")
    assert found == ["20250410-au\t2025-04-10 Arbetsutskottet"]


def test_ids_come_from_the_index_rows_not_the_meeting_files(built, tmp_path):
    for file in (built / "meetings").iterdir():
        file.unlink()
    found, _ = complete(f"protokoll --store {built} check 2025", tmp_path)
    assert found == IDS


def test_completing_writes_nothing_into_the_store(built, tmp_path):
    def state() -> dict[str, tuple[int, int]]:
        return {
            str(p.relative_to(built)): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in sorted(built.rglob("*"))
        }

    before = state()
    complete(f"protokoll --store {built} show 2025", tmp_path)
    complete(f"protokoll --store {built} organ show a", tmp_path)
    assert state() == before


def test_no_store_gives_no_ids_no_store_and_no_traceback(tmp_path):
    missing = tmp_path / "nothing"
    found, err = complete(f"protokoll --store {missing} show 2025", tmp_path)
    assert found == [] and err == ""
    assert not missing.exists()


def test_a_damaged_index_gives_no_ids_and_no_traceback(built, tmp_path):
    for file in (built / "index").rglob("*.json"):
        file.write_text("{not json")
    found, err = complete(f"protokoll --store {built} show 2025", tmp_path)
    assert found == [] and err == ""


def test_commands_options_and_organs_complete(built, tmp_path):
    assert complete("protokoll ver", tmp_path)[0] == ["verify"]
    assert complete("protokoll show 20250213-au --pu", tmp_path)[0] == ["--publish"]
    assert complete("protokoll undo 20250605-au --y", tmp_path)[0] == ["--yes"]
    assert complete(f"protokoll --store {built} organ show au", tmp_path)[0] == ["au-norra"]
    assert complete("protokoll completion f", tmp_path)[0] == ["fish"]


def test_the_completer_itself_on_a_built_store(built):
    import argparse

    from protokoll.tui.completion import meeting_ids, organ_ids

    args = argparse.Namespace(store=str(built))
    assert meeting_ids("202506", args) == {"20250605-au": "2025-06-05 Arbetsutskottet"}
    assert set(organ_ids("", args)) == {"au-norra", "bg-norra", "sn-sydstad"}


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script_that_completes_protokoll(shell, capsys):
    from protokoll.tui.cli import main

    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert "protokoll" in script and "_ARGCOMPLETE" in script
    if shell == "bash":
        # Whether the shell reads it: bash is on every machine the tests run on.
        done = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    if shell == "fish":
        assert "complete --command protokoll" in script
    if shell in ("zsh", "fish") and shutil.which(shell):
        # Checked by the shell itself where it is installed (bash always is).
        done = subprocess.run([shell, "-n"], input=script, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def test_fish_completes_a_meeting_id_with_its_date_and_organ(built, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    command = bin_dir / "protokoll"
    command.write_text(
        f"#!/bin/sh\nexec {sys.executable} -c 'import sys, tui.cli; "
        f'sys.exit(tui.cli.main())\' "$@"\n'
    )
    command.chmod(0o755)
    line = f"protokoll --store {built} show 202506"
    if shutil.which("fish") is None:
        # No fish here: what its script asks protokoll, asked the same way.
        found, _ = complete(line, tmp_path, shell="fish")
    else:
        script = tmp_path / "protokoll.fish"
        script.write_text(
            subprocess.run(
                [sys.executable, "-m", "protokoll.tui", "completion", "fish"],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            ).stdout
        )
        env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            ["fish", "--no-config", "-c", f"source {script}; complete -C '{line}'"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        found = done.stdout.splitlines()
    assert found == ["20250605-au\t2025-06-05 Arbetsutskottet"]


def test_the_bash_script_completes_a_meeting_id_in_bash(built, tmp_path):
    # The whole way: bash runs the script's function, which runs protokoll.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    command = bin_dir / "protokoll"
    command.write_text(
        f"#!/bin/sh\nexec {sys.executable} -c 'import sys, tui.cli; "
        f'sys.exit(tui.cli.main())\' "$@"\n'
    )
    command.chmod(0o755)
    script = subprocess.run(
        [sys.executable, "-m", "protokoll.tui", "completion", "bash"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    line = f"protokoll --store {built} show 202506"
    driver = (
        script
        + f"\nCOMP_LINE={json.dumps(line)}; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9\n"
        + f"COMP_WORDS=(protokoll --store {built} show 202506); COMP_CWORD=4\n"
        + "_python_argcomplete protokoll 202506 show\n"
        + 'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        ["bash", "-c", driver], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert done.stdout.split() == ["20250605-au"], done.stderr


def test_the_command_line_does_not_import_completion_until_asked():
    code = (
        "import sys, json, tui.cli;"
        "print(json.dumps(sorted(m for m in sys.modules if 'argcomplete' in m"
        " or m in ('protokoll.tui.completion', 'protokoll.tui.manual', 'importlib.metadata'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert json.loads(done.stdout) == []


def test_bash_is_there():
    # The tests above run bash; say so plainly if a machine lacks it.
    assert shutil.which("bash")
