"""Rules about interpreting: present when languages differ, rested, within a daily limit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any, TypeVar

from visitplanner.domain.clock import duration_text, hhmm
from visitplanner.solver.model import Lit, ModelContext, OccurrenceVars
from visitplanner.solver.rules.base import Facts, Finding, Placed
from visitplanner.solver.rules.presence import _lits

T = TypeVar("T")


def check_interpreter_present(facts: Facts) -> list[Finding]:
    """Every activity whose attendees share no language has an interpreter."""
    out = []
    interpreters = set(facts.index.interpreters)
    for x in facts.placed:
        if x.needs_interpreter and not (x.attendees & interpreters):
            out.append(
                Finding(
                    f"«{x.title}» mixes people with no language in common and has no interpreter",
                    (x.p.key,),
                )
            )
    return out


def _needs(ctx: ModelContext, ov: OccurrenceVars) -> Lit:
    """A literal that is true when the occurrence's attendees share no language."""
    cache: dict[str, Lit] = ctx.shared.setdefault("needs", {})
    if ov.key in cache:
        return cache[ov.key]
    people = ctx.index.people
    speakers = [pid for pid in ov.attend if pid in people and pid not in ctx.index.interpreters]
    covers: list[Lit] = []
    for lang in ctx.index.languages():
        outsiders = [pid for pid in speakers if not people[pid].speaks(lang)]
        if any(ov.attend[pid] is ov.present or ov.attend[pid] is True for pid in outsiders):
            continue
        if not outsiders:
            covers = [True]
            break
        lit = ctx.model.new_bool_var(f"covers[{ov.key},{lang}]")
        for pid in outsiders:
            ctx.model.add_implication(lit, ov.attend[pid].Not())
        covers.append(lit)
    need = ctx.bool_or(covers, f"shared_language[{ov.key}]")
    cache[ov.key] = (not need) if isinstance(need, bool) else need.Not()
    return cache[ov.key]


def post_interpreter_present(ctx: ModelContext) -> None:
    """If attendees share no language, some interpreter attends."""
    for ov in ctx.occ.values():
        need = _needs(ctx, ov)
        if need is False:
            continue
        helpers = [ov.attend[i] for i in ctx.index.interpreters if i in ov.attend]
        enf = _lits([need, ov.present])
        if enf is None:
            continue
        ctx.model.add_bool_or(helpers or [False]).only_enforce_if(
            [*enf, *ctx.guard(f"interpreter|{ov.key}")]
        )


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


def _blocks(facts: Facts, pid: str) -> list[list[Placed]]:
    """Runs of interpreting separated by less than the minimum break."""
    rules = facts.index.visit.interpreter_rules
    return interpreting_runs(facts.interpreted(pid), lambda x: (x.start, x.end), rules.min_break)


def check_interpreter_breaks(facts: Facts) -> list[Finding]:
    """Interpreters get a break after at most the longest continuous stretch."""
    rules = facts.index.visit.interpreter_rules
    out = []
    for pid in facts.index.interpreters:
        for block in _blocks(facts, pid):
            span = max(y.end for y in block) - block[0].start
            if span > rules.max_continuous:
                titles = " and ".join(f"«{y.title}»" for y in block)
                out.append(
                    Finding(
                        f"{facts.name(pid)} would interpret {duration_text(span)} without a "
                        f"{rules.min_break}-minute break ({titles}, day {block[0].p.day} from "
                        f"{hhmm(block[0].p.start)}); the limit is "
                        f"{duration_text(rules.max_continuous)}",
                        tuple(y.p.key for y in block),
                        (pid,),
                    )
                )
    return out


def _interprets(ctx: ModelContext, ov: OccurrenceVars, pid: str) -> Lit:
    if pid not in ov.attend:
        return False
    return ctx.bool_and([ov.attend[pid], _needs(ctx, ov)], f"interprets[{ov.key},{pid}]")


