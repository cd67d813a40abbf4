"""Start-up and opening the store at 10 and 10,000 meetings, beside other code.

bench_scale's rows for them alone, on stores already built, this code and
another version measured alternately in the same run (each in processes of
its own, on its own copy of each store: the two may keep the index in
different forms):

- `protokoll show ID` in one process (`cli.main`, its output thrown away):
  opening the store for a command on one meeting, and printing it;
- look over every meeting after a save (what a listing asks for first);
- the follow-up when a meeting opens (`followup.pending`, the store looked over);
- the application resuming its meeting: first frame and the CPU of the work
  after it until every worker is done (`bench_app`'s child, beside a bare
  Textual app of the same widgets); before each start the meeting's file is
  changed as typing in the last session leaves it (`typed`);
- with `--first-start`: the application's first frame, wall time, on a fresh
  copy with no index files (a store copied without index/, or from an
  earlier version), each code on the same files: the first screen may differ
  (the meeting, or the start menu while the meetings are read).

    python bench/bench_startup.py --store 10=DIR --store 10000=DIR [--against DIR] [--runs 5]
        [--first-start]

A store is a directory `bench/archive_store.py` built (its meeting in progress
is used, or one is begun); its index is left out of the copies, so that each
code makes its own from the meeting files before it is timed. `--against
DIR`: a directory holding the other version as the package `protokoll`
(`mkdir -p DIR/protokoll; git archive REV store tui | tar -x -C DIR/protokoll;
touch DIR/protokoll/__init__.py`).
Medians of `--runs` runs with half the spread.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_app  # noqa: E402


def child(store: str, meeting_id: str, runs: int) -> None:
    """Time this process's protokoll on `store`; print the samples as JSON."""
    from protokoll.store import Store
    from protokoll.store.followup import pending
    from protokoll.tui.cli import main

    def timed(fn, n: int = runs) -> list[float]:
        out = []
        for _ in range(n):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
        return out

    def save() -> None:
        session = Store(store).open(meeting_id)
        session.meeting.paragraphs[0].text += " y"
        session.save()
        session.close()

    def one() -> None:  # the command itself, in this process: warnings and all
        with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
            main(["show", meeting_id, "--store", store])

    def look() -> None:
        Store(store).by_id()

    look()  # the index made by this code from the meeting files, once, not timed
    save()
    samples: dict[str, list[float]] = {"show ID": [], "look over": []}
    for _ in range(runs):
        save()
        samples["show ID"] += timed(one, 1)
        save()
        samples["look over"] += timed(look, 1)
    s = Store(store)
    meeting = s.load(meeting_id)
    pending(s, meeting)  # the derived database brought up to date first
    samples["follow-up"] = timed(lambda: pending(s, meeting))
    print(json.dumps(samples))


def run(code: Path | None, store: Path, meeting_id: str, runs: int) -> dict[str, list[float]]:
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)  # found before the installed (editable) protokoll
    argv = [sys.executable, __file__, "--child", str(store), meeting_id, str(runs)]
    out = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def in_progress(store: Path) -> str:
    """The meeting in progress of `store` (one of 25 §s begun if there is none)."""
    listed = store / "index" / "unfinished"
    if listed.exists():
        found = json.loads(listed.read_text("utf-8"))["meetings"]
        if found:
            return found[0]
    return bench_app.open_meeting(store, 25)


