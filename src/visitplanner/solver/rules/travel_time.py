"""Rule ``travel_time``: between activities at different venues, people have time to travel."""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _, format_duration
from visitplanner.solver.literals import Lit, enforcement, negate
from visitplanner.solver.rules.base import (
    Facts,
    Finding,
    HardRule,
    Placed,
    details_of,
    names,
    title_of,
)
from visitplanner.solver.rules.venues import venue_name

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext, OccurrenceVars

NAME = "travel_time"


def check(facts: Facts) -> list[Finding]:
    """One finding per pair of activities too close together, naming everyone in both."""
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
                _(
                    "{names}: «{a}» ends at {a_end} at {a_venue} and «{b}» starts at {b_start} "
                    "at {b_venue}; the journey takes {need}"
                ).format(
                    names=names(people, facts.name),
                    a=a.title,
                    a_end=hhmm(a.p.end),
                    a_venue=venue_name(facts, a.p.venue),
                    b=b.title,
                    b_start=hhmm(b.p.start),
                    b_venue=venue_name(facts, b.p.venue),
                    need=format_duration(need),
                ),
                keys,
                tuple(people),
                details_of(people, facts.name),
            )
        )
    return out


def post(ctx: ModelContext) -> None:
    """Two occurrences sharing an attendee at different venues are apart by the journey.

    Pairs whose stretches keep them further apart than any journey need nothing. For
    the rest, one constraint per venue of ``a`` and direction: the journey from that
    venue is a sum over ``b``'s venue choices (exactly one holds when ``b`` is held).
    """
    m = ctx.model
    travel = ctx.index.visit.travel
    for a, b in combinations(ctx.occ.values(), 2):
        common = [pid for pid in a.attend if pid in b.attend]
        if not common:
            continue
        ab = {va: {vb: ctx.slots_up(travel.between(va, vb)) for vb in b.venues} for va in a.venues}
        ba = {va: {vb: ctx.slots_up(travel.between(vb, va)) for vb in b.venues} for va in a.venues}
        longest = max(max(t.values()) for t in (*ab.values(), *ba.values()))
        if not longest or not _may_come_close(a, b, longest):
            continue
        guard = ctx.guard(NAME, a.key, b.key)
        clash = _shared_attendee(ctx, a, b, common)
        if clash is False:
            continue
        first = ctx.first(a, b)
        for va, lit in a.venues.items():
            enf = enforcement([clash, lit])
            if enf is None:
                continue
            there = sum(t * b.venues[vb] for vb, t in ab[va].items() if t)
            back = sum(t * b.venues[vb] for vb, t in ba[va].items() if t)
            if any(ab[va].values()):
                m.add(b.start >= a.end + there).only_enforce_if([*enf, first, *guard])
            if any(ba[va].values()):
                m.add(a.start >= b.end + back).only_enforce_if([*enf, negate(first), *guard])


def _may_come_close(a: OccurrenceVars, b: OccurrenceVars, gap: int) -> bool:
    """Whether some stretch of ``a`` and one of ``b`` on the same day are under ``gap`` apart."""
    return any(
        sa.day == sb.day and sa.hi + gap > sb.lo and sb.hi + gap > sa.lo
        for sa in a.segments
        for sb in b.segments
    )


def _shared_attendee(
    ctx: ModelContext, a: OccurrenceVars, b: OccurrenceVars, common: list[str]
) -> Lit:
    """A literal forced true when someone attends both (it may be true otherwise)."""
    for pid in common:
        both = enforcement([a.attend[pid], b.attend[pid]])
        if both == []:
            return True
    if all(enforcement([a.attend[p], b.attend[p]]) is None for p in common):
        return False
    lit = ctx.model.new_bool_var(f"share[{a.key},{b.key}]")
    for pid in common:
        both = enforcement([a.attend[pid], b.attend[pid]])
        if both is not None:
            ctx.model.add_bool_or([negate(x) for x in both] + [lit])
    return lit


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """The pairs of activities that need a journey between them."""
    out = []
    for a, b in sorted(set(args))[:3]:
        out.append(
            _("{a} and {b} need time to travel between them").format(
                a=title_of(index, a), b=title_of(index, b)
            )
        )
    return out


RULE = HardRule(NAME, N_("Time to travel between venues"), check, post, explain)
