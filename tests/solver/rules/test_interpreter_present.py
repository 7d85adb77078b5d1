"""Rule ``interpreter_present`` (``solver/rules/interpreter_present.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    bob,
    fleur,
    ivan,
    place,
    schedule,
    solve_tiny,
    tiny_visit,
)
from tests.solver.rules.helpers import (
    assert_broken,
    assert_holds,
    violation,
)
from visitplanner.domain import Kind, Visit
from visitplanner.solver.result import Status


def language_visit() -> Visit:
    return tiny_visit(
        [ann(), bob(), fleur(), ivan()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann", "fleur"), optional=("ivan", "bob")),
            activity(
                "lunch",
                "Lunch",
                60,
                kind=Kind.INFORMAL,
                optional=("ann", "fleur", "ivan"),
                mandatory=False,
            ),
        ],
    )


def test_interpreter_present_when_languages_differ_holds() -> None:
    assert_holds(
        language_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "fleur", "ivan"]),
            place("lunch", 1, "12:00", "13:00", ["ann"]),
        ),
    )


def test_interpreter_present_when_languages_differ_is_broken() -> None:
    assert_broken(
        language_visit(),
        schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "fleur", "bob"])),
        [
            violation(
                "interpreter_present",
                "«Kickoff» mixes people with no language in common and has no interpreter",
                ("kickoff",),
            )
        ],
    )


def test_interpreter_present_is_broken_when_optional_people_mix_languages() -> None:
    assert_broken(
        language_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "fleur", "ivan"]),
            place("lunch", 1, "12:00", "13:00", ["ann", "fleur"]),
        ),
        [
            violation(
                "interpreter_present",
                "«Lunch» mixes people with no language in common and has no interpreter",
                ("lunch",),
            )
        ],
    )


def test_a_must_happen_meeting_with_no_interpreter_invited_is_explained() -> None:
    visit = tiny_visit(
        [ann(), fleur(), ivan()], [activity("k", "Kickoff", 60, required=("ann", "fleur"))]
    )
    result = solve_tiny(visit)
    assert result.status is Status.INFEASIBLE
    assert result.explanation == (
        "«Kickoff» mixes people with no language in common, but no interpreter is invited to it",
    )
