"""Rule ``interpreter_breaks``: the interpreter gets a break after each long stretch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _, format_duration
from visitplanner.solver.literals import Lit, enforcement, negate
from visitplanner.solver.rules.base import Facts, Finding, HardRule, Placed, held

if TYPE_CHECKING:
    from visitplanner.solver.model import ModelContext, OccurrenceVars

NAME = "interpreter_breaks"
T = TypeVar("T")


def interpreting_runs(
    items: Sequence[T], span: Callable[[T], tuple[int, int]], min_break: int
) -> list[list[T]]:
    """Group time-ordered ``items`` into runs whose gaps are shorter than ``min_break``.

    A run counts as continuous interpreting from its first start to its last end.
    """
    runs: list[list[T]] = []
    run_end = 0
    for item in items:
        start, end = span(item)
        if runs and start - run_end < min_break:
            runs[-1].append(item)
            run_end = max(run_end, end)
        else:
            runs.append([item])
            run_end = end
    return runs


def check(facts: Facts) -> list[Finding]:
    """Interpreters get a break after at most the longest continuous stretch.

    Where two interpreters take turns (relay), the pair covers up to twice that stretch,
    and each needs the break before and after it.
    """
    rules = facts.index.visit.interpreter_rules
    out = []
    for pid in facts.index.interpreters:
        runs = interpreting_runs(
            facts.interpreted(pid), lambda x: (x.start, x.end), rules.min_break
        )
        for block in runs:
            relay = [y for y in block if y.relay]
            if relay and len(block) > 1:
                out.append(_relay_without_break(facts, pid, relay[0], block))
                continue
            limit = rules.max_continuous * (2 if relay else 1)
            span = max(y.end for y in block) - block[0].start
            if span > limit:
                titles = _(" and ").join(f"«{y.title}»" for y in block)
                out.append(
                    Finding(
                        _(
                            "{name} would interpret {span} without a {pause}-minute break "
                            "({titles}, day {day} from {start}); the limit is {limit}"
                        ).format(
                            name=facts.name(pid),
                            span=format_duration(span),
                            pause=rules.min_break,
                            titles=titles,
                            day=block[0].p.day,
                            start=hhmm(block[0].p.start),
                            limit=format_duration(limit),
                        ),
                        tuple(y.p.key for y in block),
                        (pid,),
                    )
                )
    return out


def _relay_without_break(facts: Facts, pid: str, relay: Placed, block: list[Placed]) -> Finding:
    pause = facts.index.visit.interpreter_rules.min_break
    others = _(" and ").join(f"«{y.title}»" for y in block if y is not relay)
    return Finding(
        _(
            "{name} takes turns at «{title}» and needs a {pause}-minute break before and "
            "after it, but also interprets {others} (day {day})"
        ).format(
            name=facts.name(pid), title=relay.title, pause=pause, others=others, day=relay.p.day
        ),
        tuple(y.p.key for y in block),
        (pid,),
    )


def precheck(index: VisitIndex) -> list[str]:
    """Must-happen mixed-language activities longer than their interpreters can cover:
    one alone, or two taking turns."""
    rules = index.visit.interpreter_rules
    interpreters = set(index.interpreters)
    out = []
    for act in held(index):
        if not index.needs_interpreter(act.required):
            continue
        invited = len(interpreters & set(act.invited))
        length = format_duration(act.min_length)
        if invited == 1 and act.interpreters == 1 and act.min_length > rules.max_continuous:
            out.append(
                _(
                    "«{title}» ({length}) is longer than an interpreter may work without a "
                    "break ({limit}); 2 interpreters taking turns could cover it, but only one "
                    "is invited to it"
                ).format(
                    title=act.title, length=length, limit=format_duration(rules.max_continuous)
                )
            )
        elif invited >= 2 and act.min_length > 2 * rules.max_continuous:
            out.append(
                _(
                    "«{title}» ({length}) is longer than 2 interpreters taking turns may cover "
                    "without a break ({limit})"
                ).format(
                    title=act.title,
                    length=length,
                    limit=format_duration(2 * rules.max_continuous),
                )
            )
    return out


def relay_open(index: VisitIndex, key: str) -> bool:
    """Whether the solver still chooses if ``key`` is in relay: it invites two interpreters
    or more but requires fewer, so a second one may join or stay away."""
    occ = index.by_key.get(key)
    if occ is None:
        return False
    interpreters = set(index.interpreters)
    act = occ.activity
    return len(interpreters & set(act.invited)) >= 2 > len(interpreters & set(act.required))


def interprets(ctx: ModelContext, ov: OccurrenceVars, pid: str) -> Lit:
    """A literal true when interpreter ``pid`` interprets at ``ov``."""
    if pid not in ov.attend:
        return False
    return ctx.bool_and([ov.attend[pid], ctx.needs_interpreter(ov)], f"interprets[{ov.key},{pid}]")


def post(ctx: ModelContext) -> None:
    """Each interpreted occurrence's block (runs with short gaps) stays within the limit.

    An occurrence in relay is a block of its own (no short gap on either side) and may
    last twice the limit.
    """
    m = ctx.model
    rules = ctx.index.visit.interpreter_rules
    limit, pause = ctx.slots_down(rules.max_continuous), ctx.slots_up(rules.min_break)
    turns = ctx.slots_down(2 * rules.max_continuous)
    for pid in ctx.index.interpreters:
        mine = [ov for ov in ctx.occ.values() if pid in ov.attend]
        lit = {ov.key: interprets(ctx, ov, pid) for ov in mine}
        mine = [ov for ov in mine if lit[ov.key] is not False]
        relay = {ov.key: ctx.relay(ov) for ov in mine}
        block = {}
        for ov in mine:
            block[ov.key] = m.new_int_var(0, ctx.horizon, f"block_start[{ov.key},{pid}]")
            m.add(block[ov.key] <= ov.start)
            on = [*(enforcement([lit[ov.key]]) or []), *ctx.guard(NAME, pid, ov.key)]
            pair = relay[ov.key]
            if pair is False:
                m.add(ov.end - block[ov.key] <= limit).only_enforce_if(on)
                continue
            m.add(ov.end - block[ov.key] <= limit).only_enforce_if([*on, negate(pair)])
            m.add(ov.end - ov.start <= turns).only_enforce_if([*on, pair])
            m.add(block[ov.key] == ov.start).only_enforce_if(pair)
        for i, a in enumerate(mine):
            for b in mine[i + 1 :]:
                if not set(a.on_day) & set(b.on_day):
                    continue
                enf = enforcement([lit[a.key], lit[b.key]])
                if enf is None:
                    continue
                first = ctx.first(a, b)
                short = m.new_bool_var(f"short_gap[{a.key},{b.key},{pid}]")
                for pair in (relay[a.key], relay[b.key]):
                    if pair is not False:
                        m.add_implication(pair, short.Not())
                guard = ctx.guard(NAME, pid, a.key, b.key)
                later = negate(first)
                m.add(b.start >= a.end + pause).only_enforce_if([*enf, first, short.Not(), *guard])
                m.add(a.start >= b.end + pause).only_enforce_if([*enf, later, short.Not(), *guard])
                m.add(block[b.key] <= block[a.key]).only_enforce_if([*enf, first, short])
                m.add(block[a.key] <= block[b.key]).only_enforce_if([*enf, later, short])


def explain(index: VisitIndex, args: list[tuple[str, ...]]) -> list[str]:
    """The interpreter and the limit of continuous interpreting (twice it in relay)."""
    rules = index.visit.interpreter_rules
    limit, pause = format_duration(rules.max_continuous), rules.min_break
    if len(index.interpreters) > 1:
        text = _(
            "{name} may interpret at most {limit} without a {pause}-minute break ({turns} "
            "taking turns with another interpreter, with the break before and after)"
        )
    else:
        text = _("{name} may interpret at most {limit} without a {pause}-minute break")
    turns = format_duration(2 * rules.max_continuous)
    return [
        text.format(name=index.name(pid), limit=limit, pause=pause, turns=turns)
        for pid in sorted({a[0] for a in args})
    ]


RULE = HardRule(
    NAME, N_("The interpreter gets a break after each long stretch"), check, post, explain
)
