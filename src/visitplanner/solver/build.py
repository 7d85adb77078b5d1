"""Building the CP-SAT model of a visit from the rule catalogue."""

from __future__ import annotations

from collections.abc import Sequence

from ortools.sat.python import cp_model

from visitplanner.domain import Schedule
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.model import ModelContext
from visitplanner.solver.rules import HardRule, hard_rules, soft_terms
from visitplanner.solver.variables import build_variables


def build_model(
    index: VisitIndex,
    previous: Schedule | None,
    explain: bool = False,
    rules: Sequence[HardRule] | None = None,
    objective: bool = True,
    bounding: bool = True,
) -> ModelContext:
    """The CP-SAT model of ``index``'s visit: variables, every hard rule, and the objective.

    ``rules`` replaces the catalogue (in any order), e.g. to test a rule alone. Without
    ``objective`` the model holds the hard rules only; its variables are then the first
    ones of the full model, in the same order. Without ``bounding`` the objective's rows
    for the search for a bound (:mod:`travel_waits`) are left out.
    """
    rules = hard_rules() if rules is None else rules
    ctx = ModelContext(
        index, cp_model.CpModel(), previous=previous, explain=explain, bounding=bounding
    )
    build_variables(ctx, rules)
    for rule in rules:
        rule.post(ctx)
    if objective and not explain:
        for term in soft_terms():
            ctx.terms[term.name] = term.post(ctx)
        ctx.model.minimize(ctx.objective())
    return ctx
