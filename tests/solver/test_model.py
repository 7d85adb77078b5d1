"""The model under construction: hints from a previous programme."""

from __future__ import annotations

from dataclasses import replace

import pytest
from ortools.sat.python import cp_model

from tests.solver.test_solve import harder, opts
from visitplanner.domain import Schedule, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.io.demo import demo_path as bundled_demo
from visitplanner.io.project import load_project
from visitplanner.solver.build import build_model
from visitplanner.solver.result import SolveResult
from visitplanner.solver.solve import solve


@pytest.fixture(scope="module")
def demo() -> Visit:
    return load_project(bundled_demo()).visit


@pytest.fixture(scope="module")
def demo_result(demo: Visit) -> SolveResult:
    return solve(demo, opts())


def _replayed(visit: Visit, schedule: Schedule) -> tuple[int, Schedule | None]:
    """Hint ``schedule`` and let the solver only follow the hints."""
    ctx = build_model(VisitIndex(visit), None)
    hinted = ctx.hint(schedule)
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.fix_variables_to_their_hinted_value = True
    params.num_workers = 1
    params.max_time_in_seconds = 10
    status = solver.solve(ctx.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return hinted, None
    return hinted, ctx.extract(solver)


def test_a_programme_hinted_in_full_is_followed_exactly(
    demo: Visit, demo_result: SolveResult
) -> None:
    assert demo_result.schedule is not None
    visit = harder(demo)  # extra optional blocks: the hint must say they are not held
    hinted, replayed = _replayed(visit, demo_result.schedule)
    assert hinted == len(demo_result.schedule)
    assert replayed is not None
    assert [(p.key, p.day, p.start, p.end, p.venue, set(p.attendees)) for p in replayed] == [
        (p.key, p.day, p.start, p.end, p.venue, set(p.attendees)) for p in demo_result.schedule
    ]


def test_placements_off_the_slot_grid_or_unknown_are_not_hinted(
    demo: Visit, demo_result: SolveResult
) -> None:
    assert demo_result.schedule is not None
    first, *rest = demo_result.schedule.placements
    odd = Schedule((replace(first, start=first.start + 1), *rest))
    ctx = build_model(VisitIndex(demo), None)
    assert ctx.hint(odd) == len(rest)
    gone = Schedule((replace(first, key="no-such@1"), *rest))
    assert build_model(VisitIndex(demo), None).hint(gone) == len(rest)