def typed(store: Path, meeting_id: str) -> None:
    """The meeting in progress as a session that typed in it leaves it: its file
    changed since the last start (text added to its first §), so that each
    start finds one changed meeting, as the secretary's next start does, not
    a store that the previous run left just as it found it."""
    path = store / "meetings" / f"{meeting_id}.json"
    data = json.loads(path.read_bytes())
    data["meeting"]["1"]["paragraphs"][0]["text"] += " Skrivet."
    temporary = path.with_suffix(".typed")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def app_start(
    copies: dict[str, Path],
    codes: list[tuple[str, Path | None]],
    tmp: Path,
    runs: int,
    meeting_id: str,
) -> dict[str, list[dict]]:
    """Each code's application on its copy, and a bare app, alternated run by run."""
    tmp.mkdir(parents=True, exist_ok=True)
    spec = asyncio.run(bench_app.probe(copies[codes[0][0]]))
    spec_file = tmp / "spec.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    cache = tmp / "pycache"
    out: dict[str, list[dict]] = {}
    for name, code in codes:  # bytecode cached, as an installed program has it
        bench_app.run_child("ours", copies[name], spec_file, cache, code)
    bench_app.run_child("bare", copies[codes[0][0]], spec_file, cache)
    for _ in range(runs):
        for name, code in codes:
            typed(copies[name], meeting_id)
            out.setdefault(name, []).append(
                bench_app.run_child("ours", copies[name], spec_file, cache, code)
            )
        out.setdefault("bare", []).append(
            bench_app.run_child("bare", copies[codes[0][0]], spec_file, cache)
        )
    return out


def first_starts(
    source: Path, codes: list[tuple[str, Path | None]], tmp: Path, runs: int
) -> dict[str, list[float]]:
    """Each code's first frame (wall) on its own fresh copy of `source`, which
    has no index files, alternated run by run."""
    tmp.mkdir(parents=True, exist_ok=True)
    spec = asyncio.run(bench_app.probe(source))
    # Whichever screen a code shows first (the meeting, or the start menu
    # while the meetings are read), and nothing after it.
    spec.update(screen_class=None, first_only=True)
    spec_file = tmp / "spec.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    shutil.rmtree(source / "index")  # the probe made them
    cache = tmp / "pycache"
    out: dict[str, list[float]] = {}
    for run in range(runs + 1):  # the first, untimed: bytecode compiled, as installed
        for name, code in codes:
            fresh = tmp / f"fresh-{name}"
            shutil.rmtree(fresh, ignore_errors=True)
            shutil.copytree(source, fresh)
            got = bench_app.run_child("ours", fresh, spec_file, cache, code)
            if run:
                out.setdefault(name, []).append(got["first_wall"])
    return out


def fig(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:.0f} ms ±{(max(xs) - min(xs)) * 500:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", action="append", default=[], help="N=DIR")
    parser.add_argument("--against", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--first-start", action="store_true")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load {os.getloadavg()}")
    codes: list[tuple[str, Path | None]] = [("this", None)]
    if args.against:
        codes.append(("against", args.against))
    rows: dict[str, dict[str, dict[str, list[float]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for given in args.store:
            n, _, where = given.partition("=")
            source = Path(tmp) / f"source-{n}"
            shutil.copytree(where, source)
            meeting_id = in_progress(source)
            # Each code makes its own index from the meeting files (its form).
            shutil.rmtree(source / "index")
            copies = {}
            for name, _code in codes:
                copies[name] = Path(tmp) / f"{name}-{n}"
                shutil.copytree(source, copies[name])
            for name, code in codes:
                got = run(code, copies[name], meeting_id, args.runs)
                for key, xs in got.items():
                    rows.setdefault(key, {}).setdefault(n, {})[name] = xs
            starts = app_start(copies, codes, Path(tmp) / f"app-{n}", args.runs, meeting_id)
            for key, label in (
                ("first_cpu", "app: first frame, CPU"),
                ("bg_cpu", "app: background after it, CPU"),
            ):
                for name, got in starts.items():
                    rows.setdefault(label, {}).setdefault(n, {})[name] = [r[key] for r in got]
            if args.first_start:
                bare = Path(tmp) / f"bare-{n}"
                shutil.copytree(source, bare)
                label = "app: first frame with no index files, wall"
                got = first_starts(bare, codes, Path(tmp) / f"first-{n}", args.runs)
                rows.setdefault(label, {})[n] = got
    print(f"load at the end {os.getloadavg()}")
    for label, sizes in rows.items():
        print(label)
        for n, by_code in sizes.items():
            cells = ", ".join(f"{name} {fig(xs)}" for name, xs in by_code.items())
            print(f"  {n:>6} meetings: {cells}")


if __name__ == "__main__":
    main()
