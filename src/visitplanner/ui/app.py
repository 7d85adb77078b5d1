"""Starting the desktop app: ``run_app`` opens a project (or the demo) in the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from visitplanner.i18n import _, current_language
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import load_project
from visitplanner.ui.files import (
    AppSettings,
    Recovery,
    default_recovery_dir,
    default_settings,
    demo_path,
    new_project,
)
from visitplanner.ui.language import apply_language, chosen_language
from visitplanner.ui.main_window import MainWindow


def excepthook_for(parent: QWidget | None) -> Any:
    """An exception hook that shows an error dialog instead of a traceback."""

    def hook(kind: type[BaseException], error: BaseException, tb: Any) -> None:
        sys.__excepthook__(kind, error, tb)  # keep the details for bug reports
        QMessageBox.critical(
            parent,
            _("Something went wrong"),
            _(
                "Visit Planner hit an unexpected problem and could not finish what it was doing."
                "\n\n{error}\n\nYour work is saved automatically a few seconds after each change."
            ).format(error=error),
        )

    return hook


def open_initial(window: MainWindow, path: Path | None) -> None:
    """Open ``path``; else the last project; else the demo the first time; else a new visit."""
    settings, files = window.settings, window.files
    if path is not None and files.load(path):
        return
    if path is None and files.offer_untitled_recovery():
        return
    last = settings.last_project()
    if path is None and last is not None and last.exists() and files.load(last):
        return
    if not settings.started_before():
        try:
            files.load_untitled(load_project(demo_path()))
            return
        except InputFileError:
            pass
    files.load_untitled(new_project())


def build_window(
    path: Path | None,
    settings: QSettings | None = None,
    recovery_dir: Path | None = None,
) -> MainWindow:
    """The main window with ``path`` (or the usual first project) open."""
    store = AppSettings(settings if settings is not None else default_settings())
    window = MainWindow(store, Recovery(recovery_dir or default_recovery_dir()))
    open_initial(window, path)
    store.mark_started()
    return window


def run_app(
    path: str | None = None,
    *,
    settings: QSettings | None = None,
    recovery_dir: Path | None = None,
    on_shown: Callable[[MainWindow], None] | None = None,
) -> int:
    """Run the desktop app until the window closes; returns the exit code.

    ``settings`` and ``recovery_dir`` replace the user's real ones (tests,
    benchmarks); ``on_shown`` is called once the window is on screen.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Visit Planner")
    app.setOrganizationName("VisitPlanner")
    store = settings if settings is not None else default_settings()
    previous_language = current_language()
    apply_language(chosen_language(store), app)
    window = build_window(Path(path) if path else None, store, recovery_dir)
    previous_hook = sys.excepthook
    sys.excepthook = excepthook_for(window)
    try:
        window.show()
        if on_shown is not None:
            QTimer.singleShot(0, lambda: on_shown(window))
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        apply_language(previous_language, app)
