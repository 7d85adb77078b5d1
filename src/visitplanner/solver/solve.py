"""Solving a visit with CP-SAT: build the model from the rule catalogue, stream progress."""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from typing import Any

from ortools.sat.python import cp_model

from visitplanner.domain import Schedule, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import _
from visitplanner.solver.build import build_model
from visitplanner.solver.explain import explain_with_core
from visitplanner.solver.model import ModelContext
from visitplanner.solver.precheck import precheck
from visitplanner.solver.result import Progress, SolveOptions, SolveResult, Status, StopSignal
from visitplanner.solver.rules import check_all

ProgressCallback = Callable[[Progress], None]
BoundCallback = Callable[[float, float], None]


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(
        self, ctx: ModelContext, started: float, report: ProgressCallback | None, stop: StopSignal
    ) -> None:
        super().__init__()
        self.ctx, self.started, self.report, self.stop = ctx, started, report, stop
        self.count = 0
        self.best = math.inf
        self.bound = -math.inf

    def on_bound(self, bound: float) -> None:
        """Remember a better bound (CP-SAT calls this from its own threads)."""
        self.bound = max(self.bound, bound)

    def score(self) -> int:
        """The programme's score from its terms (the solver's own figure may lag behind)."""
        weights = self.ctx.index.visit.weights
        return sum(weights.of(n) * self.value(e) for n, e in self.ctx.terms.items())

    def on_solution_callback(self) -> None:
        score = self.score()
        # the solver may count a programme as better when its score is the same: skip it
        if self.report is not None and score < self.best:
            self.best = score
            self.count += 1
            self.report(
                Progress(
                    self.ctx.extract(self),
                    score,
                    max(self.bound, self.best_objective_bound),
                    time.monotonic() - self.started,
                    self.count,
                )
            )
        if self.stop.requested:
            self.stop_search()


def solve(
    visit: Visit,
    options: SolveOptions | None = None,
    on_progress: ProgressCallback | None = None,
    stop: StopSignal | None = None,
    *,
    on_bound: BoundCallback | None = None,
) -> SolveResult:
    """Find the best programme for ``visit``; infeasible visits come back explained.

    ``on_progress`` gets each better programme; ``on_bound(bound, elapsed)`` each better
    bound (the best score that could still exist), from the solver's threads.
    """
    options = options or SolveOptions()
    stop = stop or StopSignal()
    started = time.monotonic()
    index = VisitIndex(visit)
    previous = options.previous
    if previous is not None and not options.keep_previous:
        previous = Schedule(tuple(p for p in previous if p.pinned))
    reasons = precheck(index, previous)
    if reasons:
        return SolveResult(
            Status.INFEASIBLE, explanation=reasons, elapsed=time.monotonic() - started
        )
    ctx = build_model(index, previous)
    if options.previous is not None:
        ctx.hint(options.previous)
    solver = cp_model.CpSolver()
    configure(solver, options)
    callback = _Progress(ctx, started, on_progress, stop)

    def bound_found(bound: float) -> None:
        callback.on_bound(bound)
        if on_bound is not None:
            on_bound(bound, time.monotonic() - started)

    solver.best_bound_callback = bound_found
    done = threading.Event()
    watcher = threading.Thread(target=_watch, args=(solver, stop, done), daemon=True)
    watcher.start()
    try:
        status = solver.solve(ctx.model, callback)
    finally:
        done.set()
        watcher.join()
    elapsed = time.monotonic() - started
    if status == cp_model.INFEASIBLE:
        remaining = max(1.0, options.time_limit - elapsed)
        return SolveResult(
            Status.INFEASIBLE,
            explanation=explain_with_core(index, previous, remaining),
            elapsed=time.monotonic() - started,
        )
    if status == cp_model.MODEL_INVALID:
        # Not an answer but a bug: a valid project built a model CP-SAT refuses.
        reason = " ".join(ctx.model.validate().split())[:200]
        raise RuntimeError(f"CP-SAT refused the model built for this visit ({reason})")
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        ended = Status.STOPPED if stop.requested else Status.TIMED_OUT
        return SolveResult(ended, elapsed=elapsed, time_limit=options.time_limit)
    schedule = ctx.extract(solver)
    report = check_all(index, schedule, previous)
    if not report.ok:  # the model and the checker disagree: never pass that off as a programme
        first = report.violations[0]
        return SolveResult(
            Status.ERROR,
            explanation=(
                _(
                    "The planner made a programme that breaks a rule ({label}): {message}. "
                    "Please report this."
                ).format(label=first.label, message=first.message),
            ),
            elapsed=elapsed,
        )
    if status == cp_model.OPTIMAL:
        ended = Status.OPTIMAL
    else:
        ended = Status.STOPPED if stop.requested else Status.FEASIBLE
    return SolveResult(
        ended,
        schedule=schedule,
        objective=report.total_cost,
        bound=solver.best_objective_bound,
        terms=dict(report.costs),
        elapsed=elapsed,
        time_limit=options.time_limit,
    )


def configure(solver: cp_model.CpSolver, options: SolveOptions) -> None:
    """CP-SAT's parameters for ``options`` (the benchmarks use the same).

    One presolve pass with a short probing budget: on week-long visits the full presolve
    took most of the time to the first programme and the search did better without it
    (``benchmarks/scale.py``).
    """
    params: Any = solver.parameters
    params.max_time_in_seconds = max(0.01, options.time_limit)
    params.num_workers, params.interleave_search = search_workers(options)
    params.random_seed = options.seed
    params.max_presolve_iterations = 1
    params.presolve_probing_deterministic_time_limit = 0.005


def search_workers(options: SolveOptions) -> tuple[int, bool]:
    """CP-SAT's ``num_workers`` and ``interleave_search`` for ``options``.

    Every core by default; reproducible runs use one worker, or interleave the
    given number of workers in one thread (the same seed then gives the same programme).
    """
    if options.reproducible:
        workers = max(1, options.workers)
        return workers, workers > 1
    return (options.workers or os.cpu_count() or 1), False


def _watch(solver: cp_model.CpSolver, stop: StopSignal, done: threading.Event) -> None:
    while not done.is_set():
        if stop.wait(0.05):
            solver.stop_search()
            return
