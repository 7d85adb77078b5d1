"""Two interpreters taking turns (relay), in rules ``interpreter_present``,
``interpreter_breaks`` and ``interpreter_daily``: holding and broken."""

from __future__ import annotations

from dataclasses import replace

from tests.solver.builders import (
    activity,
    ann,
    busy,
    fleur,
    ivan,
    model_status,
    person,
    pinned,
    place,
    schedule,
    solve_tiny,
    tiny_visit,
    window,
)
from tests.solver.rules.helpers import (
    assert_broken,
    assert_holds,
    violation,
)
from visitplanner.domain import InterpreterRules, Participant, Side, Visit
from visitplanner.solver.checker import Checker
from visitplanner.solver.result import Status

MIXED = ("ann", "fleur")
PAIR = ["ann", "fleur", "ivan", "iris"]
SOLO = ["ann", "fleur", "ivan"]


def iris() -> Participant:
    """Iris Imbert, a second French/English interpreter."""
    return person("iris", "Iris Imbert", Side.INTERPRETER, ("en", "fr"))


def relay_visit(long: int = 150, interpreters: int = 1, second: bool = True) -> Visit:
    """A long meeting both interpreters may join, then one only Ivan may interpret."""
    kickoff = replace(
        activity(
            "kickoff", "Kickoff", long, required=MIXED, optional=("ivan", "iris")[: 1 + second]
        ),
        interpreters=interpreters,
    )
    review = activity("review", "Review", 90, required=MIXED, optional=("ivan",))
    return tiny_visit(
        [ann(), fleur(), ivan(), *([iris()] if second else [])],
        [kickoff, review],
        slot=5,
        interpreting=InterpreterRules(max_continuous=120, min_break=15, max_formal_per_day=360),
    )


# --- the issue's case: a 150-minute meeting with two free interpreters ----------------


def test_a_long_meeting_with_two_interpreters_taking_turns_holds() -> None:
    assert_holds(
        relay_visit(),
        schedule(
            place("kickoff", 1, "09:00", "11:30", PAIR),
            place("review", 1, "11:45", "13:15", SOLO),
        ),
    )


def test_the_solver_brings_the_second_interpreter_to_a_long_meeting() -> None:
    result = solve_tiny(relay_visit())
    assert result.status is Status.OPTIMAL and result.schedule is not None
    kickoff = next(p for p in result.schedule if p.key == "kickoff")
    assert {"ivan", "iris"} <= set(kickoff.attendees)


def test_a_long_meeting_with_one_interpreter_is_explained_as_impossible() -> None:
    result = solve_tiny(relay_visit(second=False))
    assert result.status is Status.INFEASIBLE
    assert result.explanation == (
        "«Kickoff» (2 h 30 min) is longer than an interpreter may work without a break "
        "(2 h); 2 interpreters taking turns could cover it, but only one is invited to it",
    )


def issue_visit(interpreters: tuple[Participant, ...]) -> Visit:
    """The issue's case: a 150-minute formal meeting, no common language, 90-minute stretch."""
    meeting = activity(
        "meeting", "Meeting", 150, required=MIXED, optional=tuple(p.id for p in interpreters)
    )
    return tiny_visit(
        [ann(), fleur(), *interpreters],
        [meeting],
        slot=5,
        interpreting=InterpreterRules(max_continuous=90, min_break=15, max_formal_per_day=360),
    )


def test_the_issues_meeting_with_two_free_interpreters_is_held_in_relay() -> None:
    visit = issue_visit((ivan(), iris()))
    result = solve_tiny(visit)
    assert result.status is Status.OPTIMAL and result.schedule is not None
    (meeting,) = result.schedule
    assert meeting.length == 150 and {"ivan", "iris"} <= set(meeting.attendees)
    assert Checker(visit).check(result.schedule).violations == ()


