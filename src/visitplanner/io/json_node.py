"""A JSON value that knows its place in the document, for precise error messages."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from visitplanner.i18n import _

T = TypeVar("T")

#: Largest whole number a project file may hold where no tighter bound applies.
MAX_NUMBER = 10**9
#: Longest one-line text (ids, names, addresses); notes may be longer.
MAX_LINE = 500
MAX_TEXT = 100_000
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_IN_NOTES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class BadValueError(Exception):
    """A value in a JSON document is wrong: ``place`` says where, ``problem`` what."""

    def __init__(self, place: str, problem: str) -> None:
        super().__init__(problem)
        self.place = place
        self.problem = problem


class JsonNode:
    """A JSON value with its place in the document."""

    def __init__(self, value: Any, place: str) -> None:
        self.value = value
        self.place = place

    def _child(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.place}[{key}]"
        return f"{self.place}.{key}" if self.place else key

    def obj(self) -> dict[str, Any]:
        """The value as a section (object), or refuse."""
        if not isinstance(self.value, dict):
            raise BadValueError(
                self.place or _("top level"), _("expected a section with named fields")
            )
        return self.value

    def has(self, key: str) -> bool:
        """Whether section field ``key`` is present and not null."""
        return key in self.obj() and self.obj()[key] is not None

    def get(self, key: str) -> JsonNode:
        """Required field ``key``."""
        data = self.obj()
        if key not in data:
            raise BadValueError(self._child(key), _("is missing"))
        return JsonNode(data[key], self._child(key))

    def opt(self, key: str, default: Any) -> JsonNode:
        """Optional field ``key`` (``default`` when absent)."""
        data = self.obj()
        return JsonNode(data.get(key, default), self._child(key))

    def items(self) -> list[JsonNode]:
        """The value as a list of nodes, or refuse."""
        if not isinstance(self.value, list):
            raise BadValueError(self.place, _("expected a list"))
        return [JsonNode(v, self._child(i)) for i, v in enumerate(self.value)]

    def str_(self) -> str:
        """The value as one line of text (no control characters), or refuse."""
        text = self.text()
        if len(text) > MAX_LINE:
            raise BadValueError(self.place, _("is longer than {n} characters").format(n=MAX_LINE))
        if _CONTROL.search(text):
            raise BadValueError(
                self.place, _("must be one line of text (it holds a line break or control code)")
            )
        return text

    def text(self) -> str:
        """The value as text of several lines (notes), or refuse."""
        if not isinstance(self.value, str):
            raise BadValueError(self.place, _("expected text"))
        if _SURROGATE.search(self.value) or _CONTROL_IN_NOTES.search(self.value):
            raise BadValueError(self.place, _("holds characters that are not text"))
        if len(self.value) > MAX_TEXT:
            raise BadValueError(self.place, _("is longer than {n} characters").format(n=MAX_TEXT))
        return self.value

    def nonempty(self) -> str:
        """The value as non-blank text, or refuse."""
        text = self.str_().strip()
        if not text:
            raise BadValueError(self.place, _("must not be empty"))
        return text

    def int_(self, low: int | None = None, high: int | None = None) -> int:
        """The value as a whole number within bounds, or refuse."""
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise BadValueError(self.place, _("expected a whole number"))
        high = MAX_NUMBER if high is None else high
        low = -MAX_NUMBER if low is None else low
        if self.value < low:
            raise BadValueError(self.place, _("must be at least {n}").format(n=low))
        if self.value > high:
            raise BadValueError(self.place, _("must be at most {n}").format(n=high))
        return self.value

    def bool_(self) -> bool:
        """The value as true/false, or refuse."""
        if not isinstance(self.value, bool):
            raise BadValueError(self.place, _("expected true or false"))
        return self.value

    def strs(self) -> tuple[str, ...]:
        """The value as a list of texts."""
        return tuple(n.str_() for n in self.items())

    def conv(self, fn: Callable[[str], T], what: str) -> T:
        """The text converted by ``fn``; its ValueError becomes a refusal naming ``what``."""
        try:
            return fn(self.str_())
        except ValueError as exc:
            raise BadValueError(self.place, f"{what}: {exc}") from None
        except OverflowError:
            raise BadValueError(self.place, _("{what}: out of range").format(what=what)) from None

    def enum(self, cls: Callable[[str], T], choices: list[str]) -> T:
        """The text as one of ``choices``, or refuse."""
        try:
            return cls(self.str_())
        except ValueError:
            raise BadValueError(
                self.place, _("must be one of {choices}").format(choices=", ".join(choices))
            ) from None
