"""The rule catalogue: every hard rule and soft term, each defined once.

:func:`hard_rules` and :func:`soft_terms` list them in the order they are
shown to coordinators. The solver posts each into the model; the checker runs
each over a given schedule.
"""

from __future__ import annotations

from visitplanner.domain import Schedule
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.checker import CheckReport
from visitplanner.solver.rules import interpreting as ip
from visitplanner.solver.rules import presence as pr
from visitplanner.solver.rules import soft
from visitplanner.solver.rules import timing as tm
from visitplanner.solver.rules.base import Facts, Finding, HardRule, SoftTerm


def hard_rules() -> tuple[HardRule, ...]:
    """Every hard rule, with its plain-language label."""
    return (
        HardRule(
            "activities_held",
            "Every activity that must happen is in the programme",
            tm.check_activities_are_held,
            tm.post_activities_are_held,
        ),
        HardRule(
            "within_windows",
            "Each activity keeps to its time window and length",
            tm.check_within_windows,
            tm.post_within_windows,
        ),
        HardRule(
            "required_attend",
            "Everyone required attends",
            tm.check_required_attend,
            tm.post_required_attend,
        ),
        HardRule(
            "people_free",
            "Required people are available",
            pr.check_people_are_free,
            pr.post_people_are_free,
        ),
        HardRule(
            "one_place",
            "Nobody is in two places at once",
            pr.check_nobody_in_two_places,
            pr.post_nobody_in_two_places,
        ),
        HardRule(
            "travel_time",
            "Time to travel between venues",
            pr.check_travel_time,
            pr.post_travel_time,
        ),
        HardRule(
            "venue_allowed",
            "Each activity is at one of its venues",
            pr.check_venue_allowed,
            pr.post_venue_allowed,
        ),
        HardRule(
            "venue_capacity",
            "A venue hosts one activity at a time",
            pr.check_venue_capacity,
            pr.post_venue_capacity,
        ),
        HardRule(
            "enough_attend", "Enough people attend", tm.check_enough_attend, tm.post_enough_attend
        ),
        HardRule(
            "interpreter_present",
            "An interpreter is there when languages differ",
            ip.check_interpreter_present,
            ip.post_interpreter_present,
        ),
        HardRule(
            "interpreter_breaks",
            "The interpreter gets a break after each long stretch",
            ip.check_interpreter_breaks,
            ip.post_interpreter_breaks,
        ),
        HardRule(
            "interpreter_daily",
            "The interpreter's daily limit of formal interpreting",
            ip.check_interpreter_daily_limit,
            ip.post_interpreter_daily_limit,
        ),
        HardRule(
            "pinned_stay", "Pinned activities stay put", tm.check_pinned_stay, tm.post_pinned_stay
        ),
    )


def soft_terms() -> tuple[SoftTerm, ...]:
    """Every soft term of the objective, with its plain-language label and help."""
    return (
        SoftTerm(
            "informal_time",
            "Informal time below target",
            soft.informal_time_shortfall,
            soft.post_informal_time_shortfall,
            "Minutes of time with the hosts and among visitors short of the targets",
        ),
        SoftTerm(
            "formal_balance",
            "Too much formal time in a day",
            soft.formal_time_over_daily_cap,
            soft.post_formal_time_over_daily_cap,
            "Minutes of formal meetings beyond the daily maximum",
        ),
        SoftTerm(
            "formal_spread",
            "Formal meetings unevenly spread over the days",
            soft.formal_meetings_unevenly_spread,
            soft.post_formal_meetings_unevenly_spread,
            "Formal meetings on the busiest day minus those on the quietest day",
        ),
        SoftTerm(
            "optional_attendees",
            "People who could join but do not",
            soft.optional_people_missing,
            soft.post_optional_people_missing,
            "Each welcome (optional) person who is not in an activity",
        ),
        SoftTerm(
            "if_need_be",
            "Times used that people gave only 'if need be'",
            soft.if_need_be_minutes,
            soft.post_if_need_be_minutes,
            "Minutes people attend during time they said they are free only if need be",
        ),
        SoftTerm(
            "idle_gaps",
            "Idle gaps in the day",
            soft.idle_minutes,
            soft.post_idle_minutes,
            "Minutes of waiting between the first start and the last end of each day",
        ),
        SoftTerm(
            "changes",
            "Changes from the previous programme",
            soft.changes_from_previous,
            soft.post_changes_from_previous,
            "Activities moved compared with the programme you already had",
        ),
    )


def check_all(
    index: VisitIndex, schedule: Schedule, previous: Schedule | None = None
) -> CheckReport:
    """Run every rule and term over ``schedule``."""
    facts = Facts(index, schedule, previous)
    violations = tuple(v for rule in hard_rules() for v in rule.violations(facts))
    weights = index.visit.weights
    costs = {t.name: weights.of(t.name) * t.cost(facts) for t in soft_terms()}
    return CheckReport(violations, costs)


__all__ = ["Facts", "Finding", "HardRule", "SoftTerm", "check_all", "hard_rules", "soft_terms"]
