"""Where can it go? The times a selected or dragged block cannot (or should not) use.

Computed from the visit's :class:`~visitplanner.domain.index.VisitIndex` — the
same busy / if-need-be stretches and occurrence windows the rule checker reads —
and from the other placements (people, the interpreter or the venue already
taken). Nothing depends on where the block is dropped, so the shading is worked
out once when a block is selected and only painted while it is dragged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from itertools import pairwise

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from visitplanner.domain import Level, Placement, Schedule
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import _, format_duration, ngettext
from visitplanner.ui.calendar.geometry import Geometry


class ShadeKind(IntEnum):
    """Why a stretch is shaded, in painting order (later paints over earlier)."""

    OUTSIDE = 0  # outside the activity's time windows
    IF_NEED_BE = 1  # a required person is free only if need be
    TAKEN = 2  # a required person, the interpreter or the venue is in another activity
    UNAVAILABLE = 3  # a required person is not available


@dataclass(frozen=True)
class Shade:
    """A shaded stretch of one day (minutes from midnight) and why."""

    day: int
    start: int
    end: int
    kind: ShadeKind
    reason: str


def who_matters(index: VisitIndex, placement: Placement) -> tuple[str, ...]:
    """The people whose time limits ``placement``: required people, and the interpreter."""
    activity = index.activities.get(placement.activity_id)
    people = [pid for pid in (activity.required if activity else ()) if pid in index.people]
    if index.needs_interpreter(placement.attendees) and not any(
        pid in index.interpreters for pid in people
    ):
        people.extend(index.interpreters)
    return tuple(people)


def person_shades(
    index: VisitIndex, schedule: Schedule, pid: str, exclude: str = ""
) -> list[Shade]:
    """When ``pid`` is not available, free only if need be, or in another activity."""
    visit = index.visit
    name = index.name(pid)
    out: list[Shade] = []
    for stretch in index.stretches.get(pid, ()):
        day = stretch.start // 1440 + 1
        if stretch.level is Level.UNAVAILABLE:
            kind, reason = ShadeKind.UNAVAILABLE, _("{name} is not available").format(name=name)
        else:
            kind = ShadeKind.IF_NEED_BE
            reason = _("{name} is free only if need be").format(name=name)
        out.extend(
            _clipped(visit.day_start, visit.day_end, day, stretch.start, stretch.end, kind, reason)
        )
    for q in schedule:
        if q.key == exclude or pid not in q.attendees:
            continue
        title = _title(index, q)
        reason = _("{name} is at «{title}»").format(name=name, title=title)
        out.append(Shade(q.day, q.start, q.end, ShadeKind.TAKEN, reason))
    return out


def shades_for(index: VisitIndex, schedule: Schedule, placement: Placement) -> tuple[Shade, ...]:
    """Every shaded stretch, over all days, for moving ``placement``."""
    visit = index.visit
    out: list[Shade] = []
    occurrence = index.by_key.get(placement.key)
    if occurrence is not None:
        title = occurrence.title
        reason = _("Outside the times «{title}» may happen").format(title=title)
        for day in range(1, visit.n_days + 1):
            windows = [(w.start, w.end) for w in occurrence.windows if w.day == day]
            for lo, hi in _gaps(visit.day_start, visit.day_end, windows):
                out.append(Shade(day, lo, hi, ShadeKind.OUTSIDE, reason))
    people = who_matters(index, placement)
    for pid in people:
        out.extend(
            s
            for s in person_shades(index, schedule, pid, placement.key)
            if s.kind is not ShadeKind.TAKEN
        )
    venue = _venue(index, placement.venue)
    for q in schedule:
        if q.key == placement.key:
            continue
        busy = [pid for pid in people if pid in q.attendees]
        same_venue = q.venue == placement.venue and venue is not None and not venue[1]
        if not busy and not same_venue:
            continue
        title = _title(index, q)
        reasons = []
        if busy:
            reasons.append(_people_at(index, busy, title))
        if same_venue and venue is not None:
            reasons.append(_("{venue} hosts «{title}»").format(venue=venue[0], title=title))
        out.append(Shade(q.day, q.start, q.end, ShadeKind.TAKEN, "; ".join(reasons)))
        if busy:
            out.extend(_journeys(index, placement, q, title))
    return tuple(sorted(out, key=lambda s: (s.kind, s.day, s.start)))


def _journeys(index: VisitIndex, placement: Placement, q: Placement, title: str) -> list[Shade]:
    """The time to travel to and from ``q``'s venue, for someone in both."""
    if not placement.venue or not q.venue or placement.venue == q.venue:
        return []
    travel = index.visit.travel
    there = travel.between(placement.venue, q.venue)  # leaving this block for q
    back = travel.between(q.venue, placement.venue)  # leaving q for this block
    where = _venue(index, q.venue)
    reason = _("The journey to or from «{title}» at {venue} takes {time}")
    out = []
    for lo, hi, minutes in ((q.start - there, q.start, there), (q.end, q.end + back, back)):
        if minutes > 0:
            text = reason.format(
                title=title,
                venue=where[0] if where else q.venue,
                time=format_duration(minutes),
            )
            out.append(Shade(q.day, lo, hi, ShadeKind.TAKEN, text))
    return out


