"""The venues editor and its travel-time table."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from visitplanner.domain import Visit
from visitplanner.io.project import load_project
from visitplanner.ui.editors.venues import VenuesEditor, is_symmetric


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
def editor(qtbot: QtBot, visit: Visit) -> VenuesEditor:
    ed = VenuesEditor(confirm=Answers(True))
    qtbot.addWidget(ed)
    ed.set_visit(visit)
    return ed


def _col(visit: Visit, vid: str) -> int:
    return [v.id for v in visit.venues].index(vid)


def test_table_shows_the_demo_matrix(editor: VenuesEditor, visit: Visit) -> None:
    t = editor.table
    assert t.rowCount() == t.columnCount() == 4
    hotel, office = _col(visit, "hotel"), _col(visit, "pb-office")
    assert t.item(hotel, office).text() == "25"
    assert t.item(office, hotel).text() == "25"
    assert t.item(hotel, hotel).text() == "—"
    assert editor.both_ways_check.isChecked()


def test_travel_edit_both_ways(qtbot: QtBot, editor: VenuesEditor, visit: Visit) -> None:
    r, c = _col(visit, "hotel"), _col(visit, "city-hall")
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.table.item(r, c).setText("35")
    new, text = blocker.args
    assert text == "Change travel time Hôtel Saint-Paul to Hôtel de Ville"
    assert new.travel.between("hotel", "city-hall") == 35
    assert new.travel.between("city-hall", "hotel") == 35
    assert new.venues == visit.venues and new.activities == visit.activities
    assert editor.table.item(c, r).text() == "35"


def test_travel_edit_one_way(qtbot: QtBot, editor: VenuesEditor, visit: Visit) -> None:
    editor.both_ways_check.setChecked(False)
    r, c = _col(visit, "hotel"), _col(visit, "city-hall")
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.table.item(r, c).setText("35")
    new = blocker.args[0]
    assert new.travel.between("hotel", "city-hall") == 35
    assert new.travel.between("city-hall", "hotel") == 20
    assert not is_symmetric(new.travel)
    assert not editor.both_ways_check.isChecked()


def test_clearing_a_cell_removes_the_time(qtbot: QtBot, editor: VenuesEditor, visit: Visit) -> None:
    r, c = _col(visit, "hotel"), _col(visit, "restaurant")
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.table.item(r, c).setText("")
    new = blocker.args[0]
    assert ("hotel", "restaurant") not in new.travel.minutes
    assert ("restaurant", "hotel") not in new.travel.minutes


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("twenty", "Travel time is a whole number of minutes, such as 20"),
        ("-5", "Travel time is a whole number of minutes, such as 20"),
        ("2000", "Travel time cannot be more than a day"),
    ],
)
def test_invalid_travel_time_is_marked(
    qtbot: QtBot, editor: VenuesEditor, visit: Visit, text: str, reason: str
) -> None:
    r, c = _col(visit, "hotel"), _col(visit, "city-hall")
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.table.item(r, c).setText(text)
    assert editor.travel_error.text() == f"Hôtel Saint-Paul to Hôtel de Ville: {reason}"
    assert editor.table.item(r, c).toolTip() == reason
    assert editor.visit is visit


def test_rename_venue(qtbot: QtBot, editor: VenuesEditor) -> None:
    editor.select("restaurant")
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.name_edit.setText("Chez Julien")
        qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    new, text = blocker.args
    assert text == "Rename Le Procope"
    assert new.venue("restaurant").name == "Chez Julien"
    assert editor.table.horizontalHeaderItem(_col(new, "restaurant")).text() == "Chez Julien"


def test_empty_name_and_taken_id_are_refused(qtbot: QtBot, editor: VenuesEditor) -> None:
    editor.select("restaurant")
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.name_edit.setText("")
        qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    assert editor.name.message == "Give a name"
    editor.name_edit.setText("Le Procope")
    with qtbot.assertNotEmitted(editor.visit_edited):
        editor.id_edit.setText("hotel")
        qtbot.keyClick(editor.id_edit, Qt.Key.Key_Return)
    assert editor.ident.message == "This id is already used"


def test_new_id_renames_references(qtbot: QtBot, editor: VenuesEditor) -> None:
    editor.select("pb-office")
    with qtbot.waitSignal(editor.visit_edited, timeout=1000) as blocker:
        editor.id_edit.setText("office")
        qtbot.keyClick(editor.id_edit, Qt.Key.Key_Return)
    new = blocker.args[0]
    assert new.activity("digitising").venues == ("office",)
    assert new.travel.between("hotel", "office") == 25


def test_add_and_remove_venue(qtbot: QtBot, visit: Visit) -> None:
    answers = Answers(True)
    ed = VenuesEditor(confirm=answers)
    qtbot.addWidget(ed)
    ed.set_visit(visit)
    with qtbot.waitSignal(ed.visit_edited, timeout=1000) as blocker:
        ed.add_button.click()
    added = blocker.args[0]
    assert len(added.venues) == 5 and ed.table.rowCount() == 5
    assert ed.current_key() == added.venues[-1].id
    ed.select("hotel")
    with qtbot.waitSignal(ed.visit_edited, timeout=1000) as blocker:
        ed.remove_button.click()
    new, text = blocker.args
    assert text == "Remove Hôtel Saint-Paul"
    assert "Breakfast" in answers.asked[0]
    assert "any venue allowed" in answers.asked[0]
    assert all(v.id != "hotel" for v in new.venues)
    assert all("hotel" not in pair for pair in new.travel.minutes)
    assert new.activity("breakfast").venues == ()
    assert ed.table.rowCount() == 4
