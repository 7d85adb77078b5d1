"""Rule ``interpreter_daily``: the interpreter's daily limit of formal interpreting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _, format_duration, ngettext
from visitplanner.solver.rules.base import Facts, Finding, HardRule, Placed
from visitplanner.solver.rules.interpreter_breaks import interprets

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "interpreter_daily"


def load(x: Placed) -> int:
    """Twice the minutes an interpreter is credited for ``x`` (half of it in relay)."""
    return x.p.length if x.relay else 2 * x.p.length


def check(facts: Facts) -> list[Finding]:
    """Interpreters do at most the daily limit of formal interpreting (half in relay)."""
    limit = facts.index.visit.interpreter_rules.max_formal_per_day
    out = []
    for pid in facts.index.interpreters:
        per_day: dict[int, list[Placed]] = {}
        for x in facts.interpreted(pid):
            if x.activity is not None and x.activity.is_formal:
                per_day.setdefault(x.p.day, []).append(x)
        for day, xs in sorted(per_day.items()):
            total = (sum(load(x) for x in xs) + 1) // 2
            if sum(load(x) for x in xs) > 2 * limit:
                out.append(
                    Finding(
                        _(
                            "{name} would interpret {total} of formal meetings on day {day}; "
                            "the limit is {limit}"
                        ).format(
                            name=facts.name(pid),
                            total=format_duration(total),
                            day=day,
                            limit=format_duration(limit),
                        ),
                        tuple(x.p.key for x in xs),
                        (pid,),
                    )
                )
    return out


def post(ctx: ModelContext) -> None:
    """Per interpreter and day, formal interpreting minutes stay within the limit.

    Minutes are counted twice over so that relay (half each) stays a whole number.
    """
    m = ctx.model
    limit = ctx.index.visit.interpreter_rules.max_formal_per_day
    for pid in ctx.index.interpreters:
        per_day: dict[int, list[Any]] = {}
        for ov in ctx.occ.values():
            if not ov.occ.activity.is_formal:
                continue
            lit = interprets(ctx, ov, pid)
            relay = ctx.relay(ov) if lit is not False else False
            for day, on in ov.on_day.items():
                both = ctx.bool_and([lit, on], f"interp_day[{ov.key},{pid},{day}]")
                part = ctx.gated_length(ov, both, f"interp_len[{ov.key},{pid},{day}]")
                if isinstance(part, int):
                    continue
                per_day.setdefault(day, []).append(2 * part)
                if relay is not False:
                    shared = ctx.bool_and([both, relay], f"relay_day[{ov.key},{pid},{day}]")
                    per_day[day].append(-ctx.gated_length(ov, shared, f"relay_len[{ov.key},{pid}]"))
        for day, parts in per_day.items():
            m.add(ctx.slot * sum(parts) <= 2 * limit).only_enforce_if(
                ctx.guard(NAME, pid, str(day))
            )


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """The cap against the formal interpreting the programme needs, in hours."""
    limit = index.visit.interpreter_rules.max_formal_per_day
    need = sum(
        occ.activity.min_length
        for occ in index.occurrences
        if occ.activity.is_formal
        and occ.activity.mandatory
        and index.needs_interpreter(occ.activity.required)
    )
    days = index.visit.n_days
    out = []
    for pid in sorted({a[0] for a in args}):
        out.append(
            ngettext(
                "{name} may interpret at most {limit} a day; "
                "the formal meetings need {need} over the {n} day",
                "{name} may interpret at most {limit} a day; "
                "the formal meetings need {need} over the {n} days",
                days,
            ).format(
                name=index.name(pid),
                limit=format_duration(limit),
                need=format_duration(need),
                n=days,
            )
        )
    return out


RULE = HardRule(
    NAME, N_("The interpreter's daily limit of formal interpreting"), check, post, explain
)
