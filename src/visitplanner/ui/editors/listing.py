"""The list-and-form layout shared by the people, venue and activity editors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Visit
from visitplanner.i18n import _
from visitplanner.ui.editors.common import Confirm, Field, ask_confirm, show_errors


class ListEditor(QWidget):
    """A list of items on the left, the selected item's form on the right.

    Subclasses fill :meth:`items`, :meth:`load_item`, :meth:`clear_form`,
    :meth:`add_item`, :meth:`remove_item`, and for the form :meth:`fields`,
    :meth:`field_errors` and :meth:`edited`; validating and committing the form
    is shared. Edits go out through ``visit_edited`` as (new valid Visit, short
    undo text).
    """

    visit_edited = Signal(object, str)

    def __init__(
        self,
        nouns: tuple[str, str, str],
        parent: QWidget | None = None,
        confirm: Confirm | None = None,
    ) -> None:
        """``nouns``: the Add button's text, its tooltip and the Remove button's tooltip."""
        super().__init__(parent)
        self.confirm: Confirm = confirm or ask_confirm(self)
        self._visit: Visit | None = None
        self._loading = False

        self.list = QListWidget(self)
        self.list.setMinimumWidth(220)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_current_changed)
        add_text, add_tip, remove_tip = nouns
        self.add_button = QPushButton(add_text, self)
        self.add_button.setToolTip(add_tip)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setToolTip(remove_tip)
        self.remove_button.clicked.connect(self._on_remove)

        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left_lay.addLayout(buttons)

        self.form_area = QScrollArea(self)
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QScrollArea.Shape.NoFrame)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.form_area)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.setContentsMargins(4, 4, 4, 4)
        self.main_layout.addWidget(splitter)

    # -- to fill in -------------------------------------------------------

    def items(self, visit: Visit) -> list[tuple[str, str]]:
        """(id, label) of every item of ``visit``."""
        raise NotImplementedError

    def load_item(self, visit: Visit, key: str) -> None:
        """Show item ``key`` in the form."""
        raise NotImplementedError

    def clear_form(self) -> None:
        """Empty and disable the form (nothing selected)."""
        raise NotImplementedError

    def add_item(self, visit: Visit) -> tuple[Visit, str, str] | None:
        """A visit with a new item: (visit, new id, undo text)."""
        raise NotImplementedError

    def remove_item(self, visit: Visit, key: str) -> tuple[Visit, str] | None:
        """A visit without ``key`` (after asking): (visit, undo text), or None."""
        raise NotImplementedError

    def fields(self) -> tuple[Field, ...]:
        """The form's fields that can be marked wrong."""
        raise NotImplementedError

    def field_errors(self, visit: Visit, key: str) -> Sequence[tuple[Field, str]]:
        """Each checked field with the reason it is wrong ('' when right)."""
        raise NotImplementedError

    def edited(self, visit: Visit, key: str) -> tuple[Visit, str, str] | None:
        """The visit with the (valid) form's entry: (visit, undo text, item id), or None.

        None when nothing changed or the entry cannot be applied.
        """
        raise NotImplementedError

    # -- shared form behaviour ----------------------------------------------

    def validate(self) -> bool:
        """Mark every invalid field in place; True when the entry is valid."""
        visit, key = self._visit, self.current_key()
        if visit is None or key is None:
            return False
        return show_errors(self.field_errors(visit, key))

    def commit(self) -> None:
        """Send the form's entry out as a new visit, if it is valid and changed."""
        if self._loading or not self.validate():
            return
        visit, key = self._visit, self.current_key()
        assert visit is not None and key is not None
        edit = self.edited(visit, key)
        if edit is not None:
            new_visit, text, new_key = edit
            self.emit_edit(new_visit, text, select=new_key)

    def clear_marks(self) -> None:
        """Remove every error mark from the form."""
        for f in self.fields():
            f.show("")

    def on_text(self, _text: str) -> None:
        """Check the entry as the user types (not while the form is being filled)."""
        if not self._loading:
            self.validate()

    # -- shared behaviour ---------------------------------------------------

    @property
    def visit(self) -> Visit | None:
        """The visit shown, including the editor's own last edit."""
        return self._visit

    def set_visit(self, visit: Visit) -> None:
        """Show ``visit``; keeps the selected item when it still exists."""
        if visit is self._visit or visit == self._visit:
            self._visit = visit
            return
        self._visit = visit
        self.refresh_list(self.current_key())

    def current_key(self) -> str | None:
        """Id of the selected item."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, key: str) -> None:
        """Select item ``key``."""
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(i)
                return

    def refresh_list(self, keep: str | None) -> None:
        """Rebuild the list from the visit and reload the form."""
        visit = self._visit
        self._loading = True
        try:
            self.list.clear()
            row = 0
            for i, (key, label) in enumerate(self.items(visit) if visit else []):
                item = QListWidgetItem(label, self.list)
                item.setToolTip(label)
                item.setData(Qt.ItemDataRole.UserRole, key)
                if key == keep:
                    row = i
            if self.list.count():
                self.list.setCurrentRow(row)
        finally:
            self._loading = False
        self._reload_form()

    def emit_edit(self, visit: Visit, text: str, select: str | None = None) -> None:
        """Adopt ``visit`` and tell the world.

        An edit of the selected item keeps the form as it is (so focus stays where
        the user is typing); adding or removing rebuilds the list and the form.
        """
        self._visit = visit
        entries = self.items(visit)
        row = self.list.currentRow()
        same_rows = self.list.count() == len(entries) and 0 <= row < len(entries)
        if same_rows and (select is None or entries[row][0] == select):
            self._loading = True
            try:
                for i, (key, label) in enumerate(entries):
                    item = self.list.item(i)
                    item.setText(label)
                    item.setToolTip(label)
                    item.setData(Qt.ItemDataRole.UserRole, key)
            finally:
                self._loading = False
            self.after_edit()
        else:
            self.refresh_list(select if select is not None else self.current_key())
        self.visit_edited.emit(visit, text)

    def after_edit(self) -> None:
        """Bring secondary views up to date after an edit that kept the form."""

    def _reload_form(self) -> None:
        key = self.current_key()
        self._loading = True
        try:
            if self._visit is None or key is None:
                self.clear_form()
            else:
                self.load_item(self._visit, key)
        finally:
            self._loading = False
        self.remove_button.setEnabled(key is not None)

    def _on_current_changed(self, *_args: object) -> None:
        if not self._loading:
            self._reload_form()

    def _on_add(self) -> None:
        if self._visit is None:
            return
        added = self.add_item(self._visit)
        if added is not None:
            visit, key, text = added
            self.emit_edit(visit, text, select=key)

    def _on_remove(self) -> None:
        key = self.current_key()
        if self._visit is None or key is None:
            return
        removed = self.remove_item(self._visit, key)
        if removed is not None:
            row = self.list.currentRow()
            visit, text = removed
            keys = [k for k, _ in self.items(visit)]
            keep = keys[min(row, len(keys) - 1)] if keys else None
            self.emit_edit(visit, text, select=keep)
