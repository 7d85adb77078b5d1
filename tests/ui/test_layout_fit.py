"""Nothing is cut off at 1280×800: the interpreter-load table, the settings weights, problems."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from tests.ui.test_calendar_fixtures import make_window

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)


def _small_window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_interpreter_load_table_shows_every_row(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _small_window(qtbot, tmp_path)
    table = window.balance.interpreter_table
    assert table.rowCount() == 2
    qtbot.waitUntil(lambda: table.viewport().height() > 0)
    rows = table.verticalHeader().length()
    assert table.viewport().height() >= rows  # no row hidden behind a scroll bar
    assert table.verticalScrollBar().maximum() == 0


def test_settings_weights_are_not_cut_off_at_1280_by_800(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _small_window(qtbot, tmp_path)
    settings = window.editors[-1]
    window.tabs.setCurrentWidget(settings)
    qtbot.waitUntil(settings.isVisible)
    area = settings.findChild(QScrollArea)
    assert area is not None
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() == 0, timeout=2000)
    viewport = area.viewport()
    for spin in settings.weight_spins.values():
        right = spin.mapTo(viewport, QPoint(spin.width(), 0)).x()
        assert right <= viewport.width(), "a weight is cut off on the right"


def test_problem_lines_wrap_instead_of_being_cut(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = _small_window(qtbot, tmp_path)
    p = window.doc.project.schedule.get("digitising")
    schedule = window.doc.project.schedule.with_placement(p.moved(1, p.start + 60))
    window.doc.push(replace(window.doc.project, schedule=schedule), "move")
    tree = window.problems.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 1)
    window.problems.tree.doItemsLayout()
    metrics = tree.fontMetrics()
    longest = max(range(tree.topLevelItemCount()), key=lambda i: len(tree.topLevelItem(i).text(0)))
    item = tree.topLevelItem(longest)
    assert metrics.horizontalAdvance(item.text(0)) > tree.viewport().width()  # needs wrapping
    assert tree.visualItemRect(item).height() >= 2 * metrics.height()
