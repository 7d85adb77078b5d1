"""Calendar edits as undoable document changes: drops, pins, removals, the block menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu, QWidget

from visitplanner.domain import Placement
from visitplanner.domain.clock import hhmm
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
        view.unschedule_requested.connect(self.unschedule)
        view.pin_requested.connect(lambda _key: self.toggle_pin())
        view.context_requested.connect(self.block_menu)

    def title(self, key: str) -> str:
        """How to name occurrence ``key`` in undo texts."""
        index = self.scene.index
        occurrence = index.by_key.get(key) if index is not None else None
        return occurrence.title if occurrence else key

    def placement_edited(self, old: Placement, new: Placement) -> None:
        """Record a drop, resize or keyboard move."""
        title = self.title(new.key)
        if new.length != old.length:
            text = f"Resize {title} to {new.length} min"
        else:
            text = f"Move {title} to day {new.day} {hhmm(new.start)}"
        if not self.doc.push(commands.with_placement(self.doc.project, new), text):
            self._refresh()

    def toggle_pin(self) -> None:
        """Pin the selected block (the planner keeps it) or unpin it."""
        key = self.scene.selected_key()
        p = self.doc.project.schedule.get(key) if key else None
        if p is None or self._busy():
            return
        verb = "Unpin" if p.pinned else "Pin"
        self.doc.push(
            commands.pinned(self.doc.project, key, not p.pinned), f"{verb} {self.title(key)}"
        )

    def unschedule_selected(self) -> None:
        """Remove the selected block from the programme."""
        self.unschedule(self.scene.selected_key())

    def unschedule(self, key: str) -> None:
        """Remove occurrence ``key`` from the programme."""
        if not key or self.doc.project.schedule.get(key) is None or self._busy():
            return
        self.doc.push(commands.unscheduled(self.doc.project, key), f"Remove {self.title(key)}")

    def block_menu(self, key: str, pos: QPoint) -> QMenu | None:
        """The right-click menu of a block (pin/unpin, remove)."""
        p = self.doc.project.schedule.get(key)
        if p is None or self._busy():
            return None
        parent = self.view.window()
        menu = QMenu(parent if isinstance(parent, QWidget) else None)
        menu.addAction("Unpin" if p.pinned else "Pin here", self.toggle_pin)
        menu.addAction("Remove from programme", lambda: self.unschedule(key))
        menu.popup(pos)
        return menu
