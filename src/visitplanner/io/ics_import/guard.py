"""A limit on how far ``dateutil`` searches for the next repeat of a rule.

``dateutil`` checks a rule's UNTIL only when the rule produces a date, so a rule
that never matches (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``) is searched day by
day until the year 9999: 10 to 20 seconds per rule, in events and in time zone
definitions alike. While a calendar is imported, :func:`search_limit` makes the
search stop with :class:`SearchTooFarError` past a given year.

The limit works through ``dateutil``'s per-rule helper class, looked up by name
each time a rule is iterated; :func:`install` replaces it (once per process) by
a subclass that checks a context variable, so rules iterated anywhere else,
and in other threads, behave exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any

from dateutil import rrule as _rrule  # type: ignore[import-untyped]

_last_year: ContextVar[int | None] = ContextVar("visitplanner_rrule_last_year", default=None)


class SearchTooFarError(Exception):
    """A repeat rule was searched past the year allowed (it never matches again)."""


class _GuardedIterinfo(_rrule._iterinfo):  # type: ignore[misc]
    """dateutil's helper, refusing to move past the last year allowed."""

    def rebuild(self, year: int, month: int) -> Any:
        limit = _last_year.get()
        if limit is not None and year > limit:
            raise SearchTooFarError(year)
        return super().rebuild(year, month)


def install() -> None:
    """Put the guarded helper in place (idempotent)."""
    if _rrule._iterinfo is not _GuardedIterinfo:
        _rrule._iterinfo = _GuardedIterinfo


@contextmanager
def search_limit(last_year: int) -> Iterator[None]:
    """Within the block, rules are not searched past ``last_year``."""
    install()
    token = _last_year.set(last_year)
    try:
        yield
    finally:
        _last_year.reset(token)


def settle(components: Iterable[Any]) -> None:
    """Make the time zones of ``components`` usable again after a stopped search.

    ``dateutil`` fills a rule's cache under a lock and releases it only when the
    rule's generator ends normally; a stopped search leaves it locked (the next
    local time would wait for ever). Each such rule keeps the dates found so far
    (they reach past the allowed year, so every date needed is among them).
    """
    for component in components:
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            value = _value(component, name)
            for comp in getattr(getattr(value, "tzinfo", None), "_comps", ()):
                _settle_rule(getattr(comp, "rrule", None))


def _value(component: Any, name: str) -> Any:
    """The date or time of property ``name``; None if absent or unreadable."""
    try:
        return getattr(component.get(name), "dt", None)
    except Exception:  # icalendar raises on broken properties; they are reported later
        return None


def _settle_rule(rule: Any) -> None:
    lock = getattr(rule, "_cache_lock", None)
    if lock is None or not lock.locked() or getattr(rule, "_cache", None) is None:
        return
    rule._cache_gen = None
    rule._len = len(rule._cache)
    rule._cache_complete = True
    lock.release()


def latest_year(components: Iterable[Any], cap: int) -> int:
    """The latest start year among ``components`` (at most ``cap``)."""
    years = [0]
    for component in components:
        value = _value(component, "DTSTART")
        if isinstance(value, date):
            years.append(min(value.year, cap))
    return max(years)
