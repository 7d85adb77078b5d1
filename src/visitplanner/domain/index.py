"""Derived facts about a visit, computed once and shared by solver and checker.

The :class:`VisitIndex` expands activities into occurrences, converts everyone's
availability into visit minutes, and answers language questions. It is built
once per visit (not per mouse move).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from visitplanner.domain.activity import Activity
from visitplanner.domain.availability import Level
from visitplanner.domain.clock import hhmm, visit_minute
from visitplanner.domain.people import Participant, Side
from visitplanner.domain.schedule import occurrence_key
from visitplanner.domain.visit import Visit
from visitplanner.i18n import _


@dataclass(frozen=True)
class DayWindow:
    """A window on a given day, clipped to the visit's daily bounds (minutes)."""

    day: int
    start: int
    end: int

    @property
    def abs_start(self) -> int:
        """Start in visit minutes."""
        return visit_minute(self.day, self.start)

    @property
    def abs_end(self) -> int:
        """End in visit minutes."""
        return visit_minute(self.day, self.end)


@dataclass(frozen=True)
class Occurrence:
    """One activity to place once: a per-day activity gives one per day."""

    key: str
    activity: Activity
    day: int | None
    windows: tuple[DayWindow, ...]

    @property
    def title(self) -> str:
        """The activity title, with the day for per-day activities."""
        if self.day is None:
            return self.activity.title
        return _("{title} (day {n})").format(title=self.activity.title, n=self.day)


@dataclass(frozen=True)
class Stretch:
    """A stretch of a person's time at one level, in visit minutes."""

    start: int
    end: int
    level: Level


class VisitIndex:
    """Precomputed lookups for one visit."""

    def __init__(self, visit: Visit) -> None:
        self.visit = visit
        self.people: dict[str, Participant] = {p.id: p for p in visit.participants}
        self.activities: dict[str, Activity] = {a.id: a for a in visit.activities}
        self.occurrences: tuple[Occurrence, ...] = tuple(_expand(visit))
        self.by_key: dict[str, Occurrence] = {o.key: o for o in self.occurrences}
        self.interpreters: tuple[str, ...] = tuple(
            p.id for p in visit.participants if p.side is Side.INTERPRETER
        )

    @cached_property
    def stretches(self) -> dict[str, tuple[Stretch, ...]]:
        """Per person, their non-available stretches (unavailable or if need be)."""
        out: dict[str, tuple[Stretch, ...]] = {}
        for pid in self.people:
            avail = self.visit.availability_of(pid)
            found: list[Stretch] = []
            for day, date_ in enumerate(self.visit.dates, start=1):
                for seg in avail.day_segments(date_, self.visit.zone):
                    if seg.level is not Level.AVAILABLE:
                        found.append(
                            Stretch(
                                visit_minute(day, seg.start), visit_minute(day, seg.end), seg.level
                            )
                        )
            out[pid] = tuple(found)
        return out

    def busy(self, pid: str) -> tuple[Stretch, ...]:
        """Stretches when ``pid`` is unavailable."""
        return self._by_level[Level.UNAVAILABLE][pid]

    def if_need_be(self, pid: str) -> tuple[Stretch, ...]:
        """Stretches when ``pid`` is free only if need be."""
        return self._by_level[Level.IF_NEED_BE][pid]

    @cached_property
    def _by_level(self) -> dict[Level, dict[str, tuple[Stretch, ...]]]:
        """The stretches split by level once (the checker asks on every drag step)."""
        return {
            level: {
                pid: tuple(s for s in found if s.level is level)
                for pid, found in self.stretches.items()
            }
            for level in (Level.UNAVAILABLE, Level.IF_NEED_BE)
        }

    def free_spans(self, pid: str, day: int) -> list[tuple[int, int]]:
        """Minutes-of-day spans when ``pid`` is not unavailable on ``day``."""
        lo, hi = visit_minute(day, 0), visit_minute(day, 1440)
        spans = [(lo, hi)]
        for s in self.busy(pid):
            if s.end <= lo or s.start >= hi:
                continue
            spans = [
                piece
                for a, b in spans
                for piece in ((a, min(b, s.start)), (max(a, s.end), b))
                if piece[1] > piece[0]
            ]
        return [(a - lo, b - lo) for a, b in spans]

    def needs_interpreter(self, attendees: tuple[str, ...] | list[str]) -> bool:
        """Whether ``attendees`` (interpreters aside) share no common language."""
        common: set[str] | None = None
        for pid in attendees:
            person = self.people.get(pid)
            if person is None or person.side is Side.INTERPRETER:
                continue
            langs = set(person.languages)
            common = langs if common is None else common & langs
        return common is not None and not common

    def languages(self) -> tuple[str, ...]:
        """Every language spoken by a non-interpreter, sorted."""
        langs = {
            lang
            for p in self.people.values()
            if p.side is not Side.INTERPRETER
            for lang in p.languages
        }
        return tuple(sorted(langs))

    def name(self, pid: str) -> str:
        """A participant's name (or the id when unknown)."""
        person = self.people.get(pid)
        return person.name if person else pid


def _expand(visit: Visit) -> list[Occurrence]:
    out: list[Occurrence] = []
    for act in visit.activities:
        wins = [
            DayWindow(day, max(w.start, visit.day_start), min(w.end, visit.day_end))
            for w in act.windows
            for day in (range(1, visit.n_days + 1) if w.day is None else [w.day])
            if 1 <= day <= visit.n_days
        ]
        wins = [w for w in wins if w.end > w.start]
        if act.per_day:
            for day in sorted({w.day for w in wins}):
                day_wins = tuple(w for w in wins if w.day == day)
                out.append(Occurrence(occurrence_key(act.id, day), act, day, day_wins))
        else:
            out.append(Occurrence(occurrence_key(act.id, None), act, None, tuple(wins)))
    return out


def window_text(windows: tuple[DayWindow, ...]) -> str:
    """Windows as words: ``"day 1 07:30-09:00, day 2 07:30-09:00"``."""
    return ", ".join(
        _("day {n} {start}-{end}").format(n=w.day, start=hhmm(w.start), end=hhmm(w.end))
        for w in windows
    )
