"""The search for a better bound, on one core beside the day steps.

It begins with CP-SAT's strongest linear relaxation (a bound within a second or two).
Given time enough, it then asks, for each day alone, how little that day's waits and
formal time over the cap can cost at best; each answer is a row (that day's cost is at
least so much) that every programme obeys, and CP-SAT's core-based search, which keeps
raising the bound where the relaxation stops, starts from those rows (README,
Benchmarks, "Bound search"). Shorter searches go on with CP-SAT's search that fixes the
score at its bound and raises the bound each time that proves impossible.

Before either of these, CP-SAT's tree search over the relaxation (``lb_tree_search``)
runs for as long as it keeps raising the bound: on visits with many people it raises it
far past both; where it stalls it hands over after :data:`TREE_STALL` seconds.
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
from visitplanner.solver.result import SolveOptions, StopSignal
from visitplanner.solver.watch import run_watched

#: each day's own search: its time, and the least time the bound search must have for
#: them (measured at 60 s: on 5d-40p-20a s2 the bound rose from 450 to 610, the mean of
#: three runs, and stayed the same on the other five-day visits; at 10 s and 30 s the days'
#: searches were too short to help and only took time from the search for the visit)
DAY_SECONDS = 2.0
DAYS_FROM = 45.0
#: the strongest linear relaxation first, for so long (measured at 10 s on the five-day
#: visits: bounds 485, 476, 340, 410 after it, against 305, 170, 320, 275 from the
#: core-based search alone)
LP_SECONDS = 1.5
#: the tree search over the relaxation hands over once it has not raised the bound for so
#: long (measured, the bound search alone at 30 s on eight visits of four and five days:
#: 498, 610, 540, 625, 600, 740, 725, 1,070 against 498, 540, 540, 577, 600, 740, 706,
#: 1,075 without it, and 455, 610, 490, 625, 565, 710, 725, 1,050 with it alone; at 60 s,
#: after the days, 495, 600, 525, 636 against 480, 515, 525, 490 on the first four; at
#: 10 s 452, 565, 490, 558 against 459, 480, 515, 547, and 454, 480, 505, 555 handing
#: over after 2 s)
TREE_STALL = 5.0
#: a search with less time than this is not begun (the bound search is then out of time)
MIN_SECONDS = 0.05


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
        lp_seconds: float = LP_SECONDS,
        tree_stall: float = TREE_STALL,
    ) -> None:
        """``day_seconds``: each day's own search (default: :data:`DAY_SECONDS` when the
        search has :data:`DAYS_FROM` seconds or more, else none); ``lp_seconds``: the
        linear relaxation's; ``tree_stall``: see :data:`TREE_STALL`."""
        self.ctx, self.options, self.on_bound = ctx, options, on_bound
        self.day_seconds, self.lp_seconds = day_seconds, lp_seconds
        self.tree_stall = tree_stall
        self.thread: threading.Thread | None = None
        self.day_bounds: dict[int, int] = {}
        self.bound = 0.0  # the best bound reported (each search starts its own afresh)
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

    def _solver_for(self, seconds: float, search: str = "core") -> cp_model.CpSolver | None:
        """A one-core solver running CP-SAT's ``search`` for ``seconds``; None once stopped."""
        solver = cp_model.CpSolver()
        configure_one_core(solver, self.options, seconds, search)
        with self._lock:
            if self._stopped.is_set():
                return None
            self._solver = solver
        return solver

    def _run(self, ends: float) -> None:
        model = self.ctx.with_bound_rows()
        lp = min(self.lp_seconds, ends - time.monotonic())
        if lp >= MIN_SECONDS and self._search(model, lp, "max_lp"):
            return
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
        if self._search(model, ends - time.monotonic(), "lb_tree_search", self.tree_stall):
            return
        # measured after the relaxation (485, 476, 340, 410 on the five-day visits): by 10
        # and 30 s the search that fixes the score raised it to 530, 476, 382, 470 and
        # 550, 476, 397, 490, while the core-based search had not yet passed it; after
        # the days (60 s) the core-based search did as well or better (565, 635, 400, 485
        # against 530, 559, 410, 495)
        search = "core" if share > 0 else "objective_lb_search"
        self._search(model, ends - time.monotonic(), search)

    def _search(
        self, model: cp_model.CpModel, seconds: float, search: str, stall: float | None = None
    ) -> bool:
        """Run ``search`` on ``model``, raising the bound (and handing over once it has
        not raised it for ``stall`` seconds); whether the search is over (proven,
        stopped, or out of time)."""
        if seconds < MIN_SECONDS:
            return True
        solver = self._solver_for(seconds, search)
        if solver is None:
            return True
        raised = time.monotonic()

        def bound(value: float) -> None:
            nonlocal raised
            if value > self.bound:
                raised = time.monotonic()
            self._raise(value)

        def stalled() -> bool:
            return stall is not None and time.monotonic() - raised > stall

        solver.best_bound_callback = bound
        status = run_watched(solver, model, StopSignal(), stalled)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = incumbent_from(self.ctx, solver)
            found.proven = status == cp_model.OPTIMAL
            if self.found is None or found.score <= self.found.score:
                self.found = found
            if found.proven:  # the last bound is the score itself, reported or not
                self._raise(found.score)
        return status == cp_model.OPTIMAL or self._stopped.is_set()

    def _raise(self, bound: float) -> None:
        if bound > self.bound:
            self.bound = bound
            self.on_bound(bound)

    def finish(self) -> None:
        """Stop the search and wait for it."""
        self._stopped.set()
        while self.thread is not None and self.thread.is_alive():
            with self._lock:
                self._solver.stop_search()  # again, in case the search had not begun
            self.thread.join(0.05)


def configure_one_core(
    solver: cp_model.CpSolver, options: SolveOptions, seconds: float, search: str = "core"
) -> None:
    """``options``' parameters on one core for ``seconds``, running CP-SAT's ``search``
    (one of its subsolvers' names: ``core`` is the core-based search)."""
    configure(solver, replace(options, time_limit=max(0.01, seconds), workers=1))
    params: Any = solver.parameters
    params.subsolvers.append(search)
