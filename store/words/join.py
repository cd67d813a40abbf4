"""Putting parts of the catalogue together, refusing a key defined twice."""

from __future__ import annotations

from collections.abc import Mapping


def joined(*parts: Mapping[str, tuple[str, str]], prefix: str = "") -> dict[str, tuple[str, str]]:
    """The parts as one dict; a key in two of them is an error, never a silent override."""
    out: dict[str, tuple[str, str]] = {}
    for part in parts:
        for key, pair in part.items():
            name = prefix + key
            if name in out:
                raise ValueError(f"the catalogue defines {name!r} twice")
            out[name] = pair
    return out
