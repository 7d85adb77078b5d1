"""Times as calendars write them, made aware in the person's zone; repeat-rule cost checks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from visitplanner.i18n import N_, _, format_day
from visitplanner.io.ics_import.model import MAX_RULE_STEPS, RefusalError

_UNIT_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3600,
    "DAILY": 86400,
    "WEEKLY": 7 * 86400,
    "MONTHLY": 28 * 86400,
    "YEARLY": 365 * 86400,
}
#: the refusal of a rule with too many repeats, per frequency: every one, and every n
_TOO_MANY = {
    "SECONDLY": (
        N_("{what} repeats every second from {start}: too many repeats to work out"),
        N_("{what} repeats every {n} seconds from {start}: too many repeats to work out"),
    ),
    "MINUTELY": (
        N_("{what} repeats every minute from {start}: too many repeats to work out"),
        N_("{what} repeats every {n} minutes from {start}: too many repeats to work out"),
    ),
    "HOURLY": (
        N_("{what} repeats every hour from {start}: too many repeats to work out"),
        N_("{what} repeats every {n} hours from {start}: too many repeats to work out"),
    ),
    "DAILY": (
        N_("{what} repeats every day from {start}: too many repeats to work out"),
        N_("{what} repeats every {n} days from {start}: too many repeats to work out"),
    ),
    "WEEKLY": (
        N_("{what} repeats every week from {start}: too many repeats to work out"),
        N_("{what} repeats every {n} weeks from {start}: too many repeats to work out"),
    ),
    "MONTHLY": (
        N_("{what} repeats every month from {start}: too many repeats to work out"),
        N_("{what} repeats every {n} months from {start}: too many repeats to work out"),
    ),
    "YEARLY": (
        N_("{what} repeats every year from {start}: too many repeats to work out"),
        N_("{what} repeats every {n} years from {start}: too many repeats to work out"),
    ),
}
_RULE_PARTS = {
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
    "RSCALE",
    "SKIP",
}
_DAY_PARTS = ("BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH")


def aware(value: Any, tz: tzinfo) -> datetime:
    """A date (midnight), floating time or aware time, as an aware datetime.

    Dates and floating times are read in ``tz``, the person's home zone.
    """
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime.combine(value, time(0), tz)
    raise TypeError(f"not a date or time: {value!r}")


def is_floating_with_unknown_zone(prop: Any) -> str | None:
    """The TZID of a date-time property whose zone could not be found, if any."""
    value = getattr(prop, "dt", None)
    params = getattr(prop, "params", None)
    if isinstance(value, datetime) and value.tzinfo is None and params:
        tzid = params.get("TZID")
        if tzid:
            return str(tzid)
    return None


def rule_list(component: Any, name: str = "RRULE") -> list[Any]:
    """The values of property ``name`` (RRULE by default) of a component: none, one or
    several (a broken file may give even its DTSTART more than once)."""
    value = component.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def bound_rules(component: Any, until: datetime, tz: tzinfo) -> None:
    """End every repeat rule of ``component`` at ``until`` at the latest.

    Occurrences after the window are not needed, and a rule that never matches
    (e.g. every 30 February) would otherwise be searched until the year 9999.
    """
    start = getattr(component.get("DTSTART"), "dt", None)
    if not isinstance(start, date):
        return
    cap: date
    if isinstance(start, datetime):
        cap = until.astimezone(UTC) if start.tzinfo else until.astimezone(tz).replace(tzinfo=None)
    else:
        cap = until.astimezone(tz).date() + timedelta(days=1)
    for name in ("RRULE", "EXRULE"):
        for rule in rule_list(component, name):
            current = _first(rule.get("UNTIL"))
            if isinstance(current, date) and aware(current, tz) <= aware(cap, tz):
                continue
            rule["UNTIL"] = [cap]


def check_rules(
    component: Any,
    what: str,
    until: datetime,
    tz: tzinfo,
    since: datetime | None = None,
    day_parts: bool = True,
) -> tuple[float, float]:
    """Refuse repeat rules that would take too long to work out up to ``until``.

    Working out a rule means stepping from its first occurrence, so a rule
    that repeats every minute from 2015 is refused even for a window in 2026.
    Returns upper bounds of the steps taken and of the repeats between
    ``since`` and ``until``. Without ``day_parts``, a weekly or longer period counts
    as one step whatever its BYDAY or BYMONTH (as a time zone's yearly change does).
    """
    total = in_window = 0.0
    # a component may name several starts (a broken file): the earliest costs the most
    dates = [getattr(prop, "dt", None) for prop in rule_list(component, "DTSTART")]
    starts = [aware(d, tz) for d in dates if isinstance(d, date)]
    if not starts:
        return total, in_window
    start = min(starts)
    for rule in rule_list(component) + rule_list(component, "EXRULE"):
        scale = str(_first(rule.get("RSCALE")) or "GREGORIAN").upper()
        if scale != "GREGORIAN":
            raise RefusalError(
                "",
                _("{what} repeats by the {scale} calendar, which is not supported").format(
                    what=what, scale=scale.title()[:30]
                ),
            )
        unknown = sorted(str(k) for k in rule if str(k).upper() not in _RULE_PARTS)
        freq = _first(rule.get("FREQ"))
        if unknown or not isinstance(freq, str) or freq.upper() not in _UNIT_SECONDS:
            problem = (
                _("the repeat rule of {what} cannot be understood ('{part}')")
                if unknown
                else _("the repeat rule of {what} cannot be understood")
            )
            part = unknown[0][:30] if unknown else ""
            raise RefusalError("", problem.format(what=what, part=part))
        freq = freq.upper()
        interval = _first(rule.get("INTERVAL"))
        interval = 1 if interval is None else interval
        if not isinstance(interval, int) or interval < 1:
            # dateutil would step by nothing, for ever
            raise RefusalError(
                "",
                _("the repeat rule of {what} cannot be understood ('{part}')").format(
                    what=what, part=f"INTERVAL={interval}"
                ),
            )
        end = until
        rule_until = _first(rule.get("UNTIL"))
        if isinstance(rule_until, date) and rule_until.year < 9999:
            end = min(end, aware(rule_until, tz) + timedelta(days=1))
        span = max((end - start).total_seconds(), 0.0)
        steps = span / (_UNIT_SECONDS[freq] * interval) + 1
        steps *= _expansion(rule, freq, day_parts)
        count = _first(rule.get("COUNT"))
        if isinstance(count, int) and not any(rule.get(k) for k in _DAY_PARTS):
            steps = min(steps, count)
        if since is not None:
            inside = max((end - max(start, since)).total_seconds(), 0.0)
            inside_steps = (inside / (_UNIT_SECONDS[freq] * interval) + 1) * _expansion(
                rule, freq, day_parts
            )
            in_window += min(inside_steps, steps)
        total += steps
        if steps > MAX_RULE_STEPS:
            one, several = _TOO_MANY[freq]
            problem = _(one) if interval == 1 else _(several)
            raise RefusalError(
                "",
                problem.format(
                    what=what, n=interval, start=format_day(start.date(), weekday=False)
                ),
            )
    return total, in_window


def _first(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return value[0] if value else None
    return value


def _expansion(rule: Any, freq: str, day_parts: bool = True) -> float:
    unit = _UNIT_SECONDS[freq]
    factor = 1.0
    for key, size in (("BYSECOND", 1), ("BYMINUTE", 60), ("BYHOUR", 3600)):
        values = rule.get(key)
        if values and unit > size:
            factor *= len(values) if isinstance(values, list | tuple) else 1
    if day_parts and unit >= 7 * 86400 and any(rule.get(k) for k in _DAY_PARTS):
        factor *= unit / 86400
    return factor
