"""Recovery copies of unsaved work, written a few seconds after each change.

A copy is kept only while the document differs from its saved file: undoing
back to the saved state, saving, or closing cleanly removes it, so relaunching
never offers to "restore" changes the coordinator already undid.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from visitplanner.domain import Project
from visitplanner.i18n import _, format_clock, ngettext
from visitplanner.io.errors import InputFileError
from visitplanner.io.project import load_project, save_project

#: Delay between the last change and the recovery copy (debounced).
AUTOSAVE_MS = 3_000

# What the autosaver asks for: (project, its file path, has unsaved changes).
Source = Callable[[], tuple[Project, Path | None, bool]]


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
        """Delete the recovery copy (after a save, a clean close or a deliberate discard)."""
        self.path_for(project_path, uid).unlink(missing_ok=True)

    def newer_copy(self, project_path: Path, uid: str) -> Project | None:
        """A recovery copy worth offering: newer than the file on disk and different from it.

        A copy identical to the saved file (changes undone) is deleted, never offered.
        """
        copy = self.path_for(project_path, uid)
        if not copy.exists():
            return None
        try:
            if project_path.exists() and copy.stat().st_mtime < project_path.stat().st_mtime:
                return None
            recovered = load_project(copy)
        except (OSError, InputFileError):
            return None
        try:
            saved = load_project(project_path)
        except (OSError, InputFileError):
            saved = None
        if saved == recovered:
            copy.unlink(missing_ok=True)
            return None
        return recovered

    def age(self, project_path: Path | None, uid: str, now: float | None = None) -> float | None:
        """How many seconds ago the recovery copy was written (``None`` without a copy)."""
        copy = self.path_for(project_path, uid)
        try:
            written = copy.stat().st_mtime
        except OSError:
            return None
        return max(0.0, (time.time() if now is None else now) - written)

    def untitled_copies(self) -> list[Path]:
        """Recovery copies of projects that were never saved, newest first."""
        if not self.folder.is_dir():
            return []
        found = list(self.folder.glob("untitled-*.json"))
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def age_text(seconds: float, written: float | None = None) -> str:
    """How old a copy is, in words: "2 minutes ago (14:32)"."""
    minutes = int(seconds // 60)
    if minutes < 1:
        ago = _("less than a minute ago")
    elif minutes < 60:
        ago = ngettext("{n} minute ago", "{n} minutes ago", minutes).format(n=minutes)
    elif minutes < 48 * 60:
        hours = minutes // 60
        ago = ngettext("{n} hour ago", "{n} hours ago", hours).format(n=hours)
    else:
        days = minutes // (24 * 60)
        ago = ngettext("{n} day ago", "{n} days ago", days).format(n=days)
    if written is None:
        return ago
    return _("{ago} ({time})").format(ago=ago, time=format_clock(datetime.fromtimestamp(written)))


class Autosaver(QObject):
    """Writes a recovery copy a few seconds after the last change (debounced).

    Call :meth:`schedule` on every change. When the document turns out to match
    its saved file again (undo), the copy is removed instead of written.
    """

    def __init__(
        self,
        recovery: Recovery,
        current: Source,
        delay_ms: int = AUTOSAVE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.recovery = recovery
        self._current = current
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.save_now)

    def schedule(self, *_args: object) -> None:
        """Something changed: (re)start the countdown to the recovery copy."""
        self.timer.start()

    def save_now(self) -> Path | None:
        """Write the recovery copy now if there are unsaved changes, else remove it."""
        self.timer.stop()
        project, path, modified = self._current()
        try:
            if not modified:
                self.recovery.discard(path, project.uid)
                return None
            return self.recovery.write(project, path)
        except OSError:
            return None

    def close_cleanly(self) -> None:
        """The window closes with nothing left unsaved: no copy must outlive it."""
        self.timer.stop()
        project, path, modified = self._current()
        if not modified:
            with contextlib.suppress(OSError):
                self.recovery.discard(path, project.uid)
