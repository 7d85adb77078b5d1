"""Improving a programme a few days at a time: other days stay, scores only fall."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import pytest
from benchmarks.visits import generate_visit
from ortools.sat.python import cp_model

from visitplanner.domain import Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.build import build_model
from visitplanner.solver.checker import Checker
from visitplanner.solver.lns import Incumbent, Step, improve_by_days, incumbent_from, neighbourhood
from visitplanner.solver.model import ModelContext
from visitplanner.solver.params import configure, use_core_search
from visitplanner.solver.prover import Prover
from visitplanner.solver.result import Progress, SolveOptions, Status, StopSignal
from visitplanner.solver.solve import (
    DAY_STEPS_UP_TO,
    _cores_for_the_bound,
    _improve,
    _improves_by_days,
    _Progress,
    solve,
)

THREE_DAYS = (3, 14, 9, 3, 1, 0.7)


def _first_programme(visit: Visit) -> tuple[ModelContext, Incumbent]:
    ctx = build_model(VisitIndex(visit), None)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.stop_after_first_solution = True
    assert solver.solve(ctx.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return ctx, incumbent_from(ctx, solver)


def _run(model: cp_model.CpModel, step: Step) -> tuple[int, cp_model.CpSolver]:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = step.seconds
    solver.parameters.linearization_level = 1 if step.lp else 0
    return solver.solve(model), solver


def _forever() -> Callable[[], float]:
    return lambda: 60.0


def test_a_step_keeps_the_other_days_as_they_were_and_scores_better() -> None:
    visit = generate_visit(*THREE_DAYS, seed=2).visit
    ctx, best = _first_programme(visit)
    before = ctx.extract(best.source)
    model = neighbourhood(ctx, best, frozenset({1, 2}))
    for p in before:
        start = ctx.occ[p.key].start
        domain = list(model.proto.variables[start.index].domain)
        if p.day == 3:  # fixed at the incumbent's start
            assert domain == [best.values[start.index]] * 2
        else:  # free to move
            assert domain[0] < domain[-1]
    status, solver = _run(model, Step(30))
    assert status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    after = ctx.extract(solver)
    # what was on day 3 stays as it was (activities from the free days may join it)
    assert {p for p in before if p.day == 3} <= set(after)
    assert incumbent_from(ctx, solver).score < best.score


def test_the_steps_only_improve_and_end_proven_at_the_best_possible() -> None:
    visit = generate_visit(*THREE_DAYS, seed=2).visit
    ctx, first = _first_programme(visit)
    found = list(improve_by_days(ctx, first, _run, _forever(), step_seconds=5))
    assert found and found[-1].proven
    # the proof may come as the last programme again, marked proven
    improved = found[:-1] if len(found) > 1 and found[-1] is found[-2] else found
    scores = [first.score] + [b.score for b in improved]
    assert scores == sorted(set(scores), reverse=True), "a step made the programme worse"
    for better in found:
        report = Checker(visit).check(ctx.extract(better.source))
        assert report.violations == () and report.total_cost == better.score
    exact = solve(visit, SolveOptions(time_limit=30, workers=1, reproducible=True))
    assert exact.status is Status.OPTIMAL and exact.objective == found[-1].score


def test_a_step_after_one_that_ran_out_of_time_searches_without_the_relaxation() -> None:
    visit = generate_visit(*THREE_DAYS, seed=2).visit
    ctx, first = _first_programme(visit)
    steps: list[Step] = []
    answers = [cp_model.UNKNOWN, cp_model.INFEASIBLE, cp_model.INFEASIBLE]

    def run(model: cp_model.CpModel, step: Step) -> tuple[int, cp_model.CpSolver]:
        steps.append(step)
        return answers[len(steps) - 1], cp_model.CpSolver()

    assert list(improve_by_days(ctx, first, run, lambda: 60.0 - 20 * len(steps), 5)) == []
    # two days of three free: out of time, so the next pair goes without; proven, so with
    assert [(s.whole, s.lp) for s in steps] == [(False, True), (False, False), (False, True)]


def test_no_time_left_means_no_step() -> None:
    visit = generate_visit(*THREE_DAYS, seed=2).visit
    ctx, first = _first_programme(visit)
    assert list(improve_by_days(ctx, first, _run, lambda: 0.0, step_seconds=5)) == []


def test_only_visits_of_four_days_or_more_improve_day_by_day_and_never_reproducibly() -> None:
    week = generate_visit(5, 15, 21, 4, 1, 0.7, seed=1).visit
    two = generate_visit(2, 12, 7, 3, 1, 0.8, seed=1).visit
    three = generate_visit(*THREE_DAYS, seed=1).visit
    four = generate_visit(4, 15, 16, 4, 1, 0.7, seed=1).visit
    large = generate_visit(7, 150, 64, 8, 4, 0.7, seed=1).visit
    assert _improves_by_days(VisitIndex(week), SolveOptions(time_limit=10))
    assert _improves_by_days(VisitIndex(four), SolveOptions(time_limit=10))
    assert not _improves_by_days(VisitIndex(two), SolveOptions(time_limit=10))
    assert not _improves_by_days(VisitIndex(three), SolveOptions(time_limit=10))
    assert len(VisitIndex(large).occurrences) > DAY_STEPS_UP_TO
    assert not _improves_by_days(VisitIndex(large), SolveOptions(time_limit=10))
    assert not _improves_by_days(VisitIndex(week), SolveOptions(time_limit=10, reproducible=True))


def test_cp_sat_alone_raises_the_bound_with_cores_from_three_days() -> None:
    quick = SolveOptions(time_limit=10)
    three = VisitIndex(generate_visit(*THREE_DAYS, seed=1).visit)
    two = VisitIndex(generate_visit(2, 12, 7, 3, 1, 0.8, seed=1).visit)
    large = VisitIndex(generate_visit(7, 150, 64, 8, 4, 0.7, seed=1).visit)
    assert _cores_for_the_bound(three, quick, by_days=False)
    assert not _cores_for_the_bound(three, replace(quick, reproducible=True), by_days=False)
    assert not _cores_for_the_bound(two, quick, by_days=False)  # the Paris demo's case
    assert not _cores_for_the_bound(large, quick, by_days=False)
    assert not _cores_for_the_bound(three, quick, by_days=True)  # the prover's task then


def test_the_core_search_replaces_the_relaxation_on_two_cores_only() -> None:
    two, one = cp_model.CpSolver(), cp_model.CpSolver()
    configure(two, SolveOptions(workers=2))
    configure(one, SolveOptions(workers=1))
    use_core_search(two)
    use_core_search(one)
    assert list(two.parameters.ignore_subsolvers) == ["default_lp"]
    assert list(two.parameters.extra_subsolvers) == ["core"]
    assert not one.parameters.ignore_subsolvers and not one.parameters.extra_subsolvers


@pytest.mark.parametrize(("size", "cores"), [(THREE_DAYS, True), ((2, 12, 7, 3, 1, 0.8), False)])
def test_a_solve_of_three_days_searches_with_cores(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int, int, int, int, float], cores: bool
) -> None:
    used: list[bool] = []
    monkeypatch.setattr(
        "visitplanner.solver.solve.use_core_search",
        lambda s: used.append(True) or use_core_search(s),
    )
    rows: list[bool] = []  # the bound's rows (the journeys) in force in the search
    with_rows = ModelContext.with_bound_rows
    monkeypatch.setattr(
        ModelContext, "with_bound_rows", lambda ctx: rows.append(True) or with_rows(ctx)
    )
    result = solve(generate_visit(*size, seed=1).visit, SolveOptions(time_limit=1, workers=2))
    assert result.schedule is not None
    assert used == rows == ([True] if cores else [])


def test_a_week_solve_on_two_cores_is_checked_and_reported_as_it_improves() -> None:
    visit = generate_visit(5, 15, 21, 4, 1, 0.7, seed=1).visit
    seen: list[Progress] = []
    bounds: list[float] = []
    result = solve(
        visit,
        SolveOptions(time_limit=3, workers=2),
        seen.append,
        on_bound=lambda b, _: bounds.append(b),
    )
    assert result.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert result.schedule is not None and result.objective is not None
    scores = [p.objective for p in seen]
    assert scores == sorted(set(scores), reverse=True)
    assert scores[-1] == result.objective
    report = Checker(visit).check(result.schedule)
    assert report.violations == () and report.total_cost == result.objective
    assert result.bound is not None and result.bound <= result.objective
    assert all(p.bound <= p.objective for p in seen)
    assert bounds == sorted(bounds) and bounds[-1] <= result.bound


def test_the_bound_search_beside_proves_a_small_visit_best_possible() -> None:
    visit = generate_visit(*THREE_DAYS, seed=2).visit
    bounds: list[float] = []
    ctx = build_model(VisitIndex(visit), None)
    copies: list[cp_model.CpModel] = []
    with_rows = ctx.with_bound_rows
    ctx.with_bound_rows = lambda: copies.append(with_rows()) or copies[-1]  # type: ignore[method-assign]
    prover = Prover(ctx, SolveOptions(), bounds.append)
    prover.start(30)
    assert prover.thread is not None
    prover.thread.join()
    assert len(copies) == 1  # it searches the copy with the bound rows in force
    exact = solve(visit, SolveOptions(time_limit=30, workers=1, reproducible=True))
    assert prover.found is not None and prover.found.proven
    assert prover.found.score == exact.objective
    assert bounds == sorted(bounds) and bounds[-1] == exact.objective


def test_a_stop_during_the_day_steps_keeps_the_best_programme_so_far() -> None:
    visit = generate_visit(5, 15, 21, 4, 1, 0.7, seed=1).visit
    ctx, first = _first_programme(visit)
    stop = StopSignal()
    seen: list[Progress] = []

    def stop_at_first(p: Progress) -> None:
        seen.append(p)
        stop.stop()

    started = time.monotonic()
    callback = _Progress(ctx, started, stop_at_first, stop)
    options = SolveOptions(time_limit=60, workers=2)
    best, _ = _improve(ctx, options, first, 0.0, callback, stop, lambda _: None)
    assert stop.requested and time.monotonic() - started < 30
    assert len(seen) == 1 and best.score == seen[0].objective < first.score
    report = Checker(visit).check(ctx.extract(best.source))
    assert report.violations == () and report.total_cost == best.score


def test_the_bound_rows_hold_only_in_the_bound_search_and_keep_the_best_score() -> None:
    ctx = build_model(VisitIndex(generate_visit(*THREE_DAYS, seed=1).visit), None)
    (lit,) = ctx.bound_rows()
    tight = ctx.with_bound_rows()
    assert list(ctx.model.proto.variables[lit.index].domain) == [0, 1]
    assert list(tight.proto.variables[lit.index].domain) == [1, 1]
    assert sum(lit.index in c.enforcement_literal for c in tight.proto.constraints) > 5
    scores = []
    for model in (ctx.model, tight):
        status, solver = _run(model, Step(60, whole=True))
        assert status == cp_model.OPTIMAL
        scores.append(solver.objective_value)
    assert scores[0] == scores[1]
