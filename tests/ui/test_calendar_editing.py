"""Editing on the calendar a coordinator can trust: Escape, auto-scroll, merged nudges."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.test_calendar_fixtures import make_window

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def _shown(qtbot, tmp_path, width=1500, height=1000):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def _at(window, point: QPointF) -> QPoint:  # type: ignore[no-untyped-def]
    return window.view.mapFromScene(point)


def _press_block(window, key: str) -> QPointF:  # type: ignore[no-untyped-def]
    rect = window.scene.blocks[key].scene_rect()
    window.view.ensureVisible(rect)
    grab = QPointF(rect.center().x(), rect.top() + 15)
    QTest.mousePress(window.view.viewport(), LEFT, NONE, _at(window, grab))
    return grab


def test_escape_cancels_a_drag_without_an_undo_entry(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _shown(qtbot, tmp_path)
    scene, viewport = window.scene, window.view.viewport()
    before = window.doc.project
    original = scene.blocks["digitising"].scene_rect()
    grab = _press_block(window, "digitising")
    target = QPointF(scene.geometry.x_of_day(1) + 60, grab.y() + 90)
    for step in range(1, 5):
        QTest.mouseMove(viewport, _at(window, grab + (target - grab) * (step / 4)))
    assert scene.dragging()
    assert scene.blocks["digitising"].placement.day == 1
    assert scene.blocks["digitising"].problems  # the officer is not free on day 1
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert not scene.dragging()
    assert scene.blocks["digitising"].scene_rect() == original
    assert scene.blocks["digitising"].problems == ()
    assert window.statusBar().currentMessage() == ""
    QTest.mouseMove(viewport, _at(window, target + QPointF(0, 30)))
    QTest.mouseRelease(viewport, LEFT, NONE, _at(window, target + QPointF(0, 30)))
    assert window.doc.project == before
    assert window.doc.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_dragging_near_the_bottom_edge_scrolls_and_carries_the_block(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _shown(qtbot, tmp_path, 1280, 520)
    scene, view = window.scene, window.view
    viewport = view.viewport()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0, "the day must not fit in the window for this test"
    bar.setValue(0)
    start = window.doc.project.schedule.get("mainstreaming")
    grab = _press_block(window, "mainstreaming")
    top = bar.value()
    edge = QPoint(_at(window, grab).x(), viewport.height() - 5)
    QTest.mouseMove(viewport, _at(window, grab) + QPoint(0, 10))
    QTest.mouseMove(viewport, edge)
    qtbot.waitUntil(lambda: bar.value() >= min(bar.maximum(), top + 150), timeout=5000)
    carried = scene.blocks["mainstreaming"].placement
    assert carried.start > start.start + 60  # the block followed the scrolling
    QTest.mouseMove(viewport, QPoint(edge.x(), viewport.height() // 2))
    scrolled = bar.value()
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(edge.x(), viewport.height() // 2))
    assert bar.value() == scrolled  # scrolling stops away from the edge
    moved = window.doc.project.schedule.get("mainstreaming")
    assert moved is not None and moved.start > start.start


def test_dragging_near_the_top_edge_scrolls_up(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _shown(qtbot, tmp_path, 1280, 520)
    view, viewport = window.view, window.view.viewport()
    bar = view.verticalScrollBar()
    view.ensureVisible(window.scene.blocks["dinner"].scene_rect())
    low = bar.value()
    assert low > 0
    grab = _press_block(window, "dinner")
    QTest.mouseMove(viewport, _at(window, grab) + QPoint(0, -10))
    QTest.mouseMove(viewport, QPoint(_at(window, grab).x(), 4))
    qtbot.waitUntil(lambda: bar.value() < low - 100, timeout=5000)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, LEFT, NONE, QPoint(_at(window, grab).x(), 4))
    assert window.doc.undo_stack.count() == 0


def test_consecutive_nudges_of_one_block_are_one_undo_step(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    slot = window.doc.project.visit.slot
    before = window.doc.project
    start = before.schedule.get("evaluation")
    window.scene.select_key("evaluation")
    for _ in range(3):
        QTest.keyClick(window.view, Qt.Key.Key_Down)
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    moved = window.doc.project.schedule.get("evaluation")
    assert (moved.day, moved.start) == (start.day + 1, start.start + 3 * slot)
    assert window.doc.undo_stack.count() == 1
    assert window.doc.undo_stack.undoText().startswith("Move Evaluation")
    window.doc.undo_stack.undo()
    assert window.doc.project == before
    # Another block's nudge is its own step.
    window.doc.undo_stack.redo()
    window.scene.select_key("steering")
    QTest.keyClick(window.view, Qt.Key.Key_Up)
    assert window.doc.undo_stack.count() == 2


def test_nudging_back_to_the_start_leaves_nothing_to_undo(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.scene.select_key("evaluation")
    QTest.keyClick(window.view, Qt.Key.Key_Down)
    QTest.keyClick(window.view, Qt.Key.Key_Up)
    assert window.doc.undo_stack.count() == 0
    assert not window.doc.modified
