"""Rule ``travel_time`` (``solver/rules/travel_time.py``), holding and broken."""

from __future__ import annotations

from dataclasses import replace

from tests.solver.builders import (
    place,
    schedule,
    window,
)
from tests.solver.rules.helpers import (
    assert_broken,
    assert_holds,
    travel_visit,
    violation,
)
from visitplanner.domain import Visit
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.build import build_model
from visitplanner.solver.rules import travel_time, within_windows


def test_travel_time_between_venues_holds() -> None:
    assert_holds(
        travel_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], "hotel"),
            place("review", 1, "10:30", "11:30", ["ann", "cleo"], "hall"),
        ),
    )


def test_travel_time_between_venues_is_broken() -> None:
    assert_broken(
        travel_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], "hotel"),
            place("review", 1, "10:15", "11:15", ["ann", "cleo"], "hall"),
        ),
        [
            violation(
                "travel_time",
                "Ann Archer: «Kickoff» ends at 10:00 at Hotel Lumière and «Review» starts at "
                "10:15 at City Hall; the journey takes 30 min",
                ("kickoff", "review"),
                ("ann",),
            )
        ],
    )


def test_travel_time_is_broken_in_the_other_direction_too() -> None:
    assert_broken(
        travel_visit(),
        schedule(
            place("review", 1, "09:00", "10:00", ["ann", "cleo"], "hall"),
            place("kickoff", 1, "10:15", "11:15", ["ann", "bob"], "hotel"),
        ),
        [
            violation(
                "travel_time",
                "Ann Archer: «Review» ends at 10:00 at City Hall and «Kickoff» starts at "
                "10:15 at Hotel Lumière; the journey takes 30 min",
                ("review", "kickoff"),
                ("ann",),
            )
        ],
    )


def _travel_constraints(visit: Visit) -> int:
    """How many constraints the travel rule posts for ``visit``."""
    ctx = build_model(VisitIndex(visit), None, rules=[within_windows.RULE])
    before = len(ctx.model.proto.constraints)
    travel_time.RULE.post(ctx)
    return len(ctx.model.proto.constraints) - before


def test_activities_that_may_come_close_get_travel_constraints() -> None:
    morning = replace(
        travel_visit(),
        activities=tuple(
            replace(a, windows=(window("09:00", "12:00", 1),)) for a in travel_visit().activities
        ),
    )
    assert _travel_constraints(morning) == 4  # a journey each way, and their order


def test_activities_kept_further_apart_than_the_journey_get_none() -> None:
    # the kickoff ends by 10:00, the review starts at 10:30 or later: 30 min is enough
    kickoff, review = travel_visit().activities
    apart = replace(
        travel_visit(),
        activities=(
            replace(kickoff, windows=(window("09:00", "10:00", 1),)),
            replace(review, windows=(window("10:30", "12:00", 1),)),
        ),
    )
    assert _travel_constraints(apart) == 0
    # 15 minutes closer, and they need the rule again
    closer = replace(
        apart,
        activities=(apart.activities[0], replace(review, windows=(window("10:15", "12:00", 1),))),
    )
    assert _travel_constraints(closer) == 4
