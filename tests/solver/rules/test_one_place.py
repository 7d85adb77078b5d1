"""Rule ``one_place`` (``solver/rules/one_place.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    bob,
    cleo,
    place,
    schedule,
    tiny_visit,
)
from tests.solver.rules.helpers import (
    assert_broken,
    assert_holds,
    violation,
)
from visitplanner.domain import Visit


def two_meetings(second: tuple[str, ...] = ("ann", "cleo")) -> Visit:
    return tiny_visit(
        [ann(), bob(), cleo()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann", "bob")),
            activity("review", "Review", 60, required=second),
        ],
    )


def test_nobody_in_two_places_holds() -> None:
    assert_holds(
        two_meetings(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"]),
            place("review", 1, "10:00", "11:00", ["ann", "cleo"]),
        ),
    )


def test_nobody_in_two_places_is_broken() -> None:
    assert_broken(
        two_meetings(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"]),
            place("review", 1, "09:30", "10:30", ["ann", "cleo"]),
        ),
        [
            violation(
                "one_place",
                "Ann Archer would be in «Kickoff» (day 1 09:00-10:00) and «Review» "
                "(day 1 09:30-10:30) at the same time",
                ("kickoff", "review"),
                ("ann",),
            )
        ],
    )


def test_nobody_in_two_places_is_broken_for_two_people_at_once() -> None:
    assert_broken(
        two_meetings(("ann", "bob")),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"]),
            place("review", 1, "09:45", "10:45", ["ann", "bob"]),
        ),
        [
            violation(
                "one_place",
                "Ann Archer and Bob Brown would be in «Kickoff» (day 1 09:00-10:00) and «Review» "
                "(day 1 09:45-10:45) at the same time",
                ("kickoff", "review"),
                ("ann", "bob"),
                ("Ann Archer", "Bob Brown"),
            )
        ],
    )
