"""Settings, recent files, new projects, autosave and crash recovery.

Everything that touches the user's disk outside the project file itself lives
here. Settings go through an injectable :class:`QSettings` (tests pass one
backed by a temporary file); recovery files live in a folder under
``platformdirs.user_data_dir`` unless another folder is given.
"""

from __future__ import annotations

import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from visitplanner.domain import Project, Visit
from visitplanner.i18n import N_, _
from visitplanner.io.demo import demo_path as demo_path
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import load_project
from visitplanner.ui import exports
from visitplanner.ui.document import Document
from visitplanner.ui.recovery import AUTOSAVE_MS, Autosaver, Recovery, age_text

__all__ = [
    "AUTOSAVE_MS",
    "AppSettings",
    "Autosaver",
    "FileActions",
    "Recovery",
    "default_recovery_dir",
    "default_settings",
    "demo_path",
    "new_project",
]

APP_NAME = "visitplanner"
MAX_RECENT = 8
PROJECT_FILTER = N_("Visit Planner projects (*.json);;All files (*)")


def new_project(today: date | None = None) -> Project:
    """An empty visit with sensible defaults: in 30 days, 2 days long, in Paris."""
    start = (today or date.today()) + timedelta(days=30)
    visit = Visit(
        title=_("New visit"),
        zone="Europe/Paris",
        dates=(start, start + timedelta(days=1)),
    )
    return Project(visit, uid=uuid.uuid4().hex)


def default_settings() -> QSettings:
    """The user's real settings store (never used by tests)."""
    return QSettings("VisitPlanner", "Visit Planner")


def default_recovery_dir() -> Path:
    """Where recovery copies are kept: ``<user data dir>/recovery``."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "recovery"


class AppSettings:
    """Typed access to the settings the app keeps between runs."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def recent_files(self) -> list[Path]:
        """Recently used project files, most recent first."""
        raw = self.store.value("files/recent", [])
        items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        return [Path(str(item)) for item in items if item]

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent list (and remember it as the last project)."""
        path = path.resolve()
        rest = [p for p in self.recent_files() if p != path]
        items = [str(p) for p in [path, *rest][:MAX_RECENT]]
        self.store.setValue("files/recent", items)
        self.store.setValue("files/last", str(path))

    def remove_recent(self, path: Path) -> None:
        """Forget ``path`` (e.g. after it could not be opened)."""
        items = [str(p) for p in self.recent_files() if p != path]
        self.store.setValue("files/recent", items)
        if self.last_project() == path:
            self.store.remove("files/last")

    def last_project(self) -> Path | None:
        """The project open when the app last closed, if any."""
        raw = self.store.value("files/last", "")
        return Path(str(raw)) if raw else None

    def started_before(self) -> bool:
        """Whether the app has run before (the first run opens the demo)."""
        return bool(self.store.value("app/started", False, type=bool))

    def mark_started(self) -> None:
        """Remember that the app has run."""
        self.store.setValue("app/started", True)

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        """Keep the window's size, position and dock layout."""
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def window_geometry(self) -> QByteArray | None:
        """The saved window geometry, if any."""
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        """The saved dock/toolbar layout, if any."""
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def show_home_axis(self) -> bool:
        """Whether the calendar shows the visitors' home time next to the visit's."""
        return bool(self.store.value("view/home_axis", True, type=bool))

    def set_show_home_axis(self, shown: bool) -> None:
        """Remember whether the second time axis is shown."""
        self.store.setValue("view/home_axis", shown)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.store.sync()


