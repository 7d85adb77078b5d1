"""Each soft term's exact, hand-computed penalty, in the checker and in the solver.

Default weights: informal_time 2, formal_balance 3, formal_spread 60,
optional_attendees 10, if_need_be 4, idle_gaps 1, changes 50.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from ortools.sat.python import cp_model

from tests.solver.builders import (
    activity,
    ann,
    availability,
    bob,
    busy,
    cleo,
    place,
    schedule,
    solve_tiny,
    span,
    tiny_visit,
    window,
)
from visitplanner.domain import Availability, Balance, Kind, Level, Schedule, Venue, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.build import build_model
from visitplanner.solver.checker import Checker
from visitplanner.solver.result import Status
from visitplanner.solver.rules import soft_terms

TERMS = [
    "informal_time",
    "formal_balance",
    "formal_spread",
    "optional_attendees",
    "if_need_be",
    "idle_gaps",
    "changes",
]


def cost(visit: Visit, sched: Schedule, previous: Schedule | None = None) -> dict[str, int]:
    """The checker's weighted costs; the schedule must keep every hard rule."""
    report = Checker(visit).check(sched, previous)
    assert report.violations == ()
    return dict(report.costs)


def nonzero(costs: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in costs.items() if v}


def test_soft_term_catalogue() -> None:
    assert [t.name for t in soft_terms()] == TERMS


# --- informal_time ----------------------------------------------------------------


def informal_visit(chat_max: int = 120) -> Visit:
    return tiny_visit(
        [ann(), bob(), cleo()],
        [
            activity(
                "chat",
                "Chat",
                60,
                max_length=chat_max,
                kind=Kind.INFORMAL,
                optional=("ann", "bob", "cleo"),
            ),
            activity(
                "walk", "Walk", 60, kind=Kind.INFORMAL, optional=("ann", "cleo"), mandatory=False
            ),
        ],
        balance=Balance(
            max_formal_minutes_per_day=240, host_visitor_target=120, visitors_only_target=60
        ),
    )


def test_informal_time_below_target_is_penalized() -> None:
    # 60 of 120 minutes with hosts, 0 of 60 among visitors: (60 + 60) * 2
    sched = schedule(place("chat", 1, "09:00", "10:00", ["ann", "bob", "cleo"]))
    assert nonzero(cost(informal_visit(), sched)) == {"informal_time": 240}


def test_informal_time_with_hosts_only_counts_for_nothing() -> None:
    # no visitor at the chat: (120 + 60) * 2, plus two optional visitors missing
    sched = schedule(place("chat", 1, "09:00", "10:00", ["bob"]))
    assert nonzero(cost(informal_visit(), sched)) == {
        "informal_time": 360,
        "optional_attendees": 20,
    }


def test_informal_time_at_target_is_not_penalized() -> None:
    sched = schedule(
        place("chat", 1, "09:00", "11:00", ["ann", "bob", "cleo"]),
        place("walk", 1, "11:00", "12:00", ["ann", "cleo"]),
    )
    assert nonzero(cost(informal_visit(), sched)) == {}


# --- formal_balance ---------------------------------------------------------------


def formal_visit(days: int = 1, cap: int = 60, n: int = 2, length: int = 45) -> Visit:
    return tiny_visit(
        [ann()],
        [activity(f"m{i}", f"Meeting {i}", length, required=("ann",)) for i in range(1, n + 1)],
        days=days,
        balance=Balance(
            max_formal_minutes_per_day=cap, host_visitor_target=0, visitors_only_target=0
        ),
    )


def test_formal_time_over_the_daily_cap_is_penalized() -> None:
    # 90 formal minutes on day 1, cap 60: 30 * 3
    sched = schedule(
        place("m1", 1, "09:00", "09:45", ["ann"]), place("m2", 1, "09:45", "10:30", ["ann"])
    )
    assert nonzero(cost(formal_visit(), sched)) == {"formal_balance": 90}


def test_formal_time_within_the_daily_cap_is_not_penalized() -> None:
    sched = schedule(
        place("m1", 1, "09:00", "09:45", ["ann"]), place("m2", 2, "09:00", "09:45", ["ann"])
    )
    assert nonzero(cost(formal_visit(days=2), sched)) == {}


def parallel_formal_visit(cap: int = 60) -> Visit:
    """Two visitors in two parallel 45-minute tracks, then one 45-minute meeting together."""
    return tiny_visit(
        [ann(), bob(), cleo()],
        [
            activity("m1", "Track A", 45, required=("ann",)),
            activity("m2", "Track B", 45, required=("cleo",)),
            activity("m3", "Plenary", 45, required=("ann", "cleo")),
            activity("m4", "Hosts' briefing", 120, required=("bob",)),
        ],
        balance=Balance(
            max_formal_minutes_per_day=cap, host_visitor_target=0, visitors_only_target=0
        ),
    )


