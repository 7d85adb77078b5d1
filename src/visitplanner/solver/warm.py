"""A first programme from the hard rules alone, to start the search from.

With every soft term in the model, CP-SAT's own search can take long to find any
programme on week-long visits: the objective pulls it away from feasibility. The hard
rules alone give a programme in a second or two. Its placements are then fixed in a copy
of the full model, where propagation settles every other variable (the terms' values), so
the search starts from a complete programme with its exact score.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from visitplanner.domain import Schedule
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.build import build_model
from visitplanner.solver.lns import Incumbent, decisions, incumbent_from
from visitplanner.solver.model import ModelContext

#: runs CP-SAT on a model until its first solution or for at most the given seconds
RunFirst = Callable[[cp_model.CpModel, float], tuple[int, cp_model.CpSolver]]

FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)


def first_from_hard_rules(
    index: VisitIndex,
    previous: Schedule | None,
    ctx: ModelContext,
    run: RunFirst,
    seconds: float,
) -> Incumbent | None:
    """A programme that keeps every hard rule, scored in ``ctx``'s model, or None.

    ``ctx`` must be the full model of the same visit and ``previous`` the same pins.
    """
    ends = time.monotonic() + seconds
    hard = build_model(index, previous, objective=False)
    status, solver = run(hard.model, seconds)
    if status not in FOUND:
        return None
    values = solver.response_proto.solution
    complete = ctx.model.clone()  # the placements fixed, propagation settles the rest
    for ov in ctx.occ.values():
        for var in decisions(ov):
            domain = complete.proto.variables[var].domain
            domain.clear()
            domain.extend([values[var]] * 2)
    status, solver = run(complete, max(0.01, ends - time.monotonic()))
    return incumbent_from(ctx, solver) if status in FOUND else None
