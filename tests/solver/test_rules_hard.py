"""Each hard rule, holding and broken, on a tiny visit: checker and solver agree.

A holding schedule passes the checker, and pinned in full it comes back from
``solve`` unchanged with the checker's cost as objective. A broken schedule
gives the exact violation, and pinned in full it is infeasible, both through
``solve`` (whose pre-checks reject it) and in the CP-SAT model alone.
"""

from __future__ import annotations

from tests.solver.builders import (
    activity,
    ann,
    availability,
    bob,
    busy,
    cleo,
    dora,
    fleur,
    ivan,
    model_status,
    place,
    schedule,
    solve_pinned,
    solve_tiny,
    span,
    tiny_visit,
    window,
)
from visitplanner.domain import InterpreterRules, Kind, Level, MinAttendance, Schedule, Venue, Visit
from visitplanner.solver.checker import Checker, Violation
from visitplanner.solver.result import Status
from visitplanner.solver.rules import hard_rules

LABELS = {r.name: r.label for r in hard_rules()}


def violation(
    rule: str, message: str, keys: tuple[str, ...], people: tuple[str, ...] = ()
) -> Violation:
    """The violation we expect, labelled as the catalogue labels it."""
    return Violation(rule, LABELS[rule], message, keys, people)


def _facts(sched: Schedule) -> set[tuple[object, ...]]:
    return {(p.key, p.day, p.start, p.end, p.venue, frozenset(p.attendees)) for p in sched}


def assert_holds(visit: Visit, sched: Schedule) -> None:
    """No violation; pinned, the solver keeps it and scores it as the checker does."""
    report = Checker(visit).check(sched)
    assert report.violations == ()
    result = solve_pinned(visit, sched)
    assert result.status is Status.OPTIMAL
    assert result.schedule is not None
    assert _facts(result.schedule) == _facts(sched)
    assert result.objective == report.total_cost
    assert model_status(visit, sched) == "OPTIMAL"


def assert_broken(visit: Visit, sched: Schedule, expected: list[Violation]) -> None:
    """Exactly ``expected``; pinned, no schedule exists (with and without pre-checks)."""
    assert list(Checker(visit).check(sched).violations) == expected
    result = solve_pinned(visit, sched)
    assert result.status is Status.INFEASIBLE
    assert result.schedule is None
    assert result.explanation
    assert model_status(visit, sched) == "INFEASIBLE"


def test_rule_catalogue_names_and_order() -> None:
    assert list(LABELS) == [
        "activities_held",
        "within_windows",
        "required_attend",
        "people_free",
        "one_place",
        "travel_time",
        "venue_allowed",
        "venue_capacity",
        "enough_attend",
        "interpreter_present",
        "interpreter_breaks",
        "interpreter_daily",
        "pinned_stay",
    ]
    assert all(label and label[0].isupper() for label in LABELS.values())


# --- activities_held -------------------------------------------------------------


def held_visit(kickoff_window: str = "09:00-17:00") -> Visit:
    a, b = kickoff_window.split("-")
    return tiny_visit(
        [ann(), bob()],
        [
            activity("kickoff", "Kickoff", 60, [window(a, b)], required=("ann", "bob")),
            activity(
                "coffee", "Coffee", 30, kind=Kind.INFORMAL, optional=("ann",), mandatory=False
            ),
        ],
    )