def test_parallel_formal_meetings_count_per_visitor_not_summed() -> None:
    # each visitor has 45 formal minutes; summing the tracks would give 90 (and the
    # host's 120-minute briefing 210): the cap is per visitor
    sched = schedule(
        place("m1", 1, "09:00", "09:45", ["ann"]),
        place("m2", 1, "09:00", "09:45", ["cleo"]),
        place("m4", 1, "09:00", "11:00", ["bob"]),
    )
    full = parallel_formal_visit()
    visit = replace(full, activities=tuple(a for a in full.activities if a.id != "m3"))
    assert nonzero(cost(visit, sched)) == {}


def test_the_busiest_visitor_over_the_cap_is_penalized_once_per_day() -> None:
    # Ann 90 and Cleo 90 formal minutes: the day's busiest visitor is 30 over, 30 * 3
    sched = schedule(
        place("m1", 1, "09:00", "09:45", ["ann"]),
        place("m2", 1, "09:00", "09:45", ["cleo"]),
        place("m3", 1, "09:45", "10:30", ["ann", "cleo"]),
        place("m4", 1, "09:00", "11:00", ["bob"]),
    )
    assert nonzero(cost(parallel_formal_visit(), sched)) == {"formal_balance": 90}


# --- formal_spread ----------------------------------------------------------------


def test_formal_meetings_on_one_day_are_penalized() -> None:
    # counts per day [2, 0]: 2 * 60
    sched = schedule(
        place("m1", 1, "09:00", "09:45", ["ann"]), place("m2", 1, "09:45", "10:30", ["ann"])
    )
    assert nonzero(cost(formal_visit(days=2, cap=240), sched)) == {"formal_spread": 120}


def test_formal_meetings_spread_over_the_days_are_not_penalized() -> None:
    sched = schedule(
        place("m1", 1, "09:00", "09:45", ["ann"]), place("m2", 2, "09:00", "09:45", ["ann"])
    )
    assert nonzero(cost(formal_visit(days=2, cap=240), sched)) == {}


def test_formal_spread_is_not_counted_on_a_one_day_visit() -> None:
    sched = schedule(
        place("m1", 1, "09:00", "09:45", ["ann"]), place("m2", 1, "09:45", "10:30", ["ann"])
    )
    assert nonzero(cost(formal_visit(days=1, cap=240), sched)) == {}


def test_the_model_sees_without_search_that_three_meetings_cannot_share_two_days() -> None:
    # the busiest day holds at least the average, the quietest at most (redundant rows
    # that let the bound rise at once on week-long visits)
    ctx = build_model(VisitIndex(formal_visit(days=2, cap=600, n=3, length=30)), None)
    ctx.model.add(ctx.terms["formal_spread"] == 0)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_number_of_conflicts = 0
    assert solver.solve(ctx.model) == cp_model.INFEASIBLE


# --- optional_attendees -----------------------------------------------------------


def optional_visit(free: dict[str, Availability] | None = None) -> Visit:
    return tiny_visit(
        [ann(), bob(), cleo()],
        [activity("kickoff", "Kickoff", 60, required=("ann",), optional=("bob", "cleo"))],
        free=free,
    )


def test_optional_person_missing_is_penalized() -> None:
    sched = schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"]))
    assert nonzero(cost(optional_visit(), sched)) == {"optional_attendees": 10}


def test_optional_people_joining_are_not_penalized() -> None:
    sched = schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob", "cleo"]))
    assert nonzero(cost(optional_visit(), sched)) == {}


# --- if_need_be -------------------------------------------------------------------


def if_need_be_visit() -> Visit:
    return tiny_visit(
        [ann(), bob()],
        [activity("kickoff", "Kickoff", 60, [window("09:00", "12:00")], required=("ann", "bob"))],
        free={
            "ann": availability(
                span(1, "09:00", "10:00", Level.IF_NEED_BE), span(1, "10:00", "10:30")
            ),
            "bob": availability(
                span(1, "09:00", "09:45", Level.IF_NEED_BE), span(1, "09:45", "12:00")
            ),
        },
    )


def test_if_need_be_time_is_penalized_per_person_and_minute() -> None:
    # Ann 60 and Bob 45 if-need-be minutes: 105 * 4
    sched = schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"]))
    assert nonzero(cost(if_need_be_visit(), sched)) == {"if_need_be": 420}
    # Ann 30 and Bob 15: 45 * 4
    sched = schedule(place("kickoff", 1, "09:30", "10:30", ["ann", "bob"]))
    assert nonzero(cost(if_need_be_visit(), sched)) == {"if_need_be": 180}


