"""Importing availability: preview, Apply as one undoable edit, refused files."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_availability_editor import LONDON, PARIS, TUE, A, N, U, tiny_visit
from visitplanner.domain import Availability, AvailabilityRange, Visit
from visitplanner.domain.availability import local_range
from visitplanner.io.errors import InputFileError
from visitplanner.ui.availability.editor import AvailabilityEditor
from visitplanner.ui.availability.import_dialog import (
    ImportHooks,
    ImportPreviewDialog,
    PersonChanges,
    default_hooks,
    describe_changes,
)


@dataclass
class Script:
    """Fake hooks: a chosen file, a reader's answer, and what the user clicks."""

    qtbot: QtBot
    paths: list[str] = field(default_factory=lambda: ["/tmp/ann.ics"])
    ranges: tuple[AvailabilityRange, ...] = ()
    table: dict[str, tuple[AvailabilityRange, ...]] = field(default_factory=dict)
    refuse: InputFileError | None = None
    click_apply: bool = True
    previews: list[list[str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    reads: list[tuple[list[str], str, date, date]] = field(default_factory=list)

    def hooks(self) -> ImportHooks:
        return ImportHooks(
            choose_files=lambda parent, caption, pattern: list(self.paths),
            confirm=self.confirm,
            show_error=self.show_error,
            read_calendars=self.read_calendars,
            read_spreadsheet=self.read_spreadsheet,
        )

    def confirm(self, dialog: ImportPreviewDialog) -> bool:
        self.qtbot.addWidget(dialog)
        self.previews.append([dialog.intro.text(), *dialog.lines()])
        button = dialog.apply_button if self.click_apply else dialog.cancel_button
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    def show_error(self, parent: QWidget, title: str, message: str) -> None:
        self.errors.append((title, message))

    def read_calendars(
        self, paths: list[str], zone: str, first: date, last: date, over: Availability, slot: int
    ) -> tuple[AvailabilityRange, ...]:
        self.reads.append((paths, zone, first, last))
        if self.refuse is not None:
            raise self.refuse
        return self.ranges

    def read_spreadsheet(self, path: str, visit: Visit) -> dict[str, tuple[AvailabilityRange, ...]]:
        if self.refuse is not None:
            raise self.refuse
        return self.table


def make_editor(qtbot: QtBot, script: Script) -> tuple[AvailabilityEditor, list[tuple[Visit, str]]]:
    editor = AvailabilityEditor(hooks=script.hooks())
    qtbot.addWidget(editor)
    editor.set_visit(tiny_visit())
    editor.select_person("ann")
    edits: list[tuple[Visit, str]] = []
    editor.visit_edited.connect(lambda v, t: edits.append((v, t)))
    return editor, edits


def test_describe_changes() -> None:
    before = tiny_visit().availability_of("ann")
    busy = (
        local_range(TUE, 10 * 60, 11 * 60 + 30, LONDON, U),
        local_range(TUE, 16 * 60 + 30, 18 * 60, LONDON, N),
    )
    after = before.painted(busy)
    assert describe_changes(before, after, [TUE], LONDON, 6 * 60, 22 * 60) == (
        "Tue 23 Mar 10:00-11:30 becomes unavailable",
        "Tue 23 Mar 16:30-18:00 becomes free only if need be",
    )
    assert describe_changes(before, after, [TUE], PARIS, 7 * 60, 23 * 60)[0] == (
        "Tue 23 Mar 11:00-12:30 becomes unavailable"
    )
    assert describe_changes(before, before, [TUE], PARIS, 0, 24 * 60) == ()


def test_calendar_preview_then_apply_is_one_edit(qtbot: QtBot) -> None:
    busy = (local_range(TUE, 10 * 60, 11 * 60 + 30, LONDON, U),)
    script = Script(qtbot, ranges=busy)
    editor, edits = make_editor(qtbot, script)
    editor.import_ics_button.click()
    assert script.reads == [(["/tmp/ann.ics"], LONDON, TUE, date(2027, 3, 24))]
    assert script.previews == [
        [
            "Importing ann.ics for Ann changes the following (times in London time):",
            "Ann: 1 change",
            "  Tue 23 Mar 10:00-11:30 becomes unavailable",
        ]
    ]
    assert len(edits) == 1
    visit, text = edits[0]
    assert text == "Import Ann's calendar"
    assert visit.availability_of("ann").ranges[-1:] == busy
    assert editor.visit is visit


def test_cancel_changes_nothing(qtbot: QtBot) -> None:
    script = Script(qtbot, ranges=(local_range(TUE, 600, 690, LONDON, U),), click_apply=False)
    editor, edits = make_editor(qtbot, script)
    editor.import_calendar()
    assert len(script.previews) == 1
    assert edits == []
    assert editor.visit == tiny_visit()


def test_refused_file_shows_the_message(qtbot: QtBot) -> None:
    refusal = InputFileError("/tmp/ann.ics", "line 3", "this is not a calendar file")
    script = Script(qtbot, refuse=refusal)
    editor, edits = make_editor(qtbot, script)
    editor.import_calendar()
    assert script.errors == [
        ("Calendar not imported", "Could not open ann.ics (line 3): this is not a calendar file")
    ]
    assert script.previews == []
    assert edits == []
    editor.import_spreadsheet()
    assert script.errors[-1][0] == "Spreadsheet not imported"
    assert edits == []


def test_no_file_chosen(qtbot: QtBot) -> None:
    script = Script(qtbot, paths=[])
    editor, edits = make_editor(qtbot, script)
    editor.import_calendar()
    editor.import_spreadsheet()
    assert script.reads == [] and script.previews == [] and edits == []


def test_nothing_to_change_cannot_be_applied(qtbot: QtBot) -> None:
    dialog = ImportPreviewDialog(None, "Import", "intro", [PersonChanges("Ann", ())])
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    assert dialog.empty.text().startswith("Nothing changes")


def test_spreadsheet_preview_per_person_then_one_edit(qtbot: QtBot) -> None:
    table = {
        "ann": (local_range(TUE, 13 * 60, 14 * 60, LONDON, U),),
        "bob": (local_range(TUE, 14 * 60, 15 * 60, PARIS, A),),
    }
    script = Script(qtbot, paths=["/tmp/team.csv"], table=table)
    editor, edits = make_editor(qtbot, script)
    editor.import_csv_button.click()
    assert script.previews == [
        [
            "Importing team.csv changes the following (times in Paris time):",
            "Ann: 1 change",
            "  Tue 23 Mar 14:00-15:00 becomes unavailable",
            "Bob: 1 change",
            "  Tue 23 Mar 14:00-15:00 becomes available",
        ]
    ]
    assert len(edits) == 1
    visit, text = edits[0]
    assert text == "Import availability from team.csv"
    assert visit.availability_of("ann").ranges[-1:] == table["ann"]
    assert visit.availability_of("bob").ranges[-1:] == table["bob"]
    assert visit.availability_of("carol") == Availability()


ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:meeting-1@test\r
DTSTAMP:20270101T000000Z\r
DTSTART:20270323T100000Z\r
DTEND:20270323T113000Z\r
SUMMARY:Team meeting\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_real_calendar_reader(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ann.ics"
    path.write_text(ICS, encoding="utf-8", newline="")
    script = Script(qtbot, paths=[str(path)])
    hooks = script.hooks()
    hooks.read_calendars = default_hooks().read_calendars
    editor = AvailabilityEditor(hooks=hooks)
    qtbot.addWidget(editor)
    editor.set_visit(tiny_visit())
    editor.select_person("ann")
    with qtbot.waitSignal(editor.visit_edited) as blocker:
        editor.import_calendar()
    assert script.previews[0][1:] == [
        "Ann: 1 change",
        "  Tue 23 Mar 10:00-11:30 becomes unavailable",
    ]
    segments = blocker.args[0].availability_of("ann").day_segments(TUE, LONDON)
    assert [(s.start, s.end, s.level) for s in segments if s.level is not U] == [
        (9 * 60, 10 * 60, A),
        (11 * 60 + 30, 17 * 60, A),
    ]


def test_real_calendar_reader_rounds_busy_time_out_to_the_slot(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # 10:07-11:22 London in a visit planned in 15-minute steps: busy from 10:00 to 11:30,
    # as the command line's import-ics does
    path = tmp_path / "ann.ics"
    odd = ICS.replace("T100000Z", "T100700Z").replace("T113000Z", "T112200Z")
    path.write_text(odd, encoding="utf-8", newline="")
    script = Script(qtbot, paths=[str(path)])
    hooks = script.hooks()
    hooks.read_calendars = default_hooks().read_calendars
    editor = AvailabilityEditor(hooks=hooks)
    qtbot.addWidget(editor)
    editor.set_visit(replace(tiny_visit(), slot=15))
    editor.select_person("ann")
    with qtbot.waitSignal(editor.visit_edited):
        editor.import_calendar()
    assert script.previews[0][1:] == [
        "Ann: 1 change",
        "  Tue 23 Mar 10:00-11:30 becomes unavailable",
    ]


def test_real_spreadsheet_reader(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text("person,date,from,to,level\nbob,2027-03-23,14:00,15:00,available\n")
    script = Script(qtbot, paths=[str(path)])
    hooks = script.hooks()
    hooks.read_spreadsheet = default_hooks().read_spreadsheet
    editor = AvailabilityEditor(hooks=hooks)
    qtbot.addWidget(editor)
    editor.set_visit(tiny_visit())
    with qtbot.waitSignal(editor.visit_edited):
        editor.import_spreadsheet()
    assert script.previews[0][1:] == ["Bob: 1 change", "  Tue 23 Mar 14:00-15:00 becomes available"]


@pytest.mark.parametrize("content", ["not a calendar", ""])
def test_real_reader_refuses_a_bad_calendar(qtbot: QtBot, tmp_path: Path, content: str) -> None:
    path = tmp_path / "broken.ics"
    path.write_text(content, encoding="utf-8")
    script = Script(qtbot, paths=[str(path)])
    hooks = script.hooks()
    hooks.read_calendars = default_hooks().read_calendars
    editor = AvailabilityEditor(hooks=hooks)
    qtbot.addWidget(editor)
    editor.set_visit(tiny_visit())
    edits: list[object] = []
    editor.visit_edited.connect(lambda v, t: edits.append(v))
    editor.import_calendar()
    assert len(script.errors) == 1
    assert script.errors[0][1].startswith("Could not open broken.ics")
    assert edits == [] and script.previews == []


def test_a_calendar_with_no_events_in_the_visit_says_so(qtbot: QtBot) -> None:
    script = Script(qtbot, ranges=(), click_apply=False)
    shown: list[str] = []
    confirm = script.confirm

    def remember(dialog: ImportPreviewDialog) -> bool:
        shown.append(dialog.empty.text())
        return confirm(dialog)

    script.confirm = remember  # type: ignore[method-assign]
    editor, edits = make_editor(qtbot, script)
    editor.import_ics_button.click()
    assert shown == [
        "ann.ics has no events between Tuesday 23 March 2027 and Wednesday 24 March 2027."
    ]
    assert edits == []
