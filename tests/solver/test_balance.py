"""Balance figures of a hand-made schedule of the Paris demo, to the minute."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from visitplanner.domain import Placement, Schedule, Visit
from visitplanner.domain.clock import parse_hhmm
from visitplanner.i18n import language
from visitplanner.io.project import load_project
from visitplanner.solver.balance import (
    balance_summary,
    format_balance,
    longest_stretch,
    term_label,
)

VISITORS = ("councillor", "gla-pb", "gla-ce", "gla-3s", "fife-pb", "fife-digital", "fife-eq")
FORMAL_CORE = (*VISITORS, "observer", "interpreter")


def _p(key: str, day: int, start: str, end: str, venue: str, who: tuple[str, ...]) -> Placement:
    return Placement(key, key.split("@")[0], day, parse_hhmm(start), parse_hhmm(end), venue, who)


def demo_schedule() -> Schedule:
    """A plausible two-day programme for the Paris demo, built by hand."""
    return Schedule(
        (
            _p("breakfast@1", 1, "08:00", "08:45", "hotel", (*VISITORS, "observer")),
            _p(
                "mainstreaming",
                1,
                "09:15",
                "11:15",
                "city-hall",
                (*FORMAL_CORE, "paris-lead", "paris-planning", "paris-implementation"),
            ),
            _p(
                "lunch@1",
                1,
                "12:00",
                "13:00",
                "city-hall",
                (*VISITORS, "observer", "interpreter", "paris-planning"),
            ),
            _p("evaluation", 1, "14:00", "15:30", "pb-office", (*FORMAL_CORE, "paris-evaluation")),
            _p(
                "steering",
                1,
                "17:30",
                "19:00",
                "city-hall",
                (*FORMAL_CORE, "steering-group", "paris-lead"),
            ),
            _p(
                "dinner",
                1,
                "19:30",
                "21:30",
                "restaurant",
                (*VISITORS, "observer", "interpreter"),
            ),
            _p("breakfast@2", 2, "07:30", "08:15", "hotel", (*VISITORS, "observer")),
            _p(
                "digitising",
                2,
                "08:30",
                "10:00",
                "pb-office",
                (*FORMAL_CORE, "paris-lead", "paris-digital"),
            ),
            _p(
                "informal",
                2,
                "10:00",
                "11:00",
                "pb-office",
                (*VISITORS, "interpreter", "paris-lead"),
            ),
            _p(
                "lunch@2",
                2,
                "12:00",
                "13:00",
                "pb-office",
                (*VISITORS, "observer", "interpreter"),
            ),
            _p("debrief", 2, "13:30", "14:30", "hotel", (*VISITORS[1:], "observer")),
        )
    ).sorted()


@pytest.fixture
def visit(demo_path: Path) -> Visit:
    return load_project(demo_path).visit


def test_per_day_formal_and_informal_minutes(visit: Visit) -> None:
    s = balance_summary(visit, demo_schedule())
    assert [(d.day, d.formal, d.informal) for d in s.days] == [(1, 300, 225), (2, 90, 225)]
    assert s.formal == 390
    assert s.informal == 450


def test_the_busiest_visitor_is_named_and_parallel_meetings_are_not_added_up(
    visit: Visit,
) -> None:
    s = balance_summary(visit, demo_schedule())
    assert [(d.busiest, d.busiest_formal) for d in s.days] == [
        ("Cllr Morag Baird", 300),
        ("Cllr Morag Baird", 90),
    ]
    # two parallel 90-minute meetings, each with different visitors: 180 formal minutes
    # that day, but nobody has more than 90
    tracks = Schedule(
        (
            _p("mainstreaming", 1, "09:00", "10:30", "city-hall", ("gla-pb", "interpreter")),
            _p("digitising", 1, "09:00", "10:30", "pb-office", ("fife-pb", "interpreter")),
        )
    )
    summary = balance_summary(visit, tracks)
    day = summary.days[0]
    assert (day.formal, day.busiest_formal) == (180, 90)
    assert format_balance(summary)[1] == (
        "  day 1 (Tue 23 Mar): formal 3 h (the busiest visitor, Euan Mackay, has 1 h 30 min), "
        "informal 0 min"
    )


def test_the_visitors_who_wait_most_are_named(visit: Visit) -> None:
    s = balance_summary(visit, demo_schedule())
    # day 1: everyone is in everything (30 + 45 + 60 + 120 + 30 min between activities);
    # day 2: the councillor skips the debrief, so her day ends at lunch and she waits 75
    assert [(d.longest_wait, d.waiting) for d in s.days] == [
        (285, "Cllr Morag Baird and 6 others"),
        (105, "Aileen Fraser and 5 others"),
    ]
    # parallel tracks: Euan's meeting does not fill Aileen's gap
    tracks = Schedule(
        (
            _p("mainstreaming", 1, "09:00", "10:00", "city-hall", ("gla-pb", "interpreter")),
            _p("digitising", 1, "10:00", "11:00", "pb-office", ("fife-pb", "interpreter")),
            _p("evaluation", 1, "11:00", "12:00", "pb-office", ("gla-pb", "fife-pb")),
        )
    )
    day = balance_summary(visit, tracks).days[0]
    assert (day.longest_wait, day.waiting) == (60, "Aileen Fraser")


def test_host_visitor_and_visitors_only_minutes(visit: Visit) -> None:
    s = balance_summary(visit, demo_schedule())
    # Host-visitor: lunch day 1 (a host joined) 60 + informal time day 2 60.
    assert [d.host_visitor for d in s.days] == [60, 60]
    assert s.host_visitor == 120
    # Visitors only: breakfasts 45 + 45, dinner 120, lunch day 2 60, debrief 60.
    assert [d.visitors_only for d in s.days] == [165, 165]
    assert s.visitors_only == 330


def test_interpreter_load_per_day(visit: Visit) -> None:
    s = balance_summary(visit, demo_schedule())
    by_day = {i.day: i for i in s.interpreters}
    assert set(by_day) == {1, 2}
    assert by_day[1].person == "interpreter"
    # Interpreting as the rules count it: the day-1 lunch with a French-only host counts too.
    assert (by_day[1].formal, by_day[1].longest_stretch, by_day[1].breaks) == (
        300,
        120,
        (45, 60, 120),
    )
    assert by_day[1].shortest_break == 45
    assert (by_day[2].formal, by_day[2].longest_stretch, by_day[2].breaks) == (90, 90, ())
    assert by_day[2].shortest_break is None


def test_interpreter_minutes_only_count_meetings_they_attend(visit: Visit) -> None:
    sched = demo_schedule()
    main = sched.get("mainstreaming")
    assert main is not None
    without = replace(main, attendees=tuple(a for a in main.attendees if a != "interpreter"))
    s = balance_summary(visit, sched.with_placement(without))
    assert s.interpreters[0].formal == 180
    assert s.days[0].formal == 300  # the meeting still counts as formal time


def test_empty_schedule_gives_zeros(visit: Visit) -> None:
    s = balance_summary(visit, Schedule())
    assert [(d.formal, d.informal, d.host_visitor, d.visitors_only) for d in s.days] == [
        (0, 0, 0, 0),
        (0, 0, 0, 0),
    ]
    assert [i.formal for i in s.interpreters] == [0, 0]


def test_longest_stretch_joins_gaps_shorter_than_a_break() -> None:
    meetings = [
        _p("a", 1, "09:00", "10:00", "x", ()),
        _p("b", 1, "10:10", "11:00", "x", ()),  # 10 min gap: not a break
        _p("c", 1, "11:15", "12:00", "x", ()),  # 15 min gap: a break
    ]
    assert longest_stretch(meetings, 15) == 120
    assert longest_stretch(meetings, 20) == 180
    assert longest_stretch([], 15) == 0


def test_format_balance_lines(visit: Visit) -> None:
    lines = format_balance(balance_summary(visit, demo_schedule()))
    assert lines[1] == (
        "  day 1 (Tue 23 Mar): formal 5 h (Cllr Morag Baird has 5 h, over the daily maximum "
        "of 4 h), informal 3 h 45 min; most waiting: 4 h 45 min (Cllr Morag Baird and 6 others)"
    )
    assert lines[2] == (
        "  day 2 (Wed 24 Mar): formal 1 h 30 min, informal 3 h 45 min; most waiting: "
        "1 h 45 min (Aileen Fraser and 5 others)"
    )
    assert "Informal time with hosts: 2 h (target 6 h)" in lines
    assert "Visitors' own time: 5 h 30 min (target 4 h)" in lines
    assert any(
        line.startswith("Interpreter Claire Dubois, day 1: 5 h of 6 h formal") for line in lines
    )


def test_term_labels_are_plain_words() -> None:
    assert term_label("informal_time") == "Informal time below target"
    assert term_label("something_new") == "Something new"


def test_two_interpreters_taking_turns_are_each_credited_half(visit: Visit) -> None:
    second = replace(
        next(p for p in visit.participants if p.id == "interpreter"), id="interpreter-2"
    )
    pair = replace(visit, participants=(*visit.participants, second))
    meeting = _p(
        "mainstreaming",
        1,
        "09:00",
        "11:30",
        "city-hall",
        ("gla-pb", "paris-planning", "interpreter"),
    )
    alone = balance_summary(pair, Schedule((meeting,))).interpreters[0]
    assert (alone.formal, alone.longest_stretch, alone.turns) == (150, 150, 0)
    relay = replace(meeting, attendees=(*meeting.attendees, "interpreter-2"))
    both = balance_summary(pair, Schedule((relay,))).interpreters
    assert [
        (i.person, i.day, i.formal, i.longest_stretch, i.turns) for i in both if i.day == 1
    ] == [
        ("interpreter", 1, 75, 75, 1),
        ("interpreter-2", 1, 75, 75, 1),
    ]


def test_meetings_that_follow_on_at_once_have_no_break(visit: Visit) -> None:
    who = ("gla-pb", "paris-planning", "interpreter")
    back_to_back = Schedule(
        (
            _p("mainstreaming", 1, "09:00", "10:00", "city-hall", who),
            _p("digitising", 1, "10:00", "11:00", "city-hall", who),
            _p("evaluation", 1, "12:00", "13:00", "city-hall", who),
        )
    )
    summary = balance_summary(visit, back_to_back)
    (day,) = (i for i in summary.interpreters if i.day == 1)
    assert day.breaks == (0, 60)
    line = next(x for x in format_balance(summary) if x.startswith("Interpreter"))
    assert line.endswith("breaks: back to back, 1 h")
    with language("fr"):
        line = next(x for x in format_balance(summary) if x.startswith("Interprète"))
    assert line.endswith("pauses : sans pause, 1 h")