def test_available_time_is_not_penalized() -> None:
    visit = tiny_visit(
        [ann()],
        [activity("kickoff", "Kickoff", 60, required=("ann",))],
        free={
            "ann": availability(
                span(1, "09:00", "10:00", Level.IF_NEED_BE), span(1, "10:00", "12:00")
            )
        },
    )
    sched = schedule(place("kickoff", 1, "10:00", "11:00", ["ann"]))
    assert nonzero(cost(visit, sched)) == {}


# --- idle_gaps --------------------------------------------------------------------


def idle_visit(days: int = 1) -> Visit:
    return tiny_visit(
        [ann()],
        [
            activity("kickoff", "Kickoff", 60, [window("09:00", "10:00")], required=("ann",)),
            activity(
                "review",
                "Review",
                30,
                [window("10:30", "11:00"), window("15:00", "16:00", 2)],
                required=("ann",),
                kind=Kind.INFORMAL,
            ),
        ],
        days=days,
    )


def test_idle_gap_in_a_day_is_penalized() -> None:
    sched = schedule(
        place("kickoff", 1, "09:00", "10:00", ["ann"]),
        place("review", 1, "10:30", "11:00", ["ann"]),
    )
    assert nonzero(cost(idle_visit(), sched)) == {"idle_gaps": 30}


def staggered_tracks_visit() -> Visit:
    """Ann's track, then Cleo's, then both together: the windows leave Ann 45 min to wait."""
    return tiny_visit(
        [ann(), bob(), cleo()],
        [
            activity("m1", "Track A", 45, [window("09:00", "09:45")], required=("ann",)),
            activity("m2", "Track B", 45, [window("09:45", "10:30")], required=("cleo",)),
            activity("m3", "Plenary", 45, [window("10:30", "11:15")], required=("ann", "cleo")),
            activity("m4", "Hosts' briefing", 120, required=("bob",)),
        ],
        balance=Balance(
            max_formal_minutes_per_day=240, host_visitor_target=0, visitors_only_target=0
        ),
    )


def test_others_activities_do_not_hide_a_visitors_wait() -> None:
    # the day is busy from 09:00 to 11:15 (Cleo's track, the hosts' briefing), yet Ann
    # waits from 09:45 to 10:30 between her two meetings
    sched = schedule(
        place("m1", 1, "09:00", "09:45", ["ann"]),
        place("m2", 1, "09:45", "10:30", ["cleo"]),
        place("m3", 1, "10:30", "11:15", ["ann", "cleo"]),
        place("m4", 1, "09:15", "11:15", ["bob"]),
    )
    assert nonzero(cost(staggered_tracks_visit(), sched)) == {"idle_gaps": 45}


def test_the_longest_wait_of_the_day_counts_once() -> None:
    # Ann waits 60 min, Cleo 15: the day costs Ann's 60, not 75
    sched = schedule(
        place("m1", 1, "09:00", "09:45", ["ann"]),
        place("m2", 1, "09:45", "10:30", ["cleo"]),
        place("m3", 1, "10:45", "11:30", ["ann", "cleo"]),
    )
    visit = staggered_tracks_visit()
    visit = replace(
        visit,
        activities=tuple(
            replace(a, windows=(window("10:45", "11:30"),)) if a.id == "m3" else a
            for a in visit.activities
            if a.id != "m4"
        ),
    )
    assert nonzero(cost(visit, sched)) == {"idle_gaps": 60}


def test_a_hosts_gap_is_not_a_visitors_wait() -> None:
    # Bob (a host) has two meetings with an hour between; Ann is in one meeting only
    visit = tiny_visit(
        [ann(), bob()],
        [
            activity("a", "With Ann", 60, required=("ann", "bob")),
            activity("b", "Hosts only", 60, required=("bob",)),
        ],
    )
    sched = schedule(
        place("a", 1, "09:00", "10:00", ["ann", "bob"]),
        place("b", 1, "11:00", "12:00", ["bob"]),
    )
    assert nonzero(cost(visit, sched)) == {}


def test_time_between_days_is_not_idle() -> None:
    sched = schedule(
        place("kickoff", 1, "09:00", "10:00", ["ann"]),
        place("review", 2, "15:00", "15:30", ["ann"]),
    )
    assert nonzero(cost(idle_visit(days=2), sched)) == {"formal_spread": 60}


# --- changes ----------------------------------------------------------------------

HALL, CAFE = Venue("hall", "City Hall"), Venue("cafe", "Café", shared=True)


def changes_visit(free: dict[str, Availability] | None = None) -> Visit:
    return tiny_visit(
        [ann()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann",), venues=("hall", "cafe")),
            activity(
                "coffee",
                "Coffee",
                30,
                required=("ann",),
                kind=Kind.INFORMAL,
                mandatory=False,
                venues=("cafe",),
            ),
        ],
        venues=(HALL, CAFE),
        free=free,
    )


