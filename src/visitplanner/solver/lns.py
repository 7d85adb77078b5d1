"""Improving a programme a few days at a time (large-neighbourhood search over days).

On week-long visits CP-SAT's own search stalls far from the best programme: a better
one often means moving several activities across days at once. Each step here keeps
every activity outside a few chosen days where it is, frees those days, and asks
CP-SAT for a strictly better programme. Such a step is small enough to be solved to the
end in a fraction of a second. When no choice of ``k`` days can improve the programme,
``k`` grows; with every day free the step is the whole visit, so the search can end
with the programme proven best possible.

Steps that run out of time search without CP-SAT's linear relaxation: on visits with
parallel tracks its bound is far too weak to prove a step, and the search finds better
programmes faster without it (README, Benchmarks, "Without the relaxation"); where steps
end proven it stays.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from visitplanner.solver.literals import Lit
from visitplanner.solver.model import ModelContext, OccurrenceVars


@dataclass(frozen=True)
class Step:
    """How to run one step: its time, and what kind of search."""

    seconds: float
    #: the model is the whole visit (its bound then holds for the visit)
    whole: bool = False
    #: with CP-SAT's linear relaxation (it proves steps; it slows the search for better ones)
    lp: bool = True


#: runs CP-SAT on a model as ``Step`` says (watching for a stop request)
RunModel = Callable[[cp_model.CpModel, Step], tuple[int, cp_model.CpSolver]]


@dataclass
class Incumbent:
    """The best programme so far: its score and every variable's value."""

    score: int
    values: list[int]
    source: cp_model.CpSolver
    proven: bool = False


def incumbent_from(ctx: ModelContext, solver: cp_model.CpSolver) -> Incumbent:
    """The solution ``solver`` holds for ``ctx``'s model, as an incumbent."""
    return Incumbent(ctx.score(solver), list(solver.response_proto.solution), solver)


def _value(values: list[int], lit: Lit) -> int:
    if isinstance(lit, bool):
        return int(lit)
    return int(values[lit.index] if lit.index >= 0 else 1 - values[-lit.index - 1])


def decisions(ov: OccurrenceVars) -> Iterator[int]:
    """Indexes of the variables that place an occurrence (when, where, who)."""
    lits: list[Any] = [ov.start, ov.length, ov.present, *ov.venues.values()]
    lits += [*ov.attend.values(), *(s.chosen for s in ov.segments)]
    for lit in lits:
        if not isinstance(lit, bool):
            yield lit.index if lit.index >= 0 else -lit.index - 1


def hold(model: cp_model.CpModel, ov: OccurrenceVars, values: list[int]) -> None:
    """Fix in ``model`` how ``ov`` is placed (its :func:`decisions`) to ``values``."""
    for index in decisions(ov):
        domain = model.proto.variables[index].domain
        domain.clear()
        domain.extend([values[index]] * 2)


def hint_all(model: cp_model.CpModel, values: list[int]) -> None:
    """Hint every variable of ``model`` with its value in ``values``."""
    hint = model.proto.solution_hint
    hint.vars.clear()
    hint.values.clear()
    hint.vars.extend(range(len(values)))
    hint.values.extend(values)


def neighbourhood(ctx: ModelContext, best: Incumbent, free: frozenset[int]) -> cp_model.CpModel:
    """``ctx``'s model with the activities outside the ``free`` days kept where they are.

    Activities not in the programme stay free; the model asks for a better score and
    starts from the incumbent.
    """
    model = ctx.model.clone()
    hint_all(model, best.values)
    for ov in ctx.occ.values():
        day = next((d for d, lit in ov.on_day.items() if _value(best.values, lit)), None)
        if day is None or day in free:
            continue
        hold(model, ov, best.values)
    model.add(ctx.objective() <= best.score - 1)
    return model


def improve_by_days(
    ctx: ModelContext,
    best: Incumbent,
    run: RunModel,
    remaining: Callable[[], float],
    step_seconds: float,
    seed: int = 0,
) -> Iterator[Incumbent]:
    """Yield ever better programmes until the time is up or one is proven best.

    Steps free 2, 3, … days in random order, for ``step_seconds`` doubled with each
    extra day; after a round that ends with every day free, and after a step that ran
    out of time with nothing to show, the times grow. A choice of days proven unable
    to improve is not tried again until the programme changes. After a step that ran
    out of time, the next of its size searches without the linear relaxation; after one
    that ended, with it.
    """
    days = list(range(1, ctx.index.visit.n_days + 1))
    rng = random.Random(seed)
    size, stuck, no_lp = min(2, len(days)), set[frozenset[int]](), set[int]()
    while remaining() > 0.05:
        choices = [frozenset(c) for c in itertools.combinations(days, size)]
        rng.shuffle(choices)
        improved = False
        for free in (c for c in choices if c not in stuck):
            left = remaining()
            if left <= 0.05:
                return
            whole = len(free) == len(days)
            model = neighbourhood(ctx, best, free)
            seconds = min(left, step_seconds * 2 ** (size - 2))
            status, solver = run(model, Step(seconds, whole, whole or size not in no_lp))
            if status in (cp_model.OPTIMAL, cp_model.INFEASIBLE):
                no_lp.discard(size)
            else:
                no_lp.add(size)
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                best = incumbent_from(ctx, solver)
                best.proven = whole and status == cp_model.OPTIMAL
                yield best
                if best.proven:
                    return
                improved, size = True, min(2, len(days))  # small steps around the new one
                stuck.clear()
                break
            if status == cp_model.UNKNOWN:
                step_seconds *= 1.5  # large visits: steps need longer than small ones
            if status == cp_model.INFEASIBLE:
                stuck.add(free)
                if whole:
                    best.proven = True  # nothing better exists anywhere
                    yield best
                    return
        if not improved:
            if size == len(days):
                size, step_seconds = min(2, len(days)), 2 * step_seconds
            else:
                size += 1
