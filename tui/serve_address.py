"""`protokoll serve --address`: read when the command line is, without the server's libraries."""

from __future__ import annotations

DEFAULT_ADDRESS = ("127.0.0.1", 8765)  # this computer only, until the secretary names another


def parse_address(text: str) -> tuple[str, int]:
    """`HOST:PORT`, `[::1]:PORT`, or `:PORT` (on 127.0.0.1); a ValueError if none of them."""
    host, sep, port = text.strip().rpartition(":")
    if not sep or not port.isdigit() or int(port) > 65535:
        raise ValueError(text)
    if host.startswith("[") != host.endswith("]"):
        raise ValueError(text)
    return host.strip("[]") or DEFAULT_ADDRESS[0], int(port)