def test_the_issues_meeting_with_one_interpreter_is_explained_as_impossible() -> None:
    visit = issue_visit((ivan(),))
    result = solve_tiny(visit)
    assert result.status is Status.INFEASIBLE
    assert result.explanation == (
        "«Meeting» (2 h 30 min) is longer than an interpreter may work without a break "
        "(1 h 30 min); 2 interpreters taking turns could cover it, but only one is invited to it",
    )
    alone = schedule(place("meeting", 1, "09:00", "11:30", SOLO))
    assert model_status(visit, alone) == "INFEASIBLE"


def test_a_meeting_longer_than_two_interpreters_can_cover_is_explained() -> None:
    visit = issue_visit((ivan(), iris()))
    visit = replace(
        visit, activities=(replace(visit.activities[0], min_length=195, max_length=195),)
    )
    result = solve_tiny(visit)
    assert result.status is Status.INFEASIBLE
    assert result.explanation == (
        "«Meeting» (3 h 15 min) is longer than 2 interpreters taking turns may cover without "
        "a break (3 h)",
    )


def test_relay_without_a_break_before_the_next_meeting_is_broken() -> None:
    assert_broken(
        relay_visit(),
        schedule(
            place("kickoff", 1, "09:00", "11:30", PAIR),
            place("review", 1, "11:35", "13:05", SOLO),
        ),
        [
            violation(
                "interpreter_breaks",
                "Ivan Ivanov takes turns at «Kickoff» and needs a 15-minute break before and "
                "after it, but also interprets «Review» (day 1)",
                ("kickoff", "review"),
                ("ivan",),
            )
        ],
    )


def test_relay_longer_than_twice_the_stretch_is_broken() -> None:
    assert_broken(
        relay_visit(long=270),
        schedule(
            place("kickoff", 1, "09:00", "13:30", PAIR),
            place("review", 1, "14:00", "15:30", SOLO),
        ),
        [
            violation(
                "interpreter_breaks",
                f"{name} would interpret 4 h 30 min without a 15-minute break "
                "(«Kickoff», day 1 from 09:00); the limit is 4 h",
                ("kickoff",),
                (pid,),
            )
            for pid, name in (("ivan", "Ivan Ivanov"), ("iris", "Iris Imbert"))
        ],
    )


# --- an activity that asks for two interpreters -----------------------------------------


def test_two_interpreters_asked_for_and_there_holds() -> None:
    assert_holds(
        relay_visit(long=60, interpreters=2),
        schedule(
            place("kickoff", 1, "09:00", "10:00", PAIR),
            place("review", 1, "10:15", "11:45", SOLO),
        ),
    )


def test_two_interpreters_asked_for_and_one_there_is_broken() -> None:
    assert_broken(
        relay_visit(long=60, interpreters=2),
        schedule(
            place("kickoff", 1, "09:00", "10:00", SOLO),
            place("review", 1, "10:15", "11:45", SOLO),
        ),
        [
            violation(
                "interpreter_present",
                "«Kickoff» mixes people with no language in common and needs 2 interpreters; "
                "1 is there",
                ("kickoff",),
            )
        ],
    )


def test_two_interpreters_asked_for_and_one_invited_is_explained() -> None:
    result = solve_tiny(relay_visit(long=60, interpreters=2, second=False))
    assert result.status is Status.INFEASIBLE
    assert result.explanation == (
        "«Kickoff» needs 2 interpreters taking turns, but only 1 is invited to it",
    )


def test_two_interpreters_asked_for_and_none_invited_is_explained() -> None:
    visit = relay_visit(long=60, interpreters=2)
    kickoff = replace(visit.activities[0], optional=())
    result = solve_tiny(replace(visit, activities=(kickoff, visit.activities[1])))
    assert result.status is Status.INFEASIBLE
    assert result.explanation == (
        "«Kickoff» needs 2 interpreters taking turns, but none is invited to it",
    )


