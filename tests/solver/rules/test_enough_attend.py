"""Rule ``enough_attend`` (``solver/rules/enough_attend.py``), holding and broken."""

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
from visitplanner.domain import Kind, MinAttendance, Visit


def lunch_visit() -> Visit:
    return tiny_visit(
        [ann(), bob(), cleo()],
        [
            activity(
                "lunch",
                "Lunch",
                60,
                kind=Kind.INFORMAL,
                optional=("ann", "bob", "cleo"),
                min_attendance=(MinAttendance(("ann", "cleo"), 2, "visitors"),),
            )
        ],
    )


def test_enough_people_attend_holds() -> None:
    assert_holds(lunch_visit(), schedule(place("lunch", 1, "12:00", "13:00", ["ann", "cleo"])))


def test_enough_people_attend_is_broken() -> None:
    assert_broken(
        lunch_visit(),
        schedule(place("lunch", 1, "12:00", "13:00", ["ann", "bob"])),
        [
            violation(
                "enough_attend", "«Lunch» has 1 of the 2 visitors; it needs at least 2", ("lunch",)
            )
        ],
    )
