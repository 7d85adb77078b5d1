"""The day-by-time grid: columns are days, rows are slots of wall-clock time in one zone.

Row ``r`` of column ``d`` starts at ``lo + r * row`` minutes after midnight of
day ``d`` in the display zone (``lo`` may be negative or past 24:00 when the
display zone is far from the visit's). :class:`DayGrid` draws the frame;
:class:`AvailabilityGrid` shows one person's levels and paints strokes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, get_timezone_location
from PySide6.QtCore import QLine, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from visitplanner.domain import Availability, AvailabilityRange, Level, Visit
from visitplanner.domain.availability import Segment, local_range
from visitplanner.domain.clock import MINUTES_PER_DAY, hhmm
from visitplanner.i18n import N_, babel_locale

LEFT, TOP, COL_W, ROW_H = 60, 40, 64, 13
MIN_ROW_MINUTES = 15

LEVEL_COLOURS: dict[Level, str] = {
    Level.AVAILABLE: "#43a047",
    Level.IF_NEED_BE: "#ffb300",
    Level.UNAVAILABLE: "#cfd8dc",
}
# Marked only: shown through _() in the current language.
LEVEL_NAMES: dict[Level, str] = {
    Level.AVAILABLE: N_("Available"),
    Level.IF_NEED_BE: N_("If need be"),
    Level.UNAVAILABLE: N_("Unavailable"),
}
_WORST_FIRST = (Level.UNAVAILABLE, Level.IF_NEED_BE, Level.AVAILABLE)


def row_minutes(visit: Visit) -> int:
    """Minutes per grid row: the visit's slot, but at least 15 so rows stay readable."""
    return max(MIN_ROW_MINUTES, visit.slot)


def grid_days(visit: Visit) -> tuple[date, ...]:
    """The days shown: the candidate window's eligible days (if any) and the visit's dates."""
    days = set(visit.dates)
    window = visit.candidate_dates
    if window is not None:
        days.update(d for run in window.runs() for d in run)
    return tuple(sorted(days))


def zone_city(zone: str) -> str:
    """A zone's city in the current language: ``"Europe/London"`` -> ``"London"``, ``"Londres"``."""
    try:
        return str(get_timezone_location(zone, locale=babel_locale(), return_city=True))
    except (LookupError, ValueError):
        return zone.rsplit("/", 1)[-1].replace("_", " ")


def day_header(day: date) -> str:
    """A column heading in two lines, e.g. ``"Tue\n23 Mar"`` / ``"mar.\n23 mars"``."""
    locale = babel_locale()
    return f"{format_date(day, 'EEE', locale=locale)}\n{format_date(day, 'd MMM', locale=locale)}"


def _minutes_after(moment: datetime, day: date) -> int:
    return (moment.date() - day).days * MINUTES_PER_DAY + moment.hour * 60 + moment.minute


