"""Importing availability: what will change, a preview to confirm, and injectable hooks.

The editor reads a file through :class:`ImportHooks` (tests pass fakes: no real
file chooser or modal loop), lists the changes with :func:`describe_changes`
and asks :class:`ImportPreviewDialog` for Apply or Cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Availability, AvailabilityRange, Level, Visit
from visitplanner.domain.availability import Segment
from visitplanner.i18n import N_, _, format_short_day, ngettext
from visitplanner.ui.availability.grid import column_segments, time_label

# Marked only: shown through _() in the current language.
_BECOMES: dict[Level, str] = {
    Level.AVAILABLE: N_("{stretch} becomes available"),
    Level.IF_NEED_BE: N_("{stretch} becomes free only if need be"),
    Level.UNAVAILABLE: N_("{stretch} becomes unavailable"),
}

# (paths, home zone, first day, last day, current availability) -> ranges to paint over it.
# (paths, zone, first day, last day, current availability, slot) -> ranges to paint.
ReadCalendars = Callable[
    [list[str], str, date, date, Availability, int], tuple[AvailabilityRange, ...]
]
# (path, visit) -> per person id, ranges to paint.
ReadSpreadsheet = Callable[[str, Visit], dict[str, tuple[AvailabilityRange, ...]]]


@dataclass(frozen=True)
class PersonChanges:
    """What an import changes for one person, one line per stretch."""

    name: str
    lines: tuple[str, ...]


def describe_changes(
    before: Availability,
    after: Availability,
    days: Sequence[date],
    zone: str,
    lo: int,
    hi: int,
) -> tuple[str, ...]:
    """Lines like ``"Tue 23 Mar 09:00-10:30 becomes unavailable"`` (times in ``zone``)."""
    lines: list[str] = []
    for day in days:
        old = column_segments(before, day, zone, lo, hi)
        new = column_segments(after, day, zone, lo, hi)
        for start, end, level in _differences(old, new):
            stretch = f"{format_short_day(day)} {time_label(start)}-{time_label(end)}"
            lines.append(_(_BECOMES[level]).format(stretch=stretch))
    return tuple(lines)


def _differences(old: list[Segment], new: list[Segment]) -> list[tuple[int, int, Level]]:
    """Stretches where ``new`` differs from ``old``, merged by new level."""
    cuts = sorted({s.start for s in old + new} | {s.end for s in old + new})
    out: list[tuple[int, int, Level]] = []
    for start, end in pairwise(cuts):
        was, now = _level_in(old, start), _level_in(new, start)
        if was is now or now is None:
            continue
        if out and out[-1][1] == start and out[-1][2] is now:
            out[-1] = (out[-1][0], end, now)
        else:
            out.append((start, end, now))
    return out


def _level_in(segments: list[Segment], minute: int) -> Level | None:
    for seg in segments:
        if seg.start <= minute < seg.end:
            return seg.level
    return None


class ImportPreviewDialog(QDialog):
    """Lists the changes an import makes, per person; Apply accepts, Cancel rejects."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str,
        changes: Sequence[PersonChanges],
        empty_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.changes = tuple(changes)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        for person in self.changes:
            heading = _("{name}: {changes}").format(
                name=person.name, changes=_count(len(person.lines))
            )
            top = QTreeWidgetItem([heading])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for line in person.lines:
                top.addChild(QTreeWidgetItem([line]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        layout.addWidget(self.tree)
        self.empty = QLabel(
            empty_text or _("Nothing changes: the file agrees with what is already entered.")
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        nothing = not any(p.lines for p in self.changes)
        self.empty.setVisible(nothing)
        self.tree.setVisible(not nothing)
        buttons = QDialogButtonBox()
        self.apply_button: QPushButton = buttons.addButton(
            _("Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.setEnabled(not nothing)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def lines(self) -> list[str]:
        """Every line shown, with person headings, as plain text."""
        out: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            out.append(top.text(0))
            for j in range(top.childCount()):
                child = top.child(j)
                assert child is not None
                out.append(f"  {child.text(0)}")
        return out


def _count(n: int) -> str:
    if n == 0:
        return _("no change")
    return ngettext("{n} change", "{n} changes", n).format(n=n)


@dataclass
class ImportHooks:
    """Everything an import touches outside the editor; tests replace any of them.

    ``choose_files(parent, caption, filter)`` returns chosen paths (empty when
    cancelled); ``confirm(dialog)`` shows the preview and says whether Apply was
    chosen; ``show_error(parent, title, message)`` reports a refused file.
    """

    choose_files: Callable[[QWidget, str, str], list[str]]
    confirm: Callable[[ImportPreviewDialog], bool]
    show_error: Callable[[QWidget, str, str], None]
    read_calendars: ReadCalendars
    read_spreadsheet: ReadSpreadsheet


def default_hooks() -> ImportHooks:
    """Real file dialogs, a modal preview, message boxes and the real readers."""
    return ImportHooks(
        choose_files=_choose_files,
        confirm=lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted,
        show_error=_show_error,
        read_calendars=_read_calendars,
        read_spreadsheet=_read_spreadsheet,
    )


def _choose_files(parent: QWidget, caption: str, file_filter: str) -> list[str]:
    paths, _filter = QFileDialog.getOpenFileNames(parent, caption, "", file_filter)
    return list(paths)


def _show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def _read_calendars(
    paths: list[str], zone: str, first_day: date, last_day: date, over: Availability, slot: int
) -> tuple[AvailabilityRange, ...]:
    from visitplanner.io.ics_import import import_calendars, to_availability_ranges

    busy = import_calendars([Path(p) for p in paths], zone, first_day, last_day)
    return to_availability_ranges(busy, over, zone, slot=slot)


def _read_spreadsheet(path: str, visit: Visit) -> dict[str, tuple[AvailabilityRange, ...]]:
    from visitplanner.io.availability_csv import read_availability_csv

    return read_availability_csv(path, visit)
