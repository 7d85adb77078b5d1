"""The visit settings editor."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from visitplanner.domain import Balance, DateWindow, InterpreterRules, Visit
from visitplanner.io.project import load_project
from visitplanner.ui.editors.settings import VisitSettingsEditor


@pytest.fixture
def visit(demo_path: Path) -> Visit:
    return load_project(demo_path).visit


@pytest.fixture
def editor(qtbot: QtBot, visit: Visit) -> VisitSettingsEditor:
    ed = VisitSettingsEditor()
    qtbot.addWidget(ed)
    ed.set_visit(visit)
    return ed


def test_loads_the_demo(editor: VisitSettingsEditor) -> None:
    assert editor.zone_combo.currentText() == "Europe/Paris"
    assert editor.first_date.date() == QDate(2027, 3, 23)
    assert editor.days_spin.value() == 2
    assert editor.window_box.isChecked()
    assert [c.isChecked() for c in editor.weekday_checks] == [True] * 5 + [False] * 2
    assert (editor.start_edit.text(), editor.end_edit.text()) == ("07:00", "23:00")
    assert editor.weight_spins["formal_spread"].value() == 60


def test_untouched_form_builds_the_same_visit(editor: VisitSettingsEditor, visit: Visit) -> None:
    assert editor.build() == visit


def test_title(qtbot: QtBot, editor: VisitSettingsEditor, visit: Visit) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.title_edit.setText("PB in Paris")
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert blocker.args == [replace(visit, title="PB in Paris"), "Change the visit title"]


def test_bad_time_zone_is_marked(qtbot: QtBot, editor: VisitSettingsEditor) -> None:
    line = editor.zone_combo.lineEdit()
    with qtbot.assertNotEmitted(editor.visit_edited):
        line.setText("Paris")
        line.editingFinished.emit()
    assert editor.zone.message == "Not a known time zone"
    assert editor.zone_combo.property("invalid") is True


def test_day_hours(qtbot: QtBot, editor: VisitSettingsEditor, visit: Visit) -> None:
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.end_edit.setText("06:30")
        qtbot.keyClick(editor.end_edit, Qt.Key.Key_Return)
    assert editor.day_end.message == "The day ends before it starts"
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.end_edit.setText("25:00")
        qtbot.keyClick(editor.end_edit, Qt.Key.Key_Return)
    assert editor.day_end.message == "Not a time like 09:30"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.end_edit.setText("22:30")
        qtbot.keyClick(editor.end_edit, Qt.Key.Key_Return)
    assert blocker.args == [replace(visit, day_end=22 * 60 + 30), "Change the hours of the day"]
    assert editor.day_end.message == ""


def test_dates_and_length(qtbot: QtBot, editor: VisitSettingsEditor) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.days_spin.setValue(3)
    new: Visit = blocker.args[0]
    assert new.dates == (date(2027, 3, 23), date(2027, 3, 24), date(2027, 3, 25))
    assert new.candidate_dates is not None and new.candidate_dates.n_days == 3
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.first_date.setDate(QDate(2027, 3, 30))
    assert blocker.args[0].dates[0] == date(2027, 3, 30)
    assert blocker.args[1] == "Change the dates"


def test_candidate_window(qtbot: QtBot, editor: VisitSettingsEditor, visit: Visit) -> None:
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.window_last.setDate(QDate(2027, 3, 1))
    assert editor.window_to.message == "The window ends before it starts"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.window_last.setDate(QDate(2027, 3, 26))
    assert blocker.args[0].candidate_dates == DateWindow(
        date(2027, 3, 15), date(2027, 3, 26), 2, (0, 1, 2, 3, 4)
    )
    for check in editor.weekday_checks[:4]:
        check.setChecked(False)  # sent while a two-day run still fits
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.weekday_checks[4].setChecked(False)
    assert editor.weekdays.message == "Tick at least one day of the week"
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.weekday_checks[0].setChecked(True)  # Mondays only: no two-day run
    assert editor.window_to.message == "No run of 2 days fits in this window"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.window_box.setChecked(False)
    assert blocker.args[0].candidate_dates is None


def test_balance_interpreter_and_weights(
    qtbot: QtBot, editor: VisitSettingsEditor, visit: Visit
) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.host_target_spin.setValue(300)
    assert blocker.args == [
        replace(visit, balance=Balance(240, 300, 240)),
        "Change the balance targets",
    ]
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.break_spin.setValue(20)
    assert blocker.args[0].interpreter_rules == InterpreterRules(120, 20, 360)
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.weight_spins["idle_gaps"].setValue(5)
    assert blocker.args[0].weights.of("idle_gaps") == 5
    assert blocker.args[0].weights.of("changes") == 50
    assert blocker.args[1] == "Change the weights"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.slot_combo.setCurrentIndex(editor.slot_combo.findData(15))
    assert blocker.args[0].slot == 15


def test_nothing_sent_while_another_field_is_invalid(
    qtbot: QtBot, editor: VisitSettingsEditor
) -> None:
    editor.start_edit.setText("later")
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.host_target_spin.setValue(300)
    assert editor.day_start.message == "Not a time like 09:30"


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing")
def test_enter_on_a_time_zone_suggestion_changes_the_zone(
    qtbot: QtBot, editor: VisitSettingsEditor, visit: Visit
) -> None:
    editor.show()
    qtbot.waitExposed(editor)
    line = editor.zone_combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "Berl")
    popup = editor.zone_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert not popup.currentIndex().isValid()  # nothing highlighted: Enter takes the first
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert blocker.args == [replace(visit, zone="Europe/Berlin"), "Change the time zone"]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_columns_stack_when_they_do_not_fit_side_by_side(
    qtbot: QtBot, editor: VisitSettingsEditor
) -> None:
    from PySide6.QtWidgets import QBoxLayout

    editor.show()
    editor.resize(1600, 700)
    qtbot.waitUntil(lambda: editor.columns.direction() == QBoxLayout.Direction.LeftToRight)
    editor.resize(600, 700)
    qtbot.waitUntil(lambda: editor.columns.direction() == QBoxLayout.Direction.TopToBottom)
    inner = editor.scroller.widget()
    assert inner is not None
    qtbot.waitUntil(lambda: inner.width() <= editor.scroller.viewport().width())
