"""Creating the decision variables for every occurrence of a visit."""

from __future__ import annotations

from ortools.sat.python.cp_model import Domain

from visitplanner.domain import Placement
from visitplanner.domain.clock import visit_minute
from visitplanner.domain.index import Occurrence
from visitplanner.solver.model import Lit, ModelContext, OccurrenceVars, Segment, negate


def horizon(ctx: ModelContext) -> int:
    """Number of slots in the visit."""
    return ctx.slots_up(visit_minute(ctx.index.visit.n_days + 1, 0))


def build_variables(ctx: ModelContext) -> None:
    """Add start, length, venue and attendance variables for every occurrence."""
    pins = {p.key: p for p in (ctx.previous or ()) if p.pinned}
    for occ in ctx.index.occurrences:
        ctx.occ[occ.key] = _occurrence(ctx, occ, pins.get(occ.key))


def _spans(ctx: ModelContext, occ: Occurrence, day: int, lo: int, hi: int) -> list[tuple[int, int]]:
    spans = [(lo, hi)]
    if ctx.explain:
        return spans
    for pid in occ.activity.required:
        if pid not in ctx.index.people:
            continue
        free = ctx.index.free_spans(pid, day)
        spans = [(max(a, c), min(b, d)) for a, b in spans for c, d in free if min(b, d) > max(a, c)]
    return spans


def _occurrence(ctx: ModelContext, occ: Occurrence, pin: Placement | None) -> OccurrenceVars:
    m, act, key = ctx.model, occ.activity, occ.key
    lo_len, hi_len = ctx.slots_up(act.min_length), ctx.slots_down(act.max_length)
    raw: list[tuple[int, int, int]] = []
    # no whole number of slots between the minimum and maximum length: it cannot be placed
    for w in occ.windows if lo_len <= hi_len else ():
        for a, b in _spans(ctx, occ, w.day, w.start, w.end):
            lo = ctx.slots_up(visit_minute(w.day, a))
            hi = ctx.slots_down(visit_minute(w.day, b))
            if hi - lo >= lo_len:
                raw.append((w.day, lo, hi))
    must_hold = act.mandatory or pin is not None
    present: Lit = True if must_hold and not ctx.explain and raw else m.new_bool_var(f"held[{key}]")
    starts = [(lo, hi - lo_len) for _, lo, hi in raw] or [(0, 0)]
    top = max(hi for _, _, hi in raw) if raw else max(lo_len, hi_len)
    if ctx.explain:  # the windows are then a guarded rule, so that a conflict can name them
        starts, top = [(0, horizon(ctx))], horizon(ctx) + max(lo_len, hi_len)
    start = m.new_int_var_from_domain(Domain.from_intervals(starts), f"start[{key}]")
    length = m.new_int_var(lo_len, max(lo_len, hi_len), f"length[{key}]")
    end = m.new_int_var(0, top, f"end[{key}]")
    m.add(end == start + length)
    interval = m.new_optional_interval_var(start, length, end, present, f"iv[{key}]")
    segments = _segments(ctx, key, raw, present, start, end)
    venues = _choice(
        ctx,
        f"venue[{key}]",
        act.venues or tuple(v.id for v in ctx.index.visit.venues) or ("",),
        present,
    )
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
    ov = OccurrenceVars(
        occ, present, start, end, length, interval, segments, venues, attend, on_day
    )
    ov.pinned = pin
    return ov


def _segments(
    ctx: ModelContext,
    key: str,
    raw: list[tuple[int, int, int]],
    present: Lit,
    start: object,
    end: object,
) -> list[Segment]:
    m = ctx.model
    if len(raw) == 1 and present is True:
        day, lo, hi = raw[0]
        m.add(start >= lo)  # type: ignore[operator]
        m.add(end <= hi)  # type: ignore[operator]
        return [Segment(day, lo, hi, True)]
    segments = []
    for i, (day, lo, hi) in enumerate(raw):
        lit = m.new_bool_var(f"seg[{key},{i}]")
        m.add(start >= lo).only_enforce_if(lit)  # type: ignore[operator]
        m.add(end <= hi).only_enforce_if(lit)  # type: ignore[operator]
        segments.append(Segment(day, lo, hi, lit))
    return segments


def _choice(ctx: ModelContext, name: str, options: tuple[str, ...], present: Lit) -> dict[str, Lit]:
    if len(options) == 1:
        return {options[0]: present}
    lits = {o: ctx.model.new_bool_var(f"{name}={o}") for o in options}
    ctx.model.add(sum(lits.values()) == present)
    return lits


def post_pin(ctx: ModelContext, ov: OccurrenceVars, pin: Placement) -> None:
    m = ctx.model
    guard = ctx.guard(f"pinned|{ov.key}")
    m.add(ov.start * ctx.slot == pin.abs_start).only_enforce_if(guard)
    m.add(ov.end * ctx.slot == pin.abs_end).only_enforce_if(guard)
    require(ctx, ov.venues.get(pin.venue, False), guard)
    for pid, att in ov.attend.items():
        require(ctx, att if pid in pin.attendees else negate(att), guard)
    if any(pid not in ov.attend for pid in pin.attendees):
        require(ctx, False, guard)


def require(ctx: ModelContext, lit: Lit, guard: list[Lit]) -> None:
    """Post ``lit`` (a literal or a Python bool) as true, under ``guard``."""
    if lit is True:
        return
    if lit is False:
        ctx.model.add_bool_or([False]).only_enforce_if(guard)
        return
    ctx.model.add_bool_or([lit]).only_enforce_if(guard)
