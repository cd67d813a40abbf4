"""The undo history of an open meeting, kept on disk so that it outlives a restart.

    STORE/history/<meeting id>.jsonl

One line per event, appended: a change made (with the meeting as it was
before it), an undo or a redo (with the meeting as it was before that), each
with a fingerprint of the meeting after it. Reading the lines again gives
both stacks back, if the meeting is still as the last line left it: a
meeting changed since by something that kept no history (a script, a hand
edit) starts with an empty one, so an undo never takes back what it did not
see. The history is a convenience, never the record: a damaged or missing
file gives an empty history, and the meeting file stays the truth.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import ids
from ..errors import StoreError
from ..storage import FILE_MODE, atomic_write, make_private_dir

# Past this many lines the file is written anew with the steps still held.
COMPACT_AT = 400
DEPTH = 100


def fingerprint(doc: dict) -> str:
    """The meeting's record, without the § texts and the § on screen.

    Those change without a history line (the editor has its own undo), and
    an undo keeps them as they are.
    """
    record = {k: v for k, v in doc.items() if k != "current"}
    record["paragraphs"] = [
        {k: v for k, v in p.items() if k != "text"} for p in doc.get("paragraphs", [])
    ]
    raw = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


@dataclass
class Step:
    """One change that can be undone (or redone): its words and the meeting before it."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    paragraph: str | None = None
    state: dict = field(default_factory=dict)

    def line(self, op: str, after: str = "") -> dict:
        return {
            "op": op,
            "key": self.key,
            "params": self.params,
            "paragraph": self.paragraph,
            "state": self.state,
            "after": after,
        }


class History:
    def __init__(self, store_path: Path, meeting_id: str) -> None:
        self.dir = Path(store_path) / "history"
        self.path = self.dir / f"{ids.checked(meeting_id)}.jsonl"
        self._lines = 0

    def load(self, now: dict | None = None) -> tuple[list[Step], list[Step]]:
        """(done, undone) as they were left; empty if the meeting `now` is not as
        the history last left it."""
        done: list[Step] = []
        undone: list[Step] = []
        try:
            raw = self.path.read_text(encoding="utf-8")
        except OSError:
            return done, undone
        after = None
        for text in raw.splitlines():
            self._lines += 1
            try:
                line = json.loads(text)
                op, state = line["op"], line["state"]
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a kill: the rest still counts
            after = line.get("after")
            if op == "do":
                done.append(Step(line["key"], line.get("params", {}), line.get("paragraph"), state))
                undone = []
            elif op == "undo" and done:
                step = done.pop()
                undone.append(Step(step.key, step.params, step.paragraph, state))
            elif op == "redo" and undone:
                step = undone.pop()
                done.append(Step(step.key, step.params, step.paragraph, state))
        if now is not None and after != fingerprint(now):
            return [], []
        return done[-DEPTH:], undone[-DEPTH:]

    def did(self, step: Step, after: dict) -> None:
        self._append(step.line("do", fingerprint(after)))

    def undid(self, state: dict, after: dict) -> None:
        self._append({"op": "undo", "state": state, "after": fingerprint(after)})

    def redid(self, state: dict, after: dict) -> None:
        self._append({"op": "redo", "state": state, "after": fingerprint(after)})

    def _append(self, line: dict) -> None:
        try:
            make_private_dir(self.dir)
            # Not through a link: appending would write into its target.
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
            flags |= getattr(os, "O_BINARY", 0)  # Windows: each line ends in "\n" alone
            fd = os.open(self.path, flags, FILE_MODE)
            with os.fdopen(fd, "a", encoding="utf-8", newline="\n") as f:
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        except (OSError, StoreError):  # StoreError: a history folder others can write to
            return  # undo is lost, the record is not: the meeting file is saved apart
        self._lines += 1
        if self._lines > COMPACT_AT:
            self._compact()

    def _compact(self) -> None:
        last = self._last_after()
        done, undone = self.load()
        lines = [s.line("do") for s in done]
        # Redo steps are written as done-then-undone, which reads back the same.
        for step in reversed(undone):
            lines.append(Step(step.key, step.params, step.paragraph, {}).line("do"))
        for step in undone:
            lines.append({"op": "undo", "state": step.state})
        if lines:
            lines[-1]["after"] = last
        data = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
        try:
            atomic_write(self.path, data.encode("utf-8"))
        except (OSError, StoreError):  # atomic_write says its OSError as a StoreError
            return
        self._lines = len(lines)

    def _last_after(self) -> str:
        try:
            *_, text = self.path.read_text(encoding="utf-8").splitlines()
            return json.loads(text).get("after", "")
        except (OSError, ValueError, AttributeError):
            return ""

    def forget(self) -> None:
        """After adjustment nothing can be undone: the file goes."""
        try:
            self.path.unlink()
        except OSError:
            pass
