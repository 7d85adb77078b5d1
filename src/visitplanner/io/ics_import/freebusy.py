"""Busy time from free/busy replies (VFREEBUSY) and availability (VAVAILABILITY, RFC 7953)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from recurring_ical_events import EventAdapter, Series

from visitplanner.domain import Level
from visitplanner.i18n import _
from visitplanner.io.ics_import.events import (
    ESSENTIAL,
    check_component,
    describer,
    ends_before_start,
    occurrences,
)
from visitplanner.io.ics_import.merge import Span, clip, subtract, union
from visitplanner.io.ics_import.model import Budget, BusyInterval, ImportWindow, RefusalError
from visitplanner.io.ics_import.reader import Parsed
from visitplanner.io.ics_import.timing import aware, check_rules


class AvailableAdapter(EventAdapter):  # type: ignore[misc]
    """Lets ``recurring_ical_events`` expand AVAILABLE like an event (same properties)."""

    @staticmethod
    def component_name() -> str:
        """The component this adapter reads."""
        return "AVAILABLE"


def freebusy_intervals(
    calendar: Any, parsed: Parsed, window: ImportWindow, budget: Budget
) -> Iterator[BusyInterval]:
    """Busy periods listed in the VFREEBUSY components of ``calendar``."""
    describe = describer(parsed, "free/busy list")
    for component in calendar.walk("VFREEBUSY"):
        place, what = describe(component)
        values = component.get("FREEBUSY", [])
        for value in values if isinstance(values, list) else [values]:
            level = _fb_level(str(value.params.get("FBTYPE", "BUSY")))
            period = getattr(value, "dt", None)
            if not isinstance(period, tuple) or len(period) != 2:
                raise RefusalError(place, _("a period of {what} cannot be read").format(what=what))
            budget.spend(what)
            if level is None:
                continue
            start = aware(period[0], window.tz)
            stop = period[1]
            end = start + stop if isinstance(stop, timedelta) else aware(stop, window.tz)
            if end < start:
                raise RefusalError(
                    place, _("a period of {what} ends before it starts").format(what=what)
                )
            if end > start:
                yield BusyInterval(start, end, level)


def _fb_level(fbtype: str) -> Level | None:
    kind = fbtype.strip().upper()
    if kind == "FREE":
        return None
    if kind == "BUSY-TENTATIVE":
        return Level.IF_NEED_BE
    return Level.UNAVAILABLE


def availability_intervals(
    calendar: Any, parsed: Parsed, window: ImportWindow, budget: Budget
) -> list[BusyInterval]:
    """Busy time implied by the VAVAILABILITY components of ``calendar``.

    Inside a VAVAILABILITY's span, time not covered by one of its AVAILABLE
    components is busy (BUSYTYPE, default BUSY-UNAVAILABLE). Components with
    a higher priority (1 highest, 9 lowest, 0 lowest of all) paint over lower
    ones; components of equal priority combine their free time.
    """
    describe = describer(parsed, "availability")
    by_rank: dict[int, list[Any]] = {}
    for component in calendar.walk("VAVAILABILITY"):
        priority = component.get("PRIORITY", 0)
        rank = priority if isinstance(priority, int) and 1 <= priority <= 9 else 10
        by_rank.setdefault(rank, []).append(component)
    painted: dict[Level, list[Span]] = {Level.UNAVAILABLE: [], Level.IF_NEED_BE: []}
    for rank in sorted(by_rank, reverse=True):
        busy: dict[Level, list[Span]] = {Level.UNAVAILABLE: [], Level.IF_NEED_BE: []}
        free: list[Span] = []
        for component in by_rank[rank]:
            span = _span_of(component, window, describe)
            if span is None:
                continue
            busy[_busy_level(component)].append(span)
            free += clip(_available(component, parsed, window, budget), *span)
        covered = union(busy[Level.UNAVAILABLE] + busy[Level.IF_NEED_BE])
        for level in painted:
            painted[level] = subtract(painted[level], covered)
        free_union = union(free)
        hard = subtract(union(busy[Level.UNAVAILABLE]), free_union)
        soft = subtract(subtract(union(busy[Level.IF_NEED_BE]), free_union), hard)
        painted[Level.UNAVAILABLE] = union(painted[Level.UNAVAILABLE] + hard)
        painted[Level.IF_NEED_BE] = union(painted[Level.IF_NEED_BE] + soft)
    return [BusyInterval(s, e, level) for level, spans in painted.items() for s, e in spans]


def _busy_level(component: Any) -> Level:
    kind = str(component.get("BUSYTYPE", "BUSY-UNAVAILABLE")).strip().upper()
    return Level.IF_NEED_BE if kind == "BUSY-TENTATIVE" else Level.UNAVAILABLE


def _span_of(component: Any, window: ImportWindow, describe: Any) -> Span | None:
    """The VAVAILABILITY's span clipped to the widened window (open ends allowed)."""
    check_component(component, describe, needs_start=False)
    place, what = describe(component)
    lo, hi = window.query_start, window.query_end
    start_prop = component.get("DTSTART")
    start = aware(start_prop.dt, window.tz) if start_prop is not None else None
    end: datetime | None = None
    if component.get("DTEND") is not None:
        end = aware(component["DTEND"].dt, window.tz)
    elif component.get("DURATION") is not None and start is not None:
        duration = component["DURATION"].dt
        if not isinstance(duration, timedelta):
            raise RefusalError(place, _(ESSENTIAL["DURATION"]).format(what=what))
        end = start + duration
    if start is not None and end is not None and end < start:
        raise RefusalError(place, ends_before_start(what))
    spans = clip([(start or lo, end or hi)], lo, hi)
    return spans[0] if spans else None


def _available(component: Any, parsed: Parsed, window: ImportWindow, budget: Budget) -> list[Span]:
    describe = describer(parsed, "available time")
    groups: dict[str, list[Any]] = {}
    for sub in component.walk("AVAILABLE"):
        check_component(sub, describe)
        place, what = describe(sub)
        try:
            expected = check_rules(sub, what, window.query_end, window.tz, window.start)
        except RefusalError as refusal:
            raise RefusalError(place, refusal.problem) from None
        budget.expect(expected, what)
        groups.setdefault(str(sub.get("UID", id(sub))), []).append(sub)
    spans: list[Span] = []
    for subs in groups.values():
        place, what = describe(subs[0])
        for occ in occurrences(partial(_available_series, subs), window, place, what):
            budget.spend(what)
            start, end = aware(occ.start, window.tz), aware(occ.end, window.tz)
            if end < start:
                raise RefusalError(place, ends_before_start(what))
            spans.append((start, end))
    return spans


def _available_series(subs: list[Any]) -> Any:
    return Series([AvailableAdapter(c) for c in subs])
