"""A hand-made programme for the Paris demo, shared by the UI tests (no solver needed)."""

from __future__ import annotations

from dataclasses import replace

from visitplanner.domain import Placement, Project, Schedule, Visit
from visitplanner.domain.clock import parse_hhmm, visit_minute
from visitplanner.domain.index import VisitIndex
from visitplanner.domain.schedule import occurrence_key

# (activity, day, start, end, venue) — a programme that keeps every rule.
PARIS_PLAN = (
    ("breakfast", 1, "07:45", "08:30", "hotel"),
    ("mainstreaming", 1, "09:00", "11:00", "city-hall"),
    ("lunch", 1, "12:00", "13:15", "city-hall"),
    ("evaluation", 1, "14:00", "15:30", "pb-office"),
    ("informal", 1, "15:45", "17:00", "pb-office"),
    ("steering", 1, "17:30", "19:00", "city-hall"),
    ("dinner", 1, "19:30", "21:30", "restaurant"),
    ("breakfast", 2, "07:30", "08:15", "hotel"),
    ("digitising", 2, "08:45", "10:15", "pb-office"),
    ("lunch", 2, "12:00", "13:00", "pb-office"),
    ("debrief", 2, "13:30", "14:30", "hotel"),
)


def free(index: VisitIndex, pid: str, day: int, start: int, end: int) -> bool:
    """Whether ``pid`` is not busy between ``start`` and ``end`` on ``day``."""
    lo, hi = visit_minute(day, start), visit_minute(day, end)
    return not any(s.start < hi and lo < s.end for s in index.busy(pid))


def paris_schedule(visit: Visit) -> Schedule:
    """The hand-made programme, with every free optional person attending."""
    index = VisitIndex(visit)
    out = []
    for aid, day, start_text, end_text, venue in PARIS_PLAN:
        activity = index.activities[aid]
        start, end = parse_hhmm(start_text), parse_hhmm(end_text)
        attendees = tuple(
            pid for pid in activity.invited
            if pid in activity.required or free(index, pid, day, start, end)
        )
        key = occurrence_key(aid, day if activity.per_day else None)
        out.append(Placement(key, aid, day, start, end, venue, attendees))
    return Schedule(tuple(out)).sorted()


def with_paris_plan(project: Project) -> Project:
    """``project`` (the Paris demo) with the hand-made programme."""
    return replace(project, schedule=paris_schedule(project.visit))
