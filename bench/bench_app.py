"""How fast the application starts and takes keys, against bare Textual apps.

1. Start to first usable screen with a store of 1,000 meetings (resuming a
   meeting in progress), beside a bare Textual app composing the same
   widgets with the same rows.
2. Time per keystroke typing 2,000 characters into a § of a meeting with
   60 §s, autosave on, beside a bare app holding one TextArea fed the same
   keys the same way. Each key is sent as a terminal would send it, and the
   next one only when the text shows the previous one.

Both are measured in the same run, several times, and the medians compared.

    python bench/bench_app.py [--meetings 1000] [--chars 2000] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import build  # noqa: E402
from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import Horizontal, Vertical  # noqa: E402
from textual.content import Content  # noqa: E402
from textual.keys import _character_to_key  # noqa: E402
from textual.widgets import Footer, OptionList, Static, TextArea  # noqa: E402
from textual.widgets.option_list import Option  # noqa: E402

from store import Store  # noqa: E402
from tui.app import ProtokollApp  # noqa: E402
from tui.i18n import t  # noqa: E402
from tui.screens.meeting import MeetingScreen  # noqa: E402

TEXT = (
    "Förbundschefen redogör för läget i insatserna och arbetsutskottet diskuterar "
    "uppföljningen inför hösten. "
) * 40


def open_meeting(path: Path, paragraphs: int) -> str:
    store = Store(path)
    organ = store.organs()[0]
    s = store.create_meeting(organ.id, "2099-01-15", start="13:00")
    s.meeting.status = "open"
    for a in s.meeting.attendees:
        a.present = True
    for i in range(paragraphs):
        p = s.add_paragraph(f"Ärende {i + 1}")
        p.text = "Text om ärendet. " * 20
    s.save()
    s.close()
    return s.meeting.id


class Bare(App):
    """The same widgets as the meeting screen, with the same rows and layout, no store."""

    CSS_PATH = str(Path(__file__).resolve().parent.parent / "tui" / "app.tcss")
    # The same keys in the footer (never pressed here).
    BINDINGS = [
        dataclasses.replace(b, description=t(b.description)) for b in MeetingScreen.BINDINGS
    ]

    def __init__(self, rows: dict[str, list[str]], text: str) -> None:
        super().__init__()
        self.rows, self.text = rows, text

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(Content("top"), id="top-left")
            yield Static(Content("beslutför"), id="top-right")
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Static(Content("Närvaro"), classes="pane-title")
                yield OptionList(
                    *[Option(Content(r)) for r in self.rows["attendance"]], id="attendance"
                )
                yield Static(Content("Dagordning"), classes="pane-title")
                yield OptionList(*[Option(Content(r)) for r in self.rows["agenda"]], id="agenda")
            with Vertical(id="right"):
                yield OptionList(*[Option(Content(r)) for r in self.rows["log"]], id="log")
                yield Static(Content("§"), id="para-title")
                yield TextArea(self.text, soft_wrap=True, id="text")
                yield OptionList(id="items")
        yield Static(id="too-small")
        yield Footer()


class BareText(App):
    def compose(self) -> ComposeResult:
        yield TextArea(soft_wrap=True)


async def time_start(make) -> float:
    t = time.perf_counter()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0)
        elapsed = time.perf_counter() - t
        await pilot.press("ctrl+q")
    return elapsed


async def type_keys(app: App, text: str, length) -> float:
    """Seconds per key: each key sent, then waited for until it shows."""
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


async def time_typing_ours(path: Path, text: str) -> float:
    app = ProtokollApp(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        area = screen.query_one(TextArea)
        # Waited for the same way as the bare app: until the editor shows the
        # key. The § in the meeting follows one message later, before the
        # next key is handled, so its cost is inside the time.
        per_key = await type_keys(app, text, lambda: len(area.text))
        await pilot.pause()
        assert screen.current.text.endswith(text)
        await pilot.press("ctrl+q")
    return per_key


async def time_typing_bare(text: str) -> float:
    app = BareText()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        area = app.query_one(TextArea)
        per_key = await type_keys(app, text, lambda: len(area.text))
    return per_key


def median(xs: list[float]) -> float:
    return statistics.median(xs)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = TEXT[: args.chars]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big"
        build(big, args.meetings)
        open_meeting(big, 25)
        Store(big)  # the index is made once, as on any machine after the first start

        # The bare app shows the rows the meeting screen shows.
        probe = ProtokollApp(big)
        async with probe.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = probe.screen
            rows = {
                name: [str(o.prompt) for o in screen.query_one(f"#{name}").options]
                for name in ("attendance", "agenda", "log")
            }
            current = screen.current.text
            await pilot.press("ctrl+q")

        ours, bare = [], []
        for _ in range(args.runs):
            ours.append(await time_start(lambda: ProtokollApp(big)))
            bare.append(await time_start(lambda: Bare(rows, current)))
        print(
            f"start, {args.meetings} meetings: protokoll {median(ours) * 1000:.0f} ms, "
            f"bare Textual {median(bare) * 1000:.0f} ms, ratio {median(ours) / median(bare):.2f}"
            " (aim <= 1.3)"
        )

        typing = Path(tmp) / "typing"
        build(typing, 1)
        open_meeting(typing, 60)
        ours, bare = [], []
        for _ in range(max(1, args.runs // 2)):
            ours.append(await time_typing_ours(typing, text))
            bare.append(await time_typing_bare(text))
        print(
            f"typing {len(text)} chars into § 60 of 60, autosave on: protokoll "
            f"{median(ours) * 1000:.2f} ms/key, bare TextArea {median(bare) * 1000:.2f} ms/key, "
            f"ratio {median(ours) / median(bare):.2f} (aim <= 1.5)"
        )


if __name__ == "__main__":
    asyncio.run(main())
