"""Where the model's size and build time go: variables, constraints and seconds per rule.

Run: ``python benchmarks/anatomy.py [days people activities venues interpreters density seed]``
(default: the seven-day, 150-person visit of the scale suite). Prints ``name: value unit``.
Uses the solver's internals (variables, each rule's ``post``), so it follows their shape.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ortools.sat.python import cp_model

from benchmarks.visits import generate_visit
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.model import ModelContext
from visitplanner.solver.rules import hard_rules, soft_terms
from visitplanner.solver.variables import build_variables


def measure(size: tuple[int, int, int, int, int, float], seed: int) -> list[tuple[str, float, str]]:
    """Per part of the model: seconds to post it, variables and constraints it adds."""
    index = VisitIndex(generate_visit(*size, seed=seed).visit)
    ctx = ModelContext(index, cp_model.CpModel())
    out: list[tuple[str, float, str]] = []

    def step(name: str, post: object) -> None:
        proto = ctx.model.proto
        v0, c0, t0 = len(proto.variables), len(proto.constraints), time.perf_counter()
        result = post(ctx)  # type: ignore[operator]
        if name.startswith("term-"):
            ctx.terms[name[5:]] = result
        out.append((f"{name}-time", time.perf_counter() - t0, "s"))
        out.append((f"{name}-variables", len(proto.variables) - v0, "vars"))
        out.append((f"{name}-constraints", len(proto.constraints) - c0, "cons"))

    step("variables", lambda c: build_variables(c, hard_rules()))
    for rule in hard_rules():
        step(f"rule-{rule.name}", rule.post)
    for term in soft_terms():
        step(f"term-{term.name}", term.post)
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    size = (7, 150, 64, 8, 4, 0.7) if not args else tuple(float(a) for a in args[:6])
    seed = int(args[6]) if len(args) > 6 else 1
    ints = (*tuple(int(x) for x in size[:5]), float(size[5]))
    for name, value, unit in measure(ints, seed):  # type: ignore[arg-type]
        if value:
            print(f"{name}: {value:.3f} {unit}" if unit == "s" else f"{name}: {value:.0f} {unit}")
