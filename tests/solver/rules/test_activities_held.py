"""Rule ``activities_held`` (``solver/rules/activities_held.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    bob,
    busy,
    model_status,
    place,
    schedule,
    solve_tiny,
    tiny_visit,
    window,
)
from tests.solver.rules.helpers import (
    assert_holds,
    violation,
)
from visitplanner.domain import Kind, Schedule, Visit
from visitplanner.solver.checker import Checker
from visitplanner.solver.result import Status


def held_visit(kickoff_window: str = "09:00-17:00") -> Visit:
    a, b = kickoff_window.split("-")
    return tiny_visit(
        [ann(), bob()],
        [
            activity("kickoff", "Kickoff", 60, [window(a, b)], required=("ann", "bob")),
            # late in the day: held, it would leave Ann waiting, so the best programme skips it
            activity(
                "coffee",
                "Coffee",
                30,
                [window("16:30", "17:00")],
                kind=Kind.INFORMAL,
                optional=("ann",),
                mandatory=False,
            ),
        ],
    )


def test_activities_held_holds() -> None:
    assert_holds(held_visit(), schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"])))


def test_activities_held_is_broken_by_a_missing_activity() -> None:
    assert Checker(held_visit()).check(Schedule()).violations == (
        violation("activities_held", "«Kickoff» is not in the programme", ("kickoff",)),
    )


def test_activities_held_is_broken_by_a_duplicate_or_unknown_activity() -> None:
    sched = schedule(
        place("kickoff", 1, "09:00", "10:00", ["ann", "bob"]),
        place("kickoff", 1, "11:00", "12:00", ["ann", "bob"]),
        place("ghost", 1, "13:00", "14:00", []),
    )
    assert list(Checker(held_visit()).check(sched).violations) == [
        violation("activities_held", "«Kickoff» is in the programme twice", ("kickoff",)),
        violation("activities_held", "'ghost' is not an activity of this visit", ("ghost",)),
    ]


def test_activities_held_solver_holds_mandatory_and_drops_what_cannot_fit() -> None:
    visit = tiny_visit(
        [ann(), bob()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann", "bob")),
            activity(
                "coffee",
                "Coffee",
                30,
                [window("07:00", "08:00")],
                kind=Kind.INFORMAL,
                required=("ann",),
                mandatory=False,
            ),
        ],
        free={"ann": busy((1, "07:00", "08:00"))},
    )
    result = solve_tiny(visit)
    assert result.status is Status.OPTIMAL and result.schedule is not None
    assert [p.key for p in result.schedule] == ["kickoff"]


def test_activities_held_is_broken_when_a_mandatory_activity_cannot_fit() -> None:
    visit = held_visit("09:00-09:30")
    result = solve_tiny(visit)
    assert result.status is Status.INFEASIBLE
    assert model_status(visit, Schedule()) == "INFEASIBLE"