def display_bounds(visit: Visit, days: Sequence[date], zone: str, row: int) -> tuple[int, int]:
    """First and last minute to show (relative to each day in ``zone``), whole rows.

    Covers the visit's daily hours (``day_start``-``day_end`` in the visit zone)
    on every shown day, converted exactly with zoneinfo.
    """
    if not days:
        return visit.day_start, visit.day_end
    visit_tz, tz = ZoneInfo(visit.zone), ZoneInfo(zone)
    starts: list[int] = []
    ends: list[int] = []
    for day in days:
        midnight = datetime.combine(day, time(0))
        for minute, out in ((visit.day_start, starts), (visit.day_end, ends)):
            moment = (midnight + timedelta(minutes=minute)).replace(tzinfo=visit_tz)
            out.append(_minutes_after(moment.astimezone(tz), day))
    lo = min(starts) // row * row
    hi = -(-max(ends) // row) * row
    return lo, max(hi, lo + row)


def column_segments(
    availability: Availability, day: date, zone: str, lo: int, hi: int
) -> list[Segment]:
    """Levels between minutes ``lo`` and ``hi`` after midnight of ``day`` in ``zone``."""
    out: list[Segment] = []
    for offset in range(lo // MINUTES_PER_DAY, -(-hi // MINUTES_PER_DAY)):
        shift = offset * MINUTES_PER_DAY
        for seg in availability.day_segments(day + timedelta(days=offset), zone):
            start, end = max(seg.start + shift, lo), min(seg.end + shift, hi)
            if end > start:
                out.append(Segment(start, end, seg.level))
    return out


def worst_level(segments: Iterable[Segment], start: int, end: int) -> Level:
    """The least free level among ``segments`` overlapping ``start``-``end``."""
    found = {s.level for s in segments if s.start < end and start < s.end}
    for level in _WORST_FIRST:
        if level in found:
            return level
    return Level.UNAVAILABLE


def time_label(minute: int) -> str:
    """Row label: ``"09:00"``, or ``"01:00 +1"`` past midnight (``-1`` before)."""
    days, rest = divmod(minute, MINUTES_PER_DAY)
    suffix = "" if days == 0 else f" {days:+d}"
    return hhmm(rest) + suffix


@dataclass(frozen=True)
class Frame:
    """What a grid shows: days, minute bounds, row size, and days to highlight."""

    days: tuple[date, ...] = ()
    lo: int = 7 * 60
    hi: int = 23 * 60
    row: int = MIN_ROW_MINUTES
    marked: frozenset[date] = frozenset()

    @property
    def rows(self) -> int:
        """Number of rows."""
        return (self.hi - self.lo) // self.row


class DayGrid(QWidget):
    """Draws day headers, time labels and lines; subclasses fill the cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame = Frame()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_frame(self, frame: Frame) -> None:
        """Show ``frame``'s days and rows."""
        self.frame = frame
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """Exactly the grid's size."""
        return QSize(LEFT + len(self.frame.days) * COL_W + 1, TOP + self.frame.rows * ROW_H + 1)

    def cell_rect(self, col: int, row: int) -> QRect:
        """The rectangle of a cell, in widget coordinates."""
        return QRect(LEFT + col * COL_W, TOP + row * ROW_H, COL_W, ROW_H)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        """``(column, row)`` under ``pos``, or ``None`` outside the cells."""
        col, row = (pos.x() - LEFT) // COL_W, (pos.y() - TOP) // ROW_H
        if pos.x() < LEFT or pos.y() < TOP:
            return None
        if col >= len(self.frame.days) or row >= self.frame.rows:
            return None
        return col, row

    def clamped_cell(self, pos: QPoint) -> tuple[int, int]:
        """The nearest cell to ``pos`` (for drags that leave the grid)."""
        col = min(max((pos.x() - LEFT) // COL_W, 0), max(len(self.frame.days) - 1, 0))
        row = min(max((pos.y() - TOP) // ROW_H, 0), max(self.frame.rows - 1, 0))
        return col, row

    def row_span(self, row: int) -> tuple[int, int]:
        """Start and end minute of ``row``."""
        start = self.frame.lo + row * self.frame.row
        return start, start + self.frame.row

    def y_of(self, minute: float) -> float:
        """Vertical position of ``minute``."""
        return TOP + (minute - self.frame.lo) * ROW_H / self.frame.row

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        """Cells first, then the frame on top."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self.paint_cells(painter)
        self._paint_frame(painter)
        painter.end()

    def paint_cells(self, painter: QPainter) -> None:
        """Fill the cells (subclasses)."""

    def _paint_frame(self, painter: QPainter) -> None:
        frame = self.frame
        width, bottom = LEFT + len(frame.days) * COL_W, TOP + frame.rows * ROW_H
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7.0))
        painter.setFont(small)
        thin: list[QLine] = []
        hours: list[QLine] = []
        painter.setPen(QColor("#37474f"))
        for row in range(frame.rows + 1):
            start = frame.lo + row * frame.row
            y = TOP + row * ROW_H
            on_hour = start % 60 == 0
            (hours if on_hour else thin).append(QLine(LEFT, y, width, y))
            if on_hour and row < frame.rows:
                painter.drawText(
                    QRect(0, y - 7, LEFT - 6, 14),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    time_label(start),
                )
        painter.setPen(QPen(QColor("#ffffff"), 1))
        painter.drawLines(thin)
        painter.setPen(QPen(QColor("#78909c"), 1))
        painter.drawLines(hours)
        bold = QFont(small)
        bold.setBold(True)
        for col, day in enumerate(frame.days):
            x = LEFT + col * COL_W
            marked = day in frame.marked
            if marked:
                painter.fillRect(QRect(x, 0, COL_W, TOP - 2), QColor("#bbdefb"))
            painter.setPen(QPen(QColor("#78909c"), 1))
            painter.drawLine(x, TOP, x, bottom)
            painter.setPen(QColor("#0d47a1" if marked else "#263238"))
            painter.setFont(bold if marked else small)
            painter.drawText(
                QRect(x, 2, COL_W, TOP - 4),
                Qt.AlignmentFlag.AlignCenter,
                day_header(day),
            )
        painter.setPen(QPen(QColor("#78909c"), 1))
        painter.drawLine(width, TOP, width, bottom)


class AvailabilityGrid(DayGrid):
    """One person's availability; click-drag paints a rectangle of cells.

    Emits ``stroke(tuple[AvailabilityRange, ...])`` on mouse release: one range
    per day of the stroke, at the chosen ``paint_level``, in the display zone.
    """

    stroke = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = "UTC"
        self.paint_level = Level.AVAILABLE
        self._columns: list[list[Segment]] = []
        self._anchor: tuple[int, int] | None = None
        self._current: tuple[int, int] | None = None
        self.setCursor(Qt.CursorShape.CrossCursor)

    def show_availability(self, frame: Frame, zone: str, availability: Availability) -> None:
        """Show ``availability`` over ``frame``'s days, times in ``zone``."""
        self.zone = zone
        self._columns = [
            column_segments(availability, day, zone, frame.lo, frame.hi) for day in frame.days
        ]
        self._anchor = self._current = None
        self.set_frame(frame)

    def level_at(self, col: int, row: int) -> Level:
        """The least free level shown in a cell."""
        start, end = self.row_span(row)
        return worst_level(self._columns[col], start, end)

    def stroke_ranges(
        self, a: tuple[int, int], b: tuple[int, int]
    ) -> tuple[AvailabilityRange, ...]:
        """The ranges painted by a stroke between cells ``a`` and ``b``."""
        (c0, c1), (r0, r1) = sorted((a[0], b[0])), sorted((a[1], b[1]))
        start, end = self.row_span(r0)[0], self.row_span(r1)[1]
        return tuple(
            local_range(self.frame.days[col], start, end, self.zone, self.paint_level)
            for col in range(c0, c1 + 1)
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        """Start a stroke on a cell."""
        cell = self.cell_at(event.position().toPoint())
        if event.button() is Qt.MouseButton.LeftButton and cell is not None:
            self._anchor = self._current = cell
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        """Stretch the stroke."""
        if self._anchor is not None:
            self._current = self.clamped_cell(event.position().toPoint())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt name)
        """Finish the stroke and emit its ranges."""
        if self._anchor is None or event.button() is not Qt.MouseButton.LeftButton:
            return
        end = self.clamped_cell(event.position().toPoint())
        ranges = self.stroke_ranges(self._anchor, end)
        self._anchor = self._current = None
        self.update()
        self.stroke.emit(ranges)

    def paint_cells(self, painter: QPainter) -> None:
        """Each column's levels, then the stroke being drawn."""
        for col, segments in enumerate(self._columns):
            x = LEFT + col * COL_W
            for seg in segments:
                top, bottom = self.y_of(seg.start), self.y_of(seg.end)
                painter.fillRect(
                    QRectF(x, top, COL_W, bottom - top), QColor(LEVEL_COLOURS[seg.level])
                )
        if self._anchor is not None and self._current is not None:
            (c0, c1) = sorted((self._anchor[0], self._current[0]))
            (r0, r1) = sorted((self._anchor[1], self._current[1]))
            area = self.cell_rect(c0, r0).united(self.cell_rect(c1, r1))
            colour = QColor(LEVEL_COLOURS[self.paint_level])
            colour.setAlpha(190)
            painter.fillRect(area, colour)
            painter.setPen(QPen(QColor("#263238"), 2, Qt.PenStyle.DashLine))
            painter.drawRect(area.adjusted(1, 1, -1, -1))
