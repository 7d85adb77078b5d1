"""The availability editor: paint each person's free time, see who is free, import files.

Every change is emitted as ``visit_edited(new_visit, undo_text)``; the main
window makes it one undoable step. Rows are at least 15 minutes long (a
5-minute slot would make rows too thin to read), painted ranges are exact.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Availability, AvailabilityRange, Level, Participant, Visit
from visitplanner.i18n import N_, _, format_day, format_short_day, ngettext
from visitplanner.io.errors import InputFileError
from visitplanner.ui.availability.grid import (
    LEVEL_COLOURS,
    LEVEL_NAMES,
    AvailabilityGrid,
    Frame,
    display_bounds,
    grid_days,
    row_minutes,
    zone_city,
)
from visitplanner.ui.availability.heatmap import HeatMap, heat_colour, needed_people
from visitplanner.ui.availability.import_dialog import (
    ImportHooks,
    ImportPreviewDialog,
    PersonChanges,
    default_hooks,
    describe_changes,
)

# Marked only: shown through _() in the current language.
_PAINT_TIP = {
    Level.AVAILABLE: N_("Drag across the grid to mark time as available"),
    Level.IF_NEED_BE: N_("Drag across the grid to mark time as free if need be"),
    Level.UNAVAILABLE: N_("Drag across the grid to mark time as unavailable"),
}
_MARK = {
    Level.AVAILABLE: N_("Mark {name} available, {when} ({city} time)"),
    Level.IF_NEED_BE: N_("Mark {name} free if need be, {when} ({city} time)"),
    Level.UNAVAILABLE: N_("Mark {name} unavailable, {when} ({city} time)"),
}


def swatch(colour: QColor | str, size: int = 14) -> QIcon:
    """A square icon of one colour (legend and level buttons)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class AvailabilityEditor(QWidget):
    """Per person a when2meet-like grid, plus a "who is free" overview and imports."""

    visit_edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None, hooks: ImportHooks | None = None) -> None:
        super().__init__(parent)
        self.hooks = hooks if hooks is not None else default_hooks()
        self._visit: Visit | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._person_tab(), _("By person"))
        self.tabs.addTab(self._overview_tab(), _("Who is free"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._refresh()

    def _person_tab(self) -> QWidget:
        tab = QWidget()
        self.people = QListWidget()
        self.people.setMaximumWidth(300)
        self.people.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.currentRowChanged.connect(lambda _row: self._refresh_person())
        self.person_label = QLabel()
        self.person_label.setStyleSheet("font-weight: bold;")
        self.level_buttons: dict[Level, QToolButton] = {}
        self._level_group = QButtonGroup(self)
        paint_row = QHBoxLayout()
        paint_row.addWidget(QLabel(_("Paint with:")))
        for level in Level:
            button = QToolButton()
            button.setText(_(LEVEL_NAMES[level]))
            button.setIcon(swatch(LEVEL_COLOURS[level]))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setToolTip(_(_PAINT_TIP[level]))
            button.toggled.connect(lambda on, lv=level: self._level_toggled(on, lv))
            self._level_group.addButton(button)
            self.level_buttons[level] = button
            paint_row.addWidget(button)
        paint_row.addStretch()
        self.zone_toggle = QCheckBox()
        self.zone_toggle.toggled.connect(lambda _on: self._refresh_person())
        self.zone_label = QLabel()
        self.zone_label.setStyleSheet("font-weight: bold; color: #0d47a1;")
        self.hint = QLabel(
            _("Drag across the grid to paint. Days in blue are the visit's current dates.")
        )
        self.hint.setStyleSheet("color: #546e7a;")
        self.grid = AvailabilityGrid()
        self.grid.stroke.connect(self._on_stroke)
        scroll = QScrollArea()
        scroll.setWidget(self.grid)
        scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.import_ics_button = QPushButton(_("Import calendar (.ics)…"))
        self.import_ics_button.setToolTip(_("Mark busy times from this person's calendar file"))
        self.import_ics_button.clicked.connect(self.import_calendar)
        self.import_csv_button = QPushButton(_("Import spreadsheet (.csv)…"))
        self.import_csv_button.setToolTip(_("Read everyone's availability from a spreadsheet"))
        self.import_csv_button.clicked.connect(self.import_spreadsheet)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_ics_button)
        import_row.addWidget(self.import_csv_button)
        import_row.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.person_label)
        right.addLayout(paint_row)
        right.addWidget(self.zone_toggle)
        right.addWidget(self.zone_label)
        right.addWidget(self.hint)
        right.addWidget(scroll, 1)
        right.addLayout(import_row)
        row = QHBoxLayout(tab)
        left = QVBoxLayout()
        left.addWidget(QLabel(_("People")))
        left.addWidget(self.people)
        row.addLayout(left)
        row.addLayout(right, 1)
        self.level_buttons[Level.AVAILABLE].setChecked(True)
        return tab

    def _overview_tab(self) -> QWidget:
        tab = QWidget()
        self.overview_label = QLabel()
        self.overview_label.setWordWrap(True)
        legend = QHBoxLayout()
        self.legend_labels: list[QLabel] = []
        for text, free, total in (
            (_("nobody free"), 0, 4),
            (_("some free"), 2, 4),
            (_("most free"), 3, 4),
            (_("everyone needed is free"), 4, 4),
        ):
            icon = QLabel()
            icon.setPixmap(swatch(heat_colour(free, total)).pixmap(14, 14))
            label = QLabel(text)
            self.legend_labels.append(label)
            legend.addWidget(icon)
            legend.addWidget(label)
            legend.addSpacing(10)
        legend.addStretch()
        self.heatmap = HeatMap()
        scroll = QScrollArea()
        scroll.setWidget(self.heatmap)
        scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.overview_label)
        layout.addLayout(legend)
        layout.addWidget(scroll, 1)
        return tab

    # -- public API -------------------------------------------------------

    @property
    def visit(self) -> Visit | None:
        """The visit shown."""
        return self._visit

    def set_visit(self, visit: Visit) -> None:
        """Show ``visit``, keeping the selected person when they are still there."""
        self._visit = visit
        self._refresh()

    def current_person(self) -> Participant | None:
        """The person whose grid is shown."""
        if self._visit is None:
            return None
        item = self.people.currentItem()
        if item is None:
            return None
        pid = str(item.data(Qt.ItemDataRole.UserRole))
        return next((p for p in self._visit.participants if p.id == pid), None)

    def select_person(self, pid: str) -> None:
        """Show ``pid``'s grid."""
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.ItemDataRole.UserRole) == pid:
                self.people.setCurrentRow(row)
                return
        raise KeyError(pid)

    def set_paint_level(self, level: Level) -> None:
        """Choose the level that strokes paint."""
        self.grid.paint_level = level
        button = self.level_buttons[level]
        if not button.isChecked():
            button.setChecked(True)

    def _level_toggled(self, on: bool, level: Level) -> None:
        if on:
            self.set_paint_level(level)

    def show_visit_zone(self, on: bool) -> None:
        """Show the grid in the visit's zone (``True``) or the person's home zone."""
        self.zone_toggle.setChecked(on)
        self._refresh_person()

    def display_zone(self) -> str:
        """The zone the grid's times are in."""
        person = self.current_person()
        if self._visit is None or person is None:
            return "UTC"
        return self._visit.zone if self.zone_toggle.isChecked() else person.home_zone

    # -- refreshing -------------------------------------------------------

    def _refresh(self) -> None:
        visit = self._visit
        keep = self.current_person()
        self.people.blockSignals(True)
        self.people.clear()
        for person in visit.participants if visit else ():
            item = QListWidgetItem(person.label)
            item.setToolTip(
                _("{person}\nHome time zone: {zone}").format(
                    person=person.label, zone=person.home_zone
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.people.addItem(item)
        self.people.blockSignals(False)
        if self.people.count():
            ids = [p.id for p in visit.participants] if visit else []
            self.people.setCurrentRow(ids.index(keep.id) if keep and keep.id in ids else 0)
        self._refresh_person()
        self._refresh_overview()

    def _refresh_person(self) -> None:
        visit, person = self._visit, self.current_person()
        enabled = visit is not None and person is not None
        for widget in (self.zone_toggle, self.import_ics_button, self.grid):
            widget.setEnabled(enabled)
        self.import_csv_button.setEnabled(visit is not None)
        if visit is None or person is None:
            self.person_label.setText(_("Add people to enter when they are free."))
            self.zone_label.clear()
            self.grid.show_availability(Frame(), "UTC", Availability())
            return
        self.person_label.setText(_("When is {name} free?").format(name=person.name))
        visit_city = zone_city(visit.zone)
        same = person.home_zone == visit.zone
        self.zone_toggle.setText(_("Show in the visit's time ({city})").format(city=visit_city))
        self.zone_toggle.setEnabled(not same)
        zone = self.display_zone()
        if same:
            where = N_("Times in {city} time (the person's home and the visit)")
        elif zone == visit.zone:
            where = N_("Times in {city} time (visit)")
        else:
            where = N_("Times in {city} time (person's home)")
        self.zone_label.setText(_(where).format(city=zone_city(zone)))
        self.grid.show_availability(
            self._frame(visit, zone), zone, visit.availability_of(person.id)
        )

    def _frame(self, visit: Visit, zone: str) -> Frame:
        days = grid_days(visit)
        row = row_minutes(visit)
        lo, hi = display_bounds(visit, days, zone, row)
        return Frame(days, lo, hi, row, frozenset(visit.dates))

    def _refresh_overview(self) -> None:
        visit = self._visit
        if visit is None:
            self.overview_label.setText("")
            return
        total = len(needed_people(visit))
        self.overview_label.setText(
            ngettext(
                "For each {minutes} minutes, how many of the {n} person the programme needs "
                "is free. Hover a slot to see who is missing. Times in {city} time (visit).",
                "For each {minutes} minutes, how many of the {n} people the programme needs "
                "are free. Hover a slot to see who is missing. Times in {city} time (visit).",
                total,
            ).format(minutes=row_minutes(visit), n=total, city=zone_city(visit.zone))
        )
        self.heatmap.set_visit(visit)

    # -- edits ------------------------------------------------------------

    def _apply(self, visit: Visit, text: str) -> None:
        self.set_visit(visit)
        self.visit_edited.emit(visit, text)

    def _on_stroke(self, ranges: tuple[AvailabilityRange, ...]) -> None:
        visit, person = self._visit, self.current_person()
        if visit is None or person is None or not ranges:
            return
        painted = visit.availability_of(person.id).painted(ranges)
        first, last = ranges[0].start, ranges[-1].start
        days = format_short_day(first)
        if len(ranges) > 1:
            days += f" - {format_short_day(last)}"
        text = _(_MARK[ranges[0].level]).format(
            name=person.name,
            when=f"{days} {first:%H:%M}-{ranges[0].end:%H:%M}",
            city=zone_city(self.display_zone()),
        )
        self._apply(_with_availability(visit, {person.id: painted}), text)

    def import_calendar(self) -> None:
        """Ask for .ics files, preview the busy times, and apply them as one step."""
        visit, person = self._visit, self.current_person()
        days = grid_days(visit) if visit is not None else ()
        if visit is None or person is None or not days:
            return
        paths = self.hooks.choose_files(
            self,
            _("Import {name}'s calendar").format(name=person.name),
            _("Calendars (*.ics)"),
        )
        if not paths:
            return
        try:
            ranges = self.hooks.read_calendars(
                list(paths),
                person.home_zone,
                days[0],
                days[-1],
                visit.availability_of(person.id),
                visit.slot,
            )
        except InputFileError as exc:
            self.hooks.show_error(self, _("Calendar not imported"), exc.message)
            return
        after = visit.availability_of(person.id).painted(ranges)
        zone = self.display_zone()
        lines = self._changes(visit.availability_of(person.id), after, zone)
        names = ", ".join(Path(p).name for p in paths)
        empty = ""
        if not ranges:  # nothing at all in the visit's dates: say so, not "nothing changes"
            empty = _("{files} has no events between {first} and {last}.").format(
                files=names, first=format_day(days[0]), last=format_day(days[-1])
            )
        dialog = ImportPreviewDialog(
            self,
            _("Import calendar"),
            _("Importing {files} for {name} changes the following (times in {city} time):").format(
                files=names, name=person.name, city=zone_city(zone)
            ),
            [PersonChanges(person.name, lines)],
            empty,
        )
        if self.hooks.confirm(dialog) and lines:
            edited = _with_availability(visit, {person.id: after})
            self._apply(edited, _("Import {name}'s calendar").format(name=person.name))

    def import_spreadsheet(self) -> None:
        """Ask for a .csv file, preview each person's changes, and apply them as one step."""
        visit = self._visit
        if visit is None:
            return
        paths = self.hooks.choose_files(
            self, _("Import availability spreadsheet"), _("Spreadsheets (*.csv)")
        )
        if not paths:
            return
        try:
            found = self.hooks.read_spreadsheet(paths[0], visit)
        except InputFileError as exc:
            self.hooks.show_error(self, _("Spreadsheet not imported"), exc.message)
            return
        updated: dict[str, Availability] = {}
        changes: list[PersonChanges] = []
        for person in visit.participants:
            if person.id not in found:
                continue
            before = visit.availability_of(person.id)
            updated[person.id] = before.painted(found[person.id])
            changes.append(
                PersonChanges(person.name, self._changes(before, updated[person.id], visit.zone))
            )
        dialog = ImportPreviewDialog(
            self,
            _("Import spreadsheet"),
            _("Importing {files} changes the following (times in {city} time):").format(
                files=Path(paths[0]).name, city=zone_city(visit.zone)
            ),
            changes,
        )
        if self.hooks.confirm(dialog) and any(c.lines for c in changes):
            name = Path(paths[0]).name
            self._apply(
                _with_availability(visit, updated),
                _("Import availability from {file}").format(file=name),
            )

    def _changes(self, before: Availability, after: Availability, zone: str) -> tuple[str, ...]:
        assert self._visit is not None
        frame = self._frame(self._visit, zone)
        return describe_changes(before, after, frame.days, zone, frame.lo, frame.hi)


def _with_availability(visit: Visit, changed: dict[str, Availability]) -> Visit:
    return replace(visit, availability={**visit.availability, **changed})
