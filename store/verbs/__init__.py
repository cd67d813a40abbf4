"""The verbs: the one way a meeting or an organ is changed.

Each verb checks its rules and either changes the meeting and returns a
`Change` that says what it did, or raises a one-line StoreError and changes
nothing. The application, the command line and scripts call the same verbs,
through an `Editor` that keeps the undo history and saves.

After adjustment only a rättelse, the anslag, the publication mask and an SSH
signature may be added: `store.adjust` (`adjust`, `correct`, `post`,
`add_signatures`) does those, the signature through `add_signature`.
"""

from __future__ import annotations

from .change import Change, Editor, restore
from .details import set_details
from .history import History
from .items import (
    ItemRef,
    add_decision,
    add_note,
    add_proposal,
    add_reservation,
    add_task,
    add_vote,
    declare_jav,
    due_date,
    edit_item,
    edit_task,
    follow_up,
    remove_item,
    replace_vote,
    set_immediate,
    set_masked,
    set_order,
    unfollow,
)
from .organ import (
    add_member,
    change_organ,
    edit_member,
    edit_organ,
    join_roster,
    retire_member,
    set_roster,
    standing_agenda,
)
from .paragraphs import (
    add_item,
    add_paragraph,
    defer_item,
    delete_paragraph,
    drop_item,
    move_item,
    move_paragraph,
    next_item,
    plan_followups,
    rename_paragraph,
    set_current,
    set_text,
    take_item,
)
from .people import (
    add_guest,
    all_members_present,
    arrive,
    leave,
    set_present,
    set_signature_title,
    substitute,
    toggle_function,
)
from .signatures import add_signature
from .status import close_meeting, open_meeting, reopen_meeting

__all__ = [
    # organs and rosters
    "add_member",
    "change_organ",
    "edit_member",
    "edit_organ",
    "join_roster",
    "retire_member",
    "set_roster",
    "standing_agenda",
    "Change",
    "Editor",
    "History",
    "ItemRef",
    "restore",
    "add_decision",
    "add_guest",
    "add_item",
    "add_note",
    "add_paragraph",
    "add_proposal",
    "add_signature",
    "add_reservation",
    "add_task",
    "add_vote",
    "replace_vote",
    "arrive",
    "close_meeting",
    "set_details",
    "declare_jav",
    "due_date",
    "defer_item",
    "drop_item",
    "delete_paragraph",
    "edit_item",
    "edit_task",
    "follow_up",
    "leave",
    "move_item",
    "move_paragraph",
    "open_meeting",
    "plan_followups",
    "remove_item",
    "rename_paragraph",
    "reopen_meeting",
    "set_current",
    "set_immediate",
    "set_masked",
    "set_order",
    "set_present",
    "all_members_present",
    "set_signature_title",
    "set_text",
    "substitute",
    "next_item",
    "take_item",
    "toggle_function",
    "unfollow",
]
