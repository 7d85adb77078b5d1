"""The visit settings editor: title, time zone, dates, hours, balance, interpreter, weights."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Balance, DateWindow, InterpreterRules, Visit, Weights
from visitplanner.domain.clock import parse_hhmm
from visitplanner.domain.visit import DEFAULT_WEIGHTS
from visitplanner.i18n import N_, _, ngettext
from visitplanner.solver.balance import term_help, term_label
from visitplanner.ui.editors.common import (
    ErrorLabel,
    Field,
    Form,
    minutes_spin,
    show_errors,
    time_error,
    time_text,
    zone_combo,
    zone_error,
)

WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
SLOTS = (5, 10, 15, 20, 30, 60)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    edit.setKeyboardTracking(False)
    edit.setMaximumWidth(200)
    return edit


def _group(title: str, parent: QWidget) -> tuple[QGroupBox, Form]:
    box = QGroupBox(title, parent)
    form = Form(box)
    lay = QVBoxLayout(box)
    lay.addWidget(form)
    return box, form


class VisitSettingsEditor(QWidget):
    """Edit the visit's own settings; each finished change goes out as a new Visit."""

    visit_edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visit: Visit | None = None
        self._loading = False
        inner = QWidget(self)
        columns = self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, inner)
        left, right = self.sides = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        box, form = _group(_("The visit"), inner)
        self.title_edit = QLineEdit(form)
        self.zone_combo = zone_combo(form)
        self.title = form.add(_("Title"), self.title_edit, _("Printed on the itinerary"))
        self.zone = form.add(
            _("Time zone"),
            self.zone_combo,
            _("Where the visit happens; all times are in this zone"),
        )
        left.addWidget(box)

        box, form = _group(_("Dates"), inner)
        self.first_date = _date_edit(form)
        self.days_spin = QSpinBox(form)
        self.days_spin.setRange(1, 14)
        self.days_spin.setSuffix(_(" days"))
        self.days_spin.setKeyboardTracking(False)
        self.days_spin.setMaximumWidth(140)
        self.dates_note = QLabel(form)
        self.dates_note.setWordWrap(True)
        self.first = form.add(_("First day"), self.first_date, _("The first day of the visit"))
        self.days = form.add(_("Length"), self.days_spin, _("How many consecutive days"))
        form.layout_.addRow(self.dates_note)
        self.window_box = QGroupBox(_("Choose the dates from a window"), form)
        self.window_box.setCheckable(True)
        self.window_box.setToolTip(
            _("Tick to look for the best run of days between two dates, using everyone's calendars")
        )
        wform = Form(self.window_box)
        QVBoxLayout(self.window_box).addWidget(wform)
        self.window_first = _date_edit(wform)
        self.window_last = _date_edit(wform)
        week = QWidget(wform)
        week_lay = QHBoxLayout(week)
        week_lay.setContentsMargins(0, 0, 0, 0)
        self.weekday_checks = [QCheckBox(_(name), week) for name in WEEKDAYS]
        for check in self.weekday_checks:
            week_lay.addWidget(check)
        week_lay.addStretch(1)
        self.window_from = wform.add(
            _("From"), self.window_first, _("The earliest possible first day")
        )
        self.window_to = wform.add(_("To"), self.window_last, _("The latest possible last day"))
        self.weekdays = wform.add(_("On"), week, _("Days of the week the visit may fall on"))
        form.layout_.addRow(self.window_box)
        left.addWidget(box)

        box, form = _group(_("Each day"), inner)
        self.start_edit = QLineEdit(form)
        self.end_edit = QLineEdit(form)
        self.slot_combo = QComboBox(form)
        self.slot_combo.setMaximumWidth(140)
        for edit in (self.start_edit, self.end_edit):
            edit.setMaximumWidth(100)
            edit.setPlaceholderText("07:00")
        self.day_start = form.add(
            _("Starts"), self.start_edit, _("Nothing is planned before, e.g. 07:00")
        )
        self.day_end = form.add(_("Ends"), self.end_edit, _("Nothing is planned after, e.g. 23:00"))
        self.slot = form.add(
            _("Time steps"),
            self.slot_combo,
            _("Activities start on multiples of this many minutes"),
        )
        left.addWidget(box)
        left.addStretch(1)

        box, form = _group(_("Balance"), inner)
        self.max_formal_spin = minutes_spin(form, maximum=1440)
        self.host_target_spin = minutes_spin(form, maximum=10_000)
        self.visitors_target_spin = minutes_spin(form, maximum=10_000)
        form.add(
            _("Formal time per day, at most"),
            self.max_formal_spin,
            _("More formal time than this in a day counts against a programme"),
        )
        form.add(
            _("Informal time with hosts, target"),
            self.host_target_spin,
            _("Informal minutes with hosts and visitors together, over the whole visit"),
        )
        form.add(
            _("Visitors' own time, target"),
            self.visitors_target_spin,
            _("Informal minutes among the visitors without hosts, over the whole visit"),
        )
        right.addWidget(box)

        box, form = _group(_("Interpreter"), inner)
        self.continuous_spin = minutes_spin(form, minimum=5)
        self.break_spin = minutes_spin(form)
        self.interp_day_spin = minutes_spin(form, minimum=5)
        form.add(
            _("Longest stretch without a break"),
            self.continuous_spin,
            _("Longest continuous formal interpreting"),
        )
        form.add(
            _("Break of at least"), self.break_spin, _("A shorter gap does not count as a break")
        )
        form.add(
            _("Formal interpreting per day, at most"),
            self.interp_day_spin,
            _("Total formal interpreting in one day"),
        )
        right.addWidget(box)

        box, form = _group(_("What matters most (weights)"), inner)
        self.weight_spins: dict[str, QSpinBox] = {}
        for term in DEFAULT_WEIGHTS:
            spin = QSpinBox(form)
            spin.setRange(0, 10_000)
            spin.setMaximumWidth(120)
            spin.setKeyboardTracking(False)
            form.add(term_label(term), spin, term_help(term))
            self.weight_spins[term] = spin
        hint = QLabel(_("A higher weight makes the planner avoid that more."), form)
        hint.setWordWrap(True)
        form.layout_.addRow(hint)
        right.addWidget(box)
        right.addStretch(1)

        self.general_error = ErrorLabel(inner)
        left.addWidget(self.general_error)
        scroll = self.scroller = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(scroll)
        self._connect()
        self.setEnabled(False)

    def _connect(self) -> None:
        def on(text: str) -> Callable[..., None]:
            return lambda *_: self.commit(text)

        self.title_edit.textChanged.connect(self._on_text)
        self.title_edit.editingFinished.connect(on(_("Change the visit title")))
        zone_line = self.zone_combo.lineEdit()
        assert zone_line is not None
        zone_line.textChanged.connect(self._on_text)
        zone_line.editingFinished.connect(on(_("Change the time zone")))
        self.zone_combo.activated.connect(on(_("Change the time zone")))
        self.first_date.dateChanged.connect(on(_("Change the dates")))
        self.days_spin.valueChanged.connect(on(_("Change the dates")))
        self.window_box.toggled.connect(on(_("Change the candidate dates")))
        self.window_first.dateChanged.connect(on(_("Change the candidate dates")))
        self.window_last.dateChanged.connect(on(_("Change the candidate dates")))
        for check in self.weekday_checks:
            check.toggled.connect(on(_("Change the candidate dates")))
        for edit in (self.start_edit, self.end_edit):
            edit.textChanged.connect(self._on_text)
            edit.editingFinished.connect(on(_("Change the hours of the day")))
        self.slot_combo.currentIndexChanged.connect(on(_("Change the time steps")))
        for spin in (self.max_formal_spin, self.host_target_spin, self.visitors_target_spin):
            spin.valueChanged.connect(on(_("Change the balance targets")))
        for spin in (self.continuous_spin, self.break_spin, self.interp_day_spin):
            spin.valueChanged.connect(on(_("Change the interpreter rules")))
        for spin in self.weight_spins.values():
            spin.valueChanged.connect(on(_("Change the weights")))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Two columns when they fit side by side, else one (long French labels, small screens)."""
        super().resizeEvent(event)
        needed = sum(side.minimumSize().width() for side in self.sides) + 40
        wide = event.size().width() - 30 >= needed  # margins and a scroll bar
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    @property
    def visit(self) -> Visit | None:
        """The visit shown, including the editor's own last edit."""
        return self._visit

    def set_visit(self, visit: Visit) -> None:
        """Show ``visit``'s settings."""
        if visit is self._visit or visit == self._visit:
            self._visit = visit
            return
        self._visit = visit
        self._loading = True
        try:
            self._load(visit)
        finally:
            self._loading = False
        self.setEnabled(True)
        self.validate()

    def _load(self, v: Visit) -> None:
        self.title_edit.setText(v.title)
        self.zone_combo.setEditText(v.zone)
        first = v.dates[0] if v.dates else date.today()
        self.first_date.setDate(_qdate(first))
        self.days_spin.setValue(max(1, v.n_days))
        consecutive = all((b - a).days == 1 for a, b in zip(v.dates, v.dates[1:], strict=False))
        self.dates_note.setText(
            ""
            if consecutive
            else _("The dates are not consecutive; changing them here makes them so.")
        )
        self.dates_note.setVisible(not consecutive)
        window = v.candidate_dates
        self.window_box.setChecked(window is not None)
        self.window_first.setDate(_qdate(window.first if window else first))
        self.window_last.setDate(_qdate(window.last if window else first + timedelta(days=21)))
        weekdays = window.weekdays if window else (0, 1, 2, 3, 4)
        for i, check in enumerate(self.weekday_checks):
            check.setChecked(i in weekdays)
        self.start_edit.setText(time_text(v.day_start))
        self.end_edit.setText(time_text(v.day_end))
        self.slot_combo.clear()
        for s in sorted({*SLOTS, v.slot}):
            self.slot_combo.addItem(_("{n} min").format(n=s), s)
        self.slot_combo.setCurrentIndex(self.slot_combo.findData(v.slot))
        self.max_formal_spin.setValue(v.balance.max_formal_minutes_per_day)
        self.host_target_spin.setValue(v.balance.host_visitor_target)
        self.visitors_target_spin.setValue(v.balance.visitors_only_target)
        self.continuous_spin.setValue(v.interpreter_rules.max_continuous)
        self.break_spin.setValue(v.interpreter_rules.min_break)
        self.interp_day_spin.setValue(v.interpreter_rules.max_formal_per_day)
        for term, spin in self.weight_spins.items():
            spin.setValue(v.weights.of(term))

    def _on_text(self, _text: str) -> None:
        if not self._loading:
            self.validate()

    def validate(self) -> bool:
        """Mark every invalid field in place; True when every entry is valid."""
        checks: list[tuple[Field, str]] = [
            (self.title, "" if self.title_edit.text().strip() else _("Give the visit a title")),
            (self.zone, zone_error(self.zone_combo.currentText())),
            (self.day_start, time_error(self.start_edit.text())),
            (self.day_end, time_error(self.end_edit.text()) or self._day_order_error()),
        ]
        window_to = weekdays = ""
        if self.window_box.isChecked():
            first, last = _pydate(self.window_first.date()), _pydate(self.window_last.date())
            days = tuple(i for i, c in enumerate(self.weekday_checks) if c.isChecked())
            if last < first:
                window_to = _("The window ends before it starts")
            elif not days:
                weekdays = _("Tick at least one day of the week")
            elif not DateWindow(first, last, self.days_spin.value(), days).runs():
                n = self.days_spin.value()
                window_to = ngettext(
                    "No run of {n} day fits in this window",
                    "No run of {n} days fits in this window",
                    n,
                ).format(n=n)
        checks += [(self.window_to, window_to), (self.weekdays, weekdays)]
        return show_errors(checks)

    def _day_order_error(self) -> str:
        if time_error(self.start_edit.text()):
            return ""
        start, end = parse_hhmm(self.start_edit.text()), parse_hhmm(self.end_edit.text())
        return _("The day ends before it starts") if end <= start else ""

    def build(self) -> Visit | None:
        """The visit as the form says, or None while an entry is invalid."""
        visit = self._visit
        if visit is None or not self.validate():
            return None
        first, n = _pydate(self.first_date.date()), self.days_spin.value()
        dates = tuple(first + timedelta(days=i) for i in range(n))
        if visit.dates and (visit.dates[0], visit.n_days) == (first, n):
            dates = visit.dates
        window = None
        if self.window_box.isChecked():
            window = DateWindow(
                _pydate(self.window_first.date()),
                _pydate(self.window_last.date()),
                n,
                tuple(i for i, c in enumerate(self.weekday_checks) if c.isChecked()),
            )
        weights = dict(visit.weights.values)
        weights.update({term: spin.value() for term, spin in self.weight_spins.items()})
        return replace(
            visit,
            title=self.title_edit.text().strip(),
            zone=self.zone_combo.currentText().strip(),
            dates=dates,
            candidate_dates=window,
            day_start=parse_hhmm(self.start_edit.text()),
            day_end=parse_hhmm(self.end_edit.text()),
            slot=int(self.slot_combo.currentData()),
            balance=Balance(
                self.max_formal_spin.value(),
                self.host_target_spin.value(),
                self.visitors_target_spin.value(),
            ),
            interpreter_rules=InterpreterRules(
                self.continuous_spin.value(), self.break_spin.value(), self.interp_day_spin.value()
            ),
            weights=Weights(weights) if weights != dict(visit.weights.values) else visit.weights,
        )

    def commit(self, text: str = "") -> None:
        """Send the settings out as a new visit (with undo ``text``) if valid and changed."""
        text = text or _("Change the visit settings")
        if self._loading:
            return
        new = self.build()
        if new is None or new == self._visit:
            return
        self._visit = new
        self.visit_edited.emit(new, text)
