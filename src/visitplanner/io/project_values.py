"""Checked values of project files: dates, moments and numbers within safe ranges."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from visitplanner.i18n import _
from visitplanner.io.json_node import BadValueError, JsonNode

FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2999, 12, 31)
"""Dates a project may use: far enough from the calendar's ends for every computation."""
MAX_VISIT_DAYS = 62
MAX_CANDIDATE_DAYS = 366
MAX_WEIGHT = 10_000
MINUTES_CAP = 62 * 24 * 60
_WEIGHT_NAME = re.compile(r"[a-z][a-z0-9_]{0,59}")


def moment(node: JsonNode, zone: str | None) -> datetime:
    """An aware date and time to the minute, read in ``zone`` when it has no offset."""
    value = node.conv(datetime.fromisoformat, _("not a date and time"))
    if not FIRST_DATE <= value.date() <= LAST_DATE:
        raise BadValueError(node.place, _out_of_range())
    if value.second or value.microsecond:
        raise BadValueError(node.place, _("give times to the minute (no seconds)"))
    if value.tzinfo is None:
        if zone is None:
            raise BadValueError(node.place, _("give a time zone ('zone') or a UTC offset"))
        value = value.replace(tzinfo=ZoneInfo(zone))
    offset = value.utcoffset()
    if offset is not None and offset.total_seconds() % 60:
        raise BadValueError(node.place, _("the UTC offset must be whole minutes"))
    return value


def _out_of_range() -> str:
    return _("the date must be between {first} and {last}").format(
        first=FIRST_DATE.isoformat(), last=LAST_DATE.isoformat()
    )


def day(node: JsonNode) -> date:
    """A date between FIRST_DATE and LAST_DATE."""
    value = node.conv(date.fromisoformat, _("not a date"))
    if not FIRST_DATE <= value <= LAST_DATE:
        raise BadValueError(node.place, _out_of_range())
    return value


def days(node: JsonNode) -> tuple[date, ...]:
    """The visit's dates: in range, each once, not too many."""
    items = node.items()
    if len(items) > MAX_VISIT_DAYS:
        raise BadValueError(
            node.place, _("a visit may last at most {n} days").format(n=MAX_VISIT_DAYS)
        )
    found: list[date] = []
    for n in items:
        value = day(n)
        if value in found:
            raise BadValueError(n.place, _("this date is listed twice"))
        found.append(value)
    return tuple(found)


def weight(name: str, node: JsonNode) -> int:
    """An objective weight: a known-looking name and a bounded whole number."""
    if not _WEIGHT_NAME.fullmatch(name):
        raise BadValueError(node.place, _("is not the name of a weight"))
    return node.int_(low=0, high=MAX_WEIGHT)
