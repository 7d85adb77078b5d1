"""Helpers shared by the calendar-import tests."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from visitplanner.domain import Level
from visitplanner.io.ics_import import BusyInterval, read_calendar_bytes

#: Outlook's VTIMEZONE for London, named with its Windows zone name.
OUTLOOK_ZONE = """
BEGIN:VTIMEZONE
TZID:GMT Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T010000
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""


def cal(*parts: str, head: str = "") -> bytes:
    """A VCALENDAR around ``parts`` (each a component's lines), CRLF line ends."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    lines += [ln for ln in head.strip().splitlines()]
    for part in parts:
        lines += [ln.strip() for ln in part.strip().splitlines()]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def event(uid: str, *props: str) -> str:
    """A VEVENT with ``uid`` and the given property lines."""
    return "\n".join(["BEGIN:VEVENT", f"UID:{uid}", *props, "END:VEVENT"])


def at(zone: str, y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """An aware datetime in ``zone``."""
    return datetime(y, mo, d, h, mi, tzinfo=ZoneInfo(zone))


def read(data: bytes, zone: str, first: date, last: date) -> list[tuple[datetime, datetime, Level]]:
    """Import ``data`` and return plain tuples for easy comparison."""
    return spans(read_calendar_bytes(data, "test.ics", zone, first, last))


def spans(intervals: list[BusyInterval]) -> list[tuple[datetime, datetime, Level]]:
    """Intervals as ``(start, end, level)`` tuples."""
    return [(iv.start, iv.end, iv.level) for iv in intervals]
