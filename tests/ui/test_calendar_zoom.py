"""Zoom and fit: Ctrl+wheel and Ctrl+plus/minus change the time scale; days fit or page."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.test_calendar_fixtures import make_window, with_paris_plan
from visitplanner.io.project import load_project
from visitplanner.ui.files import demo_path

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)


def _wheel(widget, at: QPoint, notches: int, ctrl: bool = True) -> None:  # type: ignore[no-untyped-def]
    """A real wheel event (``notches`` clicks of 120) sent to ``widget`` at ``at``."""
    mods = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    event = QWheelEvent(
        QPointF(at),
        QPointF(widget.mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        mods,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _five_days():  # type: ignore[no-untyped-def]
    project = with_paris_plan(load_project(demo_path()))
    first = project.visit.dates[0]
    dates = tuple(first + timedelta(days=n) for n in range(5))
    return replace(project, visit=replace(project.visit, dates=dates))


def test_ctrl_wheel_zooms_the_time_scale_around_the_pointer(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from visitplanner.domain.clock import parse_hhmm

    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    view, scene = window.view, window.scene
    viewport = view.viewport()
    block = scene.blocks["evaluation"]
    height = block.scene_rect().height()
    scale = view.time_scale()
    view.ensureVisible(0, scene.geometry.y_of(parse_hhmm("14:00")), 10, 10)
    at = view.mapFromScene(QPointF(scene.geometry.x_of_day(1) + 30, scene.geometry.y_of(840)))
    minute_before = scene.geometry.minute_at(view.mapToScene(at).y())
    _wheel(viewport, at, 2)
    assert view.time_scale() == pytest.approx(scale * 1.25**2)
    assert scene.blocks["evaluation"].scene_rect().height() == pytest.approx(height * 1.25**2)
    # The time under the pointer stays under the pointer.
    assert scene.geometry.minute_at(view.mapToScene(at).y()) == pytest.approx(minute_before, abs=2)
    _wheel(viewport, at, -2)
    assert view.time_scale() == pytest.approx(scale)
    # Without Ctrl the wheel scrolls and leaves the scale alone.
    _wheel(viewport, at, -1, ctrl=False)
    assert view.time_scale() == pytest.approx(scale)
    # The zoom is bounded.
    _wheel(viewport, at, 30)
    assert view.time_scale() == pytest.approx(4.0)
    window.calendar_tools.zoom_reset.trigger()
    assert view.time_scale() == pytest.approx(1.2)


def test_ctrl_plus_and_minus_zoom(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    view.setFocus()
    scale = view.time_scale()
    QTest.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.time_scale() == pytest.approx(scale * 1.25)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.time_scale() == pytest.approx(scale / 1.25)
    window.calendar_tools.zoom_in.trigger()
    assert view.time_scale() == pytest.approx(scale)


def test_zoom_keeps_a_drag_and_its_undo_consistent(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Zooming never rebuilds the calendar under a block being dragged."""
    from PySide6.QtTest import QTest

    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    view, scene = window.view, window.scene
    rect = scene.blocks["steering"].scene_rect()
    view.ensureVisible(rect)
    grab = view.mapFromScene(rect.center())
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(view.viewport(), left, none, grab)
    QTest.mouseMove(view.viewport(), grab + QPoint(0, 24))
    scale = view.time_scale()
    _wheel(view.viewport(), grab, 1)
    assert view.time_scale() == scale and scene.dragging()
    QTest.mouseRelease(view.viewport(), left, none, grab + QPoint(0, 24))
    assert window.doc.undo_stack.undoText().startswith("Move")


def test_fit_days_shows_five_days_without_horizontal_scrolling(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path, project=_five_days())
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    view, scene = window.view, window.scene
    tools = window.calendar_tools
    assert scene.geometry.n_days == 5
    assert tools.fit.isChecked()
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert scene.geometry.x_of_day(5) + scene.geometry.day_width <= visible.right() + 1
    # Readable days instead: the view scrolls, and the day buttons page through the visit.
    tools.fit.trigger()
    assert not view.fit_to_window
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    assert view.first_visible_day() == 1
    tools.next_day.trigger()
    assert view.first_visible_day() == 2
    tools.next_day.trigger()
    assert view.first_visible_day() == 3
    tools.previous_day.trigger()
    assert view.first_visible_day() == 2
    # Alt+arrows page through the days and never move the selected block.
    from PySide6.QtTest import QTest

    window.scene.select_key("evaluation")
    before = window.doc.project
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.first_visible_day() == 3
    QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.first_visible_day() == 2
    assert window.doc.project is before
    assert view.go_to_day(99) == 5
    tools.fit.trigger()
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)
    assert view.first_visible_day() == 1


def test_day_headings_take_the_same_form_in_every_column(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path, project=_five_days())
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    metrics = QFontMetricsF(view._heading_font())
    wide = max(metrics.horizontalAdvance(h) for h in view._headings(10_000))
    # wide enough for the shortest "Day n · date" but not the longest: every column
    # then falls back to the same shorter form
    narrow = min(metrics.horizontalAdvance(h) for h in view._headings(10_000)) + 6.5
    assert narrow < wide + 6
    headings = view._headings(narrow)
    assert all("·" not in h for h in headings), headings
    assert all("·" in h for h in view._headings(wide + 6))
