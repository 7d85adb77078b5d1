"""Rule ``required_attend``: everyone required attends, and only invited people do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.i18n import N_, ngettext
from visitplanner.solver.rules.base import Facts, Finding, HardRule, details_of, names

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "required_attend"


def check(facts: Facts) -> list[Finding]:
    """Everyone required attends, and only invited people attend."""
    out: list[Finding] = []
    for x in facts.placed:
        act = x.activity
        if act is None:
            continue
        missing = tuple(pid for pid in act.required if pid not in x.attendees)
        if missing:
            out.append(
                Finding(
                    ngettext(
                        "{names} must attend «{title}»",
                        "{names} must attend «{title}»",
                        len(missing),
                    ).format(names=names(missing, facts.name), title=x.title),
                    (x.p.key,),
                    missing,
                    details_of(missing, facts.name),
                )
            )
        extra = tuple(sorted(pid for pid in x.attendees if pid not in act.invited))
        if extra:
            out.append(
                Finding(
                    ngettext(
                        "{names} is not invited to «{title}»",
                        "{names} are not invited to «{title}»",
                        len(extra),
                    ).format(names=names(extra, facts.name), title=x.title),
                    (x.p.key,),
                    extra,
                    details_of(extra, facts.name),
                )
            )
    return out


def post(ctx: ModelContext) -> None:
    """Attendance variables exist for invited people only; a required one's is presence."""
    for ov in ctx.occ.values():
        for pid in ov.occ.activity.required:
            lit = ov.attend.get(pid, False)
            if lit is not ov.present:
                ctx.model.add(lit == ov.present).only_enforce_if(ctx.guard(NAME, ov.key, pid))


RULE = HardRule(NAME, N_("Everyone required attends"), check, post)
