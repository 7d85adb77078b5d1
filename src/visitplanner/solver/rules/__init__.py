"""The rule catalogue: every hard rule and soft term, each defined once.

Each hard rule lives in its own module named after it (``people_free.py`` for
``people_free``) with its check, its CP-SAT posting, its domain (if it narrows
where activities may lie) and its explanation phrases. :func:`hard_rules` and
:func:`soft_terms` list them in the order they are shown to coordinators. The
solver posts each into the model; the checker runs each over a schedule.
Nothing here imports OR-Tools: the model context is only a type to the rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from visitplanner.domain import Schedule
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_
from visitplanner.solver.report import CheckReport
from visitplanner.solver.rules import (
    activities_held,
    enough_attend,
    interpreter_breaks,
    interpreter_daily,
    interpreter_present,
    one_place,
    people_free,
    pinned_stay,
    required_attend,
    soft,
    travel_time,
    venue_allowed,
    venue_capacity,
    within_windows,
)
from visitplanner.solver.rules.base import Facts, Finding, HardRule, SoftTerm


def hard_rules() -> tuple[HardRule, ...]:
    """Every hard rule, with its plain-language label."""
    return (
        activities_held.RULE,
        within_windows.RULE,
        required_attend.RULE,
        people_free.RULE,
        one_place.RULE,
        travel_time.RULE,
        venue_allowed.RULE,
        venue_capacity.RULE,
        enough_attend.RULE,
        interpreter_present.RULE,
        interpreter_breaks.RULE,
        interpreter_daily.RULE,
        pinned_stay.RULE,
    )


def soft_terms() -> tuple[SoftTerm, ...]:
    """Every soft term of the objective, with its plain-language label and help."""
    return (
        SoftTerm(
            "informal_time",
            N_("Informal time below target"),
            soft.informal_time_shortfall,
            soft.post_informal_time_shortfall,
            N_("Minutes of time with the hosts and among visitors short of the targets"),
        ),
        SoftTerm(
            "formal_balance",
            N_("Too much formal time in a day"),
            soft.formal_time_over_daily_cap,
            soft.post_formal_time_over_daily_cap,
            N_("Minutes of formal meetings beyond the daily maximum"),
        ),
        SoftTerm(
            "formal_spread",
            N_("Formal meetings unevenly spread over the days"),
            soft.formal_meetings_unevenly_spread,
            soft.post_formal_meetings_unevenly_spread,
            N_("Formal meetings on the busiest day minus those on the quietest day"),
        ),
        SoftTerm(
            "optional_attendees",
            N_("People who could join but do not"),
            soft.optional_people_missing,
            soft.post_optional_people_missing,
            N_("Each welcome (optional) person who is not in an activity"),
        ),
        SoftTerm(
            "if_need_be",
            N_("Times used that people gave only 'if need be'"),
            soft.if_need_be_minutes,
            soft.post_if_need_be_minutes,
            N_("Minutes people attend during time they said they are free only if need be"),
        ),
        SoftTerm(
            "idle_gaps",
            N_("Idle gaps in the day"),
            soft.idle_minutes,
            soft.post_idle_minutes,
            N_("Each day, the most minutes any visitor waits between their activities"),
        ),
        SoftTerm(
            "changes",
            N_("Changes from the previous programme"),
            soft.changes_from_previous,
            soft.post_changes_from_previous,
            N_("Activities moved or resized compared with the programme you already had"),
        ),
    )


def check_all(
    index: VisitIndex,
    schedule: Schedule,
    previous: Schedule | None = None,
    rules: Sequence[HardRule] | None = None,
) -> CheckReport:
    """Run every rule (or only ``rules``) and every term over ``schedule``."""
    facts = Facts(index, schedule, previous)
    chosen = hard_rules() if rules is None else rules
    violations = tuple(v for rule in chosen for v in rule.violations(facts))
    weights = index.visit.weights
    costs = {t.name: weights.of(t.name) * t.cost(facts) for t in soft_terms()}
    return CheckReport(violations, costs)


__all__ = ["Facts", "Finding", "HardRule", "SoftTerm", "check_all", "hard_rules", "soft_terms"]
