"""Rule ``enough_attend``: each minimum attendance (e.g. half of the visitors) is met."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _
from visitplanner.solver.rules.base import Facts, Finding, HardRule, title_of

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "enough_attend"


def check(facts: Facts) -> list[Finding]:
    """Each minimum attendance is met."""
    out: list[Finding] = []
    for x in facts.placed:
        act = x.activity
        if act is None:
            continue
        for rule in act.min_attendance:
            count = sum(1 for pid in rule.among if pid in x.attendees)
            if count < rule.at_least:
                out.append(
                    Finding(
                        _(
                            "«{title}» has {count} of the {n} {group}; it needs at least {least}"
                        ).format(
                            title=x.title,
                            count=count,
                            n=len(rule.among),
                            group=rule.label,
                            least=rule.at_least,
                        ),
                        (x.p.key,),
                    )
                )
    return out


def post(ctx: ModelContext) -> None:
    """Sum of attendance among each group reaches its minimum when present."""
    for ov in ctx.occ.values():
        for i, rule in enumerate(ov.occ.activity.min_attendance):
            lits = [ov.attend[pid] for pid in rule.among if pid in ov.attend]
            held = [] if ov.present is True else [ov.present]
            ctx.model.add(sum(lits) >= rule.at_least).only_enforce_if(
                [*held, *ctx.guard(NAME, ov.key, str(i))]
            )


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """The minimum attendance that cannot be met."""
    out = []
    for key, i in sorted(set(args))[:3]:
        occ = index.by_key[key]
        rule = occ.activity.min_attendance[int(i)]
        out.append(
            _("{title} needs at least {least} of the {n} {group}").format(
                title=title_of(index, key), least=rule.at_least, n=len(rule.among), group=rule.label
            )
        )
    return out


RULE = HardRule(NAME, N_("Enough people attend"), check, post, explain)