def post_interpreter_breaks(ctx: ModelContext) -> None:
    """Each interpreted occurrence's block (runs with short gaps) stays within the limit."""
    m = ctx.model
    rules = ctx.index.visit.interpreter_rules
    limit, pause = ctx.slots_down(rules.max_continuous), ctx.slots_up(rules.min_break)
    pairs: dict[tuple[str, str], tuple[Lit, Any]] = ctx.shared.get("pairs", {})
    for pid in ctx.index.interpreters:
        mine = [ov for ov in ctx.occ.values() if pid in ov.attend]
        lit = {ov.key: _interprets(ctx, ov, pid) for ov in mine}
        block = {}
        for ov in mine:
            if lit[ov.key] is False:
                continue
            block[ov.key] = m.new_int_var(0, 10**6, f"block_start[{ov.key},{pid}]")
            m.add(block[ov.key] <= ov.start)
            enf = _lits([lit[ov.key]])
            m.add(ov.end - block[ov.key] <= limit).only_enforce_if(
                [*(enf or []), *ctx.guard(f"breaks|{pid}|{ov.key}")]
            )
        for a, b in combinations(mine, 2):
            if a.key not in block or b.key not in block or (a.key, b.key) not in pairs:
                continue
            _, first = pairs[(a.key, b.key)]
            enf = _lits([lit[a.key], lit[b.key]])
            if enf is None:
                continue
            short = m.new_bool_var(f"short_gap[{a.key},{b.key},{pid}]")
            guard = ctx.guard(f"breaks|{pid}|{a.key}|{b.key}")
            m.add(b.start >= a.end + pause).only_enforce_if([*enf, first, short.Not(), *guard])
            m.add(a.start >= b.end + pause).only_enforce_if(
                [*enf, first.Not(), short.Not(), *guard]
            )
            m.add(block[b.key] <= block[a.key]).only_enforce_if([*enf, first, short])
            m.add(block[a.key] <= block[b.key]).only_enforce_if([*enf, first.Not(), short])


def check_interpreter_daily_limit(facts: Facts) -> list[Finding]:
    """Interpreters do at most the daily limit of formal interpreting."""
    limit = facts.index.visit.interpreter_rules.max_formal_per_day
    out = []
    for pid in facts.index.interpreters:
        per_day: dict[int, list[Placed]] = {}
        for x in facts.interpreted(pid):
            if x.activity is not None and x.activity.is_formal:
                per_day.setdefault(x.p.day, []).append(x)
        for day, xs in sorted(per_day.items()):
            total = sum(x.p.length for x in xs)
            if total > limit:
                out.append(
                    Finding(
                        f"{facts.name(pid)} would interpret {duration_text(total)} of formal "
                        f"meetings on day {day}; the limit is {duration_text(limit)}",
                        tuple(x.p.key for x in xs),
                        (pid,),
                    )
                )
    return out


def post_interpreter_daily_limit(ctx: ModelContext) -> None:
    """Per interpreter and day, formal interpreting minutes stay within the limit."""
    m = ctx.model
    limit = ctx.slots_down(ctx.index.visit.interpreter_rules.max_formal_per_day)
    for pid in ctx.index.interpreters:
        per_day: dict[int, list[Any]] = {}
        for ov in ctx.occ.values():
            if not ov.occ.activity.is_formal:
                continue
            lit = _interprets(ctx, ov, pid)
            for day, on in ov.on_day.items():
                both = ctx.bool_and([lit, on], f"interp_day[{ov.key},{pid},{day}]")
                if both is False:
                    continue
                part = m.new_int_var(0, ctx.slots_down(ov.occ.activity.max_length), "")
                if both is True:
                    m.add(part == ov.length)
                else:
                    m.add(part == ov.length).only_enforce_if(both)
                    m.add(part == 0).only_enforce_if(both.Not())
                per_day.setdefault(day, []).append(part)
        for day, parts in per_day.items():
            m.add(sum(parts) <= limit).only_enforce_if(ctx.guard(f"daily|{pid}|{day}"))
