"""A schedule: where and when each activity occurrence happens, and who attends."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from visitplanner.domain.clock import visit_minute


def occurrence_key(activity_id: str, day: int | None) -> str:
    """Key of an occurrence: the activity id, plus ``@day`` for per-day activities."""
    return activity_id if day is None else f"{activity_id}@{day}"


@dataclass(frozen=True)
class Placement:
    """One occurrence placed in the programme (times in minutes from midnight)."""

    key: str
    activity_id: str
    day: int
    start: int
    end: int
    venue: str
    attendees: tuple[str, ...]
    pinned: bool = False

    @property
    def length(self) -> int:
        """Length in minutes."""
        return self.end - self.start

    @property
    def abs_start(self) -> int:
        """Start in visit minutes."""
        return visit_minute(self.day, self.start)

    @property
    def abs_end(self) -> int:
        """End in visit minutes."""
        return visit_minute(self.day, self.end)

    def moved(self, day: int, start: int) -> Placement:
        """The same occurrence moved to ``start`` on ``day``, keeping its length."""
        return replace(self, day=day, start=start, end=start + self.length)


@dataclass(frozen=True)
class Schedule:
    """The programme: a placement per scheduled occurrence."""

    placements: tuple[Placement, ...] = ()

    def __iter__(self) -> Iterator[Placement]:
        return iter(self.placements)

    def __len__(self) -> int:
        return len(self.placements)

    def get(self, key: str) -> Placement | None:
        """The placement of occurrence ``key``, if scheduled."""
        for p in self.placements:
            if p.key == key:
                return p
        return None

    def with_placement(self, placement: Placement) -> Schedule:
        """A copy with ``placement`` added or replacing the one with its key."""
        rest = tuple(p for p in self.placements if p.key != placement.key)
        return Schedule(tuple(sorted((*rest, placement), key=_order)))

    def without(self, key: str) -> Schedule:
        """A copy with occurrence ``key`` unscheduled."""
        return Schedule(tuple(p for p in self.placements if p.key != key))

    def sorted(self) -> Schedule:
        """A copy in time order."""
        return Schedule(tuple(sorted(self.placements, key=_order)))

    def on_day(self, day: int) -> tuple[Placement, ...]:
        """Placements on ``day`` in time order."""
        return tuple(sorted((p for p in self.placements if p.day == day), key=_order))


def _order(p: Placement) -> tuple[int, int, str]:
    return (p.day, p.start, p.key)
