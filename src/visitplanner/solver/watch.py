"""Running CP-SAT so that it stops on request, or once a condition holds."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ortools.sat.python import cp_model

from visitplanner.solver.result import StopSignal


def run_watched(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    stop: StopSignal,
    until: Callable[[], bool] | None = None,
    callback: cp_model.CpSolverSolutionCallback | None = None,
) -> Any:
    """Run ``solver`` on ``model``, stopping it on request or once ``until()`` holds."""
    done = threading.Event()
    watcher = threading.Thread(target=_watch, args=(solver, stop, done, until), daemon=True)
    watcher.start()
    try:
        return solver.solve(model, callback)
    finally:
        done.set()
        watcher.join()


def _watch(
    solver: cp_model.CpSolver,
    stop: StopSignal,
    done: threading.Event,
    until: Callable[[], bool] | None,
) -> None:
    while not done.is_set():
        if stop.wait(0.05) or (until is not None and until()):
            solver.stop_search()
            return
