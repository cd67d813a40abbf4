"""Errors the store reports to people, in Swedish and English.

Every error is one line that says what was wrong and what was kept, so that
the command line and the application can show it as it is. The words are in
the catalogue (`store.words.messages`); an error keeps its key and
parameters, and is put into words in the language asked for.
"""

from __future__ import annotations

import errno
from typing import Any

from .words import WORDS, Both, say

# Why a store cannot be written at all: a read-only mount, another user's files.
CANNOT_WRITE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def message(key: str, lang: str, **params: Any) -> str:
    """One of the store's messages, in `lang`."""
    return say(f"messages.{key}", lang, **params)


def os_detail(exc: BaseException) -> Both | str:
    """What the system said of a failed read or write, for a message's {detail}.

    Python gives the C library's words, in English whatever the locale; the
    usual cases are put in both languages (`Both`), the rest left as said.
    """
    if isinstance(exc, UnicodeDecodeError):  # "'utf-8' codec can't decode byte …"
        return Both.said("messages.damaged_not_utf8")
    code = getattr(exc, "errno", None)
    key = f"messages.os_{errno.errorcode.get(code or 0, '')}"
    if key in WORDS:
        return Both.said(key)
    return getattr(exc, "strerror", None) or str(exc)


class StoreError(Exception):
    """An error with a one-line message for people."""

    # Which of the fields a verb was given the error is about, where it knows
    # ("date"): a dialog puts the cursor there, in the field to put right.
    field: str | None = None

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.text("sv"))

    def text(self, lang: str = "sv") -> str:
        return message(self.key, lang, **self.params)


class Stopped(Exception):
    """The program is ending (`Store.stop`): a read over every meeting gave up.

    Not a StoreError: nothing is wrong, and nobody is left to be told. What
    was read is not kept as if it were all (the next start looks again)."""


class LockedError(StoreError):
    """The meeting is held for writing by another process."""


class ValueProblem(StoreError):
    """Something typed could not be understood; the message names what and why."""

    def __init__(
        self, what: str, detail: str, detail_en: str | None = None, what_en: str | None = None
    ) -> None:
        # What was typed is named in both languages ("datum '31/2'", "date '31/2'")
        # when the words differ; a value alone (a name) is the same in both.
        self.what_en = what_en or what
        self.detail_en = detail_en or detail
        super().__init__("bad_value", what=what, detail=detail)

    @classmethod
    def said(cls, what: str, detail: str, **params: Any) -> ValueProblem:
        """From the catalogue: `what` ("what_date": "datum '{text}'") and `detail`
        are keys of its "messages" area, filled from `params` (`Both` where the
        words differ by language: a month's name)."""

        def words(key: str, lang: str) -> str:
            return message(key, lang, **params)

        return cls(words(what, "sv"), words(detail, "sv"), words(detail, "en"), words(what, "en"))

    @property
    def why(self) -> Both:
        """What is wrong, in both languages, for another message's {problem}."""
        return Both(str(self.params["detail"]), self.detail_en)

    def text(self, lang: str = "sv") -> str:
        if lang != "en":
            return super().text(lang)
        return message(self.key, lang, what=self.what_en, detail=self.detail_en)
