from __future__ import annotations

import asyncio
import gc
import inspect
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import settings

from protokoll.store import Person, Store

ROSTER = [
    Person("anna", "Anna Berg", "ordförande", "Åby kommun", "S"),
    Person("bo", "Bo Ek", "", "Försäkringskassan"),
    Person("cia", "Cia Dahl", "", "Region Mitt", "M"),
    Person("dan", "Dan Falk", "", "Region Mitt", "C", role="ersattare"),
    Person("eva", "Eva Holm", "förbundschef", "Förbundet", role="tjansteperson"),
]


EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "store"
SHARED_MEMORY = Path("/dev/shm")
BYTECODE = "PROTOKOLL_TEST_BYTECODE"  # the run's bytecode directory, for the programs it starts
_MADE_BYTECODE = pytest.StashKey[str]()


# Property tests try a few dozen examples in the everyday run: enough for text
# rich in what they look for (the strategies draw from lists of escapes and
# markup), at a quarter of the time. A thorough run tries many more:
#     pytest --hypothesis-profile=thorough
# No deadline: Hypothesis fails an example that takes over 200 ms, a timed
# assert by another name; on a loaded 2-core machine a 0.2 ms example took
# 258 ms once and failed the suite.
settings.register_profile("everyday", max_examples=30, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)


def pytest_configure(config: pytest.Config) -> None:
    """The everyday Hypothesis profile unless one is chosen, and the tests'
    temporary stores in memory where the machine has it.

    Every save fsyncs the file and its directory, which on a disk shared with
    other work waits for that disk: most of a CLI or property test's time.
    On tmpfs an fsync returns at once; what the tests look at (modes, locks,
    renames, a full disk of its own) behaves as on disk. `--basetemp` or
    PYTEST_DEBUG_TEMPROOT still choose; without /dev/shm (or with less than
    1 GiB free there) nothing changes.
    """
    if not config.getoption("hypothesis_profile", None):
        settings.load_profile("everyday")
    _stores_in_memory(config)
    _bytecode_for_programs(config)


def _stores_in_memory(config: pytest.Config) -> None:
    chosen = config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT")
    if chosen or not os.access(SHARED_MEMORY, os.W_OK | os.X_OK):
        return
    # A container's /dev/shm may be 64 MB: a full one would fail tests that
    # are not about a full disk. The suite keeps a few runs of some MB each.
    room = os.statvfs(SHARED_MEMORY)
    if room.f_bavail * room.f_frsize >= 1 << 30:
        tempfile.tempdir = str(SHARED_MEMORY)


def _bytecode_for_programs(config: pytest.Config) -> None:
    """The run's bytecode directory (see `programs_keep_bytecode`), made once:
    xdist's workers inherit it from the process that starts them."""
    if BYTECODE not in os.environ:
        os.environ[BYTECODE] = tempfile.mkdtemp(prefix="protokoll-bytecode-")
        config.stash[_MADE_BYTECODE] = os.environ[BYTECODE]


@pytest.fixture(autouse=True, scope="session")
def programs_keep_bytecode():
    """The programs the tests start keep their compiled bytecode in one
    directory of this run, shared by its workers.

    A pty test starts Python and the application; without the bytecode of
    protokoll's own modules (a clean clone has none, and PYTHONDONTWRITEBYTECODE
    is often set) each start compiles them again: a fifth of a start's CPU,
    over a hundred starts. PYTHONPYCACHEPREFIX writes it outside the source
    tree, into a directory removed when the run ends. Set here, in the test
    process, not at configure: xdist's workers themselves are left as started.
    """
    before = {k: os.environ.get(k) for k in ("PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE")}
    os.environ["PYTHONPYCACHEPREFIX"] = os.environ[BYTECODE]
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    yield
    for key, value in before.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def pytest_unconfigure(config: pytest.Config) -> None:
    made = config.stash.get(_MADE_BYTECODE, None)
    if made:
        shutil.rmtree(made, ignore_errors=True)
        os.environ.pop(BYTECODE, None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What the run has imported by now (Textual, the application, the test
    modules) lives until the end: out of the garbage collector's way.

    A Pilot test makes objects by the hundred thousand, and each full
    collection walked every object of every imported module again: a
    quarter of a Pilot test's CPU went to the collector, a tenth after this.
    """
    gc.collect()
    gc.freeze()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers a core. Most tests wait (on the Pilot's idle
    checks, on a program in a pty), so a core has room for a second worker."""
    return 2 * (os.cpu_count() or 1)


def copy_examples(target: Path) -> Path:
    """A copy of the example store: opening a store may refresh its index."""
    shutil.copytree(EXAMPLES, target, ignore=shutil.ignore_patterns("locks"))
    # copytree copies the checkout's modes, group-writable under umask 002:
    # a store refuses a directory others can write to.
    for folder in (target, target / "meetings", target / "adjusted"):
        folder.chmod(0o700)
    return target


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_examples(tmp_path / "store")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "store")


@pytest.fixture
def organ(store: Store):
    return store.add_organ(
        "Arbetsutskottet", "Samordningsförbundet Test", roster=ROSTER, organ_id="au"
    )


@pytest.fixture
def looked_over(monkeypatch) -> list[str]:
    """The threads that looked over every meeting, one entry a look, by name."""
    seen: list[str] = []
    look = Store._look_over

    def counted(self):
        seen.append(threading.current_thread().name)
        return look(self)

    monkeypatch.setattr(Store, "_look_over", counted)
    return seen


def meeting_with(store: Store, organ_id: str, date: str, count: int, **kw):
    """A meeting with `count` §s, left open for work."""
    session = store.create_meeting(organ_id, date, **kw)
    for i in range(count):
        session.add_paragraph(f"Punkt {i + 1}")
    return session


def set_index_value(store: Store, organ_id: str, meeting_id: str, field: str, value) -> dict:
    """One value of a meeting's row in its organ's 2025 index file set by hand,
    as an editor would leave it; the row as it was (field: value)."""
    shard = store.path / "index" / organ_id / "2025.json"
    data = json.loads(shard.read_text("utf-8"))
    fields, values = data["fields"], data["meetings"][meeting_id]
    before = dict(zip(fields, values, strict=True))
    values[fields.index(field)] = value(before[field]) if callable(value) else value
    shard.write_text(json.dumps(data), "utf-8")
    return before


def store_with_meeting_in_progress(path: Path) -> str:
    """A store whose one meeting is open, with one empty §; returns its id."""
    store = Store(path)
    organ = store.add_organ("Arbetsutskottet", "Förbundet", roster=ROSTER)
    s = store.create_meeting(organ.id, "2026-01-15", start="13:00")
    s.meeting.status = "open"
    s.add_paragraph("Information")
    s.close()
    return s.meeting.id


@pytest.fixture(autouse=True)
def swedish():
    """Every test starts in the Swedish interface, whatever the one before chose."""
    from protokoll.tui.i18n import set_lang

    set_lang("sv")
    yield
    set_lang("sv")


@pytest.fixture
def meeting(tmp_path: Path) -> tuple[Path, str]:
    """A store whose one meeting is in progress, and that meeting's id."""
    path = tmp_path / "store"
    return path, store_with_meeting_in_progress(path)


def numbers(store: Store, meeting_id: str) -> list[int | None]:
    return [p.number for p in Store(store.path).load(meeting_id).paragraphs]


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests (the Textual Pilot) without a plugin."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = inspect.signature(pyfuncitem.obj).parameters
        asyncio.run(pyfuncitem.obj(**{n: pyfuncitem.funcargs[n] for n in names}))
        return True
    return None
