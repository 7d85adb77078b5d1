"""Rules about where people are: free, in one place at a time, with time to travel."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from visitplanner.domain.clock import duration_text, hhmm, split_visit_minute, visit_minute
from visitplanner.solver.model import Lit, ModelContext, OccurrenceVars, negate
from visitplanner.solver.rules.base import Facts, Finding, Placed


def _busy_text(facts: Facts, day: int, start: int, end: int) -> str:
    """A busy stretch in words, within the visit's day: "busy 12:00-14:00", "not free that day"."""
    visit = facts.index.visit
    lo, hi = visit_minute(day, visit.day_start), visit_minute(day, visit.day_end)
    if start <= lo and end >= hi:
        return f"not free at all on day {day}"
    if start <= lo:
        return f"not free until {hhmm(split_visit_minute(end)[1])}"
    if end >= hi:
        return f"not free from {hhmm(split_visit_minute(start)[1])}"
    return f"busy {hhmm(split_visit_minute(start)[1])}-{hhmm(split_visit_minute(end)[1])}"


def check_people_are_free(facts: Facts) -> list[Finding]:
    """Nobody attends while their calendar says they are unavailable."""
    out: list[Finding] = []
    for x in facts.placed:
        for pid in sorted(x.attendees):
            for s in facts.index.busy(pid) if pid in facts.index.people else ():
                if s.start < x.end and x.start < s.end:
                    out.append(
                        Finding(
                            f"{facts.name(pid)} is not free for «{x.title}» at {x.when} "
                            f"({_busy_text(facts, x.p.day, s.start, s.end)})",
                            (x.p.key,),
                            (pid,),
                        )
                    )
                    break
    return out


def post_people_are_free(ctx: ModelContext) -> None:
    """Each person's attendance avoids their busy time (and their other activities)."""
    m = ctx.model
    for pid in ctx.index.people:
        busy = [(ctx.slots_down(s.start), ctx.slots_up(s.end)) for s in ctx.index.busy(pid)]
        mine = [ov for ov in ctx.occ.values() if pid in ov.attend]
        if not mine:
            continue
        if not ctx.explain:
            intervals = [
                m.new_fixed_size_interval_var(a, b - a, f"busy[{pid},{a}]") for a, b in busy
            ]
            for ov in mine:
                lit = ov.attend[pid]
                if lit is True:
                    intervals.append(ov.interval)
                else:
                    intervals.append(
                        m.new_optional_interval_var(
                            ov.start, ov.length, ov.end, lit, f"att[{ov.key},{pid}]"
                        )
                    )
            m.add_no_overlap(intervals)
            continue
        for ov in mine:
            guard = ctx.guard(f"available|{ov.key}|{pid}")
            for a, b in busy:
                before = m.new_bool_var("")
                enf = _lits([ov.attend[pid]])
                if enf is None:
                    continue
                m.add(ov.end <= a).only_enforce_if([*enf, before, *guard])
                m.add(ov.start >= b).only_enforce_if([*enf, before.Not(), *guard])


def check_nobody_in_two_places(facts: Facts) -> list[Finding]:
    """Nobody attends two activities at the same time."""
    clashes: dict[tuple[str, str], list[str]] = {}
    pairs: dict[tuple[str, str], tuple[Placed, Placed]] = {}
    for pid, mine in facts.by_person.items():
        for a, b in _neighbours(mine):
            if b.start < a.end:
                clashes.setdefault((a.p.key, b.p.key), []).append(pid)
                pairs[(a.p.key, b.p.key)] = (a, b)
    out = []
    for keys, people in clashes.items():
        a, b = pairs[keys]
        out.append(
            Finding(
                f"{_names(facts, people)} would be in «{a.title}» ({a.when}) and «{b.title}» "
                f"({b.when}) at the same time",
                keys,
                tuple(people),
            )
        )
    return out


def post_nobody_in_two_places(ctx: ModelContext) -> None:
    """Posted with travel time: see :func:`post_travel_time` (a zero-minute gap at one venue)."""


def check_travel_time(facts: Facts) -> list[Finding]:
    """Between activities at different venues, each person has time to travel."""
    late: dict[tuple[str, str], list[str]] = {}
    pairs: dict[tuple[str, str], tuple[Placed, Placed, int]] = {}
    travel = facts.index.visit.travel
    for pid, mine in facts.by_person.items():
        for a, b in combinations(mine, 2):
            if b.p.day != a.p.day:
                continue
            need = travel.between(a.p.venue, b.p.venue)
            if a.end <= b.start < a.end + need:
                late.setdefault((a.p.key, b.p.key), []).append(pid)
                pairs[(a.p.key, b.p.key)] = (a, b, need)
    out = []
    for keys, people in late.items():
        a, b, need = pairs[keys]
        out.append(
            Finding(
                f"{_names(facts, people)}: «{a.title}» ends at {hhmm(a.p.end)} at "
                f"{_venue(facts, a)} and «{b.title}» starts at {hhmm(b.p.start)} at "
                f"{_venue(facts, b)}; the journey takes {duration_text(need)}",
                keys,
                tuple(people),
            )
        )
    return out


