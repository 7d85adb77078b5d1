"""Where things go on the calendar: days side by side, time running down.

Pure arithmetic (no widgets), so it is shared by the scene, the view and tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from visitplanner.domain import Placement, Side, Visit
from visitplanner.i18n import _, format_short_day

HEADER = 50.0  # space at the top for day names (drawn by the view, always visible)
BAND = 36.0  # height of the day-name band drawn over the top of the view
AXIS = 56.0  # width of one time axis
MIN_DAY_WIDTH = 220.0
GAP = 6.0  # space between day columns


@dataclass(frozen=True)
class Geometry:
    """Maps (day, minute) to scene coordinates and back."""

    day_start: int
    day_end: int
    n_days: int
    slot: int
    axes: int = 1
    day_width: float = 320.0
    px_per_minute: float = 1.2

    @property
    def left(self) -> float:
        """x of the first day column."""
        return AXIS * self.axes + GAP

    @property
    def width(self) -> float:
        """Total scene width."""
        return self.left + self.n_days * (self.day_width + GAP)

    @property
    def height(self) -> float:
        """Total scene height."""
        return self.y_of(self.day_end) + 12.0

    def x_of_day(self, day: int) -> float:
        """x of the left edge of ``day``'s column (days are 1-based)."""
        return self.left + (day - 1) * (self.day_width + GAP)

    def y_of(self, minute: int | float) -> float:
        """y of a minute of the day."""
        return HEADER + (minute - self.day_start) * self.px_per_minute

    def day_at(self, x: float) -> int:
        """The day column under ``x``, clamped to the visit's days."""
        day = int((x - self.left) // (self.day_width + GAP)) + 1
        return min(max(day, 1), self.n_days)

    def minute_at(self, y: float) -> float:
        """The (unsnapped) minute of the day at ``y``."""
        return self.day_start + (y - HEADER) / self.px_per_minute

    def snap(self, minute: float) -> int:
        """``minute`` rounded to the nearest slot boundary."""
        return round((minute - self.day_start) / self.slot) * self.slot + self.day_start

    def clamp_start(self, start: int, length: int) -> int:
        """A start that keeps a block of ``length`` inside the day."""
        return min(max(start, self.day_start), self.day_end - length)

    def hours(self) -> list[int]:
        """Whole hours (as minutes) from the day start to the day end."""
        first = -(-self.day_start // 60) * 60
        return list(range(first, self.day_end + 1, 60))


def lanes(placements: Sequence[Placement]) -> dict[str, tuple[int, int]]:
    """Side-by-side layout of overlapping blocks of one day.

    Returns for each key its ``(lane, lanes in its cluster)``: blocks that
    overlap share the column width.
    """
    out: dict[str, tuple[int, int]] = {}
    cluster: list[tuple[Placement, int]] = []
    lane_ends: list[int] = []
    cluster_end = -1

    def flush() -> None:
        for placement, lane in cluster:
            out[placement.key] = (lane, len(lane_ends))

    for p in sorted(placements, key=lambda q: (q.start, -q.end, q.key)):
        if cluster and p.start >= cluster_end:
            flush()
            cluster, lane_ends, cluster_end = [], [], -1
        for lane, end in enumerate(lane_ends):
            if end <= p.start:
                lane_ends[lane] = p.end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(p.end)
        cluster.append((p, lane))
        cluster_end = max(cluster_end, p.end)
    if cluster:
        flush()
    return out


def home_zone(visit: Visit) -> str | None:
    """The visitors' most common home time zone, when it differs from the visit's."""
    counts: dict[str, int] = {}
    for person in visit.people_on(Side.VISITOR):
        counts[person.home_zone] = counts.get(person.home_zone, 0) + 1
    if not counts:
        return None
    zone = max(sorted(counts), key=lambda z: counts[z])
    return None if zone == visit.zone else zone


def zone_label(zone: str) -> str:
    """Short name of a time zone: ``"Europe/London"`` -> ``"London"``."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def other_zone_time(visit: Visit, zone: str, minute: int) -> str:
    """Wall-clock time in ``zone`` at ``minute`` of the visit's first day."""
    base = datetime.combine(visit.dates[0], time(0), ZoneInfo(visit.zone))
    hours, mins = divmod(minute, 60)
    moment = base.replace(hour=hours % 24, minute=mins)
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local.hour:02d}:{local.minute:02d}"


def capitalized(text: str) -> str:
    """``text`` with its first letter in capitals (the rest untouched)."""
    return text[:1].upper() + text[1:]


def day_heading(visit: Visit, day: int) -> str:
    """A day column's name: ``"Day 1 · Tue 2 Jun"`` (in the user's language)."""
    if 1 <= day <= visit.n_days:
        return _("Day {n} · {date}").format(n=day, date=format_short_day(visit.dates[day - 1]))
    return _("Day {n}").format(n=day)
