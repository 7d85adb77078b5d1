"""The tray of unplaced activities: a dock from which activities are dragged onto the calendar.

An activity removed from the programme (or new, or left out by the planner)
waits here. Press on it, move onto the calendar with the button held (the
block follows the pointer, checked live like any drag), release to place it;
Escape, or releasing outside the calendar, cancels.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Placement, Project
from visitplanner.domain.clock import hhmm, visit_minute
from visitplanner.domain.index import Occurrence, VisitIndex
from visitplanner.i18n import _, format_duration, ngettext
from visitplanner.ui.calendar.edits import DragAutoScroll
from visitplanner.ui.calendar.scene import CalendarScene
from visitplanner.ui.calendar.view import CalendarView

if TYPE_CHECKING:
    from visitplanner.ui.main_window import MainWindow

KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class _Press:
    key: str
    at: QPoint
    dragging: bool = False


class UnplacedTray(QWidget):
    """Lists the occurrences not in the programme; drags them onto ``view``."""

    dock: QDockWidget  # set by :func:`install`

    def __init__(self, view: CalendarView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.scene: CalendarScene = view.calendar
        self.index: VisitIndex | None = None
        self.project: Project | None = None
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        self._press: _Press | None = None
        self.autoscroll: DragAutoScroll | None = None
        self.list.viewport().installEventFilter(self)
        self.list.installEventFilter(self)

    # ----------------------------------------------------------------- content

    def show_project(self, project: Project) -> None:
        """List what ``project``'s programme leaves out."""
        if self.index is None or self.index.visit is not project.visit:
            self.index = VisitIndex(project.visit)
        self.project = project
        keep = self.selected_key()
        self.list.clear()
        for occ in self.index.occurrences:
            if project.schedule.get(occ.key) is not None:
                continue
            item = QListWidgetItem(occ.title)
            item.setData(KEY_ROLE, occ.key)
            item.setToolTip(_window_tip(occ))
            self.list.addItem(item)
            if occ.key == keep:
                item.setSelected(True)
        n = self.list.count()
        if n:
            self.hint.setText(
                ngettext(
                    "{n} activity is not in the programme: drag it onto the calendar.",
                    "{n} activities are not in the programme: drag one onto the calendar.",
                    n,
                ).format(n=n)
            )
        else:
            self.hint.setText(_("Every activity is in the programme."))

    def keys(self) -> list[str]:
        """The keys listed, in order."""
        return [str(self.list.item(i).data(KEY_ROLE)) for i in range(self.list.count())]

    def selected_key(self) -> str:
        """The key of the selected activity, or ``""``."""
        items = self.list.selectedItems()
        return str(items[0].data(KEY_ROLE)) if items else ""

    def select(self, key: str) -> bool:
        """Select ``key`` in the list (when it is unplaced)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(KEY_ROLE) == key:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return True
        return False

    def reveal(self, key: str) -> bool:
        """Select ``key`` and bring the tray to the front (when ``key`` is unplaced)."""
        if not self.select(key):
            return False
        self.dock.show()
        self.dock.raise_()
        self.list.setFocus()
        return True

    # ---------------------------------------------------------------- dragging

    def placement_for(self, key: str) -> Placement | None:
        """Where occurrence ``key`` starts when dragged out (before following the pointer)."""
        if self.index is None or self.project is None:
            return None
        occ = self.index.by_key.get(key)
        if occ is None:
            return None
        visit = self.project.visit
        venues = occ.activity.venues or tuple(v.id for v in visit.venues)
        if not venues:
            return None
        activity = occ.activity
        length = max(activity.min_length, visit.slot)
        day = occ.day or 1
        start = visit.day_start
        base = Placement(key, activity.id, day, start, start + length, venues[0], ())
        return self.fit(base)

    def fit(self, p: Placement) -> Placement:
        """Keep a per-day occurrence on its day; invite who must come and who is free."""
        assert self.index is not None
        occ = self.index.by_key[p.key]
        if occ.day is not None and p.day != occ.day:
            p = p.moved(occ.day, p.start)
        activity = occ.activity
        lo, hi = visit_minute(p.day, p.start), visit_minute(p.day, p.end)
        optional = [
            pid
            for pid in activity.optional
            if pid not in activity.required
            and not any(s.start < hi and lo < s.end for s in self.index.busy(pid))
        ]
        return replace(p, attendees=(*activity.required, *optional))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Press on an activity, move onto the calendar, release to place it."""
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and self._press and self._press.dragging:
                self._cancel()
                return True
            return False
        if watched is not self.list.viewport() or not isinstance(event, QMouseEvent):
            return False
        pos = event.position().toPoint()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            item = self.list.itemAt(pos)
            self._press = _Press(str(item.data(KEY_ROLE)), pos) if item is not None else None
            return False
        if kind == QEvent.Type.MouseMove and self._press is not None:
            if not event.buttons() & Qt.MouseButton.LeftButton:
                self._press = None
                return False
            return self._move(pos)
        if kind == QEvent.Type.MouseButtonRelease and self._press is not None:
            press, self._press = self._press, None
            if self.autoscroll is not None:
                self.autoscroll.timer.stop()
            if not press.dragging:
                return False
            if self.scene.dragging() and self._over_calendar(pos) is not None:
                self.scene.drop()
            else:
                self.scene.cancel_drag()
            return True
        return False

    def _over_calendar(self, pos: QPoint) -> QPoint | None:
        viewport = self.view.viewport()
        local = viewport.mapFromGlobal(self.list.viewport().mapToGlobal(pos))
        return local if viewport.rect().contains(local) else None

    def _move(self, pos: QPoint) -> bool:
        press = self._press
        assert press is not None
        if not press.dragging:
            if (pos - press.at).manhattanLength() < QApplication.startDragDistance():
                return False
            press.dragging = True
        local = self._over_calendar(pos)
        if local is None:
            return True
        scene_pos = self.view.mapToScene(local)
        if self.scene.dragging():
            self.scene.drag_to(scene_pos)
        else:
            start = self.placement_for(press.key)
            if start is None or self.scene.begin_new_drag(start, scene_pos, self.fit) is None:
                self._press = None
                return True
        if self.autoscroll is not None:
            self.autoscroll.follow(local)
        return True

    def _cancel(self) -> None:
        self._press = None
        self.scene.cancel_drag()


def _window_tip(occ: Occurrence) -> str:
    activity = occ.activity
    length = format_duration(activity.min_length)
    if activity.max_length != activity.min_length:
        length += " – " + format_duration(activity.max_length)
    tip = _("Length: {length}").format(length=length)
    windows = ", ".join(
        _("day {day} {start}–{end}").format(day=w.day, start=hhmm(w.start), end=hhmm(w.end))
        for w in occ.windows
    )
    if windows:
        tip += "\n" + _("When: {windows}").format(windows=windows)
    return tip


def install(window: MainWindow) -> UnplacedTray:
    """Add the Unplaced activities dock to ``window`` (kept up to date with the document)."""
    tray = UnplacedTray(window.view)
    tray.autoscroll = window.edits.autoscroll
    dock = QDockWidget(_("Unplaced activities"), window)
    dock.setObjectName("dock-unplaced")
    dock.setWidget(tray)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.problems_dock, dock)
    window.problems_dock.raise_()
    window.doc.changed.connect(tray.show_project)
    tray.dock = dock
    return tray
