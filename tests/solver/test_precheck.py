"""Pre-checks: the commonest impossible visits explained in words before solving."""

from __future__ import annotations

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
from visitplanner.domain import Schedule, Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.precheck import can_fit, precheck
from visitplanner.solver.result import Status

MORNING = [window("09:00", "12:00", 1)]


def reasons(visit: Visit, previous: Schedule | None = None) -> tuple[str, ...]:
    return precheck(VisitIndex(visit), previous)


def test_a_visit_that_fits_has_no_reasons() -> None:
    visit = tiny_visit(
        [ann(), bob()], [activity("k", "Kickoff", 60, MORNING, required=("ann", "bob"))]
    )
    assert reasons(visit) == ()
    index = VisitIndex(visit)
    assert can_fit(index, index.occurrences[0], ["ann", "bob"])


def test_an_activity_longer_than_its_window() -> None:
    visit = tiny_visit(
        [ann()], [activity("k", "Kickoff", 90, [window("09:00", "10:00", 1)], required=("ann",))]
    )
    assert reasons(visit) == (
        "«Kickoff» (1 h 30 min) does not fit in its window (day 1 09:00-10:00)",
    )
    result = solve_tiny(visit)
    assert result.status is Status.INFEASIBLE and result.explanation == reasons(visit)


def test_a_required_person_never_free_long_enough() -> None:
    visit = tiny_visit(
        [ann(), bob()],
        [activity("k", "Kickoff", 60, MORNING, required=("ann", "bob"))],
        free={"ann": busy((1, "09:30", "12:00"))},
    )
    assert reasons(visit) == (
        "«Kickoff» (1 h) cannot take place: Ann Archer is not free for 1 h at any time it "
        "could happen (day 1 09:00-12:00)",
    )


def test_two_people_free_at_different_times() -> None:
    visit = tiny_visit(
        [ann(), bob()],
        [activity("k", "Kickoff", 60, MORNING, required=("ann", "bob"))],
        free={
            "ann": availability(span(1, "09:00", "10:00")),
            "bob": availability(span(1, "10:00", "12:00")),
        },
    )
    assert reasons(visit) == (
        "«Kickoff» (1 h) cannot take place: Ann Archer is free only on day 1 (Tue 16 Mar) "
        "09:00-10:00, and Bob Brown is free on day 1 (Tue 16 Mar) only from 10:00",
    )
    index = VisitIndex(visit)
    assert not can_fit(index, index.occurrences[0], ["ann", "bob"])
    assert can_fit(index, index.occurrences[0], ["bob"])


def test_three_people_pairwise_free_but_never_all_together() -> None:
    visit = tiny_visit(
        [ann(), bob(), cleo()],
        [activity("k", "Kickoff", 60, MORNING, required=("ann", "bob", "cleo"))],
        free={
            "ann": availability(span(1, "09:00", "11:00")),
            "bob": availability(span(1, "10:00", "12:00")),
            "cleo": availability(span(1, "09:00", "10:00"), span(1, "11:00", "12:00")),
        },
    )
    assert reasons(visit) == (
        "«Kickoff» (1 h) cannot take place: the calendars of Ann Archer, Bob Brown, Cleo Clark "
        "leave no common 1 h in its window (day 1 09:00-12:00)",
    )


def test_activities_that_need_not_happen_are_not_reasons() -> None:
    visit = tiny_visit(
        [ann(), bob()],
        [activity("k", "Kickoff", 60, MORNING, required=("ann", "bob"), mandatory=False)],
        free={"ann": busy((1, "09:00", "12:00"))},
    )
    assert reasons(visit) == ()
    result = solve_tiny(visit)
    assert result.status is Status.OPTIMAL and result.schedule is not None
    assert len(result.schedule) == 0


def test_a_pinned_placement_that_breaks_a_rule() -> None:
    visit = tiny_visit([ann(), bob()], [activity("k", "Kickoff", 60, required=("ann", "bob"))])
    pinned = schedule(place("k", 1, "08:00", "09:00", ["ann", "bob"], pinned=True))
    assert reasons(visit, pinned) == (
        "A pinned activity breaks a rule (Each activity keeps to its time window and length): "
        "«Kickoff» at day 1 08:00-09:00 is outside its window (day 1 09:00-17:00)",
    )
    # the same placement, not pinned, is only a starting point
    assert reasons(visit, schedule(place("k", 1, "08:00", "09:00", ["ann", "bob"]))) == ()


def test_a_length_that_is_no_whole_number_of_slots() -> None:
    visit = tiny_visit(
        [ann()], [activity("k", "Kickoff", 50, max_length=55, required=("ann",))], slot=15
    )
    assert reasons(visit) == (
        "«Kickoff» (50 min) cannot take place: no length from 50 min to 55 min is a whole "
        "number of 15-minute steps",
    )
    assert solve_tiny(visit).status is Status.INFEASIBLE
    fixed = tiny_visit([ann()], [activity("k", "Kickoff", 50, required=("ann",))], slot=5)
    assert reasons(fixed) == ()
    result = solve_tiny(fixed)
    assert result.schedule is not None and result.schedule.placements[0].length == 50


def test_an_optional_length_off_the_slot_grid_is_dropped_not_stretched() -> None:
    visit = tiny_visit(
        [ann()], [activity("k", "Kickoff", 50, required=("ann",), mandatory=False)], slot=15
    )
    result = solve_tiny(visit)
    assert result.status is Status.OPTIMAL and result.schedule is not None
    assert len(result.schedule) == 0
