"""Rule ``interpreter_breaks`` (``solver/rules/interpreter_breaks.py``), holding and broken."""

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
from visitplanner.domain import Kind, Visit


def breaks_visit(first: int = 90) -> Visit:
    mixed = ("ann", "fleur")
    return tiny_visit(
        [ann(), fleur(), ivan()],
        [
            activity("kickoff", "Kickoff", first, required=mixed, optional=("ivan",)),
            activity("review", "Review", 90, required=mixed, optional=("ivan",)),
            activity(
                "chat", "Chat", 30, kind=Kind.INFORMAL, optional=("ann", "ivan"), mandatory=False
            ),
        ],
        slot=5,
    )


def test_interpreter_gets_breaks_holds() -> None:
    assert_holds(
        breaks_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:30", ALL3), place("review", 1, "10:45", "12:15", ALL3)
        ),
    )


def test_interpreter_gets_breaks_holds_when_english_only_time_is_between() -> None:
    assert_holds(
        breaks_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:30", ALL3),
            place("chat", 1, "10:30", "11:00", ["ann", "ivan"]),
            place("review", 1, "11:00", "12:30", ALL3),
        ),
    )


def test_interpreter_gets_breaks_is_broken_by_a_short_pause() -> None:
    assert_broken(
        breaks_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:30", ALL3), place("review", 1, "10:40", "12:10", ALL3)
        ),
        [
            violation(
                "interpreter_breaks",
                "Ivan Ivanov would interpret 3 h 10 min without a 15-minute break "
                "(«Kickoff» and «Review», day 1 from 09:00); the limit is 2 h",
                ("kickoff", "review"),
                ("ivan",),
            )
        ],
    )


def test_interpreter_gets_breaks_is_broken_by_one_long_meeting() -> None:
    visit = breaks_visit(first=150)
    assert_broken(
        visit,
        schedule(
            place("kickoff", 1, "09:00", "11:30", ALL3), place("review", 1, "14:00", "15:30", ALL3)
        ),
        [
            violation(
                "interpreter_breaks",
                "Ivan Ivanov would interpret 2 h 30 min without a 15-minute break "
                "(«Kickoff», day 1 from 09:00); the limit is 2 h",
                ("kickoff",),
                ("ivan",),
            )
        ],
    )
