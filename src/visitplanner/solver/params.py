"""CP-SAT's parameters for a solve's options, shared by every search of the solver."""

from __future__ import annotations

import os
from typing import Any

from ortools.sat.python import cp_model

from visitplanner.solver.result import SolveOptions


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


def use_core_search(solver: cp_model.CpSolver) -> None:
    """Have CP-SAT's full-problem worker run its core-based search instead of its linear
    relaxation (on two cores or more; the other worker's neighbourhood search stays)."""
    params: Any = solver.parameters
    if params.num_workers > 1:
        params.ignore_subsolvers.append("default_lp")
        params.extra_subsolvers.append("core")
