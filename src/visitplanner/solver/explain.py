"""Explaining an infeasible visit with assumption literals (an unsatisfiable core)."""

from __future__ import annotations

from ortools.sat.python import cp_model

from visitplanner.domain import Schedule
from visitplanner.domain.index import VisitIndex, window_text


def _title(index: VisitIndex, key: str) -> str:
    occ = index.by_key.get(key)
    return f"«{occ.title}»" if occ else key


def phrase(index: VisitIndex, guard: str) -> str:
    """One guarded constraint, in a coordinator's words."""
    kind, *args = guard.split("|")

    def t(key: str) -> str:
        return _title(index, key)

    if kind == "held":
        return f"{t(args[0])} must take place"
    if kind == "windows":
        occ = index.by_key[args[0]]
        return f"{t(args[0])} must be within {window_text(occ.windows)}"
    if kind == "available":
        return f"{index.name(args[1])} must be free for {t(args[0])}"
    if kind == "apart":
        first, second = index.by_key[args[0]].activity, index.by_key[args[1]].activity
        both = [index.name(p) for p in first.required if p in second.required]
        who = f"both need {', '.join(both)}" if both else "share people"
        return f"{t(args[0])} and {t(args[1])} {who}, so they cannot overlap (travel included)"
    if kind == "venue":
        return f"{t(args[1])} and {t(args[2])} cannot use the same venue at once"
    if kind == "attendance":
        return f"{t(args[0])} needs its minimum attendance"
    if kind == "interpreter":
        return f"{t(args[0])} needs the interpreter"
    if kind == "breaks":
        return f"{index.name(args[0])} needs a break around {', '.join(t(k) for k in args[1:])}"
    if kind == "daily":
        return f"{index.name(args[0])}'s daily interpreting limit on day {args[1]}"
    if kind == "pinned":
        return f"{t(args[0])} is pinned where it is"
    return guard


def explain_with_core(
    index: VisitIndex, previous: Schedule | None, time_limit: float = 10.0
) -> tuple[str, ...]:
    """Rules that cannot all hold together, found with CP-SAT's sufficient assumptions."""
    from visitplanner.solver.solve import build_model

    ctx = build_model(index, previous, explain=True)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    status = solver.solve(ctx.model)
    if status != cp_model.INFEASIBLE:
        return (
            "no schedule keeps every rule, but the exact conflict could not be pinned down "
            "in time; try relaxing windows or availability",
        )
    core = solver.sufficient_assumptions_for_infeasibility()
    parts = sorted({phrase(index, ctx.guards[i]) for i in core if i in ctx.guards})
    if not parts:
        return ("the rules cannot all hold together",)
    return ("these cannot all hold together: " + "; ".join(parts),)
