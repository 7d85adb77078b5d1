"""Mutations of project files (structure-aware) and calendars (lines and bytes).

Every mutation takes its decisions from a :class:`Chooser`, so the same code
serves hypothesis (which can shrink a failing case) and ``benchmarks/fuzz.py``
(plain ``random.Random``, for long runs).
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Chooser(Protocol):
    """Where a mutation's decisions come from."""

    def integer(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high`` inclusive."""
        ...


def pick(chooser: Chooser, items: Sequence[T]) -> T:
    """One of ``items``."""
    return items[chooser.integer(0, len(items) - 1)]


class RandomChooser:
    """Decisions from ``random.Random`` (for long benchmark runs)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``."""
        return self.rng.randint(low, high)


class DataChooser:
    """Decisions drawn from hypothesis (so failures shrink)."""

    def __init__(self, data: Any) -> None:
        from hypothesis import strategies as st

        self.data = data
        self.st = st

    def integer(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``."""
        value: int = self.data.draw(self.st.integers(low, high))
        return value


# --- project files -------------------------------------------------------------------

ODD_VALUES: tuple[Any, ...] = (
    0, -1, 1, 7, 60, 1441, 2**31, 2**62, 2**63, 10**30, -(2**62), 1.5, 1e308, float("nan"),
    True, False, None, [], {}, [[[]]], "", " ", "\n", "a\x00b", "\ud800", "x" * 600,
    "Line one\nline two", "9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01", "2027-02-29",
    "1900-01-01", "2999-12-31", "1900-01-01T00:00", "2999-12-31T23:59", "1911-03-10T23:50",
    "2027-03-23", "2027-03-23T10:00", "2027-03-23T10:00:30", "2027-03-23T10:00+01:00:30",
    "2027-03-23T10:00+14:00", "9999-12-31T23:59", "0001-01-01T00:00", "2027-03-28T02:30",
    "2027-10-31T02:30", "24:00", "23:59", "00:00", "25:00", "7:5", "Europe/Paris", "UTC",
    "Not/AZone", "../../etc/passwd", "mon", "available", "if_need_be", "formal", "informal",
    "host", "visitor", "interpreter", "en", "fr", "Cllr Morag Baird", "NUL", "all",
)  # fmt: skip
RAW_EDITS = ("cut", "digits", "dupe", "bom", "nest")


def mutate_project(text: str, chooser: Chooser, rounds: int | None = None) -> bytes:
    """A damaged copy of a project file: values replaced, parts moved, text cut."""
    doc = json.loads(text)
    for _ in range(rounds if rounds is not None else chooser.integer(1, 4)):
        paths = _paths(doc)
        if not paths:
            break
        path = pick(chooser, paths)
        action = pick(chooser, ("value", "value", "value", "drop", "splice", "dupe", "swap"))
        if action == "value":
            _set(doc, path, copy.deepcopy(pick(chooser, ODD_VALUES)))
        elif action == "drop" and path:
            _drop(doc, path)
        elif action == "splice":
            _set(doc, path, copy.deepcopy(_get(doc, pick(chooser, paths))))
        elif action in ("dupe", "swap"):
            _list_edit(doc, path, action, chooser)
    raw = json.dumps(doc, ensure_ascii=chooser.integer(0, 1) == 1, indent=1)
    if chooser.integer(0, 5) == 0:
        raw = _raw_edit(raw, chooser)
    return raw.encode("utf-8", "surrogatepass")


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    if path:
        _get(doc, path[:-1])[path[-1]] = value


def _drop(doc: Any, path: tuple[Any, ...]) -> None:
    parent = _get(doc, path[:-1])
    del parent[path[-1]]


def _list_edit(doc: Any, path: tuple[Any, ...], action: str, chooser: Chooser) -> None:
    target = _get(doc, path)
    if not isinstance(target, list) or not target:
        return
    i = chooser.integer(0, len(target) - 1)
    if action == "dupe":
        target.insert(i, copy.deepcopy(target[i]))
    else:
        j = chooser.integer(0, len(target) - 1)
        target[i], target[j] = target[j], target[i]


def _raw_edit(raw: str, chooser: Chooser) -> str:
    action = pick(chooser, RAW_EDITS)
    at = chooser.integer(0, len(raw))
    if action == "cut":
        return raw[:at]
    if action == "digits":
        return raw[:at] + "9" * chooser.integer(1, 6000) + raw[at:]
    if action == "dupe":
        return raw[:at] + raw[at : at + chooser.integer(1, 400)] + raw[at:]
    if action == "bom":
        return "\ufeff" + raw
    depth = chooser.integer(1, 3000)
    return raw[:at] + "[" * depth + "]" * depth + raw[at:]


# --- calendars -----------------------------------------------------------------------

ODD_LINES: tuple[bytes, ...] = (
    b"RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    b"RRULE:FREQ=SECONDLY",
    b"RRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30",
    b"RRULE:FREQ=DAILY;COUNT=5;BYMONTH=2;BYMONTHDAY=31",
    b"RRULE:FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1",
    b"RRULE:FREQ=MONTHLY;BYSETPOS=40;BYDAY=MO",
    b"RRULE:FREQ=WEEKLY;INTERVAL=0",
    b"RRULE:FREQ=HOURLY;UNTIL=99991231T235959Z",
    b"EXRULE:FREQ=SECONDLY",
    b"EXRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30",
    b"RDATE:99991231T235959Z",
    b"EXDATE:00010101T000000Z",
    b"DTSTART:99991231T235959Z",
    b"DTSTART:00010101T000000",
    b"DTSTART;VALUE=DATE:20260303",
    b"DTEND:20260303T100040Z",
    b"DURATION:PT40S",
    b"DURATION:-P1D",
    b"DURATION:P99999999W",
    b"TZOFFSETTO:+2400",
    b"TZOFFSETFROM:-0000",
    b"TZID:Office Time",
    b"DTSTART;TZID=Office Time:20260303T150000",
    b"RECURRENCE-ID:20260303T100000Z",
    b"UID:same",
    b"STATUS:TENTATIVE",
    b"TRANSP:TRANSPARENT",
    b"FREEBUSY:20260303T100000Z/20260303T100040Z",
    b"FREEBUSY:20260303T100000Z/PT0S",
    b"BEGIN:VEVENT",
    b"END:VEVENT",
    b"BEGIN:VTIMEZONE",
    b"END:VTIMEZONE",
    b"BEGIN:VAVAILABILITY",
    b"BEGIN:AVAILABLE",
    b"X-WR-TIMEZONE:Not/AZone",
    b"X-WR-TIMEZONE:Pacific/Kiritimati",
    b"CALSCALE:HEBREW",
    b" folded continuation",
)
ODD_BYTES: tuple[bytes, ...] = (
    b":",
    b";",
    b"\r\n",
    b"\r\n ",
    b"=",
    b",",
    b"Z",
    b"\x00",
    b"\xff",
    b"\r",
)


def mutate_calendar(raw: bytes, chooser: Chooser, rounds: int | None = None) -> bytes:
    """A damaged copy of a calendar: lines inserted, dropped, swapped, bytes changed."""
    data = bytearray(raw)
    for _ in range(rounds if rounds is not None else chooser.integer(1, 4)):
        lines = bytes(data).split(b"\n")
        action = pick(chooser, ("line", "line", "drop", "swap", "dupe", "byte", "cut", "flip"))
        i = chooser.integer(0, len(lines) - 1)
        if action == "line":
            lines.insert(i, pick(chooser, ODD_LINES) + b"\r")
        elif action == "drop":
            del lines[i]
        elif action == "swap":
            j = chooser.integer(0, len(lines) - 1)
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "dupe":
            lines[i:i] = lines[i : i + chooser.integer(1, 40)] * chooser.integer(1, 3)
        if action in ("line", "drop", "swap", "dupe"):
            data = bytearray(b"\n".join(lines))
            continue
        at = chooser.integer(0, len(data))
        if action == "byte":
            data[at:at] = pick(chooser, ODD_BYTES)
        elif action == "cut":
            del data[at : at + chooser.integer(1, 60)]
        elif data:
            data[min(at, len(data) - 1)] = chooser.integer(0, 255)
    return bytes(data)
