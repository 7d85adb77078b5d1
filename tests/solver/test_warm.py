"""A first programme from the hard rules alone: complete, valid, scored as the checker."""

from __future__ import annotations

import pytest
from benchmarks.visits import generate_visit
from ortools.sat.python import cp_model

from visitplanner.domain.index import VisitIndex
from visitplanner.solver import solve as solve_module
from visitplanner.solver.build import build_model
from visitplanner.solver.result import SolveOptions, Status
from visitplanner.solver.rules import check_all
from visitplanner.solver.warm import first_from_hard_rules

THREE_DAYS = (3, 14, 9, 3, 1, 0.7)


def _run_first(model: cp_model.CpModel, seconds: float) -> tuple[int, cp_model.CpSolver]:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.stop_after_first_solution = True
    return solver.solve(model), solver


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_first_programme_keeps_every_rule_and_is_scored_as_the_checker(seed: int) -> None:
    index = VisitIndex(generate_visit(*THREE_DAYS, seed=seed).visit)
    ctx = build_model(index, None)
    start = first_from_hard_rules(index, None, ctx, _run_first, 20.0)
    assert start is not None
    report = check_all(index, ctx.extract(start.source))
    assert report.ok
    assert start.score == report.total_cost


def test_a_large_visit_starts_from_the_hard_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    first = solve_module._first_programme

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return first(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(solve_module, "_first_programme", spy)
    visit = generate_visit(*THREE_DAYS, seed=1).visit
    result = solve_module.solve(visit, SolveOptions(time_limit=5, workers=1))
    assert calls == []  # a small visit: CP-SAT's own search from the start
    monkeypatch.setattr(solve_module, "HARD_RULES_FIRST_ABOVE", 0)
    result = solve_module.solve(visit, SolveOptions(time_limit=5, workers=1))
    assert calls == [1]
    assert result.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert result.schedule is not None
    assert check_all(VisitIndex(visit), result.schedule).ok


def test_a_start_that_uses_up_the_time_still_ends_with_an_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(solve_module, "HARD_RULES_FIRST_ABOVE", 0)
    visit = generate_visit(*THREE_DAYS, seed=1).visit
    result = solve_module.solve(visit, SolveOptions(time_limit=0.001, workers=1))
    assert result.status in (Status.FEASIBLE, Status.TIMED_OUT)
