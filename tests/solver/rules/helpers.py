"""Helpers for the per-rule tests: each hard rule, holding and broken, on a tiny visit.

A holding schedule passes the checker, and pinned in full it comes back from
``solve`` unchanged with the checker's cost as objective. A broken schedule
gives the exact violation, and pinned in full it is infeasible, both through
``solve`` (whose pre-checks reject it) and in the CP-SAT model alone.
"""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    bob,
    cleo,
    model_status,
    solve_pinned,
    tiny_visit,
)
from visitplanner.domain import Schedule, Venue, Visit
from visitplanner.solver.checker import Checker, Violation
from visitplanner.solver.result import Status
from visitplanner.solver.rules import hard_rules

LABELS = {r.name: r.label for r in hard_rules()}


def violation(
    rule: str,
    message: str,
    keys: tuple[str, ...],
    people: tuple[str, ...] = (),
    details: tuple[str, ...] = (),
) -> Violation:
    """The violation we expect, labelled as the catalogue labels it."""
    return Violation(rule, LABELS[rule], message, keys, people, details)


def _facts(sched: Schedule) -> set[tuple[object, ...]]:
    return {(p.key, p.day, p.start, p.end, p.venue, frozenset(p.attendees)) for p in sched}


def assert_holds(visit: Visit, sched: Schedule) -> None:
    """No violation; pinned, the solver keeps it and scores it as the checker does."""
    report = Checker(visit).check(sched)
    assert report.violations == ()
    result = solve_pinned(visit, sched)
    assert result.status is Status.OPTIMAL
    assert result.schedule is not None
    assert _facts(result.schedule) == _facts(sched)
    assert result.objective == report.total_cost
    assert model_status(visit, sched) == "OPTIMAL"


def assert_broken_attendance(visit: Visit, sched: Schedule, expected: list[Violation]) -> None:
    """Exactly ``expected``; the model with this attendance is infeasible, but a pin fixes only
    time and venue, so solving with it pinned puts the activity's own attendees there."""
    assert list(Checker(visit).check(sched).violations) == expected
    assert model_status(visit, sched) == "INFEASIBLE"
    result = solve_pinned(visit, sched)
    assert result.status is Status.OPTIMAL and result.schedule is not None
    assert Checker(visit).check(result.schedule).violations == ()
    kept = {(p.key, p.day, p.start, p.end, p.venue) for p in result.schedule}
    assert kept == {(p.key, p.day, p.start, p.end, p.venue) for p in sched}


def assert_broken(visit: Visit, sched: Schedule, expected: list[Violation]) -> None:
    """Exactly ``expected``; pinned, no schedule exists (with and without pre-checks)."""
    assert list(Checker(visit).check(sched).violations) == expected
    result = solve_pinned(visit, sched)
    assert result.status is Status.INFEASIBLE
    assert result.schedule is None
    assert result.explanation
    assert model_status(visit, sched) == "INFEASIBLE"


ALL3 = ["ann", "fleur", "ivan"]

HOTEL = Venue("hotel", "Hotel Lumière")
HALL = Venue("hall", "City Hall")
CAFE = Venue("cafe", "Café de la Gare", shared=True)


def travel_visit() -> Visit:
    return tiny_visit(
        [ann(), bob(), cleo()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann", "bob"), venues=("hotel",)),
            activity("review", "Review", 60, required=("ann", "cleo"), venues=("hall",)),
        ],
        venues=(HOTEL, HALL),
        travel={("hotel", "hall"): 30},
    )
