"""Rule ``within_windows``: each activity keeps to its time window and length."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitplanner.domain.index import Occurrence, VisitIndex, window_text
from visitplanner.i18n import N_, _, format_duration, ngettext
from visitplanner.solver.rules.base import Facts, Finding, HardRule, Spans

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext

NAME = "within_windows"


def length_text(low: int, high: int) -> str:
    """ "1 h", or "1 h to 2 h"."""
    if low == high:
        return format_duration(low)
    return _("{low} to {high}").format(low=format_duration(low), high=format_duration(high))


def check(facts: Facts) -> list[Finding]:
    """Each placement lies inside one of its windows, with a length between min and max."""
    out: list[Finding] = []
    for x in facts.placed:
        if x.occ is None:
            continue
        act, p = x.occ.activity, x.p
        if not act.min_length <= p.length <= act.max_length:
            out.append(
                Finding(
                    _("«{title}» lasts {length}; it should last {span}").format(
                        title=x.title,
                        length=format_duration(p.length),
                        span=length_text(act.min_length, act.max_length),
                    ),
                    (p.key,),
                )
            )
        if not any(w.abs_start <= x.start and x.end <= w.abs_end for w in x.occ.windows):
            out.append(
                Finding(
                    _("«{title}» at {when} is outside its window ({window})").format(
                        title=x.title,
                        when=x.when,
                        window=window_text(x.occ.windows) or _("no day of the visit"),
                    ),
                    (p.key,),
                )
            )
    return out


def domain(index: VisitIndex, occ: Occurrence, spans: Spans) -> Spans:
    """An occurrence lies in one of its windows."""
    return [
        (d, max(s, w.start), min(e, w.end))
        for d, s, e in spans
        for w in occ.windows
        if w.day == d and min(e, w.end) > max(s, w.start)
    ]


def post(ctx: ModelContext) -> None:
    """Windows are the variables' domain; in explain mode a guarded choice of window instead."""
    if not ctx.explain:
        return
    m = ctx.model
    for ov in ctx.occ.values():
        guard = ctx.guard(NAME, ov.key)
        chosen = []
        for w in ov.occ.windows:
            lit = m.new_bool_var(f"window[{ov.key},{w.day},{w.start}]")
            m.add(ov.start >= ctx.slots_up(w.abs_start)).only_enforce_if(lit)
            m.add(ov.end <= ctx.slots_down(w.abs_end)).only_enforce_if(lit)
            chosen.append(lit)
        m.add(sum(chosen) >= ov.present).only_enforce_if(guard)


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """An activity's window, when only one or two are involved."""
    if len(args) > 2:
        return [
            ngettext(
                "{n} activity must keep to its time window",
                "{n} activities must each keep to their time window",
                len(args),
            ).format(n=len(args))
        ]
    out = []
    for (key,) in args:
        occ = index.by_key[key]
        out.append(
            _("«{title}» ({length}) must be within {window}").format(
                title=occ.title,
                length=format_duration(occ.activity.min_length),
                window=window_text(occ.windows),
            )
        )
    return out


RULE = HardRule(
    NAME, N_("Each activity keeps to its time window and length"), check, post, explain, domain
)
