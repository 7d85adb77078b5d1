"""The activities editor: lengths, people, windows, venues, add and remove."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from visitplanner import i18n
from visitplanner.domain import Kind, Visit, Window
from visitplanner.io.project import load_project
from visitplanner.ui.editors.activities import ActivitiesEditor


class Answers:
    """A confirm stub that records the questions and gives a fixed answer."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, title: str, question: str) -> bool:
        self.asked.append(question)
        return self.answer


@pytest.fixture
def visit(demo_path: Path) -> Visit:
    return load_project(demo_path).visit


@pytest.fixture
def editor(qtbot: QtBot, visit: Visit) -> ActivitiesEditor:
    ed = ActivitiesEditor(confirm=Answers(True))
    qtbot.addWidget(ed)
    ed.set_visit(visit)
    ed.select("lunch")
    return ed


def _swap(visit: Visit, new_activity: object) -> Visit:
    acts = tuple(new_activity if a.id == new_activity.id else a for a in visit.activities)  # type: ignore[attr-defined]
    return replace(visit, activities=acts)


def test_loads_the_lunch(editor: ActivitiesEditor) -> None:
    assert editor.title_edit.text() == "Lunch with Paris officers"
    assert (editor.min_spin.value(), editor.max_spin.value()) == (60, 90)
    assert editor.required_list.checked() == ("observer", "interpreter")
    assert "paris-lead" in editor.optional_list.checked()
    assert editor.min_visitors_spin.value() == 4
    assert editor.venues_list.checked() == ("city-hall", "pb-office")
    assert editor.per_day_check.isChecked()
    assert editor.windows_editor.row_count == 1


def test_longer_maximum(qtbot: QtBot, editor: ActivitiesEditor, visit: Visit) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.max_spin.setValue(120)
    new, text = blocker.args
    assert text == "Change the length of Lunch with Paris officers"
    assert new == _swap(visit, replace(visit.activity("lunch"), max_length=120))


def test_maximum_shorter_than_minimum_is_refused(qtbot: QtBot, editor: ActivitiesEditor) -> None:
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.max_spin.setValue(45)
    assert editor.lengths.message == "The maximum length is shorter than the minimum"
    assert editor.max_spin.property("invalid") is True
    assert editor.max_spin.toolTip() == "The maximum length is shorter than the minimum"


def test_window_ending_before_it_starts(qtbot: QtBot, editor: ActivitiesEditor) -> None:
    _day, start, end, error = editor.windows_editor.row(0)
    with qtbot.assertNotEmitted(editor.visit_edited):
        end.setText("11:00")
        qtbot.keyClick(end, Qt.Key.Key_Return)
    assert error.text() == "The window ends before it starts"
    assert end.toolTip() == "The window ends before it starts"
    with qtbot.assertNotEmitted(editor.visit_edited):
        start.setText("noon")
        qtbot.keyClick(start, Qt.Key.Key_Return)
    assert error.text() == "Not a time like 09:30"


def test_change_window_day_and_time(qtbot: QtBot, editor: ActivitiesEditor) -> None:
    day, _start, end, _error = editor.windows_editor.row(0)
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        end.setText("14:30")
        qtbot.keyClick(end, Qt.Key.Key_Return)
    assert blocker.args[0].activity("lunch").windows == (Window(720, 870),)
    assert blocker.args[1] == "Change when Lunch with Paris officers may happen"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        day.setCurrentIndex(day.findData(2))
    assert blocker.args[0].activity("lunch").windows == (Window(720, 870, 2),)


def test_add_and_remove_windows(qtbot: QtBot, editor: ActivitiesEditor) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.windows_editor.add_button.click()
    assert blocker.args[0].activity("lunch").windows == (Window(720, 840), Window(540, 1020))
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.windows_editor.remove_row(0)
    assert blocker.args[0].activity("lunch").windows == (Window(540, 1020),)
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.windows_editor.remove_row(0)
    assert editor.windows_editor.error.text() == "Give at least one time window"


