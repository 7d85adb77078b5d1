"""Calendar import: bounded repeat rules, one file's time zones per file, exact busy time."""

from __future__ import annotations

import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.io.test_ics_import_support import OUTLOOK_ZONE, at, cal, event, read
from visitplanner.domain import Availability, Level
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_import import read_calendar_bytes, to_availability_ranges

WINDOW = (date(2026, 3, 2), date(2026, 3, 22))
U = Level.UNAVAILABLE


def _timed(data: bytes, notes: list[str] | None = None) -> float:
    began = time.process_time()
    try:
        read_calendar_bytes(data, "rule.ics", "UTC", *WINDOW, notes=notes)
    except InputFileError as exc:
        assert "rule.ics" in exc.message
    return time.process_time() - began


NEVER = [
    ("20200101T100000Z", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"),
    ("20200101T100000Z", "FREQ=DAILY;COUNT=3;BYMONTH=2;BYMONTHDAY=30"),
    ("20260301T100000Z", "FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30"),
    ("20260301T100000Z", "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30"),
    ("20260301T100000Z", "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6,9,11"),
    ("20260301", "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1"),
]


@pytest.mark.parametrize(("start", "rule"), NEVER)
def test_rules_that_never_match_finish_at_once(start: str, rule: str) -> None:
    """They used to be searched day by day until the year 9999 (10-20 s each)."""
    value = f"DTSTART;VALUE=DATE:{start}" if len(start) == 8 else f"DTSTART:{start}"
    data = cal(event("never", value, "DURATION:PT1H", f"RRULE:{rule}"))
    assert _timed(data) < 2


def test_a_rule_that_never_comes_is_skipped_and_named() -> None:
    data = cal(
        event("ok", "SUMMARY:Board", "DTSTART:20260303T100000Z", "DTEND:20260303T110000Z"),
        event(
            "odd",
            "SUMMARY:Leap lunch",
            "DTSTART:20200101T120000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=DAILY;COUNT=3;BYMONTH=2;BYMONTHDAY=30",
        ),
    )
    notes: list[str] = []
    got = read_calendar_bytes(data, "rule.ics", "UTC", *WINDOW, notes=notes)
    assert [(iv.start, iv.end) for iv in got] == [
        (at("UTC", 2026, 3, 3, 10), at("UTC", 2026, 3, 3, 11))
    ]
    assert len(notes) == 1
    assert "rule.ics" in notes[0] and "Leap lunch" in notes[0] and "never" in notes[0]


def test_an_exception_rule_every_second_is_refused_at_once() -> None:
    data = cal(
        event(
            "x",
            "DTSTART:20260301T100000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=DAILY",
            "EXRULE:FREQ=SECONDLY",
        )
    )
    with pytest.raises(InputFileError, match="every second"):
        read_calendar_bytes(data, "rule.ics", "UTC", *WINDOW)


def _office(offset: str, extra: str = "") -> str:
    """A VTIMEZONE 'Office Time' with a fixed ``offset`` (e.g. +1000)."""
    return f"""
BEGIN:VTIMEZONE
TZID:Office Time
BEGIN:STANDARD
DTSTART:19701025T030000
TZOFFSETFROM:{offset}
TZOFFSETTO:{offset}
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
{extra}
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700329T020000
TZOFFSETFROM:{offset}
TZOFFSETTO:{offset}
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
END:VTIMEZONE
"""


def _meeting_at_office(offset: str, extra: str = "") -> bytes:
    return cal(
        event(
            "m",
            "DTSTART;TZID=Office Time:20260303T150000",
            "DTEND;TZID=Office Time:20260303T160000",
        ),
        head=_office(offset, extra),
    )


def test_exception_rule_every_second_in_a_time_zone_is_refused_at_once() -> None:
    """It used to hang the import with no end (killed after 300 s)."""
    assert _timed(_meeting_at_office("+0100", "EXRULE:FREQ=SECONDLY")) < 2
    with pytest.raises(InputFileError, match="time zone 'Office Time'"):
        read_calendar_bytes(
            _meeting_at_office("+0100", "EXRULE:FREQ=SECONDLY"), "tz.ics", "UTC", *WINDOW
        )


@pytest.mark.parametrize("order", ["tokyo first", "utc first"])
def test_each_file_is_read_with_its_own_time_zones(order: str) -> None:
    """icalendar keeps one table of zones by TZID for the whole process."""
    tokyo, utc = _meeting_at_office("+1000"), _meeting_at_office("+0000")
    files = [tokyo, utc] if order == "tokyo first" else [utc, tokyo]
    got = [read(f, "UTC", *WINDOW) for f in files]
    expected = {
        id(tokyo): [(at("UTC", 2026, 3, 3, 5), at("UTC", 2026, 3, 3, 6), U)],
        id(utc): [(at("UTC", 2026, 3, 3, 15), at("UTC", 2026, 3, 3, 16), U)],
    }
    assert got == [expected[id(f)] for f in files]


def test_a_refused_file_does_not_leave_its_time_zones_behind() -> None:
    poisoned = _meeting_at_office("+1000").replace(
        b"END:VCALENDAR", b"BEGIN:VEVENT\r\nEND:VCALENDAR"
    )
    with pytest.raises(InputFileError):
        read_calendar_bytes(poisoned, "bad.ics", "UTC", *WINDOW)
    assert read(_meeting_at_office("+0000"), "UTC", *WINDOW) == [
        (at("UTC", 2026, 3, 3, 15), at("UTC", 2026, 3, 3, 16), U)
    ]


def test_two_events_with_one_uid_are_both_busy_time() -> None:
    data = cal(
        event("same", "DTSTART:20260303T100000Z", "DTEND:20260303T110000Z"),
        event("same", "DTSTART:20260304T100000Z", "DTEND:20260304T110000Z"),
    )
    assert read(data, "UTC", *WINDOW) == [
        (at("UTC", 2026, 3, 3, 10), at("UTC", 2026, 3, 3, 11), U),
        (at("UTC", 2026, 3, 4, 10), at("UTC", 2026, 3, 4, 11), U),
    ]


def test_a_changed_occurrence_still_replaces_its_original() -> None:
    data = cal(
        event(
            "s", "DTSTART:20260303T100000Z", "DTEND:20260303T110000Z", "RRULE:FREQ=DAILY;COUNT=2"
        ),
        event(
            "s",
            "RECURRENCE-ID:20260304T100000Z",
            "DTSTART:20260304T140000Z",
            "DTEND:20260304T150000Z",
        ),
    )
    assert read(data, "UTC", *WINDOW) == [
        (at("UTC", 2026, 3, 3, 10), at("UTC", 2026, 3, 3, 11), U),
        (at("UTC", 2026, 3, 4, 14), at("UTC", 2026, 3, 4, 15), U),
    ]


@pytest.mark.parametrize(
    ("start", "end", "slot", "expected"),
    [
        ((10, 0, 0), (10, 0, 40), 5, ((10, 0), (10, 5))),
        ((10, 3, 20), (10, 7, 1), 5, ((10, 0), (10, 10))),
        ((10, 3, 20), (10, 7, 1), 1, ((10, 3), (10, 8))),
        ((9, 59, 59), (10, 0, 0), 15, ((9, 45), (10, 0))),
    ],
)
def test_busy_time_is_rounded_outward_to_the_slot(
    start: tuple[int, int, int],
    end: tuple[int, int, int],
    slot: int,
    expected: tuple[tuple[int, int], tuple[int, int]],
) -> None:
    from visitplanner.io.ics_import import BusyInterval

    paris = ZoneInfo("Europe/Paris")
    iv = BusyInterval(
        datetime(2026, 3, 3, *start, tzinfo=paris), datetime(2026, 3, 3, *end, tzinfo=paris), U
    )
    (got,) = to_availability_ranges([iv], over=Availability(), zone="Europe/Paris", slot=slot)
    assert (got.start, got.end) == (
        datetime(2026, 3, 3, *expected[0], tzinfo=paris),
        datetime(2026, 3, 3, *expected[1], tzinfo=paris),
    )


def test_a_forty_second_call_saves_and_reopens(tmp_path: object, demo_path: object) -> None:
    """It used to save a range ending where it starts, which the project then refused."""
    from dataclasses import replace
    from pathlib import Path

    from visitplanner.io.project import load_project, save_project

    project = load_project(Path(str(demo_path)))
    person = project.visit.participants[0]
    day = project.visit.dates[0]
    data = cal(event("c", f"DTSTART:{day:%Y%m%d}T100000Z", f"DTEND:{day:%Y%m%d}T100040Z"))
    got = read_calendar_bytes(data, "call.ics", person.home_zone, day, day)
    current = project.visit.availability_of(person.id)
    ranges = to_availability_ranges(
        got, over=current, zone=person.home_zone, slot=project.visit.slot
    )
    availability = {**project.visit.availability, person.id: current.painted(ranges)}
    target = Path(str(tmp_path)) / "p.json"
    save_project(replace(project, visit=replace(project.visit, availability=availability)), target)
    assert load_project(target).visit.availability_of(person.id).ranges[-1].end > ranges[-1].start


def test_an_event_far_beyond_the_search_limit_does_not_jam_its_time_zone() -> None:
    """A stopped search used to leave dateutil's cache lock taken: the next event hung."""

    def meeting(uid: str, day: str) -> str:
        return event(
            uid,
            f"SUMMARY:{uid}",
            f"DTSTART;TZID=GMT Standard Time:{day}T100000",
            f"DTEND;TZID=GMT Standard Time:{day}T110000",
            "RRULE:FREQ=YEARLY;COUNT=2",  # so that it is not sifted out before parsing
        )

    data = cal(
        meeting("before", "20260303"),
        meeting("far", "31000301"),
        meeting("farther", "32000301"),
        meeting("after", "20260304"),
        head=OUTLOOK_ZONE,
    )
    notes: list[str] = []
    began = time.process_time()
    got = read_calendar_bytes(data, "far.ics", "UTC", *WINDOW, notes=notes)
    assert time.process_time() - began < 2
    assert [(iv.start, iv.end) for iv in got] == [
        (at("UTC", 2026, 3, 3, 10), at("UTC", 2026, 3, 3, 11)),
        (at("UTC", 2026, 3, 4, 10), at("UTC", 2026, 3, 4, 11)),
    ]
    assert len(notes) == 2 and "'far'" in notes[0] and "'farther'" in notes[1]
