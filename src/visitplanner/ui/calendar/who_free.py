"""The "Who is free" strip: one row per attendee of the selected activity, over its day.

Like a scheduling assistant: each row shows when that person is not available
(dark), free only if need be (light) or in another activity (violet), and a frame
marks where the activity is — following the block while it is dragged.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from visitplanner.domain import Placement, Project, Side
from visitplanner.domain.clock import hhmm
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _
from visitplanner.ui.calendar.geometry import day_heading
from visitplanner.ui.calendar.shading import STYLE, Shade, ShadeKind, flattened, person_shades

NAME_WIDTH = 210.0
ROW = 20.0
HEADER = 38.0
LEGEND = (
    (ShadeKind.UNAVAILABLE, N_("Not available")),
    (ShadeKind.IF_NEED_BE, N_("Only if need be")),
    (ShadeKind.TAKEN, N_("In another activity")),
)


class WhoIsFree(QWidget):
    """Rows of attendees of one activity on its day; call :meth:`show_placement`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.index: VisitIndex | None = None
        self.placement: Placement | None = None
        self.rows: list[tuple[str, bool]] = []  # (person id, required)
        self._shades: dict[str, list[Shade]] = {}
        self._cache: QPixmap | None = None
        self._cached_for: tuple[object, ...] = (None,)
        self.setMinimumHeight(int(HEADER + 2 * ROW))

    def show_placement(
        self, project: Project | None, index: VisitIndex | None, placement: Placement | None
    ) -> None:
        """Show ``placement``'s attendees (or nothing); recomputes rows only when needed."""
        same = (
            project is self.project
            and placement is not None
            and self.placement is not None
            and placement.key == self.placement.key
        )
        self.project, self.index, self.placement = project, index, placement
        if not same:
            self._rebuild()
        self.update()

    def _rebuild(self) -> None:
        self.rows, self._shades = [], {}
        p, index, project = self.placement, self.index, self.project
        if p is None or index is None or project is None:
            self.setMinimumHeight(int(HEADER + 2 * ROW))
            self.updateGeometry()
            return
        activity = index.activities.get(p.activity_id)
        required = activity.required if activity else ()
        invited = list(activity.invited if activity else ())
        invited += [pid for pid in p.attendees if pid not in invited]
        if index.needs_interpreter(p.attendees):
            invited += [pid for pid in index.interpreters if pid not in invited]
        for pid in invited:
            if pid in index.people:
                self.rows.append((pid, pid in required))
                shades = person_shades(index, project.schedule, pid, p.key)
                self._shades[pid] = list(flattened(shades))
        self.setMinimumHeight(int(HEADER + ROW * max(len(self.rows), 2) + 8))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Wide enough for names and a readable day."""
        return QSize(900, int(HEADER + ROW * max(len(self.rows), 2) + 8))

    def shades_of(self, pid: str, day: int) -> list[Shade]:
        """The shaded stretches of ``pid``'s row on ``day``."""
        return [s for s in self._shades.get(pid, ()) if s.day == day]

    def x_of(self, minute: int) -> float:
        """x of ``minute`` of the day in the timeline."""
        visit = self.project.visit if self.project is not None else None
        if visit is None:
            return NAME_WIDTH
        span = max(visit.day_end - visit.day_start, 1)
        width = max(self.width() - NAME_WIDTH - 8, 50)
        return NAME_WIDTH + (minute - visit.day_start) * width / span

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """The rows (kept in a pixmap while dragging) and a frame where the activity is."""
        p = self.placement
        token = (p.key if p else "", p.day if p else 0, self.size(), len(self.rows))
        if self._cache is None or self._cached_for[0] is not self.project:
            self._cache = None
        if self._cache is None or self._cached_for[1:] != token:
            self._cache = QPixmap(self.size() * self.devicePixelRatioF())
            self._cache.setDevicePixelRatio(self.devicePixelRatioF())
            self._cached_for = (self.project, *token)
            with_rows = QPainter(self._cache)
            self._paint_rows(with_rows)
            with_rows.end()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        if p is None or not self.rows:
            return
        frame = QRectF(
            self.x_of(p.start),
            HEADER - 2,
            self.x_of(p.end) - self.x_of(p.start),
            ROW * len(self.rows),
        )
        painter.setBrush(QColor(47, 95, 158, 40))
        painter.setPen(QPen(QColor("#2f5f9e"), 2))
        painter.drawRect(frame)

    def _paint_rows(self, painter: QPainter) -> None:
        """Header with the day, hours and legend; one row per person."""
        painter.fillRect(self.rect(), QColor("#ffffff"))
        p, index, project = self.placement, self.index, self.project
        if p is None or index is None or project is None:
            painter.setPen(QColor("#666666"))
            painter.drawText(
                self.rect().adjusted(8, 0, -8, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                _("Select an activity on the calendar to see who is free."),
            )
            return
        visit = project.visit
        x_of = self.x_of
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1.5, 6.5))
        painter.setFont(bold)
        painter.setPen(QColor("#222222"))
        title = index.by_key[p.key].title if p.key in index.by_key else p.key
        painter.drawText(QPointF(6, 14), f"{day_heading(visit, p.day)} — {title}")
        self._paint_legend(painter, small)
        painter.setFont(small)
        for hour in range(-(-visit.day_start // 60) * 60, visit.day_end + 1, 60):
            x = x_of(hour)
            painter.setPen(QColor("#777777"))
            painter.drawText(QPointF(x + 2, HEADER - 4), hhmm(hour))
            painter.setPen(QPen(QColor("#dddddd"), 0))
            painter.drawLine(QPointF(x, HEADER - 2), QPointF(x, HEADER + ROW * len(self.rows)))
        names = QFontMetricsF(self.font())
        for row, (pid, required) in enumerate(self.rows):
            y = HEADER + row * ROW
            if row % 2:
                painter.fillRect(QRectF(0, y, self.width(), ROW), QColor("#f6f6f6"))
            person = index.people[pid]
            label = person.label + ("" if required else _(" (optional)"))
            if person.side is Side.INTERPRETER and not required:
                label = person.label + _(" (interpreter)")
            painter.setFont(bold if required else self.font())
            painter.setPen(QColor("#222222"))
            shown = names.elidedText(label, Qt.TextElideMode.ElideRight, NAME_WIDTH - 12)
            painter.drawText(QPointF(6, y + ROW - 7), shown)
            painter.setPen(Qt.PenStyle.NoPen)
            for shade in self.shades_of(pid, p.day):
                lo, hi = max(shade.start, visit.day_start), min(shade.end, visit.day_end)
                if hi <= lo:
                    continue
                color, _pattern = STYLE[shade.kind]
                solid = QColor(color)
                solid.setAlpha(min(255, color.alpha() * 2))
                painter.setBrush(solid)
                painter.drawRect(QRectF(x_of(lo), y + 3, x_of(hi) - x_of(lo), ROW - 6))

    def _paint_legend(self, painter: QPainter, font: QFont) -> None:
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        x = float(self.width() - 8)
        for kind, text in reversed(LEGEND):
            label = _(text)
            x -= metrics.horizontalAdvance(label) + 4
            painter.setPen(QColor("#444444"))
            painter.drawText(QPointF(x, 14), label)
            x -= 14
            color, _pattern = STYLE[kind]
            solid = QColor(color)
            solid.setAlpha(min(255, color.alpha() * 2))
            painter.fillRect(QRectF(x, 5, 10, 10), solid)
            x -= 12
