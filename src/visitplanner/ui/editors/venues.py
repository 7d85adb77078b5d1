"""The venues editor: places of the visit and the travel times between them."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import TravelTimes, Venue, Visit
from visitplanner.i18n import N_, _
from visitplanner.ui.editors.common import (
    Confirm,
    ErrorLabel,
    Field,
    Form,
    id_error,
    unique_id,
)
from visitplanner.ui.editors.listing import ListEditor

_INVALID_CELL = QColor("#ffcdd2")


def minutes_error(text: str) -> str:
    """The reason ``text`` is not a travel time ('' when it is; blank is allowed)."""
    text = text.strip().removesuffix("min").strip()
    if not text:
        return ""
    if not text.isdigit():
        return _("Travel time is a whole number of minutes, such as 20")
    if int(text) > 24 * 60:
        return _("Travel time cannot be more than a day")
    return ""


def is_symmetric(travel: TravelTimes) -> bool:
    """Whether every pair given both ways takes the same time both ways."""
    m = travel.minutes
    return all(m.get((b, a), v) == v for (a, b), v in m.items())


def with_travel(
    travel: TravelTimes, origin: str, destination: str, minutes: int | None, both_ways: bool
) -> TravelTimes:
    """``travel`` with the time from ``origin`` to ``destination`` set (None clears it)."""
    table = dict(travel.minutes)
    pairs = [(origin, destination)] + ([(destination, origin)] if both_ways else [])
    for pair in pairs:
        if minutes is None:
            table.pop(pair, None)
        else:
            table[pair] = minutes
    return TravelTimes(table)


def without_venue(visit: Visit, vid: str) -> Visit:
    """``visit`` with venue ``vid`` removed from venues, travel and activities."""
    return replace(
        visit,
        venues=tuple(v for v in visit.venues if v.id != vid),
        travel=TravelTimes({k: m for k, m in visit.travel.minutes.items() if vid not in k}),
        activities=tuple(
            replace(a, venues=tuple(v for v in a.venues if v != vid)) for a in visit.activities
        ),
    )


def renamed_venue(visit: Visit, old: str, new: str) -> Visit:
    """``visit`` with every reference to venue id ``old`` changed to ``new``."""

    def swap(v: str) -> str:
        return new if v == old else v

    return replace(
        visit,
        travel=TravelTimes({(swap(a), swap(b)): m for (a, b), m in visit.travel.minutes.items()}),
        activities=tuple(
            replace(a, venues=tuple(swap(v) for v in a.venues)) for a in visit.activities
        ),
    )


class VenuesEditor(ListEditor):
    """Add, edit and remove venues, and set the travel times between them."""

    def __init__(self, parent: QWidget | None = None, confirm: Confirm | None = None) -> None:
        super().__init__(
            (
                _("Add venue"),
                _("Add a new venue to the visit"),
                _("Remove the selected venue (asks first)"),
            ),
            parent,
            confirm,
        )
        form = Form(self)
        self.name_edit = QLineEdit(form)
        self.address_edit = QLineEdit(form)
        self.shared_check = QCheckBox(_("Several activities can happen here at once"), form)
        self.id_edit = QLineEdit(form)
        self.name = form.add(_("Name"), self.name_edit, _("The venue's name, as printed"))
        self.address = form.add(
            _("Address"), self.address_edit, _("Street address, printed in the itinerary")
        )
        self.shared = form.add(
            "", self.shared_check, _("Tick for a hotel or café where groups can meet side by side")
        )
        self.ident = form.add(_("Id"), self.id_edit, _("A short unique name used in files"))
        self.form = form
        self.form_area.setWidget(form)
        for edit in (self.name_edit, self.address_edit, self.id_edit):
            edit.textChanged.connect(self.on_text)
            edit.editingFinished.connect(self.commit)
        self.shared_check.toggled.connect(lambda *_: self.commit())

        travel_box = QGroupBox(_("Travel times (minutes)"), self)
        box_lay = QVBoxLayout(travel_box)
        hint = QLabel(
            _(
                "Minutes to get from the venue on the left to the venue at the top. "
                "Leave a cell empty when no travel time is known (counted as 0)."
            ),
            travel_box,
        )
        hint.setWordWrap(True)
        box_lay.addWidget(hint)
        self.both_ways_check = QCheckBox(_("The same time both ways"), travel_box)
        self.both_ways_check.setToolTip(
            _(
                "When ticked, typing a time also sets the journey back. "
                "Untick to give each direction its own time."
            )
        )
        self.both_ways_check.setChecked(True)
        box_lay.addWidget(self.both_ways_check)
        self.table = QTableWidget(travel_box)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(150)
        self.table.cellChanged.connect(self._on_cell_changed)
        box_lay.addWidget(self.table)
        self.travel_error = ErrorLabel(travel_box)
        box_lay.addWidget(self.travel_error)
        self.main_layout.addWidget(travel_box)
        self.clear_form()

    # -- list ---------------------------------------------------------------

    def items(self, visit: Visit) -> list[tuple[str, str]]:
        """Each venue by name."""
        return [(v.id, v.name) for v in visit.venues]

    def set_visit(self, visit: Visit) -> None:
        """Show ``visit``; "both ways" starts ticked when its travel times are symmetric."""
        if visit != self._visit:
            self.both_ways_check.setChecked(is_symmetric(visit.travel))
        super().set_visit(visit)

    def refresh_list(self, keep: str | None) -> None:
        """Rebuild the list, the form and the travel table."""
        super().refresh_list(keep)
        self._load_table()

    def load_item(self, visit: Visit, key: str) -> None:
        """Fill the form with venue ``key``."""
        v = visit.venue(key)
        self.form.setEnabled(True)
        self.name_edit.setText(v.name)
        self.address_edit.setText(v.address)
        self.shared_check.setChecked(v.shared)
        self.id_edit.setText(v.id)
        self.validate()

    def clear_form(self) -> None:
        """Blank, disabled form."""
        for edit in (self.name_edit, self.address_edit, self.id_edit):
            edit.clear()
        self.shared_check.setChecked(False)
        self.clear_marks()
        self.form.setEnabled(False)

    def add_item(self, visit: Visit) -> tuple[Visit, str, str]:
        """A new venue with no travel times yet."""
        vid = unique_id("new-venue", [v.id for v in visit.venues])
        venue = Venue(vid, _("New venue {n}").format(n=len(visit.venues) + 1))
        return replace(visit, venues=(*visit.venues, venue)), vid, _("Add a venue")

    def remove_item(self, visit: Visit, key: str) -> tuple[Visit, str] | None:
        """Remove venue ``key`` and its travel times, after asking."""
        v = visit.venue(key)
        used = [a for a in visit.activities if key in a.venues]
        lines = [_("Remove {venue} and its travel times?").format(venue=v.name)]
        if used:
            lines.append(
                _("It will no longer be allowed for: {activities}").format(
                    activities="; ".join(a.title for a in used)
                )
            )
            lonely = [a.title for a in used if a.venues == (key,)]
            if lonely:
                lines.append(
                    _("These will then have no venue set (any venue allowed): {activities}").format(
                        activities="; ".join(lonely)
                    )
                )
        lines.append(_("You can undo this."))
        title = _("Remove {name}").format(name=v.name)
        if not self.confirm(title, "\n".join(lines)):
            return None
        return without_venue(visit, key), title

    # -- editing ------------------------------------------------------------

    def fields(self) -> tuple[Field, ...]:
        """The fields that can be marked wrong."""
        return (self.name, self.ident)

    def field_errors(self, visit: Visit, key: str) -> list[tuple[Field, str]]:
        """Name and id, checked."""
        taken = [v.id for v in visit.venues if v.id != key]
        return [
            (self.name, "" if self.name_edit.text().strip() else _("Give a name")),
            (self.ident, id_error(self.id_edit.text(), taken)),
        ]

    def edited(self, visit: Visit, key: str) -> tuple[Visit, str, str] | None:
        """The visit with venue ``key`` as the form says."""
        old = visit.venue(key)
        new = replace(
            old,
            id=self.id_edit.text(),
            name=self.name_edit.text().strip(),
            address=self.address_edit.text().strip(),
            shared=self.shared_check.isChecked(),
        )
        if new == old:
            return None
        edited = replace(visit, venues=tuple(new if v.id == key else v for v in visit.venues))
        if new.id != old.id:
            edited = renamed_venue(edited, old.id, new.id)
        changed = N_("Rename {name}") if new.name != old.name else N_("Edit {name}")
        text = _(changed).format(name=old.name)
        return edited, text, new.id

    # -- travel table -------------------------------------------------------

    def after_edit(self) -> None:
        """Venue names may have changed: update the table's headers."""
        names = [v.name for v in self._visit.venues] if self._visit else []
        self.table.setHorizontalHeaderLabels(names)
        self.table.setVerticalHeaderLabels(names)

    def _load_table(self) -> None:
        visit = self._visit
        venues = visit.venues if visit else ()
        self._loading = True
        try:
            self.table.clear()
            self.table.setRowCount(len(venues))
            self.table.setColumnCount(len(venues))
            names = [v.name for v in venues]
            self.table.setHorizontalHeaderLabels(names)
            self.table.setVerticalHeaderLabels(names)
            for r, a in enumerate(venues):
                for c, b in enumerate(venues):
                    self.table.setItem(r, c, self._cell(visit, a, b))
            self.travel_error.say("")
        finally:
            self._loading = False

    @staticmethod
    def _cell(visit: Visit | None, a: Venue, b: Venue) -> QTableWidgetItem:
        item = QTableWidgetItem()
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if a.id == b.id:
            item.setText("—")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(_("No travel within a venue"))
            return item
        assert visit is not None
        given = visit.travel.minutes
        if (a.id, b.id) in given:
            item.setText(str(given[(a.id, b.id)]))
            item.setToolTip(_trip(a, b))
        elif (b.id, a.id) in given:
            item.setText(str(given[(b.id, a.id)]))
            item.setToolTip(_("{trip}: same as the other way").format(trip=_trip(a, b)))
        else:
            item.setToolTip(_("{trip}: not given (counted as 0 minutes)").format(trip=_trip(a, b)))
        return item

    def _on_cell_changed(self, row: int, column: int) -> None:
        visit = self._visit
        item = self.table.item(row, column)
        if self._loading or visit is None or row == column or item is None:
            return
        text = item.text()
        message = minutes_error(text)
        a, b = visit.venues[row], visit.venues[column]
        if message:
            self._loading = True
            item.setBackground(QBrush(_INVALID_CELL))
            item.setToolTip(message)
            self._loading = False
            self.travel_error.say(_("{trip}: {problem}").format(trip=_trip(a, b), problem=message))
            return
        value = text.strip().removesuffix("min").strip()
        minutes = int(value) if value else None
        both = self.both_ways_check.isChecked()
        travel = with_travel(visit.travel, a.id, b.id, minutes, both)
        self._loading = True
        try:
            shown = "" if minutes is None else str(minutes)
            item.setText(shown)
            item.setBackground(QBrush())
            item.setToolTip(_trip(a, b))
            mirror = self.table.item(column, row)
            if both and mirror is not None:
                mirror.setText(shown)
                mirror.setBackground(QBrush())
        finally:
            self._loading = False
        self.travel_error.say("")
        if travel != visit.travel:
            self.emit_edit(
                replace(visit, travel=travel),
                _("Change travel time {origin} to {destination}").format(
                    origin=a.name, destination=b.name
                ),
            )


def _trip(a: Venue, b: Venue) -> str:
    """E.g. "Hôtel Saint-Paul to Hôtel de Ville"."""
    return _("{origin} to {destination}").format(origin=a.name, destination=b.name)
