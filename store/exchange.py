"""A whole meeting as one JSON document, for export and re-import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import StoreError
from .model import SCHEMA, Meeting, Organ
from .safe_text import json_text
from .serial import ShapeError, from_dict, to_dict
from .store import Store

FORMAT = "protokoll-meeting"


def export_document(meeting: Meeting, organ: Organ | None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "organ": to_dict(organ) if organ else None,
        "meeting": to_dict(meeting),
    }


def export_json(meeting: Meeting, organ: Organ | None) -> str:
    # Controls and invisible characters as escapes: printed, the file does
    # nothing to a terminal; read back, it is the exact text.
    return json_text(export_document(meeting, organ), indent=2) + "\n"


def read_document(path: Path, data: Any) -> tuple[Meeting, Organ | None]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError("import_shape", path=path, detail='no "format": "protokoll-meeting"')
    found = data.get("schema")
    if not isinstance(found, int) or found > SCHEMA:
        raise StoreError("newer_schema", path=path, found=found, known=SCHEMA)
    try:
        meeting = from_dict(Meeting, data.get("meeting"), "meeting")
        organ = from_dict(Organ, data["organ"], "organ") if data.get("organ") else None
    except ShapeError as exc:
        raise StoreError("import_shape", path=path, detail=str(exc)) from None
    return meeting, organ


def import_document(store: Store, path: Path, data: Any) -> str:
    """Put an exported meeting into the store as it is: numbers, status, ids."""
    meeting, organ = read_document(path, data)
    if meeting.id in {s.id for s in store.summaries()}:
        raise StoreError("already_imported", path=path, meeting=meeting.id)
    try:
        store.organ(meeting.organ_id)
    except StoreError:
        store.save_organ(
            organ
            or Organ(id=meeting.organ_id, name=meeting.organ, organisation=meeting.organisation)
        )
    store.put_meeting(meeting)
    return meeting.id
