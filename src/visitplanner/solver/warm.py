"""Programmes to start the search from: the hard rules' first one, or the user's own.

With every soft term in the model, CP-SAT's own search can take long to find any
programme on week-long visits: the objective pulls it away from feasibility. The hard
rules alone give a programme in a second or two. Its placements are then fixed in a copy
of the full model, where propagation settles every other variable (the terms' values), so
the search starts from a complete programme with its exact score. Searching on from the
coordinator's programme starts the same way from its placements.
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
    fixed = {var: values[var] for ov in ctx.occ.values() for var in decisions(ov)}
    return _completed(ctx, fixed, run, max(0.01, ends - time.monotonic()))


def from_hint(ctx: ModelContext, run: RunFirst, seconds: float) -> Incumbent | None:
    """The programme ``ctx``'s model is hinted with (:meth:`ModelContext.hint`), complete.

    None if it breaks a rule. Placements off the slot grid, which are not hinted, are left
    for the search to place.
    """
    hint = ctx.model.proto.solution_hint
    return _completed(ctx, dict(zip(hint.vars, hint.values, strict=True)), run, seconds)


def _completed(
    ctx: ModelContext, fixed: dict[int, int], run: RunFirst, seconds: float
) -> Incumbent | None:
    """The programme with the ``fixed`` values, every other variable settled by propagation."""
    complete = ctx.model.clone()
    for var, value in fixed.items():
        domain = complete.proto.variables[var].domain
        domain.clear()
        domain.extend([value] * 2)
    status, solver = run(complete, seconds)
    return incumbent_from(ctx, solver) if status in FOUND else None
