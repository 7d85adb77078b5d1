"""Details in place: double-click a block, edit the occurrence, undo it in one step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel

from tests.ui.test_calendar_fixtures import make_window, with_paris_plan
from visitplanner.io.project import load_project
from visitplanner.ui.calendar.details import edited_occurrence
from visitplanner.ui.files import demo_path

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing"
)

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def _double_click(qtbot, window, key: str):  # type: ignore[no-untyped-def]
    view = window.view
    rect = window.scene.blocks[key].scene_rect()
    view.ensureVisible(rect)
    point = view.mapFromScene(QPointF(rect.center().x(), rect.top() + 12))
    QTest.mouseDClick(view.viewport(), LEFT, NO_MOD, point)
    qtbot.waitUntil(lambda: window.calendar_tools.details_dialog is not None)
    dialog = window.calendar_tools.details_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_double_click_edits_attendance_venue_notes_and_pin_as_one_undo(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    before = window.doc.project
    lunch = before.schedule.get("lunch@1")
    assert lunch is not None and "paris-planning" in lunch.attendees
    depth = window.doc.undo_stack.count()
    dialog = _double_click(qtbot, window, "lunch@1")
    assert "Lunch" in dialog.windowTitle()
    assert window.doc.project is before  # a double click alone moves nothing
    # Optional people: ticked when they attend; required people are not offered.
    activity = window.scene.index.activities["lunch"]
    assert set(dialog.optional) == set(activity.optional) & set(window.scene.index.people)
    assert dialog.optional["paris-planning"].isChecked()
    QTest.mouseClick(dialog.optional["paris-planning"], LEFT)
    assert dialog.venue.currentData() == "city-hall"
    dialog.venue.setCurrentIndex(dialog.venue.findData("pb-office"))
    QTest.keyClick(dialog.notes, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.notes, " Bring badges.")
    QTest.mouseClick(dialog.pin, LEFT)
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    after = window.doc.project.schedule.get("lunch@1")
    assert after is not None
    assert "paris-planning" not in after.attendees
    assert set(after.attendees) == set(lunch.attendees) - {"paris-planning"}
    assert after.venue == "pb-office" and after.pinned
    assert (after.day, after.start, after.end) == (lunch.day, lunch.start, lunch.end)
    assert window.doc.project.visit.activity("lunch").notes.endswith("Bring badges.")
    assert window.doc.undo_stack.count() == depth + 1
    assert window.doc.undo_stack.undoText().startswith("Edit Lunch")
    assert window.scene.blocks["lunch@1"].venue_name == "Participatory Budget office"
    window.undo_action.trigger()
    assert window.doc.project == before


def test_cancel_changes_nothing(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    before = window.doc.project
    dialog = _double_click(qtbot, window, "dinner")
    dialog.pin.setChecked(True)
    QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), LEFT)
    assert window.doc.project is before
    assert window.calendar_tools.details_dialog is None


def test_required_people_and_interpreter_stay_whatever_is_ticked() -> None:
    project = with_paris_plan(load_project(demo_path()))
    dinner = project.schedule.get("dinner")
    assert dinner is not None
    edited = edited_occurrence(
        project, "dinner", optional=[], venue=dinner.venue, notes="", pinned=False
    )
    after = edited.schedule.get("dinner")
    assert after is not None
    activity = project.visit.activity("dinner")
    # Nobody optional is left; the interpreter (not invited, but attending) stays.
    assert not set(after.attendees) & set(activity.optional)
    assert "interpreter" in after.attendees
    # Ticking exactly who attends already changes nothing at all.
    same = edited_occurrence(
        project,
        "dinner",
        optional=[p for p in dinner.attendees if p in activity.optional],
        venue=dinner.venue,
        notes=activity.notes,
        pinned=dinner.pinned,
    )
    assert same == project
    # Someone who is not optional cannot be added through the optional list.
    forced = edited_occurrence(
        project, "dinner", optional=["paris-lead"], venue=dinner.venue, notes="", pinned=False
    )
    assert "paris-lead" not in forced.schedule.get("dinner").attendees  # type: ignore[union-attr]


def test_daily_activity_notes_say_they_are_shared(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    dialog = _double_click(qtbot, window, "breakfast@1")
    form = dialog.findChild(QFormLayout)
    label = form.labelForField(dialog.notes)
    assert isinstance(label, QLabel) and label.text() == "Notes (every day)"
    dialog.reject()
