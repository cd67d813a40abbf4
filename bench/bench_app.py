"""How fast the application starts and takes keys, against bare Textual apps.

1. Start, for stores of 1,000 and 10,000 meetings, in two cases: resuming a
   meeting in progress (25 §s, 7 people) and the start menu (no meeting in
   progress). Each run is a fresh Python process, so imports count. The
   baseline is a fresh process running a bare Textual app that composes the
   same widget types with the same rows, the same stylesheet, the same
   footer keys and the same terminal size (80 x 24). Printed, medians of
   `--runs` runs with min-max, after one run of each not counted (it fills
   the bytecode cache, as installing does):
   - first frame: CPU of the process (all threads, interpreter start
     included) and wall time from the script's first line, until the first
     screen is mounted and has been refreshed;
   - background: CPU after the first frame until every worker has finished;
   - peak memory (max RSS).
   Beside it, the CPU of the follow-up part of the background work alone
   (`store.followup.pending` on the meeting in progress), measured in this
   process, so the figure can be redone when that code changes.
2. Typing `--chars` characters at the end of § 60 of a meeting with 60 §s,
   autosave on, beside a bare app holding one TextArea. Both start from the
   same state every run: a fresh copy of the same store, the § holding the
   same 340 characters as the baseline's TextArea, the same width and height
   as the § editor in protokoll's layout at 80 x 24, the cursor at the end.
   Each key is sent as a terminal would send it, and the next one only when
   the text shows the previous one. Median ms a key over `--runs` runs.

    python bench/bench_app.py [--sizes 1000,10000] [--chars 2000] [--runs 5]
                              [--against OTHER_CHECKOUT]
"""

from __future__ import annotations

import time

START_WALL = time.perf_counter()  # the child's wall clock starts before any import

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# A child started with --against runs another checkout's protokoll (the code
# before a change), with this file's measuring.
CODE = Path(os.environ.get("BENCH_APP_CODE") or ROOT)
sys.path.insert(0, str(CODE))
sys.path.insert(0, str(ROOT / "bench"))

SIZE = (80, 24)
TEXT = (
    "Förbundschefen redogör för läget i insatserna och arbetsutskottet diskuterar "
    "uppföljningen inför hösten. "
) * 40
PARAGRAPH_TEXT = "Text om ärendet. " * 20  # 340 characters, in the § and in the baseline


# --- stores -------------------------------------------------------------------


def build_store(path: Path, n: int) -> None:
    """`n` closed meetings of 25 §s (bench_store's), written straight as files.

    The same bytes the store writes, without an fsync a file: 10,000 meetings
    in seconds. The store indexes them when it first opens (done here, once,
    as on any machine after the first start).
    """
    from bench_store import make_meeting

    from protokoll.store import Person, Store
    from protokoll.store.serial import to_dict

    store = Store(path)
    organ = store.add_organ(
        "Arbetsutskottet", "Förbundet", roster=[Person(f"a{k}", f"Ledamot {k}") for k in range(7)]
    )
    for i in range(n):
        m = make_meeting(i, organ.id)
        doc = {"meeting": {"1": to_dict(m)}}
        data = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        (path / "meetings" / f"{m.id}.json").write_bytes(data)
    Store(path)


def open_meeting(path: Path, paragraphs: int) -> str:
    """A meeting in progress with `paragraphs` §s, made through the verbs."""
    from protokoll.store import Store, verbs
    from protokoll.store.verbs import Editor

    store = Store(path)
    organ = store.organs()[0]
    s = store.create_meeting(organ.id, "2099-01-15", start="13:00")
    editor = Editor(s, saved=lambda: None)  # one write at the end, not one a verb
    editor.do(verbs.open_meeting)
    for a in s.meeting.attendees:
        editor.do(verbs.set_present, a.id, True)
    for i in range(paragraphs):
        change = editor.do(verbs.add_paragraph, f"Ärende {i + 1}")
        editor.quietly(verbs.set_text, change.paragraph, PARAGRAPH_TEXT)
    s.save()
    s.close()
    return s.meeting.id


def close_meeting(path: Path, meeting_id: str) -> None:
    """No meeting in progress any more: the application opens on the start menu."""
    from protokoll.store import Store, verbs

    s = Store(path).open(meeting_id)
    s.editor(history=False).do(verbs.close_meeting, "15:00")
    s.close()


# --- the child processes ------------------------------------------------------


