"""The calendar view: scrolls the scene, keeps the day names visible, handles keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from visitplanner.ui.calendar.blocks import BlockItem
from visitplanner.ui.calendar.geometry import (
    AXIS,
    BAND,
    GAP,
    MIN_DAY_WIDTH,
    capitalized,
    zone_label,
)
from visitplanner.ui.calendar.scene import CalendarScene


class CalendarView(QGraphicsView):
    """Shows a :class:`CalendarScene`; arrows move the selected block, Delete removes it.

    Emits ``unschedule_requested(key)`` on Delete, ``pin_requested(key)`` on P, and
    ``context_requested(key, pos)`` for a right click on a block (``pos`` is global).
    """

    unschedule_requested = Signal(str)
    pin_requested = Signal(str)
    context_requested = Signal(str, QPoint)

    def __init__(self, scene: CalendarScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.calendar = scene
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        # Repaint the whole viewport so the day names drawn on top stay in place.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def fit_days(self) -> None:
        """Share the available width between the day columns."""
        scene = self.calendar
        if scene.project is None:
            return
        axes = 2 if scene.home_zone() else 1
        n_days = max(scene.project.visit.n_days, 1)
        free = self.viewport().width() - AXIS * axes - GAP * (n_days + 1) - 4
        scene.set_day_width(max(MIN_DAY_WIDTH, free / n_days))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Refit the day columns to the new width."""
        super().resizeEvent(event)
        self.fit_days()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Arrows move the selected block by a slot (left/right by a day); Delete unschedules."""
        key = self.calendar.selected_key()
        steps = {
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
        }
        if key and event.key() in steps:
            days, slots = steps[Qt.Key(event.key())]
            self.calendar.nudge(key, days, slots)
            event.accept()
            return
        if key and event.key() == Qt.Key.Key_P and not event.modifiers():
            # Normally the window's "P" shortcut gets here first.
            self.pin_requested.emit(key)
            event.accept()
            return
        if key and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.unschedule_requested.emit(key)
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt API)
        """Ask for the block menu (pin, unschedule) when right-clicking a block."""
        for item in self.items(event.pos()):
            if isinstance(item, BlockItem):
                self.calendar.select_key(item.key)
                self.context_requested.emit(item.key, event.globalPos())
                event.accept()
                return
        super().contextMenuEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        """Day names (and time-zone names) pinned to the top of the visible area."""
        scene = self.calendar
        if scene.project is None:
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        top = visible.top()
        g = scene.geometry
        band = QRectF(visible.left(), top, visible.width(), BAND)
        painter.fillRect(band, QColor("#f4f4f4"))
        painter.setPen(QColor("#c8c8c8"))
        painter.drawLine(band.bottomLeft(), band.bottomRight())
        bold = QFont(painter.font())
        bold.setPointSizeF(9.5)
        bold.setBold(True)
        small = QFont(painter.font())
        small.setPointSizeF(7.5)
        visit = scene.project.visit
        for day in range(1, g.n_days + 1):
            cell = QRectF(g.x_of_day(day), top, g.day_width, BAND)
            painter.setFont(bold)
            painter.setPen(QColor("#222222"))
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, capitalized(visit.day_label(day)))
        painter.setFont(small)
        painter.setPen(QColor("#555555"))
        axes = [zone_label(visit.zone)]
        second = scene.home_zone()
        if second:
            axes.append(zone_label(second))
        for n, name in enumerate(axes):
            cell = QRectF(n * AXIS, top, AXIS - 4, BAND - 2)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
            painter.drawText(cell, align, name)
