"""Explaining an infeasible visit with assumption literals (an unsatisfiable core).

Every guarded constraint is keyed by its rule's name. The core CP-SAT returns
is shrunk to the fewest guards that still conflict (while time allows), then
each rule involved sums up its part in one line, in the coordinator's units.
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from visitplanner.domain import Schedule
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import _
from visitplanner.solver.build import build_model
from visitplanner.solver.model import ModelContext
from visitplanner.solver.rules import hard_rules

#: No reason line is longer than this (characters).
MAX_LINE = 300


def _infeasible(ctx: ModelContext, kept: list[int], seconds: float) -> bool:
    ctx.model.clear_assumptions()
    ctx.model.add_assumptions([ctx.model.get_bool_var_from_proto_index(i) for i in kept])
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = 1
    return solver.solve(ctx.model) == cp_model.INFEASIBLE


def minimal_core(ctx: ModelContext, core: list[int], deadline: float) -> list[int]:
    """Drop guards from ``core`` one by one while the rest still conflict (deletion filter)."""
    kept = list(core)
    for lit in list(core):
        left = deadline - time.monotonic()
        if left <= 0 or len(kept) == 1:
            break
        trial = [x for x in kept if x != lit]
        if _infeasible(ctx, trial, left):
            kept = trial
    return kept


def phrases(index: VisitIndex, guards: list[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
    """One line per rule involved, each at most :data:`MAX_LINE` long.

    The rules that clash come first (the first line is what a status bar shows);
    the time windows that make them clash follow.
    """
    lines: list[str] = []
    for rule in sorted(hard_rules(), key=lambda r: r.name == "within_windows"):
        args = [a for name, a in guards if name == rule.name]
        if not args:
            continue
        for line in rule.phrases(index, args):
            lines.append(line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…")
    return tuple(lines)


def explain_with_core(
    index: VisitIndex, previous: Schedule | None, time_limit: float = 10.0
) -> tuple[str, ...]:
    """Rules that cannot all hold together, found with CP-SAT's sufficient assumptions."""
    started = time.monotonic()
    ctx = build_model(index, previous, explain=True)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    status = solver.solve(ctx.model)
    if status != cp_model.INFEASIBLE:
        return (
            _(
                "No schedule keeps every rule, but the exact conflict could not be pinned down "
                "in time; try relaxing windows or availability"
            ),
        )
    core = [i for i in solver.sufficient_assumptions_for_infeasibility() if i in ctx.guards]
    budget = min(5.0, time_limit - (time.monotonic() - started))
    core = minimal_core(ctx, core, time.monotonic() + budget)
    return phrases(index, [ctx.guards[i] for i in core]) or (
        _("The rules cannot all hold together"),
    )
