"""A CP-SAT run stops on request, or once a condition holds."""

from __future__ import annotations

import threading
import time

from benchmarks.visits import generate_visit
from ortools.sat.python import cp_model

from visitplanner.domain.index import VisitIndex
from visitplanner.solver.build import build_model
from visitplanner.solver.result import StopSignal
from visitplanner.solver.watch import run_watched


def _long_search() -> tuple[cp_model.CpSolver, cp_model.CpModel]:
    """A search that would run for its whole minute: a five-day visit."""
    ctx = build_model(VisitIndex(generate_visit(5, 15, 21, 4, 1, 0.7, seed=1).visit), None)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 60
    solver.parameters.num_workers = 1
    return solver, ctx.model


def test_the_search_stops_once_the_condition_holds() -> None:
    solver, model = _long_search()
    began = time.monotonic()
    run_watched(solver, model, StopSignal(), lambda: time.monotonic() - began > 0.5)
    assert 0.5 <= solver.wall_time < 5


def test_the_search_stops_on_request() -> None:
    solver, model = _long_search()
    stop = StopSignal()
    threading.Timer(0.5, stop.stop).start()
    run_watched(solver, model, stop)
    assert 0.4 <= solver.wall_time < 5
