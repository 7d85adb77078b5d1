"""Files: settings, recent files, recovery copies, open/save/export with dialogs."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.test_calendar_fixtures import Dialogs, make_window, with_paris_plan
from visitplanner.io.project import load_project, project_to_json, save_project
from visitplanner.ui import commands
from visitplanner.ui.files import AppSettings, Autosaver, Recovery, demo_path, new_project

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


def test_new_project_has_sensible_defaults() -> None:
    project = new_project(date(2026, 5, 1))
    assert project.visit.dates == (date(2026, 5, 31), date(2026, 6, 1))
    assert project.visit.zone == "Europe/Paris"
    assert project.uid != new_project().uid


def test_recent_files_most_recent_first_and_kept_between_runs(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    settings.add_recent(a)
    settings.add_recent(b)
    settings.add_recent(a)
    settings.save_window(QByteArray(b"geo"), QByteArray(b"state"))
    settings.sync()
    again = _settings(tmp_path)
    assert again.recent_files() == [a, b]
    assert again.last_project() == a
    assert again.window_geometry() == QByteArray(b"geo")
    again.remove_recent(a)
    assert again.recent_files() == [b] and again.last_project() is None


def test_recovery_copy_is_offered_only_when_newer(tmp_path: Path) -> None:
    project = load_project(demo_path())
    path = tmp_path / "visit.json"
    save_project(project, path)
    recovery = Recovery(tmp_path / "rec")
    edited = commands.with_schedule(project, with_paris_plan(project).schedule)
    copy = recovery.write(edited, path)
    os.utime(path, (1_000_000, 1_000_000))
    assert recovery.newer_copy(path, project.uid) == edited
    os.utime(copy, (900_000, 900_000))
    assert recovery.newer_copy(path, project.uid) is None
    recovery.discard(path, project.uid)
    assert not copy.exists()


def test_autosave_writes_only_unsaved_work(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = new_project()
    state = {"modified": False}
    recovery = Recovery(tmp_path / "rec")
    saver = Autosaver(recovery, lambda: (project, None, state["modified"]), delay_ms=20)
    assert saver.save_now() is None
    state["modified"] = True
    saver.schedule()
    target = recovery.path_for(None, project.uid)
    qtbot.waitUntil(target.exists, timeout=2000)
    assert load_project(target) == project
    assert recovery.untitled_copies() == [target]


def test_save_and_reopen_is_identical(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs().install(monkeypatch)
    window = make_window(qtbot, tmp_path)
    window.doc.push(commands.pinned(window.doc.project, "steering", True), "Pin")
    target = tmp_path / "saved" / "paris"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.save()
    saved = target.with_suffix(".json")
    assert not window.isWindowModified() and window.doc.path == saved
    assert "paris[*]" in window.windowTitle() and "Visit Planner" in window.windowTitle()
    before = window.doc.project
    window.files.new_file()
    assert window.files.open_file(saved)
    assert window.doc.project == before
    assert project_to_json(window.doc.project) == saved.read_text(encoding="utf-8")
    assert window.settings.recent_files()[0] == saved.resolve()
    assert dialogs.shown == []


def test_a_bad_file_shows_a_dialog_not_a_traceback(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs().install(monkeypatch)
    window = make_window(qtbot, tmp_path)
    before = window.doc.project
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "visitplanner-project", "version": 1, "venues": [', encoding="utf-8")
    assert not window.files.open_file(bad)
    assert dialogs.kinds() == ["critical"]
    assert "broken.json" in dialogs.shown[0][2]
    assert "Traceback" not in dialogs.shown[0][2]
    assert window.doc.project == before


def test_unsaved_changes_prompt_can_cancel_or_discard(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs(QMessageBox.StandardButton.Cancel).install(monkeypatch)
    window = make_window(qtbot, tmp_path)
    window.doc.push(commands.unscheduled(window.doc.project, "debrief"), "Remove")
    assert not window.files.new_file()
    assert dialogs.kinds() == ["question"]
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert window.files.new_file()
    assert window.doc.project.visit.title == "New visit" and not window.doc.modified


def test_open_offers_a_newer_recovery_copy(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs(QMessageBox.StandardButton.Yes).install(monkeypatch)
    window = make_window(qtbot, tmp_path)
    path = tmp_path / "visit.json"
    project = window.doc.project
    save_project(project, path)
    os.utime(path, (1_000_000, 1_000_000))
    edited = commands.unscheduled(project, "debrief")
    window.files.recovery.write(edited, path)
    assert window.files.load(path)
    assert dialogs.kinds() == ["question"]
    assert window.doc.project == edited and window.doc.modified and window.doc.path == path


def test_export_writes_calendars_that_parse(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    Dialogs().install(monkeypatch)
    window = make_window(qtbot, tmp_path)
    one = tmp_path / "visit.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(one), ""))
    written = window.files.export_ics(False)
    assert written
    calendar = icalendar.Calendar.from_ical(written[0].read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == len(window.doc.project.schedule)
    assert window.doc.project.exports  # the export stamps are a change of the project
    assert window.doc.undo_stack.undoText() == "Export calendars"
    folder = tmp_path / "people"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    per_person = window.files.export_ics(True)
    assert len(per_person) > 2
    for path in per_person:
        assert icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT") is not None


def test_export_pdf_writes_a_pdf(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("visitplanner.ui.print_pdf")
    Dialogs().install(monkeypatch)
    window = make_window(qtbot, tmp_path)
    target = tmp_path / "itinerary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.export_pdf() == target
    assert target.read_bytes().startswith(b"%PDF")


def test_per_person_export_asks_before_replacing_calendars(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs(QMessageBox.StandardButton.Cancel).install(monkeypatch)
    window = make_window(qtbot, tmp_path)
    folder = tmp_path / "people"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    first = window.files.export_ics(True)  # a new folder name: created, nothing to ask
    assert folder.is_dir() and len(first) > 2
    assert dialogs.shown == []
    victim = sorted(first)[0]
    victim.write_text("kept", encoding="utf-8")
    assert window.files.export_ics(True) == []  # cancelled: nothing replaced
    assert dialogs.kinds() == ["question"]
    assert victim.name in dialogs.shown[0][2]
    assert victim.read_text(encoding="utf-8") == "kept"
    dialogs.answer = QMessageBox.StandardButton.Yes
    again = window.files.export_ics(True)
    assert sorted(again) == sorted(first)
    assert victim.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_per_person_export_into_an_unrelated_folder_does_not_ask(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs().install(monkeypatch)
    window = make_window(qtbot, tmp_path)
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "someone-else.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    assert window.files.export_ics(True)
    assert dialogs.shown == []
    assert (folder / "someone-else.txt").read_text(encoding="utf-8") == "x"


def test_an_export_that_cannot_be_written_says_which_file_and_why(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("visitplanner.ui.print_pdf")
    dialogs = Dialogs().install(monkeypatch)
    window = make_window(qtbot, tmp_path)
    (tmp_path / "notes").write_text("a file, not a folder")
    target = tmp_path / "notes" / "itinerary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.export_pdf() is None
    (kind, title, text), *_ = dialogs.shown
    assert (kind, title) == ("critical", "Could not export")
    assert text.startswith("Could not write itinerary.pdf: ") and "Errno" not in text
