"""Details in place: double-click a block to edit that occurrence, as one undoable step.

The coordinator chooses which optional people attend, the venue, the pin, and the
activity's notes (notes belong to the activity, so they are shared by every day of
a daily activity — the dialog says so).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Placement, Project
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import _, format_duration
from visitplanner.ui import commands
from visitplanner.ui.calendar.geometry import day_heading
from visitplanner.ui.calendar.shading import ShadeKind, person_shades


def edited_occurrence(
    project: Project,
    key: str,
    *,
    optional: Iterable[str],
    venue: str,
    notes: str,
    pinned: bool,
) -> Project:
    """``project`` with occurrence ``key`` attended by the ``optional`` people chosen,
    at ``venue``, pinned or not, and its activity's notes set to ``notes``."""
    p = project.schedule.get(key)
    if p is None:
        raise KeyError(f"'{key}' is not in the programme")
    activity = project.visit.activity(p.activity_id)
    chosen = set(optional) & set(activity.optional)
    kept = [pid for pid in p.attendees if pid not in activity.optional or pid in chosen]
    wanted = set(kept) | chosen
    attendees = p.attendees
    if wanted != set(p.attendees):
        ordered = [pid for pid in activity.invited if pid in wanted]
        attendees = tuple(ordered + [pid for pid in kept if pid not in ordered])
    placement = replace(p, attendees=attendees, venue=venue, pinned=pinned)
    out = commands.with_placement(project, placement)
    if notes != activity.notes:
        changed = replace(activity, notes=notes)
        visit = replace(
            out.visit,
            activities=tuple(changed if a.id == activity.id else a for a in out.visit.activities),
        )
        out = replace(out, visit=visit)
    return out


class OccurrenceDialog(QDialog):
    """Edits one placed occurrence; :meth:`edited` gives the resulting project."""

    def __init__(
        self, project: Project, index: VisitIndex, key: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        p = project.schedule.get(key)
        if p is None:
            raise KeyError(key)
        self.project, self.key = project, key
        activity = index.activities[p.activity_id]
        occurrence = index.by_key.get(key)
        self.title = occurrence.title if occurrence else activity.title
        self.setWindowTitle(_("Details of {title}").format(title=self.title))
        layout = QVBoxLayout(self)
        when = _("{day}, {start}–{end} ({length})").format(
            day=day_heading(project.visit, p.day),
            start=hhmm(p.start),
            end=hhmm(p.end),
            length=format_duration(p.length),
        )
        heading = QLabel(f"<b>{_esc(self.title)}</b><br>{_esc(when)}")
        layout.addWidget(heading)
        form = QFormLayout()
        layout.addLayout(form)
        self.optional: dict[str, QCheckBox] = {}
        for pid in activity.optional:
            if pid not in index.people:
                continue
            box = QCheckBox(index.people[pid].label + _clash(index, project, p, pid))
            box.setChecked(pid in p.attendees)
            self.optional[pid] = box
            form.addRow(_("Optional") if len(self.optional) == 1 else "", box)
        if not self.optional:
            form.addRow(_("Optional"), QLabel(_("Nobody is optional for this activity.")))
        self.venue = QComboBox()
        choices = activity.venues or tuple(v.id for v in project.visit.venues)
        if p.venue and p.venue not in choices:
            choices = (p.venue, *choices)
        for vid in choices:
            name = next((v.name for v in project.visit.venues if v.id == vid), vid)
            self.venue.addItem(name, vid)
        self.venue.setCurrentIndex(max(self.venue.findData(p.venue), 0))
        form.addRow(_("Venue"), self.venue)
        self.notes = QPlainTextEdit(activity.notes)
        self.notes.setMinimumHeight(90)
        notes_label = _("Notes (every day)") if activity.per_day else _("Notes")
        form.addRow(notes_label, self.notes)
        self.pin = QCheckBox(_("Pinned: the planner keeps its time and venue"))
        self.pin.setChecked(p.pinned)
        form.addRow("", self.pin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def edited(self) -> Project:
        """The project with the choices made in the dialog."""
        return edited_occurrence(
            self.project,
            self.key,
            optional=[pid for pid, box in self.optional.items() if box.isChecked()],
            venue=str(self.venue.currentData()),
            notes=self.notes.toPlainText(),
            pinned=self.pin.isChecked(),
        )


def _clash(index: VisitIndex, project: Project, p: Placement, pid: str) -> str:
    """A hint after an optional person's name when they are not (fully) free then."""
    worst: ShadeKind | None = None
    for shade in person_shades(index, project.schedule, pid, p.key):
        if shade.day == p.day and shade.start < p.end and p.start < shade.end:
            worst = shade.kind if worst is None else max(worst, shade.kind)
    if worst is ShadeKind.UNAVAILABLE:
        return _(" — not available then")
    if worst is ShadeKind.TAKEN:
        return _(" — in another activity then")
    if worst is ShadeKind.IF_NEED_BE:
        return _(" — free only if need be")
    return ""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
