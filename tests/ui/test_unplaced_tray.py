"""The tray of unplaced activities: listed, dragged onto the calendar, Escape, problems."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabBar

from tests.ui.test_calendar_fixtures import make_window
from visitplanner.domain.clock import parse_hhmm
from visitplanner.ui import commands

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def _window_without(qtbot, tmp_path, key: str):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    window.tray.dock.show()
    window.doc.push(commands.unscheduled(window.doc.project, key), "Remove")
    return window


def _front_tab(window) -> str:  # type: ignore[no-untyped-def]
    """The title of the dock in front where Problems and the tray share tabs."""
    for bar in window.findChildren(QTabBar):
        titles = [bar.tabText(i) for i in range(bar.count())]
        if "Problems" in titles and "Unplaced activities" in titles:
            return str(bar.tabText(bar.currentIndex()))
    return ""


def _tray_point(window, key: str) -> QPoint:  # type: ignore[no-untyped-def]
    tray = window.tray
    row = tray.keys().index(key)
    return tray.list.visualItemRect(tray.list.item(row)).center()


def _to_tray(window, scene_point: QPointF) -> QPoint:  # type: ignore[no-untyped-def]
    """A calendar point in the tray list's coordinates (the tray keeps the mouse while dragging)."""
    view = window.view
    view.ensureVisible(scene_point.x(), scene_point.y(), 1, 1)
    global_point = view.viewport().mapToGlobal(view.mapFromScene(scene_point))
    return window.tray.list.viewport().mapFromGlobal(global_point)


def _drag_out(window, key: str, target: QPointF) -> QPoint:  # type: ignore[no-untyped-def]
    viewport = window.tray.list.viewport()
    start = _tray_point(window, key)
    QTest.mousePress(viewport, LEFT, NONE, start)
    QTest.mouseMove(viewport, start + QPoint(12, 0))
    end = _to_tray(window, target)
    for step in range(1, 5):
        QTest.mouseMove(viewport, start + (end - start) * step / 4)
    return end


def test_removed_activity_waits_in_the_tray_and_is_dragged_back(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _window_without(qtbot, tmp_path, "debrief")
    assert window.tray.keys() == ["debrief"]
    assert "debrief" not in window.scene.blocks
    g = window.scene.geometry
    target = QPointF(g.x_of_day(2) + 40, g.y_of(parse_hhmm("15:00")) + 1)
    end = _drag_out(window, "debrief", target)
    assert window.scene.dragging()
    shown = window.scene.blocks_dragged()
    assert shown is not None and shown.placement.day == 2
    assert shown.problems == ()  # it is being placed: "not in the programme" no longer holds
    QTest.mouseRelease(window.tray.list.viewport(), LEFT, NONE, end)
    placed = window.doc.project.schedule.get("debrief")
    assert placed is not None
    assert placed.day == 2 and placed.start == parse_hhmm("15:00")
    activity = window.scene.index.activities["debrief"]
    assert set(activity.required) <= set(placed.attendees)
    assert placed.length == activity.min_length
    assert window.tray.keys() == []
    assert "debrief" in window.scene.blocks
    assert window.doc.undo_stack.undoText().startswith("Place ")
    window.doc.undo_stack.undo()
    assert window.tray.keys() == ["debrief"]


def test_escape_or_releasing_outside_the_calendar_places_nothing(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _window_without(qtbot, tmp_path, "dinner")
    steps = window.doc.undo_stack.count()
    g = window.scene.geometry
    end = _drag_out(window, "dinner", QPointF(g.x_of_day(1) + 40, g.y_of(parse_hhmm("20:00"))))
    assert window.scene.dragging()
    QTest.keyClick(window.tray.list, Qt.Key.Key_Escape)
    assert not window.scene.dragging() and "dinner" not in window.scene.blocks
    QTest.mouseRelease(window.tray.list.viewport(), LEFT, NONE, end)
    assert window.doc.undo_stack.count() == steps
    start = _drag_out(window, "dinner", QPointF(g.x_of_day(1) + 40, g.y_of(parse_hhmm("20:00"))))
    assert start is not None
    back = _tray_point(window, "dinner")
    QTest.mouseMove(window.tray.list.viewport(), back)
    QTest.mouseRelease(window.tray.list.viewport(), LEFT, NONE, back)
    assert window.doc.undo_stack.count() == steps
    assert window.doc.project.schedule.get("dinner") is None


def test_clicking_an_unplaced_problem_selects_it_in_the_tray(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _window_without(qtbot, tmp_path, "steering")
    window.problems_dock.raise_()
    qtbot.waitUntil(lambda: _front_tab(window) == "Problems")  # the tray is tabbed behind
    tree = window.problems.tree
    row = next(i for i, text in enumerate(window.problems.labels()) if "Steering" in text)
    rect = tree.visualItemRect(tree.topLevelItem(row))
    QTest.mouseClick(tree.viewport(), LEFT, NONE, rect.center())
    assert window.tray.selected_key() == "steering"
    assert _front_tab(window) == "Unplaced activities"


def test_dragging_from_the_tray_near_the_bottom_edge_scrolls(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _window_without(qtbot, tmp_path, "debrief")
    window.resize(1280, 560)
    view = window.view
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    bar = view.verticalScrollBar()
    bar.setValue(0)
    tray_viewport = window.tray.list.viewport()
    start = _tray_point(window, "debrief")
    QTest.mousePress(tray_viewport, LEFT, NONE, start)
    QTest.mouseMove(tray_viewport, start + QPoint(12, 0))
    x = view.viewport().width() // 2
    near_bottom = view.viewport().mapToGlobal(QPoint(x, view.viewport().height() - 4))
    end = tray_viewport.mapFromGlobal(near_bottom)
    QTest.mouseMove(tray_viewport, end)
    assert window.scene.dragging()
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=5000)
    QTest.keyClick(window.tray.list, Qt.Key.Key_Escape)
    QTest.mouseRelease(tray_viewport, LEFT, NONE, end)
    assert window.doc.project.schedule.get("debrief") is None
