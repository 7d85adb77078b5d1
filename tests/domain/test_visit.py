"""Visit-level values: candidate date runs, travel times, weights, schedules."""

from __future__ import annotations

from datetime import date

from visitplanner import i18n
from visitplanner.domain import DateWindow, Placement, Schedule, TravelTimes, Weights

FRI, WED = date(2027, 3, 19), date(2027, 3, 24)


def days(run: tuple[date, ...]) -> list[int]:
    return [d.day for d in run]


def test_runs_of_weekdays_skip_the_weekend() -> None:
    assert [days(r) for r in DateWindow(FRI, WED, 2).runs()] == [[22, 23], [23, 24]]


def test_runs_of_three_days() -> None:
    assert [days(r) for r in DateWindow(FRI, WED, 3).runs()] == [[22, 23, 24]]


def test_runs_over_every_day_of_the_week() -> None:
    window = DateWindow(FRI, WED, 2, weekdays=tuple(range(7)))
    assert [days(r) for r in window.runs()] == [[19, 20], [20, 21], [21, 22], [22, 23], [23, 24]]


def test_no_runs_when_the_window_is_too_short() -> None:
    assert DateWindow(WED, FRI, 2).runs() == []
    assert DateWindow(WED, WED, 2).runs() == []
    assert [days(r) for r in DateWindow(WED, WED, 1).runs()] == [[24]]


def test_travel_times_are_symmetric_unless_both_directions_are_given() -> None:
    travel = TravelTimes({("a", "b"): 20, ("c", "a"): 10, ("b", "c"): 5, ("c", "b"): 15})
    assert travel.between("a", "b") == travel.between("b", "a") == 20
    assert travel.between("a", "c") == 10
    assert (travel.between("b", "c"), travel.between("c", "b")) == (5, 15)
    assert travel.between("a", "a") == 0 and travel.between("a", "x") == 0


def test_weights_fall_back_to_defaults() -> None:
    weights = Weights({"idle_gaps": 7})
    assert weights.of("idle_gaps") == 7
    assert weights.of("changes") == 50
    assert weights.of("unknown") == 1


def test_schedule_replaces_and_removes_by_key() -> None:
    a = Placement("a", "a", 1, 600, 660, "", ("x",))
    b = Placement("b@2", "b", 2, 540, 600, "", ())
    sched = Schedule((b,)).with_placement(a)
    assert [p.key for p in sched] == ["a", "b@2"]
    moved = sched.with_placement(a.moved(2, 480))
    assert [(p.key, p.day, p.start, p.end) for p in moved] == [
        ("a", 2, 480, 540),
        ("b@2", 2, 540, 600),
    ]
    assert moved.get("a") is not None and moved.get("zzz") is None
    assert [p.key for p in moved.without("a")] == ["b@2"]
    assert moved.on_day(1) == () and len(moved.on_day(2)) == 2
    assert a.abs_start == 600 and b.abs_end == 1440 + 600


def test_day_labels_and_window_labels_are_said_in_french() -> None:
    from visitplanner.domain import Visit, Window

    visit = Visit("v", "Europe/Paris", (date(2027, 3, 23), date(2027, 3, 24)))
    with i18n.language("fr"):
        assert visit.day_label(1) == "jour 1 (mar. 23 mars)"
        assert visit.day_label(9) == "jour 9"
        assert Window(9 * 60, 17 * 60).label == "chaque jour, 09:00-17:00"
        assert Window(9 * 60, 17 * 60, 2).label == "jour 2, 09:00-17:00"
    assert visit.day_label(1) == "day 1 (Tue 23 Mar)"
