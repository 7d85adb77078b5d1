"""Rule ``within_windows`` (``solver/rules/within_windows.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    bob,
    place,
    schedule,
    tiny_visit,
    window,
)
from tests.solver.rules.helpers import (
    assert_broken,
    assert_holds,
    violation,
)
from visitplanner.domain import Visit


def window_visit() -> Visit:
    return tiny_visit(
        [ann(), bob()],
        [
            activity(
                "kickoff",
                "Kickoff",
                60,
                [window("09:00", "12:00", day=1)],
                max_length=90,
                required=("ann", "bob"),
            )
        ],
        days=2,
    )


def test_activity_within_its_window_holds() -> None:
    assert_holds(window_visit(), schedule(place("kickoff", 1, "10:30", "12:00", ["ann", "bob"])))


def test_activity_within_its_window_is_broken_by_running_late() -> None:
    assert_broken(
        window_visit(),
        schedule(place("kickoff", 1, "11:30", "12:30", ["ann", "bob"])),
        [
            violation(
                "within_windows",
                "«Kickoff» at day 1 11:30-12:30 is outside its window (day 1 09:00-12:00)",
                ("kickoff",),
            )
        ],
    )


def test_activity_within_its_window_is_broken_on_another_day() -> None:
    assert_broken(
        window_visit(),
        schedule(place("kickoff", 2, "09:00", "10:00", ["ann", "bob"])),
        [
            violation(
                "within_windows",
                "«Kickoff» at day 2 09:00-10:00 is outside its window (day 1 09:00-12:00)",
                ("kickoff",),
            )
        ],
    )


def test_activity_length_is_broken_when_too_short_or_long() -> None:
    assert_broken(
        window_visit(),
        schedule(place("kickoff", 1, "09:00", "09:30", ["ann", "bob"])),
        [
            violation(
                "within_windows",
                "«Kickoff» lasts 30 min; it should last 1 h to 1 h 30 min",
                ("kickoff",),
            )
        ],
    )
    assert_broken(
        window_visit(),
        schedule(place("kickoff", 1, "09:00", "11:00", ["ann", "bob"])),
        [
            violation(
                "within_windows",
                "«Kickoff» lasts 2 h; it should last 1 h to 1 h 30 min",
                ("kickoff",),
            )
        ],
    )
