"""Availability painted over a day, across daylight-saving changes and zones."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from visitplanner.domain import Availability, AvailabilityRange, Level
from visitplanner.domain.availability import Segment, local_range

LONDON, PARIS = "Europe/London", "Europe/Paris"
A, N, U = Level.AVAILABLE, Level.IF_NEED_BE, Level.UNAVAILABLE
SPRING = date(2027, 3, 28)  # last Sunday of March: clocks go forward in London and Paris
AUTUMN = date(2027, 10, 31)  # last Sunday of October: clocks go back


def segments(avail: Availability, day: date) -> list[tuple[int, int, Level]]:
    return [(s.start, s.end, s.level) for s in avail.day_segments(day, PARIS)]


def test_a_day_without_ranges_is_one_default_segment() -> None:
    assert Availability().day_segments(SPRING, PARIS) == (Segment(0, 1440, U),)
    assert Availability(default=A).day_segments(SPRING, PARIS) == (Segment(0, 1440, A),)


@pytest.mark.parametrize("day", [SPRING, AUTUMN, date(2027, 3, 27)])
def test_london_office_hours_are_an_hour_later_in_paris(day: date) -> None:
    avail = Availability((local_range(day, 9 * 60, 17 * 60, LONDON, A),))
    assert segments(avail, day) == [(0, 600, U), (600, 1080, A), (1080, 1440, U)]


def test_london_night_across_the_spring_change_in_paris_time() -> None:
    # 00:00 GMT = 01:00 CET; 03:00 BST = 02:00 UTC = 04:00 CEST
    avail = Availability((local_range(SPRING, 0, 3 * 60, LONDON, A),))
    assert segments(avail, SPRING) == [(0, 60, U), (60, 240, A), (240, 1440, U)]


def test_london_night_across_the_autumn_change_in_paris_time() -> None:
    # 00:00 BST = 23:00 UTC = 01:00 CEST; 03:00 GMT = 03:00 UTC = 04:00 CET
    avail = Availability((local_range(AUTUMN, 0, 3 * 60, LONDON, N),))
    assert segments(avail, AUTUMN) == [(0, 60, U), (60, 240, N), (240, 1440, U)]


def test_a_range_over_midnight_into_the_spring_change_splits_over_two_paris_days() -> None:
    # Sat 22:00 GMT = 23:00 CET; Sun 06:00 BST = 05:00 UTC = 07:00 CEST
    avail = Availability((local_range(date(2027, 3, 27), 22 * 60, 30 * 60, LONDON, A),))
    assert segments(avail, date(2027, 3, 27)) == [(0, 1380, U), (1380, 1440, A)]
    assert segments(avail, SPRING) == [(0, 420, A), (420, 1440, U)]


def test_the_same_instant_typed_in_either_zone_is_the_same_range() -> None:
    london = local_range(AUTUMN, 9 * 60, 10 * 60, LONDON, A)
    paris = local_range(AUTUMN, 10 * 60, 11 * 60, PARIS, A)
    assert (london.start, london.end) == (paris.start, paris.end)


def test_later_ranges_paint_over_earlier_ones() -> None:
    day = date(2027, 3, 16)
    avail = Availability(
        (local_range(day, 9 * 60, 17 * 60, PARIS, A), local_range(day, 12 * 60, 14 * 60, PARIS, N))
    ).painted([local_range(day, 13 * 60, 15 * 60, PARIS, U)])
    assert segments(avail, day) == [
        (0, 540, U),
        (540, 720, A),
        (720, 780, N),
        (780, 900, U),
        (900, 1020, A),
        (1020, 1440, U),
    ]


def test_ranges_must_be_aware_and_forward() -> None:
    tz = ZoneInfo(PARIS)
    with pytest.raises(ValueError, match="time zone"):
        AvailabilityRange(datetime(2027, 3, 16, 9), datetime(2027, 3, 16, 10), A)
    with pytest.raises(ValueError, match="before it starts"):
        AvailabilityRange(
            datetime(2027, 3, 16, 10, tzinfo=tz), datetime(2027, 3, 16, 9, tzinfo=tz), A
        )