def post_travel_time(ctx: ModelContext) -> None:
    """Two occurrences sharing an attendee are apart by at least the travel time."""
    m = ctx.model
    travel = ctx.index.visit.travel
    pairs: dict[tuple[str, str], tuple[Lit, Any]] = {}
    for a, b in combinations(ctx.occ.values(), 2):
        common = [pid for pid in a.attend if pid in b.attend]
        if not common or not set(a.on_day) & set(b.on_day):
            continue
        clash = ctx.bool_or(
            [
                ctx.bool_and([a.attend[p], b.attend[p]], f"both[{a.key},{b.key},{p}]")
                for p in common
            ],
            f"share[{a.key},{b.key}]",
        )
        if clash is False:
            continue
        first = m.new_bool_var(f"before[{a.key},{b.key}]")
        pairs[(a.key, b.key)] = (clash, first)
        guard = ctx.guard(f"apart|{a.key}|{b.key}")
        for va, la in a.venues.items():
            for vb, lb in b.venues.items():
                enf = _lits([clash, la, lb])
                if enf is None:
                    continue
                ab = ctx.slots_up(travel.between(va, vb))
                ba = ctx.slots_up(travel.between(vb, va))
                m.add(b.start >= a.end + ab).only_enforce_if([*enf, first, *guard])
                m.add(a.start >= b.end + ba).only_enforce_if([*enf, first.Not(), *guard])
    ctx.shared["pairs"] = pairs


def check_venue_allowed(facts: Facts) -> list[Finding]:
    """Each activity is at one of its venues (any venue of the visit when it names none)."""
    visit = facts.index.visit
    out = []
    for x in facts.placed:
        act = x.activity
        if act is None:
            continue
        allowed = act.venues or tuple(v.id for v in visit.venues) or ("",)
        if x.p.venue in allowed:
            continue
        where = f"is at {_venue(facts, x)}" if x.p.venue else "has no venue"
        names = " or ".join(_venue_name(facts, v) for v in allowed if v)
        should = f"it should be at {names}" if names else "this visit has no venues"
        out.append(Finding(f"«{x.title}» {where}; {should}", (x.p.key,)))
    return out


def post_venue_allowed(ctx: ModelContext) -> None:
    """Encoded by the variables: an occurrence chooses among its own venues only."""


def check_venue_capacity(facts: Facts) -> list[Finding]:
    """A venue that is not shared hosts one activity at a time."""
    out = []
    for a, b in combinations(facts.placed, 2):
        if a.p.venue != b.p.venue or not a.p.venue or a.p.day != b.p.day:
            continue
        if _shared(facts, a.p.venue) or not (a.start < b.end and b.start < a.end):
            continue
        out.append(
            Finding(
                f"{_venue(facts, a)} hosts «{a.title}» and «{b.title}» at the same time",
                (a.p.key, b.p.key),
            )
        )
    return out


def post_venue_capacity(ctx: ModelContext) -> None:
    """Occurrences at the same (not shared) venue do not overlap."""
    m = ctx.model
    for venue in ctx.index.visit.venues:
        if venue.shared:
            continue
        users: list[tuple[OccurrenceVars, Lit]] = [
            (ov, ov.venues[venue.id]) for ov in ctx.occ.values() if venue.id in ov.venues
        ]
        if ctx.explain:
            for (a, la), (b, lb) in combinations(users, 2):
                enf = _lits([la, lb])
                if enf is None:
                    continue
                first = m.new_bool_var("")
                guard = ctx.guard(f"venue|{venue.id}|{a.key}|{b.key}")
                m.add(b.start >= a.end).only_enforce_if([*enf, first, *guard])
                m.add(a.start >= b.end).only_enforce_if([*enf, first.Not(), *guard])
            continue
        intervals = [
            ov.interval
            if lit is ov.present
            else m.new_optional_interval_var(ov.start, ov.length, ov.end, lit, f"v[{ov.key}]")
            for ov, lit in users
        ]
        if len(intervals) > 1:
            m.add_no_overlap(intervals)


def _lits(lits: list[Lit]) -> list[Lit] | None:
    """Enforcement literals without constants; None if one is constantly false."""
    if any(x is False for x in lits):
        return None
    return [x for x in lits if x is not True]


def _neighbours(mine: list[Placed]) -> list[tuple[Placed, Placed]]:
    """Pairs to compare for one person: each placement with the next and any it overlaps."""
    out = []
    for i, a in enumerate(mine):
        for b in mine[i + 1 :]:
            out.append((a, b))
            if b.start >= a.end:
                break
    return out


def _names(facts: Facts, people: list[str]) -> str:
    names = [facts.name(p) for p in people]
    if len(names) > 3:
        return f"{', '.join(names[:3])} and {len(names) - 3} more"
    return ", ".join(names)


def _venue(facts: Facts, x: Placed) -> str:
    return _venue_name(facts, x.p.venue)


def _venue_name(facts: Facts, vid: str) -> str:
    try:
        return facts.index.visit.venue(vid).name
    except KeyError:
        return vid or "no venue"


def _shared(facts: Facts, vid: str) -> bool:
    try:
        return facts.index.visit.venue(vid).shared
    except KeyError:
        return False


__all__ = ["_lits", "negate"]
