"""Busy time from events (VEVENT), repeats expanded with ``recurring_ical_events``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from recurring_ical_events import EventAdapter, Series

from visitplanner.domain import Level
from visitplanner.i18n import N_, _
from visitplanner.io.ics_import.guard import SearchTooFarError, settle
from visitplanner.io.ics_import.model import Budget, BusyInterval, ImportWindow, RefusalError
from visitplanner.io.ics_import.reader import Parsed, brief
from visitplanner.io.ics_import.timing import (
    aware,
    bound_rules,
    check_rules,
    is_floating_with_unknown_zone,
)

Describe = Callable[[Any], tuple[str, str]]

#: properties without which a component cannot be used, and the refusal when one is broken
ESSENTIAL = {
    "DTSTART": N_("the start time of {what} cannot be read"),
    "DTEND": N_("the end time of {what} cannot be read"),
    "DURATION": N_("the duration of {what} cannot be read"),
    "RRULE": N_("the repeat rule of {what} cannot be read"),
    "RDATE": N_("the extra dates of {what} cannot be read"),
    "EXDATE": N_("the skipped dates of {what} cannot be read"),
    "RECURRENCE-ID": N_("the changed-occurrence date of {what} cannot be read"),
    "STATUS": N_("the status of {what} cannot be read"),
    "TRANSP": N_("the free/busy setting of {what} cannot be read"),
}
#: per kind of component: untitled, by identifier, by title
KINDS = {
    "event": (
        N_("an untitled event"),
        N_("the event with identifier '{text}'"),
        N_("the event '{text}'"),
    ),
    "free/busy list": (
        N_("an untitled free/busy list"),
        N_("the free/busy list with identifier '{text}'"),
        N_("the free/busy list '{text}'"),
    ),
    "availability": (
        N_("an untitled availability"),
        N_("the availability with identifier '{text}'"),
        N_("the availability '{text}'"),
    ),
    "available time": (
        N_("an untitled available time"),
        N_("the available time with identifier '{text}'"),
        N_("the available time '{text}'"),
    ),
}
_BROKEN_LINE = "Content line could not be parsed into parts: '"


def describer(parsed: Parsed, kind: str) -> Describe:
    """A function giving ``(place, "the event 'X' on line N")`` for a component.

    ``kind`` is a key of :data:`KINDS`; the words are in the language of the moment.
    """
    untitled, by_uid, by_summary = KINDS[kind]

    def describe(component: Any) -> tuple[str, str]:
        name = _(untitled)
        for key, form in (("UID", by_uid), ("SUMMARY", by_summary)):
            text = " ".join(str(component.get(key) or "").split())
            if text:
                name = _(form).format(text=text if len(text) <= 60 else text[:57] + "...")
        line = parsed.line_of(component)
        if line is None:
            return "", name
        return _("line {n}").format(n=line), _("{what} on line {n}").format(what=name, n=line)

    return describe


def check_component(component: Any, describe: Describe, needs_start: bool = True) -> None:
    """Refuse a component whose start, end or repeat information cannot be read."""
    place, what = describe(component)
    for prop, message in getattr(component, "errors", ()):
        name = prop
        if name is None and str(message).startswith(_BROKEN_LINE):
            name = str(message)[len(_BROKEN_LINE) :].split(";", 1)[0].split(":", 1)[0]
        name = str(name or "").strip().upper()
        if name in ESSENTIAL:
            raise RefusalError(place, _(ESSENTIAL[name]).format(what=what))
    for name, problem in (
        ("DTSTART", N_("{what} has more than one start time")),
        ("DTEND", N_("{what} has more than one end time")),
    ):
        if isinstance(component.get(name), list):
            raise RefusalError(place, _(problem).format(what=what))
    if needs_start and not isinstance(getattr(component.get("DTSTART"), "dt", None), date):
        raise RefusalError(place, _("{what} has no start time").format(what=what))


def event_intervals(
    calendar: Any, parsed: Parsed, window: ImportWindow, budget: Budget
) -> Iterator[BusyInterval]:
    """Busy intervals of the events of ``calendar`` near the window."""
    describe = describer(parsed, "event")
    groups: dict[str, list[Any]] = {}
    for component in calendar.walk("VEVENT"):
        check_component(component, describe)
        place, what = describe(component)
        for prop in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            tzid = is_floating_with_unknown_zone(component.get(prop))
            if tzid:
                raise RefusalError(
                    place,
                    _(
                        "{what} uses the time zone '{zone}', which the file does not describe"
                    ).format(what=what, zone=tzid[:60]),
                )
        try:
            expected = check_rules(component, what, window.query_end, window.tz, window.start)
        except RefusalError as refusal:
            raise RefusalError(place, refusal.problem) from None
        except SearchTooFarError:  # its time zone, far from the window
            settle([component])
            budget.notes.append(_never(what))
            continue
        budget.expect(expected, what)
        bound_rules(component, window.query_end, window.tz)
        groups.setdefault(_series_key(component, groups), []).append(component)
    for components in groups.values():
        yield from _series_intervals(components, window, budget, describe)


def _series_key(component: Any, groups: dict[str, list[Any]]) -> str:
    """Events with one UID form a series; a second event with that UID and no
    RECURRENCE-ID is not a change of the first but busy time of its own."""
    uid = str(component.get("UID", id(component)))
    if component.get("RECURRENCE-ID") is not None:
        return uid
    key, n = uid, 1
    while any(c.get("RECURRENCE-ID") is None for c in groups.get(key, ())):
        n += 1
        key = f"{uid}\x00{n}"
    return key


def occurrences(
    series_of: Callable[[], Any], window: ImportWindow, place: str, what: str
) -> Iterator[Any]:
    """Occurrences of a series overlapping the (slightly widened) window."""
    try:
        series = series_of()
        yield from series.between(window.query_start, window.query_end)
    except (RefusalError, SearchTooFarError):
        raise
    except Exception as exc:  # the library's errors on bad repeat data vary
        raise RefusalError(
            place,
            _("the dates of {what} cannot be worked out ({reason})").format(
                what=what, reason=brief(exc)
            ),
        ) from exc


def _series_intervals(
    components: list[Any], window: ImportWindow, budget: Budget, describe: Describe
) -> Iterator[BusyInterval]:
    place, what = describe(components[0])
    tz = window.tz
    # One component: every occurrence shares its status (no per-occurrence copies).
    shared = event_level(components[0]) if len(components) == 1 else None
    if len(components) == 1 and shared is None:
        return
    found: list[BusyInterval] = []
    try:
        for occ in occurrences(
            lambda: Series([EventAdapter(c) for c in components]), window, place, what
        ):
            budget.spend(what)
            level = shared if shared is not None else event_level(occ.as_component(False))
            if level is None:
                continue
            start, end = _span(occ.start, occ.end, tz, place, what)
            if end > start:
                found.append(BusyInterval(start, end, level))
    except SearchTooFarError:
        settle(components)
        budget.notes.append(_never(what))
        return
    yield from found


def _never(what: str) -> str:
    return _(
        "{what} was skipped: its dates could not be worked out within 30 years of the chosen "
        "dates (it repeats on dates that never come, such as 30 February)"
    ).format(what=what[:1].upper() + what[1:])


def event_level(component: Any) -> Level | None:
    """How busy an event makes its attendee: None for free, cancelled or see-through."""
    status = str(component.get("STATUS", "")).strip().upper()
    transp = str(component.get("TRANSP", "")).strip().upper()
    if status == "CANCELLED" or transp == "TRANSPARENT":
        return None
    if status == "TENTATIVE":
        return Level.IF_NEED_BE
    return Level.UNAVAILABLE


def _span(start: Any, end: Any, tz: Any, place: str, what: str) -> tuple[datetime, datetime]:
    begin = aware(start, tz)
    finish = aware(end, tz)
    if finish < begin:
        raise RefusalError(place, ends_before_start(what))
    return begin, finish


def ends_before_start(what: str) -> str:
    """The refusal of a component (or period) that ends before it starts."""
    return _("{what} ends before it starts").format(what=what)
