"""Rule ``pinned_stay`` (``solver/rules/pinned_stay.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    availability,
    bob,
    place,
    schedule,
    solve_tiny,
    span,
    tiny_visit,
)
from tests.solver.rules.helpers import (
    violation,
)
from visitplanner.domain import Level, Schedule, Visit
from visitplanner.solver.checker import Checker
from visitplanner.solver.result import Status


def pin_visit() -> Visit:
    return tiny_visit(
        [ann(), bob()],
        [activity("kickoff", "Kickoff", 60, required=("ann", "bob"))],
        free={
            "ann": availability(
                span(1, "09:00", "10:00", Level.IF_NEED_BE), span(1, "10:00", "17:00")
            )
        },
    )


def test_pinned_activities_stay_put_holds() -> None:
    previous = schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], pinned=True))
    report = Checker(pin_visit()).check(
        schedule(place("kickoff", 1, "09:00", "10:00", ["bob", "ann"])), previous
    )
    assert report.violations == ()


def test_pinned_activities_stay_put_is_broken() -> None:
    previous = schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], pinned=True))
    moved = schedule(place("kickoff", 1, "10:00", "11:00", ["ann", "bob"]))
    assert Checker(pin_visit()).check(moved, previous).violations == (
        violation(
            "pinned_stay",
            "«Kickoff» is pinned at day 1 09:00-10:00 but has been changed",
            ("kickoff",),
        ),
    )
    assert Checker(pin_visit()).check(Schedule(), previous).for_key("kickoff") == (
        violation("activities_held", "«Kickoff» is not in the programme", ("kickoff",)),
        violation(
            "pinned_stay",
            "«Kickoff» is pinned at day 1 09:00-10:00 but has been changed",
            ("kickoff",),
        ),
    )


def test_pinned_activities_stay_put_in_the_solver_even_when_it_costs() -> None:
    visit = pin_visit()
    free = solve_tiny(visit)
    assert free.status is Status.OPTIMAL and free.objective == 0
    assert free.schedule is not None and free.schedule.placements[0].start >= 600
    previous = schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], pinned=True))
    kept = solve_tiny(visit, previous)
    assert kept.status is Status.OPTIMAL and kept.schedule is not None
    assert kept.schedule.placements[0] == previous.placements[0]
    assert kept.objective == 60 * 4  # an hour of Ann's if-need-be time
    assert Checker(visit).check(kept.schedule, previous).violations == ()
