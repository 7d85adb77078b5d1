"""The Problems panel: every broken rule of the programme, in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from visitplanner.domain import Project
from visitplanner.domain.index import VisitIndex
from visitplanner.solver.checker import CheckReport

KEYS_ROLE = Qt.ItemDataRole.UserRole


class ProblemsPanel(QWidget):
    """Lists the checker's violations; clicking one emits ``key_activated(key)``."""

    key_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("No programme yet.")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self._on_item)
        self.list.itemActivated.connect(self._on_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)

    def show_report(self, project: Project, report: CheckReport, index: VisitIndex) -> None:
        """Show the problems of ``project``'s programme."""
        self.list.clear()
        unscheduled = [o for o in index.occurrences if project.schedule.get(o.key) is None]
        if not project.schedule.placements:
            self.summary.setText("Nothing is planned yet: use Solve to make a programme.")
            return
        if report.ok:
            self.summary.setText("Every rule holds.")
        else:
            count = len(report.violations)
            self.summary.setText(
                f"{count} problem{'s' if count != 1 else ''}: click one to see the activity."
            )
        for v in report.violations:
            item = QListWidgetItem(f"{v.label}: {v.message}")
            item.setData(KEYS_ROLE, list(v.keys))
            item.setForeground(QColor("#a00000"))
            item.setToolTip(v.message)
            self.list.addItem(item)
        for occ in unscheduled:
            if report.violations and any(occ.key in v.keys for v in report.violations):
                continue
            item = QListWidgetItem(f"Not in the programme: {occ.title}")
            item.setData(KEYS_ROLE, [])
            item.setForeground(QColor("#6b6b6b"))
            self.list.addItem(item)

    def labels(self) -> list[str]:
        """The lines shown (for tests)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        keys = item.data(KEYS_ROLE) or []
        if keys:
            self.key_activated.emit(str(keys[0]))
