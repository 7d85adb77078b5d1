"""Creating the decision variables for every occurrence of a visit.

An occurrence may lie anywhere in the visit's days; the hard rules that own a
restriction of that domain (its windows, its required people's calendars)
narrow it through :attr:`HardRule.domain`, so the restriction disappears with
its rule. In explain mode no domain applies: the rules post guarded
constraints instead, so that a conflict can name them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ortools.sat.python.cp_model import Domain

from visitplanner.domain import Placement
from visitplanner.domain.clock import visit_minute
from visitplanner.domain.index import Occurrence
from visitplanner.solver.literals import IntVar, Lit
from visitplanner.solver.model import ModelContext, OccurrenceVars, Segment
from visitplanner.solver.rules.base import HardRule, Spans


def build_variables(ctx: ModelContext, rules: Sequence[HardRule]) -> None:
    """Add start, length, venue and attendance variables for every occurrence."""
    pins = {p.key: p for p in (ctx.previous or ()) if p.pinned}
    domains = [] if ctx.explain else [r.domain for r in rules if r.domain is not None]
    for occ in ctx.index.occurrences:
        spans: Spans = [(d, 0, 24 * 60) for d in range(1, ctx.index.visit.n_days + 1)]
        for narrow in domains:
            spans = narrow(ctx.index, occ, spans)
        ctx.occ[occ.key] = _occurrence(ctx, occ, spans, pins.get(occ.key))


def _occurrence(
    ctx: ModelContext, occ: Occurrence, spans: Spans, pin: Placement | None
) -> OccurrenceVars:
    m, act, key = ctx.model, occ.activity, occ.key
    lo_len, hi_len = ctx.slots_up(act.min_length), ctx.slots_down(act.max_length)
    raw: list[tuple[int, int, int]] = []
    # no whole number of slots between the minimum and maximum length: it cannot be placed
    for day, a, b in spans if lo_len <= hi_len else ():
        lo = ctx.slots_up(visit_minute(day, a))
        hi = ctx.slots_down(visit_minute(day, b))
        if hi - lo >= lo_len:
            raw.append((day, lo, hi))
    must_hold = act.mandatory and not ctx.explain and raw
    present: Lit = True if must_hold else m.new_bool_var(f"held[{key}]")
    if not raw:
        m.add(present == 0)
    starts = [(lo, hi - lo_len) for _, lo, hi in raw] or [(0, 0)]
    top = max(hi for _, _, hi in raw) if raw else max(lo_len, hi_len)
    start = m.new_int_var_from_domain(Domain.from_intervals(starts), f"start[{key}]")
    length = m.new_int_var(lo_len, max(lo_len, hi_len), f"length[{key}]")
    end = m.new_int_var(0, top, f"end[{key}]")
    m.add(end == start + length)
    interval = m.new_optional_interval_var(start, length, end, present, f"iv[{key}]")
    segments = _segments(ctx, key, raw, present, start, end)
    venues = _choice(ctx, f"venue[{key}]", act.venues or ("",), present)
    attend: dict[str, Lit] = {}
    for pid in act.invited:
        if pid in act.required:
            attend[pid] = present
        else:
            attend[pid] = m.new_bool_var(f"attend[{key},{pid}]")
            m.add_implication(attend[pid], present)
    on_day: dict[int, Lit] = {}
    for day in sorted({s.day for s in segments}):
        on_day[day] = ctx.bool_or([s.chosen for s in segments if s.day == day], f"day[{key},{day}]")
    if len(on_day) > 1:  # redundant (one stretch is chosen): held on exactly one day
        m.add(sum(on_day.values()) == present)
    return OccurrenceVars(
        occ, present, start, end, length, interval, segments, venues, attend, on_day, pin
    )


def _segments(
    ctx: ModelContext,
    key: str,
    raw: list[tuple[int, int, int]],
    present: Lit,
    start: IntVar,
    end: IntVar,
) -> list[Segment]:
    """One stretch is chosen when the occurrence is held (that choice is structural)."""
    m = ctx.model
    if len(raw) == 1 and present is True:
        day, lo, hi = raw[0]
        m.add(start >= lo)
        m.add(end <= hi)
        return [Segment(day, lo, hi, True)]
    segments = []
    for i, (day, lo, hi) in enumerate(raw):
        lit = m.new_bool_var(f"seg[{key},{i}]")
        m.add(start >= lo).only_enforce_if(lit)
        m.add(end <= hi).only_enforce_if(lit)
        segments.append(Segment(day, lo, hi, lit))
    if segments:
        m.add(sum(s.chosen for s in segments) == present)
    return segments


def _choice(ctx: ModelContext, name: str, options: tuple[str, ...], present: Lit) -> dict[str, Lit]:
    if len(options) == 1:
        return {options[0]: present}
    lits = {o: ctx.model.new_bool_var(f"{name}={o}") for o in options}
    ctx.model.add(sum(lits.values()) == present)
    return lits
