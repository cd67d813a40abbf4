"""The interface shows and routes; only the verbs in `store/` change a meeting or an organ.

Read from the source: any assignment in `tui/` to a field of a store
dataclass (`p.title = …`, `a.present = …`, `setattr(p, …)`), or any call that
changes one of their lists (`p.decisions.append(…)`, `del p.tasks[0]`), fails
this test and names the line. The screen's own attributes (`self.meeting = …`)
are its state, not the meeting's.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
from pathlib import Path

from protokoll.store import model

TUI = Path(__file__).resolve().parent.parent / "tui"

DATACLASSES = [
    cls
    for _, cls in inspect.getmembers(model, inspect.isclass)
    if dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__
]
FIELDS = {f.name for cls in DATACLASSES for f in dataclasses.fields(cls)}
LIST_FIELDS = {
    f.name
    for cls in DATACLASSES
    for f in dataclasses.fields(cls)
    if str(f.type).startswith(("list", "dict"))
}
MUTATORS = {
    "append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse",
    "update", "setdefault", "popitem", "__setitem__", "__delitem__",
}  # fmt: skip


def _on_self(node: ast.expr) -> bool:
    """`self.x`: a widget's or screen's own attribute, not a domain object's."""
    return isinstance(node, ast.Name) and node.id in ("self", "cls")


def _domain_field(node: ast.expr, fields: set[str]) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in fields and not _on_self(node.value)


def offences(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        where = f"{filename}:{getattr(node, 'lineno', '?')}"
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in targets:
            elements = target.elts if isinstance(target, ast.Tuple) else [target]
            for t in elements:
                if _domain_field(t, FIELDS):
                    found.append(f"{where}: assigns .{t.attr}")
                if isinstance(t, ast.Subscript) and _domain_field(t.value, LIST_FIELDS):
                    found.append(f"{where}: changes an item of .{t.value.attr}")
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in ("setattr", "delattr"):
                found.append(f"{where}: {func.id}() on an object")
            if (
                isinstance(func, ast.Attribute)
                and func.attr in MUTATORS
                and _domain_field(func.value, LIST_FIELDS)
            ):
                found.append(f"{where}: .{func.value.attr}.{func.attr}()")
    return found


def test_no_module_under_tui_changes_a_store_dataclass():
    found = []
    for path in sorted(TUI.rglob("*.py")):
        found += offences(path.read_text(encoding="utf-8"), str(path.relative_to(TUI.parent)))
    assert found == []


def test_the_check_catches_each_way_of_changing_one():
    # The test above is only worth its pass if these fail it.
    for line in (
        "p.title = 'x'",
        "a.present, a.left = True, None",
        "p.decisions.append(d)",
        "where.followups.remove(f)",
        "del p.tasks[0]",
        "p.votes[0] = v",
        "m.functions.adjusters.remove(x)",
        "setattr(entry, 'text', v)",
        "item.status += 'x'",
    ):
        assert offences(line, "t.py"), line
    for line in ("self.meeting = m", "self.current = -1", "widget.highlighted = 3", "x = p.title"):
        assert not offences(line, "t.py"), line
