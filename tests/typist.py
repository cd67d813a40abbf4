"""Types into the open meeting of a store, one key at a time, reporting each.

Run by test_kill.py as a separate process, which it then kills with SIGKILL.
"""

import asyncio
import sys
import time
from pathlib import Path

from protokoll.tui.app import ProtokollApp

TEXT = (
    "Förbundschefen redogör för läget i insatserna. Arbetsutskottet diskuterar "
    "uppföljningen och hur resultaten ska redovisas för styrelsen i höst. "
) * 6


async def main(path: str) -> None:
    app = ProtokollApp(Path(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("ready", flush=True)
        for i, ch in enumerate(TEXT):
            await pilot.press(ch)
            print(i + 1, time.monotonic(), flush=True)
            await asyncio.sleep(0.005)
        await asyncio.sleep(60)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
