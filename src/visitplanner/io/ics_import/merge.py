"""Merging, clipping and painting busy intervals; turning them into availability ranges."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from visitplanner.domain import Availability, AvailabilityRange, Level
from visitplanner.io.ics_import.model import BusyInterval

Span = tuple[datetime, datetime]


def union(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping spans; overlapping or touching spans are joined."""
    out: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def subtract(spans: Sequence[Span], holes: Sequence[Span]) -> list[Span]:
    """``spans`` minus ``holes`` (both sorted and non-overlapping)."""
    out: list[Span] = []
    j = 0
    for start, end in spans:
        cur = start
        while j < len(holes) and holes[j][1] <= cur:
            j += 1
        k = j
        while k < len(holes) and holes[k][0] < end:
            if holes[k][0] > cur:
                out.append((cur, holes[k][0]))
            cur = max(cur, holes[k][1])
            k += 1
        if cur < end:
            out.append((cur, end))
    return out


def clip(spans: Iterable[Span], lo: datetime, hi: datetime) -> list[Span]:
    """Spans cut to ``[lo, hi)``; empty ones dropped."""
    return [(max(s, lo), min(e, hi)) for s, e in spans if e > lo and s < hi]


def merge(intervals: Iterable[BusyInterval], lo: datetime, hi: datetime) -> list[BusyInterval]:
    """Merge same-level intervals, let unavailable win over if-need-be, clip to ``[lo, hi)``.

    Results are sorted by start and expressed in ``lo``'s time zone.
    """
    by_level: dict[Level, list[Span]] = {Level.UNAVAILABLE: [], Level.IF_NEED_BE: []}
    for iv in intervals:
        if iv.level in by_level:
            by_level[iv.level].append((iv.start, iv.end))
    hard = union(clip(by_level[Level.UNAVAILABLE], lo, hi))
    soft = subtract(union(clip(by_level[Level.IF_NEED_BE], lo, hi)), hard)
    tz = lo.tzinfo
    out = [BusyInterval(s.astimezone(tz), e.astimezone(tz), Level.UNAVAILABLE) for s, e in hard]
    out += [BusyInterval(s.astimezone(tz), e.astimezone(tz), Level.IF_NEED_BE) for s, e in soft]
    out.sort(key=lambda iv: (iv.start, iv.end))
    return out


def to_availability_ranges(
    intervals: Iterable[BusyInterval],
    over: Availability | None = None,
    zone: str = "UTC",
    slot: int = 1,
) -> tuple[AvailabilityRange, ...]:
    """Ranges to paint over a person's availability (``Availability.painted``).

    Busy time is rounded outward to whole ``slot``-minute steps of the wall
    clock in ``zone`` (at least whole minutes): a 40-second call makes its
    slot busy, and no range ever ends where it starts. With ``over`` (the
    availability being painted), if-need-be intervals only cover time that was
    available: a tentative meeting at night must not make someone more
    available than before.
    """
    out: list[AvailabilityRange] = []
    tz = ZoneInfo(zone)
    for raw in intervals:
        if raw.end <= raw.start:
            continue
        iv = BusyInterval(
            _round(raw.start, tz, slot, up=False), _round(raw.end, tz, slot, up=True), raw.level
        )
        if over is None or iv.level is not Level.IF_NEED_BE:
            out.append(AvailabilityRange(iv.start, iv.end, iv.level))
            continue
        for start, end in _available_parts(over, iv.start, iv.end, zone):
            out.append(AvailabilityRange(start, end, Level.IF_NEED_BE))
    return tuple(out)


def _available_parts(over: Availability, start: datetime, end: datetime, zone: str) -> list[Span]:
    """Parts of ``[start, end)`` where ``over`` says available (minute precision)."""
    tz = ZoneInfo(zone)
    parts: list[Span] = []
    day = start.astimezone(tz).date()
    while datetime.combine(day, datetime.min.time(), tz) < end:
        midnight = datetime.combine(day, datetime.min.time())
        for seg in over.day_segments(day, zone):
            if seg.level is not Level.AVAILABLE:
                continue
            seg_start = (midnight + timedelta(minutes=seg.start)).replace(tzinfo=tz)
            seg_end = (midnight + timedelta(minutes=seg.end)).replace(tzinfo=tz)
            parts += clip([(seg_start, seg_end)], start, end)
        day += timedelta(days=1)
    return union(parts)


def _round(moment: datetime, tz: ZoneInfo, slot: int, *, up: bool) -> datetime:
    """``moment`` moved to a ``slot``-minute step of the wall clock (earlier or later).

    Falls back to whole UTC minutes where the wall clock jumps (daylight-saving
    changes), so the result is never on the wrong side of ``moment``.
    """
    step = max(1, slot)
    local = moment.astimezone(tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    seconds = (local.replace(tzinfo=None) - midnight).total_seconds()
    steps = seconds / (step * 60)
    whole = math.ceil(steps) if up else math.floor(steps)
    candidate = (midnight + timedelta(minutes=whole * step)).replace(tzinfo=tz)
    if (candidate >= moment) if up else (candidate <= moment):
        return candidate.astimezone(moment.tzinfo)
    utc = moment.astimezone(UTC).replace(second=0, microsecond=0)
    if up and utc < moment:
        utc += timedelta(minutes=1)
    return utc.astimezone(moment.tzinfo)
