"""A large archive for the benchmarks, written straight as meeting files.

`build(path, n)` makes a store of `n` meetings of 25 §s each in three organs:
varied Swedish text, a decision in every §, a task in every seventh, and from
the fourth meeting of an organ on, follow-ups of the tasks of its meeting
three before (every other one done) and the previous protocol reported. The
meeting files are written as JSON directly, from one dict per meeting, so
that 10,000 meetings take seconds, not the minutes saving them would.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

from protokoll.store import Person, Store
from protokoll.store.model import AgendaItem, Attendee, Functions, Meeting, Paragraph
from protokoll.store.serial import to_dict

ORGANS = ["arbetsutskottet", "styrelsen", "beredningsgruppen"]
ORGANISATION = "Samordningsförbundet Bench"
COMMON = (
    "och att som för med till av på är det om en ska har de inte under från vid "
    "förbundet insatsen deltagare uppföljning beslut ärendet redovisning "
    "arbetsutskottet styrelsen kommunen regionen insatser försäkringskassan "
    "arbetsförmedlingen information förslag diskussion medel kronor projekt rapport "
    "ekonomi samverkan kvartal verksamhetsplan budget handlingarna ansökan förlängning"
).split()
SYLLABLES = "ar be dö fa gi hå ke lu mä no pe rö sa ti un vå bri kla stö tra".split()
TASK_EVERY = 7  # a task in § 1, 8, 15, 22
FOLLOW_BACK = 3  # a meeting follows up the tasks of its organ's meeting three before


def meeting_id(i: int) -> str:
    return f"{_date(i).replace('-', '')}-{i:05d}"


def _date(i: int) -> str:
    year = 2010 + i // 264  # 264 meetings a year: 88 per organ
    day = i % 264
    return f"{year}-{day // 22 + 1:02d}-{day % 22 + 3:02d}"


class _Text:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        vocabulary = {
            "".join(self.rng.choices(SYLLABLES, k=self.rng.randint(2, 4))) for _ in range(3000)
        }
        self.words = COMMON + sorted(vocabulary)
        self.weights = list(itertools.accumulate(1 / (rank + 2) for rank in range(len(self.words))))

    def __call__(self, n: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.weights, k=n))


# A meeting's fixed parts, made once through the model so the files have its shape.
_PEOPLE = [Attendee(f"a{k}", f"Ledamot{k} Efternamn", present=True) for k in range(9)]
_SHELL = to_dict(
    Meeting(
        id="",
        organ_id="",
        organ="",
        organisation=ORGANISATION,
        date="",
        start="13:00",
        status="closed",
        attendees=_PEOPLE,
        functions=Functions("a0", "a1", ["a2"]),
    )
)
_PARAGRAPH = to_dict(Paragraph("", ""))
_TASK_KEYS = {"owner_name": "", "done": False, "done_note": ""}
_ITEM = to_dict(AgendaItem("", ""))


def meeting_doc(i: int, text: _Text) -> dict:
    organ = ORGANS[i % len(ORGANS)]
    date = _date(i)
    doc = json.loads(json.dumps(_SHELL))
    doc.update(
        id=meeting_id(i),
        organ_id=organ,
        organ=organ.capitalize(),
        date=date,
        created=f"{date}T09:00:00",
    )
    earlier = i - FOLLOW_BACK * len(ORGANS)  # the same organ, three meetings before
    previous = i - len(ORGANS)
    paragraphs = []
    for n in range(25):
        p = dict(_PARAGRAPH)
        p.update(
            id=f"p{i}-{n}",
            title=text(4).capitalize(),
            number=n + 1,
            text=text(text.rng.randint(30, 90)),
        )
        decision = "att lägga informationen till handlingarna" if n % 4 == 0 else "att " + text(12)
        p["decisions"] = [{"text": decision}]
        p["tasks"] = []
        p["followups"] = []
        if n % TASK_EVERY == 0:
            p["tasks"] = [
                {
                    "id": f"t{i}-{n}",
                    "text": text(8),
                    "owner": "a3",
                    "due": f"{date[:4]}-12-01",
                    **_TASK_KEYS,
                }
            ]
        if n == 2 and earlier >= 0:
            p["followups"] = [
                {
                    "task": f"t{earlier}-{k}",
                    "meeting": meeting_id(earlier),
                    "date": _date(earlier),
                    "number": k + 1,
                    "text": "uppföljning",
                    "owner": "Ledamot3 Efternamn",
                    "done": k % 2 == 0,
                    "note": "",
                }
                for k in range(0, 25, TASK_EVERY)
            ]
        paragraphs.append(p)
    doc["paragraphs"] = paragraphs
    if previous >= 0:
        item = dict(_ITEM)
        item.update(
            id=f"i{i}",
            title="Föregående protokoll",
            kind="previous",
            ref=meeting_id(previous),
            paragraph=f"p{i}-1",
            status="done",
        )
        doc["agenda"] = [item]
    return doc


def build(path: Path, n: int, seed: int = 4) -> int:
    """A store of `n` meetings at `path`; returns the meeting files' size in bytes."""
    store = Store(path)
    for organ in ORGANS:
        store.add_organ(
            organ.capitalize(),
            ORGANISATION,
            roster=[Person(f"a{k}", f"Ledamot{k} Efternamn") for k in range(9)],
            organ_id=organ,
        )
    text = _Text(seed)
    total = 0
    for i in range(n):
        doc = meeting_doc(i, text)
        raw = json.dumps(
            {"meeting": {"1": doc}}, ensure_ascii=False, indent=1, sort_keys=True
        ).encode()
        (path / "meetings" / f"{doc['id']}.json").write_bytes(raw)
        total += len(raw)
    Store(path)  # index the files into the catalogue, as a first start would
    return total
