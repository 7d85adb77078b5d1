"""The calendar scene: grid, blocks, travel strips, and live-checked dragging.

The scene shows one project at a time (:meth:`CalendarScene.show`). Dragging a
block (or its bottom edge) makes a tentative placement; each time it changes
the scene calls ``preview`` (which runs the rule checker) and paints the blocks
that break a rule in red. On release it emits ``placement_edited(old, new)``;
the window turns that into an undoable change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from visitplanner.domain import Placement, Project, Schedule
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import ngettext
from visitplanner.solver.checker import CheckReport
from visitplanner.ui.calendar.blocks import BlockItem, TravelItem
from visitplanner.ui.calendar.geometry import (
    AXIS,
    Geometry,
    capitalized,
    home_zone,
    lanes,
    other_zone_time,
)
from visitplanner.ui.problem_lines import block_problems

Preview = Callable[[Schedule], CheckReport]


@dataclass
class _Drag:
    item: BlockItem
    original: Placement
    resize: bool
    grab_dy: float  # pointer y minus block top, for moves
    current: Placement
    # Set for a block dragged in from the unplaced tray: fixes each candidate up.
    adjust: Callable[[Placement], Placement] | None = None


class CalendarScene(QGraphicsScene):
    """Days side by side; blocks can be dragged, resized and nudged."""

    placement_edited = Signal(object, object)  # old Placement, new Placement
    placement_nudged = Signal(object, object)  # the same, for an arrow-key nudge
    drag_feedback = Signal(str)  # a status-bar line while dragging
    selected_key_changed = Signal(str)  # "" when nothing is selected

    def __init__(self, preview: Preview | None = None) -> None:
        super().__init__()
        self.preview = preview
        self.editable = True
        self.show_home_axis = True
        self.project: Project | None = None
        self.index: VisitIndex | None = None
        self.geometry = Geometry(7 * 60, 23 * 60, 1, 5)
        self.blocks: dict[str, BlockItem] = {}
        self._report = CheckReport()
        self._drag: _Drag | None = None
        self._day_width = 320.0
        self._px_per_minute = 1.2
        self.selectionChanged.connect(self._on_selection)

    # ----------------------------------------------------------------- building

    def show(self, project: Project, report: CheckReport | None = None) -> None:
        """Show ``project``'s schedule (flagging the blocks named in ``report``)."""
        keep = self.selected_key()
        if self.index is None or self.index.visit is not project.visit:
            self.index = VisitIndex(project.visit)
        self.project = project
        self._report = report or CheckReport()
        self._drag = None
        self._rebuild()
        if keep and keep in self.blocks:
            self.blocks[keep].setSelected(True)

    def set_day_width(self, width: float) -> None:
        """Fit the day columns to the view (rebuilds when the width changes)."""
        if abs(width - self._day_width) >= 1 and self._drag is None:
            self._day_width = width
            if self.project is not None:
                self.show(self.project, self._report)

    def set_time_scale(self, px_per_minute: float) -> None:
        """Zoom the time axis (pixels per minute; rebuilds when it changes)."""
        if abs(px_per_minute - self._px_per_minute) > 1e-6 and self._drag is None:
            self._px_per_minute = px_per_minute
            if self.project is not None:
                self.show(self.project, self._report)

    def set_home_axis(self, shown: bool) -> None:
        """Show or hide the visitors' home time axis."""
        self.show_home_axis = shown
        if self.project is not None:
            self.show(self.project, self._report)

    def home_zone(self) -> str | None:
        """The zone of the second axis, when shown."""
        if self.project is None or not self.show_home_axis:
            return None
        return home_zone(self.project.visit)

    def _rebuild(self) -> None:
        assert self.project is not None and self.index is not None
        visit = self.project.visit
        second = self.home_zone()
        self.geometry = Geometry(
            visit.day_start,
            visit.day_end,
            visit.n_days,
            visit.slot,
            axes=2 if second else 1,
            day_width=self._day_width,
            px_per_minute=self._px_per_minute,
        )
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        self.blocks = {}
        g = self.geometry
        self.setSceneRect(QRectF(0, 0, g.width, g.height))
        self._draw_grid(second)
        for day in range(1, visit.n_days + 1):
            self._draw_day(day)

    def _draw_grid(self, second: str | None) -> None:
        """Hour labels on the time axes (the grid itself is painted as background)."""
        assert self.project is not None
        g, visit = self.geometry, self.project.visit
        label_font = QFont()
        label_font.setPointSizeF(8)
        for minute in g.hours():
            y = g.y_of(minute)
            text = self.addSimpleText(hhmm(minute), label_font)
            text.setPos(AXIS - 6 - text.boundingRect().width(), y - 7)
            if second:
                other = self.addSimpleText(other_zone_time(visit, second, minute), label_font)
                other.setBrush(QColor("#6b6b6b"))
                other.setPos(2 * AXIS - 6 - other.boundingRect().width(), y - 7)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        """Day columns with a line at every slot (darker each half hour and hour)."""
        painter.fillRect(rect, QColor("#f4f4f4"))
        if self.project is None:
            return
        g = self.geometry
        top, bottom = g.y_of(g.day_start), g.y_of(g.day_end)
        pens: dict[int, list[QLineF]] = {60: [], 30: [], 0: []}
        for day in range(1, g.n_days + 1):
            x0 = g.x_of_day(day)
            painter.setPen(QPen(QColor("#c8c8c8"), 0))
            painter.setBrush(QColor("#fcfcfc"))
            painter.drawRect(QRectF(x0, top, g.day_width, bottom - top))
            for minute in range(g.day_start, g.day_end + 1, g.slot):
                y = g.y_of(minute)
                if rect.top() - 1 <= y <= rect.bottom() + 1:
                    kind = 60 if minute % 60 == 0 else 30 if minute % 30 == 0 else 0
                    pens[kind].append(QLineF(x0, y, x0 + g.day_width, y))
        for kind, color in ((0, "#ececec"), (30, "#dadada"), (60, "#b9b9b9")):
            painter.setPen(QPen(QColor(color), 0))
            painter.drawLines(pens[kind])

    def _draw_day(self, day: int) -> None:
        assert self.project is not None and self.index is not None
        placed = [
            p for p in self.project.schedule.on_day(day) if p.activity_id in self.index.activities
        ]
        layout = lanes(placed)
        for p in placed:
            lane, count = layout[p.key]
            item = self._make_block(p)
            item.set_geometry(self._rect_for(p, lane, count))
            self.addItem(item)
            self.blocks[p.key] = item
        self._draw_travel(day, placed, layout)

    def _make_block(self, p: Placement) -> BlockItem:
        assert self.project is not None and self.index is not None
        visit = self.project.visit
        venue = next((v.name for v in visit.venues if v.id == p.venue), p.venue)
        interpreted = any(pid in self.index.interpreters for pid in p.attendees)
        item = BlockItem(p, self.index.activities[p.activity_id], venue, interpreted, QRectF())
        item.set_problems(*block_problems(self._report, p.key))
        return item

    def _rect_for(self, p: Placement, lane: int = 0, count: int = 1) -> QRectF:
        g = self.geometry
        width = (g.day_width - 4) / count
        x = g.x_of_day(p.day) + 2 + lane * width
        top, bottom = g.y_of(p.start), g.y_of(p.end)
        return QRectF(x, top, width - 1, max(bottom - top, 4))

    def _draw_travel(
        self, day: int, placed: list[Placement], layout: dict[str, tuple[int, int]]
    ) -> None:
        """Hatched strips after a block when people go on to another venue."""
        assert self.project is not None
        travel = self.project.visit.travel
        for p in placed:
            following = [
                q
                for q in placed
                if q.start >= p.end and q.key != p.key and set(q.attendees) & set(p.attendees)
            ]
            if not following:
                continue
            nxt = min(following, key=lambda q: (q.start, q.key))
            minutes = travel.between(p.venue, nxt.venue)
            if p.venue == nxt.venue or minutes <= 0:
                continue
            lane, count = layout[p.key]
            block = self._rect_for(p, lane, count)
            g = self.geometry
            strip = QRectF(block.left(), block.bottom(), block.width(), minutes * g.px_per_minute)
            self.addItem(TravelItem(strip, minutes, short=nxt.start - p.end < minutes))

    # ---------------------------------------------------------------- selection

    def selected_key(self) -> str:
        """The key of the selected block, or ``""``."""
        for item in self.selectedItems():
            if isinstance(item, BlockItem):
                return item.key
        return ""

    def select_key(self, key: str) -> bool:
        """Select the block of ``key`` (and return whether it is on the calendar)."""
        item = self.blocks.get(key)
        self.clearSelection()
        if item is None:
            return False
        item.setSelected(True)
        item.setFocus()
        return True

    def _on_selection(self) -> None:
        self.selected_key_changed.emit(self.selected_key())

    # ------------------------------------------------------------------ editing

    def nudge(self, key: str, days: int, slots: int) -> Placement | None:
        """Move block ``key`` by whole days and slots (keyboard); emits the edit."""
        if not self.editable or self.project is None:
            return None
        p = self.project.schedule.get(key)
        if p is None:
            return None
        g = self.geometry
        day = min(max(p.day + days, 1), g.n_days)
        start = g.clamp_start(p.start + slots * g.slot, p.length)
        new = p.moved(day, start)
        if new != p:
            self.placement_nudged.emit(p, new)
        return new

    def _block_at(self, pos: QPointF) -> BlockItem | None:
        for item in self.items(pos):
            if isinstance(item, BlockItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        """Select a block; with the left button start moving or resizing it."""
        block = self._block_at(event.scenePos())
        if block is None:
            self.clearSelection()
            super().mousePressEvent(event)
            return
        self.clearSelection()
        block.setSelected(True)
        block.setFocus()
        if event.button() == Qt.MouseButton.LeftButton and self.editable:
            top = block.scene_rect().top()
            self._drag = _Drag(
                block,
                block.placement,
                block.on_bottom_edge(event.scenePos()),
                event.scenePos().y() - top,
                block.placement,
            )
            block.setZValue(20)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        """Follow the pointer, snapped to the slot grid, and re-check the rules."""
        if self._drag is None:
            super().mouseMoveEvent(event)
            return
        self.drag_to(event.scenePos())
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        """Drop: emit the edit (the window records it for undo)."""
        if self._drag is None:
            super().mouseReleaseEvent(event)
            return
        self.drop()
        event.accept()

    def drag_to(self, pos: QPointF) -> Placement | None:
        """Move the dragged block to follow ``pos``; returns the tentative placement."""
        drag = self._drag
        if drag is None:
            return None
        candidate = self._candidate(drag, pos)
        if drag.adjust is not None:
            candidate = drag.adjust(candidate)
        if candidate == drag.current:
            return candidate
        drag.current = candidate
        drag.item.show_placement(candidate)
        drag.item.set_geometry(self._rect_for(candidate))
        self._check_tentative(candidate)
        return candidate

    def drop(self) -> None:
        """Finish the drag in progress."""
        drag, self._drag = self._drag, None
        if drag is None:
            return
        drag.item.setZValue(10)
        self.drag_feedback.emit("")
        if drag.adjust is not None:  # brought in from the tray: a new placement
            self.placement_edited.emit(None, drag.current)
        elif drag.current != drag.original:
            self.placement_edited.emit(drag.original, drag.current)
        elif self.project is not None:
            self.show(self.project, self._report)

    def begin_new_drag(
        self, placement: Placement, pos: QPointF, adjust: Callable[[Placement], Placement]
    ) -> BlockItem | None:
        """Drag in ``placement``, not yet on the calendar; ``adjust`` fixes each candidate."""
        if not self.editable or self.project is None or self._drag is not None:
            return None
        item = self._make_block(placement)
        item.set_geometry(self._rect_for(placement))
        item.setZValue(20)
        self.addItem(item)
        self._drag = _Drag(item, placement, False, 0.0, placement, adjust)
        self.drag_to(pos)
        self._check_tentative(self._drag.current)  # even when the pointer did not move it
        return item

    def cancel_drag(self) -> bool:
        """Abandon the drag in progress: the block goes back, nothing is recorded."""
        drag, self._drag = self._drag, None
        if drag is None:
            return False
        self.drag_feedback.emit("")
        if self.project is not None:
            self.show(self.project, self._report)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Escape cancels a drag (the button may still be held)."""
        if event.key() == Qt.Key.Key_Escape and self.cancel_drag():
            event.accept()
            return
        super().keyPressEvent(event)

    def _candidate(self, drag: _Drag, pos: QPointF) -> Placement:
        g = self.geometry
        p = drag.original
        activity = drag.item.activity
        if drag.resize:
            end = g.snap(g.minute_at(pos.y()))
            lo, hi = p.start + activity.min_length, p.start + activity.max_length
            end = min(max(end, lo), hi, g.day_end)
            return replace(p, end=max(end, p.start + g.slot))
        day = g.day_at(pos.x())
        start = g.snap(g.minute_at(pos.y() - drag.grab_dy))
        return p.moved(day, g.clamp_start(start, p.length))

    def _check_tentative(self, candidate: Placement) -> None:
        if self.project is None:
            return
        if self.preview is None:
            self.drag_feedback.emit(self._where(candidate))
            return
        report = self.preview(self.project.schedule.with_placement(candidate))
        for key, item in self.blocks.items():
            item.set_problems(*block_problems(report, key))
        if self._drag is not None:  # a block dragged in from the tray is not in ``blocks``
            self._drag.item.set_problems(*block_problems(report, candidate.key))
        _labels, lines = block_problems(report, candidate.key)
        messages = [message for _label, message in lines]
        status = self._where(candidate)
        if messages:
            status += " — " + messages[0]
            more = len(messages) - 1
            if more:
                status += " " + ngettext(
                    "(and {n} more problem)", "(and {n} more problems)", more
                ).format(n=more)
        self.drag_feedback.emit(status)

    def _where(self, p: Placement) -> str:
        assert self.project is not None
        visit = self.project.visit
        return f"{capitalized(visit.day_label(p.day))}, {hhmm(p.start)}–{hhmm(p.end)}"

    def blocks_dragged(self) -> BlockItem | None:
        """The block being dragged, if any."""
        return self._drag.item if self._drag is not None else None

    def dragging(self) -> bool:
        """Whether a block is being dragged."""
        return self._drag is not None
