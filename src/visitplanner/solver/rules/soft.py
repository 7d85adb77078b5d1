"""Soft terms of the objective: each a cost in minutes (or a count), checked and modelled alike.

The objective is the sum of each term's cost times its weight (``visit.weights``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from visitplanner.domain import Side
from visitplanner.domain.index import Stretch
from visitplanner.solver.literals import negate
from visitplanner.solver.rules.base import Facts, Placed
from visitplanner.solver.rules.travel_waits import Journeys

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext, OccurrenceVars


def _sides(facts: Facts, x: Placed) -> tuple[bool, bool]:
    sides = {facts.side_of(pid) for pid in x.attendees}
    return Side.HOST in sides, Side.VISITOR in sides


def informal_time_shortfall(facts: Facts) -> int:
    """Minutes of informal time below the targets (host-visitor, then visitors only)."""
    balance = facts.index.visit.balance
    with_hosts = visitors_only = 0
    for x in facts.placed:
        if x.activity is None or x.activity.is_formal:
            continue
        host, visitor = _sides(facts, x)
        if visitor and host:
            with_hosts += x.p.length
        elif visitor:
            visitors_only += x.p.length
    return max(0, balance.host_visitor_target - with_hosts) + max(
        0, balance.visitors_only_target - visitors_only
    )


def _any_of(ctx: ModelContext, ov: OccurrenceVars, side: Side) -> Any:
    lits = [lit for pid, lit in ov.attend.items() if ctx.index.people[pid].side is side]
    return ctx.bool_or(lits, f"{side.value}_in[{ov.key}]")


def post_informal_time_shortfall(ctx: ModelContext) -> Any:
    """Shortfall below both informal-time targets, in minutes."""
    m, balance = ctx.model, ctx.index.visit.balance
    hv, vo = [], []
    for ov in ctx.occ.values():
        if ov.occ.activity.is_formal:
            continue
        host, visitor = _any_of(ctx, ov, Side.HOST), _any_of(ctx, ov, Side.VISITOR)
        hv.append(ctx.gated_length(ov, ctx.bool_and([host, visitor], ""), f"hv[{ov.key}]"))
        vo.append(ctx.gated_length(ov, ctx.bool_and([negate(host), visitor], ""), f"vo[{ov.key}]"))
    short_hv = m.new_int_var(0, balance.host_visitor_target, "short_host_visitor")
    short_vo = m.new_int_var(0, balance.visitors_only_target, "short_visitors_only")
    m.add_max_equality(short_hv, [0, balance.host_visitor_target - ctx.slot * sum(hv)])
    m.add_max_equality(short_vo, [0, balance.visitors_only_target - ctx.slot * sum(vo)])
    return short_hv + short_vo


def formal_time_over_daily_cap(facts: Facts) -> int:
    """Per day, the busiest visitor's formal minutes above the daily cap, summed over days."""
    cap = facts.index.visit.balance.max_formal_minutes_per_day
    return sum(max(0, minutes - cap) for _, minutes in busiest_formal_days(facts).values())


def busiest_formal_days(facts: Facts) -> dict[int, tuple[str, int]]:
    """Per day with formal meetings: the visitor with most formal minutes, and the minutes."""
    out: dict[int, tuple[str, int]] = {}
    for pid, mine in facts.by_person.items():
        if facts.side_of(pid) is not Side.VISITOR:
            continue
        per_day: dict[int, int] = {}
        for x in mine:
            if x.activity is not None and x.activity.is_formal:
                per_day[x.p.day] = per_day.get(x.p.day, 0) + x.p.length
        for day, minutes in per_day.items():
            if day not in out or minutes > out[day][1]:
                out[day] = (pid, minutes)
    return out