PREVIOUS = schedule(
    place("kickoff", 1, "09:00", "10:00", ["ann"], "hall"),
    place("coffee", 1, "10:00", "10:30", ["ann"], "cafe"),
)


def test_moved_activities_are_penalized() -> None:
    moved = schedule(
        place("kickoff", 1, "09:30", "10:30", ["ann"], "hall"),
        place("coffee", 1, "10:30", "11:00", ["ann"], "cafe"),
    )
    assert nonzero(cost(changes_visit(), moved, PREVIOUS)) == {"changes": 100}
    other_venue = schedule(
        place("kickoff", 1, "09:00", "10:00", ["ann"], "cafe"),
        place("coffee", 1, "10:00", "10:30", ["ann"], "cafe"),
    )
    assert nonzero(cost(changes_visit(), other_venue, PREVIOUS)) == {"changes": 50}
    dropped = schedule(place("kickoff", 1, "09:00", "10:00", ["ann"], "hall"))
    assert nonzero(cost(changes_visit(), dropped, PREVIOUS)) == {"changes": 50}


def test_kept_and_pinned_activities_are_not_penalized() -> None:
    assert nonzero(cost(changes_visit(), PREVIOUS, PREVIOUS)) == {}
    pinned_prev = schedule(place("kickoff", 1, "09:00", "10:00", ["ann"], "hall", pinned=True))
    assert nonzero(cost(changes_visit(), schedule(PREVIOUS.placements[0]), pinned_prev)) == {}
    assert nonzero(cost(changes_visit(), PREVIOUS)) == {}


# --- the solver's objective is the checker's cost ---------------------------------


SOLVED = {
    # chat at most 60 min: 60 min short of the host target, walk covers the visitors' 60
    "informal_time": (informal_visit(chat_max=60), None, {"informal_time": 120}),
    # one day, 90 formal minutes, cap 60
    "formal_balance": (formal_visit(), None, {"formal_balance": 90}),
    # parallel tracks: each visitor 90 formal minutes (tracks plus plenary), cap 60
    "formal_balance_parallel": (parallel_formal_visit(), None, {"formal_balance": 90}),
    # three meetings over two days: 2 and 1; cap high enough
    "formal_spread": (formal_visit(days=2, cap=240, n=3, length=30), None, {"formal_spread": 60}),
    # Cleo is busy all day
    "optional_attendees": (
        optional_visit({"cleo": busy((1, "00:00", "24:00"))}),
        None,
        {"optional_attendees": 10},
    ),
    # Ann is gone at 10:30, so at best 09:30-10:30: Ann 30 and Bob 15 if-need-be minutes
    "if_need_be": (if_need_be_visit(), None, {"if_need_be": 180}),
    # windows force a 30-minute gap
    "idle_gaps": (idle_visit(), None, {"idle_gaps": 30}),
    # parallel tracks: Ann waits 45 min while Cleo is in her track
    "idle_gaps_parallel": (staggered_tracks_visit(), None, {"idle_gaps": 45}),
    # Ann is now busy when the kickoff was: it moves, the coffee can stay
    "changes": (changes_visit({"ann": busy((1, "09:00", "10:00"))}), PREVIOUS, {"changes": 50}),
}


@pytest.mark.parametrize("term", [*TERMS, "formal_balance_parallel", "idle_gaps_parallel"])
def test_solver_pays_exactly_the_hand_computed_penalty(term: str) -> None:
    visit, previous, expected = SOLVED[term]
    result = solve_tiny(visit, previous)
    assert result.status is Status.OPTIMAL and result.schedule is not None
    assert nonzero(dict(result.terms)) == expected
    assert result.objective == sum(expected.values()) == sum(result.terms.values())
    report = Checker(visit).check(result.schedule, previous)
    assert report.violations == ()
    assert report.total_cost == result.objective
    assert set(result.terms) == set(TERMS)


def test_if_need_be_off_the_slot_grid_costs_its_exact_minutes() -> None:
    # slot 15, Ann if need be 09:05-09:20: the 09:00-10:00 meeting uses 15 of those minutes
    visit = tiny_visit(
        [ann()],
        [activity("kickoff", "Kickoff", 60, [window("09:00", "10:00")], required=("ann",))],
        free={
            "ann": availability(
                span(1, "09:05", "09:20", Level.IF_NEED_BE), default=Level.AVAILABLE
            )
        },
    )
    result = solve_tiny(visit)
    assert result.status is Status.OPTIMAL and result.schedule is not None
    assert nonzero(dict(result.terms)) == {"if_need_be": 60}
    assert result.objective == 60 == Checker(visit).check(result.schedule).total_cost
