"""A small editor for an activity's time windows: day (or every day), from, to."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Window
from visitplanner.domain.clock import parse_hhmm
from visitplanner.i18n import N_, _
from visitplanner.ui.editors.common import ErrorLabel, mark, time_error, time_text

OPENS_TIP = N_("When the window opens, e.g. 09:00")
CLOSES_TIP = N_("When the window closes, e.g. 17:30")


class NotesEdit(QPlainTextEdit):
    """Multi-line text that says when the user leaves it."""

    editingFinished = Signal()  # noqa: N815 (Qt naming, like QLineEdit)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        """Report the end of editing."""
        super().focusOutEvent(event)
        self.editingFinished.emit()


class _Row(QWidget):
    """One window: day, from, to, a remove button, and its error label underneath."""

    def __init__(self, window: Window, n_days: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.day = QComboBox(self)
        self.day.addItem(_("Every day"), None)
        for d in range(1, n_days + 1):
            self.day.addItem(_("Day {n}").format(n=d), d)
        if window.day is not None and window.day > n_days:
            self.day.addItem(_("Day {n} (not in the visit)").format(n=window.day), window.day)
        self.day.setCurrentIndex(self.day.findData(window.day))
        self.day.setToolTip(_("The day this window applies to, or every day of the visit"))
        self.start = QLineEdit(time_text(window.start), self)
        self.end = QLineEdit(time_text(window.end), self)
        for edit in (self.start, self.end):
            edit.setMaximumWidth(80)
            edit.setPlaceholderText("09:00")
        self.start.setToolTip(_(OPENS_TIP))
        self.end.setToolTip(_(CLOSES_TIP))
        self.remove = QToolButton(self)
        self.remove.setText(_("Remove"))
        self.remove.setToolTip(_("Remove this time window"))
        self.error = ErrorLabel(self)
        line = QHBoxLayout()
        self.day.setMinimumWidth(120)
        line.addWidget(self.day)
        line.addWidget(QLabel(_("from"), self))
        line.addWidget(self.start)
        line.addWidget(QLabel(_("to"), self))
        line.addWidget(self.end)
        line.addWidget(self.remove)
        line.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(line)
        lay.addWidget(self.error)


class WindowsEditor(QWidget):
    """Rows of (day or every day, from, to); ``edited`` fires when a row is done."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._n_days = 1
        self._loading = False
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(_("Add a time window"), self)
        self.add_button.setToolTip(_("Another stretch of time when this activity may happen"))
        self.add_button.clicked.connect(self._on_add)
        self.error = ErrorLabel(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.rows_layout)
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)

    @property
    def row_count(self) -> int:
        """Number of window rows shown."""
        return len(self._rows)

    def row(self, i: int) -> tuple[QComboBox, QLineEdit, QLineEdit, ErrorLabel]:
        """The widgets of row ``i``: day, from, to, error label."""
        r = self._rows[i]
        return r.day, r.start, r.end, r.error

    def remove_row(self, i: int) -> None:
        """Remove row ``i`` as the user would."""
        self._on_remove(self._rows[i])

    def set_windows(self, windows: tuple[Window, ...], n_days: int) -> None:
        """Show ``windows`` for a visit of ``n_days`` days."""
        self._loading = True
        try:
            self._n_days = n_days
            for r in self._rows:
                self.rows_layout.removeWidget(r)
                r.hide()
                r.deleteLater()
            self._rows = []
            for w in windows:
                self._add_row(w)
            self.error.say("")
        finally:
            self._loading = False

    def windows(self) -> tuple[Window, ...] | None:
        """The windows typed, marking bad rows in place; None if any is invalid."""
        out: list[Window] = []
        ok = True
        for r in self._rows:
            bad_start, bad_end = time_error(r.start.text()), time_error(r.end.text())
            message = bad_start or bad_end
            if not message:
                start, end = parse_hhmm(r.start.text()), parse_hhmm(r.end.text())
                if end <= start:
                    message = _("The window ends before it starts")
                    bad_end = message
                else:
                    out.append(Window(start, end, r.day.currentData()))
            mark(r.start, None, bad_start, _(OPENS_TIP))
            mark(r.end, None, bad_end, _(CLOSES_TIP))
            r.error.say(message)
            ok = ok and not message
        self.error.say("" if self._rows else _("Give at least one time window"))
        if not ok or not out:
            return None
        return tuple(out)

    def _add_row(self, window: Window) -> None:
        row = _Row(window, self._n_days, self)
        row.start.textChanged.connect(self._on_text)
        row.end.textChanged.connect(self._on_text)
        row.start.editingFinished.connect(self._on_done)
        row.end.editingFinished.connect(self._on_done)
        row.day.currentIndexChanged.connect(self._on_done)
        row.remove.clicked.connect(lambda *_: self._on_remove(row))
        self.rows_layout.addWidget(row)
        self._rows.append(row)

    def _on_text(self, _text: str) -> None:
        if not self._loading:
            self.windows()

    def _on_done(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def _on_add(self) -> None:
        self._add_row(Window(9 * 60, 17 * 60))
        self.edited.emit()

    def _on_remove(self, row: _Row) -> None:
        self._rows.remove(row)
        self.rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.edited.emit()
