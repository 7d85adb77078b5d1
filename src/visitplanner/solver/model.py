"""The CP-SAT model under construction: decision variables and shared, typed model pieces.

Times in the model are *slots* of ``visit.slot`` minutes counted from the
visit's first midnight, so ``slot_index * visit.slot`` is a visit minute.

Rules post their constraints through :class:`ModelContext`. Pieces several
rules need (the order of two occurrences, whether an occurrence needs an
interpreter, each person's and each venue's intervals) are built once, on first
use, by the context itself, so no rule depends on another rule having run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from visitplanner.domain import Placement, Schedule
from visitplanner.domain.clock import split_visit_minute, visit_minute
from visitplanner.domain.index import Occurrence, VisitIndex
from visitplanner.solver.literals import IntVar, Lit, negate


@dataclass
class Segment:
    """A stretch where an occurrence may lie (slots), as narrowed by the rules' domains."""

    day: int
    lo: int
    hi: int
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
    #: whether to build the rows that only the search for a bound uses (:meth:`bound_rows`)
    bounding: bool = True
    #: assumption literal index -> (rule name, arguments)
    guards: dict[int, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    terms: dict[str, Any] = field(default_factory=dict)
    #: per day, the parts of the terms that fall on it: (term name, multiplier, variable)
    day_costs: dict[int, list[tuple[str, int, IntVar]]] = field(default_factory=dict)
    _order: dict[tuple[str, str], Lit] = field(default_factory=dict)
    _needs: dict[str, Lit] = field(default_factory=dict)
    _relay: dict[str, Lit] = field(default_factory=dict)
    _attendance: dict[tuple[str, str], Any] = field(default_factory=dict)
    _bound_rows: Lit | None = None

    @property
    def slot(self) -> int:
        """Slot length in minutes."""
        return self.index.visit.slot

    @property
    def horizon(self) -> int:
        """Number of slots in the visit (its days and the night after)."""
        return self.slots_up(visit_minute(self.index.visit.n_days + 1, 0))

    def slots_up(self, minutes: int) -> int:
        """Minutes to slots, rounding up."""
        return -(-minutes // self.slot)

    def slots_down(self, minutes: int) -> int:
        """Minutes to slots, rounding down."""
        return minutes // self.slot

    def guard(self, rule: str, *args: str) -> list[Lit]:
        """Enforcement literals for a constraint of ``rule`` about ``args`` (explain mode only)."""
        if not self.explain:
            return []
        lit = self.model.new_bool_var("|".join((rule, *args)))
        self.model.add_assumption(lit)
        self.guards[lit.index] = (rule, tuple(args))
        return [lit]

    def bound_rows(self) -> list[Lit]:
        """Enforcement for redundant rows that help prove a bound but slow the search.

        The literal is free in the model (presolve then drops those rows); the search
        for a bound fixes it true (:meth:`with_bound_rows`).
        """
        if self._bound_rows is None:
            self._bound_rows = self.model.new_bool_var("bound_rows")
        return [self._bound_rows]

    def avoid(self, var: IntVar, ranges: list[list[int]], enforce: list[Lit]) -> None:
        """``var`` lies outside every ``[lo, hi]`` of ``ranges`` when ``enforce`` holds."""
        outside = cp_model.Domain.from_intervals(ranges).complement()
        self.model.add_linear_expression_in_domain(var, outside).only_enforce_if(enforce)

    def with_bound_rows(self) -> cp_model.CpModel:
        """A copy of the model with the bound's redundant rows in force."""
        model = self.model.clone()
        if isinstance(self._bound_rows, cp_model.IntVar):
            domain = model.proto.variables[self._bound_rows.index].domain
            domain.clear()
            domain.extend([1, 1])
        return model

    # --- shared pieces, built once on first use ----------------------------------------

    def first(self, a: OccurrenceVars, b: OccurrenceVars) -> Lit:
        """A literal true when ``a`` starts no later than ``b`` (false: ``b`` first)."""
        if (b.key, a.key) in self._order:
            return negate(self._order[(b.key, a.key)])
        if (a.key, b.key) not in self._order:
            lit = self.model.new_bool_var(f"before[{a.key},{b.key}]")
            self.model.add(a.start <= b.start).only_enforce_if(lit)
            self.model.add(b.start <= a.start).only_enforce_if(lit.Not())
            self._order[(a.key, b.key)] = lit
        return self._order[(a.key, b.key)]

    def needs_interpreter(self, ov: OccurrenceVars) -> Lit:
        """A literal true when the occurrence's attendees share no language."""
        if ov.key in self._needs:
            return self._needs[ov.key]
        people, interpreters = self.index.people, self.index.interpreters
        speakers = [pid for pid in ov.attend if pid in people and pid not in interpreters]
        covers: list[Lit] = []
        for lang in self.index.languages():
            outsiders = [pid for pid in speakers if not people[pid].speaks(lang)]
            if any(ov.attend[pid] is ov.present or ov.attend[pid] is True for pid in outsiders):
                continue
            if not outsiders:
                covers = [True]
                break
            lit = self.model.new_bool_var(f"covers[{ov.key},{lang}]")
            for pid in outsiders:
                self.model.add_implication(lit, negate(ov.attend[pid]))
            covers.append(lit)
        self._needs[ov.key] = negate(self.bool_or(covers, f"shared_language[{ov.key}]"))
        return self._needs[ov.key]

    def relay(self, ov: OccurrenceVars) -> Lit:
        """A literal true when two or more interpreters interpret ``ov`` (they take turns)."""
        if ov.key not in self._relay:
            helpers = [ov.attend[i] for i in self.index.interpreters if i in ov.attend]
            helpers = [x for x in helpers if x is not False]
            if len(helpers) < 2:
                self._relay[ov.key] = False
            else:
                two = self.model.new_bool_var(f"two_interpreters[{ov.key}]")
                total = sum(1 if x is True else x for x in helpers)
                self.model.add(total >= 2).only_enforce_if(two)
                self.model.add(total <= 1).only_enforce_if(two.Not())
                self._relay[ov.key] = self.bool_and([two, self.needs_interpreter(ov)], "")
        return self._relay[ov.key]

    def attendance_interval(self, ov: OccurrenceVars, pid: str) -> Any:
        """The occurrence's interval as ``pid`` attends it (optional on their attendance)."""
        lit = ov.attend[pid]
        if lit is True or lit is ov.present:
            return ov.interval
        if (ov.key, pid) not in self._attendance:
            self._attendance[(ov.key, pid)] = self.model.new_optional_interval_var(
                ov.start, ov.length, ov.end, lit, f"att[{ov.key},{pid}]"
            )
        return self._attendance[(ov.key, pid)]

    def person_intervals(self, pid: str) -> list[tuple[OccurrenceVars, Any]]:
        """Every occurrence ``pid`` may attend, with its attendance interval."""
        return [
            (ov, self.attendance_interval(ov, pid)) for ov in self.occ.values() if pid in ov.attend
        ]

    def venue_intervals(self, vid: str) -> list[tuple[OccurrenceVars, Lit, Any]]:
        """Every occurrence that may be at venue ``vid``: its choice literal and interval."""
        out = []
        for ov in self.occ.values():
            lit = ov.venues.get(vid)
            if lit is None or lit is False:
                continue
            interval = (
                ov.interval
                if lit is ov.present or lit is True
                else self.model.new_optional_interval_var(
                    ov.start, ov.length, ov.end, lit, f"v[{ov.key},{vid}]"
                )
            )
            out.append((ov, lit, interval))
        return out

    # --- literal helpers ---------------------------------------------------------------

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
        self.model.add_bool_or([negate(x) for x in rest]).only_enforce_if(var.Not())
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

    def require(self, lit: Lit, guard: list[Lit]) -> None:
        """Post ``lit`` (a literal or a Python bool) as true, under ``guard``."""
        if lit is True:
            return
        self.model.add_bool_or([lit]).only_enforce_if(guard)

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

    def hint(self, schedule: Schedule) -> int:
        """Suggest ``schedule``'s placements to the solver (a re-solve starts from them).

        Occurrences missing from ``schedule`` are hinted as not held. Returns how many
        placements were hinted; those off the slot grid are skipped.
        """
        m, hinted, seen = self.model, 0, set[int]()
        for p in schedule:
            ov = self.occ.get(p.key)
            if ov is None or p.abs_start % self.slot or p.abs_end % self.slot:
                continue
            start, end = p.abs_start // self.slot, p.abs_end // self.slot
            m.add_hint(ov.start, start)
            m.add_hint(ov.end, end)
            m.add_hint(ov.length, end - start)
            lits = [(ov.present, True)]
            lits += [(lit, vid == p.venue) for vid, lit in ov.venues.items()]
            lits += [(lit, pid in p.attendees) for pid, lit in ov.attend.items()]
            lits += [(s.chosen, s.lo <= start and end <= s.hi) for s in ov.segments]
            for lit, value in lits:
                # one variable may stand for several roles (attendance is presence)
                var = None if isinstance(lit, bool) else max(lit.index, -lit.index - 1)
                if var is not None and var not in seen:
                    seen.add(var)
                    m.add_hint(lit, value)
            hinted += 1
        placed = {p.key for p in schedule}
        for ov in self.occ.values():
            if ov.key not in placed and not isinstance(ov.present, bool):
                m.add_hint(ov.present, False)  # not in the programme: start without it
        return hinted

    def objective(self) -> Any:
        """The weighted sum of the soft terms: what the solver minimises."""
        weights = self.index.visit.weights
        return sum(weights.of(n) * e for n, e in self.terms.items())

    def score(self, solver: cp_model.CpSolver | cp_model.CpSolverSolutionCallback) -> int:
        """The programme's score from its terms (the solver's own figure may lag behind)."""
        weights = self.index.visit.weights
        return int(sum(weights.of(n) * solver.value(e) for n, e in self.terms.items()))

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


def _truth(solver: cp_model.CpSolver | cp_model.CpSolverSolutionCallback, lit: Lit) -> bool:
    if isinstance(lit, bool):
        return lit
    return bool(solver.boolean_value(lit))
