"""VisitIndex: occurrences per day, language needs, free time."""

from __future__ import annotations

from datetime import date

from visitplanner.domain import (
    Activity,
    Availability,
    Kind,
    Level,
    Participant,
    Side,
    Visit,
    Window,
)
from visitplanner.domain.availability import local_range
from visitplanner.domain.index import DayWindow, VisitIndex, window_text

PARIS = "Europe/Paris"
DAYS = (date(2027, 3, 16), date(2027, 3, 17))


def person(pid: str, langs: tuple[str, ...], side: Side = Side.HOST) -> Participant:
    return Participant(pid, pid.title(), side, langs, PARIS)


PEOPLE = (
    person("ann", ("en",), Side.VISITOR),
    person("fleur", ("fr",)),
    person("julien", ("fr", "en")),
    person("ivan", ("en", "fr"), Side.INTERPRETER),
)


def act(aid: str, *windows: Window, per_day: bool = False) -> Activity:
    return Activity(aid, aid.title(), Kind.INFORMAL, 30, 60, windows, per_day=per_day)


def visit(*activities: Activity, **avail: Availability) -> Visit:
    return Visit(
        "V",
        PARIS,
        DAYS,
        PEOPLE,
        dict(avail),
        activities=activities,
        day_start=7 * 60,
        day_end=23 * 60,
    )


def test_per_day_activities_happen_once_each_day() -> None:
    index = VisitIndex(visit(act("breakfast", Window(450, 540), per_day=True)))
    assert [(o.key, o.day, o.title) for o in index.occurrences] == [
        ("breakfast@1", 1, "Breakfast (day 1)"),
        ("breakfast@2", 2, "Breakfast (day 2)"),
    ]
    assert index.by_key["breakfast@2"].windows == (DayWindow(2, 450, 540),)


def test_per_day_activity_on_one_day_only() -> None:
    index = VisitIndex(visit(act("debrief", Window(780, 990, 2), per_day=True)))
    assert [o.key for o in index.occurrences] == ["debrief@2"]


def test_a_single_activity_may_happen_on_any_of_its_days() -> None:
    index = VisitIndex(visit(act("chat", Window(540, 600), Window(900, 960, 2))))
    (occ,) = index.occurrences
    assert occ.key == "chat" and occ.day is None and occ.title == "Chat"
    assert occ.windows == (DayWindow(1, 540, 600), DayWindow(2, 540, 600), DayWindow(2, 900, 960))
    assert window_text(occ.windows) == "day 1 09:00-10:00, day 2 09:00-10:00, day 2 15:00-16:00"
    assert occ.windows[2].abs_start == 1440 + 900


def test_windows_are_clipped_to_the_day_and_to_the_visit() -> None:
    index = VisitIndex(visit(act("late", Window(1320, 1440), Window(360, 480, 3))))
    (occ,) = index.occurrences
    assert occ.windows == (DayWindow(1, 1320, 1380), DayWindow(2, 1320, 1380))


def test_needs_interpreter_when_attendees_share_no_language() -> None:
    index = VisitIndex(visit())
    assert index.needs_interpreter(["ann", "fleur"])
    assert index.needs_interpreter(["ann", "fleur", "ivan"])  # the interpreter is no speaker
    assert not index.needs_interpreter(["ann", "julien"])
    assert not index.needs_interpreter(["fleur", "julien"])
    assert not index.needs_interpreter(["ann", "nobody"])
    assert not index.needs_interpreter([])
    assert index.interpreters == ("ivan",)
    assert index.languages() == ("en", "fr")


def test_free_spans_leave_out_busy_time_only() -> None:
    day1 = DAYS[0]
    ann = Availability(
        (
            local_range(day1, 600, 660, PARIS, Level.UNAVAILABLE),
            local_range(day1, 700, 760, PARIS, Level.IF_NEED_BE),
        ),
        default=Level.AVAILABLE,
    )
    index = VisitIndex(visit(ann=ann))
    assert index.free_spans("ann", 1) == [(0, 600), (660, 1440)]
    assert index.free_spans("ann", 2) == [(0, 1440)]
    assert [(s.start, s.end) for s in index.if_need_be("ann")] == [(700, 760)]
    # no availability entered: never free
    assert index.free_spans("fleur", 1) == []
    assert [(s.start, s.end, s.level) for s in index.busy("fleur")] == [
        (0, 1440, Level.UNAVAILABLE),
        (1440, 2880, Level.UNAVAILABLE),
    ]
    assert index.name("ann") == "Ann" and index.name("ghost") == "ghost"
