"""Rule ``interpreter_daily`` (``solver/rules/interpreter_daily.py``), holding and broken."""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    fleur,
    ivan,
    place,
    schedule,
    tiny_visit,
)
from tests.solver.rules.helpers import (
    ALL3,
    assert_broken,
    assert_holds,
    violation,
)
from visitplanner.domain import InterpreterRules, Kind, Visit


def daily_visit(review_kind: Kind = Kind.FORMAL) -> Visit:
    mixed = ("ann", "fleur")
    return tiny_visit(
        [ann(), fleur(), ivan()],
        [
            activity("kickoff", "Kickoff", 90, required=mixed, optional=("ivan",)),
            activity("review", "Review", 90, required=mixed, optional=("ivan",), kind=review_kind),
        ],
        days=2,
        interpreting=InterpreterRules(max_continuous=120, min_break=15, max_formal_per_day=120),
    )


def test_interpreter_daily_limit_holds() -> None:
    assert_holds(
        daily_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:30", ALL3), place("review", 2, "09:00", "10:30", ALL3)
        ),
    )


def test_interpreter_daily_limit_counts_only_formal_meetings() -> None:
    assert_holds(
        daily_visit(Kind.INFORMAL),
        schedule(
            place("kickoff", 1, "09:00", "10:30", ALL3), place("review", 1, "11:00", "12:30", ALL3)
        ),
    )


def test_interpreter_daily_limit_is_broken() -> None:
    assert_broken(
        daily_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:30", ALL3), place("review", 1, "11:00", "12:30", ALL3)
        ),
        [
            violation(
                "interpreter_daily",
                "Ivan Ivanov would interpret 3 h of formal meetings on day 1; the limit is 2 h",
                ("kickoff", "review"),
                ("ivan",),
            )
        ],
    )
