"""Dataclasses to plain JSON values and back.

Reading is strict about shape (a hand-edited file with a list where an object
belongs is reported, not half-loaded) and lenient about missing keys, which
take their defaults.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")


class ShapeError(ValueError):
    """A document does not have the shape of the dataclass it should fill."""


def to_dict(obj: Any) -> dict[str, Any]:
    return dataclasses.asdict(obj)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: Any, where: str = "") -> T:
    if not isinstance(data, dict):
        raise ShapeError(f"{where or cls.__name__}: expected an object")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{where}.{f.name}".lstrip("."))
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required field is missing
        raise ShapeError(f"{where or cls.__name__}: {exc}") from None


def _convert(tp: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(inner, value, where)
    if origin is list:
        if not isinstance(value, list):
            raise ShapeError(f"{where}: expected a list")
        (inner,) = typing.get_args(tp)
        return [_convert(inner, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value, where)
    if tp is bool:
        if not isinstance(value, bool):
            raise ShapeError(f"{where}: expected true or false")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ShapeError(f"{where}: expected a whole number")
        return value
    if tp is str:
        if not isinstance(value, str):
            raise ShapeError(f"{where}: expected text")
        return value
    return value
