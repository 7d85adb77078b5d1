"""The search for a better bound, on one core beside the day steps.

CP-SAT's core-based search raises the bound where the linear relaxation does not move
(README, Benchmarks, "Bound search"). It raises it slowly on week-long visits, where
the waits and the daily formal time trade off against each other across days. Given
time enough, it first asks, for each day alone, how little that day's waits and formal
time over the cap can cost at best; each answer is a row (that day's cost is at least
so much) that every programme obeys, so the search for the whole visit starts there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ortools.sat.python import cp_model

from visitplanner.solver.lns import Incumbent, incumbent_from
from visitplanner.solver.model import ModelContext
from visitplanner.solver.params import configure
from visitplanner.solver.result import SolveOptions

#: each day's own search: its time, and the least time the bound search must have for
#: them (measured at 60 s: on 5d-40p-20a s2 the bound rose from 450 to 610, the mean of
#: three runs, and stayed the same on the other five-day visits; at 10 s and 30 s the days'
#: searches were too short to help and only took time from the search for the visit)
DAY_SECONDS = 2.0
DAYS_FROM = 45.0


def day_cost(ctx: ModelContext, model: cp_model.CpModel, day: int) -> Any:
    """The weighted cost falling on ``day``, over the variables of ``model`` (a copy)."""
    weights = ctx.index.visit.weights
    return sum(
        weights.of(name) * times * model.get_int_var_from_proto_index(var.index)
        for name, times, var in ctx.day_costs.get(day, [])
    )


class Prover:
    """A search for a better bound on one core, beside the day-by-day improvement."""

    def __init__(
        self,
        ctx: ModelContext,
        options: SolveOptions,
        on_bound: Callable[[float], None],
        day_seconds: float | None = None,
    ) -> None:
        """``day_seconds``: each day's own search (default: :data:`DAY_SECONDS` when the
        search has :data:`DAYS_FROM` seconds or more, else none)."""
        self.ctx, self.options, self.on_bound = ctx, options, on_bound
        self.day_seconds = day_seconds
        self.thread: threading.Thread | None = None
        self.day_bounds: dict[int, int] = {}
        self._solver = cp_model.CpSolver()
        self._stopped = threading.Event()
        self._lock = threading.Lock()

    #: the best programme this search found, if any (proven best when it says so)
    found: Incumbent | None = None

    def start(self, seconds: float) -> None:
        """Search for at most ``seconds`` (not worth it below half a second)."""
        if seconds > 0.5:
            ends = time.monotonic() + seconds
            self.thread = threading.Thread(target=self._run, args=(ends,), daemon=True)
            self.thread.start()

    def _solver_for(self, seconds: float) -> cp_model.CpSolver | None:
        """A core-based solver for ``seconds``; None once stopped."""
        solver = cp_model.CpSolver()
        configure_one_core(solver, self.options, seconds)
        with self._lock:
            if self._stopped.is_set():
                return None
            self._solver = solver
        return solver

    def _run(self, ends: float) -> None:
        model = self.ctx.with_bound_rows()
        share = self.day_seconds
        if share is None:
            share = DAY_SECONDS if ends - time.monotonic() >= DAYS_FROM else 0.0
        for day in sorted(self.ctx.day_costs) if share > 0 else ():
            solver = self._solver_for(share)
            if solver is None:
                return
            alone = self.ctx.with_bound_rows()
            alone.minimize(day_cost(self.ctx, alone, day))
            solver.solve(alone)
            lower = int(-(-solver.best_objective_bound // 1))
            if lower > 0:
                self.day_bounds[day] = lower
                model.add(day_cost(self.ctx, model, day) >= lower)
        solver = self._solver_for(ends - time.monotonic())
        if solver is None:
            return
        solver.best_bound_callback = self.on_bound
        status = solver.solve(model)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = incumbent_from(self.ctx, solver)
            found.proven = status == cp_model.OPTIMAL
            self.found = found

    def finish(self) -> None:
        """Stop the search and wait for it."""
        self._stopped.set()
        while self.thread is not None and self.thread.is_alive():
            with self._lock:
                self._solver.stop_search()  # again, in case the search had not begun
            self.thread.join(0.05)


def configure_one_core(solver: cp_model.CpSolver, options: SolveOptions, seconds: float) -> None:
    """``options``' parameters on one core for ``seconds``, with core-based search."""
    configure(solver, replace(options, time_limit=max(0.01, seconds), workers=1))
    params: Any = solver.parameters
    params.subsolvers.append("core")  # core-based search: the bound rises fastest