def post_formal_time_over_daily_cap(ctx: ModelContext) -> Any:
    """Per day, the busiest visitor's formal minutes above the cap, in minutes.

    Visitors whose invitations cannot reach the cap on a day are left out, and visitors
    with the same formal meetings that day share one sum.
    """
    m, cap = ctx.model, ctx.index.visit.balance.max_formal_minutes_per_day
    formal = [ov for ov in ctx.occ.values() if ov.occ.activity.is_formal]
    gated: dict[tuple[str, int, str], Any] = {}
    excess = []
    for day in range(1, ctx.index.visit.n_days + 1):
        loads: dict[tuple[tuple[str, str], ...], Any] = {}
        for pid, person in ctx.index.people.items():
            if person.side is not Side.VISITOR:
                continue
            mine = [ov for ov in formal if day in ov.on_day and pid in ov.attend]
            if sum(ov.occ.activity.max_length for ov in mine) <= cap:
                continue
            parts = []
            for ov in mine:
                att = ov.attend[pid]
                who = "all" if att is ov.present or att is True else pid
                if (ov.key, day, who) not in gated:
                    lit = ctx.bool_and([att, ov.on_day[day]], f"formal_on[{ov.key},{day},{who}]")
                    gated[(ov.key, day, who)] = ctx.gated_length(
                        ov, lit, f"formal[{ov.key},{day},{who}]"
                    )
                parts.append(((ov.key, who), gated[(ov.key, day, who)]))
            loads.setdefault(tuple(k for k, _ in parts), sum(v for _, v in parts))
        if not loads:
            continue
        var = m.new_int_var(0, 24 * 60, f"formal_excess[{day}]")
        m.add_max_equality(var, [0, *(ctx.slot * load - cap for load in loads.values())])
        excess.append(var)
        ctx.day_costs.setdefault(day, []).append(("formal_balance", 1, var))
    return sum(excess)


def formal_meetings_unevenly_spread(facts: Facts) -> int:
    """Formal meetings on the busiest day minus those on the quietest day."""
    n = facts.index.visit.n_days
    if n < 2:
        return 0
    counts = [0] * n
    for x in facts.placed:
        if x.activity is not None and x.activity.is_formal and 1 <= x.p.day <= n:
            counts[x.p.day - 1] += 1
    return max(counts) - min(counts)


def post_formal_meetings_unevenly_spread(ctx: ModelContext) -> Any:
    """Busiest minus quietest day's count of formal meetings."""
    n = ctx.index.visit.n_days
    if n < 2:
        return 0
    m = ctx.model
    formal = [ov for ov in ctx.occ.values() if ov.occ.activity.is_formal]
    most, least = m.new_int_var(0, len(formal), "most"), m.new_int_var(0, len(formal), "least")
    counts = [sum(ov.on_day[day] for ov in formal if day in ov.on_day) for day in range(1, n + 1)]
    m.add_max_equality(most, counts)
    m.add_min_equality(least, counts)
    # redundant: the busiest day holds at least the average, the quietest at most; with the
    # count known this proves a spread of one when the meetings cannot be shared out evenly
    held = sum(ov.present for ov in formal)
    m.add(n * most >= held)
    m.add(n * least <= held)
    return most - least


def optional_people_missing(facts: Facts) -> int:
    """Optional attendees who do not join, summed over the programme."""
    total = 0
    for x in facts.placed:
        if x.activity is not None:
            act = x.activity
            total += sum(
                1 for pid in act.optional if pid not in act.required and pid not in x.attendees
            )
    return total


def post_optional_people_missing(ctx: ModelContext) -> Any:
    """Count of optional attendees not joining held occurrences."""
    terms = []
    for ov in ctx.occ.values():
        act = ov.occ.activity
        for pid in act.optional:
            if pid not in act.required:
                terms.append(ov.present - ov.attend[pid])
    return sum(terms)


def _overlap(a: int, b: int, s: Stretch) -> int:
    return max(0, min(b, s.end) - max(a, s.start))


