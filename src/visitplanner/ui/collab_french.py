"""Visit → French titles and notes…: the programme's words for French speakers.

One table of every activity and venue: the English title (as entered) beside
its French title and French notes. Empty cells mean "use the English text".
French speakers' invitations and calendars use what is entered here.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Visit
from visitplanner.i18n import _

COLUMNS = 4  # what, English, French title, French notes


class FrenchTextsDialog(QDialog):
    """Edits the French titles and notes of the activities and venues of ``visit``."""

    def __init__(self, visit: Visit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self.setWindowTitle(_("French titles and notes"))
        self.resize(900, 520)
        intro = QLabel(
            _(
                "French speakers receive their invitations and calendars with these titles "
                "and notes. Leave a cell empty to use the English text."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(visit.activities) + len(visit.venues), COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [_("Activity or venue"), _("English"), _("French title"), _("French notes")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        row = 0
        for a in visit.activities:
            self._row(row, _("Activity"), a.title, a.notes, a.title_fr, a.notes_fr)
            row += 1
        for v in visit.venues:
            self._row(row, _("Venue"), v.name, v.notes, v.name_fr, v.notes_fr)
            row += 1
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _row(
        self, row: int, what: str, english: str, notes: str, title_fr: str, notes_fr: str
    ) -> None:
        for column, text in enumerate((what, english, title_fr, notes_fr)):
            item = QTableWidgetItem(text)
            if column < 2:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column == 1 and notes:
                item.setToolTip(notes)  # the English notes, to translate
            self.table.setItem(row, column, item)

    def set_french(self, row: int, title: str, notes: str = "") -> None:
        """Type a French title and notes into ``row`` (as the coordinator would)."""
        self._cell(row, 2).setText(title)
        self._cell(row, 3).setText(notes)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell is filled in __init__
        return item

    def edited_visit(self) -> Visit:
        """The visit with the French texts of the table."""
        texts = [
            (self._cell(r, 2).text().strip(), self._cell(r, 3).text().strip())
            for r in range(self.table.rowCount())
        ]
        n = len(self.visit.activities)
        activities = tuple(
            replace(a, title_fr=t, notes_fr=notes)
            for a, (t, notes) in zip(self.visit.activities, texts[:n], strict=True)
        )
        venues = tuple(
            replace(v, name_fr=t, notes_fr=notes)
            for v, (t, notes) in zip(self.visit.venues, texts[n:], strict=True)
        )
        return replace(self.visit, activities=activities, venues=venues)
