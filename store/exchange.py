"""A whole meeting as one JSON document, for export and re-import."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import ids, validate
from .adjust import put_imported
from .errors import StoreError
from .model import SCHEMA, Meeting, Organ, new_id
from .safe_text import clean_all, json_text
from .serial import ShapeError, from_dict, to_dict
from .storage import damaged_detail
from .store import Store
from .words import Both, say

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
    """The meeting (and organ) in an exported document, every value checked."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError("import_shape", path=path, detail='no "format": "protokoll-meeting"')
    found = data.get("schema")
    if not isinstance(found, int) or isinstance(found, bool) or found > SCHEMA:
        raise StoreError("newer_schema", path=path, found=ids.shown(found), known=SCHEMA)
    try:
        meeting = from_dict(Meeting, data.get("meeting"), "meeting")
        organ = from_dict(Organ, data["organ"], "organ") if data.get("organ") else None
        validate.check_meeting(meeting)
        if organ is not None:
            validate.check_organ(organ)
    except ShapeError as exc:
        detail = damaged_detail(f"shape_{exc.expected}", where=exc.where)
        raise StoreError("import_shape", path=path, detail=detail) from None
    except validate.Invalid as exc:
        raise exc.error(path) from None
    # Text from elsewhere is stored as the application would store it typed.
    clean_all(meeting)
    if organ is not None:
        clean_all(organ)
    return meeting, organ


@dataclass
class Imported:
    id: str
    # Ids that could not become file names, and what they became.
    replaced: list[StoreError] = field(default_factory=list)


def import_document(store: Store, path: Path, data: Any) -> Imported:
    """Put an exported meeting into the store as it is: numbers, status, ids.

    An id that cannot name a file is replaced by a new one, and said so.
    """
    meeting, organ = read_document(path, data)
    replaced = _own_ids(path, meeting, organ)
    if store.has(meeting.id):
        raise StoreError("already_imported", path=path, meeting=meeting.id)
    made = organ or Organ(
        id=meeting.organ_id, name=meeting.organ, organisation=meeting.organisation
    )
    # Looked for on disk under the catalogue's lock: one organ, however many
    # processes import its meetings at once.
    store.organ_like(made, lambda o: o.id == meeting.organ_id)
    put_imported(store, meeting, path)
    return Imported(meeting.id, replaced)


def _own_ids(path: Path, meeting: Meeting, organ: Organ | None) -> list[StoreError]:
    said = []
    if not ids.valid(meeting.id):
        new = f"{meeting.date[:10].replace('-', '')}-{new_id(3)}"
        if not ids.valid(new):
            new = new_id()
        said.append(_replaced(path, meeting.id, new, "meeting"))
        meeting.id = new
    if not ids.valid(meeting.organ_id):
        new = new_id()
        said.append(_replaced(path, meeting.organ_id, new, "organ"))
        meeting.organ_id = new
        if organ is not None:
            organ.id = new
    elif organ is not None and organ.id != meeting.organ_id:
        organ.id = meeting.organ_id  # the meeting's word on its organ
    return said


def _replaced(path: Path, old: str, new: str, what: str) -> StoreError:
    both = Both(*(say(f"messages.id_of_{what}", lang) for lang in ("sv", "en")))
    return StoreError("id_replaced", path=path, old=ids.shown(old), new=new, what=both)
