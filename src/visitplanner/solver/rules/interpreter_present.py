"""Rule ``interpreter_present``: an interpreter attends when the attendees share no language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _, ngettext
from visitplanner.solver.literals import enforcement
from visitplanner.solver.rules.base import Facts, Finding, HardRule, Placed, held, title_of

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "interpreter_present"


def needed(x: Placed) -> int:
    """How many interpreters ``x`` needs: none when its people share a language."""
    if not x.needs_interpreter:
        return 0
    return x.activity.interpreters if x.activity is not None else 1


def check(facts: Facts) -> list[Finding]:
    """Every activity whose attendees share no language has the interpreters it asks for."""
    out = []
    for x in facts.placed:
        need, there = needed(x), len(x.interpreters)
        if there >= need:
            continue
        if not there:
            text = _("«{title}» mixes people with no language in common and has no interpreter")
        else:
            text = ngettext(
                "«{title}» mixes people with no language in common and needs {need} "
                "interpreters; {n} is there",
                "«{title}» mixes people with no language in common and needs {need} "
                "interpreters; {n} are there",
                there,
            )
        out.append(Finding(text.format(title=x.title, need=need, n=there), (x.p.key,)))
    return out


def precheck(index: VisitIndex) -> list[str]:
    """Activities that must happen and mix languages, with fewer interpreters invited than
    they need."""
    out = []
    for act in held(index):
        if not index.needs_interpreter(act.required):
            continue
        invited = len([pid for pid in act.invited if pid in index.interpreters])
        if invited >= act.interpreters:
            continue
        if act.interpreters == 1:
            text = _(
                "«{title}» mixes people with no language in common, but no interpreter is "
                "invited to it"
            )
        elif not invited:
            text = _("«{title}» needs {need} interpreters taking turns, but none is invited to it")
        else:
            text = ngettext(
                "«{title}» needs {need} interpreters taking turns, but only {n} is invited to it",
                "«{title}» needs {need} interpreters taking turns, but only {n} are invited to it",
                invited,
            )
        out.append(text.format(title=act.title, need=act.interpreters, n=invited))
    return out


def post(ctx: ModelContext) -> None:
    """If attendees share no language, the activity's number of interpreters attend."""
    for ov in ctx.occ.values():
        enf = enforcement([ctx.needs_interpreter(ov), ov.present])
        if enf is None:
            continue
        helpers = [ov.attend[i] for i in ctx.index.interpreters if i in ov.attend]
        need = ov.occ.activity.interpreters
        guard = ctx.guard(NAME, ov.key)
        if need == 1:
            ctx.model.add_bool_or(helpers or [False]).only_enforce_if([*enf, *guard])
        else:
            total = sum(1 if x is True else 0 if x is False else x for x in helpers)
            ctx.model.add(total >= need).only_enforce_if([*enf, *guard])


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """The activities that need an interpreter, and those that need 2 taking turns."""
    keys = sorted({key for (key,) in args})
    out = []
    for need in (1, 2):
        titles = [
            title_of(index, k)
            for k in keys
            if k in index.by_key and index.by_key[k].activity.interpreters == need
        ]
        if not titles:
            continue
        shown = ", ".join(titles[:3]) + (_(" and others") if len(titles) > 3 else "")
        if need == 1:
            phrase = ngettext(
                "{titles} needs an interpreter", "{titles} need an interpreter", len(titles)
            )
        else:
            phrase = ngettext(
                "{titles} needs {need} interpreters taking turns",
                "{titles} need {need} interpreters taking turns",
                len(titles),
            )
        out.append(phrase.format(titles=shown, need=need))
    return out


RULE = HardRule(NAME, N_("An interpreter is there when languages differ"), check, post, explain)