def test_two_interpreters_asked_for_and_one_free_is_explained() -> None:
    # both are invited, but Iris is away all day: the model's explanation names the need
    visit = relay_visit(long=60, interpreters=2)
    away = {**visit.availability, "iris": busy((1, "07:00", "19:00"))}
    visit = replace(visit, availability=away)
    result = solve_tiny(visit)
    assert result.status is Status.INFEASIBLE
    assert result.explanation[:2] == (
        "Iris Imbert is never free when «Kickoff» could take place",
        "«Kickoff» needs 2 interpreters taking turns",
    )


# --- the daily limit: each of a pair is credited half --------------------------------


def daily_relay_visit() -> Visit:
    return replace(
        relay_visit(long=90, interpreters=2),
        interpreter_rules=InterpreterRules(max_continuous=120, min_break=15, max_formal_per_day=60),
    )


def test_relay_counts_half_towards_the_daily_limit() -> None:
    # 90 minutes in relay: 45 each, under the 60-minute limit
    visit = replace(daily_relay_visit(), activities=daily_relay_visit().activities[:1])
    assert_holds(visit, schedule(place("kickoff", 1, "09:00", "10:30", PAIR)))


def test_solo_formal_interpreting_over_the_daily_limit_is_broken() -> None:
    visit = replace(
        daily_relay_visit(),
        activities=(replace(daily_relay_visit().activities[0], interpreters=1),),
    )
    assert_broken(
        visit,
        schedule(place("kickoff", 1, "09:00", "10:30", SOLO)),
        [
            violation(
                "interpreter_daily",
                "Ivan Ivanov would interpret 1 h 30 min of formal meetings on day 1; "
                "the limit is 1 h",
                ("kickoff",),
                ("ivan",),
            )
        ],
    )


# --- pinned: a pin keeps time and venue, so a second interpreter may still join ----------


def test_a_pinned_long_meeting_in_relay_solves_again() -> None:
    visit = relay_visit(long=150)
    kickoff = replace(visit.activities[0], required=(*MIXED, "ivan"), optional=("iris",))
    visit = replace(visit, activities=(kickoff, visit.activities[1]))
    first = solve_tiny(visit)
    assert first.status is Status.OPTIMAL and first.schedule is not None
    again = solve_tiny(visit, pinned(first.schedule))
    assert again.status is Status.OPTIMAL and again.schedule is not None
    held = next(p for p in again.schedule if p.key == "kickoff")
    assert {"ivan", "iris"} <= set(held.attendees)


def test_a_pinned_long_meeting_no_second_interpreter_may_join_is_explained() -> None:
    visit = relay_visit(long=150, second=False)
    kickoff = replace(visit.activities[0], required=(*MIXED, "ivan"), optional=())
    visit = replace(visit, activities=(kickoff,))
    result = solve_tiny(visit, pinned(schedule(place("kickoff", 1, "09:00", "11:30", SOLO))))
    assert result.status is Status.INFEASIBLE
    assert result.explanation[-1] == (
        "A pinned activity breaks a rule (The interpreter gets a break after each long "
        "stretch): Ivan Ivanov would interpret 2 h 30 min without a 15-minute break "
        "(«Kickoff», day 1 from 09:00); the limit is 2 h"
    )


def test_two_meetings_in_relay_without_room_for_the_break_are_explained() -> None:
    # two 150-minute meetings in a 5 h 10 min window: back to back they leave no break
    visit = relay_visit()
    morning = (window("09:00", "14:10"),)
    meetings = tuple(
        replace(visit.activities[0], id=aid, title=title, windows=morning)
        for aid, title in (("kickoff", "Kickoff"), ("wrapup", "Wrap-up"))
    )
    result = solve_tiny(replace(visit, activities=meetings))
    assert result.status is Status.INFEASIBLE
    assert (
        "Ivan Ivanov may interpret at most 2 h without a 15-minute break (4 h taking turns "
        "with another interpreter, with the break before and after)"
    ) in result.explanation
