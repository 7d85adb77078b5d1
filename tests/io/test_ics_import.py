"""Calendar import semantics: one hand-written calendar per rule."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.io.test_ics_import_support import OUTLOOK_ZONE, at, cal, event, read
from visitplanner.domain import Availability, AvailabilityRange, Level
from visitplanner.io.errors import InputFileError
from visitplanner.io.ics_import import (
    BusyInterval,
    import_calendars,
    read_calendar_bytes,
    to_availability_ranges,
)

U, M = Level.UNAVAILABLE, Level.IF_NEED_BE
LON = "Europe/London"
MARCH = (date(2026, 3, 2), date(2026, 3, 8))


def test_busy_event_is_unavailable() -> None:
    data = cal(event("a", "SUMMARY:Board", "DTSTART:20260303T090000Z", "DTEND:20260303T100000Z"))
    assert read(data, LON, *MARCH) == [(at(LON, 2026, 3, 3, 9), at(LON, 2026, 3, 3, 10), U)]


def test_results_are_in_the_persons_zone() -> None:
    data = cal(event("a", "DTSTART:20260303T090000Z", "DTEND:20260303T100000Z"))
    (iv,) = read_calendar_bytes(data, "x.ics", "Europe/Paris", *MARCH)
    assert (iv.start.hour, str(iv.start.tzinfo)) == (10, "Europe/Paris")


def test_tentative_is_if_need_be_and_busy_wins_where_they_overlap() -> None:
    data = cal(
        event("t", "STATUS:TENTATIVE", "DTSTART:20260303T090000Z", "DTEND:20260303T120000Z"),
        event("b", "DTSTART:20260303T100000Z", "DTEND:20260303T110000Z"),
    )
    assert read(data, LON, *MARCH) == [
        (at(LON, 2026, 3, 3, 9), at(LON, 2026, 3, 3, 10), M),
        (at(LON, 2026, 3, 3, 10), at(LON, 2026, 3, 3, 11), U),
        (at(LON, 2026, 3, 3, 11), at(LON, 2026, 3, 3, 12), M),
    ]


@pytest.mark.parametrize("prop", ["TRANSP:TRANSPARENT", "STATUS:CANCELLED"])
def test_transparent_and_cancelled_events_are_ignored(prop: str) -> None:
    data = cal(event("a", prop, "DTSTART:20260303T090000Z", "DTEND:20260303T100000Z"))
    assert read(data, LON, *MARCH) == []


def test_events_outside_the_window_are_ignored_and_edges_clipped() -> None:
    data = cal(
        event("old", "DTSTART:20250303T090000Z", "DTEND:20250303T100000Z"),
        event("edge", "DTSTART:20260301T220000Z", "DTEND:20260302T020000Z"),
        event("late", "DTSTART:20260308T230000Z", "DTEND:20260309T010000Z"),
    )
    assert read(data, LON, *MARCH) == [
        (at(LON, 2026, 3, 2), at(LON, 2026, 3, 2, 2), U),
        (at(LON, 2026, 3, 8, 23), at(LON, 2026, 3, 9), U),
    ]


def test_adjacent_and_overlapping_events_merge() -> None:
    data = cal(
        event("a", "DTSTART:20260303T090000Z", "DTEND:20260303T100000Z"),
        event("b", "DTSTART:20260303T100000Z", "DTEND:20260303T103000Z"),
        event("c", "DTSTART:20260303T101500Z", "DURATION:PT1H"),
    )
    assert read(data, LON, *MARCH) == [(at(LON, 2026, 3, 3, 9), at(LON, 2026, 3, 3, 11, 15), U)]


WEEKLY = (
    "DTSTART;TZID=Europe/London:20260302T090000",
    "DTEND;TZID=Europe/London:20260302T100000",
    "RRULE:FREQ=WEEKLY",
)
THREE_WEEKS = (date(2026, 3, 2), date(2026, 3, 22))


def test_unbounded_weekly_rule_is_expanded_within_the_window_only() -> None:
    got = read(cal(event("w", *WEEKLY)), LON, *THREE_WEEKS)
    assert [s for s, _, _ in got] == [at(LON, 2026, 3, d, 9) for d in (2, 9, 16)]


def test_exdate_removes_an_occurrence() -> None:
    data = cal(event("w", *WEEKLY, "EXDATE;TZID=Europe/London:20260309T090000"))
    got = read(data, LON, *THREE_WEEKS)
    assert [s for s, _, _ in got] == [at(LON, 2026, 3, d, 9) for d in (2, 16)]


def test_rdate_adds_an_occurrence() -> None:
    data = cal(event("w", *WEEKLY, "RDATE;TZID=Europe/London:20260304T150000"))
    got = read(data, LON, *THREE_WEEKS)
    assert (at(LON, 2026, 3, 4, 15), at(LON, 2026, 3, 4, 16), U) in got
    assert len(got) == 4


def test_recurrence_id_moves_one_occurrence() -> None:
    moved = event(
        "w",
        "RECURRENCE-ID;TZID=Europe/London:20260309T090000",
        "DTSTART;TZID=Europe/London:20260310T140000",
        "DTEND;TZID=Europe/London:20260310T153000",
    )
    got = read(cal(event("w", *WEEKLY), moved), LON, *THREE_WEEKS)
    assert got == [
        (at(LON, 2026, 3, 2, 9), at(LON, 2026, 3, 2, 10), U),
        (at(LON, 2026, 3, 10, 14), at(LON, 2026, 3, 10, 15, 30), U),
        (at(LON, 2026, 3, 16, 9), at(LON, 2026, 3, 16, 10), U),
    ]


def test_recurrence_id_can_cancel_or_soften_one_occurrence() -> None:
    cancelled = event(
        "w",
        "RECURRENCE-ID;TZID=Europe/London:20260309T090000",
        "STATUS:CANCELLED",
        *WEEKLY[:2],
    )
    tentative = event(
        "w",
        "RECURRENCE-ID;TZID=Europe/London:20260316T090000",
        "STATUS:TENTATIVE",
        "DTSTART;TZID=Europe/London:20260316T090000",
        "DTEND;TZID=Europe/London:20260316T100000",
    )
    got = read(cal(event("w", *WEEKLY), cancelled, tentative), LON, *THREE_WEEKS)
    assert got == [
        (at(LON, 2026, 3, 2, 9), at(LON, 2026, 3, 2, 10), U),
        (at(LON, 2026, 3, 16, 9), at(LON, 2026, 3, 16, 10), M),
    ]


def test_all_day_event_covers_the_whole_day_in_the_persons_zone() -> None:
    data = cal(event("d", "DTSTART;VALUE=DATE:20260701", "DTEND;VALUE=DATE:20260703"))
    got = read(data, LON, date(2026, 6, 29), date(2026, 7, 5))
    assert got == [(at(LON, 2026, 7, 1), at(LON, 2026, 7, 3), U)]
    assert got[0][0].utcoffset() == timedelta(hours=1)  # midnight BST, not UTC


def test_all_day_event_without_end_lasts_one_day() -> None:
    data = cal(event("d", "DTSTART;VALUE=DATE:20260304"))
    assert read(data, LON, *MARCH) == [(at(LON, 2026, 3, 4), at(LON, 2026, 3, 5), U)]


def test_floating_times_are_read_in_the_persons_zone() -> None:
    data = cal(event("f", "DTSTART:20260304T090000", "DTEND:20260304T100000"))
    paris = "Europe/Paris"
    assert read(data, paris, *MARCH) == [(at(paris, 2026, 3, 4, 9), at(paris, 2026, 3, 4, 10), U)]


def test_outlook_windows_zone_name_with_its_own_vtimezone() -> None:
    data = cal(
        OUTLOOK_ZONE,
        event(
            "o",
            "SUMMARY:Team",
            "DTSTART;TZID=GMT Standard Time:20260701T090000",
            "DTEND;TZID=GMT Standard Time:20260701T100000",
        ),
    )
    got = read(data, "Europe/Paris", date(2026, 7, 1), date(2026, 7, 1))
    assert got == [(at(LON, 2026, 7, 1, 9), at(LON, 2026, 7, 1, 10), U)]
    assert got[0][0].hour == 10  # 09:00 in London is 10:00 in Paris


def test_freebusy_start_end_and_start_duration_forms() -> None:
    fb = """
    BEGIN:VFREEBUSY
    UID:fb
    FREEBUSY:20260303T090000Z/20260303T100000Z,20260304T090000Z/PT1H30M
    FREEBUSY;FBTYPE=BUSY-TENTATIVE:20260305T090000Z/PT1H
    FREEBUSY;FBTYPE=FREE:20260306T090000Z/PT1H
    FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20260307T090000Z/PT1H
    END:VFREEBUSY
    """
    assert read(cal(fb), LON, *MARCH) == [
        (at(LON, 2026, 3, 3, 9), at(LON, 2026, 3, 3, 10), U),
        (at(LON, 2026, 3, 4, 9), at(LON, 2026, 3, 4, 10, 30), U),
        (at(LON, 2026, 3, 5, 9), at(LON, 2026, 3, 5, 10), M),
        (at(LON, 2026, 3, 7, 9), at(LON, 2026, 3, 7, 10), U),
    ]


def test_weekly_london_event_keeps_wall_time_across_both_clock_changes() -> None:
    data = cal(
        event(
            "dst",
            "DTSTART;TZID=Europe/London:20260323T090000",
            "DTEND;TZID=Europe/London:20260323T100000",
            "RRULE:FREQ=WEEKLY;UNTIL=20261231T000000Z",
        )
    )
    spring = read(data, LON, date(2026, 3, 23), date(2026, 4, 5))
    autumn = read(data, LON, date(2026, 10, 19), date(2026, 11, 1))
    for got in (spring, autumn):
        assert [(s.hour, e.hour) for s, e, _ in got] == [(9, 10), (9, 10)]
        offsets = [s.utcoffset() for s, _, _ in got]
        assert offsets[0] != offsets[1]
    assert [s.day for s, _, _ in spring] == [23, 30]  # last Sunday of March: 29th
    assert [s.day for s, _, _ in autumn] == [19, 26]  # last Sunday of October: 25th


def test_google_x_wr_timezone_keeps_utc_repeats_on_local_wall_time() -> None:
    data = cal(
        event(
            "g",
            "DTSTART:20260323T080000Z",
            "DTEND:20260323T090000Z",
            "RRULE:FREQ=WEEKLY;COUNT=3",
        ),
        head="X-WR-TIMEZONE:Europe/Berlin",
    )
    berlin = "Europe/Berlin"
    got = read(data, berlin, date(2026, 3, 23), date(2026, 4, 12))
    assert [(s.day, s.hour) for s, _, _ in got] == [(23, 9), (30, 9), (6, 9)]


def test_unknown_x_wr_timezone_is_refused() -> None:
    data = cal(event("a", "DTSTART:20260303T090000Z"), head="X-WR-TIMEZONE:Mars/Olympus")
    with pytest.raises(InputFileError, match="Mars/Olympus"):
        read(data, LON, *MARCH)


AVAILABILITY = """
BEGIN:VAVAILABILITY
UID:low
DTSTART:20260302T000000Z
DTEND:20260309T000000Z
BEGIN:AVAILABLE
UID:low-a
DTSTART:20260302T090000Z
DTEND:20260302T170000Z
RRULE:FREQ=DAILY
END:AVAILABLE
END:VAVAILABILITY
BEGIN:VAVAILABILITY
UID:high
PRIORITY:1
BUSYTYPE:BUSY-TENTATIVE
DTSTART:20260304T000000Z
DTEND:20260305T000000Z
BEGIN:AVAILABLE
UID:high-a
DTSTART:20260304T120000Z
DTEND:20260304T130000Z
END:AVAILABLE
END:VAVAILABILITY
"""


def test_vavailability_busy_outside_available_and_priority_paints_over() -> None:
    got = read(cal(AVAILABILITY), "UTC", date(2026, 3, 3), date(2026, 3, 4))
    utc = "UTC"
    assert got == [
        (at(utc, 2026, 3, 3), at(utc, 2026, 3, 3, 9), U),
        (at(utc, 2026, 3, 3, 17), at(utc, 2026, 3, 4), U),
        (at(utc, 2026, 3, 4), at(utc, 2026, 3, 4, 12), M),
        (at(utc, 2026, 3, 4, 13), at(utc, 2026, 3, 5), M),
    ]


def test_several_files_are_merged(tmp_path: Path) -> None:
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    a.write_bytes(cal(event("a", "DTSTART:20260303T090000Z", "DTEND:20260303T100000Z")))
    b.write_bytes(cal(event("b", "DTSTART:20260303T093000Z", "DTEND:20260303T110000Z")))
    got = import_calendars([a, b], LON, *MARCH)
    assert got == [BusyInterval(at(LON, 2026, 3, 3, 9), at(LON, 2026, 3, 3, 11), U)]


def test_all_or_nothing_names_the_refused_file(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.ics", tmp_path / "holiday.ics"
    good.write_bytes(cal(event("a", "DTSTART:20260303T090000Z")))
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not a calendar")
    with pytest.raises(InputFileError) as caught:
        import_calendars([good, bad], LON, *MARCH)
    assert caught.value.file == str(bad)
    assert "holiday.ics" in caught.value.message
    assert "not a calendar file" in caught.value.message


def test_event_without_start_is_refused_with_its_name_and_line() -> None:
    data = cal(event("a", "SUMMARY:Lunch", "DTEND:20260303T100000Z"))
    with pytest.raises(InputFileError) as caught:
        read(data, LON, *MARCH)
    assert caught.value.place == "line 4"
    assert caught.value.problem == "the event 'Lunch' on line 4 has no start time"


def test_unreadable_start_is_refused() -> None:
    data = cal(event("a", "SUMMARY:Lunch", "DTSTART:tomorrow"))
    with pytest.raises(InputFileError, match="start time of the event 'Lunch'"):
        read(data, LON, *MARCH)


def test_event_ending_before_it_starts_is_read_with_times_swapped() -> None:
    # recurring_ical_events reads such an event as if start and end were swapped
    data = cal(event("a", "SUMMARY:Odd", "DTSTART:20260303T100000Z", "DTEND:20260303T090000Z"))
    assert read(data, LON, *MARCH) == [(at(LON, 2026, 3, 3, 9), at(LON, 2026, 3, 3, 10), U)]


def test_unknown_time_zone_without_description_is_refused() -> None:
    data = cal(event("a", "SUMMARY:Call", "DTSTART;TZID=Nowhere/Special:20260303T100000"))
    with pytest.raises(InputFileError, match="Nowhere/Special"):
        read(data, LON, *MARCH)


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="does not exist"):
        import_calendars([tmp_path / "nope.ics"], LON, *MARCH)
    with pytest.raises(InputFileError, match="folder"):
        import_calendars([tmp_path], LON, *MARCH)


def test_bad_zone_or_window_is_a_value_error() -> None:
    data = cal()
    with pytest.raises(ValueError, match="time zone"):
        read_calendar_bytes(data, "x.ics", "Mars/Olympus", *MARCH)
    with pytest.raises(ValueError, match="before"):
        read_calendar_bytes(data, "x.ics", LON, date(2026, 3, 8), date(2026, 3, 2))


def test_bare_event_file_and_empty_calendar_import() -> None:
    bare = event("a", "DTSTART:20260303T090000Z", "DTEND:20260303T100000Z").encode()
    assert len(read(bare, LON, *MARCH)) == 1
    assert read(cal(), LON, *MARCH) == []


def test_to_availability_ranges_paints_busy_time() -> None:
    busy = [
        BusyInterval(at(LON, 2026, 3, 3, 9), at(LON, 2026, 3, 3, 10), U),
        BusyInterval(at(LON, 2026, 3, 3, 6), at(LON, 2026, 3, 3, 8), M),
    ]
    assert to_availability_ranges(busy) == (
        AvailabilityRange(at(LON, 2026, 3, 3, 9), at(LON, 2026, 3, 3, 10), U),
        AvailabilityRange(at(LON, 2026, 3, 3, 6), at(LON, 2026, 3, 3, 8), M),
    )
    working_day = Availability(
        (AvailabilityRange(at(LON, 2026, 3, 3, 7), at(LON, 2026, 3, 3, 18), Level.AVAILABLE),)
    )
    ranges = to_availability_ranges(busy, over=working_day, zone=LON)
    # the tentative 06:00-08:00 only softens the available 07:00-08:00
    assert AvailabilityRange(at(LON, 2026, 3, 3, 7), at(LON, 2026, 3, 3, 8), M) in ranges
    segments = working_day.painted(ranges).day_segments(date(2026, 3, 3), LON)
    assert [(s.start, s.end, s.level) for s in segments] == [
        (0, 420, U),
        (420, 480, M),
        (480, 540, Level.AVAILABLE),
        (540, 600, U),
        (600, 1080, Level.AVAILABLE),
        (1080, 1440, U),
    ]
