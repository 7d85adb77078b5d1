"""The balance panel: formal versus informal time, time together, interpreter load, score."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitplanner.domain import Schedule, Visit
from visitplanner.domain.clock import duration_text
from visitplanner.i18n import _, ngettext
from visitplanner.solver.balance import (
    BalanceSummary,
    balance_summary,
    breaks_text,
    term_help,
    term_label,
)
from visitplanner.solver.checker import CheckReport
from visitplanner.ui.problem_lines import problems_text

FORMAL = QColor("#3f6fb5")
INFORMAL = QColor("#4c9a5b")
TOGETHER = QColor("#c98a2b")
OVER = QColor("#c62828")
WAITING = QColor("#8a8a8a")
GOOD = "#2e7d32"
BAD = "#c62828"


@dataclass(frozen=True)
class BarRow:
    """One bar: ``value`` minutes against an optional ``limit`` (a maximum or a target)."""

    label: str
    value: int
    colour: QColor
    limit: int | None = None
    limit_is_max: bool = True
    #: more words for the tooltip (e.g. who)
    detail: str = ""

    @property
    def text(self) -> str:
        """The figure printed after the bar."""
        if self.limit is None:
            return duration_text(self.value)
        pattern = (
            _("{value} (at most {limit})") if self.limit_is_max else _("{value} (target {limit})")
        )
        return pattern.format(value=duration_text(self.value), limit=duration_text(self.limit))

    @property
    def off(self) -> bool:
        """Over a maximum, or short of a target."""
        if self.limit is None:
            return False
        return self.value > self.limit if self.limit_is_max else self.value < self.limit


class Bars(QWidget):
    """Horizontal bars on a shared scale, with a tick for each limit."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BarRow] = []
        self.setMinimumHeight(self.ROW)

    def set_rows(self, rows: list[BarRow]) -> None:
        """Show ``rows``."""
        self.rows = rows
        self.setMinimumHeight(max(1, len(rows)) * self.ROW + 4)
        self.setToolTip(
            "\n".join(f"{r.label}: {r.text}" + (f" ({r.detail})" if r.detail else "") for r in rows)
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Room for every row."""
        return QSize(420, max(1, len(self.rows)) * self.ROW + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Draw label, bar, limit tick and figure for each row."""
        if not self.rows:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        label_w = max(fm.horizontalAdvance(r.label) for r in self.rows) + 10
        text_w = max(fm.horizontalAdvance(r.text) for r in self.rows) + 10
        bar_w = max(40, self.width() - label_w - text_w - 8)
        scale = max(max(r.value, r.limit or 0) for r in self.rows) or 1
        for i, r in enumerate(self.rows):
            y = 2 + i * self.ROW
            p.setPen(self.palette().windowText().color())
            p.drawText(
                QRectF(0, y, label_w - 6, self.ROW),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                r.label,
            )
            track = QRectF(label_w, y + 5, bar_w, self.ROW - 10)
            p.fillRect(track, QColor("#e6e6e6"))
            within = min(r.value, r.limit) if r.off and r.limit_is_max and r.limit else r.value
            filled = QRectF(track.x(), track.y(), bar_w * within / scale, track.height())
            p.fillRect(filled, r.colour)
            if within < r.value:  # the part over a maximum, in red
                excess = QRectF(
                    filled.right(), track.y(), bar_w * (r.value - within) / scale, track.height()
                )
                p.fillRect(excess, OVER)
            if r.limit is not None:
                x = label_w + bar_w * r.limit / scale
                p.setPen(QPen(QColor("#222222"), 2))
                p.drawLine(int(x), y + 2, int(x), y + self.ROW - 2)
            p.setPen(QColor(BAD) if r.off else self.palette().windowText().color())
            p.drawText(
                QRectF(label_w + bar_w + 8, y, text_w, self.ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                r.text,
            )
        p.end()


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    return table


def _fit_height(table: QTableWidget) -> None:
    """Show every row and column: the table never scrolls or clips (the panel scrolls)."""
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
    header = table.horizontalHeader()
    frame = 2 * table.frameWidth()
    height = max(header.height(), header.sizeHint().height()) + frame
    height += table.verticalHeader().length()
    # Room for the horizontal scroll bar too, so a narrow panel never hides a row.
    table.setFixedHeight(height + 2 + table.horizontalScrollBar().sizeHint().height())


def _cell(
    text: str, bad: bool = False, tooltip: str = "", number: bool = False
) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bad:
        item.setForeground(QColor(BAD))
    if tooltip:
        item.setToolTip(tooltip)
    return item


class BalancePanel(QWidget):
    """How balanced the programme is, refreshed after every change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget(self)
        lay = QVBoxLayout(inner)
        self.status = QLabel(_("No programme yet."), inner)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

        def group(title: str, tip: str, body: QWidget) -> None:
            box = QGroupBox(title, inner)
            box.setToolTip(tip)
            QVBoxLayout(box).addWidget(body)
            lay.addWidget(box)

        self.day_bars = Bars(inner)
        group(
            _("Formal and informal time per day"),
            _("Blue: formal meetings (the tick marks the daily maximum). Green: informal time."),
            self.day_bars,
        )
        self.together_bars = Bars(inner)
        group(
            _("Informal time together"),
            _("Time with the hosts and the visitors' own time, against the targets (tick)"),
            self.together_bars,
        )
        self.interpreter_table = _table(
            [
                _("Interpreter"),
                _("Day"),
                _("Formal interpreting"),
                _("Longest stretch"),
                _("Breaks"),
            ],
            inner,
        )
        group(
            _("Interpreter load"),
            _(
                "Formal meetings the interpreter attends; a stretch joins meetings separated "
                "by less than the minimum break; two interpreters taking turns are each "
                "counted half the meeting"
            ),
            self.interpreter_table,
        )
        self.score_table = _table([_("What costs points"), _("Weight"), _("Points")], inner)
        group(
            _("Score by term (lower is better)"),
            _("Each soft term's weighted points; the planner keeps the total as low as it can"),
            self.score_table,
        )
        lay.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.summary: BalanceSummary | None = None

    def show_report(self, visit: Visit, schedule: Schedule, report: CheckReport) -> None:
        """Show the balance of ``schedule`` and the soft score of ``report``."""
        summary = balance_summary(visit, schedule)
        self.summary = summary
        self._show_status(report, len(schedule))
        t = summary.targets
        day_rows: list[BarRow] = []
        for d in summary.days:
            day_rows.append(
                BarRow(
                    _("Day {day} formal (busiest visitor)").format(day=d.day),
                    d.busiest_formal,
                    FORMAL,
                    t.max_formal_minutes_per_day,
                )
            )
            day_rows.append(BarRow(_("Day {day} informal").format(day=d.day), d.informal, INFORMAL))
            if d.longest_wait:
                label = _("Day {day} waiting (longest)").format(day=d.day)
                day_rows.append(BarRow(label, d.longest_wait, WAITING, detail=d.waiting))
        self.day_bars.set_rows(day_rows)
        self.together_bars.set_rows(
            [
                BarRow(
                    _("With hosts"), summary.host_visitor, TOGETHER, t.host_visitor_target, False
                ),
                BarRow(
                    _("Visitors only"),
                    summary.visitors_only,
                    INFORMAL,
                    t.visitors_only_target,
                    False,
                ),
            ]
        )
        self._show_interpreters(summary)
        self._show_score(visit, report)

    def _show_status(self, report: CheckReport, placed: int) -> None:
        score = _("Score {score} (lower is better).").format(score=report.total_cost)
        if not placed:
            text = _("Nothing is planned yet: use Solve to make a programme.")
            self.status.setText(text)
            self.status.setStyleSheet("font-weight: bold;")
            return
        if report.ok:
            text = ngettext(
                "All rules are kept ({n} activity placed).",
                "All rules are kept ({n} activities placed).",
                placed,
            ).format(n=placed)
            colour = GOOD
        else:
            text = _("{problems} — see the Problems list.").format(problems=problems_text(report))
            colour = BAD
        self.status.setText(f"{text} {score}")
        self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _show_interpreters(self, summary: BalanceSummary) -> None:
        rules = summary.rules
        table = self.interpreter_table
        table.setRowCount(len(summary.interpreters))
        for row, i in enumerate(summary.interpreters):
            breaks = breaks_text(i, duration_text) or "—"
            turns = (
                ngettext(
                    "Takes turns with another interpreter at {n} meeting: half of it is counted",
                    "Takes turns with another interpreter at {n} meetings: half of each is counted",
                    i.turns,
                ).format(n=i.turns)
                if i.turns
                else ""
            )
            table.setItem(row, 0, _cell(i.name))
            table.setItem(row, 1, _cell(str(i.day)))
            table.setItem(
                row,
                2,
                _cell(
                    _("{value} of {limit}").format(
                        value=duration_text(i.formal), limit=duration_text(rules.max_formal_per_day)
                    ),
                    i.formal > rules.max_formal_per_day,
                    turns,
                ),
            )
            table.setItem(
                row,
                3,
                _cell(
                    _("{value} (at most {limit})").format(
                        value=duration_text(i.longest_stretch),
                        limit=duration_text(rules.max_continuous),
                    ),
                    i.longest_stretch > rules.max_continuous,
                    turns,
                ),
            )
            table.setItem(
                row,
                4,
                _cell(
                    breaks,
                    i.longest_stretch > rules.max_continuous,
                    _("A break is at least {minutes}").format(
                        minutes=duration_text(rules.min_break)
                    ),
                ),
            )
        _fit_height(table)

    def _show_score(self, visit: Visit, report: CheckReport) -> None:
        table = self.score_table
        terms = sorted(report.costs.items(), key=lambda kv: (-kv[1], kv[0]))
        table.setRowCount(len(terms) + 1)
        for row, (term, points) in enumerate(terms):
            table.setItem(row, 0, _cell(term_label(term), tooltip=term_help(term)))
            table.setItem(row, 1, _cell(str(visit.weights.of(term)), number=True))
            table.setItem(row, 2, _cell(str(points), number=True))
        total = _cell(_("Total"))
        font = total.font()
        font.setBold(True)
        total.setFont(font)
        table.setItem(len(terms), 0, total)
        table.setItem(len(terms), 1, _cell(""))
        total_points = _cell(str(report.total_cost), number=True)
        total_points.setFont(font)
        table.setItem(len(terms), 2, total_points)
        _fit_height(table)
