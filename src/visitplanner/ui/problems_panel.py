"""The Problems panel: one line per broken rule per activity, expandable to who and when."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Project
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import _
from visitplanner.solver.checker import CheckReport
from visitplanner.ui.problem_lines import problem_lines, problems_text

KEYS_ROLE = Qt.ItemDataRole.UserRole
PROBLEM = QColor("#a00000")
UNPLACED = QColor("#6b6b6b")


class ProblemsPanel(QWidget):
    """Lists the checker's problems; clicking one emits ``key_activated(key)``.

    Each line names the rule's first problem with the people and times; a line
    that sums up several people expands to one line per person.
    """

    key_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(_("No programme yet."))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setStretchLastSection(True)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)

    def show_report(self, project: Project, report: CheckReport, index: VisitIndex) -> None:
        """Show the problems of ``project``'s programme."""
        self.tree.clear()
        if not project.schedule.placements:
            self.summary.setText(
                _(
                    "Nothing is planned yet: use Solve to make a programme, or drag "
                    "activities from Unplaced activities onto the calendar."
                )
            )
            return  # a hint, not a wall of "not in the programme" lines
        elif report.ok:
            self.summary.setText(_("Every rule holds."))
        else:
            self.summary.setText(
                _("{problems}: click one to see the activity.").format(
                    problems=problems_text(report)
                )
            )
        listed: set[str] = set()
        for line in problem_lines(report.violations):
            item = QTreeWidgetItem([line.message])
            item.setData(0, KEYS_ROLE, list(line.keys))
            item.setForeground(0, PROBLEM)
            item.setToolTip(0, f"{line.label}\n{line.message}")
            for detail in line.details:
                child = QTreeWidgetItem([detail])
                child.setData(0, KEYS_ROLE, list(line.keys))
                child.setToolTip(0, detail)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            listed.update(line.keys)
        for occ in index.occurrences:
            if project.schedule.get(occ.key) is not None or occ.key in listed:
                continue
            item = QTreeWidgetItem([_("Not in the programme: {title}").format(title=occ.title)])
            item.setData(0, KEYS_ROLE, [occ.key])
            item.setForeground(0, UNPLACED)
            self.tree.addTopLevelItem(item)

    def add_first(self, message: str, keys: list[str], colour: QColor = PROBLEM) -> None:
        """Put one more problem line (e.g. a decline) at the top of the list."""
        item = QTreeWidgetItem([message])
        item.setData(0, KEYS_ROLE, keys)
        item.setForeground(0, colour)
        item.setToolTip(0, message)
        self.tree.insertTopLevelItem(0, item)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Re-wrap the lines to the new width."""
        super().resizeEvent(event)
        self.tree.doItemsLayout()

    def labels(self) -> list[str]:
        """The top-level lines shown (for tests)."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def details(self, row: int) -> list[str]:
        """The lines under top-level line ``row`` (for tests)."""
        item = self.tree.topLevelItem(row)
        if item is None:
            return []
        children = (item.child(i) for i in range(item.childCount()))
        return [child.text(0) for child in children if child is not None]

    def _on_item(self, item: QTreeWidgetItem) -> None:
        keys = item.data(0, KEYS_ROLE) or []
        if keys:
            self.key_activated.emit(str(keys[0]))


class _WrappingDelegate(QStyledItemDelegate):
    """Rows tall enough for their text wrapped to the panel's width (no line is cut)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(  # noqa: N802 (Qt API)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The wrapped text's height at the current width."""
        base = super().sizeHint(option, index)
        depth = 2 if index.parent().isValid() else 1
        width = max(80, self.tree.viewport().width() - depth * self.tree.indentation() - 8)
        text = str(index.data() or "")
        bounds = QRect(0, 0, width, 100_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = self.tree.fontMetrics().boundingRect(bounds, flags, text).height()
        return QSize(width, max(base.height(), height + 6))