def bare_app(spec: dict):
    """A Textual app composing the same widget types with the same rows as `spec`."""
    from textual.app import App
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical
    from textual.content import Content
    from textual.widgets import Footer, OptionList, Static, TextArea
    from textual.widgets.option_list import Option

    def options(rows: list[str]) -> list[Option]:
        return [Option(Content(r)) for r in rows]

    class Bare(App):
        CSS_PATH = str(ROOT / "tui" / "app.tcss")
        BINDINGS = [Binding(k, "bell", d, show=s) for k, d, s in spec["bindings"]]

        def compose(self):
            if spec["screen"] == "start":
                with Vertical(id="start"):
                    yield Static(Content("protokoll"), classes="screen-title")
                    yield Static(Content(spec["hint"]), id="start-hint")
                    yield OptionList(*options(spec["menu"]), id="menu")
                yield Footer()
                return
            with Horizontal(id="topbar"):
                yield Static(Content(spec["top"][0]), id="top-left")
                yield Static(Content(spec["top"][1]), id="top-right")
            with Horizontal(id="panes"):
                with Vertical(id="left"):
                    yield Static(Content(spec["titles"][0]), classes="pane-title")
                    yield OptionList(*options(spec["attendance"]), id="attendance")
                    yield Static(Content(spec["titles"][1]), classes="pane-title")
                    yield OptionList(*options(spec["agenda"]), id="agenda")
                with Vertical(id="right"):
                    yield OptionList(*options(spec["log"]), id="log")
                    yield Static(Content(spec["para_title"]), id="para-title")
                    yield TextArea(spec["text"], soft_wrap=True, tab_behavior="focus", id="text")
                    yield OptionList(*options(spec["items"]), id="items")
            yield Static(id="too-small")
            yield Footer()

        def on_mount(self) -> None:
            if spec["screen"] == "meeting":
                area = self.query_one(TextArea)
                area.move_cursor(area.document.end)
                area.focus()

    return Bare()


async def child(which: str, store: str, spec_file: str) -> None:
    """Start one app to its first screen, then to the end of its background work."""
    spec = json.loads(Path(spec_file).read_text(encoding="utf-8"))
    if which == "ours":
        import protokoll.tui.cli  # noqa: F401  what the `protokoll` command imports before the app
        from protokoll.tui.app import ProtokollApp

        app = ProtokollApp(Path(store))
        expected = spec["screen_class"]  # None: whichever screen comes first
    else:
        app = bare_app(spec)
        expected = "Screen"  # the bare app's default screen
    # The first frame: the first time the compositor renders the first screen
    # with its footer's keys (headless, it is rendered and not written; the
    # same in both apps). Textual's Footer makes its keys only after the screen
    # is mounted, so the bare app's first frame had an empty footer: a screen
    # with fewer widgets than ours, whose footer is made with its keys.
    first: list[float] = []
    display = app._display
    footer_keys = any(shown for _, _, shown in spec["bindings"])

    def usable(screen) -> bool:
        return not footer_keys or any(k.region.width for k in screen.query("FooterKey"))

    def displayed(screen, renderable) -> None:
        if not first and renderable is not None and not app._batch_count:
            if expected in (None, type(screen).__name__) and usable(screen):
                first.extend((time.process_time(), time.perf_counter() - START_WALL))
        display(screen, renderable)

    app._display = displayed
    async with app.run_test(size=SIZE) as pilot:
        while not first:
            await asyncio.sleep(0)
        first_cpu, first_wall = first
        if spec.get("first_only"):
            # The first frame is all that is asked: not the background work
            # after it, nor its threads, which the process would wait for.
            print(json.dumps({"first_cpu": first_cpu, "first_wall": first_wall}), flush=True)
            os._exit(0)
        # The background work: started after the first frame, waited for to its end.
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        after_cpu = time.process_time()
        await pilot.press("ctrl+q")
    rss = peak_mib()
    print(
        json.dumps(
            {
                "first_cpu": first_cpu,
                "first_wall": first_wall,
                "bg_cpu": after_cpu - first_cpu,
                "rss_mib": rss,
            }
        )
    )


