"""Rule ``travel_time``: between activities at different venues, people have time to travel."""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _, format_duration
from visitplanner.solver.literals import enforcement, negate
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
    from visitplanner.solver.model import ModelContext

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
    """Two occurrences sharing an attendee at different venues are apart by the journey."""
    m = ctx.model
    travel = ctx.index.visit.travel
    for a, b in combinations(ctx.occ.values(), 2):
        common = [pid for pid in a.attend if pid in b.attend]
        if not common or not set(a.on_day) & set(b.on_day):
            continue
        needs = {
            (va, vb): (ctx.slots_up(travel.between(va, vb)), ctx.slots_up(travel.between(vb, va)))
            for va in a.venues
            for vb in b.venues
        }
        if not any(ab or ba for ab, ba in needs.values()):
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
        first = ctx.first(a, b)
        guard = ctx.guard(NAME, a.key, b.key)
        for (va, vb), (ab, ba) in needs.items():
            enf = enforcement([clash, a.venues[va], b.venues[vb]])
            if enf is None or not (ab or ba):
                continue
            m.add(b.start >= a.end + ab).only_enforce_if([*enf, first, *guard])
            m.add(a.start >= b.end + ba).only_enforce_if([*enf, negate(first), *guard])


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
