"""Settings, recent files, new projects, autosave and crash recovery.

Everything that touches the user's disk outside the project file itself lives
here. Settings go through an injectable :class:`QSettings` (tests pass one
backed by a temporary file); recovery files live in a folder under
``platformdirs.user_data_dir`` unless another folder is given.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QObject, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from visitplanner.domain import Project, Visit
from visitplanner.io.demo import demo_path as demo_path
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import load_project, save_project
from visitplanner.ui.document import Document

APP_NAME = "visitplanner"
MAX_RECENT = 8
AUTOSAVE_MS = 60_000
PROJECT_FILTER = "Visit Planner projects (*.json);;All files (*)"

# What the autosaver asks for: (project, its file path, has unsaved changes).
Source = Callable[[], tuple[Project, Path | None, bool]]


def new_project(today: date | None = None) -> Project:
    """An empty visit with sensible defaults: in 30 days, 2 days long, in Paris."""
    start = (today or date.today()) + timedelta(days=30)
    visit = Visit(
        title="New visit",
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


class Recovery:
    """Recovery copies of unsaved work, one per project (or per untitled project)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, project_path: Path | None, uid: str) -> Path:
        """The recovery file of a project file (or of an untitled project ``uid``)."""
        if project_path is None:
            return self.folder / f"untitled-{uid}.json"
        digest = hashlib.sha1(str(project_path.resolve()).encode("utf-8")).hexdigest()[:12]
        return self.folder / f"{project_path.stem}-{digest}.json"

    def write(self, project: Project, project_path: Path | None) -> Path:
        """Save a recovery copy of ``project``."""
        target = self.path_for(project_path, project.uid)
        save_project(project, target)
        return target

    def discard(self, project_path: Path | None, uid: str) -> None:
        """Delete the recovery copy (after a save or a deliberate discard)."""
        self.path_for(project_path, uid).unlink(missing_ok=True)

    def newer_copy(self, project_path: Path, uid: str) -> Project | None:
        """A recovery copy newer than the project file on disk, if it can be read."""
        copy = self.path_for(project_path, uid)
        if not copy.exists():
            return None
        try:
            if project_path.exists() and copy.stat().st_mtime <= project_path.stat().st_mtime:
                return None
            return load_project(copy)
        except (OSError, InputFileError):
            return None

    def untitled_copies(self) -> list[Path]:
        """Recovery copies of projects that were never saved, newest first."""
        if not self.folder.is_dir():
            return []
        found = list(self.folder.glob("untitled-*.json"))
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


class Autosaver(QObject):
    """Writes a recovery copy every minute while there are unsaved changes."""

    def __init__(
        self,
        recovery: Recovery,
        current: Source,
        interval_ms: int = AUTOSAVE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.recovery = recovery
        self._current = current
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def save_now(self) -> Path | None:
        """Write the recovery copy now if the document has unsaved changes."""
        project, path, modified = self._current()
        if not modified:
            return None
        try:
            return self.recovery.write(project, path)
        except OSError:
            return None


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
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, "Open a visit", str(self._folder()), PROJECT_FILTER
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
            QMessageBox.critical(self.window, "Could not open the visit", error.message)
            self.settings.remove_recent(path)
            return False
        copy = self.recovery.newer_copy(path, project.uid)
        if copy is not None and self._ask_restore(path.name):
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
            if self._ask_restore(project.visit.title):
                self.load_untitled(project, modified=True)
                return True
            copy.unlink(missing_ok=True)
        return False

    def _ask_restore(self, name: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Restore unsaved changes?",
            f"Visit Planner closed without saving changes to {name}.\n"
            "Restore the changes from the automatic copy?",
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
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Save the visit", str(suggested), PROJECT_FILTER
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
                self.window, "Could not save", f"Could not save {path.name}: {error.strerror}"
            )
            return False
        self.recovery.discard(old_path, uid)
        self.recovery.discard(path, uid)
        self.settings.add_recent(path)
        self._status(f"Saved {path.name}")
        return True

    def maybe_save(self) -> bool:
        """Offer to save unsaved changes; ``False`` when the user cancels."""
        if not self.doc.modified:
            return True
        answer = QMessageBox.question(
            self.window,
            "Save changes?",
            f"Save the changes to {self.doc.name} before closing it?",
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
            folder = QFileDialog.getExistingDirectory(
                self.window, "Folder for everyone's calendars", str(self._folder())
            )
            if not folder:
                return []
            target = Path(folder)
        else:
            suggested = self._folder() / f"{_safe_name(self.doc.project.visit.title)}.ics"
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, "Export the calendar", str(suggested), "Calendar files (*.ics)"
            )
            if not chosen:
                return []
            target = Path(chosen)
        try:
            project, written = export_ics(self.doc.project, target, per_person)
        except OSError as error:
            QMessageBox.critical(self.window, "Could not export", f"{error}")
            return []
        self.doc.push(project, "Export calendars")
        self._status(f"Wrote {len(written)} calendar file{'s' if len(written) != 1 else ''}")
        return written

    def export_pdf(self) -> Path | None:
        """Write the itinerary as a PDF to print or send."""
        from visitplanner.ui.print_pdf import export_itinerary_pdf

        suggested = self._folder() / f"{_safe_name(self.doc.project.visit.title)}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Export the itinerary", str(suggested), "PDF files (*.pdf)"
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            export_itinerary_pdf(self.doc.project, path)
        except OSError as error:
            QMessageBox.critical(self.window, "Could not export", f"{error}")
            return None
        self._status(f"Wrote {path.name}")
        return path

    def _folder(self) -> Path:
        if self.doc.path is not None:
            return self.doc.path.parent
        recent = self.settings.recent_files()
        return recent[0].parent if recent else Path.home()


def _safe_name(title: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(cleaned.split())[:60] or "visit"
