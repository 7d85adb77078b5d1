"""The scheduler at scale: a suite of generated visits, sizes x seeds.

Run: ``python benchmarks/scale.py`` (``--quick`` for a smoke run, ``--limit S`` for the
search time, ``--terms`` to see where the bound is weak). Prints ``name: value unit``
lines per visit: where the time goes (index and pre-checks, model building, CP-SAT
presolve, search to the first programme), time to the first programme, score and bound
at the time limit (of the product's solve, and of CP-SAT's own search alone), the gap,
peak memory, and the time to the first solution of a
minimal hard-rules-only model of the same visit (:mod:`minimal_model`), and of our model
with its hard rules only. Each visit runs in its own process, so peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

#: (name, days, people, activities, venues, interpreters, density)
SIZES = (
    ("d3-p40-a16", 3, 40, 16, 4, 2, 0.7),
    ("d5-p15-a21", 5, 15, 21, 4, 1, 0.7),
    ("d5-p40-a20", 5, 40, 20, 4, 2, 0.7),
    ("d5-p80-a32", 5, 80, 32, 6, 3, 0.7),
    ("d7-p150-a64", 7, 150, 64, 8, 4, 0.7),
)
SEEDS = (1, 2)
QUICK = (("d2-p12-a7", 2, 12, 7, 3, 1, 0.8), ("d3-p20-a10", 3, 20, 10, 3, 1, 0.7))


def _measure_one(size: list[Any], seed: int, limit: float, workers: int) -> dict[str, Any]:
    """Everything about one visit (runs in a child process)."""
    sys.path.insert(0, str(REPO))
    from ortools.sat.python import cp_model

    from benchmarks.minimal_model import first_feasible, minimal_model
    from benchmarks.visits import generate_visit
    from visitplanner.domain.index import VisitIndex
    from visitplanner.solver.precheck import precheck
    from visitplanner.solver.result import SolveOptions, gap_percent
    from visitplanner.solver.solve import configure, model_for, solve

    out: dict[str, Any] = {}
    visit = generate_visit(*size, seed=seed).visit
    t0 = time.monotonic()
    index = VisitIndex(visit)
    reasons = precheck(index, None)
    out["occurrences"] = len(index.occurrences)
    out["index_s"] = time.monotonic() - t0
    if reasons:
        out["infeasible"] = reasons[0]
        return out
    t1 = time.monotonic()
    options = SolveOptions(time_limit=limit, workers=workers)
    ctx = model_for(index, None, options)
    out["build_s"] = time.monotonic() - t1
    proto = ctx.model.proto
    out["variables"], out["constraints"] = len(proto.variables), len(proto.constraints)
    solver = cp_model.CpSolver()
    configure(solver, SolveOptions(time_limit=limit, workers=workers))
    params: Any = solver.parameters
    params.log_search_progress, params.log_to_stdout = True, False
    started = time.monotonic()
    search_at: list[float] = []
    firsts: list[float] = []
    bounds: list[tuple[float, float]] = []

    def log(line: str) -> None:
        found = re.match(r"Starting search at ([0-9.]+)s", line)
        if found:
            search_at.append(float(found.group(1)))

    class First(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            if not firsts:
                firsts.append(time.monotonic() - started)

    solver.log_callback = log
    solver.best_bound_callback = lambda b: bounds.append((time.monotonic() - started, b))
    status = solver.solve(ctx.model, First())
    out["status"] = solver.status_name(status)
    out["presolve_s"] = search_at[0] if search_at else None
    before = out["index_s"] + out["build_s"]
    if firsts:
        out["first_feasible_s"] = before + firsts[0]
        out["search_to_first_s"] = firsts[0] - (out["presolve_s"] or 0.0)
        out["cpsat_score"] = round(solver.objective_value)
        out["cpsat_bound"] = solver.best_objective_bound
    out["bound_moves"] = len(bounds)
    out["bound_first"] = bounds[0][1] if bounds else None
    # the product's own solve: CP-SAT, then day-by-day steps beside a bound search
    solve_started = time.monotonic()
    shown: list[float] = []

    def progress(_: Any) -> None:
        if not shown:
            shown.append(time.monotonic() - solve_started)

    result = solve(visit, SolveOptions(time_limit=limit, workers=workers), on_progress=progress)
    out["product_first_s"] = shown[0] if shown else None
    if result.objective is not None:
        out["score"], out["bound"] = result.objective, result.bound
        out["gap_pct"] = gap_percent(result.objective, result.bound)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    hard = model_for(index, None, options)
    hard.model.clear_objective()
    t2 = time.monotonic()
    ours = first_feasible(
        hard.model, limit, workers, lambda s: configure(s, SolveOptions(time_limit=limit))
    )
    out["ours_hard_first_s"] = None if ours is None else before + ours
    t3 = time.monotonic()
    minimal = minimal_model(index)
    build_minimal = time.monotonic() - t3
    found = first_feasible(minimal, limit, workers)
    out["minimal_first_s"] = None if found is None else build_minimal + found
    _ = t2
    return out


def _term_bounds(size: list[Any], seed: int, limit: float, workers: int) -> dict[str, Any]:
    """Per soft term: its bound when minimised alone vs its value in the best programme."""
    sys.path.insert(0, str(REPO))
    from ortools.sat.python import cp_model

    from benchmarks.visits import generate_visit
    from visitplanner.domain.index import VisitIndex
    from visitplanner.solver.solve import build_model

    visit = generate_visit(*size, seed=seed).visit
    index = VisitIndex(visit)
    ctx = build_model(index, None)
    solver = cp_model.CpSolver()
    params: Any = solver.parameters
    params.max_time_in_seconds, params.num_workers = limit, workers
    solver.solve(ctx.model)
    weights = visit.weights
    out: dict[str, Any] = {"total": [round(solver.objective_value), solver.best_objective_bound]}
    values = {n: weights.of(n) * solver.value(e) for n, e in ctx.terms.items()}
    for name in ctx.terms:
        alone = build_model(index, None)
        alone.model.minimize(weights.of(name) * alone.terms[name])
        single = cp_model.CpSolver()
        sp: Any = single.parameters
        sp.max_time_in_seconds, sp.num_workers = min(limit, 5.0), workers
        single.solve(alone.model)
        out[name] = [values[name], single.best_objective_bound]
    return out


def _child(args: argparse.Namespace) -> int:
    size = json.loads(args.one)
    run = _term_bounds if args.terms else _measure_one
    print(json.dumps(run(size, args.seed, args.limit, args.workers)))
    return 0


def _run(size: tuple[Any, ...], seed: int, limit: float, workers: int, terms: bool) -> Any:
    cmd = [sys.executable, __file__, "--one", json.dumps(list(size[1:])), "--seed", str(seed)]
    cmd += ["--limit", str(limit), "--workers", str(workers)] + (["--terms"] if terms else [])
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


FIGURES = (
    ("index_s", "index-and-prechecks", "s"),
    ("build_s", "model-building", "s"),
    ("presolve_s", "presolve", "s"),
    ("search_to_first_s", "search-to-first", "s"),
    ("first_feasible_s", "first-feasible", "s"),
    ("product_first_s", "product-first-programme", "s"),
    ("cpsat_score", "cpsat-alone-score-at-limit", "points"),
    ("cpsat_bound", "cpsat-alone-bound-at-limit", "points"),
    ("score", "score-at-limit", "points"),
    ("bound", "bound-at-limit", "points"),
    ("gap_pct", "gap-at-limit", "%"),
    ("bound_moves", "bound-improvements", "times"),
    ("peak_mb", "peak-memory", "MB"),
    ("variables", "model-variables", "vars"),
    ("constraints", "model-constraints", "cons"),
    ("ours_hard_first_s", "ours-hard-only-first-feasible", "s"),
    ("minimal_first_s", "minimal-model-first-feasible", "s"),
)


def main(argv: list[str] | None = None) -> int:
    """Run the suite (or one visit, in a child process) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="two small visits, 2 s each")
    parser.add_argument("--limit", type=float, default=None, help="search time per visit (s)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--terms", action="store_true", help="bound of each soft term alone")
    parser.add_argument("--only", default="", help="run only the sizes whose name has this")
    parser.add_argument("--seeds", default="", help="seeds to run, e.g. 1,2 (default: 1,2)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        return _child(args)
    limit = args.limit or (2.0 if args.quick else 10.0)
    sizes, seeds = (QUICK, SEEDS[:1]) if args.quick else (SIZES, SEEDS)
    if args.seeds:
        seeds = tuple(int(s) for s in args.seeds.split(","))
    print(
        f"# {time.strftime('%Y-%m-%d %H:%M')}, {args.workers} workers, limit {limit:g} s, "
        f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        flush=True,
    )
    failed = 0
    for size in sizes:
        if args.only not in size[0]:
            continue
        for seed in seeds:
            name = f"{size[0]}-s{seed}"
            try:
                found = _run(size, seed, limit, args.workers, args.terms)
            except (RuntimeError, ValueError) as exc:
                print(f"{name}: failed ({exc})", file=sys.stderr, flush=True)
                failed += 1
                continue
            if args.terms:
                for term, (value, bound) in found.items():
                    print(f"{name}-{term}: {value} points (bound alone {bound:.0f})", flush=True)
                continue
            if "infeasible" in found:
                print(f"{name}: infeasible ({found['infeasible']})", flush=True)
                continue
            for key, figure, unit in FIGURES:
                value = found.get(key)
                text = "none" if value is None else f"{value:.2f}"
                print(f"{name}-{figure}: {text} {unit}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