def flattened(shades: Iterable[Shade]) -> tuple[Shade, ...]:
    """Non-overlapping stretches per day, each with the most serious kind covering it.

    What is painted: one layer, so that eight people away at the same time look no
    darker than one. Reasons are those of the most serious kind, joined.
    """
    by_day: dict[int, list[Shade]] = {}
    for shade in shades:
        by_day.setdefault(shade.day, []).append(shade)
    out: list[Shade] = []
    for day, mine in sorted(by_day.items()):
        cuts = sorted({m for s in mine for m in (s.start, s.end)})
        for lo, hi in pairwise(cuts):
            covering = [s for s in mine if s.start <= lo and hi <= s.end]
            if not covering:
                continue
            kind = max(s.kind for s in covering)
            reasons = list(dict.fromkeys(s.reason for s in covering if s.kind is kind))
            reason = "\n".join(reasons)
            last = out[-1] if out else None
            if last and (last.day, last.end, last.kind, last.reason) == (day, lo, kind, reason):
                out[-1] = Shade(day, last.start, hi, kind, reason)
                continue
            out.append(Shade(day, lo, hi, kind, reason))
    return tuple(out)


def reasons_at(shades: Iterable[Shade], day: int, minute: int) -> list[str]:
    """Why ``minute`` of ``day`` is shaded (most serious first)."""
    found = [s for s in shades if s.day == day and s.start <= minute < s.end]
    return [s.reason for s in sorted(found, key=lambda s: -s.kind)]


# Fill and pattern of each kind, painted over the day columns.
STYLE: dict[ShadeKind, tuple[QColor, Qt.BrushStyle]] = {
    ShadeKind.OUTSIDE: (QColor(120, 120, 120, 60), Qt.BrushStyle.BDiagPattern),
    ShadeKind.IF_NEED_BE: (QColor(235, 190, 70, 90), Qt.BrushStyle.SolidPattern),
    ShadeKind.TAKEN: (QColor(120, 70, 160, 70), Qt.BrushStyle.SolidPattern),
    ShadeKind.UNAVAILABLE: (QColor(70, 70, 80, 120), Qt.BrushStyle.SolidPattern),
}


def paint_shades(
    painter: QPainter, geometry: Geometry, shades: Iterable[Shade], exposed: QRectF
) -> int:
    """Paint ``shades`` over the day columns (only those in ``exposed``); returns how many."""
    g = geometry
    painted = 0
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for shade in shades:
        if not 1 <= shade.day <= g.n_days:
            continue
        top, bottom = g.y_of(shade.start), g.y_of(shade.end)
        rect = QRectF(g.x_of_day(shade.day), top, g.day_width, bottom - top)
        if not rect.intersects(exposed):
            continue
        color, pattern = STYLE[shade.kind]
        painter.setBrush(QBrush(color, pattern))
        painter.drawRect(rect)
        painted += 1
    painter.restore()
    return painted


def _clipped(
    day_start: int, day_end: int, day: int, start: int, end: int, kind: ShadeKind, reason: str
) -> list[Shade]:
    base = (day - 1) * 1440
    lo, hi = max(start - base, day_start), min(end - base, day_end)
    return [Shade(day, lo, hi, kind, reason)] if hi > lo else []


def _gaps(lo: int, hi: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``lo``-``hi`` not covered by ``spans``."""
    out, cursor = [], lo
    for a, b in sorted(spans):
        if a > cursor:
            out.append((cursor, min(a, hi)))
        cursor = max(cursor, b)
    if cursor < hi:
        out.append((cursor, hi))
    return [(a, b) for a, b in out if b > a]


def _title(index: VisitIndex, q: Placement) -> str:
    occurrence = index.by_key.get(q.key)
    if occurrence is not None:
        return occurrence.activity.title
    activity = index.activities.get(q.activity_id)
    return activity.title if activity else q.key


def _venue(index: VisitIndex, vid: str) -> tuple[str, bool] | None:
    for venue in index.visit.venues:
        if venue.id == vid:
            return venue.name, venue.shared
    return None


def _people_at(index: VisitIndex, people: list[str], title: str) -> str:
    first = index.name(people[0])
    if len(people) == 1:
        return _("{name} is at «{title}»").format(name=first, title=title)
    others = len(people) - 1
    return ngettext(
        "{name} and {n} other are at «{title}»",
        "{name} and {n} others are at «{title}»",
        others,
    ).format(name=first, n=others, title=title)
