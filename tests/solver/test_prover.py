"""The bound search: the linear relaxation, each day's least cost, the tree search over
the relaxation while it raises the bound, then the whole visit."""

from __future__ import annotations

import time
from typing import Any

import pytest
from benchmarks.visits import generate_visit
from ortools.sat.python import cp_model

from tests.solver.rules.test_soft import staggered_tracks_visit
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.build import build_model
from visitplanner.solver.prover import Prover, day_cost
from visitplanner.solver.prover import configure_one_core as configure_searches
from visitplanner.solver.result import SolveOptions
from visitplanner.solver.rules import soft_terms


def _week(seed: int = 1) -> Any:
    return build_model(VisitIndex(generate_visit(5, 15, 21, 4, 1, 0.7, seed=seed).visit), None)


def test_the_days_costs_add_up_to_the_terms_they_split() -> None:
    ctx = _week()
    visit = ctx.index.visit
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.stop_after_first_solution = True
    assert solver.solve(ctx.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    weights = visit.weights
    split = {name for costs in ctx.day_costs.values() for name, _, _ in costs}
    assert split == {"idle_gaps", "formal_balance"} <= {t.name for t in soft_terms()}
    whole = sum(weights.of(name) * solver.value(ctx.terms[name]) for name in split)
    days = [solver.value(day_cost(ctx, ctx.model, day)) for day in ctx.day_costs]
    assert sum(days) == whole > 0
    assert len(days) == visit.n_days


def test_the_search_starts_from_each_days_least_cost() -> None:
    # the windows leave Ann 45 minutes to wait on the only day, whatever the programme
    ctx = build_model(VisitIndex(staggered_tracks_visit()), None)
    copies: list[cp_model.CpModel] = []
    with_rows = ctx.with_bound_rows
    ctx.with_bound_rows = lambda: copies.append(with_rows()) or copies[-1]  # type: ignore[method-assign]
    bounds: list[float] = []
    prover = Prover(ctx, SolveOptions(), bounds.append, day_seconds=0.5, lp_seconds=0)
    prover.start(10)
    assert prover.thread is not None
    prover.thread.join()
    assert prover.day_bounds == {1: 45}
    whole, alone = copies  # the visit's copy gets the day's row; the day's own has none
    assert len(whole.proto.constraints) == len(alone.proto.constraints) + 1
    assert prover.found is not None and prover.found.proven and prover.found.score == 45
    assert bounds[-1] == 45


def test_a_stop_during_the_days_ends_the_search_at_once() -> None:
    ctx = _week()
    visit = ctx.index.visit
    prover = Prover(ctx, SolveOptions(), lambda _bound: None)
    prover.start(600)  # 2 s for each of the five days, then the visit
    began = time.monotonic()
    prover.finish()
    assert time.monotonic() - began < 1.5  # not the days' 10 s, nor the visit's
    assert prover.thread is not None and not prover.thread.is_alive()
    assert prover.found is None and len(prover.day_bounds) < visit.n_days


def test_short_searches_go_straight_to_the_whole_visit() -> None:
    ctx = build_model(VisitIndex(staggered_tracks_visit()), None)
    prover = Prover(ctx, SolveOptions(), lambda _bound: None)
    prover.start(10)  # under DAYS_FROM: the days' own searches would only take its time
    assert prover.thread is not None
    prover.thread.join()
    assert prover.day_bounds == {}
    assert prover.found is not None and prover.found.proven and prover.found.score == 45


def _run_spied(
    monkeypatch: pytest.MonkeyPatch, ctx: Any, seconds: float, **settings: float
) -> tuple[Prover, list[str], list[float]]:
    """Run a prover to its end; it, the CP-SAT searches it ran in order, and its bounds."""
    names: list[str] = []

    def spy(solver: Any, options: SolveOptions, seconds: float, search: str = "core") -> None:
        names.append(search)
        configure_searches(solver, options, seconds, search)

    monkeypatch.setattr("visitplanner.solver.prover.configure_one_core", spy)
    bounds: list[float] = []
    prover = Prover(ctx, SolveOptions(), bounds.append, **settings)
    prover.start(seconds)
    assert prover.thread is not None
    prover.thread.join()
    return prover, names, bounds


def test_the_relaxation_comes_first_then_the_tree_then_the_search_that_fixes_the_score(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # no days; the tree search hands over at once, as if it had stalled
    _, searches, bounds = _run_spied(monkeypatch, _week(), 1.5, lp_seconds=0.5, tree_stall=0)
    assert searches == ["max_lp", "lb_tree_search", "objective_lb_search"]
    assert bounds and bounds[0] > 0  # the relaxation's, within half a second


def test_long_searches_go_from_the_relaxation_to_the_days_the_tree_then_the_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = _week()
    settings = {"day_seconds": 0.1, "lp_seconds": 0.2, "tree_stall": 0.0}
    _, searches, _ = _run_spied(monkeypatch, ctx, 1.5, **settings)
    assert searches == ["max_lp", *["core"] * ctx.index.visit.n_days, "lb_tree_search", "core"]


def test_the_tree_search_keeps_the_time_while_it_has_not_stalled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    began = time.monotonic()
    _, searches, _ = _run_spied(monkeypatch, _week(), 1.5, lp_seconds=0.5, tree_stall=600)
    assert searches == ["max_lp", "lb_tree_search"]
    assert time.monotonic() - began < 3  # it still ends on time


def test_a_bound_proven_by_the_relaxation_ends_the_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = build_model(VisitIndex(staggered_tracks_visit()), None)
    prover, searches, bounds = _run_spied(monkeypatch, ctx, 10, day_seconds=0.5)
    assert searches == ["max_lp"]
    assert prover.found is not None and prover.found.proven and prover.found.score == 45
    assert bounds[-1] == 45