def if_need_be_minutes(facts: Facts) -> int:
    """Minutes people attend during time they gave as 'if need be'."""
    total = 0
    for x in facts.placed:
        for pid in x.attendees:
            if pid in facts.index.people:
                total += sum(_overlap(x.start, x.end, s) for s in facts.index.if_need_be(pid))
    return total


def post_if_need_be_minutes(ctx: ModelContext) -> Any:
    """Attended minutes inside 'if need be' stretches."""
    m, terms = ctx.model, []
    for ov in ctx.occ.values():
        lo = min((s.lo for s in ov.segments), default=0)
        hi = max((s.hi for s in ov.segments), default=0)
        for pid, att in ov.attend.items():
            for s in ctx.index.if_need_be(pid):
                rs, re = ctx.slots_down(s.start), ctx.slots_up(s.end)
                if re <= lo or rs >= hi:
                    continue
                # overlap in minutes, exact even when the stretch is off the slot grid
                a, b = m.new_int_var(0, 10**6, ""), m.new_int_var(0, 10**6, "")
                m.add_max_equality(a, [ov.start * ctx.slot, s.start])
                m.add_min_equality(b, [ov.end * ctx.slot, s.end])
                inside = m.new_int_var(0, s.end - s.start, "")
                m.add_max_equality(inside, [0, b - a])
                cost = m.new_int_var(0, s.end - s.start, f"ifneedbe[{ov.key},{pid}]")
                if att is True:
                    m.add(cost == inside)
                else:
                    m.add(cost == inside).only_enforce_if(att)
                    m.add(cost == 0).only_enforce_if(negate(att))
                terms.append(cost)
    return sum(terms)


def idle_minutes(facts: Facts) -> int:
    """Per day, the longest wait of any visitor between their first and last activity."""
    return sum(minutes for _, minutes in longest_waits(facts).values())


def longest_waits(facts: Facts) -> dict[int, tuple[tuple[str, ...], int]]:
    """Per day with a visitor waiting: who waits longest (all who tie), and the minutes.

    A visitor waits between their own first start and last end of the day when they are
    in no activity; parallel activities of others do not shorten the wait.
    """
    out: dict[int, tuple[tuple[str, ...], int]] = {}
    for pid, mine in facts.by_person.items():
        if facts.side_of(pid) is not Side.VISITOR:
            continue
        days: dict[int, list[Placed]] = {}
        for x in mine:
            days.setdefault(x.p.day, []).append(x)
        for day, xs in days.items():
            span = max(x.end for x in xs) - min(x.start for x in xs)
            wait = max(0, span - sum(x.p.length for x in xs))
            who, most = out.get(day, ((), 0))
            if wait and wait > most:
                out[day] = ((pid,), wait)
            elif wait and wait == most:
                out[day] = ((*who, pid), wait)
    return out


def post_idle_minutes(ctx: ModelContext) -> Any:
    """Per day, the longest wait of any visitor, summed over days (in minutes).

    Visitors who attend the same activities that day (the same literals) share one wait;
    the bound search also knows each wait holds the journeys between the day's venues
    (:mod:`travel_waits`).
    """
    m, terms = ctx.model, []
    visitors = [pid for pid, p in ctx.index.people.items() if p.side is Side.VISITOR]
    journeys = Journeys(ctx)
    for day in range(1, ctx.index.visit.n_days + 1):
        ends: dict[tuple[str, str], tuple[Any, Any, Any]] = {}
        ons: dict[tuple[str, str], tuple[tuple[str, str, int], OccurrenceVars, Any]] = {}
        waits: dict[tuple[tuple[str, str], ...], Any] = {}
        for pid in visitors:
            mine: dict[tuple[str, str], tuple[Any, Any, Any]] = {}
            for ov in ctx.occ.values():
                if day not in ov.on_day or pid not in ov.attend:
                    continue
                att = ov.attend[pid]
                who = "all" if att is ov.present or att is True else pid
                if (ov.key, who) not in ends:
                    on = ctx.bool_and([att, ov.on_day[day]], f"in[{ov.key},{day},{who}]")
                    ends[(ov.key, who)] = _ends(ctx, ov, on)
                    ons[(ov.key, who)] = ((ov.key, who, day), ov, on)
                mine[(ov.key, who)] = ends[(ov.key, who)]
            if len(mine) > 1 and tuple(mine) not in waits:
                waits[tuple(mine)] = _wait(ctx, list(mine.values()), f"{day},{pid}")
                journeys.post(waits[tuple(mine)], day, [ons[key] for key in mine])
        if waits:
            longest = m.new_int_var(0, ctx.horizon, f"idle[{day}]")
            m.add_max_equality(longest, list(waits.values()))
            terms.append(longest)
            ctx.day_costs.setdefault(day, []).append(("idle_gaps", ctx.slot, longest))
    return ctx.slot * sum(terms)


