"""Recovery copies: debounced, only offered when they differ from the saved file, dated."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_calendar_fixtures import Dialogs, make_window
from visitplanner.i18n import language
from visitplanner.io.project import save_project
from visitplanner.ui import commands
from visitplanner.ui.recovery import AUTOSAVE_MS, Recovery, age_text

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _saved_window(qtbot, tmp_path: Path, autosave_ms: int = 20):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path, autosave_ms=autosave_ms)
    path = tmp_path / "visit.json"
    save_project(window.doc.project, path)
    window.files.load(path)
    return window, path


def test_undone_edits_are_not_offered_after_a_quiet_quit(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs().install(monkeypatch)  # any question fails the test
    window, path = _saved_window(qtbot, tmp_path)
    copy = window.files.recovery.path_for(path, window.doc.project.uid)
    window.scene.select_key("evaluation")
    QTest.keyClick(window.view, Qt.Key.Key_Down)
    qtbot.waitUntil(copy.exists, timeout=3000)  # autosaved shortly after the change
    window.undo_action.trigger()
    assert not window.doc.modified
    assert window.close()  # no prompt: nothing is unsaved
    assert not copy.exists()
    again = make_window(qtbot, tmp_path / "again")
    assert again.files.load(path)
    assert dialogs.shown == []
    assert not again.doc.modified


def test_a_copy_equal_to_the_saved_file_is_never_offered(tmp_path: Path) -> None:
    from visitplanner.io.project import load_project
    from visitplanner.ui.files import demo_path

    project = load_project(demo_path())
    path = tmp_path / "visit.json"
    save_project(project, path)
    recovery = Recovery(tmp_path / "rec")
    copy = recovery.write(project, path)
    os.utime(copy, (time.time() + 60, time.time() + 60))  # even when newer
    assert recovery.newer_copy(path, project.uid) is None
    assert not copy.exists()
    edited = commands.with_visit(project, replace(project.visit, title="Edited"))
    recovery.write(edited, path)
    os.utime(path, (1_000_000, 1_000_000))
    assert recovery.newer_copy(path, project.uid) == edited


def test_undo_back_to_the_saved_state_removes_the_copy(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window, path = _saved_window(qtbot, tmp_path)
    copy = window.files.recovery.path_for(path, window.doc.project.uid)
    window.doc.push(commands.unscheduled(window.doc.project, "debrief"), "Remove")
    qtbot.waitUntil(copy.exists, timeout=3000)
    window.doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not copy.exists(), timeout=3000)


def test_autosave_is_debounced_a_few_seconds_after_each_change(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert 1_000 <= AUTOSAVE_MS <= 5_000
    window, path = _saved_window(qtbot, tmp_path, autosave_ms=AUTOSAVE_MS)
    timer = window.autosaver.timer
    window.autosaver.save_now()  # opening the file counted as a change
    assert timer.isSingleShot() and not timer.isActive()
    window.doc.push(commands.unscheduled(window.doc.project, "debrief"), "Remove")
    assert timer.isActive()
    copy = window.files.recovery.path_for(path, window.doc.project.uid)
    assert not copy.exists()  # not at once: after a pause
    window.autosaver.save_now()
    assert copy.exists()


def test_restore_question_says_how_old_the_copy_is(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialogs = Dialogs(QMessageBox.StandardButton.Yes).install(monkeypatch)
    window, path = _saved_window(qtbot, tmp_path)
    project = window.doc.project
    edited = commands.unscheduled(project, "debrief")
    copy = window.files.recovery.write(edited, path)
    written = time.time() - 7 * 60
    os.utime(path, (written - 60, written - 60))
    os.utime(copy, (written, written))
    assert window.files.load(path)
    assert dialogs.kinds() == ["question"]
    assert "7 minutes ago" in dialogs.shown[0][2]
    assert window.doc.project == edited and window.doc.modified


def test_age_reads_naturally_in_english_and_french() -> None:
    with language("en"):
        assert age_text(20) == "less than a minute ago"
        assert age_text(60) == "1 minute ago"
        assert age_text(3 * 3600) == "3 hours ago"
    with language("fr"):
        assert age_text(60) == "il y a 1 minute"
        assert age_text(5 * 60) == "il y a 5 minutes"
