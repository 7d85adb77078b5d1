"""Shared pieces of the editors: in-place error marks, forms, checkable lists, pickers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from zoneinfo import available_timezones

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain.clock import hhmm, parse_hhmm
from visitplanner.i18n import _

# Asks the user to confirm: (title, question) -> yes?  Tests pass a stub.
Confirm = Callable[[str, str], bool]

QWIDGETSIZE_MAX = (1 << 24) - 1
INVALID_STYLE = "border: 2px solid #c62828; border-radius: 3px;"
ERROR_COLOUR = "#c62828"


def ask_confirm(parent: QWidget) -> Confirm:
    """A :data:`Confirm` that shows a Yes/No message box over ``parent``."""

    def confirm(title: str, question: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    return confirm


class ErrorLabel(QLabel):
    """A small red message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setWordWrap(True)
        self.hide()

    def say(self, message: str) -> None:
        """Show ``message`` (or hide when empty)."""
        self.setText(message)
        self.setVisible(bool(message))


def mark(widget: QWidget, error: ErrorLabel | None, message: str, tooltip: str = "") -> None:
    """Mark ``widget`` invalid with ``message`` (red border, tooltip, label) or clear it."""
    widget.setProperty("invalid", bool(message))
    if not widget.objectName():
        widget.setObjectName(f"field_{id(widget):x}")
    # An id selector, so the red border does not spill onto child widgets.
    widget.setStyleSheet(f"#{widget.objectName()} {{ {INVALID_STYLE} }}" if message else "")
    widget.setToolTip(message or tooltip)
    if error is not None:
        error.say(message)


class Field:
    """A form field: the editor widget, its error label and its normal tooltip."""

    def __init__(self, widget: QWidget, error: ErrorLabel, tooltip: str) -> None:
        self.widget = widget
        self.marked = widget
        self.error = error
        self.tooltip = tooltip

    def show(self, message: str) -> None:
        """Mark the field with ``message``, or clear the mark when empty."""
        mark(self.marked, self.error, message, self.tooltip)

    @property
    def message(self) -> str:
        """The error currently shown ('' when the field is valid)."""
        return self.error.text()


def show_errors(checks: Iterable[tuple[Field, str]]) -> bool:
    """Mark each field with its message (clearing the valid ones); True when none is wrong."""
    ok = True
    for field, message in checks:
        field.show(message)
        ok = ok and not message
    return ok


class Form(QWidget):
    """A two-column form whose fields carry an error label under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.layout_ = QFormLayout()
        outer.addLayout(self.layout_)
        outer.addStretch(1)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

    def add(
        self, label: str, widget: QWidget, tooltip: str = "", marked: QWidget | None = None
    ) -> Field:
        """Add a row ``label: widget`` with an error label below; return the field.

        ``marked`` is the widget to outline in red when the entry is wrong
        (``widget`` itself unless said otherwise).
        """
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.setAlignment(Qt.AlignmentFlag.AlignTop)
        if widget.maximumWidth() < QWIDGETSIZE_MAX:
            # Aligned, a narrow field does not narrow its error message too.
            lay.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            lay.addWidget(widget)
        error = ErrorLabel(box)
        lay.addWidget(error)
        widget.setToolTip(tooltip)
        title = QLabel(label, self)
        title.setToolTip(tooltip)
        title.setBuddy(widget)
        self.layout_.addRow(title, box)
        field = Field(widget, error, tooltip)
        if marked is not None:
            field.marked = marked
        return field


class CheckList(QListWidget):
    """A list of checkable items keyed by id; ``changed`` fires when a tick changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.itemChanged.connect(self._on_item_changed)

    def set_items(self, items: Iterable[tuple[str, str]], checked: Iterable[str]) -> None:
        """Show ``(id, label)`` items, ticking those in ``checked``."""
        ticked = set(checked)
        self._loading = True
        try:
            self.clear()
            for key, label in items:
                item = QListWidgetItem(label, self)
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked
                item.setCheckState(state)
        finally:
            self._loading = False

    def checked(self) -> tuple[str, ...]:
        """Ids of the ticked items, in list order."""
        return tuple(
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, key: str, on: bool) -> None:
        """Tick or untick the item ``key`` without firing ``changed``."""
        self._loading = True
        try:
            for i in range(self.count()):
                item = self.item(i)
                if item.data(Qt.ItemDataRole.UserRole) == key:
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._loading = False

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.changed.emit()


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA time zone name, sorted."""
    return tuple(sorted(available_timezones()))


def zone_combo(parent: QWidget | None = None) -> QComboBox:
    """An editable combo of every time zone, completing as you type."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(zone_names()))
    completer = QCompleter(list(zone_names()), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
    popup = completer.popup()
    if popup is not None:
        popup.installEventFilter(_FirstSuggestionOnEnter(completer))
    return combo


class _FirstSuggestionOnEnter(QObject):
    """Enter in a completer's list with nothing highlighted takes the first suggestion."""

    def __init__(self, completer: QCompleter) -> None:
        super().__init__(completer)
        self.completer = completer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Highlight the first suggestion before the completer handles Enter."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            popup = self.completer.popup()
            if popup is None:
                return False
            if not popup.currentIndex().isValid() and self.completer.completionCount() > 0:
                self.completer.setCurrentRow(0)
                popup.setCurrentIndex(self.completer.currentIndex())
        return False


def zone_error(text: str) -> str:
    """The reason ``text`` is not a usable time zone ('' when it is)."""
    if not text.strip():
        return _("Give a time zone, such as Europe/Paris")
    return "" if text.strip() in zone_names() else _("Not a known time zone")


def minutes_spin(
    parent: QWidget | None = None, maximum: int = 1440, minimum: int = 0, step: int = 5
) -> QSpinBox:
    """A spin box of minutes that reports a value only when editing is done."""
    spin = QSpinBox(parent)
    spin.setRange(minimum, maximum)
    spin.setSingleStep(step)
    spin.setSuffix(_(" min"))
    spin.setKeyboardTracking(False)
    spin.setMaximumWidth(140)
    return spin


def time_error(text: str) -> str:
    """The reason ``text`` is not a time of day ('' when it is)."""
    try:
        parse_hhmm(text)
    except ValueError:
        return _("Not a time like 09:30")
    return ""


def time_text(minute: int) -> str:
    """Minutes from midnight as ``HH:MM``."""
    return hhmm(minute)


_SLUG = re.compile(r"[^a-z0-9]+")


def unique_id(base: str, taken: Sequence[str]) -> str:
    """A short id made from ``base`` that is not in ``taken`` (``julien-moreau-2``)."""
    slug = _SLUG.sub("-", base.lower()).strip("-") or "item"
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"


def id_error(text: str, taken: Iterable[str]) -> str:
    """The reason ``text`` cannot be an id ('' when it can)."""
    if not text.strip():
        return _("Give a short id, such as julien-moreau")
    if text != text.strip() or any(c.isspace() for c in text):
        return _("An id cannot contain spaces")
    if text in set(taken):
        return _("This id is already used")
    return ""
