"""Calendar edits as undoable document changes: drops, pins, removals, the block menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QMenu, QWidget

from visitplanner.domain import Placement
from visitplanner.domain.clock import hhmm
from visitplanner.i18n import _
from visitplanner.ui import commands
from visitplanner.ui.calendar.scene import CalendarScene
from visitplanner.ui.calendar.view import CalendarView
from visitplanner.ui.document import Document


class CalendarEdits(QObject):
    """Turns what the user does on the calendar into commands on the document.

    ``busy()`` says when editing is not allowed (while the planner runs);
    ``refresh()`` redraws the calendar when a drop changed nothing.
    """

    def __init__(
        self,
        doc: Document,
        scene: CalendarScene,
        view: CalendarView,
        busy: Callable[[], bool],
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(view)
        self.doc, self.scene, self.view = doc, scene, view
        self._busy, self._refresh = busy, refresh
        scene.placement_edited.connect(self.placement_edited)
        scene.placement_nudged.connect(self.placement_nudged)
        self.autoscroll = DragAutoScroll(scene, view)
        view.unschedule_requested.connect(self.unschedule)
        view.pin_requested.connect(lambda _key: self.toggle_pin())
        view.context_requested.connect(self.block_menu)

    def title(self, key: str) -> str:
        """How to name occurrence ``key`` in undo texts."""
        index = self.scene.index
        occurrence = index.by_key.get(key) if index is not None else None
        return occurrence.title if occurrence else key

    def placement_edited(self, old: Placement | None, new: Placement) -> None:
        """Record a drop (of a block, or of an unplaced activity), resize or keyboard move."""
        title = self.title(new.key)
        if old is None:
            text = _("Place {title} on day {day} {time}").format(
                title=title, day=new.day, time=hhmm(new.start)
            )
        elif new.length != old.length:
            text = _("Resize {title} to {minutes} min").format(title=title, minutes=new.length)
        else:
            text = _move_text(title, new)
        if not self.doc.push(commands.with_placement(self.doc.project, new), text):
            self._refresh()

    def placement_nudged(self, old: Placement, new: Placement) -> None:
        """Record an arrow-key nudge; consecutive nudges of one block make one undo step."""
        text = _move_text(self.title(new.key), new)
        project = commands.with_placement(self.doc.project, new)
        if not self.doc.push(project, text, merge_key=f"nudge:{new.key}"):
            self._refresh()

    def toggle_pin(self) -> None:
        """Pin the selected block (the planner keeps it) or unpin it."""
        key = self.scene.selected_key()
        p = self.doc.project.schedule.get(key) if key else None
        if p is None or self._busy():
            return
        text = _("Unpin {title}") if p.pinned else _("Pin {title}")
        self.doc.push(
            commands.pinned(self.doc.project, key, not p.pinned),
            text.format(title=self.title(key)),
        )

    def unschedule_selected(self) -> None:
        """Remove the selected block from the programme."""
        self.unschedule(self.scene.selected_key())

    def unschedule(self, key: str) -> None:
        """Remove occurrence ``key`` from the programme."""
        if not key or self.doc.project.schedule.get(key) is None or self._busy():
            return
        self.doc.push(
            commands.unscheduled(self.doc.project, key),
            _("Remove {title}").format(title=self.title(key)),
        )

    def block_menu(self, key: str, pos: QPoint) -> QMenu | None:
        """The right-click menu of a block (pin/unpin, remove)."""
        p = self.doc.project.schedule.get(key)
        if p is None or self._busy():
            return None
        parent = self.view.window()
        menu = QMenu(parent if isinstance(parent, QWidget) else None)
        menu.addAction(_("Unpin") if p.pinned else _("Pin here"), self.toggle_pin)
        menu.addAction(_("Remove from programme"), lambda: self.unschedule(key))
        menu.popup(pos)
        return menu


def _move_text(title: str, p: Placement) -> str:
    return _("Move {title} to day {day} {time}").format(title=title, day=p.day, time=hhmm(p.start))


class DragAutoScroll(QObject):
    """Scrolls the calendar while a block is dragged near the top or bottom edge.

    Watches the pointer over the view; while it is within :attr:`MARGIN` pixels
    of an edge, a timer scrolls a step and moves the dragged block along.
    """

    MARGIN = 32
    STEP = 12
    INTERVAL_MS = 30

    def __init__(self, scene: CalendarScene, view: CalendarView) -> None:
        super().__init__(view)
        self.scene, self.view = scene, view
        self._pointer = QPoint()
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self._scroll)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Follow the pointer while dragging; stop when the button is released."""
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            self.follow(event.position().toPoint())
        elif kind == QEvent.Type.MouseButtonRelease:
            self.timer.stop()
        return False

    def follow(self, pointer: QPoint) -> None:
        """The pointer is at ``pointer`` (viewport coordinates): scroll while near an edge."""
        self._pointer = pointer
        if self.scene.dragging() and self._direction() != 0:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def _direction(self) -> int:
        y, height = self._pointer.y(), self.view.viewport().height()
        if y < self.MARGIN:
            return -1
        if y > height - self.MARGIN:
            return 1
        return 0

    def _scroll(self) -> None:
        direction = self._direction()
        if not self.scene.dragging() or direction == 0:
            self.timer.stop()
            return
        bar = self.view.verticalScrollBar()
        before = bar.value()
        bar.setValue(before + direction * self.STEP)
        if bar.value() == before:
            self.timer.stop()
            return
        self.scene.drag_to(self.view.mapToScene(self._pointer))
