"""When participants are free: ranges with a level, painted in order.

Ranges are stored as aware datetimes, so a range typed in London time and one
typed in Paris time mean exactly what they say, across daylight-saving changes.
Later ranges paint over earlier ones; time not covered by any range has the
availability's ``default`` level (unavailable unless said otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from visitplanner.domain.clock import MINUTES_PER_DAY
from visitplanner.i18n import _


class Level(StrEnum):
    """How free a participant is."""

    AVAILABLE = "available"
    IF_NEED_BE = "if_need_be"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class AvailabilityRange:
    """A stretch of time at one level; ``start`` and ``end`` are time-zone aware."""

    start: datetime
    end: datetime
    level: Level

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError(_("availability times must carry a time zone"))
        if self.end <= self.start:
            raise ValueError(
                _("availability range ends ({end}) before it starts ({start})").format(
                    end=f"{self.end:%Y-%m-%d %H:%M}", start=f"{self.start:%Y-%m-%d %H:%M}"
                )
            )


@dataclass(frozen=True)
class Segment:
    """A piece of one visit day, in minutes from midnight (visit time zone)."""

    start: int
    end: int
    level: Level


@dataclass(frozen=True)
class Availability:
    """A participant's availability: ranges painted in order over a default level."""

    ranges: tuple[AvailabilityRange, ...] = ()
    default: Level = Level.UNAVAILABLE

    def painted(self, extra: Iterable[AvailabilityRange]) -> Availability:
        """A copy with ``extra`` ranges painted over this one."""
        return Availability(self.ranges + tuple(extra), self.default)

    def day_segments(self, day: date, zone: str) -> tuple[Segment, ...]:
        """Levels over ``day`` in ``zone``, as contiguous segments covering 00:00-24:00."""
        tz = ZoneInfo(zone)
        day_start = datetime.combine(day, time(0), tz)
        day_end = datetime.combine(day + timedelta(days=1), time(0), tz)
        levels = [self.default] * MINUTES_PER_DAY
        for rng in self.ranges:
            if rng.end <= day_start or rng.start >= day_end:
                continue
            lo = _minute_of(max(rng.start, day_start), day, tz)
            hi = _minute_of(min(rng.end, day_end), day, tz)
            levels[lo:hi] = [rng.level] * (hi - lo)
        return _segments(levels)


def _minute_of(moment: datetime, day: date, tz: ZoneInfo) -> int:
    local = moment.astimezone(tz)
    if local.date() > day:
        return MINUTES_PER_DAY
    return local.hour * 60 + local.minute


def _segments(levels: Sequence[Level]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    start = 0
    for i in range(1, len(levels) + 1):
        if i == len(levels) or levels[i] != levels[start]:
            out.append(Segment(start, i, levels[start]))
            start = i
    return tuple(out)


def local_range(
    day: date, start_minute: int, end_minute: int, zone: str, level: Level
) -> AvailabilityRange:
    """A range on ``day`` between two wall-clock minutes in ``zone``."""
    tz = ZoneInfo(zone)
    midnight = datetime.combine(day, time(0))
    start = (midnight + timedelta(minutes=start_minute)).replace(tzinfo=tz)
    end = (midnight + timedelta(minutes=end_minute)).replace(tzinfo=tz)
    return AvailabilityRange(start, end, level)
