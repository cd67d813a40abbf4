"""Every operation of issue 17 at 10, 1,000 and 10,000 meetings, in one table.

One builder (`archive_store.build`: three organs, 25 §s a meeting, varied
Swedish text, a decision in every §, tasks, follow-ups, votes in the text)
makes each store; each operation runs on it `--runs` times (median, with the
min–max spread), and the table prints, for each operation:

- the time (and, for whole commands, the peak memory) at each size;
- the ratio of 10,000 to 10 meetings (aim: at most 2 for every interactive
  operation);
- the ratio to its baseline, measured in the same run on the same store:
  writing the same bytes durably for a save; `grep -rl` over the same
  meeting files for a search; reading (json.loads) every meeting file for the
  index's first build; a bare Textual app of the same widgets, rows and size
  for the application's first frame.

    python bench/bench_scale.py [--sizes 10,1000,10000] [--runs 5] [--only GROUPS]

The whole run takes some minutes on 2 cores; most of it is the 10,000 store.
`--only` measures some groups of rows (comma-separated; default all): index
(the derived database's build, size and update), commands (the whole-archive
commands), task-list, follow-up, writes (a § added and deleted, a save, a
meeting created, a protocol imported), look (opening the store for one
meeting, and the look over every meeting), app (the application's start).
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
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import bench_app  # noqa: E402
from archive_store import ORGANS, build  # noqa: E402
from bench_archive import change_on_disk, child, command  # noqa: E402
from bench_import import protocols  # noqa: E402
from bench_startup import typed  # noqa: E402

Samples = list[float]


def timed(fn: Callable[[], object], runs: int) -> Samples:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


GROUPS = ("index", "commands", "task-list", "follow-up", "writes", "look", "app")


def writes(path: Path, meeting_id: str, runs: int, tmp: Path) -> dict[str, Samples]:
    """In the meeting in progress, a § added and deleted and an edit saved (and its
    floor); a meeting created, a protocol imported."""
    from protokoll.store import Store
    from protokoll.store.importer import import_protocol
    from protokoll.store.serial import to_dict
    from protokoll.store.storage import atomic_write, encode

    store = Store(path)
    session = store.open(meeting_id)
    added: list[str] = []
    out: dict[str, Samples] = {"add a §": [], "delete a §": []}
    for _ in range(runs):
        out["add a §"] += timed(lambda: added.append(session.add_paragraph("Tillägg").id), 1)
        out["delete a §"] += timed(lambda: session.delete_paragraph(added.pop()), 1)

    def save() -> None:
        session.meeting.paragraphs[0].text += " x"
        session.save()

    out["save one edit"] = timed(save, runs)
    raw = encode({"meeting": {"1": to_dict(session.meeting)}})
    floor = tmp / "floor.json"
    out["(write the same bytes durably)"] = timed(lambda: atomic_write(floor, raw), runs)
    session.close()
    days = iter(range(runs * 2))

    def create() -> None:
        k = next(days)
        store.create_meeting(ORGANS[1], f"2090-{k // 28 + 1:02d}-{k % 28 + 1:02d}").close()

    out["create a meeting"] = timed(create, runs)
    files = protocols(tmp, runs, first=len(list(tmp.glob("au-*.txt"))))

    def one(file: Path) -> Callable[[], object]:
        return lambda: import_protocol(store, file, file.read_bytes())

    out["import one protocol"] = [timed(one(f), 1)[0] for f in files]
    return out


def looks(path: Path, meeting_id: str, runs: int) -> dict[str, Samples]:
    """The store opened for a command on one meeting, looked over whole, and
    every meeting's summary made and sorted (what `list` prints), each after a
    save."""
    from protokoll.store import Store

    def one() -> None:  # `show ID`: the store opened, the id resolved, the meeting read
        opened = Store(path)
        opened.load(opened.resolve(meeting_id))

    kinds: dict[str, Callable[[], object]] = {
        "open the store for one meeting": one,
        "look over every meeting after a save": lambda: Store(path).by_id(),
        "every meeting's summary after a save": lambda: Store(path).summaries(),
    }
    out: dict[str, Samples] = {name: [] for name in kinds}
    for _ in range(runs):
        for name, fn in kinds.items():
            s = Store(path).open(meeting_id)
            s.meeting.paragraphs[0].text += " y"
            s.save()
            s.close()
            out[name] += timed(fn, 1)
    return out


def grep(path: Path, word: str, runs: int) -> Samples:
    argv = ["grep", "-rw", word, str(path / "meetings")]
    return timed(lambda: subprocess.run(argv, stdout=subprocess.DEVNULL, check=False), runs)


def start(
    path: Path, tmp: Path, runs: int, meeting_id: str
) -> dict[str, tuple[Samples, Samples]]:
    """The application resuming the meeting in progress, beside a bare Textual app."""
    spec = asyncio.run(bench_app.probe(path))
    spec_file = tmp / "spec.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    cache = tmp / "pycache"
    bench_app.run_child("ours", path, spec_file, cache)  # fills the bytecode cache
    bench_app.run_child("bare", path, spec_file, cache)
    ours, bare = [], []
    for _ in range(runs):  # alternated: load on the machine falls on both
        # As a session that typed leaves it: one changed meeting at each start.
        typed(path, meeting_id)
        ours.append(bench_app.run_child("ours", path, spec_file, cache))
        bare.append(bench_app.run_child("bare", path, spec_file, cache))
    return {
        key: ([r[key] for r in ours], [r[key] for r in bare])
        for key in ("first_cpu", "first_wall", "bg_cpu", "rss_mib")
    }


# The whole-archive commands measured at every size (bench_derived adds more).
COMMANDS: tuple[tuple[str, list[str]], ...] = (
    ("tasks --json", ["tasks", "--json"]),
    ("decisions --json", ["decisions", "--json"]),
    ("search förbundet --json", ["search", "förbundet", "--json"]),
    ("search förbundet --limit 50", ["search", "förbundet", "--limit", "50"]),
)


def index_rows(path: Path, runs: int) -> dict[str, dict]:
    """The derived database: its first build beside parsing every meeting file,
    its size beside theirs, an update after one meeting changed, and the check
    every view makes first when none did."""
    from protokoll.store import Store
    from protokoll.store.search import FILE_NAME, SearchIndex

    files = sorted((path / "meetings").glob("*.json"))

    def parse() -> None:
        # One at a time, as the build reads them: a list of every parsed file
        # kept would time Python's garbage collector walking it (twice this).
        for f in files:
            json.loads(f.read_bytes())

    store = Store(path)
    store.by_id()  # the look over every meeting, which any command makes first

    def synced() -> None:
        with SearchIndex(store).synced():
            pass

    def build() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path / FILE_NAME}{suffix}").unlink(missing_ok=True)
        synced()

    reading, builds = [], []
    for _ in range(runs):  # alternated: load on the machine falls on both
        reading += timed(parse, 1)
        builds += timed(build, 1)
    size = (path / FILE_NAME).stat().st_size
    target = files[len(files) // 2]
    updates, unchanged = [], []
    for k in range(runs):
        # One meeting changed on disk, the store told (as a command's start does).
        change_on_disk(target, k)
        store.refresh()
        updates += timed(synced, 1)
        with SearchIndex(store).synced() as db:  # checked, not timed: nothing left
            assert SearchIndex(store).sync(db) == 0
        unchanged += timed(synced, 1)
    return {
        "search index: first build": {"t": builds, "base": reading},
        "search index: size (MB)": {
            "size": (size / 1e6, sum(f.stat().st_size for f in files) / 1e6)
        },
        "search index: one meeting changed": {"t": updates},
        "search index: none changed": {"t": unchanged},
    }


def derived_rows(
    path: Path,
    runs: int,
    commands: tuple[tuple[str, list[str]], ...] = COMMANDS,
    only: tuple[str, ...] = GROUPS,
) -> dict[str, dict]:
    """The derived database's rows: its first build, size and update, the
    commands that read it, the task list and the follow-up."""
    if "index" in only:
        rows: dict[str, dict] = index_rows(path, runs)
    else:  # built once, untimed: the rows below time its use, not its build
        from protokoll.store import Store
        from protokoll.store.search import SearchIndex

        rows = {}
        with SearchIndex(Store(path)).synced():
            pass
    if "commands" in only:
        for name, argv in commands:
            seconds, peaks = command(ROOT, path, argv, runs)
            rows[name] = {"t": seconds, "mib": peaks}
        rows["search förbundet --json"]["base"] = grep(path, "förbundet", runs)
    if "task-list" in only:
        rows["task list screen"] = {"t": child(ROOT, "screen", path, runs)}
        rows["past meetings screen"] = {"t": child(ROOT, "browse", path, runs)}
    if "follow-up" in only:
        rows["follow-up when a meeting opens"] = {"t": child(ROOT, "pending", path, runs)}
    return rows


def measure(n: int, runs: int, tmp: Path, only: tuple[str, ...] = GROUPS) -> dict[str, dict]:
    path = tmp / f"store{n}"
    t = time.perf_counter()
    size = build(path, n)
    print(f"({n:,} meetings, {size / 1e6:.1f} MB, written in {time.perf_counter() - t:.1f} s)")
    sys.stdout.flush()
    rows = derived_rows(path, runs, only=only)
    # A meeting in progress of 25 §s, made through the verbs, as the secretary's.
    meeting_id = bench_app.open_meeting(path, 25)
    if "writes" in only:
        w = writes(path, meeting_id, runs, tmp)
        for name, samples in w.items():
            if not name.startswith("("):
                rows[name] = {"t": samples}
        rows["save one edit"]["base"] = w["(write the same bytes durably)"]
    if "look" in only:
        for name, samples in looks(path, meeting_id, runs).items():
            rows[name] = {"t": samples}
    if "app" not in only:
        return rows
    s = start(path, tmp, runs, meeting_id)
    rows["app: first frame, CPU"] = {"t": s["first_cpu"][0], "base": s["first_cpu"][1]}
    rows["app: first frame, wall"] = {"t": s["first_wall"][0], "base": s["first_wall"][1]}
    rows["app: background after it, CPU"] = {"t": s["bg_cpu"][0], "base": s["bg_cpu"][1]}
    rows["app: peak memory (MiB)"] = {"mem": s["rss_mib"]}
    return rows


def med(xs: Samples) -> float:
    return statistics.median(xs)


def cell(row: dict) -> str:
    if "size" in row:
        index, files = row["size"]
        return f"{index:.1f} ({index / files:.2f}× files)"
    if "mem" in row:
        ours, bare = row["mem"]
        return f"{med(ours):.0f} (bare {med(bare):.0f})"
    t = row["t"]
    text = f"{med(t) * 1000:.0f} ms ±{(max(t) - min(t)) * 500:.0f}"
    if "mib" in row:
        text += f", {med(row['mib']):.0f} MiB"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default=",".join(GROUPS), help=", ".join(GROUPS))
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    only = tuple(g.strip() for g in args.only.split(","))
    unknown = set(only) - set(GROUPS)
    if unknown:
        parser.error(f"unknown groups: {', '.join(sorted(unknown))}")
    print(f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores; medians of {args.runs} runs")
    results: dict[int, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            results[n] = measure(n, args.runs, Path(tmp) / str(n), only)
    print_table(results, sizes)


def print_table(results: dict[int, dict[str, dict]], sizes: list[int]) -> None:
    """A row an operation: its figure at each size, the growth from the first
    size to the last, and the last size's ratio to its baseline."""
    names = list(results[sizes[0]])
    width = max(map(len, names))
    head = "".join(f"{n:>26,}" for n in sizes)
    print(f"\n{'meetings':{width}}{head}  {sizes[-1]}/{sizes[0]}  to baseline (largest)")
    for name in names:
        cells = "".join(f"{cell(results[n][name]):>26}" for n in sizes)
        first, last = results[sizes[0]][name], results[sizes[-1]][name]
        growth = baseline = ""
        if "t" in last:
            growth = f"{med(last['t']) / med(first['t']):.1f}×"
        if "base" in last:
            baseline = f"{med(last['t']) / med(last['base']):.2f}×"
        print(f"{name:{width}}{cells}  {growth:>7}  {baseline}")


if __name__ == "__main__":
    main()
