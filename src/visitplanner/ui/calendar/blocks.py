"""Blocks on the calendar: one per placed activity, and hatched travel strips."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from visitplanner.domain import Activity, Kind, Placement
from visitplanner.domain.clock import duration_text, hhmm
from visitplanner.domain.replies import occurrence_marks
from visitplanner.i18n import _, ngettext

FILL = {Kind.FORMAL: QColor("#2f5f9e"), Kind.INFORMAL: QColor("#f2c14e")}
TEXT = {Kind.FORMAL: QColor("#ffffff"), Kind.INFORMAL: QColor("#2b2b2b")}
PROBLEM_FILL = QColor("#d93b3b")
PROBLEM_EDGE = QColor("#8a0f0f")
EDGE_GRIP = 6.0  # pixels at the bottom edge that resize instead of move


class BlockItem(QGraphicsItem):
    """A placed activity: title, time, venue, attendees, interpreter and pin marks."""

    def __init__(
        self,
        placement: Placement,
        activity: Activity,
        venue_name: str,
        interpreted: bool,
        rect: QRectF,
    ) -> None:
        super().__init__()
        self.placement = placement
        self.activity = activity
        self.venue_name = venue_name
        self.interpreted = interpreted
        self.problems: tuple[str, ...] = ()  # the rule labels
        self.messages: tuple[str, ...] = ()  # one per problem line: who, what, when
        self._lines: tuple[tuple[str, str], ...] = ()
        self._rect = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(10)
        self._update_tooltip()

    @property
    def key(self) -> str:
        """The occurrence key of the placement shown."""
        return self.placement.key

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        """The block's rectangle in item coordinates."""
        return self._rect.adjusted(-2, -2, 2, 2)

    def set_geometry(self, rect: QRectF) -> None:
        """Move and size the block (in scene coordinates)."""
        if rect.size() != self._rect.size():
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())

    def scene_rect(self) -> QRectF:
        """The block's rectangle in scene coordinates."""
        return self._rect.translated(self.pos())

    def show_placement(self, placement: Placement) -> None:
        """Show a (tentative) placement: new times in the label."""
        self.placement = placement
        self._update_tooltip()
        self.update()

    def set_problems(
        self, labels: tuple[str, ...], lines: tuple[tuple[str, str], ...] = ()
    ) -> None:
        """Mark the block red, naming the first problem; the tooltip lists them all.

        ``labels`` are the rules broken; ``lines`` the (rule label, message) of each problem.
        """
        if labels != self.problems or lines != self._lines:
            self.problems = labels
            self._lines = lines
            self.messages = tuple(message for _label, message in lines)
            self._update_tooltip()
            self.update()

    @property
    def first_problem(self) -> str:
        """The first problem in words (with people and times), or ``""``."""
        return self.messages[0] if self.messages else (self.problems[0] if self.problems else "")

    def on_bottom_edge(self, scene_pos: QPointF) -> bool:
        """Whether ``scene_pos`` grabs the bottom edge (to resize)."""
        local = self.mapFromScene(scene_pos)
        return self._rect.bottom() - EDGE_GRIP <= local.y() <= self._rect.bottom() + 2

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        """Show a resize cursor over the bottom edge."""
        edge = self.on_bottom_edge(event.scenePos())
        self.setCursor(Qt.CursorShape.SizeVerCursor if edge else Qt.CursorShape.OpenHandCursor)
        super().hoverMoveEvent(event)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        """Draw the block."""
        kind = self.activity.kind
        rect = self._rect.adjusted(1, 1, -1, -1)
        fill = QColor(PROBLEM_FILL if self.problems else FILL[kind])
        if self.problems and kind is Kind.INFORMAL:
            fill = QColor("#f08a8a")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        edge = PROBLEM_EDGE if self.problems else fill.darker(140)
        width = 2.5 if (self.isSelected() or self.problems) else 1.0
        if self.isSelected():
            edge = QColor("#111111")
        painter.setPen(QPen(edge, width))
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(rect, 4, 4)
        self._paint_text(painter, rect, kind)

    def _paint_text(self, painter: QPainter, rect: QRectF, kind: Kind) -> None:
        p = self.placement
        color = QColor("#ffffff") if self.problems and kind is Kind.FORMAL else TEXT[kind]
        painter.setPen(color)
        inner = rect.adjusted(5, 2, -5, -2)
        marks_width = 0.0
        if p.pinned:
            _paint_lock(painter, QPointF(inner.right() - 9, inner.top() + 2), color)
            marks_width += 14
        bold = QFont(painter.font())
        bold.setPointSizeF(8.5)
        bold.setBold(True)
        plain = QFont(bold)
        plain.setBold(False)
        lines: list[tuple[QFont, str]] = [
            (bold, self.activity.title),
            (plain, f"{hhmm(p.start)}–{hhmm(p.end)} · {self.venue_name}"),
        ]
        if self.problems:
            # A red block says what is wrong before anything else.
            lines.append((bold, "⚠ " + self.first_problem))
        people = people_text(len(p.attendees))
        if self.interpreted:
            people += " · " + _("⇄ interpreter")
        shown = getattr(self.scene(), "project", None)  # answers to invitations: ✓ ? ✗
        people += f" · {m}" if shown and (m := occurrence_marks(shown, p.key)) else ""
        lines.append((plain, people))
        y = inner.top()
        for n, (font, text) in enumerate(lines):
            metrics = QFontMetricsF(font)
            if y + metrics.height() > inner.bottom() + 1 and n > 0:
                break
            width = inner.width() - (marks_width if n == 0 else 0)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))
            painter.setFont(font)
            painter.drawText(QPointF(inner.left(), y + metrics.ascent()), shown)
            y += metrics.height()

    def _update_tooltip(self) -> None:
        p = self.placement
        lines = [
            f"<b>{_esc(self.activity.title)}</b>",
            f"{hhmm(p.start)}–{hhmm(p.end)} ({duration_text(p.length)}), {_esc(self.venue_name)}",
            people_text(len(p.attendees))
            + (_(", with the interpreter") if self.interpreted else ""),
        ]
        if p.pinned:
            lines.append(_("Pinned: the planner keeps it where it is"))
        if self.problems:
            lines.append(f"<span style='color:#b00000'><b>{_esc(_('Problems:'))}</b></span>")
            for label, message in self._lines or tuple((lab, "") for lab in self.problems):
                text = f"<i>{_esc(label)}</i>" + (f": {_esc(message)}" if message else "")
                lines.append(f"• {text}")
        self.setToolTip("<br>".join(lines))


