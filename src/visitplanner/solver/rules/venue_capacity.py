"""Rule ``venue_capacity``: a venue that is not shared hosts one activity at a time."""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _
from visitplanner.solver.literals import enforcement, negate
from visitplanner.solver.rules.base import Facts, Finding, HardRule, title_of
from visitplanner.solver.rules.venues import is_shared, venue_name

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "venue_capacity"


def check(facts: Facts) -> list[Finding]:
    """Two activities overlapping at one venue that is not shared."""
    out = []
    for a, b in combinations(facts.placed, 2):
        if a.p.venue != b.p.venue or not a.p.venue or a.p.day != b.p.day:
            continue
        if is_shared(facts, a.p.venue) or not (a.start < b.end and b.start < a.end):
            continue
        out.append(
            Finding(
                _("{venue} hosts «{a}» and «{b}» at the same time").format(
                    venue=venue_name(facts, a.p.venue), a=a.title, b=b.title
                ),
                (a.p.key, b.p.key),
            )
        )
    return out


def post(ctx: ModelContext) -> None:
    """Occurrences at the same (not shared) venue do not overlap."""
    m = ctx.model
    for venue in ctx.index.visit.venues:
        if venue.shared:
            continue
        users = ctx.venue_intervals(venue.id)
        if not ctx.explain:
            if len(users) > 1:
                m.add_no_overlap([interval for _ov, _lit, interval in users])
            continue
        for (a, la, _ia), (b, lb, _ib) in combinations(users, 2):
            enf = enforcement([la, lb])
            if enf is None:
                continue
            first = ctx.first(a, b)
            guard = ctx.guard(NAME, venue.id, a.key, b.key)
            m.add(b.start >= a.end).only_enforce_if([*enf, first, *guard])
            m.add(a.start >= b.end).only_enforce_if([*enf, negate(first), *guard])


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """The venue and the activities that need it."""
    out = []
    for vid, a, b in sorted(set(args))[:3]:
        try:
            name = index.visit.venue(vid).name
        except KeyError:
            name = vid
        out.append(
            _("{venue} can host only one of {a} and {b} at a time").format(
                venue=name, a=title_of(index, a), b=title_of(index, b)
            )
        )
    return out


RULE = HardRule(NAME, N_("A venue hosts one activity at a time"), check, post, explain)
