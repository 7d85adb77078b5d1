"""A JSON value that knows its place in the document, for precise error messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


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
            raise BadValueError(self.place or "top level", "expected a section with named fields")
        return self.value

    def has(self, key: str) -> bool:
        """Whether section field ``key`` is present and not null."""
        return key in self.obj() and self.obj()[key] is not None

    def get(self, key: str) -> JsonNode:
        """Required field ``key``."""
        data = self.obj()
        if key not in data:
            raise BadValueError(self._child(key), "is missing")
        return JsonNode(data[key], self._child(key))

    def opt(self, key: str, default: Any) -> JsonNode:
        """Optional field ``key`` (``default`` when absent)."""
        data = self.obj()
        return JsonNode(data.get(key, default), self._child(key))

    def items(self) -> list[JsonNode]:
        """The value as a list of nodes, or refuse."""
        if not isinstance(self.value, list):
            raise BadValueError(self.place, "expected a list")
        return [JsonNode(v, self._child(i)) for i, v in enumerate(self.value)]

    def str_(self) -> str:
        """The value as text, or refuse."""
        if not isinstance(self.value, str):
            raise BadValueError(self.place, "expected text")
        return self.value

    def nonempty(self) -> str:
        """The value as non-blank text, or refuse."""
        text = self.str_().strip()
        if not text:
            raise BadValueError(self.place, "must not be empty")
        return text

    def int_(self, low: int | None = None, high: int | None = None) -> int:
        """The value as a whole number within bounds, or refuse."""
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise BadValueError(self.place, "expected a whole number")
        if low is not None and self.value < low:
            raise BadValueError(self.place, f"must be at least {low}")
        if high is not None and self.value > high:
            raise BadValueError(self.place, f"must be at most {high}")
        return self.value

    def bool_(self) -> bool:
        """The value as true/false, or refuse."""
        if not isinstance(self.value, bool):
            raise BadValueError(self.place, "expected true or false")
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

    def enum(self, cls: Callable[[str], T], choices: list[str]) -> T:
        """The text as one of ``choices``, or refuse."""
        try:
            return cls(self.str_())
        except ValueError:
            raise BadValueError(self.place, f"must be one of {', '.join(choices)}") from None
