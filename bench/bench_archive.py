"""Cross-meeting views on a large archive: the registers, the follow-up, search.

For stores of 1,000 and 10,000 meetings of 25 §s each (`archive_store.build`:
three organs, tasks, follow-ups, decisions), prints, before and after:

- `protokoll tasks --json` / `--jsonl`, `decisions --json` / `--jsonl` and
  `search och --json` (a word in nearly every §) as whole processes: time
  and peak memory (each run a fresh child; peak RSS from
  `getrusage(RUSAGE_CHILDREN)` in a wrapper process of its own);
- the task list screen in the application, from push to rows (Pilot);
- the follow-up a meeting works out when it opens (`pending`);
- the derived database: first build beside reading every meeting file
  (json.loads of each: the baseline) and beside loading every meeting;
  its size beside the meeting files'; bringing it up to date after one
  meeting changed.

"Before" is the code of commit 79d3b51 (`--before DIR`, a copy of it made
with `git archive 79d3b51 | tar -x -C DIR`), run on the same store in the
same run; without `--before` only "after" is measured. Medians of `--repeat`
runs with the spread (min–max); at 10,000 meetings the slow "before" commands
run `--slow-repeat` times.

    python bench/bench_archive.py [--sizes 1000,10000] [--repeat 5] [--before DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRAP = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "t = time.perf_counter() - t\n"
    "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
COMMANDS = {
    "tasks --json": ["tasks", "--json"],
    "tasks --jsonl": ["tasks", "--jsonl"],
    "decisions --json": ["decisions", "--json"],
    "decisions --jsonl": ["decisions", "--jsonl"],
    "search och --json": ["search", "och", "--json"],
}
INDEX = "search.sqlite"


def spread(samples: list[float], scale: float = 1.0, unit: str = "ms", digits: int = 0) -> str:
    m = statistics.median(samples) * scale
    lo, hi = min(samples) * scale, max(samples) * scale
    return f"{m:.{digits}f} {unit} ({lo:.{digits}f}–{hi:.{digits}f}, n={len(samples)})"


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def command(code: Path, store: Path, argv: list[str], repeat: int) -> tuple[list, list]:
    """Seconds and peak MiB of `protokoll ARGV` with the code at `code`, fresh each run."""
    env = dict(os.environ, PYTHONPATH=str(code), PROTOKOLL_LANG="sv")
    cmd = [
        sys.executable,
        "-c",
        WRAP,
        sys.executable,
        "-m",
        "protokoll.tui",
        *argv,
        "--store",
        str(store),
    ]
    seconds, peaks = [], []
    for _ in range(repeat):
        # Run from the code's own directory: `-m` puts the working directory first.
        out = subprocess.run(
            cmd, env=env, capture_output=True, text=True, check=True, cwd=code
        ).stdout
        t, kib = out.split()
        seconds.append(float(t))
        peaks.append(int(kib) / 1024)
    return seconds, peaks


def change_on_disk(target: Path, k: int) -> None:
    """One meeting file changed behind the store's back (its fourth § added to,
    the `k`th time), written as an editor would write it."""
    data = json.loads(target.read_bytes())
    data["meeting"]["1"]["paragraphs"][3]["text"] += f" Ändrad {k}."
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def child(code: Path, what: str, store: Path, repeat: int) -> list[float]:
    """A measurement made in a process that imports the code at `code`."""
    env = dict(os.environ, PYTHONPATH=f"{code}{os.pathsep}{ROOT / 'bench'}")
    argv = [sys.executable, __file__, "--child", what, "--store", str(store)]
    argv += ["--repeat", str(repeat)]
    out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True, cwd=code)
    return json.loads(out.stdout.splitlines()[-1])


# --- what a child measures, with whichever code it imported -----------------


async def _openings(
    store: Path, repeat: int, make, ready, size: tuple[int, int], settle: bool
) -> list[float]:
    """`repeat` openings of the screen `make()` makes, each timed until
    `ready(screen)` and its rows drawn, in one application of `size`; with
    `settle`, after the application's own work at its start is done."""
    from protokoll.tui.app import ProtokollApp

    samples = []
    app = ProtokollApp(store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if settle:
            await app.workers.wait_for_complete()
        for _ in range(repeat):
            start = time.perf_counter()
            screen = make()
            await app.push_screen(screen)
            while not ready(screen):
                await asyncio.sleep(0.005)
            await pilot.pause()  # the rows drawn
            samples.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
        await pilot.press("ctrl+q")
    return samples


async def _screen(store: Path, repeat: int) -> list[float]:
    """The task list opened to its first rows drawn."""
    from protokoll.tui.screens.registers import TasksScreen

    return await _openings(store, repeat, TasksScreen, lambda s: s.rows, (120, 30), False)


async def _browse(store: Path, repeat: int) -> list[float]:
    """The past meetings ("Tidigare möten") opened to their rows drawn."""
    from protokoll.tui.screens.browse import BrowseScreen

    def filled(screen) -> bool:
        found = screen.query("#meetings")
        # A LongList (row_count) or, in earlier code, an OptionList (option_count).
        rows = found.first() if found else None
        count = getattr(rows, "row_count", None)
        return (count if count is not None else getattr(rows, "option_count", 0)) > 1

    return await _openings(store, repeat, BrowseScreen, filled, (80, 24), True)


def _pending(store_path: Path, repeat: int) -> list[float]:
    from protokoll.store import Store
    from protokoll.store.followup import pending

    store = Store(store_path)
    newest = store.load(store.summaries()[0].id)
    return timed(lambda: pending(store, newest), repeat)


def run_child(what: str, store: Path, repeat: int) -> None:
    if what == "screen":
        samples = asyncio.run(_screen(store, repeat))
    elif what == "browse":
        samples = asyncio.run(_browse(store, repeat))
    else:
        samples = _pending(store, repeat)
    print(json.dumps(samples))


# --- the derived database, with this code -------------------------------------


def database(path: Path, repeat: int) -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    from protokoll.store import Store
    from protokoll.store.search import SearchIndex

    files = sorted((path / "meetings").glob("*.json"))
    reading = timed(lambda: [json.loads(f.read_bytes()) for f in files], repeat)
    store = Store(path)
    loading = timed(lambda: [store.load(s.id) for s in store.summaries()], max(1, repeat // 2))

    def build() -> None:
        (path / INDEX).unlink(missing_ok=True)
        with SearchIndex(store).synced():
            pass

    builds = timed(build, repeat)
    size = (path / INDEX).stat().st_size
    # One meeting changed on disk, the store told (as a command's start does).
    target = files[len(files) // 2]
    updates, noticing = [], []
    for k in range(repeat):
        change_on_disk(target, k)
        start = time.perf_counter()
        store.refresh()
        noticing.append(time.perf_counter() - start)
        index = SearchIndex(store)
        start = time.perf_counter()
        with index.synced() as db:
            assert index.sync(db) == 0
        updates.append(time.perf_counter() - start)
    return {
        "reading": reading,
        "loading": loading,
        "builds": builds,
        "size": size,
        "files": sum(f.stat().st_size for f in files),
        "update": updates,
        "refresh": noticing,
    }


def measure(path: Path, n: int, args: argparse.Namespace) -> None:
    from archive_store import build

    start = time.perf_counter()
    build(path, n)
    print(f"\n## {n:,} meetings (generated in {time.perf_counter() - start:.1f} s)\n")
    repeat = args.repeat
    slow = args.slow_repeat if n >= 10_000 else repeat
    codes = [("after", ROOT, repeat)]
    if args.before:
        codes.insert(0, ("before", Path(args.before), slow))
    rows: list[tuple[str, str, str]] = []
    results: dict[str, dict[str, str]] = {}
    for label, code, times in codes:
        (path / INDEX).unlink(missing_ok=True)
        # The first command builds the index (measured below); these are later runs.
        command(code, path, ["search", "och", "--limit", "1"], 1)
        got = results.setdefault(label, {})
        for name, argv in COMMANDS.items():
            if label == "before" and "--jsonl" in argv:
                continue  # no such option then
            seconds, peaks = command(code, path, argv, times)
            got[name] = f"{spread(seconds, 1, 's', 2)}, {statistics.median(peaks):.0f} MiB"
        got["task list screen"] = spread(child(code, "screen", path, times), 1000)
        got["follow-up at a meeting's start"] = spread(child(code, "pending", path, times), 1000)
    for name in [*COMMANDS, "task list screen", "follow-up at a meeting's start"]:
        rows.append((name, results.get("before", {}).get(name, "–"), results["after"][name]))
    db = database(path, repeat if n < 10_000 else max(3, slow))
    reading, builds = db["reading"], db["builds"]
    ratio = statistics.median(builds) / statistics.median(reading)
    rows += [
        ("reading every meeting file (json.loads)", "", spread(reading, 1000)),
        ("loading every meeting (store.load)", "", spread(db["loading"], 1000)),
        ("derived database, first build", "", f"{spread(builds, 1000)}; {ratio:.1f}× reading"),
        (
            "derived database size",
            "",
            f"{db['size'] / 1e6:.1f} MB; {db['size'] / db['files']:.2f}× the meeting files "
            f"({db['files'] / 1e6:.1f} MB)",
        ),
        ("one meeting changed: store.refresh", "", spread(db["refresh"], 1000, digits=1)),
        ("one meeting changed: index update", "", spread(db["update"], 1000, digits=1)),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'before':38}  after")
    for name, before, after in rows:
        print(f"{name:{width}}  {before:38}  {after}")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--slow-repeat", type=int, default=3)
    parser.add_argument("--before", help="a copy of the code of commit 79d3b51")
    parser.add_argument("--child", choices=("screen", "browse", "pending"), help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child, Path(args.store), args.repeat)
        return
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    print(f"medians of {args.repeat} runs (min–max, n runs); {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            measure(Path(tmp) / f"s{n}", n, args)


if __name__ == "__main__":
    main()