class TravelItem(QGraphicsItem):
    """A hatched strip after a block: the time needed to reach the next venue."""

    def __init__(self, rect: QRectF, minutes: int, short: bool) -> None:
        super().__init__()
        self._rect = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())
        self.minutes = minutes
        self.short = short
        self.setZValue(5)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        tip = _("{minutes} min travel to the next venue").format(minutes=minutes)
        if short:
            tip += " — " + _("not enough time before the next activity")
        self.setToolTip(tip)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        """The strip's rectangle."""
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        """Draw the hatched strip with its minutes."""
        color = QColor("#c0392b") if self.short else QColor("#7a7a7a")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(color.red(), color.green(), color.blue(), 40)))
        painter.drawRect(self._rect)
        painter.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern))
        painter.drawRect(self._rect)
        if self._rect.height() >= 11:
            font = QFont(painter.font())
            font.setPointSizeF(7.5)
            painter.setFont(font)
            painter.setPen(color.darker(130))
            label = _("{minutes} min travel").format(minutes=self.minutes)
            back = QFontMetricsF(font).boundingRect(label).adjusted(-3, 0, 3, 0)
            back.moveCenter(self._rect.center())
            painter.fillRect(back, QColor(255, 255, 255, 220))
            painter.drawText(back, Qt.AlignmentFlag.AlignCenter, label)


def _paint_lock(painter: QPainter, top_left: QPointF, color: QColor) -> None:
    """A small padlock (drawn, so it shows whatever fonts are installed)."""
    x, y = top_left.x(), top_left.y()
    painter.save()
    painter.setPen(QPen(color, 1.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    shackle = QPainterPath()
    shackle.moveTo(x + 2, y + 5)
    shackle.arcTo(QRectF(x + 2, y, 6, 7), 180, -180)
    painter.drawPath(shackle)
    painter.setBrush(QBrush(color))
    painter.drawRoundedRect(QRectF(x, y + 5, 10, 7), 1.5, 1.5)
    painter.restore()


def people_text(count: int) -> str:
    """ "1 person", "8 people"."""
    return ngettext("{n} person", "{n} people", count).format(n=count)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
