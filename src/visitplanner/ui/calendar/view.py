"""The calendar view: scrolls the scene, keeps the day names visible, handles keys.

It also paints "where can it go?" shading behind the selected (or dragged) block,
zooms the time scale (Ctrl+wheel, Ctrl+plus/minus) and fits or pages the days.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

from visitplanner.domain import Project
from visitplanner.i18n import _, format_short_day
from visitplanner.ui.calendar.blocks import BlockItem
from visitplanner.ui.calendar.geometry import (
    AXIS,
    BAND,
    GAP,
    MIN_DAY_WIDTH,
    day_heading,
    zone_label,
)
from visitplanner.ui.calendar.scene import CalendarScene
from visitplanner.ui.calendar.shading import (
    Shade,
    flattened,
    paint_shades,
    reasons_at,
    shades_for,
)

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE, DEFAULT_SCALE = 0.5, 4.0, 1.2  # pixels per minute
FIT_MIN_DAY_WIDTH = 96.0  # narrowest day column when fitting the days to the window


class CalendarView(QGraphicsView):
    """Shows a :class:`CalendarScene`; arrows move the selected block, Delete removes it.

    Emits ``unschedule_requested(key)`` on Delete, ``pin_requested(key)`` on P,
    ``context_requested(key, pos)`` for a right click on a block (``pos`` is global),
    ``details_requested(key)`` for a double click on a block, and ``scale_changed(px)``
    when the time scale is zoomed.
    """

    unschedule_requested = Signal(str)
    pin_requested = Signal(str)
    context_requested = Signal(str, QPoint)
    details_requested = Signal(str)
    scale_changed = Signal(float)

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
        self.show_shading = True
        #: Whether every day is squeezed into the window (else days keep a readable width).
        self.fit_to_window = True
        self._shades: tuple[Shade, ...] = ()
        self._shaded_for: tuple[Project | None, str] = (None, "")
        # The grid and the shading only change with the project, the selection or the
        # geometry: keep them in a pixmap so that a drag step repaints only the blocks.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self._background_for: tuple[object, ...] = ()

    # ------------------------------------------------------------ days and zoom

    def fit_days(self) -> None:
        """Share the available width between the day columns."""
        scene = self.calendar
        if scene.project is None:
            return
        axes = 2 if scene.home_zone() else 1
        n_days = max(scene.project.visit.n_days, 1)
        free = self.viewport().width() - AXIS * axes - GAP * (n_days + 1) - 4
        narrowest = FIT_MIN_DAY_WIDTH if self.fit_to_window else MIN_DAY_WIDTH
        scene.set_day_width(max(narrowest, free / n_days))

    def set_fit_to_window(self, fit: bool) -> None:
        """Squeeze every day into the window, or give each day a readable width."""
        self.fit_to_window = fit
        self.fit_days()

    def time_scale(self) -> float:
        """Pixels per minute of the time axis."""
        return self.calendar.geometry.px_per_minute

    def zoom(self, factor: float, anchor: QPoint | None = None) -> float:
        """Multiply the time scale by ``factor`` keeping the time at ``anchor`` in place."""
        scene = self.calendar
        old = self.time_scale()
        new = min(max(old * factor, MIN_SCALE), MAX_SCALE)
        if abs(new - old) < 1e-6 or scene.dragging():
            return old
        at = anchor if anchor is not None else self.viewport().rect().center()
        minute = scene.geometry.minute_at(self.mapToScene(at).y())
        scene.set_time_scale(new)
        bar = self.verticalScrollBar()
        bar.setValue(round(bar.value() + scene.geometry.y_of(minute) - self.mapToScene(at).y()))
        self.scale_changed.emit(new)
        return new

    def reset_zoom(self) -> float:
        """Back to the normal time scale."""
        return self.zoom(DEFAULT_SCALE / self.time_scale())

    def first_visible_day(self) -> int:
        """The leftmost day column (mostly) in view."""
        g = self.calendar.geometry
        left = self.mapToScene(self.viewport().rect().topLeft()).x() + AXIS * g.axes
        return g.day_at(left + g.day_width / 2)

    def go_to_day(self, day: int) -> int:
        """Scroll so that ``day`` is the first column after the time axes; returns it."""
        g = self.calendar.geometry
        day = min(max(day, 1), g.n_days)
        bar = self.horizontalScrollBar()
        bar.setValue(round(g.x_of_day(day) - g.left))
        return day

    def step_day(self, days: int) -> int:
        """Show the previous (-1) or next (+1) day."""
        return self.go_to_day(self.first_visible_day() + days)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        """Ctrl+wheel zooms the time scale around the pointer; the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom(ZOOM_STEP**steps, event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        """A double click on a block asks for its details."""
        for item in self.items(event.position().toPoint()):
            if isinstance(item, BlockItem):
                self.calendar.select_key(item.key)
                self.details_requested.emit(item.key)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    # ------------------------------------------------------------------ shading

    def set_shading(self, shown: bool) -> None:
        """Show or hide the "where can it go?" shading."""
        self.show_shading = shown
        self.viewport().update()

    def shades(self) -> tuple[Shade, ...]:
        """The shading painted for the selected block (one layer, most serious kind first).

        Worked out once per project and selected block, not on every drag step.
        """
        scene = self.calendar
        key = scene.selected_key()
        if not self.show_shading or not key or scene.project is None or scene.index is None:
            return ()
        if self._shaded_for[0] is not scene.project or self._shaded_for[1] != key:
            p = scene.project.schedule.get(key)
            shades = shades_for(scene.index, scene.project.schedule, p) if p else ()
            self._shades, self._shaded_for = flattened(shades), (scene.project, key)
        return self._shades

    def shade_tooltip(self, scene_pos: QPointF) -> str:
        """Why the time at ``scene_pos`` is shaded (one reason a line), or ``""``."""
        g = self.calendar.geometry
        day = g.day_at(scene_pos.x())
        x0 = g.x_of_day(day)
        if not x0 <= scene_pos.x() <= x0 + g.day_width:
            return ""
        minute = int(g.minute_at(scene_pos.y()))
        return "\n".join(reasons_at(self.shades(), day, minute))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Over shaded time (not over a block or travel strip), the tooltip says why."""
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(event, QHelpEvent)
            and not any(item.toolTip() for item in self.items(event.pos()))
        ):
            text = self.shade_tooltip(self.mapToScene(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
                return True
        return super().viewportEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """Repaint, first dropping the cached background when what it shows changed."""
        scene = self.calendar
        token = (scene.selected_key(), scene.geometry, self.show_shading)
        last = self._background_for
        if not last or last[0] is not scene.project or last[1:] != token:
            self._background_for = (scene.project, *token)
            self.resetCachedContent()
        super().paintEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        """The scene's grid, then the shading of the selected block."""
        super().drawBackground(painter, rect)
        shades = self.shades()
        if shades:
            paint_shades(painter, self.calendar.geometry, shades, QRectF(rect))

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
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            # Normally the window's "Previous/Next day" shortcuts get here first.
            self.step_day(-1 if event.key() == Qt.Key.Key_Left else 1)
            event.accept()
            return
        if ctrl and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
            event.accept()
            return
        if ctrl and event.key() == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
            event.accept()
            return
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

    def _heading_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(9.5)
        font.setBold(True)
        return font

    def _headings(self, width: float) -> list[str]:
        """Each day's heading: the longest form of "Day 1 · Tue 23 Mar", "Tue 23 Mar",
        "Day 1" that fits ``width`` for every day, so all columns read alike."""
        visit = self.calendar.project.visit if self.calendar.project else None
        if visit is None:
            return []
        metrics = QFontMetricsF(self._heading_font())
        forms = []
        for day in range(1, visit.n_days + 1):
            choices = [day_heading(visit, day)]
            choices.append(format_short_day(visit.dates[day - 1]))
            choices.append(_("Day {n}").format(n=day))
            forms.append(choices)
        for level in range(3):
            if all(metrics.horizontalAdvance(f[level]) <= width - 6 for f in forms):
                return [f[level] for f in forms]
        return [f[-1] for f in forms]

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
        headings = self._headings(g.day_width)
        for day in range(1, g.n_days + 1):
            cell = QRectF(g.x_of_day(day), top, g.day_width, BAND)
            painter.setFont(bold)
            painter.setPen(QColor("#222222"))
            text = headings[day - 1] if day <= len(headings) else ""
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, text)
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
