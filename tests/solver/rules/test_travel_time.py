"""Rule ``travel_time`` (``solver/rules/travel_time.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    place,
    schedule,
)
from tests.solver.rules.helpers import (
    assert_broken,
    assert_holds,
    travel_visit,
    violation,
)


def test_travel_time_between_venues_holds() -> None:
    assert_holds(
        travel_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], "hotel"),
            place("review", 1, "10:30", "11:30", ["ann", "cleo"], "hall"),
        ),
    )


def test_travel_time_between_venues_is_broken() -> None:
    assert_broken(
        travel_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], "hotel"),
            place("review", 1, "10:15", "11:15", ["ann", "cleo"], "hall"),
        ),
        [
            violation(
                "travel_time",
                "Ann Archer: «Kickoff» ends at 10:00 at Hotel Lumière and «Review» starts at "
                "10:15 at City Hall; the journey takes 30 min",
                ("kickoff", "review"),
                ("ann",),
            )
        ],
    )


def test_travel_time_is_broken_in_the_other_direction_too() -> None:
    assert_broken(
        travel_visit(),
        schedule(
            place("review", 1, "09:00", "10:00", ["ann", "cleo"], "hall"),
            place("kickoff", 1, "10:15", "11:15", ["ann", "bob"], "hotel"),
        ),
        [
            violation(
                "travel_time",
                "Ann Archer: «Review» ends at 10:00 at City Hall and «Kickoff» starts at "
                "10:15 at Hotel Lumière; the journey takes 30 min",
                ("review", "kickoff"),
                ("ann",),
            )
        ],
    )
