"""How long saving one edit takes as the store grows.

For stores of 1, 100 and 1,000 meetings of 25 §s each, the median time to
save one edit to one meeting, beside the same edit with TinyDB's stock
single-file JSONStorage holding the same meetings, measured in the same run.

    python bench/bench_store.py [--sizes 1,100,1000] [--edits 40]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinydb import TinyDB  # noqa: E402
from tinydb.storages import JSONStorage  # noqa: E402
from tinydb.table import Document  # noqa: E402

from protokoll.store import Decision, Meeting, Paragraph, Person, Store  # noqa: E402
from protokoll.store.model import Attendee, Functions  # noqa: E402
from protokoll.store.serial import to_dict  # noqa: E402
from protokoll.store.storage import AtomicJSONStorage  # noqa: E402

WORDS = (
    "Förbundschefen redogör för läget i insatserna och arbetsutskottet diskuterar "
    "hur uppföljningen ska göras under hösten. "
) * 4


def make_meeting(i: int, organ_id: str) -> Meeting:
    year = 2000 + i // 12
    month = i % 12 + 1
    date = f"{year}-{month:02d}-15"
    paragraphs = [
        Paragraph(
            f"p{i}-{n}",
            f"Ärende {n}",
            n + 1,
            WORDS,
            decisions=[
                Decision("Arbetsutskottet beslutar att lägga informationen till handlingarna.")
            ],
        )
        for n in range(25)
    ]
    people = [Attendee(f"a{k}", f"Ledamot {k}", present=True) for k in range(7)]
    return Meeting(
        id=f"m{i:05d}",
        organ_id=organ_id,
        organ="Arbetsutskottet",
        organisation="Förbundet",
        date=date,
        start="13:00",
        status="closed",
        attendees=people,
        functions=Functions("a0", "a1", ["a2"]),
        paragraphs=paragraphs,
        created=f"{date}T09:00:00",
    )


def build(path: Path, n: int) -> list[Meeting]:
    store = Store(path)
    organ = store.add_organ(
        "Arbetsutskottet", "Förbundet", roster=[Person(f"a{k}", f"Ledamot {k}") for k in range(7)]
    )
    meetings = [make_meeting(i, organ.id) for i in range(n)]
    for m in meetings:  # written as files; the store indexes them when it opens
        db = TinyDB(path / "meetings" / f"{m.id}.json", storage=AtomicJSONStorage)
        db.table("meeting").insert(Document(to_dict(m), doc_id=1))
    return meetings


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def time_ours(path: Path, meeting_id: str, edits: int) -> float:
    store = Store(path)
    session = store.open(meeting_id)
    for k in range(3):  # warm up: first writes pay for imports and caches
        session.meeting.paragraphs[12].text = WORDS + f" Uppvärmning {k}."
        session.save()
    samples = []
    for k in range(edits):
        session.meeting.paragraphs[12].text = WORDS + f" Ändring {k}."
        t = time.perf_counter()
        session.save()
        samples.append(time.perf_counter() - t)
    session.close()
    return median_ms(samples)


def time_stock(path: Path, meetings: list[Meeting], edits: int) -> float:
    db = TinyDB(path, storage=JSONStorage)
    table = db.table("meetings")
    table.insert_multiple(to_dict(m) for m in meetings)
    target = len(meetings) // 2 + 1
    samples = []
    for k in range(edits):
        doc = table.get(doc_id=target)
        doc["paragraphs"][12]["text"] = WORDS + f" Ändring {k}."
        t = time.perf_counter()
        table.update({"paragraphs": doc["paragraphs"]}, doc_ids=[target])
        samples.append(time.perf_counter() - t)
    db.close()
    return median_ms(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            base = Path(tmp) / f"n{n}"
            meetings = build(base / "store", n)
            Store(base / "store")  # index once, as a first open would
            size_mb = sum(f.stat().st_size for f in (base / "store").rglob("*.json")) / 1e6
            ours = time_ours(base / "store", meetings[len(meetings) // 2].id, args.edits)
            stock = time_stock(base / "stock.json", meetings, max(5, args.edits // 4))
            rows.append((n, ours, stock, size_mb))
    one = rows[0][1]
    print(
        f"{'meetings':>8}  {'save (ms)':>10}  {'vs 1':>5}  {'stock TinyDB (ms)':>17}  "
        f"{'stock/ours':>10}  {'store MB':>8}"
    )
    for n, ours, stock, size_mb in rows:
        print(
            f"{n:>8}  {ours:>10.2f}  {ours / one:>5.2f}  {stock:>17.2f}  "
            f"{stock / ours:>10.1f}  {size_mb:>8.1f}"
        )
    print("save = median time to write one edited meeting, fsync and rename included")


if __name__ == "__main__":
    main()
