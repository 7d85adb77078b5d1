"""Everyone's calendar across the demo's candidate window (15 Mar - 2 Apr 2027).

A proposal for ``tools/make_demo.py``: call ``with_window_calendars(availability())``
in ``paris_visit()`` so that choosing the dates is a real decision. Each
person's ordinary weeks are painted first and their 23-24 March ranges last, so
the scenario's rules on 23-24 March stay exactly as they are (no range here
touches those two days, in either zone).

The story the calendars tell (Easter is 28 March 2027):

- The Steering Group meets only on Tuesdays, 17:30-19:00 (16, 23 and 30 March):
  runs without a Tuesday cannot hold that meeting.
- The digitisation officer is free only some mornings: Wednesday 17 March
  (only if need be: a platform release), Friday 19, Wednesday 24 (as now),
  Wednesday 31 March and Thursday 1 April.
- The councillor has ward surgeries on Mondays and full council on Thursdays;
  on Wednesdays she flies back at 13:00 Paris time for evening council business.
- The evaluation officer is on fieldwork on 16-17 March (free only if need be).
- Good Friday (26 March) is a holiday in Scotland, Easter Monday (29 March) in
  both countries; in the Scottish Easter school holidays (30 March - 2 April)
  the equalities officer is free only if need be.
- The interpreter is booked at a conference on 18-19 March.

Only three runs fit: 16-17 March (digitisation and evaluation officers only if
need be), 23-24 March (everyone free: the best) and 30-31 March (the equalities
officer, required at every formal meeting, only if need be).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta

from visitplanner.domain import Availability, AvailabilityRange, Level
from visitplanner.domain.availability import local_range
from visitplanner.domain.clock import parse_hhmm

PARIS, LONDON = "Europe/Paris", "Europe/London"
FIRST, LAST = date(2027, 3, 15), date(2027, 4, 2)
KEPT = (date(2027, 3, 23), date(2027, 3, 24))  # the scenario's days: left exactly as they are
GOOD_FRIDAY, EASTER_MONDAY = date(2027, 3, 26), date(2027, 3, 29)
SCHOOL_HOLIDAYS = (date(2027, 3, 30), date(2027, 3, 31), date(2027, 4, 1), date(2027, 4, 2))
MON, TUE, WED, THU = 0, 1, 2, 3
A, N, U = Level.AVAILABLE, Level.IF_NEED_BE, Level.UNAVAILABLE

VISITORS = ("councillor", "gla-pb", "gla-ce", "gla-3s", "fife-pb", "fife-digital", "fife-eq")
SCOTS = (*VISITORS, "observer")
PARIS_OFFICERS = ("paris-planning", "paris-implementation", "paris-evaluation")


def working_days() -> Iterator[date]:
    """Weekdays of the window other than 23-24 March."""
    day = FIRST
    while day <= LAST:
        if day.weekday() < 5 and day not in KEPT:
            yield day
        day += timedelta(days=1)


def _span(day: date, start: str, end: str, zone: str, level: Level) -> AvailabilityRange:
    return local_range(day, parse_hhmm(start), parse_hhmm(end), zone, level)


def _scot(pid: str, day: date) -> list[AvailabilityRange]:
    off = {
        "fife-pb": (date(2027, 3, 18),),  # Fife's PB vote count
        "fife-digital": (date(2027, 3, 19),),
        "observer": (date(2027, 4, 2),),
    }
    if day in (GOOD_FRIDAY, EASTER_MONDAY) or day in off.get(pid, ()):
        return []
    if pid == "councillor":
        if day.weekday() in (MON, THU):  # ward surgeries; full council
            return []
        end = "12:00" if day.weekday() == WED else "22:00"  # home for evening council business
        return [_span(day, "06:30", end, LONDON, A)]
    level = N if pid == "fife-eq" and day in SCHOOL_HOLIDAYS else A
    return [_span(day, "06:30", "22:00", LONDON, level)]


def _paris(pid: str, day: date) -> list[AvailabilityRange]:
    if day == EASTER_MONDAY:
        return []
    if pid == "interpreter":
        if day in (date(2027, 3, 18), date(2027, 3, 19)):  # booked at a conference
            return []
        return [_span(day, "08:00", "22:00", PARIS, A)]
    if pid == "paris-lead":
        if day.weekday() == TUE:  # weekly management lunch
            return [
                _span(day, "08:30", "19:00", PARIS, A),
                _span(day, "12:00", "14:00", PARIS, U),
            ]
        return [_span(day, "08:30", "18:00", PARIS, A)]
    if pid == "paris-evaluation":
        level = N if day in (date(2027, 3, 16), date(2027, 3, 17)) else A  # fieldwork
        return [_span(day, "09:00", "17:00", PARIS, level)]
    if pid in PARIS_OFFICERS:
        return [_span(day, "09:00", "18:00", PARIS, A)]
    if pid == "paris-digital":
        mornings = {
            date(2027, 3, 17): N,  # platform release week
            date(2027, 3, 19): A,
            date(2027, 3, 31): A,
            date(2027, 4, 1): A,
        }
        return [_span(day, "08:00", "12:00", PARIS, mornings[day])] if day in mornings else []
    if pid == "steering-group":
        return [_span(day, "17:30", "19:00", PARIS, A)] if day.weekday() == TUE else []
    return []


def window_calendar(pid: str) -> tuple[AvailabilityRange, ...]:
    """``pid``'s ranges on every working day of the window except 23-24 March."""
    make = _scot if pid in SCOTS else _paris
    return tuple(rng for day in working_days() for rng in make(pid, day))


def with_window_calendars(availability: Mapping[str, Availability]) -> dict[str, Availability]:
    """Each person's window calendar with their existing (23-24 March) ranges painted on top."""
    return {
        pid: Availability(window_calendar(pid) + avail.ranges, avail.default)
        for pid, avail in availability.items()
    }
