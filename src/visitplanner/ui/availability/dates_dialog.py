"""Choosing the dates: rank the candidate runs in the background and pick one.

:class:`DatesDialog` runs :func:`rank_dates` on a :class:`QThread` (the window
stays responsive), shows progress, then the options best first. Tests drive
the dialog directly (``start()``, ``ranking_finished``, ``chosen()``) without
``exec()``; :func:`choose_dates` is the modal entry point for the main window.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Protocol

from babel.numbers import format_decimal
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Visit
from visitplanner.i18n import _, babel_locale, current_language, language, ngettext
from visitplanner.solver.dates import (
    DateOption,
    ProgressFn,
    candidate_runs,
    days_text,
    rank_dates,
)
from visitplanner.solver.result import StopSignal


class RankFn(Protocol):
    """The ranking function (``rank_dates`` or a test fake)."""

    def __call__(
        self,
        visit: Visit,
        time_limit: float = ...,
        *,
        on_progress: ProgressFn | None = ...,
        stop: StopSignal | None = ...,
    ) -> list[DateOption]: ...


class RankWorker(QObject):
    """Ranks on its thread; emits ``progress(done, total)`` then ``done`` or ``failed``."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, rank: RankFn, visit: Visit, time_limit: float) -> None:
        super().__init__()
        # A new thread starts in English: carry the app's language over.
        self.language = current_language()
        self._rank = rank
        self.visit = visit
        self.time_limit = time_limit
        self.stop_signal = StopSignal()

    @Slot()
    def run(self) -> None:
        """Rank every run (on the worker thread); never lets an exception escape."""
        try:
            with language(self.language):
                options = self._rank(
                    self.visit,
                    self.time_limit,
                    on_progress=self.progress.emit,
                    stop=self.stop_signal,
                )
        except Exception as exc:  # a planner bug must not kill the app
            with language(self.language):
                self.failed.emit(_("Comparing the dates failed: {error}").format(error=exc))
            return
        self.done.emit(options)


class DatesDialog(QDialog):
    """Compares the candidate dates and lets the coordinator pick a run of days."""

    ranking_finished = Signal(object)

    def __init__(
        self,
        visit: Visit,
        parent: QWidget | None = None,
        *,
        rank: RankFn | None = None,
        time_limit: float = 2.0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Choose the dates"))
        self.visit = visit
        self._rank: RankFn = rank if rank is not None else rank_dates
        self._time_limit = time_limit
        self._thread: QThread | None = None
        self._worker: RankWorker | None = None
        self._options: list[DateOption] = []
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(len(candidate_runs(visit)), 1))
        self.progress.setValue(0)
        self.progress.setFormat(_("%v of %m runs of days tried"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Days"), _("Programme"), _("Score"), _("Why")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._use_selected())
        buttons = QDialogButtonBox()
        self.use_button: QPushButton = buttons.addButton(
            _("Use these dates"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.use_button.setEnabled(False)
        buttons.accepted.connect(self._use_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(960, 520)

    @property
    def running(self) -> bool:
        """Whether the ranking is still going."""
        return self._thread is not None

    def options(self) -> list[DateOption]:
        """The options found, best first."""
        return list(self._options)

    def start(self) -> None:
        """Start ranking on a background thread (no-op if already running)."""
        if self._thread is not None:
            return
        runs = len(candidate_runs(self.visit))
        self.status.setText(
            ngettext(
                "Trying {n} possible run of days (up to {seconds} s each)…",
                "Trying {n} possible runs of days (up to {seconds} s each)…",
                runs,
            ).format(n=runs, seconds=format_decimal(self._time_limit, locale=babel_locale()))
        )
        thread = QThread()
        worker = RankWorker(self._rank, self.visit, self._time_limit)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        worker.done.connect(thread.quit)
        worker.failed.connect(thread.quit)
        self._thread, self._worker = thread, worker
        thread.start()

    def chosen(self) -> tuple[date, ...] | None:
        """The days of the selected option, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self._options:
            return None
        return self._options[rows[0].row()].days

    def select(self, row: int) -> None:
        """Select option ``row`` (0 is the best)."""
        self.table.selectRow(row)

    def done(self, result: int) -> None:
        """Close: stop a running ranking first and wait for its thread."""
        self._stop_thread()
        super().done(result)

    def _stop_thread(self) -> None:
        if self._worker is not None:
            self._worker.stop_signal.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._worker = None

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.progress.hide()
        self.status.setText(message)
        self.ranking_finished.emit([])

    def _on_done(self, options: list[DateOption]) -> None:
        self._stop_thread()
        self._options = list(options)
        self.progress.hide()
        fits = sum(1 for o in options if o.feasible)
        if not options:
            self.status.setText(_("There are no candidate dates: set a window of possible dates."))
        elif fits:
            self.status.setText(
                ngettext(
                    "The programme fits on {fits} of {n} run of days. "
                    "Best first; a lower score is better.",
                    "The programme fits on {fits} of {n} runs of days. "
                    "Best first; a lower score is better.",
                    len(options),
                ).format(fits=fits, n=len(options))
            )
        else:
            self.status.setText(
                _("The programme fits on none of the candidate dates. The reasons below say why.")
            )
        self._fill()
        if options:
            self.select(0)
        self.ranking_finished.emit(self.options())

    def _fill(self) -> None:
        self.table.setRowCount(len(self._options))
        for row, option in enumerate(self._options):
            score = (
                format_decimal(option.score, locale=babel_locale())
                if math.isfinite(option.score)
                else "–"
            )
            cells = (
                days_text(option.days),
                _("fits") if option.feasible else _("does not fit"),
                score,
                "\n".join(option.reasons),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if col == 3:
                    item.setToolTip(text)
                if col == 1:
                    colour = "#2e7d32" if option.feasible else "#c62828"
                    item.setForeground(QColor(colour))
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    def _update_buttons(self) -> None:
        self.use_button.setEnabled(self.chosen() is not None)

    def _use_selected(self) -> None:
        if self.chosen() is not None:
            self.accept()


def choose_dates(parent: QWidget | None, visit: Visit) -> tuple[date, ...] | None:
    """Show the dialog modally; the chosen run of days, or ``None`` if cancelled."""
    dialog = DatesDialog(visit, parent)
    dialog.start()
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen() if accepted else None
    dialog.deleteLater()
    return chosen