class FileActions:
    """New, Open, Save, Save As, exports and the unsaved-changes prompt, with dialogs."""

    def __init__(
        self, window: QWidget, doc: Document, settings: AppSettings, recovery: Recovery
    ) -> None:
        self.window = window
        self.doc = doc
        self.settings = settings
        self.recovery = recovery

    def _status(self, text: str) -> None:
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, 10_000)

    def new_file(self) -> bool:
        """Start an empty visit (after offering to save the current one)."""
        if not self.maybe_save():
            return False
        self.doc.reset(new_project(), None)
        return True

    def open_file(self, path: Path | None = None) -> bool:
        """Open a project file (asking which one when ``path`` is ``None``)."""
        if not self.maybe_save():
            return False
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self.window, _("Open a visit"), str(self._folder()), _(PROJECT_FILTER)
            )
            if not chosen:
                return False
            path = Path(chosen)
        return self.load(path)

    def load(self, path: Path) -> bool:
        """Load ``path`` (offering a newer recovery copy); a bad file shows a dialog."""
        try:
            project = load_project(path)
        except InputFileError as error:
            QMessageBox.critical(self.window, _("Could not open the visit"), error.message)
            self.settings.remove_recent(path)
            return False
        copy = self.recovery.newer_copy(path, project.uid)
        if copy is not None and self._ask_restore(path.name, self._copy_age(path, project.uid)):
            self.doc.reset(copy, path, modified=True)
        else:
            self.recovery.discard(path, project.uid)
            self.doc.reset(project, path)
        self.settings.add_recent(path)
        return True

    def load_untitled(self, project: Project, *, modified: bool = False) -> None:
        """Show ``project`` as a visit not yet saved (the demo, or a recovered copy)."""
        self.doc.reset(project, None, modified=modified)

    def offer_untitled_recovery(self) -> bool:
        """After a crash, offer the newest unsaved visit; returns whether it was restored."""
        for copy in self.recovery.untitled_copies():
            try:
                project = load_project(copy)
            except InputFileError:
                continue
            if self._ask_restore(project.visit.title, self._copy_age(None, project.uid)):
                self.load_untitled(project, modified=True)
                return True
            copy.unlink(missing_ok=True)
        return False

    def _copy_age(self, path: Path | None, uid: str) -> str:
        seconds = self.recovery.age(path, uid)
        if seconds is None:
            return ""
        return age_text(seconds, time.time() - seconds)

    def _ask_restore(self, name: str, age: str) -> bool:
        text = _("Visit Planner closed without saving changes to {name}.").format(name=name)
        if age:
            text += "\n" + _("The automatic copy of those changes was made {age}.").format(age=age)
        answer = QMessageBox.question(
            self.window,
            _("Restore unsaved changes?"),
            text + "\n\n" + _("Restore the changes from the automatic copy?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> bool:
        """Save to the project's file (asking where when it has none)."""
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        """Save to a file the user chooses."""
        suggested = self._folder() / f"{_safe_name(self.doc.project.visit.title)}.json"
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, _("Save the visit"), str(suggested), _(PROJECT_FILTER)
        )
        if not chosen:
            return False
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".json")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        old_path, uid = self.doc.path, self.doc.project.uid
        try:
            self.doc.save(path)
        except OSError as error:
            QMessageBox.critical(
                self.window,
                _("Could not save"),
                _("Could not save {name}: {reason}").format(name=path.name, reason=error.strerror),
            )
            return False
        self.recovery.discard(old_path, uid)
        self.recovery.discard(path, uid)
        self.settings.add_recent(path)
        self._status(_("Saved {name}").format(name=path.name))
        return True

    def maybe_save(self) -> bool:
        """Offer to save unsaved changes; ``False`` when the user cancels."""
        if not self.doc.modified:
            return True
        answer = QMessageBox.question(
            self.window,
            _("Save changes?"),
            _("Save the changes to {name} before closing it?").format(name=self.doc.name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.recovery.discard(self.doc.path, self.doc.project.uid)
            return True
        return False

    def export_ics(self, per_person: bool) -> list[Path]:
        """Export the programme as one calendar, or one per person into a folder."""
        from visitplanner.io.ics_export import export_ics

        if per_person:
            target = exports.choose_people_folder(self.window, self._folder(), self.doc.project)
        else:
            suggested = self._folder() / f"{_safe_name(self.doc.project.visit.title)}.ics"
            target = exports.choose_calendar_file(self.window, suggested)
        if target is None:
            return []
        try:
            project, written = export_ics(self.doc.project, target, per_person)
        except OSError as error:
            self._not_written(target, error)
            return []
        self.doc.push(project, _("Export calendars"))
        self._status(exports.written_text(len(written)))
        return written

    def _not_written(self, target: Path, error: OSError) -> None:
        """Say which file could not be written, and why, in the coordinator's words."""
        QMessageBox.critical(
            self.window,
            _("Could not export"),
            _("Could not write {name}: {reason}").format(
                name=target.name, reason=error.strerror or error
            ),
        )

    def export_pdf(self) -> Path | None:
        """Write the itinerary as a PDF to print or send."""
        from visitplanner.ui.print_pdf import export_itinerary_pdf

        suggested = self._folder() / f"{_safe_name(self.doc.project.visit.title)}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, _("Export the itinerary"), str(suggested), _("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            export_itinerary_pdf(self.doc.project, path)
        except OSError as error:
            self._not_written(path, error)
            return None
        self._status(_("Wrote {name}").format(name=path.name))
        return path

    def _folder(self) -> Path:
        if self.doc.path is not None:
            return self.doc.path.parent
        recent = self.settings.recent_files()
        return recent[0].parent if recent else Path.home()


def _safe_name(title: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(cleaned.split())[:60] or "visit"