def peak_mib() -> float:
    """This process's peak resident memory.

    Not getrusage's ru_maxrss: Linux carries it over from the parent across
    fork and exec, so every child would show the parent's peak.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_child(
    which: str, store: Path, spec_file: Path, cache: Path, code: Path | None = None
) -> dict:
    # Bytecode cached as an installed program has it (pip compiles at install),
    # in `cache` rather than beside the sources: with PYTHONDONTWRITEBYTECODE
    # set, as on this machine, every start would compile protokoll's modules
    # from source while Textual's come compiled, an unfair difference.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    env["BENCH_APP_CODE"] = str(code or ROOT)
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            which,
            "--store",
            str(store),
            "--spec",
            str(spec_file),
        ],
        capture_output=True,
        text=True,
        cwd=code or ROOT,
        env=env,
    )
    if out.returncode != 0:
        raise SystemExit(f"{which} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- what protokoll shows, for the baseline ------------------------------------


async def probe(store: Path) -> dict:
    """The rows, words and sizes protokoll's first screen shows in its first
    frame, for the bare app.

    Taken at that frame, not after the background work: what comes after it
    (the follow-up's rows, hundreds in an old archive) is not in the first
    frame, and a bare app made to show it would do more than ours did.
    """
    from textual.widgets import OptionList, Static, TextArea

    from protokoll.tui.app import ProtokollApp

    app = ProtokollApp(store)
    spec: dict = {}
    display = app._display

    def take(screen) -> None:
        # The footer's keys, as the screen has them (the same Footer in both).
        bindings = [
            (key, active.binding.description, active.binding.show)
            for key, active in screen.active_bindings.items()
        ]
        spec.update(screen_class=type(screen).__name__, bindings=bindings)

        def rows(name: str) -> list[str]:
            return [str(o.prompt) for o in screen.query_one(f"#{name}", OptionList).options]

        def words(name: str) -> str:
            return str(screen.query_one(name, Static).render())

        if spec["screen_class"] == "StartScreen":
            spec.update(screen="start", menu=rows("menu"), hint=words("#start-hint"))
        else:
            area = screen.query_one("#text", TextArea)
            titles = [str(w.render()) for w in screen.query(".pane-title")]
            spec.update(
                screen="meeting",
                top=[words("#top-left"), words("#top-right")],
                titles=titles,
                attendance=rows("attendance"),
                agenda=rows("agenda"),
                log=rows("log"),
                items=rows("items"),
                para_title=words("#para-title"),
                text=area.text,
                editor_size=[area.size.width, area.size.height],
                editor_outer=[area.outer_size.width, area.outer_size.height],
            )

    def displayed(screen, renderable) -> None:
        # The same moment `child` calls the first frame.
        if not spec and renderable is not None and not app._batch_count:
            if type(screen).__name__ in ("MeetingScreen", "StartScreen"):
                take(screen)
        display(screen, renderable)

    app._display = displayed
    async with app.run_test(size=SIZE) as pilot:
        while not spec:
            await asyncio.sleep(0)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
    return spec


# --- typing -------------------------------------------------------------------


async def type_keys(app, text: str, length) -> float:
    """Seconds a key: each key sent as a terminal sends it, then waited for until it shows."""
    from textual import events
    from textual.keys import _character_to_key

    driver = app._driver
    start_len = length()
    t = time.perf_counter()
    for i, ch in enumerate(text, 1):
        key = ch if ch.isalnum() else _character_to_key(ch)
        event = events.Key(key, ch)
        event.set_sender(app)
        driver.send_message(event)
        while length() < start_len + i:
            await asyncio.sleep(0)
    return (time.perf_counter() - t) / len(text)


async def time_typing_ours(template: Path, work: Path, text: str) -> float:
    from textual.widgets import TextArea

    from protokoll.tui.app import ProtokollApp
    from protokoll.tui.screens.meeting import MeetingScreen

    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(template, work)  # every run from the same state
    app = ProtokollApp(work)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        area = screen.query_one(TextArea)
        assert area.text == PARAGRAPH_TEXT, "the § must start as the baseline does"
        # Waited for the same way as the bare app: until the editor shows the
        # key. The § in the meeting follows one message later, before the
        # next key is handled, so its cost is inside the time.
        per_key = await type_keys(app, text, lambda: len(area.text))
        await pilot.pause()
        assert screen.current.text == PARAGRAPH_TEXT + text
        await pilot.press("ctrl+q")
    return per_key


async def time_typing_bare(text: str, size: tuple[int, int]) -> float:
    from textual.app import App
    from textual.widgets import TextArea

    class BareText(App):
        # The § editor's own box in protokoll's layout (border and padding included).
        CSS = f"TextArea {{ width: {size[0]}; height: {size[1]}; }}"

        def compose(self):
            yield TextArea(PARAGRAPH_TEXT, soft_wrap=True, tab_behavior="focus")

        def on_mount(self) -> None:
            area = self.query_one(TextArea)
            area.move_cursor(area.document.end)
            area.focus()

    app = BareText()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        area = app.query_one(TextArea)
        per_key = await type_keys(app, text, lambda: len(area.text))
        assert area.text == PARAGRAPH_TEXT + text
    return per_key


# --- figures ------------------------------------------------------------------


def fig(xs: list[float], scale: float = 1000.0, unit: str = "ms", digits: int = 0) -> str:
    """Median (min-max)."""
    return (
        f"{statistics.median(xs) * scale:.{digits}f} {unit} "
        f"({min(xs) * scale:.{digits}f}-{max(xs) * scale:.{digits}f})"
    )


def ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(a) / statistics.median(b)


def follow_up_cpu(store: Path, runs: int) -> list[float]:
    """CPU of `store.followup.pending` on the meeting in progress, alone."""
    from protokoll.store import Store
    from protokoll.store.followup import pending

    s = Store(store)
    meeting = s.load(next(m.id for m in s.summaries() if m.status == "open"))
    times = []
    for _ in range(runs):
        t = time.process_time()
        pending(Store(store), meeting)
        times.append(time.process_time() - t)
    return times


async def bench_start(tmp: Path, n: int, runs: int, against: Path | None) -> None:
    store = tmp / f"s{n}"
    t = time.perf_counter()
    build_store(store, n)
    print(f"(store of {n} meetings written and indexed in {time.perf_counter() - t:.1f} s)")
    meeting_id = open_meeting(store, 25)
    for case in ("meeting", "start"):
        if case == "start":
            close_meeting(store, meeting_id)
        spec = await probe(store)
        assert spec["screen"] == case, spec["screen"]
        spec_file = tmp / f"spec-{n}-{case}.json"
        spec_file.write_text(json.dumps(spec), encoding="utf-8")
        ours: list[dict] = []
        bare: list[dict] = []
        cache = tmp / "pycache"
        run_child("ours", store, spec_file, cache)  # not counted: fills the bytecode cache
        run_child("bare", store, spec_file, cache)
        other: list[dict] = []
        if against:
            run_child("ours", store, spec_file, cache, against)
        for _ in range(runs):  # alternated, so that load on the machine falls on all
            ours.append(run_child("ours", store, spec_file, cache))
            bare.append(run_child("bare", store, spec_file, cache))
            if against:
                other.append(run_child("ours", store, spec_file, cache, against))

        def col(rows: list[dict], key: str) -> list[float]:
            return [r[key] for r in rows]

        label = "resuming a meeting (25 §s)" if case == "meeting" else "start menu"
        print(f"start, {n} meetings, {label}, {runs} runs, median (min-max):")
        for key, name in (("first_cpu", "first frame, CPU"), ("first_wall", "first frame, wall")):
            print(
                f"  {name:18} protokoll {fig(col(ours, key))}, bare Textual "
                f"{fig(col(bare, key))}, ratio {ratio(col(ours, key), col(bare, key)):.2f}"
                " (aim <= 1.3)"
            )
        print(
            f"  {'background, CPU':18} protokoll {fig(col(ours, 'bg_cpu'))}, bare Textual "
            f"{fig(col(bare, 'bg_cpu'))} (aim < 100 ms)"
        )
        print(
            f"  {'peak memory':18} protokoll {fig(col(ours, 'rss_mib'), 1, 'MiB')}, "
            f"bare Textual {fig(col(bare, 'rss_mib'), 1, 'MiB')}"
        )
        if against:
            for key in ("first_cpu", "bg_cpu"):
                print(
                    f"  {key:18} code in {against}: {fig(col(other, key))}, "
                    f"ratio to bare {ratio(col(other, key), col(bare, key)):.2f}"
                )
        if case == "meeting":
            print(
                f"  {'of which follow-up':18} store.followup.pending alone: "
                f"{fig(follow_up_cpu(store, runs))} CPU"
            )
    shutil.rmtree(store)


async def bench_typing(tmp: Path, chars: int, runs: int) -> None:
    text = TEXT[:chars]
    template = tmp / "typing"
    build_store(template, 1)
    open_meeting(template, 60)
    spec = await probe(template)
    size = tuple(spec["editor_outer"])
    ours, bare = [], []
    # Once each, not counted: the first run in a process pays for imports and caches.
    await time_typing_ours(template, tmp / "typing-run", text[:50])
    await time_typing_bare(text[:50], size)
    for _ in range(runs):
        ours.append(await time_typing_ours(template, tmp / "typing-run", text))
        bare.append(await time_typing_bare(text, size))
    print(
        f"typing {len(text)} chars after the 340 of § 60 of 60, autosave on, editor "
        f"{size[0]}x{size[1]} in both, {runs} runs, median (min-max):\n"
        f"  protokoll {fig(ours, digits=2)}/key, bare TextArea {fig(bare, digits=2)}/key, "
        f"ratio {ratio(ours, bare):.2f} (aim <= 1.5)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip", default="", help="start or typing")
    parser.add_argument(
        "--against", type=Path, help="another checkout (the code before), started in the same runs"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--spec", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        await child(args.child, args.store, args.spec)
        return
    with tempfile.TemporaryDirectory() as tmp:
        if "start" not in args.skip:
            for n in (int(x) for x in args.sizes.split(",")):
                await bench_start(Path(tmp), n, args.runs, args.against)
        if "typing" not in args.skip:
            await bench_typing(Path(tmp), args.chars, args.runs)


if __name__ == "__main__":
    asyncio.run(main())
