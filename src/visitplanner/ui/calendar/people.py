"""The people view: one lane per participant, to see who is where and when."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from visitplanner.domain import Level, Project, Side
from visitplanner.domain.clock import hhmm, visit_minute
from visitplanner.domain.index import VisitIndex
from visitplanner.i18n import N_, _
from visitplanner.ui.calendar.blocks import FILL, TEXT
from visitplanner.ui.calendar.geometry import day_heading

NAME_WIDTH = 200.0
LANE = 26.0
TOP = 36.0
PX_PER_MINUTE = 0.7
DAY_GAP = 24.0
ELIDE = Qt.TextElideMode.ElideRight
BUSY = QColor("#d9d9d9")
IF_NEED_BE = QColor("#f6e7b0")
SIDES: dict[Side, str] = {
    Side.HOST: N_("host"),
    Side.VISITOR: N_("visitor"),
    Side.INTERPRETER: N_("interpreter"),
    Side.OBSERVER: N_("observer"),
}


class PeopleView(QGraphicsView):
    """Timeline lanes: activities each person attends, and when they are not free."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setBackgroundBrush(QColor("#f4f4f4"))
        self._index: VisitIndex | None = None

    def show_project(self, project: Project) -> None:
        """Draw the lanes for ``project``."""
        visit = project.visit
        if self._index is None or self._index.visit is not visit:
            self._index = VisitIndex(visit)
        index = self._index
        scene = self.scene()
        scene.clear()
        span = visit.day_end - visit.day_start
        day_w = span * PX_PER_MINUTE

        def x_of(day: int, minute: int) -> float:
            return (
                NAME_WIDTH
                + (day - 1) * (day_w + DAY_GAP)
                + (minute - visit.day_start) * PX_PER_MINUTE
            )

        names = QFontMetricsF(QFont())
        bold = QFont()
        bold.setBold(True)
        small = QFont()
        small.setPointSizeF(7.5)
        smalls = QFontMetricsF(small)
        height = TOP + LANE * len(visit.participants)
        for day in range(1, visit.n_days + 1):
            title = scene.addSimpleText(day_heading(visit, day), bold)
            title.setPos(x_of(day, visit.day_start) + 4, 2)
            for hour in range(-(-visit.day_start // 60) * 60, visit.day_end, 60):
                x = x_of(day, hour)
                scene.addLine(x, TOP - 4, x, height, QPen(QColor("#c8c8c8"), 0))
                label = scene.addSimpleText(hhmm(hour)[:2], small)
                label.setPos(x - 5, TOP - 16)
        for row, person in enumerate(visit.participants):
            y = TOP + row * LANE
            shade = QColor("#ffffff") if row % 2 == 0 else QColor("#f7f7f7")
            scene.addRect(
                QRectF(0, y, x_of(visit.n_days, visit.day_end), LANE),
                QPen(Qt.PenStyle.NoPen),
                shade,
            )
            name = scene.addSimpleText(names.elidedText(person.label, ELIDE, NAME_WIDTH - 12))
            name.setPos(6, y + 5)
            name.setToolTip(
                _("{name} — {side}, speaks {languages}").format(
                    name=person.label,
                    side=_(SIDES[person.side]),
                    languages=", ".join(person.languages),
                )
            )
            for stretch in index.stretches.get(person.id, ()):
                day = stretch.start // 1440 + 1
                lo = max(stretch.start - visit_minute(day, 0), visit.day_start)
                hi = min(stretch.end - visit_minute(day, 0), visit.day_end)
                if hi <= lo or day > visit.n_days:
                    continue
                color = BUSY if stretch.level is Level.UNAVAILABLE else IF_NEED_BE
                rect = QRectF(x_of(day, lo), y + 2, (hi - lo) * PX_PER_MINUTE, LANE - 4)
                item = scene.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(color))
                item.setToolTip(
                    _("Not available")
                    if stretch.level is Level.UNAVAILABLE
                    else _("Free only if need be")
                )
            for p in project.schedule:
                if person.id not in p.attendees or p.activity_id not in index.activities:
                    continue
                activity = index.activities[p.activity_id]
                rect = QRectF(x_of(p.day, p.start), y + 3, p.length * PX_PER_MINUTE, LANE - 6)
                block = scene.addRect(
                    rect, QPen(FILL[activity.kind].darker(140), 1), FILL[activity.kind]
                )
                block.setToolTip(f"{activity.title}\n{hhmm(p.start)}–{hhmm(p.end)}")
                block.setZValue(2)
                short = smalls.elidedText(activity.title, ELIDE, rect.width() - 5)
                text = scene.addSimpleText(short, small)
                text.setBrush(TEXT[activity.kind])
                text.setPos(rect.left() + 3, rect.top() + 3)
                text.setZValue(3)
        scene.setSceneRect(QRectF(0, 0, x_of(visit.n_days, visit.day_end) + 10, height + 10))
