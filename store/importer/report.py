"""What an import noticed: irregularities in the source and where they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import StoreError
from ..words import say


@dataclass
class Notice:
    line: int | None
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "sv") -> str:
        # The words are in the catalogue: store.words.imports.
        return say(f"imports.{self.key}", lang, **self.params)


@dataclass
class Report:
    notices: list[Notice] = field(default_factory=list)

    def warn(self, line: int | None, key: str, **params: Any) -> None:
        self.notices.append(Notice(line, key, params))

    def lines(self, name: str, lang: str = "sv") -> list[str]:
        """`file:line: message`, as compilers write them, in the file's order."""
        ordered = sorted(self.notices, key=lambda n: n.line or 0)
        return [
            f"{name}:{n.line}: {n.text(lang)}" if n.line else f"{name}: {n.text(lang)}"
            for n in ordered
        ]


class Refused(StoreError):
    """An import refused for what its source says, in the import catalogue's words."""

    def text(self, lang: str = "sv") -> str:
        return say(f"imports.{self.key}", lang, **self.params)
