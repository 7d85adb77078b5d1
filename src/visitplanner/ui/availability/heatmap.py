"""Who is free when: per slot, how many of the people the programme needs are free.

"Needed" people are those required by any activity. A person counts as free in
a slot when no part of it is unavailable for them (free "if need be" counts,
and is said in the tooltip). Times are in the visit's zone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from visitplanner.domain import Level, Visit
from visitplanner.domain.availability import Segment
from visitplanner.domain.clock import hhmm
from visitplanner.i18n import _, format_short_day, ngettext
from visitplanner.ui.availability.grid import (
    DayGrid,
    Frame,
    column_segments,
    display_bounds,
    grid_days,
    row_minutes,
    worst_level,
)

_EMPTY, _LOW, _HIGH, _ALL_FREE = "#f5f5f5", (232, 245, 225), (67, 160, 71), "#1b5e20"


@dataclass(frozen=True)
class CellInfo:
    """Who is free in one slot."""

    free: int
    total: int
    missing: tuple[str, ...]
    if_need_be: tuple[str, ...]


def needed_people(visit: Visit) -> tuple[str, ...]:
    """Ids of the people required by any activity, in the order of the participant list."""
    required = {pid for act in visit.activities for pid in act.required}
    return tuple(p.id for p in visit.participants if p.id in required)


def heat_colour(free: int, total: int) -> QColor:
    """Pale when few are free, green as more are, dark green when everyone is."""
    if total == 0 or free == 0:
        return QColor(_EMPTY)
    if free == total:
        return QColor(_ALL_FREE)
    share = free / total
    r, g, b = (round(lo + (hi - lo) * share) for lo, hi in zip(_LOW, _HIGH, strict=True))
    return QColor(r, g, b)


class HeatMap(DayGrid):
    """The overview grid; hover a cell to see who is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self._names: dict[str, str] = {}
        self._people: tuple[str, ...] = ()
        self._cells: list[list[CellInfo]] = []

    def set_visit(self, visit: Visit) -> None:
        """Recount every slot of ``visit``."""
        days = grid_days(visit)
        row = row_minutes(visit)
        lo, hi = display_bounds(visit, days, visit.zone, row)
        frame = Frame(days, lo, hi, row, frozenset(visit.dates))
        self._names = {p.id: p.name for p in visit.participants}
        self._people = needed_people(visit)
        columns: dict[str, list[list[Segment]]] = {
            pid: [
                column_segments(visit.availability_of(pid), day, visit.zone, lo, hi) for day in days
            ]
            for pid in self._people
        }
        self._cells = [
            [self._count(columns, col, lo + r * row, lo + (r + 1) * row) for r in range(frame.rows)]
            for col in range(len(days))
        ]
        self.set_frame(frame)

    def _count(
        self, columns: dict[str, list[list[Segment]]], col: int, start: int, end: int
    ) -> CellInfo:
        missing: list[str] = []
        maybe: list[str] = []
        for pid in self._people:
            level = worst_level(columns[pid][col], start, end)
            if level is Level.UNAVAILABLE:
                missing.append(self._names[pid])
            elif level is Level.IF_NEED_BE:
                maybe.append(self._names[pid])
        total = len(self._people)
        return CellInfo(total - len(missing), total, tuple(missing), tuple(maybe))

    def cell_info(self, col: int, row: int) -> CellInfo:
        """Who is free in a cell."""
        return self._cells[col][row]

    def tooltip_at(self, col: int, row: int) -> str:
        """The hover text of a cell: how many are free, who is missing, who only if need be."""
        info = self.cell_info(col, row)
        start, end = self.row_span(row)
        day = self.frame.days[col]
        lines = [
            ngettext(
                "{day} {start}-{end}: {free} of {total} free",
                "{day} {start}-{end}: {free} of {total} free",
                info.free,
            ).format(
                day=format_short_day(day),
                start=hhmm(start),
                end=hhmm(end),
                free=info.free,
                total=info.total,
            )
        ]
        if info.missing:
            lines.append(_("Missing: {names}").format(names=", ".join(info.missing)))
        if info.if_need_be:
            lines.append(_("Only if need be: {names}").format(names=", ".join(info.if_need_be)))
        if not info.missing and info.total:
            lines.append(_("Everyone needed is free"))
        return "\n".join(lines)

    def event(self, event: QEvent) -> bool:
        """Show the tooltip of the hovered cell."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos())
            if cell is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_at(*cell), self)
            return True
        return super().event(event)

    def paint_cells(self, painter: QPainter) -> None:
        """Colour runs of cells by how many are free; write the count where it changes."""
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7.0))
        painter.setFont(small)
        for col, cells in enumerate(self._cells):
            row = 0
            while row < len(cells):
                info = cells[row]
                end = row + 1
                while end < len(cells) and cells[end].free == info.free:
                    end += 1
                area = self.cell_rect(col, row).united(self.cell_rect(col, end - 1))
                painter.fillRect(area, heat_colour(info.free, info.total))
                if info.free:
                    light = info.free * 2 >= info.total
                    painter.setPen(QColor("#ffffff" if light else "#1b5e20"))
                    painter.drawText(
                        self.cell_rect(col, row).adjusted(0, 0, -4, 0),
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                        f"{info.free}/{info.total}",
                    )
                row = end
