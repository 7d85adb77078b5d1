"""Export dialogs: one calendar, a calendar per person (asking before replacing files), PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from visitplanner.domain import Project
from visitplanner.i18n import _, ngettext

#: How many replaced file names the question lists before "and N more".
LISTED = 8


def files_it_would_write(project: Project) -> list[str]:
    """The names of the files a per-person export writes (found by a trial export)."""
    from visitplanner.io.ics_export import export_ics

    with tempfile.TemporaryDirectory(prefix="visitplanner-") as trial:
        _project, written = export_ics(project, Path(trial), True)
        return sorted(path.name for path in written)


def replaced_files(project: Project, folder: Path) -> list[str]:
    """The files of a per-person export into ``folder`` that already exist there."""
    if not folder.is_dir():
        return []
    return [name for name in files_it_would_write(project) if (folder / name).exists()]


def confirm_replace(parent: QWidget | None, folder: Path, names: list[str]) -> bool:
    """Ask before replacing ``names`` in ``folder``; ``True`` when there is nothing to ask."""
    if not names:
        return True
    shown = "\n".join(f"• {name}" for name in names[:LISTED])
    if len(names) > LISTED:
        more = len(names) - LISTED
        shown += "\n" + ngettext("…and {n} more", "…and {n} more", more).format(n=more)
    question = ngettext(
        "{folder} already has a calendar with the same name:",
        "{folder} already has {n} calendars with the same names:",
        len(names),
    ).format(folder=folder.name or str(folder), n=len(names))
    answer = QMessageBox.question(
        parent,
        _("Replace calendars?"),
        f"{question}\n\n{shown}\n\n" + _("Replace them with the new calendars?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose_people_folder(parent: QWidget | None, start: Path, project: Project) -> Path | None:
    """Ask for the folder of everyone's calendars; a new folder name is created.

    Returns ``None`` when the coordinator cancels (or declines to replace files).
    """
    folder = QFileDialog.getExistingDirectory(
        parent, _("Folder for everyone's calendars"), str(start)
    )
    if not folder:
        return None
    target = Path(folder)
    if not target.exists():
        try:
            target.mkdir(parents=True)
        except OSError as error:
            QMessageBox.critical(
                parent,
                _("Could not export"),
                _("Could not create the folder {folder}: {reason}").format(
                    folder=target, reason=error.strerror or error
                ),
            )
            return None
    if not confirm_replace(parent, target, replaced_files(project, target)):
        return None
    return target


def choose_calendar_file(parent: QWidget | None, suggested: Path) -> Path | None:
    """Ask where to write the programme as one calendar (the dialog asks before replacing)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Export the calendar"), str(suggested), _("Calendar files (*.ics)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(".ics")


def written_text(count: int) -> str:
    """The status-bar line after an export."""
    return ngettext("Wrote {n} calendar file", "Wrote {n} calendar files", count).format(n=count)
