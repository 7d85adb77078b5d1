"""A minimal hard-rules-only CP-SAT model of a visit, to compare our model against.

Only what any scheduler must do: each mandatory occurrence at its shortest length inside
one of its windows, at one of its venues (one activity at a time in a venue that is not
shared), required people free and in one place at a time, and one interpreter in each
occurrence whose required people share no language. No optional attendees, travel,
minimum attendance, interpreter rest or objective. Intervals and NoOverlap throughout.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model import Domain

from visitplanner.domain.index import VisitIndex


def minimal_model(index: VisitIndex) -> cp_model.CpModel:
    """The minimal model of ``index``'s visit (slots of the visit's slot length)."""
    m = cp_model.CpModel()
    slot = index.visit.slot
    per_person: dict[str, list[Any]] = {pid: [] for pid in index.people}
    per_venue: dict[str, list[Any]] = {}
    shared = {v.id for v in index.visit.venues if v.shared}
    for occ in index.occurrences:
        act = occ.activity
        if not act.mandatory:
            continue
        length = -(-act.min_length // slot)
        starts = [
            (-(-w.abs_start // slot), w.abs_end // slot - length)
            for w in occ.windows
            if w.abs_end // slot - length >= -(-w.abs_start // slot)
        ]
        if not starts:
            continue
        start = m.new_int_var_from_domain(Domain.from_intervals(starts), f"s[{occ.key}]")
        iv = m.new_fixed_size_interval_var(start, length, f"iv[{occ.key}]")
        for pid in act.required:
            if pid in per_person:
                per_person[pid].append(iv)
        venues = act.venues or tuple(v.id for v in index.visit.venues)
        choices = []
        for vid in venues:
            lit = m.new_bool_var(f"at[{occ.key},{vid}]") if len(venues) > 1 else True
            choices.append(lit)
            if vid not in shared:
                opt = m.new_optional_fixed_size_interval_var(start, length, lit, "")
                per_venue.setdefault(vid, []).append(opt)
        if len(venues) > 1:
            m.add_exactly_one(choices)
        if index.needs_interpreter(list(act.required)) and index.interpreters:
            picks = []
            for pid in index.interpreters:
                if pid in act.required:
                    picks = []
                    break
                pick = m.new_bool_var(f"interp[{occ.key},{pid}]")
                picks.append(pick)
                per_person[pid].append(
                    m.new_optional_fixed_size_interval_var(start, length, pick, "")
                )
            if picks:
                m.add_exactly_one(picks)
    for pid, ivs in per_person.items():
        if not ivs:
            continue
        for s in index.busy(pid):
            lo, hi = s.start // slot, -(-s.end // slot)
            ivs.append(m.new_fixed_size_interval_var(lo, hi - lo, ""))
        m.add_no_overlap(ivs)
    for ivs in per_venue.values():
        m.add_no_overlap(ivs)
    return m


class _First(cp_model.CpSolverSolutionCallback):
    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.first: float | None = None

    def on_solution_callback(self) -> None:
        if self.first is None:
            self.first = time.monotonic() - self.started
        self.stop_search()


def first_feasible(
    model: cp_model.CpModel,
    time_limit: float,
    workers: int,
    setup: Callable[[cp_model.CpSolver], None] | None = None,
) -> float | None:
    """Seconds to the first feasible solution of ``model`` (None if none within the limit).

    ``setup`` sets the solver's parameters (CP-SAT's defaults otherwise).
    """
    solver = cp_model.CpSolver()
    params: Any = solver.parameters
    if setup is not None:
        setup(solver)
    params.max_time_in_seconds = time_limit
    params.num_workers = workers
    started = time.monotonic()
    callback = _First(started)
    solver.solve(model, callback)
    return callback.first
