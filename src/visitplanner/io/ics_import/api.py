"""Import busy time from calendar files: the public entry points."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import x_wr_timezone

from visitplanner.i18n import _
from visitplanner.io.errors import InputFileError, cannot_read
from visitplanner.io.ics_import.events import event_intervals
from visitplanner.io.ics_import.freebusy import availability_intervals, freebusy_intervals
from visitplanner.io.ics_import.guard import SearchTooFarError, latest_year, search_limit
from visitplanner.io.ics_import.merge import merge
from visitplanner.io.ics_import.model import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_FILE_BYTES,
    MAX_RULE_STEPS,
    SEARCH_YEARS,
    Budget,
    BusyInterval,
    ImportWindow,
    RefusalError,
)
from visitplanner.io.ics_import.reader import brief, own_time_zones, parse
from visitplanner.io.ics_import.timing import check_rules

SEARCHED = {"VEVENT", "AVAILABLE", "VAVAILABILITY"}


def import_calendars(
    paths: Sequence[Path],
    zone: str,
    first_day: date,
    last_day: date,
    notes: list[str] | None = None,
) -> list[BusyInterval]:
    """Busy intervals from every file, merged and clipped to the window in ``zone``.

    All or nothing: if any file is refused, InputFileError names it and
    nothing is returned. ``zone`` is the person's home zone: all-day events
    and floating times are read in it. Events skipped (with the reason, one
    sentence each, starting with the file name) are added to ``notes``.
    """
    window = make_window(zone, first_day, last_day)
    found: list[BusyInterval] = []
    for path in paths:
        found += _read(read_file_bytes(Path(path)), str(path), window, notes)
    return merge(found, window.start, window.end)


def read_calendar_bytes(
    data: bytes,
    name: str,
    zone: str,
    first_day: date,
    last_day: date,
    notes: list[str] | None = None,
) -> list[BusyInterval]:
    """Like :func:`import_calendars` for one in-memory file called ``name``."""
    window = make_window(zone, first_day, last_day)
    if len(data) > MAX_FILE_BYTES:
        raise InputFileError(name, "", _too_big(len(data)))
    return merge(_read(data, name, window, notes), window.start, window.end)


def make_window(zone: str, first_day: date, last_day: date) -> ImportWindow:
    """Check the zone and dates asked for (ValueError if they make no sense)."""
    try:
        ZoneInfo(zone)
    except Exception as exc:  # ZoneInfoNotFoundError, ValueError for odd keys
        raise ValueError(_("'{zone}' is not a known time zone").format(zone=zone)) from exc
    if last_day < first_day:
        raise ValueError(
            _("the last day ({last}) is before the first day ({first})").format(
                last=last_day, first=first_day
            )
        )
    if first_day.year < FIRST_YEAR or last_day.year > LAST_YEAR:
        raise ValueError(
            _("the dates must be between {first} and {last}").format(
                first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return ImportWindow(zone, first_day, last_day)


def read_file_bytes(path: Path) -> bytes:
    """The bytes of ``path``, refusing missing, unreadable or oversized files."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputFileError(path, "", _too_big(size))
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputFileError(path, "", _("the file does not exist")) from None
    except IsADirectoryError:
        raise InputFileError(path, "", _("this is a folder, not a calendar file")) from None
    except OSError as exc:
        raise InputFileError(path, "", cannot_read(brief(exc))) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputFileError(path, "", _too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    return _(
        "it is {size:.0f} MB, more than the {most} MB a calendar file may have; "
        "export a shorter period"
    ).format(size=size / 1024 / 1024, most=MAX_FILE_BYTES // 1024 // 1024)


def _read(
    data: bytes, name: str, window: ImportWindow, notes: list[str] | None = None
) -> list[BusyInterval]:
    budget = Budget()
    try:
        with warnings.catch_warnings(), own_time_zones():
            warnings.simplefilter("ignore")
            found = _intervals(data, window, budget)
    except RefusalError as refusal:
        raise InputFileError(name, refusal.place, refusal.problem) from None
    except SearchTooFarError:
        raise InputFileError(
            name,
            "",
            _("a time zone in it changes on dates that never come (such as 30 February)"),
        ) from None
    except RecursionError:
        raise InputFileError(name, "", _("it is nested too deeply to be read")) from None
    except Exception as exc:  # last line of defence: no traceback for any input
        raise InputFileError(
            name, "", _("it could not be read as a calendar ({reason})").format(reason=brief(exc))
        ) from None
    if notes is not None:
        notes += [f"{name}: {note}" for note in budget.notes]
    return found


def _intervals(data: bytes, window: ImportWindow, budget: Budget) -> list[BusyInterval]:
    parsed = parse(data, window)
    budget.check_time()
    # Rules may be searched up to 30 years past the window or the file's last start date.
    starts = (c for cal in parsed.calendars for c in cal.walk() if c.name in SEARCHED)
    last = max(window.last_day.year, latest_year(starts, LAST_YEAR))
    _check_time_zones(parsed.calendars, window, budget, last + SEARCH_YEARS)
    parsed.calendars = [_standard(cal) for cal in parsed.calendars]
    parsed.index()
    found: list[BusyInterval] = []
    with search_limit(last + SEARCH_YEARS):
        for cal in parsed.calendars:
            found += event_intervals(cal, parsed, window, budget)
            found += freebusy_intervals(cal, parsed, window, budget)
            found += availability_intervals(cal, parsed, window, budget)
            budget.check_time()
    return found


def _check_time_zones(
    calendars: list[Any], window: ImportWindow, budget: Budget, last_year: int
) -> None:
    """Refuse time zones whose rules take too long to work out (before any local time is).

    A local time is worked out by stepping through its zone's rules from their start,
    at any date the file names up to ``last_year``: a zone changing every second since
    1970 would take hours for an event of 2022, even with the window in 1970.
    """
    far = datetime(last_year, 12, 31, tzinfo=UTC)
    steps = 0.0
    for cal in calendars:
        for tz in cal.walk("VTIMEZONE"):
            what = _("the time zone '{name}'").format(name=str(tz.get("TZID", ""))[:60])
            for part in tz.subcomponents:
                budget.expect((check_rules(part, what, window.query_end, window.tz)[0], 0), what)
                steps += check_rules(part, what, far, window.tz, day_parts=False)[0]
                if steps > MAX_RULE_STEPS:
                    raise RefusalError(
                        "", _("{what} changes too often to work out").format(what=what)
                    )


def _standard(calendar: Any) -> Any:
    """The calendar with Google's X-WR-TIMEZONE applied (RFC 5545 form)."""
    scale = str(calendar.get("CALSCALE", "GREGORIAN")).strip().upper()
    if scale != "GREGORIAN":
        raise RefusalError(
            "",
            _("it uses the '{scale}' calendar; only the Gregorian one is supported").format(
                scale=scale[:40]
            ),
        )
    zone = calendar.get("X-WR-TIMEZONE")
    if zone is None:
        return calendar
    try:
        tz = ZoneInfo(str(zone).strip())
    except Exception:  # ZoneInfoNotFoundError, ValueError for odd keys
        raise RefusalError(
            "",
            _("the calendar's time zone '{zone}' is not a known time zone").format(
                zone=str(zone)[:60]
            ),
        ) from None
    return x_wr_timezone.to_standard(calendar, timezone=tz)
