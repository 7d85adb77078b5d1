"""Rule ``venue_allowed`` (``solver/rules/venue_allowed.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    place,
    schedule,
    solve_tiny,
    tiny_visit,
)
from tests.solver.rules.helpers import (
    HALL,
    HOTEL,
    assert_broken,
    assert_holds,
    travel_visit,
    violation,
)
from visitplanner.solver.result import Status


def test_activity_at_one_of_its_venues_holds() -> None:
    assert_holds(
        travel_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], "hotel"),
            place("review", 1, "10:30", "11:30", ["ann", "cleo"], "hall"),
        ),
    )


def test_activity_at_one_of_its_venues_is_broken_by_another_venue() -> None:
    assert_broken(
        travel_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], "hall"),
            place("review", 1, "10:00", "11:00", ["ann", "cleo"], "hall"),
        ),
        [
            violation(
                "venue_allowed",
                "«Kickoff» is at City Hall; it should be at Hotel Lumière",
                ("kickoff",),
            )
        ],
    )


def test_activity_at_one_of_its_venues_is_broken_by_no_venue() -> None:
    visit = tiny_visit(
        [ann()],
        [activity("kickoff", "Kickoff", 60, required=("ann",), venues=("hotel", "hall"))],
        venues=(HOTEL, HALL),
    )
    assert_holds(visit, schedule(place("kickoff", 1, "09:00", "10:00", ["ann"], "hall")))
    assert_broken(
        visit,
        schedule(place("kickoff", 1, "09:00", "10:00", ["ann"])),
        [
            violation(
                "venue_allowed",
                "«Kickoff» has no venue; it should be at Hotel Lumière or City Hall",
                ("kickoff",),
            )
        ],
    )


def test_activity_with_no_venue_ticked_is_a_problem_not_the_first_venue() -> None:
    visit = tiny_visit(
        [ann()], [activity("kickoff", "Kickoff", 60, required=("ann",))], venues=(HOTEL, HALL)
    )
    problem = "«Kickoff» has no venue ticked; tick at least one venue for it"
    for where in ("hotel", "hall", ""):
        assert_broken(
            visit,
            schedule(place("kickoff", 1, "09:00", "10:00", ["ann"], where)),
            [violation("venue_allowed", problem, ("kickoff",))],
        )
    result = solve_tiny(visit)
    assert result.status is Status.INFEASIBLE
    assert result.explanation == (problem,)


def test_activity_at_one_of_its_venues_is_broken_when_the_visit_has_none() -> None:
    visit = tiny_visit([ann()], [activity("kickoff", "Kickoff", 60, required=("ann",))])
    assert_broken(
        visit,
        schedule(place("kickoff", 1, "09:00", "10:00", ["ann"], "attic")),
        [
            violation(
                "venue_allowed", "«Kickoff» is at attic; this visit has no venues", ("kickoff",)
            )
        ],
    )
