"""The open document: the current project, its file, and its undo history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from visitplanner.domain import Project
from visitplanner.io.project import save_project
from visitplanner.ui.commands import ProjectCommand


class Document(QObject):
    """Holds the current :class:`Project`; every change goes through the undo stack.

    Signals: ``changed(Project)`` after any change (edit, undo, redo, reset),
    ``path_changed(object)`` with the new ``Path | None``, and
    ``modified_changed(bool)`` when unsaved changes appear or disappear.
    """

    changed = Signal(object)
    path_changed = Signal(object)
    modified_changed = Signal(bool)

    def __init__(
        self, project: Project, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._project = project
        self._path = path
        self._recovered = False
        self._last_modified = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    @property
    def project(self) -> Project:
        """The current project."""
        return self._project

    @property
    def path(self) -> Path | None:
        """The project file, or ``None`` for a project never saved."""
        return self._path

    @property
    def modified(self) -> bool:
        """Whether there are changes not yet saved."""
        return self._recovered or not self.undo_stack.isClean()

    @property
    def name(self) -> str:
        """What to call the project in the window title."""
        return self._path.stem if self._path else self._project.visit.title

    def push(self, project: Project, text: str, merge_key: str = "") -> bool:
        """Make ``project`` current as one undoable step named ``text``.

        Returns ``False`` (and records nothing) when nothing changed. Consecutive
        pushes with the same non-empty ``merge_key`` make a single undo step.
        """
        if project == self._project:
            return False
        command = ProjectCommand(self._apply, self._project, project, text, merge_key)
        self.undo_stack.push(command)
        return True

    def reset(self, project: Project, path: Path | None, *, modified: bool = False) -> None:
        """Replace the whole document (after New/Open), forgetting the undo history.

        ``modified`` marks a document restored from a recovery copy as unsaved.
        """
        self._recovered = modified
        self.undo_stack.clear()
        self._project = project
        self._set_path(path)
        self.changed.emit(project)
        self._emit_modified()

    def save(self, path: Path | None = None) -> Path:
        """Write the project to ``path`` (or its own file) and mark it saved."""
        target = path or self._path
        if target is None:
            raise ValueError("the project has no file yet: choose where to save it")
        save_project(self._project, target)
        self._recovered = False
        self._set_path(target)
        self.undo_stack.setClean()
        self._emit_modified()
        return target

    def _set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)

    def _apply(self, project: Project) -> None:
        self._project = project
        self.changed.emit(project)

    def _on_clean_changed(self, _clean: bool) -> None:
        self._emit_modified()

    def _emit_modified(self) -> None:
        if self.modified != self._last_modified:
            self._last_modified = self.modified
            self.modified_changed.emit(self._last_modified)
