"""Rule ``venue_allowed``: each activity is at one of the venues ticked for it.

An activity with no venue ticked can only be placed in a visit that has no
venues at all; otherwise it is a problem to fix, never a silent first venue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.domain import Activity, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _
from visitplanner.solver.literals import negate
from visitplanner.solver.rules.base import Facts, Finding, HardRule, title_of
from visitplanner.solver.rules.venues import venue_name

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "venue_allowed"


def allowed(visit: Visit, act: Activity) -> tuple[str, ...]:
    """The venues ``act`` may use ("" stands for none, in a visit without venues)."""
    if act.venues:
        return act.venues
    return () if visit.venues else ("",)


def no_venue_text(title: str) -> str:
    """The problem of an activity with no venue ticked."""
    return _("«{title}» has no venue ticked; tick at least one venue for it").format(title=title)


def check(facts: Facts) -> list[Finding]:
    """Each placement is at one of its activity's venues."""
    out = []
    for x in facts.placed:
        act = x.activity
        if act is None:
            continue
        options = allowed(facts.index.visit, act)
        if x.p.venue in options:
            continue
        if not options:
            out.append(Finding(no_venue_text(x.title), (x.p.key,)))
            continue
        where = (
            _("is at {venue}").format(venue=venue_name(facts, x.p.venue))
            if x.p.venue
            else _("has no venue")
        )
        should = (
            _("it should be at {venues}").format(
                venues=_(" or ").join(venue_name(facts, v) for v in options)
            )
            if any(options)
            else _("this visit has no venues")
        )
        out.append(
            Finding(
                _("«{title}» {where}; {should}").format(title=x.title, where=where, should=should),
                (x.p.key,),
            )
        )
    return out


def precheck(index: VisitIndex) -> list[str]:
    """Activities that must happen but have no venue ticked."""
    return [
        no_venue_text(occ.title)
        for occ in index.occurrences
        if occ.activity.mandatory and not allowed(index.visit, occ.activity)
    ]


def post(ctx: ModelContext) -> None:
    """Variables offer the ticked venues (or none); none is refused when the visit has venues."""
    for ov in ctx.occ.values():
        options = allowed(ctx.index.visit, ov.occ.activity)
        for vid, lit in ov.venues.items():
            if vid not in options and lit is not False:
                ctx.require(negate(lit), ctx.guard(NAME, ov.key))


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """Activities without a venue."""
    return [no_venue_text(title_of(index, key).strip("«»")) for (key,) in sorted(set(args))[:3]]


RULE = HardRule(NAME, N_("Each activity is at one of its venues"), check, post, explain)
