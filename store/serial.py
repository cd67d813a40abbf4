"""Dataclasses to plain JSON values and back.

Reading is strict about shape (a hand-edited file with a list where an object
belongs is reported, not half-loaded) and lenient about missing keys, which
take their defaults. Each class's reader is built once from its type hints,
so that opening a thousand index rows stays cheap.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
Reader = Callable[[Any, str], Any]


class ShapeError(ValueError):
    """A document does not have the shape of the dataclass it should fill.

    `where` is the place in the document ("Meeting.date"), `expected` what
    should stand there ("object", "list", "text", "number", "bool"; "field"
    for a required one missing, "kind" for one of the wrong kind), so that it
    can be said in either language ("messages.damaged_shape_<expected>"); the
    exception's text is the English.
    """

    def __init__(self, where: str, expected: str) -> None:
        super().__init__(f"{where}: expected {_EXPECTED[expected]}")
        self.where = where
        self.expected = expected


_EXPECTED = {
    "object": "an object",
    "list": "a list",
    "text": "text",
    "number": "a whole number",
    "bool": "true or false",
    "field": "a field that is missing",
    "kind": "a value of another kind",
}


def to_dict(obj: Any) -> dict[str, Any]:
    """`dataclasses.asdict`, the same result at a fraction of the cost.

    asdict deep-copies every value through a generic path; a snapshot of a
    meeting is taken on every save, so each class gets a writer of its own,
    made once from its fields.
    """
    return _writer(type(obj))(obj)


_PLAIN = (str, int, float, bool, type(None))


def _value(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:
        return [_value(v) for v in value]
    if kind is dict:
        return {k: _value(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return _writer(kind)(value)
    return copy.deepcopy(value)  # what asdict does with anything else


@functools.cache
def _writer(cls: type) -> Callable[[Any], dict[str, Any]]:
    fields = dataclasses.fields(cls)
    names = [f.name for f in fields]
    # Fields marked OMIT_EMPTY are written only when they hold something, so
    # that documents without them (all meetings taken in the program, and
    # every one written before they existed) keep the shape they had.
    optional = {f.name for f in fields if f.metadata.get(OMIT_EMPTY)}
    # OMIT_NONE: written unless None, where 0 is a value (a count, a place).
    unset = {f.name for f in fields if f.metadata.get(OMIT_NONE)}

    def write(obj: Any) -> dict[str, Any]:
        out = {}
        for name in names:
            value = getattr(obj, name)
            if (name in optional and not value) or (name in unset and value is None):
                continue
            out[name] = _value(value)
        return out

    return write


OMIT_EMPTY = "omit_empty"
OMIT_NONE = "omit_none"


def from_dict(cls: type[T], data: Any, where: str = "") -> T:
    return _reader(cls)(data, where or cls.__name__)


@functools.cache
def _reader(cls: type) -> Reader:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls)]
    required = [
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]

    def read(data: Any, where: str) -> Any:
        if not isinstance(data, dict):
            raise ShapeError(where, "object")
        kwargs = {}
        for name, convert in fields:
            if name in data:
                kwargs[name] = convert(data[name], f"{where}.{name}")
        try:
            return cls(**kwargs)
        except TypeError:  # a required field is missing
            missing = next((n for n in required if n not in kwargs), "")
            raise ShapeError(f"{where}.{missing}" if missing else where, "field") from None

    return read


def _scalar(kind: type, what: str) -> Reader:
    def read(value: Any, where: str) -> Any:
        # bool is an int in Python; a true/false where a number belongs is wrong.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ShapeError(where, what)
        return value

    return read


_SCALARS = {
    bool: _scalar(bool, "bool"),
    int: _scalar(int, "number"),
    str: _scalar(str, "text"),
}


def _converter(tp: Any) -> Reader:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        convert = _converter(inner)
        return lambda value, where: None if value is None else convert(value, where)
    if origin is list:
        (inner,) = typing.get_args(tp)
        convert = _converter(inner)

        def read_list(value: Any, where: str) -> list:
            if not isinstance(value, list):
                raise ShapeError(where, "list")
            return [convert(v, f"{where}[{i}]") for i, v in enumerate(value)]

        return read_list
    if dataclasses.is_dataclass(tp):
        return lambda value, where: _reader(tp)(value, where)
    return _SCALARS.get(tp, lambda value, where: value)
