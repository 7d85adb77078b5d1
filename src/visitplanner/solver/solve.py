"""Solving a visit with CP-SAT: build the model from the rule catalogue, stream progress."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from ortools.sat.python import cp_model

from visitplanner.domain import Schedule, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import _
from visitplanner.solver.build import build_model
from visitplanner.solver.explain import explain_with_core
from visitplanner.solver.lns import Incumbent, Step, hint_all, improve_by_days, incumbent_from
from visitplanner.solver.model import ModelContext
from visitplanner.solver.params import configure, search_workers, use_core_search
from visitplanner.solver.precheck import precheck
from visitplanner.solver.prover import Prover
from visitplanner.solver.result import Progress, SolveOptions, SolveResult, Status, StopSignal
from visitplanner.solver.rules import check_all
from visitplanner.solver.warm import RunFirst, first_from_hard_rules, from_hint
from visitplanner.solver.watch import run_watched

#: the largest visit (in occurrences) improved day by day
DAY_STEPS_UP_TO = 50
#: above this many occurrences the search starts from a programme of the hard rules alone
#: (``benchmarks/scale.py``: CP-SAT's own first programme took 1.2-5.7 s with 39 and none
#: within 10 s with 75; on the Paris demo, 13, the start slowed the proof)
HARD_RULES_FIRST_ABOVE = 30
#: see :func:`_cores_for_the_bound`
CORES_FROM_DAYS = 3

ProgressCallback = Callable[[Progress], None]
BoundCallback = Callable[[float, float], None]


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(
        self, ctx: ModelContext, started: float, report: ProgressCallback | None, stop: StopSignal
    ) -> None:
        super().__init__()
        self.ctx, self.started, self.report, self.stop = ctx, started, report, stop
        self.count = 0
        self.last_better = started
        self.best = math.inf
        self.bound = -math.inf

    def on_bound(self, bound: float) -> None:
        """Remember a better bound (CP-SAT calls this from its own threads)."""
        self.bound = max(self.bound, bound)

    def on_solution_callback(self) -> None:
        score = self.ctx.score(self)
        # the solver may count a programme as better when its score is the same: skip it
        if score < self.best:
            schedule = self.ctx.extract(self) if self.report is not None else None
            self.better(score, schedule, max(self.bound, self.best_objective_bound))
        if self.stop.requested:
            self.stop_search()

    def better(self, score: int, schedule: Schedule | None, bound: float) -> None:
        """Remember (and report) a better programme."""
        self.best = score
        self.last_better = time.monotonic()
        self.count += 1
        if self.report is not None and schedule is not None:
            self.report(
                Progress(schedule, score, bound, time.monotonic() - self.started, self.count)
            )


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
    if options.previous is not None and not options.previous.placements:
        options = replace(options, previous=None)  # nothing to keep, nor to start from
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
    by_days, cores = _searches(index, options)
    ctx = build_model(index, previous, bounding=by_days or cores)
    callback = _Progress(ctx, started, on_progress, stop)
    start: Incumbent | None = None
    if options.previous is not None:
        ctx.hint(options.previous)
        if not options.keep_previous:  # searching on from it: never end with a worse one
            start = _start(options, stop, started, lambda run, s: from_hint(ctx, run, s))
    elif len(index.occurrences) > HARD_RULES_FIRST_ABOVE:
        start = _start(
            options,
            stop,
            started,
            lambda run, s: first_from_hard_rules(index, previous, ctx, run, s),
        )
    if start is not None:
        hint_all(ctx.model, start.values)
        callback.better(start.score, ctx.extract(start.source), 0.0)

    def bound_found(bound: float) -> None:
        callback.on_bound(bound)
        if on_bound is not None:
            on_bound(bound, time.monotonic() - started)

    # with day-by-day improvement to follow, CP-SAT's own search hands over once it has a
    # programme and has stopped improving it for a while (to the end when it is all there is)
    stalled = max(1.0, 0.1 * options.time_limit) if by_days else math.inf
    solver = cp_model.CpSolver()
    left = max(0.01, options.time_limit - (time.monotonic() - started))
    configure(solver, replace(options, time_limit=left))
    model = ctx.model
    if cores:
        use_core_search(solver)
        model = ctx.with_bound_rows()
    solver.best_bound_callback = bound_found
    status = run_watched(
        solver,
        model,
        stop,
        lambda: (
            callback.count > 0
            and time.monotonic() - callback.last_better > stalled
            and time.monotonic() - started > 2 * stalled
        ),
        callback,
    )
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
    found = incumbent_from(ctx, solver) if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None
    if found is not None and (start is None or found.score <= start.score):
        best = found
        best.proven = status == cp_model.OPTIMAL
    elif start is not None:  # the search found nothing better than the programme it began with
        best = start
    else:
        ended = Status.STOPPED if stop.requested else Status.TIMED_OUT
        return SolveResult(ended, elapsed=elapsed, time_limit=options.time_limit)
    bound = max(0.0, solver.best_objective_bound) if best is not start else 0.0
    if by_days and not best.proven and not stop.requested:
        best, bound = _improve(ctx, options, best, bound, callback, stop, bound_found)
    solver = best.source
    elapsed = time.monotonic() - started
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
    ended = Status.STOPPED if stop.requested else Status.FEASIBLE
    ended = Status.OPTIMAL if best.proven else ended
    return SolveResult(
        ended,
        schedule=schedule,
        objective=report.total_cost,
        bound=report.total_cost if best.proven else bound,
        terms=dict(report.costs),
        elapsed=elapsed,
        time_limit=options.time_limit,
        few_changes=options.keep_previous and any(not p.pinned for p in options.previous or ()),
    )


def model_for(index: VisitIndex, previous: Schedule | None, options: SolveOptions) -> ModelContext:
    """The model :func:`solve` builds for ``index``: with the rows for the search for a
    bound only where one runs (the day steps' prover, or the core-based search)."""
    by_days, cores = _searches(index, options)
    return build_model(index, previous, bounding=by_days or cores)


def _searches(index: VisitIndex, options: SolveOptions) -> tuple[bool, bool]:
    """Whether the day steps follow CP-SAT's own search, and whether that search raises
    the bound with its core-based search (see the two functions below)."""
    by_days = _improves_by_days(index, options)
    return by_days, _cores_for_the_bound(index, options, by_days)


def _start(
    options: SolveOptions,
    stop: StopSignal,
    started: float,
    make: Callable[[RunFirst, float], Incumbent | None],
) -> Incumbent | None:
    """A complete programme to start from (see :mod:`warm`), within the time limit."""

    def run(model: cp_model.CpModel, seconds: float) -> tuple[int, cp_model.CpSolver]:
        solver = cp_model.CpSolver()
        configure(solver, replace(options, time_limit=seconds))
        solver.parameters.stop_after_first_solution = True
        return run_watched(solver, model, stop), solver

    return make(run, max(0.01, options.time_limit - (time.monotonic() - started)))


def _improves_by_days(index: VisitIndex, options: SolveOptions) -> bool:
    """Whether to improve the programme day by day after CP-SAT's own search.

    Not for visits of three days or fewer (two days of three is nearly the whole visit:
    CP-SAT's own search did better within 10 s, 614 and 590 against 681 and 677 as the
    means of six runs on 3d-40p-16a), nor in reproducible mode (the steps end on the
    clock), nor on visits of more than :data:`DAY_STEPS_UP_TO` occurrences, where
    CP-SAT's own search did better within 10 s (``benchmarks/scale.py``: 730 and 800
    against 860 and 940 on 7 days, 75).
    """
    return (
        index.visit.n_days > 3
        and len(index.occurrences) <= DAY_STEPS_UP_TO
        and not options.reproducible
        and options.time_limit >= 1
    )


def _cores_for_the_bound(index: VisitIndex, options: SolveOptions, by_days: bool) -> bool:
    """Whether CP-SAT, searching alone, raises the bound with its core-based search rather
    than its linear relaxation, with the bound's redundant rows in force (the journeys of
    :mod:`travel_waits`: on 3d-40p-16a at 10 s, seeds 3-5, bounds 325-350 and 505-525
    against 255-270 and 450-510; on the Paris demo they slowed the proof, 1.3 s median
    against 0.74 s).

    For visits of three days (measured on 3d-40p-16a at 10 s, seeds 0-5: bounds 255-525
    against 90-105, the same scores within the runs' spread). Not on two days, where the
    relaxation proves the Paris demo best possible in 0.77 s (median of ten seeds)
    against 2.55 s, nor beyond :data:`DAY_STEPS_UP_TO` occurrences, where the core-based
    search raised it less (7d-150p-64a: 50 and 0 against 360 and 600).
    """
    return (
        not by_days
        and index.visit.n_days >= CORES_FROM_DAYS
        and len(index.occurrences) <= DAY_STEPS_UP_TO
        and not options.reproducible
    )


def _improve(
    ctx: ModelContext,
    options: SolveOptions,
    best: Incumbent,
    bound: float,
    callback: _Progress,
    stop: StopSignal,
    bound_found: Callable[[float], None],
) -> tuple[Incumbent, float]:
    """Improve ``best`` day by day until the time limit; the best programme and bound.

    With two cores or more, one of them searches for a better bound meanwhile (measured:
    starting it only once the steps stall left the 60-s bound lower, the 10-s score no
    better).
    """
    ends = callback.started + options.time_limit
    workers = search_workers(options)[0]
    lock = threading.Lock()
    found = bound

    def raise_bound(value: float) -> None:
        nonlocal found
        with lock:
            if value > found:
                found = value
                bound_found(value)

    def run(model: cp_model.CpModel, step: Step) -> tuple[int, cp_model.CpSolver]:
        solver = cp_model.CpSolver()
        steps = workers - 1 if prover.thread is not None else workers
        configure(solver, replace(options, time_limit=step.seconds, workers=max(1, steps)))
        if not step.lp:
            solver.parameters.linearization_level = 0
        status = run_watched(solver, model, stop)
        if step.whole and status in (cp_model.FEASIBLE, cp_model.UNKNOWN):
            # a better programme cannot score below this bound, nor can the incumbent
            raise_bound(min(solver.best_objective_bound, best.score))
        return status, solver

    def remaining() -> float:
        proven = found >= best.score - 1e-6 or (prover.found is not None and prover.found.proven)
        return 0.0 if stop.requested or proven else ends - time.monotonic()

    prover = Prover(ctx, options, raise_bound)
    if workers > 1:
        prover.start(ends - time.monotonic())
    try:
        for better in improve_by_days(ctx, best, run, remaining, 0.5, options.seed):
            best = better
            if better.score < callback.best:
                callback.better(better.score, ctx.extract(better.source), found)
    finally:
        prover.finish()
    if prover.found is not None and prover.found.score <= best.score:
        best = prover.found
        if best.score < callback.best:
            callback.better(best.score, ctx.extract(best.source), found)
    best.proven = best.proven or found >= best.score - 1e-6
    return best, found
