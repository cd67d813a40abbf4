"""A year of an organisation sharing one store: secretaries syncing into one remote.

Scripted, in a temporary directory: a bare repository and one store per
secretary (--secretaries, default 20). --organs organs (default 12); every
organ has one secretary, and the first few have a deputy too (--shared), who
takes some of its meetings (a quarter): a deputy's meeting taken before the
other's has come in gives two meetings the same §§, which the sync refuses;
the deputy renumbers as the message says and syncs again. Each secretary
corrects some of last week's closed meetings before adjustment (--remarks,
the adjusters' remarks), and the last secretary is the registrar, who syncs
every week and corrects a few of anyone's (--edits): one meeting corrected
on two computers in one week is a conflict copy.

The year is --weeks weeks (default 52) of --meetings meetings in all
(default 2,000): each week every secretary takes their meetings (5 §§ each,
closed), syncs, and right after adjusts those of two weeks before (pushed
at their next sync); a week with nothing to do has no sync. What is
measured is the sync: taking the minutes here skips the disk's flush and
the per-event commits, which the sync then commits (an event's commit is
two git calls, some 50 ms on this machine). Printed:

- the time of one sync (each run of it, a refused one and the one after
  the renumbering too): median, 10th and 90th percentile, and per meeting
  it pushed; beside it the same-run baseline, a `git fetch` of the same
  store at the same moment (what git alone costs for the round trip);
- the time per quarter, so that growth with the archive shows;
- the size of the shared repository (after `git gc`, as a host keeps it,
  and as pushed) and of a secretary's store;
- conflicts (copies made) and refusals (numbering collisions).

    python bench/bench_sync.py [--secretaries 20] [--meetings 2000] [--weeks 52]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from protokoll.store import Person, Store, verbs  # noqa: E402
from protokoll.store.adjust import adjust  # noqa: E402
from protokoll.store.errors import StoreError  # noqa: E402
from protokoll.store.sync import renumber, sync  # noqa: E402

ROSTER = [Person(f"p{k}", f"Ledamot {k}") for k in range(7)]


def size_of(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def on(name: str) -> None:
    """This secretary at their computer: git identity and machine name."""
    os.environ["PROTOKOLL_MACHINE"] = name
    for role in ("AUTHOR", "COMMITTER"):
        os.environ[f"GIT_{role}_NAME"] = f"Sekreterare {name}"
        os.environ[f"GIT_{role}_EMAIL"] = f"{name}@example.org"


def take_meeting(store: Store, organ: str, date: str) -> str:
    session = store.create_meeting(organ, date, start="13:00", agenda=[])
    ed = session.editor(history=False)
    for n in range(5):
        ed.do(verbs.add_paragraph, f"Ärende {n + 1}")
    ed.do(verbs.close_meeting, "15:00")
    session.close()
    return session.meeting.id


@contextlib.contextmanager
def no_fsync() -> Iterator[None]:
    """Taking the minutes is not what is measured: its saves skip the disk's flush
    (7 ms each here, 14,000 of them), the syncs do not."""
    real = os.fsync
    os.fsync = lambda fd: None
    try:
        yield
    finally:
        os.fsync = real


def timed_sync(path: Path, times: list, week: int, meetings: int):
    t0 = time.perf_counter()
    report = sync(path)
    times.append((week, time.perf_counter() - t0, meetings))
    return report


def correct_title(store: Store, meeting_id: str, title: str) -> int:
    """A closed meeting reopened, its first § retitled and closed again (1), or not (0)."""
    if meeting_id not in store.by_id():
        return 0
    s = store.open(meeting_id)
    try:
        if s.read_only or s.meeting.status != "closed":
            return 0
        ed = s.editor(history=False)
        ed.do(verbs.reopen_meeting)
        ed.do(verbs.rename_paragraph, s.meeting.paragraphs[0].id, title)
        ed.do(verbs.close_meeting, "15:00")
        return 1
    finally:
        s.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--secretaries", type=int, default=20)
    ap.add_argument("--meetings", type=int, default=2000)
    ap.add_argument("--weeks", type=int, default=52)
    ap.add_argument("--organs", type=int, default=12)
    ap.add_argument("--shared", type=int, default=4, help="organs with a deputy secretary")
    ap.add_argument("--remarks", type=float, default=0.3, help="own meeting corrected")
    ap.add_argument("--edits", type=float, default=0.03, help="registrar's correction")
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    os.environ["GIT_CONFIG_NOSYSTEM"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["HOME"] = str(root)  # no configuration of this computer is read
        remote = root / "shared.git"
        subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
        names = [f"s{k:02d}" for k in range(args.secretaries)]
        paths = {n: root / n for n in names}
        first = names[0]
        on(first)
        store = Store(paths[first])
        organs = [f"o{k:02d}" for k in range(args.organs)]
        for o in organs:
            store.add_organ(f"Nämnd {o}", "Kommunen", roster=ROSTER, organ_id=o)
        sync(paths[first], str(remote))
        for n in names[1:]:
            on(n)
            sync(paths[n], str(remote))
        # Who takes each organ's meetings: its secretary, and for the first
        # --shared organs a deputy (the next secretary along) now and then.
        owner = {o: names[k % len(names)] for k, o in enumerate(organs)}
        deputy = {o: names[(k + 1) % len(names)] for k, o in enumerate(organs[: args.shared])}
        per_week = args.meetings / args.weeks
        times: list[tuple[int, float, int]] = []  # (week, seconds, meetings pushed)
        baseline: list[float] = []
        refused = collided = conflicts = made = unresolved = edits = 0
        taken: dict[str, list[tuple[str, str, int]]] = {n: [] for n in names}
        owed = 0.0
        start_all = time.perf_counter()
        for week in range(args.weeks):
            owed += per_week
            count, owed = int(owed), owed - int(owed)
            this_week: dict[str, list[tuple[str, str]]] = {n: [] for n in names}
            for _ in range(count):
                organ = rnd.choice(organs)
                who = owner[organ]
                if organ in deputy and rnd.random() < 0.25:
                    who = deputy[organ]
                day = 1 + (week * 7 + rnd.randrange(5)) % 364
                date = time.strftime("%Y-%m-%d", time.strptime(f"2026 {day}", "%Y %j"))
                this_week[who].append((organ, date))
            for n in names:
                due = [m for m, _o, when in taken[n] if when == week - 2]
                registrar = n == names[-1]
                if not this_week[n] and not due and not registrar:
                    continue  # nothing taken or adjusted this week: no sync
                on(n)
                store = Store(paths[n])
                # Taking the minutes is not what is measured: its event commits are
                # left to the sync's (the README has the cost of one event).
                store.on_event = None
                with no_fsync():
                    for organ, date in this_week[n]:
                        taken[n].append((take_meeting(store, organ, date), organ, week))
                        made += 1
                    # The adjusters' remarks on last week's meetings, before adjustment;
                    # and the registrar's corrections of any meeting of last week.
                    if registrar:
                        last = [m for k in names for m, _o, w in taken[k] if w == week - 1]
                        fixes = [m for m in last if rnd.random() < args.edits]
                    else:
                        last = [m for m, _o, w in taken[n] if w == week - 1]
                        fixes = [m for m in last if rnd.random() < args.remarks]
                    for meeting_id in fixes:
                        edits += correct_title(store, meeting_id, f"Rättat av {n}")
                report = timed_sync(paths[n], times, week, len(this_week[n]))
                while report.collisions:
                    refused += 1
                    collided += len(report.collisions)
                    try:
                        renumber(paths[n], report.collisions[0].fix)
                    except StoreError:
                        # An earlier meeting whose numbers a later, adjusted one
                        # holds: no renumbering helps; left for a person.
                        unresolved += 1
                        break
                    report = timed_sync(paths[n], times, week, 0)
                conflicts += len(report.conflicts)
                # Adjusted right after a sync, with the numbers as everyone has
                # them (as the README advises); pushed at the next sync.
                store = Store(paths[n])
                with no_fsync():
                    for meeting_id in due:
                        m = store.load(meeting_id)
                        if m.status == "closed" and not report.collisions:
                            day = dt.date.fromisoformat(m.date) + dt.timedelta(days=7)
                            adjust(store, meeting_id, day, ["Ledamot 0"])
                t0 = time.perf_counter()
                subprocess.run(["git", "fetch", "-q", "origin"], cwd=paths[n], check=True)
                baseline.append(time.perf_counter() - t0)
        total = time.perf_counter() - start_all
        for n in names:
            on(n)
            sync(paths[n])
        pushed_size = size_of(remote)
        subprocess.run(["git", "gc", "-q"], cwd=remote, check=True)
        gc_size = size_of(remote)
        everyone = {len(Store(paths[n]).by_id()) for n in names}
        spent_all = [s for _, s, _ in times]
        per_meeting = [s / c for _, s, c in times if c]
        print(
            f"{args.secretaries} secretaries, {made} meetings, {args.weeks} weeks, "
            f"{len(times)} syncs, simulated in {total:.0f} s"
        )
        print(
            f"every store has the same {everyone} meetings"
            if len(everyone) == 1
            else f"stores differ: {sorted(everyone)} meetings"
        )
        print(
            f"sync:            median {statistics.median(spent_all) * 1000:6.0f} ms   "
            f"p10 {percentile(spent_all, 0.1) * 1000:5.0f}  p90 "
            f"{percentile(spent_all, 0.9) * 1000:5.0f}  max {max(spent_all) * 1000:5.0f}"
        )
        print(f"sync per meeting pushed: median {statistics.median(per_meeting) * 1000:6.0f} ms")
        print(
            f"baseline git fetch: median {statistics.median(baseline) * 1000:6.0f} ms   "
            f"p10 {percentile(baseline, 0.1) * 1000:5.0f}  p90 "
            f"{percentile(baseline, 0.9) * 1000:5.0f}"
        )
        quarters = max(1, args.weeks // 4)
        for q in range(4):
            part = [s for w, s, _ in times if q * quarters <= w < (q + 1) * quarters]
            if part:
                print(
                    f"  quarter {q + 1}: median sync {statistics.median(part) * 1000:6.0f} ms "
                    f"({len(part)} syncs)"
                )
        print(
            f"shared repository: {pushed_size / 2**20:.1f} MiB as pushed, "
            f"{gc_size / 2**20:.1f} MiB after git gc"
        )
        print(
            f"one secretary's store: {size_of(paths[first]) / 2**20:.1f} MiB "
            f"(its .git {size_of(paths[first] / '.git') / 2**20:.1f} MiB)"
        )
        print(
            f"corrections of closed meetings: {edits}; conflict copies: {conflicts}; "
            f"syncs refused: {refused} ({collided} numbering collisions, "
            f"{unresolved} left for a person)"
        )


if __name__ == "__main__":
    main()
