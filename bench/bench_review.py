"""Reviewing a large store: the browser, search from the command line and the app, size.

Builds a store of 1,000 meetings with 25 §s each (three organs, varied
Swedish text, tasks and decisions), and a baseline store of 10 meetings made
the same way, and prints for both, measured in the same run:

- the store's size on disk (meeting files and catalogue; the search index);
- the time to build the search index the first time;
- opening the store (reading the catalogue, checking every file's stamp);
- a search in-process, as the application makes it (store open, at most
  300 hits), median and slowest of six queries;
- `protokoll search förlängning` as a whole process (store opened, index
  checked, hits printed, Python's start included), beside
  `python -c pass` (what any command costs before it does anything);
- opening the browser of past meetings in the application (headless);
- a search typed into the application, from Enter to the hits on screen.

Aims (issue 4): the browser under 300 ms and a search under 200 ms at 1,000.

    python bench/bench_review.py [--meetings 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tinydb import TinyDB  # noqa: E402
from tinydb.table import Document  # noqa: E402

from protokoll.store import Decision, Meeting, Paragraph, Person, Store, Task  # noqa: E402
from protokoll.store.model import Attendee, Functions  # noqa: E402
from protokoll.store.search import FILE_NAME, search, search_counted  # noqa: E402
from protokoll.store.serial import to_dict  # noqa: E402
from protokoll.store.storage import AtomicJSONStorage  # noqa: E402

# Words by how common they are: function words first, then the domain's,
# then made-up words; drawn with Zipf-like weights, as in real text.
COMMON = (
    "och att som för med till av på är det om en ska har de inte under från vid "
    "förbundet insatsen deltagare uppföljning beslut ärendet redovisning "
    "arbetsutskottet styrelsen kommunen regionen insatser försäkringskassan "
    "arbetsförmedlingen information förslag diskussion medel kronor projekt rapport "
    "ekonomi samverkan kvartal verksamhetsplan budget handlingarna ansökan förlängning"
).split()
SYLLABLES = "ar be dö fa gi hå ke lu mä no pe rö sa ti un vå bri kla stö tra".split()
QUERIES = ["ansök", "budget", '"lägga informationen"', "vå", "Nordström", "samverkan kvartal"]


def vocabulary(rng: random.Random, n: int = 3000) -> list[str]:
    words = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(n)}
    return sorted(words)


def make_meeting(
    i: int, organs: list[str], words: list[str], weights: list[float], rng: random.Random
) -> Meeting:
    organ = organs[i % len(organs)]
    year = 2010 + i // 66
    day = i % 66
    date = f"{year}-{day // 6 + 1:02d}-{day % 6 * 4 + 3:02d}"
    people = [Attendee(f"a{k}", f"Ledamot{k} Efternamn{i % 40}", present=True) for k in range(9)]
    if i % 25 == 0:
        people.append(Attendee("x", "Greta Nordström", present=True))

    def text(n: int) -> str:
        return " ".join(rng.choices(words, cum_weights=weights, k=n))

    paragraphs = []
    for n in range(25):
        p = Paragraph(f"p{i}-{n}", text(4).capitalize(), n + 1, text(rng.randint(30, 90)))
        decision = "att lägga informationen till handlingarna" if n % 4 == 0 else "att " + text(12)
        p.decisions.append(Decision(decision))
        if n % 7 == 0:
            p.tasks.append(Task(f"t{i}-{n}", text(8), owner="a3", due=f"{year}-12-01"))
        paragraphs.append(p)
    return Meeting(
        id=f"{date.replace('-', '')}-{i:04d}",
        organ_id=organ,
        organ=organ.capitalize(),
        organisation="Samordningsförbundet Bench",
        date=date,
        start="13:00",
        status="closed",
        attendees=people,
        functions=Functions("a0", "a1", ["a2"]),
        paragraphs=paragraphs,
        created=f"{date}T09:00:00",
    )


def build(path: Path, n: int) -> None:
    rng = random.Random(4)
    words = COMMON + vocabulary(rng)
    weights = list(itertools.accumulate(1 / (rank + 2) for rank in range(len(words))))
    store = Store(path)
    organs = ["arbetsutskottet", "styrelsen", "beredningsgruppen"]
    for organ in organs:
        store.add_organ(
            organ.capitalize(),
            "Samordningsförbundet Bench",
            roster=[Person(f"a{k}", f"Ledamot{k}") for k in range(9)],
            organ_id=organ,
        )
    for i in range(n):
        m = make_meeting(i, organs, words, weights, rng)
        db = TinyDB(path / "meetings" / f"{m.id}.json", storage=AtomicJSONStorage)
        db.table("meeting").insert(Document(to_dict(m), doc_id=1))
    Store(path)  # index the files into the catalogue, as a first start would


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def timed(fn, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def process(argv: list[str], repeat: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return timed(
        lambda: subprocess.run(argv, stdout=subprocess.DEVNULL, check=False, env=env), repeat
    )


async def app_times(path: Path, repeat: int) -> tuple[float, float]:
    """(browser open, search from Enter to hits) in the application, headless."""
    from protokoll.tui.app import ProtokollApp
    from protokoll.tui.screens.browse import BrowseScreen
    from protokoll.tui.screens.search import SearchScreen

    browse, find = [], []
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(repeat):
            start = time.perf_counter()
            screen = BrowseScreen()
            await app.push_screen(screen)
            await pilot.pause()  # mounted, filled, laid out
            browse.append(time.perf_counter() - start)
            assert screen.query_one("#meetings").option_count > 0
            app.pop_screen()
            await pilot.pause()
        for query in QUERIES[:repeat]:
            screen = SearchScreen()
            await app.push_screen(screen)
            await pilot.pause()
            screen.query_one("#query").value = query
            start = time.perf_counter()
            screen.run_search(query, focus=True)
            while screen.shown != query:
                await asyncio.sleep(0.001)
            await pilot.pause()  # the hits drawn
            find.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
        await pilot.press("ctrl+q")
    return statistics.median(browse), statistics.median(find)


def measure(path: Path, n: int, repeat: int) -> dict[str, float]:
    start = time.perf_counter()
    build(path, n)
    built = time.perf_counter() - start
    store = Store(path)
    start = time.perf_counter()
    search(store, "ansök")
    first = time.perf_counter() - start
    opening = timed(lambda: Store(path), repeat)
    # A search as the application makes it: the store open, at most 300 hits.
    queries = [timed(lambda q=q: search(store, q, limit=300), repeat) for q in QUERIES]
    hits = [search_counted(store, q)[1] for q in QUERIES]
    cli = process(
        [sys.executable, "-m", "protokoll.tui", "search", "--store", str(path), "förlängning"], repeat
    )
    browse, find = asyncio.run(app_times(path, repeat))
    return {
        "built": built,
        "size": size(path) - (path / FILE_NAME).stat().st_size,
        "index": (path / FILE_NAME).stat().st_size,
        "first": first,
        "open": opening,
        "search": statistics.median(queries),
        "search_max": max(queries),
        "hits": hits,
        "cli": cli,
        "browse": browse,
        "find": find,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    python = process([sys.executable, "-c", "pass"], args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        base = measure(Path(tmp) / "small", 10, args.repeat)
        big = measure(Path(tmp) / "big", args.meetings, args.repeat)
    n = args.meetings
    print(f"Stores of 10 and {n} meetings, 25 §s each; medians of {args.repeat} runs.\n")
    print(f"{'':44}{'10':>11}{n:>11}   ratio")
    rows = [
        ("store on disk (meetings, catalogue)", "size"),
        ("search index on disk", "index"),
        ("search index, first build", "first"),
        ("opening the store", "open"),
        ("search in-process (median of queries)", "search"),
        ("search in-process, slowest query", "search_max"),
        ("protokoll search, whole process", "cli"),
        ("application: open the browser", "browse"),
        ("application: search, Enter to hits", "find"),
    ]
    for label, key in rows:
        a, b = base[key], big[key]
        if key in ("size", "index"):
            shown = f"{a / 1e6:8.2f} MB {b / 1e6:8.1f} MB"
        else:
            shown = f"{ms(a)} {ms(b)}"
        print(f"{label:44}{shown}  {b / a:6.1f}×")
    print(f"\n{'python -c pass (start of any command)':44}{ms(python)}")
    print(
        f"hits at {n}: " + ", ".join(f"{q} {h}" for q, h in zip(QUERIES, big["hits"], strict=True))
    )
    print("aims at 1,000: browser < 300 ms, search < 200 ms")


if __name__ == "__main__":
    main()
