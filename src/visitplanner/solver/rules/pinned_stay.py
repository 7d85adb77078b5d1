"""Rule ``pinned_stay``: pinned activities keep their day, times and venue.

A pin fixes *when and where*; who attends follows the activity's definition,
so changing its required or invited people never breaks the pin (the optional
people the pinned placement had are kept while they are still invited).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.domain import Placement
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _
from visitplanner.solver.literals import negate
from visitplanner.solver.rules.base import Facts, Finding, HardRule, when

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "pinned_stay"


def _where(p: Placement) -> tuple[int, int, int, str]:
    return (p.day, p.start, p.end, p.venue)


def check(facts: Facts) -> list[Finding]:
    """Placements pinned in the previous schedule keep their time and venue."""
    if facts.previous is None:
        return []
    current = {p.key: p for p in facts.schedule}
    out: list[Finding] = []
    for old in facts.previous:
        if not old.pinned:
            continue
        new = current.get(old.key)
        if new is None or _where(new) != _where(old):
            occ = facts.index.by_key.get(old.key)
            out.append(
                Finding(
                    _("«{title}» is pinned at {when} but has been changed").format(
                        title=occ.title if occ else old.key, when=when(old.day, old.start, old.end)
                    ),
                    (old.key,),
                )
            )
    return out


def post(ctx: ModelContext) -> None:
    """Pinned occurrences keep their start, end and venue (and their optional people)."""
    m = ctx.model
    for ov in ctx.occ.values():
        pin = ov.pinned
        if pin is None:
            continue
        guard = ctx.guard(NAME, ov.key, str(pin.day), str(pin.start), str(pin.end))
        if pin.abs_start % ctx.slot or pin.abs_end % ctx.slot:
            ctx.require(False, guard)
            continue
        m.add(ov.start == pin.abs_start // ctx.slot).only_enforce_if(guard)
        m.add(ov.end == pin.abs_end // ctx.slot).only_enforce_if(guard)
        ctx.require(ov.venues.get(pin.venue, False), guard)
        for pid in ov.occ.activity.invited:
            if pid not in ov.occ.activity.required:
                lit = ov.attend[pid]
                ctx.require(lit if pid in pin.attendees else negate(lit), guard)


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """The pinned activities involved (their place is in the programme)."""
    out = []
    for key, day, start, end in sorted(set(args))[:3]:
        occ = index.by_key.get(key)
        out.append(
            _("«{title}» is pinned at {when}").format(
                title=occ.title if occ else key, when=when(int(day), int(start), int(end))
            )
        )
    return out


RULE = HardRule(NAME, N_("Pinned activities stay put"), check, post, explain)
