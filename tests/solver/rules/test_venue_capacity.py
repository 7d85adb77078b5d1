"""Rule ``venue_capacity`` (``solver/rules/venue_capacity.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    bob,
    place,
    schedule,
    tiny_visit,
)
from tests.solver.rules.helpers import (
    CAFE,
    HALL,
    assert_broken,
    assert_holds,
    violation,
)
from visitplanner.domain import Visit


def venue_visit() -> Visit:
    return tiny_visit(
        [ann(), bob()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann",), venues=("hall", "cafe")),
            activity("review", "Review", 60, required=("bob",), venues=("hall", "cafe")),
        ],
        venues=(HALL, CAFE),
    )


def test_venue_hosts_one_activity_at_a_time_holds() -> None:
    assert_holds(
        venue_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann"], "hall"),
            place("review", 1, "10:00", "11:00", ["bob"], "hall"),
        ),
    )


def test_shared_venue_hosts_several_activities_holds() -> None:
    assert_holds(
        venue_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann"], "cafe"),
            place("review", 1, "09:30", "10:30", ["bob"], "cafe"),
        ),
    )


def test_venue_hosts_one_activity_at_a_time_is_broken() -> None:
    assert_broken(
        venue_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann"], "hall"),
            place("review", 1, "09:30", "10:30", ["bob"], "hall"),
        ),
        [
            violation(
                "venue_capacity",
                "City Hall hosts «Kickoff» and «Review» at the same time",
                ("kickoff", "review"),
            )
        ],
    )
