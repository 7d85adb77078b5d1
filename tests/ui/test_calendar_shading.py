"""Where can it go? Shading behind a selected or dragged block, and the Who is free strip."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from tests.ui.test_calendar_fixtures import make_window
from visitplanner.domain.clock import parse_hhmm, visit_minute
from visitplanner.domain.index import VisitIndex
from visitplanner.ui.calendar.shading import (
    ShadeKind,
    flattened,
    person_shades,
    reasons_at,
    shades_for,
)

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def _shown(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.resize(1500, 1000)
    window.show()
    qtbot.waitExposed(window)
    return window


def _vp(window, point: QPointF) -> QPoint:  # type: ignore[no-untyped-def]
    return window.view.mapFromScene(point)


def _pixel(window, day: int, minute: int) -> QColor:  # type: ignore[no-untyped-def]
    """The colour painted in ``day``'s column at ``minute`` (a few pixels in from the left)."""
    view, g = window.view, window.scene.geometry
    point = _vp(window, QPointF(g.x_of_day(day) + 3, g.y_of(minute) + 2))
    return view.viewport().grab().toImage().pixelColor(point)


def test_shading_uses_the_visit_index_busy_times_of_required_people(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_calendar_fixtures import with_paris_plan
    from visitplanner.io.project import load_project
    from visitplanner.ui.files import demo_path

    project = with_paris_plan(load_project(demo_path()))
    index = VisitIndex(project.visit)
    evaluation = project.schedule.get("evaluation")
    assert evaluation is not None
    shades = shades_for(index, project.schedule, evaluation)
    unavailable = {(s.day, s.start, s.end) for s in shades if s.kind is ShadeKind.UNAVAILABLE}
    visit = project.visit
    # Every busy stretch of every required person (clipped to the day) is shaded dark ...
    for pid in index.activities["evaluation"].required:
        for stretch in index.busy(pid):
            day = stretch.start // 1440 + 1
            lo = max(stretch.start - visit_minute(day, 0), visit.day_start)
            hi = min(stretch.end - visit_minute(day, 0), visit.day_end)
            if hi > lo:
                assert (day, lo, hi) in unavailable, (pid, day, lo, hi)
    # ... and nothing else is: each dark shade lies within someone's busy stretch.
    required = index.activities["evaluation"].required
    for day, lo, hi in unavailable:
        assert any(
            b.start <= visit_minute(day, lo) and visit_minute(day, hi) <= b.end
            for pid in required
            for b in index.busy(pid)
        ), (day, lo, hi)
    # Cllr Morag Baird has left by 13:00 on day 2: the afternoon is dark.
    assert "Cllr Morag Baird is not available" in reasons_at(shades, 2, parse_hhmm("15:00"))
    # If-need-be time of a required person is shaded lighter.
    light = [s for s in shades if s.kind is ShadeKind.IF_NEED_BE]
    assert light and all(
        any(
            visit_minute(s.day, s.start) >= x.start and visit_minute(s.day, s.end) <= x.end
            for x in index.if_need_be(pid)
        )
        for s in light
        for pid in [next(p for p in index.people if index.name(p) in s.reason)]
    )
    # The venue (Participatory Budget office, not shared) is taken by the informal time.
    taken = reasons_at(shades, 1, parse_hhmm("16:00"))
    assert any("Participatory Budget office hosts" in r for r in taken)
    # The interpreter, required too, is in the mainstreaming meeting on day 1 at 10:00.
    assert any("Mainstreaming" in r for r in reasons_at(shades, 1, parse_hhmm("10:00")))
    # Outside the activity's window (08:00-19:00) is shaded as well.
    assert any("Outside the times" in r for r in reasons_at(shades, 1, parse_hhmm("21:00")))
    # The block itself never shades its own time.
    assert not any("«Evaluation" in s.reason for s in shades if s.kind is ShadeKind.TAKEN)


def test_shading_keeps_the_journey_to_and_from_another_venue(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_calendar_fixtures import with_paris_plan
    from visitplanner.io.project import load_project
    from visitplanner.ui.files import demo_path

    project = with_paris_plan(load_project(demo_path()))
    index = VisitIndex(project.visit)
    evaluation = project.schedule.get("evaluation")
    assert evaluation is not None
    shades = shades_for(index, project.schedule, evaluation)
    journeys = [s for s in shades if s.reason.startswith("The journey")]
    # every other activity sharing a required person at another venue has its journeys
    # shaded on both sides, as long as the travel time between the two venues
    travel = project.visit.travel
    expected = set()
    for q in project.schedule:
        people = [p for p in index.activities["evaluation"].required if p in q.attendees]
        if q.key == "evaluation" or not people or q.venue in ("", evaluation.venue):
            continue
        there = travel.between(evaluation.venue, q.venue)
        back = travel.between(q.venue, evaluation.venue)
        expected |= {(q.day, q.start - there, q.start), (q.day, q.end, q.end + back)}
    assert expected and {(s.day, s.start, s.end) for s in journeys} == expected
    assert all(s.kind is ShadeKind.TAKEN for s in journeys)
    first = min(journeys, key=lambda s: (s.day, s.start))
    assert " takes " in first.reason and "min" in first.reason


def test_flattened_shading_paints_one_layer_with_the_most_serious_kind(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from visitplanner.ui.calendar.shading import Shade

    shades = [
        Shade(1, 600, 700, ShadeKind.IF_NEED_BE, "a"),
        Shade(1, 650, 800, ShadeKind.UNAVAILABLE, "b"),
        Shade(1, 660, 680, ShadeKind.UNAVAILABLE, "c"),
        Shade(2, 600, 700, ShadeKind.TAKEN, "d"),
    ]
    flat = flattened(shades)
    spans = [(s.day, s.start, s.end, s.kind) for s in flat]
    assert spans[0] == (1, 600, 650, ShadeKind.IF_NEED_BE)
    assert all(a.end <= b.start for a, b in itertools.pairwise(flat) if a.day == b.day)
    covered = {(s.day, m) for s in flat for m in range(s.start, s.end)}
    assert covered == {(s.day, m) for s in shades for m in range(s.start, s.end)}
    assert reasons_at(flat, 1, 670) == ["b\nc"]


def test_dragging_a_block_shades_the_unavailable_times_of_its_day_columns(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _shown(qtbot, tmp_path)
    scene, view = window.scene, window.view
    view.verticalScrollBar().setValue(0)
    afternoon = parse_hhmm("15:00")  # day 2: the councillor has left
    block = scene.blocks["evaluation"]
    rect = block.scene_rect()
    view.ensureVisible(rect)
    view.ensureVisible(0, scene.geometry.y_of(afternoon), 10, 40)
    before = _pixel(window, 2, afternoon)
    grab = QPointF(rect.center().x(), rect.top() + 15)
    QTest.mousePress(view.viewport(), LEFT, NO_MOD, _vp(window, grab))
    QTest.mouseMove(view.viewport(), _vp(window, grab + QPointF(0, 30)))
    assert scene.dragging()
    assert view.shades(), "a dragged block shows where it can go"
    during = _pixel(window, 2, afternoon)
    assert during.lightness() < before.lightness() - 30, (before.name(), during.name())
    # An if-need-be stretch (day 2, 10:15-10:30, Antoine Roux) is lighter than unavailable time.
    light = _pixel(window, 2, parse_hhmm("10:20"))
    assert during.lightness() < light.lightness() < before.lightness()
    QTest.mouseRelease(view.viewport(), LEFT, NO_MOD, _vp(window, grab + QPointF(0, 30)))
    # Still selected after the drop: still shaded. Clicking empty space clears it.
    assert scene.selected_key() == "evaluation" and view.shades()
    empty = QPointF(scene.geometry.x_of_day(2) + 20, scene.geometry.y_of(afternoon))
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, _vp(window, empty))
    assert scene.selected_key() == ""
    assert view.shades() == ()
    assert _pixel(window, 2, afternoon).lightness() == before.lightness()


def test_shading_can_be_switched_off(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _shown(qtbot, tmp_path)
    scene, view = window.scene, window.view
    rect = scene.blocks["evaluation"].scene_rect()
    view.ensureVisible(rect)
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, _vp(window, rect.center()))
    assert view.shades()
    window.calendar_tools.shading.trigger()
    assert not view.show_shading and view.shades() == ()
    window.calendar_tools.shading.trigger()
    assert view.shades()


def test_who_is_free_lists_the_attendees_and_follows_the_drag(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _shown(qtbot, tmp_path)
    scene, view = window.scene, window.view
    strip = window.calendar_tools.who_is_free
    assert strip.rows == []
    dinner = window.doc.project.schedule.get("dinner")
    assert dinner is not None
    rect = scene.blocks["dinner"].scene_rect()
    view.ensureVisible(rect)
    grab = QPointF(rect.center().x(), rect.top() + 15)
    QTest.mousePress(view.viewport(), LEFT, NO_MOD, _vp(window, grab))
    activity = scene.index.activities["dinner"]
    ids = [pid for pid, _required in strip.rows]
    assert ids[: len(activity.invited)] == list(activity.invited)
    assert set(dinner.attendees) <= set(ids)  # the interpreter attends too
    required = dict(strip.rows)
    assert all(required[pid] == (pid in activity.required) for pid in ids)
    # Each row shows that person's shading from the visit index, not a copy of it.
    index = scene.index
    for pid in ids:
        shades = person_shades(index, window.doc.project.schedule, pid, "dinner")
        expected = [s for s in flattened(shades) if s.day == 1]
        assert strip.shades_of(pid, 1) == expected
    # Drag (button held) to day 2: the strip follows the tentative placement.
    target = QPointF(scene.geometry.x_of_day(2) + 40, grab.y() - 60)
    for step in range(1, 5):
        point = grab + (target - grab) * (step / 4)
        QTest.mouseMove(view.viewport(), _vp(window, point))
    assert strip.placement is not None and strip.placement.day == 2
    assert strip.placement == scene.blocks["dinner"].placement
    assert strip.placement.start < dinner.start
    QTest.mouseRelease(view.viewport(), LEFT, NO_MOD, _vp(window, target))
    # Nothing selected: the strip says how to use it.
    scene.clearSelection()
    assert strip.placement is None and strip.rows == []


def test_hovering_shaded_time_says_why(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window = _shown(qtbot, tmp_path)
    scene, view = window.scene, window.view
    rect = scene.blocks["evaluation"].scene_rect()
    view.ensureVisible(rect)
    QTest.mouseClick(view.viewport(), LEFT, NO_MOD, _vp(window, rect.center()))
    g = scene.geometry
    spot = QPointF(g.x_of_day(2) + 20, g.y_of(parse_hhmm("15:00")))
    view.ensureVisible(spot.x(), spot.y(), 5, 5)
    assert "Cllr Morag Baird is not available" in view.shade_tooltip(spot).splitlines()
    at = _vp(window, spot)
    help_event = QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), help_event)
    qtbot.waitUntil(lambda: "Cllr Morag Baird is not available" in QToolTip.text())
    # Between the day columns (or with nothing selected) there is nothing to explain.
    assert view.shade_tooltip(QPointF(g.x_of_day(2) - 2, spot.y())) == ""
    scene.clearSelection()
    assert view.shade_tooltip(spot) == ""


def test_shading_reasons_speak_french() -> None:
    from tests.ui.test_calendar_fixtures import with_paris_plan
    from visitplanner.i18n import language
    from visitplanner.io.project import load_project
    from visitplanner.ui.files import demo_path

    project = with_paris_plan(load_project(demo_path()))
    index = VisitIndex(project.visit)
    evaluation = project.schedule.get("evaluation")
    assert evaluation is not None
    with language("fr"):
        shades = shades_for(index, project.schedule, evaluation)
    reasons = reasons_at(shades, 2, parse_hhmm("15:00"))
    assert "Cllr Morag Baird n’est pas disponible" in reasons
    assert any(
        "autres personnes sont à « Mainstreaming" in r
        for r in reasons_at(shades, 1, parse_hhmm("10:00"))
    )