def test_activities_held_holds() -> None:
    assert_holds(held_visit(), schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"])))


def test_activities_held_is_broken_by_a_missing_activity() -> None:
    assert Checker(held_visit()).check(Schedule()).violations == (
        violation("activities_held", "«Kickoff» is not in the programme", ("kickoff",)),
    )


def test_activities_held_is_broken_by_a_duplicate_or_unknown_activity() -> None:
    sched = schedule(
        place("kickoff", 1, "09:00", "10:00", ["ann", "bob"]),
        place("kickoff", 1, "11:00", "12:00", ["ann", "bob"]),
        place("ghost", 1, "13:00", "14:00", []),
    )
    assert list(Checker(held_visit()).check(sched).violations) == [
        violation("activities_held", "«Kickoff» is in the programme twice", ("kickoff",)),
        violation("activities_held", "'ghost' is not an activity of this visit", ("ghost",)),
    ]


def test_activities_held_solver_holds_mandatory_and_drops_what_cannot_fit() -> None:
    visit = tiny_visit(
        [ann(), bob()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann", "bob")),
            activity(
                "coffee",
                "Coffee",
                30,
                [window("07:00", "08:00")],
                kind=Kind.INFORMAL,
                required=("ann",),
                mandatory=False,
            ),
        ],
        free={"ann": busy((1, "07:00", "08:00"))},
    )
    result = solve_tiny(visit)
    assert result.status is Status.OPTIMAL and result.schedule is not None
    assert [p.key for p in result.schedule] == ["kickoff"]


def test_activities_held_is_broken_when_a_mandatory_activity_cannot_fit() -> None:
    visit = held_visit("09:00-09:30")
    result = solve_tiny(visit)
    assert result.status is Status.INFEASIBLE
    assert model_status(visit, Schedule()) == "INFEASIBLE"


# --- within_windows --------------------------------------------------------------


def window_visit() -> Visit:
    return tiny_visit(
        [ann(), bob()],
        [
            activity(
                "kickoff",
                "Kickoff",
                60,
                [window("09:00", "12:00", day=1)],
                max_length=90,
                required=("ann", "bob"),
            )
        ],
        days=2,
    )


def test_activity_within_its_window_holds() -> None:
    assert_holds(window_visit(), schedule(place("kickoff", 1, "10:30", "12:00", ["ann", "bob"])))


def test_activity_within_its_window_is_broken_by_running_late() -> None:
    assert_broken(
        window_visit(),
        schedule(place("kickoff", 1, "11:30", "12:30", ["ann", "bob"])),
        [
            violation(
                "within_windows",
                "«Kickoff» at day 1 11:30-12:30 is outside its window (day 1 09:00-12:00)",
                ("kickoff",),
            )
        ],
    )


def test_activity_within_its_window_is_broken_on_another_day() -> None:
    assert_broken(
        window_visit(),
        schedule(place("kickoff", 2, "09:00", "10:00", ["ann", "bob"])),
        [
            violation(
                "within_windows",
                "«Kickoff» at day 2 09:00-10:00 is outside its window (day 1 09:00-12:00)",
                ("kickoff",),
            )
        ],
    )


def test_activity_length_is_broken_when_too_short_or_long() -> None:
    assert_broken(
        window_visit(),
        schedule(place("kickoff", 1, "09:00", "09:30", ["ann", "bob"])),
        [
            violation(
                "within_windows",
                "«Kickoff» lasts 30 min; it should last 1 h to 1 h 30 min",
                ("kickoff",),
            )
        ],
    )
    assert_broken(
        window_visit(),
        schedule(place("kickoff", 1, "09:00", "11:00", ["ann", "bob"])),
        [
            violation(
                "within_windows",
                "«Kickoff» lasts 2 h; it should last 1 h to 1 h 30 min",
                ("kickoff",),
            )
        ],
    )


# --- required_attend -------------------------------------------------------------


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
    assert_broken(
        attend_visit(),
        schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "cleo"])),
        [violation("required_attend", "Bob Brown must attend «Kickoff»", ("kickoff",), ("bob",))],
    )


def test_required_people_attend_is_broken_by_someone_not_invited() -> None:
    assert_broken(
        attend_visit(),
        schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob", "dora"])),
        [
            violation(
                "required_attend", "Dora Dahl is not invited to «Kickoff»", ("kickoff",), ("dora",)
            )
        ],
    )


# --- people_free ------------------------------------------------------------------


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
                "Ann Archer is not free for «Kickoff» at day 1 10:30-11:30 (busy 10:00-11:00)",
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
                "Ann Archer is not free for «Review» at day 1 09:15-10:15 (busy 10:00-11:00)",
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


# --- one_place -------------------------------------------------------------------


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
                "Ann Archer, Bob Brown would be in «Kickoff» (day 1 09:00-10:00) and «Review» "
                "(day 1 09:45-10:45) at the same time",
                ("kickoff", "review"),
                ("ann", "bob"),
            )
        ],
    )


# --- travel_time -----------------------------------------------------------------

HOTEL = Venue("hotel", "Hotel Lumière")
HALL = Venue("hall", "City Hall")
CAFE = Venue("cafe", "Café de la Gare", shared=True)


def travel_visit() -> Visit:
    return tiny_visit(
        [ann(), bob(), cleo()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann", "bob"), venues=("hotel",)),
            activity("review", "Review", 60, required=("ann", "cleo"), venues=("hall",)),
        ],
        venues=(HOTEL, HALL),
        travel={("hotel", "hall"): 30},
    )


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


# --- venue_allowed ---------------------------------------------------------------


def test_activity_at_one_of_its_venues_holds() -> None:
    assert_holds(
        travel_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], "hotel"),
            place("review", 1, "10:30", "11:30", ["ann", "cleo"], "hall"),
        ),
    )


def test_activity_at_one_of_its_venues_is_broken_by_another_venue() -> None:
    assert_broken(
        travel_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], "hall"),
            place("review", 1, "10:00", "11:00", ["ann", "cleo"], "hall"),
        ),
        [
            violation(
                "venue_allowed",
                "«Kickoff» is at City Hall; it should be at Hotel Lumière",
                ("kickoff",),
            )
        ],
    )