def test_required_person_leaves_the_optional_list(qtbot: QtBot, editor: ActivitiesEditor) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.required_list.set_checked("paris-lead", True)
        editor.required_list.changed.emit()
    act = blocker.args[0].activity("lunch")
    assert act.required == ("interpreter", "paris-lead", "observer") or set(act.required) == {
        "observer",
        "interpreter",
        "paris-lead",
    }
    assert "paris-lead" not in act.optional
    assert blocker.args[1] == "Change who attends Lunch with Paris officers"


def test_ticking_a_person_by_hand(qtbot: QtBot, editor: ActivitiesEditor) -> None:
    lst = editor.optional_list
    row = next(
        i for i in range(lst.count()) if lst.item(i).data(Qt.ItemDataRole.UserRole) == "paris-lead"
    )
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        lst.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert "paris-lead" not in blocker.args[0].activity("lunch").invited


def test_visitor_minimum(qtbot: QtBot, editor: ActivitiesEditor, visit: Visit) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.min_visitors_spin.setValue(5)
    rule = blocker.args[0].activity("lunch").min_attendance
    assert len(rule) == 1 and rule[0].at_least == 5
    assert rule[0].among == visit.activity("lunch").min_attendance[0].among
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.min_visitors_spin.setValue(8)
    assert editor.min_visitors.message == "Only 7 visitors are invited"
    with i18n.language("fr"):
        editor.validate()
    assert editor.min_visitors.message == "Seuls 7 visiteurs sont invités"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.min_visitors_spin.setValue(0)
    assert blocker.args[0].activity("lunch").min_attendance == ()


def test_kind_venues_flags_and_notes(qtbot: QtBot, editor: ActivitiesEditor) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(Kind.FORMAL))
    assert blocker.args[0].activity("lunch").kind is Kind.FORMAL
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.venues_list.set_checked("hotel", True)
        editor.venues_list.changed.emit()
    assert blocker.args[0].activity("lunch").venues == ("hotel", "city-hall", "pb-office")
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.mandatory_check.setChecked(False)
    assert blocker.args[0].activity("lunch").mandatory is False
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.notes_edit.setPlainText("Book a table for 14.")
        editor.notes_edit.editingFinished.emit()
    assert blocker.args[0].activity("lunch").notes == "Book a table for 14."


def test_two_interpreters_taking_turns(
    qtbot: QtBot, editor: ActivitiesEditor, visit: Visit
) -> None:
    assert editor.interpreters_combo.currentData() == 1
    combo = editor.interpreters_combo
    combo.setFocus()
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # the user picks "Two, taking turns"
    edited = blocker.args[0]
    assert edited.activity("lunch").interpreters == 2
    editor.set_visit(edited)
    editor.select("lunch")
    assert combo.currentText() == "Two, taking turns"


def test_rename_and_empty_title(qtbot: QtBot, editor: ActivitiesEditor) -> None:
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.title_edit.setText(" ")
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert editor.title.message == "Give a title"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.title_edit.setText("Lunch with the Paris team")
        qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert blocker.args[1] == "Rename Lunch with Paris officers"
    assert blocker.args[0].activity("lunch").title == "Lunch with the Paris team"


def test_add_and_remove_activity(qtbot: QtBot, visit: Visit) -> None:
    answers = Answers(True)
    ed = ActivitiesEditor(confirm=answers)
    qtbot.addWidget(ed)
    ed.set_visit(visit)
    with qtbot.waitSignal(ed.visit_edited, timeout=1000) as blocker:
        ed.add_button.click()
    added = blocker.args[0].activities[-1]
    assert added.kind is Kind.INFORMAL and added.windows == (Window(540, 1020),)
    assert ed.current_key() == added.id
    ed.select("dinner")
    with qtbot.waitSignal(ed.visit_edited, timeout=1000) as blocker:
        ed.remove_button.click()
    assert blocker.args[1] == "Remove Dinner"
    assert "Dinner" in answers.asked[0]
    assert [a.id for a in blocker.args[0].activities] == [
        a.id for a in visit.activities if a.id != "dinner"
    ] + [added.id]
