"""Rule ``one_place``: nobody attends two activities at the same time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _
from visitplanner.solver.literals import negate
from visitplanner.solver.rules.base import (
    Facts,
    Finding,
    HardRule,
    Placed,
    details_of,
    names,
    title_of,
)

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "one_place"


def neighbours(mine: list[Placed]) -> list[tuple[Placed, Placed]]:
    """Pairs to compare for one person: each placement with the next and any it overlaps."""
    out = []
    for i, a in enumerate(mine):
        for b in mine[i + 1 :]:
            out.append((a, b))
            if b.start >= a.end:
                break
    return out


def check(facts: Facts) -> list[Finding]:
    """One finding per clashing pair of activities, naming everyone in both."""
    clashes: dict[tuple[str, str], list[str]] = {}
    pairs: dict[tuple[str, str], tuple[Placed, Placed]] = {}
    for pid, mine in facts.by_person.items():
        for a, b in neighbours(mine):
            if b.start < a.end:
                clashes.setdefault((a.p.key, b.p.key), []).append(pid)
                pairs[(a.p.key, b.p.key)] = (a, b)
    out = []
    for keys, people in clashes.items():
        a, b = pairs[keys]
        out.append(
            Finding(
                _(
                    "{names} would be in «{a}» ({a_when}) and «{b}» ({b_when}) at the same time"
                ).format(
                    names=names(people, facts.name),
                    a=a.title,
                    a_when=a.when,
                    b=b.title,
                    b_when=b.when,
                ),
                keys,
                tuple(people),
                details_of(people, facts.name),
            )
        )
    return out


def post(ctx: ModelContext) -> None:
    """Each person's activities do not overlap."""
    for pid in ctx.index.people:
        mine = ctx.person_intervals(pid)
        if len(mine) < 2:
            continue
        if not ctx.explain:
            ctx.model.add_no_overlap([interval for _ov, interval in mine])
            continue
        for i, (a, _ia) in enumerate(mine):
            for b, _ib in mine[i + 1 :]:
                if not set(a.on_day) & set(b.on_day):
                    continue
                enf = [x for x in (a.attend[pid], b.attend[pid]) if x is not True]
                first = ctx.first(a, b)
                guard = ctx.guard(NAME, a.key, b.key, pid)
                ctx.model.add(b.start >= a.end).only_enforce_if([*enf, first, *guard])
                ctx.model.add(a.start >= b.end).only_enforce_if([*enf, negate(first), *guard])


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """The two activities and the person they share."""
    out = []
    for a, b, pid in sorted(set(args))[:3]:
        out.append(
            _("{name} cannot be in {a} and {b} at once").format(
                name=index.name(pid), a=title_of(index, a), b=title_of(index, b)
            )
        )
    return out


RULE = HardRule(NAME, N_("Nobody is in two places at once"), check, post, explain)
