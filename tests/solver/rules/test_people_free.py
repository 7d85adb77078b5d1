"""Rule ``people_free`` (``solver/rules/people_free.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    availability,
    bob,
    busy,
    place,
    schedule,
    span,
    tiny_visit,
)
from tests.solver.rules.helpers import (
    assert_broken,
    assert_holds,
    violation,
)
from visitplanner.domain import Level, Visit


def free_visit() -> Visit:
    return tiny_visit(
        [ann(), bob()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann", "bob")),
            activity("review", "Review", 60, required=("bob",), optional=("ann",)),
        ],
        free={"ann": busy((1, "10:00", "11:00"))},
    )


def test_required_people_available_holds() -> None:
    assert_holds(
        free_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"]),
            place("review", 1, "11:00", "12:00", ["bob", "ann"]),
        ),
    )


def test_required_people_available_is_broken_for_a_required_person() -> None:
    assert_broken(
        free_visit(),
        schedule(
            place("kickoff", 1, "10:30", "11:30", ["ann", "bob"]),
            place("review", 1, "12:00", "13:00", ["bob"]),
        ),
        [
            violation(
                "people_free",
                "Ann Archer is busy 10:00-11:00 («Kickoff» is at day 1 10:30-11:30)",
                ("kickoff",),
                ("ann",),
            )
        ],
    )


def test_required_people_available_is_broken_for_an_optional_person() -> None:
    assert_broken(
        free_visit(),
        schedule(
            place("kickoff", 1, "13:00", "14:00", ["ann", "bob"]),
            place("review", 1, "09:15", "10:15", ["bob", "ann"]),
        ),
        [
            violation(
                "people_free",
                "Ann Archer is busy 10:00-11:00 («Review» is at day 1 09:15-10:15)",
                ("review",),
                ("ann",),
            )
        ],
    )


def test_if_need_be_time_is_not_busy_time() -> None:
    visit = tiny_visit(
        [ann(), bob()],
        [activity("kickoff", "Kickoff", 60, required=("ann", "bob"))],
        free={"ann": availability(span(1, "09:00", "10:00", Level.IF_NEED_BE))},
    )
    assert_holds(visit, schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"])))
