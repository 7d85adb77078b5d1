"""From bytes to parsed icalendar components, with line numbers and a cheap pre-filter.

Events that clearly lie outside the window (no repeats, dates well away from
it) are skipped before parsing, so a 50 MB export covering ten years is read
in seconds: only the part near the chosen dates is handed to ``icalendar``.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import icalendar
from icalendar.timezone import tzp

from visitplanner.i18n import _, format_count
from visitplanner.io.ics_import.model import (
    MAX_EVENTS,
    MAX_PARSED_BYTES,
    MAX_PARSED_LINES,
    ImportWindow,
    RefusalError,
)

TRACKED = ("VEVENT", "VFREEBUSY", "VAVAILABILITY", "AVAILABLE", "VTIMEZONE")
WRAPPABLE = {"VEVENT", "VFREEBUSY", "VAVAILABILITY", "VTIMEZONE", "VTODO", "VJOURNAL"}
REPEATING = {"RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID"}
MARGIN = timedelta(days=2)
_NAME = re.compile(r"[A-Za-z0-9-]+")
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")


@dataclass
class Parsed:
    """Calendars read from one file, and where each tracked component begins."""

    calendars: list[Any]
    begins: dict[str, list[int]]
    lines: dict[int, int] = field(default_factory=dict)
    uid_lines: dict[str, int] = field(default_factory=dict)

    def index(self) -> None:
        """Match components of ``calendars`` to the lines where they begin."""
        self.lines.clear()
        self.uid_lines.clear()
        for name in TRACKED:
            found = [c for cal in self.calendars for c in cal.walk(name)]
            if len(found) != len(self.begins[name]):
                continue
            for component, line in zip(found, self.begins[name], strict=True):
                self.lines[id(component)] = line
                uid = component.get("UID")
                if uid is not None:
                    self.uid_lines.setdefault(f"{name}/{uid}", line)

    def line_of(self, component: Any) -> int | None:
        """The line where ``component`` (or the first one with its UID) begins, if known."""
        line = self.lines.get(id(component))
        if line is None:
            line = self.uid_lines.get(f"{component.name}/{component.get('UID')}")
        return line


#: icalendar keeps the time zones of every file it reads in one process-wide table,
#: keyed by TZID; imports take turns so that each file sees only its own.
_TIME_ZONE_TABLE = threading.Lock()


@contextmanager
def own_time_zones() -> Iterator[None]:
    """Within the block, icalendar knows only the time zones of the file being read.

    A file that defines ``TZID:Office Time`` must not get the offsets of another
    file's ``Office Time`` read earlier (or of a file that was refused).
    """
    with _TIME_ZONE_TABLE:
        tzp.use_zoneinfo()
        try:
            yield
        finally:
            tzp.use_zoneinfo()


def decode(data: bytes) -> str:
    """Text of a calendar file (UTF-8, with or without a byte-order mark)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse(data: bytes, window: ImportWindow) -> Parsed:
    """Parse ``data`` into calendars; raise RefusalError if it is not a readable calendar."""
    text = decode(data)
    if not text.lstrip()[:6].upper() == "BEGIN:":
        raise RefusalError(
            "", _("this is not a calendar file (it does not start with BEGIN:VCALENDAR)")
        )
    if "\x00" in text:
        raise RefusalError("", _("this is not a calendar file (it contains binary data)"))
    filtered, begins = prefilter(text, window)
    if len(begins["VEVENT"]) > MAX_EVENTS:
        raise RefusalError(
            "",
            _("it has more than {n} events near the chosen dates; export a shorter period").format(
                n=format_count(MAX_EVENTS)
            ),
        )
    if filtered.count("\n") > MAX_PARSED_LINES or len(filtered) > MAX_PARSED_BYTES:
        raise RefusalError(
            "",
            _(
                "it holds too much in or near the chosen dates (more than {lines} lines "
                "or {mb} MB); export a shorter period"
            ).format(lines=format_count(MAX_PARSED_LINES), mb=MAX_PARSED_BYTES // 1024 // 1024),
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            components = icalendar.Component.from_ical(filtered, multiple=True)
        except Exception as exc:  # icalendar raises many kinds on damaged input
            raise RefusalError(
                "",
                _("it is damaged and cannot be read as a calendar ({reason})").format(
                    reason=brief(exc)
                ),
            ) from exc
    parsed = Parsed(_calendars(components), begins)
    parsed.index()
    return parsed


def brief(exc: BaseException) -> str:
    """A short, one-line version of a library's error message."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def _calendars(components: list[Any]) -> list[Any]:
    if not components:
        raise RefusalError("", _("this is not a calendar file (it holds no calendar)"))
    calendars: list[Any] = []
    loose = icalendar.Calendar()
    for comp in components:
        name = str(comp.name or "").upper()
        if name == "VCALENDAR":
            calendars.append(comp)
        elif name in WRAPPABLE:
            loose.add_component(comp)
        else:
            raise RefusalError(
                "",
                _("this is not a calendar file (it holds a '{name}' instead of a calendar)").format(
                    name=name[:40]
                ),
            )
    if loose.subcomponents:
        calendars.append(loose)
    return calendars


def prefilter(text: str, window: ImportWindow) -> tuple[str, dict[str, list[int]]]:
    """Drop one-off events far from the window; note where tracked components begin.

    Returns the remaining text and, for each tracked component name, the
    (1-based) line numbers of its ``BEGIN`` lines in the original file.
    """
    lines = text.split("\n")
    blocks: list[tuple[int, int, str | None, bool]] = []
    i = 0
    n = len(lines)
    while i < n:
        if _is(lines[i], "BEGIN:VEVENT"):
            j = i + 1
            while j < n and not _is(lines[j], "END:VEVENT") and not _is(lines[j], "BEGIN:VEVENT"):
                j += 1
            if j < n and _is(lines[j], "END:VEVENT"):
                uid, droppable = _judge(lines[i + 1 : j], window)
                blocks.append((i, j + 1, uid, droppable))
                i = j + 1
                continue
        i += 1
    uids = Counter(b[2] for b in blocks)
    drop = [(s, e) for s, e, uid, ok in blocks if ok and uid is not None and uids[uid] == 1]
    keep: list[str] = []
    begins: dict[str, list[int]] = {name: [] for name in TRACKED}
    pos = 0
    for start, end in [*drop, (n, n)]:
        for k in range(pos, start):
            line = lines[k]
            if line[:6].upper() == "BEGIN:":
                name = line[6:].strip().upper()
                if name in begins:
                    begins[name].append(k + 1)
            keep.append(line)
        pos = end
    return "\n".join(keep), begins


def _is(line: str, word: str) -> bool:
    return len(line) <= len(word) + 2 and line.strip().upper() == word


def _judge(body: list[str], window: ImportWindow) -> tuple[str | None, bool]:
    """UID of a VEVENT block, and whether it is a one-off clearly outside the window."""
    props: dict[str, str] = {}
    current = ""
    for raw in body:
        line = raw.rstrip("\r")
        if line[:1] in (" ", "\t"):
            current += line[1:]
            continue
        _note(current, props)
        current = line
    _note(current, props)
    uid = props.get("UID")
    if REPEATING & props.keys() or "BEGIN" in props:
        return uid, False
    start = _date_of(props.get("DTSTART"))
    if start is None:
        return uid, False
    if start > window.last_day + MARGIN:
        return uid, True
    if "DTEND" in props:
        end = _date_of(props["DTEND"])
        return uid, end is not None and end < window.first_day - MARGIN
    if "DURATION" in props:
        return uid, False
    return uid, start < window.first_day - MARGIN


def _note(line: str, props: dict[str, str]) -> None:
    match = _NAME.match(line)
    if not match:
        return
    name = match.group(0).upper()
    if name == "BEGIN" and line[5:6] == ":" and line[6:].strip().upper() == "VALARM":
        return  # alarms do not change when an event happens
    if name == "END":
        return
    props.setdefault(name, line[match.end() :])


def _date_of(rest: str | None) -> date | None:
    if rest is None:
        return None
    match = _DATE.match(rest.rsplit(":", 1)[-1].strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
