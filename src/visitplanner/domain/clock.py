"""Wall-clock helpers: minutes from midnight, and "visit minutes" across days.

A *visit minute* is ``(day - 1) * 1440 + minute_of_day`` in the visit's time zone,
with ``day`` counted from 1. Solver and checker both work in visit minutes.
"""

from __future__ import annotations

from visitplanner.i18n import _

MINUTES_PER_DAY = 1440


def parse_hhmm(text: str) -> int:
    """Parse ``"HH:MM"`` into minutes from midnight (``"24:00"`` is allowed)."""
    parts = text.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise ValueError(_("'{text}' is not a time of day like 09:30").format(text=text))
    hours, minutes = int(parts[0]), int(parts[1])
    if minutes >= 60 or hours > 24 or (hours == 24 and minutes > 0):
        raise ValueError(_("'{text}' is not a time of day like 09:30").format(text=text))
    return hours * 60 + minutes


def hhmm(minute_of_day: int) -> str:
    """Format minutes from midnight as ``"HH:MM"``."""
    return f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"


def visit_minute(day: int, minute_of_day: int) -> int:
    """Absolute visit minute of ``minute_of_day`` on ``day`` (1-based)."""
    return (day - 1) * MINUTES_PER_DAY + minute_of_day


def split_visit_minute(t: int) -> tuple[int, int]:
    """Inverse of :func:`visit_minute`: ``(day, minute_of_day)``."""
    return t // MINUTES_PER_DAY + 1, t % MINUTES_PER_DAY


def duration_text(minutes: int) -> str:
    """Say a duration the way people do: ``"1 h 30 min"``, ``"45 min"``."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} h {rest:02d} min"
    if hours:
        return f"{hours} h"
    return f"{rest} min"
