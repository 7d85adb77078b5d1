"""Wall-clock helpers: parsing, formatting and visit minutes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from visitplanner.domain.clock import (
    duration_text,
    hhmm,
    parse_hhmm,
    split_visit_minute,
    visit_minute,
)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("00:00", 0), ("09:30", 570), (" 7:05 ", 425), ("23:59", 1439), ("24:00", 1440)],
)
def test_parse_hhmm_reads_times_of_day(text: str, minutes: int) -> None:
    assert parse_hhmm(text) == minutes


@pytest.mark.parametrize(
    "text", ["", "9", "9.30", "12:60", "24:01", "25:00", "-1:00", "ab:cd", "12:3x", "1:2:3"]
)
def test_parse_hhmm_refuses_what_is_not_a_time(text: str) -> None:
    with pytest.raises(ValueError, match="is not a time of day like 09:30"):
        parse_hhmm(text)


@given(st.integers(0, 1440))
def test_hhmm_and_parse_hhmm_round_trip(minute: int) -> None:
    text = hhmm(minute)
    assert len(text) == 5 and text[2] == ":"
    assert parse_hhmm(text) == minute


def test_hhmm_pads() -> None:
    assert hhmm(5) == "00:05" and hhmm(13 * 60) == "13:00"


@given(st.integers(1, 10), st.integers(0, 1439))
def test_visit_minutes_round_trip(day: int, minute: int) -> None:
    t = visit_minute(day, minute)
    assert t == (day - 1) * 1440 + minute
    assert split_visit_minute(t) == (day, minute)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(45, "45 min"), (60, "1 h"), (90, "1 h 30 min"), (125, "2 h 05 min"), (0, "0 min")],
)
def test_duration_text(minutes: int, text: str) -> None:
    assert duration_text(minutes) == text
