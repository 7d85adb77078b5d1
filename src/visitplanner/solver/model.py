"""Decision variables of the CP-SAT model, in one container with ``extract``.

Times in the model are *slots* of ``visit.slot`` minutes counted from the
visit's first midnight, so ``slot_index * visit.slot`` is a visit minute.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from visitplanner.domain import Placement, Schedule
from visitplanner.domain.clock import split_visit_minute, visit_minute
from visitplanner.domain.index import Occurrence, VisitIndex

Lit = Any  # a CP-SAT literal (BoolVar, its negation, or a Python bool)
IntVar = Any


@dataclass
class Segment:
    """A stretch where an occurrence may lie: a window, cut by its required people's calendars."""

    day: int
    lo: int  # slot
    hi: int  # slot
    chosen: Lit


@dataclass
class OccurrenceVars:
    """Variables of one occurrence."""

    occ: Occurrence
    present: Lit
    start: IntVar
    end: IntVar
    length: IntVar
    interval: Any
    segments: list[Segment]
    venues: dict[str, Lit]
    attend: dict[str, Lit]
    on_day: dict[int, Lit]
    pinned: Placement | None = None

    @property
    def key(self) -> str:
        """The occurrence key."""
        return self.occ.key


@dataclass
class ModelContext:
    """The model under construction, with everything rules need to post constraints.

    In *explain* mode each rule's constraints are guarded by an assumption
    literal (see :meth:`guard`) so an infeasible visit can be explained.
    """

    index: VisitIndex
    model: cp_model.CpModel
    occ: dict[str, OccurrenceVars] = field(default_factory=dict)
    previous: Schedule | None = None
    explain: bool = False
    guards: dict[int, str] = field(default_factory=dict)
    terms: dict[str, Any] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def slot(self) -> int:
        """Slot length in minutes."""
        return self.index.visit.slot

    def slots_up(self, minutes: int) -> int:
        """Minutes to slots, rounding up."""
        return -(-minutes // self.slot)

    def slots_down(self, minutes: int) -> int:
        """Minutes to slots, rounding down."""
        return minutes // self.slot

    def guard(self, text: str) -> list[Lit]:
        """Enforcement literals for a constraint described by ``text`` (explain mode only)."""
        if not self.explain:
            return []
        lit = self.model.new_bool_var(text)
        self.model.add_assumption(lit)
        self.guards[lit.index] = text
        return [lit]

    def bool_and(self, lits: Sequence[Lit], name: str) -> Lit:
        """A literal equal to the conjunction of ``lits`` (constants folded)."""
        rest = [x for x in lits if x is not True]
        if any(x is False for x in rest):
            return False
        if not rest:
            return True
        if len(rest) == 1:
            return rest[0]
        var = self.model.new_bool_var(name)
        self.model.add_bool_and(rest).only_enforce_if(var)
        self.model.add_bool_or([_negate(x) for x in rest]).only_enforce_if(var.Not())
        return var

    def bool_or(self, lits: Sequence[Lit], name: str) -> Lit:
        """A literal equal to the disjunction of ``lits`` (constants folded)."""
        rest = [x for x in lits if x is not False]
        if any(x is True for x in rest):
            return True
        if not rest:
            return False
        if len(rest) == 1:
            return rest[0]
        var = self.model.new_bool_var(name)
        self.model.add_max_equality(var, rest)
        return var

    def gated_length(self, ov: OccurrenceVars, lit: Lit, name: str) -> Any:
        """An integer that equals the occurrence's length (slots) when ``lit`` holds, else 0."""
        if lit is False:
            return 0
        if lit is True:
            return ov.length
        var = self.model.new_int_var(0, self.slots_down(ov.occ.activity.max_length), name)
        self.model.add(var == ov.length).only_enforce_if(lit)
        self.model.add(var == 0).only_enforce_if(negate(lit))
        return var

    def extract(self, solver: cp_model.CpSolver | cp_model.CpSolverSolutionCallback) -> Schedule:
        """The schedule in the solver's current solution."""
        placements = []
        for ov in self.occ.values():
            if not _truth(solver, ov.present):
                continue
            start = solver.value(ov.start) * self.slot
            end = solver.value(ov.end) * self.slot
            day, minute = split_visit_minute(start)
            venue = next((v for v, lit in ov.venues.items() if _truth(solver, lit)), "")
            attendees = tuple(p for p, lit in ov.attend.items() if _truth(solver, lit))
            placements.append(
                Placement(
                    key=ov.key,
                    activity_id=ov.occ.activity.id,
                    day=day,
                    start=minute,
                    end=minute + (end - start),
                    venue=venue,
                    attendees=attendees,
                    pinned=ov.pinned is not None,
                )
            )
        return Schedule(tuple(placements)).sorted()

    def abs_slot(self, day: int, minute: int) -> int:
        """Slot index of ``minute`` on ``day``, rounding down."""
        return visit_minute(day, minute) // self.slot


def _negate(lit: Lit) -> Lit:
    if isinstance(lit, bool):
        return not lit
    return lit.Not()


def _truth(solver: cp_model.CpSolver | cp_model.CpSolverSolutionCallback, lit: Lit) -> bool:
    if isinstance(lit, bool):
        return lit
    return bool(solver.boolean_value(lit))


def negate(lit: Lit) -> Lit:
    """Negation of a literal or a Python bool."""
    return _negate(lit)