def _ends(ctx: ModelContext, ov: OccurrenceVars, on: Any) -> tuple[Any, Any, Any]:
    """Start, end and length of ``ov`` when ``on`` holds (else the horizon, 0 and 0)."""
    m, top = ctx.model, ctx.horizon
    first, last = m.new_int_var(0, top, ""), m.new_int_var(0, top, "")
    if on is False:
        m.add(first == top)
        m.add(last == 0)
        return first, last, 0
    m.add(first == ov.start).only_enforce_if([] if on is True else [on])
    m.add(last == ov.end).only_enforce_if([] if on is True else [on])
    if on is not True:
        m.add(first == top).only_enforce_if(negate(on))
        m.add(last == 0).only_enforce_if(negate(on))
    return first, last, ctx.gated_length(ov, on, "")


def _wait(ctx: ModelContext, mine: list[tuple[Any, Any, Any]], name: str) -> Any:
    """Slots between the first start and the last end of ``mine`` not spent in them."""
    m, top = ctx.model, ctx.horizon
    lo, hi = m.new_int_var(0, top, f"first[{name}]"), m.new_int_var(0, top, f"last[{name}]")
    m.add_min_equality(lo, [first for first, _, _ in mine])
    m.add_max_equality(hi, [last for _, last, _ in mine])
    wait = m.new_int_var(0, top, f"wait[{name}]")
    m.add_max_equality(wait, [0, hi - lo - sum(busy for _, _, busy in mine)])
    return wait


def changes_from_previous(facts: Facts) -> int:
    """Occurrences of the previous schedule (not pinned) moved, resized or dropped."""
    if facts.previous is None:
        return 0
    now = {p.key: p for p in facts.schedule}
    moved = 0
    for old in facts.previous:
        new = now.get(old.key)
        if not old.pinned and (
            new is None
            or (new.day, new.start, new.end, new.venue) != (old.day, old.start, old.end, old.venue)
        ):
            moved += 1
    return moved


def post_changes_from_previous(ctx: ModelContext) -> Any:
    """Count of previous placements (not pinned) that are not kept as they were."""
    if ctx.previous is None:
        return 0
    m = ctx.model
    terms: list[Any] = []
    for old in ctx.previous:
        if old.pinned:
            continue
        ov = ctx.occ.get(old.key)
        venue: Any = False if ov is None else ov.venues.get(old.venue, False)
        if ov is None or venue is False or old.abs_start % ctx.slot or old.abs_end % ctx.slot:
            terms.append(1)
            continue
        equal = []
        for what, var, value in (
            ("start", ov.start, old.abs_start // ctx.slot),
            ("end", ov.end, old.abs_end // ctx.slot),
        ):
            eq = m.new_bool_var(f"kept_{what}[{old.key}]")
            m.add(var == value).only_enforce_if(eq)
            m.add(var != value).only_enforce_if(eq.Not())
            equal.append(eq)
        same = ctx.bool_and([*equal, venue, ov.present], f"kept[{old.key}]")
        terms.append(1 - same)
    return sum(terms)
