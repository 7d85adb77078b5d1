"""Programmes to start from: the hard rules' first one and the coordinator's own.

Each is complete, keeps every rule and is scored as the checker scores it; searching on
from the coordinator's programme never ends with a worse one.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from benchmarks.visits import generate_visit
from ortools.sat.python import cp_model

from visitplanner.domain import Schedule
from visitplanner.domain.index import VisitIndex
from visitplanner.solver import solve as solve_module
from visitplanner.solver.build import build_model
from visitplanner.solver.result import SolveOptions, Status
from visitplanner.solver.rules import check_all
from visitplanner.solver.warm import first_from_hard_rules, from_hint

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
    first = solve_module.first_from_hard_rules

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return first(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(solve_module, "first_from_hard_rules", spy)
    visit = generate_visit(*THREE_DAYS, seed=1).visit
    result = solve_module.solve(visit, SolveOptions(time_limit=5, workers=1))
    assert calls == []  # a small visit: CP-SAT's own search from the start
    monkeypatch.setattr(solve_module, "HARD_RULES_FIRST_ABOVE", 0)
    result = solve_module.solve(visit, SolveOptions(time_limit=5, workers=1))
    assert calls == [1]
    # a project with no programme yet (the command line passes its empty one) too
    solve_module.solve(visit, SolveOptions(time_limit=5, workers=1, previous=Schedule(())))
    assert calls == [1, 1]
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


@pytest.mark.parametrize("seed", [1, 2])
def test_the_coordinators_programme_is_taken_whole_and_scored_as_the_checker(seed: int) -> None:
    visit = generate_visit(*THREE_DAYS, seed=seed).visit
    first = solve_module.solve(visit, SolveOptions(time_limit=5, workers=1, reproducible=True))
    assert first.schedule is not None
    index = VisitIndex(visit)
    ctx = build_model(index, None)
    ctx.hint(first.schedule)
    start = from_hint(ctx, _run_first, 20.0)
    assert start is not None
    assert ctx.extract(start.source) == first.schedule
    assert start.score == check_all(index, first.schedule).total_cost


def test_a_programme_that_breaks_a_rule_is_no_start() -> None:
    visit = generate_visit(*THREE_DAYS, seed=1).visit
    first = solve_module.solve(visit, SolveOptions(time_limit=5, workers=1, reproducible=True))
    assert first.schedule is not None
    a, b = first.schedule.placements[:2]  # b moved onto a: the same people twice at once
    clash = first.schedule.with_placement(replace(b, day=a.day, start=a.start, end=a.end))
    index = VisitIndex(visit)
    assert not check_all(index, clash).ok
    ctx = build_model(index, None)
    ctx.hint(clash)
    assert from_hint(ctx, _run_first, 20.0) is None


def test_searching_on_starts_from_the_programme_and_never_shows_a_worse_one() -> None:
    # parallel tracks: CP-SAT alone, hinted with the programme, first shows a worse one
    visit = generate_visit(5, 40, 20, 4, 2, 0.7, seed=1).visit
    first = solve_module.solve(visit, SolveOptions(time_limit=3, workers=2))
    assert first.schedule is not None and first.objective is not None
    seen: list[int] = []
    again = solve_module.solve(
        visit,
        SolveOptions(time_limit=2, workers=2, previous=first.schedule, keep_previous=False),
        lambda progress: seen.append(progress.objective),
    )
    assert seen[0] == first.objective  # the coordinator's programme, shown at once
    assert max(seen) == first.objective
    assert again.objective is not None and again.objective <= first.objective
    assert again.schedule is not None and check_all(VisitIndex(visit), again.schedule).ok
