"""Rule ``required_attend`` (``solver/rules/required_attend.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    bob,
    cleo,
    dora,
    place,
    schedule,
    tiny_visit,
)
from tests.solver.rules.helpers import (
    assert_broken_attendance,
    assert_holds,
    violation,
)
from visitplanner.domain import Visit


def attend_visit() -> Visit:
    return tiny_visit(
        [ann(), bob(), cleo(), dora()],
        [activity("kickoff", "Kickoff", 60, required=("ann", "bob"), optional=("cleo",))],
    )


def test_required_people_attend_holds() -> None:
    assert_holds(attend_visit(), schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"])))
    assert_holds(
        attend_visit(), schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob", "cleo"]))
    )


def test_required_people_attend_is_broken_by_an_absentee() -> None:
    assert_broken_attendance(
        attend_visit(),
        schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "cleo"])),
        [violation("required_attend", "Bob Brown must attend «Kickoff»", ("kickoff",), ("bob",))],
    )


def test_required_people_attend_is_broken_by_someone_not_invited() -> None:
    assert_broken_attendance(
        attend_visit(),
        schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob", "dora"])),
        [
            violation(
                "required_attend", "Dora Dahl is not invited to «Kickoff»", ("kickoff",), ("dora",)
            )
        ],
    )
