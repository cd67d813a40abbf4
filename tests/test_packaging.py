"""What a user or packager installs: the packages, the sdist, the metadata, and
a wheel that runs from outside the source tree.

The wheel and the sdist are built with the setuptools of the test
environment (the `test` extra) and installed with --no-index: nothing is
fetched while the tests run.
"""

from __future__ import annotations

import email
import re
import shutil
import site
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from .conftest import copy_examples
from .terminal.harness import STARTUP, Terminal
from .terminal.sequences import XTERM

ROOT = Path(__file__).resolve().parent.parent
URL_BASE = "https://github.com/protokoll-contributors/protokoll"


def test_every_package_in_the_tree_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("store", "tui")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found - listed == set()


def run(*command: str | Path, cwd: Path = ROOT) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def sdist(tmp_path_factory) -> Path:
    """The sdist, built from a copy of the tree: a build writes its metadata beside
    the sources, and two test processes may build at once."""
    base = tmp_path_factory.mktemp("sdist")
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
    )
    shutil.copytree(ROOT, base / "tree", ignore=ignore)
    code = f"from setuptools import build_meta; build_meta.build_sdist({str(base)!r})"
    run(sys.executable, "-c", code, cwd=base / "tree")
    (built,) = base.glob("protokoll-*.tar.gz")
    return built


@pytest.fixture(scope="module")
def wheel(sdist, tmp_path_factory) -> Path:
    """The wheel, built from the unpacked sdist: what it holds is enough to build."""
    base = tmp_path_factory.mktemp("wheel")
    with tarfile.open(sdist) as tar:
        # Our own archive; the filter where this Python has it (3.11.4 on).
        tar.extractall(base, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    (source,) = base.glob("protokoll-*")
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    run(*pip, "--no-index", "-q", "-w", base, source)
    (built,) = base.glob("protokoll-*.whl")
    return built


def shipped(path: Path) -> bool:
    """A file of the tree that belongs in the sdist (not a cache, a lock or a temporary file)."""
    parts = path.relative_to(ROOT).parts
    return not (
        "__pycache__" in parts
        or path.suffix in (".pyc", ".tmp")
        or parts[:3] == ("examples", "store", "locks")
    )


def test_the_sdist_holds_what_running_the_tests_needs(sdist):
    with tarfile.open(sdist) as tar:
        members = {m.name.split("/", 1)[1] for m in tar.getmembers() if "/" in m.name}
    needed = {"LICENSE", "README.md", "pyproject.toml", "MANIFEST.in", "tui/app.tcss"}
    for top in ("tests", "examples", "store", "tui"):
        needed |= {
            str(p.relative_to(ROOT)) for p in (ROOT / top).rglob("*") if p.is_file() and shipped(p)
        }
    assert needed - members == set()
    assert not [m for m in members if "__pycache__" in m or m.endswith(".pyc")]


def github_anchor(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_metadata_has_the_licence_file_urls_classifiers_and_keywords(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        meta = email.message_from_string(z.read("protokoll-0.1.0.dist-info/METADATA").decode())
        licence = z.read("protokoll-0.1.0.dist-info/licenses/LICENSE").decode()
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert "Copyright (c) 2026 protokoll contributors" in licence
    assert meta["License-Expression"] == "MIT" and meta["License-File"] == "LICENSE"
    classifiers = meta.get_all("Classifier")
    assert "Natural Language :: Swedish" in classifiers
    assert {"Operating System :: Microsoft :: Windows", "Operating System :: MacOS"} <= set(
        classifiers
    )
    assert "minutes" in meta["Keywords"].split(",")
    headings = {
        github_anchor(line.lstrip("#"))
        for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    }
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert urls["Homepage"] == URL_BASE
    anchors = [u.split("#", 1)[1] for u in urls.values() if "#" in u]
    assert len(anchors) >= 3
    assert [a for a in anchors if a != "readme" and a not in headings] == []  # each one is there
    assert "tui/app.tcss" in names and "tui/examples/20250605-au.json" in names


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel; the dependencies are this environment's."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    target = Path(run(python, "-c", "import site; print(site.getsitepackages()[0])").strip())
    # A path line, not a site directory: this environment's own .pth files (the
    # editable install of the source tree among them) are not run there.
    (target / "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    pip = [sys.executable, "-m", "pip", "--python", python, "install"]
    run(*pip, "-q", "--no-deps", "--no-index", wheel)
    return venv


def test_the_installed_wheel_lists_a_store_from_outside_the_source_tree(installed, tmp_path):
    store = copy_examples(tmp_path / "store")
    where = run(
        installed / "bin" / "python",
        "-c",
        "import store, tui; print(store.__file__, tui.__file__)",
        cwd=tmp_path,
    )
    assert str(ROOT) not in where and where.count(str(installed)) == 2
    listed = run(installed / "bin" / "protokoll", "--store", store, "list", cwd=tmp_path)
    assert "20250605-au" in listed and "Arbetsutskottet" in listed


def test_the_installed_application_starts_in_a_terminal_and_quits_cleanly(installed, tmp_path):
    store = copy_examples(tmp_path / "store")
    t = Terminal(store, argv=[str(installed / "bin" / "protokoll"), "--store", str(store)])
    t.env.pop("PYTHONPATH")  # the installed packages, not the source tree
    with t.start():
        t.wait_for("Tidigare möten", timeout=STARTUP)  # the start screen, styled from its .tcss
        t.send(XTERM["ctrl+q"])
        assert t.wait_exit() == 0
