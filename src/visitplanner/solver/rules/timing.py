"""Rules about when activities happen: held, in their windows, pinned, attended enough."""

from __future__ import annotations

from visitplanner.domain.clock import duration_text, hhmm
from visitplanner.domain.index import window_text
from visitplanner.solver.model import ModelContext
from visitplanner.solver.rules.base import Facts, Finding
from visitplanner.solver.variables import post_pin


def check_activities_are_held(facts: Facts) -> list[Finding]:
    """Every mandatory occurrence is in the programme, once, and nothing unknown is."""
    out: list[Finding] = []
    seen: set[str] = set()
    for x in facts.placed:
        if x.occ is None:
            out.append(Finding(f"'{x.p.key}' is not an activity of this visit", (x.p.key,)))
        elif x.p.key in seen:
            out.append(Finding(f"«{x.title}» is in the programme twice", (x.p.key,)))
        seen.add(x.p.key)
    for occ in facts.index.occurrences:
        if occ.activity.mandatory and occ.key not in seen:
            out.append(Finding(f"«{occ.title}» is not in the programme", (occ.key,)))
    return out


def post_activities_are_held(ctx: ModelContext) -> None:
    """Mandatory (and pinned) occurrences are present."""
    for ov in ctx.occ.values():
        if ov.present is not True and (ov.occ.activity.mandatory or ov.pinned is not None):
            ctx.model.add(ov.present == 1).only_enforce_if(ctx.guard(f"held|{ov.key}"))


def check_within_windows(facts: Facts) -> list[Finding]:
    """Each placement lies inside one of its windows, with a length between min and max."""
    out: list[Finding] = []
    for x in facts.placed:
        if x.occ is None:
            continue
        act, p = x.occ.activity, x.p
        if not act.min_length <= p.length <= act.max_length:
            span = (
                duration_text(act.min_length)
                if act.min_length == act.max_length
                else f"{duration_text(act.min_length)} to {duration_text(act.max_length)}"
            )
            out.append(
                Finding(
                    f"«{x.title}» lasts {duration_text(p.length)}; it should last {span}", (p.key,)
                )
            )
        if not any(w.abs_start <= x.start and x.end <= w.abs_end for w in x.occ.windows):
            out.append(
                Finding(
                    f"«{x.title}» at {x.when} is outside its window "
                    f"({window_text(x.occ.windows) or 'no day of the visit'})",
                    (p.key,),
                )
            )
    return out


def post_within_windows(ctx: ModelContext) -> None:
    """A present occurrence chooses exactly one of its window segments."""
    for ov in ctx.occ.values():
        if len(ov.segments) == 1 and ov.segments[0].chosen is True:
            continue
        ctx.model.add(sum(s.chosen for s in ov.segments) == ov.present).only_enforce_if(
            ctx.guard(f"windows|{ov.key}")
        )


def check_required_attend(facts: Facts) -> list[Finding]:
    """Everyone required attends, and only invited people attend."""
    out: list[Finding] = []
    for x in facts.placed:
        act = x.activity
        if act is None:
            continue
        missing = [pid for pid in act.required if pid not in x.attendees]
        if missing:
            names = ", ".join(facts.name(pid) for pid in missing)
            out.append(Finding(f"{names} must attend «{x.title}»", (x.p.key,), tuple(missing)))
        extra = [pid for pid in x.attendees if pid not in act.invited]
        if extra:
            names = ", ".join(facts.name(pid) for pid in sorted(extra))
            out.append(
                Finding(f"{names} is not invited to «{x.title}»", (x.p.key,), tuple(sorted(extra)))
            )
    return out


def post_required_attend(ctx: ModelContext) -> None:
    """Encoded by the variables: a required person's attendance is the occurrence's presence."""


def check_pinned_stay(facts: Facts) -> list[Finding]:
    """Placements pinned in the previous schedule are unchanged."""
    if facts.previous is None:
        return []
    current = {p.key: p for p in facts.schedule}
    out: list[Finding] = []
    for old in facts.previous:
        if not old.pinned:
            continue
        new = current.get(old.key)
        if new is None or (new.day, new.start, new.end, new.venue, set(new.attendees)) != (
            old.day,
            old.start,
            old.end,
            old.venue,
            set(old.attendees),
        ):
            title = facts.index.by_key[old.key].title if old.key in facts.index.by_key else old.key
            out.append(
                Finding(
                    f"«{title}» is pinned at day {old.day} {hhmm(old.start)}-{hhmm(old.end)} "
                    "but has been changed",
                    (old.key,),
                )
            )
    return out


def post_pinned_stay(ctx: ModelContext) -> None:
    """Pinned occurrences keep their day, times, venue and attendees."""
    for ov in ctx.occ.values():
        if ov.pinned is not None:
            post_pin(ctx, ov, ov.pinned)


def check_enough_attend(facts: Facts) -> list[Finding]:
    """Each minimum attendance (e.g. at least half of the visitors) is met."""
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
                        f"«{x.title}» has {count} of the {len(rule.among)} {rule.label}; "
                        f"it needs at least {rule.at_least}",
                        (x.p.key,),
                    )
                )
    return out


def post_enough_attend(ctx: ModelContext) -> None:
    """Sum of attendance among each group reaches its minimum when present."""
    for ov in ctx.occ.values():
        for i, rule in enumerate(ov.occ.activity.min_attendance):
            lits = [ov.attend[pid] for pid in rule.among if pid in ov.attend]
            held = [] if ov.present is True else [ov.present]
            ctx.model.add(sum(lits) >= rule.at_least).only_enforce_if(
                [*held, *ctx.guard(f"attendance|{ov.key}|{i}")]
            )
