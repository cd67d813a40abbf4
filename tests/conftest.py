from __future__ import annotations

import asyncio
import inspect
import shutil
from pathlib import Path

import pytest

from protokoll.store import Person, Store

ROSTER = [
    Person("anna", "Anna Berg", "ordförande", "Åby kommun", "S"),
    Person("bo", "Bo Ek", "", "Försäkringskassan"),
    Person("cia", "Cia Dahl", "", "Region Mitt", "M"),
    Person("dan", "Dan Falk", "", "Region Mitt", "C", role="ersattare"),
    Person("eva", "Eva Holm", "förbundschef", "Förbundet", role="tjansteperson"),
]


EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "store"


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


def meeting_with(store: Store, organ_id: str, date: str, count: int, **kw):
    """A meeting with `count` §s, left open for work."""
    session = store.create_meeting(organ_id, date, **kw)
    for i in range(count):
        session.add_paragraph(f"Punkt {i + 1}")
    return session


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
        names = pyfuncitem._fixtureinfo.argnames
        asyncio.run(pyfuncitem.obj(**{n: pyfuncitem.funcargs[n] for n in names}))
        return True
    return None
