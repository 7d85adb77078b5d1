"""Generated visits: realistic, reproducible, and solver and checker agree on them."""

from __future__ import annotations

import pytest
from benchmarks.visits import generate_visit

from visitplanner.domain import Side
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.checker import Checker
from visitplanner.solver.precheck import precheck
from visitplanner.solver.result import SolveOptions, Status
from visitplanner.solver.solve import solve

SMALL = [(1, 8, 4, 2, 1, 0.8), (2, 10, 6, 3, 1, 0.8), (2, 12, 7, 3, 2, 0.75)]


def test_the_same_seed_gives_the_same_visit() -> None:
    assert generate_visit(3, 20, 10, 3, 1, 0.7, seed=4) == generate_visit(3, 20, 10, 3, 1, 0.7, 4)
    assert generate_visit(3, 20, 10, 3, 1, 0.7, seed=4) != generate_visit(3, 20, 10, 3, 1, 0.7, 5)


def test_a_visit_has_the_size_asked_for() -> None:
    visit = generate_visit(5, 40, 20, 4, 2, 0.7, seed=1).visit
    assert visit.n_days == 5 and len(visit.participants) == 40
    assert len(visit.activities) == 20 and len(visit.venues) == 4
    assert len(visit.people_on(Side.INTERPRETER)) == 2
    assert any(a.is_formal for a in visit.activities)
    assert any(not a.is_formal for a in visit.activities)
    assert len(visit.travel.minutes) == 6


@pytest.mark.parametrize("seed", range(8))
def test_every_required_group_has_time_for_its_meetings(seed: int) -> None:
    project = generate_visit(5, 40, 20, 4, 2, 0.7, seed=seed)
    assert not precheck(VisitIndex(project.visit), None)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("size", SMALL, ids=lambda s: f"{s[0]}d{s[1]}p{s[2]}a")
def test_solver_and_checker_agree_on_generated_visits(
    size: tuple[int, int, int, int, int, float], seed: int
) -> None:
    visit = generate_visit(*size, seed=seed).visit
    result = solve(visit, SolveOptions(time_limit=10, workers=1, reproducible=True, seed=seed))
    assert result.status in (Status.OPTIMAL, Status.TIMED_OUT)
    assert result.schedule is not None
    report = Checker(visit).check(result.schedule)
    assert report.violations == ()
    assert report.total_cost == result.objective == sum(result.terms.values())
    assert result.bound is not None and result.bound <= result.objective