def test_activity_at_one_of_its_venues_is_broken_by_no_venue() -> None:
    visit = tiny_visit(
        [ann()], [activity("kickoff", "Kickoff", 60, required=("ann",))], venues=(HOTEL, HALL)
    )
    assert_holds(visit, schedule(place("kickoff", 1, "09:00", "10:00", ["ann"], "hall")))
    assert_broken(
        visit,
        schedule(place("kickoff", 1, "09:00", "10:00", ["ann"])),
        [
            violation(
                "venue_allowed",
                "«Kickoff» has no venue; it should be at Hotel Lumière or City Hall",
                ("kickoff",),
            )
        ],
    )


def test_activity_at_one_of_its_venues_is_broken_when_the_visit_has_none() -> None:
    visit = tiny_visit([ann()], [activity("kickoff", "Kickoff", 60, required=("ann",))])
    assert_broken(
        visit,
        schedule(place("kickoff", 1, "09:00", "10:00", ["ann"], "attic")),
        [
            violation(
                "venue_allowed", "«Kickoff» is at attic; this visit has no venues", ("kickoff",)
            )
        ],
    )


# --- venue_capacity --------------------------------------------------------------


def venue_visit() -> Visit:
    return tiny_visit(
        [ann(), bob()],
        [
            activity("kickoff", "Kickoff", 60, required=("ann",), venues=("hall", "cafe")),
            activity("review", "Review", 60, required=("bob",), venues=("hall", "cafe")),
        ],
        venues=(HALL, CAFE),
    )


def test_venue_hosts_one_activity_at_a_time_holds() -> None:
    assert_holds(
        venue_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann"], "hall"),
            place("review", 1, "10:00", "11:00", ["bob"], "hall"),
        ),
    )


def test_shared_venue_hosts_several_activities_holds() -> None:
    assert_holds(
        venue_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann"], "cafe"),
            place("review", 1, "09:30", "10:30", ["bob"], "cafe"),
        ),
    )


def test_venue_hosts_one_activity_at_a_time_is_broken() -> None:
    assert_broken(
        venue_visit(),
        schedule(
            place("kickoff", 1, "09:00", "10:00", ["ann"], "hall"),
            place("review", 1, "09:30", "10:30", ["bob"], "hall"),
        ),
        [
            violation(
                "venue_capacity",
                "City Hall hosts «Kickoff» and «Review» at the same time",
                ("kickoff", "review"),
            )
        ],
    )


# --- enough_attend ----------------------------------------------------------------


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


# --- interpreter_present ----------------------------------------------------------


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


# --- interpreter_breaks -----------------------------------------------------------


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


ALL3 = ["ann", "fleur", "ivan"]


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


# --- interpreter_daily -----------------------------------------------------------


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


# --- pinned_stay -----------------------------------------------------------------


def pin_visit() -> Visit:
    return tiny_visit(
        [ann(), bob()],
        [activity("kickoff", "Kickoff", 60, required=("ann", "bob"))],
        free={
            "ann": availability(
                span(1, "09:00", "10:00", Level.IF_NEED_BE), span(1, "10:00", "17:00")
            )
        },
    )


def test_pinned_activities_stay_put_holds() -> None:
    previous = schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], pinned=True))
    report = Checker(pin_visit()).check(
        schedule(place("kickoff", 1, "09:00", "10:00", ["bob", "ann"])), previous
    )
    assert report.violations == ()


def test_pinned_activities_stay_put_is_broken() -> None:
    previous = schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], pinned=True))
    moved = schedule(place("kickoff", 1, "10:00", "11:00", ["ann", "bob"]))
    assert Checker(pin_visit()).check(moved, previous).violations == (
        violation(
            "pinned_stay",
            "«Kickoff» is pinned at day 1 09:00-10:00 but has been changed",
            ("kickoff",),
        ),
    )
    assert Checker(pin_visit()).check(Schedule(), previous).for_key("kickoff") == (
        violation("activities_held", "«Kickoff» is not in the programme", ("kickoff",)),
        violation(
            "pinned_stay",
            "«Kickoff» is pinned at day 1 09:00-10:00 but has been changed",
            ("kickoff",),
        ),
    )


def test_pinned_activities_stay_put_in_the_solver_even_when_it_costs() -> None:
    visit = pin_visit()
    free = solve_tiny(visit)
    assert free.status is Status.OPTIMAL and free.objective == 0
    assert free.schedule is not None and free.schedule.placements[0].start >= 600
    previous = schedule(place("kickoff", 1, "09:00", "10:00", ["ann", "bob"], pinned=True))
    kept = solve_tiny(visit, previous)
    assert kept.status is Status.OPTIMAL and kept.schedule is not None
    assert kept.schedule.placements[0] == previous.placements[0]
    assert kept.objective == 60 * 4  # an hour of Ann's if-need-be time
    assert Checker(visit).check(kept.schedule, previous).violations == ()
