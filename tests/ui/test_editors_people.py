"""The people editor: edits go out as valid visits, bad entries are marked in place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from visitplanner.domain import Level, Side, Visit
from visitplanner.io.project import load_project
from visitplanner.ui.editors.people import PeopleEditor


class Answers:
    """A confirm stub that records the questions and gives a fixed answer."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, title: str, question: str) -> bool:
        self.asked.append((title, question))
        return self.answer


@pytest.fixture
def visit(demo_path: Path) -> Visit:
    return load_project(demo_path).visit


@pytest.fixture
def editor(qtbot: QtBot, visit: Visit) -> PeopleEditor:
    ed = PeopleEditor(confirm=Answers(True))
    qtbot.addWidget(ed)
    ed.set_visit(visit)
    ed.select("paris-lead")
    return ed


def _type(qtbot: QtBot, edit: object, text: str) -> None:
    edit.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_rename_emits_new_visit(qtbot: QtBot, editor: PeopleEditor, visit: Visit) -> None:
    assert editor.name_edit.text() == "Julien Moreau"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        _type(qtbot, editor.name_edit, "Julien Moreau-Petit")
    new, text = blocker.args
    assert text == "Rename Julien Moreau"
    expected = replace(visit.participant("paris-lead"), name="Julien Moreau-Petit")
    assert new == replace(
        visit,
        participants=tuple(expected if p.id == "paris-lead" else p for p in visit.participants),
    )
    assert editor.current_key() == "paris-lead"


def test_side_and_languages(qtbot: QtBot, editor: PeopleEditor) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.side_combo.setCurrentIndex(editor.side_combo.findData(Side.OBSERVER))
    assert blocker.args[0].participant("paris-lead").side is Side.OBSERVER
    assert blocker.args[1] == "Change Julien Moreau's side"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        _type(qtbot, editor.languages_edit, "FR, en, es")
    assert blocker.args[0].participant("paris-lead").languages == ("fr", "en", "es")


@pytest.mark.parametrize(
    ("field", "text", "reason"),
    [
        ("languages", "", "Give at least one language"),
        (
            "languages",
            "French!",
            "'french!' is not a language code; use short codes such as en, fr",
        ),
        ("name", "   ", "Give a name"),
        ("email", "julien at paris", "This does not look like an email address"),
        ("ident", "councillor", "This id is already used"),
        ("ident", "julien moreau", "An id cannot contain spaces"),
    ],
)
def test_invalid_entry_is_marked_and_not_sent(
    qtbot: QtBot, editor: PeopleEditor, field: str, text: str, reason: str
) -> None:
    f = getattr(editor, field)
    with qtbot.assertNotEmitted(editor.visit_edited):
        _type(qtbot, f.widget, text)
    assert f.message == reason
    assert f.widget.property("invalid") is True
    assert f.widget.toolTip() == reason
    assert "border" in f.widget.styleSheet()


def _set_zone(editor: PeopleEditor, text: str) -> None:
    # Typing would open the completer popup, which offscreen Qt warns about.
    line = editor.zone_combo.lineEdit()
    line.setText(text)
    line.editingFinished.emit()


def test_unknown_time_zone(qtbot: QtBot, editor: PeopleEditor) -> None:
    with qtbot.assertNotEmitted(editor.visit_edited):
        _set_zone(editor, "Europe/Pariss")
    assert editor.zone.message == "Not a known time zone"
    assert editor.zone_combo.toolTip() == "Not a known time zone"
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        _set_zone(editor, "Europe/Brussels")
    assert editor.zone.message == ""
    assert editor.zone_combo.property("invalid") is False
    assert blocker.args[0].participant("paris-lead").home_zone == "Europe/Brussels"


def test_changing_the_id_renames_every_reference(qtbot: QtBot, editor: PeopleEditor) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        _type(qtbot, editor.id_edit, "julien")
    new: Visit = blocker.args[0]
    assert "julien" in new.activity("mainstreaming").required
    assert "paris-lead" not in new.activity("mainstreaming").required
    assert "julien" in new.availability and "paris-lead" not in new.availability


def test_add_person_is_free_by_default(qtbot: QtBot, editor: PeopleEditor, visit: Visit) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.add_button.click()
    new, text = blocker.args
    assert text == "Add a participant"
    assert len(new.participants) == len(visit.participants) + 1
    added = new.participants[-1]
    assert new.availability[added.id].default is Level.AVAILABLE
    assert added.home_zone == visit.zone
    assert editor.current_key() == added.id
    assert editor.name_edit.text() == added.name


def test_remove_person_asks_and_cleans_up(qtbot: QtBot, visit: Visit) -> None:
    answers = Answers(True)
    ed = PeopleEditor(confirm=answers)
    qtbot.addWidget(ed)
    ed.set_visit(visit)
    ed.select("paris-planning")
    with qtbot.waitSignal(ed.visit_edited, timeout=1000) as blocker:
        ed.remove_button.click()
    new, text = blocker.args
    assert text == "Remove Nathalie Girard"
    title, question = answers.asked[0]
    assert title == "Remove Nathalie Girard"
    assert "Mainstreaming PB: planning and implementation" in question
    assert "Lunch with Paris officers" in question
    assert "availability will be deleted" in question
    assert all(p.id != "paris-planning" for p in new.participants)
    assert all("paris-planning" not in a.invited for a in new.activities)
    assert "paris-planning" not in new.availability


def test_removing_a_visitor_keeps_minimum_attendance_sound(qtbot: QtBot, visit: Visit) -> None:
    ed = PeopleEditor(confirm=Answers(True))
    qtbot.addWidget(ed)
    ed.set_visit(visit)
    ed.select("councillor")
    with qtbot.waitSignal(ed.visit_edited, timeout=1000) as blocker:
        ed.remove_button.click()
    rule = blocker.args[0].activity("breakfast").min_attendance[0]
    assert "councillor" not in rule.among and len(rule.among) == 6 and rule.at_least == 4


def test_declined_removal_changes_nothing(qtbot: QtBot, visit: Visit) -> None:
    answers = Answers(False)
    ed = PeopleEditor(confirm=answers)
    qtbot.addWidget(ed)
    ed.set_visit(visit)
    with qtbot.assertNotEmitted(ed.visit_edited):
        ed.remove_button.click()
    assert len(answers.asked) == 1
    assert ed.visit is visit


def test_set_visit_with_own_edit_keeps_selection(qtbot: QtBot, editor: PeopleEditor) -> None:
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        _type(qtbot, editor.role_edit, "Head of PB")
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.set_visit(blocker.args[0])
    assert editor.current_key() == "paris-lead"
    assert editor.role_edit.text() == "Head of PB"
