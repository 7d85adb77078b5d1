"""Core figures: time to a proven optimum on the Paris demo, and one full rule check."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from visitplanner.domain import Schedule
from visitplanner.io.project import load_project
from visitplanner.solver.checker import Checker
from visitplanner.solver.result import SolveOptions, Status
from visitplanner.solver.solve import solve

DEMO = Path(__file__).resolve().parents[1] / "src" / "visitplanner" / "resources" / "demo"
SRC = Path(__file__).resolve().parents[1] / "src"

# What a drag check needs, imported in a fresh interpreter; OR-Tools must stay unloaded.
CHECK_IMPORT = """
import sys, time
started = time.perf_counter()
import visitplanner.solver.checker, visitplanner.solver.balance
elapsed = time.perf_counter() - started
assert not any(m.startswith("ortools") for m in sys.modules), "the checker loaded OR-Tools"
print(elapsed)
"""


def check_import_seconds(runs: int = 5) -> float:
    """Median seconds to import the checker in a fresh interpreter (OR-Tools not loaded)."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CHECK_IMPORT],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def measure() -> list[tuple[str, float, str]]:
    """``paris-solve-optimal`` (median of 5 seeds), ``paris-check`` (median of 200), and
    ``check-import`` (median of 5 fresh interpreters)."""
    project = load_project(DEMO / "paris-pb-visit.json")
    times, schedule = [], None
    for seed in range(5):
        started = time.perf_counter()
        result = solve(project.visit, SolveOptions(time_limit=60, seed=seed))
        times.append(time.perf_counter() - started)
        if result.status is not Status.OPTIMAL:
            raise SystemExit(f"demo not solved to optimality: {result.status}")
        schedule = result.schedule
    assert schedule is not None
    # the coordinator pins what is agreed (the formal meetings) and re-solves the rest
    formal = {a.id for a in project.visit.activities if a.is_formal}
    pinned = Schedule(
        tuple(replace(p, pinned=p.activity_id in formal) for p in schedule.placements)
    )
    resolves = []
    for seed in range(5):
        started = time.perf_counter()
        again = solve(project.visit, SolveOptions(time_limit=60, seed=seed, previous=pinned))
        resolves.append(time.perf_counter() - started)
        if again.status is not Status.OPTIMAL:
            raise SystemExit(f"pinned re-solve not optimal: {again.status}")
    checker = Checker(project.visit)
    checks = []
    for _ in range(200):
        started = time.perf_counter()
        checker.check(schedule)
        checks.append(time.perf_counter() - started)
    infeasible = load_project(DEMO / "paris-pb-visit-infeasible.json")
    started = time.perf_counter()
    solve(infeasible.visit)
    explain = time.perf_counter() - started
    return [
        ("paris-solve-optimal", statistics.median(times), "s"),
        ("paris-solve-optimal-max", max(times), "s"),
        ("paris-resolve-pinned", statistics.median(resolves), "s"),
        ("paris-check", statistics.median(checks) * 1000, "ms"),
        ("paris-infeasible-explained", explain, "s"),
        ("check-import", check_import_seconds(), "s"),
    ]


if __name__ == "__main__":
    for name, value, unit in measure():
        print(f"{name}: {value:.3f} {unit}")
