"""Rule ``activities_held``: every activity that must happen is in the programme, once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _
from visitplanner.solver.rules.base import Facts, Finding, HardRule

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "activities_held"


def check(facts: Facts) -> list[Finding]:
    """Every mandatory occurrence is in the programme, once, and nothing unknown is."""
    out: list[Finding] = []
    seen: set[str] = set()
    for x in facts.placed:
        if x.occ is None:
            out.append(
                Finding(
                    _("'{key}' is not an activity of this visit").format(key=x.p.key), (x.p.key,)
                )
            )
        elif x.p.key in seen:
            out.append(
                Finding(_("«{title}» is in the programme twice").format(title=x.title), (x.p.key,))
            )
        seen.add(x.p.key)
    for occ in facts.index.occurrences:
        if occ.activity.mandatory and occ.key not in seen:
            out.append(
                Finding(_("«{title}» is not in the programme").format(title=occ.title), (occ.key,))
            )
    return out


def post(ctx: ModelContext) -> None:
    """Mandatory (and pinned) occurrences are present."""
    for ov in ctx.occ.values():
        if ov.present is not True and (ov.occ.activity.mandatory or ov.pinned is not None):
            ctx.model.add(ov.present == 1).only_enforce_if(ctx.guard(NAME, ov.key))


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """Nothing to add: that an activity must take place goes without saying."""
    return []


RULE = HardRule(
    NAME, N_("Every activity that must happen is in the programme"), check, post, explain
)
