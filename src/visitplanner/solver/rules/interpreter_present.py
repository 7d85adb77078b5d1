"""Rule ``interpreter_present``: an interpreter attends when the attendees share no language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _
from visitplanner.solver.literals import enforcement
from visitplanner.solver.rules.base import Facts, Finding, HardRule, title_of

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "interpreter_present"


def check(facts: Facts) -> list[Finding]:
    """Every activity whose attendees share no language has an interpreter."""
    out = []
    interpreters = set(facts.index.interpreters)
    for x in facts.placed:
        if x.needs_interpreter and not (x.attendees & interpreters):
            out.append(
                Finding(
                    _(
                        "«{title}» mixes people with no language in common and has no interpreter"
                    ).format(title=x.title),
                    (x.p.key,),
                )
            )
    return out


def post(ctx: ModelContext) -> None:
    """If attendees share no language, some interpreter attends."""
    for ov in ctx.occ.values():
        enf = enforcement([ctx.needs_interpreter(ov), ov.present])
        if enf is None:
            continue
        helpers = [ov.attend[i] for i in ctx.index.interpreters if i in ov.attend]
        ctx.model.add_bool_or(helpers or [False]).only_enforce_if([*enf, *ctx.guard(NAME, ov.key)])


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """The activities that need an interpreter."""
    titles = [title_of(index, key) for (key,) in sorted(set(args))]
    if not titles:
        return []
    shown = ", ".join(titles[:3]) + (_(" and others") if len(titles) > 3 else "")
    return [_("{titles} need an interpreter").format(titles=shown)]


RULE = HardRule(NAME, N_("An interpreter is there when languages differ"), check, post, explain)
